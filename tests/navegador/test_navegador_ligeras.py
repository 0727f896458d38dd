"""Páginas ligeras (lideres.ligera) en un celular (360 × 640): para el mismo estado muestran los
mismos textos, cifras, figuras y colores que el tablero de Voilà; axe-core sin fallas graves; nada
fuera de la computadora; sin JavaScript, la vista inicial; y en el sitio estático, servido por un
servidor de archivos común, el capítulo abre un tablero que funciona."""

from __future__ import annotations

import base64
import hashlib
import re
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import PurePosixPath

import pytest

from lideres import libro, ligera, sitio
from lideres.modulos import modulo
from lideres.taller.proceso import ServidorTaller
from tests.navegador import ayudas

pytestmark = [pytest.mark.lento, pytest.mark.navegador]

# Lo que se compara entre las dos versiones: todo lo que dice el tablero.
TEXTOS = (".lideres-titulo, .lideres-primeros, .lideres-leyenda, .lideres-ranking, .lideres-info, "
          ".lideres-resultado, .lideres-antes, .lideres-aviso-sintetico, .lideres-nota")
# Un estado distinto del inicial por módulo: (control, opción como se lee en el botón o la lista).
CAMBIOS = {
    "01_datos_de_seguridad": [("distrito", "La Esperanza"), ("departamento", "Lima"), ("anio", "2020")],
    "02_conteos_y_tasas": [("medida", "Tasa por 100 mil habitantes"), ("anio", "2024"),
                           ("distrito", "San Juan de Lurigancho")],
    "03_cifra_negra": [("supuesto", "30"), ("ambito", "Callao")],
    "04_percepcion": [("ambito", "Callao"), ("anio", "2020")],
    # 05: los periodos dependen de la serie (la lista cambia al elegir otra serie).
    "05_tendencias": [("serie", "Departamento de Lima, por año"), ("periodo", "2021"), ("titular", "−20 %"),
                      ("ventana", "6")],
    "06_leer_mapas": [("medida", "Conteo"), ("esquema", "Cortes naturales"), ("clases", "4"),
                      ("paleta", "Naranjas"), ("anio", "2024")],
    "08_datos_responsables": [("radio", "100 m"), ("metodo", "Puntos anónimos (k casas)"), ("k", "15")],
}
MODULOS = list(CAMBIOS)
JS_TEXTOS = f"""() => Array.from(document.querySelectorAll('{TEXTOS}'))
  .filter(e => !e.parentElement.closest('{TEXTOS}'))
  .map(e => e.innerText.replace(/\\s+/g, ' ').trim())"""
JS_FIGURAS = "() => Array.from(document.querySelectorAll('.lideres-figura img')).map(i => i.getAttribute('src'))"


@pytest.fixture(scope="module")
def servidor_ligero(ruta_chromium):
    """El taller con las páginas ligeras al día (sin construir el libro)."""
    ligera.construir(imprimir=lambda *a: None)
    s = ServidorTaller(sin_libro=True, precalentados=1)
    s.iniciar()
    yield s
    assert s.detener() == 0, s.texto_salida()


def _contexto(navegador, **extra):
    return ayudas.celular(navegador, **extra)


def _huellas_voila(srcs: list[str]) -> list[str]:
    """El nombre que la página ligera da a cada figura de Voilà (sus bytes, por contenido)."""
    return [hashlib.sha1(base64.b64decode(s.split(",", 1)[1])).hexdigest()[:16] + ".png" for s in srcs]


def _elegir(page, lista: str, botones: str, texto: str) -> None:
    if page.locator(lista).count():
        page.locator(lista).first.select_option(label=texto)
    else:
        page.locator(botones).filter(has_text=re.compile(rf"^\s*{re.escape(texto)}\s*$")).click()


def _abrir_ligera(v, servidor, m: str, ancla: str = ""):
    v.page.goto(servidor.url(f"/ligeras/{m}.html{ancla}"))
    v.page.wait_for_selector("html.lig-con-js", state="attached")


def _colores(page, selector: str, atributo: str) -> dict:
    return page.evaluate(
        f"() => Object.fromEntries(Array.from(document.querySelectorAll('{selector}'))"
        f".map(p => [{atributo}, getComputedStyle(p).fill]))")


