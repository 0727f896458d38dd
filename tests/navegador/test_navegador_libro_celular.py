"""El capítulo del módulo 02 en un teléfono (360 × 640): los botones ☰ (índice) y «En esta página»
abren su panel, las tablas caben sin deslizar de lado y las figuras tienen texto alternativo."""

from __future__ import annotations

import pytest

from lideres import libro
from lideres.modulos import modulo

pytestmark = [pytest.mark.lento, pytest.mark.navegador]

M = modulo("02_conteos_y_tasas")


def _abrir(v, servidor):
    v.page.goto(servidor.url(libro.url_capitulo(M)))
    v.page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("boton, panel", [
    (".primary-toggle", "#pst-primary-sidebar-modal"),
    (".secondary-toggle", "#pst-secondary-sidebar-modal"),
])
def test_botones_del_libro_abren_su_panel(celular, servidor, boton, panel):
    _abrir(celular, servidor)
    page = celular.page
    visible = page.locator(f"{boton}:visible")
    assert visible.count() >= 1, f"no se ve el botón {boton} en 360 px"
    visible.first.tap()
    page.wait_for_selector(f"{panel}[open]", timeout=10_000)
    enlaces = page.locator(f"{panel} a:visible")
    assert enlaces.count() >= 1, "el panel se abrió vacío"
    celular.revisar()


def test_tablas_angostas_y_figuras_con_texto_alternativo(celular, servidor):
    _abrir(celular, servidor)
    page = celular.page
    anchos = page.evaluate(
        "() => Array.from(document.querySelectorAll('main table')).map(t => t.getBoundingClientRect().right)")
    assert anchos and all(a <= 360 for a in anchos), anchos
    textos = page.evaluate("() => Array.from(document.querySelectorAll('main img')).map(i => i.alt)")
    assert len(textos) >= 4 and all(len(t) >= 60 for t in textos), textos
    # el enlace al tablero está dentro de la actividad
    seccion = page.locator("section#actividad")
    assert seccion.locator(f'a[href="{libro.url_tablero(M)}"]').count() == 1
    texto = page.inner_text("main")
    assert "aprieta" not in texto and "import lideres" not in texto
    celular.revisar()
