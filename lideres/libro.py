"""El libro del curso (Jupyter Book 1): preparar las fuentes, construir sin internet y revisar el HTML.

El capítulo de cada módulo ES su cuaderno de lección. Jupyter Book no puede leer archivos fuera de
book/, así que `preparar()` copia los cuadernos de los módulos listos a book/modulos/ y escribe los
fragmentos generados (lista de módulos y glosario) en book/_generado/. Las dos carpetas se regeneran
en cada construcción y no se guardan en git.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

from lideres import cuestionario, rutas
from lideres.errores import ErrorLideres
from lideres.modulos import MODULOS, Modulo

CARPETA_MODULOS = "modulos"
CARPETA_GENERADO = "_generado"
# Dirección del tablero en el servidor del taller: relativa, para que funcione con cualquier IP y puerto.
RUTA_TABLEROS = "/voila/render/tableros/"
RUTA_LIBRO = "/libro/"
MARCA_LISTO = ".lideres_listo"  # la deja una construcción completa y revisada
HOSTS_LOCALES = {"127.0.0.1", "localhost", "0.0.0.0", "::1", "[::1]"}


def carpeta_html(libro: Path | None = None) -> Path:
    """Donde queda el HTML construido (la misma carpeta que sirve `lideres taller` en /libro/)."""
    return Path(libro or rutas.LIBRO) / "_build" / "html"


def url_tablero(m: Modulo) -> str:
    return f"{RUTA_TABLEROS}{m.cuaderno}"


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


def celda_tablero(m: Modulo) -> dict:
    """Celda con el enlace al tablero en vivo, dentro de la actividad: justo después de la celda
    que llama al tablero (HTML crudo: la ruta es del servidor del taller, no un documento del
    libro)."""
    texto = (
        f'<p class="lideres-enlace-tablero"><strong>El tablero en vivo:</strong> <a '
        f'href="{url_tablero(m)}">abrir el tablero «{m.titulo}»</a>, con los gráficos que se '
        "mueven con los mismos datos de este capítulo.</p>\n\n"
        "El enlace funciona cuando abres este libro desde el servidor del taller "
        "(`lideres taller`). Si lees el libro impreso o guardado en tu computadora, usa las "
        "figuras de arriba."
    )
    return {"cell_type": "markdown", "metadata": {}, "source": texto}


def _insertar_enlace_al_tablero(nb: dict, m: Modulo) -> None:
    celdas = nb.setdefault("cells", [])
    for i, celda in enumerate(celdas):
        fuente = celda.get("source", "")
        fuente = "".join(fuente) if isinstance(fuente, list) else fuente
        if celda.get("cell_type") == "code" and "lideres.tablero" in fuente:
            celdas.insert(i + 1, celda_tablero(m))
            return
    celdas.append(celda_tablero(m))


def preparar(libro: Path | None = None, cuadernos: Path | None = None) -> list[Path]:
    """Copia los cuadernos de los módulos listos a book/modulos/ y escribe book/_generado/.

    Los cuadernos originales no se tocan: se escribe una copia con la celda del tablero al final.
    """
    libro = Path(libro or rutas.LIBRO)
    cuadernos = Path(cuadernos or rutas.CUADERNOS)
    destino = libro / CARPETA_MODULOS
    generado = libro / CARPETA_GENERADO
    faltan = [m for m in MODULOS if m.listo and not (cuadernos / m.cuaderno).is_file()]
    if faltan:
        raise ErrorLideres(
            "Faltan los cuadernos de lección de estos módulos listos: "
            + ", ".join(str(cuadernos / m.cuaderno) for m in faltan),
            como_arreglar="crea el cuaderno o marca el módulo como no listo en lideres/modulos.py.",
        )
    for carpeta in (destino, generado):
        if carpeta.exists():
            shutil.rmtree(carpeta)
        carpeta.mkdir(parents=True)
    copiados = []
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
        # El capítulo se escribe para leer: sin el código (las salidas quedan).
        for celda in nb.get("cells", []):
            if celda.get("cell_type") == "code":
                etiquetas = celda.setdefault("metadata", {}).setdefault("tags", [])
                if "remove-input" not in etiquetas:
                    etiquetas.append("remove-input")
        if (cuadernos / "tableros" / m.cuaderno).is_file():  # el módulo 00 no tiene tablero
            _insertar_enlace_al_tablero(nb, m)
        # La autoevaluación (lideres.cuestionario) cierra el capítulo si el módulo tiene banco.
        nb.setdefault("cells", []).extend(cuestionario.celdas_del_capitulo(m.id, generado))
        salida = destino / m.cuaderno
        salida.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        copiados.append(salida)
    (generado / "modulos.md").write_text(lista_modulos_md(), encoding="utf-8")
    (generado / "glosario.md").write_text(glosario_md(), encoding="utf-8")
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
                problemas.append(f'{rel}: la página no dice su idioma (falta lang="es" en <html>)')
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


PORTADA_REDIRECCION = """<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Refresh" content="0; url={destino}">
<title>Escuela de Líderes</title>
</head>
<body>
<p><a href="{destino}">Ir a la portada del libro</a></p>
</body>
</html>
"""


def _portada_en_espanol(html: Path) -> None:
    """Jupyter Book escribe index.html como una redirección de una línea, sin idioma: se reemplaza por
    una página completa en español que redirige igual."""
    indice = html / "index.html"
    texto = indice.read_text(encoding="utf-8", errors="replace")
    m = re.search(r'http-equiv="Refresh" content="0; url=([^"]+)"', texto)
    if m and "<html" not in texto:
        indice.write_text(PORTADA_REDIRECCION.format(destino=m.group(1)), encoding="utf-8")


def _ejecutable_jupyter_book() -> list[str]:
    junto = Path(sys.executable).parent / "jupyter-book"
    if junto.exists():
        return [str(junto)]
    encontrado = shutil.which("jupyter-book")
    if encontrado:
        return [encontrado]
    raise ErrorLideres(
        "No se encontró jupyter-book.",
        como_arreglar="instala el proyecto con `make entorno` (o `pip install -e .`).",
    )


def construir(libro: Path | None = None, cuadernos: Path | None = None, *, imprimir=print) -> Path:
    """Construye el libro en `carpeta_html()` (book/_build/html), sin internet y con los avisos como errores.

    Devuelve la carpeta del HTML. Si algo falla, lanza ErrorLideres con las líneas de aviso de Sphinx.
    """
    libro = Path(libro or rutas.LIBRO)
    inicio = time.monotonic()
    imprimir("Preparando el libro: copiando los capítulos de los módulos listos…")
    copiados = preparar(libro, cuadernos)
    imprimir(f"  {len(copiados)} capítulo(s): " + ", ".join(p.stem for p in copiados))
    imprimir("Construyendo el libro (se ejecutan los cuadernos; tarda uno o dos minutos)…")
    html = carpeta_html(libro)
    construccion = html.parent
    construccion.mkdir(exist_ok=True)
    # Se parte de cero: sin figuras viejas de construcciones anteriores. Y sin la marca de listo,
    # un HTML a medias (de una construcción fallida) no se sirve en el taller.
    shutil.rmtree(html, ignore_errors=True)
    registro = construccion / "construccion.log"
    orden = _ejecutable_jupyter_book() + [
        "build", str(libro), "--builder", "html", "--warningiserror", "--keep-going", "--all",
    ]
    entorno = dict(os.environ)
    entorno["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"  # el kernel no avisa del depurador en stderr
    # El kernel debe encontrar `lideres` y el mismo Python: va primero el bin del entorno.
    entorno["PATH"] = str(Path(sys.executable).parent) + os.pathsep + entorno.get("PATH", "")
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
    problemas = revisar_html(html)
    if problemas:
        raise ErrorLideres(
            "El libro se construyó, pero pediría cosas a internet o no está en español:\n  "
            + "\n  ".join(problemas[:25]),
            como_arreglar="quita esos recursos externos (ver book/_config.yml).",
        )
    marca.write_text("construido por lideres libro\n", encoding="utf-8")
    paginas = len(list(html.rglob("*.html")))
    segundos = time.monotonic() - inicio
    from lideres.formato import numero

    imprimir(f"Libro listo: {paginas} páginas en {numero(segundos, 0)} s, sin recursos de internet.")
    imprimir(f"  Ábrelo en {html / 'index.html'} o con `lideres taller` (en /libro/).")
    return html


def html_listo(libro: Path | None = None) -> bool:
    html = carpeta_html(libro)
    return (html / "index.html").is_file() and (html / MARCA_LISTO).is_file()
