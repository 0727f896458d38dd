"""Tablero del módulo 03 «La cifra negra»: mueve cuántas víctimas denuncian y mira cuántos delitos
puede haber detrás de un número de denuncias.

    TableroCifraNegra (VBox) [lideres-tablero lideres-tablero-cifra-negra]
    ├── HTML estilos, HTML título
    ├── controles: lugar (ToggleButtons), denuncias (BoundedIntText), de cada 100 (ToggleButtons)
    ├── HTML resultado [lideres-resultado]: la frase con el rango
    ├── HTML figura del explorador, HTML figura de las series
    └── HTML «Antes de concluir»

El cálculo vive en `lideres.cifra_negra`; aquí solo se arma y se redibuja.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from lideres import cifra_negra as cn
from lideres.errores import ErrorLideres
from lideres.tablero import partes

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


def _titulo_html() -> str:
    return (
        '<h2 class="lideres-titulo" lang="es">¿Cuántos delitos hay detrás de las denuncias?</h2>'
        '<p lang="es">Elige un lugar o escribe tus denuncias. Luego cambia cuántas víctimas '
        "denuncian y mira el resultado.</p>"
    )


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
                widgets.HTML(_titulo_html()),
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
        es_del_lugar = denuncias == cn.denuncias_del_ambito(ambito)
        lugar = ambito if es_del_lugar else None
        if es_del_lugar:
            origen = f"Denuncias de {ambito} en {cn.ANIO_DENUNCIAS}. {cn.FUENTE_SIDPOL}"
        else:
            origen = "Número de denuncias escrito por ti."
        self.resultado.value = (
            f'<div class="lideres-resultado" lang="es" role="status" aria-live="polite" '
            f'data-delitos="{cn.delitos_posibles(denuncias, de_cada_100):.0f}">'
            f"<p><strong>{escape(cn.frase_explorador(denuncias, de_cada_100))}</strong></p>"
            f'<p class="lideres-fuente">{escape(origen)}</p></div>'
        )
        fig = cn.grafico_explorador(denuncias, de_cada_100, lugar)
        self.explorador.value = partes.html_figura(
            fig, cn.texto_alternativo_explorador(denuncias, de_cada_100), "lideres-figura-explorador"
        )

    def _dibujar_series(self) -> None:
        ambito = self.control_ambito.value
        fig = cn.grafico_denuncias_y_victimas(ambito)
        nota = cn.nota_del_ambito(ambito)
        self.series.value = (
            '<p class="lideres-etiqueta" lang="es">¿Se mueven juntas las denuncias y las víctimas?'
            "</p>" + partes.html_figura(fig, cn.texto_alternativo_series(ambito), "lideres-figura-series")
            + (f'<p class="lideres-nota" lang="es">{escape(nota)}</p>' if nota else "")
        )

    def delitos(self) -> float:
        return cn.delitos_posibles(self.control_denuncias.value, self.control_denuncian.value)


def tablero_cifra_negra(ambito: str = "Callao", de_cada_100: int = 15):
    """El tablero del módulo 03. Si faltan datos, devuelve un aviso en español."""
    from lideres.tablero.widgets import aviso_de_error

    try:
        return TableroCifraNegra(ambito=ambito, de_cada_100=de_cada_100)
    except ErrorLideres as error:
        return aviso_de_error(error)

