"""Lo que una laptop con Windows o macOS necesita (issue 11): sin módulos solo-POSIX al importar,
rutas con espacios y tildes, y la dirección en la red local sin salir a internet."""

from __future__ import annotations

import ipaddress
import os
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lideres import rutas
from lideres.taller import proceso, servidor

RAIZ = Path(__file__).resolve().parent.parent

# Como en Windows: `resource` y `fcntl` no existen (None en sys.modules hace fallar su import).
IMPORTAR_TODO_SIN_POSIX = textwrap.dedent("""
    import importlib, pkgutil, sys, traceback
    for nombre in ("resource", "fcntl"):
        sys.modules[nombre] = None
    import lideres
    fallos = []
    def al_fallar(nombre):
        fallos.append(nombre + "\\n" + traceback.format_exc(limit=-3))
    vistos = 0
    for info in pkgutil.walk_packages(lideres.__path__, "lideres.", onerror=al_fallar):
        vistos += 1
        try:
            importlib.import_module(info.name)
        except Exception:
            fallos.append(info.name + "\\n" + traceback.format_exc(limit=-3))
    print(vistos)
    print("\\n".join(fallos))
""")


def test_todos_los_modulos_se_importan_sin_resource_ni_fcntl():
    hecho = subprocess.run([sys.executable, "-c", IMPORTAR_TODO_SIN_POSIX], cwd=RAIZ, capture_output=True,
                           text=True, encoding="utf-8", errors="replace", timeout=300, check=False)
    assert hecho.returncode == 0, hecho.stderr
    vistos, _, fallos = hecho.stdout.partition("\n")
    assert int(vistos) > 40  # recorrió el paquete entero (subpaquetes incluidos)
    assert not fallos.strip(), "Módulos que necesitan resource o fcntl al importarse:\n" + fallos


def _lideres(cwd: Path, *argumentos: str) -> str:
    entorno = {k: v for k, v in os.environ.items() if not k.startswith("LIDERES_")}
    entorno["PATH"] = str(Path(sys.executable).parent) + os.pathsep + entorno.get("PATH", "")
    hecho = subprocess.run([sys.executable, "-m", "lideres.cli", *argumentos], cwd=cwd, env=entorno,
                           capture_output=True, text=True, encoding="utf-8", errors="replace",
                           timeout=600, check=False)
    assert hecho.returncode == 0, hecho.stdout + hecho.stderr
    return hecho.stdout


@pytest.fixture
def carpeta_con_tildes(tmp_path) -> Path:
    """Como C:\\Users\\María Ñahui\\Documentos\\Escuela: espacios, tildes y eñe en la ruta."""
    carpeta = tmp_path / "María Ñahui" / "Documentos" / "Escuela"
    carpeta.mkdir(parents=True)
    return carpeta


def test_revisar_un_registro_en_una_carpeta_con_tildes(carpeta_con_tildes):
    original = RAIZ / "tests" / "archivos" / "revisar" / "bueno_latin1_puntoycoma.csv"
    shutil.copy(original, carpeta_con_tildes / "registro de Ñahui.csv")
    salida = _lideres(carpeta_con_tildes, "datos", "revisar", "registro de Ñahui.csv",
                      "--exportar", "limpio ñandú.csv")
    assert "Filas leídas: 7 · válidas: 5" in salida
    limpio = (carpeta_con_tildes / "limpio ñandú.csv").read_text(encoding="utf-8")
    assert "Florencia de Mora" in limpio
    # El original no se toca.
    assert (carpeta_con_tildes / "registro de Ñahui.csv").read_bytes() == original.read_bytes()


@pytest.mark.lento
def test_generar_y_validar_un_ejercicio_en_una_carpeta_con_tildes(carpeta_con_tildes):
    """El camino de quien escribe un ejercicio: su cuaderno desde preguntas.toml y nbgrader de verdad
    (validar, liberar y calificar), con el curso en una carpeta con espacios y tildes."""
    ejercicio = "02_conteos_y_tasas"
    curso = carpeta_con_tildes / "curso del taller"
    (curso / "source" / ejercicio).mkdir(parents=True)
    shutil.copy(rutas.RAIZ / "exercises" / "nbgrader_config.py", curso)
    shutil.copy(rutas.RAIZ / "exercises" / "source" / ejercicio / "preguntas.toml", curso / "source" / ejercicio)
    salida = _lideres(carpeta_con_tildes, "curso", "generar", "--curso", "curso del taller", ejercicio)
    assert (curso / "source" / ejercicio / f"{ejercicio}.ipynb").is_file(), salida
    salida = _lideres(carpeta_con_tildes, "curso", "validar", "--curso", "curso del taller", ejercicio)
    assert "Todo bien: el ejercicio está listo para asignar" in salida, salida


# ---------------------------------------------------------------- red y servidor


