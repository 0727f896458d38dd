"""Manejadores de Voilà ajustados para el taller (se importan al iniciar el servidor).

- La página de un tablero deja la cookie `_xsrf`: el gestor de widgets de Voilà pide apagar el
  kernel al cerrar la página (`POST /voila/api/shutdown/<kernel>` con el `_xsrf` de la cookie),
  pero Voilà nunca la crea, y el pedido recibía 403: cada visita dejaba un kernel vivo hasta que
  se apagaba por inactivo. La protección XSRF sigue activa; solo se entrega el token.
- Apagar un kernel que ya no existe (la página avisa dos veces, o ya se apagó por inactivo)
  responde 204 sin error en el registro.
"""

from __future__ import annotations

import tornado.web
from jupyter_core.utils import ensure_async
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
from voila.tornado.handler import TornadoVoilaHandler


class TableroHandler(TornadoVoilaHandler):
    @tornado.web.authenticated
    async def get(self, path=None):
        self.xsrf_token  # noqa: B018 — leerlo crea la cookie `_xsrf` de la respuesta
        return await super().get(path=path)


class ApagarKernelHandler(VoilaShutdownKernelHandler):
    apagando: set[str] = set()  # pedidos en curso: el segundo aviso de la misma página no repite

    @tornado.web.authenticated
    async def post(self, kernel_id):
        if kernel_id in self.kernel_manager and kernel_id not in self.apagando:
            self.apagando.add(kernel_id)
            try:
                await ensure_async(self.kernel_manager.shutdown_kernel(kernel_id))
            finally:
                self.apagando.discard(kernel_id)
        self.set_status(204)
        self.finish()


REEMPLAZOS = {TornadoVoilaHandler: TableroHandler, VoilaShutdownKernelHandler: ApagarKernelHandler}


def reemplazar(handlers: list) -> list:
    """Los handlers de Voilà con nuestras dos clases en lugar de las suyas."""
    return [(h[0], REEMPLAZOS.get(h[1], h[1]), *h[2:]) for h in handlers]
