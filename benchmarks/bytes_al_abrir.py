"""Qué se envía al abrir un tablero de Voilà (issue 20, «bytes al abrir ≤ 1.15 × el trivial»): cada
archivo HTTP con su tamaño transferido y sin comprimir, y los mensajes del websocket del kernel sin
comprimir y con permessage-deflate (como lo hace tornado), por tipo de widget. El tablero 07 y el
trivial (`benchmarks/trivial/un_deslizador.ipynb`) en el mismo servidor del taller y la misma corrida,
cada uno en un navegador sin caché.

    .venv/bin/python benchmarks/bytes_al_abrir.py            # unos 2 minutos

Imprime por grupo (página, Voilà, widgets, jupyter-leaflet o el mapa liviano, websocket) lo transferido, lo que pesa
sin comprimir y cuántos archivos; lo que el 07 agrega al trivial, archivo por archivo; y la razón de
bytes de `benchmarks/tablero.py` (HTTP transferido + websocket sin comprimir) y con el
websocket comprimido (lo que de verdad viaja). No es una prueba.
"""

from __future__ import annotations

import collections
import json
import shutil
import sys
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

from benchmarks.comun import LISTO_07, LISTO_TRIVIAL, TRIVIAL, bytes_del_marco, copiar_cuadernos  # noqa: E402
from benchmarks.comun import deflate_por_mensaje as deflate  # noqa: E402
from lideres.taller.proceso import ServidorTaller  # noqa: E402
from tests.chromium import ARGUMENTOS_CHROMIUM, CHROMIUM  # noqa: E402


def grupo(url: str) -> str:
    if "/ws/" in url or url.startswith("ws"):
        return "websocket"
    for clave, nombre in (("jupyter-leaflet", "jupyter-leaflet"), ("lideres-leaflet-liviano", "mapa liviano"),
                          ("jupyter-widgets", "widgets (ipywidgets)"),
                          ("/voila/static/", "Voilà (estáticos)"), ("/voila/labextensions/", "otras extensiones"),
                          ("/voila/render/", "página del tablero")):
        if clave in url:
            return nombre
    return "otros"


def abrir(navegador, url: str, listo_js: str) -> dict:
    contexto = navegador.new_context(viewport={"width": 360, "height": 640})
    page = contexto.new_page()
    cdp = contexto.new_cdp_session(page)
    cdp.send("Network.enable")
    pedidos: dict = {}
    ws: list[bytes] = []

    def respuesta(e):
        r = e["response"]
        cab = {k.lower(): v for k, v in r.get("headers", {}).items()}
        pedidos.setdefault(e["requestId"], {}).update(
            url=r["url"], codificacion=cab.get("content-encoding", ""), cache=cab.get("cache-control", ""))

    def datos(e):
        p = pedidos.setdefault(e["requestId"], {})
        p["crudo"] = p.get("crudo", 0) + e["dataLength"]

    def fin(e):
        pedidos.setdefault(e["requestId"], {})["transferido"] = e["encodedDataLength"]

    cdp.on("Network.responseReceived", respuesta)
    cdp.on("Network.dataReceived", datos)
    cdp.on("Network.loadingFinished", fin)
    cdp.on("Network.webSocketFrameReceived", lambda e: ws.append(bytes_del_marco(e["response"])))
    page.goto(url)
    page.wait_for_function(listo_js, timeout=180_000, polling=100)
    page.wait_for_timeout(1000)  # los últimos mensajes
    contexto.close()
    return {"pedidos": [p for p in pedidos.values() if "url" in p], "ws": ws}


def widgets_del_websocket(ws: list[bytes]) -> collections.Counter:
    """Bytes sin comprimir de los mensajes que abren widgets, por modelo (p. ej. LeafletMapModel)."""
    por_modelo: collections.Counter = collections.Counter()
    for m in ws:
        try:
            msg = _mensaje_v1(m)
        except ValueError:
            continue
        tipo = msg["header"].get("msg_type")
        if tipo == "comm_open":
            estado = msg["content"].get("data", {}).get("state", {})
            por_modelo[estado.get("_model_name", "?")] += len(m)
        else:
            por_modelo[f"({tipo})"] += len(m)
    return por_modelo


def _mensaje_v1(m: bytes) -> dict:
    """Un mensaje del protocolo binario v1 de Jupyter: n, n desplazamientos de 8 bytes, y las partes
    (canal, encabezado, encabezado del pedido, metadatos, contenido, búferes)."""
    if m[:1] == b"{":
        d = json.loads(m)
        return {"header": d.get("header", {}), "content": d.get("content", {})}
    n = int.from_bytes(m[:8], "little")
    if not 5 <= n < 64:
        raise ValueError("no es v1")
    cortes = [int.from_bytes(m[8 * (i + 1):8 * (i + 2)], "little") for i in range(n)] + [len(m)]
    partes = [m[cortes[i]:cortes[i + 1]] for i in range(n)]
    return {"header": json.loads(partes[1]), "content": json.loads(partes[4])}


