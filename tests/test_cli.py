import subprocess
import sys

import pytest

from lideres import cli
from lideres.errores import ErrorLideres


def test_ayuda_en_espanol(capsys):
    with pytest.raises(SystemExit) as salida:
        cli.main(["--help"])
    assert salida.value.code == 0
    texto = capsys.readouterr().out
    assert "uso: lideres" in texto and "órdenes" in texto
    for orden in ["datos", "taller", "libro", "curso"]:
        assert orden in texto


def test_orden_desconocida_en_espanol(capsys):
    with pytest.raises(SystemExit) as salida:
        cli.main(["tallerr"])
    assert salida.value.code == 2
    error = capsys.readouterr().err
    assert "opción no válida" in error and "invalid" not in error


def test_error_esperado_sin_traceback(monkeypatch, capsys):
    from lideres.comandos import libro

    def fallar(args):
        raise ErrorLideres("Algo salió mal.", como_arreglar="Haz esto.")

    monkeypatch.setattr(libro, "ejecutar", fallar)
    assert cli.main(["libro"]) == 1
    error = capsys.readouterr().err
    assert "Error: Algo salió mal." in error and "Cómo arreglarlo: Haz esto." in error


def test_error_inesperado_sin_traceback(monkeypatch, capsys):
    from lideres.comandos import libro

    monkeypatch.delenv("LIDERES_DEPURAR", raising=False)
    monkeypatch.setattr(libro, "ejecutar", lambda args: 1 / 0)
    assert cli.main(["libro"]) == 1
    error = capsys.readouterr().err
    assert "Error inesperado" in error and "Traceback" not in error


def test_ejecutable_instalado():
    resultado = subprocess.run(
        [sys.executable, "-m", "lideres.cli", "--help"], capture_output=True, text=True
    )
    assert resultado.returncode == 0 and "Escuela de Líderes" in resultado.stdout


def test_nombres_publicos_del_paquete_existen():
    import lideres

    for nombre in lideres.__all__:
        assert callable(getattr(lideres, nombre)), nombre
    with pytest.raises(AttributeError, match="Nombres disponibles"):
        lideres.no_existe  # noqa: B018


def test_variable_de_raiz_vacia_no_cambia_la_raiz(tmp_path):
    import os
    from pathlib import Path

    entorno = dict(os.environ, LIDERES_RAIZ="", LIDERES_COMPARTIDO="")
    resultado = subprocess.run(
        [sys.executable, "-c", "from lideres import rutas; print(rutas.RAIZ); print(rutas.HECHOS)"],
        capture_output=True, text=True, env=entorno, cwd=tmp_path,
    )
    raiz, hechos = resultado.stdout.split()
    assert Path(raiz) == Path(__file__).resolve().parent.parent
    assert Path(hechos) == Path(raiz).parent / "shared" / "facts"


def test_archivo_que_falta_en_espanol_sin_traceback(monkeypatch, capsys):
    from lideres.comandos import libro

    def abrir(args):
        open("/no/existe/registro.csv", encoding="utf-8")

    monkeypatch.setattr(libro, "ejecutar", abrir)
    assert cli.main(["libro"]) == 1
    error = capsys.readouterr().err
    assert "no se encontró el archivo «/no/existe/registro.csv»" in error and "Errno" not in error


def test_importar_hechos_de_carpeta_vacia_en_espanol(tmp_path, capsys):
    assert cli.main(["datos", "importar-hechos", "--hechos", str(tmp_path), "--destino", str(tmp_path)]) == 1
    assert "Falta el archivo districts.csv" in capsys.readouterr().err
