"""Números y fechas como se leen en el Perú (es-PE), para todo lo que una persona ve."""

from __future__ import annotations

import datetime as dt
import sys

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

LOCALE = "es_PE"


def _vacio(valor) -> bool:
    """None, NaN, y los vacíos de pandas (pd.NA, NaT). pandas no se importa aquí: la página de un
    ejercicio en el celular formatea números sin tablas, y pandas pesa ~45 MB en cada kernel. Si
    pandas no está cargado, `valor` no puede ser uno de sus vacíos."""
    if valor is None:
        return True
    pandas = sys.modules.get("pandas")
    if pandas is not None:
        return bool(pandas.isna(valor))
    return bool(valor != valor)  # NaN (de Python o de numpy) es distinto de sí mismo


def numero(valor: float | int | None, decimales: int = 0) -> str:
    """1234567.8 -> '1,234,568' (decimales=0) o '1,234,567.8' (decimales=1). Vacío -> '—'."""
    if _vacio(valor):
        return "—"
    patron = "#,##0" + ("." + "0" * decimales if decimales else "")
    return format_decimal(valor, format=patron, locale=LOCALE)


def porcentaje(proporcion: float | None, decimales: int = 1) -> str:
    """0.253 -> '25.3 %'."""
    if _vacio(proporcion):
        return "—"
    patron = "#,##0" + ("." + "0" * decimales if decimales else "") + " %"
    return format_percent(proporcion, format=patron, locale=LOCALE)


def fecha(valor: dt.date | dt.datetime, formato: str = "long") -> str:
    """date(2025, 3, 5) -> '5 de marzo de 2025' (formato='long') o '05/03/2025' (formato='short')."""
    if formato == "short":
        return valor.strftime("%d/%m/%Y")
    return format_date(valor, format=formato, locale=LOCALE)
