"""`make sitio`: el libro abre desde file:// (doble clic), se navega por sus enlaces y la
autoevaluación funciona, sin pedir nada fuera de la computadora."""

from __future__ import annotations

import pytest

from lideres import libro, sitio
from lideres.errores import ErrorLideres
from lideres.modulos import modulo

pytestmark = [pytest.mark.lento, pytest.mark.navegador]

M = modulo("02_conteos_y_tasas")
PREGUNTA = ".lideres-cuestionario fieldset[data-pregunta='distrito-tasa-mas-alta']"


def test_sitio_desde_file_con_navegacion_y_autoevaluacion(navegador, libro_html, tmp_path):
    destino = sitio.copiar(libro_html, tmp_path / "sitio")
    assert (destino / "index.html").is_file()
    assert sitio.enlaces_absolutos(destino) == [] and libro.revisar_html(destino) == []

    contexto = navegador.new_context(locale="es-PE", viewport={"width": 1280, "height": 900})
    page = contexto.new_page()
    pedidos, errores = [], []
    page.on("request", lambda r: pedidos.append(r.url))
    page.on("console", lambda m: errores.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errores.append(str(e)))
    try:
        page.goto((destino / "index.html").as_uri())
        assert page.get_attribute("html", "lang") == "es"
        # Navegar como una persona: el enlace al capítulo desde la portada.
        capitulo = libro.url_capitulo(M).removeprefix(libro.RUTA_LIBRO)
        page.locator(f'a[href="{capitulo}"] >> visible=true').first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith(capitulo)
        page.locator(PREGUNTA + " select").select_option("Lince")
        page.locator(PREGUNTA + " .lideres-revisar").click()
        assert page.locator(PREGUNTA + " .lideres-resultado").inner_text() == "✔ ¡Bien!"
        # Y de vuelta a la portada por el logo de la barra lateral.
        page.locator("a.navbar-brand >> visible=true").first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/intro.html") and "Escuela de Líderes" in page.title()
    finally:
        contexto.close()
    fuera = [u for u in pedidos if not u.startswith(("file:", "data:", "blob:"))]
    assert fuera == [], fuera
    assert errores == [], errores


def test_no_borra_una_carpeta_ajena(libro_html, tmp_path):
    ajena = tmp_path / "mis_cosas"
    ajena.mkdir()
    (ajena / "nota.txt").write_text("no borrar", encoding="utf-8")
    with pytest.raises(ErrorLideres, match="no la creó"):
        sitio.copiar(libro_html, ajena)
    assert (ajena / "nota.txt").read_text(encoding="utf-8") == "no borrar"
