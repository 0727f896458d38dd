"""HTML del tablero del módulo 03 (título, la frase con el rango y su origen, las series), como
texto puro: sin widgets, para el tablero de Voilà y para cualquier otra página.
"""

from __future__ import annotations

from html import escape

from lideres.modulos.m03_cifra_negra import calculos as cn
from lideres.tablero import partes


def html_titulo() -> str:
    return (
        '<h2 class="lideres-titulo" lang="es">¿Cuántos delitos hay detrás de las denuncias?</h2>'
        '<p lang="es">Elige un lugar o escribe tus denuncias. Luego cambia cuántas víctimas '
        "denuncian y mira el resultado.</p>"
    )


def html_resultado(denuncias: int, de_cada_100: int, ambito: str) -> str:
    """La frase del explorador y de dónde sale el número de denuncias (del lugar o escrito)."""
    if denuncias == cn.denuncias_del_ambito(ambito):
        origen = f"Denuncias de {ambito} en {cn.ANIO_DENUNCIAS}. {cn.FUENTE_SIDPOL}"
    else:
        origen = "Número de denuncias escrito por ti."
    return (
        f'<div class="lideres-resultado" lang="es" role="status" aria-live="polite" '
        f'data-delitos="{cn.delitos_posibles(denuncias, de_cada_100):.0f}">'
        f"<p><strong>{escape(cn.frase_explorador(denuncias, de_cada_100))}</strong></p>"
        f'<p class="lideres-fuente">{escape(origen)}</p></div>'
    )


def html_series(ambito: str) -> str:
    """Denuncias y víctimas del lugar en una figura, con su nota si la tiene."""
    fig = cn.grafico_denuncias_y_victimas(ambito)
    nota = cn.nota_del_ambito(ambito)
    return (
        '<p class="lideres-etiqueta" lang="es">¿Se mueven juntas las denuncias y las víctimas?'
        "</p>" + partes.html_figura(fig, cn.texto_alternativo_series(ambito), "lideres-figura-series")
        + (f'<p class="lideres-nota" lang="es">{escape(nota)}</p>' if nota else "")
    )
