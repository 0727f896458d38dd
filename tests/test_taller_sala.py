"""Una sala llena en una laptop: reserva de kernels y apagado según el grupo, límites del ejecutor,
apagar el kernel al salir (sin 403), registro por servidor y puerto reutilizable al reiniciar."""

from __future__ import annotations

import asyncio
import http.cookiejar
import json
import os
import re
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from lideres.taller import servidor
from lideres.taller.proceso import ServidorTaller, puerto_libre_cualquiera
from tests.asincrono import correr
from tests.ingles import palabras_en_ingles, texto_visible


@pytest.fixture
def raiz(tmp_path):
    (tmp_path / "tableros").mkdir()
    (tmp_path / "tableros" / "02_conteos_y_tasas.ipynb").write_text("{}", encoding="utf-8")
    (tmp_path / "tableros" / "03_otro.ipynb").write_text("{}", encoding="utf-8")
    return tmp_path


# ---------------------------------------------------------------- configuración (pura)


def test_la_reserva_sigue_al_grupo(raiz):
    c = servidor.configuracion(raiz=raiz, participantes=30)
    pools = c.VoilaKernelManager.kernel_pools_config
    # Dos tableros y ningún módulo elegido: el grupo se reparte. El 02 tiene página ligera (los
    # celulares van a ella): fuera de la sesión, ninguno esperando en Voilà.
    assert pools["tableros/02_conteos_y_tasas.ipynb"]["pool_size"] == 0
    # Sin versión ligera: unos pocos de antemano (no 15); la reserva crece cuando llegan (issue 22,
    # test_taller_memoria.py).
    assert pools["tableros/03_otro.ipynb"]["pool_size"] == servidor.RESERVA_INICIAL_SIN_LIGERA
    assert pools["default"]["pool_size"] == 0
    assert c.VoilaConfiguration.preheat_kernel is True
    # Tope de kernels vivos: el grupo más un margen para reponer la reserva, no el doble.
    assert c.GestorKernels.max_kernels == 30 + servidor.MARGEN_KERNELS
    assert c.GestorKernels.arranques_simultaneos >= 1
    assert c.VoilaConfiguration.multi_kernel_manager_class == "lideres.taller.kernels.GestorKernels"


def test_un_solo_tablero_tiene_la_reserva_del_grupo(tmp_path):
    (tmp_path / "tableros").mkdir()
    (tmp_path / "tableros" / "07_puntos_calientes.ipynb").write_text("{}", encoding="utf-8")
    pools = servidor.configuracion(raiz=tmp_path, participantes=30).VoilaKernelManager.kernel_pools_config
    # sin página ligera: unos pocos de antemano, no uno por participante (crece cuando llegan)
    assert pools["tableros/07_puntos_calientes.ipynb"]["pool_size"] == servidor.RESERVA_INICIAL_SIN_LIGERA


def test_con_version_ligera_la_reserva_es_chica(tmp_path):
    """Issue 22: los celulares abren la página ligera y el formulario ligero (sin kernel); Voilà
    queda para quien pide la versión completa. Sin nadie en la sala, pocos kernels esperando."""
    (tmp_path / "tableros").mkdir()
    for nombre in ("02_conteos_y_tasas", "07_puntos_calientes"):
        (tmp_path / "tableros" / f"{nombre}.ipynb").write_text("{}", encoding="utf-8")
    for modulo in ("02", "07"):
        c = servidor.configuracion(raiz=tmp_path, participantes=30, modulo=modulo,
                                   ids_ejercicio=["02_conteos_y_tasas", "07_puntos_calientes"])
        pools = c.VoilaKernelManager.kernel_pools_config
        assert pools[f"ejercicios/{'02_conteos_y_tasas' if modulo == '02' else '07_puntos_calientes'}.ipynb"][
            "pool_size"] == servidor.RESERVA_CON_PAGINA_LIGERA
        ligera = pools["tableros/02_conteos_y_tasas.ipynb"]["pool_size"]
        dibujo = pools["tableros/07_puntos_calientes.ipynb"]["pool_size"]
        # el 07 (se dibuja en el mapa: necesita su kernel) tiene más de antemano si es de la sesión
        assert (ligera, dibujo) == ((servidor.RESERVA_CON_PAGINA_LIGERA, 1) if modulo == "02"
                                    else (0, servidor.RESERVA_INICIAL_SIN_LIGERA))
        otro = "07_puntos_calientes" if modulo == "02" else "02_conteos_y_tasas"
        assert pools[f"ejercicios/{otro}.ipynb"]["pool_size"] == 0


