"""Tablero del módulo 03 «La cifra negra»: mueve cuántas víctimas denuncian y mira cuántos delitos
puede haber detrás de un número de denuncias.

    TableroCifraNegra (VBox) [lideres-tablero lideres-tablero-cifra-negra]
    ├── HTML estilos, HTML título
    ├── controles: lugar (ToggleButtons), denuncias (BoundedIntText), de cada 100 (ToggleButtons)
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

OPCIONES_DENUNCIAN = (5, 10, 15, 20, 30, 50)
MAXIMO_DENUNCIAS = 10_000_000

ANTES_DE_CONCLUIR = [
    "Es un rango, no una cifra exacta: el INEI publicó que denunciaron entre 14 y 17 de cada "
    "100 víctimas en distintos semestres, no en cada año ni en cada distrito.",
    "Una víctima puede sufrir varios delitos y una denuncia puede no ser un delito (por ejemplo, "
    "una pérdida de documentos). La cuenta da un orden de tamaño, nada más.",
    "Cuántos denuncian cambia con la confianza en la policía, la distancia a la comisaría y el "
    "tipo de delito: un robo de celular se denuncia menos que el robo de un carro.",
    "Si bajan las denuncias, pregunta primero si bajó el delito o si la gente dejó de denunciar. "
    "Para saberlo, mira la encuesta (ENAPRES) del mismo año.",
    "La ENAPRES no tiene serie para Trujillo: La Libertad (todo el departamento) es lo más cercano.",
]


class TableroCifraNegra(widgets.VBox):
    def __init__(self, ambito: str = "Callao", de_cada_100: int = 15, **kwargs):
        cn.revisar_ambito(ambito)
        if de_cada_100 not in OPCIONES_DENUNCIAN:
            raise ErrorLideres(
                f"«{de_cada_100}» no es una de las opciones de «de cada 100 víctimas».",
                como_arreglar="Usa " + ", ".join(str(o) for o in OPCIONES_DENUNCIAN) + ".",
            )
        self.control_ambito = widgets.ToggleButtons(
            options=list(cn.AMBITOS), value=ambito, style={"button_width": "auto"},
            tooltips=[f"Denuncias de {a} en {cn.ANIO_DENUNCIAS}" for a in cn.AMBITOS],
        )
        self.control_denuncias = widgets.BoundedIntText(
            value=cn.denuncias_del_ambito(ambito), min=0, max=MAXIMO_DENUNCIAS, step=1,
            layout=widgets.Layout(width="100%", max_width="320px"),
        )
        self.control_denuncian = widgets.ToggleButtons(
            options=[(str(o), o) for o in OPCIONES_DENUNCIAN], value=de_cada_100,
            style={"button_width": "auto"},
            tooltips=[f"{o} de cada 100 víctimas denuncian" for o in OPCIONES_DENUNCIAN],
        )
        controles = widgets.Box([
            partes.control("Lugar", self.control_ambito, "lideres-control-ambito"),
            partes.control(
                f"Número de denuncias (puedes cambiarlo; {cn.ANIO_DENUNCIAS})",
                self.control_denuncias, "lideres-control-denuncias",
            ),
            partes.control(
                "De cada 100 víctimas, ¿cuántas denuncian?", self.control_denuncian,
                "lideres-control-denuncian",
            ),
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
        self.control_denuncias.observe(self._al_cambiar, names="value")
        self.control_denuncian.observe(self._al_cambiar, names="value")
        self._dibujar_series()
        self._dibujar()

    # -- reacciones -----------------------------------------------------------------------------
    def _al_cambiar_ambito(self, cambio) -> None:
        # Cambiar el número avisa a _al_cambiar: un solo redibujo del explorador.
        nuevo = cn.denuncias_del_ambito(cambio["new"])
        if self.control_denuncias.value == nuevo:
            self._dibujar()
        else:
            self.control_denuncias.value = nuevo
        self._dibujar_series()

    def _al_cambiar(self, _cambio=None) -> None:
        self._dibujar()

    # -- dibujo ---------------------------------------------------------------------------------
    def _dibujar(self) -> None:
        denuncias = self.control_denuncias.value
        de_cada_100 = self.control_denuncian.value
        ambito = self.control_ambito.value
        lugar = ambito if denuncias == cn.denuncias_del_ambito(ambito) else None
        self.resultado.value = vistas.html_resultado(denuncias, de_cada_100, ambito)
        fig = cn.grafico_explorador(denuncias, de_cada_100, lugar)
        self.explorador.value = partes.html_figura(
            fig, cn.texto_alternativo_explorador(denuncias, de_cada_100), "lideres-figura-explorador"
        )

    def _dibujar_series(self) -> None:
        ambito = self.control_ambito.value
        self.series.value = vistas.html_series(ambito)

    def delitos(self) -> float:
        return cn.delitos_posibles(self.control_denuncias.value, self.control_denuncian.value)


def tablero(ambito: str = "Callao", de_cada_100: int = 15):
    """El tablero del módulo 03. Si faltan datos, devuelve un aviso en español."""
    try:
        return TableroCifraNegra(ambito=ambito, de_cada_100=de_cada_100)
    except ErrorLideres as error:
        return aviso_de_error(error)


tablero_cifra_negra = tablero  # el nombre de siempre
