"""`lideres curso recoger EJERCICIO --intercambio`: lo que enviaron los participantes al intercambio de
nbgrader (JupyterHub, pestaña de tareas de JupyterLab) se recoge como una carpeta o un zip.

Los participantes reciben y envían con las mismas clases de nbgrader que usa esa pestaña
(`ExchangeFetchAssignment`, `ExchangeSubmit`), cada uno desde su propia carpeta."""

from __future__ import annotations

import json
import sys

import pytest

from lideres import cli
from lideres.banco.cuaderno import cuaderno_con_respuestas

pytestmark = [
    pytest.mark.lento,
    pytest.mark.skipif(sys.platform == "win32", reason="el intercambio de nbgrader es de servidores Linux o macOS (JupyterHub)"),
]
EJERCICIO = "02_conteos_y_tasas"
CURSO_ID = "escuela_lideres"


def _config(intercambio, casa, usuario):
    from traitlets.config import Config

    config = Config()
    config.Exchange.root = str(intercambio)
    config.Exchange.cache = str(casa / ".cache_nbgrader")
    config.Exchange.assignment_dir = str(casa)
    config.CourseDirectory.root = str(casa)
    config.CourseDirectory.course_id = CURSO_ID
    config.CourseDirectory.assignment_id = EJERCICIO
    config.CourseDirectory.student_id = usuario
    return config


def participante_envia(intercambio, casa, usuario, respuestas):
    """Lo que hacen «Fetch» y «Submit» de la pestaña de tareas, para `usuario`."""
    import nbformat
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange.default import ExchangeFetchAssignment, ExchangeSubmit

    casa.mkdir(parents=True, exist_ok=True)
    for clase in (ExchangeFetchAssignment, ExchangeSubmit):
        if clase is ExchangeSubmit:
            respondido = cuaderno_con_respuestas(casa / EJERCICIO, respuestas)
            nbformat.write(respondido, casa / EJERCICIO / f"{EJERCICIO}.ipynb")
        config = _config(intercambio, casa, usuario)
        clase(coursedir=CourseDirectory(config=config), authenticator=Authenticator(config=config),
              config=config).start()


@pytest.fixture
def curso_con_intercambio(tmp_path):
    from lideres.curso import motor

    curso, _ = motor.preparar_curso(tmp_path / "curso")
    intercambio = tmp_path / "intercambio"
    intercambio.mkdir()
    with open(curso / "nbgrader_config.py", "a", encoding="utf-8") as config:
        config.write(f"\nc.Exchange.root = {str(intercambio)!r}\n")
    assert cli.main(["curso", "asignar", EJERCICIO, "--curso", str(curso)]) == 0
    return curso, intercambio


def test_recoger_del_intercambio_como_de_una_carpeta(curso_con_intercambio, tmp_path, capsys):
    curso, intercambio = curso_con_intercambio
    participante_envia(intercambio, tmp_path / "casas" / "ana", "ana", {"tasa-por-100k": 250})
    participante_envia(intercambio, tmp_path / "casas" / "Luis_Peña", "Luis_Peña", {})
    capsys.readouterr()

    assert cli.main(["curso", "recoger", EJERCICIO, "--intercambio", "--curso", str(curso)]) == 0
    salida = capsys.readouterr()
    assert "Recogidas 2 entregas" in salida.out and "Traceback" not in salida.err
    for codigo in ("ana", "luis-pena"):  # el nombre de usuario pasa por la misma limpieza de nombres
        assert (curso / "submitted" / codigo / EJERCICIO / f"{EJERCICIO}.ipynb").is_file()
    # cuenta cuándo envió cada persona (para las entregas tardías), como en el intercambio
    enviado = next((intercambio / CURSO_ID / "inbound").glob("ana+*")) / "timestamp.txt"
    assert (curso / "submitted" / "ana" / EJERCICIO / "timestamp.txt").read_text("utf-8") == \
        enviado.read_text("utf-8").strip()
    recibido = json.loads(next((curso / "recibidos" / EJERCICIO).glob("*/recojo.json")).read_text("utf-8"))
    assert recibido["origen"].startswith("intercambio de nbgrader")
    # el intercambio no se toca: otra persona o el formgrader puede volver a recoger
    assert len(list((intercambio / CURSO_ID / "inbound").iterdir())) == 2
    assert "Collecting submission" in (curso / "nbgrader.log").read_text(encoding="utf-8")


def test_intercambio_vacio_o_sin_configurar_dice_que_hacer(curso_con_intercambio, tmp_path, capsys):
    curso, _ = curso_con_intercambio
    capsys.readouterr()
    assert cli.main(["curso", "recoger", EJERCICIO, "--intercambio", "--curso", str(curso)]) == 0
    assert "Nadie ha enviado todavía" in capsys.readouterr().out

    with open(curso / "nbgrader_config.py", "a", encoding="utf-8") as config:  # otra carpeta, que no existe
        config.write(f"\nc.Exchange.root = {str(tmp_path / 'no_existe')!r}\n")
    assert cli.main(["curso", "recoger", EJERCICIO, "--intercambio", "--curso", str(curso)]) == 1
    error = capsys.readouterr().err
    assert "intercambio de nbgrader" in error and "Traceback" not in error

    assert cli.main(["curso", "recoger", EJERCICIO, "--curso", str(curso)]) == 1
    assert "--intercambio" in capsys.readouterr().err
