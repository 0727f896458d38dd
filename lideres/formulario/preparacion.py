"""Textos del banco para el celular, sin widgets: el Markdown de un enunciado y la preparación
(el texto y la tabla de práctica). Los usan el formulario de Voilà (`widgets`) y el ligero (`ligero`).
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path


def _md(texto: str) -> str:
    """Markdown del banco a HTML (sin HTML crudo: lo que venga se escapa)."""
    try:
        from markdown_it import MarkdownIt
    except ImportError:  # sin markdown-it: el texto tal cual, con saltos de línea
        return "<p>" + html.escape(texto or "").replace("\n\n", "</p><p>") + "</p>"
    return MarkdownIt("commonmark", {"html": False}).enable("table").render(texto or "")


def _texto_plano(texto: str) -> str:
    """'**a)** texto' -> 'a) texto' para etiquetas de botones (no interpretan Markdown)."""
    return re.sub(r"[*_`]", "", texto or "").strip()


def preparacion_html(preparacion: dict | None) -> str:
    """El texto de la preparación y, si su código termina en una tabla, esa tabla (números es-PE).

    El código viene del banco del curso (lo escribe quien arma el ejercicio, no quien participa).
    El resultado queda en la caché del usuario: la preparación suele usar pandas (~45 MB), y en el
    taller cada celular tiene su kernel; así solo el primero la corre."""
    if not preparacion:
        return ""
    import hashlib
    import json

    from lideres import rutas

    huella = hashlib.sha256(json.dumps(preparacion, sort_keys=True, default=str).encode())
    for codigo in (__file__, _fuente_de("lideres.formato")):
        huella.update(Path(codigo).read_bytes())
    huella.update(_versiones().encode())
    # Si la preparación lee data/, un archivo cambiado da otra tabla.
    huella.update(repr(sorted((e.name, e.stat().st_mtime_ns, e.stat().st_size)
                              for e in os.scandir(rutas.DATOS) if e.is_file())
                       if rutas.DATOS.is_dir() else []).encode())
    guardada = rutas.carpeta_cache("preparaciones") / f"{huella.hexdigest()}.html"
    try:
        return guardada.read_text(encoding="utf-8")
    except OSError:
        pass
    resultado, corrio = _preparacion_html(preparacion)
    if not corrio:  # una preparación que falló no se guarda: la próxima vez se intenta de nuevo
        return resultado
    try:
        guardada.parent.mkdir(parents=True, exist_ok=True)
        temporal = guardada.with_suffix(f".{os.getpid()}.tmp")
        temporal.write_text(resultado, encoding="utf-8")
        os.replace(temporal, guardada)  # otro kernel nunca lee un archivo a medias
    except OSError:  # sin caché escribible: se calcula cada vez
        pass
    return resultado


def _fuente_de(modulo: str) -> str:
    import importlib.util

    return importlib.util.find_spec(modulo).origin


def _versiones() -> str:
    from importlib.metadata import PackageNotFoundError, version

    partes = []
    for paquete in ("pandas", "babel", "markdown-it-py"):
        try:
            partes.append(f"{paquete} {version(paquete)}")
        except PackageNotFoundError:
            partes.append(f"{paquete} -")
    return "|".join(partes)


def _preparacion_html(preparacion: dict) -> tuple[str, bool]:
    """El HTML de la preparación y si su código corrió sin error."""
    import ast

    partes = [_md(preparacion.get("texto") or "")]
    codigo = preparacion.get("codigo") or ""
    try:
        arbol = ast.parse(codigo)
        espacio: dict = {}
        ultimo = arbol.body.pop() if arbol.body and isinstance(arbol.body[-1], ast.Expr) else None
        exec(compile(arbol, "<preparacion>", "exec"), espacio)  # noqa: S102 (código del curso)
        tabla = eval(compile(ast.Expression(ultimo.value), "<preparacion>", "eval"), espacio) if ultimo else None
        corrio = True
    except Exception:  # una preparación que no corre no impide responder
        tabla, corrio = None, False
    if tabla is not None and hasattr(tabla, "to_html"):
        from lideres.formato import numero

        formatos = {c: (lambda x: numero(x)) for c in tabla.columns if str(tabla[c].dtype).startswith(("int", "float"))}
        # Una tabla ancha se desliza de lado: con tabindex, también con el teclado (axe lo pide).
        partes.append('<div class="lideres-tabla" tabindex="0" role="region" aria-label="Tabla de práctica">'
                      + tabla.to_html(index=False, formatters=formatos, border=0) + "</div>")
    return "".join(partes), corrio
