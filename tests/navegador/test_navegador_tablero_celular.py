"""El tablero del módulo 02 en un teléfono (360 × 640, táctil): controles accesibles, zoom en español,
crédito del mapa con la fuente, y un toque que no se pierde."""

from __future__ import annotations

import pytest

from lideres import libro
from lideres.modulos import modulo
from lideres.taller.proceso import SELECTOR_DISTRITOS as CAMINOS

pytestmark = [pytest.mark.lento, pytest.mark.navegador]

M = modulo("02_conteos_y_tasas")
# La caja que se desliza alrededor del mapa (en Voilà no es la ventana).
DESLIZABLE = (
    "(m => { let c = m.parentElement; while (c && !(c.scrollHeight > c.clientHeight"
    " && /auto|scroll/.test(getComputedStyle(c).overflowY))) c = c.parentElement;"
    " return c || document.scrollingElement; })(document.querySelector('.lideres-mapa'))"
)


def _abrir(v, servidor):
    v.page.goto(servidor.url(libro.url_tablero(M)))
    v.page.wait_for_function(
        f"() => document.querySelectorAll('{CAMINOS}').length >= 50"
        " && document.querySelectorAll('.lideres-barra').length > 0",
        timeout=90_000,
    )


def test_titulo_botones_y_lista_accesibles(celular, servidor):
    _abrir(celular, servidor)
    page = celular.page
    assert page.title() == "Conteos y tasas — Escuela de Líderes"
    botones = page.locator(".lideres-control-medida button")
    page.wait_for_function(
        "() => document.querySelectorAll('.lideres-control-medida button[aria-pressed]').length == 2")
    assert botones.nth(0).get_attribute("aria-pressed") == "true"
    assert botones.nth(1).get_attribute("aria-pressed") == "false"
    # elegido: no solo un gris (fondo azul oscuro y letra blanca)
    fondo, letra = page.evaluate(
        "() => { const b = document.querySelector('.lideres-control-medida button.mod-active');"
        " const s = getComputedStyle(b); return [s.backgroundColor, s.color]; }")
    assert fondo == "rgb(37, 52, 148)" and letra == "rgb(255, 255, 255)"
    botones.nth(1).click()
    page.wait_for_function(
        "() => document.querySelectorAll('.lideres-control-medida button')[1]"
        ".getAttribute('aria-pressed') === 'true'")
    # lo que cambia el botón (el orden de los primeros) queda a menos de una pantalla de él
    page.wait_for_function("() => (document.querySelector('.lideres-primeros') || {}).textContent"
                           "?.includes('tasa por 100 mil')")
    boton, primeros = botones.nth(1).bounding_box(), page.locator(".lideres-primeros").bounding_box()
    assert 0 < primeros["y"] + primeros["height"] - boton["y"] < 640
    # la lista tiene su etiqueta y muestra «— Elige un distrito —»
    lista = page.locator(".lideres-control-distrito select")
    texto = lista.evaluate("s => s.options[s.selectedIndex].text").replace("\xa0", " ")
    assert texto == "— Elige un distrito —"
    assert page.get_by_label("Distrito (o tócalo en el mapa)").count() == 1
    # zoom en español y crédito con la fuente de los datos
    assert page.get_attribute(".leaflet-control-zoom-in", "title") == "Acercar"
    assert page.get_attribute(".leaflet-control-zoom-out", "title") == "Alejar"
    credito = page.inner_text(".leaflet-control-attribution")
    assert "MININTER" in credito and "Límites: IGN" in credito and "ipyleaflet" not in credito
    celular.revisar()


def test_primer_toque_en_el_mapa_a_medias_no_se_pierde(celular, servidor):
    _abrir(celular, servidor)
    page = celular.page
    # El mapa queda a medias: solo su mitad de arriba en la parte baja de la pantalla.
    # Voilà no desliza la ventana sino una caja interior: se desliza esa (la primera que se desliza).
    page.evaluate(
        f"() => {{ const m = document.querySelector('.lideres-mapa'); const c = {DESLIZABLE};"
        " c.scrollTop += m.getBoundingClientRect().top - window.innerHeight + m.offsetHeight / 2; }")
    visibles = page.evaluate(
        f"() => Array.from(document.querySelectorAll('{CAMINOS}')).map(p => {{"
        " const r = p.getBoundingClientRect();"
        " return [Array.from(p.classList).find(c => c.startsWith('lideres-ubigeo-')), r.x + r.width / 2,"
        " r.y + r.height / 2, r.width * r.height]; })"
        ".filter(([, x, y]) => x > 20 && x < 340 && y > 20 && y < 620)"
        ".sort((a, b) => b[3] - a[3])")
    assert visibles, "ningún distrito se ve en la parte visible del mapa"
    clase, x, y, _ = visibles[0]
    ubigeo = clase.removeprefix("lideres-ubigeo-")
    mapa = page.locator(".lideres-mapa").bounding_box()
    assert mapa["y"] + mapa["height"] > 640, "el mapa debe quedar a medias"
    antes = page.evaluate(f"() => {DESLIZABLE}.scrollTop")
    page.touchscreen.tap(x, y)
    page.wait_for_function(
        f"() => document.querySelector('.lideres-info')?.dataset.ubigeo === '{ubigeo}'",
        timeout=30_000)
    assert page.evaluate(f"() => {DESLIZABLE}.scrollTop") >= antes - 5  # la página no saltó hacia arriba
    # la ficha queda a la vista (se trae si hace falta)
    page.wait_for_function(
        "() => { const r = document.querySelector('.lideres-info').getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight; }", timeout=10_000)
    celular.revisar()