@pytest.mark.parametrize("m", MODULOS)
def test_ligera_igual_al_tablero_de_voila(navegador, servidor_ligero, vigilar, m):
    contexto = _contexto(navegador)
    v = vigilar(contexto)
    try:
        # 1. La página ligera: se tocan sus controles (el script común aplica el estado ya calculado).
        _abrir_ligera(v, servidor_ligero, m)
        page = v.page
        iniciales = page.evaluate(JS_TEXTOS)
        for control, texto in CAMBIOS[m]:
            _elegir(page, f"select[data-lig-control='{control}']", f"button[data-lig-control='{control}']",
                    texto)
        ligeros = page.evaluate(JS_TEXTOS)
        assert ligeros != iniciales
        figuras = [PurePosixPath(s).name for s in page.evaluate(JS_FIGURAS)]
        colores = _colores(page, "[data-lig-mapa] path", "p.dataset.ligValor")
        # la dirección lleva el estado: al volver a abrirla, el mismo estado
        direccion = page.url
        assert "#" in direccion
        page.goto("about:blank")
        page.goto(direccion)
        page.wait_for_selector("html.lig-con-js", state="attached")
        assert page.evaluate(JS_TEXTOS) == ligeros
        v.revisar()

        # 2. El tablero de Voilà, con los mismos controles tocados.
        page.goto(servidor_ligero.url(libro.url_tablero(modulo(m))))
        page.wait_for_selector(".lideres-tablero .lideres-controles, .lideres-tablero .lideres-control",
                               timeout=120_000)
        page.wait_for_function(f"() => ({JS_TEXTOS})().length > 0", timeout=120_000)
        for control, texto in CAMBIOS[m]:
            _elegir(page, f".lideres-control-{control} select", f".lideres-control-{control} button", texto)
        try:
            page.wait_for_function(f"(esperado) => JSON.stringify(({JS_TEXTOS})()) === JSON.stringify(esperado)",
                                   arg=ligeros, timeout=60_000)
        except Exception:
            pass
        assert page.evaluate(JS_TEXTOS) == ligeros  # mismos textos y cifras
        # las mismas figuras, byte a byte (cada una llega en su propio mensaje: se espera a la última)
        for _ in range(60):
            if _huellas_voila(page.evaluate(JS_FIGURAS)) == figuras:
                break
            page.wait_for_timeout(500)
        assert _huellas_voila(page.evaluate(JS_FIGURAS)) == figuras
        if colores:
            # el color que se ve (en Voilà lo pone la hoja de estilos del mapa, no el atributo)
            page.wait_for_function(
                "(c) => Object.entries(c).every(([u, f]) => { const p = document.querySelector("
                "`.lideres-ubigeo-${u}`); return !!p && getComputedStyle(p).fill === f; })",
                arg=colores, timeout=60_000)
    finally:
        contexto.close()


@pytest.mark.parametrize("m", MODULOS)
def test_ligera_accesible_y_legible_en_el_celular(navegador, servidor_ligero, vigilar, m):
    contexto = _contexto(navegador)
    v = vigilar(contexto)
    try:
        _abrir_ligera(v, servidor_ligero, m)
        page = v.page
        assert page.get_attribute("html", "lang") == "es"
        assert page.locator("main").count() == 1 and page.locator("h1").count() == 1
        graves = ayudas.axe_graves(page)
        assert not graves, "axe-core:\n" + "\n".join(graves)
        # toques de 44 px y letra de 12 px o más (como se ve a 360 px)
        chicos = page.evaluate(
            "() => Array.from(document.querySelectorAll('button, select')).filter(b => {"
            " const r = b.getBoundingClientRect(); return r.height < 44 || r.width < 44; }).length")
        assert chicos == 0
        letra = page.evaluate(
            "() => Array.from(document.querySelectorAll('main *')).filter(e => !e.closest('svg') &&"
            " Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()))"
            ".map(e => parseFloat(getComputedStyle(e).fontSize)).reduce((a, b) => Math.min(a, b), 99)")
        assert letra >= 12
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360  # sin barra horizontal
        # las figuras se llaman por su contenido: el celular las guarda (no las vuelve a pedir)
        for src in page.evaluate(JS_FIGURAS)[:1]:
            respuesta = page.request.get(servidor_ligero.url(f"/ligeras/{src}"))
            assert respuesta.ok and "max-age=31536000" in respuesta.headers.get("cache-control", "")
        # con el teclado: el primer botón recibe el foco
        boton = page.locator("button[data-lig-control]").first
        boton.focus()
        assert page.evaluate("() => document.activeElement.matches('button[data-lig-control]')")
        v.revisar()
    finally:
        contexto.close()


