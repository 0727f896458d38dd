"""La autoevaluación del libro en Chromium: el JavaScript revisa igual que Python, y el capítulo del
módulo 02 se responde en un celular (360×640) sin internet, sin errores y sin barreras de acceso."""

from __future__ import annotations

import json

import pytest

from lideres import banco, cuestionario, libro
from lideres.banco import claves
from lideres.modulos import modulo

pytestmark = [pytest.mark.lento, pytest.mark.navegador]

M = modulo("02_conteos_y_tasas")
# Con la nota de Python sobre la coma decimal, para comparar mensajes idénticos con el cuaderno.
NOTA_COMA = "En Python el decimal se escribe con punto: {numero}"

BANCO_DE_PRUEBA = '''
ejercicio = "99_prueba"
titulo = "Prueba"
introduccion = "Solo para la prueba de paridad."

[[preguntas]]
id = "numero"
tipo = "numero"
habilidad = "calculo"
puntos = 1
enunciado = "¿Cuánto?"
respuesta = 1250
tolerancia = 0.5
explicacion = "Revisa la cuenta."
[[preguntas.errores]]
respuesta = 0.0125
tolerancia = 0.0001
pista = "Falta multiplicar."
[[preguntas.errores]]
respuesta = 125
pista = "Te falta un cero."

[[preguntas]]
id = "opcion"
tipo = "opcion"
habilidad = "juicio"
puntos = 1
enunciado = "¿Cuál?"
opciones = ["uno", "dos", "tres"]
respuesta = "b"
explicacion = "Vuelve a leer."
[[preguntas.errores]]
respuesta = "c"
pista = "Esa no."

[[preguntas]]
id = "distrito"
tipo = "distrito"
habilidad = "juicio"
puntos = 1
enunciado = "¿Dónde?"
opciones = ["San Martín de Porres", "Lince", "Breña", "La Victoria", "Los Olivos"]
respuesta = "San Martín de Porres"
explicacion = "Mira el mapa."
[[preguntas.errores]]
respuesta = "Los Olivos"
pista = "Ese es el vecino."

[[preguntas]]
id = "orden"
tipo = "orden"
habilidad = "juicio"
puntos = 1
enunciado = "Ordena de mayor a menor."
opciones = ["Comas", "Lince", "Breña"]
respuesta = ["Lince", "Breña", "Comas"]
explicacion = "Compara las tasas."
[[preguntas.errores]]
respuesta = ["Comas", "Breña", "Lince"]
pista = "Ordenaste de menor a mayor."

[[preguntas]]
id = "escrita"
tipo = "escrita"
habilidad = "juicio"
puntos = 1
enunciado = "Explica."
respuesta = "Una explicación."
'''

RESPUESTAS = {
    "numero": [
        "1250", "1250.0", "1 250", "1,250", "1250,0", "1.250", " 1250 ", "1\u00a0250", "1_250",
        "1250.4", "1250.6", "1251", "1249.5", "0.0125", "0,0125", "0.01251", "125", "125,0", "12500",
        "-1250", "+1250", "abc", "", "   ", "1e3", "inf", "NaN", "1,25", "0,125", "12,50", ".5",
        "1.", "１２５０", "1250" * 600, 1250, 1250.2, 125.0, -0.0,
    ],
    "opcion": [
        "b", "B", "la b", "La B", "b)", "(b)", "b.", "opción b", "Opcion B", "alternativa b",
        "letra b", "c", "C)", "a", "d", "e", "respuesta b", "bb", "", "1", "ñ", "á", " b ",
        "la  b", "b c", "B.", "Ⓑ",
    ],
    "distrito": [
        "San Martín de Porres", "san martin de porres", "SAN MARTÍN DE PORRES", "San Martin  de Porres!",
        "San Martín de Pores", "Sanmartin de Porres", "Los Olivos", "los olivos", "Los Olivo",
        "Lince", "Linse", "Breña", "Brena", "Miraflores", "", "¿?", "la victoria", "La Victori",
        "Ｌｉｎｃｅ", "Lince\n",
    ],
    "orden": [
        ["Lince", "Breña", "Comas"], ["lince", "brena", "comas"], ["Linse", "Breña", "Comas"],
        ["Comas", "Breña", "Lince"], ["Breña", "Lince", "Comas"], ["Lince", "Comas"],
        ["Lince", "Lince", "Comas"], "Lince, Breña, Comas", "Lince; Breña; Comas", "Lince\nBreña\nComas",
        "Comas, Breña, Lince", [], "", ["Lince", "Breña", "Comas", "Miraflores"],
    ],
    "escrita": ["Algo", "", None],
}

