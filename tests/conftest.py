"""Fixtures compartidas por varias pruebas."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

# --- Pruebas en paralelo (pytest-xdist: `-n auto` en pyproject.toml) --------------------------------
#
# Cada proceso de pytest-xdist recibe grupos enteros de pruebas, en el orden en que pytest las junta
# (el reparto de xdist por módulos, «loadscope», con los grupos de grupo_de()):
# - «libro»: los módulos que construyen una edición del libro o sirven la del taller (MODULOS_DEL_LIBRO).
#   En una misma carpeta no se pueden construir dos ediciones a la vez (book/modulos, book/_generado y
#   book/_build son de todas) y una construcción borra el HTML que otra prueba está sirviendo. En un
#   solo proceso, además, cada edición se construye una vez por sesión, no una por proceso.
# - «jupyterlab»: test_laboratorio cambia la configuración de JupyterLab del entorno (participantes o
#   facilitador) que leen las pruebas que abren JupyterLab o el hub.
# - Los demás, un grupo por módulo: sus fixtures de módulo (un servidor, un curso asignado) se
#   preparan una sola vez, como sin -n.
# (No con la marca xdist_group: pytest-xdist 3.8 la aplica cambiando item._nodeid, que pytest 9.2 ya
# no usa para el nodeid, y las pruebas quedaban sueltas.) Sin -n (`pytest -n 0`) todo corre en un
# proceso, en el mismo orden.
GRUPO_LIBRO = "libro"
FIXTURES_DEL_LIBRO = {"libro_html", "libro_facilitador_html", "sitio_html", "servidor"}
# Los módulos que piden una de esas fixtures (lo revisa pytest_collection_modifyitems), más los que
# construyen el libro o sus páginas ligeras (book/_build/ligeras) por su cuenta.
MODULOS_DEL_LIBRO = {
    "test_capturas_guia.py", "test_descargas.py", "test_libro.py", "test_navegador_cuestionario.py",
    "test_navegador_libro_celular.py", "test_navegador_ligeras.py", "test_navegador_modulos.py",
    "test_navegador_sitio.py", "test_navegador_tablero_celular.py", "test_navegador_taller.py",
    "test_taller.py",
}
GRUPO_JUPYTERLAB = "jupyterlab"
MODULOS_JUPYTERLAB = {"test_laboratorio.py", "test_navegador_jupyterlab_es.py", "test_navegador_en_linea.py",
                      "test_navegador_hub.py"}
# Las fotos de las páginas para facilitadores van antes que la edición de quien facilita, que las pone.
PRIMERO = "test_capturas_guia.py"
# Cada proceso puede tener su servidor del taller con kernels y su Chromium: tope por memoria y CPU.
MAXIMO_PROCESOS = 4
MEMORIA_POR_PROCESO = 1.5 * 2**30


def grupo_de(nodeid: str) -> str:
    """El grupo de una prueba, por su módulo: «libro», «jupyterlab» o el módulo mismo."""
    modulo = nodeid.split("::", 1)[0]
    nombre = modulo.rsplit("/", 1)[-1]
    if nombre in MODULOS_DEL_LIBRO:
        return GRUPO_LIBRO
    if nombre in MODULOS_JUPYTERLAB:
        return GRUPO_JUPYTERLAB
    return modulo


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config):
    """`-n auto`: uno por núcleo, hasta MAXIMO_PROCESOS y lo que quepa en la memoria libre."""
    import psutil

    try:
        nucleos = len(os.sched_getaffinity(0))
    except AttributeError:  # Windows y macOS
        nucleos = os.cpu_count() or 1
    por_memoria = int(psutil.virtual_memory().available // MEMORIA_POR_PROCESO)
    return max(1, min(nucleos, MAXIMO_PROCESOS, por_memoria))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """El reparto por grupos (grupo_de): cada grupo entero a un proceso, en orden."""
    from xdist.scheduler import LoadScopeScheduling

    class PorGrupos(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return grupo_de(nodeid)

    return PorGrupos(config, log)


def _pide_el_libro(item) -> bool:
    """Usa una de FIXTURES_DEL_LIBRO de los conftest.py (no otra del mismo nombre, propia de su módulo)."""
    definiciones = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
    for nombre in FIXTURES_DEL_LIBRO & set(getattr(item, "fixturenames", ())):
        defs = definiciones.get(nombre)
        if not defs or defs[-1].func.__module__.endswith("conftest"):
            return True
    return False


def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: item.path.name != PRIMERO)  # estable: lo demás queda en su orden
    faltan = sorted({item.path.name for item in items if _pide_el_libro(item)} - MODULOS_DEL_LIBRO)
    if faltan:
        raise pytest.UsageError(f"Estos módulos usan el libro construido: agrégalos a MODULOS_DEL_LIBRO en "
                                f"tests/conftest.py (así corren en el mismo proceso que los demás): {faltan}")


@pytest.fixture(scope="session")
def libro_html():
    """Una sola construcción del libro por sesión, para test_libro, test_taller y las de navegador.

    Queda en book/_build/html, la misma carpeta que sirve `lideres taller`.
    """
    from lideres import libro

    return libro.construir(imprimir=lambda *a: None)


@pytest.fixture(scope="session")
def libro_facilitador_html():
    """La edición de quien facilita (book/_build/facilitador/): con las páginas «Para facilitadores»
    y sus respuestas, que el libro de participantes no trae."""
    from lideres import libro

    return libro.construir(imprimir=lambda *a: None, modo=libro.FACILITADOR)


@pytest.fixture(scope="session")
def sitio_html():
    """El libro construido en modo sitio (book/_build/sitio/), como lo usa `make sitio`: sin
    servidor, los tableros se abren en Binder o en el JupyterHub del curso."""
    from lideres import libro

    return libro.construir(imprimir=lambda *a: None, modo=libro.SITIO)


@pytest.fixture(scope="session")
def curso_de_la_sesion(tmp_path_factory):
    """Un curso nuevo con cada ejercicio del banco asignado (nbgrader generate_assignment), una vez por
    sesión: asignar los once tarda (más de un minuto), y lo pedían test_ejercicios, test_formulario y
    los servidores del taller con `--curso`. Con -n, el primer proceso que lo pide lo arma en la
    carpeta temporal común a todos (con el candado de lideres.curso) y los demás lo usan. Solo se
    lee: quien entrega o califica usa una copia (copiar_curso)."""
    from lideres.banco import autoria
    from lideres.curso import motor
    from lideres.curso.candado import candado

    base = tmp_path_factory.getbasetemp()
    # Con -n, cada proceso tiene su carpeta (popen-gw0, …) dentro de la de la sesión.
    comun = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "curso_de_la_sesion"
    listo = comun / "listo"
    with candado(comun):
        if not listo.exists():
            curso, _ = motor.preparar_curso(comun / "curso")
            for ejercicio in autoria.ejercicios(curso.raiz):
                motor.asignar(curso, ejercicio)  # si nbgrader falla, ErrorLideres dice cuál
            listo.write_text("asignado\n", encoding="utf-8")
    return comun / "curso"


@pytest.fixture(scope="session")
def copiar_curso(curso_de_la_sesion):
    """`copiar_curso(destino)`: una copia del curso asignado en `destino` (que no debe existir)."""
    def copiar(destino):
        return Path(shutil.copytree(curso_de_la_sesion, destino))
    return copiar


@pytest.fixture
def oficiales_solo_trujillo(tmp_path, monkeypatch):
    """Una carpeta data/ temporal (la real no se toca) con límites oficiales importados solo para
    los 11 distritos de Trujillo; Lima y Callao siguen esquemáticos."""
    from lideres import limites, rutas

    carpeta = tmp_path / "data"
    carpeta.mkdir()
    for nombre in ("distritos.csv", limites.ARCHIVO_ESQUEMATICO):
        shutil.copy(rutas.DATOS / nombre, carpeta / nombre)
    monkeypatch.setattr(rutas, "DATOS", carpeta)
    esquema = json.loads((carpeta / limites.ARCHIVO_ESQUEMATICO).read_text(encoding="utf-8"))
    trujillo = [
        {"type": "Feature", "properties": {"ubigeo": f["properties"]["ubigeo"]},
         "geometry": f["geometry"]}
        for f in esquema["features"] if f["properties"]["ambito"] == "Trujillo"
    ]
    archivo = tmp_path / "trujillo.geojson"
    archivo.write_text(json.dumps({"type": "FeatureCollection", "features": trujillo}), encoding="utf-8")
    limites.importar_limites(archivo, fuente="Municipalidad de prueba")
    return carpeta
