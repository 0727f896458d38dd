"""Un tablero y una página de ejercicio sin avisos de módulos de otra versión (issue 22).

Voilà 0.5.13 trae los módulos compartidos de JupyterLab 4.2.5; el administrador de widgets
(jupyterlab_widgets) debe pedir una versión que esos cumplan, o la consola dice «Unsatisfied version
4.2.5 ... (required ^4.6.2)» en cada página. La vigilancia de conftest.py anota esos avisos.

Quedan dos desajustes dentro de paquetes ajenos, que ninguna versión instalable arregla sin perder
otra cosa (AJENOS): Voilà 0.5.9-0.5.13 arma su propio administrador de widgets (widgets-manager8)
contra JupyterLab 4.4-4.5 pero su núcleo trae 4.2.5 (solo 0.5.8 concuerda, y volver a 0.5.8 pierde
arreglos de seguridad de 0.5.13: nombre de plantilla y listas de archivos sin distinguir mayúsculas);
jupyter-leaflet 0.20.0 (la última) trae leaflet 1.9.4 y un complemento suyo pide leaflet =1.4.0.
Cualquier otro aviso (como el de jupyterlab_widgets 3.0.17) hace fallar la prueba.
"""

from __future__ import annotations

import re

import pytest

from lideres.taller import ejercicios
from tests.navegador import ayudas

pytestmark = [pytest.mark.lento, pytest.mark.navegador]

EJERCICIO = "02_conteos_y_tasas"
AJENOS = (
    # Voilà 0.5.13: widgets-manager8 pide ^4.5.10 / ^6.5.10 / ^7.5.10; su núcleo (CORE_OUTPUT) da 4.2.5.
    re.compile(r"Unsatisfied version [\d.]+ from _JUPYTERLAB\.CORE_OUTPUT of shared singleton module "
               r"@jupyterlab/[a-z-]+ \(required \^\d+\.5\.10\)"),
    # jupyter-leaflet 0.20.0: su propio leaflet 1.9.4 contra un complemento que pide =1.4.0.
    re.compile(r"Unsatisfied version 1\.9\.4 from jupyter-leaflet of shared singleton module leaflet "
               r"\(required =1\.4\.0\)"),
)


@pytest.fixture(scope="module")
def taller(ruta_chromium, tmp_path_factory, copiar_curso):
    # Con curso: los once ejercicios ya asignados (el curso de la sesión, conftest.py).
    curso = copiar_curso(tmp_path_factory.mktemp("versiones") / "curso")
    with ayudas.taller_con_curso(curso, tmp_path_factory.mktemp("registro"), modo="practica") as s:
        yield s


@pytest.mark.parametrize("ruta, listo", [
    (f"/voila/render/tableros/{EJERCICIO}.ipynb", ".lideres-tablero"),
    (ejercicios.url_ejercicio(EJERCICIO), ".lideres-nombre input"),
], ids=["tablero", "ejercicio"])
def test_sin_modulos_compartidos_de_otra_version(navegador, taller, vigilar, ruta, listo):
    contexto = ayudas.celular(navegador, device_scale_factor=1)
    v = vigilar(contexto)
    try:
        v.page.goto(taller.url(ruta))
        v.page.wait_for_selector(listo, timeout=180_000)
        v.page.wait_for_load_state("networkidle")
        v.revisar()
        propios = [m for m in v.otras_versiones if not any(a.fullmatch(m) for a in AJENOS)]
        assert propios == [], propios
    finally:
        contexto.close()
