"""Tablero del módulo 03 «La cifra negra»: cuántas víctimas puede haber detrás de las denuncias, solo
donde hay una tasa de denuncia publicada del mismo lugar y año (hoy, La Libertad 2025).

    TableroCifraNegra (VBox) [lideres-tablero lideres-tablero-cifra-negra]
    ├── HTML estilos, HTML título
    ├── controles: lugar (ToggleButtons), supuesto «si denunciaran…» (ToggleButtons)
    ├── HTML resultado [lideres-resultado]: la frase con el rango
    ├── HTML figura del explorador, HTML figura de las series
    └── HTML «Antes de concluir»

El cálculo vive en `calculos.py` (`lideres.modulos.m03_cifra_negra.calculos`); aquí solo se arma y se redibuja.
"""

from __future__ import annotations

import ipywidgets as widgets

from lideres.errores import ErrorLideres
from lideres.modulos.m03_cifra_negra import calculos as cn
from lideres.modulos.m03_cifra_negra import vistas
from lideres.tablero import partes
from lideres.tablero.aviso import aviso_de_error

OPCIONES_SUPUESTO = (5, 10, 15, 20, 30, 50)

ANTES_DE_CONCLUIR = [
    "Una tasa de denuncia es de su lugar, su tiempo y su grupo. Solo se aplica a denuncias del "
    "mismo lugar, del mismo año y de los delitos que describe (robo, hurto y estafa).",
    "Hoy solo La Libertad tiene una tasa publicada para un año con denuncias completas (2025). "
    "Para el Callao, Lima Metropolitana o un distrito no hay: no se calcula.",
    "Es un rango, no una cifra exacta: la encuesta pregunta a una parte de la gente, y su cifra "
    "puede estar unos puntos arriba o abajo.",
    "Cuántos denuncian puede cambiar con la confianza en la policía, la distancia a la comisaría "
    "o el tipo de delito: son explicaciones posibles, no las mide este tablero.",
    "Si bajan las denuncias, pregunta primero si bajó el delito o si la gente dejó de denunciar. "
    "Para saberlo, mira la encuesta (ENAPRES) del mismo año.",
    "La ENAPRES no tiene serie para Trujillo: La Libertad (todo el departamento) es lo más cercano.",
]


class TableroCifraNegra(widgets.VBox):
    def __init__(self, ambito: str = "La Libertad", supuesto: int | None = None, **kwargs):
        cn.revisar_ambito(ambito)
        if supuesto is not None and supuesto not in OPCIONES_SUPUESTO:
            raise ErrorLideres(
                f"«{supuesto}» no es una de las opciones del supuesto.",
                como_arreglar="Usa " + ", ".join(str(o) for o in OPCIONES_SUPUESTO) + ".",
            )
        self.control_ambito = widgets.ToggleButtons(
            options=list(cn.AMBITOS), value=ambito, style={"button_width": "auto"},
            tooltips=[f"Cifra negra en {a}" for a in cn.AMBITOS],
        )
        self.control_supuesto = widgets.ToggleButtons(
            options=[("Ninguno", None)] + [(str(o), o) for o in OPCIONES_SUPUESTO], value=supuesto,
            style={"button_width": "auto"},
            tooltips=["Sin supuesto"] + [f"Supuesto: denuncian {o} de cada 100" for o in OPCIONES_SUPUESTO],
        )
        controles = widgets.Box([
            partes.control("Lugar", self.control_ambito, "lideres-control-ambito"),
            partes.control("Si denunciaran… de cada 100 (un supuesto, no un dato)", self.control_supuesto,
                           "lideres-control-supuesto"),
        ])
        controles.add_class("lideres-controles")

        self.resultado = widgets.HTML()
        self.resultado.add_class("lideres-resultado-caja")
        self.explorador = widgets.HTML()
        self.explorador.add_class("lideres-explorador-caja")
        self.series = widgets.HTML()
        self.series.add_class("lideres-series-caja")
        super().__init__(
            [
                widgets.HTML(partes.html_estilos()),
                widgets.HTML(vistas.html_titulo()),
                controles,
                self.resultado,
                self.explorador,
                self.series,
                partes.antes_de_concluir(ANTES_DE_CONCLUIR),
            ],
            layout=widgets.Layout(width="100%", max_width="760px"),
            **kwargs,
        )
        self.add_class("lideres-tablero")
        self.add_class("lideres-tablero-cifra-negra")
        self.control_ambito.observe(self._al_cambiar_ambito, names="value")
        self.control_supuesto.observe(self._al_cambiar, names="value")
        self._dibujar_series()
        self._dibujar()

    # -- reacciones -----------------------------------------------------------------------------
    def _al_cambiar_ambito(self, _cambio) -> None:
        self._dibujar()
        self._dibujar_series()

    def _al_cambiar(self, _cambio=None) -> None:
        self._dibujar()

    # -- dibujo ---------------------------------------------------------------------------------
    def _dibujar(self) -> None:
        ambito = self.control_ambito.value
        hay_tasa = cn.tasa_publicada(ambito) is not None
        self.control_supuesto.disabled = not hay_tasa
        supuesto = self.control_supuesto.value if hay_tasa else None
        self.resultado.value = vistas.html_resultado(ambito, supuesto)
        if hay_tasa:
            fig = cn.grafico_explorador(ambito, supuesto, con_pie=False)
            self.explorador.value = partes.html_figura(
                fig, cn.texto_alternativo_explorador(ambito), "lideres-figura-explorador",
                pie=cn.notas_explorador(ambito))
        else:
            self.explorador.value = ""

    def _dibujar_series(self) -> None:
        ambito = self.control_ambito.value
        self.series.value = vistas.html_series(ambito)

    def victimas(self) -> float | None:
        """Las víctimas posibles que muestra el tablero (None donde no hay tasa publicada)."""
        e = cn.estimacion(self.control_ambito.value)
        return None if e is None else e["victimas"]


def tablero(ambito: str = "La Libertad", supuesto: int | None = None):
    """El tablero del módulo 03. Si faltan datos, devuelve un aviso en español."""
    try:
        return TableroCifraNegra(ambito=ambito, supuesto=supuesto)
    except ErrorLideres as error:
        return aviso_de_error(error)


tablero_cifra_negra = tablero  # el nombre de siempre