@pytest.mark.parametrize("modulo", ["3", "03", "03_otro", "03_otro.ipynb"])
def test_el_modulo_de_la_sesion_recibe_la_reserva(raiz, modulo):
    c = servidor.configuracion(raiz=raiz, participantes=25, modulo=modulo)
    pools = c.VoilaKernelManager.kernel_pools_config
    assert pools["tableros/03_otro.ipynb"]["pool_size"] == servidor.RESERVA_INICIAL_SIN_LIGERA
    assert pools["tableros/02_conteos_y_tasas.ipynb"]["pool_size"] == 0  # tiene página ligera
    assert c.GestorKernels.paginas_sesion == ["tableros/03_otro.ipynb"]
    assert c.GestorKernels.max_kernels == 25 + servidor.MARGEN_KERNELS


def test_las_paginas_de_ejercicio_se_precalientan_como_los_tableros(raiz):
    # Con --curso, cada ejercicio que se responde en el celular tiene su página en ejercicios/.
    ids = ["02_conteos_y_tasas", "03_otro"]
    c = servidor.configuracion(raiz=raiz, participantes=30, ids_ejercicio=ids)
    pools = c.VoilaKernelManager.kernel_pools_config
    # Sin módulo elegido, el grupo se reparte entre las cuatro páginas (dos tableros, dos ejercicios);
    # las que tienen versión ligera (los ejercicios, el tablero 02) no esperan en Voilà.
    chica = servidor.RESERVA_CON_PAGINA_LIGERA
    assert pools["ejercicios/02_conteos_y_tasas.ipynb"]["pool_size"] == 0
    assert pools["ejercicios/03_otro.ipynb"]["pool_size"] == 0
    assert pools["tableros/02_conteos_y_tasas.ipynb"]["pool_size"] == 0
    assert pools["tableros/03_otro.ipynb"]["pool_size"] == servidor.RESERVA_INICIAL_SIN_LIGERA
    assert pools["default"]["pool_size"] == 0
    # Con el módulo de la sesión: su tablero, unos pocos (no tiene página ligera; la reserva crece
    # cuando llegan); su ejercicio, una reserva chica (el formulario ligero no usa kernel).
    c = servidor.configuracion(raiz=raiz, participantes=30, modulo="03", ids_ejercicio=ids)
    pools = c.VoilaKernelManager.kernel_pools_config
    assert pools["ejercicios/03_otro.ipynb"]["pool_size"] == chica
    assert pools["tableros/03_otro.ipynb"]["pool_size"] == servidor.RESERVA_INICIAL_SIN_LIGERA
    assert pools["ejercicios/02_conteos_y_tasas.ipynb"]["pool_size"] == 0
    assert pools["tableros/02_conteos_y_tasas.ipynb"]["pool_size"] == 0
    assert c.GestorKernels.max_kernels == 30 + servidor.MARGEN_KERNELS
    # --precalentados manda también sobre los ejercicios.
    c = servidor.configuracion(raiz=raiz, participantes=30, precalentados=2, ids_ejercicio=ids)
    assert c.VoilaKernelManager.kernel_pools_config["ejercicios/03_otro.ipynb"]["pool_size"] == 2
    # Sin --curso, ninguna página de ejercicio se precalienta (no se pueden responder).
    sin_curso = servidor.configuracion(raiz=raiz, participantes=30).VoilaKernelManager.kernel_pools_config
    assert not any(r.startswith("ejercicios/") for r in sin_curso)


def test_modulo_sin_tablero_da_error_en_espanol(raiz, capsys):
    from lideres import cli

    assert cli.main(["taller", "--sin-libro", "--cuadernos", str(raiz), "--modulo", "09"]) == 1
    err = capsys.readouterr().err
    assert "No hay un tablero del módulo «09»" in err and "02_conteos_y_tasas" in err
    assert "Traceback" not in err


def test_precalentados_explicito_manda_sobre_el_grupo(raiz):
    c = servidor.configuracion(raiz=raiz, participantes=30, precalentados=4)
    assert c.VoilaKernelManager.kernel_pools_config["tableros/03_otro.ipynb"]["pool_size"] == 4
    assert c.GestorKernels.max_kernels == 30 + servidor.MARGEN_KERNELS
    sin = servidor.configuracion(raiz=raiz, participantes=30, precalentados=0)
    assert sin.VoilaConfiguration.preheat_kernel is False


