"""Manejadores de Voilà ajustados para el taller (se importan al iniciar el servidor).

- La página de un tablero deja la cookie `_xsrf`: el gestor de widgets de Voilà pide apagar el
  kernel al cerrar la página (`POST /voila/api/shutdown/<kernel>` con el `_xsrf` de la cookie),
  pero Voilà nunca la crea, y el pedido recibía 403: cada visita dejaba un kernel vivo hasta que
  se apagaba por inactivo. La protección XSRF sigue activa; solo se entrega el token.
- Un error no deja traza ni página en inglés: el websocket de un kernel ya apagado responde 404 sin
  cuerpo; un tablero cuyo kernel no arrancó a tiempo da la página «sala llena» en su forma
  «computadora ocupada».
- Apagar un kernel que ya no existe (la página avisa dos veces, o ya se apagó por inactivo)
  responde 204 sin error en el registro.
- La versión completa de un tablero pide lugar en el presupuesto de memoria (`--memoria`,
  `GestorKernels.apartar_lugar`); sin lugar, una página en español («sala llena») que lleva a la
  versión ligera, nunca una traza ni una página muerta.
- Caché: Voilà sirve sus archivos estáticos y los de las extensiones con «no-cache» (cada tablero
  vuelve a preguntar por 18–39 archivos). Los archivos de extensiones cuyo nombre lleva el hash de su
  contenido no cambian nunca: un año e «immutable». Los de Voilà (`/voila/static/`, sin hash pero
  fijos para la versión instalada): un día, lo que dura un taller; el segundo tablero ya no los pide.
  El libro (/libro/, `LibroHandler`): un año e «immutable» para lo que se llama por su contenido.
"""

from __future__ import annotations

import functools
import re

import tornado.web
from jupyter_core.utils import ensure_async
from jupyter_server.base.handlers import FileFindHandler
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
from voila.static_file_handler import MultiStaticFileHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler

from lideres.taller.kernels import LUGAR


class TableroHandler(TornadoVoilaHandler):
    @tornado.web.authenticated
    async def get(self, path=None):
        self.xsrf_token  # noqa: B018 — leerlo crea la cookie `_xsrf` de la respuesta
        gestor = self.kernel_manager
        if not (path and path.endswith(".ipynb") and hasattr(gestor, "apartar_lugar")):
            return await super().get(path=path)
        # Presupuesto de memoria (--memoria): sin lugar, una página en español en vez de un kernel.
        lugar = await gestor.apartar_lugar(path)
        if lugar is None:
            # La página la arma el servidor (lideres.taller.servidor), que la deja en los ajustes de
            # la app: importarlo desde aquí haría un círculo (él importa este módulo).
            pagina_sala_llena = self.settings["lideres_pagina_sala_llena"]
            self.log.info("Presupuesto de memoria lleno: %s recibe la página «sala llena»", path)
            self.set_status(503)
            self.set_header("Content-Type", "text/html; charset=UTF-8")
            self.set_header("Cache-Control", "no-store")
            self.set_header("Retry-After", "60")
            return self.finish(pagina_sala_llena(path, self.request.uri))
        token = LUGAR.set(lugar)
        try:
            return await super().get(path=path)
        finally:
            LUGAR.reset(token)
            gestor.soltar_lugar(lugar)

    def write_error(self, status_code, **kwargs):
        # Un kernel que no llegó a arrancar (laptop muy cargada): jupyter_server armaría su página
        # de error en inglés y, sin su plantilla «500.html», dejaría una traza. Aquí, la misma
        # página en español que «sala llena», con la versión ligera y «Probar de nuevo».
        # La ruta del cuaderno es la que recibió get(): tornado la guarda en `path_args` antes de
        # prepare(). Sin ella (un error antes de leer la dirección: método o cuerpo inválidos), la
        # página de siempre.
        ruta = (getattr(self, "path_args", None) or [None])[0] or ""
        if status_code < 500 or not ruta.endswith(".ipynb"):
            return super().write_error(status_code, **kwargs)
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(self.settings["lideres_pagina_sala_llena"](ruta, self.request.uri, ocupada=True))


