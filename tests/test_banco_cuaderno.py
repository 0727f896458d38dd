"""El cuaderno de una entrega hecha en el celular: respuestas como literales seguros (nunca código),
tamaños acotados, y nbgrader lo califica con todos los puntos si está bien y con cero si está en blanco."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import nbformat
import pytest
from nbgrader.utils import is_solution

from lideres import banco
from lideres.banco import autoria
from lideres.curso import motor

EJERCICIO = "02_conteos_y_tasas"
NB = f"{EJERCICIO}.ipynb"
CORRECTAS = {"tasa-por-100k": 250.0, "distrito-tasa-mas-alta": "Linse", "tasa-poco-confiable": "la b",
             "conteo-o-tasa": "B.", "tasa-del-cercado": "(c)",
             "reflexion-junta-vecinal": "Más denuncias no es más peligro: hay que mirar la tasa."}


@pytest.fixture(scope="module")
def liberado(tmp_path_factory) -> Path:
    curso, _ = motor.preparar_curso(tmp_path_factory.mktemp("curso_celular"))
    hecho = autoria.nbgrader(curso, "generate_assignment", EJERCICIO)
    assert hecho.returncode == 0, hecho.stdout + hecho.stderr
    return curso / "release" / EJERCICIO


def _soluciones(cuaderno) -> dict[str, str]:
    return {c.metadata["nbgrader"]["grade_id"]: c.source for c in cuaderno.cells if is_solution(c)}


def _valor(linea: str):
    """El valor de `respuesta = <literal>`; falla si no es un literal (si fuera código)."""
    arbol = ast.parse(linea)
    assert len(arbol.body) == 1 and isinstance(arbol.body[0], ast.Assign)
    assert arbol.body[0].targets[0].id == "respuesta"
    return ast.literal_eval(arbol.body[0].value)


def test_respuestas_como_literales(liberado):
    cuaderno = banco.cuaderno_con_respuestas(liberado, CORRECTAS, EJERCICIO)
    soluciones = _soluciones(cuaderno)
    assert _valor(soluciones["tasa-por-100k"]) == 250.0
    assert _valor(soluciones["distrito-tasa-mas-alta"]) == "Linse"
    assert _valor(soluciones["tasa-poco-confiable"]) == "la b"
    assert "hay que mirar la tasa" in soluciones["reflexion-junta-vecinal"]
    nbformat.validate(cuaderno)


@pytest.mark.parametrize("malicioso", [
    '__import__("os").system("touch /tmp/lideres-hackeado")',
    '"""', "'''", '"; import os; os.system("x"); "', "\\", "respuesta = 1\nimport os",
    "x" * 100_000, "\x00\r\n\u2028", "{{ 7*7 }}", "<script>alert(1)</script>",
])
def test_nada_se_vuelve_codigo(liberado, malicioso):
    respuestas = {"tasa-por-100k": malicioso, "distrito-tasa-mas-alta": malicioso,
                  "tasa-poco-confiable": [malicioso, 3], "reflexion-junta-vecinal": malicioso}
    cuaderno = banco.cuaderno_con_respuestas(liberado, respuestas, EJERCICIO)
    soluciones = _soluciones(cuaderno)
    for gid in ("tasa-por-100k", "distrito-tasa-mas-alta"):
        assert "\n" not in soluciones[gid]
        valor = _valor(soluciones[gid])
        assert isinstance(valor, str) and len(valor) <= 200 and malicioso.startswith(valor)
    assert _valor(soluciones["tasa-poco-confiable"])[1] == "3"
    escrita = soluciones["reflexion-junta-vecinal"]
    assert len(escrita) <= 2 * 2_000 + 10 and "<script>" not in escrita
    nbformat.validate(cuaderno)


def test_tamanos_y_tipos_raros(liberado):
    class Malo:
        def __str__(self):
            raise RuntimeError("no")

    respuestas = {"tasa-por-100k": float("nan"), "distrito-tasa-mas-alta": Malo(),
                  "tasa-poco-confiable": True, "reflexion-junta-vecinal": "é" * 5_000}
    soluciones = _soluciones(banco.cuaderno_con_respuestas(liberado, respuestas, EJERCICIO))
    assert _valor(soluciones["tasa-por-100k"]) == "nan"
    assert _valor(soluciones["distrito-tasa-mas-alta"]) == ""
    assert _valor(soluciones["tasa-poco-confiable"]) == "True"
    assert soluciones["reflexion-junta-vecinal"].count("é") == 2_000


def test_sin_respuesta_queda_el_stub(liberado):
    cuaderno = banco.cuaderno_con_respuestas(liberado, {"tasa-por-100k": None}, EJERCICIO)
    soluciones = _soluciones(cuaderno)
    assert soluciones["tasa-por-100k"] == "respuesta = ..."
    assert soluciones["distrito-tasa-mas-alta"].startswith("respuesta = ...  # ✍️")


@pytest.mark.lento
def test_nbgrader_califica_la_entrega_del_celular(liberado, tmp_path):
    curso = liberado.parent.parent
    marca = Path("/tmp/lideres-hackeado")
    marca.unlink(missing_ok=True)
    entregas = {
        "correcta": CORRECTAS,
        "en-blanco": {},
        "hostil": {gid: '__import__("os").system("touch /tmp/lideres-hackeado")' for gid in CORRECTAS},
        "con-coma": {"tasa-por-100k": "250,0", "distrito-tasa-mas-alta": "LINCE", "tasa-poco-confiable": "B)",
                     "conteo-o-tasa": "la b", "tasa-del-cercado": "C"},
    }
    for codigo, respuestas in entregas.items():
        destino = curso / "submitted" / codigo / EJERCICIO / NB
        destino.parent.mkdir(parents=True, exist_ok=True)
        destino.write_text(nbformat.writes(banco.cuaderno_con_respuestas(liberado, respuestas, EJERCICIO)),
                           encoding="utf-8")
    hecho = autoria.nbgrader(curso, "autograde", EJERCICIO, "--create")  # todas de una vez
    assert hecho.returncode == 0, hecho.stdout + hecho.stderr
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{curso / 'gradebook.db'}") as gb:
        def automatico(codigo: str) -> float:
            envio = gb.find_submission_notebook(EJERCICIO, EJERCICIO, codigo)
            return sum(g.auto_score or 0 for g in envio.grades)

        assert automatico("correcta") == 6
        assert automatico("con-coma") == 6
        assert automatico("en-blanco") == 0
        assert automatico("hostil") == 0
    assert not marca.exists()
    calificado = json.loads((curso / "autograded" / "correcta" / EJERCICIO / NB).read_text(encoding="utf-8"))
    salidas = json.dumps([c.get("outputs") for c in calificado["cells"]], ensure_ascii=False)
    assert "¡Bien! Se escribe «Lince»." in salidas and "Traceback" not in salidas
