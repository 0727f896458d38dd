"""Calificar un grupo de 40 entregas: `lideres curso calificar` contra `nbgrader autograde` solo.

Las dos mediciones usan las mismas 40 entregas (sintéticas, generadas con semilla desde el
cuaderno liberado) en dos copias del mismo curso, en la misma corrida:

- **base**: `nbgrader autograde EJERCICIO` tal cual, un proceso, de una entrega en una;
- **lideres**: `lideres curso calificar EJERCICIO`: cada entrega en su propio curso temporal; con
  bwrap, un calificador de confianza por núcleo (nbgrader importado una vez) y solo el kernel del
  participante dentro de bwrap, dos a la vez; sin bwrap, un proceso por entrega, de una en una. Más
  la retroalimentación HTML.

Comprueba que los puntajes de cada celda sean iguales en los dos libros de notas e imprime la razón.

    .venv/bin/python benchmarks/calificar_grupo.py            # unos 3 minutos en 2 núcleos
    .venv/bin/python benchmarks/calificar_grupo.py --n 10     # prueba corta
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))  # las entregas de ejemplo viven con las pruebas

from lideres.curso import motor, recoger  # noqa: E402
from tests import ejemplos  # noqa: E402

EJERCICIO = "02_conteos_y_tasas"
RESULTADOS = Path(__file__).resolve().parent / "_resultados"


def main() -> int:
    argumentos = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumentos.add_argument("--n", type=int, default=40, help="entregas a generar (40)")
    n = argumentos.parse_args().n

    with tempfile.TemporaryDirectory(prefix="bench-calificar-") as temporal:
        raiz = Path(temporal)
        curso, _ = motor.preparar_curso(raiz / "lideres")
        motor.asignar(curso, EJERCICIO)
        liberado = ejemplos.leer(curso / "release" / EJERCICIO / f"{EJERCICIO}.ipynb")
        entregas = raiz / "entregas"
        for nombre, cuaderno in ejemplos.grupo_aleatorio(liberado, n).items():
            ejemplos.escribir(cuaderno, entregas / nombre / f"{EJERCICIO}.ipynb")
        recoger.recoger(curso, EJERCICIO, entregas)
        base = raiz / "base"
        shutil.copytree(curso, base)  # mismas entregas, mismo libro de notas

        carga = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"Calificando {n} entregas sintéticas de {EJERCICIO} "
              f"({os.cpu_count()} núcleos, {platform.system()} {platform.machine()}, Python "
              f"{platform.python_version()}; carga al empezar {carga:.1f}; "
              f"bwrap: {'sí' if motor.bwrap_disponible() else 'no'})...")
        cpu = _cpu_hijos()
        inicio = time.perf_counter()
        hecho = subprocess.run([sys.executable, "-m", "nbgrader", "autograde", EJERCICIO], cwd=base,
                               env=motor.entorno_base(), capture_output=True, text=True, check=False)
        t_base = time.perf_counter() - inicio
        cpu_base, cpu = _cpu_hijos() - cpu, _cpu_hijos()
        if hecho.returncode != 0:
            print(hecho.stdout[-3000:], hecho.stderr[-3000:])
            return 1
        print(f"  base    (nbgrader autograde, secuencial): {t_base:6.1f} s")

        inicio = time.perf_counter()
        hecho = subprocess.run([sys.executable, "-m", "lideres.cli", "curso", "calificar", EJERCICIO,
                                "--curso", str(curso)], env=motor.entorno_base(), capture_output=True, text=True,
                               check=False)
        t_lideres = time.perf_counter() - inicio
        cpu_lideres = _cpu_hijos() - cpu
        if hecho.returncode != 0:
            print(hecho.stdout[-3000:], hecho.stderr[-3000:])
            return 1
        print(f"  lideres (aislado + retroalimentación):    {t_lideres:6.1f} s")
        carga_final = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")

        p_base, p_lideres = motor.puntajes_por_celda(base, EJERCICIO), motor.puntajes_por_celda(curso, EJERCICIO)
        iguales = p_base == p_lideres and len(p_base) == n
        print(f"  mismos puntajes en las {len(p_base)} entregas: {'sí' if iguales else 'NO'}")
        razon = t_lideres / t_base
        if cpu_base == cpu_base:  # no es NaN
            print(f"  CPU usada (todos los procesos): base {cpu_base:.1f} s, lideres {cpu_lideres:.1f} s "
                  f"(razón {cpu_lideres / cpu_base:.2f}; con la máquina sola, lideres reparte esto en "
                  f"{min(2, os.cpu_count() or 1)} núcleos)")
        print(f"  razón lideres / base: {razon:.2f} "
              f"({'más rápido' if razon < 1 else 'más lento'}: {max(razon, 1 / razon):.2f} veces)")

        RESULTADOS.mkdir(exist_ok=True)
        (RESULTADOS / "calificar_grupo.json").write_text(json.dumps({
            "fecha": dt.datetime.now().isoformat(timespec="seconds"), "entregas": n,
            "nucleos": os.cpu_count(), "bwrap": motor.bwrap_disponible(),
            "segundos_base": round(t_base, 1), "segundos_lideres": round(t_lideres, 1),
            "razon": round(razon, 3), "mismos_puntajes": iguales,
            "cpu_base": round(cpu_base, 1), "cpu_lideres": round(cpu_lideres, 1),
            "carga_inicio": round(carga, 2), "carga_final": round(carga_final, 2),
            "maquina": f"{platform.system()} {platform.machine()}, Python {platform.python_version()}",
        }, indent=2), encoding="utf-8")
        return 0 if iguales else 1


def _cpu_hijos() -> float:
    """Segundos de CPU (usuario + sistema) de los procesos hijos terminados (NaN sin `resource`)."""
    try:
        import resource
    except ImportError:  # Windows
        return float("nan")
    uso = resource.getrusage(resource.RUSAGE_CHILDREN)
    return uso.ru_utime + uso.ru_stime


if __name__ == "__main__":
    sys.exit(main())
