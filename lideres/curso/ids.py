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

from lideres.errores import ErrorLideres
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


# Partículas que van dentro de un apellido: «Quispe de la Cruz», «del Águila», «de los Ríos».
PARTICULAS = {"de", "del", "la", "las", "los", "y", "san", "santa"}


def _apellido_desde_el_final(palabras: list[str]) -> int:
    """Índice donde empieza el último apellido (con sus partículas: «de la Cruz», «del Solar»)."""
    inicio = len(palabras) - 1
    while inicio > 0 and palabras[inicio - 1].casefold() in PARTICULAS:
        inicio -= 1
    return inicio


def nombre_y_apellidos(nombre: str) -> tuple[str, str]:
    """Para el libro de notas de nbgrader, como se usa en el Perú: los dos apellidos van al final.

    «Carmen Rosa Ñaupari Soto» -> («Carmen Rosa», «Ñaupari Soto»); con dos palabras, la última es
    el apellido («Rosa Quispe»); las partículas van con su apellido:
    «María de los Ángeles Quispe de la Cruz» -> («María de los Ángeles», «Quispe de la Cruz»).
    """
    palabras = limpiar_nombre(nombre).split(" ")
    if len(palabras) <= 1:
        return palabras[0], ""
    corte = _apellido_desde_el_final(palabras)  # segundo apellido (o el único)
    # Un primer apellido antes, si queda al menos una palabra para el nombre.
    primero = _apellido_desde_el_final(palabras[:corte]) if corte >= 2 else corte
    if primero >= 1:
        corte = primero
    return " ".join(palabras[:corte]), " ".join(palabras[corte:])


def clave_orden(nombre: str) -> tuple:
    """Orden alfabético en español: sin mirar tildes ni mayúsculas, y la ñ después de la n."""
    return (sin_tildes(limpiar_nombre(nombre).casefold().replace("ñ", "n\x7f")), nombre)


def leer_lista(curso: Path) -> dict:
    """{código: {"nombre": ..., "recojos": [...]}} o vacío si aún no se recogió nada.

    Si el archivo existe pero está dañado, se detiene con un error en español y no se toca: tiene la
    historia del grupo (nombres y recojos), y leerlo como vacío haría que el próximo recojo la borre."""
    ruta = Path(curso) / LISTA
    if not ruta.exists():
        return {}
    como_arreglar = (f"No se cambió nada. Si tienes una copia de {LISTA} (de otra computadora o de un "
                     "respaldo), ponla en su lugar; o ábrelo con un editor de texto y corrige lo que se "
                     f"cortó. Si lo mueves a otra carpeta, se empieza una lista nueva.")
    try:
        datos = json.loads(ruta.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ErrorLideres(f"La lista del grupo «{ruta}» está dañada: no es texto legible.",
                           como_arreglar=como_arreglar) from None
    except ValueError as e:
        raise ErrorLideres(f"La lista del grupo «{ruta}» está dañada (línea {getattr(e, 'lineno', '?')}): "
                           "no se puede leer.", como_arreglar=como_arreglar) from None
    except OSError as e:
        raise ErrorLideres(f"No se pudo leer la lista del grupo «{ruta}» ({e.strerror or e}).",
                           como_arreglar="Revisa que el archivo no esté abierto en otro programa y "
                           "que tengas permiso para leerlo.") from None
    if not isinstance(datos, dict) or not all(isinstance(v, dict) for v in datos.values()):
        raise ErrorLideres(f"La lista del grupo «{ruta}» no tiene la forma esperada "
                           "(un código por participante con su nombre).", como_arreglar=como_arreglar)
    return datos


def guardar_lista(curso: Path, lista: dict) -> Path:
    ruta = Path(curso) / LISTA
    temporal = ruta.with_suffix(".json.tmp")
    temporal.write_text(json.dumps(lista, ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8")
    temporal.replace(ruta)  # reemplazo atómico: nunca queda un archivo a medias
    return ruta


def nombre_de(lista: dict, codigo_participante: str) -> str:
    return (lista.get(codigo_participante) or {}).get("nombre") or codigo_participante
