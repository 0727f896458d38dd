"""¿Quedó algo en inglés en lo que lee una persona? Palabras de interfaz que no existen en español.

    assert palabras_en_ingles(page.inner_text("body")) == []

Solo palabras que no son también españolas («no», «error», «total», «menu» no cuentan) y que suelen
colarse desde Jupyter, nbgrader, tornado o el navegador («Submit», «Forbidden», «Needs Manual Grade»,
«undefined»).
"""

from __future__ import annotations

import re

PALABRAS = frozenset("""
the and of to is are with for from this that these your you please yes
submit submitted submission submissions save saved next previous back loading loaded failed forbidden
found page click refresh updated cancel close search help home toggle link copyright skip content
grade grades graded grading score scores manual needs comment comments student students assignment
assignments notebook notebooks points feedback report name answer question questions full credit
none true false null undefined nan traceback exception warning info debug
""".split())

_PALABRA = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+")


def palabras_en_ingles(texto: str) -> list[str]:
    """Las palabras en inglés del texto (en el orden en que aparecen, sin repetir)."""
    vistas: list[str] = []
    for palabra in _PALABRA.findall(texto or ""):
        minuscula = palabra.casefold()
        if minuscula in PALABRAS and minuscula not in vistas:
            vistas.append(minuscula)
    return vistas


def texto_visible(pagina_html: str) -> str:
    """El texto que se lee de una página HTML (sin estilos, scripts ni etiquetas; con los `title`)."""
    import html

    texto = re.sub(r"(?is)<(style|script)\b.*?</\1>", " ", pagina_html or "")
    titulos = " ".join(re.findall(r'(?i)\btitle="([^"]*)"', texto))
    return html.unescape(re.sub(r"<[^>]+>", " ", texto) + " " + titulos)
