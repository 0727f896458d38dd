"""Tableros (Voilà) del curso. Cada tablero es una función que devuelve el widget raíz.

`estado` y `vistas` no usan widgets; los widgets se importan solo al pedir un tablero,
así las figuras estáticas del libro no cargan ipywidgets ni ipyleaflet.
"""

from __future__ import annotations

__all__ = ["TableroConteosYTasas", "tablero_conteos_y_tasas"]


def __getattr__(nombre: str):
    if nombre in __all__:
        from lideres.tablero import widgets

        return getattr(widgets, nombre)
    raise AttributeError(f"lideres.tablero no tiene «{nombre}».")
