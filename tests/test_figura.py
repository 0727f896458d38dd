"""Las figuras de matplotlib del libro y de los tableros se leen en un celular de 360 px.

A 360 px de ancho, el libro muestra la salida de una celda a 328 px (medido en Chromium con el tema
del libro) y el tablero a ~325 px (CI). La letra más chica de cada figura, así mostrada, debe medir al
menos 12 px (issue 22); y nada se sale del lienzo (la imagen del tablero no recorta al guardar).
La medida en el navegador de los tableros está en tests/navegador/test_navegador_letra.py.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

from lideres.tablero.partes import PPP_FIGURA, letra_minima_pt  # noqa: E402

MOSTRADO_PX = 325
MINIMO_PX = 12
RAIZ = Path(__file__).resolve().parent.parent


def _m01():
    from lideres.modulos.m01_datos_de_seguridad import calculos as c

    return c


def _m03():
    from lideres.modulos.m03_cifra_negra import calculos as c

    return c


def _m04():
    from lideres.modulos.m04_percepcion import calculos as c

    return c


def _graficos():
    from lideres import graficos

    return graficos


@functools.cache
def _revision():
    from lideres.revisar import revisar_datos

    return revisar_datos((RAIZ / "data" / "incidentes_sinteticos.csv").read_bytes(), "incidentes.csv")


# Las que llaman los capítulos del libro (notebooks/NN_*.ipynb, con sus notas dentro de la imagen)
# y las de los tableros (sin notas: van como texto debajo).
FIGURAS = {
    "01 departamentos": lambda p: _m01().grafico_departamentos(con_pie=p),
    "01 mezcla Callao": lambda p: _m01().grafico_mezcla("Callao", 2024, con_pie=p),
    "01 mezcla Lima": lambda p: _m01().grafico_mezcla("Lima", 2024, con_pie=p),
    "01 fuentes": lambda p: _m01().grafico_fuentes("El Porvenir", con_pie=p),
    "02 ranking conteo": lambda p: _graficos().grafico_ranking(2025, "conteo"),
    "02 ranking tasa": lambda p: _graficos().grafico_ranking(2025, "tasa_100k"),
    "02 mapa conteo": lambda p: _graficos().mapa_estatico(2025, "conteo"),
    "02 mapa tasa": lambda p: _graficos().mapa_estatico(2025, "tasa_100k"),
    "03 explorador": lambda p: _m03().grafico_explorador("La Libertad", con_pie=p),
    "03 explorador supuesto": lambda p: _m03().grafico_explorador("La Libertad", 40, con_pie=p),
    "03 series Lima": lambda p: _m03().grafico_denuncias_y_victimas("Lima Metropolitana", con_pie=p),
    "03 series La Libertad": lambda p: _m03().grafico_denuncias_y_victimas("La Libertad", con_pie=p),
    "04 percepción Lima": lambda p: _m04().grafico_percepcion("Lima Metropolitana", 2024, con_pie=p),
    "04 percepción La Libertad": lambda p: _m04().grafico_percepcion("La Libertad", 2024, con_pie=p),
    "08 mapas": lambda p: __import__("lideres.modulos.m08_datos_responsables.vistas",
                                     fromlist=["x"]).figura_mapas("desplazar", 50, 5),
    "09 por mes": lambda p: __import__("lideres.modulos.m09_tus_datos.vistas",
                                       fromlist=["x"]).figura_por_mes(_revision()),
    "09 puntos": lambda p: __import__("lideres.modulos.m09_tus_datos.vistas",
                                      fromlist=["x"])._figura_puntos(_revision()),
}


@pytest.mark.parametrize("con_pie", [True, False], ids=["libro", "tablero"])
@pytest.mark.parametrize("nombre", list(FIGURAS))
def test_letra_legible_a_360_px_y_nada_recortado(nombre, con_pie):
    from PIL import Image

    fig = FIGURAS[nombre](con_pie)
    # El libro guarda con bbox_inches="tight" (backend inline): la imagen puede salir más ancha
    # que la figura si algo se sale, y entonces se ve más chica.
    memoria = io.BytesIO()
    fig.savefig(memoria, format="png", dpi=PPP_FIGURA, bbox_inches="tight")
    ancho_png = max(Image.open(memoria).size[0], fig.get_figwidth() * PPP_FIGURA)
    pt = letra_minima_pt(fig)
    px = pt * PPP_FIGURA / 72 * MOSTRADO_PX / ancho_png
    assert px >= MINIMO_PX, f"{nombre}: {pt} pt en {ancho_png:.0f} px de imagen se ven de {px:.1f} px"
    # Nada fuera del lienzo (el tablero guarda la figura tal cual: lo de afuera se corta).
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    caja = fig.get_tightbbox(FigureCanvasAgg(fig).get_renderer())
    ancho, alto = fig.get_size_inches()
    margen = 0.06  # pulgadas: el grosor de una línea en el borde
    assert caja.x0 >= -margen and caja.y0 >= -margen, (nombre, caja)
    assert caja.x1 <= ancho + margen and caja.y1 <= alto + margen, (nombre, caja, ancho, alto)