class KernelWebsocketHandler(VoilaKernelWebsocketHandler):
    def write_error(self, status_code, **kwargs):
        # Un celular que vuelve de la pausa reconecta con su kernel ya apagado por inactivo: 404.
        # jupyter_server armaría una página HTML que nadie lee (y, sin `static_path`, dejaría una
        # traza en el registro). La página del celular ya muestra su aviso en español.
        # Sin cuerpo para todo código, no solo 404: esa página falla igual con 403 o 500 (no hay
        # «403.html» ni «500.html», y la de respaldo también pide `static_path`). Lo que pasó ya
        # queda en el registro: tornado anota cada error, con su traza si no era un HTTPError.
        self.finish()


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


# Nombres con hash de contenido (webpack): «380.adac897760921ac4a5d1.js», «remoteEntry.c8c9eed2cdefdeac.js»,
# «fa2c95e0610f3787c879.png».
CON_HASH = re.compile(r"(^|[./])[0-9a-f]{16,}\.(js|css|png|svg|woff2?|ttf|eot)$")
CACHE_INMUTABLE = "public, max-age=31536000, immutable"
CACHE_UN_DIA = "public, max-age=86400"


def cache_de_extension(ruta: str) -> str | None:
    """El Cache-Control de un archivo de extensión: inmutable si su nombre lleva el hash de su contenido
    (`None`: el de Jupyter, «no-cache», para package.json, style.js y demás nombres fijos)."""
    return CACHE_INMUTABLE if CON_HASH.search(ruta.rsplit("/", 1)[-1]) else None


# Un archivo del libro que se llama por su contenido: la hoja única (`libro.eceed6854500.css`), las
# figuras de myst-nb (`_images/<sha256>.png`), `mystnb.<sha256>.css`.
_LIBRO_CON_HASH = re.compile(r"(^|[./])[0-9a-f]{12,}\.(js|css|png|svg|jpg|woff2?|ttf)$")


def cache_del_libro(ruta: str, argumentos: dict) -> str | None:
    """El Cache-Control de un archivo de /libro/: inmutable si su dirección cambia cuando cambia su
    contenido. Sphinx escribe `?v=<suma del archivo>` y el tema `?digest=<huella de su versión>`
    (lideres/libro_liviano.py no cambia esos archivos); la hoja única y las figuras llevan el hash en
    el nombre. `None`: lo de siempre (el celular pregunta si cambió). Las páginas HTML nunca."""
    if not ruta.startswith(("_static/", "_images/")):
        return None
    if "v" in argumentos or "digest" in argumentos or _LIBRO_CON_HASH.search(ruta.rsplit("/", 1)[-1]):
        return CACHE_INMUTABLE
    return None


class LibroHandler(tornado.web.StaticFileHandler):
    """/libro/: el libro construido. Con caché larga para lo que se llama por su contenido: el segundo
    capítulo que abre un celular ya no vuelve a bajar la hoja ni los scripts del tema."""

    # tornado pregunta dos veces por pedido (get_cache_time y set_extra_headers): se decide una vez.
    # Un handler atiende un solo pedido, así que guardarlo en él no lo mezcla con otro.
    @functools.cached_property
    def cache(self) -> str | None:
        return cache_del_libro(self.path, self.request.arguments)

    def get_cache_time(self, path, modified, mime_type):
        return 365 * 86400 if self.cache else 0

    def set_extra_headers(self, path):
        if self.cache:
            self.set_header("Cache-Control", self.cache)


class ExtensionesHandler(FileFindHandler):
    def set_headers(self) -> None:
        super().set_headers()
        cache = cache_de_extension(self.request.path)
        if cache:
            self.set_header("Cache-Control", cache)


class EstaticosVoilaHandler(MultiStaticFileHandler):
    def get_cache_time(self, path, modified, mime_type):
        return 86400

    def set_extra_headers(self, path):
        self.set_header("Cache-Control", CACHE_UN_DIA)


REEMPLAZOS = {
    TornadoVoilaHandler: TableroHandler,
    VoilaShutdownKernelHandler: ApagarKernelHandler,
    FileFindHandler: ExtensionesHandler,
    MultiStaticFileHandler: EstaticosVoilaHandler,
    VoilaKernelWebsocketHandler: KernelWebsocketHandler,
}


def reemplazar(handlers: list) -> list:
    """Los handlers de Voilà con nuestras clases en lugar de las suyas."""
    return [(h[0], REEMPLAZOS.get(h[1], h[1]), *h[2:]) for h in handlers]
