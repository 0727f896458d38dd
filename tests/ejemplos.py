"""Entregas de ejemplo, generadas con código: para practicar el flujo, las pruebas y el benchmark.

Parten del cuaderno liberado (release/) y cambian solo las celdas de respuesta, como haría una
persona. Las "hostiles" imitan lo peor que puede llegar: bucles sin fin, pruebas borradas o
cambiadas, archivos dañados y código que intenta tocar el libro de notas.
"""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path

# Respuestas correctas del ejercicio 02, por id de celda de respuesta.
CORRECTAS_02 = {
    "tasa-por-100k": "respuesta = 250",
    "distrito-tasa-mas-alta": 'respuesta = "lince "',
    "tasa-poco-confiable": 'respuesta = "B)"',
    "conteo-o-tasa": 'respuesta = "b"',
    "tasa-del-cercado": 'respuesta = "c"',
    "reflexion-junta-vecinal": ("Le diría que más denuncias no es más peligro: hay que mirar la tasa "
                                "por 100 mil habitantes y desconfiar de tasas de distritos pequeños."),
}
INCORRECTAS_02 = {
    "tasa-por-100k": "respuesta = 0.0025",
    "distrito-tasa-mas-alta": 'respuesta = "San Juan de Lurigancho"',
    "tasa-poco-confiable": 'respuesta = "a"',
    "conteo-o-tasa": 'respuesta = "a"',
    "tasa-del-cercado": 'respuesta = "a"',
}


def leer(ruta: Path) -> dict:
    return json.loads(Path(ruta).read_text(encoding="utf-8"))


def meta(celda: dict) -> dict:
    """Los metadatos de nbgrader de una celda ({} si no es una celda de nbgrader)."""
    return (celda.get("metadata") or {}).get("nbgrader") or {}


def _id(celda: dict) -> str | None:
    return meta(celda).get("grade_id")


def responder(liberado: dict, respuestas: dict[str, str]) -> dict:
    """Copia del cuaderno liberado con estas respuestas en sus celdas (por id)."""
    cuaderno = copy.deepcopy(liberado)
    for celda in cuaderno["cells"]:
        gid = _id(celda)
        if gid in respuestas:
            fuente = "".join(celda["source"]) if isinstance(celda["source"], list) else celda["source"]
            if celda["cell_type"] == "code":
                lineas = fuente.split("\n")
                lineas[0] = respuestas[gid]  # la primera línea es "respuesta = ..."
                celda["source"] = "\n".join(lineas)
            else:
                celda["source"] = respuestas[gid]
    return cuaderno


def escribir(cuaderno, ruta: Path) -> Path:
    ruta.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(cuaderno, bytes):
        ruta.write_bytes(cuaderno)
    elif isinstance(cuaderno, str):
        ruta.write_text(cuaderno, encoding="utf-8")
    else:
        ruta.write_text(json.dumps(cuaderno, ensure_ascii=False, indent=1), encoding="utf-8")
    return ruta


def grupo_aleatorio(liberado: dict, n: int, semilla: int = 2025) -> dict[str, dict]:
    """n entregas (sintéticas) con una mezcla de respuestas correctas, incorrectas y en blanco."""
    azar = random.Random(semilla)
    nombres = ["Rosa", "Juan", "María", "Pedro", "Lucía", "José", "Ana", "Luis", "Carmen", "Jorge"]
    apellidos = ["Quispe", "Ñahui", "Mamani", "Huamán", "Flores", "Rojas", "Gutiérrez", "Chávez"]
    entregas = {}
    while len(entregas) < n:
        nombre = f"{azar.choice(nombres)} {azar.choice(apellidos)} {len(entregas) + 1}"
        respuestas = {}
        for gid, correcta in CORRECTAS_02.items():
            suerte = azar.random()
            if suerte < 0.6:
                respuestas[gid] = correcta
            elif suerte < 0.85 and gid in INCORRECTAS_02:
                respuestas[gid] = INCORRECTAS_02[gid]
        entregas[nombre] = responder(liberado, respuestas)
    return entregas


