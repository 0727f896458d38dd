"""Los ejercicios de nbgrader: generados desde su preguntas.toml, bien armados, con solución que pasa,
versión liberada que falla sin responder y sin ninguna respuesta a la vista (ni en el paquete)."""

from __future__ import annotations

import ast
import json
import re
import subprocess
from pathlib import Path

import pytest

from lideres import banco, rutas
from lideres.banco import autoria, cuaderno
from lideres.curso import recoger

EJERCICIOS = autoria.ejercicios()
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _fuente(ejercicio: str) -> Path:
    return rutas.CURSO / "source" / ejercicio / f"{ejercicio}.ipynb"


def _celdas(ruta: Path) -> list[dict]:
    datos = json.loads(ruta.read_text(encoding="utf-8"))
    for celda in datos["cells"]:
        celda["texto"] = "".join(celda["source"]) if isinstance(celda["source"], list) else celda["source"]
    return datos["cells"]


def _meta(celda: dict) -> dict:
    return (celda.get("metadata") or {}).get("nbgrader") or {}


def _nbgrader(curso: Path, *argumentos: str) -> subprocess.CompletedProcess:
    return autoria.nbgrader(curso, *argumentos)


def test_hay_ejercicios_y_la_plantilla_no_es_uno():
    assert "02_conteos_y_tasas" in EJERCICIOS and "_plantilla" not in EJERCICIOS
    with pytest.raises(Exception, match="no existe"):
        recoger.cuadernos_del_ejercicio(rutas.CURSO, "_plantilla")  # no tiene cuaderno: no se asigna
    assert not list((rutas.CURSO / "_plantilla").glob("*.ipynb"))


def test_el_formgrader_no_lista_la_plantilla_como_tarea():
    """nbgrader toma cada carpeta de source/ como una tarea: la plantilla vive fuera (exercises/_plantilla)."""
    from nbgrader.apps.api import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    api = NbGraderAPI(coursedir=CourseDirectory(root=str(rutas.CURSO)))
    tareas = api.get_source_assignments()
    assert "02_conteos_y_tasas" in tareas
    assert not [t for t in tareas if t.startswith(("_", "."))], tareas
    assert (rutas.CURSO / "_plantilla" / "preguntas.toml").is_file()


@pytest.mark.parametrize("ejercicio", EJERCICIOS)
def test_el_cuaderno_es_el_que_sale_del_banco(ejercicio):
    assert cuaderno.cuaderno_al_dia(ejercicio), (
        f"{_fuente(ejercicio).name} no está al día: corre `lideres curso generar {ejercicio}`")


@pytest.mark.parametrize("ejercicio", EJERCICIOS)
def test_cuaderno_sin_salidas(ejercicio):
    for celda in _celdas(_fuente(ejercicio)):
        if celda["cell_type"] == "code":
            assert celda["outputs"] == [] and celda["execution_count"] is None


@pytest.mark.parametrize("ejercicio", EJERCICIOS)
def test_ids_unicos_y_en_formato_slug(ejercicio):
    gids = [_meta(c)["grade_id"] for c in _celdas(_fuente(ejercicio)) if _meta(c)]
    assert len(gids) == len(set(gids))
    assert all(SLUG.match(g) for g in gids), gids
    for p in banco.cargar(ejercicio).automaticas:
        assert {p.id, f"{p.id}-revisar", f"{p.id}-prueba"} <= set(gids)


@pytest.mark.parametrize("ejercicio", EJERCICIOS)
def test_puntos_suman_lo_declarado(ejercicio):
    b = banco.cargar(ejercicio)
    celdas = _celdas(_fuente(ejercicio))
    total = float(re.search(r"Puntaje total: ([\d.]+) puntos?", celdas[0]["texto"]).group(1))
    puntos = [float(_meta(c).get("points", 0)) for c in celdas if _meta(c).get("grade")]
    assert sum(puntos) == total == b.puntos
    pregunta, por_pregunta = None, {}
    for celda in celdas:
        titulo = re.match(r"## Pregunta (\d+)\b.*\(([\d.]+) puntos?\)", celda["texto"])
        if celda["cell_type"] == "markdown" and titulo:
            pregunta = titulo.group(1)
            por_pregunta[pregunta] = [float(titulo.group(2)), 0]
        elif _meta(celda).get("grade"):
            assert pregunta is not None, "celda calificada antes de la primera pregunta"
            por_pregunta[pregunta][1] += float(_meta(celda)["points"])
    assert len(por_pregunta) == len(b.preguntas)
    for numero, (declarado, suma) in por_pregunta.items():
        assert declarado == suma, f"Pregunta {numero}: dice {declarado} puntos y sus celdas suman {suma}"
    manuales = [c for c in celdas if _meta(c).get("grade") and _meta(c).get("solution")]
    assert len(manuales) == 1 and manuales[0]["cell_type"] == "markdown"  # la escrita se revisa a mano


@pytest.mark.parametrize("ejercicio", EJERCICIOS)
def test_cada_prueba_calificada_tiene_docstring_sin_la_respuesta(ejercicio):
    b = banco.cargar(ejercicio)
    patrones = autoria.patrones_de_respuestas(b)
    pruebas = [c for c in _celdas(_fuente(ejercicio)) if _meta(c).get("grade") and not _meta(c).get("solution")]
    assert len(pruebas) == len(b.automaticas)
    for celda in pruebas:
        docstring = ast.get_docstring(ast.parse(celda["texto"]))
        assert docstring and _meta(celda).get("locked"), celda["texto"][:60]
        assert not [d for d, patron in patrones.items() if patron.search(docstring)], docstring
        visible, oculto = celda["texto"].split("### BEGIN HIDDEN TESTS")
        assert "assert" not in visible and "revisar.es(" in oculto


