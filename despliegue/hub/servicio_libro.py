"""El libro construido para el hub (`lideres libro --modo hub`, en book/_build/hub/_build/html),
servido como servicio de JupyterHub en /services/libro/.

JupyterHub lo arranca (ver escuela_lideres.py) y le dice en qué dirección escuchar
(JUPYTERHUB_SERVICE_URL) y bajo qué prefijo lo publica el proxy (JUPYTERHUB_SERVICE_PREFIX).
Solo archivos estáticos. El libro de participantes es público, sin contraseña:
    servicio_libro.py CARPETA
La edición de quien facilita (con las respuestas) pide entrar al hub: solo la ve quien tiene el
permiso de este servicio (escuela_lideres.py se lo da al grupo «facilitadores»); a cualquier otra
persona, el hub le responde 403. Usa el OAuth del propio hub (jupyterhub.services.auth):
    servicio_libro.py CARPETA --con-cuenta
"""

import os
import sys
from urllib.parse import urlparse

from tornado import ioloop, web


def _archivos_con_cuenta():
    from jupyterhub.services.auth import HubOAuthenticated

    class ArchivosConCuenta(HubOAuthenticated, web.StaticFileHandler):
        """Los archivos del libro, solo para quien entró al hub con permiso para este servicio."""

        @web.authenticated
        def get(self, path, include_body=True):
            return super().get(path, include_body)

        @web.authenticated
        def head(self, path):
            return super().head(path)

    return ArchivosConCuenta


def aplicacion(carpeta: str, prefijo: str, con_cuenta: bool = False) -> web.Application:
    prefijo = "/" + prefijo.strip("/") + "/"
    manejador, ajustes, rutas = web.StaticFileHandler, {}, []
    if con_cuenta:
        from jupyterhub.services.auth import HubOAuthCallbackHandler

        manejador = _archivos_con_cuenta()
        ajustes = {"cookie_secret": os.urandom(32)}
        rutas = [(prefijo + "oauth_callback", HubOAuthCallbackHandler)]
    return web.Application(rutas + [
        (prefijo.rstrip("/"), web.RedirectHandler, {"url": prefijo}),
        (prefijo + "(.*)", manejador, {"path": carpeta, "default_filename": "index.html"}),
    ], **ajustes)


def main() -> None:
    carpeta = sys.argv[1]
    url = urlparse(os.environ.get("JUPYTERHUB_SERVICE_URL", "http://127.0.0.1:10101"))
    prefijo = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/services/libro/")
    aplicacion(carpeta, prefijo, con_cuenta="--con-cuenta" in sys.argv[2:]).listen(url.port or 80, url.hostname or "127.0.0.1")
    ioloop.IOLoop.current().start()


if __name__ == "__main__":
    main()