TEXTOS_CLAVE = [
    "", "a", "abc", "San Martín de Porres", "ñandú", "Ｌｉｎｃｅ", "İstanbul", "ﬁ", "é", "e\u0301",
    "😀 emoji", "日本語", "tab\tsalto\nfin", " \u00a0x\u2009y\u202f", "Ⓑ", "x" * 2001, "x" * 2000,
    "\u0085b\u0085", "\ufeffb", "1,250.50", "- 5", "+.5", "5.", "1,2345", "0,250", "01,250",
]


@pytest.fixture(scope="module")
def hoja(navegador):
    """Una página vacía con el JavaScript del cuestionario, sin crypto.subtle (como en la red local)."""
    contexto = navegador.new_context()
    page = contexto.new_page()
    errores = []
    page.on("pageerror", lambda e: errores.append(str(e)))
    page.set_content('<!DOCTYPE html><html lang="es"><head><title>x</title></head><body></body></html>')
    page.evaluate("() => { Object.defineProperty(window.crypto, 'subtle', {value: undefined}); }")
    page.add_script_tag(content=cuestionario.codigo_js())
    assert page.evaluate("() => window.crypto.subtle === undefined")
    yield page
    assert errores == []
    contexto.close()


@pytest.fixture(scope="module")
def publico_prueba(tmp_path_factory):
    carpeta = tmp_path_factory.mktemp("banco") / "99_prueba"
    carpeta.mkdir()
    archivo = carpeta / "preguntas.toml"
    archivo.write_text(BANCO_DE_PRUEBA, encoding="utf-8")
    return banco.cargar(archivo).publico()


def test_sha256_igual_que_hashlib(hoja):
    import hashlib

    textos = TEXTOS_CLAVE + ["a" * n for n in (55, 56, 63, 64, 65, 119, 120, 1000)]
    js = hoja.evaluate("(ts) => ts.map(t => window.lideresSha256(t))", textos)
    assert js == [hashlib.sha256(t.encode()).hexdigest() for t in textos]


def test_claves_iguales_que_python(hoja):
    js = hoja.evaluate(
        """(ts) => ts.map(t => [LideresBanco.claveTexto(t), LideresBanco.claveOpcion(t),
                                 LideresBanco.comoNumero(t)])""",
        TEXTOS_CLAVE,
    )
    py = [[claves.clave_texto(t), claves.clave_opcion(t), list(claves.como_numero(t))]
          for t in TEXTOS_CLAVE]
    assert js == py


def _veredictos_js(hoja, publica, respuestas, textos):
    return hoja.evaluate(
        "([p, rs, t]) => rs.map(r => { const v = LideresBanco.revisar(p, r, t);"
        " return [v.correcto, v.mensaje]; })",
        [publica, respuestas, textos],
    )


@pytest.mark.parametrize("origen", ["prueba", "02"])
def test_mismo_veredicto_que_revisar(hoja, publico_prueba, origen):
    """Cada respuesta de la tabla recibe el mismo veredicto y el mismo mensaje en JS y en Python."""
    publico = publico_prueba if origen == "prueba" else banco.cargar(M.id).publico()
    # Con los textos del cuaderno (nota de la coma, pista con punto): el libro solo cambia esos dos.
    from lideres.banco import revision

    textos = {**cuestionario.textos(), "COMA_DECIMAL": NOTA_COMA, "FORMATO": dict(revision.FORMATO)}
    revisadas = 0
    for publica in publico["preguntas"]:
        respuestas = list(RESPUESTAS[publica["tipo"]])
        respuestas += [o for o in publica.get("opciones") or [] if publica["tipo"] != "opcion"]
        js = _veredictos_js(hoja, json.loads(json.dumps(publica)), respuestas, textos)
        for respuesta, (correcto, mensaje) in zip(respuestas, js, strict=True):
            v = banco.revisar(publica, respuesta)
            assert (correcto, mensaje) == (v.correcto, v.mensaje), (publica["id"], respuesta)
            revisadas += 1
    assert revisadas > 40


def test_libro_acepta_coma_sin_nota_de_python(hoja, publico_prueba):
    """En el libro nadie escribe Python: «1250,0» está bien, sin la nota del punto decimal."""
    numero = next(p for p in publico_prueba["preguntas"] if p["tipo"] == "numero")
    js = _veredictos_js(hoja, numero, ["1250,0", "0,0125"], cuestionario.textos())
    assert js == [[True, "¡Bien!"], [False, "Falta multiplicar."]]


# ---------------------------------------------------------------- el capítulo, en un celular

SELECTOR_PREGUNTA = ".lideres-cuestionario fieldset[data-pregunta='{}']"


def _resultado(page, id_):
    return page.locator(SELECTOR_PREGUNTA.format(id_) + " .lideres-resultado")


def _revisar(page, id_):
    page.locator(SELECTOR_PREGUNTA.format(id_) + " .lideres-revisar").click()


