"""Dónde están las cosas del proyecto: datos, cuadernos, libro, curso.

Los cuadernos nunca escriben rutas relativas: piden las rutas a este módulo.
`LIDERES_RAIZ` permite apuntar a otra copia del proyecto (por ejemplo en Binder).
"""

from __future__ import annotations

import os
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
