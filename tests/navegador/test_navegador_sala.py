"""En Chromium: un tablero nunca queda a medias ni callado.

- Si su kernel desaparece (aquí el servidor lo mata, como cuando un kernel se queda sin memoria o
  se apaga por inactivo), la página se cubre con «Se perdió la conexión — toca para volver a
  cargar» y al tocar vuelve a cargar un tablero que funciona.
- Si una celda falla, la página lo dice en español, reintenta sola (dos veces) y deja «Reintentar».
"""

from __future__ import annotations

import json

import pytest

from lideres.taller.proceso import ServidorTaller
from tests.navegador import ayudas

pytestmark = [pytest.mark.lento, pytest.mark.navegador]


def _cuaderno(fuente: str) -> str:
    return json.dumps({
        "cells": [{"cell_type": "code", "execution_count": None, "id": "c0", "metadata": {},
                   "outputs": [], "source": fuente}],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5,
    })


@pytest.fixture(scope="module")
def sala(ruta_chromium, tmp_path_factory):
    raiz = tmp_path_factory.mktemp("sala")
    (raiz / "tableros").mkdir()
    (raiz / "tableros" / "deslizador.ipynb").write_text(
        _cuaderno("import ipywidgets as w\nw.IntSlider(value=3, description='Valor')"), encoding="utf-8")
    (raiz / "tableros" / "roto.ipynb").write_text(_cuaderno("1 / 0"), encoding="utf-8")
    s = ServidorTaller(carpeta=tmp_path_factory.mktemp("registro"), sin_libro=True, precalentados=0, participantes=3, cuadernos=raiz)
    s.iniciar()
    yield s
    assert s.detener() == 0, s.texto_salida()


@pytest.fixture
def pagina_sala(navegador, sala):
    contexto = navegador.new_context(locale="es-PE", viewport={"width": 360, "height": 640})
    page = contexto.new_page()
    page.set_default_timeout(90_000)
    yield page
    contexto.close()


def test_kernel_perdido_pide_volver_a_cargar(pagina_sala, sala):
    page = pagina_sala
    page.goto(sala.url("/voila/render/tableros/deslizador.ipynb"))
    page.wait_for_selector(".widget-slider")
    kernel = page.evaluate("window.lideres.kernelId()")
    assert kernel
    assert page.locator("#lideres-perdida").count() == 0

    ayudas.matar_kernel(sala, kernel)
    aviso = page.locator("#lideres-perdida")
    aviso.wait_for(state="visible", timeout=60_000)
    assert "Se perdió la conexión — toca para volver a cargar" in aviso.inner_text()
    assert page.get_attribute("#lideres-perdida", "lang") == "es"
    # Cubre toda la página: un toque en el tablero no llega al deslizador viejo.
    caja = aviso.bounding_box()
    assert caja["width"] >= 350 and caja["height"] >= 630

    aviso.click()
    page.wait_for_selector(".widget-slider")
    nuevo = page.evaluate("window.lideres.kernelId()")
    assert nuevo and nuevo != kernel
    assert page.locator("#lideres-perdida").count() == 0


def test_celda_fallida_dice_reintentar_y_reintenta(pagina_sala, sala):
    page = pagina_sala
    cargas = []
    page.on("request", lambda r: cargas.append(r.url) if r.resource_type == "document" else None)
    page.goto(sala.url("/voila/render/tableros/roto.ipynb"))
    # Dos reintentos automáticos y después el aviso con el botón, sin más recargas.
    page.wait_for_function(
        "() => { const a = document.getElementById('lideres-aviso');"
        " return a && a.textContent.startsWith('El tablero no terminó de prepararse.')"
        " && !a.textContent.includes('Lo intento otra vez'); }",
        timeout=120_000,
    )
    assert len(cargas) == 3
    boton = page.locator("#lideres-aviso button")
    assert boton.inner_text() == "Reintentar"
    assert page.get_attribute("#lideres-aviso", "role") == "alert"
    texto = page.inner_text("body")
    assert "Traceback" not in texto and "ZeroDivisionError" not in texto
    with page.expect_navigation():
        boton.click()  # a mano: otra carga, y el aviso vuelve (la celda sigue fallando)
    page.wait_for_function("() => document.getElementById('lideres-aviso')")
    assert len(cargas) >= 4


def test_servidor_detenido_pide_volver_a_cargar(navegador, tmp_path):
    (tmp_path / "tableros").mkdir()
    (tmp_path / "tableros" / "deslizador.ipynb").write_text(
        _cuaderno("import ipywidgets as w\nw.IntSlider(value=3)"), encoding="utf-8")
    contexto = navegador.new_context(locale="es-PE", viewport={"width": 360, "height": 640})
    page = contexto.new_page()
    page.set_default_timeout(90_000)
    try:
        with ServidorTaller(carpeta=tmp_path / "registro", sin_libro=True, precalentados=0, participantes=1, cuadernos=tmp_path) as s:
            page.goto(s.url("/voila/render/tableros/deslizador.ipynb"))
            page.wait_for_selector(".widget-slider")
        # Ctrl-C en la laptop: el tablero ya no puede hablar con su kernel.
        aviso = page.locator("#lideres-perdida")
        aviso.wait_for(state="visible", timeout=60_000)
        assert "Se perdió la conexión — toca para volver a cargar" in aviso.inner_text()
    finally:
        contexto.close()