def test_por_defecto_una_sala_de_veinte(raiz):
    c = servidor.configuracion(raiz=raiz)
    assert servidor.PARTICIPANTES_POR_DEFECTO == 20
    assert c.VoilaKernelManager.kernel_pools_config["tableros/03_otro.ipynb"]["pool_size"] == 4
    assert c.VoilaKernelManager.kernel_pools_config["tableros/02_conteos_y_tasas.ipynb"]["pool_size"] == 0
    assert c.MappingKernelManager.cull_idle_timeout == 15 * 60


@pytest.mark.parametrize(
    ("participantes", "minutos"), [(1, 20), (10, 20), (15, 20), (20, 15), (30, 10), (60, 5), (200, 5)]
)
def test_apagado_de_inactivos_segun_el_grupo(raiz, participantes, minutos):
    assert servidor.cull_inactivo_s(participantes) == minutos * 60
    m = servidor.configuracion(raiz=raiz, participantes=participantes).MappingKernelManager
    assert m.cull_idle_timeout == minutos * 60
    assert 0 < m.cull_interval <= 60
    assert m.cull_connected is False  # un celular conectado no pierde su tablero
    assert m.cull_busy is False


def test_apagar_inactivos_manda_sobre_el_grupo(raiz):
    """--apagar-inactivos MINUTOS: el mismo apagado (y la misma pasada), con otro tiempo."""
    m = servidor.configuracion(raiz=raiz, participantes=30, apagar_inactivos=25).MappingKernelManager
    assert m.cull_idle_timeout == 25 * 60
    assert m.cull_interval == servidor.CULL_INTERVALO_MAX_S
    corto = servidor.configuracion(raiz=raiz, apagar_inactivos=0.25).MappingKernelManager
    assert corto.cull_idle_timeout == 15
    assert corto.cull_interval == 3
    assert corto.cull_connected is False


def test_apagar_inactivos_en_cero_da_error_en_espanol(raiz, capsys):
    from lideres.cli import main

    assert main(["taller", "--cuadernos", str(raiz), "--sin-libro", "--apagar-inactivos", "0"]) != 0
    salida = capsys.readouterr()
    assert "--apagar-inactivos debe ser más que 0 minutos" in salida.out + salida.err


def test_limites_del_ejecutor_para_una_laptop_saturada(raiz):
    c = servidor.configuracion(raiz=raiz)
    e = c.VoilaExecutor
    # Voilà espera 4 s la salida de una celda y luego la da por vacía en silencio.
    assert e.iopub_timeout >= 30
    assert e.raise_on_iopub_timeout is True  # si igual no llega: error visible (Reintentar)
    assert e.timeout >= e.iopub_timeout
    assert e.startup_timeout >= 120
    assert e.interrupt_on_timeout is False
    # Latidos mientras un kernel frío prepara el tablero: la página dice que ya viene.
    assert 0 < c.VoilaConfiguration.http_keep_alive_timeout <= 10


