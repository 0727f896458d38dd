"""Reglas del proyecto: dos órdenes, entorno único, cuadernos sin salidas, estilo, sin CDN."""

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent


def _nombre(requisito: str) -> str:
    return re.split(r"[<>=!~ ;\[]", requisito.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _especificacion(requisito: str) -> str:
    sin_comentario = requisito.split("#")[0]
    return sin_comentario[len(_nombre(sin_comentario)) :].replace(" ", "")


# Paquetes que en conda-forge tienen otro nombre que en PyPI (conda-forge -> PyPI).
NOMBRES_CONDA = {"h3-py": "h3", "brotli-python": "brotli", "jupyterlab_widgets": "jupyterlab-widgets"}


def test_environment_yml_lista_lo_mismo_que_pyproject():
    """Todas las dependencias del taller, con los mismos rangos; de las pruebas, solo las que se
    quieran (con el mismo rango). Python con los mismos límites que requires-python."""
    proyecto = tomllib.loads((RAIZ / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    esperado = {_nombre(r): _especificacion(r) for r in proyecto["dependencies"]}
    de_pruebas = {_nombre(r): _especificacion(r) for extra in proyecto["optional-dependencies"].values()
                  for r in extra}

    conda = {}
    texto = (RAIZ / "environment.yml").read_text(encoding="utf-8")
    for linea in texto.split("dependencies:", 1)[1].splitlines():
        m = re.match(r"^  - ([A-Za-z0-9_.-]+)(.*)$", linea)
        if m and m.group(1) not in {"python", "pip"}:
            nombre = NOMBRES_CONDA.get(m.group(1).lower(), m.group(1).lower())
            conda[nombre] = m.group(2).split("#")[0].replace(" ", "")
        # las que conda-forge no tiene con ese nombre van en la sección pip, con el mismo rango
        m = re.match(r"^      - ([A-Za-z][A-Za-z0-9_.-]*)([<>=!~][^#]*)?(?:#.*)?$", linea)
        if m:
            conda[m.group(1).lower()] = (m.group(2) or "").replace(" ", "")
    assert {n: e for n, e in conda.items() if n in esperado} == esperado
    assert {n: e for n, e in conda.items() if n not in esperado}.items() <= de_pruebas.items()
    assert "name: escuela-lideres" in texto and "conda-forge" in texto
    python = re.search(r"^  - python(\S*)", texto, re.MULTILINE).group(1)
    assert python == proyecto["requires-python"].replace(" ", "")
    assert re.search(r"^      - -e \.", texto, re.MULTILINE), "falta el paquete (pip: -e .)"


def test_cada_rango_fijado_dice_por_que():
    texto = (RAIZ / "pyproject.toml").read_text(encoding="utf-8")
    bloque = texto.split("dependencies = [", 1)[1].split("]", 1)[0]
    for linea in bloque.splitlines():
        if "<" in linea and '"' in linea:
            assert "#" in linea, f"Falta el comentario que explica el tope: {linea.strip()}"


def test_readme_muestra_las_dos_ordenes():
    readme = (RAIZ / "README.md").read_text(encoding="utf-8")
    assert "make taller" in readme and "make test" in readme
    assert "make test" in (RAIZ / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "carpeta",
    [".venv/", "book/_build/", "exercises/release/", "submitted/", "autograded/", "feedback/", "gradebook.db"],
)
def test_gitignore_cubre_lo_generado(carpeta):
    lineas = (RAIZ / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert any(linea.strip().rstrip("/") .endswith(carpeta.rstrip("/")) for linea in lineas)


def _cuadernos_del_proyecto():
    ignorar = {".venv", "_build", "release", "submitted", "autograded", "feedback", ".ipynb_checkpoints"}
    for ruta in sorted(RAIZ.rglob("*.ipynb")):
        partes = set(ruta.relative_to(RAIZ).parts)
        if not partes & ignorar and not any(p.startswith(".") for p in ruta.relative_to(RAIZ).parts):
            yield ruta


def test_cuadernos_sin_salidas():
    con_salidas = []
    for ruta in _cuadernos_del_proyecto():
        cuaderno = json.loads(ruta.read_text(encoding="utf-8"))
        for celda in cuaderno["cells"]:
            if celda.get("outputs") or celda.get("execution_count"):
                con_salidas.append(str(ruta.relative_to(RAIZ)))
                break
    assert not con_salidas, f"Cuadernos con salidas (usar nbstripout): {con_salidas}"


def test_ruff_sin_observaciones():
    resultado = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", str(RAIZ)],
        capture_output=True,
        text=True,
        cwd=RAIZ,
    )
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr


def test_nada_apunta_a_un_cdn():
    patron = re.compile(r"cdn\.jsdelivr|unpkg\.com|cdnjs\.|fonts\.googleapis|tile\.openstreetmap|api\.mystmd")
    encontrados = []
    for carpeta in ["lideres", "book", "notebooks", "exercises/source"]:
        for ruta in (RAIZ / carpeta).rglob("*"):
            if ruta.is_file() and "_build" not in ruta.parts and ruta.suffix in {
                ".py", ".html", ".j2", ".js", ".css", ".yml", ".md", ".ipynb", ".json", ".tpl",
            }:
                if patron.search(ruta.read_text(encoding="utf-8", errors="ignore")):
                    encontrados.append(str(ruta.relative_to(RAIZ)))
    assert not encontrados, f"Referencias a servidores externos: {encontrados}"
