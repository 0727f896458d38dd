"""Un tablero y una página de ejercicio sin avisos de módulos de otra versión (issue 22).

Voilà 0.5.13 trae los módulos compartidos de JupyterLab 4.2.5; el administrador de widgets
(jupyterlab_widgets) debe pedir una versión que esos cumplan, o la consola dice «Unsatisfied version
4.2.5 ... (required ^4.6.2)» en cada página. La vigilancia de conftest.py anota ese aviso como error.
"""

from __future__ import annotations

import shutil

import pytest

from lideres.taller import ejercicios
from lideres.taller.proceso import ServidorTaller
from tests.navegador.conftest import _vigilar

pytestmark = [pytest.mark.lento, pytest.mark.navegador]

EJERCICIO = "02_conteos_y_tasas"


@pytest.fixture(scope="module")
def taller(ruta_chromium, tmp_path_factory):
    curso = tmp_path_factory.mktemp("versiones") / "curso"
    # Con curso: asigna los once ejercicios antes de abrir (minutos en una máquina ocupada).
    s = ServidorTaller(sin_libro=True, precalentados=0, curso=curso, modo="practica", espera_s=900)
    s.iniciar()
    yield s
    codigo = s.detener()
    shutil.rmtree(curso.parent, ignore_errors=True)
    assert codigo == 0, "el servidor no se detuvo limpio:\n" + s.texto_salida()


@pytest.mark.parametrize("ruta, listo", [
    (f"/voila/render/tableros/{EJERCICIO}.ipynb", ".lideres-tablero"),
    (ejercicios.url_ejercicio(EJERCICIO), ".lideres-nombre input"),
], ids=["tablero", "ejercicio"])
def test_sin_modulos_compartidos_de_otra_version(navegador, taller, ruta, listo):
    contexto = navegador.new_context(locale="es-PE", viewport={"width": 360, "height": 640},
                                     is_mobile=True, has_touch=True)
    v = _vigilar(contexto)
    try:
        v.page.goto(taller.url(ruta))
        v.page.wait_for_selector(listo, timeout=180_000)
        v.page.wait_for_load_state("networkidle")
        v.revisar()
    finally:
        contexto.close()
