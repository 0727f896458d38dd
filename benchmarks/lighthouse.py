"""Lighthouse (perfil de celular) contra el servidor del taller: la página ligera del tablero 02, el
mismo tablero en Voilà y el capítulo 02 del libro (issue 19, «Speed»).

Lighthouse viene del registro de npm (no se instala solo: `npm install --prefix benchmarks/_node
lighthouse@13.5.0`, lo hace este script si falta) y usa el Chromium de Debian (/usr/bin/chromium).
Su perfil de celular simula un teléfono de gama media en una red lenta (throttling «simulate»).
Todo queda en esta computadora: el servidor escucha en 127.0.0.1.

Imprime, por página: puntaje de rendimiento y de accesibilidad, bytes transferidos, pedidos, LCP,
tiempo de bloqueo y «time to interactive»; y la razón TTI ligera / TTI de Voilà en la misma corrida.
No es una prueba: no falla.

    .venv/bin/python benchmarks/lighthouse.py              # construye el libro si hace falta
    .venv/bin/python benchmarks/lighthouse.py --sin-libro  # solo la ligera y Voilà
    .venv/bin/python benchmarks/lighthouse.py --solo-libro --informes /tmp/lh  # el capítulo, y guarda
                                                   # el informe JSON completo de Lighthouse en /tmp/lh
    .venv/bin/python benchmarks/lighthouse.py --solo-libro --corridas 5  # cada página 5 veces: cada
                                                   # corrida y la mediana (con la máquina cargada el
                                                   # tiempo de bloqueo varía mucho de una a otra)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

from lideres import libro, ligera  # noqa: E402
from lideres.taller.proceso import ServidorTaller  # noqa: E402
from tests.chromium import CHROMIUM  # noqa: E402

NODE = RAIZ / "benchmarks" / "_node"
LIGHTHOUSE = NODE / "node_modules" / ".bin" / "lighthouse"
VERSION = "13.5.0"
BANDERAS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking " \
           "--disable-component-update --disable-sync --disable-quic"


def instalar() -> None:
    if LIGHTHOUSE.exists():
        return
    print(f"Instalando Lighthouse {VERSION} desde npm en {NODE} (una sola vez)…")
    NODE.mkdir(parents=True, exist_ok=True)
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", f"lighthouse@{VERSION}"],
                   cwd=NODE, check=True)


def medir(url: str, guardar: Path | None = None) -> dict:
    with tempfile.TemporaryDirectory() as carpeta:
        salida = Path(carpeta) / "informe.json"
        entorno = dict(os.environ, CHROME_PATH=str(CHROMIUM))
        subprocess.run(
            [str(LIGHTHOUSE), url, "--output=json", f"--output-path={salida}", "--quiet",
             "--only-categories=performance,accessibility", "--locale=es",
             f"--chrome-flags={BANDERAS}", "--max-wait-for-load=90000"],
            env=entorno, check=True, timeout=600)
        informe = json.loads(salida.read_text(encoding="utf-8"))
        if guardar:  # el informe completo: qué culpa Lighthouse (recursos que bloquean, fuentes...)
            guardar.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(salida, guardar)
    a = informe["audits"]
    pedidos = a.get("network-requests", {}).get("details", {}).get("items", [])
    return {
        "rendimiento": round(100 * (informe["categories"]["performance"]["score"] or 0)),
        "accesibilidad": round(100 * (informe["categories"]["accessibility"]["score"] or 0)),
        "kb": a["total-byte-weight"]["numericValue"] / 1024,
        "pedidos": len(pedidos),
        "lcp_s": a["largest-contentful-paint"]["numericValue"] / 1000,
        "bloqueo_ms": a["total-blocking-time"]["numericValue"],
        "tti_s": a["interactive"]["numericValue"] / 1000 if "interactive" in a else float("nan"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    grupo = parser.add_mutually_exclusive_group()
    grupo.add_argument("--sin-libro", action="store_true", help="no medir el capítulo del libro")
    grupo.add_argument("--solo-libro", action="store_true",
                       help="medir solo el capítulo del libro (sin la ligera ni Voilà, sin kernels)")
    parser.add_argument("--informes", type=Path, metavar="CARPETA",
                        help="guardar ahí el informe JSON completo de Lighthouse de cada página")
    parser.add_argument("--corridas", type=int, default=1, metavar="N",
                        help="medir cada página N veces e imprimir también la mediana (1 por omisión)")
    args = parser.parse_args()
    instalar()
    ligera.construir(imprimir=lambda *a: None)
    if not args.sin_libro:
        libro.construir(imprimir=lambda *a: None)
    servidor = ServidorTaller(sin_libro=args.sin_libro, precalentados=0 if args.solo_libro else 1)
    servidor.iniciar()
    try:
        paginas = {} if args.solo_libro else {
            "ligera 02": "/ligeras/02_conteos_y_tasas.html",
            "Voilà 02": "/voila/render/tableros/02_conteos_y_tasas.ipynb"}
        if not args.sin_libro:
            paginas["capítulo 02"] = f"/libro/{libro.CARPETA_MODULOS}/02_conteos_y_tasas.html"
        corridas: dict[str, list[dict]] = {nombre: [] for nombre in paginas}
        for i in range(args.corridas):
            for nombre, ruta in paginas.items():
                archivo = nombre.replace(" ", "_").replace("à", "a").replace("í", "i")
                archivo += f"_{i + 1}.json" if args.corridas > 1 else ".json"
                r = medir(servidor.url(ruta), args.informes and args.informes / archivo)
                r["carga"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
                corridas[nombre].append(r)
    finally:
        servidor.detener()
    # La mediana de cada columna por separado (no es una corrida en particular).
    resultados = {nombre: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for nombre, rs in corridas.items()}
    print(f"{'página':<16} {'rend.':>5} {'acces.':>6} {'KB':>7} {'pedidos':>7} {'LCP s':>6} "
          f"{'bloqueo ms':>10} {'TTI s':>6} {'carga':>5}")
    filas = [(f"{nombre} #{i + 1}", r) for nombre, rs in corridas.items() for i, r in enumerate(rs)] \
        if args.corridas > 1 else []
    filas += [(f"{nombre} (mediana)" if args.corridas > 1 else nombre, r) for nombre, r in resultados.items()]
    for nombre, r in filas:
        print(f"{nombre:<16} {r['rendimiento']:>5.0f} {r['accesibilidad']:>6.0f} {r['kb']:>7.0f} {r['pedidos']:>7.0f} "
              f"{r['lcp_s']:>6.2f} {r['bloqueo_ms']:>10.0f} {r['tti_s']:>6.2f} {r['carga']:>5.1f}")
    if not args.solo_libro:
        razon = resultados["ligera 02"]["tti_s"] / resultados["Voilà 02"]["tti_s"]
        print(f"Razón TTI ligera / TTI Voilà (misma corrida): {razon:.2f} (meta ≤ 0,2)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
