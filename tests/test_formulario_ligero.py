"""El formulario ligero del ejercicio (issue 19 §1) contra un servidor tornado de verdad con sus
rutas: entrar, guardar, recargar, entregar, y lo que hace un celular hostil en el wifi del taller
(clave ajena, XSRF falsificado, cuerpo enorme, respuesta demasiado larga, nombres con «../»).

El servidor corre en un hilo con su propio bucle (sin Voilà ni kernels: el formulario no los usa).
"""

from __future__ import annotations

import asyncio
import base64
import http.client
import json
import re
import threading
import urllib.parse
from pathlib import Path

import nbformat
import pytest

from lideres import banco, cli
from lideres.formulario import entregas, ligero
from tests import mesa

EJ = "02_conteos_y_tasas"


class Servidor:
    """Las rutas del formulario ligero en 127.0.0.1, en un hilo aparte."""

    def __init__(self, curso: Path, ejercicios=(EJ,)):
        self.curso = curso
        self.ejercicios = ejercicios
        self.listo = threading.Event()

    def __enter__(self):
        self.hilo = threading.Thread(target=self._correr, daemon=True)
        self.hilo.start()
        assert self.listo.wait(30)
        return self

    def _correr(self):
        import tornado.httpserver
        import tornado.testing
        import tornado.web

        self.bucle = asyncio.new_event_loop()
        asyncio.set_event_loop(self.bucle)
        app = tornado.web.Application(ligero.handlers(self.curso, self.ejercicios),
                                      cookie_secret="secreto de prueba")
        sock, self.puerto = tornado.testing.bind_unused_port()
        self.http = tornado.httpserver.HTTPServer(app)
        self.http.add_sockets([sock])
        self.bucle.call_soon(self.listo.set)
        self.bucle.run_forever()
        self.http.stop()
        self.bucle.close()

    def __exit__(self, *exc):
        self.bucle.call_soon_threadsafe(self.bucle.stop)
        self.hilo.join(10)

    def url(self, ruta: str) -> str:
        return f"http://127.0.0.1:{self.puerto}{ruta}"


@pytest.fixture(scope="module")
def curso(tmp_path_factory) -> Path:
    curso = tmp_path_factory.mktemp("ligero") / "curso"
    assert cli.main(["curso", "asignar", EJ, "--curso", str(curso)]) == 0
    entregas.preparar_grupo(curso, "practica")
    return curso


@pytest.fixture(scope="module")
def servidor(curso):
    with Servidor(curso) as s:
        yield s


def _codigo(curso: Path) -> str:
    return entregas.leer_grupo(curso)["codigo"]


def _preguntas(curso: Path):
    return list(banco.cargar(EJ, curso=curso).preguntas)


def _archivos(raiz: Path) -> set[str]:
    return {p.relative_to(raiz).as_posix() for p in raiz.rglob("*") if p.is_file()}


def _entrar(s: Servidor, nombre: str, clave: str, grupo: str | None = None):
    c = mesa.Cliente()
    estado, pagina, _ = c.pedir(s.url(ligero.url(EJ)))
    assert estado == 200
    datos = {"_xsrf": mesa.xsrf(pagina), "accion": "entrar", "nombre": nombre,
             "codigo": grupo if grupo is not None else _codigo(s.curso), "clave": clave}
    estado, pagina, cabeceras = c.pedir(s.url(ligero.url(EJ)), datos)
    return c, estado, pagina, cabeceras


def _pagina(c, s: Servidor, consulta: str = ""):
    estado, pagina, _ = c.pedir(s.url(ligero.url(EJ) + consulta))
    assert estado == 200, pagina
    return pagina


def _campos(respuestas: dict, preguntas) -> dict:
    """{id: valor} del banco -> campos del formulario ligero."""
    datos = {}
    for p in preguntas:
        if p.id not in respuestas:
            continue
        valor = respuestas[p.id]
        if p.tipo == "orden":
            for k, item in enumerate(valor, start=1):
                datos[f"r-{p.id}-{k}"] = item
        else:
            datos[f"r-{p.id}"] = valor
    return datos


