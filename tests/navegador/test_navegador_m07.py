"""Módulo 07 en Chromium a 360 × 640, en el tablero de Voilà de verdad: la herramienta de dibujo
habla español (leaflet.draw con los textos de lideres_tablero.js), el líder marca una zona, ve los
datos, y cambia entre celdas, puntos, hexágonos y densidad: cada vista con su pie (nivel · periodo ·
sintético), sin scroll horizontal, sin errores en la consola, sin pedidos fuera de la computadora y
sin problemas graves de accesibilidad (axe)."""

from __future__ import annotations

import pytest

from lideres.taller.proceso import ServidorTaller
from tests.ingles import palabras_en_ingles
from tests.navegador import ayudas
from tests.navegador.ayudas import JS_SIN_SCROLL

pytestmark = [pytest.mark.lento, pytest.mark.navegador]

TABLERO = "/voila/render/tableros/07_puntos_calientes.ipynb"
# Textos de leaflet.draw en inglés (los de su L.drawLocal original) que no deben aparecer.
INGLES_DIBUJO = ("Click", "Draw a", "Release mouse", "Cancel drawing", "Finish drawing", "Delete last point")


@pytest.fixture
def servidor_07(ruta_chromium):
    s = ServidorTaller(sin_libro=True, precalentados=0)
    s.iniciar()
    yield s
    s.detener()


def _sin_ingles(page) -> None:
    # Lo que se lee: el texto de la página y los títulos y nombres accesibles de lo que se ve (lo que
    # dice un botón al pasar el dedo o un lector de pantalla).
    titulos = page.evaluate("""() => Array.from(document.querySelectorAll('[title], [aria-label]'))
        .filter(e => e.getClientRects().length > 0)
        .map(e => e.tagName + '.' + e.className + ': ' + (e.getAttribute('title') || '') + ' '
                  + (e.getAttribute('aria-label') || ''))""")
    texto = page.inner_text("body") + " " + " ".join(t.split(": ", 1)[-1] for t in titulos)
    en_titulos = [t for t in titulos if palabras_en_ingles(t.split(": ", 1)[-1])]
    assert palabras_en_ingles(texto) == [], en_titulos
    assert not [t for t in INGLES_DIBUJO if t in texto], [t for t in INGLES_DIBUJO if t in texto]


def test_marcar_y_cambiar_la_forma_de_dibujar_en_el_celular(navegador, servidor_07, vigilar):
    from tests.navegador.test_navegador_modulos import JS_FIGURAS_SIN_FUENTE

    contexto = navegador.new_context(locale="es-PE", viewport={"width": 360, "height": 640},
                                     device_scale_factor=2, is_mobile=True, has_touch=True)
    v = vigilar(contexto)
    page = v.page
    page.goto(servidor_07.url(TABLERO))
    boton = page.wait_for_selector(".lideres-tablero-puntos-calientes .leaflet-draw-draw-rectangle",
                                   timeout=120_000)
    page.wait_for_selector(".lideres-mapa path.leaflet-interactive")
    # Lo primero que se hace es marcar en el mapa: empieza en la primera pantalla del celular.
    arriba = page.locator(".lideres-mapa").bounding_box()["y"]
    assert arriba < 640 - 80, f"el mapa empieza en y={arriba:.0f}, casi fuera de la primera pantalla"
    # La herramienta de dibujo, en español antes y durante el dibujo.
    assert boton.get_attribute("title") == "Dibujar un rectángulo"
    boton.hover()
    _sin_ingles(page)
    boton.click()
    consejo = page.wait_for_selector(".leaflet-draw-tooltip", state="attached")
    assert "Toca y arrastra para dibujar un rectángulo" in consejo.inner_text()
    cancelar = page.locator(".leaflet-draw-actions a").first
    assert cancelar.inner_text() == "Cancelar" and cancelar.get_attribute("title") == "Cancelar el dibujo"
    _sin_ingles(page)
    # Marca un rectángulo en el centro del mapa (arrastrar, como con el dedo).
    caja = page.locator(".lideres-mapa").bounding_box()
    x, y = caja["x"] + caja["width"] * 0.35, caja["y"] + caja["height"] * 0.35
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 40, y + 30, steps=5)
    assert "Suelta para terminar el dibujo" in page.inner_text(".leaflet-draw-tooltip")
    page.mouse.move(x + caja["width"] * 0.3, y + caja["height"] * 0.3, steps=5)
    page.mouse.up()
    page.wait_for_timeout(500)
    page.get_by_role("button", name="Ya marqué: mostrar los datos").click()
    page.wait_for_selector(".lideres-resultados-07 .lideres-celdas-07")
    # La marca llegó al kernel: la comparación la cuenta y el mapa de celdas la dibuja con rayas.
    # Los valores de los deslizadores se leen enteros (antes quedaban cortados debajo de la barra).
    # Los meses no muestran «1 – 12»: la frase de al lado los dice con su nombre.
    assert page.locator(".lideres-control-meses .widget-readout").is_hidden()
    assert "Meses: de ene a dic." in page.inner_text(".lideres-resultados-07")
    cortados = page.evaluate("""() => Array.from(document.querySelectorAll(
        '.lideres-control:not(.lideres-control-meses) .widget-slider'))
        .filter(s => { const v = s.querySelector('.widget-readout'); const caja = s.closest('.lideres-control');
                       return !v || v.getBoundingClientRect().height < 10
                         || v.getBoundingClientRect().bottom > caja.getBoundingClientRect().bottom + 0.5; })
        .map(s => s.textContent.trim())""")
    assert cortados == [], cortados
    comparacion = page.inner_text(".lideres-resultados-07 .lideres-resultado")
    assert "No marcaste una zona" not in comparacion and "Tu marca cubre" in comparacion, comparacion
    assert page.locator(".lideres-celdas-07 rect.lideres-celda-marcada").count() >= 1

    for nombre, vista in (("Puntos", "puntos"), ("Hexágonos", "hexagonos"), ("Densidad", "densidad"),
                          ("Celdas", "celdas")):
        page.locator(".lideres-control-vista button", has_text=nombre).click()
        figura = page.wait_for_selector(f".lideres-resultados-07 figure[data-vista='{vista}'], "
                                        f".lideres-resultados-07 figure.lideres-{vista}-07")
        pie = figura.query_selector(".lideres-fuente").inner_text()
        assert "El Porvenir" in pie and "2024-2025" in pie and "sintéticos" in pie, pie
        ancho, visible = page.evaluate(JS_SIN_SCROLL)
        assert ancho <= visible, f"scroll horizontal en la vista {vista}: {ancho} > {visible}"
        figuras, sin_fuente = page.evaluate(JS_FIGURAS_SIN_FUENTE)
        assert figuras >= 1 and not sin_fuente, sin_fuente
        if vista == "densidad":
            page.locator(".lideres-control-banda button", has_text="600 m").click()
            page.wait_for_selector(".lideres-resultados-07 figure[data-banda='600']")
            assert "radio de 600 m" in page.inner_text(".lideres-resultados-07 .lideres-fuente")
            v.captura("m07_densidad")
            graves = ayudas.axe_graves(page)
            assert not graves, "axe-core:\n" + "\n".join(graves)
        if vista == "hexagonos":
            v.captura("m07_hexagonos")
    ayudas.revisar_controles(page)
    _sin_ingles(page)
    v.revisar()
    contexto.close()