def test_registro_por_servidor(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert servidor.registro_por_defecto(8866) == tmp_path / "lideres" / "taller-8866.log"
    assert servidor.registro_por_defecto(8870) != servidor.registro_por_defecto(8866)
    monkeypatch.delenv("XDG_STATE_HOME")
    monkeypatch.delenv("LOCALAPPDATA", raising=False)  # Windows lo usa antes que ~/.local/state
    assert servidor.registro_por_defecto(8866) == Path.home() / ".local/state/lideres/taller-8866.log"


def test_la_orden_sugerida_funciona_en_esta_terminal(monkeypatch):
    # Bajo make (make taller): `lideres` no está en el PATH de quien lo llamó.
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    monkeypatch.setenv("MAKELEVEL", "1")
    assert servidor.orden_taller("--red") == "make taller ARGS=--red"
    assert servidor.orden_taller("--puerto 8867") == "make taller ARGS='--puerto 8867'"
    # Otras órdenes no tienen blanco de make: van con la ruta de .venv/bin/lideres.
    assert servidor.orden_lideres("curso calificar 02").endswith("lideres curso calificar 02")
    assert not servidor.orden_lideres("curso calificar 02").startswith("lideres ")
    monkeypatch.delenv("MAKELEVEL")
    orden = servidor.orden_taller("--red")
    assert orden.endswith("lideres taller --red") and orden != "lideres taller --red"
    ejecutable = orden.removesuffix(" taller --red").strip('"')
    assert Path(ejecutable).resolve().parent == Path(servidor.sys.executable).parent.resolve()
    assert Path(ejecutable).stem == "lideres"  # lideres.exe en Windows


def test_la_orden_sugerida_es_la_de_la_terminal_aunque_el_servidor_cambie_su_path(monkeypatch):
    """El servidor agrega .venv/bin a su PATH (para los kernels); lo que sugiere es para la terminal
    donde se escribió la orden, donde `lideres` no se encuentra sin su ruta."""
    monkeypatch.delenv("MAKELEVEL", raising=False)
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    from lideres.taller import ordenes

    monkeypatch.setattr(ordenes, "_path_de_la_terminal", None)
    servidor.recordar_path()  # lo que hace `iniciar` antes de cambiar el PATH
    monkeypatch.setenv("PATH", servidor.rutas.path_con_el_entorno("/usr/bin:/bin"))
    assert servidor.orden_taller("--red").endswith("lideres taller --red")
    assert servidor.orden_taller("--red") != "lideres taller --red"
    assert servidor.orden_lideres("curso calificar 02") != "lideres curso calificar 02"
    # Con `lideres` en el PATH de la terminal (entorno activado), la forma corta.
    monkeypatch.setattr(ordenes, "_path_de_la_terminal", servidor.rutas.path_con_el_entorno(None))
    assert servidor.orden_taller("--red") == "lideres taller --red"


def test_puerto_libre_como_lo_abre_tornado():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        ocupado = s.getsockname()[1]
        assert servidor.puerto_libre("127.0.0.1", ocupado) is False


def test_plantilla_con_reintentar_y_conexion_perdida():
    carpeta = servidor.DIR_PLANTILLAS / "voila" / "templates" / servidor.PLANTILLA
    plantilla = (carpeta / "index.html.j2").read_text(encoding="utf-8")
    js = (carpeta / "static" / "lideres.js").read_text(encoding="utf-8")
    assert 'include_js("static/lideres.js")' in plantilla
    assert "lideres-error-celda" in plantilla
    assert "Se perdió la conexión — toca para volver a cargar" in js
    assert '"Reintentar"' in js
    assert "voila/api/shutdown/" in js and "pagehide" in js
    assert not re.findall(r"https?://", js)


# ---------------------------------------------------------------- servidor real

CUADERNO = {
    "cells": [{"cell_type": "code", "execution_count": None, "id": "c0", "metadata": {}, "outputs": [],
               "source": "import ipywidgets as w\nw.IntSlider(value=3)"}],
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    "nbformat": 4, "nbformat_minor": 5,
}


@pytest.fixture
def cuadernos(tmp_path):
    (tmp_path / "tableros").mkdir()
    (tmp_path / "tableros" / "deslizador.ipynb").write_text(json.dumps(CUADERNO), encoding="utf-8")
    return tmp_path


def _abridor(galletas=None):
    galletas = http.cookiejar.CookieJar() if galletas is None else galletas
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(galletas))


def _apagar(abridor, s, kernel, xsrf):
    """El pedido del navegador al irse (sendBeacon con FormData)."""
    limite = uuid.uuid4().hex
    cuerpo = (f'--{limite}\r\nContent-Disposition: form-data; name="_xsrf"\r\n\r\n{xsrf}\r\n'
              f"--{limite}--\r\n").encode()
    pedido = urllib.request.Request(
        s.url(f"/voila/api/shutdown/{kernel}"), data=cuerpo, method="POST",
        headers={"Content-Type": f"multipart/form-data; boundary={limite}", "Origin": s.url("").rstrip("/")},
    )
    try:
        with abridor.open(pedido, timeout=60) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


@pytest.mark.lento
def test_salir_del_tablero_apaga_su_kernel_sin_403(cuadernos):
    with ServidorTaller(sin_libro=True, precalentados=0, participantes=2, cuadernos=cuadernos) as s:
        galletas = http.cookiejar.CookieJar()
        abridor = _abridor(galletas)
        with abridor.open(s.url("/voila/render/tableros/deslizador.ipynb"), timeout=120) as r:
            html = r.read().decode("utf-8")
        kernel = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', html).group(1)
        xsrf = {c.name: c.value for c in galletas}.get("_xsrf")
        assert xsrf, "la página del tablero no dejó la cookie _xsrf"
        assert s.kernel_existe(kernel)

        # Sin el token, la protección XSRF sigue en pie.
        assert _apagar(_abridor(), s, kernel, "") == 403
        assert s.kernel_existe(kernel)

        assert _apagar(abridor, s, kernel, xsrf) == 204
        assert not s.kernel_existe(kernel)
        assert _apagar(abridor, s, kernel, xsrf) == 204  # la página avisa dos veces: sin error
        # Un celular que vuelve de la pausa reconecta con su kernel ya apagado: 404, sin traza.
        assert correr(_websocket(s.url(f"/api/kernels/{kernel}/channels"))) == 404
    assert s.codigo_salida == 0, s.texto_salida()
    assert "Traceback" not in s.texto_registro()