def _correctas(preguntas) -> dict:
    salida = {}
    for p in preguntas:
        if p.manual:
            salida[p.id] = "Hay que mirar la tasa.\r\nNo solo el conteo."
            continue
        valor = p.respuesta
        salida[p.id] = list(valor) if p.tipo == "orden" else str(valor[0] if isinstance(valor, list) else valor)
    return salida


# ---------------------------------------------------------------- sin servidor


def test_el_formulario_mas_grande_que_vale_cabe_en_el_limite():
    """Cada carácter de una escrita llega como hasta 12 bytes («%F0%9F%98%80»): un formulario lleno
    hasta el tope, en cualquier ejercicio, nunca recibe el aviso de «pesa demasiado»."""
    from lideres import rutas

    for fuente in sorted((rutas.CURSO / "source").glob("[0-9]*/preguntas.toml")):
        b = banco.cargar(fuente.parent.name)
        peor = sum(12 * entregas.maximo(p.tipo) * (len(p.opciones or []) if p.tipo == "orden" else 1) + 200
                   for p in b.preguntas) + 2000
        assert peor < ligero.MAX_CUERPO, (fuente.parent.name, peor)


def test_respuestas_del_formulario_solo_las_del_banco(curso):
    h = ligero.hoja(curso, EJ)
    campos = {"r-tasa-por-100k": " 250 ", "r-tasa-poco-confiable": "z", "r-distrito-tasa-mas-alta": "Narnia",
              "r-../../x": "hola", "r-reflexion-junta-vecinal": "Una\r\nrespuesta"}
    leidas = ligero.leer_respuestas(campos.get, h)
    assert leidas == {"tasa-por-100k": "250", "reflexion-junta-vecinal": "Una\nrespuesta"}


# ---------------------------------------------------------------- con el servidor


