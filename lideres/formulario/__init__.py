"""Ejercicios que se responden en el celular y se entregan a nbgrader (`lideres taller --curso`).

`entregas` es la lógica (código del grupo, claves, borradores, la entrega); `widgets` arma la página.
Los widgets se importan solo al pedir el formulario.
"""

from __future__ import annotations

__all__ = ["formulario_ejercicio"]


def __getattr__(nombre: str):
    if nombre in __all__:
        from lideres.formulario import widgets

        return getattr(widgets, nombre)
    raise AttributeError(f"lideres.formulario no tiene «{nombre}».")
