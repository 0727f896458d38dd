"""HTML del tablero del módulo 01 (título, subtítulos, frases con su fuente), como texto puro: sin
widgets, para el tablero de Voilà y para cualquier otra página. Las figuras están en `calculos.py`.
"""

from __future__ import annotations

from lideres.jinja import plantillas_de
from lideres.modulos.m01_datos_de_seguridad import calculos as fu


def _plantilla(nombre: str, **valores) -> str:
    return plantillas_de(__file__).get_template(nombre).render(**valores)


def html_titulo() -> str:
    return _plantilla("titulo.html.j2")


def html_subtitulo(texto: str) -> str:
    return _plantilla("subtitulo.html.j2", texto=texto)


def html_frase_fuentes(distrito: str) -> str:
    """Parte 1 (SINTÉTICO): lo que dicen los tres registros del distrito."""
    return _plantilla("resultado.html.j2", datos={"distrito": distrito}, frase=fu.frase_fuentes(distrito),
                      fuente=fu.aviso_sintetico(distrito))


def html_frase_mezcla(departamento: str, anio: int) -> str:
    """Parte 2: qué hay dentro de las denuncias del departamento y año, con su fuente."""
    return _plantilla("resultado.html.j2", datos={"departamento": departamento, "anio": anio},
                      frase=fu.frase_mezcla(departamento, anio), fuente=fu.FUENTE_SIDPOL)