def test_entrar_guardar_recargar_y_entregar(servidor, curso):
    s = servidor
    preguntas = _preguntas(curso)
    c = mesa.Cliente()
    estado, pagina, _ = c.pedir(s.url(ligero.url(EJ)))
    assert estado == 200
    assert 'lang="es"' in pagina and "Tu clave de 4 números" in pagina and 'name="_xsrf"' in pagina
    # Sin kernel ni Voilà: un solo script, el compartido; Voilà solo en el enlace a la versión completa.
    assert re.findall(r'<script[^>]*src="([^"]+)"', pagina) == [ligero.RUTA_SCRIPT]
    assert re.findall(r'"(/voila/[^"]*)"', pagina) == [ligero.url_completa(EJ)]
    assert len(pagina.encode()) < 40_000  # liviana: cabe en un celular con 2G
    # Clave mal escrita: mensaje en español, nada guardado.
    datos = {"_xsrf": mesa.xsrf(pagina), "accion": "entrar", "nombre": "Rosa Huamán",
             "codigo": _codigo(curso).upper(), "clave": "12"}
    estado, pagina, _ = c.pedir(s.url(ligero.url(EJ)), datos)
    assert estado == 400 and "La clave son 4 números" in pagina and 'value="Rosa Huamán"' in pagina
    datos["clave"] = "4321"
    estado, _, cabeceras = c.pedir(s.url(ligero.url(EJ)), datos)
    assert estado == 303 and cabeceras["Location"].endswith("estado=entro")
    pagina = _pagina(c, s, "?estado=entro")
    assert "Hola, Rosa Huamán." in pagina and "Respondes como" in pagina
    assert pagina.count('class="lideres-pregunta"') == len(preguntas)
    assert "0 de 2,000 caracteres (máximo 2,000)." in pagina  # el tope a la vista

    # Guardar la mitad; al recargar, está todo.
    correctas = _correctas(preguntas)
    mitad = {p.id: correctas[p.id] for p in preguntas[:3]}
    estado, _, cabeceras = c.pedir(s.url(ligero.url(EJ)),
                                   {"_xsrf": mesa.xsrf(pagina), "accion": "guardar", **_campos(mitad, preguntas)})
    assert estado == 303
    rosa = entregas.Participante("Rosa Huamán", "rosa-huaman")
    assert entregas.leer_borrador(curso, EJ, rosa)["respuestas"] == mitad
    pagina = _pagina(c, s, "?estado=guardado")
    assert f"Guardado: 3 de {len(preguntas)} respuestas." in pagina and 'data-guardado="1"' in pagina
    pagina = _pagina(c, s)  # recargar
    primera = preguntas[0]
    assert f'value="{mitad[primera.id]}"' in pagina

    # Revisar (práctica): guarda y dice si está bien.
    opcion = next(p for p in preguntas if p.tipo == "opcion")
    estado, _, cabeceras = c.pedir(s.url(ligero.url(EJ)), {
        "_xsrf": mesa.xsrf(pagina), "accion": f"revisar:{opcion.id}", **_campos(mitad, preguntas),
        f"r-{opcion.id}": "a" if correctas[opcion.id] != "a" else "b"})
    assert estado == 303 and f"#p-{opcion.id}" in cabeceras["Location"]
    pagina = _pagina(c, s, "?" + urllib.parse.urlencode({"revisar": opcion.id}))
    assert "Todavía no." in pagina

    # Entregar todo: la entrega de nbgrader, como la del formulario de Voilà.
    estado, _, cabeceras = c.pedir(s.url(ligero.url(EJ)),
                                   {"_xsrf": mesa.xsrf(pagina), "accion": "entregar", **_campos(correctas, preguntas)})
    assert estado == 303 and cabeceras["Location"].endswith("estado=entregado")
    pagina = _pagina(c, s, "?estado=entregado")
    assert "Entregado a las" in pagina
    enviado = curso / "submitted" / "rosa-huaman" / EJ / f"{EJ}.ipynb"
    assert enviado.is_file() and (enviado.parent / "timestamp.txt").is_file()
    cuaderno = nbformat.read(enviado, as_version=4)
    texto = "".join(celda.source for celda in cuaderno.cells)
    assert "Hay que mirar la tasa." in texto and "No solo el conteo." in texto
    assert len(list((curso / "recibidos" / EJ).glob("*/rosa-huaman/*.ipynb"))) == 1

    # «Terminé»: la siguiente persona empieza sin sesión.
    estado, _, cabeceras = c.pedir(s.url(ligero.url(EJ)), {"_xsrf": mesa.xsrf(pagina), "accion": "salir"})
    assert estado == 303
    pagina = _pagina(c, s, "?estado=salio")
    assert "Ahora puede entrar otra persona" in pagina and "Respondes como" not in pagina


def test_otra_clave_con_el_mismo_nombre_no_entra(servidor, curso):
    _entrar(servidor, "Pedro Ccori", "1111")
    antes = _archivos(curso)
    c, estado, pagina, cabeceras = _entrar(servidor, "Pedro Ccori", "2222")
    assert estado == 400 and "Ya hay alguien con el nombre" in pagina
    assert "Set-Cookie" not in cabeceras or ligero.COOKIE not in cabeceras["Set-Cookie"]
    assert _archivos(curso) == antes
    # Sin sesión, guardar no escribe nada.
    estado, pagina, _ = c.pedir(servidor.url(ligero.url(EJ)), {
        "_xsrf": mesa.xsrf(pagina), "accion": "guardar", "r-tasa-por-100k": "1"})
    assert estado == 403 and "Vuelve a entrar" in pagina
    assert _archivos(curso) == antes


