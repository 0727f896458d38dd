"""El ejercicio de nbgrader 02_conteos_y_tasas: bien armado, con solución que pasa y versión liberada limpia."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lideres import rutas
from lideres.curso import motor
from tests import ejemplos

EJERCICIO = "02_conteos_y_tasas"
FUENTE = rutas.CURSO / "source" / EJERCICIO / f"{EJERCICIO}.ipynb"
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _celdas(ruta: Path) -> list[dict]:
    cuaderno = json.loads(ruta.read_text(encoding="utf-8"))
    for celda in cuaderno["cells"]:
        celda["texto"] = "".join(celda["source"]) if isinstance(celda["source"], list) else celda["source"]
    return cuaderno["cells"]


_meta = ejemplos.meta


def _nbgrader(curso: Path, *argumentos: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nbgrader", *argumentos], cwd=curso, capture_output=True,
                          text=True, check=False, timeout=300)


@pytest.fixture(scope="module")
def curso(tmp_path_factory) -> Path:
    """Un curso limpio con el ejercicio ya liberado (release/)."""
    carpeta, _ = motor.preparar_curso(tmp_path_factory.mktemp("curso"))
    hecho = _nbgrader(carpeta, "generate_assignment", EJERCICIO)
    assert hecho.returncode == 0, hecho.stdout + hecho.stderr
    return carpeta


def test_cuaderno_sin_salidas():
    for celda in _celdas(FUENTE):
        if celda["cell_type"] == "code":
            assert celda["outputs"] == [] and celda["execution_count"] is None


def test_ids_unicos_y_en_formato_slug():
    gids = [_meta(c)["grade_id"] for c in _celdas(FUENTE) if _meta(c)]
    assert len(gids) == len(set(gids))
    assert all(SLUG.match(g) for g in gids), gids
    assert {"tasa-por-100k", "prueba-tasa-por-100k-visible", "prueba-tasa-por-100k-oculta"} <= set(gids)


def test_puntos_suman_lo_declarado():
    celdas = _celdas(FUENTE)
    total = int(re.search(r"Puntaje total: (\d+) puntos", celdas[0]["texto"]).group(1))
    puntos = [float(_meta(c).get("points", 0)) for c in celdas if _meta(c).get("grade")]
    assert sum(puntos) == total
    # cada pregunta declara sus puntos en el título: deben ser los de sus celdas calificadas
    pregunta, por_pregunta = None, {}
    for celda in celdas:
        titulo = re.match(r"## Pregunta (\d+)\..*\((\d+) puntos?\)", celda["texto"])
        if celda["cell_type"] == "markdown" and titulo:
            pregunta = titulo.group(1)
            por_pregunta[pregunta] = [int(titulo.group(2)), 0]
        elif _meta(celda).get("grade"):
            assert pregunta is not None, "celda calificada antes de la primera pregunta"
            por_pregunta[pregunta][1] += float(_meta(celda)["points"])
    assert len(por_pregunta) == 4
    for numero, (declarado, suma) in por_pregunta.items():
        assert declarado == suma, f"Pregunta {numero}: dice {declarado} puntos y sus celdas suman {suma}"
    manuales = [c for c in celdas if _meta(c).get("grade") and _meta(c).get("solution")]
    assert len(manuales) == 1 and manuales[0]["cell_type"] == "markdown"  # la reflexión se revisa a mano


def test_cada_prueba_tiene_docstring_y_pista():
    pruebas = [c for c in _celdas(FUENTE) if _meta(c).get("grade") and not _meta(c).get("solution")]
    assert len(pruebas) == 6
    for celda in pruebas:
        assert ast.get_docstring(ast.parse(celda["texto"])), celda["texto"][:60]
        assert _meta(celda).get("locked")
        if _meta(celda)["grade_id"].endswith("-visible"):
            assert "Pista:" in celda["texto"]
        else:
            assert "### BEGIN HIDDEN TESTS" in celda["texto"]


def test_respuestas_de_una_linea():
    for celda in _celdas(FUENTE):
        if _meta(celda).get("solution") and celda["cell_type"] == "code":
            solucion = celda["texto"].split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0].strip()
            assert len(solucion.splitlines()) == 1, solucion


@pytest.mark.lento
def test_la_fuente_pasa_nbgrader_validate(curso):
    hecho = _nbgrader(curso, "validate", str(curso / "source" / EJERCICIO / f"{EJERCICIO}.ipynb"))
    assert "Success! Your notebook passes all the tests." in hecho.stdout, hecho.stdout + hecho.stderr


@pytest.mark.lento
def test_la_version_liberada_falla_validate(curso):
    hecho = _nbgrader(curso, "validate", str(curso / "release" / EJERCICIO / f"{EJERCICIO}.ipynb"))
    assert "VALIDATION FAILED" in hecho.stdout, hecho.stdout + hecho.stderr


@pytest.mark.lento
def test_la_version_liberada_no_tiene_soluciones_ni_pruebas_ocultas(curso):
    liberado = curso / "release" / EJERCICIO / f"{EJERCICIO}.ipynb"
    celdas = _celdas(liberado)
    texto = "\n".join(c["texto"] for c in celdas)
    for prohibido in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "tasa_por_100k(1_250, 500_000)",
                      'respuesta = "Lince"', 'respuesta = "b"', "Le diría que tener más denuncias"):
        assert prohibido not in texto, prohibido
    fuente = "\n".join(c["texto"] for c in _celdas(FUENTE))
    assert all(p in fuente for p in ('respuesta = "Lince"', 'respuesta = "b"'))  # sí mira algo
    # Las pruebas ocultas usan las mismas reglas que las visibles (y no llegan al participante).
    ocultas = {_meta(c)["grade_id"]: c["texto"].split("### BEGIN HIDDEN TESTS")[1]
               for c in _celdas(FUENTE) if _meta(c).get("grade_id", "").endswith("-oculta")}
    assert ocultas == {
        "prueba-tasa-por-100k-oculta": "\nassert revisar.numero_cercano(respuesta_1, 250)\n### END HIDDEN TESTS",
        "prueba-distrito-tasa-mas-alta-oculta": '\nassert revisar.mismo_nombre(respuesta_2, "Lince")\n'
                                                "### END HIDDEN TESTS",
        "prueba-tasa-poco-confiable-oculta": '\nassert revisar.como_letra(respuesta_3) == "b"\n### END HIDDEN TESTS',
    }
    for celda in celdas:
        meta = _meta(celda)
        if meta.get("solution") and celda["cell_type"] == "code":
            assert celda["texto"].startswith("respuesta = ...  # ✍️")
        if meta.get("grade_id", "").endswith("-oculta"):
            assert "assert" not in celda["texto"]
            assert ast.get_docstring(ast.parse(celda["texto"]))
    assert [_meta(c).get("grade_id") for c in celdas] == [_meta(c).get("grade_id") for c in _celdas(FUENTE)]
