"""Códigos estables de participantes y la lista del grupo (nombres con tildes, ñ y espacios).

El código (id) es lo que nbgrader usa en carpetas y en el libro de notas: solo ASCII.
El nombre tal como lo escribió la persona se guarda aparte, en `participantes.json`.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from pathlib import Path

from lideres.nombres import sin_tildes

LISTA = "participantes.json"


def codigo(nombre: str) -> str:
    """'María Ñahui Quispe' -> 'maria-nahui-quispe'. Siempre el mismo código para el mismo nombre."""
    texto = sin_tildes(nombre or "").casefold()
    texto = re.sub(r"[^a-z0-9]+", "-", texto).strip("-")[:60].strip("-")
    if not texto:  # nombre sin letras latinas (emojis, otro alfabeto): código a partir del nombre
        resumen = hashlib.sha1((nombre or "").encode("utf-8")).hexdigest()[:8]
        texto = f"participante-{resumen}"
    return texto


def limpiar_nombre(nombre: str) -> str:
    """Quita espacios de más y caracteres de control; conserva tildes y ñ."""
    nombre = unicodedata.normalize("NFC", nombre or "")
    nombre = "".join(c for c in nombre if unicodedata.category(c)[0] != "C")
    return " ".join(nombre.split())


def nombre_y_apellidos(nombre: str) -> tuple[str, str]:
    """Para el libro de notas de nbgrader: primera palabra y el resto."""
    partes = limpiar_nombre(nombre).split(" ", 1)
    return partes[0], (partes[1] if len(partes) > 1 else "")


def clave_orden(nombre: str) -> tuple:
    """Orden alfabético en español: sin mirar tildes ni mayúsculas, y la ñ después de la n."""
    return (sin_tildes(limpiar_nombre(nombre).casefold().replace("ñ", "n\x7f")), nombre)


def leer_lista(curso: Path) -> dict:
    """{código: {"nombre": ..., "recojos": [...]}} o vacío si aún no se recogió nada."""
    ruta = Path(curso) / LISTA
    if not ruta.exists():
        return {}
    try:
        datos = json.loads(ruta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return datos if isinstance(datos, dict) else {}


def guardar_lista(curso: Path, lista: dict) -> Path:
    ruta = Path(curso) / LISTA
    temporal = ruta.with_suffix(".json.tmp")
    temporal.write_text(json.dumps(lista, ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8")
    temporal.replace(ruta)  # reemplazo atómico: nunca queda un archivo a medias
    return ruta


def nombre_de(lista: dict, codigo_participante: str) -> str:
    return (lista.get(codigo_participante) or {}).get("nombre") or codigo_participante
