"""Lleva las cifras publicadas de `../shared/facts/` a las tablas de `data/`.

Se corre una vez (`lideres datos importar-hechos`) cuando cambian las cifras publicadas;
el resultado se guarda en git y las pruebas comprueban que coincide con los hechos.
Solo renombra columnas al español, elige las columnas útiles y conserva la fuente.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lideres import rutas

PROVINCIAS = {"LIMA": "Lima", "CALLAO": "Callao", "TRUJILLO": "Trujillo"}
AMBITOS = {"LIMA": "Lima Metropolitana", "CALLAO": "Callao", "TRUJILLO": "Trujillo"}
DEPARTAMENTOS = {"LIMA": "Lima", "CALLAO": "Callao", "LA LIBERTAD": "La Libertad"}


def distritos(hechos: Path | None = None) -> pd.DataFrame:
    """Los 61 distritos: nombre con tildes, población 2017 y 2020, área, centroide, comisarías."""
    hechos = hechos or rutas.HECHOS
    d = pd.read_csv(hechos / "districts.csv", dtype={"ubigeo": str})
    tabla = pd.DataFrame(
        {
            "ubigeo": d["ubigeo"],
            "distrito": d["district_display"],
            "distrito_inei": d["district"],
            "provincia": d["province"].map(PROVINCIAS),
            "departamento": d["department"].map(DEPARTAMENTOS),
            "ambito": d["province"].map(AMBITOS),
            "poblacion_2017": d["population_2017"].astype(int),
            "poblacion_2020": d["population_2020_est"].astype(int),
            "hogares_2017": d["households_2017"].astype(int),
            "area_km2": d["area_km2"],
            "lat": d["lat"],
            "lon": d["lon"],
            "comisarias_2017": d["comisarias_2017"].astype(int),
            "fuente": d["source"],
        }
    )
    return tabla.sort_values("ubigeo").reset_index(drop=True)
