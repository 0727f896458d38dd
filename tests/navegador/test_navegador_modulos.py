"""Cada módulo listo, en Chromium a 360 × 640 (celular): el tablero y el capítulo se ven sin scroll
horizontal, sin errores en la consola, sin pedir nada fuera de la computadora, y axe-core no
encuentra problemas de accesibilidad graves ni críticos."""

from __future__ import annotations

import pytest

from lideres import libro
from lideres.modulos import listos
from tests.navegador import ayudas
from tests.navegador.ayudas import JS_SIN_SCROLL

pytestmark = [pytest.mark.lento, pytest.mark.navegador]

LISTOS = listos()
CON_TABLERO = [m for m in LISTOS if not m.id.startswith("00_")]
# El tablero terminó de dibujarse: está el widget raíz y sus imágenes ya cargaron.
JS_TABLERO_LISTO = """() => {
  const raiz = document.querySelector('.lideres-tablero');
  if (!raiz) return false;
  const imagenes = Array.from(raiz.querySelectorAll('img'));
  return imagenes.every(i => i.complete && i.naturalWidth > 0);
}"""
# Decir exacto (issue 18): cada figura, mapa o tabla del tablero dice su fuente y su periodo (o que es
# sintética) en su propio bloque, como texto legible (no solo dibujado dentro de la imagen).
JS_FIGURAS_SIN_FUENTE = r"""() => {
  // Cada figura, mapa o tabla del tablero dice su fuente y su periodo (o que es sintética) en su
  // propio bloque: la figura con su pie, el widget que la contiene, o el bloque de antes o de después.
  const raiz = document.querySelector('.lideres-tablero');
  const figs = Array.from(raiz.querySelectorAll('img, table, svg, .leaflet-container'))
    .filter(e => !e.parentElement.closest('.leaflet-container, button, label, figure svg'))
    .filter(e => e.offsetParent !== null && e.getBoundingClientRect().width > 120);
  const dice = t => (/Fuente|MININTER|INEI|SIDPOL|ENAPRES/.test(t) && /20\d\d/.test(t)) || /sint[eé]tic|simulad/i.test(t);
  const malos = [];
  for (const f of figs) {
    const bloque = f.closest('figure, .widget-html-content, .lideres-mapa') || f.parentElement;
    const caja = bloque.closest('.jupyter-widgets') || bloque;
    const vecinos = [caja.previousElementSibling, caja.nextElementSibling].filter(Boolean);
    const texto = [bloque, ...vecinos].map(e => e.innerText).join(' ');
    if (!dice(texto)) malos.push(f.tagName + ' ' + (f.getAttribute('alt') || f.getAttribute('class') || '').slice(0, 60));
  }
  return [figs.length, malos];
}"""


def _ids(m):
    return m.id


@pytest.mark.parametrize("m", CON_TABLERO, ids=_ids)
def test_tablero_en_el_celular(celular, servidor, m):
    page = celular.page
    page.goto(servidor.url(libro.url_tablero(m)))
    page.wait_for_function(JS_TABLERO_LISTO, timeout=90_000)
    page.wait_for_load_state("networkidle")
    texto = page.inner_text("body")
    for palabra in ("Traceback", "Error", "Exception"):
        assert palabra not in texto, palabra
    assert page.get_attribute("html", "lang") == "es"
    ancho, visible = page.evaluate(JS_SIN_SCROLL)
    celular.captura(f"modulo_{m.id}_tablero")
    # El título de la página (el del cuaderno) no se repite como título del tablero: en un celular,
    # dos veces lo mismo empujaba el mapa del 07 fuera de la primera pantalla.
    titulo, repetidos = page.evaluate("""() => {
        const norm = t => t.trim().replace(/\\s+/g, ' ').toLowerCase();
        const h1 = document.querySelector('main h1');
        const titulos = Array.from(document.querySelectorAll('.lideres-tablero h1, .lideres-tablero h2, .lideres-tablero h3'));
        return [h1 ? h1.innerText : '', titulos.filter(t => h1 && norm(t.innerText) === norm(h1.innerText)).length]; }""")
    assert titulo and repetidos == 0, f"el tablero {m.id} repite el título de la página «{titulo}»"
    assert ancho <= visible, f"scroll horizontal en el tablero {m.id}: {ancho} > {visible}"
    # Cada botón o campo se puede tocar con un dedo: al menos 44 px de alto.
    bajos = page.evaluate(
        """() => Array.from(document.querySelectorAll(
              '.lideres-control button, .lideres-control input, .lideres-control select'))
            .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 43.5)
            .map(e => e.outerHTML.slice(0, 80))"""
    )
    assert not bajos, f"controles de menos de 44 px: {bajos}"
    figuras, sin_fuente = page.evaluate(JS_FIGURAS_SIN_FUENTE)
    # El tablero 09 empieza esperando el archivo de la junta: sus figuras aparecen al subirlo y las
    # revisa tests/navegador/test_navegador_m09.py con este mismo JS.
    espera_archivo = page.locator(".lideres-control-subida").count() > 0
    assert figuras >= 1 or espera_archivo, f"el tablero {m.id} no tiene ninguna figura, mapa ni tabla"
    assert not sin_fuente, f"figuras del tablero {m.id} sin fuente y periodo a la vista: {sin_fuente}"
    graves = ayudas.axe_graves(page)
    assert not graves, "axe-core:\n" + "\n".join(graves)
    celular.revisar()


@pytest.mark.parametrize("m", LISTOS, ids=_ids)
def test_capitulo_en_el_celular(celular, servidor, m):
    page = celular.page
    respuesta = page.goto(servidor.url(libro.url_capitulo(m)))
    assert respuesta.status == 200
    page.wait_for_load_state("networkidle")
    assert page.get_attribute("html", "lang") == "es"
    assert "Traceback" not in page.inner_text("main")
    ancho, visible = page.evaluate(JS_SIN_SCROLL)
    celular.captura(f"modulo_{m.id}_capitulo")
    assert ancho <= visible, f"scroll horizontal en el capítulo {m.id}: {ancho} > {visible}"
    graves = ayudas.axe_graves(page)
    assert not graves, "axe-core:\n" + "\n".join(graves)
    celular.revisar()
