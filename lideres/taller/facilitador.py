"""Las páginas de quien facilita, en el servidor del taller: solo se abren desde la laptop misma.

    /facilitador/entregas        quién empezó y quién entregó, pregunta por pregunta (se actualiza sola)
    /facilitador/entregas.json   lo mismo en JSON (la página lo pide cada pocos segundos)
    /facilitador/escritas        las preguntas escritas, para calificarlas a mano
    /facilitador/escritas/<ejercicio>/<pregunta>?persona=<código>   una respuesta, con la modelo al lado

Tienen nombres y respuestas: un celular del wifi (con `--red`) recibe un 403 en español. Se mira la
dirección de la conexión (Voilà no confía en X-Forwarded-For) y el nombre con que se pidió la página
(127.0.0.1, localhost o [::1]; otro nombre que apunte aquí no sirve). Los formularios llevan el
token `_xsrf` de tornado.
"""

from __future__ import annotations

import asyncio
import hashlib
import ipaddress
import json
from pathlib import Path
from urllib.parse import quote, urlencode

from lideres.errores import ErrorLideres

DIR_PAGINAS = Path(__file__).resolve().parent / "paginas"
RUTA_ENTREGAS = "/facilitador/entregas"
RUTA_ESCRITAS = "/facilitador/escritas"
SEGUNDOS_ACTUALIZAR = 5
NOMBRES_LOCALES = {"127.0.0.1", "localhost", "::1"}


def es_local(ip: str | None) -> bool:
    """¿La conexión viene de esta misma computadora? (127.x.x.x, ::1 o ::ffff:127.x.x.x)"""
    try:
        d = ipaddress.ip_address((ip or "").split("%")[0])
    except ValueError:
        return False
    if isinstance(d, ipaddress.IPv6Address) and d.ipv4_mapped:
        d = d.ipv4_mapped
    return d.is_loopback


def _host_local(host: str | None) -> bool:
    nombre = (host or "").strip().lower()
    if nombre.startswith("["):
        nombre = nombre[1:].split("]")[0]
    elif nombre.count(":") == 1:
        nombre = nombre.split(":")[0]
    return nombre in NOMBRES_LOCALES or nombre.startswith("127.")


def markdown(texto: str):
    """Markdown del banco a HTML (sin HTML crudo: lo que venga se escapa; nada pide internet)."""
    import markupsafe
    from markdown_it import MarkdownIt

    return markupsafe.Markup(MarkdownIt("commonmark", {"html": False}).render(texto or ""))


def _entorno():
    import jinja2

    entorno = jinja2.Environment(loader=jinja2.FileSystemLoader(str(DIR_PAGINAS)), autoescape=True)
    entorno.filters["markdown"] = markdown
    return entorno


def render(plantilla: str, **datos) -> str:
    return _entorno().get_template(plantilla).render(
        ruta_entregas=RUTA_ENTREGAS, ruta_escritas=RUTA_ESCRITAS, **datos)


def url_escrita(ejercicio: str, pregunta: str, persona: str | None = None, **mas) -> str:
    url = f"{RUTA_ESCRITAS}/{quote(ejercicio)}/{quote(pregunta)}"
    consulta = {k: v for k, v in {"persona": persona, **mas}.items() if v}
    return url + ("?" + urlencode(consulta) if consulta else "")


