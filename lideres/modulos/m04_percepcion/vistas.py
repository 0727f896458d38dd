"""HTML del tablero del módulo 04 (título, la brecha dicha en palabras con su fuente), como texto
puro: sin widgets, para el tablero de Voilà y para cualquier otra página. La figura está en `calculos.py`.
"""

from __future__ import annotations

from lideres.jinja import plantillas_de
from lideres.modulos.m04_percepcion import calculos as pc


def _plantilla(nombre: str, **valores) -> str:
    return plantillas_de(__file__).get_template(nombre).render(**valores)


def html_titulo() -> str:
    return _plantilla("titulo.html.j2")


def html_brecha(ambito: str, anio: int) -> str:
    """La brecha del año entre sentirse inseguro y ser víctima, con su fuente y universo."""
    return _plantilla("brecha.html.j2", brecha=pc.brecha(ambito, anio), frase=pc.frase_brecha(ambito, anio),
                      fuente=pc.FUENTE, universo=pc.UNIVERSO,
                      nota=pc.NOTA_LA_LIBERTAD if ambito == "La Libertad" else "")
