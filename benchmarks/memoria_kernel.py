"""Memoria de un kernel por página del taller: cada tablero y cada página de ejercicio.

En el taller cada celular tiene su propio kernel, así que lo que ocupa un kernel se multiplica por
el número de celulares. Para cada cuaderno de `notebooks/tableros/` y `notebooks/ejercicios/`,
arranca un kernel nuevo (el del taller, `lideres.taller.nucleo`, o el de ipykernel con
`--kernel ipykernel`), corre sus celdas como lo hace Voilà y mide su memoria (RSS, PSS y USS) y
qué bibliotecas pesadas quedaron cargadas. La línea de base es un kernel vacío, en la misma corrida.

Antes de medir, una caché nueva queda como la deja el primer kernel del taller: las tablas de
`data/` comprobadas y las preparaciones de los ejercicios calculadas (ver `lideres.tablas` y
`lideres.formulario.widgets`). Con `--sin-cache`, cada kernel paga eso (el primero de un taller).

    .venv/bin/python benchmarks/memoria_kernel.py
    .venv/bin/python benchmarks/memoria_kernel.py --kernel ipykernel   # el kernel de siempre

No es una prueba: no falla. La última línea es
`memoria_kernel: vacio_mb=X tablero_02_mb=Y tablero_max_mb=Z ejercicio_max_mb=W`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

# Lo que hace quien usa el tablero después de abrirlo, cuando eso carga más: el 07 abre sin pandas
# y calcula al tocar «Ya marqué»; aquí se toca y se piden las cuatro vistas (la densidad es la mayor).
DESPUES = {
    "tableros/07_puntos_calientes": (
        "import ipywidgets as _w\n"
        "from lideres.modulos.m07_puntos_calientes.tablero import TableroPuntosCalientes as _T\n"
        "_t = next(x for x in list(_w.Widget.widgets.values()) if isinstance(x, _T))\n"
        "_t._mostrar()\n"
        "for _v in ('puntos', 'hexagonos', 'densidad'):\n"
        "    _t.control_vista.value = _v\n"
    ),
}
PESADOS = ["pandas", "numpy", "matplotlib", "ipyleaflet", "shapely", "babel", "pandera", "nbgrader",
           "scipy", "jedi", "pydevd", "sqlite3"]


def _cache_caliente(carpeta: Path) -> None:
    from lideres import banco, rutas, tablas
    from lideres.formulario.widgets import preparacion_html

    os.environ["XDG_CACHE_HOME"] = str(carpeta)
    for nombre in tablas.tablas_disponibles():
        if (rutas.DATOS / tablas.TABLAS[nombre].archivo).is_file():
            tablas.cargar(nombre)
    for ruta in (rutas.CUADERNOS / "ejercicios").glob("*.ipynb"):
        preparacion_html(banco.cargar(ruta.stem).publico().get("preparacion"))


def medir(fuentes: list[str]) -> dict:
    import psutil
    from jupyter_client.manager import KernelManager

    km = KernelManager(kernel_name="python3")
    km.start_kernel(env=dict(os.environ))
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=180)
        for fuente in fuentes:
            r = kc.execute_interactive(fuente, timeout=300, output_hook=lambda m: None)
            if r["content"]["status"] != "ok":
                raise RuntimeError(f"{r['content'].get('ename')}: {r['content'].get('evalue')}")
        salida: list[str] = []
        kc.execute_interactive(
            "import json as _j, sys as _s; print(_j.dumps([m for m in _s.modules if _s.modules[m] is not None]))",
            output_hook=lambda m: salida.append(m["content"]["text"]) if m["msg_type"] == "stream" else None,
        )
        modulos = {m.split(".")[0] for m in json.loads("".join(salida))}
        time.sleep(0.5)
        m = psutil.Process(km.provisioner.process.pid).memory_full_info()
        return {"rss": m.rss, "pss": m.pss, "uss": m.uss, "pesados": [p for p in PESADOS if p in modulos]}
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main(argv=None) -> int:
    import nbformat

    ap = argparse.ArgumentParser(description="Memoria de un kernel por página del taller.")
    ap.add_argument("--kernel", choices=["taller", "ipykernel"], default="taller")
    ap.add_argument("--sin-cache", action="store_true", help="una caché vacía: cada kernel comprueba todo")
    a = ap.parse_args(argv)

    from lideres import rutas
    from lideres.taller import servidor

    if a.kernel == "taller":
        servidor.preparar_rutas_jupyter()  # la especificación «python3» del taller, como el servidor
    cache = Path(tempfile.mkdtemp(prefix="lideres_cache_"))
    if a.sin_cache:
        os.environ["XDG_CACHE_HOME"] = str(cache)
    else:
        _cache_caliente(cache)
    os.environ.pop("LIDERES_TALLER_CURSO", None)

    paginas = [("vacío", [])]
    for carpeta in ("tableros", "ejercicios"):
        for ruta in sorted((rutas.CUADERNOS / carpeta).glob("*.ipynb")):
            nb = nbformat.read(ruta, as_version=4)
            fuentes = [c.source for c in nb.cells if c.cell_type == "code"]
            paginas.append((f"{carpeta}/{ruta.stem}", fuentes))
            if f"{carpeta}/{ruta.stem}" in DESPUES:
                paginas.append((f"{carpeta}/{ruta.stem} (usado)", [*fuentes, DESPUES[f"{carpeta}/{ruta.stem}"]]))

    mb = 1024 * 1024
    print(f"Kernel: {a.kernel}; caché {'vacía' if a.sin_cache else 'caliente'}")
    print(f"{'página':36}{'RSS MB':>8}{'PSS MB':>8}{'USS MB':>8}  bibliotecas pesadas cargadas")
    resultados = {}
    for nombre, fuentes in paginas:
        r = medir(fuentes)
        resultados[nombre] = r
        print(f"{nombre:36}{r['rss'] / mb:8.1f}{r['pss'] / mb:8.1f}{r['uss'] / mb:8.1f}  "
              f"{', '.join(r['pesados']) or '—'}", flush=True)

    def mayor(prefijo):
        return max((r["rss"] for n, r in resultados.items() if n.startswith(prefijo)), default=0) / mb

    vacio = resultados["vacío"]["rss"] / mb
    t02 = resultados.get("tableros/02_conteos_y_tasas", {"rss": 0})["rss"] / mb
    print(f"Razón tablero 02 / kernel vacío: {t02 / vacio:.2f}")
    print(f"memoria_kernel: vacio_mb={vacio:.0f} tablero_02_mb={t02:.0f} "
          f"tablero_max_mb={mayor('tableros/'):.0f} ejercicio_max_mb={mayor('ejercicios/'):.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
