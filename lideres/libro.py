"""El libro del curso (Jupyter Book 1): preparar las fuentes, construir sin internet y revisar el HTML.

El capítulo de cada módulo ES su cuaderno de lección. Jupyter Book no puede leer archivos fuera de
book/, así que `preparar()` copia los cuadernos de los módulos listos a book/modulos/ y escribe los
fragmentos generados (lista de módulos, glosario, enlaces a los tableros) en book/_generado/. Las
dos carpetas se regeneran en cada construcción y no se guardan en git.

Tres modos, cada uno con su carpeta de construcción: «taller» (book/_build/html, el que sirve
`lideres taller` en /libro/: los tableros se abren en /voila/...), «sitio» (book/_build/sitio/, para
`make sitio`: sin servidor, los tableros se abren en Binder o en el JupyterHub, con internet) y «hub»
(book/_build/hub/, el que sirve el JupyterHub del curso en /services/libro/, ver despliegue/: la
lección y el tablero se abren en el servidor de quien lee, /hub/user-redirect/...). Todos los
capítulos llevan «Abrir en JupyterHub / Binder» (lideres.lanzar); en el hub, «Abrir en JupyterLab».
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

from markupsafe import Markup

from lideres import cuestionario, lanzar, libro_liviano, rutas
from lideres.errores import ErrorLideres
from lideres.jinja import plantillas_de
from lideres.modulos import MODULOS, Modulo

CARPETA_MODULOS = "modulos"
CARPETA_GENERADO = "_generado"
# Dirección del tablero en el servidor del taller: relativa, para que funcione con cualquier IP y puerto.
RUTA_TABLEROS = "/voila/render/tableros/"
RUTA_LIBRO = "/libro/"
# Las páginas ligeras de los tableros (lideres.ligera) van dentro del libro, en <html>/ligeras/: los
# capítulos (modulos/) y las guías (facilitadores/) las enlazan con una ruta relativa, que vale en el
# taller (/libro/), en el hub y en el sitio estático sin servidor.
CARPETA_LIGERAS = "ligeras"
MARCA_LISTO = ".lideres_listo"  # la deja una construcción completa y revisada
# Caché de ejecución de myst-nb (jupyter-cache), en book/_build/ (fuera de git): un capítulo cuyo
# código no cambió no se vuelve a ejecutar.
CARPETA_CACHE = ".jupyter_cache"
ARCHIVO_HUELLAS = "lideres_huellas.json"
HOSTS_LOCALES = {"127.0.0.1", "localhost", "0.0.0.0", "::1", "[::1]"}
TALLER, SITIO, HUB, FACILITADOR = "taller", "sitio", "hub", "facilitador"
# La edición de quien facilita para el JupyterHub: con las respuestas, servida solo al grupo
# «facilitadores» (/services/libro-facilitadores/, despliegue/hub); sus tableros, como los del hub.
HUB_FACILITADOR = "hub-facilitador"
MODOS = (TALLER, SITIO, HUB, FACILITADOR, HUB_FACILITADOR)
CON_RESPUESTAS = (FACILITADOR, HUB_FACILITADOR)
# Las páginas «Para facilitadores» traen las respuestas de las autoevaluaciones: solo van en la
# edición de quien facilita (modo «facilitador», en su laptop), como las soluciones de nbgrader. El
# libro de participantes (taller, sitio, hub) se construye con un índice sin esa parte.
PARTE_FACILITADORES = "Para facilitadores"
ARCHIVO_TOC_PARTICIPANTES = "_toc_participantes.yml"

# Fotos de lo que verán quien facilita y las personas, para las páginas «Para facilitadores». Las hace
# tests/navegador/test_capturas_guia.py en Chromium, con el producto de verdad (así nunca quedan
# viejas), en book/_generado/capturas/ (fuera de git). Una página las pone con
# ```{include} ../_generado/captura_<nombre>.md```: si la foto todavía no existe, el fragmento dice
# con palabras lo que se vería (nunca una imagen rota).
CARPETA_CAPTURAS = "capturas"
CAPTURAS = {
    "portada_celular": "La página de inicio del taller en un celular: los módulos, cada uno con su "
                       "tablero y, con --curso, «Responder el ejercicio».",
    "tablero_ligero_celular": "La página ligera del tablero del módulo 02 en un celular: botones de "
                              "medida y año, los primeros del ranking y el mapa de los distritos.",
    "tablero_voila_celular": "El tablero completo del módulo 02 (Voilà) en un celular: los mismos "
                             "botones, el mapa que se acerca con los dedos y la ficha del distrito.",
    "celular_entrar": "El ejercicio en el celular, al entrar: nombre y apellido, código del grupo y "
                      "una clave de 4 números.",
    "celular_preguntas": "El ejercicio en el celular, respondiendo: cada pregunta se toca o se "
                         "escribe, y «Guardar mis respuestas» las guarda en la laptop.",
    "facilitador_entregas": "«Quién entregó», en la laptop: una fila por persona, con cuántas "
                            "preguntas respondió y si ya entregó; se actualiza sola.",
    "facilitador_escrita": "«Respuestas escritas», en la laptop: la respuesta de una persona, al "
                           "lado la respuesta modelo y qué buscar; los puntos y un comentario.",
    "reporte": "El reporte del grupo (avance.html): una fila por persona, sus puntos por ejercicio "
               "y lo que falta calificar.",
}
# Lo que escribe el servidor al encenderse y con cada entrega, capturado del proceso real por la
# misma prueba (si falta, un ejemplo corto).
ARCHIVO_TERMINAL = "terminal_taller.txt"
TERMINAL_DE_EJEMPLO = """Servidor del taller listo.
  En esta computadora:  http://127.0.0.1:8866/
  En los celulares (misma red wifi), escribir:  http://192.168.1.20:8866/
  Atención: abierto a toda la red local y sin contraseña. Úsalo solo en la red del taller.
  Código del grupo (díctalo en voz alta):  MANGO PERLA
