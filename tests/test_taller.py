"""El servidor del taller: configuración (sin levantar nada) y un arranque y parada reales."""

from __future__ import annotations

import ipaddress
import json
import re
import socket
import sys
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from lideres import cli, libro, rutas
from lideres.modulos import MODULOS, listos
from lideres.taller import servidor
from lideres.taller.proceso import ServidorTaller, puerto_libre_cualquiera
from tests.asincrono import correr


@pytest.fixture
def raiz(tmp_path):
    (tmp_path / "tableros").mkdir()
    for m in listos():
        (tmp_path / m.cuaderno).write_text("{}", encoding="utf-8")
        if _tiene_tablero(m):
            (tmp_path / "tableros" / m.cuaderno).write_text("{}", encoding="utf-8")
    return tmp_path


def _tiene_tablero(m) -> bool:
    """El módulo 00 (cómo usar el curso) no tiene tablero; los demás módulos listos sí."""
    return (rutas.CUADERNOS / "tableros" / m.cuaderno).is_file()


def test_por_defecto_solo_esta_computadora(raiz):
    c = servidor.configuracion(raiz=raiz)
    assert c.Voila.ip == "127.0.0.1"
    assert c.Voila.port == servidor.PUERTO_POR_DEFECTO
    assert c.Voila.open_browser is False
    assert c.Voila.port_retries == 0
    assert c.Voila.token == ""


def test_los_kernels_del_taller_hablan_por_sockets_de_unix(raiz):
    """Sin puertos TCP que otro proceso pueda tomar entre que se eligen y el kernel los abre."""
    assert servidor.transporte_kernels("/tmp") == "ipc"
    # Una carpeta temporal larga (la de macOS lo es) no deja lugar para el nombre del socket: TCP.
    assert servidor.transporte_kernels("/var/folders/7x/abcd1234efgh5678ijkl9012mnop/T") == "tcp"
    assert servidor.configuracion(raiz=raiz).ServerKernelManager.transport == servidor.transporte_kernels()
    # El largo que se reserva alcanza para la ruta que arma Voilà (voila/app.py y jupyter_server).
    ruta = f"/voila_{'x' * 8}/kernel-{uuid.uuid4()}-ipc-99"
    assert len(ruta) <= servidor.LARGO_RUTA_SOCKET


def test_con_red_escucha_en_todas_las_interfaces(raiz):
    assert servidor.configuracion(raiz=raiz, red=True, puerto=9000).Voila.ip == "0.0.0.0"


def test_opciones_de_voila_para_lideres(raiz):
    v = servidor.configuracion(raiz=raiz).VoilaConfiguration
    assert v.template == "lideres"
    assert v.strip_sources is True
    assert v.show_tracebacks is False
    assert v.preheat_kernel is True
    permitidas = v.extension_allowlist
    # El mapa: jupyter-leaflet o el liviano (leaflet_liviano/, si está armado), uno solo.
    assert ("jupyter-leaflet" in permitidas) != (servidor.LEAFLET_LIVIANO in permitidas)
    assert "@jupyter-widgets/jupyterlab-manager" in permitidas
    assert not any("nbgrader" in e or "notebook" in e for e in permitidas)


def test_kernels_precalentados_solo_para_tableros(raiz):
    c = servidor.configuracion(raiz=raiz, precalentados=3)
    pools = c.VoilaKernelManager.kernel_pools_config
    assert pools["default"]["pool_size"] == 0
    assert pools["tableros/02_conteos_y_tasas.ipynb"]["pool_size"] == 3
    assert "02_conteos_y_tasas.ipynb" not in pools
    sin = servidor.configuracion(raiz=raiz, precalentados=0)
    assert sin.VoilaConfiguration.preheat_kernel is False


def test_kernels_inactivos_se_apagan(raiz):
    m = servidor.configuracion(raiz=raiz).MappingKernelManager
    assert m.cull_idle_timeout > 0
    assert 0 < m.cull_interval <= m.cull_idle_timeout