def test_autoevaluacion_del_capitulo_en_celular(celular, servidor):
    from axe_playwright_python.sync_playwright import Axe

    page = celular.page
    # En la red del taller (http://192.168.x.x) no hay crypto.subtle: la página no debe necesitarlo.
    page.add_init_script("Object.defineProperty(window.crypto, 'subtle', {value: undefined});")
    respuesta = page.goto(servidor.url(libro.url_capitulo(M)))
    assert respuesta.status == 200
    assert page.evaluate("() => window.crypto.subtle === undefined")
    cuestionario_ = page.locator(".lideres-cuestionario")
    assert cuestionario_.count() == 1
    cuestionario_.scroll_into_view_if_needed()
    publico = banco.cargar(M.id).publico()
    preguntas = {p["id"]: p for p in publico["preguntas"]}
    assert page.locator(".lideres-cuestionario fieldset.lideres-pregunta").count() == len(preguntas)

    # Nada de respuestas legibles: solo huellas (la tasa 250 no está en los datos de la página).
    datos = json.loads(page.locator("script.lideres-datos").text_content())
    assert all("respuesta" not in p for p in datos["preguntas"])
    tasa = {k: v for k, v in datos["preguntas"][0].items() if k not in ("huellas", "errores")}
    assert "250" not in json.dumps(tasa) + json.dumps(list(datos["preguntas"][0]["errores"].values()))

    # Número: primero mal a propósito (un error común, con su pista), luego bien con coma decimal.
    numero = SELECTOR_PREGUNTA.format("tasa-por-100k")
    page.locator(numero + " input").fill("0,0025")
    _revisar(page, "tasa-por-100k")
    pista = preguntas["tasa-por-100k"]["errores"]
    assert _resultado(page, "tasa-por-100k").inner_text() == "✘ " + next(iter(pista.values()))
    celular.captura("cuestionario_pista")
    page.locator(numero + " input").fill("250,0")
    _revisar(page, "tasa-por-100k")
    assert _resultado(page, "tasa-por-100k").inner_text() == "✔ ¡Bien!"

    # Distrito: de la lista.
    page.locator(SELECTOR_PREGUNTA.format("distrito-tasa-mas-alta") + " select").select_option("Lince")
    _revisar(page, "distrito-tasa-mas-alta")
    assert _resultado(page, "distrito-tasa-mas-alta").inner_text() == "✔ ¡Bien!"

    # Opción: tocar la etiqueta (toda la etiqueta es el blanco del dedo).
    opcion = SELECTOR_PREGUNTA.format("tasa-poco-confiable")
    page.locator(opcion + " label.lideres-opcion").nth(1).tap()
    _revisar(page, "tasa-poco-confiable")
    assert _resultado(page, "tasa-poco-confiable").inner_text() == "✔ ¡Bien!"
    conteo = SELECTOR_PREGUNTA.format("conteo-o-tasa")
    page.locator(conteo + " label.lideres-opcion").nth(1).tap()
    _revisar(page, "conteo-o-tasa")
    assert _resultado(page, "conteo-o-tasa").inner_text() == "✔ ¡Bien!"
    cercado = SELECTOR_PREGUNTA.format("tasa-del-cercado")
    page.locator(cercado + " label.lideres-opcion").nth(2).tap()
    _revisar(page, "tasa-del-cercado")
    assert _resultado(page, "tasa-del-cercado").inner_text() == "✔ ¡Bien!"
    resumen = "Llevas 5 de 5 preguntas bien."
    if any(p["tipo"] == "escrita" for p in preguntas.values()):  # la escrita no se revisa sola
        resumen += " " + cuestionario.TEXTOS_PAGINA["RESUMEN_ESCRITAS"]
    assert page.locator(".lideres-resumen").inner_text() == resumen
    celular.captura("cuestionario_bien")

    # Controles de 44 px o más y nada más ancho que la pantalla.
    chicos = page.evaluate(
        """() => Array.from(document.querySelectorAll(
              '.lideres-cuestionario button, .lideres-cuestionario .lideres-campo, .lideres-cuestionario label.lideres-opcion'))
            .map(e => [e.className, e.getBoundingClientRect().height]).filter(([, h]) => h < 44)"""
    )
    assert chicos == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # preload: False: axe no vuelve a pedir las hojas de estilo (resolvería mal el @import "basic.css"
    # del tema y dejaría un 404 en la consola); solo se salta su regla de orientación del CSS.
    resultados = Axe().run(page,
                           options={"resultTypes": ["violations"], "preload": False})
    graves = [v for v in resultados.response["violations"] if v["impact"] in ("serious", "critical")]
    assert graves == [], resultados.generate_report()
    celular.revisar()