"""  # como con `--red --curso`, la orden que da la guía


def _revisar_modo(modo: str) -> None:
    if modo not in MODOS:
        raise ValueError(f"modo del libro desconocido: {modo!r} (hay: {', '.join(MODOS)})")


def carpeta_construccion(libro: Path | None = None, modo: str = TALLER) -> Path:
    """book/_build (taller), book/_build/sitio/_build (sitio) o book/_build/hub/_build (hub): cada modo
    con su caché y su HTML."""
    _revisar_modo(modo)
    base = Path(libro or rutas.LIBRO) / "_build"
    return base if modo == TALLER else base / modo / "_build"


def modo_enlaces(modo: str) -> str:
    """Adónde llevan los enlaces a los tableros: la edición de quien facilita se abre en su laptop,
    con el servidor del taller (como el libro del taller)."""
    return {FACILITADOR: TALLER, HUB_FACILITADOR: HUB}.get(modo, modo)


def toc_participantes(libro: Path | None = None) -> str:
    """El índice del libro sin la parte «Para facilitadores» (con `only_build_toc_files`, esas
    páginas ni se construyen ni entran al buscador)."""
    import yaml

    toc = yaml.safe_load((Path(libro or rutas.LIBRO) / "_toc.yml").read_text(encoding="utf-8"))
    toc["parts"] = [p for p in toc.get("parts", []) if p.get("caption") != PARTE_FACILITADORES]
    return ("# Generado por lideres.libro desde _toc.yml: el libro de participantes, sin las páginas "
            "para facilitadores.\n" + yaml.safe_dump(toc, allow_unicode=True, sort_keys=False))


def carpeta_html(libro: Path | None = None, modo: str = TALLER) -> Path:
    """Donde queda el HTML construido (en modo taller, la carpeta que sirve `lideres taller` en /libro/)."""
    return carpeta_construccion(libro, modo) / "html"


def url_tablero(m: Modulo, modo: str = TALLER) -> str:
    """El tablero en el servidor del taller o, en el libro del hub, en el servidor de quien lee."""
    return lanzar.url_tablero_hub(m) if modo == HUB else f"{RUTA_TABLEROS}{m.cuaderno}"


def url_capitulo(m: Modulo) -> str:
    return f"{RUTA_LIBRO}{CARPETA_MODULOS}/{m.id}.html"


def numero_modulo(m: Modulo) -> int:
    return int(m.id.split("_", 1)[0])


# ---------------------------------------------------------------- fuentes generadas


def lista_modulos_md() -> str:
    """La lista de los 11 módulos para la portada: enlace al capítulo si está listo, si no «próximamente»."""
    lineas = []
    for m in MODULOS:
        n = numero_modulo(m)
        if m.listo:
            lineas.append(
                f"{n}. **[{m.titulo}]({CARPETA_MODULOS}/{m.id}.ipynb)**: contra la lectura "
                f"{m.lectura_equivocada}."
            )
        else:
            lineas.append(f"{n}. {m.titulo} *(próximamente)*: contra la lectura {m.lectura_equivocada}.")
    # MyST numera listas ordenadas desde el primer número; empezamos en 0 como los módulos.
    return "\n".join(lineas) + "\n"


def glosario_md() -> str:
    """El glosario del curso como directiva `glossary` de Sphinx, ordenado alfabéticamente."""
    from lideres.glosario import GLOSARIO

    partes = [":::{glossary}", ":sorted:", ""]
    for termino, definicion in GLOSARIO.items():
        texto = " ".join(str(definicion).split())
        partes.append(termino.strip())
        partes.append(f"  {texto}")
        partes.append("")
    partes.append(":::")
    return "\n".join(partes) + "\n"


def url_ligera(m: Modulo) -> str:
    """La página ligera del tablero, desde un capítulo o una guía (un nivel dentro del libro)."""
    from lideres import ligera

    return f"../{CARPETA_LIGERAS}/{ligera.nombre_archivo(m.id)}"


def _plantilla(nombre: str, **valores) -> str:
    """Una plantilla de lideres/plantillas/ llena (HTML crudo que va dentro de una celda Markdown)."""
    return plantillas_de(__file__).get_template(nombre).render(**valores)


def bloque_ligera(m: Modulo, guia: bool = False) -> str:
    """El enlace a la página ligera del tablero (si el módulo la declara): funciona sin servidor ni
    internet, en el celular del taller y en casa. Va antes del enlace al tablero completo."""
    from lideres import ligera

    if ligera.declaracion(m.id) is None:
        return ""
    para_que = "" if guia else ": el mapa y los gráficos de este capítulo, para tocarlos"
    # La línea en blanco de después cierra el bloque HTML dentro del Markdown.
    return _plantilla("enlace_ligera.html.j2", url=url_ligera(m), titulo=m.titulo, para_que=para_que) + "\n\n"


def celda_tablero(m: Modulo, modo: str = TALLER, en_linea: lanzar.EnLinea | None = None) -> dict:
    """Celda con el enlace al tablero, que va dentro de la actividad del capítulo (HTML crudo: la
    ruta no es un documento del libro): primero la página ligera (sin servidor) y luego el tablero
    completo: en el taller, al servidor del taller; en el hub, al servidor de quien lee; en el sitio,
    a Binder y al hub."""
    en_linea = en_linea or lanzar.configuracion()
    texto = bloque_ligera(m) + lanzar.bloque_tablero(m, modo, url_tablero(m, modo), en_linea).strip()
    return {"cell_type": "markdown", "id": f"tablero-{m.id}", "metadata": {}, "source": texto}


def celda_en_linea(m: Modulo, en_linea: lanzar.EnLinea | None = None, modo: str = TALLER) -> dict | None:
    """«Abrir en JupyterHub / Binder»: la lección en JupyterLab, con internet (en el hub, en el
    JupyterLab de quien lee). Va después del título."""
    texto = lanzar.bloque_leccion(m, en_linea or lanzar.configuracion(), en_hub=modo == HUB).strip()
    if not texto:
        return None
    return {"cell_type": "markdown", "id": f"en-linea-{m.id}", "metadata": {}, "source": texto}


def celda_descargas(m: Modulo) -> dict | None:
    """Los archivos que el módulo ofrece (lideres.descargas), en HTML crudo: `construir` los escribe
    en la carpeta descargas/ del HTML, así se bajan también del sitio estático, sin servidor."""
    from lideres import descargas

    enlaces = descargas.enlaces_html(m.id, f"../{descargas.CARPETA}/")
    if not enlaces:
        return None
    return {"cell_type": "markdown", "id": f"descargas-{m.id}", "metadata": {},
            "source": _plantilla("descargas.html.j2", enlaces=Markup(enlaces))}


def nombre_fragmento_tablero(m: Modulo) -> str:
    """La guía de quien facilita incluye el enlace a su tablero: ```{include} ../_generado/<esto>```."""
    return f"tablero_{m.id}.md"


def carpeta_capturas(libro: Path | None = None) -> Path:
    return Path(libro or rutas.LIBRO) / CARPETA_GENERADO / CARPETA_CAPTURAS


def fragmento_captura(nombre: str, libro: Path | None = None) -> str:
    """La foto (si ya la hicieron las pruebas en Chromium) o, si falta, lo que se vería, en palabras."""
    descripcion = CAPTURAS[nombre]
    if (carpeta_capturas(libro) / f"{nombre}.png").is_file():
        # Con «/» la ruta es desde book/: vale desde cualquier página que incluya el fragmento.
        return (f"```{{figure}} /{CARPETA_GENERADO}/{CARPETA_CAPTURAS}/{nombre}.png\n"
                f":alt: {descripcion}\n:class: lideres-captura\n\n{descripcion}\n```\n")
    return (f"> **Foto pendiente.** {descripcion} (La foto sale del curso mismo al correr las pruebas "
            "en el navegador; luego se construye de nuevo el libro.)\n")


def fragmento_terminal(libro: Path | None = None) -> str:
    """Lo que escribió el servidor de verdad (o, si todavía no se capturó, un ejemplo corto)."""
    archivo = carpeta_capturas(libro) / ARCHIVO_TERMINAL
    texto = archivo.read_text(encoding="utf-8") if archivo.is_file() else TERMINAL_DE_EJEMPLO
    return "```text\n" + texto.rstrip().replace("```", "'''") + "\n```\n"


def _posicion_actividad(nb: dict) -> int:
    """Dónde va el enlace al tablero: justo después del título «## Actividad» (si no hay, al final)."""
    for i, celda in enumerate(nb.get("cells", [])):
        fuente = celda.get("source", "")
        texto = "".join(fuente) if isinstance(fuente, list) else fuente
        if celda.get("cell_type") == "markdown" and re.search(r"^##\s+Actividad\s*$", texto, re.M):
            return i + 1
    return len(nb.get("cells", []))


