"""Los tableros de Voilà tienen un <main> con todo el tablero adentro (axe «region»; un lector de
pantalla salta a él), en un celular de 360×640: se dibujan enteros, se deslizan hasta el final, un
control cambia lo que muestran y, si el kernel muere, «Se perdió la conexión» sigue apareciendo,
dentro de su región «Avisos». Uno llega con un kernel precalentado y otro con uno nuevo: los dos
caminos de Voilà usan la misma plantilla.

El intento anterior envolvía a #rendered_cells en <main>, pero el JavaScript de Voilà saca a
#rendered_cells de donde esté y lo pone en su propio cuadro: el <main> quedaba vacío."""

from __future__ import annotations

import shutil

import nbformat
import pytest

from lideres import rutas
from lideres.taller.proceso import ServidorTaller
from tests.navegador import ayudas
from tests.navegador.test_navegador_sala import _matar_kernel

pytestmark = [pytest.mark.lento, pytest.mark.navegador]

# Cada tablero: lo que dice que ya se dibujó, el control que se toca y lo que debe cambiar.
TABLEROS = {
    "02_conteos_y_tasas": {
        "listo": "document.querySelectorAll('.lideres-mapa path').length >= 50"
                 " && document.querySelectorAll('.lideres-barra').length > 0",
        "control": ".lideres-control-medida button >> nth=1",
        "cambio": "(document.querySelector('.lideres-primeros') || {}).textContent?.includes('tasa por 100 mil')",
    },
    "05_tendencias": {
        "listo": "!!document.querySelector('.lideres-tablero-tendencias .lideres-grafico-caja svg')",
        "control": ".lideres-control-ventana button >> text=6",  # promedio móvil de 6 (empieza en 3)
        "cambio": "window.antes !== undefined && document.querySelector('.lideres-grafico-caja').innerHTML"
                  " !== window.antes",
    },
}
# Dónde está cada celda del cuaderno, qué salidas siguen sin dibujar y qué queda en blanco.
JS_CELDAS = """() => {
  const mains = document.querySelectorAll('main');
  const celdas = Array.from(document.querySelectorAll('[cell-index]'));
  return {
    mains: mains.length,
    celdas: celdas.length,
    fuera: celdas.filter(c => !c.closest('main')).length,
    sinDibujar: document.querySelectorAll('script[type="application/vnd.voila.cell-output+json"]').length,
    tablero: !!document.querySelector('main .lideres-tablero'),
  };
}"""


@pytest.fixture(scope="module")
def sala_main(ruta_chromium, tmp_path_factory):
    cuadernos = tmp_path_factory.mktemp("cuadernos")
    (cuadernos / "tableros").mkdir()
    for t in TABLEROS:
        shutil.copy(rutas.CUADERNOS / "tableros" / f"{t}.ipynb", cuadernos / "tableros")
    with ServidorTaller(carpeta=tmp_path_factory.mktemp("registro"), sin_libro=True, precalentados=1,
                        participantes=2, cuadernos=cuadernos, espera_s=300) as s:
        # El primero llega con su kernel precalentado.
        primero = next(iter(TABLEROS))
        assert s.esperar_en_registro(f"Kernel pool of tableros/{primero}.ipynb is filled"), s.texto_registro()[-3000:]
        yield s
    assert s.codigo_salida == 0, s.texto_salida()


@pytest.mark.parametrize("tablero", list(TABLEROS))
def test_el_tablero_va_en_main_funciona_y_avisa_si_se_pierde(navegador, sala_main, vigilar, tablero):
    s, t = sala_main, TABLEROS[tablero]
    contexto = ayudas.celular(navegador)
    v = vigilar(contexto)
    page = v.page
    try:
        page.goto(s.url(f"/voila/render/tableros/{tablero}.ipynb"))
        page.wait_for_function(f"() => {t['listo']}", timeout=180_000)
        page.wait_for_load_state("networkidle")
        kernel = page.evaluate("window.lideres.kernelId()")
        if tablero == next(iter(TABLEROS)):
            assert f"Using pre-heated kernel: {kernel}" in s.texto_registro()

        # Entero y dentro de <main>: todas las celdas del cuaderno, ninguna salida sin dibujar.
        celdas = len(nbformat.read(rutas.CUADERNOS / "tableros" / f"{tablero}.ipynb", as_version=4).cells)
        dentro = page.evaluate(JS_CELDAS)
        assert dentro == {"mains": 1, "celdas": celdas, "fuera": 0, "sinDibujar": 0, "tablero": True}, dentro
        assert "Loading widget" not in page.inner_text("body")
        graves = ayudas.axe_graves(page)  # en Voilà cuenta también «region»
        assert not graves, "axe-core:\n" + "\n".join(graves)

        # Se desliza hasta el final con el dedo (la rueda sobre el tablero): <main> no lo traba.
        ultima = page.locator("main [cell-index]").last
        caja = ultima.bounding_box()
        assert caja["y"] + caja["height"] > 640  # su final, más abajo de la pantalla
        for _ in range(60):
            page.mouse.move(180, 400)
            page.mouse.wheel(0, 600)
            caja = ultima.bounding_box()
            if caja["y"] + caja["height"] <= 640:
                break
        assert caja["y"] + caja["height"] <= 640, caja

        # Un control cambia lo que muestra el tablero.
        page.evaluate("() => { const g = document.querySelector('.lideres-grafico-caja');"
                      " window.antes = g ? g.innerHTML : null; }")
        page.locator(t["control"]).click()
        page.wait_for_function(f"() => {t['cambio']}")
        v.revisar()

        # El kernel muere (sin memoria, apagado): el aviso en español cubre la página, en su región.
        _matar_kernel(s, kernel)
        aviso = page.locator("#lideres-perdida")
        aviso.wait_for(state="visible", timeout=60_000)
        assert "Se perdió la conexión — toca para volver a cargar" in aviso.inner_text()
        assert page.evaluate("() => document.getElementById('lideres-perdida').closest('#lideres-avisos')"
                             ".matches('section[aria-label]')")
        caja = aviso.bounding_box()
        assert caja["width"] >= 350 and caja["height"] >= 630
        graves = ayudas.axe_graves(page)
        assert not graves, "axe-core con el aviso:\n" + "\n".join(graves)
    finally:
        contexto.close()
