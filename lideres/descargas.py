"""Archivos que un módulo ofrece para descargar (parte compartida: la usan el taller, el libro y
`lideres datos plantilla`).

Un módulo los declara en `lideres/modulos/m<id>/descargas.py` con `DESCARGAS = [Descarga(...)]`;
aquí se encuentran por `modulo(id).paquete`, sin lista propia de casas. Cada archivo se arma con una
función de la casa que devuelve bytes: nada se guarda en el servidor del taller (se arma en memoria
la primera vez que alguien lo pide).
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from pathlib import Path

CARPETA = "descargas"  # dentro del HTML del libro, y la ruta /descargas/ del taller
TIPOS = {
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pdf": "application/pdf",
    ".csv": "text/csv; charset=utf-8",
}


@dataclass(frozen=True)
class Descarga:
    nombre: str   # nombre del archivo que recibe quien descarga
    titulo: str   # texto del enlace
    funcion: str  # "paquete.modulo:funcion" que devuelve los bytes

    def armar(self) -> bytes:
        ruta, nombre = self.funcion.split(":")
        return getattr(importlib.import_module(ruta), nombre)()

    @property
    def tipo(self) -> str:
        return TIPOS.get(Path(self.nombre).suffix, "application/octet-stream")


def de_modulo(modulo_id: str) -> list[Descarga]:
    """Las descargas que declara la casa del módulo (ninguna si no tiene `descargas.py`)."""
    from lideres.modulos import modulo

    nombre = modulo(modulo_id).paquete + ".descargas"
    if importlib.util.find_spec(nombre) is None:
        return []
    return list(importlib.import_module(nombre).DESCARGAS)


def todas(solo_listos: bool = True) -> dict[str, Descarga]:
    """Nombre de archivo → descarga, de todos los módulos (los listos, salvo que se pida otra cosa)."""
    from lideres.modulos import MODULOS

    return {d.nombre: d for m in MODULOS if m.listo or not solo_listos for d in de_modulo(m.id)}


def enlaces_html(modulo_id: str, prefijo: str) -> str:
    """Los enlaces de descarga de un módulo (HTML crudo: la ruta no es un documento del libro)."""
    from lideres.jinja import plantillas_de

    return plantillas_de(__file__).get_template("enlaces_descarga.html.j2").render(
        descargas=de_modulo(modulo_id), prefijo=prefijo)


def escribir(carpeta: Path, modulo_id: str | None = None, imprimir=None) -> list[Path]:
    """Escribe los archivos (de un módulo, o de todos los listos) en `carpeta`."""
    carpeta = Path(carpeta)
    carpeta.mkdir(parents=True, exist_ok=True)
    lista = de_modulo(modulo_id) if modulo_id else list(todas().values())
    escritos = []
    for d in lista:
        ruta = carpeta / d.nombre
        ruta.write_bytes(d.armar())
        escritos.append(ruta)
        if imprimir:
            imprimir(f"  {d.titulo}: {ruta}")
    return escritos


def cli_plantilla(args) -> int:
    """`lideres datos plantilla [CARPETA]`: la plantilla del cuaderno y el formulario en papel."""
    from lideres import rutas
    from lideres.errores import ErrorLideres

    carpeta = Path(getattr(args, "carpeta", None) or ".").expanduser()
    existentes = [carpeta / d.nombre for d in de_modulo("09_tus_datos") if (carpeta / d.nombre).exists()]
    if existentes:
        raise ErrorLideres(
            "Ya existe " + ", ".join(f"«{p}»" for p in existentes) + ": no se reemplaza.",
            como_arreglar=f"elige otra carpeta ({rutas.orden_lideres('datos plantilla OTRA_CARPETA')}) o "
            "mueve ese archivo.",
        )
    print("Archivos para el cuaderno de incidencias de la junta:")
    escribir(carpeta, "09_tus_datos", imprimir=print)
    return 0
