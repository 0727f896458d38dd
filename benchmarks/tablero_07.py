"""Benchmark del tablero de puntos calientes (módulo 07) en Chromium, en el mismo servidor del taller
y en la misma corrida que su línea de base (issue 20):

- **Cambio de filtro**: desde elegir otro tipo de delito hasta que el mapa (el SVG de la vista y los
  puntos calientes en Leaflet) y la tabla hora × día muestran lo nuevo. Con los incidentes
  sintéticos del curso (1×) y con 10 veces más (10×, hechos en el kernel con semilla, como en
  `benchmarks/puntos_calientes.py`). Mediana y p95; meta: p95 ≤ 150 ms con 10×. También con la
  vista de densidad (la más cara) y, como piso, el cambio del tablero trivial.
- **Hasta poder usarlo, frío** (kernel nuevo, navegador sin caché): desde pedir la página hasta
  ver el contorno del distrito y la herramienta de dibujo (07) o el deslizador con su resultado
  (trivial: `benchmarks/trivial/un_deslizador.ipynb`). Meta: ≤ 1.25 × el trivial.
- **Bytes al abrir** (HTTP + websocket del kernel). Meta: ≤ 1.15 × el trivial. Chromium da los
  mensajes del websocket ya descomprimidos: se dan así (`razon_bytes`, como antes) y comprimidos con
  permessage-deflate como lo hace el servidor del taller (`razon_bytes_comprimidos`: lo que viaja).

    .venv/bin/python benchmarks/tablero_07.py                 # unos 4 minutos
    .venv/bin/python benchmarks/tablero_07.py --repeticiones 5 --cambios 40
    .venv/bin/python benchmarks/tablero_07.py --ab-capas --repeticiones 2   # solo 10×: un envío contra dos

No es una prueba: no falla por lento. La última línea es
`tablero_07: p95_10x_ms=… p95_1x_ms=… razon_tti=… razon_bytes=… razon_bytes_comprimidos=…`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

from benchmarks.tablero import JS_CAMBIO_TRIVIAL, abrir, cerrar, descripcion_maquina, percentil  # noqa: E402
from lideres.taller.proceso import ServidorTaller  # noqa: E402
from tests.chromium import ARGUMENTOS_CHROMIUM, CHROMIUM  # noqa: E402

DIEZ_VECES = '''from lideres.modulos.m07_puntos_calientes.tablero import tablero
from lideres.tablas import cargar
import numpy as np
import pandas as pd

# 10 veces los incidentes SINTÉTICOS del curso, cada copia movida hasta ~50 m (solo para medir).
datos = cargar("incidentes_sinteticos")
rng = np.random.default_rng(7)
grande = pd.concat([datos] * 10, ignore_index=True)
grande["lat"] = grande["lat"] + rng.uniform(-0.00045, 0.00045, len(grande))
grande["lon"] = grande["lon"] + rng.uniform(-0.00045, 0.00045, len(grande))
tablero(datos=grande)'''

# La misma 10× con las capas de ipyleaflet tal cual (cada cambio envía los puntos calientes dos veces):
# la línea de base de `--ab-capas`.
DIEZ_VECES_STOCK = DIEZ_VECES.replace(
    "tablero(datos=grande)",
    "import ipyleaflet\nfrom lideres.tablero import mapa as _m\n"
    "_m.capa_estilo_unico = lambda **kw: ipyleaflet.GeoJSON(**kw)  # como era antes\ntablero(datos=grande)")

LISTO_07 = ("() => !!document.querySelector('.lideres-tablero-puntos-calientes .leaflet-draw-draw-rectangle')"
            " && !!document.querySelector('.lideres-mapa path.leaflet-interactive')")
LISTO_TRIVIAL = ("() => !!document.querySelector('.lideres-trivial-resultado')"
                 " && document.querySelector('.lideres-trivial-resultado').textContent.includes('cuadrado')")

# Un cambio medido dentro de la página: elegir otro tipo de delito y esperar (cuadro a cuadro) a que
# la vista del mapa diga otros casos, la tabla hora × día tenga otro título y la capa de Leaflet
# tenga tantos puntos calientes como dice el mapa de celdas. Devuelve milisegundos (-1: 15 s sin cambio).
JS_CAMBIO_07 = """async (tipo) => {
  const figura = () => document.querySelector('.lideres-resultados-07 figure');
  const titulo = () => { const c = document.querySelector('.lideres-hora-dia-07 caption'); return c ? c.textContent : ''; };
  const calientes = () => document.querySelectorAll('.lideres-mapa path[stroke="#d95f02"]').length;
  const casos0 = figura().dataset.casos, titulo0 = titulo();
  const lista = document.querySelector('.lideres-control-tipo select');
  // ipywidgets escribe las opciones con espacios duros (U+00A0).
  const opcion = Array.from(lista.options).find(o => o.textContent.replace(/\u00a0/g, ' ').trim() === tipo);
  const t0 = performance.now();
  lista.value = opcion.value;
  lista.dispatchEvent(new Event('change', {bubbles: true}));
  const listo = () => {
    const f = figura();
    return f && f.dataset.casos !== casos0 && titulo() !== titulo0
      && (f.dataset.calientes === undefined || calientes() === Number(f.dataset.calientes));
  };
  while (!listo()) {
    if (performance.now() - t0 > 15000) return -1;
    await new Promise(r => requestAnimationFrame(r));
  }
  return performance.now() - t0;
}"""
TIPOS = ("Todos los tipos", "Robo", "Todos los tipos", "Hurto", "Todos los tipos", "Extorsión")


def preparar_raiz() -> Path:
    import nbformat

    raiz = Path(tempfile.mkdtemp(prefix="lideres_bench07_"))
    carpeta = raiz / "frio"
    carpeta.mkdir()
    shutil.copy(RAIZ / "notebooks" / "tableros" / "07_puntos_calientes.ipynb", carpeta / "07_puntos_calientes.ipynb")
    shutil.copy(RAIZ / "benchmarks" / "trivial" / "un_deslizador.ipynb", carpeta / "un_deslizador.ipynb")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(DIEZ_VECES)])
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nbformat.write(nb, carpeta / "07_diez_veces.ipynb")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(DIEZ_VECES_STOCK)])
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nbformat.write(nb, carpeta / "07_diez_veces_stock.ipynb")
    return raiz


def cambios_07(page, n: int, vista: str | None = None) -> list[float]:
    page.get_by_role("button", name="Ya marqué: mostrar los datos").click()
    page.wait_for_selector(".lideres-resultados-07 .lideres-celdas-07", timeout=120_000)
    if vista:
        page.locator(".lideres-control-vista button", has_text=vista).click()
        page.wait_for_selector(".lideres-resultados-07 figure[data-vista='densidad']", timeout=60_000)
    tiempos = []
    actual = "Todos los tipos"
    for i in range(n):
        tipo = TIPOS[(i + 1) % len(TIPOS)]
        if tipo == actual:
            tipo = TIPOS[(i + 2) % len(TIPOS)]
        tiempos.append(page.evaluate(JS_CAMBIO_07, tipo))
        actual = tipo
        page.wait_for_timeout(300)  # que termine de dibujar antes del siguiente
    return tiempos


def resumen(tiempos: list[float]) -> dict:
    validos = [t for t in tiempos if t >= 0]
    return {"mediana_ms": statistics.median(validos) if validos else float("nan"),
            "p95_ms": percentil(validos, 0.95) if validos else float("nan"),
            "fallidos": len(tiempos) - len(validos)}


def medir(repeticiones: int, cambios: int) -> dict:
    from playwright.sync_api import sync_playwright

    raiz = preparar_raiz()
    r: dict = {"tti_07": [], "tti_trivial": [], "bytes_07": [], "bytes_trivial": [],
               "bytes_comprimidos_07": [], "bytes_comprimidos_trivial": [],
               "cambios_1x": [], "cambios_10x": [], "cambios_10x_densidad": [], "cambios_trivial": []}
    servidor = ServidorTaller(sin_libro=True, precalentados=0, cuadernos=raiz)
    print(f"Iniciando el servidor del taller en el puerto {servidor.puerto}…")
    carga_inicio = os.getloadavg()[0]
    with servidor, sync_playwright() as p:
        navegador = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGUMENTOS_CHROMIUM)
        url = lambda archivo: servidor.url(f"/voila/render/frio/{archivo}")  # noqa: E731
        # Una apertura de calentamiento (disco, caché de Python) que no se cuenta.
        cerrar(*abrir(navegador, url("un_deslizador.ipynb"), LISTO_TRIVIAL)[2:])
        for ronda in range(repeticiones):
            orden = (("07", "07_puntos_calientes.ipynb", LISTO_07), ("trivial", "un_deslizador.ipynb", LISTO_TRIVIAL))
            for nombre, archivo, listo in (orden if ronda % 2 == 0 else orden[::-1]):
                detalle: dict = {}
                segundos, bytes_, page, contexto = abrir(navegador, url(archivo), listo, detalle)
                r[f"tti_{nombre}"].append(segundos)
                r[f"bytes_{nombre}"].append(bytes_)
                # Lo que de verdad viaja: el servidor comprime el websocket (permessage-deflate).
                r[f"bytes_comprimidos_{nombre}"].append(detalle["http"] + detalle["ws_deflate"])
                if ronda == 0 and nombre == "07":
                    r["cambios_1x"] = cambios_07(page, cambios)
                if ronda == 0 and nombre == "trivial":
                    for i in range(cambios):
                        r["cambios_trivial"].append(
                            page.evaluate(JS_CAMBIO_TRIVIAL, "ArrowRight" if i % 2 == 0 else "ArrowLeft"))
                        page.wait_for_timeout(300)
                cerrar(page, contexto)
                print(f"  {nombre:8s} ronda {ronda + 1}: {segundos:6.2f} s, {bytes_:,} bytes")
        for vista, clave in ((None, "cambios_10x"), ("Densidad", "cambios_10x_densidad")):
            _, _, page, contexto = abrir(navegador, url("07_diez_veces.ipynb"), LISTO_07)
            r[clave] = cambios_07(page, cambios, vista)
            cerrar(page, contexto)
            print(f"  10× {vista or 'Celdas'}: {len(r[clave])} cambios")
        navegador.close()
    r["carga"] = [carga_inicio, os.getloadavg()[0]]
    shutil.rmtree(raiz, ignore_errors=True)
    return r


def ab_capas(rondas: int, cambios: int) -> dict:
    """Con 10×: capas que envían sus polígonos una vez (ahora) contra las de ipyleaflet tal cual
    (dos veces), alternando en el mismo servidor."""
    from playwright.sync_api import sync_playwright

    raiz = preparar_raiz()
    r: dict = {"ahora": [], "antes": [], "carga": [os.getloadavg()[0]]}
    servidor = ServidorTaller(sin_libro=True, precalentados=0, cuadernos=raiz)
    with servidor, sync_playwright() as p:
        navegador = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGUMENTOS_CHROMIUM)
        url = lambda archivo: servidor.url(f"/voila/render/frio/{archivo}")  # noqa: E731
        orden = (("ahora", "07_diez_veces.ipynb"), ("antes", "07_diez_veces_stock.ipynb"))
        for ronda in range(rondas):
            for clave, archivo in (orden if ronda % 2 == 0 else orden[::-1]):
                _, _, page, contexto = abrir(navegador, url(archivo), LISTO_07)
                r[clave] += cambios_07(page, cambios)
                cerrar(page, contexto)
                print(f"  {clave} ronda {ronda + 1}: {cambios} cambios")
        navegador.close()
    r["carga"].append(os.getloadavg()[0])
    shutil.rmtree(raiz, ignore_errors=True)
    return r


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeticiones", type=int, default=3, help="aperturas en frío de cada tablero")
    parser.add_argument("--cambios", type=int, default=20, help="cambios de filtro medidos en cada caso")
    parser.add_argument("--ab-capas", action="store_true",
                        help="solo 10×: capas que envían los polígonos una vez contra dos (ipyleaflet tal cual)")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        print(f"Falta {CHROMIUM}: instálalo con `make chromium`.", file=sys.stderr)
        return 1
    if args.ab_capas:
        r = ab_capas(args.repeticiones, args.cambios)
        s = {k: resumen(r[k]) for k in ("ahora", "antes")}
        print(f"Carga {r['carga'][0]:.1f} al empezar, {r['carga'][1]:.1f} al terminar")
        for k, texto in (("antes", "ipyleaflet tal cual (dos envíos)"), ("ahora", "un envío por cambio")):
            print(f"  10×, {texto:34s} mediana {s[k]['mediana_ms']:6.0f} ms, p95 {s[k]['p95_ms']:6.0f} ms")
        print(f"tablero_07_ab_capas: p95_ahora_ms={s['ahora']['p95_ms']:.0f} p95_antes_ms={s['antes']['p95_ms']:.0f} "
              f"razon_p95={s['ahora']['p95_ms'] / s['antes']['p95_ms']:.2f} "
              f"razon_mediana={s['ahora']['mediana_ms'] / s['antes']['mediana_ms']:.2f}")
        return 0
    r = medir(args.repeticiones, args.cambios)
    tti = {n: statistics.median(r[f"tti_{n}"]) for n in ("07", "trivial")}
    bytes_ = {n: statistics.median(r[f"bytes_{n}"]) for n in ("07", "trivial")}
    comprimidos = {n: statistics.median(r[f"bytes_comprimidos_{n}"]) for n in ("07", "trivial")}
    cambios = {k: resumen(r[k]) for k in ("cambios_1x", "cambios_10x", "cambios_10x_densidad", "cambios_trivial")}
    maquina = descripcion_maquina()
    print(f"\nMáquina: {maquina}; carga {r['carga'][0]:.1f} al empezar, {r['carga'][1]:.1f} al terminar")
    print(f"{'':44s} {'07':>12s} {'trivial':>12s} {'razón':>7s}")
    print(f"{'Hasta poder usarlo, frío (s, mediana)':44s} {tti['07']:12.2f} {tti['trivial']:12.2f} "
          f"{tti['07'] / tti['trivial']:7.2f}")
    print(f"{'Bytes al abrir (HTTP + websocket)':44s} {bytes_['07']:12,.0f} {bytes_['trivial']:12,.0f} "
          f"{bytes_['07'] / bytes_['trivial']:7.2f}")
    print(f"{'  … con el websocket comprimido (lo que viaja)':44s} {comprimidos['07']:12,.0f} "
          f"{comprimidos['trivial']:12,.0f} {comprimidos['07'] / comprimidos['trivial']:7.2f}")
    for clave, texto in (("cambios_1x", "Cambio de filtro, 1×"), ("cambios_10x", "Cambio de filtro, 10×"),
                         ("cambios_10x_densidad", "Cambio de filtro, 10×, densidad"),
                         ("cambios_trivial", "Cambio del trivial (piso)")):
        c = cambios[clave]
        fallidos = f" ({c['fallidos']} sin respuesta)" if c["fallidos"] else ""
        print(f"{texto:44s} mediana {c['mediana_ms']:6.0f} ms, p95 {c['p95_ms']:6.0f} ms{fallidos}")
    p95 = {k: cambios[k]["p95_ms"] for k in cambios}
    print(f"Razón p95 10× / 1×: {p95['cambios_10x'] / p95['cambios_1x']:.2f}; "
          f"p95 1× / trivial: {p95['cambios_1x'] / p95['cambios_trivial']:.2f}")
    salida = RAIZ / "benchmarks" / "_resultados"
    salida.mkdir(parents=True, exist_ok=True)
    archivo = salida / f"tablero_07_{time.strftime('%Y%m%d_%H%M%S')}.json"
    archivo.write_text(json.dumps({"maquina": maquina, "fecha": time.strftime("%Y-%m-%d %H:%M"), "crudos": r,
                                   "tti": tti, "bytes": bytes_, "bytes_comprimidos": comprimidos,
                                   "cambios": cambios}, indent=1), encoding="utf-8")
    print(f"Cifras guardadas en {archivo.relative_to(RAIZ)}")
    print(f"tablero_07: p95_10x_ms={p95['cambios_10x']:.0f} p95_1x_ms={p95['cambios_1x']:.0f} "
          f"p95_10x_densidad_ms={p95['cambios_10x_densidad']:.0f} "
          f"razon_tti={tti['07'] / tti['trivial']:.2f} razon_bytes={bytes_['07'] / bytes_['trivial']:.2f} "
          f"razon_bytes_comprimidos={comprimidos['07'] / comprimidos['trivial']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