def test_ordenar_con_botones_y_pregunta_escrita(navegador, publico_prueba):
    """Los tipos que el módulo 02 no usa (orden, escrita) también se responden tocando, a 360 px."""
    from axe_playwright_python.sync_playwright import Axe

    contexto = navegador.new_context(locale="es-PE", viewport={"width": 360, "height": 640},
                                     is_mobile=True, has_touch=True)
    page = contexto.new_page()
    errores = []
    page.on("pageerror", lambda e: errores.append(str(e)))
    page.on("console", lambda m: errores.append(m.text) if m.type == "error" else None)
    page.set_content('<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>Prueba</title>'
                     '<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
                     f"<body><main>{cuestionario.html(publico_prueba)}</main></body></html>")
    orden = SELECTOR_PREGUNTA.format("orden")
    elementos = f"() => Array.from(document.querySelectorAll(\"{orden} li\")).map(li => li.dataset.valor)"
    assert page.evaluate(elementos) == ["Comas", "Lince", "Breña"]
    assert page.locator(f"{orden} li").first.locator(".lideres-subir").is_disabled()
    _revisar(page, "orden")
    assert _resultado(page, "orden").inner_text() == "✘ Compara las tasas."
    page.get_by_role("button", name="Bajar Comas").tap()
    assert page.locator(f"{orden} .lideres-orden-aviso").inner_text() == "«Comas» quedó en el puesto 2."
    page.get_by_role("button", name="Bajar Comas").tap()
    assert page.evaluate(elementos) == ["Lince", "Breña", "Comas"]
    _revisar(page, "orden")
    assert _resultado(page, "orden").inner_text() == "✔ ¡Bien!"

    # En la pregunta de número, Enter también revisa (y «1 250» se lee como 1250).
    page.locator(SELECTOR_PREGUNTA.format("numero") + " input").fill("1 250")
    page.locator(SELECTOR_PREGUNTA.format("numero") + " input").press("Enter")
    assert _resultado(page, "numero").inner_text() == "✔ ¡Bien!"
    # La escrita no se revisa: no tiene botón «Revisar» ni cuenta en el resumen.
    escrita = SELECTOR_PREGUNTA.format("escrita")
    assert page.locator(escrita + " textarea").count() == 1
    assert page.locator(escrita + " .lideres-revisar").count() == 0
    assert page.locator(".lideres-resumen").inner_text() == (
        "Llevas 2 de 4 preguntas bien. La pregunta escrita no se cuenta: no se revisa sola.")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    resultados = Axe().run(page, options={"resultTypes": ["violations"], "preload": False})
    graves = [v for v in resultados.response["violations"] if v["impact"] in ("serious", "critical")]
    assert graves == [], resultados.generate_report()
    assert errores == []
    contexto.close()


def test_las_respuestas_revisadas_vuelven_al_recargar(navegador, publico_prueba):
    """Quien lee en casa y recarga (o vuelve mañana) encuentra sus respuestas y su resultado; la escrita
    no se guarda. La página se sirve desde una ruta interceptada: nada sale de la computadora."""
    contexto = navegador.new_context(locale="es-PE", viewport={"width": 360, "height": 640})
    pagina_html = ('<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>Prueba</title></head>'
                   f"<body><main>{cuestionario.html(publico_prueba)}</main></body></html>")
    url = "http://127.0.0.1:9/capitulo.html"
    contexto.route(url, lambda r: r.fulfill(body=pagina_html, content_type="text/html; charset=utf-8"))
    page = contexto.new_page()
    errores = []
    page.on("pageerror", lambda e: errores.append(str(e)))
    page.goto(url)
    page.locator(SELECTOR_PREGUNTA.format("numero") + " input").fill("1 250")
    _revisar(page, "numero")
    orden = SELECTOR_PREGUNTA.format("orden")
    page.get_by_role("button", name="Bajar Comas").click()
    page.get_by_role("button", name="Bajar Comas").click()
    _revisar(page, "orden")
    page.locator(SELECTOR_PREGUNTA.format("escrita") + " textarea").fill("algo personal")
    page.reload()
    assert page.locator(SELECTOR_PREGUNTA.format("numero") + " input").input_value() == "1 250"
    assert _resultado(page, "numero").inner_text() == "✔ ¡Bien!"
    valores = f"() => Array.from(document.querySelectorAll(\"{orden} li\")).map(li => li.dataset.valor)"
    assert page.evaluate(valores) == ["Lince", "Breña", "Comas"]
    assert _resultado(page, "orden").inner_text() == "✔ ¡Bien!"
    assert page.locator(SELECTOR_PREGUNTA.format("escrita") + " textarea").input_value() == ""
    assert page.locator(".lideres-resumen").inner_text().startswith("Llevas 2 de 4 preguntas bien.")
    assert errores == []
    contexto.close()


def test_la_pista_de_numero_del_libro_no_pide_punto(hoja):
    textos = cuestionario.textos()
    assert "punto" not in textos["FORMATO"]["numero"]
    assert "," in textos["FORMATO"]["numero"]
