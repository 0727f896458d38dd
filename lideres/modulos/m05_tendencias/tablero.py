"""Tablero del módulo 05: el revisor de titulares.

    TableroTendencias (VBox) [lideres-tablero lideres-tablero-tendencias]
    ├── HTML estilos, HTML título
    ├── controles: serie (Dropdown), periodo (Dropdown), titular (ToggleButtons), ventana (ToggleButtons)
    ├── HTML gráfico (SVG) [lideres-grafico-caja]
    ├── HTML resultado: veredicto, números, lo que los datos no dicen [lideres-resultado-caja]
    └── HTML «Antes de concluir»

Los periodos dependen de la serie: al cambiar la serie, la lista de periodos se rehace.
"""

from __future__ import annotations

import ipywidgets as widgets

from lideres.errores import ErrorLideres
from lideres.modulos.m05_tendencias import calculos as c
from lideres.modulos.m05_tendencias import vistas
from lideres.tablero import partes

NOMBRES_SERIES = {
    "simulado": "Distrito simulado, por mes (sintético)",
    "la_libertad_mensual": "La Libertad, por mes (2024)",
    "lima_anual": "Departamento de Lima, por año",
    "callao_anual": "Callao, por año",
    "la_libertad_anual": "La Libertad, por año",
}
TITULARES = (("Sin titular", ""), ("+20 %", "+20 %"), ("+50 %", "+50 %"), ("−20 %", "-20 %"))
VENTANAS = (("2", 2), ("3", 3), ("6", 6))

ANTES_DE_CONCLUIR = [
    "Un porcentaje sin sus números engaña: con pocos casos, uno más ya parece un gran aumento.",
    "Las cifras pequeñas saltan solas. Mira si el cambio sale de lo que varía sola la cifra.",
    "Compara con el mismo mes del año anterior, y cuenta por día si los meses tienen distinto largo.",
    "Un año a medias (2026 tiene solo enero a julio) no se compara con un año entero.",
    partes.DENUNCIAS_NO_SON_DELITOS,
]


def _titulo_html() -> str:
    return partes.html_titulo("¿Subió de verdad? Revisa el titular",
                              "Elige una serie, un mes o un año y un titular. Mira los números, lo que "
                              "la cifra varía sola y lo que los datos no dicen.")


class TableroTendencias(widgets.VBox):
    def __init__(self, serie: str = "simulado", periodo: str | None = None,
                 afirmacion: str = "+50 %", ventana: int = 3, **kwargs):
        c.info(serie)
        inicial = c.revisar_titular(serie, periodo, afirmacion, ventana)
        self.control_serie = widgets.Dropdown(
            options=[(NOMBRES_SERIES[k], k) for k in c.SERIES], value=serie,
            layout=widgets.Layout(width="100%", max_width="340px"))
        self.control_periodo = widgets.Dropdown(
            options=self._periodos(serie), value=inicial["periodo"],
            layout=widgets.Layout(width="100%", max_width="340px"))
        self.control_titular = widgets.ToggleButtons(
            options=list(TITULARES), value=afirmacion if afirmacion in dict(TITULARES).values() else "",
            style={"button_width": "auto"})
        self.control_ventana = widgets.ToggleButtons(
            options=list(VENTANAS), value=int(ventana), style={"button_width": "auto"})
        controles = widgets.Box([
            partes.control("Serie", self.control_serie, "lideres-control-serie"),
            partes.control("Periodo", self.control_periodo, "lideres-control-periodo"),
            partes.control("Titular que quieres revisar", self.control_titular, "lideres-control-titular"),
            partes.control("Promedio móvil: periodos", self.control_ventana, "lideres-control-ventana"),
        ])
        controles.add_class("lideres-controles")
        self.grafico = widgets.HTML()
        self.grafico.add_class("lideres-grafico-caja")
        self.resultado = widgets.HTML()
        self.resultado.add_class("lideres-resultado-caja")
        super().__init__(
            [widgets.HTML(partes.html_estilos() + partes.html_estilo(vistas.css())), widgets.HTML(_titulo_html()),
             controles, self.grafico, self.resultado, partes.antes_de_concluir(ANTES_DE_CONCLUIR)],
            layout=widgets.Layout(width="100%", max_width="760px"), **kwargs)
        self.add_class("lideres-tablero")
        self.add_class("lideres-tablero-tendencias")
        self.control_serie.observe(self._cambio_serie, names="value")
        for control in (self.control_periodo, self.control_titular, self.control_ventana):
            control.observe(self._dibujar, names="value")
        self.estado = inicial
        self._pintar(inicial)

    @staticmethod
    def _periodos(serie: str) -> list[str]:
        return list(c.serie(serie)["etiqueta"])[1:]  # el primero no tiene con qué compararse

    def _cambio_serie(self, _cambio=None) -> None:
        serie = self.control_serie.value
        defecto = c.revisar_titular(serie, None, self.control_titular.value, self.control_ventana.value)
        with self.hold_trait_notifications():
            self.control_periodo.unobserve(self._dibujar, names="value")
            self.control_periodo.options = self._periodos(serie)
            self.control_periodo.value = defecto["periodo"]
            self.control_periodo.observe(self._dibujar, names="value")
        self._dibujar()

    def _dibujar(self, _cambio=None) -> None:
        self.estado = c.revisar_titular(self.control_serie.value, self.control_periodo.value,
                                        self.control_titular.value, self.control_ventana.value)
        self._pintar(self.estado)

    def _pintar(self, estado: dict) -> None:
        self.grafico.value = vistas.svg_serie(estado)
        self.resultado.value = vistas.html_resultado(estado)




def tablero(serie: str = "simulado", periodo: str | None = None, afirmacion: str = "+50 %",
            ventana: int = 3):
    """El tablero del módulo 05. Si faltan datos, devuelve un aviso en español."""
    from lideres.tablero.aviso import aviso_de_error

    try:
        return TableroTendencias(serie, periodo, afirmacion, ventana)
    except ErrorLideres as error:
        return aviso_de_error(error)
