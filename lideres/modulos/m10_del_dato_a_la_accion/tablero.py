"""Tablero del módulo 10 «Del dato a la acción»: elegir un distrito, ver las cifras de su ficha
(cada una con su lugar, año y fuente) y descargar la ficha en PDF para imprimir.

    TableroFicha (VBox) [lideres-tablero lideres-tablero-m10]
    ├── HTML estilos y título
    ├── distrito (Dropdown)
    ├── HTML cifras (las de la ficha) y enlace de descarga del PDF (armado en la página)
    └── HTML «Antes de concluir» (la lista «antes de presentar un dato»)
"""

from __future__ import annotations

import base64
from html import escape

import ipywidgets as widgets

from lideres.modulos.m10_del_dato_a_la_accion import calculos
from lideres.tablero import partes


def html_cifras(ficha: calculos.Ficha) -> str:
    filas = "".join(
        f"<tr><th scope=\"row\">{escape(c.etiqueta)}</th><td><strong>{escape(c.texto)}</strong><br>"
        f"<small>{escape(c.nivel)} · {escape(c.periodo)} · Fuente: "
        f"{escape('; '.join(calculos.FUENTES[f].split(',')[0] for f in c.fuentes))}</small></td></tr>"
        for c in ficha.cifras)
    return (f'<table class="lideres-tabla" lang="es"><caption>Ficha de {escape(ficha.distrito)}</caption>'
            f"<tbody>{filas}</tbody></table>")


def html_descarga(ficha: calculos.Ficha, pdf: bytes) -> str:
    from lideres.nombres import palabras

    nombre = f"ficha_{palabras(ficha.distrito).replace(' ', '_')}.pdf"
    datos = base64.b64encode(pdf).decode("ascii")
    return (f'<p class="lideres-descargas" lang="es"><a class="lideres-descarga" download="{escape(nombre)}" '
            f'href="data:application/pdf;base64,{datos}">Descargar la ficha de {escape(ficha.distrito)} (PDF, '
            "una página)</a></p>")


class TableroFicha(widgets.VBox):
    def __init__(self, distrito: str = "El Porvenir", **kwargs):
        from lideres.tablas import cargar

        nombres = sorted(cargar("distritos")["distrito"])
        self.distrito = widgets.Dropdown(options=nombres, value=calculos.datos_ficha(distrito).distrito,
                                         layout=widgets.Layout(width="100%", max_width="320px"))
        self.cifras = widgets.HTML()
        self.descarga = widgets.HTML()
        super().__init__(
            [widgets.HTML(partes.html_estilos()),
             widgets.HTML('<h2 class="lideres-titulo" lang="es">La ficha de tu barrio</h2><p lang="es">Elige '
                          "tu distrito: verás sus cifras con su lugar, año y fuente, y podrás bajar la "
                          "ficha para imprimirla y llevarla a la reunión.</p>"),
             partes.control("Distrito", self.distrito, "lideres-control-distrito"),
             self.cifras, self.descarga,
             partes.antes_de_concluir(calculos.ANTES_DE_PRESENTAR, titulo="Antes de presentar un dato")],
            layout=widgets.Layout(width="100%", max_width="760px"), **kwargs)
        self.add_class("lideres-tablero")
        self.add_class("lideres-tablero-m10")
        self.distrito.observe(self._dibujar, names="value")
        self._dibujar()

    def _dibujar(self, _cambio=None) -> None:
        from lideres.modulos.m10_del_dato_a_la_accion.ficha import compilar

        ficha = calculos.datos_ficha(self.distrito.value)
        self.cifras.value = html_cifras(ficha)
        self.descarga.value = html_descarga(ficha, compilar(ficha))


def tablero(**kwargs) -> TableroFicha:
    """El tablero del módulo 10 (para notebooks/tableros/10_del_dato_a_la_accion.ipynb)."""
    return TableroFicha(**kwargs)