async def _websocket(url: str) -> int:
    """El código con que el servidor responde al websocket de un kernel (101 si lo abre)."""
    from tornado.httpclient import HTTPClientError
    from tornado.websocket import websocket_connect

    try:
        conexion = await websocket_connect(url.replace("http://", "ws://", 1))
    except HTTPClientError as e:
        return e.code
    conexion.close()
    return 101


def test_un_tablero_cuyo_kernel_no_arranco_da_una_pagina_en_espanol():
    """Si el kernel de un tablero no llega a arrancar (laptop muy cargada), la persona ve la página
    de «sala llena» en su forma «computadora ocupada», con la versión ligera y «Probar de nuevo»."""
    pagina = servidor.pagina_sala_llena("tableros/02_conteos_y_tasas.ipynb", "/voila/render/x", ocupada=True)
    assert "La computadora del taller está muy ocupada" in pagina
    assert "sala está llena" not in pagina
    assert 'href="/ligeras/02_conteos_y_tasas.html"' in pagina
    assert 'href="/voila/render/x"' in pagina
    assert palabras_en_ingles(texto_visible(pagina)) == []


def test_la_pagina_de_computadora_ocupada_usa_la_ruta_que_recibio_el_tablero(monkeypatch):
    """`TableroHandler.write_error` arma esa página con la ruta del cuaderno que tornado le pasó a
    get() (ya sin los %XX de la URL), no cortando la URL. Un error antes de que tornado la lea, o
    que no es de un cuaderno, sigue al manejador de siempre."""
    from types import SimpleNamespace

    from voila.tornado.handler import TornadoVoilaHandler

    from lideres.taller.manejadores import TableroHandler

    al_de_siempre, rutas = [], []
    monkeypatch.setattr(TornadoVoilaHandler, "write_error", lambda self, codigo, **kw: al_de_siempre.append(codigo))

    def manejador(uri, path_args=None):
        h = TableroHandler.__new__(TableroHandler)  # sin servidor: solo su página de error
        h.request = SimpleNamespace(uri=uri, path=uri.split("?")[0])
        h.application = SimpleNamespace(settings={
            "lideres_pagina_sala_llena": lambda ruta, reintentar, ocupada: rutas.append(ruta) or "página"})
        h.set_header = lambda *a: None
        h.finish = lambda cuerpo=None: None
        if path_args is not None:
            h.path_args = path_args
        return h

    uri = "/voila/render/tableros/02%5Fconteos_y_tasas.ipynb"
    manejador(uri, ["tableros/02_conteos_y_tasas.ipynb"]).write_error(500)
    assert rutas == ["tableros/02_conteos_y_tasas.ipynb"] and al_de_siempre == []
    manejador(uri).write_error(500)  # antes de que tornado lea la ruta
    manejador("/voila/render/tableros/", ["tableros/"]).write_error(500)
    manejador(uri, ["tableros/02_conteos_y_tasas.ipynb"]).write_error(404)
    assert rutas == ["tableros/02_conteos_y_tasas.ipynb"] and al_de_siempre == [500, 500, 404]


@pytest.mark.lento
def test_reiniciar_enseguida_en_el_mismo_puerto(cuadernos):
    import socket

    puerto = puerto_libre_cualquiera()
    with ServidorTaller(puerto, sin_libro=True, precalentados=0, cuadernos=cuadernos) as s:
        # Un navegador deja su conexión abierta (keep-alive): al detenerse, el servidor la cierra
        # primero y el puerto queda con conexiones en TIME_WAIT durante un minuto.
        navegador = socket.create_connection(("127.0.0.1", puerto), timeout=30)
        navegador.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n")
        assert navegador.recv(65536).startswith(b"HTTP/1.1 200")
    try:
        assert s.codigo_salida == 0
        with socket.socket() as sin_reuso:  # lo que hacía la revisión antes: «ya está en uso»
            with pytest.raises(OSError):
                sin_reuso.bind(("127.0.0.1", puerto))
        assert servidor.puerto_libre("127.0.0.1", puerto)
        with ServidorTaller(puerto, sin_libro=True, precalentados=0, cuadernos=cuadernos) as otra_vez:
            with urllib.request.urlopen(otra_vez.url("/"), timeout=30) as r:
                assert r.status == 200
    finally:
        navegador.close()
    salida = otra_vez.texto_salida()
    assert "ya está en uso" not in salida
    assert "Registro técnico" in salida


