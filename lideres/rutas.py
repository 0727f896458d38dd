"""Dónde están las cosas del proyecto: datos, cuadernos, libro, curso.

Los cuadernos nunca escriben rutas relativas: piden las rutas a este módulo.
`LIDERES_RAIZ` permite apuntar a otra copia del proyecto (por ejemplo en Binder).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Una variable vacía cuenta como no puesta (si no, la raíz sería la carpeta actual).
RAIZ = Path(os.environ.get("LIDERES_RAIZ") or Path(__file__).resolve().parent.parent)
DATOS = RAIZ / "data"
CUADERNOS = RAIZ / "notebooks"
LIBRO = RAIZ / "book"
CURSO = RAIZ / "exercises"
# Carpeta hermana con las cifras publicadas y los archivos de terceros (no se copian al proyecto).
COMPARTIDO = Path(os.environ.get("LIDERES_COMPARTIDO") or RAIZ.parent / "shared")
HECHOS = COMPARTIDO / "facts"
REFERENCIA = COMPARTIDO / "reference"


def carpeta_cache(nombre: str) -> Path:
    """Una carpeta de la caché del usuario (`$XDG_CACHE_HOME/lideres/NOMBRE`, por defecto en
    ~/.cache). Solo guarda lo que se puede volver a calcular: borrarla no pierde nada."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lideres" / nombre


def carpetas_del_entorno() -> list[Path]:
    """Dónde están las órdenes de este entorno (jupyter-book, alembic, lideres) y su Python.

    En un venv de Linux o macOS es una sola carpeta (bin/); en Windows, Scripts\\ (venv) o, con
    conda, Scripts\\ para las órdenes y la carpeta del entorno para python.exe.
    """
    import sysconfig

    carpetas = [Path(sysconfig.get_path("scripts")), Path(sys.executable).parent]
    return list(dict.fromkeys(carpetas))


def path_con_el_entorno(path: str | None) -> str:
    """El PATH con las carpetas de este entorno primero (nbgrader llama a `alembic` por nombre, el
    kernel del libro debe ser el mismo Python)."""
    return os.pathsep.join([*(str(c) for c in carpetas_del_entorno()), *([path] if path else [])])


def orden_del_entorno(nombre: str) -> str | None:
    """La ruta de la orden `nombre` de este entorno (con .exe en Windows), o None."""
    import shutil

    return shutil.which(nombre, path=os.pathsep.join(str(c) for c in carpetas_del_entorno()))


def orden_lideres(argumentos: str, *, path: str | None = None) -> str:
    """`lideres ARGUMENTOS` tal como se puede escribir en esta terminal: si `lideres` no está en
    el PATH de quien lo llamó (tras `make taller` queda en .venv/bin), con su ruta.

    `path`: el de esa terminal, si este proceso ya cambió el suyo (el servidor del taller)."""
    import shutil

    # En Windows es Scripts\lideres.exe: se busca en las carpetas del entorno, con su extensión.
    propio = Path(orden_del_entorno("lideres") or carpetas_del_entorno()[0] / "lideres")
    en_path = shutil.which("lideres", path=path if path is not None else os.environ.get("PATH"))
    # make pone .venv/bin en su propio PATH, no en el de la terminal.
    if (not os.environ.get("MAKELEVEL") and en_path and propio.exists()
            and Path(en_path).resolve() == propio.resolve()):
        return f"lideres {argumentos}".strip()
    try:
        ruta = os.path.relpath(propio)
    except ValueError:  # Windows: otra unidad (D:\ frente a C:\)
        ruta = ".."
    if ruta.startswith(".."):
        ruta = str(propio)
    elif not os.path.isabs(ruta):
        ruta = os.path.join(os.curdir, ruta)
    if " " in ruta:  # C:\Users\María Ñahui\…: entre comillas, para copiarla y pegarla tal cual
        ruta = f'"{ruta}"'
    return f"{ruta} {argumentos}".strip()
