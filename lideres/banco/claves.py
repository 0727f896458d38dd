"""Claves normalizadas y huellas: cómo se lee una respuesta tal como la escribe la gente.

Estas reglas se repiten en JavaScript (el cuestionario del libro y el formulario del celular):
por eso son pocas, simples y deterministas. Solo biblioteca estándar.
"""

from __future__ import annotations

import hashlib
import math
import numbers
import re
import unicodedata

# Más que esto no es una respuesta de una línea: se trata como ilegible (y nada se vuelve lento).
MAXIMO_TEXTO = 2_000
# Más allá, floor(x / tolerancia) deja de ser un entero exacto igual en Python y en JavaScript.
MAXIMO_PASOS = 1e15

_PREFIJOS_OPCION = ("la ", "letra ", "opción ", "opcion ", "alternativa ")
# Cifras ASCII y espacios explícitos: \d y \s no son iguales en Python y en JavaScript.
_NUMERO = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_MILES = re.compile(r"[+-]?[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_DECIMAL_CON_COMA = re.compile(r"[+-]?[0-9]+,[0-9]+")
_BLANCOS = re.compile("[ \\t\\n\\r\\u00a0\\u2009\\u202f_]+")
_NO_ALFANUMERICO = re.compile(r"[^a-z0-9]+")


def huella(sal: str, clave: str) -> str:
    """sha256(sal + "|" + clave), 24 primeras cifras hexadecimales."""
    return hashlib.sha256(f"{sal}|{clave}".encode()).hexdigest()[:24]


def sal_de(ejercicio: str, pregunta: str) -> str:
    return f"{ejercicio}:{pregunta}"


def _texto(valor) -> str | None:
    """El texto de un str (también de una subclase rara), o None si no es texto o es enorme."""
    if not isinstance(valor, str):
        return None
    texto = str.strip(valor)
    return texto if len(texto) <= MAXIMO_TEXTO else None


# --- opción (a, b, c…) -------------------------------------------------------------------------

def clave_opcion(valor) -> str | None:
    """'la b', 'B)', 'b.', '(b)', 'Alternativa B' -> 'b'; 'respuesta b', 3, None -> None."""
    texto = _texto(valor)
    if texto is None:
        return None
    texto = texto.lower()
    for prefijo in _PREFIJOS_OPCION:
        if texto.startswith(prefijo):
            texto = texto[len(prefijo):].lstrip()
            break
    for i, letra in enumerate(texto):
        if letra.isalpha():
            siguiente = texto[i + 1] if i + 1 < len(texto) else ""
            if "a" <= letra <= "z" and not siguiente.isalpha():
                return letra
            return None
    return None


# --- número ------------------------------------------------------------------------------------

def como_numero(valor) -> tuple[float | None, bool]:
    """(número, se_uso_coma_decimal). 250, 250.0, "250", "250,0", "1 250", "1,250", (250, 0)…

    La coma seguida de exactamente tres cifras (y sin cero delante) separa miles: "1,250" = 1250.
    Otra coma es decimal ("250,5" = 250.5) y se avisa. Una tupla de enteros es lo que Python hace
    de `250,0`: se lee como el texto "250,0". None si no se puede leer como número.
    """
    if isinstance(valor, bool) or valor is None:
        return None, False
    coma = False
    if isinstance(valor, tuple):
        if not 2 <= len(valor) <= 4 or not all(isinstance(v, int) and not isinstance(v, bool)
                                               for v in valor):
            return None, False
        if any(v < 0 for v in valor[1:]):
            return None, False
        valor = ",".join(str(int.__int__(v)) for v in valor)
    if isinstance(valor, str):
        texto = _texto(valor)
        if texto is None:
            return None, False
        texto = _BLANCOS.sub("", texto)
        if _MILES.fullmatch(texto):
            texto = texto.replace(",", "")
        elif _DECIMAL_CON_COMA.fullmatch(texto):
            texto, coma = texto.replace(",", "."), True
        if not _NUMERO.fullmatch(texto):
            return None, False
        numero = float(texto)
    elif isinstance(valor, numbers.Real):
        numero = float(valor)
    else:
        return None, False
    if math.isnan(numero) or math.isinf(numero):
        return None, False
    return numero, coma


def paso(numero: float, tolerancia: float) -> int | None:
    """floor(x / tolerancia + 0.5): el mismo entero en Python y en JavaScript (Math.floor)."""
    if not tolerancia or tolerancia <= 0:
        return None
    escala = numero / tolerancia
    if math.isnan(escala) or abs(escala) > MAXIMO_PASOS:
        return None
    return int(math.floor(escala + 0.5))


def clave_numero(numero: float, tolerancia: float) -> str | None:
    n = paso(numero, tolerancia)
    return None if n is None else str(n)


def claves_vecinas(numero: float, tolerancia: float) -> list[str]:
    """La clave del número y las de sus vecinos (±1): así se acepta lo que está a una tolerancia."""
    n = paso(numero, tolerancia)
    return [] if n is None else [str(n), str(n - 1), str(n + 1)]


# --- distrito y texto --------------------------------------------------------------------------

def clave_texto(valor) -> str | None:
    """' San Martín  de Porres! ' -> 'san martin de porres': sin tildes, minúsculas, sin signos."""
    texto = _texto(valor)
    if texto is None:
        return None
    sin_tildes = "".join(c for c in unicodedata.normalize("NFKD", texto) if not unicodedata.combining(c))
    clave = " ".join(_NO_ALFANUMERICO.sub(" ", sin_tildes.lower()).split())
    return clave or None


def distancia(a: str, b: str, maximo: int = 1) -> int:
    """Distancia de Levenshtein, cortada en maximo + 1 (no hace falta saber cuánto más lejos)."""
    if abs(len(a) - len(b)) > maximo:
        return maximo + 1
    anterior = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        actual = [i]
        for j, cb in enumerate(b, 1):
            actual.append(min(anterior[j] + 1, actual[j - 1] + 1, anterior[j - 1] + (ca != cb)))
        if min(actual) > maximo:
            return maximo + 1
        anterior = actual
    return min(anterior[-1], maximo + 1)


def mas_cercano(clave: str, opciones: list[str]) -> str | None:
    """La clave de la opción a una letra o menos (la primera en la lista si hay empate), o None."""
    mejor, mejor_d = None, 2
    for opcion in opciones:
        otra = clave_texto(opcion)
        if otra is None:
            continue
        d = distancia(clave, otra)
        if d < mejor_d:
            mejor, mejor_d = otra, d
    return mejor


def nombre_de(clave: str, opciones: list[str]) -> str | None:
    """El nombre tal como está en las opciones para una clave ('lince' -> 'Lince')."""
    for opcion in opciones:
        if clave_texto(opcion) == clave:
            return opcion
    return None


# --- orden -------------------------------------------------------------------------------------

def elementos_orden(valor) -> list | None:
    """Una lista, una tupla o un texto «A, B, C» (también con ; o saltos de línea) -> sus elementos."""
    if isinstance(valor, (list, tuple)):
        return list(valor) if 0 < len(valor) <= 100 else None
    texto = _texto(valor)
    if not texto:
        return None
    return [parte for parte in re.split(r"[,;\n]", texto) if parte.strip()]


def clave_orden(claves: list[str]) -> str:
    return "|".join(claves)