@pytest.mark.lento
def test_pagina_de_ejercicio_precalentada_con_el_kernel_del_taller(tmp_path):
    """Con --curso, la página de un ejercicio sale de la reserva como un tablero; y los kernels
    son los del taller (`lideres.taller.nucleo`): sin depurador ni historial."""
    import shutil

    from lideres import rutas
    from lideres.taller import ejercicios

    ejercicio = "02_conteos_y_tasas"
    cuadernos = tmp_path / "cuadernos"
    (cuadernos / "tableros").mkdir(parents=True)
    (cuadernos / "ejercicios").mkdir()
    shutil.copy(rutas.CUADERNOS / "ejercicios" / f"{ejercicio}.ipynb", cuadernos / "ejercicios")
    nucleo = json.loads(json.dumps(CUADERNO))
    nucleo["cells"][0]["source"] = ('import os, sys\nprint("depurador:", "pydevd" in sys.modules, "| historial:",'
                                    ' get_ipython().history_manager.enabled, "| arenas:",'
                                    ' os.environ.get("MALLOC_ARENA_MAX"), "| clase:", type(get_ipython().kernel).__name__)')
    (cuadernos / "tableros" / "nucleo.ipynb").write_text(json.dumps(nucleo), encoding="utf-8")

    with ServidorTaller(carpeta=tmp_path / "registro", sin_libro=True, precalentados=1, participantes=2, cuadernos=cuadernos,
                        curso=tmp_path / "curso", espera_s=300) as s:
        # Como en un taller: la reserva se prepara al encender; la gente llega cuando ya está.
        listo = f"Kernel pool of ejercicios/{ejercicio}.ipynb is filled"
        # Con la máquina cargada (otras pruebas, 2 núcleos), llenar la reserva puede pasar de 4 min:
        # se espera a la condición, no un tiempo fijo, y si no llega se dice eso (no un «falta
        # pre-heated» confuso más abajo).
        assert s.esperar_en_registro(listo, 600), "la reserva no se llenó en 10 min:\n" + s.texto_registro()[-3000:]
        with urllib.request.urlopen(s.url(ejercicios.url_ejercicio(ejercicio)), timeout=240) as r:
            pagina = r.read().decode("utf-8")
        with urllib.request.urlopen(s.url("/voila/render/tableros/nucleo.ipynb"), timeout=240) as r:
            kernel = r.read().decode("utf-8")
    assert s.codigo_salida == 0, s.texto_salida()
    assert re.search(rf"Using pre-heated kernel: \S+ for ejercicios/{ejercicio}\.ipynb", s.texto_registro())
    assert f"Ejercicios listos de antemano: {ejercicio}: 1" in s.texto_salida()
    for prohibido in ("El tablero tuvo un problema", "Traceback", "There was an error"):
        assert prohibido not in pagina, prohibido
    assert "application/vnd.jupyter.widget-view+json" in pagina  # el formulario
    assert "depurador: False | historial: False | arenas: 2 | clase: NucleoTaller" in kernel
    assert "MALLOC_ARENA_MAX" not in os.environ  # solo en los kernels, no en quien los lanza


def _gestor_de_voila(tmp_path):
    """El gestor del taller como lo arma Voilà (con reserva), sin procesos: apagar solo anota."""
    from traitlets.config import Configurable
    from voila.voila_kernel_manager import voila_kernel_manager_factory

    from lideres.taller.kernels import GestorKernels

    Clase = voila_kernel_manager_factory(GestorKernels, preheat_kernel=True, default_pool_size=0)

    class Voila(Configurable):  # lo que el gestor de Voilà lee de su aplicación
        root_dir = str(tmp_path)
        notebook_path = None

    gestor = Clase(parent=Voila(), cull_idle_timeout=600)
    gestor.apagados = []

    async def apagar(kernel_id, *args, **kwargs):
        gestor.apagados.append(kernel_id)

    gestor.shutdown_kernel = apagar  # el apagado de verdad necesita un proceso
    return gestor