def _escribir_si_cambia(ruta: Path, texto: str) -> bool:
    """Escribe solo si el contenido es otro: un capítulo igual conserva su fecha y su caché."""
    if ruta.is_file() and ruta.read_text(encoding="utf-8") == texto:
        return False
    ruta.write_text(texto, encoding="utf-8")
    return True


def _arma_un_tablero(celda: dict) -> bool:
    """¿La celda abre el tablero de un módulo dentro de la lección? (`from … .tablero import tablero`)"""
    fuente = celda.get("source", "")
    fuente = "".join(fuente) if isinstance(fuente, list) else fuente
    return celda.get("cell_type") == "code" and re.search(r"\.tablero import tablero\b", fuente) is not None


def ocultar_codigo(nb: dict) -> dict:
    """En el libro se lee, no se programa: las celdas de código no se muestran (solo su resultado).
    Se marca con la etiqueta `remove-input` de myst-nb en la copia; el cuaderno original no cambia.
    La celda que abre el tablero dentro de la lección no va: en una página fija sería un widget muerto,
    y el capítulo ya enlaza el tablero (su página ligera o el de Voilà)."""
    nb["cells"] = [c for c in nb.get("cells", []) if not _arma_un_tablero(c)]
    for celda in nb.get("cells", []):
        if celda.get("cell_type") == "code":
            etiquetas = celda.setdefault("metadata", {}).setdefault("tags", [])
            if "remove-input" not in etiquetas:
                etiquetas.append("remove-input")
    return nb


