"""Las páginas de quien facilita en Chromium, en el servidor del taller de verdad (issue 17 §2 y §3).

Desde la portada de la laptop: «Quién entregó» se actualiza sola cuando alguien entrega; luego se
califica una respuesta escrita en la página en español (a 1280 px, en una tableta táctil de 768 px y
al ancho de un celular, 360 px) y, al final, el reporte del grupo lleva a la retroalimentación con
esa nota. Sin palabras en inglés, sin problemas graves de accesibilidad (axe) y
nada que salga de la computadora.
Con LIDERES_CAPTURAS=carpeta guarda una foto de cada página (para las páginas de quien facilita).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from lideres import cli
from lideres.curso import carpeta
from lideres.taller import facilitador
from tests import mesa
from tests.ingles import palabras_en_ingles
from tests.navegador import ayudas

pytestmark = [pytest.mark.lento, pytest.mark.navegador]
EJ = mesa.EJERCICIO


def _preguntas_y_escrita() -> tuple[int, int]:
    """Cuántas preguntas tiene el banco del ejercicio y el número de su pregunta escrita."""
    from lideres import banco

    preguntas = banco.cargar(EJ).preguntas
    return len(preguntas), 1 + [p.tipo for p in preguntas].index("escrita")
COMENTARIO = "Buen rango y dices de dónde sale; falta decir qué dato haría falta."


@pytest.fixture(scope="module")
def taller_calificado(ruta_chromium, tmp_path_factory):
    """El taller con el ejercicio 03: dos personas entregaron con el formulario del celular y nbgrader
    ya calificó (la escrita de Rosa espera la nota a mano)."""
    curso = mesa.curso_de_un_ejercicio(tmp_path_factory.mktemp("mesa_chromium") / "curso")
    with ayudas.taller_con_curso(curso, tmp_path_factory.mktemp("registro")) as s:
        mesa.con_el_formulario(curso, "Rosa Quispe Ñahui", "1111")
        mesa.con_el_formulario(curso, "Juan Pérez", "2222", cuantas=4, malas=1)
        assert cli.main(["curso", "calificar", EJ, "--curso", str(curso)]) == 0
        yield s, curso


def _revisar_pagina(page) -> None:
    # Sin las órdenes y rutas entre <code> (la carpeta del curso puede llamarse de cualquier forma).
    texto = page.evaluate("""() => { const b = document.body.cloneNode(true);
        b.querySelectorAll('code, script, style').forEach(e => e.remove()); return b.innerText; }""")
    assert palabras_en_ingles(texto) == [], texto
    assert "**" not in texto  # ni Markdown crudo
    graves = ayudas.axe_graves(page)
    assert graves == [], graves
    ancho, visible = page.evaluate(ayudas.JS_SIN_SCROLL)
    assert ancho <= visible, f"la página se sale de la pantalla ({ancho} > {visible})"


def test_quien_entrego_y_calificar_una_escrita_en_chromium(taller_calificado, navegador, vigilar):
    s, curso = taller_calificado
    contexto = navegador.new_context(locale="es-PE", viewport={"width": 1280, "height": 900})
    v = vigilar(contexto)
    page = v.page
    fallidos = ayudas.respuestas_fallidas(page)
    try:
        # La portada de la laptop lleva a «Quién entregó».
        page.goto(s.url("/"))
        page.get_by_role("link", name="Quién entregó").click()
        page.wait_for_url("**" + facilitador.RUTA_ENTREGAS)
        tabla = page.get_by_role("table")
        fila_rosa = tabla.get_by_role("row", name="Rosa Quispe Ñahui")
        assert "Entregó" in fila_rosa.inner_text()
        assert page.get_by_role("columnheader", name="Participante").is_visible()
        assert page.get_by_role("rowheader", name="Juan Pérez").is_visible()
        assert "falta la escrita" in fila_rosa.inner_text()
        _revisar_pagina(page)
        v.captura("facilitador_entregas")

        # Alguien entrega con la página abierta: aparece sola, sin recargar.
        mesa.con_el_formulario(curso, "Ana Núñez", "3333", cuantas=2)
        # (Con expect, que espera: una actualización que leyó los archivos justo antes de que Ana
        # entregara ya la muestra «empezó», y la siguiente, «entregó».)
        page.get_by_role("rowheader", name="Ana Núñez").wait_for(timeout=30_000)
        total, escrita = _preguntas_y_escrita()
        expect(tabla.get_by_role("row", name="Ana Núñez")).to_contain_text(f"2 de {total}", timeout=30_000)
        expect(page.locator("#resumen")).to_contain_text("3 entregaron", timeout=30_000)

        # Las escritas: la pregunta, la respuesta de Rosa y la modelo al lado.
        page.get_by_role("link", name="Respuestas escritas").click()
        page.get_by_role("link", name=f"Calificar la pregunta {escrita} de {EJ}").click()
        page.get_by_role("link", name="Rosa Quispe Ñahui").click()
        assert page.get_by_role("heading", name="Respuesta de Rosa Quispe Ñahui").is_visible()
        assert "entre 200 y 250 mil" in page.locator(".texto").inner_text()
        assert page.get_by_role("heading", name="Respuesta modelo").is_visible()
        assert page.get_by_role("heading", name="Qué buscar").is_visible()
        # La respuesta y la modelo, lado a lado a 1280 px.
        respuesta = page.locator("section.tarjeta").first.bounding_box()
        modelo = page.locator("aside.tarjeta").bounding_box()
        assert modelo["x"] > respuesta["x"] + respuesta["width"] - 1 and abs(modelo["y"] - respuesta["y"]) < 5
        _revisar_pagina(page)
        v.captura("facilitador_escrita")

        page.get_by_role("radio", name="1.5").check()
        page.get_by_label("Comentario para Rosa Quispe Ñahui").fill(COMENTARIO)
        page.get_by_role("button", name="Guardar", exact=True).click()
        page.get_by_role("status").filter(has_text="Guardado: la nota de Rosa Quispe Ñahui").wait_for()
        assert page.get_by_role("radio", name="1.5").is_checked()
        assert page.get_by_label("Comentario para Rosa Quispe Ñahui").input_value() == COMENTARIO
        _revisar_pagina(page)
        v.captura("facilitador_escrita_guardada")
        assert fallidos == []
        v.revisar()
    finally:
        contexto.close()

    with carpeta.Curso(curso).libro() as gb:
        nota = gb.find_grade(mesa.ESCRITA, EJ, EJ, "rosa-quispe-nahui")
        assert nota.manual_score == 1.5 and not nota.needs_manual_grade
        assert gb.find_comment(mesa.ESCRITA, EJ, EJ, "rosa-quispe-nahui").manual_comment == COMENTARIO
    retro = (curso / "feedback" / "rosa-quispe-nahui" / EJ / f"{EJ}.html").read_text(encoding="utf-8")
    assert COMENTARIO in retro

    # Lo último de la sesión: el reporte del grupo (un archivo de la laptop) y, desde él, la
    # retroalimentación de Rosa con la nota y el comentario de la escrita.
    assert cli.main(["curso", "reporte", "--curso", str(curso)]) == 0
    with ayudas.reporte_en_chromium(navegador, curso) as page:
        fila = page.locator("table.por-persona tr", has=page.get_by_role("rowheader", name="Rosa Quispe Ñahui"))
        assert "falta calificar la escrita" not in fila.inner_text()
        assert page.locator("ul.habilidades").first.is_visible()  # qué tipo de pregunta cuesta
        _revisar_pagina(page)
        fila.get_by_role("link").click()
        page.wait_for_url("**/feedback/rosa-quispe-nahui/**")
        assert COMENTARIO in page.locator("body").inner_text()
        _revisar_pagina(page)


@pytest.mark.parametrize("ancho, alto, nombre", [(768, 1024, "tableta"), (360, 740, "celular")],
                         ids=["tableta-768", "celular-360"])
def test_calificar_en_una_tableta_o_un_celular(taller_calificado, navegador, vigilar, ancho, alto, nombre):
    """En una tableta vertical (768 px) y al ancho de un celular (360 px), táctiles: quién entregó se
    lee, las escritas van en una columna en el orden en que se califica (la respuesta, la modelo y qué
    buscar, la nota), nada se sale de la pantalla, todo lo que se toca mide 44 px o más y axe no
    encuentra nada grave."""
    s, _ = taller_calificado
    contexto = navegador.new_context(locale="es-PE", viewport={"width": ancho, "height": alto},
                                     has_touch=True, is_mobile=True, device_scale_factor=2)
    v = vigilar(contexto)
    page = v.page
    tocables = """() => [...document.querySelectorAll(
          'main button, main a.boton, .puntos label, textarea, nav a, ol.personas a')]
        .filter(e => e.offsetParent !== null)
        .map(e => { const r = e.getBoundingClientRect(); return [e.textContent.trim(), r.width, r.height]; })"""
    try:
        # Quién entregó: la tabla se desliza dentro de su cuadro; la página no se sale de la pantalla.
        page.goto(s.url(facilitador.RUTA_ENTREGAS))
        assert page.get_by_role("rowheader", name="Rosa Quispe Ñahui").is_visible()
        _revisar_pagina(page)
        v.captura(f"facilitador_entregas_{nombre}")

        # La lista de preguntas escritas.
        page.get_by_role("link", name="Respuestas escritas").tap()
        page.wait_for_url("**" + facilitador.RUTA_ESCRITAS)
        medidas = page.evaluate(tocables)
        assert medidas and [m for m in medidas if m[2] < 44 or m[1] < 44] == []
        _revisar_pagina(page)

        page.goto(s.url(facilitador.url_escrita(EJ, mesa.ESCRITA, "juan-perez")))
        assert page.get_by_role("heading", name="Respuesta de Juan Pérez").is_visible()
        medidas = page.evaluate(tocables)
        chicos = [m for m in medidas if m[2] < 44 or m[1] < 44]
        assert medidas and chicos == [], chicos
        # Una columna: la respuesta, debajo la modelo, debajo los puntos y el comentario.
        respuesta = page.locator("section.respuesta").bounding_box()
        modelo = page.locator("aside.modelo").bounding_box()
        nota = page.locator("section.calificar").bounding_box()
        assert respuesta["y"] + respuesta["height"] <= modelo["y"] + 1
        assert modelo["y"] + modelo["height"] <= nota["y"] + 1
        assert abs(respuesta["x"] - nota["x"]) < 2 and nota["width"] > ancho * 0.8
        _revisar_pagina(page)
        v.captura(f"facilitador_escrita_{nombre}")
        page.get_by_role("radio", name="0", exact=True).tap()
        page.get_by_role("button", name="Guardar", exact=True).tap()
        page.get_by_role("status").filter(has_text="Guardado: la nota de Juan Pérez").wait_for()
        assert page.get_by_role("radio", name="0", exact=True).is_checked()
        _revisar_pagina(page)
        v.revisar()
    finally:
        contexto.close()
