"""Ayuda de pruebas: la prosa de un texto en Markdown (o de las celdas de texto de un cuaderno) y
su índice de Fernández-Huerta (textstat, en español). ≥ 70 = «bastante fácil» de leer."""

from __future__ import annotations

import json
import re
from pathlib import Path

MINIMO = 70


def prosa_markdown(texto: str) -> str:
    """Solo las frases: sin bloques de código, HTML, directivas, enlaces ni marcas de Markdown."""
    texto = re.sub(r"```.*?```", " ", texto, flags=re.S)
    texto = re.sub(r":::.*?:::", " ", texto, flags=re.S)
    texto = re.sub(r"<!--.*?-->", " ", texto, flags=re.S)
    texto = re.sub(r"<[^>]+>", " ", texto)
    texto = re.sub(r"`[^`]*`", " ", texto)
    texto = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", texto)
    # Bloques: cada párrafo, cada título y cada punto de lista. Un bloque que no termina en punto
    # (título, punto de lista) cuenta como una frase: se le pone punto.
    bloques, actual = [], []
    for linea in texto.splitlines():
        linea = linea.strip()
        nuevo = not linea or re.match(r"^(#+|>|[-*]|\d+\.)\s", linea)
        if nuevo and actual:
            bloques.append(" ".join(actual))
            actual = []
        if linea:
            actual.append(re.sub(r"^(#+|>|[-*]|\d+\.)\s*", "", linea))
    if actual:
        bloques.append(" ".join(actual))
    frases = []
    for bloque in bloques:
        bloque = re.sub(r"[*_«»]", "", bloque).strip()
        if bloque and bloque[-1] not in ".:;?!":
            bloque += "."
        frases.append(bloque)
    return re.sub(r"\s+", " ", " ".join(frases)).strip()


def prosa_cuaderno(ruta: Path) -> str:
    nb = json.loads(Path(ruta).read_text(encoding="utf-8"))
    partes = []
    for celda in nb["cells"]:
        if celda["cell_type"] == "markdown":
            fuente = celda["source"]
            partes.append(prosa_markdown("".join(fuente) if isinstance(fuente, list) else fuente))
    return " ".join(partes)


def fernandez_huerta(prosa: str) -> float:
    import textstat

    textstat.set_lang("es")
    return float(textstat.fernandez_huerta(prosa))
