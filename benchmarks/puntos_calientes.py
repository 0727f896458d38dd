"""Cuánto tarda el kernel en recalcular el tablero de puntos calientes (módulo 07) al cambiar un
filtro, con los incidentes sintéticos del curso (1×) y con 10 veces más registros (10×, hechos aquí
con semilla: cada fila repetida 10 veces, movida unos metros al azar).

Mide solo el lado de Python (`calculos.estado_puntos`: filtrar, contar la grilla, Gi*, tabla hora ×
día); el tiempo medido en el navegador (issue 20: p95 ≤ 150 ms) se suma cuando exista el tablero.
La línea de base es la misma medición con 1×, en el mismo proceso.

    .venv/bin/python benchmarks/puntos_calientes.py
    .venv/bin/python benchmarks/puntos_calientes.py --cambios 200

No es una prueba: no falla. La última línea es
`puntos_calientes: p95_1x_ms=X p95_10x_ms=Y razon_10x_1x=Z preparar_10x_ms=W`.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DISTRITOS = ("El Porvenir", "La Esperanza", "Florencia de Mora", "Callao", "Lima (Cercado)")


def diez_veces(datos, semilla: int = 7):
    """Cada fila 10 veces, con el punto movido hasta ~50 m (SINTÉTICO, solo para medir)."""
    import pandas as pd

    rng = np.random.default_rng(semilla)
    grande = pd.concat([datos] * 10, ignore_index=True)
    grande["lat"] = grande["lat"] + rng.uniform(-0.00045, 0.00045, len(grande))
    grande["lon"] = grande["lon"] + rng.uniform(-0.00045, 0.00045, len(grande))
    return grande


def cambios(n: int, tipos: list[str], semilla: int = 11):
    rng = np.random.default_rng(semilla)
    for _ in range(n):
        h0 = int(rng.integers(0, 24))
        m0 = int(rng.integers(1, 13))
        elegidos = [t for t in tipos if rng.random() < 0.6] or None
        yield (elegidos, (h0, int(rng.integers(h0, 24))), (m0, int(rng.integers(m0, 13))))


def medir(datos, n: int) -> tuple[list[float], float]:
    from lideres.modulos.m07_puntos_calientes import calculos as c

    tiempos, preparar = [], 0.0
    tipos = sorted(set(datos["tipo"]) - {c.TIPO_EXCLUIDO})
    for distrito in DISTRITOS:
        t0 = time.perf_counter()
        preparado = c.preparar_distrito(distrito, 250, datos)
        preparar = max(preparar, time.perf_counter() - t0)
        for tipos_, horas, meses in cambios(n // len(DISTRITOS), tipos):
            t0 = time.perf_counter()
            c.estado_puntos(distrito, tipos_, horas, meses, preparado=preparado)
            tiempos.append(time.perf_counter() - t0)
    return tiempos, preparar


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cambios", type=int, default=100)
    args = parser.parse_args()
    from lideres.tablas import cargar

    datos = cargar("incidentes_sinteticos")
    grande = diez_veces(datos)
    uno, _ = medir(datos, args.cambios)
    diez, preparar = medir(grande, args.cambios)
    p95 = [float(np.percentile(t, 95)) * 1000 for t in (uno, diez)]
    print(f"filas: 1× {len(datos):,} · 10× {len(grande):,}")
    print(f"cambio de filtro (kernel): 1× mediana {np.median(uno) * 1000:.1f} ms, p95 {p95[0]:.1f} ms · "
          f"10× mediana {np.median(diez) * 1000:.1f} ms, p95 {p95[1]:.1f} ms")
    print(f"puntos_calientes: p95_1x_ms={p95[0]:.1f} p95_10x_ms={p95[1]:.1f} "
          f"razon_10x_1x={p95[1] / p95[0]:.2f} preparar_10x_ms={preparar * 1000:.0f}")


if __name__ == "__main__":
    main()
