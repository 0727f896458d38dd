"""El libro construido para el hub (`lideres libro --modo hub`, en book/_build/hub/_build/html),
servido como servicio de JupyterHub en /services/libro/.

JupyterHub lo arranca (ver escuela_lideres.py) y le dice en qué dirección escuchar
(JUPYTERHUB_SERVICE_URL) y bajo qué prefijo lo publica el proxy (JUPYTERHUB_SERVICE_PREFIX).
Solo archivos estáticos, sin contraseña: el libro es público. Uso: servicio_libro.py CARPETA
"""

import os
import sys
from urllib.parse import urlparse

from tornado import ioloop, web


def aplicacion(carpeta: str, prefijo: str) -> web.Application:
    prefijo = "/" + prefijo.strip("/") + "/"
    return web.Application([
        (prefijo.rstrip("/"), web.RedirectHandler, {"url": prefijo}),
        (prefijo + "(.*)", web.StaticFileHandler, {"path": carpeta, "default_filename": "index.html"}),
    ])


def main() -> None:
    carpeta = sys.argv[1]
    url = urlparse(os.environ.get("JUPYTERHUB_SERVICE_URL", "http://127.0.0.1:10101"))
    prefijo = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/services/libro/")
    aplicacion(carpeta, prefijo).listen(url.port or 80, url.hostname or "127.0.0.1")
    ioloop.IOLoop.current().start()


if __name__ == "__main__":
    main()
