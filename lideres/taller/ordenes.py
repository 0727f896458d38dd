"""Cómo se escribe una orden `lideres …` en la terminal de quien la va a copiar.

La usan el servidor del taller y los ejercicios por celular al dar indicaciones; vive aparte para
que ninguno de los dos importe al otro.
"""

from __future__ import annotations

import os
from pathlib import Path

from lideres import rutas


def orden_lideres(argumentos: str) -> str:
    """`lideres ARGUMENTOS` tal como se puede escribir en esta terminal: si `lideres` no está en
    el PATH de quien lo llamó (tras `make taller` queda en .venv/bin), con su ruta."""
    import shutil

    # En Windows es Scripts\lideres.exe: se busca en las carpetas del entorno, con su extensión.
    propio = Path(rutas.orden_del_entorno("lideres") or rutas.carpetas_del_entorno()[0] / "lideres")
    en_path = shutil.which("lideres")
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
