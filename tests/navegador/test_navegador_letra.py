"""La letra de los gráficos en un celular de 360 px: se mide en Chromium, como se ve.

Cada figura de un tablero lleva su letra más chica (`data-letra-pt`) y su resolución (`data-ppp`);
en la página, esa letra mide letra × ppp / 72 px en la imagen, y la imagen se muestra a
(ancho mostrado / ancho de la imagen). La meta (issue 22): al menos 12 px.
"""

from __future__ import annotations

import pytest

from lideres.taller.proceso import ServidorTaller
from tests.navegador import ayudas

pytestmark = [pytest.mark.lento, pytest.mark.navegador]

# Los tableros con texto en sus figuras al abrirse: de matplotlib (01, 03, 04, 08) o en un SVG de la
# casa (05: cada texto mide su letra por la escala con que se ve el SVG). Los mapas SVG de 06 y 07 no
# llevan texto (sus rótulos son HTML). Las de 09 salen después de subir un archivo: su letra la
# calcula tests/test_figura.py.
TABLEROS = ["01_datos_de_seguridad", "03_cifra_negra", "04_percepcion", "05_tendencias",
            "08_datos_responsables"]
MINIMO_PX = 12
JS_MEDIR = """() => Array.from(document.querySelectorAll('img[data-letra-pt]'))
  .filter(i => i.complete && i.naturalWidth > 0 && i.offsetParent !== null)
  .map(i => parseFloat(i.dataset.letraPt) * parseFloat(i.dataset.ppp) / 72 * i.clientWidth / i.naturalWidth)
  .concat(Array.from(document.querySelectorAll('.lideres-tablero svg text'))
    .filter(t => t.getBoundingClientRect().width > 0 && t.textContent.trim())
    .map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a))"""


def medir(page) -> list[float]:
    return [round(x, 1) for x in page.evaluate(JS_MEDIR)]


@pytest.fixture(scope="module")
def tableros(ruta_chromium, tmp_path_factory):
    raiz = tmp_path_factory.mktemp("letra")
    ayudas.copiar_tableros(raiz, TABLEROS)
    s = ServidorTaller(carpeta=tmp_path_factory.mktemp("registro"), sin_libro=True, precalentados=0, participantes=2, cuadernos=raiz)
    s.iniciar()
    yield s
    assert s.detener() == 0, s.texto_salida()


@pytest.mark.parametrize("tablero", TABLEROS)
def test_letra_de_los_graficos_en_el_celular(navegador, tableros, tablero):
    contexto = ayudas.celular(navegador)
    page = contexto.new_page()
    page.set_default_timeout(120_000)
    try:
        page.goto(tableros.url(f"/voila/render/tableros/{tablero}.ipynb"))
        page.wait_for_function(f"() => ({JS_MEDIR})().length > 0")
        tamanos = medir(page)
    finally:
        contexto.close()
    print(tablero, tamanos)
    assert min(tamanos) >= MINIMO_PX, f"{tablero}: letra más chica en pantalla {min(tamanos)} px ({tamanos})"
