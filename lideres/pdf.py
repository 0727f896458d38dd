"""PDF sin internet con typst (pieza común: la ficha del barrio del módulo 10 y el formulario en
papel del módulo 09).

typst es un paquete de Python que trae su propio compilador (wheel para Linux, Windows y macOS, sin
bibliotecas del sistema). La letra es DejaVu Sans, la que trae matplotlib: se incrusta en el PDF, y
typst no mira las letras del sistema (el mismo PDF en todas las computadoras). Los datos llegan a la
plantilla como JSON en `sys.inputs`: la plantilla no tiene cifras escritas a mano.
"""

from __future__ import annotations

import json
from pathlib import Path

from lideres.errores import ErrorLideres


def carpeta_letras() -> Path:
    """Las letras DejaVu que trae matplotlib (un paquete, no internet ni el sistema)."""
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def compilar(plantilla: Path, datos: dict, *, extra: dict[str, str] | None = None, formato: str = "pdf",
             ppi: int | None = None, que: str = "el documento") -> bytes | list[bytes]:
    """`plantilla` (.typ) con `datos` en sys.inputs.datos (y `extra`, p. ej. un SVG) -> PDF o PNG."""
    import typst

    entradas = {"datos": json.dumps(datos, ensure_ascii=False), **(extra or {})}
    try:
        return typst.compile(str(plantilla), root=str(Path(plantilla).parent), font_paths=[str(carpeta_letras())],
                             ignore_system_fonts=True, format=formato, ppi=ppi, sys_inputs=entradas)
    except RuntimeError as e:  # typst explica en inglés: se dice en español y se guarda el detalle
        raise ErrorLideres(
            f"No se pudo armar {que}.",
            como_arreglar="Avisa al equipo del curso (el detalle técnico sale al correr la orden con "
            "LIDERES_DEPURAR activado).",
        ) from e
