"""Abrir una lección o un tablero en línea, para quien estudia por su cuenta: Binder y JupyterHub.

Binder arma la máquina desde `environment.yml` del repositorio; el JupyterHub del curso trae el
repositorio con nbgitpuller (`/hub/user-redirect/git-pull`). La lección se abre en JupyterLab y el
tablero en Voilà. Los dos necesitan internet; el libro y el taller no.

La dirección del repositorio, su rama, Binder y el hub se configuran en un solo lugar: las claves
`repository:` y `launch_buttons:` de `book/_config.yml` (las mismas de Jupyter Book). No usamos los
botones que Jupyter Book arma con ellas: apuntarían a la copia del capítulo en book/modulos/, que no
está en el repositorio, y no saben abrir un tablero en Voilà. Los enlaces son `<a href>` comunes:
nada se pide a internet al construir el libro ni al abrir una página.

En el libro que sirve el propio JupyterHub (modo «hub», en /services/libro/) no hace falta Binder ni
nbgitpuller: cada persona ya tiene los cuadernos en su carpeta (notebooks/, ver despliegue/), y
`/hub/user-redirect/...` la lleva a su propio servidor (`en_mi_servidor`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import quote, urlencode, urlparse

import jinja2

from lideres import rutas
from lideres.errores import ErrorLideres
from lideres.modulos import Modulo

_PLANTILLAS = Path(__file__).resolve().parent / "plantillas"
INTERFACES = {"jupyterlab": "lab/tree", "classic": "tree"}
# En el hub que sirve el libro: lleva a /user/<quien entró>/... (el hub pide entrar si hace falta).
USER_REDIRECT = "/hub/user-redirect/"


@dataclass(frozen=True)
class EnLinea:
    """Dónde está el curso en internet (de book/_config.yml)."""

    repositorio: str  # https://github.com/organizacion/repositorio
    rama: str
    binder: str  # https://mybinder.org ("" = sin enlace a Binder)
    hub: str  # https://hub.ejemplo.org ("" = sin enlace al hub)
    interfaz: str = "jupyterlab"

    @property
    def nombre_repositorio(self) -> str:
        """La carpeta donde nbgitpuller deja el repositorio en el hub (el nombre del repositorio)."""
        return urlparse(self.repositorio).path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")

    def _ruta_binder(self) -> str:
        p = urlparse(self.repositorio)
        partes = p.path.strip("/").removesuffix(".git")
        if p.hostname == "github.com":
            return f"v2/gh/{partes}/{quote(self.rama, safe='')}"
        if p.hostname == "gitlab.com":
            return f"v2/gl/{quote(partes, safe='')}/{quote(self.rama, safe='')}"
        return f"v2/git/{quote(self.repositorio, safe='')}/{quote(self.rama, safe='')}"

    def binder_url(self, urlpath: str) -> str:
        """Binder: `<binder>/v2/gh/<org>/<repo>/<rama>?urlpath=<lo que se abre>`. La ruta es desde la
        raíz del repositorio (Binder arranca ahí)."""
        return f"{self.binder.rstrip('/')}/{self._ruta_binder()}?{urlencode({'urlpath': urlpath})}"

    def hub_url(self, urlpath: str) -> str:
        """nbgitpuller: clona (o actualiza) el repositorio en la carpeta personal y abre `urlpath`, que
        empieza con la carpeta del repositorio."""
        consulta = urlencode({"repo": self.repositorio, "branch": self.rama, "urlpath": urlpath})
        return f"{self.hub.rstrip('/')}/hub/user-redirect/git-pull?{consulta}"


def configuracion(libro: Path | None = None) -> EnLinea:
    """Lee `repository:` y `launch_buttons:` de book/_config.yml."""
    import yaml

    ruta = Path(libro or rutas.LIBRO) / "_config.yml"
    try:
        cfg = yaml.safe_load(ruta.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise ErrorLideres(f"No se pudo leer {ruta}: {e}",
                           como_arreglar="revisa que el archivo exista y sea YAML válido.") from None
    repo = cfg.get("repository") or {}
    botones = cfg.get("launch_buttons") or {}
    en_linea = EnLinea(
        repositorio=str(repo.get("url") or "").strip(),
        rama=str(repo.get("branch") or "main").strip(),
        binder=str(botones.get("binderhub_url") or "").strip(),
        hub=str(botones.get("jupyterhub_url") or "").strip(),
        interfaz=str(botones.get("notebook_interface") or "jupyterlab").strip(),
    )
    if (en_linea.binder or en_linea.hub) and not en_linea.repositorio.startswith("https://"):
        raise ErrorLideres(
            f"{ruta}: para los enlaces a Binder y al JupyterHub falta la dirección del repositorio "
            "(repository: url: https://...).",
            como_arreglar="escríbela, o deja vacíos binderhub_url y jupyterhub_url para no mostrar esos enlaces.",
        )
    if en_linea.interfaz not in INTERFACES:
        raise ErrorLideres(
            f"{ruta}: launch_buttons: notebook_interface debe ser {' o '.join(INTERFACES)}.",
            como_arreglar="usa jupyterlab.",
        )
    return en_linea


def _en_repositorio(ruta: Path) -> str:
    return Path(ruta).resolve().relative_to(rutas.RAIZ.resolve()).as_posix()


def ruta_leccion(m: Modulo) -> str:
    """El cuaderno de la lección, desde la raíz del repositorio (notebooks/NN_modulo.ipynb)."""
    return _en_repositorio(rutas.CUADERNOS / m.cuaderno)


def ruta_tablero(m: Modulo) -> str:
    return _en_repositorio(rutas.CUADERNOS / "tableros" / m.cuaderno)


def en_mi_servidor(urlpath: str) -> str:
    """En el JupyterHub que sirve el libro: `urlpath` dentro del servidor de quien lo lee. Las rutas
    de ruta_leccion/ruta_tablero valen tal cual: la carpeta de cada persona trae notebooks/."""
    return USER_REDIRECT + urlpath


def url_leccion_hub(m: Modulo, cfg: EnLinea) -> str:
    return en_mi_servidor(f"{INTERFACES[cfg.interfaz]}/{ruta_leccion(m)}")


def url_tablero_hub(m: Modulo) -> str:
    return en_mi_servidor(f"voila/render/{ruta_tablero(m)}")


def enlaces(m: Modulo, cfg: EnLinea, *, tablero: bool) -> dict:
    """{"leccion": [(texto, url), ...], "tablero": [...]}: la lección en JupyterLab, el tablero en Voilà."""
    interfaz = INTERFACES[cfg.interfaz]
    carpeta = cfg.nombre_repositorio
    que = {"leccion": (interfaz, ruta_leccion(m))}
    if tablero:
        que["tablero"] = ("voila/render", ruta_tablero(m))
    salida = {}
    for clave, (prefijo, ruta) in que.items():
        lista = []
        if cfg.binder:
            lista.append(("binder", cfg.binder_url(f"{prefijo}/{ruta}")))
        if cfg.hub:
            lista.append(("hub", cfg.hub_url(f"{prefijo}/{carpeta}/{ruta}")))
        salida[clave] = lista
    return salida


@cache
def _entorno() -> jinja2.Environment:
    # Sin líneas en blanco dentro del bloque: en Markdown, una línea en blanco cierra el HTML.
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(_PLANTILLAS), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )


def bloque_leccion(m: Modulo, cfg: EnLinea, *, en_hub: bool = False) -> str:
    """«Abrir en JupyterHub / Binder» de un capítulo (HTML dentro de una celda de Markdown). En el libro
    del hub (`en_hub`), la lección se abre en el JupyterLab de quien lee, sin Binder ni nbgitpuller."""
    if en_hub:
        return _entorno().get_template("en_linea.html.j2").render(
            modulo=m, binder=None, hub=url_leccion_hub(m, cfg), en_hub=True)
    d = dict(enlaces(m, cfg, tablero=False)["leccion"])
    return _entorno().get_template("en_linea.html.j2").render(
        modulo=m, binder=d.get("binder"), hub=d.get("hub"), en_hub=False)


def bloque_tablero(m: Modulo, modo: str, url_taller: str, cfg: EnLinea, *, guia: bool = False) -> str:
    """El enlace al tablero, en el capítulo o en la guía de quien facilita (`guia`). En el taller, al
    servidor (`url_taller`, /voila/...); en el libro del hub (modo «hub»), al servidor de quien lee
    (`url_tablero_hub`); en el sitio estático, que no tiene servidor, a Binder y al hub, diciendo
    que necesitan internet."""
    d = dict(enlaces(m, cfg, tablero=True)["tablero"])
    return _entorno().get_template("tablero.html.j2").render(
        modulo=m, modo=modo, url_taller=url_taller, url_hub=url_tablero_hub(m), guia=guia,
        binder=d.get("binder"), hub=d.get("hub"))
