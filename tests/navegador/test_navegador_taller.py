"""En Chromium: página de inicio, tablero, capítulo del libro y vista de celular, todo sin salir de la
computadora y sin errores en la consola."""

from __future__ import annotations

import pytest

from lideres import libro
from lideres.modulos import MODULOS, modulo
from lideres.taller import servidor as servidor_taller
from lideres.taller.proceso import SELECTOR_DISTRITOS as CAMINOS

pytestmark = [pytest.mark.lento, pytest.mark.navegador]

M = modulo("02_conteos_y_tasas")
N_DISTRITOS = 50  # Lima Metropolitana (43) + Callao (7)

# El color que se ve: lo pone la hoja de estilos del mapa (lideres.tablero.mapa), no el atributo de Leaflet.
JS_RELLENOS = f"() => Array.from(document.querySelectorAll('{CAMINOS}')).map(p => getComputedStyle(p).fill)"
JS_ORDEN = "() => Array.from(document.querySelectorAll('.lideres-barra')).map(b => b.dataset.ubigeo)"
JS_SIN_SCROLL = (
    "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
)


def _abrir_tablero(v, servidor):
    v.page.goto(servidor.url(libro.url_tablero(M)))
    v.page.wait_for_function(
        f"() => document.querySelectorAll('{CAMINOS}').length >= {N_DISTRITOS}"
        " && document.querySelectorAll('.lideres-barra').length > 0",
        timeout=90_000,
    )


def _sin_codigo_ni_traceback(page):
    html = page.content()
    texto = page.inner_text("body")
    assert "from lideres" not in html and "tablero_conteos_y_tasas(" not in html
    for palabra in ("Traceback", "There was an error", "Error", "Exception"):
        assert palabra not in texto, palabra


def test_pagina_de_inicio(pagina, servidor):
    page = pagina.page
    respuesta = page.goto(servidor.url("/"))
    assert respuesta.status == 200
    assert page.get_attribute("html", "lang") == "es"
    assert "Escuela de Líderes" in page.title()
    assert page.locator("li.lideres-modulo").count() == len(MODULOS)
    tarjeta = page.locator(f'li[data-modulo="{M.id}"]')
    # en el celular, la página ligera; el tablero de Voilà, como «versión completa»
    assert tarjeta.locator("a.lideres-tablero").get_attribute("href") == f"/ligeras/{M.id}.html"
    assert tarjeta.locator("a.lideres-tablero-completo").get_attribute("href") == libro.url_tablero(M)
    assert tarjeta.locator("a.lideres-capitulo").get_attribute("href") == libro.url_capitulo(M)
    pagina.revisar()


def test_tablero_dibuja_los_distritos(pagina, servidor):
    _abrir_tablero(pagina, servidor)
    page = pagina.page
    assert page.locator(CAMINOS).count() == N_DISTRITOS
    assert page.get_attribute("html", "lang") == "es"
    assert page.locator(".lideres-tablero").count() == 1
    assert page.locator("img.leaflet-tile").count() == 0  # sin mapa de fondo
    _sin_codigo_ni_traceback(page)
    # Solo las extensiones de widgets y del mapa: nada de nbgrader ni de Notebook en los tableros.
    extensiones = [u for u in pagina.pedidos if "/voila/labextensions/" in u]
    mapa = servidor_taller.LEAFLET_LIVIANO if servidor_taller.leaflet_liviano_armado() else "jupyter-leaflet"
    assert any(f"/{mapa}/" in u for u in extensiones), extensiones
    assert not any("nbgrader" in u or "@jupyter-notebook" in u for u in extensiones), extensiones
    pagina.captura("tablero_escritorio")
    pagina.revisar()


def test_cambiar_medida_recolorea_el_mapa_y_reordena_el_grafico(pagina, servidor):
    _abrir_tablero(pagina, servidor)
    page = pagina.page
    rellenos_conteo = page.evaluate(JS_RELLENOS)
    orden_conteo = page.evaluate(JS_ORDEN)

    page.locator(".lideres-control-medida button", has_text="Tasa por 100 mil").click()
    page.wait_for_function(f"(antes) => JSON.stringify(({JS_RELLENOS})()) !== JSON.stringify(antes)",
                           arg=rellenos_conteo)
    page.wait_for_function(f"(antes) => JSON.stringify(({JS_ORDEN})()) !== JSON.stringify(antes)",
                           arg=orden_conteo)
    rellenos_tasa = page.evaluate(JS_RELLENOS)
    orden_tasa = page.evaluate(JS_ORDEN)
    assert len(rellenos_tasa) == N_DISTRITOS
    assert rellenos_tasa != rellenos_conteo
    assert orden_tasa != orden_conteo
    assert page.get_attribute(".lideres-ranking", "data-medida") == "tasa_100k"

    page.locator(".lideres-control-medida button", has_text="Conteo").click()
    page.wait_for_function(f"(antes) => JSON.stringify(({JS_ORDEN})()) === JSON.stringify(antes)",
                           arg=orden_conteo)
    assert page.evaluate(JS_RELLENOS) == rellenos_conteo
    _sin_codigo_ni_traceback(page)
    pagina.revisar()


def test_capitulo_del_libro(pagina, servidor):
    page = pagina.page
    respuesta = page.goto(servidor.url(libro.url_capitulo(M)))
    assert respuesta.status == 200
    assert page.get_attribute("html", "lang") == "es"
    page.wait_for_load_state("networkidle")
    # Las figuras después de la primera se piden al llegar a ellas (loading="lazy"): se recorren.
    imagenes = page.evaluate(
        """async () => {
          const imgs = Array.from(document.querySelectorAll('main img'));
          for (const i of imgs) {
            i.scrollIntoView();
            if (!i.complete) await new Promise(r => { i.onload = r; i.onerror = r; });
          }
          return imgs.map(i => i.naturalWidth);
        }"""
    )
    assert imagenes and all(w > 0 for w in imagenes), imagenes
    enlace = page.locator(f'a[href="{libro.url_tablero(M)}"]')
    assert enlace.count() >= 1
    _sin_codigo_ni_traceback_libro(page)
    pagina.revisar()


def _sin_codigo_ni_traceback_libro(page):
    texto = page.inner_text("main")
    assert "Traceback" not in texto


@pytest.mark.parametrize("ruta", ["/", "tablero", "capitulo"])
def test_celular_sin_scroll_horizontal(celular, servidor, ruta):
    page = celular.page
    if ruta == "tablero":
        _abrir_tablero(celular, servidor)
    else:
        url = "/" if ruta == "/" else libro.url_capitulo(M)
        page.goto(servidor.url(url))
        page.wait_for_load_state("networkidle")
    ancho, visible = page.evaluate(JS_SIN_SCROLL)
    celular.captura(f"celular_{ruta.strip('/') or 'inicio'}")
    assert ancho <= visible, f"scroll horizontal en {ruta}: {ancho} > {visible}"
    celular.revisar()
