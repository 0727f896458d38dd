"""Cómo se escribe una orden `lideres …` en la terminal de quien la va a copiar.

La usan el servidor del taller y los ejercicios por celular al dar indicaciones; vive aparte para
que ninguno de los dos importe al otro. La regla misma está en `rutas.orden_lideres` (también la
usan las órdenes de `lideres curso`); aquí se recuerda el PATH de la terminal del servidor.
"""

from __future__ import annotations

import os

from lideres import rutas

# El PATH de la terminal donde se escribió la orden, antes de que el servidor le agregue las
# carpetas del entorno (para los kernels): con él se sabe si ahí `lideres` se encuentra sin su ruta.
_path_de_la_terminal: str | None = None


def recordar_path() -> None:
    """La llama el servidor antes de cambiar su PATH (una vez: lo que vale es el de la terminal)."""
    global _path_de_la_terminal
    if _path_de_la_terminal is None:
        _path_de_la_terminal = os.environ.get("PATH", "")


def orden_lideres(argumentos: str) -> str:
    """`lideres ARGUMENTOS` tal como se puede escribir en la terminal donde se inició el servidor
    (con la ruta de .venv/bin/lideres si ahí `lideres` no se encuentra)."""
    return rutas.orden_lideres(argumentos, path=_path_de_la_terminal)
