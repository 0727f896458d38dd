"""El aviso que ve una persona cuando un tablero no puede armarse (en Voilà no se ven errores de
Python): qué pasó y cómo arreglarlo, en español. Lo usan las fábricas `tablero()` de todos los módulos.
"""

from __future__ import annotations

import ipywidgets as widgets

from lideres.errores import ErrorLideres
from lideres.jinja import plantillas_de


def aviso_de_error(error: ErrorLideres) -> widgets.HTML:
    """Lo que ve una persona si el tablero no puede armarse: qué pasó y cómo arreglarlo."""
    aviso = widgets.HTML(plantillas_de(__file__).get_template("error.html.j2").render(
        mensaje=error.mensaje, como=error.como_arreglar))
    aviso.add_class("lideres-tablero")
    aviso.add_class("lideres-tablero-error")
    return aviso
