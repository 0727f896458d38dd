"""Compatibilidad: las funciones que usaban los cuadernos de ejercicios anteriores al banco.

Los ejercicios nuevos revisan con `lideres.banco` (huellas, sin la respuesta en el cuaderno).
Este módulo queda para calificar entregas de cohortes asignadas antes del cambio: sus celdas de
prueba (guardadas en su libro de notas) todavía importan `lideres.curso.respuestas`.
Las reglas son las de `lideres.banco.claves`. Solo biblioteca estándar.
"""

from __future__ import annotations

from lideres.banco import claves


def como_numero(valor) -> float | None:
    """250, 250.0, "250", "250,0", "1 250", "1,250.5", (250, 0) -> número; otra cosa -> None."""
    return claves.como_numero(valor)[0]


def numero_cercano(valor, esperado: float, tolerancia: float = 0.5) -> bool:
    """True si `valor` es un número a no más de `tolerancia` de `esperado`."""
    numero = como_numero(valor)
    return numero is not None and abs(numero - esperado) <= tolerancia


def como_texto(valor) -> str:
    """' San Martín  de Porres ' -> 'san martin de porres' (sin tildes, minúsculas ni signos)."""
    return claves.clave_texto(valor) or ""


def mismo_nombre(valor, esperado: str) -> bool:
    """Compara nombres sin mirar tildes, mayúsculas, espacios ni signos."""
    return como_texto(valor) != "" and como_texto(valor) == como_texto(esperado)


def como_letra(valor) -> str | None:
    """'b', 'B)', '(b)', 'b. La tasa...' -> 'b'; otra cosa -> None."""
    return claves.clave_opcion(valor)