def hostiles(liberado: dict, curso_real: Path | None = None) -> dict[str, tuple[object, str]]:
    """{carpeta: (contenido, nombre de archivo)}: entregas rotas o maliciosas para las pruebas."""
    def con(gid: str, codigo: str) -> dict:
        return responder(liberado, {gid: codigo})

    sin_prueba = copy.deepcopy(liberado)
    sin_prueba["cells"] = [c for c in sin_prueba["cells"]
                           if _id(c) not in ("tasa-por-100k-revisar", "tasa-por-100k-prueba")]
    sin_prueba = responder(sin_prueba, {"tasa-por-100k": "respuesta = 1"})

    prueba_cambiada = responder(liberado, {"distrito-tasa-mas-alta": 'respuesta = "Comas"'})
    for celda in prueba_cambiada["cells"]:
        if _id(celda) in ("distrito-tasa-mas-alta-revisar", "distrito-tasa-mas-alta-prueba"):
            celda["source"] = "assert True"

    # Intenta borrar el libro de notas y las entregas de los demás, por rutas relativas, por
    # lideres.rutas y (si se le pasa) por la ruta absoluta del curso real. Luego responde bien.
    objetivos = ["../gradebook.db", "../../gradebook.db", "../../../gradebook.db"]
    carpetas = ["../../submitted", "../../../submitted", "../../../recibidos"]
    if curso_real is not None:
        objetivos.append(str(Path(curso_real) / "gradebook.db"))
        carpetas += [str(Path(curso_real) / "submitted"), str(Path(curso_real) / "recibidos")]
    vandalo = con("tasa-por-100k", "\n".join([
        "import os, shutil, contextlib, lideres.rutas",
        f"objetivos = {objetivos!r} + [str(lideres.rutas.CURSO / 'gradebook.db')]",
        f"carpetas = {carpetas!r} + [str(lideres.rutas.CURSO / 'submitted')]",
        "for o in objetivos:",
        "    with contextlib.suppress(Exception):",
        "        open(o, 'w').write('roto')",
        "    with contextlib.suppress(Exception):",
        "        os.remove(o)",
        "for c in carpetas:",
        "    with contextlib.suppress(Exception):",
        "        shutil.rmtree(c)",
        "respuesta = 250",
    ]))
    return {
        "Bucle Infinito": (con("tasa-por-100k", "while True: pass"), "02_conteos_y_tasas.ipynb"),
        "Sin Prueba": (sin_prueba, "02_conteos_y_tasas.ipynb"),
        "Prueba Cambiada": (prueba_cambiada, "02_conteos_y_tasas.ipynb"),
        "JSON Dañado": ('{"cells": [ {"cell_type": "code", ', "02_conteos_y_tasas.ipynb"),
        "Archivo Vacío": (b"", "02_conteos_y_tasas.ipynb"),
        "No Es Cuaderno": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "02_conteos_y_tasas.ipynb"),
        "Nombre Cambiado": (responder(liberado, CORRECTAS_02), "Copia de 02_conteos_y_tasas (1).ipynb"),
        "Vándalo": (vandalo, "02_conteos_y_tasas.ipynb"),
        "Sale Con Exit": (con("tasa-por-100k", "import sys; sys.exit(3)"), "02_conteos_y_tasas.ipynb"),
        "Mata Python": (con("distrito-tasa-mas-alta", "import os; os._exit(1)"), "02_conteos_y_tasas.ipynb"),
        "Salida Enorme": (con("tasa-por-100k", "print('x' * 3_000_000); print('y\\n' * 100_000); respuesta = 250"),
                          "02_conteos_y_tasas.ipynb"),
        "Formato Viejo": ('{"nbformat": 3, "nbformat_minor": 0, "worksheets": [], "metadata": {}}',
                          "02_conteos_y_tasas.ipynb"),
    }
