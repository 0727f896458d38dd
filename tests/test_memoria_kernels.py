"""Lo que importa el kernel de un tablero o de un ejercicio en el celular.

En el taller cada celular tiene su propio kernel: 30 celulares son 30 copias de todo lo que el
tablero importa. Estas pruebas arman cada tablero y cada página de ejercicio en un proceso nuevo
(como un kernel recién nacido) y revisan que no se cuele una biblioteca que la página no usa
(pandera, nbgrader, matplotlib en el tablero del mapa…). Las cifras de memoria están en
benchmarks/README.md («Carga: una sala llena»).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from lideres import rutas, tablas

# Nunca en el kernel de una página del taller: son del lado de quien facilita (calificar, construir
# el libro, comprobar los datos) o no se usan.
PROHIBIDOS_SIEMPRE = [
    "pandera", "nbgrader", "sqlalchemy", "alembic", "scipy", "geopandas", "jupyter_server", "voila",
    "nbconvert", "nbclient", "jupyter_book", "sphinx", "myst_nb", "playwright", "jedi", "lideres.curso.motor",
    "lideres.libro",
]
# Además, por página. Los tableros 01, 03 y 04 dibujan figuras con matplotlib; el del mapa no.
PROHIBIDOS = {
    "tableros/02_conteos_y_tasas": ["matplotlib", "PIL"],
    # El revisor de titulares dibuja SVG con Jinja y calcula la banda de Poisson a mano.
    "tableros/05_tendencias": ["matplotlib", "PIL", "ipyleaflet", "shapely", "mapclassify", "sklearn"],
    # Las clasificaciones del 06 están guardadas: mapclassify (y scikit-learn) no entran al kernel; sus
    # 50 filas se leen sin pandas (`lideres.tablas.filas`) y los límites sin shapely.
    "tableros/06_leer_mapas": ["matplotlib", "PIL", "mapclassify", "sklearn", "pandas", "shapely"],
    # La tabla de la preparación (pandas) sale de la caché que dejó el primer kernel.
    "ejercicios": ["matplotlib", "PIL", "ipyleaflet", "shapely", "pandas", "numpy"],
}

CODIGO = """
import json, sys
for fuente in json.loads(sys.argv[1]):
    exec(compile(fuente, "<celda>", "exec"), {})