def handlers(curso: Path | None, ejercicios=(), orden_calificar=None) -> list:
    """Las rutas de quien facilita. `curso`: el de `--curso` (sin él, las páginas lo explican)."""
    import tornado.web

    class SoloLaptop(tornado.web.RequestHandler):
        def prepare(self):
            conexion = getattr(self.request.connection, "context", None)
            ip = getattr(conexion, "remote_ip", None) or self.request.remote_ip
            if not (es_local(ip) and es_local(self.request.remote_ip) and _host_local(self.request.host)):
                self.set_status(403)
                self.set_header("Content-Type", "text/html; charset=UTF-8")
                self.set_header("Cache-Control", "no-store")
                self.finish(render("solo_laptop.html", puerto=self.request.host.rsplit(":", 1)[-1]))
                return
            self.set_header("Cache-Control", "no-store")  # nombres y respuestas: nada en caché
            self.set_header("X-Frame-Options", "DENY")
            self.set_header("Referrer-Policy", "no-referrer")

        def write_error(self, status_code, **kwargs):
            self.set_header("Content-Type", "text/html; charset=UTF-8")
            motivo = ("La página venció o se abrió desde otro lugar: vuelve a abrirla y repite lo que hacías."
                      if status_code == 403 else "Algo falló en esta página: el detalle quedó en el registro.")
            self.finish(render("solo_laptop.html", puerto=self.request.host.rsplit(":", 1)[-1],
                               motivo=motivo, codigo=status_code))

        def pagina(self, plantilla: str, **datos) -> None:
            self.set_header("Content-Type", "text/html; charset=UTF-8")
            self.write(render(plantilla, curso=curso, orden_calificar=orden_calificar, **datos))

        async def en_hilo(self, funcion, *args):
            # Leer el libro de notas y los cuadernos no debe frenar los tableros de los celulares.
            return await asyncio.get_running_loop().run_in_executor(None, funcion, *args)

    def _estado():
        from lideres.curso import en_vivo

        datos = en_vivo.estado(curso, list(ejercicios))
        cuerpo = render("_entregas_tabla.html", datos=datos)
        datos["html"] = cuerpo
        datos["resumen"] = render("_entregas_resumen.html", datos=datos).strip()
        datos["version"] = hashlib.sha256(cuerpo.encode()).hexdigest()[:16]
        return datos

    class Entregas(SoloLaptop):
        async def get(self):
            datos = await self.en_hilo(_estado) if curso else None
            self.pagina("entregas.html", datos=datos, segundos=SEGUNDOS_ACTUALIZAR)

    class EntregasJSON(SoloLaptop):
        async def get(self):
            datos = await self.en_hilo(_estado) if curso else {"ejercicios": [], "html": ""}
            self.set_header("Content-Type", "application/json; charset=UTF-8")
            self.write(json.dumps(datos, ensure_ascii=False))

    class Escritas(SoloLaptop):
        async def get(self):
            from lideres.curso import escritas

            lista = await self.en_hilo(escritas.preguntas, curso) if curso else []
            self.pagina("escritas.html", preguntas=lista, url_escrita=url_escrita)

    class Escrita(SoloLaptop):
        async def _pregunta(self, ejercicio, id_):
            from lideres.curso import escritas

            try:
                return await self.en_hilo(escritas.pregunta, curso, ejercicio, id_)
            except ErrorLideres as e:
                self.set_status(404)
                self.pagina("escritas.html", preguntas=[], url_escrita=url_escrita, error=e)
                return None

        def _mostrar(self, p, codigo, *, error=None, puntos_dados=None, comentario=None, guardado=False):
            respuestas = p.respuestas
            i = next((k for k, r in enumerate(respuestas) if r.codigo == codigo), None)
            if i is None:
                i = next((k for k, r in enumerate(respuestas) if r.pendiente), 0)
            r = respuestas[i] if respuestas else None
            self.pagina(
                "escrita.html", p=p, r=r, indice=i, total=len(respuestas), error=error, guardado=guardado,
                puntos_dados=puntos_dados, comentario=comentario if comentario is not None else (r.comentario if r else ""),
                anterior=url_escrita(p.ejercicio, p.id, respuestas[i - 1].codigo) if r and i > 0 else None,
                siguiente=url_escrita(p.ejercicio, p.id, respuestas[i + 1].codigo) if r and i + 1 < len(respuestas) else None,
                url_escrita=url_escrita, opciones=opciones_de_puntos(r.maximo if r else 0),
                xsrf=self.xsrf_form_html(),
            )

        async def get(self, ejercicio, id_):
            if not curso:
                return self.pagina("escritas.html", preguntas=[], url_escrita=url_escrita)
            p = await self._pregunta(ejercicio, id_)
            if p is not None:
                self._mostrar(p, self.get_query_argument("persona", None),
                              guardado=next((r.nombre for r in p.respuestas
                                             if r.codigo == self.get_query_argument("guardado", None)), None))

        async def post(self, ejercicio, id_):
            from lideres.curso import escritas

            self.check_xsrf_cookie()
            if not curso:
                raise tornado.web.HTTPError(404)
            p = await self._pregunta(ejercicio, id_)
            if p is None:
                return
            codigo = self.get_body_argument("persona", "")
            puntos_dados = self.get_body_argument("puntos", "")
            comentario = self.get_body_argument("comentario", "")
            r = next((r for r in p.respuestas if r.codigo == codigo), None)
            if r is None:
                self.set_status(400)
                return self._mostrar(p, None, error="No se encontró esa respuesta: elige otra de la lista.")
            try:
                await self.en_hilo(escritas.guardar, curso, p.ejercicio, p.cuaderno, p.id, codigo,
                                   puntos_dados, comentario)
            except ErrorLideres as e:
                self.set_status(400)
                error = e.mensaje + (f" Qué hacer: {e.como_arreglar}" if e.como_arreglar else "")
                return self._mostrar(p, codigo, error=error, puntos_dados=puntos_dados, comentario=comentario)
            i = p.respuestas.index(r)
            destino = codigo
            if self.get_body_argument("accion", "") == "siguiente" and i + 1 < len(p.respuestas):
                destino = p.respuestas[i + 1].codigo
            self.redirect(url_escrita(p.ejercicio, p.id, destino, guardado=codigo), status=303)

    return [
        (r"/facilitador/?", tornado.web.RedirectHandler, {"url": RUTA_ENTREGAS}),
        (RUTA_ENTREGAS + r"/?", Entregas),
        (RUTA_ENTREGAS + r"\.json", EntregasJSON),
        (RUTA_ESCRITAS + r"/?", Escritas),
        (RUTA_ESCRITAS + r"/([^/]+)/([^/]+)/?", Escrita),
    ]


def opciones_de_puntos(maximo: float) -> list[float]:
    """Los puntos que se pueden tocar: de medio en medio hasta 4; luego de uno en uno."""
    paso = 0.5 if maximo <= 4 else 1.0
    valores, v = [], 0.0
    while v <= maximo + 1e-9:
        valores.append(v)
        v += paso
    if valores and valores[-1] < maximo:
        valores.append(maximo)
    return valores


class VigiaTerminal:
    """Una línea en la terminal por cada entrega desde el celular (mira recibidos/ cada 2 s)."""

    def __init__(self, curso: Path, imprimir=print):
        from lideres.curso import en_vivo

        self.vigia = en_vivo.Vigia(curso)
        self.imprimir = imprimir

    def revisar(self) -> None:
        import sys

        try:
            lineas = self.vigia.nuevas()
        except Exception:  # nunca detener el servidor por esto; el detalle va al registro
            import logging

            logging.getLogger("lideres.taller").exception("al mirar las entregas")
            return
        for linea in lineas:
            self.imprimir(linea)
        if lineas:
            sys.stdout.flush()

    def iniciar(self, cada_ms: int = 2000):
        import tornado.ioloop

        self.periodico = tornado.ioloop.PeriodicCallback(self.revisar, cada_ms)
        self.periodico.start()
        return self.periodico
