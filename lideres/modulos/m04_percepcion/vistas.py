"""HTML del tablero del módulo 04 (título, la brecha dicha en palabras con su fuente), como texto
puro: sin widgets, para el tablero de Voilà y para cualquier otra página. La figura está en `calculos.py`.
"""

from __future__ import annotations

from html import escape

from lideres.modulos.m04_percepcion import calculos as pc


def html_titulo() -> str:
    return (
        '<h2 class="lideres-titulo" lang="es">Sentirse inseguro y ser víctima</h2>'
        '<p lang="es">Elige un lugar y un año. La línea naranja es cuántos se sienten inseguros; '
        "la azul, cuántos fueron víctimas.</p>"
    )


def html_brecha(ambito: str, anio: int) -> str:
    """La brecha del año entre sentirse inseguro y ser víctima, con su fuente y universo."""
    brecha = pc.brecha(ambito, anio)
    return (
        f'<div class="lideres-resultado" lang="es" role="status" aria-live="polite" '
        f'data-brecha="{"" if brecha is None else brecha}">'
        f"<p><strong>{escape(pc.frase_brecha(ambito, anio))}</strong></p>"
        f'<p class="lideres-fuente">{escape(pc.FUENTE)} {escape(pc.UNIVERSO)}</p>'
        + (f'<p class="lideres-nota">{escape(pc.NOTA_LA_LIBERTAD)}</p>' if ambito == "La Libertad" else "")
        + "</div>"
    )
