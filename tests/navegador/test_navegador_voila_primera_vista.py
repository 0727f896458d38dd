"""Voilà donde se queda (issue 19 §2): antes de que el kernel responda, el tablero ya muestra algo.

El título y el texto llegan en el HTML; donde irá el tablero, un recuadro «Cargando el tablero…».
Se prueba bloqueando voila.js (así el kernel nunca llega a dibujar) y luego con todo, para ver que
el recuadro se va cuando el tablero aparece.
"""

from __future__ import annotations

import pytest

from lideres import libro
from lideres.modulos import modulo
from lideres.taller.proceso import SELECTOR_DISTRITOS, ServidorTaller

pytestmark = [pytest.mark.lento, pytest.mark.navegador]

RECUADRO = """() => Array.from(document.querySelectorAll('.jp-OutputArea-child'))
  .filter(e => getComputedStyle(e, '::before').content.includes('Cargando el tablero'))
  .filter(e => e.getBoundingClientRect().height >= 200).length"""


def test_primera_vista_antes_del_kernel_y_luego_el_tablero(navegador):
    s = ServidorTaller(sin_libro=True, precalentados=1)
    with s:
        url = s.url(libro.url_tablero(modulo("02_conteos_y_tasas")))
        contexto = navegador.new_context(locale="es-PE", viewport={"width": 360, "height": 640})
        contexto.route("**/voila/static/voila.js", lambda r: r.abort())
        page = contexto.new_page()
        page.goto(url, timeout=120_000)  # en una máquina cargada, Voilà tarda en mandar la página
        page.wait_for_function("() => document.getElementById('rendered_cells')"
                               " && document.getElementById('rendered_cells').style.display !== 'none'",
                               timeout=120_000)  # el HTML llega cuando el kernel terminó las celdas
        assert page.get_by_role("heading", name="Conteos y tasas").is_visible()
        assert page.evaluate(RECUADRO) == 1
        contexto.close()

        contexto = navegador.new_context(locale="es-PE", viewport={"width": 360, "height": 640})
        page = contexto.new_page()
        page.goto(url, timeout=120_000)  # en una máquina cargada, Voilà tarda en mandar la página
        page.wait_for_function(f"() => document.querySelectorAll('{SELECTOR_DISTRITOS}').length >= 50",
                               timeout=120_000)
        assert page.evaluate(RECUADRO) == 0
        page.close(run_before_unload=True)
        contexto.close()
