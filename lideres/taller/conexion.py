"""La conexión entre la página de un tablero y su kernel (websocket ↔ ZMQ), sin trazas al irse.

Cuando un celular cierra la pestaña (o se bloquea) mientras su kernel todavía manda algo (el
estado «idle», un widget que cambia, la respuesta al apagarse), jupyter_server intenta escribir en
un websocket que ya se cerró. Con el protocolo que usan los tableros (`v1.kernel.websocket.jupyter.org`)
esa escritura no está protegida: tornado lanza `WebSocketClosedError`, pyzmq la registra como
«Uncaught exception in ZMQStream callback» con su traza y la vuelve a lanzar (issue 22: la traza
con seis celulares). Con el protocolo viejo, jupyter_server ya la atrapa y sigue. Aquí se atrapa
igual en los dos: un mensaje para una página que ya se fue no tiene a quién llegar.

Voilà la usa por su opción `kernel_websocket_connection_class` (servidor.configuracion). Este
módulo importa jupyter_server: solo lo carga Voilà al iniciar el servidor.
"""

from __future__ import annotations

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection
from tornado.websocket import WebSocketClosedError


class ConexionKernel(ZMQChannelsWebsocketConnection):
    @property
    def write_message(self):
        escribir = self.websocket_handler.write_message

        def escribir_si_sigue_abierto(*args, **kwargs):
            try:
                return escribir(*args, **kwargs)
            except WebSocketClosedError:
                self.log.debug("Kernel %s: la página ya cerró su websocket; mensaje descartado",
                               getattr(self.kernel_manager, "kernel_id", "?"))
                return None

        return escribir_si_sigue_abierto