@pytest.mark.parametrize("ejercicio", EJERCICIOS)
def test_revisiones_visibles_sin_puntos_y_sin_assert(ejercicio):
    revisiones = [c for c in _celdas(_fuente(ejercicio)) if _meta(c).get("grade_id", "").endswith("-revisar")]
    assert len(revisiones) == len(banco.cargar(ejercicio).automaticas)
    for celda in revisiones:
        assert not _meta(celda)["grade"] and _meta(celda)["locked"] and "points" not in _meta(celda)
        assert "assert" not in celda["texto"] and "revisar(" in celda["texto"]


@pytest.mark.parametrize("ejercicio", EJERCICIOS)
def test_respuestas_de_una_linea(ejercicio):
    for celda in _celdas(_fuente(ejercicio)):
        if _meta(celda).get("solution") and celda["cell_type"] == "code":
            solucion = celda["texto"].split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0].strip()
            assert len(solucion.splitlines()) == 1 and solucion.startswith("respuesta = "), solucion


def test_la_configuracion_no_libera_el_banco():
    config = (rutas.CURSO / "nbgrader_config.py").read_text(encoding="utf-8")
    assert re.search(r"c\.CourseDirectory\.ignore = \[.*\"preguntas\.toml\"", config)


# --- con nbgrader de verdad ------------------------------------------------------------------------

@pytest.fixture(scope="module", params=EJERCICIOS)
def curso(request, curso_de_la_sesion):
    """Un curso limpio con el ejercicio ya liberado (release/): el de la sesión (conftest.py), que
    estas pruebas solo leen."""
    assert (curso_de_la_sesion / "release" / request.param).is_dir()
    return curso_de_la_sesion, request.param


@pytest.mark.lento
def test_la_fuente_pasa_nbgrader_validate(curso):
    carpeta, ejercicio = curso
    hecho = _nbgrader(carpeta, "validate", str(carpeta / "source" / ejercicio / f"{ejercicio}.ipynb"))
    assert "Success! Your notebook passes all the tests." in hecho.stdout, hecho.stdout + hecho.stderr


@pytest.mark.lento
def test_la_version_liberada_falla_validate(curso):
    carpeta, ejercicio = curso
    hecho = _nbgrader(carpeta, "validate", str(carpeta / "release" / ejercicio / f"{ejercicio}.ipynb"))
    assert "VALIDATION FAILED" in hecho.stdout, hecho.stdout + hecho.stderr


@pytest.mark.lento
def test_ninguna_respuesta_en_lo_liberado(curso):
    """Issue 7, punto 2: ni las pruebas ocultas, ni las soluciones, ni las respuestas ni sus claves."""
    carpeta, ejercicio = curso
    b = banco.cargar(ejercicio)
    liberado = carpeta / "release" / ejercicio
    archivos = [p for p in liberado.rglob("*") if p.is_file()]
    assert [p.name for p in archivos] == [f"{ejercicio}.ipynb"]  # preguntas.toml no se libera
    celdas = _celdas(archivos[0])
    texto = "\n".join(c["texto"] for c in celdas)
    for prohibido in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "revisar.es(",
                      *autoria.lineas_ocultas(b)):
        assert prohibido not in texto, prohibido
    assert autoria.lineas_ocultas(b) and all(linea in _fuente(ejercicio).read_text(encoding="utf-8") or
                                             json.dumps(linea, ensure_ascii=False)[1:-1] in
                                             _fuente(ejercicio).read_text(encoding="utf-8")
                                             for linea in autoria.lineas_ocultas(b))  # sí mira algo
    for celda in celdas:
        if _meta(celda).get("solution") and celda["cell_type"] == "code":
            assert celda["texto"].startswith("respuesta = ...  # ✍️")
    # El banco público que va dentro de la preparación es el del banco, sin respuestas a la vista.
    base64 = re.search(r'revisor\("([A-Za-z0-9+/=]+)"\)', texto).group(1)
    assert banco.decodificar(base64) == json.loads(json.dumps(b.publico()))
    assert autoria.respuestas_a_la_vista(b, liberado) == []
    assert [_meta(c).get("grade_id") for c in celdas] == [_meta(c).get("grade_id") for c in _celdas(_fuente(ejercicio))]


def test_ninguna_respuesta_en_el_paquete():
    """Issue 7, punto 2: lo que se instala (lideres/) no trae soluciones ni pruebas ocultas."""
    prohibidas = {linea for e in EJERCICIOS for linea in autoria.lineas_ocultas(banco.cargar(e))}
    assert prohibidas
    encontradas = []
    for ruta in (rutas.RAIZ / "lideres").rglob("*"):
        if not ruta.is_file() or ruta.suffix in {".pyc"}:
            continue
        texto = ruta.read_text(encoding="utf-8", errors="ignore")
        encontradas += [f"{ruta.name}: {linea}" for linea in prohibidas if linea in texto]
    assert not encontradas, encontradas


@pytest.mark.parametrize("ejercicio", EJERCICIOS)
def test_la_busqueda_de_respuestas_si_las_encuentra(ejercicio):
    """La fuente (con soluciones) sí deja ver respuestas: la búsqueda de la prueba anterior funciona."""
    b = banco.cargar(ejercicio)
    vistas = autoria.respuestas_a_la_vista(b, rutas.CURSO / "source" / ejercicio)
    assert "se liberó preguntas.toml" in vistas and "respuesta modelo de la escrita" in vistas
    # Líneas iguales (dos preguntas con la misma letra correcta: «respuesta = "b"») cuentan una vez.
    assert sum(v.startswith("línea oculta") for v in vistas) == len(set(autoria.lineas_ocultas(b)))
    assert sum(v.startswith("respuesta ") for v in vistas) >= len(b.automaticas)
