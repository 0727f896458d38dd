"""El candado de archivo de la carpeta del curso: un solo proceso a la vez cambia la lista de
participantes, las claves y submitted/.

Lo toman el formulario del celular (`lideres.formulario.entregas`) y `lideres curso recoger`; vive
aquí, debajo de los dos, para que ninguno importe al otro.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

CANDADO = ".lideres.candado"


@contextlib.contextmanager
def candado(curso: Path):
    """Un solo proceso a la vez cambia la lista de participantes, las claves y submitted/."""
    ruta = Path(curso) / CANDADO
    ruta.parent.mkdir(parents=True, exist_ok=True)
    with open(ruta, "a+b") as f:
        try:
            import fcntl
        except ImportError:  # Windows
            import msvcrt

            f.seek(0)
            while True:  # LK_LOCK se rinde tras ~10 s de espera; como flock, se sigue esperando
                try:
                    msvcrt.locking(f.fileno(), msvcrt.LK_LOCK, 1)
                    break
                except OSError:
                    f.seek(0)
            try:
                yield
            finally:
                f.seek(0)
                msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)
            return
        fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)
