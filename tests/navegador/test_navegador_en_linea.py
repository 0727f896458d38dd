"""El enlace «en el JupyterHub del curso» funciona con nbgitpuller de verdad, sin internet.

Un JupyterLab local (con las extensiones del proyecto: nbgitpuller y Voilà) hace de servidor de una
persona en el hub; un repositorio git local con la lección y el tablero del módulo 02, en las mismas
rutas que el repositorio del curso, hace de GitHub. Se abre en Chromium la consulta del enlace que
arma lideres.lanzar (sin el /hub/user-redirect/ del hub, que solo reenvía al servidor de la persona):
nbgitpuller clona el repositorio en la carpeta con su nombre y abre la lección en JupyterLab, y
luego el tablero en Voilà.
"""

from __future__ import annotations

import shutil
import subprocess
from urllib.parse import urlparse

import pytest

from lideres import lanzar, rutas
from lideres.modulos import modulo
from tests.navegador import ayudas

pytestmark = [pytest.mark.lento, pytest.mark.navegador]

M = modulo("02_conteos_y_tasas")
FICHA = "prueba-en-linea"
RAMA = "estable"


def _git(carpeta, *argumentos):
    subprocess.run(["git", "-c", "user.name=Prueba", "-c", "user.email=prueba@localhost",
                    "-c", "init.defaultBranch=" + RAMA, *argumentos],
                   cwd=carpeta, check=True, capture_output=True)


@pytest.fixture(scope="module")
def repositorio(tmp_path_factory):
    if not shutil.which("git"):
        pytest.skip("falta git")
    fuente = tmp_path_factory.mktemp("github") / "curso"
    for ruta in (lanzar.ruta_leccion(M), lanzar.ruta_tablero(M)):
        (fuente / ruta).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(rutas.RAIZ / ruta, fuente / ruta)
    _git(fuente, "init", "-q")
    _git(fuente, "add", ".")
    _git(fuente, "commit", "-q", "-m", "lección y tablero del 02")
    return fuente


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    casa = tmp_path_factory.mktemp("casa")
    with ayudas.jupyterlab(casa, FICHA) as base:
        yield base, casa


def _en_el_servidor(url_hub: str, base: str) -> str:
    """La misma consulta que el enlace del hub, hecha al servidor de la persona."""
    u = urlparse(url_hub)
    assert u.path.endswith("/hub/user-redirect/git-pull")
    return f"{base}/git-pull?{u.query}"


def test_enlace_del_hub_clona_y_abre_la_leccion_y_el_tablero(navegador, repositorio, jupyterlab):
    base, casa = jupyterlab
    cfg = lanzar.EnLinea(repositorio=repositorio.as_uri(), rama=RAMA, binder="", hub="https://hub.ejemplo")
    enlaces = lanzar.enlaces(M, cfg, tablero=True)
    contexto = navegador.new_context(locale="es-PE")
    bloqueados = []

    def solo_local(ruta):  # la prueba no sale de la máquina: lo de afuera se bloquea y se anota
        if urlparse(ruta.request.url).hostname in ("127.0.0.1", None):
            ruta.continue_()
        else:
            bloqueados.append(ruta.request.url)
            ruta.abort()

    contexto.route("**/*", solo_local)
    page = contexto.new_page()
    try:
        page.goto(f"{base}/lab?token={FICHA}")  # inicia la sesión, como el login del hub
        page.goto(_en_el_servidor(dict(enlaces["leccion"])["hub"], base))
        page.wait_for_url(f"**/lab/tree/curso/{lanzar.ruta_leccion(M)}", timeout=120_000)
        assert (casa / "curso" / lanzar.ruta_leccion(M)).is_file()
        page.wait_for_load_state("networkidle")
        assert bloqueados == [], bloqueados  # JupyterLab y nbgitpuller no piden nada afuera
        # El tablero: el repositorio ya está; nbgitpuller lo actualiza y lo abre en Voilà.
        page.goto(_en_el_servidor(dict(enlaces["tablero"])["hub"], base))
        page.wait_for_url(f"**/voila/render/curso/{lanzar.ruta_tablero(M)}", timeout=120_000)
        # La plantilla «lab» de Voilà (la que hay en Binder y en el hub) pide Font Awesome y MathJax
        # a un CDN; allá hay internet. Aquí se bloquean y el tablero igual se dibuja.
        page.wait_for_selector(".lideres-tablero", timeout=180_000)
        assert all("cdn" in (urlparse(u).hostname or "") for u in bloqueados), bloqueados
    finally:
        contexto.close()
