"""Cómo se escribe un puntaje en todo el curso (consola, retroalimentación, reporte).

Abajo de todo: no importa nada más del curso, así que cualquiera lo puede usar.
"""

from __future__ import annotations

from lideres.formato import numero


def puntos(valor: float | None) -> str:
    """Un puntaje como se lee en todo el curso: 6 -> '6', 2.5 -> '2.5', vacío -> '—'."""
    if valor is None or valor != valor:  # None o NaN (celda vacía de una tabla)
        return "—"
    return numero(valor, 1 if valor % 1 else 0)


def palabra_puntos(cantidad: float | None) -> str:
    return "punto" if cantidad == 1 else "puntos"


def puntos_de(valor: float | None, maximo: float | None) -> str:
    """'6 de 9 puntos', '0 de 1 punto'."""
    return f"{puntos(valor)} de {puntos(maximo)} {palabra_puntos(maximo)}"