def test_un_kernel_recien_entregado_no_se_apaga_por_su_espera_en_la_reserva(tmp_path):
    """Un kernel que esperó en la reserva lleva su hora de precalentado: al entregarlo a un
    celular, su tiempo inactivo se cuenta desde la entrega, no desde que se precalentó."""
    import datetime as dt
    from types import SimpleNamespace

    async def probar():
        gestor = _gestor_de_voila(tmp_path)
        hace_un_rato = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=13)
        kernel = SimpleNamespace(
            last_activity=hace_un_rato, execution_state="idle", kernel_name="python3",
            kernel_spec=SimpleNamespace(metadata={}),
        )
        gestor._kernels["k1"] = kernel
        # Primera pasada después de la entrega: no se apaga y su inactividad empieza ahora.
        await gestor.cull_kernel_if_idle("k1")
        assert gestor.apagados == []
        assert kernel.last_activity > hace_un_rato
        # Si de verdad nadie lo usa durante todo el plazo, la pasada siguiente sí lo apaga.
        kernel.last_activity = hace_un_rato
        await gestor.cull_kernel_if_idle("k1")
        assert gestor.apagados == ["k1"]

    correr(probar())


def test_un_kernel_que_todavia_arranca_no_se_apaga_ni_cuenta_como_entregado(tmp_path):
    """Un kernel de la reserva que aún arranca no tiene hora de actividad (leerla lanza TraitError):
    la pasada de inactivos lo deja en paz, sin traza, y no lo da por entregado. Ya arrancado y
    entregado, su inactividad se cuenta desde la entrega (CI, 08-12: la traza salió en el registro)."""
    import datetime as dt
    from types import SimpleNamespace

    from traitlets import HasTraits, Instance, Unicode

    class Arrancando(HasTraits):  # como ServerKernelManager antes de `start_watching_activity`
        last_activity = Instance(dt.datetime)
        execution_state = Unicode("starting")
        kernel_name = Unicode("python3")
        kernel_spec = Instance(SimpleNamespace, kw={"metadata": {}})

    async def probar():
        gestor = _gestor_de_voila(tmp_path)
        kernel = Arrancando()
        gestor._kernels["k1"] = kernel
        await gestor.cull_kernel_if_idle("k1")  # antes: TraitError
        assert gestor.apagados == [] and "k1" not in gestor._entregados
        hace_un_rato = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=13)
        kernel.last_activity = hace_un_rato  # arrancó hace rato y esperó en la reserva
        await gestor.cull_kernel_if_idle("k1")  # primera pasada tras la entrega
        assert gestor.apagados == [] and kernel.last_activity > hace_un_rato

    correr(probar())


def test_apagar_el_mismo_kernel_dos_veces_a_la_vez_no_deja_traza():
    """La página que se cierra y la pasada de inactivos apagan el mismo kernel a la vez (issue 22): el
    segundo apagado no hace nada, sin «404: Kernel does not exist»; tampoco el de uno que ya no está."""
    from concurrent.futures import ThreadPoolExecutor

    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

    from lideres.taller.kernels import GestorKernels

    llamadas = []

    async def apagar_de_verdad(self, kernel_id, *args, **kwargs):
        llamadas.append(kernel_id)
        await asyncio.sleep(0.05)  # el apagado tarda: el otro pedido llega mientras tanto
        del self._kernels[kernel_id]

    async def probar():
        gestor = GestorKernels()
        gestor._kernels["k1"] = object()
        original = AsyncMappingKernelManager.shutdown_kernel
        AsyncMappingKernelManager.shutdown_kernel = apagar_de_verdad
        try:
            await asyncio.gather(gestor.shutdown_kernel("k1"), gestor.shutdown_kernel("k1"))
            await gestor.shutdown_kernel("k1")  # ya no existe
        finally:
            AsyncMappingKernelManager.shutdown_kernel = original
        assert llamadas == ["k1"] and "k1" not in gestor._kernels and not gestor._apagando

    with ThreadPoolExecutor(max_workers=1) as hilo:  # su propio bucle (ver la prueba anterior)
        hilo.submit(asyncio.run, probar()).result()


def test_un_kernel_que_se_esta_apagando_no_murio():
    """La pasada de inactivos apaga un kernel; mientras tanto ya no responde y la revisión de muertos
    lo veía muerto: el registro de un día normal decía «Kernel … murió» (issue 22). No se toca."""
    import logging
    from concurrent.futures import ThreadPoolExecutor

    from lideres.taller.kernels import GestorKernels

    class Muerto:
        async def is_alive(self):
            return False

    avisos = []

    class Anotar(logging.Handler):
        def emit(self, registro):
            avisos.append(registro.getMessage())

    async def probar():
        gestor = GestorKernels()
        gestor.log.addHandler(Anotar())
        apagados = []

        async def apagar(kernel_id, *args, **kwargs):
            apagados.append(kernel_id)

        gestor._kernels.update({"apagandose": Muerto(), "muerto": Muerto()})
        gestor.get_kernel = lambda k: gestor._kernels[k]
        gestor._apagando.add("apagandose")
        original = GestorKernels.shutdown_kernel
        gestor.shutdown_kernel = apagar
        try:
            await gestor._quitar_muertos()
        finally:
            gestor.shutdown_kernel = original.__get__(gestor)
        assert apagados == ["muerto"]
        assert [a for a in avisos if "murió" in a] == ["Kernel muerto murió: se quita (no se reinicia)"]

    with ThreadPoolExecutor(max_workers=1) as hilo:  # su propio bucle (ver las pruebas anteriores)
        hilo.submit(asyncio.run, probar()).result()


