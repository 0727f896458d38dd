"""Módulo 08: el juego de reidentificación con un barrio SINTÉTICO, sobre las funciones comunes de
`lideres.anonimizar` (que el módulo 09 aplica antes de exportar).

    from lideres.modulos.m08_datos_responsables import calculos as c
    hogares = c.hogares_sinteticos(semilla=8)                 # sintéticos, con semilla
    casos = c.incidentes_en_hogares(hogares, 40, semilla=8)   # cada uno en la casa de alguien
    movidos = c.geoenmascarar(casos, radio_m=150, semilla=8)
    c.reidentificacion(movidos, hogares, radio_m=150)         # cuántas casas podría ser cada punto
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lideres.anonimizar import (  # noqa: F401 (el módulo las enseña con estos nombres)
    K_POLICE_UK,
    METROS_POR_GRADO,
    NORMAS,
    UMBRAL,
    _a_grados,
    _a_metros,
    _origen,
    agregar_a_grilla,
    ajustar_a_puntos,
    celda_de,
    distancias_m,
    filas_unicas,
    geoenmascarar,
    k_anonimato,
    proteger,
    puntos_anonimos,
    reidentificacion,
    resumen_reidentificacion,
    suprimir_pequenos,
)

# Un barrio sintético en El Porvenir (Trujillo): solo da la escala y la forma, las casas no existen.
CENTRO_SINTETICO = (-8.0755, -79.0015)


# --------------------------------------------------------------------------- datos sintéticos

def hogares_sinteticos(n: int = 400, centro: tuple[float, float] = CENTRO_SINTETICO, lado_m: float = 900,
                       semilla: int = 8) -> pd.DataFrame:
    """Casas SINTÉTICAS de un barrio inventado: manzanas de 80 m con lotes a lo largo de las calles,
    algunas manzanas más densas que otras (como un barrio real, no una nube pareja).

    Columnas: hogar (H001…), lat, lon, sintetico=True. No son casas reales."""
    rng = np.random.default_rng(semilla)
    manzana = 80.0
    por_lado = int(lado_m // manzana)
    centros = np.array([(i * manzana, j * manzana) for i in range(por_lado) for j in range(por_lado)])
    centros -= centros.mean(axis=0)
    densidad = rng.gamma(shape=1.2, scale=1.0, size=len(centros))  # unas manzanas llenas, otras casi vacías
    cual = rng.choice(len(centros), size=n, p=densidad / densidad.sum())
    borde = rng.integers(0, 4, size=n)  # en qué lado de la manzana está el lote
    a_lo_largo = rng.uniform(-manzana / 2 + 5, manzana / 2 - 5, size=n)
    dentro = manzana / 2 - 8  # los lotes dan a la calle
    dx = np.where(borde == 0, -dentro, np.where(borde == 1, dentro, a_lo_largo))
    dy = np.where(borde == 2, -dentro, np.where(borde == 3, dentro, a_lo_largo))
    x = centros[cual, 0] + dx + rng.normal(0, 1.5, n)
    y = centros[cual, 1] + dy + rng.normal(0, 1.5, n)
    lat, lon = _a_grados(x, y, centro)
    return pd.DataFrame({"hogar": [f"H{i:03d}" for i in range(1, n + 1)], "lat": lat.round(6),
                         "lon": lon.round(6), "sintetico": True})


def incidentes_en_hogares(hogares: pd.DataFrame, n: int = 40, semilla: int = 8) -> pd.DataFrame:
    """Incidencias SINTÉTICAS, cada una en la puerta de una casa (el peor caso: el registro dice
    dónde vive la víctima). Columnas: caso, hogar (la respuesta del juego), lat, lon, tipo."""
    rng = np.random.default_rng(semilla)
    cuales = rng.choice(len(hogares), size=n, replace=False)
    tipos = rng.choice(["Robo", "Hurto", "Violencia familiar", "Extorsión"], size=n, p=[0.4, 0.35, 0.15, 0.1])
    elegidos = hogares.iloc[cuales]
    return pd.DataFrame({"caso": range(1, n + 1), "hogar": elegidos["hogar"].to_numpy(),
                         "lat": elegidos["lat"].to_numpy(), "lon": elegidos["lon"].to_numpy(),
                         "tipo": tipos, "sintetico": True})


