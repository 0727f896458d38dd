"""Tablero del módulo 06: el mismo dato, muchos mapas.

    TableroLeerMapas (VBox) [lideres-tablero lideres-tablero-leer-mapas]
    ├── HTML estilos, HTML título
    ├── controles: medida, clasificación, clases, colores, año
    ├── HTML «los más peligrosos» según este mapa [lideres-mas-altos]
    ├── mapa (ipyleaflet, el compartido de lideres.tablero.mapa; al cambiar solo viajan los colores)
    ├── HTML leyenda (título declarativo, unidades, fuente)
    ├── HTML cada tasa con su margen
    └── HTML «Antes de concluir»
"""

from __future__ import annotations

import ipywidgets as widgets

from lideres.errores import ErrorLideres
from lideres.modulos.m06_leer_mapas import calculos as c
from lideres.modulos.m06_leer_mapas import vistas
from lideres.tablero import partes

ANTES_DE_CONCLUIR = [
    "El mismo dato da mapas distintos: la clasificación y el número de clases deciden quién sale «oscuro».",
    "Un conteo alto puede ser solo mucha gente. La tasa divide entre quienes viven ahí, no entre quienes pasan.",
    "La tasa de un distrito no dice nada de una calle ni de una persona de ese distrito.",
    "Un mapa puede estigmatizar a un barrio. Di siempre qué mide, de qué año y de dónde viene.",
    partes.DENUNCIAS_NO_SON_DELITOS,
]


def _titulo_html() -> str:
    # No repite el título de la página (el del cuaderno), como no lo repite ningún tablero.
    return partes.html_titulo("¿Quién sale «más peligroso»?",
                              "Cambia la medida, la clasificación, las clases y los colores. Mira qué "
                              "distritos salen como «los más peligrosos».")


class TableroLeerMapas(widgets.VBox):
    def __init__(self, anio: int = 2025, medida: str = "tasa", esquema: str = "cuantiles", k: int = 5,
                 paleta: str = "azules", teselas: str | None = None, **kwargs):
        from lideres.tablero import mapa as mapa_compartido

        self.estado = vistas.EstadoMapa(anio, medida, esquema, k, paleta)
        self.control_medida = widgets.ToggleButtons(
            options=[("Tasa por 100 mil", "tasa"), ("Conteo", "conteo")], value=medida,
            style={"button_width": "auto"})
        self.control_esquema = widgets.ToggleButtons(
            options=[(nombre.split(" (")[0], clave) for clave, (nombre, _) in c.ESQUEMAS.items()],
            value=esquema, style={"button_width": "auto"})
        self.control_clases = widgets.ToggleButtons(
            options=[(str(n), n) for n in c.CLASES], value=int(k), style={"button_width": "auto"})
        self.control_paleta = widgets.Dropdown(
            options=[(p["nombre"], clave) for clave, p in c.PALETAS.items()], value=paleta,
            layout=widgets.Layout(width="100%", max_width="320px"))
        self.control_anio = widgets.ToggleButtons(
            options=[(str(a), a) for a in c.ANIOS], value=int(anio), style={"button_width": "auto"})
        controles = widgets.Box([
            partes.control("Medida", self.control_medida, "lideres-control-medida"),
            partes.control("Clasificación", self.control_esquema, "lideres-control-esquema"),
            partes.control("Número de clases", self.control_clases, "lideres-control-clases"),
            partes.control("Colores", self.control_paleta, "lideres-control-paleta"),
            partes.control("Año", self.control_anio, "lideres-control-anio"),
        ])
        controles.add_class("lideres-controles")
        self.mas_altos = widgets.HTML()
        self.leyenda = widgets.HTML()
        self.intervalos = widgets.HTML()
        self.mapa, self.capa = mapa_compartido.crear_mapa(mapa_compartido.limites(), self.estado, teselas)
        super().__init__(
            [widgets.HTML(partes.html_estilos() + partes.html_estilo(vistas.css())),
             widgets.HTML(_titulo_html()), controles, self.mas_altos, self.mapa, self.leyenda,
             self.intervalos, partes.antes_de_concluir(ANTES_DE_CONCLUIR)],
            layout=widgets.Layout(width="100%", max_width="760px"), **kwargs)
        self.add_class("lideres-tablero")
        self.add_class("lideres-tablero-leer-mapas")
        for control in (self.control_medida, self.control_esquema, self.control_clases,
                        self.control_paleta, self.control_anio):
            control.observe(self._dibujar, names="value")
        self._pintar(primera_vez=True)

    def _dibujar(self, _cambio=None) -> None:
        self.estado = vistas.EstadoMapa(self.control_anio.value, self.control_medida.value,
                                        self.control_esquema.value, self.control_clases.value,
                                        self.control_paleta.value)
        self._pintar()

    def _pintar(self, primera_vez: bool = False) -> None:
        from lideres.tablero import mapa as mapa_compartido

        if not primera_vez:
            mapa_compartido.pintar(self.capa, self.estado)
        self.mas_altos.value = vistas.html_mas_altos(self.estado)
        self.leyenda.value = vistas.html_leyenda(self.estado)
        self.intervalos.value = vistas.html_intervalos(self.estado)

    def colores(self) -> dict[str, str]:
        return {u: e["fillColor"] for u, e in self.capa.estilos.items()}


def tablero(anio: int = 2025, medida: str = "tasa", esquema: str = "cuantiles", k: int = 5,
            paleta: str = "azules", teselas: str | None = None):
    """El tablero del módulo 06. Si faltan datos, devuelve un aviso en español."""
    from lideres.tablero.aviso import aviso_de_error

    try:
        return TableroLeerMapas(anio, medida, esquema, k, paleta, teselas)
    except ErrorLideres as error:
        return aviso_de_error(error)