def test_un_mensaje_para_una_pagina_que_ya_se_fue_no_deja_traza(tmp_path):
    """Un celular cierra la pestaña mientras su kernel todavía manda algo: con el protocolo de los
    tableros (v1), jupyter_server escribe en el websocket cerrado sin atrapar `WebSocketClosedError`
    y pyzmq deja la traza en el registro (issue 22, con seis celulares). La conexión del taller lo
    descarta sin error; Voilà la usa."""
    from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection
    from jupyter_server.services.kernels.websocket import KernelWebsocketHandler
    from tornado.websocket import WebSocketClosedError
    from voila.app import Voila

    from lideres.taller.conexion import ConexionKernel

    pagina = KernelWebsocketHandler.__new__(KernelWebsocketHandler)  # sin tornado: solo su escritura

    def cerrado(*args, **kwargs):
        raise WebSocketClosedError()

    pagina.write_message = cerrado
    with pytest.raises(WebSocketClosedError):  # lo de jupyter_server, tal cual
        ZMQChannelsWebsocketConnection(websocket_handler=pagina).write_message(b"\x00", binary=True)
    assert ConexionKernel(websocket_handler=pagina).write_message(b"\x00", binary=True) is None
    escritos = []
    pagina.write_message = lambda *a, **k: escritos.append(a)
    ConexionKernel(websocket_handler=pagina).write_message(b"hola", binary=True)
    assert escritos == [(b"hola",)]  # abierta: se escribe como siempre
    assert Voila(config=servidor.configuracion(raiz=tmp_path)).kernel_websocket_connection_class is ConexionKernel


def test_el_kernel_del_taller_no_deja_traza_al_apagarse():
    """Al apagarse, ipykernel vacía stderr y publica «idle» cuando IOPub ya cerró sus sockets
    (ENOTSOCK) y la traza quedaba en el registro del taller; el kernel del taller deja pasar solo ese
    error. En otro proceso: importar ipykernel.ipkernel cambia `comm.create_comm` para todo el
    proceso, y las pruebas de widgets que vienen después dejarían de ver sus envíos."""
    import subprocess
    import sys

    codigo = """
import asyncio, zmq
from ipykernel.kernelbase import Kernel
from lideres.taller.nucleo import clase_nucleo

clase = clase_nucleo()
kernel = clase.__new__(clase)  # sin sockets: solo el final de un pedido de control

def con_error(errno):
    async def process_control(self, msg):
        raise zmq.ZMQError(errno)
    return process_control

Kernel.process_control = con_error(zmq.ENOTSOCK)
assert asyncio.run(kernel.process_control({})) is None
Kernel.process_control = con_error(zmq.EAGAIN)
try:
    asyncio.run(kernel.process_control({}))
except zmq.ZMQError:
    print("ok")  # cualquier otro error sigue a la vista
"""
    r = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True, timeout=120,
                       cwd=str(Path(__file__).resolve().parent.parent))
    assert r.stdout.strip() == "ok", r.stdout + r.stderr


def test_las_paginas_para_facilitadores_dan_ordenes_que_funcionan_en_una_terminal_nueva():
    """En una terminal nueva `lideres` a secas no se encuentra (vive en .venv): las páginas dan
    `make taller ARGS=…` o `.venv/bin/lideres …`, nunca la orden sin su ruta."""
    import re

    from lideres import rutas

    for pagina in sorted((rutas.LIBRO / "facilitadores").glob("*.md")):
        texto = pagina.read_text(encoding="utf-8")
        # `lideres …` al empezar un código o una línea de órdenes, sin .venv/bin/ delante
        sueltas = re.findall(r"(?:`|^)lideres (?:taller|curso|libro|datos)[^`\n]*", texto, flags=re.M)
        assert not sueltas, f"{pagina.name}: {sueltas}"