def test_direccion_lan_sin_salir_a_internet(monkeypatch):
    """La dirección para los celulares: nunca loopback ni link-local, y el único `connect` es a una
    dirección privada (UDP: no manda nada)."""
    destinos = []
    original = socket.socket.connect

    def connect(self, direccion):
        destinos.append(direccion[0])
        return original(self, direccion)

    monkeypatch.setattr(socket.socket, "connect", connect)
    ip = servidor.direccion_lan()
    assert all(ipaddress.ip_address(d).is_private for d in destinos), destinos
    if ip is not None:  # una máquina sin red no tiene ninguna
        d = ipaddress.ip_address(ip)
        assert not (d.is_loopback or d.is_link_local or d.is_unspecified)


def test_direccion_lan_sin_ruta_usa_el_nombre_de_la_maquina(monkeypatch):
    """Sin ruta hacia ninguna red privada (el `connect` falla), se usa lo que el sistema sabe de su
    propio nombre; las privadas primero, nunca loopback ni link-local."""
    def sin_ruta(self, direccion):
        raise OSError("Network is unreachable")

    monkeypatch.setattr(socket.socket, "connect", sin_ruta)
    monkeypatch.setattr(servidor.sys, "platform", "win32")  # sin `hostname -I`
    monkeypatch.setattr(servidor.socket, "gethostname", lambda: "laptop-taller")
    direcciones = ["127.0.1.1", "169.254.10.2", "190.232.10.5", "192.168.1.34"]
    monkeypatch.setattr(servidor.socket, "getaddrinfo",
                        lambda *a, **k: [(socket.AF_INET, 0, 0, "", (ip, 0)) for ip in direcciones])
    assert servidor.direccion_lan() == "192.168.1.34"
    direcciones[:] = ["127.0.0.1", "169.254.10.2"]
    assert servidor.direccion_lan() is None


def test_senales_para_detener_el_servidor_en_este_sistema():
    """Ctrl-C en todos; en Windows, además Ctrl-Break: es lo que `ServidorTaller.detener` manda allí."""
    disponibles = [n for n in servidor.SENALES_DE_PARADA if hasattr(signal, n)]
    assert "SIGINT" in disponibles
    if sys.platform == "win32":
        assert "SIGBREAK" in disponibles and proceso._grupo_propio()["creationflags"]
    else:
        assert proceso._grupo_propio() == {"start_new_session": True}


@pytest.mark.skipif(sys.platform != "win32", reason="solo en Windows: el ejecutable es Scripts\\lideres.exe")
def test_orden_sugerida_en_windows():
    orden = servidor.orden_lideres("curso calificar 02")
    assert orden.endswith("curso calificar 02") and "lideres" in orden


def test_salida_en_cp1252_no_tumba_la_orden(monkeypatch):
    """Windows redirige la salida en cp1252: los caracteres que no caben salen como «?»."""
    import io

    from lideres import cli

    salida = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    monkeypatch.setattr(sys, "stdout", salida)
    cli._salida_tolerante()
    print("Lima → Callao ≈ 3 · año «ñ»", file=salida)
    salida.flush()
    assert salida.buffer.getvalue().decode("cp1252").strip() == "Lima ? Callao ? 3 · año «ñ»"


def test_candado_del_formulario_sin_fcntl_usa_msvcrt(monkeypatch, tmp_path):
    """En Windows no hay fcntl: el candado del formulario usa msvcrt.locking (y espera aunque
    LK_LOCK se rinda a los ~10 s)."""
    import types

    from lideres.formulario import entregas

    llamadas = []

    def locking(fd, modo, n):
        llamadas.append(modo)
        if llamadas.count("bloquear") == 1 and modo == "bloquear":
            raise OSError(36, "Resource deadlock avoided")  # lo que hace LK_LOCK tras 10 intentos

    falso = types.SimpleNamespace(LK_LOCK="bloquear", LK_UNLCK="soltar", locking=locking)
    monkeypatch.setitem(sys.modules, "fcntl", None)
    monkeypatch.setitem(sys.modules, "msvcrt", falso)
    with entregas.candado(tmp_path):
        assert llamadas == ["bloquear", "bloquear"]
    assert llamadas == ["bloquear", "bloquear", "soltar"]


def test_ordenes_del_entorno_como_conda_en_windows(monkeypatch, tmp_path):
    """Con conda en Windows, python.exe está en la carpeta del entorno y las órdenes (jupyter-book,
    alembic, lideres) en Scripts\\: se buscan en las dos, Scripts primero."""
    import sysconfig

    scripts = tmp_path / "Scripts"
    scripts.mkdir()
    orden = scripts / "jupyter-book"
    orden.write_text("#!/bin/sh\n", encoding="utf-8")
    orden.chmod(0o755)
    monkeypatch.setattr(sysconfig, "get_path", lambda nombre, *a, **k: str(scripts))
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python.exe"))
    assert rutas.carpetas_del_entorno() == [scripts, tmp_path]
    assert rutas.orden_del_entorno("jupyter-book") == str(orden)
    otra = str(tmp_path / "otra")
    assert rutas.path_con_el_entorno(otra).split(os.pathsep) == [str(scripts), str(tmp_path), otra]
