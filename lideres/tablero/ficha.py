"""La ficha de un distrito (parte compartida), como HTML puro: su nombre, su ámbito y las líneas
que cada módulo quiera mostrar (ya escritas en HTML). Sin distrito elegido, una invitación a elegirlo.
"""

from __future__ import annotations

from html import escape

SIN_DISTRITO = "Toca un distrito en el mapa o elígelo en la lista para ver sus números."


def html_ficha_vacia(texto: str = SIN_DISTRITO) -> str:
    return f'<div class="lideres-info" lang="es" data-ubigeo=""><p>{escape(texto)}</p></div>'


def html_ficha(ubigeo: str, distrito: str, ambito: str, lineas: str) -> str:
    """`lineas`: el HTML de lo que el módulo dice del distrito (párrafos <p>)."""
    return (
        f'<div class="lideres-info" lang="es" data-ubigeo="{escape(str(ubigeo))}">'
        f'<p class="lideres-info-nombre">{escape(distrito)}'
        f' <span class="lideres-nota">({escape(ambito)})</span></p>'
        f"{lineas}</div>"
    )
