"""HTML del tablero del módulo 03 (título, la frase con el rango y su origen, las series), como
texto puro: sin widgets, para el tablero de Voilà y para cualquier otra página.
"""

from __future__ import annotations

from html import escape

from lideres import formato
from lideres.modulos.m03_cifra_negra import calculos as cn
from lideres.tablero import partes


def html_titulo() -> str:
    return (
        '<h2 class="lideres-titulo" lang="es">¿Cuántas víctimas hay detrás de las denuncias?</h2>'
        '<p lang="es">Elige un lugar. Solo donde hay una tasa de denuncia publicada del mismo '
        "lugar y año se puede estimar un rango; donde no la hay, el tablero lo dice.</p>"
    )


def html_resultado(ambito: str, supuesto: float | None = None) -> str:
    """La frase con el rango (o por qué no hay), lo que el rango no dice y, si se eligió, el supuesto."""
    e = cn.estimacion(ambito)
    victimas = "" if e is None else f' data-victimas="{e["victimas"]:.0f}"'
    partes_html = [f"<p><strong>{escape(cn.frase_estimacion(ambito))}</strong></p>"]
    if e is not None:
        partes_html.append("<p>Lo que este rango no dice:</p><ul>"
                           + "".join(f"<li>{escape(t)}</li>" for t in cn.LO_QUE_NO_DICE) + "</ul>")
        if supuesto is not None:
            n = cn.victimas_si(ambito, supuesto)
            partes_html.append(
                f'<p class="lideres-supuesto">Supuesto (no es un dato): si denunciaran '
                f"{formato.numero(supuesto)} de cada 100, serían unas "
                f"{formato.numero(cn.redondeo_honesto(n))} víctimas de esos delitos.</p>")
    return (f'<div class="lideres-resultado" lang="es" role="status" aria-live="polite"{victimas}>'
            + "".join(partes_html) + "</div>")


def html_series(ambito: str) -> str:
    """Denuncias y víctimas del lugar en una figura, con su nota si la tiene."""
    fig = cn.grafico_denuncias_y_victimas(ambito, con_pie=False)
    return (
        '<p class="lideres-etiqueta" lang="es">¿Se mueven juntas las denuncias y las víctimas?'
        "</p>" + partes.html_figura(fig, cn.texto_alternativo_series(ambito), "lideres-figura-series",
                                     pie=cn.notas_series(ambito))
    )
