"""Ejercicios que se responden en el celular y se entregan a nbgrader (`lideres taller --curso`).

`entregas` es la lógica (código del grupo, claves, borradores, la entrega); `ligero` es la página
HTML sin kernel que el servidor del taller da a los celulares (/ejercicio/<id>); `widgets` arma la
de Voilà, la «versión completa». Los widgets se importan solo al pedir ese formulario.
"""

from __future__ import annotations

__all__ = ["formulario_ejercicio"]


def __getattr__(nombre: str):
    if nombre in __all__:
        from lideres.formulario import widgets

        return getattr(widgets, nombre)
    raise AttributeError(f"lideres.formulario no tiene «{nombre}».")
