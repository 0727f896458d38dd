"""Tasas por 100 000 habitantes (parte compartida: la usan el módulo 02, el glosario y los que vengan).

Una tasa compara lugares de distinto tamaño; pero cuando la población o el conteo son
pequeños, un par de casos más o menos la mueve mucho: por eso la marcamos como inestable.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import numpy as np

from lideres.errores import ErrorLideres

if TYPE_CHECKING:
    import pandas as pd

# Umbrales de "tasa inestable". Con menos de 20 000 habitantes, 10 denuncias más cambian la tasa
# en 50 o más puntos; con menos de 20 casos, el azar pesa más que la tendencia.
POBLACION_MINIMA = 20_000
CONTEO_MINIMO = 20


# La población de los distritos es la estimada por el INEI para 2020: el curso la usa como
# denominador de las denuncias de 2024 y 2025 (aproximación declarada en data/README.md).
PERIODO_POBLACION = "2020 (estimación)"


def _serie(valores):
    """La clase Series de pandas si `valores` es una; None si no. Sin importar pandas: si nadie lo
    importó, `valores` no puede ser una Series (el tablero del módulo 06 abre sin pandas)."""
    pandas = sys.modules.get("pandas")
    return pandas.Series if pandas is not None and isinstance(valores, pandas.Series) else None


def revisar_alcance(alcance_conteo, alcance_poblacion) -> None:
    """La tasa por 100 mil solo divide un conteo entre la población **del mismo lugar y nivel**.
    La población 2020 es el denominador declarado del curso para cualquier año."""
    from lideres.cifras.alcance import exigir_mismo_alcance

    if alcance_poblacion.universo != "población":
        raise ErrorLideres(
            f"El denominador de una tasa por 100 mil debe ser la población, no «{alcance_poblacion.universo}».",
            como_arreglar="Divide entre la población del mismo lugar (poblacion_2020).",
        )
    sin = ("universo",) + (("periodo",) if alcance_poblacion.periodo == PERIODO_POBLACION else ())
    exigir_mismo_alcance(alcance_poblacion, alcance_conteo, "la población de ese lugar", sin=sin)


def tasa_por_100k(conteo, poblacion, *, alcance_conteo=None, alcance_poblacion=None):
    """Tasa por 100 000 habitantes: conteo / población × 100 000.

    Acepta números o columnas de pandas. Si la población es 0 o falta, la tasa queda vacía (NaN).
    Con `alcance_conteo` y `alcance_poblacion` (`lideres.cifras.alcance.Alcance`), se niega a dividir
    un conteo de otro nivel o lugar que la población (por ejemplo, la provincia entre el distrito).

    >>> tasa_por_100k(500, 250_000)
    200.0
    """
    if alcance_conteo is not None or alcance_poblacion is not None:
        if alcance_conteo is None or alcance_poblacion is None:
            raise ErrorLideres("Para revisar el alcance de una tasa hacen falta los dos: el del conteo "
                               "y el de la población.")
        revisar_alcance(alcance_conteo, alcance_poblacion)
    conteo_arr = np.asarray(conteo, dtype=float)
    poblacion_arr = np.asarray(poblacion, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        tasa = np.where(poblacion_arr > 0, conteo_arr / poblacion_arr * 100_000, np.nan)
    if (serie := _serie(conteo)) is not None:
        return serie(tasa, index=conteo.index, name="tasa_100k")
    if tasa.ndim == 0:
        return float(tasa)
    return tasa


def es_inestable(conteo, poblacion):
    """True cuando la tasa no es confiable: población o conteo pequeños."""
    conteo_arr = np.asarray(conteo, dtype=float)
    poblacion_arr = np.asarray(poblacion, dtype=float)
    resultado = (poblacion_arr < POBLACION_MINIMA) | (conteo_arr < CONTEO_MINIMO)
    if (serie := _serie(conteo)) is not None:
        return serie(resultado, index=conteo.index, name="inestable")
    if resultado.ndim == 0:
        return bool(resultado)
    return resultado


def agregar_tasa(tabla: pd.DataFrame, conteo: str, poblacion: str = "poblacion_2020") -> pd.DataFrame:
    """Devuelve una copia de `tabla` con las columnas `tasa_100k` e `inestable`."""
    resultado = tabla.copy()
    resultado["tasa_100k"] = tasa_por_100k(resultado[conteo], resultado[poblacion]).round(1)
    resultado["inestable"] = es_inestable(resultado[conteo], resultado[poblacion])
    return resultado
