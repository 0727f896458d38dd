"""Tablero del módulo 01 «¿De dónde vienen los datos?».

    TableroFuentes (VBox) [lideres-tablero lideres-tablero-fuentes]
    ├── HTML estilos, HTML título
    ├── Parte 1 (SINTÉTICO): un lugar visto por tres registros — distrito (ToggleButtons),
    │   aviso de datos sintéticos, frase, figura
    ├── Parte 2: qué hay dentro de las denuncias — departamento (ToggleButtons), año (Dropdown),
    │   frase, figura
    ├── Parte 3: denuncias por año en Lima, Callao y La Libertad (figura fija)
    └── HTML «Antes de concluir»
"""

from __future__ import annotations

import ipywidgets as widgets

from lideres.errores import ErrorLideres
from lideres.modulos.m01_datos_de_seguridad import calculos as fu
from lideres.modulos.m01_datos_de_seguridad import vistas
from lideres.tablero import partes
from lideres.tablero.aviso import aviso_de_error

ANTES_DE_CONCLUIR = [
    "Ninguna fuente es toda la verdad: la policía ve lo que se denuncia; la encuesta, lo que la "
    "gente cuenta; el serenazgo y la junta vecinal, lo que pasa cerca de ellos.",
    partes.DENUNCIAS_NO_SON_DELITOS,
    "«Denuncias» no es «robos»: en el Callao, cerca de un tercio de las denuncias son por "
    "violencia contra la mujer y la familia.",
    "Los registros de El Porvenir, La Esperanza y Florencia de Mora son sintéticos: sirven para "
    "practicar, no describen a nadie. No hay denuncias publicadas por distrito para Trujillo.",
    "Lima en estas tablas es el departamento completo (con Región Lima), no solo Lima "
    "Metropolitana.",
]


def _h3(texto: str) -> widgets.HTML:
    return widgets.HTML(vistas.html_subtitulo(texto))


class TableroFuentes(widgets.VBox):
    def __init__(self, distrito: str = "El Porvenir", departamento: str = "Callao",
                 anio: int = 2024, **kwargs):
        fu.revisar_distrito(distrito)
        fu.mezcla(departamento, anio)  # revisa departamento y año
        self.control_distrito = widgets.ToggleButtons(
            options=list(fu.DISTRITOS_SINTETICOS), value=distrito, style={"button_width": "auto"},
        )
        self.control_departamento = widgets.ToggleButtons(
            options=list(fu.DEPARTAMENTOS), value=departamento, style={"button_width": "auto"},
        )
        self.control_anio = widgets.Dropdown(
            options=[(str(a), a) for a in reversed(fu.anios())], value=int(anio),
            layout=widgets.Layout(width="100%", max_width="200px"),
        )
        self.frase_fuentes = widgets.HTML()
        self.grafico_fuentes = widgets.HTML()
        self.frase_mezcla = widgets.HTML()
        self.grafico_mezcla = widgets.HTML()
        controles_mezcla = widgets.Box([
            partes.control("Departamento", self.control_departamento, "lideres-control-departamento"),
            partes.control("Año", self.control_anio, "lideres-control-anio"),
        ])
        controles_mezcla.add_class("lideres-controles")
        series = widgets.HTML(
            partes.html_figura(fu.grafico_departamentos(con_pie=False), fu.texto_alternativo_departamentos(),
                               pie=fu.NOTAS_DEPARTAMENTOS)
        )
        super().__init__(
            [
                widgets.HTML(partes.html_estilos()),
                widgets.HTML(vistas.html_titulo()),
                _h3("1. Un distrito visto por tres registros"),
                widgets.HTML(partes.html_sintetico(fu.aviso_sintetico())),
                partes.control("Distrito", self.control_distrito, "lideres-control-distrito"),
                self.frase_fuentes,
                self.grafico_fuentes,
                _h3("2. ¿Qué hay dentro de las denuncias?"),
                controles_mezcla,
                self.frase_mezcla,
                self.grafico_mezcla,
                _h3("3. Denuncias por año en los tres departamentos"),
                series,
                partes.antes_de_concluir(ANTES_DE_CONCLUIR),
            ],
            layout=widgets.Layout(width="100%", max_width="760px"),
            **kwargs,
        )
        self.add_class("lideres-tablero")
        self.add_class("lideres-tablero-fuentes")
        self.control_distrito.observe(self._dibujar_fuentes, names="value")
        self.control_departamento.observe(self._dibujar_mezcla, names="value")
        self.control_anio.observe(self._dibujar_mezcla, names="value")
        self._dibujar_fuentes()
        self._dibujar_mezcla()

    def _dibujar_fuentes(self, _cambio=None) -> None:
        distrito = self.control_distrito.value
        self.frase_fuentes.value = vistas.html_frase_fuentes(distrito)
        self.grafico_fuentes.value = partes.html_figura(
            fu.grafico_fuentes(distrito, con_pie=False), fu.texto_alternativo_fuentes(distrito),
            pie=fu.notas_fuentes(distrito),
        )

    def _dibujar_mezcla(self, _cambio=None) -> None:
        dep, anio = self.control_departamento.value, self.control_anio.value
        self.frase_mezcla.value = vistas.html_frase_mezcla(dep, anio)
        self.grafico_mezcla.value = partes.html_figura(
            fu.grafico_mezcla(dep, anio, con_pie=False), fu.texto_alternativo_mezcla(dep, anio),
            pie=fu.notas_mezcla(dep),
        )


def tablero(distrito: str = "El Porvenir", departamento: str = "Callao", anio: int = 2024):
    """El tablero del módulo 01. Si faltan datos, devuelve un aviso en español."""
    try:
        return TableroFuentes(distrito=distrito, departamento=departamento, anio=anio)
    except ErrorLideres as error:
        return aviso_de_error(error)


tablero_fuentes = tablero  # el nombre de siempre
