"""Revisar que una entrega sea un cuaderno de Jupyter antes de calificarla (motivo en español)."""

from __future__ import annotations

import json
from pathlib import Path

from lideres.curso.recoger import MAX_ARCHIVO


def motivo_invalido(ruta: Path) -> str | None:
    """None si el archivo parece un cuaderno calificable; si no, el motivo para el facilitador."""
    ruta = Path(ruta)
    try:
        tamano = ruta.stat().st_size
    except OSError:
        return "No se encontró el archivo de la entrega."
    if tamano == 0:
        return "El archivo está vacío (0 bytes): quizá se envió antes de guardar. Pide que lo envíe de nuevo."
    if tamano > MAX_ARCHIVO:
        return "El archivo pesa demasiado para ser este ejercicio; revisa que sea el cuaderno correcto."
    crudo = ruta.read_bytes()
    try:
        texto = crudo.decode("utf-8-sig")
    except UnicodeDecodeError:
        return ("El archivo no es un cuaderno de Jupyter (no es texto; quizá es una foto, un PDF o un "
                "documento de Word con la extensión cambiada).")
    try:
        datos = json.loads(texto)
    except ValueError as e:
        linea = getattr(e, "lineno", None)
        donde = f" (el error está cerca de la línea {linea})" if linea else ""
        return ("El cuaderno está dañado: su contenido no es JSON válido" + donde +
                ". Suele pasar si se cortó la descarga o se editó con un editor de texto. "
                "Pide que lo abra en JupyterLab, lo guarde y lo envíe otra vez.")
    if not isinstance(datos, dict) or "cells" not in datos and "worksheets" not in datos:
        return "El archivo es JSON pero no es un cuaderno de Jupyter (no tiene celdas)."
    version = datos.get("nbformat")
    if version != 4:
        return (f"El cuaderno tiene un formato de Jupyter que no se puede calificar (nbformat {version}); "
                "pide que lo abra en JupyterLab, lo guarde y lo envíe otra vez.")
    if not isinstance(datos.get("cells"), list):
        return "El cuaderno está dañado: la lista de celdas no tiene la forma esperada."
    try:
        import nbformat

        nbformat.reads(texto, as_version=4)  # como lo lee nbgrader: avisa, pero no exige perfección
    except Exception:  # nbformat da varios tipos de error; todos significan "dañado"
        return "El cuaderno está dañado y no se puede leer. Pide que lo envíe de nuevo."
    return None
