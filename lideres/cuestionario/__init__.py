"""La autoevaluación de cada módulo en el libro: HTML fijo con las mismas preguntas del ejercicio.

Se genera al construir el libro a partir del banco público del módulo (`Banco.publico()`): la página
lleva huellas con sal y pistas por huella, nunca las respuestas. El JavaScript (estatico/) normaliza
la respuesta del lector con las mismas reglas que `lideres.banco.revisar` y compara huellas; no hay
kernel, nada se califica y nada sale del navegador (las respuestas que se revisan quedan en el propio navegador,
`localStorage`, para no perderlas al recargar).

Por qué JavaScript propio y no una extensión: jupyterquiz deja las respuestas legibles en la página
(`data-answers`), sus textos están en inglés y la 2.9 pide MathJax a un CDN; sphinx-exercise escribe la
solución en la página (solo la esconde con un botón). Ninguna guarda huellas en lugar de respuestas ni
lee «250,0» o «Linse». Son ~400 líneas nuestras, probadas contra Python en Chromium.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from lideres.banco import claves

_AQUI = Path(__file__).parent
_ESTATICO = _AQUI / "estatico"
# Orden de carga: sha256 -> claves (usa lideresSha256) -> cuestionario (usa LideresBanco).
ARCHIVOS_JS = ("sha256.js", "claves.js", "cuestionario.js")
ARCHIVO_CSS = "cuestionario.css"

TITULO = "Autoevaluación"
# Una lista de distritos más larga que esto se ordena alfabéticamente (la corta sigue el orden del banco).
LISTA_CORTA = 12
ANCLA = "autoevaluacion"

# Lo que dice la página. Los mensajes de revisión (¡Bien!, formato…) son los de lideres.banco.revision:
# se copian de allí en textos(), para que el libro y el cuaderno digan lo mismo.
TEXTOS_PAGINA = {
    "INTRO": (
        "Responde para comprobar lo que aprendiste. Nada se califica y nada sale de tu teléfono o "
        "computadora: cada respuesta se revisa aquí mismo. Si te equivocas, lee la pista y vuelve "
        "a intentarlo."
    ),
    "SIN_JAVASCRIPT": (
        "Para revisar tus respuestas aquí, el navegador debe tener JavaScript activado."
    ),
    "REVISAR": "Revisar",
    "ETIQUETA_NUMERO": "Tu respuesta (un número):",
    "ETIQUETA_DISTRITO": "Tu respuesta (elige un distrito):",
    "ETIQUETA_DISTRITO_TEXTO": "Tu respuesta (nombre del distrito):",
    "ELIGE_DISTRITO": "— Elige un distrito —",
    "AYUDA_ORDEN": "Ordena la lista con los botones ↑ (subir) y ↓ (bajar); luego toca «Revisar».",
    "SUBIR": "Subir",
    "BAJAR": "Bajar",
    "MOVIDO": "«{elemento}» quedó en el puesto {puesto}.",
    "ETIQUETA_ESCRITA": "Tu respuesta (escríbela para ti; no se guarda):",
    # En el libro se acepta la coma decimal: la pista no pide punto (el cuaderno sí, es Python).
    "FORMATO_NUMERO": "Escribe solo un número, por ejemplo 123,4.",
    "NOTA_ESCRITA": (
        "Esta pregunta no se revisa sola. En el taller la revisa tu facilitador o facilitadora."
    ),
    "VER_IDEAS": "Ver en qué fijarte",
    "RESUMEN": "Llevas {bien} de {total} preguntas bien.",
    # Junto a «Pregunta 5 de 5», «4 de 4» confunde si no se dice por qué falta una.
    "RESUMEN_ESCRITAS": "La pregunta escrita no se cuenta: no se revisa sola.",
    # Las respuestas que se revisan quedan en este navegador (localStorage) y vuelven al recargar.
    # Las escritas no: pueden ser personales y el teléfono o la computadora puede ser prestado.
    "MARCA_BIEN": "✔",
    "MARCA_MAL": "✘",
    # En el libro nadie escribe Python: «250,0» se acepta sin la nota del punto decimal.
    "COMA_DECIMAL": "",
}


def textos() -> dict:
    """Los textos de la página y los mensajes de revisión de lideres.banco (una sola fuente)."""
    from lideres.banco import revision

    return {
        **TEXTOS_PAGINA,
        "BIEN": revision.BIEN,
        "VACIO": revision.VACIO,
        "A_MANO": revision.A_MANO,
        "NO_SE_PUDO": revision.NO_SE_PUDO,
        "FORMATO": {**revision.FORMATO, "numero": TEXTOS_PAGINA["FORMATO_NUMERO"]},
        "DISTRITO_DESCONOCIDO": revision.DISTRITO_DESCONOCIDO,
        "ORDEN_INCOMPLETO": revision.ORDEN_INCOMPLETO,
        "SIN_EXPLICACION": getattr(revision, "SIN_EXPLICACION",
                                   "Revisa la lección y vuelve a intentarlo."),
    }


def codigo_js() -> str:
    """El JavaScript de la página, en orden de carga (también lo usa la prueba de paridad)."""
    return "\n".join((_ESTATICO / nombre).read_text(encoding="utf-8") for nombre in ARCHIVOS_JS)


@cache
def _entorno() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(_AQUI / "plantillas"), autoescape=True,
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
    )


@cache
def _markdown():
    from markdown_it import MarkdownIt

    # Sin HTML crudo: un enunciado es texto con formato, nunca código que corra en la página.
    return MarkdownIt("commonmark", {"html": False})


def _md(texto: str) -> Markup:
    return Markup(_markdown().render(str(texto or "")))


def _md_linea(texto: str) -> Markup:
    return Markup(_markdown().renderInline(str(texto or "")))


def html(publico: dict) -> str:
    """El HTML de la autoevaluación (un fragmento para incluir en el capítulo). `publico`: `Banco.publico()`."""
    t = textos()
    preguntas = []
    for p in publico["preguntas"]:
        opciones = list(p.get("opciones") or [])
        if p["tipo"] == "distrito" and len(opciones) > LISTA_CORTA:
            # Todos los distritos del curso vienen por ubigeo: en orden alfabético se encuentran.
            opciones.sort(key=lambda nombre: claves.clave_texto(nombre) or "")
        preguntas.append({
            "id": p["id"],
            "tipo": p["tipo"],
            "titulo": p.get("titulo") or "",
            "enunciado": _md(p.get("enunciado", "")),
            # Las alternativas de opción llevan formato; los distritos y elementos de orden, no.
            "opciones": [_md_linea(o) for o in opciones] if p["tipo"] == "opcion" else opciones,
            "explicacion": _md(p["explicacion"]) if p.get("explicacion") else "",
        })
    datos = {
        "ejercicio": publico["ejercicio"],
        "textos": t,
        # Solo lo que el JavaScript necesita para revisar: huellas, pistas y tolerancias.
        "preguntas": [
            {clave: p[clave] for clave in ("id", "tipo", "sal", "huellas", "errores", "tolerancia",
                                           "tolerancias", "opciones", "explicacion") if clave in p}
            for p in publico["preguntas"] if p["tipo"] != "escrita"
        ],
    }
    estilo = (_ESTATICO / ARCHIVO_CSS).read_text(encoding="utf-8")
    return _entorno().get_template("cuestionario.html.j2").render(
        ejercicio=publico["ejercicio"], textos=t, preguntas=preguntas,
        datos=datos, estilo=Markup(estilo), codigo=Markup(codigo_js()),
    )


def nombre_archivo(ejercicio: str) -> str:
    return f"cuestionario_{ejercicio}.html"


def codigo_para_el_libro(codigo: str) -> str:
    """El código de la preparación tal como corre en el capítulo. Si termina mostrando una tabla (una
    línea que es solo un nombre), en el libro se muestra legible: sin números de fila, encabezados con
    tilde y cifras es-PE (lideres.graficos.tabla_de_practica). El cuaderno del ejercicio no cambia."""
    lineas = codigo.strip().splitlines()
    if lineas and lineas[-1].strip().isidentifier():
        nombre = lineas[-1].strip()
        lineas[-1] = f"from lideres.graficos import tabla_de_practica\ntabla_de_practica({nombre})"
    return "\n".join(lineas)


def celdas_del_capitulo(ejercicio: str, generado: Path, curso: Path | None = None) -> list[dict]:
    """Escribe la autoevaluación en `generado` y devuelve las celdas que cierran el capítulo.

    [] si el módulo todavía no tiene banco de preguntas (exercises/source/<id>/preguntas.toml).
    Las celdas: el título y la preparación (su código corre al construir el libro y solo se ve la
    tabla que muestra), y el HTML incluido con la directiva `raw` de Sphinx.
    """
    from lideres import banco as modulo_banco

    if not modulo_banco.carga.ruta_del_banco(ejercicio, curso).is_file():
        return []
    publico = modulo_banco.cargar(ejercicio, curso).publico()
    archivo = Path(generado) / nombre_archivo(ejercicio)
    texto = html(publico)
    # Solo si cambió: la misma fecha deja al capítulo en la caché del libro (ver libro.preparar).
    if not archivo.is_file() or archivo.read_text(encoding="utf-8") != texto:
        archivo.write_text(texto, encoding="utf-8")
    preparacion = publico.get("preparacion") or {}
    partes = [f"({ANCLA}-{ejercicio})=", f"## {TITULO}", ""]
    if preparacion.get("texto"):
        partes += [preparacion["texto"].strip(), ""]
    celdas = [{"cell_type": "markdown", "metadata": {}, "source": "\n".join(partes)}]
    if preparacion.get("codigo"):
        celdas.append({
            "cell_type": "code", "metadata": {"tags": ["remove-input"]}, "execution_count": None,
            "outputs": [], "source": codigo_para_el_libro(preparacion["codigo"]),
        })
    # La ruta de :file: es relativa al capítulo (book/modulos/): la carpeta hermana _generado/.
    celdas.append({
        "cell_type": "markdown", "metadata": {},
        "source": f"```{{raw}} html\n:file: ../{Path(generado).name}/{archivo.name}\n```",
    })
    return celdas
