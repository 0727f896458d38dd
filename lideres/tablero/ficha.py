"""La ficha de un distrito (parte compartida), como HTML puro: su nombre, su ámbito y las líneas
que cada módulo quiera mostrar (ya escritas en HTML). Sin distrito elegido, una invitación a elegirlo.
"""

from __future__ import annotations

from markupsafe import Markup

from lideres.jinja import plantillas_de

SIN_DISTRITO = "Toca un distrito en el mapa o elígelo en la lista para ver sus números."


def html_ficha_vacia(texto: str = SIN_DISTRITO) -> str:
    return plantillas_de(__file__).get_template("ficha.html.j2").render(ubigeo="", distrito=None, texto=texto)


def html_ficha(ubigeo: str, distrito: str, ambito: str, lineas: str) -> str:
    """`lineas`: el HTML de lo que el módulo dice del distrito (párrafos <p>)."""
    return plantillas_de(__file__).get_template("ficha.html.j2").render(
        ubigeo=ubigeo, distrito=distrito, ambito=ambito, lineas=Markup(lineas))