def test_xsrf_falsificado_no_escribe_nada(servidor, curso):
    c, estado, pagina, _ = _entrar(servidor, "Luz Mamani", "3333")
    assert estado == 303
    pagina = _pagina(c, servidor)
    luz = entregas.Participante("Luz Mamani", "luz-mamani")
    antes = _archivos(curso)
    for token in ("", "2|00000000|" + "0" * 32 + "|1", None):
        datos = {"accion": "entregar", "r-tasa-por-100k": "250"}
        if token is not None:
            datos["_xsrf"] = token
        estado, pagina, _ = c.pedir(servidor.url(ligero.url(EJ)), datos)
        assert estado == 403 and "venció o se abrió desde otro lugar" in pagina and "Traceback" not in pagina
    # Otra página (sin la cookie _xsrf de esta) tampoco.
    otro = mesa.Cliente()
    estado, _, _ = otro.pedir(servidor.url(ligero.url(EJ)), {"_xsrf": mesa.xsrf(_pagina(c, servidor)),
                                                            "accion": "salir"})
    assert estado == 403
    assert _archivos(curso) == antes
    assert not (curso / "submitted" / luz.codigo).exists()


def test_cookie_de_sesion_falsificada_no_sirve(servidor, curso):
    c, _, _, _ = _entrar(servidor, "Ana Ríos", "4444")
    pagina = _pagina(c, servidor)
    # Se cambia el valor de la cookie firmada por el de otra persona: la firma no coincide.
    cambiadas = 0
    for cookie in c.cookies:
        if cookie.name == ligero.COOKIE:
            partes = cookie.value.strip('"').split("|")
            largo, valor = partes[4].split(":", 1)
            datos = json.loads(base64.b64decode(valor))
            assert datos["c"] == "ana-rios"
            datos.update(c="rosa-huaman", n="Rosa Huamán")
            nuevo = base64.b64encode(json.dumps(datos).encode()).decode()
            partes[4] = f"{len(nuevo)}:{nuevo}"
            cookie.value = "|".join(partes)
            cambiadas += 1
    assert cambiadas == 1
    estado, pagina, _ = c.pedir(servidor.url(ligero.url(EJ)), {
        "_xsrf": mesa.xsrf(pagina), "accion": "guardar", "r-tasa-por-100k": "1"})
    assert estado == 403 and "Vuelve a entrar" in pagina
    # Si quien facilita borra la clave, la sesión de esa persona cae.
    c, _, _, _ = _entrar(servidor, "Ana Ríos Dos", "4444")
    pagina = _pagina(c, servidor)
    entregas.borrar_clave(curso, "Ana Ríos Dos")
    estado, pagina, _ = c.pedir(servidor.url(ligero.url(EJ)), {
        "_xsrf": mesa.xsrf(pagina), "accion": "guardar", "r-tasa-por-100k": "1"})
    assert estado == 403 and not entregas.ruta_borrador(
        curso, EJ, entregas.Participante("Ana Ríos Dos", "ana-rios-dos")).exists()


def test_escrita_demasiado_larga_se_rechaza_y_lo_guardado_sigue(servidor, curso):
    """Issue 22: 2,995 caracteres no se cortan a 2,000 en silencio: 400 con el mensaje, el borrador
    conserva el texto de antes y lo escrito vuelve al cuadro para acortarlo."""
    c, _, _, _ = _entrar(servidor, "Nora Quispe", "5555")
    pagina = _pagina(c, servidor)
    escrita = next(p for p in _preguntas(curso) if p.manual)
    estado, _, _ = c.pedir(servidor.url(ligero.url(EJ)), {
        "_xsrf": mesa.xsrf(pagina), "accion": "guardar", f"r-{escrita.id}": "Mi texto de antes."})
    assert estado == 303
    nora = entregas.Participante("Nora Quispe", "nora-quispe")
    antes = entregas.ruta_borrador(curso, EJ, nora).read_bytes()
    largo = "ñ" * 2995
    for accion in ("guardar", "entregar"):
        estado, pagina, _ = c.pedir(servidor.url(ligero.url(EJ)), {
            "_xsrf": mesa.xsrf(pagina), "accion": accion, f"r-{escrita.id}": largo})
        assert estado == 400, pagina
        assert "tiene 2,995 caracteres y el máximo es 2,000" in pagina and "no se guardó" in pagina
        assert largo in pagina  # lo escrito vuelve entero para acortarlo
        assert "Te pasaste por 995" in pagina
        assert 'data-guardado="1"' not in pagina  # el script conserva la copia del celular
    assert entregas.ruta_borrador(curso, EJ, nora).read_bytes() == antes
    assert not (curso / "submitted" / nora.codigo).exists()


