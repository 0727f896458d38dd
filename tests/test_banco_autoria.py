"""Escribir un ejercicio nuevo: `lideres curso generar` y `lideres curso validar`, en español."""

from __future__ import annotations

import shutil

import pytest

from lideres import rutas
from lideres.cli import main

EJERCICIO = "02_conteos_y_tasas"


@pytest.fixture
def curso(tmp_path):
    """Una copia de los ejercicios del proyecto (nunca se toca exercises/)."""
    carpeta = tmp_path / "mi curso"
    shutil.copytree(rutas.CURSO / "source", carpeta / "source", ignore=shutil.ignore_patterns(".*"))
    shutil.copy2(rutas.CURSO / "nbgrader_config.py", carpeta / "nbgrader_config.py")
    return carpeta


def _correr(capsys, *argumentos) -> tuple[int, str]:
    codigo = main(["curso", *argumentos])
    salida = capsys.readouterr()
    return codigo, salida.out + salida.err


def test_generar_dice_si_cambio(curso, capsys):
    codigo, salida = _correr(capsys, "generar", EJERCICIO, "--curso", str(curso))
    assert codigo == 0 and "El cuaderno ya estaba al día" in salida
    cuaderno = curso / "source" / EJERCICIO / f"{EJERCICIO}.ipynb"
    cuaderno.write_text(cuaderno.read_text(encoding="utf-8").replace("Conteos y tasas", "Otro"), encoding="utf-8")
    codigo, salida = _correr(capsys, "generar", EJERCICIO, "--curso", str(curso))
    assert codigo == 0 and "Cuaderno creado de nuevo" in salida and "lideres curso validar" in salida
    assert "Conteos y tasas" in cuaderno.read_text(encoding="utf-8")


def test_generar_no_toca_la_plantilla(curso, capsys):
    codigo, salida = _correr(capsys, "generar", "_plantilla", "--curso", str(curso))
    assert codigo == 1 and "es una plantilla" in salida and "Traceback" not in salida
    assert not list((rutas.CURSO / "_plantilla").glob("*.ipynb"))


def test_validar_un_banco_mal_escrito(curso, capsys):
    banco = curso / "source" / EJERCICIO / "preguntas.toml"
    banco.write_text(banco.read_text(encoding="utf-8").replace('tipo = "distrito"', 'tipo = "lugar"'),
                     encoding="utf-8")
    codigo, salida = _correr(capsys, "validar", EJERCICIO, "--curso", str(curso))
    assert codigo == 1 and "Traceback" not in salida
    assert "Problema: preguntas.toml (línea" in salida and "«distrito-tasa-mas-alta»" in salida
    assert "«tipo» debe ser uno de" in salida and "Hay problemas" in salida


def test_generar_un_ejercicio_que_no_existe(curso, capsys):
    codigo, salida = _correr(capsys, "generar", "07_nada", "--curso", str(curso))
    assert codigo == 1 and "No existe el banco de preguntas" in salida and "_plantilla" in salida


@pytest.mark.lento
def test_validar_la_plantilla_de_punta_a_punta(curso, capsys):
    codigo, salida = _correr(capsys, "validar", "_plantilla", "--curso", str(curso))
    assert codigo == 0, salida
    for linea in ("se lee sin errores", "con las soluciones, el cuaderno pasa todas sus pruebas",
                  "sin responder, no pasa nbgrader validate", "en blanco saca 0 y con las respuestas",
                  "saca 4 de 4 puntos automáticos", "no deja ver las respuestas", "Todo bien"):
        assert linea in salida, salida
    assert "Problema" not in salida and "Traceback" not in salida
    assert not list((rutas.CURSO / "_plantilla").glob("*.ipynb"))  # se generó solo en una carpeta temporal


def test_validar_avisa_si_el_cuaderno_se_edito_a_mano(curso, capsys):
    cuaderno = curso / "source" / EJERCICIO / f"{EJERCICIO}.ipynb"
    cuaderno.write_text(cuaderno.read_text(encoding="utf-8").replace("¿Terminaste?", "Fin"), encoding="utf-8")
    codigo, salida = _correr(capsys, "validar", EJERCICIO, "--curso", str(curso), "--rapido")
    assert codigo == 1 and "no está al día" in salida and f"lideres curso generar {EJERCICIO}" in salida
    assert "Aviso: Tiene" not in salida  # el 02 ya cumple el estándar (4 automáticas)
    assert "sin --rapido" in salida and "nbgrader validate" not in salida


def test_el_readme_explica_como_escribir_un_ejercicio():
    readme = (rutas.RAIZ / "README.md").read_text(encoding="utf-8")
    seccion = readme.split("## Escribir un ejercicio nuevo")[1].split("\n## ")[0]
    for orden in ("exercises/_plantilla", "lideres curso generar", "lideres curso validar", "preguntas.toml"):
        assert orden in seccion
