"""Issue 18 §4: actividades seguras para las víctimas y para los barrios.

Revisa todas las páginas para facilitadores (book/facilitadores/*.md, también la plantilla), todas
las lecciones (notebooks/NN_*.ipynb y la plantilla) y todos los bancos de preguntas: por archivo, no
por lista, así los módulos 05–10 se revisan el día que existan. Prohibido:

- pedir en público que alguien diga si fue víctima (manos alzadas, «¿quiénes fueron víctimas?»,
  en voz alta), salvo con papelitos sin nombre;
- marcar casas o calles, o nombrar calles como peligrosas («¿en qué calles roban más?»);
- poner la violencia contra la mujer y la familia en un mapa.

Una frase que lo niega («nadie levanta la mano», «sin casas ni calles») está permitida.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lideres import rutas
from lideres.modulos import MODULOS

_NIEGA = re.compile(r"\b(no|nadie|nunca|sin|ni|jamás|evita|prohibido)\b", re.I)
_MANOS = re.compile(r"levant\w*\s+(la|las)\s+manos?|alc\w*\s+(la|las)\s+manos?|manos?\s+alzadas?|a\s+mano\s+alzada|"
                    r"en\s+voz\s+alta|frente\s+al\s+grupo|delante\s+de\s+(todos|los\s+demás)", re.I)
_VICTIMA = re.compile(r"víctimas?|les?\s+robaron|te\s+robaron|asaltaron|sufri\w*\s+un\s+(robo|delito|asalto)", re.I)
_PREGUNTA_AL_GRUPO = re.compile(r"(quién|quiénes|cuántos|cuántas)(\s+de\s+ustedes)?\s+(ha|han|fue|fueron|sufrió|sufrieron)"
                                r"(\s+sido)?\s+(víctimas?|asaltad|robad)", re.I)
_ANONIMO = re.compile(r"papelitos?\s+(iguales\s+)?sin\s+nombre|anónim|sin\s+nombre", re.I)
_MARCAR = re.compile(r"\b(marc|pega|señal|ubic|ubiq|dibuj|pint|pong|sitú)\w*|\bpon(e|en|er|gan)?\b", re.I)
_CASA_CALLE = re.compile(r"\b(casas?|viviendas?|domicilios?|calles?|cuadras?|direcci[oó]n(es)?\s+exactas?|"
                         r"donde\s+(saben\s+que\s+)?hubo\s+delitos?|d[oó]nde\s+pas[oó]\s+un\s+delito|d[oó]nde\s+roban)\b", re.I)
_CALLES_PELIGROSAS = re.compile(r"qu[eé]\s+(calles?|casas?|cuadras?)\s+(roban|asaltan|hay\s+m[aá]s|son\s+(m[aá]s\s+)?peligros)|"
                                r"(calles?|cuadras?|casas?)\s+(m[aá]s\s+)?(peligros|insegur)", re.I)
_VIOLENCIA_FAMILIAR = re.compile(r"violencia\s+(contra\s+la\s+mujer|familiar|de\s+(su\s+)?pareja|en\s+(la\s+)?casa)", re.I)
_MAPA = re.compile(r"\bmapas?\b|papelógrafo", re.I)


def _bloques(texto: str) -> list[str]:
    """Párrafos, elementos de lista y filas de tabla: la unidad de una actividad."""
    bloques, actual = [], []
    for linea in texto.splitlines():
        nueva = not linea.strip() or re.match(r"\s*([-*+]|\d+[.)])\s", linea) or linea.lstrip().startswith("|")
        if nueva and actual:
            bloques.append(" ".join(actual))
            actual = []
        if linea.strip():
            actual.append(linea.strip())
    if actual:
        bloques.append(" ".join(actual))
    return bloques


def _frases(bloque: str) -> list[str]:
    return [f for f in re.split(r"(?<=[.;!?»])\s+|\s\|\s?|\|", bloque) if f.strip()]


def _sin_negar(frase: str, patron: re.Pattern) -> bool:
    """El patrón está en la frase y nada antes de él lo niega."""
    for encontrado in patron.finditer(frase):
        if not _NIEGA.search(frase[:encontrado.start()]):
            return True
    return False


def problemas(texto: str) -> list[str]:
    """Lo que una actividad no puede pedir, con el trozo de texto que lo pide."""
    hallados = []
    for bloque in _bloques(texto):
        frases = _frases(bloque)
        anonimo = bool(_ANONIMO.search(bloque))
        if not anonimo and _VICTIMA.search(bloque) and any(_sin_negar(f, _MANOS) for f in frases):
            hallados.append(f"pide contar en público quién fue víctima: {bloque[:160]}")
        if not anonimo and any(_sin_negar(f, _PREGUNTA_AL_GRUPO) for f in frases):
            hallados.append(f"pregunta al grupo quién fue víctima: {bloque[:160]}")
        for frase in frases:
            verbo = _MARCAR.search(frase)
            if verbo and _CASA_CALLE.search(frase, verbo.end()) and not _NIEGA.search(frase):
                hallados.append(f"marca casas, calles o dónde hubo delitos: {frase[:160]}")
            if _sin_negar(frase, _CALLES_PELIGROSAS):
                hallados.append(f"nombra calles o casas como peligrosas: {frase[:160]}")
            if _VIOLENCIA_FAMILIAR.search(frase) and _MAPA.search(frase) and not _NIEGA.search(frase):
                hallados.append(f"pone la violencia contra la mujer y la familia en un mapa: {frase[:160]}")
    return hallados


# --- qué archivos -------------------------------------------------------------------------------

def _texto_de_cuaderno(ruta: Path) -> str:
    celdas = json.loads(ruta.read_text(encoding="utf-8"))["cells"]
    return "\n\n".join("".join(c["source"]) if isinstance(c["source"], list) else c["source"]
                       for c in celdas if c["cell_type"] == "markdown")


def _texto_de_banco(ruta: Path) -> str:
    import tomllib

    datos = tomllib.loads(ruta.read_text(encoding="utf-8"))
    partes = [datos.get("introduccion", ""), (datos.get("preparacion") or {}).get("texto", "")]
    for p in datos.get("preguntas", []):
        partes += [p.get("enunciado", ""), p.get("explicacion", ""), *p.get("opciones", []),
                   p["respuesta"] if isinstance(p.get("respuesta"), str) else "",
                   *[e.get("pista", "") for e in p.get("errores", [])]]
    return "\n\n".join(partes)


def _archivos() -> list[Path]:
    return sorted([*(rutas.LIBRO / "facilitadores").glob("*.md"),
                   *rutas.CUADERNOS.glob("[0-9][0-9]_*.ipynb"), rutas.CUADERNOS / "_plantilla.ipynb",
                   *(rutas.CURSO / "source").glob("*/preguntas.toml"), rutas.CURSO / "_plantilla" / "preguntas.toml"])


def _texto(ruta: Path) -> str:
    if ruta.suffix == ".ipynb":
        return _texto_de_cuaderno(ruta)
    if ruta.suffix == ".toml":
        return _texto_de_banco(ruta)
    return ruta.read_text(encoding="utf-8")


@pytest.mark.parametrize("ruta", _archivos(), ids=lambda r: str(r.relative_to(rutas.RAIZ)))
def test_ninguna_actividad_expone_a_victimas_ni_marca_casas_o_calles(ruta):
    encontrados = problemas(_texto(ruta))
    assert not encontrados, f"{ruta.relative_to(rutas.RAIZ)}:\n" + "\n".join(encontrados)


def test_revisa_las_paginas_de_todos_los_modulos():
    archivos = {r.name for r in _archivos()}
    assert "_plantilla.md" in archivos and "_plantilla.ipynb" in archivos
    for m in MODULOS:
        if (rutas.LIBRO / "facilitadores" / f"{m.id}.md").is_file():
            assert f"{m.id}.md" in archivos
        if (rutas.CUADERNOS / m.cuaderno).is_file():
            assert m.cuaderno in archivos


@pytest.mark.parametrize("m", MODULOS, ids=lambda m: m.id)
def test_cada_pagina_para_facilitadores_dice_como_cuidar_a_las_personas(m):
    ruta = rutas.LIBRO / "facilitadores" / f"{m.id}.md"
    if not ruta.is_file():
        pytest.skip(f"{m.id} todavía no tiene página para facilitadores")
    texto = ruta.read_text(encoding="utf-8")
    assert "## Cuidar a las personas" in texto, (
        f"book/facilitadores/{m.id}.md: copia la sección «Cuidar a las personas» de book/facilitadores/_plantilla.md")


def test_la_plantilla_escribe_las_tres_reglas():
    texto = (rutas.LIBRO / "facilitadores" / "_plantilla.md").read_text(encoding="utf-8")
    seccion = texto.split("## Cuidar a las personas")[1].split("\n## ")[0]
    for regla in ("Nadie cuenta en público si fue víctima", "Nadie marca casas ni calles",
                  "violencia contra la mujer y la familia nunca va en un mapa"):
        assert regla in seccion


def test_la_plantilla_no_se_publica_en_el_libro():
    config = (rutas.LIBRO / "_config.yml").read_text(encoding="utf-8")
    assert '"facilitadores/_*"' in config


# --- la revisión encuentra lo que debe (textos malos de verdad: los de antes del issue 18) -------

MALOS = [
    "| 0–10 min | **Dos manos.** «Levanten la mano quienes sienten miedo de caminar solos de noche por su "
    "barrio.» Se cuentan. «Ahora, quienes fueron víctimas de un delito en los últimos 12 meses.» Se cuentan. | "
    "Anota los dos números. |",
    "| 45–60 min | **Mapa del miedo** en papelógrafo: cada grupo dibuja su barrio y pega papelitos amarillos "
    "donde da miedo y celestes donde saben que hubo delitos. | Muestra que no siempre coinciden. |",
    "«¿En qué calles roban más celulares? Usaría el cuaderno de la junta vecinal.»",
    "Pide que alcen la mano quienes sufrieron un robo este año.",
    "¿Quiénes de ustedes han sido víctimas de un robo? Que lo cuenten.",
    "Cada grupo marca en el plano las casas donde vive alguien que fue asaltado.",
    "Dibujen un mapa del barrio con los casos de violencia familiar que conocen.",
    "Escriban en la pizarra las calles más peligrosas del distrito.",
]
BUENOS = [
    "Nadie levanta la mano ni dice su respuesta en voz alta. Cuenta los «sí» de cada bolsa.",
    "Cada persona escribe «sí» o «no» en dos papelitos sin nombre: «¿Fuiste víctima de algún delito?».",
    "«¿Quién conoce a alguien a quien le robaron y no denunció? ¿Por qué no lo hizo?»",
    "Pega papelitos celestes donde se siente seguro. Sin casas, sin nombres de calles y sin marcar dónde pasó un delito.",
    "Los colores son por distrito entero; no dicen qué calle o qué barrio es más seguro.",
    "La violencia contra la mujer y la familia nunca va en un mapa de lugares reales.",
    "En este ejemplo inventado, la policía ve muchos casos de violencia en casa, porque se denuncian.",
]


@pytest.mark.parametrize("texto", MALOS)
def test_la_revision_encuentra_actividades_que_exponen(texto):
    assert problemas(texto), texto


@pytest.mark.parametrize("texto", BUENOS)
def test_la_revision_deja_pasar_lo_que_cuida(texto):
    assert problemas(texto) == [], problemas(texto)
