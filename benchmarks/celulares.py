"""Lo que hace un celular contra el servidor del taller, para los benchmarks de una sala llena.

- Pedidos HTTP con la cookie del servidor (`cookies`, `cabecera_cookie`; el `_xsrf` sale de ahí).
- Una página de Voilà como la abre el navegador: el websocket del kernel (`abrir_kernel`), el
  estado de todos los widgets pedido como el gestor de widgets 8 (`estados_de_los_widgets`) y, al
  irse, apagar el kernel con el `_xsrf` de la cookie (`apagar_kernel`).
- Una página y todo lo que carga sola, con hasta 6 conexiones como Chromium (`abrir_paginas`).
- Cómo se resumen los tiempos (`percentil`) y la máquina (`nucleos`, `carga_del_sistema`).

Lo usan carga.py (una sala en un tablero), formulario_ligero.py (entregar el ejercicio) y
sala_wifi.py (el wifi de la sala).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import time
import uuid
from urllib.parse import urljoin, urlparse

RE_KERNEL = re.compile(r'"kernelId":\s*"([0-9a-f-]{36})"')
# Lo que el navegador carga solo (no los enlaces que la persona podría tocar): src= y <link href=>.
RECURSOS = re.compile(r'<(?:script|img|source|iframe)\b[^>]*\bsrc="([^"#]+)"|<link\b[^>]*\bhref="([^"#]+)"')


def percentil(valores: list[float], p: float) -> float:
    if not valores:
        return float("nan")
    orden = sorted(valores)
    k = (len(orden) - 1) * p
    i = int(k)
    j = min(i + 1, len(orden) - 1)
    return orden[i] + (orden[j] - orden[i]) * (k - i)


def nucleos() -> int:
    return os.cpu_count() or 0


def carga_del_sistema() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


# ---------------------------------------------------------------- HTTP con cookie


def cookies(respuesta, galleta: dict) -> None:
    """Guarda en `galleta` las cookies de una respuesta de tornado."""
    for linea in respuesta.headers.get_list("Set-Cookie"):
        nombre, _, resto = linea.partition("=")
        galleta[nombre.strip()] = resto.split(";", 1)[0]


def cabecera_cookie(galleta: dict) -> str:
    return "; ".join(f"{k}={v}" for k, v in galleta.items())


# ---------------------------------------------------------------- el kernel de una página de Voilà


def _mensaje(tipo: str, contenido: dict, sesion: str, metadatos: dict | None = None) -> dict:
    return {
        "header": {"msg_id": uuid.uuid4().hex, "msg_type": tipo, "username": "lider",
                   "session": sesion, "date": "", "version": "5.3"},
        "parent_header": {}, "metadata": metadatos or {}, "content": contenido, "buffers": [],
        "channel": "shell",
    }


def _leer(mensaje) -> dict | None:
    """Mensaje del websocket de Jupyter (JSON, o binario con buffers: se lee solo el JSON)."""
    if mensaje is None:
        return None
    if isinstance(mensaje, bytes):
        import struct

        nbufs = struct.unpack("!I", mensaje[:4])[0]
        offsets = struct.unpack(f"!{nbufs}I", mensaje[4:4 + 4 * nbufs])
        fin = offsets[1] if nbufs > 1 else len(mensaje)
        return json.loads(mensaje[offsets[0]:fin].decode("utf-8"))
    return json.loads(mensaje)


class Kernel:
    """El websocket de un kernel, con los mensajes de iopub repartidos a quien los espera."""

    def __init__(self, ws):
        self.ws = ws
        self.sesion = uuid.uuid4().hex
        self.mensajes: asyncio.Queue = asyncio.Queue()

    async def enviar(self, tipo: str, contenido: dict, metadatos: dict | None = None) -> str:
        m = _mensaje(tipo, contenido, self.sesion, metadatos)
        await self.ws.write_message(json.dumps(m))
        return m["header"]["msg_id"]

    async def esperar(self, condicion, limite_s: float):
        fin = time.monotonic() + limite_s
        while True:
            falta = fin - time.monotonic()
            if falta <= 0:
                raise TimeoutError
            crudo = await asyncio.wait_for(self.ws.read_message(), timeout=falta)
            if crudo is None:
                raise ConnectionError("el websocket se cerró")
            m = _leer(crudo)
            r = condicion(m)
            if r:
                return r


async def abrir_kernel(base: str, kernel: str, galleta: dict, limite_s: float) -> Kernel:
    """El websocket del kernel de la página (con la cookie de la página), como el navegador."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    ws = await websocket_connect(HTTPRequest(
        f"{base.replace('http://', 'ws://')}/api/kernels/{kernel}/channels?session_id={uuid.uuid4().hex}",
        headers={"Cookie": cabecera_cookie(galleta)}, request_timeout=limite_s,
    ), max_message_size=64 * 1024 * 1024)
    return Kernel(ws)


async def estados_de_los_widgets(k: Kernel, limite_s: float) -> dict:
    """Todos los widgets de la página ({id: estado}), pedidos como el gestor de widgets 8: el comm
    de control declara su versión de protocolo y pide `request_states`."""
    control = uuid.uuid4().hex
    await k.enviar("comm_open", {"comm_id": control, "target_name": "jupyter.widget.control",
                                 "data": {}}, {"version": "1.0.0"})
    await k.enviar("comm_msg", {"comm_id": control, "data": {"method": "request_states"}})

    def estados(m):
        c = m.get("content", {})
        if m["header"]["msg_type"] == "comm_msg" and c.get("comm_id") == control:
            d = c.get("data", {})
            if d.get("method") == "update_states":
                return d["states"]
        return None

    return await k.esperar(estados, limite_s)


async def apagar_kernel(cliente, base: str, kernel: str, galleta: dict, limite_s: float) -> int:
    """Irse como el navegador: sendBeacon con FormData(_xsrf) a /voila/api/shutdown. Da el código
    HTTP (204 si se apagó)."""
    limite = uuid.uuid4().hex
    cuerpo = (f"--{limite}\r\nContent-Disposition: form-data; name=\"_xsrf\"\r\n\r\n"
              f"{galleta.get('_xsrf', '')}\r\n--{limite}--\r\n").encode()
    r = await cliente.fetch(
        f"{base}/voila/api/shutdown/{kernel}", method="POST", body=cuerpo, raise_error=False,
        headers={"Cookie": cabecera_cookie(galleta), "Origin": base,
                 "Content-Type": f"multipart/form-data; boundary={limite}"},
        request_timeout=limite_s,
    )
    return r.code


# ---------------------------------------------------------------- páginas y lo que cargan


async def abrir_paginas(base: str, rutas: list[str]) -> float | None:
    """Segundos hasta tener todas las páginas y lo que cargan del mismo servidor; None si algo falló."""
    import httpx

    inicio = time.monotonic()
    limites = httpx.Limits(max_connections=6, max_keepalive_connections=6)
    try:
        async with httpx.AsyncClient(base_url=base, limits=limites, timeout=120) as cliente:
            for ruta in rutas:
                r = await cliente.get(ruta)
                r.raise_for_status()
                propios = {urljoin(str(r.url), a or b) for a, b in RECURSOS.findall(r.text)}
                propios = [u for u in propios if urlparse(u).netloc == urlparse(base).netloc]
                respuestas = await asyncio.gather(*(cliente.get(u) for u in propios))
                for x in respuestas:
                    x.raise_for_status()
    except Exception:  # noqa: BLE001 (un celular que no pudo: se cuenta como no usable)
        return None
    return time.monotonic() - inicio
