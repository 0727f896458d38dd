"""HTML del tablero del módulo 01 (título, subtítulos, frases con su fuente), como texto puro: sin
widgets, para el tablero de Voilà y para cualquier otra página. Las figuras están en `calculos.py`.
"""

from __future__ import annotations

from html import escape

from lideres.modulos.m01_datos_de_seguridad import calculos as fu


def html_titulo() -> str:
    return (
        '<h2 class="lideres-titulo" lang="es">Un mismo lugar, varias fuentes</h2>'
        '<p lang="es">Cada fuente registra una parte de lo que pasa. Compara.</p>'
    )


def html_subtitulo(texto: str) -> str:
    return f'<h3 class="lideres-subtitulo" lang="es">{escape(texto)}</h3>'


def html_frase_fuentes(distrito: str) -> str:
    """Parte 1 (SINTÉTICO): lo que dicen los tres registros del distrito."""
    return (
        f'<div class="lideres-resultado" lang="es" role="status" aria-live="polite" '
        f'data-distrito="{escape(distrito)}"><p><strong>{escape(fu.frase_fuentes(distrito))}'
        f'</strong></p><p class="lideres-fuente">{escape(fu.aviso_sintetico(distrito))}</p></div>'
    )


def html_frase_mezcla(departamento: str, anio: int) -> str:
    """Parte 2: qué hay dentro de las denuncias del departamento y año, con su fuente."""
    return (
        f'<div class="lideres-resultado" lang="es" role="status" aria-live="polite" '
        f'data-departamento="{escape(departamento)}" data-anio="{anio}"><p><strong>'
        f"{escape(fu.frase_mezcla(departamento, anio))}</strong></p>"
        f'<p class="lideres-fuente">{escape(fu.FUENTE_SIDPOL)}</p></div>'
    )