@pytest.mark.parametrize("m", MODULOS)
def test_ligera_sin_javascript_muestra_la_vista_inicial(navegador, servidor_ligero, vigilar, m):
    con_js = _contexto(navegador)
    v = vigilar(con_js)
    try:
        _abrir_ligera(v, servidor_ligero, m)
        iniciales = v.page.evaluate(JS_TEXTOS)
        figuras = v.page.evaluate(JS_FIGURAS)
    finally:
        con_js.close()
    sin_js = _contexto(navegador, java_script_enabled=False)
    try:
        page = sin_js.new_page()
        page.goto(servidor_ligero.url(f"/ligeras/{m}.html"))
        assert page.locator("noscript").count() == 1
        # playwright evalúa aunque la página no tenga JavaScript
        assert page.evaluate(JS_TEXTOS) == iniciales
        assert page.evaluate(JS_FIGURAS) == figuras
        assert page.locator("button[aria-pressed='true']").count() >= 1
    finally:
        sin_js.close()


@pytest.fixture(scope="module")
def sitio_servido(sitio_html, tmp_path_factory):
    """El sitio estático servido por un servidor de archivos común (python -m http.server)."""
    destino = sitio.copiar(sitio_html, tmp_path_factory.mktemp("sitio") / "sitio")
    manejador = partial(SimpleHTTPRequestHandler, directory=str(destino))
    manejador.log_message = lambda *a: None
    servidor = ThreadingHTTPServer(("127.0.0.1", 0), manejador)
    hilo = threading.Thread(target=servidor.serve_forever, daemon=True)
    hilo.start()
    yield f"http://127.0.0.1:{servidor.server_address[1]}/"
    servidor.shutdown()
    servidor.server_close()


def test_sitio_estatico_capitulo_con_tablero_que_funciona(navegador, sitio_servido, vigilar):
    m = modulo("02_conteos_y_tasas")
    contexto = _contexto(navegador)
    v = vigilar(contexto)
    try:
        page = v.page
        page.goto(sitio_servido + f"{libro.CARPETA_MODULOS}/{m.id}.html")
        enlace = page.locator(".lideres-enlace-ligera a")
        assert "sin internet" in page.locator(".lideres-enlace-ligera").inner_text()
        enlace.click()
        page.wait_for_selector("html.lig-con-js", state="attached")
        assert page.url.startswith(sitio_servido + f"{libro.CARPETA_LIGERAS}/")
        assert page.locator("[data-lig-mapa] path").count() == 50
        titulo = page.inner_text(".lideres-titulo")
        page.locator("button[data-lig-control='medida'][data-lig-valor='tasa_100k']").click()
        assert page.inner_text(".lideres-titulo") != titulo and "100 mil" in page.inner_text(".lideres-titulo")
        page.locator("[data-lig-mapa] path[data-lig-valor='150132']").tap()
        assert "San Juan de Lurigancho" in page.inner_text(".lideres-info")
        # Como en Voilà, el distrito elegido queda marcado en el ranking (por número, SJL está arriba).
        page.locator("button[data-lig-control='medida'][data-lig-valor='conteo']").click()
        barra = page.locator(".lideres-barra[data-ubigeo='150132']")
        assert "lideres-barra-seleccionada" in barra.get_attribute("class")
        assert barra.get_attribute("aria-current") == "true"
        marcadas = page.eval_on_selector_all(".lideres-barra-seleccionada", "es => es.map(e => e.dataset.ubigeo)")
        assert marcadas and set(marcadas) == {"150132"}
        v.revisar()
    finally:
        contexto.close()
