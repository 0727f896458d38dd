"""Revisar la prosa: cada número que una persona lee tiene su clave en el registro, y coincide.

Un número de una cifra se marca con su clave en un comentario HTML justo después (no se ve en el
libro, ni en Jupyter, ni en Voilà, ni en una plantilla HTML):

    En 2024 hubo 34,536<!--cifra sidpol.total.callao.2024--> denuncias en el Callao (provincia).

`<!--cifra clave /10-->` divide el valor antes de comparar («6 de cada 10» con un valor de 61.2 %).
El número escrito coincide si está a menos de una unidad de su última cifra escrita del valor
recalculado: «25.7» con 25.7; «26» con 25.7; «230 mil» con 229,001 a 230,999; en un entero, los
ceros del final son redondeo: «89,500» con 89,401 a 89,599.

Quedan fuera, **por regla** (no por lista), los números que no son cifras:
- `codigo`: dentro de código, enlaces, direcciones y etiquetas;
- `anio`: un año (1900-2099 escrito sin separador), o «2016-17»;
- `enumeracion`: el número de un punto de lista, de un título o de una respuesta («1.», «2)», «# 03 ·»);
- `rotulo`: el número que nombra algo del curso («módulo 3», «Ley 27933», «parte 2», «del 0 al 10»,
  «03»: un número con cero adelante es un código, no una cifra; «150132»: una cifra de 5 dígitos o
  más se escribe con separador, «30,724», así que sin separador es un código);
- `base`: 10, 100, 1,000, 100 mil…: la base de una tasa o un número redondo;
- `unidad_del_curso`: una cantidad de cosas del curso o de tiempo (minutos, preguntas, tarjetas,
  personas de un grupo, «12 meses», «15 años»);
- `instruccion`: una frase que dice qué escribir o elegir («Usa 8, 9 o 10», «debe ser mayor que 0»);
- `ejemplo`: un párrafo, punto de lista o fila marcado `<!--ejemplo-->` con números redondos inventados (2 cifras
  significativas como mucho).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from lideres.errores import ErrorLideres

MARCA = re.compile(r"<!--\s*cifra:?\s+([\w.+\-]+)(?:\s*/\s*(\d+))?\s*-->")
EJEMPLO = re.compile(r"<!--\s*ejemplo\s*-->")
NUMERO = re.compile(
    r"(?<![\w.,/:])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w]|[.,]\d)"
    r"(?P<mult>\s+(?:mil(?:lones|lón)?)\b)?"
)
UNIDADES_DEL_CURSO = (
    "minuto", "min", "hora", "segundo", "día", "semana", "mes", "meses", "año", "páginas", "página",
    "paso", "pregunta", "módulo", "tarjeta", "grupo", "persona", "participante", "tablero", "celular",
    "frejol", "piedrita", "opción", "opciones", "punto de lista", "ronda", "hoja", "columna", "fila",
    "carácter", "caracteres", "palabra", "línea", "letra", "dígito",
)
ROTULOS = ("módulo", "módulos", "ley", "parte", "paso", "pregunta", "ejercicio", "capítulo", "sección",
           "puerto", "versión", "del", "al", "número", "nº", "n.º", "ronda", "grupo", "tarjeta",
           "art.", "art", "artículo", "inciso", "numeral", "num.", "literal", "defecto")
# Una frase que dice qué escribir o elegir: sus números son límites de lo que se acepta, no cifras.
INSTRUCCION = re.compile(r"\b(?:[Uu]sa|[Pp]rueba con|[Ee]scribe|[Ee]lige|[Dd]ebe ser|[Dd]eben ser|va de|van de)\b")
# Cantidades de personas de un grupo del taller: hasta este número son cosas del curso.
MAXIMO_DEL_CURSO = 100


@dataclass(frozen=True)
class Problema:
    origen: str
    numero: str
    frase: str
    motivo: str

    def __str__(self) -> str:
        return f"{self.origen}: «{self.numero}» en «{self.frase.strip()[:140]}»: {self.motivo}"


def _sin_codigo(texto: str) -> str:
    """Borra (con espacios del mismo largo, para no mover posiciones) lo que no es prosa."""
    def blanco(m):
        return re.sub(r"[^\n]", " ", m.group(0))

    texto = re.sub(r"```.*?```|~~~.*?~~~", blanco, texto, flags=re.S)
    texto = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", blanco, texto, flags=re.S)   # Jinja
    texto = re.sub(r"`[^`\n]*`", blanco, texto)
    texto = re.sub(r"\]\([^)]*\)", blanco, texto)                # destino de un enlace
    texto = re.sub(r"\((?:#|https?:)[^)]*\)", blanco, texto)
    texto = re.sub(r"https?://\S+|www\.\S+|\b[\w.-]+\.(?:pe|org|com|gob)\S*", blanco, texto)
    texto = re.sub(r"<(?!!--)[^>]*>", blanco, texto)              # etiquetas HTML (no comentarios)
    texto = re.sub(r"<!--(?!\s*(?:cifra|ejemplo)).*?-->", blanco, texto, flags=re.S)
    texto = re.sub(r"^\s*\((?:[\w-]+)\)=\s*$", blanco, texto, flags=re.M)  # (etiqueta)= de MyST
    return texto


def _frase(texto: str, inicio: int, fin: int) -> tuple[int, int]:
    """Los límites de la frase que contiene [inicio, fin): hasta «. », «? », «: », «; » o fin de línea."""
    a = max(texto.rfind("\n", 0, inicio), *(texto.rfind(s, 0, inicio) for s in (". ", "? ", "! ", "; ")))
    candidatos = [i for i in (texto.find("\n", fin), *(texto.find(s, fin) for s in (". ", "? ", "! ", "; ")))
                  if i != -1]
    return a + 1, min(candidatos) if candidatos else len(texto)


_INICIO_DE_BLOQUE = re.compile(r"\s*(?:$|[-*|#>]|\d+[.)]\s)")


def _bloque(texto: str, inicio: int) -> str:
    """El párrafo, punto de lista, fila de tabla o título que contiene la posición `inicio`."""
    lineas = texto.split("\n")
    i = texto.count("\n", 0, inicio)
    a = i
    while a > 0 and not _INICIO_DE_BLOQUE.match(lineas[a]) and lineas[a - 1].strip():
        a -= 1
    b = i + 1
    while b < len(lineas) and lineas[b].strip() and not _INICIO_DE_BLOQUE.match(lineas[b]):
        b += 1
    return "\n".join(lineas[a:b])


def _significativas(numero: str) -> int:
    return len(numero.replace(",", "").replace(".", "").strip("0") or "0")


def _es_potencia_de_diez(valor: float) -> bool:
    return valor >= 10 and math.isclose(10 ** round(math.log10(valor)), valor)


def _regla(texto: str, m: re.Match, valor: float, frase: str) -> str | None:
    """El nombre de la regla que deja fuera este número, o None si es una cifra."""
    num = m.group("num")
    antes = texto[max(0, m.start() - 40):m.start()]
    despues = texto[m.end():m.end() + 40]
    entero = "." not in num
    if entero and "," not in num and 1900 <= valor <= 2099 and not m.group("mult") \
            and not re.match(r"\s*%", despues):
        return "anio"
    if re.search(r"\d{4}\s*[-–]\s*$", antes):
        return "anio"
    if re.match(r"/\d{1,2}/\d{4}", despues) or re.search(r"\d{1,2}/$", antes):
        return "anio"   # una fecha: 30/11/2024
    inicio_linea = antes.rsplit("\n", 1)[-1]
    if entero and re.fullmatch(r"\s*(?:#+\s*|[-*|]\s*)*", inicio_linea) and re.match(r"[.)·]\s|[.)]$|\s·", despues):
        return "enumeracion"
    if entero and valor <= 30 and re.match(r"(?:\s*(?:y|,)\s*\d+)*\s*→", despues):
        return "enumeracion"   # «1 →», «2 y 4 →»: respuestas de una lista numerada
    if entero and valor <= 30 and re.match(r"\)\s", despues) and re.search(r"(?:^|[\s.;(])$", antes):
        return "enumeracion"
    if entero and len(num) >= 2 and num.startswith("0"):
        return "rotulo"   # «01», «03»: el número de un módulo o un código, nunca una cifra
    if entero and "," not in num and len(num) >= 5:
        return "rotulo"   # «150132»: un código (una cifra de 5 dígitos o más se escribe «30,724»)
    palabra_antes = re.search(r"([\wº.]+)\s*$", antes)
    if entero and palabra_antes and palabra_antes.group(1).lower() in ROTULOS and \
            not (palabra_antes.group(1).lower() in ("del", "al") and valor > 12):
        return "rotulo"
    if entero and (re.match(r"\s*=", despues) or re.search(r"=\s*$", antes)) and valor <= 12:
        return "rotulo"
    mult = {"mil": 1_000, "millón": 1_000_000, "millones": 1_000_000}.get((m.group("mult") or "").strip(), 1)
    if _es_potencia_de_diez(valor * mult) and entero:
        return "base"
    # Una cantidad del curso: el número (o un rango «de 8 a 25», «15 y 20») seguido de su unidad.
    siguiente = re.match(r"\+?(?:\s*(?:[-–]|a|y|o)\s*\d+)*\s*(?:de\s+)?([a-záéíóúñ]+)", despues)
    if entero and valor <= MAXIMO_DEL_CURSO * 10 and siguiente and \
            siguiente.group(1).startswith(UNIDADES_DEL_CURSO) and (valor <= MAXIMO_DEL_CURSO
                                                                     or siguiente.group(1).startswith(("minuto", "hora", "segundo"))):
        return "unidad_del_curso"
    if entero and valor <= 180 and re.search(r"\bmin(?:utos)?\b", frase):
        return "unidad_del_curso"
    if INSTRUCCION.search(frase):
        return "instruccion"
    if _significativas(num) <= 2 and EJEMPLO.search(_bloque(texto, m.start())):
        return "ejemplo"
    return None


def _coincide(escrito: float, decimales: int, mult: int, valor: float, num: str = "") -> bool:
    """A menos de una unidad de la última cifra escrita; en un entero, los ceros del final son
    redondeo («89,500»: la unidad es 100)."""
    ceros = len(num.replace(",", "")) - len(num.replace(",", "").rstrip("0")) if decimales == 0 and num else 0
    unidad = 10 ** -decimales * mult * 10 ** ceros
    return abs(abs(valor) - escrito) < unidad - 1e-9 or math.isclose(abs(valor), escrito)


def revisar_texto(texto: str, origen: str = "texto") -> list[Problema]:
    """Todos los problemas de un texto: números sin clave, claves que no existen, números que no
    coinciden con su cifra recalculada, cifras sintéticas sin «sintético» en la frase o junto a
    cifras reales."""
    from lideres.cifras.registro import cifra

    limpio = _sin_codigo(texto)
    problemas: list[Problema] = []
    reales_por_frase: dict[tuple[int, int], list[bool]] = {}
    for m in NUMERO.finditer(limpio):
        num = m.group("num")
        escrito = float(num.replace(",", ""))
        a, b = _frase(limpio, m.start(), m.end())
        frase = limpio[a:b]
        marca = MARCA.match(limpio, m.end()) or MARCA.match(limpio, m.end() + len(re.match(r"\s*%?", limpio[m.end():]).group(0)))
        if marca is None:
            if _regla(limpio, m, escrito, frase) is None:
                problemas.append(Problema(origen, num, frase, "número sin clave del registro de cifras "
                                          "(márcalo con <!--cifra clave--> o insértalo desde el registro)"))
            continue
        clave, divisor = marca.group(1), int(marca.group(2) or 1)
        try:
            c = cifra(clave)
        except ErrorLideres as e:
            problemas.append(Problema(origen, num, frase, str(e).splitlines()[0]))
            continue
        mult = {"mil": 1_000, "millón": 1_000_000, "millones": 1_000_000}.get((m.group("mult") or "").strip(), 1)
        decimales = len(num.split(".")[1]) if "." in num else 0
        if not _coincide(escrito * mult, decimales, mult, c.valor / divisor, num):
            problemas.append(Problema(origen, num, frase, f"la cifra «{clave}» recalculada es "
                                      f"{c.valor / divisor:g} ({c.unidad}, {c.ambito}, {c.periodo})"))
        if c.sintetico and not re.search(r"sint[ée]tic", MARCA.sub("", frase), re.I):
            problemas.append(Problema(origen, num, frase, "cifra sintética sin «sintético» en la misma frase"))
        reales_por_frase.setdefault((a, b), []).append(c.sintetico)
    for (a, b), marcas in reales_por_frase.items():
        if any(marcas) and not all(marcas):
            problemas.append(Problema(origen, "", limpio[a:b], "una cifra sintética junto a una real en la "
                                      "misma frase o fila de tabla"))
    for m in MARCA.finditer(limpio):
        if not re.search(r"\d(?:\s*(?:mil(?:lones|lón)?|%))?\s*$", limpio[max(0, m.start() - 15):m.start()]):
            problemas.append(Problema(origen, "", limpio[max(0, m.start() - 60):m.end()],
                                      f"la marca «{m.group(1)}» no sigue a un número"))
    return problemas


# ---------------------------------------------------------------- qué textos tiene cada módulo

def texto_de_cuaderno(ruta: Path) -> str:
    """Las celdas de texto (Markdown) de un cuaderno, juntas."""
    nb = json.loads(Path(ruta).read_text(encoding="utf-8"))
    return "\n\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def textos_de_python(ruta: Path) -> str:
    """Las cadenas de un archivo de Python que una persona lee: las que tienen al menos tres palabras,
    sin docstrings. Cada una en su propio párrafo."""
    import ast

    arbol = ast.parse(Path(ruta).read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(arbol)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    cadenas = [n.value for n in ast.walk(arbol) if isinstance(n, ast.Constant) and isinstance(n.value, str)
               and id(n) not in docstrings and len(n.value.split()) >= 3]
    return "\n\n".join(cadenas)


def archivos_de_prosa(raiz: Path, id_modulo: str) -> list[Path]:
    """Los textos que una persona lee de un módulo: su lección, su página de facilitación, y las
    plantillas y textos de su casa en el paquete (`lideres/modulos/m<id>/`)."""
    raiz = Path(raiz)
    archivos = [raiz / "notebooks" / f"{id_modulo}.ipynb"]
    archivos.append(raiz / "book" / "facilitadores" / f"{id_modulo}.md")
    casa = raiz / "lideres" / "modulos" / f"m{id_modulo}"
    if casa.is_dir():
        archivos += sorted(casa.rglob("*.j2")) + sorted(casa.rglob("*.html")) + sorted(casa.rglob("*.py"))
    return [a for a in archivos if a.exists()]


def archivos_comunes(raiz: Path) -> list[Path]:
    """Textos de todo el curso: el inicio del libro, el glosario y sus definiciones."""
    raiz = Path(raiz)
    return [a for a in (raiz / "book" / "intro.md", raiz / "book" / "glosario.md",
                        raiz / "lideres" / "glosario.py") if a.exists()]


def texto_de_archivo(ruta: Path) -> str:
    ruta = Path(ruta)
    if ruta.suffix == ".ipynb":
        return texto_de_cuaderno(ruta)
    if ruta.suffix == ".py":
        return textos_de_python(ruta)
    return ruta.read_text(encoding="utf-8")


def revisar_archivo(ruta: Path, raiz: Path | None = None) -> list[Problema]:
    origen = str(Path(ruta).relative_to(raiz)) if raiz else str(ruta)
    return revisar_texto(texto_de_archivo(ruta), origen)