def preparar(libro: Path | None = None, cuadernos: Path | None = None, modo: str = TALLER) -> list[Path]:
    """Copia los cuadernos de los módulos listos a book/modulos/ y escribe book/_generado/.

    Los cuadernos originales no se tocan: se escribe una copia con el código oculto, «Abrir en
    JupyterHub / Binder» después del título y el enlace al tablero (según el `modo`) dentro de la
    actividad. Solo se reescribe lo que cambió (y se borra lo que sobra), así la caché de ejecución
    del libro reconoce los capítulos que no cambiaron.
    """
    _revisar_modo(modo)
    edicion, modo = modo, modo_enlaces(modo)
    libro = Path(libro or rutas.LIBRO)
    en_linea = lanzar.configuracion(libro if (libro / "_config.yml").is_file() else None)
    cuadernos = Path(cuadernos or rutas.CUADERNOS)
    destino = libro / CARPETA_MODULOS
    generado = libro / CARPETA_GENERADO
    faltan = [m for m in MODULOS if m.listo and not (cuadernos / m.cuaderno).is_file()]
    if faltan:
        raise ErrorLideres(
            "Faltan los cuadernos de lección de estos módulos listos: "
            + ", ".join(str(cuadernos / m.cuaderno) for m in faltan),
            como_arreglar="crea el cuaderno o marca el módulo como no listo en lideres/modulos/__init__.py.",
        )
    for carpeta in (destino, generado):
        carpeta.mkdir(parents=True, exist_ok=True)
    copiados = []
    fragmentos = {generado / "modulos.md": lista_modulos_md(), generado / "glosario.md": glosario_md()}
    if edicion not in CON_RESPUESTAS and (libro / "_toc.yml").is_file():
        fragmentos[generado / ARCHIVO_TOC_PARTICIPANTES] = toc_participantes(libro)
    for m in MODULOS:
        if not m.listo:
            continue
        origen = cuadernos / m.cuaderno
        try:
            nb = json.loads(origen.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise ErrorLideres(
                f"No se pudo leer el cuaderno {origen}: {e}",
                como_arreglar="ábrelo en JupyterLab y guárdalo de nuevo.",
            ) from None
        baja = celda_descargas(m)
        if baja:  # la plantilla y el formulario del 09: se descargan en la actividad, tras el tablero
            nb.setdefault("cells", []).insert(_posicion_actividad(nb), baja)
        if (cuadernos / "tableros" / m.cuaderno).is_file():  # el módulo 00 no tiene tablero
            nb.setdefault("cells", []).insert(_posicion_actividad(nb), celda_tablero(m, modo, en_linea))
        abrir = celda_en_linea(m, en_linea, modo)
        if abrir:  # después del título y su presentación (la primera celda)
            nb.setdefault("cells", []).insert(min(1, len(nb["cells"])), abrir)
        # La autoevaluación (lideres.cuestionario) cierra el capítulo si el módulo tiene banco.
        nb.setdefault("cells", []).extend(cuestionario.celdas_del_capitulo(m.id, generado))
        ocultar_codigo(nb)
        salida = destino / m.cuaderno
        _escribir_si_cambia(salida, json.dumps(nb, ensure_ascii=False, indent=1) + "\n")
        copiados.append(salida)
    # El enlace al tablero de cada módulo que lo tiene, para la guía de quien facilita.
    for m in MODULOS:
        if (cuadernos / "tableros" / m.cuaderno).is_file():
            fragmentos[generado / nombre_fragmento_tablero(m)] = bloque_ligera(m, guia=True) + (
                lanzar.bloque_tablero(m, modo, url_tablero(m, modo), en_linea, guia=True))
    # Las fotos de las páginas para facilitadores (o lo que se vería, si todavía no se hicieron).
    for nombre in CAPTURAS:
        fragmentos[generado / f"captura_{nombre}.md"] = fragmento_captura(nombre, libro)
    fragmentos[generado / "terminal_taller.md"] = fragmento_terminal(libro)
    for ruta, texto in fragmentos.items():
        _escribir_si_cambia(ruta, texto)
    # Lo que sobra de construcciones anteriores (un módulo que dejó de estar listo) se borra; las
    # autoevaluaciones que acaba de escribir lideres.cuestionario se quedan.
    autoevaluaciones = {generado / cuestionario.nombre_archivo(m.id) for m in MODULOS if m.listo}
    autoevaluaciones.add(carpeta_capturas(libro))  # las fotos las hacen las pruebas: no se borran
    for carpeta, quedan in ((destino, set(copiados)), (generado, set(fragmentos) | autoevaluaciones)):
        for viejo in carpeta.iterdir():
            if viejo not in quedan:
                shutil.rmtree(viejo) if viejo.is_dir() else viejo.unlink()
    return copiados


# ---------------------------------------------------------------- revisión del HTML


class _Recolector(HTMLParser):
    """Junta las URL que el navegador pediría solo (script, link, img, iframe, source...)."""

    ETIQUETAS = {
        "script": "src", "link": "href", "img": "src", "iframe": "src",
        "source": "src", "video": "src", "audio": "src", "embed": "src", "object": "data",
    }

    def __init__(self):
        super().__init__()
        self.urls: list[tuple[str, str]] = []
        self.lang: str | None = None
        self.tiene_html = False

    def handle_starttag(self, tag, attrs):
        d = dict(attrs)
        if tag == "html" and not self.tiene_html:
            self.tiene_html = True
            self.lang = d.get("lang")
        atributo = self.ETIQUETAS.get(tag)
        if atributo and d.get(atributo):
            self.urls.append((tag, d[atributo]))
        if tag == "img" and d.get("srcset"):
            for parte in d["srcset"].split(","):
                if parte.strip():
                    self.urls.append((tag, parte.strip().split()[0]))


def es_externa(url: str) -> bool:
    """True si la URL apunta fuera de la máquina (http(s) o // a otro host)."""
    url = url.strip()
    if url.startswith(("data:", "#", "mailto:", "javascript:")):
        return False
    p = urlparse(url)
    if p.scheme in ("http", "https", "ws", "wss", "ftp") or url.startswith("//"):
        return (p.hostname or "") not in HOSTS_LOCALES
    return False


_ANSI = re.compile(r"\x1b\[[0-9;]*m")  # colores de la terminal
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""")
_CSS_IMPORT = re.compile(r"""@import\s+['"]([^'"]+)""")


def revisar_html(carpeta: Path) -> list[str]:
    """Problemas del HTML construido: recursos externos en HTML y CSS, páginas sin lang="es"."""
    carpeta = Path(carpeta)
    problemas = []
    for pagina in sorted(carpeta.rglob("*.html")):
        r = _Recolector()
        r.feed(pagina.read_text(encoding="utf-8", errors="replace"))
        rel = pagina.relative_to(carpeta)
        for tag, url in r.urls:
            if es_externa(url):
                problemas.append(f"{rel}: <{tag}> carga un recurso externo: {url}")
        if r.lang is None:
            if r.tiene_html:
                problemas.append(f'{rel}: la página no dice su idioma (a la etiqueta html le falta lang="es")')
        elif r.lang != "es":
            problemas.append(f'{rel}: el idioma de la página es "{r.lang}", no "es"')
    for hoja in sorted(carpeta.rglob("*.css")):
        texto = hoja.read_text(encoding="utf-8", errors="replace")
        for url in _CSS_URL.findall(texto) + _CSS_IMPORT.findall(texto):
            if es_externa(url):
                problemas.append(f"{hoja.relative_to(carpeta)}: la hoja de estilo pide {url}")
    return problemas


# ---------------------------------------------------------------- construcción


def _lineas_de_aviso(log: str) -> list[str]:
    """Las líneas útiles de un log de Sphinx: avisos y errores, sin el traceback."""
    utiles = []
    log = _ANSI.sub("", log)
    for linea in log.splitlines():
        if linea.startswith("[IPKernelApp]"):  # ruido del kernel, no es la causa
            continue
        if re.search(r"WARNING|ERROR|CRITICAL|SEVERE|AVISO|Error|Exception|CellExecutionError", linea):
            if linea.startswith(("Traceback", "  File ")):
                continue
            utiles.append(linea.strip())
    vistas = list(dict.fromkeys(utiles))  # sin repetir, en el mismo orden
    # Cuando falla un cuaderno, myst-nb guarda el traceback aparte: basta su última línea.
    for ruta in re.findall(r"traceback saved in: (\S+)", log):
        try:
            texto = _ANSI.sub("", Path(ruta).read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue
        ultimas = [linea.strip() for linea in texto.splitlines() if linea.strip()]
        if ultimas:
            vistas.append(f"Error dentro del cuaderno: {ultimas[-1]}")
    return vistas[:25]


def portada_redireccion(destino: str) -> str:
    """Una página completa en español que redirige a `destino`."""
    return _plantilla("portada_redireccion.html.j2", destino=destino) + "\n"


def _portada_en_espanol(html: Path) -> None:
    """Jupyter Book escribe index.html como una redirección de una línea, sin idioma: se reemplaza por
    una página completa en español que redirige igual."""
    indice = html / "index.html"
    texto = indice.read_text(encoding="utf-8", errors="replace")
    m = re.search(r'http-equiv="Refresh" content="0; url=([^"]+)"', texto)
    if m and "<html" not in texto:
        indice.write_text(portada_redireccion(m.group(1)), encoding="utf-8")


def _ejecutable_jupyter_book() -> list[str]:
    junto = rutas.orden_del_entorno("jupyter-book")  # jupyter-book.exe en Windows
    if junto:
        return [junto]
    encontrado = shutil.which("jupyter-book")
    if encontrado:
        return [encontrado]
    raise ErrorLideres(
        "No se encontró jupyter-book.",
        como_arreglar="instala el proyecto con `make entorno` (o `pip install -e .`).",
    )


def _huella(archivos, raiz: Path) -> str:
    h = hashlib.sha256()
    for archivo in sorted(archivos):
        h.update(archivo.relative_to(raiz).as_posix().encode() + b"\0")
        h.update(archivo.read_bytes() + b"\0")
    return h.hexdigest()


def _archivos(carpeta: Path, fuera: tuple[str, ...] = ()) -> list[Path]:
    if not carpeta.is_dir():
        return []
    return [p for p in carpeta.rglob("*") if p.is_file()
            and not any(parte in fuera or parte == "__pycache__" for parte in p.relative_to(carpeta).parts)]


# Programas que cambian el HTML o las figuras: si cambia su versión, se construye todo otra vez.
PROGRAMAS = ("jupyter-book", "myst-nb", "sphinx", "sphinx-book-theme", "pydata-sphinx-theme",
             "matplotlib", "pandas", "shapely", "babel")


def _versiones() -> str:
    from importlib.metadata import PackageNotFoundError, version

    def una(nombre):
        try:
            return version(nombre)
        except PackageNotFoundError:
            return "-"

    return " ".join(f"{n}={una(n)}" for n in PROGRAMAS)


def huellas(libro: Path | None = None) -> dict[str, str]:
    """Huellas de lo que decide el libro. «paquete»: el código de `lideres`, data/ y las versiones de
    los programas (cambian cifras y figuras de TODOS los capítulos, aunque su código no cambie).
    «libro»: book/ ya preparado (capítulos copiados incluidos), sin lo construido."""
    libro = Path(libro or rutas.LIBRO)
    paquete = Path(__file__).resolve().parent
    return {
        "paquete": _huella(_archivos(paquete) + _archivos(rutas.DATOS), paquete.parent)
        + " " + _versiones(),
        "libro": _huella(_archivos(libro, fuera=("_build",)), libro),
    }


def _leer_huellas(construccion: Path) -> dict:
    try:
        return json.loads((construccion / ARCHIVO_HUELLAS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


_ESTADO_WIDGETS = re.compile(
    r'<script type="application/vnd\.jupyter\.widget-state\+json">.*?</script>\s*', re.S)


def quitar_estado_de_widgets(html: Path) -> int:
    """Quita el estado de widgets que myst-nb copia en cada capítulo (120–250 KB): el libro no carga
    el JavaScript de los widgets (sin CDN) y ninguna página muestra uno, así que nadie lo lee.
    Devuelve cuántas páginas cambiaron."""
    return libro_liviano.en_cada_pagina(html, sin_estado_de_widgets)


def sin_estado_de_widgets(texto: str) -> str:
    """La página sin el estado de widgets, salvo que muestre un widget (entonces queda igual)."""
    if "widget-state+json" not in texto or "widget-view+json" in texto:
        return texto
    return _ESTADO_WIDGETS.sub("", texto)


class _Imagenes(HTMLParser):
    """Dónde empieza cada etiqueta <img> sin `loading` de una página. Solo las etiquetas de verdad:
    un «<img» escrito dentro de un <script> o de un comentario no es una figura."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.posiciones: list[tuple[int, int]] = []  # (línea desde 1, columna desde 0)

    def handle_starttag(self, tag, attrs):
        if tag == "img" and all(nombre != "loading" for nombre, _ in attrs):
            self.posiciones.append(self.getpos())


def figuras_al_bajar(texto: str) -> str:
    """Cada figura después de la primera se pide cuando la persona llega a ella (`loading="lazy"`):
    en un celular con poco saldo, un capítulo no baja de una vez figuras que quizá no se lean. El
    resto de la página queda tal como vino."""
    lector = _Imagenes()
    lector.feed(texto)
    lector.close()
    inicio_de_linea = [0] + [m.end() for m in re.finditer("\n", texto)]
    partes, desde = [], 0
    for linea, columna in lector.posiciones[1:]:
        tras_el_nombre = inicio_de_linea[linea - 1] + columna + len("<img")
        partes += [texto[desde:tras_el_nombre], ' loading="lazy" decoding="async"']
        desde = tras_el_nombre
    return "".join(partes) + texto[desde:]


def figuras_perezosas(html: Path) -> int:
    """`figuras_al_bajar` en cada página del libro. Devuelve cuántas páginas cambiaron."""
    return libro_liviano.en_cada_pagina(html, figuras_al_bajar)


def construir(libro: Path | None = None, cuadernos: Path | None = None, *, imprimir=print,
              forzar: bool = False, modo: str = TALLER) -> Path:
    """Construye el libro en `carpeta_html(modo=modo)`, sin internet y con los avisos como errores.

    Si nada cambió desde la última construcción completa (ni el libro, ni los capítulos, ni el paquete
    ni data/), no se vuelve a construir. Si cambió un capítulo, solo ese se vuelve a ejecutar (caché de
    myst-nb); si cambió el paquete o data/, se ejecutan todos. `forzar`: construir todo de cero.
    Devuelve la carpeta del HTML. Si algo falla, lanza ErrorLideres con las líneas de aviso de Sphinx.
    """
    libro = Path(libro or rutas.LIBRO)
    inicio = time.monotonic()
    imprimir("Preparando el libro: copiando los capítulos de los módulos listos…")
    copiados = preparar(libro, cuadernos, modo)
    imprimir(f"  {len(copiados)} capítulo(s): " + ", ".join(p.stem for p in copiados))
    html = carpeta_html(libro, modo)
    construccion = html.parent
    construccion.mkdir(parents=True, exist_ok=True)
    actuales = huellas(libro)
    anteriores = {} if forzar else _leer_huellas(construccion)
    if anteriores == actuales and html_listo(libro, modo):
        imprimir("El libro ya está al día: nada cambió desde la última construcción.")
        return html
    if anteriores.get("paquete") != actuales["paquete"]:
        # Las cifras y figuras salen del paquete: con otro paquete, ningún resultado guardado sirve.
        shutil.rmtree(construccion / CARPETA_CACHE, ignore_errors=True)
    (construccion / ARCHIVO_HUELLAS).unlink(missing_ok=True)
    imprimir("Construyendo el libro (se ejecutan los capítulos que cambiaron; la primera vez tarda "
             "uno o dos minutos)…")
    # Se parte de cero: sin figuras viejas de construcciones anteriores. Y sin la marca de listo,
    # un HTML a medias (de una construcción fallida) no se sirve en el taller.
    shutil.rmtree(html, ignore_errors=True)
    registro = construccion / "construccion.log"
    orden = _ejecutable_jupyter_book() + [
        "build", str(libro), "--builder", "html", "--warningiserror", "--keep-going", "--all",
    ]
    if modo != TALLER:  # jupyter-book escribe en <path-output>/_build/html
        orden += ["--path-output", str(construccion.parent)]
    if modo not in CON_RESPUESTAS:  # el libro de participantes: sin las respuestas de las autoevaluaciones
        orden += ["--toc", str(libro / CARPETA_GENERADO / ARCHIVO_TOC_PARTICIPANTES)]
    entorno = dict(os.environ)
    entorno["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"  # el kernel no avisa del depurador en stderr
    # El kernel debe encontrar `lideres` y el mismo Python: va primero el bin del entorno.
    entorno["PATH"] = rutas.path_con_el_entorno(entorno.get("PATH"))
    with registro.open("w", encoding="utf-8") as f:
        proceso = subprocess.run(
            orden, stdout=f, stderr=subprocess.STDOUT, env=entorno, cwd=str(libro.parent),
            check=False,
        )
    log = registro.read_text(encoding="utf-8", errors="replace")
    marca = html / MARCA_LISTO
    if proceso.returncode != 0 or not (html / "index.html").exists():
        avisos = _lineas_de_aviso(log) or log.strip().splitlines()[-15:]
        raise ErrorLideres(
            "No se pudo construir el libro. Lo que dijo Sphinx:\n  " + "\n  ".join(avisos),
            como_arreglar=f"corrige lo indicado y vuelve a correr `lideres libro`. Registro completo: {registro}",
        )
    _portada_en_espanol(html)
    quitar_estado_de_widgets(html)
    figuras_perezosas(html)
    # Para el celular (issue 19 §3): scripts que no detienen el primer dibujo (bootstrap.js, al
    # primer toque o unos segundos después), una sola hoja de estilo sin las reglas que nadie usa,
    # la fuente de íconos recortada a los que se usan y figuras PNG con paleta (libro_liviano.py).
    libro_liviano.scripts_diferidos(html)
    libro_liviano.scripts_para_despues(html)
    libro_liviano.unir_hojas(html)
    libro_liviano.recortar_iconos(html)
    libro_liviano.figuras_livianas(html)
    from lideres import ligera

    imprimir("Páginas ligeras de los tableros (para el celular y para leer sin servidor)…")
    ligera.copiar(html / CARPETA_LIGERAS, imprimir=imprimir)
    from lideres import descargas

    imprimir("Archivos para descargar (la plantilla del cuaderno y el formulario en papel)…")
    descargas.escribir(html / descargas.CARPETA, imprimir=imprimir)
    problemas = revisar_html(html)
    if problemas:
        raise ErrorLideres(
            "El libro se construyó, pero pediría cosas a internet o no está en español:\n  "
            + "\n  ".join(problemas[:25]),
            como_arreglar="quita esos recursos externos (ver book/_config.yml).",
        )
    marca.write_text("construido por lideres libro\n", encoding="utf-8")
    (construccion / ARCHIVO_HUELLAS).write_text(json.dumps(actuales, indent=1) + "\n", encoding="utf-8")
    paginas = len(list(html.rglob("*.html")))
    segundos = time.monotonic() - inicio
    from lideres.formato import numero

    imprimir(f"Libro listo: {paginas} páginas en {numero(segundos, 0)} s, sin recursos de internet.")
    if modo == TALLER:
        imprimir(f"  Ábrelo en {html / 'index.html'} o con `lideres taller` (en /libro/).")
    elif modo == HUB:
        imprimir(f"  {html}: el JupyterHub del curso lo sirve en /services/libro/ (ver despliegue/).")
    elif modo == HUB_FACILITADOR:
        imprimir(f"  {html}: el JupyterHub del curso lo sirve solo a quienes facilitan, en "
                 "/services/libro-facilitadores/ (ver despliegue/).")
    elif modo == FACILITADOR:
        imprimir(f"  Edición de quien facilita (con las respuestas; no la compartas): {html / 'index.html'}")
    return html


def html_listo(libro: Path | None = None, modo: str = TALLER) -> bool:
    html = carpeta_html(libro, modo)
    return (html / "index.html").is_file() and (html / MARCA_LISTO).is_file()
