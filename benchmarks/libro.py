"""Benchmark de `lideres libro`: construcción completa contra reconstrucciones, en la misma corrida.

Sobre una copia temporal del libro y de los cuadernos (el libro real no se toca):
1. **completa**: `construir(forzar=True)`, sin caché: se ejecutan todos los capítulos (la base);
2. **sin cambios**: `construir()` otra vez, sin cambiar nada;
3. **texto cambiado**: se cambia una celda de texto de la lección del primer módulo listo: se vuelve
   a construir el HTML, pero ningún capítulo se ejecuta (todos salen de la caché de myst-nb);
4. **un capítulo cambiado**: se agrega una celda de código a esa lección: solo ese capítulo vuelve a
   ejecutarse (se cuenta en el registro de myst-nb).

Imprime los tiempos y las razones contra la completa. No es una prueba: no falla por lento.

    .venv/bin/python benchmarks/libro.py [--repeticiones 3]
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

from lideres import libro, rutas  # noqa: E402
from lideres.modulos import MODULOS  # noqa: E402

RESULTADOS = RAIZ / "benchmarks" / "_resultados"


def _ejecutados(book: Path) -> tuple[int, int]:
    """(capítulos ejecutados, capítulos tomados de la caché) según el registro de la construcción."""
    registro = libro.carpeta_html(book).parent / "construccion.log"
    if not registro.exists():
        return 0, 0
    texto = registro.read_text(encoding="utf-8", errors="replace")
    return len(re.findall(r"Executed notebook in", texto)), len(re.findall(r"Using cached notebook", texto))


def _medir(book: Path, cuadernos: Path, **kw) -> tuple[float, int, int]:
    registro = libro.carpeta_html(book).parent / "construccion.log"
    registro.unlink(missing_ok=True)
    inicio = time.perf_counter()
    libro.construir(book, cuadernos, imprimir=lambda *a: None, **kw)
    segundos = time.perf_counter() - inicio
    return (segundos, *_ejecutados(book))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeticiones", type=int, default=3)
    args = parser.parse_args()

    listos = [m for m in MODULOS if m.listo]
    with tempfile.TemporaryDirectory(prefix="lideres_libro_") as tmp:
        book = Path(tmp) / "book"
        cuadernos = Path(tmp) / "notebooks"
        shutil.copytree(rutas.LIBRO, book, ignore=shutil.ignore_patterns(
            "_build", libro.CARPETA_MODULOS, libro.CARPETA_GENERADO))
        shutil.copytree(rutas.CUADERNOS, cuadernos)
        filas = {"completa": [], "sin cambios": [], "texto cambiado": [], "un capítulo cambiado": []}
        leccion = cuadernos / listos[0].cuaderno
        for vuelta in range(args.repeticiones):
            filas["completa"].append(_medir(book, cuadernos, forzar=True))
            filas["sin cambios"].append(_medir(book, cuadernos))
            nb = json.loads(leccion.read_text(encoding="utf-8"))
            nb["cells"].append({"cell_type": "markdown", "metadata": {},
                                "source": f"Texto agregado por el benchmark ({vuelta})."})
            leccion.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")
            filas["texto cambiado"].append(_medir(book, cuadernos))
            nb["cells"].append({"cell_type": "code", "execution_count": None, "metadata": {},
                                "outputs": [], "source": f"vuelta = {vuelta}  # cambio del benchmark"})
            leccion.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")
            filas["un capítulo cambiado"].append(_medir(book, cuadernos))

    base = statistics.median(s for s, _, _ in filas["completa"])
    print(f"Libro con {len(listos)} capítulo(s) de módulo; mediana de {args.repeticiones} vueltas.")
    print(f"{'':24} {'segundos':>9} {'razón':>7} {'ejecutados':>11} {'de caché':>9}")
    resultado = {"maquina": f"{platform.system()} {platform.machine()}, Python {platform.python_version()}",
                 "capitulos": len(listos), "repeticiones": args.repeticiones}
    for nombre, medidas in filas.items():
        s = statistics.median(m[0] for m in medidas)
        ejecutados, cache = medidas[-1][1], medidas[-1][2]
        print(f"{nombre:24} {s:9.2f} {s / base:7.2f} {ejecutados:11d} {cache:9d}")
        resultado[nombre] = {"segundos": round(s, 2), "razon": round(s / base, 3),
                             "ejecutados": ejecutados, "de_cache": cache}
    RESULTADOS.mkdir(parents=True, exist_ok=True)
    (RESULTADOS / "libro.json").write_text(json.dumps(resultado, ensure_ascii=False, indent=1) + "\n",
                                           encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
