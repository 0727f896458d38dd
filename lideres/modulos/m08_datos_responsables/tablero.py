"""Tablero del módulo 08 «Datos responsables»: el juego de reidentificación.

    TableroDatosResponsables (VBox) [lideres-tablero lideres-tablero-m08]
    ├── HTML estilos, título, aviso de datos sintéticos
    ├── controles: método (ToggleButtons), radio en metros (ToggleButtons), k casas (ToggleButtons)
    ├── HTML resultado (cuántos registros aún identifican una casa)
    ├── HTML mapas (original y publicable)
    └── HTML «Antes de concluir»
"""

from __future__ import annotations

import ipywidgets as widgets

from lideres.modulos.m08_datos_responsables import vistas
from lideres.tablero import partes

RADIOS = (0, 25, 50, 100, 200, 400)
KS = (2, 5, 8, 15)
ANTES_DE_CONCLUIR = [
    "Un punto en la puerta de una casa dice dónde vive una víctima: es un dato personal (Ley 29733).",
    "Mover los puntos protege más cuanto más grande es el radio, pero el mapa dice menos: hay que elegir.",
    "Un barrio con pocas casas necesita más protección que uno lleno: la misma regla no sirve igual en todos.",
    partes.SINTETICOS,
]


class TableroDatosResponsables(widgets.VBox):
    def __init__(self, metodo: str = "desplazar", radio_m: int = 0, k: int = 8, **kwargs):
        self.metodo = widgets.ToggleButtons(options=[(t, m) for m, t in vistas.METODOS.items()], value=metodo,
                                            style={"button_width": "auto"})
        self.radio = widgets.ToggleButtons(options=[(f"{r} m", r) for r in RADIOS], value=radio_m,
                                           style={"button_width": "auto"})
        self.k = widgets.ToggleButtons(options=[(str(n), n) for n in KS], value=k, style={"button_width": "auto"})
        controles = widgets.Box([
            partes.control("Cómo proteger", self.metodo, "lideres-control-metodo"),
            partes.control("Radio en metros", self.radio, "lideres-control-radio"),
            partes.control("Casas por punto anónimo (k)", self.k, "lideres-control-k"),
        ])
        controles.add_class("lideres-controles")
        self.resultado = widgets.HTML()
        self.mapas = widgets.HTML()
        super().__init__(
            [widgets.HTML(partes.html_estilos()),
             widgets.HTML(partes.html_titulo(
                 "¿Tu mapa delata una casa?", "Cada caso está en la puerta de una casa. Elige cómo protegerlos "
                 "y mira cuántos todavía dicen dónde vive la víctima.") + partes.html_sintetico()),
             controles, self.resultado, self.mapas, partes.antes_de_concluir(ANTES_DE_CONCLUIR)],
            layout=widgets.Layout(width="100%", max_width="760px"), **kwargs)
        self.add_class("lideres-tablero")
        self.add_class("lideres-tablero-m08")
        for control in (self.metodo, self.radio, self.k):
            control.observe(self._dibujar, names="value")
        self._dibujar()

    def _dibujar(self, _cambio=None) -> None:
        self.resultado.value = vistas.html_resultado(self.metodo.value, self.radio.value, self.k.value)
        self.mapas.value = vistas.html_mapas(self.metodo.value, self.radio.value, self.k.value)


def tablero(**kwargs) -> TableroDatosResponsables:
    """El tablero del módulo 08 (para notebooks/tableros/08_datos_responsables.ipynb)."""
    return TableroDatosResponsables(**kwargs)
