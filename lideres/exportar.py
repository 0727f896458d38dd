"""Exportar tablas sin riesgo: una celda que empieza con =, +, -, @ se abre en Excel como fórmula.

Toda tabla que el curso escribe para abrir en Excel (reportes, datos revisados) pasa por aquí.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

PELIGROSOS = ("=", "+", "-", "@", "\t", "\r")


def neutralizar(valor):
    """'=HYPERLINK(...)' -> "'=HYPERLINK(...)". Los números no se tocan."""
    if isinstance(valor, str) and valor.startswith(PELIGROSOS):
        return "'" + valor
    return valor


def neutralizar_tabla(tabla: pd.DataFrame) -> pd.DataFrame:
    resultado = tabla.copy()
    resultado.columns = [neutralizar(str(c)) for c in resultado.columns]
    for columna in resultado.columns:
        if resultado[columna].dtype == object or pd.api.types.is_string_dtype(resultado[columna]):
            resultado[columna] = resultado[columna].map(neutralizar)
    return resultado


def guardar_csv(tabla: pd.DataFrame, ruta: str | Path) -> Path:
    """CSV en UTF-8 con BOM (Excel en el Perú lo abre con tildes bien) y celdas neutralizadas."""
    ruta = Path(ruta)
    ruta.parent.mkdir(parents=True, exist_ok=True)
    neutralizar_tabla(tabla).to_csv(ruta, index=False, encoding="utf-8-sig")
    return ruta
