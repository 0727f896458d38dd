"""Comparar respuestas de una línea con tolerancia, para las pruebas de los ejercicios.

Una persona puede escribir 250, "250", "250,0" o " Lince " con o sin tildes: todas valen.
Solo biblioteca estándar (y `lideres.nombres`, que también lo es): este módulo se importa
dentro del cuaderno del participante.
"""

from __future__ import annotations

import math
import re

from lideres.nombres import sin_tildes

_LETRA = re.compile(r"^\W*([a-zA-Z])(?:\W.*)?$", re.DOTALL)


def como_numero(valor) -> float | None:
    """250, 250.0, "250", "250,0", "1 250", "1,250.5" -> número; otra cosa -> None."""
    if isinstance(valor, bool) or valor is None or valor is Ellipsis:
        return None
    if isinstance(valor, str):
        texto = valor.strip().replace("\u00a0", "").replace(" ", "")
        if re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", texto):  # 1,250.5 (miles con coma)
            texto = texto.replace(",", "")
        else:
            texto = texto.replace(",", ".")  # 250,5 (decimal con coma)
        try:
            valor = float(texto)
        except ValueError:
            return None
    try:
        numero = float(valor)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(numero) or math.isinf(numero) else numero


def numero_cercano(valor, esperado: float, tolerancia: float = 0.5) -> bool:
    """True si `valor` es un número a no más de `tolerancia` de `esperado`."""
    numero = como_numero(valor)
    return numero is not None and abs(numero - esperado) <= tolerancia


def como_texto(valor) -> str:
    """' San Martín  de Porres ' -> 'san martin de porres' (sin tildes, minúsculas, un espacio)."""
    if not isinstance(valor, str):
        return ""
    return " ".join(sin_tildes(valor).casefold().split())


def mismo_nombre(valor, esperado: str) -> bool:
    """Compara nombres sin mirar tildes, mayúsculas ni espacios de más."""
    return como_texto(valor) != "" and como_texto(valor) == como_texto(esperado)


def como_letra(valor) -> str | None:
    """'b', 'B)', '(b)', 'b. La tasa...' -> 'b'; otra cosa -> None."""
    if not isinstance(valor, str):
        return None
    encontrado = _LETRA.match(valor.strip())
    return encontrado.group(1).lower() if encontrado else None