def test_cuerpo_enorme_recibe_un_mensaje_y_no_pierde_nada(servidor, curso):
    c, _, _, _ = _entrar(servidor, "Iris Condori", "6666")
    pagina = _pagina(c, servidor)
    estado, _, _ = c.pedir(servidor.url(ligero.url(EJ)), {
        "_xsrf": mesa.xsrf(pagina), "accion": "guardar", "r-tasa-por-100k": "250"})
    assert estado == 303
    iris = entregas.Participante("Iris Condori", "iris-condori")
    antes = entregas.ruta_borrador(curso, EJ, iris).read_bytes()
    cookies = "; ".join(f"{k.name}={k.value}" for k in c.cookies)
    cuerpo = urllib.parse.urlencode({"_xsrf": mesa.xsrf(pagina), "accion": "guardar",
                                     "r-tasa-por-100k": "9" * (2 * ligero.MAX_CUERPO)}).encode()
    conexion = http.client.HTTPConnection("127.0.0.1", servidor.puerto, timeout=60)
    conexion.request("POST", ligero.url(EJ), body=cuerpo, headers={
        "Cookie": cookies, "Content-Type": "application/x-www-form-urlencoded"})
    respuesta = conexion.getresponse()
    texto = respuesta.read().decode("utf-8")
    conexion.close()
    assert respuesta.status == 413
    assert "pesa más de 512 KB y no se guardó" in texto and 'value="250"' in texto
    assert entregas.ruta_borrador(curso, EJ, iris).read_bytes() == antes


def test_nombre_hostil_no_escribe_fuera_de_lo_suyo(servidor, curso):
    raiz = curso.parent
    antes = _archivos(raiz)
    c, estado, pagina, _ = _entrar(servidor, "../../x", "7777")
    assert estado == 303
    pagina = _pagina(c, servidor)
    assert "Respondes como <strong>../../x</strong>" in pagina
    escrita = next(p for p in _preguntas(curso) if p.manual)
    datos = {"_xsrf": mesa.xsrf(pagina), "accion": "entregar",
             f"r-{escrita.id}": '<script>alert(1)</script> """ __import__("os").system("touch x")',
             "r-../../../../y": "no", "nombre": "../../../z"}
    estado, _, _ = c.pedir(servidor.url(ligero.url(EJ)), datos)
    assert estado == 303
    nuevos = _archivos(raiz) - antes
    assert nuevos, "no se escribió nada"
    # Solo lo de esta persona (código «x») y los registros comunes del curso.
    for n in nuevos:
        assert (n in ("curso/celular/claves.json", "curso/participantes.json")
                or n == f"curso/celular/borradores/{EJ}/x.json"
                or re.fullmatch(rf"curso/recibidos/{EJ}/[0-9_-]+/(recojo\.json|x/{EJ}\.ipynb)", n)
                or n.startswith(f"curso/submitted/x/{EJ}/")), n
    assert not (raiz / "x").exists() and not (raiz.parent / "x").exists() and not (curso / "y").exists()
    # El texto se ve escapado, nunca como HTML.
    pagina = _pagina(c, servidor)
    assert "<script>alert(1)</script>" not in pagina and "&lt;script&gt;" in pagina
    # Un ejercicio que no es del taller, o una ruta con «..», no existe.
    for ruta in ("/ejercicio/99_no_existe", "/ejercicio/..%2F..%2Fx", "/ejercicio/03_cifra_negra"):
        estado, pagina, _ = c.pedir(servidor.url(ruta))
        assert estado == 404, ruta
    assert _archivos(raiz) - antes == nuevos


