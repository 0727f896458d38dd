"""Benchmark de la primera apertura de los tableros nuevos (05, 06 y 07) contra el trivial, en el
mismo servidor del taller y en la misma corrida (issue 20, «Speed and memory»):

- **Hasta poder usarlo, frío** (kernel nuevo, navegador sin caché): desde pedir la página hasta ver
  lo que se toca. 05: el gráfico SVG y sus botones; 06: los 50 distritos dibujados y los intervalos;
  07: el contorno del distrito y la herramienta de dibujo; trivial
  (`benchmarks/trivial/un_deslizador.ipynb`): el deslizador con su resultado. Meta: ≤ 1.25 × el trivial.
- **Bytes al abrir**: HTTP (lo transferido) + websocket del kernel comprimido con permessage-deflate
  como lo hace el servidor del taller (lo que viaja). Meta: ≤ 1.15 × el trivial.

Las aperturas se alternan (05, 06, 07, trivial; la ronda siguiente al revés) para que la carga de la
máquina pese igual en todos. El cambio de filtro del 07 lo mide `benchmarks/tablero_07.py`.

    .venv/bin/python benchmarks/tableros_nuevos.py                  # unos 3 minutos
    .venv/bin/python benchmarks/tableros_nuevos.py --repeticiones 7

No es una prueba: no falla por lento. La última línea es
`tableros_nuevos: razon_tti_05=… razon_tti_06=… razon_tti_07=… razon_bytes_05=… …`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import comun  # noqa: E402

# Cada tablero: su cuaderno y lo que dice que ya se puede usar.
TABLEROS = {
    "05": ("notebooks/tableros/05_tendencias.ipynb",
           "() => !!document.querySelector('.lideres-tablero-tendencias .lideres-grafico-caja svg')"
           " && !!document.querySelector('.lideres-control-ventana button')"),
    "06": ("notebooks/tableros/06_leer_mapas.ipynb",
           "() => document.querySelectorAll('.lideres-tablero-leer-mapas .lideres-mapa path').length >= 50"
           " && !!document.querySelector('.lideres-tablero-leer-mapas .lideres-control-medida button')"),
    "07": ("notebooks/tableros/07_puntos_calientes.ipynb", comun.LISTO_07),
    "trivial": (comun.TRIVIAL, comun.LISTO_TRIVIAL),
}
META_TTI = 1.25
META_BYTES = 1.15


def medir(repeticiones: int) -> dict:
    r: dict = {"tti": {n: [] for n in TABLEROS}, "bytes": {n: [] for n in TABLEROS}, "carga": []}
    raiz = comun.copiar_cuadernos([ruta for ruta, _ in TABLEROS.values()], "tableros_nuevos_")
    with comun.taller_con_chromium(raiz, carga=r["carga"]) as (servidor, navegador):
        url = lambda ruta: comun.en_frio(servidor, Path(ruta).name)  # noqa: E731
        # Una apertura de calentamiento de cada uno (disco, caché de Python) que no se cuenta.
        for ruta, listo in TABLEROS.values():
            comun.cerrar(*comun.abrir(navegador, url(ruta), listo)[2:])
        orden = list(TABLEROS)
        for ronda in range(repeticiones):
            for nombre in (orden if ronda % 2 == 0 else orden[::-1]):
                ruta, listo = TABLEROS[nombre]
                detalle: dict = {}
                segundos, _, page, contexto = comun.abrir(navegador, url(ruta), listo, detalle)
                comun.cerrar(page, contexto)
                r["tti"][nombre].append(segundos)
                r["bytes"][nombre].append(detalle["http"] + detalle["ws_deflate"])
                print(f"  {nombre:8s} ronda {ronda + 1}: {segundos:6.2f} s, {r['bytes'][nombre][-1]:,} bytes")
    return r


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeticiones", type=int, default=5, help="aperturas en frío de cada tablero")
    args = parser.parse_args()
    if comun.sin_chromium():
        return 1
    r = medir(args.repeticiones)
    tti = {n: statistics.median(v) for n, v in r["tti"].items()}
    bytes_ = {n: statistics.median(v) for n, v in r["bytes"].items()}
    print(f"\nMáquina: {comun.descripcion_maquina()}; carga {r['carga'][0]:.1f} al empezar, {r['carga'][1]:.1f} al terminar")
    print(f"{'':10s} {'frío (s, mediana)':>18s} {'razón':>7s} {'bytes':>12s} {'razón':>7s}")
    razones = {}
    for nombre in TABLEROS:
        razones[nombre] = (tti[nombre] / tti["trivial"], bytes_[nombre] / bytes_["trivial"])
        marca = "" if nombre == "trivial" else (
            f"   {'cumple' if razones[nombre][0] <= META_TTI else 'NO cumple'} ≤ {META_TTI} · "
            f"{'cumple' if razones[nombre][1] <= META_BYTES else 'NO cumple'} ≤ {META_BYTES}")
        print(f"{nombre:10s} {tti[nombre]:18.2f} {razones[nombre][0]:7.2f} {bytes_[nombre]:12,.0f} "
              f"{razones[nombre][1]:7.2f}{marca}")
    comun.guardar("tableros_nuevos", {"crudos": r, "tti": tti, "bytes": bytes_})
    nuevos = [n for n in TABLEROS if n != "trivial"]
    print("tableros_nuevos: " + " ".join(f"razon_tti_{n}={razones[n][0]:.2f}" for n in nuevos) + " "
          + " ".join(f"razon_bytes_{n}={razones[n][1]:.2f}" for n in nuevos))
    return 0


if __name__ == "__main__":
    sys.exit(main())
