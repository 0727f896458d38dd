"""Comparar nombres como los escribe la gente: sin mirar tildes, mayúsculas, espacios ni signos.

Un solo lugar para quitar tildes y para reconocer un distrito por su nombre, de modo que el
importador de límites y la revisión de registros acepten exactamente los mismos nombres.
Solo usa la biblioteca estándar al importarse (lo usan también los ejercicios calificados).
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Nombres antiguos o de otras fuentes -> UBIGEO.
ALIAS = {
    "MAGDALENAVIEJA": "150121",  # nombre antiguo de Pueblo Libre (INEI 2007)
    "CERCADODELIMA": "150101",
    "LIMACERCADO": "150101",
    "CHOSICA": "150118",
    "CARMENDELALEGUA": "070103",
}


def sin_tildes(texto: str) -> str:
    """'Ñahui Pérez' -> 'Nahui Perez'."""
    return "".join(c for c in unicodedata.normalize("NFKD", texto) if not unicodedata.combining(c))


def palabras(texto) -> str:
    """'SAN JUAN DE  LURIGANCHO' -> 'san juan de lurigancho': minúsculas, sin tildes ni signos."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", sin_tildes(str(texto)).casefold()).split())


def arreglar_mojibake(texto: str) -> str:
    """'MI PERÃš' (UTF-8 leído como Latin-1) -> 'MI PERÚ'. Si no se puede, lo deja igual."""
    if any(ch in texto for ch in "ÃÂ"):
        for codec in ("cp1252", "latin-1"):
            try:
                return texto.encode(codec).decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
    return texto


def clave_distrito(texto) -> str:
    """'Carmen de la Legua-Reynoso' -> 'CARMENDELALEGUAREYNOSO' (sin tildes, espacios ni signos)."""
    if texto is None:
        return ""
    return re.sub(r"[^A-Z0-9]", "", sin_tildes(arreglar_mojibake(str(texto))).upper())


def _variantes(distrito: str, inei: str) -> set[str]:
    nombres = {distrito, inei}
    partes = re.match(r"^(.*?)\s*\((.*)\)$", distrito)
    if partes:  # "Lima (Cercado)", "Lurigancho (Chosica)"
        fuera, dentro = partes.groups()
        nombres |= {fuera, dentro, f"{fuera} {dentro}", f"{dentro} de {fuera}"}
    return nombres


@functools.lru_cache(maxsize=1)
def _por_clave() -> dict[str, str]:
    from lideres.tablas import cargar

    tabla = cargar("distritos")
    por_clave: dict[str, str] = {}
    for distrito, inei, ubigeo in zip(tabla["distrito"], tabla["distrito_inei"], tabla["ubigeo"], strict=True):
        for variante in _variantes(distrito, inei):
            por_clave.setdefault(clave_distrito(variante), ubigeo)
    por_clave.update(ALIAS)
    return por_clave


def claves_de_distritos() -> dict[str, str]:
    """{clave_distrito(nombre): UBIGEO} de todas las variantes conocidas (una copia)."""
    return dict(_por_clave())


def ubigeo_por_nombre(texto) -> str | None:
    """UBIGEO de uno de los 61 distritos del curso a partir de su nombre, o None.

    Acepta el nombre con o sin tildes, el nombre INEI, variantes como «Cercado de Lima» o
    «Chosica» y nombres antiguos («Magdalena Vieja» = Pueblo Libre).
    """
    return _por_clave().get(clave_distrito(texto))