def test_examen_muestra_los_aciertos_recien_al_entregar(tmp_path):
    curso = tmp_path / "curso"
    assert cli.main(["curso", "asignar", EJ, "--curso", str(curso)]) == 0
    entregas.preparar_grupo(curso, "examen")
    with Servidor(curso) as s:
        c, _, _, _ = _entrar(s, "Eva Soto", "8888")
        pagina = _pagina(c, s)
        assert "Revisar mi respuesta" not in pagina and "cuando entregues" in pagina
        preguntas = _preguntas(curso)
        estado, _, _ = c.pedir(s.url(ligero.url(EJ)), {
            "_xsrf": mesa.xsrf(pagina), "accion": "entregar", **_campos(_correctas(preguntas), preguntas)})
        assert estado == 303
        pagina = _pagina(c, s, "?estado=entregado")
        assert pagina.count("✔ Correcto.") == sum(1 for p in preguntas if not p.manual)


def test_entregar_en_blanco_pide_confirmar(servidor, curso):
    c, _, _, _ = _entrar(servidor, "Blanca Luna", "9999")
    pagina = _pagina(c, servidor)
    estado, pagina, _ = c.pedir(servidor.url(ligero.url(EJ)), {"_xsrf": mesa.xsrf(pagina), "accion": "entregar"})
    assert estado == 200 and "No respondiste ninguna pregunta" in pagina and "Sí, entregar en blanco" in pagina
    assert not (curso / "submitted" / "blanca-luna").exists()
    estado, _, _ = c.pedir(servidor.url(ligero.url(EJ)), {"_xsrf": mesa.xsrf(pagina), "accion": "en-blanco"})
    assert estado == 303 and (curso / "submitted" / "blanca-luna" / EJ / f"{EJ}.ipynb").is_file()


def test_sin_curso_avisa_en_espanol(tmp_path):
    with Servidor(None, ()) as s:
        estado, pagina, _ = mesa.Cliente().pedir(s.url(ligero.url(EJ)))
    assert estado == 404 and "no está recibiendo entregas" in pagina


def test_script_compartido_sin_red_y_con_cache(servidor):
    c = mesa.Cliente()
    estado, texto, cabeceras = c.pedir(servidor.url(ligero.RUTA_SCRIPT))
    assert estado == 200 and "localStorage" in texto and "max-age" in cabeceras["Cache-Control"]
    assert "http" not in texto and "fetch(" not in texto  # no pide nada: lee y escribe la página


def test_textos_del_formulario_ligero_se_leen_facil():
    """Lo que el formulario ligero dice por su cuenta: Fernández-Huerta ≥ 70 (como el de Voilà)."""
    from tests.legibilidad import MINIMO, fernandez_huerta

    textos = [ligero.NO_SE_PUDO_GUARDAR, ligero.NO_SE_PUDO_ENTREGAR, ligero.SIN_RESPUESTAS,
              ligero.DEMASIADO_GRANDE.format(kb=512), ligero.SESION_VENCIDA, ligero.FORMULARIO_VENCIDO,
              ligero.NO_DISPONIBLE, entregas.mensaje_largo(6, 2995, 2000), entregas.contador("x" * 2995)[0]]
    texto = " ".join(textos)
    assert fernandez_huerta(texto) >= MINIMO, fernandez_huerta(texto)


def test_la_portada_enlaza_la_ruta_del_formulario_ligero():
    from lideres.taller import servidor

    assert servidor.RUTA_EJERCICIO_LIGERO == ligero.RUTA  # escrita dos veces: el servidor no importa tornado
