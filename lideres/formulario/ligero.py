"""El formulario ligero del ejercicio (issue 19 §1): una página HTML que el servidor del taller arma
y recibe, sin kernel. Abre en un segundo en un celular barato y funciona sin JavaScript.

    GET  /ejercicio/<id>      sin sesión: nombre, código del grupo y clave; con sesión: las preguntas
                              con lo guardado en la laptop
    POST /ejercicio/<id>      accion = entrar | guardar | revisar:<pregunta> | entregar | en-blanco | salir

Escribe lo mismo que el formulario de Voilà y con las mismas funciones (`entregas.identificar`,
`guardar_borrador`, `entregar`): el borrador en la carpeta del curso y la entrega en submitted/, que
califica nbgrader. Lo que protege la laptop de un celular hostil en el wifi del taller:

- cada POST lleva el token `_xsrf` de tornado (cookie y campo) y se revisa a mano (Voilà no activa
  `xsrf_cookies`): un POST falsificado o desde otra página recibe 403 y nada se escribe;
- la clave de 4 números se revisa al entrar; la sesión es una cookie firmada que guarda la huella de
  esa clave, y se vuelve a comparar en cada POST (si quien facilita borra la clave, la sesión cae);
- las respuestas son texto: solo los ids de las preguntas del banco, acotadas, y van al cuaderno como
  literales (`banco.cuaderno_con_respuestas`), nunca como código;
- los archivos salen del código de la persona (`ids.codigo`, sin «/» ni «..») y del id del ejercicio,
  que debe ser uno de los del taller: nada se escribe fuera de lo suyo;
- un cuerpo de más de `MAX_CUERPO` no se lee entero (se descarta al llegar) y recibe un 413 con un
  mensaje en español; una respuesta más larga que su tope, un 400 con el mensaje: en los dos casos
  lo guardado antes sigue igual y lo escrito vuelve al formulario.

Lo que toca archivos (el candado del curso puede esperar a un kernel) corre en un hilo: el bucle de
tornado sigue atendiendo los tableros.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import json
import logging
import threading
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from lideres.errores import ErrorLideres
from lideres.formulario import entregas

RUTA = "/ejercicio/"
RUTA_SCRIPT = "/ejercicio/formulario.js"
PATRON_ID = r"([0-9][0-9A-Za-z_]*)"
COOKIE = "lideres_ejercicio"
DIAS_SESION = 1  # un día de taller; el secreto de las cookies cambia al reiniciar el servidor
# El formulario más grande que puede llegar bien: cada carácter de una escrita ocupa hasta 12 bytes
# (4 de UTF-8, cada uno como «%XX»). 512 KB alcanzan para 20 escritas llenas (una prueba lo revisa).
MAX_CUERPO = 512 * 1024
AQUI = Path(__file__).resolve().parent
SCRIPT = AQUI / "formulario_ligero.js"
log = logging.getLogger("lideres.formulario")

ELIGE = "— Elige —"
ELIGE_DISTRITO = "— Elige un distrito —"
NO_SE_PUDO_GUARDAR = ("No se pudo guardar en la computadora del taller. Avisa a quien facilita; tus "
                      "respuestas siguen en esta página.")
NO_SE_PUDO_ENTREGAR = ("No se pudo entregar: la computadora del taller no pudo guardarlo. Tus respuestas "
                       "siguen aquí; avisa a quien facilita el taller.")
SIN_RESPUESTAS = ("No respondiste ninguna pregunta. ¿Quieres entregar así, en blanco? Si no, responde y "
                  "vuelve a tocar «Entregar».")
DEMASIADO_GRANDE = ("Lo que mandaste pesa más de {kb} KB y no se guardó. Lo que estaba guardado antes "
                    "sigue aquí, sin cambios.")
SESION_VENCIDA = ("Vuelve a entrar con tu nombre, el código del grupo y tu clave. Lo que ya estaba "
                  "guardado sigue en la computadora del taller.")
FORMULARIO_VENCIDO = ("La página venció o se abrió desde otro lugar, y no se guardó nada. Vuelve a "
                      "abrirla y repite lo que hacías.")
SIN_CURSO = ("Esta computadora no está recibiendo entregas. Quien facilita el taller debe iniciar el "
             "servidor con «lideres taller --curso CARPETA».")
NO_DISPONIBLE = "Este ejercicio todavía no se puede responder en el celular. Avisa a quien facilita el taller."


def url(ejercicio: str) -> str:
    return RUTA + ejercicio


def url_completa(ejercicio: str) -> str:
    from lideres.taller import ejercicios

    return ejercicios.url_ejercicio(ejercicio)


# ---------------------------------------------------------------- el ejercicio (en memoria)


@dataclass(frozen=True)
class Hoja:
    """Lo que se muestra de un ejercicio; se arma una vez (la preparación puede usar pandas)."""

    ejercicio: str
    titulo: str
    introduccion: str   # HTML
    preparacion: str    # HTML
    preguntas: tuple    # las públicas (sin respuestas legibles)
    tipos: dict

    def publica(self, id_: str) -> dict:
        return next(p for p in self.preguntas if p["id"] == id_)


_hojas: dict[tuple, Hoja] = {}
_candado_hojas = threading.Lock()
_armando: dict[tuple, threading.Lock] = {}


def hoja(curso: Path, ejercicio: str) -> Hoja:
    """La hoja del ejercicio, rehecha si su banco cambió. `ErrorLideres` si el banco no sirve."""
    from lideres import banco

    fuente = Path(curso) / "source" / ejercicio / banco.ARCHIVO
    try:
        marca = fuente.stat().st_mtime_ns
    except OSError:
        marca = None
    clave = (str(curso), ejercicio, marca)
    with _candado_hojas:
        if clave in _hojas:
            return _hojas[clave]
        armando = _armando.setdefault(clave, threading.Lock())
    with armando:  # sesenta celulares a la vez: la arma uno solo, los demás la esperan
        with _candado_hojas:
            if clave in _hojas:
                return _hojas[clave]
        nueva = _armar_hoja(curso, ejercicio)
        with _candado_hojas:
            _hojas[clave] = nueva
        return nueva


def _armar_hoja(curso: Path, ejercicio: str) -> Hoja:
    from lideres import banco
    from lideres.formulario.preparacion import _md, preparacion_html

    b = banco.cargar(ejercicio, curso=curso)
    publico = b.publico()
    preguntas = tuple(publico["preguntas"])
    nueva = Hoja(ejercicio=ejercicio, titulo=b.titulo, introduccion=_md(b.introduccion),
                 preparacion=preparacion_html(publico.get("preparacion")), preguntas=preguntas,
                 tipos={p["id"]: p["tipo"] for p in preguntas})
    return nueva


# ---------------------------------------------------------------- lo que llega del formulario


def campo(id_: str) -> str:
    return f"r-{id_}"


def leer_respuestas(argumento, h: Hoja) -> dict:
    """Las respuestas del formulario. `argumento(nombre)` da el texto de un campo o None.

    Solo las preguntas del banco; una alternativa o un distrito que no está entre las opciones se
    descarta (solo lo manda un celular que falsifica el formulario). Un orden a medias o repetido
    se rechaza con un mensaje (`entregas.Rechazo`)."""
    respuestas: dict = {}
    for numero, p in enumerate(h.preguntas, start=1):
        nombre = campo(p["id"])
        tipo = p["tipo"]
        opciones = [str(o) for o in p.get("opciones") or []]
        if tipo == "orden":
            elegidos = [argumento(f"{nombre}-{k}") or "" for k in range(1, len(opciones) + 1)]
            if not any(elegidos):
                continue
            if sorted(elegidos) != sorted(opciones):
                raise entregas.Rechazo(
                    f"En la pregunta {numero}, elige un elemento distinto para cada lugar (ninguno se "
                    "repite y ninguno queda sin elegir). Tus otras respuestas no se guardaron todavía: "
                    "corrige el orden y vuelve a tocar el botón.")
            respuestas[p["id"]] = elegidos
            continue
        valor = argumento(nombre)
        if valor is None or not valor.strip():
            continue
        if tipo == "opcion":
            letras = "abcdefghijklmnopqrstuvwxyz"[:len(opciones)]
            if valor not in letras:
                continue
        elif tipo == "distrito":
            if valor not in opciones:
                continue
        elif tipo != "escrita":
            valor = valor.strip()
        respuestas[p["id"]] = entregas.normalizar_texto(valor)
    return respuestas


# ---------------------------------------------------------------- la página


def _entorno():
    """El entorno compartido de plantillas/ (lideres.jinja: uno por proceso, StrictUndefined); la
    plantilla se compila una vez, no en cada pedido."""
    from lideres import jinja

    return jinja.plantillas_de(__file__)


_letras = "abcdefghijklmnopqrstuvwxyz"


@functools.lru_cache(maxsize=1024)
def _md_guardado(texto: str) -> str:
    """El Markdown de un enunciado, una vez por proceso (no en cada pedido de cada celular)."""
    from lideres.formulario.preparacion import _md

    return _md(texto)


def _preguntas_para_mostrar(h: Hoja, valores: dict, veredictos: dict) -> list[dict]:
    from markupsafe import Markup

    from lideres.formulario.preparacion import _texto_plano

    filas = []
    for numero, p in enumerate(h.preguntas, start=1):
        puntos = p.get("puntos") or 0
        titulo = f"Pregunta {numero}" + (f". {p['titulo']}" if p.get("titulo") else "")
        titulo += f" ({puntos:g} {'punto' if puntos == 1 else 'puntos'})"
        opciones = [str(o) for o in p.get("opciones") or []]
        valor = valores.get(p["id"])
        fila = {
            "id": p["id"], "numero": numero, "tipo": p["tipo"], "titulo": titulo, "campo": campo(p["id"]),
            "enunciado": Markup(_md_guardado(p.get("enunciado", ""))), "valor": valor, "veredicto": veredictos.get(p["id"]),
        }
        if p["tipo"] == "opcion":
            fila["opciones"] = [(_letras[i], f"{_letras[i]}) {_texto_plano(t)}") for i, t in enumerate(opciones)]
        elif p["tipo"] == "distrito":
            fila["opciones"] = opciones
        elif p["tipo"] == "orden":
            elegidos = valor if isinstance(valor, list) and len(valor) == len(opciones) else [""] * len(opciones)
            fila["opciones"] = opciones
            fila["lugares"] = list(enumerate(elegidos, start=1))
        elif p["tipo"] == "escrita":
            fila["contador"], fila["pasado"] = entregas.contador(valor if isinstance(valor, str) else "")
            fila["maximo"] = entregas.MAX_ESCRITA
        filas.append(fila)
    return filas


def render(h: Hoja | None, *, ejercicio: str, vista: str, xsrf: str = "", persona: str | None = None,
           codigo: str = "", valores: dict | None = None, veredictos: dict | None = None,
           mensaje: str | None = None, clase: str = "lideres-mal", practica: bool = True,
           entregado: str | None = None, en_blanco: bool = False, guardado: bool = False,
           nombre: str = "", codigo_grupo: str = "") -> str:
    """La página. `vista`: "entrada" (nombre, código y clave), "preguntas" o "aviso" (solo el mensaje).
    `guardado`: la página confirma que se guardó lo que se mandó (el script borra la copia del celular)."""
    from markupsafe import Markup

    valores = valores or {}
    preguntas = _preguntas_para_mostrar(h, valores, veredictos or {}) if h and vista == "preguntas" else []
    respondidas = sum(1 for p in preguntas if valores.get(p["id"]) not in (None, "", []))
    return _entorno().get_template("ejercicio.html.j2").render(
        ejercicio=ejercicio, titulo=h.titulo if h else "Ejercicio", vista=vista,
        introduccion=Markup(h.introduccion) if h else "", preparacion=Markup(h.preparacion) if h else "",
        preguntas=preguntas, respondidas=respondidas, total=len(h.preguntas) if h else 0,
        xsrf=Markup(xsrf), persona=persona, codigo=codigo, mensaje=mensaje, clase=clase,
        practica=practica, entregado=entregado, en_blanco=en_blanco, guardado=guardado,
        nombre=nombre, codigo_grupo=codigo_grupo, url_completa=url_completa(ejercicio),
        url_script=RUTA_SCRIPT, accion=url(ejercicio), elige=ELIGE, elige_distrito=ELIGE_DISTRITO,
    )


# ---------------------------------------------------------------- la sesión


def _huella_guardada(curso: Path, codigo: str) -> str | None:
    guardada = entregas.leer_json(entregas.carpeta(curso) / entregas.CLAVES).get(codigo)
    if isinstance(guardada, dict):
        guardada = guardada.get("huella")
    return guardada if isinstance(guardada, str) else None


def valor_sesion(curso: Path, p: entregas.Participante) -> str:
    return json.dumps({"c": p.codigo, "n": p.nombre, "h": (_huella_guardada(curso, p.codigo) or "")[:24]},
                      ensure_ascii=False)


def participante_de_sesion(curso: Path, valor: bytes | None) -> entregas.Participante | None:
    """La persona de la cookie firmada, si su clave sigue siendo la misma."""
    if not valor:
        return None
    try:
        datos = json.loads(valor.decode("utf-8"))
        codigo, nombre, huella = datos["c"], datos["n"], datos["h"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
    if not (isinstance(codigo, str) and isinstance(nombre, str) and isinstance(huella, str) and huella):
        return None
    guardada = _huella_guardada(curso, codigo)
    if not guardada or guardada[:24] != huella:
        return None
    from lideres.curso import ids

    if ids.codigo(ids.limpiar_nombre(nombre)) != codigo:
        return None
    return entregas.Participante(nombre=nombre, codigo=codigo)


# ---------------------------------------------------------------- tornado


def handlers(curso: Path | None, ejercicios=()) -> list:
    """Las rutas del formulario ligero. `ejercicios`: los que el taller recibe por celular."""
    import tornado.httputil
    import tornado.web

    disponibles = set(ejercicios or ())

    class Script(tornado.web.RequestHandler):
        def get(self):
            self.set_header("Content-Type", "text/javascript; charset=UTF-8")
            self.set_header("Cache-Control", "public, max-age=86400")
            self.write(SCRIPT.read_bytes())

    @tornado.web.stream_request_body
    class Formulario(tornado.web.RequestHandler):
        def prepare(self):
            self.set_header("Cache-Control", "no-store")  # nombres y respuestas: nada en caché
            self.set_header("X-Frame-Options", "DENY")
            self.set_header("Referrer-Policy", "no-referrer")
            self._trozos: list[bytes] = []
            self._recibido = 0
            largo = self.request.headers.get("Content-Length", "")
            self._demasiado = largo.isdigit() and int(largo) > MAX_CUERPO

        def data_received(self, trozo: bytes) -> None:
            # Un cuerpo enorme no se guarda en memoria: se cuenta y se descarta.
            self._recibido += len(trozo)
            if self._recibido > MAX_CUERPO:
                self._demasiado = True
                self._trozos = []
            elif not self._demasiado:
                self._trozos.append(trozo)

        # -- ayudas

        def escribir(self, html: str, estado: int = 200) -> None:
            self.set_status(estado)
            self.set_header("Content-Type", "text/html; charset=UTF-8")
            self.finish(html)

        def write_error(self, status_code, **kwargs):
            ejercicio = (self.path_args or [""])[0]
            mensaje = FORMULARIO_VENCIDO if status_code == 403 else (
                "Algo falló en esta página: el detalle quedó en el registro. Avisa a quien facilita el taller.")
            self.set_header("Content-Type", "text/html; charset=UTF-8")
            self.finish(render(None, ejercicio=ejercicio, vista="aviso", mensaje=mensaje))

        async def en_hilo(self, funcion, *args, **kwargs):
            bucle = asyncio.get_running_loop()
            return await bucle.run_in_executor(None, lambda: funcion(*args, **kwargs))

        def persona(self) -> entregas.Participante | None:
            return participante_de_sesion(curso, self.get_signed_cookie(COOKIE, max_age_days=DIAS_SESION))

        async def hoja_o_aviso(self, ejercicio: str) -> Hoja | None:
            if curso is None:
                self.escribir(render(None, ejercicio=ejercicio, vista="aviso", mensaje=SIN_CURSO), 404)
                return None
            if ejercicio not in disponibles:
                self.escribir(render(None, ejercicio=ejercicio, vista="aviso", mensaje=NO_DISPONIBLE), 404)
                return None
            try:
                return await self.en_hilo(hoja, curso, ejercicio)
            except ErrorLideres:  # un banco con errores: un aviso, no un traceback
                log.exception("banco de %s", ejercicio)
                self.escribir(render(None, ejercicio=ejercicio, vista="aviso", mensaje=NO_DISPONIBLE), 404)
                return None

        def pagina(self, h: Hoja, p: entregas.Participante | None, estado: int = 200, **datos) -> None:
            practica = entregas.modo(curso) == "practica"
            vista = "preguntas" if p else "entrada"
            self.escribir(render(h, ejercicio=h.ejercicio, vista=vista, xsrf=self.xsrf_form_html(),
                                 persona=p.nombre if p else None, codigo=p.codigo if p else "",
                                 practica=practica, **datos), estado)

        def a_la_pagina(self, ejercicio: str, **consulta) -> None:
            destino = url(ejercicio) + ("?" + urllib.parse.urlencode(consulta) if consulta else "")
            self.redirect(destino, status=303)

        def veredictos(self, h: Hoja, respuestas: dict, ids_) -> dict:
            from lideres import banco

            salida = {}
            for id_ in ids_:
                if h.tipos.get(id_) in (None, "escrita"):
                    continue
                valor = entregas.valor_para_cuaderno(h.tipos[id_], respuestas.get(id_))
                v = banco.revisar(h.publica(id_), valor)
                if v.correcto is True:
                    mensaje = "" if (v.mensaje or "").strip() in ("¡Bien!", "") else v.mensaje
                    salida[id_] = {"clase": "lideres-bien", "marca": "✔ Correcto.", "mensaje": mensaje}
                elif v.correcto is False:
                    salida[id_] = {"clase": "lideres-mal", "marca": "✘ Todavía no.", "mensaje": v.mensaje or ""}
                else:
                    salida[id_] = {"clase": "lideres-nota", "marca": "", "mensaje": v.mensaje or ""}
            return salida

        # -- GET: lo guardado

        async def get(self, ejercicio):
            h = await self.hoja_o_aviso(ejercicio)
            if h is None:
                return
            p = self.persona()
            if p is None:
                aviso = "Listo: tus respuestas quedaron guardadas. Ahora puede entrar otra persona." \
                    if self.get_query_argument("estado", "") == "salio" else None
                return self.pagina(h, None, mensaje=aviso, clase="lideres-nota")
            borrador = await self.en_hilo(entregas.leer_borrador, curso, ejercicio, p)
            respuestas = borrador["respuestas"]
            estado = self.get_query_argument("estado", "")
            revisar = self.get_query_argument("revisar", "")
            entregado = (entregas.hora_local(dt.datetime.fromisoformat(borrador["entregas"][-1]))
                         if borrador["entregas"] else None)
            # `guardado`: esta página confirma lo que se acaba de mandar (el script borra la copia).
            confirma = estado in ("guardado", "entregado") or bool(revisar)
            datos = {"valores": respuestas, "guardado": confirma, "entregado": entregado}
            n = sum(1 for v in respuestas.values() if v not in (None, "", []))
            total = len(h.preguntas)
            if estado == "entregado" and entregado:
                faltan = total - n
                datos["mensaje"] = f"Entregado a las {entregado.rstrip('.')}." + (
                    f" Quedaron {faltan} preguntas sin responder." if faltan > 1 else
                    " Quedó 1 pregunta sin responder." if faltan == 1 else "")
                datos["clase"] = "lideres-bien"
                if entregas.modo(curso) != "practica":  # examen: los aciertos, recién ahora
                    datos["veredictos"] = self.veredictos(h, respuestas, h.tipos)
            elif estado == "guardado":
                datos["mensaje"], datos["clase"] = f"Guardado: {n} de {total} respuestas.", "lideres-nota"
            elif estado == "entro":
                datos["mensaje"] = f"Hola, {p.nombre}." + (
                    f" Recuperamos tus {n} respuestas guardadas." if n > 1 else
                    " Recuperamos tu respuesta guardada." if n == 1 else "")
                datos["clase"] = "lideres-nota"
            if revisar in h.tipos and entregas.modo(curso) == "practica":
                datos["veredictos"] = self.veredictos(h, respuestas, [revisar])
            self.pagina(h, p, **datos)

        # -- POST: entrar, guardar, revisar, entregar, salir

        async def post(self, ejercicio):
            h = await self.hoja_o_aviso(ejercicio)
            if h is None:
                return
            p = self.persona()
            if self._demasiado:
                datos = {}
                if p is not None:
                    datos["valores"] = (await self.en_hilo(entregas.leer_borrador, curso, ejercicio, p))["respuestas"]
                kb = MAX_CUERPO // 1024
                return self.pagina(h, p, 413, mensaje=DEMASIADO_GRANDE.format(kb=kb), **datos)
            argumentos: dict = {}
            tornado.httputil.parse_body_arguments(
                self.request.headers.get("Content-Type", ""), b"".join(self._trozos), argumentos, {},
                self.request.headers)
            for nombre, valores in argumentos.items():
                self.request.body_arguments.setdefault(nombre, []).extend(valores)
                self.request.arguments.setdefault(nombre, []).extend(valores)
            self.check_xsrf_cookie()  # 403 (write_error) si falta o no coincide: nada se escribe

            def argumento(nombre):
                valor = self.get_body_argument(nombre, None, strip=False)
                return valor

            accion = self.get_body_argument("accion", "")
            if accion == "entrar":
                return await self.entrar(h)
            if accion == "salir":
                self.clear_cookie(COOKIE, path=RUTA)
                return self.a_la_pagina(ejercicio, estado="salio")
            if p is None:
                return self.pagina(h, None, 403, mensaje=SESION_VENCIDA)
            try:
                respuestas = leer_respuestas(argumento, h)
                entregas.revisar_largo(respuestas, h.tipos)
            except entregas.Rechazo as e:  # lo escrito vuelve al formulario; lo guardado no cambia
                valores = self.valores_escritos(h, argumento)
                return self.pagina(h, p, 400, mensaje=e.mensaje, valores=valores)
            if accion in ("entregar", "en-blanco"):
                return await self.entregar(h, p, respuestas, confirmado=accion == "en-blanco")
            try:
                await self.en_hilo(entregas.guardar_borrador, curso, ejercicio, p, respuestas, h.tipos)
            except entregas.Rechazo as e:
                return self.pagina(h, p, 400, mensaje=e.mensaje, valores=respuestas)
            except OSError:
                log.exception("al guardar el borrador de %s", ejercicio)
                return self.pagina(h, p, 500, mensaje=NO_SE_PUDO_GUARDAR, valores=respuestas)
            if accion.startswith("revisar:") and accion[8:] in h.tipos:
                destino = url(ejercicio) + "?" + urllib.parse.urlencode({"revisar": accion[8:]})
                return self.redirect(f"{destino}#p-{accion[8:]}", status=303)
            return self.a_la_pagina(ejercicio, estado="guardado")

        def valores_escritos(self, h: Hoja, argumento) -> dict:
            """Lo que la persona escribió, tal cual, para devolvérselo (aunque no se haya guardado)."""
            valores = {}
            for p in h.preguntas:
                nombre = campo(p["id"])
                if p["tipo"] == "orden":
                    valores[p["id"]] = [argumento(f"{nombre}-{k}") or ""
                                        for k in range(1, len(p.get("opciones") or []) + 1)]
                else:
                    valores[p["id"]] = argumento(nombre) or ""
            return valores

        async def entrar(self, h: Hoja):
            nombre = self.get_body_argument("nombre", "")
            codigo_grupo = self.get_body_argument("codigo", "")
            clave = self.get_body_argument("clave", "")
            try:
                p = await self.en_hilo(entregas.identificar, curso, nombre, codigo_grupo, clave)
            except entregas.Rechazo as e:
                return self.pagina(h, None, 400, mensaje=e.mensaje, nombre=nombre, codigo_grupo=codigo_grupo)
            except OSError:
                log.exception("al entrar a %s", h.ejercicio)
                return self.pagina(h, None, 500, mensaje=NO_SE_PUDO_GUARDAR, nombre=nombre,
                                   codigo_grupo=codigo_grupo)
            self.set_signed_cookie(COOKIE, valor_sesion(curso, p), expires_days=DIAS_SESION, path=RUTA,
                                   httponly=True, samesite="Lax")
            self.a_la_pagina(h.ejercicio, estado="entro")

        async def entregar(self, h: Hoja, p: entregas.Participante, respuestas: dict, *, confirmado: bool):
            if not respuestas and not confirmado:
                return self.pagina(h, p, mensaje=SIN_RESPUESTAS, en_blanco=True, valores=respuestas)
            try:
                await self.en_hilo(entregas.entregar, curso, h.ejercicio, p, respuestas, h.tipos)
            except entregas.Rechazo as e:
                return self.pagina(h, p, 400, mensaje=e.mensaje, valores=respuestas)
            except Exception:  # nunca un traceback en el celular; el detalle queda en el registro
                log.exception("al entregar %s", h.ejercicio)
                return self.pagina(h, p, 500, mensaje=NO_SE_PUDO_ENTREGAR, valores=respuestas)
            self.a_la_pagina(h.ejercicio, estado="entregado")

    return [
        (RUTA_SCRIPT, Script),
        (RUTA + PATRON_ID + r"/?", Formulario),
    ]