def test_tableros_en_espanol(raiz):
    c = servidor.configuracion(raiz=raiz)
    assert c.HTMLExporter.language_code == "es"
    assert "Avisa" in c.VoilaExecutor.cell_error_instruction


def test_plantilla_extiende_lab_sin_cdn():
    carpeta = servidor.DIR_PLANTILLAS / "voila" / "templates" / servidor.PLANTILLA
    assert json.loads((carpeta / "conf.json").read_text(encoding="utf-8"))["base_template"] == "lab"
    plantilla = (carpeta / "index.html.j2").read_text(encoding="utf-8")
    assert "extends 'voila/templates/lab/index.html.j2'" in plantilla
    assert "Cargando el tablero" in plantilla
    urls = re.findall(r"https?://[^\s\"'<>]+", plantilla)
    assert all(u.startswith("http://www.w3.org/") for u in urls), urls


def test_pagina_de_inicio(raiz, tmp_path):
    html = tmp_path / "html"
    html.mkdir()
    (html / "index.html").write_text("<html></html>", encoding="utf-8")
    texto = servidor.pagina_inicio(raiz, html)
    assert '<html lang="es">' in texto
    for m in MODULOS:
        assert m.titulo in texto
    for m in listos():
        assert (f'href="/voila/render/tableros/{m.cuaderno}"' in texto) == _tiene_tablero(m)
        assert f'href="{libro.url_capitulo(m)}"' in texto
    assert texto.count("(próximamente)") == len(MODULOS) - len(listos())
    assert "http://" not in texto and "https://" not in texto
    sin_libro = servidor.pagina_inicio(raiz, None)
    assert "Leer el capítulo" not in sin_libro
    assert "todavía no está construido" in sin_libro


def test_direccion_lan_no_es_loopback():
    ip = servidor.direccion_lan()
    if ip is not None:
        assert not ipaddress.ip_address(ip).is_loopback


def test_puerto_ocupado_da_error_en_espanol(capsys):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        puerto = s.getsockname()[1]
        codigo = cli.main(["taller", "--puerto", str(puerto), "--sin-libro"])
    err = capsys.readouterr().err
    assert codigo == 1
    assert "ya está en uso" in err
    assert "Traceback" not in err


def test_opciones_invalidas_dan_error_en_espanol(capsys):
    assert cli.main(["taller", "--puerto", "70000", "--sin-libro"]) == 1
    assert "no es válido" in capsys.readouterr().err
    assert cli.main(["taller", "--puerto", "80", "--sin-libro"]) == 1  # el mensaje pide 1024 o más
    assert "entre 1024 y 65535" in capsys.readouterr().err
    assert cli.main(["taller", "--precalentados", "-1", "--sin-libro"]) == 1
    assert "negativo" in capsys.readouterr().err


# ---------------------------------------------------------------- servidor real


def _get(url):
    with urllib.request.urlopen(url, timeout=120) as r:
        return r.status, r.read().decode("utf-8", errors="replace")


@pytest.mark.lento
def test_servidor_real_sirve_inicio_libro_y_tablero(libro_html):
    s = ServidorTaller(puerto_libre_cualquiera(), sin_libro=True, precalentados=1)
    with s:
        estado, inicio = _get(s.url("/"))
        assert estado == 200 and '<html lang="es">' in inicio

        estado, portada = _get(s.url("/libro/"))
        assert estado == 200 and 'lang="es"' in portada
        for m in listos():
            estado, capitulo = _get(s.url(libro.url_capitulo(m)))
            assert estado == 200
            if not _tiene_tablero(m):
                continue
            # El libro del taller enlaza el tablero en /voila/... (y ese enlace responde, abajo).
            assert f'href="{libro.url_tablero(m)}"' in capitulo

            estado, tablero = _get(s.url(libro.url_tablero(m)))
            assert estado == 200
            assert 'lang="es"' in tablero
            assert "Traceback" not in tablero
            assert "There was an error" not in tablero
            assert "tablero_conteos_y_tasas(" not in tablero  # fuentes quitadas
            assert "cdn.jsdelivr.net" not in tablero

        with pytest.raises(urllib.error.HTTPError) as e:
            _get(s.url("/no-existe"))
        assert e.value.code == 404
        assert "no existe" in e.value.read().decode("utf-8")
    assert s.codigo_salida == 0, s.texto_salida()
    assert "Using pre-heated kernel" in s.texto_registro()
    salida = s.texto_salida()
    assert "Servidor del taller listo" in salida
    assert "Servidor detenido" in salida
    assert "Traceback" not in salida
    assert "[I " not in salida and "INFO" not in salida  # el registro en inglés va al archivo
    assert rutas.LIBRO.exists()


