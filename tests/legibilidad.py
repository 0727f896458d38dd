"""Legibilidad de la prosa de una lección (Fernández-Huerta, `textstat` en español).

Solo cuenta lo que una persona lee como texto corrido: las celdas markdown sin código, sin
comentarios HTML, sin tablas y sin la sintaxis de markdown. Ayuda de pruebas: vive en tests/.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

MINIMO = 70


def prosa(ruta: Path) -> str:
    cuaderno = json.loads(Path(ruta).read_text(encoding="utf-8"))
    partes = []
    for celda in cuaderno["cells"]:
        if celda["cell_type"] != "markdown":
            continue
        texto = celda["source"] if isinstance(celda["source"], str) else "".join(celda["source"])
        texto = re.sub(r"<!--.*?-->", " ", texto, flags=re.S)
        texto = re.sub(r"```.*?```", " ", texto, flags=re.S)
        texto = re.sub(r"<[^>]+>", " ", texto)
        lineas = []
        for linea in texto.splitlines():
            if linea.lstrip().startswith("|"):  # tablas: no son prosa
                continue
            linea = re.sub(r"^\s*(#{1,6}|>|[-*]|\d+\.)\s+", "", linea)
            lineas.append(linea)
        texto = "\n".join(lineas)
        texto = re.sub(r"`[^`]*`", " ", texto)
        texto = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", texto)
        texto = texto.replace("**", "").replace("*", "").replace("«", "").replace("»", "")
        partes.append(texto)
    return "\n\n".join(partes)


def fernandez_huerta(texto: str) -> float:
    import textstat

    textstat.set_lang("es")
    return float(textstat.fernandez_huerta(texto))
