"""En Chromium: quien facilita habla más que el tiempo de apagado y la sala recién abre el tablero.

El servidor del taller de verdad, con el tiempo de apagado acortado por su opción
(`--apagar-inactivos`, el mismo camino del código que con 15 minutos). Los kernels precalentados
esperan en la reserva más que ese tiempo; luego:

- un celular lento (pide la página y tarda en conectar su websocket) no pierde su kernel en la
  siguiente pasada del apagado;
- un celular de 360 × 640 abre el tablero 02 y funciona (los botones cambian lo que se ve).
"""

from __future__ import annotations

import re
import time
import urllib.request

import pytest

from lideres.taller.proceso import ServidorTaller
from tests.navegador import ayudas

pytestmark = [pytest.mark.lento, pytest.mark.navegador]

TABLERO = "02_conteos_y_tasas"
APAGAR_MIN = 0.25  # 15 s; una pasada cada 3 s
APAGAR_S = APAGAR_MIN * 60
CAMINOS = ".lideres-mapa path"


def _esperar_registro(s: ServidorTaller, texto: str) -> None:
    assert s.esperar_en_registro(texto), f"no llegó «{texto}»:\n" + s.texto_registro()[-3000:]


def test_tras_una_pausa_larga_el_tablero_funciona(navegador, tmp_path):
    cuadernos = tmp_path / "cuadernos"
    ayudas.copiar_tableros(cuadernos, [TABLERO])
    with ServidorTaller(carpeta=tmp_path / "registro", sin_libro=True, precalentados=2, participantes=2, cuadernos=cuadernos,
                        apagar_inactivos=APAGAR_MIN, espera_s=300) as s:
        _esperar_registro(s, f"Kernel pool of tableros/{TABLERO}.ipynb is filled")
        # Quien facilita habla: la reserva espera más que el tiempo de apagado (y varias pasadas).
        time.sleep(APAGAR_S + 10)
        registro = s.texto_registro()
        assert f"Culling kernels with idle durations > {APAGAR_S:.0f} seconds at 3 second intervals" in registro
        assert "Culling 'idle' kernel" not in registro  # lo que espera en la reserva no es inactivo

        # Un celular lento: la página llega, su websocket todavía no.
        with urllib.request.urlopen(s.url(f"/voila/render/tableros/{TABLERO}.ipynb"), timeout=240) as r:
            html = r.read().decode("utf-8")
        lento = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', html).group(1)
        time.sleep(APAGAR_S / 2)  # varias pasadas del apagado, menos que el tiempo de apagado
        assert s.kernel_existe(lento), "el kernel recién entregado se apagó por su espera en la reserva"

        contexto = ayudas.celular(navegador)
        page = contexto.new_page()
        page.set_default_timeout(120_000)
        errores = []
        page.on("pageerror", lambda e: errores.append(str(e)))
        try:
            page.goto(s.url(f"/voila/render/tableros/{TABLERO}.ipynb"))
            page.wait_for_function(f"() => document.querySelectorAll('{CAMINOS}').length >= 50"
                                   " && document.querySelectorAll('.lideres-barra').length > 0")
            kernel = page.evaluate("window.lideres.kernelId()")
            assert re.search(rf"Using pre-heated kernel: {kernel}", s.texto_registro())
            # Pasa otro tiempo de apagado entero: conectado, no se apaga.
            time.sleep(APAGAR_S + 5)
            page.locator(".lideres-control-medida button").nth(1).click()
            page.wait_for_function("() => (document.querySelector('.lideres-primeros') || {}).textContent"
                                   "?.includes('tasa por 100 mil')")
            assert page.locator("#lideres-perdida").count() == 0
            texto = page.inner_text("body")
            assert "Loading widget" not in texto and "Se perdió la conexión" not in texto
        finally:
            contexto.close()
        assert s.kernel_existe(kernel)
        # El del celular lento, que nunca conectó, sí se apaga después (libera memoria).
        limite = time.monotonic() + APAGAR_S * 3
        while s.kernel_existe(lento) and time.monotonic() < limite:
            time.sleep(1)
        assert not s.kernel_existe(lento)
    assert s.codigo_salida == 0, s.texto_salida()
    assert errores == []
    assert "Traceback" not in s.texto_registro(), s.texto_registro()[-3000:]