@pytest.mark.lento
def test_tablero_con_error_muestra_aviso_en_espanol_sin_traceback(tmp_path):
    (tmp_path / "tableros").mkdir()
    nb = {"cells": [{"cell_type": "code", "execution_count": None, "id": "c0", "metadata": {},
                     "outputs": [], "source": "secreto = 41\n1 / 0"}],
          "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "tableros" / "roto.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    # Un kernel que muere (p. ej. sin memoria): Voilà escribe su propio aviso, en inglés.
    nb["cells"][0]["source"] = "import os\nos._exit(1)"
    (tmp_path / "tableros" / "muere.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    registro = tmp_path / "registro"
    with ServidorTaller(sin_libro=True, precalentados=0, cuadernos=tmp_path, carpeta=registro) as s:
        estado, pagina = _get(s.url("/voila/render/tableros/roto.ipynb"))
        estado_muere, pagina_muere = _get(s.url("/voila/render/tableros/muere.ipynb"))
    # Con una carpeta dada, el registro se queda ahí (no en una temporal que se borra).
    assert (registro / "taller.log").is_file() and (registro / "salida.txt").is_file()
    assert estado == 200
    assert "El tablero tuvo un problema" in pagina
    for prohibido in ("Traceback", "ZeroDivisionError", "There was an error", "secreto = 41"):
        assert prohibido not in pagina, prohibido
    assert "ZeroDivisionError" in s.texto_registro()  # el detalle queda para quien facilita
    assert estado_muere == 200
    assert pagina_muere.count(servidor.MENSAJE_ERROR_CELDA) == 1
    assert "An exception occurred" not in pagina_muere and "os._exit" not in pagina_muere


def test_websocket_comprimido(raiz):
    ajustes = servidor.configuracion(raiz=raiz).Voila.tornado_settings
    assert ajustes["websocket_compression_options"] == {}  # permessage-deflate con lo de tornado


def test_cache_de_archivos_con_hash_de_contenido():
    from lideres.taller.manejadores import CACHE_INMUTABLE, cache_de_extension

    base = "/voila/labextensions/"
    assert cache_de_extension(base + "jupyter-leaflet/static/380.adac897760921ac4a5d1.js") == CACHE_INMUTABLE
    assert cache_de_extension(base + "@jupyter-widgets/jupyterlab-manager/static/remoteEntry.c8c9eed2cdefdeac.js") \
        == CACHE_INMUTABLE
    assert cache_de_extension(base + "jupyter-leaflet/static/fa2c95e0610f3787c879.png") == CACHE_INMUTABLE
    assert cache_de_extension(base + "@jupyter-widgets/jupyterlab-manager/static/style.js") is None
    assert cache_de_extension(base + "jupyter-leaflet/package.json") is None


def test_cache_del_libro_solo_para_lo_que_se_llama_por_su_contenido():
    from lideres.taller.manejadores import CACHE_INMUTABLE, cache_del_libro

    assert cache_del_libro("_static/scripts/bootstrap.js", {"digest": [b"8878045cc6db502f8baf"]}) == CACHE_INMUTABLE
    assert cache_del_libro("_static/doctools.js", {"v": [b"9a2dae69"]}) == CACHE_INMUTABLE
    assert cache_del_libro("_static/styles/libro.eceed6854500.css", {}) == CACHE_INMUTABLE
    assert cache_del_libro("_images/" + "b5" * 32 + ".png", {}) == CACHE_INMUTABLE
    # nombres fijos que pueden cambiar en otra construcción (la fuente recortada), y las páginas
    assert cache_del_libro("_static/vendor/fontawesome/webfonts/fa-solid-900.woff2", {}) is None
    assert cache_del_libro("_static/tarde.js", {}) is None
    assert cache_del_libro("modulos/02_conteos_y_tasas.html", {"v": [b"1"]}) is None


def test_el_libro_decide_su_cache_una_vez_por_pedido(tmp_path, monkeypatch):
    """tornado pregunta por la caché de un archivo dos veces en cada pedido (cuánto dura y qué
    cabecera lleva): `LibroHandler` la decide una sola vez, y la respuesta es la misma."""

    import tornado.httpclient
    import tornado.httpserver
    import tornado.web
    from tornado.testing import bind_unused_port

    from lideres.taller import manejadores

    (tmp_path / "_static").mkdir()
    for nombre in ("doctools.js", "tarde.js"):
        (tmp_path / "_static" / nombre).write_text("//", encoding="utf-8")
    llamadas = []
    original = manejadores.cache_del_libro
    monkeypatch.setattr(manejadores, "cache_del_libro", lambda *a: llamadas.append(a[0]) or original(*a))

    async def cabeceras(ruta):
        enchufe, puerto = bind_unused_port()
        app = tornado.web.Application([(r"/libro/(.*)", manejadores.LibroHandler, {"path": str(tmp_path)})])
        http = tornado.httpserver.HTTPServer(app)
        http.add_sockets([enchufe])
        try:
            return (await tornado.httpclient.AsyncHTTPClient().fetch(f"http://127.0.0.1:{puerto}{ruta}")).headers
        finally:
            http.stop()

    h = correr(cabeceras("/libro/_static/doctools.js?v=9a2dae69"), 60)
    assert h["Cache-Control"] == manejadores.CACHE_INMUTABLE and "Expires" in h
    assert llamadas == ["_static/doctools.js"]
    llamadas.clear()
    h = correr(cabeceras("/libro/_static/tarde.js"), 60)
    assert "Cache-Control" not in h and "Expires" not in h
    assert llamadas == ["_static/tarde.js"]


def _cabeceras(url):
    with urllib.request.urlopen(url, timeout=60) as r:
        return r.status, r.headers


@pytest.mark.lento
def test_servidor_real_guarda_en_cache_estaticos_de_voila_y_extensiones():
    s = ServidorTaller(puerto_libre_cualquiera(), sin_libro=True, precalentados=0)
    with s:
        manager = Path(sys.prefix) / "share/jupyter/labextensions/@jupyter-widgets/jupyterlab-manager/static"
        entrada = next(p.name for p in manager.glob("remoteEntry.*.js"))
        estado, h = _cabeceras(s.url(f"/voila/labextensions/@jupyter-widgets/jupyterlab-manager/static/{entrada}"))
        assert estado == 200 and "immutable" in h["Cache-Control"] and "max-age=31536000" in h["Cache-Control"]
        estado, h = _cabeceras(s.url("/voila/labextensions/@jupyter-widgets/jupyterlab-manager/package.json"))
        assert estado == 200 and h["Cache-Control"] == "no-cache"
        estado, h = _cabeceras(s.url("/voila/static/voila.js"))
        assert estado == 200 and re.search(r"max-age=86400", h["Cache-Control"])
    assert s.codigo_salida == 0, s.texto_salida()
    # Terminó bien: su carpeta temporal (lideres_taller_*) ya no está, y lo que escribió sigue a mano.
    assert s.carpeta_temporal and not s.carpeta.exists()
    assert "Servidor detenido" in s.texto_salida() and s.texto_registro()
