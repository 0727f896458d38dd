"""Lo que repetían las pruebas en Chromium: el servidor del taller con un curso (para una fixture de
módulo), un celular de 360×640, axe-core, los toques de menos de 44 px, elegir un archivo como en el
celular y JupyterLab en esta computadora."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from lideres.taller.proceso import ServidorTaller, puerto_libre_cualquiera

# Lo que axe-core marca como grave: una prueba falla con cualquiera de estos.
GRAVES = {"serious", "critical"}
# En las páginas de Voilà (tableros y ejercicio), además: todo dentro de una región, con un solo <main>
# (issue 22; «region» es moderado para axe, pero un lector de pantalla salta al tablero por <main>).
REGIONES_VOILA = {"region", "landmark-one-main", "landmark-no-duplicate-main", "landmark-main-is-top-level"}
# Un celular barato: 360×640, pantalla táctil.
CELULAR = {"locale": "es-PE", "viewport": {"width": 360, "height": 640}, "device_scale_factor": 2,
           "is_mobile": True, "has_touch": True}
# En una máquina cargada (CI, o las pruebas en paralelo) JupyterLab tarda en arrancar.
ESPERA_JUPYTERLAB_S = 300
JS_SIN_SCROLL = "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
# Los controles de un tablero que miden menos de 44 px de alto (el mínimo para un dedo).
JS_CONTROLES_BAJOS = """() => Array.from(document.querySelectorAll(
      '.lideres-control button, .lideres-control input, .lideres-control select'))
    .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 43.5)
    .map(e => e.outerHTML.slice(0, 80))"""


@contextmanager
def taller_con_curso(curso: Path, registro: Path, **opciones):
    """El servidor del taller (`lideres taller --curso`) sin libro ni kernels de reserva, para una
    fixture de módulo. Al salir se detiene, se borra `curso` y falla si el servidor no se detuvo limpio."""
    opciones = {"sin_libro": True, "precalentados": 0, "espera_s": 300, **opciones}
    s = ServidorTaller(curso=curso, carpeta=registro, **opciones)
    s.iniciar()
    try:
        yield s
    finally:
        codigo = s.detener()
        shutil.rmtree(curso, ignore_errors=True)
    assert codigo == 0, "el servidor no se detuvo limpio:\n" + s.texto_salida()


def celular(navegador, **extra):
    """Un contexto de Chromium como el celular de una persona (CELULAR)."""
    return navegador.new_context(**{**CELULAR, **extra})


def axe_graves(page) -> list[str]:
    """Los problemas graves de accesibilidad (axe-core, incluido en el paquete: sin internet); en una
    página de Voilà, también lo que queda fuera de una región (REGIONES_VOILA)."""
    from axe_playwright_python.sync_playwright import Axe

    voila = page.evaluate("() => !!document.body && document.body.classList.contains('lideres-voila')")
    contar = REGIONES_VOILA if voila else set()
    # Sin «preload»: axe volvería a pedir las hojas de estilo por su cuenta (y resuelve mal un
    # @import relativo del tema del libro, con un 404 que no existe para el navegador).
    resultado = Axe().run(page, options={"resultTypes": ["violations"], "preload": False})
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in resultado.response["violations"]
        if v.get("impact") in GRAVES or v["id"] in contar
    ]


def revisar_controles(page) -> None:
    """Controles de 44 px o más y nada grave para axe-core."""
    bajos = page.evaluate(JS_CONTROLES_BAJOS)
    assert not bajos, f"controles de menos de 44 px: {bajos}"
    graves = axe_graves(page)
    assert not graves, "axe-core:\n" + "\n".join(graves)


def respuestas_fallidas(page) -> list[tuple[int, str]]:
    """Anota (código, url) de cada respuesta 400 o más de la página, desde ahora."""
    fallidas: list[tuple[int, str]] = []
    page.on("response", lambda r: fallidas.append((r.status, r.url)) if r.status >= 400 else None)
    return fallidas


def elegir_archivo(page, boton: str, ruta: Path) -> None:
    """Como en el celular: tocar el botón de subir y elegir el archivo."""
    with page.expect_file_chooser() as eleccion:
        page.click(boton)
    eleccion.value.set_files(str(ruta))


@contextmanager
def jupyterlab(casa: Path, ficha: str, entorno: dict | None = None):
    """JupyterLab en 127.0.0.1, con `casa` como carpeta raíz; da la dirección base. Sin internet: ni
    el catálogo de extensiones de PyPI, ni las noticias, ni el aviso de versiones nuevas."""
    puerto = puerto_libre_cualquiera()
    proceso = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={puerto}", "--ip=127.0.0.1",
         f"--ServerApp.root_dir={casa}", f"--IdentityProvider.token={ficha}", "--allow-root",
         "--LabApp.extension_manager=readonly", "--LabApp.news_url=None",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        cwd=casa, env=entorno, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{puerto}"
    try:
        limite = time.monotonic() + ESPERA_JUPYTERLAB_S
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={ficha}", timeout=5)
                break
            except OSError:
                if proceso.poll() is not None:
                    pytest.fail("JupyterLab no arrancó")
                if time.monotonic() > limite:
                    pytest.fail(f"JupyterLab no respondió en {ESPERA_JUPYTERLAB_S // 60} minutos")
                time.sleep(0.5)
        yield base
    finally:
        proceso.terminate()
        try:
            proceso.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proceso.kill()
