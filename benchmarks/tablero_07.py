"""Benchmark del cambio de filtro del tablero 07 (puntos calientes) en Chromium, con 1× y 10× datos.

En el mismo servidor del taller y en la misma corrida que su piso, el trivial (issue 20):

- **Cambio de filtro**: desde elegir otro tipo de delito hasta que el mapa (el SVG de la vista y los
  puntos calientes en Leaflet) y la tabla hora × día muestran lo nuevo. Con los incidentes
  sintéticos del curso (1×) y con 10 veces más (10×, hechos en el kernel con semilla, como en
  `benchmarks/puntos_calientes.py`). Mediana y p95; meta: p95 ≤ 150 ms con 10×. También con la
  vista de densidad (la más cara) y, como piso, el cambio del tablero trivial.

La primera apertura del 07 (hasta poder usarlo, bytes) la mide `benchmarks/tableros_nuevos.py`
junto con la del 05 y el 06.

    .venv/bin/python benchmarks/tablero_07.py                 # unos 2 minutos
    .venv/bin/python benchmarks/tablero_07.py --repeticiones 2 --cambios 40
    .venv/bin/python benchmarks/tablero_07.py --ab-capas --repeticiones 2   # solo 10×: un envío contra dos

No es una prueba: no falla por lento. La última línea es
`tablero_07: p95_10x_ms=… p95_1x_ms=… p95_10x_densidad_ms=… razon_p95_10x_1x=… razon_p95_1x_trivial=…`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import comun  # noqa: E402

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
    """El 07, el trivial y los dos cuadernos de la 10× (con las capas de ahora y las de ipyleaflet)."""
    import nbformat

    raiz = comun.copiar_cuadernos(["notebooks/tableros/07_puntos_calientes.ipynb", comun.TRIVIAL], "lideres_bench07_")
    for nombre, codigo in (("07_diez_veces.ipynb", DIEZ_VECES), ("07_diez_veces_stock.ipynb", DIEZ_VECES_STOCK)):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(codigo)])
        nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
        nbformat.write(nb, raiz / "frio" / nombre)
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


def cambios_trivial(page, n: int) -> list[float]:
    tiempos = []
    for i in range(n):
        tiempos.append(page.evaluate(comun.JS_CAMBIO_TRIVIAL, "ArrowRight" if i % 2 == 0 else "ArrowLeft"))
        page.wait_for_timeout(300)
    return tiempos


# Cada caso: su cuaderno, lo que dice que se puede usar y cómo se miden sus cambios.
CASOS = {
    "cambios_1x": ("07_puntos_calientes.ipynb", comun.LISTO_07, lambda page, n: cambios_07(page, n)),
    "cambios_10x": ("07_diez_veces.ipynb", comun.LISTO_07, lambda page, n: cambios_07(page, n)),
    "cambios_10x_densidad": ("07_diez_veces.ipynb", comun.LISTO_07, lambda page, n: cambios_07(page, n, "Densidad")),
    "cambios_trivial": ("un_deslizador.ipynb", comun.LISTO_TRIVIAL, cambios_trivial),
}


def medir(repeticiones: int, cambios: int) -> dict:
    """`cambios` cambios en cada caso, abriéndolo `repeticiones` veces; el orden de los casos se
    invierte en cada ronda para que la carga de la máquina pese igual en todos."""
    r: dict = {clave: [] for clave in CASOS}
    r["carga"] = []
    with comun.taller_con_chromium(preparar_raiz(), carga=r["carga"]) as (servidor, navegador):
        orden = list(CASOS)
        for ronda in range(repeticiones):
            for clave in (orden if ronda % 2 == 0 else orden[::-1]):
                archivo, listo, medir_cambios = CASOS[clave]
                _, _, page, contexto = comun.abrir(navegador, comun.en_frio(servidor, archivo), listo)
                r[clave] += medir_cambios(page, cambios)
                comun.cerrar(page, contexto)
                print(f"  {clave:22s} ronda {ronda + 1}: {cambios} cambios")
    return r


def ab_capas(rondas: int, cambios: int) -> dict:
    """Con 10×: capas que envían sus polígonos una vez (ahora) contra las de ipyleaflet tal cual
    (dos veces), alternando en el mismo servidor."""
    r: dict = {"ahora": [], "antes": [], "carga": []}
    with comun.taller_con_chromium(preparar_raiz(), carga=r["carga"]) as (servidor, navegador):
        orden = (("ahora", "07_diez_veces.ipynb"), ("antes", "07_diez_veces_stock.ipynb"))
        for ronda in range(rondas):
            for clave, archivo in (orden if ronda % 2 == 0 else orden[::-1]):
                _, _, page, contexto = comun.abrir(navegador, comun.en_frio(servidor, archivo), comun.LISTO_07)
                r[clave] += cambios_07(page, cambios)
                comun.cerrar(page, contexto)
                print(f"  {clave} ronda {ronda + 1}: {cambios} cambios")
    return r


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeticiones", type=int, default=1,
                        help="aperturas de cada caso (sus cambios se juntan)")
    parser.add_argument("--cambios", type=int, default=20, help="cambios de filtro medidos en cada apertura")
    parser.add_argument("--ab-capas", action="store_true",
                        help="solo 10×: capas que envían los polígonos una vez contra dos (ipyleaflet tal cual)")
    args = parser.parse_args()
    if comun.sin_chromium():
        return 1
    if args.ab_capas:
        r = ab_capas(args.repeticiones, args.cambios)
        s = {k: comun.resumen_cambios(r[k]) for k in ("ahora", "antes")}
        print(f"Carga {r['carga'][0]:.1f} al empezar, {r['carga'][1]:.1f} al terminar")
        for k, texto in (("antes", "ipyleaflet tal cual (dos envíos)"), ("ahora", "un envío por cambio")):
            print(f"  10×, {texto:34s} mediana {s[k]['mediana_ms']:6.0f} ms, p95 {s[k]['p95_ms']:6.0f} ms")
        print(f"tablero_07_ab_capas: p95_ahora_ms={s['ahora']['p95_ms']:.0f} p95_antes_ms={s['antes']['p95_ms']:.0f} "
              f"razon_p95={s['ahora']['p95_ms'] / s['antes']['p95_ms']:.2f} "
              f"razon_mediana={s['ahora']['mediana_ms'] / s['antes']['mediana_ms']:.2f}")
        return 0
    r = medir(args.repeticiones, args.cambios)
    cambios = {k: comun.resumen_cambios(r[k]) for k in CASOS}
    print(f"\nMáquina: {comun.descripcion_maquina()}; carga {r['carga'][0]:.1f} al empezar, {r['carga'][1]:.1f} al terminar")
    for clave, texto in (("cambios_1x", "Cambio de filtro, 1×"), ("cambios_10x", "Cambio de filtro, 10×"),
                         ("cambios_10x_densidad", "Cambio de filtro, 10×, densidad"),
                         ("cambios_trivial", "Cambio del trivial (piso)")):
        c = cambios[clave]
        fallidos = f" ({c['fallidos']} sin respuesta)" if c["fallidos"] else ""
        print(f"{texto:44s} mediana {c['mediana_ms']:6.0f} ms, p95 {c['p95_ms']:6.0f} ms{fallidos}")
    p95 = {k: cambios[k]["p95_ms"] for k in cambios}
    comun.guardar("tablero_07", {"crudos": r, "cambios": cambios})
    print(f"tablero_07: p95_10x_ms={p95['cambios_10x']:.0f} p95_1x_ms={p95['cambios_1x']:.0f} "
          f"p95_10x_densidad_ms={p95['cambios_10x_densidad']:.0f} "
          f"razon_p95_10x_1x={p95['cambios_10x'] / p95['cambios_1x']:.2f} "
          f"razon_p95_1x_trivial={p95['cambios_1x'] / p95['cambios_trivial']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
