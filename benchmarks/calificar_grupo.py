"""Calificar un grupo de 40 entregas: `lideres curso calificar` contra `nbgrader autograde` solo.

Las dos mediciones usan las mismas 40 entregas (sintéticas, generadas con semilla desde el
cuaderno liberado) en dos copias del mismo curso, en la misma corrida:

- **base**: `nbgrader autograde EJERCICIO` tal cual, un proceso, de una entrega en una;
- **lideres**: `lideres curso calificar EJERCICIO`: cada entrega en su propio curso temporal; con
  bwrap, calificadores de confianza (nbgrader importado una vez, en una madre que se divide en uno por
  núcleo) y solo el kernel del participante dentro de bwrap, dos a la vez; sin bwrap, un proceso por
  entrega, de una en una. Más la retroalimentación HTML.

Con `--vueltas N` repite las dos mediciones N veces (cada vuelta con copias nuevas del curso,
alternando cuál va primero) e imprime la razón de cada vuelta, la mínima y la mediana: en una
máquina compartida la carga cambia de un minuto a otro.

Comprueba que los puntajes de cada celda sean iguales en los dos libros de notas e imprime la razón.

    .venv/bin/python benchmarks/calificar_grupo.py                # unos 1.5 minutos en 2 núcleos
    .venv/bin/python benchmarks/calificar_grupo.py --vueltas 3
    .venv/bin/python benchmarks/calificar_grupo.py --n 10         # prueba corta
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
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
    argumentos.add_argument("--vueltas", type=int, default=1, help="veces que se repiten las dos mediciones (1)")
    argumentos.add_argument("--a-la-vez", type=int, default=None, help="calificadores de lideres (2)")
    opciones = argumentos.parse_args()
    n = opciones.n

    with tempfile.TemporaryDirectory(prefix="bench-calificar-") as temporal:
        raiz = Path(temporal)
        curso, _ = motor.preparar_curso(raiz / "lideres")
        motor.asignar(curso, EJERCICIO)
        liberado = ejemplos.leer(curso / "release" / EJERCICIO / f"{EJERCICIO}.ipynb")
        entregas = raiz / "entregas"
        for nombre, cuaderno in ejemplos.grupo_aleatorio(liberado, n).items():
            ejemplos.escribir(cuaderno, entregas / nombre / f"{EJERCICIO}.ipynb")
        recoger.recoger(curso, EJERCICIO, entregas)
        limpio = raiz / "limpio"
        shutil.copytree(curso, limpio)  # mismas entregas, mismo libro de notas, en cada vuelta

        print(f"Calificando {n} entregas sintéticas de {EJERCICIO} "
              f"({os.cpu_count()} núcleos, {platform.system()} {platform.machine()}, Python "
              f"{platform.python_version()}; carga al empezar {_carga():.1f}; "
              f"bwrap: {'sí' if motor.bwrap_disponible() else 'no'})...")
        vueltas = []
        for vuelta in range(opciones.vueltas):
            base, nuestro = raiz / f"base-{vuelta}", raiz / f"lideres-{vuelta}"
            shutil.copytree(limpio, base)
            shutil.copytree(limpio, nuestro)
            carga = _carga()
            medidas = {}
            orden = ("base", "lideres") if vuelta % 2 == 0 else ("lideres", "base")
            for cual in orden:
                if cual == "base":
                    orden_base = [sys.executable, "-m", "nbgrader", "autograde", EJERCICIO]
                    medidas["base"] = _medir(orden_base, base)
                else:
                    orden_lideres = [sys.executable, "-m", "lideres.cli", "curso", "calificar", EJERCICIO,
                                     "--curso", str(nuestro)]
                    if opciones.a_la_vez:
                        orden_lideres += ["--a-la-vez", str(opciones.a_la_vez)]
                    medidas["lideres"] = _medir(orden_lideres, None)
                if medidas[cual] is None:
                    return 1
            (t_base, cpu_base), (t_lideres, cpu_lideres) = medidas["base"], medidas["lideres"]
            p_base, p_lideres = motor.puntajes_por_celda(base, EJERCICIO), motor.puntajes_por_celda(nuestro, EJERCICIO)
            iguales = p_base == p_lideres and len(p_base) == n
            razon = t_lideres / t_base
            vueltas.append({"segundos_base": round(t_base, 1), "segundos_lideres": round(t_lideres, 1),
                            "razon": round(razon, 3), "mismos_puntajes": iguales, "orden": list(orden),
                            "cpu_base": round(cpu_base, 1), "cpu_lideres": round(cpu_lideres, 1),
                            "carga_inicio": round(carga, 2), "carga_final": round(_carga(), 2)})
            print(f"  vuelta {vuelta + 1} ({' y luego '.join(orden)}): base (nbgrader autograde, secuencial) "
                  f"{t_base:6.1f} s · lideres (aislado + retroalimentación) {t_lideres:6.1f} s · "
                  f"razón {razon:.2f} · mismos puntajes en las {len(p_base)}: {'sí' if iguales else 'NO'} · "
                  f"carga {carga:.1f} → {_carga():.1f}")
            if cpu_base == cpu_base:  # no es NaN
                print(f"    CPU contada: base {cpu_base:.1f} s, lideres {cpu_lideres:.1f} s (la de los kernels "
                      "dentro de bwrap no se cuenta: sus procesos no son hijos esperados)")
            shutil.rmtree(base)
            shutil.rmtree(nuestro)

        razones = [v["razon"] for v in vueltas]
        print(f"  razón lideres / base: {', '.join(f'{r:.2f}' for r in razones)} "
              f"(mínima {min(razones):.2f}, mediana {statistics.median(razones):.2f})")
        RESULTADOS.mkdir(exist_ok=True)
        (RESULTADOS / "calificar_grupo.json").write_text(json.dumps({
            "fecha": dt.datetime.now().isoformat(timespec="seconds"), "entregas": n,
            "nucleos": os.cpu_count(), "bwrap": motor.bwrap_disponible(),
            "maquina": f"{platform.system()} {platform.machine()}, Python {platform.python_version()}",
            "vueltas": vueltas, "razon_minima": min(razones), "razon_mediana": statistics.median(razones),
        }, indent=2), encoding="utf-8")
        return 0 if all(v["mismos_puntajes"] for v in vueltas) else 1


def _medir(orden: list[str], carpeta: Path | None) -> tuple[float, float] | None:
    """(segundos, CPU de los procesos hijos) de una orden; None si falló."""
    cpu = _cpu_hijos()
    inicio = time.perf_counter()
    hecho = subprocess.run(orden, cwd=carpeta, env=motor.entorno_base(), capture_output=True, text=True,
                           check=False)
    segundos = time.perf_counter() - inicio
    if hecho.returncode != 0:
        print(hecho.stdout[-3000:], hecho.stderr[-3000:])
        return None
    return segundos, _cpu_hijos() - cpu


def _carga() -> float:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


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
