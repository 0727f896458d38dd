"""HTML del tablero del módulo 03 (título, la frase con el rango y su origen, las series), como
texto puro: sin widgets, para el tablero de Voilà y para cualquier otra página.
"""

from __future__ import annotations

from markupsafe import Markup

from lideres.jinja import plantillas_de
from lideres.modulos.m03_cifra_negra import calculos as cn
from lideres.tablero import partes


def _plantilla(nombre: str, **valores) -> str:
    return plantillas_de(__file__).get_template(nombre).render(**valores)


def html_titulo() -> str:
    return _plantilla("titulo.html.j2")


def html_resultado(ambito: str, supuesto: float | None = None) -> str:
    """La frase con el rango (o por qué no hay), lo que el rango no dice y, si se eligió, el supuesto."""
    e = cn.estimacion(ambito)
    victimas_si = None
    if e is not None and supuesto is not None:
        victimas_si = cn.redondeo_honesto(cn.victimas_si(ambito, supuesto))
    return _plantilla("resultado.html.j2", victimas=None if e is None else e["victimas"],
                      frase=cn.frase_estimacion(ambito), no_dice=cn.LO_QUE_NO_DICE, supuesto=supuesto,
                      victimas_si=victimas_si)


def html_series(ambito: str) -> str:
    """Denuncias y víctimas del lugar en una figura, con su nota si la tiene."""
    fig = cn.grafico_denuncias_y_victimas(ambito, con_pie=False)
    figura = partes.html_figura(fig, cn.texto_alternativo_series(ambito), "lideres-figura-series",
                                pie=cn.notas_series(ambito))
    return _plantilla("series.html.j2", figura=Markup(figura))
