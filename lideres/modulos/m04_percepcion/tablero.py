"""Tablero del módulo 04 «Percepción y victimización»: las dos series (y la confianza en la
policía) en un mismo gráfico por lugar, con un año elegido y la brecha dicha en palabras.

    TableroPercepcion (VBox) [lideres-tablero lideres-tablero-percepcion]
    ├── HTML estilos, HTML título
    ├── controles: lugar (ToggleButtons), año (Dropdown)
    ├── HTML brecha [lideres-resultado]
    ├── HTML figura
    └── HTML «Antes de concluir»
"""

from __future__ import annotations

import ipywidgets as widgets

from lideres.errores import ErrorLideres
from lideres.modulos.m04_percepcion import calculos as pc
from lideres.modulos.m04_percepcion import vistas
from lideres.tablero import partes
from lideres.tablero.aviso import aviso_de_error

ANTES_DE_CONCLUIR = [
    "Sentir miedo no es un error: cambia cómo vive la gente (a qué hora sale, por dónde camina). "
    "Pero no mide cuántos delitos hubo.",
    "Son dos preguntas distintas de la misma encuesta: «¿se siente inseguro al caminar solo de "
    "noche?» y «¿fue víctima de algún delito en los últimos 12 meses?».",
    "Las cifras de «casi todos se sienten inseguros» de las noticias suelen ser de otra pregunta "
    "(«¿cree que será víctima en los próximos 12 meses?») o de otro lugar (Lima, no todo el "
    "país). No las mezcles con esta serie.",
    "Una encuesta pregunta a una parte de la gente: una diferencia de pocos puntos entre dos años "
    "o dos lugares no es un cambio ni un orden.",
    "2020 fue el año de la cuarentena: casi todas las cifras bajaron. Los datos no dicen por qué; "
    "compáralo con cuidado.",
    "La ENAPRES no tiene serie para Trujillo: La Libertad (todo el departamento) es lo más cercano.",
]


class TableroPercepcion(widgets.VBox):
    def __init__(self, ambito: str = "Lima Metropolitana", anio: int = 2024, **kwargs):
        pc.revisar_ambito(ambito)
        anio = pc.revisar_anio(anio)
        self.control_ambito = widgets.ToggleButtons(
            options=list(pc.AMBITOS), value=ambito, style={"button_width": "auto"},
            tooltips=[f"Serie de la ENAPRES: {a}" for a in pc.AMBITOS],
        )
        self.control_anio = widgets.Dropdown(
            options=[(str(a), a) for a in reversed(pc.anios())], value=anio,
            layout=widgets.Layout(width="100%", max_width="200px"),
        )
        controles = widgets.Box([
            partes.control("Lugar", self.control_ambito, "lideres-control-ambito"),
            partes.control("Año", self.control_anio, "lideres-control-anio"),
        ])
        controles.add_class("lideres-controles")
        self.brecha = widgets.HTML()
        self.brecha.add_class("lideres-resultado-caja")
        self.grafico = widgets.HTML()
        self.grafico.add_class("lideres-grafico-caja")
        super().__init__(
            [
                widgets.HTML(partes.html_estilos()),
                widgets.HTML(vistas.html_titulo()),
                controles,
                self.brecha,
                self.grafico,
                partes.antes_de_concluir(ANTES_DE_CONCLUIR),
            ],
            layout=widgets.Layout(width="100%", max_width="760px"),
            **kwargs,
        )
        self.add_class("lideres-tablero")
        self.add_class("lideres-tablero-percepcion")
        self.control_ambito.observe(self._dibujar, names="value")
        self.control_anio.observe(self._dibujar, names="value")
        self._dibujar()

    def _dibujar(self, _cambio=None) -> None:
        ambito, anio = self.control_ambito.value, self.control_anio.value
        self.brecha.value = vistas.html_brecha(ambito, anio)
        fig = pc.grafico_percepcion(ambito, anio, con_pie=False)
        self.grafico.value = partes.html_figura(fig, pc.texto_alternativo(ambito, anio),
                                                pie=pc.notas_percepcion(ambito))


def tablero(ambito: str = "Lima Metropolitana", anio: int = 2024):
    """El tablero del módulo 04. Si faltan datos, devuelve un aviso en español."""
    try:
        return TableroPercepcion(ambito=ambito, anio=anio)
    except ErrorLideres as error:
        return aviso_de_error(error)


tablero_percepcion = tablero  # el nombre de siempre
