"""`make sitio`: el libro abre desde file:// (doble clic), se navega por sus enlaces y la
autoevaluación funciona, sin pedir nada fuera de la computadora. Cada capítulo tiene «Abrir en
JupyterHub / Binder» (enlaces comunes: abrir la página no pide nada a mybinder.org) y ningún enlace
va a /voila/..., que solo existe en el servidor del taller."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from lideres import lanzar, libro, rutas, sitio
from lideres.errores import ErrorLideres
from lideres.modulos import listos, modulo

pytestmark = [pytest.mark.lento, pytest.mark.navegador]

M = modulo("02_conteos_y_tasas")
PREGUNTA = ".lideres-cuestionario fieldset[data-pregunta='distrito-tasa-mas-alta']"


class _Hrefs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.hrefs += [v for k, v in attrs if k == "href" and v]


def _hrefs(pagina) -> list[str]:
    h = _Hrefs()
    h.feed(pagina.read_text(encoding="utf-8"))
    return h.hrefs


@pytest.fixture(scope="module")
def destino(sitio_html, tmp_path_factory):
    return sitio.copiar(sitio_html, tmp_path_factory.mktemp("sitio") / "sitio")


def test_sitio_sin_voila_y_con_enlaces_en_linea_en_cada_capitulo(destino):
    cfg = lanzar.configuracion()
    for pagina in destino.rglob("*.html"):
        assert not [h for h in _hrefs(pagina) if "/voila/" in h], pagina
    for m in listos():
        hrefs = _hrefs(destino / libro.CARPETA_MODULOS / f"{m.id}.html")
        assert dict(lanzar.enlaces(m, cfg, tablero=False)["leccion"])["binder"] in hrefs, m.id
        assert dict(lanzar.enlaces(m, cfg, tablero=False)["leccion"])["hub"] in hrefs, m.id
        if (rutas.CUADERNOS / "tableros" / m.cuaderno).is_file():
            for url in dict(lanzar.enlaces(m, cfg, tablero=True)["tablero"]).values():
                assert url in hrefs, (m.id, url)  # el tablero, en Voilà, con internet
        assert not (destino / "facilitadores").exists()  # sin las respuestas: solo en la edición de quien facilita


def test_sitio_desde_file_con_navegacion_y_autoevaluacion(navegador, destino):
    assert (destino / "index.html").is_file()
    assert sitio.enlaces_absolutos(destino) == [] and libro.revisar_html(destino) == []

    contexto = navegador.new_context(locale="es-PE", viewport={"width": 1280, "height": 900})
    page = contexto.new_page()
    pedidos, errores = [], []
    page.on("request", lambda r: pedidos.append(r.url))
    page.on("console", lambda m: errores.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errores.append(str(e)))
    try:
        page.goto((destino / "index.html").as_uri())
        assert page.get_attribute("html", "lang") == "es"
        # Navegar como una persona: el enlace al capítulo desde la portada.
        capitulo = libro.url_capitulo(M).removeprefix(libro.RUTA_LIBRO)
        page.locator(f'a[href="{capitulo}"] >> visible=true').first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith(capitulo)
        # «Abrir en JupyterHub / Binder» arriba, con texto (sin imágenes de mybinder.org) y el
        # aviso de que necesita internet; el tablero, en Binder o en el hub, no en /voila/.
        bloque = page.locator(".lideres-en-linea")
        assert bloque.is_visible() and "necesitan internet" in bloque.inner_text()
        assert bloque.get_by_role("link", name="en Binder").get_attribute("href").startswith(
            "https://mybinder.org/v2/gh/")
        assert "/hub/user-redirect/git-pull?" in bloque.get_by_role(
            "link", name="en el JupyterHub del curso").get_attribute("href")
        tablero = page.locator(".lideres-enlace-tablero")
        assert re.search(r"urlpath=voila%2Frender%2F", tablero.get_by_role("link", name="en Binder")
                         .get_attribute("href"))
        assert "laptop de quien facilita" in tablero.inner_text()
        page.locator(PREGUNTA + " select").select_option("Lince")
        page.locator(PREGUNTA + " .lideres-revisar").click()
        assert page.locator(PREGUNTA + " .lideres-resultado").inner_text() == "✔ ¡Bien!"
        # Y de vuelta a la portada por el logo de la barra lateral.
        page.locator("a.navbar-brand >> visible=true").first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/intro.html") and "Escuela de Líderes" in page.title()
    finally:
        contexto.close()
    fuera = [u for u in pedidos if not u.startswith(("file:", "data:", "blob:"))]
    assert fuera == [], fuera  # tampoco a mybinder.org ni al hub: sus enlaces no se cargan solos
    assert errores == [], errores


def test_no_borra_una_carpeta_ajena(sitio_html, tmp_path):
    ajena = tmp_path / "mis_cosas"
    ajena.mkdir()
    (ajena / "nota.txt").write_text("no borrar", encoding="utf-8")
    with pytest.raises(ErrorLideres, match="no la creó"):
        sitio.copiar(sitio_html, ajena)
    assert (ajena / "nota.txt").read_text(encoding="utf-8") == "no borrar"
