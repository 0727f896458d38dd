"""Números y fechas como se leen en el Perú (es-PE), para todo lo que una persona ve."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent
from pandas import isna

LOCALE = "es_PE"


def numero(valor: float | int | None, decimales: int = 0) -> str:
    """1234567.8 -> '1,234,568' (decimales=0) o '1,234,567.8' (decimales=1). Vacío -> '—'."""
    if valor is None or isna(valor):
        return "—"
    patron = "#,##0" + ("." + "0" * decimales if decimales else "")
    return format_decimal(valor, format=patron, locale=LOCALE)


def porcentaje(proporcion: float | None, decimales: int = 1) -> str:
    """0.253 -> '25.3 %'."""
    if proporcion is None or isna(proporcion):
        return "—"
    patron = "#,##0" + ("." + "0" * decimales if decimales else "") + " %"
    return format_percent(proporcion, format=patron, locale=LOCALE)


def fecha(valor: dt.date | dt.datetime, formato: str = "long") -> str:
    """date(2025, 3, 5) -> '5 de marzo de 2025' (formato='long') o '05/03/2025' (formato='short')."""
    if formato == "short":
        return valor.strftime("%d/%m/%Y")
    return format_date(valor, format=formato, locale=LOCALE)