def resumen(d: dict) -> dict:
    g: dict = collections.defaultdict(lambda: {"transferido": 0, "crudo": 0, "n": 0})
    for p in d["pedidos"]:
        x = g[grupo(p["url"])]
        x["transferido"] += p.get("transferido", 0)
        x["crudo"] += p.get("crudo", 0)
        x["n"] += 1
    comp = deflate(d["ws"])
    g["websocket"] = {"transferido": sum(comp), "crudo": sum(map(len, d["ws"])), "n": len(d["ws"])}
    return dict(g)


def main() -> int:
    from playwright.sync_api import sync_playwright

    raiz = copiar_cuadernos(["notebooks/tableros/07_puntos_calientes.ipynb", TRIVIAL])
    servidor = ServidorTaller(sin_libro=True, precalentados=0, cuadernos=raiz)
    r = {}
    with servidor, sync_playwright() as p:
        navegador = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGUMENTOS_CHROMIUM)
        url = lambda archivo: servidor.url(f"/voila/render/frio/{archivo}")  # noqa: E731
        abrir(navegador, url("un_deslizador.ipynb"), LISTO_TRIVIAL)  # calentar (no se cuenta)
        r["trivial"] = abrir(navegador, url("un_deslizador.ipynb"), LISTO_TRIVIAL)
        r["07"] = abrir(navegador, url("07_puntos_calientes.ipynb"), LISTO_07)
        navegador.close()
    shutil.rmtree(raiz, ignore_errors=True)

    kb = lambda b: f"{b / 1024:8.1f}"  # noqa: E731
    res = {k: resumen(v) for k, v in r.items()}
    grupos = sorted(set(res["07"]) | set(res["trivial"]))
    print(f"{'grupo':26s} {'07 transf.':>10s} {'07 crudo':>9s} {'n':>4s} | {'triv. transf.':>13s} "
          f"{'triv. crudo':>11s} {'n':>4s}   (KB)")
    for g in grupos:
        a, b = res["07"].get(g, {}), res["trivial"].get(g, {})
        print(f"{g:26s} {kb(a.get('transferido', 0)):>10s} {kb(a.get('crudo', 0)):>9s} {a.get('n', 0):4d} | "
              f"{kb(b.get('transferido', 0)):>13s} {kb(b.get('crudo', 0)):>11s} {b.get('n', 0):4d}")
    triviales = {p["url"].split("?")[0] for p in r["trivial"]["pedidos"]}
    print("\nLo que el 07 pide y el trivial no (transferido, sin comprimir, codificación):")
    for p in sorted(r["07"]["pedidos"], key=lambda p: -p.get("transferido", 0)):
        if p["url"].split("?")[0] not in triviales and p.get("transferido", 0) > 500:
            print(f"  {kb(p.get('transferido', 0))} {kb(p.get('crudo', 0))} {p['codificacion'] or '-':5s} "
                  f"{p['url'].split('/voila/', 1)[-1][:90]}")
    sin_gzip = [p for p in r["07"]["pedidos"] if not p["codificacion"] and p.get("crudo", 0) > 2048
                and not p["url"].endswith((".png", ".gif", ".woff2", ".woff"))]
    print(f"\nArchivos de texto > 2 KB sin comprimir: {len(sin_gzip)}"
          + "".join(f"\n  {p['url'].split('/voila/', 1)[-1]}" for p in sin_gzip))
    print("\nWebsocket del 07 por modelo (sin comprimir):")
    for modelo, b in widgets_del_websocket(r["07"]["ws"]).most_common(12):
        print(f"  {kb(b)} {modelo}")

    def total(k: str, ws_comprimido: bool) -> int:
        http = sum(v["transferido"] for g, v in res[k].items() if g != "websocket")
        return http + res[k]["websocket"]["transferido" if ws_comprimido else "crudo"]

    como_antes = total("07", False) / total("trivial", False)
    de_verdad = total("07", True) / total("trivial", True)
    print(f"\nHTTP + websocket sin comprimir (como tablero.py): 07 {total('07', False):,} · trivial "
          f"{total('trivial', False):,} bytes, razón {como_antes:.2f}")
    print(f"HTTP + websocket comprimido (lo que viaja):        07 {total('07', True):,} · trivial "
          f"{total('trivial', True):,} bytes, razón {de_verdad:.2f}")
    salida = RAIZ / "benchmarks" / "_resultados"
    salida.mkdir(parents=True, exist_ok=True)
    (salida / f"bytes_al_abrir_{time.strftime('%Y%m%d_%H%M%S')}.json").write_text(
        json.dumps({k: {"pedidos": v["pedidos"], "ws": [len(m) for m in v["ws"]]} for k, v in r.items()}, indent=1),
        encoding="utf-8")
    print(f"bytes_al_abrir: razon_ws_crudo={como_antes:.2f} razon_ws_comprimido={de_verdad:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
