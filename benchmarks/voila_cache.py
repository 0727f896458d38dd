"""Benchmark de Voilà donde se queda (issue 19 §2): pedidos y bytes al abrir un primer tablero y luego
un segundo en el mismo navegador, y el peso del websocket del kernel con y sin compresión.

- Pedidos que llegan al servidor (los que el navegador no toma de su caché) y bytes HTTP transferidos,
  para el tablero 02 abierto primero y para el tablero trivial abierto después (segundo tablero).
- Websocket: la suma de los mensajes del kernel (sin comprimir, según Chromium) y lo que pesan con
  permessage-deflate como lo hace tornado (deflate con contexto, un vaciado por mensaje); y si el
  servidor aceptó la extensión (cabecera Sec-WebSocket-Extensions).

Imprime cifras y razones (segundo/primero, comprimido/sin comprimir). No es una prueba: no falla.

    .venv/bin/python benchmarks/voila_cache.py
"""

from __future__ import annotations

import sys
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

from benchmarks.comun import bytes_del_marco, deflate_por_mensaje  # noqa: E402
from benchmarks.tablero import TABLEROS, esperar_pools, preparar_raiz  # noqa: E402
from lideres.taller.proceso import ServidorTaller  # noqa: E402
from tests.chromium import ARGUMENTOS_CHROMIUM, CHROMIUM  # noqa: E402


def abrir(contexto, url: str, listo_js: str) -> dict:
    page = contexto.new_page()
    cdp = contexto.new_cdp_session(page)
    cdp.send("Network.enable")
    datos = {"pedidos": 0, "de_cache": 0, "http": 0, "ws": [], "extension": ""}

    def respuesta(e):
        datos["pedidos"] += 1
        r = e["response"]
        if r.get("fromDiskCache") or r.get("fromMemoryCache"):
            datos["de_cache"] += 1

    cdp.on("Network.responseReceived", respuesta)
    cdp.on("Network.loadingFinished", lambda e: datos.__setitem__("http", datos["http"] + e["encodedDataLength"]))
    cdp.on("Network.webSocketFrameReceived",
           lambda e: datos["ws"].append(bytes_del_marco(e["response"])))
    cdp.on("Network.webSocketHandshakeResponseReceived",
           lambda e: datos.__setitem__("extension", {k.lower(): v for k, v in e["response"]["headers"].items()}
                                      .get("sec-websocket-extensions", "")))
    page.goto(url)
    page.wait_for_function(listo_js, timeout=120_000, polling=100)
    page.wait_for_timeout(800)  # los últimos mensajes del websocket
    page.close(run_before_unload=True)
    return datos


def main() -> None:
    from playwright.sync_api import sync_playwright

    raiz = preparar_raiz()
    servidor = ServidorTaller(sin_libro=True, precalentados=1, cuadernos=raiz)
    with servidor, sync_playwright() as p:
        esperar_pools(servidor, len(TABLEROS))
        navegador = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGUMENTOS_CHROMIUM)
        contexto = navegador.new_context(viewport={"width": 1280, "height": 900})
        primero = abrir(contexto, servidor.url("/voila/render/tableros/02_conteos_y_tasas.ipynb"),
                        TABLEROS["tablero"]["listo"])
        segundo = abrir(contexto, servidor.url("/voila/render/tableros/un_deslizador.ipynb"),
                        TABLEROS["trivial"]["listo"])
        navegador.close()
    for nombre, d in (("primer tablero (02)", primero), ("segundo tablero (trivial)", segundo)):
        red = d["pedidos"] - d["de_cache"]
        ws = sum(map(len, d["ws"]))
        print(f"{nombre}: {d['pedidos']} pedidos, {red} al servidor, {d['de_cache']} de la caché; "
              f"HTTP {d['http'] / 1024:.0f} KB; websocket {ws / 1024:.0f} KB sin comprimir, "
              f"{sum(deflate_por_mensaje(d['ws'])) / 1024:.0f} KB con deflate; extensión: {d['extension'] or 'ninguna'}")
    razon = (segundo["pedidos"] - segundo["de_cache"]) / max(primero["pedidos"] - primero["de_cache"], 1)
    ws = sum(map(len, primero["ws"]))
    print(f"Razón pedidos al servidor segundo/primero: {razon:.2f}")
    print(f"Razón websocket comprimido/sin comprimir (02): {sum(deflate_por_mensaje(primero['ws'])) / max(ws, 1):.2f}")


if __name__ == "__main__":
    main()