print(json.dumps(sorted(sys.modules)))
"""


def _paginas() -> list[Path]:
    return sorted((rutas.CUADERNOS / "tableros").glob("*.ipynb")) + sorted(
        (rutas.CUADERNOS / "ejercicios").glob("*.ipynb"))


def _celdas(ruta: Path) -> list[str]:
    import nbformat

    nb = nbformat.read(ruta, as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "code"]


@pytest.fixture(scope="module")
def cache_sellada(tmp_path_factory):
    """Una caché nueva con las tablas de data/ ya comprobadas y las preparaciones de los ejercicios
    ya calculadas (como la deja el primer kernel del taller)."""
    from lideres import banco
    from lideres.formulario.widgets import preparacion_html

    carpeta = tmp_path_factory.mktemp("cache")
    antes = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(carpeta)
    try:
        tablas._leer.cache_clear()
        for nombre in tablas.tablas_disponibles():
            if (rutas.DATOS / tablas.TABLAS[nombre].archivo).is_file():
                tablas.cargar(nombre)
        for ruta in (rutas.CUADERNOS / "ejercicios").glob("*.ipynb"):
            preparacion_html(banco.cargar(ruta.stem).publico().get("preparacion"))
    finally:
        tablas._leer.cache_clear()
        if antes is None:
            os.environ.pop("XDG_CACHE_HOME")
        else:
            os.environ["XDG_CACHE_HOME"] = antes
    return carpeta


def _modulos_al_abrir(ruta: Path, cache: Path) -> set[str]:
    entorno = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    entorno.pop("LIDERES_TALLER_CURSO", None)
    salida = subprocess.run(
        [sys.executable, "-c", CODIGO, json.dumps(_celdas(ruta))], capture_output=True, text=True,
        timeout=300, env=entorno, cwd=rutas.RAIZ,
    )
    assert salida.returncode == 0, salida.stderr[-3000:]
    return set(json.loads(salida.stdout.strip().splitlines()[-1]))


@pytest.mark.lento
@pytest.mark.parametrize("ruta", _paginas(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_la_pagina_no_importa_lo_que_no_usa(ruta, cache_sellada):
    modulos = _modulos_al_abrir(ruta, cache_sellada)
    clave = f"{ruta.parent.name}/{ruta.stem}"
    prohibidos = PROHIBIDOS_SIEMPRE + PROHIBIDOS.get(clave, []) + PROHIBIDOS.get(ruta.parent.name, [])
    cargados = sorted(m for m in prohibidos if m in modulos)
    assert not cargados, f"{clave} importa {cargados}: impórtalos dentro de la función que los usa"
    assert "ipywidgets" in modulos  # de verdad se armó la página


# ---------------------------------------------------------------- tablas comprobadas una vez


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    tablas._leer.cache_clear()
    yield tmp_path / "cache"
    tablas._leer.cache_clear()


def _sin_tipos(nombre: str) -> pd.DataFrame:
    ruta = rutas.DATOS / tablas.TABLAS[nombre].archivo
    return pd.read_csv(ruta, dtype={c: str for c in tablas._COLUMNAS_TEXTO[nombre]}, encoding="utf-8")


def test_con_sello_se_obtiene_lo_mismo_que_comprobando(cache):
    for nombre in tablas.tablas_disponibles():
        if not (rutas.DATOS / tablas.TABLAS[nombre].archivo).is_file():
            continue
        comprobada = tablas.cargar(nombre)  # sin sello: pandera comprueba y sella
        assert len(list(tablas.carpeta_sellos().iterdir())) > 0
        tablas._leer.cache_clear()
        sellada = tablas.cargar(nombre)  # con sello: solo los tipos
        pd.testing.assert_frame_equal(sellada, comprobada)
        pd.testing.assert_frame_equal(sellada, tablas.validar(nombre, _sin_tipos(nombre)))


def test_un_archivo_cambiado_se_vuelve_a_comprobar(cache, tmp_path, monkeypatch):
    import shutil

    datos = tmp_path / "data"
    datos.mkdir()
    shutil.copy(rutas.DATOS / "distritos.csv", datos / "distritos.csv")
    monkeypatch.setattr(rutas, "DATOS", datos)
    tablas.cargar("distritos")  # queda sellado
    lineas = (datos / "distritos.csv").read_text(encoding="utf-8").split("\n")
    partes = lineas[1].split(",")
    partes[6] = "muchos"
    lineas[1] = ",".join(partes)
    (datos / "distritos.csv").write_text("\n".join(lineas), encoding="utf-8")
    from lideres.errores import ErrorLideres

    with pytest.raises(ErrorLideres, match="poblacion_2017"):
        tablas.cargar("distritos")


def test_con_sello_no_se_importa_pandera(cache):
    tablas.cargar("distritos")
    codigo = ("import sys; from lideres import tablas; t = tablas.cargar('distritos'); "
              "print(len(t), 'pandera' in sys.modules)")
    salida = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "XDG_CACHE_HOME": str(cache)})
    assert salida.stdout.split() == ["61", "False"], salida.stderr[-2000:]


def test_sin_cache_escribible_igual_comprueba(tmp_path, monkeypatch):
    archivo = tmp_path / "no_es_carpeta"
    archivo.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(archivo))  # no se puede crear nada debajo
    tablas._leer.cache_clear()
    try:
        assert len(tablas.cargar("distritos")) == 61
    finally:
        tablas._leer.cache_clear()


# ---------------------------------------------------------------- preparación de un ejercicio


def test_la_preparacion_corre_una_vez_y_una_fallida_no_se_guarda(cache, tmp_path):
    from lideres.formulario.widgets import preparacion_html

    marca = tmp_path / "corridas.txt"
    codigo = (f"with open({str(marca)!r}, 'a') as f:\n    f.write('x')\n"
              "import pandas as pd\npd.DataFrame({'distrito': ['Callao'], 'denuncias': [1200000]})")
    preparacion = {"texto": "Una tabla **sintética**.", "codigo": codigo}
    primera = preparacion_html(preparacion)
    assert "<table" in primera and "1,200,000" in primera
    assert preparacion_html(preparacion) == primera
    assert marca.read_text(encoding="utf-8") == "x"  # la segunda vez salió de la caché

    rota = {"texto": "Otra.", "codigo": f"open({str(marca)!r}, 'a').write('y')\n1 / 0"}
    assert "<table" not in preparacion_html(rota)
    preparacion_html(rota)
    assert marca.read_text(encoding="utf-8") == "xyy"  # la que falla se intenta cada vez


def _sin_saltos(texto: str) -> str:
    return re.sub(r"\s+", " ", texto)


def test_las_cifras_de_memoria_del_readme_salen_de_los_benchmarks():
    """Las cifras de memoria del README son las medidas en benchmarks/README.md (redondeadas) o las
    del servidor del taller."""
    from lideres.taller import memoria, servidor

    readme = _sin_saltos((rutas.RAIZ / "README.md").read_text(encoding="utf-8"))
    medidas = (rutas.RAIZ / "benchmarks" / "README.md").read_text(encoding="utf-8")
    # «Memoria con nadie conectado»: la fila de ahora, PSS total.
    fila = re.search(r"^\| ahora .*?\| \*\*(\d+)\*\* \| \*\*([\d,]+) MB\*\* \|", medidas, re.MULTILINE)
    assert fila, "falta la fila «ahora» en «Memoria con nadie conectado» de benchmarks/README.md"
    pss = int(fila.group(2).replace(",", ""))
    assert f"listos solo {servidor.RESERVA_CON_PAGINA_LIGERA} tableros completos" in readme
    assert f"(unos {pss} MB en total con nadie conectado" in readme
    # Sin página ligera (07, 09, 10): la reserva inicial y lo que cuenta cada tablero en --memoria.
    assert f"con `--modulo 07` deja listos {servidor.RESERVA_INICIAL_SIN_LIGERA} " in readme
    assert f"cada tablero completo cuenta {memoria.ESTIMADO_TABLERO // memoria.MB} MB hasta que" in readme
    margen = round((memoria.MARGEN_APRENDIDO - 1) * 100)
    assert f"mide {memoria.MEDIDOS_PARA_APRENDER if memoria.MEDIDOS_PARA_APRENDER != 3 else 'tres'} en uso" in readme
    assert f"más un {margen} %" in readme
