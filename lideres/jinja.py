"""El entorno Jinja de una carpeta de plantillas, uno solo por carpeta para todo el paquete.

Autoescape siempre (un nombre de distrito o un texto subido nunca se vuelve HTML), StrictUndefined
(una variable que falta es un error en las pruebas, no un hueco en la página) y los filtros es-PE
de `lideres.formato` (`numero`, `porcentaje`), para que una plantilla escriba `{{ n|numero }}`.
El entorno se guarda: compilar una plantilla en cada pedido cuesta (ver benchmarks del taller).
"""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2

from lideres import formato


def _en_cache(carpeta: Path) -> jinja2.Environment:
    entorno = jinja2.Environment(loader=jinja2.FileSystemLoader(str(carpeta)), autoescape=True,
                                 undefined=jinja2.StrictUndefined, keep_trailing_newline=False)
    entorno.filters["numero"] = formato.numero
    entorno.filters["porcentaje"] = formato.porcentaje
    return entorno


_entornos = functools.cache(_en_cache)


def entorno(carpeta: str | Path) -> jinja2.Environment:
    """El entorno de `carpeta` (la ruta se resuelve, así dos formas de escribirla dan el mismo)."""
    return _entornos(Path(carpeta).resolve())


def plantillas_de(archivo: str | Path) -> jinja2.Environment:
    """El entorno de la carpeta `plantillas/` junto a `archivo` (se llama con `__file__`)."""
    return entorno(Path(archivo).with_name("plantillas"))
