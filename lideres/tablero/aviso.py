"""El aviso que ve una persona cuando un tablero no puede armarse (en Voilà no se ven errores de
Python): qué pasó y cómo arreglarlo, en español. Lo usan las fábricas `tablero()` de todos los módulos.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from lideres.errores import ErrorLideres


def aviso_de_error(error: ErrorLideres) -> widgets.HTML:
    """Lo que ve una persona si el tablero no puede armarse: qué pasó y cómo arreglarlo."""
    arreglo = ""
    if error.como_arreglar:
        arreglo = f"<p>Cómo arreglarlo: {escape(error.como_arreglar)}</p>"
    aviso = widgets.HTML(
        f'<div class="lideres-error" lang="es" role="alert"><p><strong>No se pudo mostrar el '
        f"tablero.</strong> {escape(error.mensaje)}</p>{arreglo}</div>"
    )
    aviso.add_class("lideres-tablero")
    aviso.add_class("lideres-tablero-error")
    return aviso
