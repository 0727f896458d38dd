"""El cuaderno de nbgrader que sale del banco, y el cuaderno de una entrega hecha en el celular.

Lado del facilitador y del servidor del taller (usa nbformat); no se importa en los cuadernos.

Cada pregunta automática da cuatro celdas: el enunciado (con sus puntos en el título), la
respuesta de una línea (`respuesta = ...`, celda de solución), la prueba calificada (con los
puntos, un docstring que dice qué se revisa y la comparación con la respuesta dentro de
`### BEGIN HIDDEN TESTS`, que nbgrader quita al liberar) y «Revisa tu respuesta» (visible, sin
puntos: imprime una pista en español y nunca lanza). La escrita es una celda de texto que se
califica a mano.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import nbformat

from lideres.banco.carga import Banco, Pregunta, cargar
from lideres.banco.revision import codificar
from lideres.errores import ErrorLideres

VARIABLE = "respuesta"  # la misma palabra en cada celda de respuesta (es el code_stub de nbgrader)
MAXIMO_ESCRITA = 2_000
MAXIMO_OTRAS = 200
COMO_RESPONDER = """\
**Cómo responder.** Primero corre la celda de **Preparación**. Luego, en cada pregunta, cambia los
tres puntos `...` por tu respuesta, en **una sola línea**, y corre esa celda y las dos que siguen
(botón ▶ o `Mayús + Enter`). La última, **Revisa tu respuesta**, te dice «¡Bien!» o te da una
**pista**: corrige y vuelve a correrlas, las veces que quieras; la revisión no cuenta para la nota.

Las celdas con candado no se cambian: al calificar se vuelven a poner como estaban."""
CIERRE = """\
## ¿Terminaste?

Guarda el cuaderno (💾 o `Ctrl + S`) y entrégalo a tu facilitador o facilitadora como te indicó
(USB, correo o WhatsApp). No le cambies el nombre al archivo."""
COMO_ESCRIBIR = {
    "numero": "Escribe el número con punto decimal (o la cuenta que lo da), por ejemplo `respuesta = 123.4`.",
    "opcion": "Escribe solo la letra entre comillas, por ejemplo `respuesta = \"{ejemplo}\"`.",
    "distrito": "Escribe el nombre del distrito entre comillas, por ejemplo `respuesta = \"{ejemplo}\"`.",
    "orden": "Escribe la lista entre corchetes, cada nombre entre comillas, del primero al último:\n"
             "`respuesta = {ejemplo}`.",
}
QUE_SE_REVISA = {
    "numero": "que el número sea el correcto (se acepta una diferencia de hasta {tolerancia})",
    "opcion": "que la alternativa elegida sea la correcta",
    "distrito": "que el distrito sea el correcto (sin mirar tildes, mayúsculas ni una letra cambiada)",
    "orden": "que la lista esté en el orden correcto",
}


def puntos_texto(puntos: float) -> str:
    """2 -> '2 puntos'; 1 -> '1 punto'; 1.5 -> '1.5 puntos'."""
    numero = f"{puntos:g}"
    return f"{numero} punto" if puntos == 1 else f"{numero} puntos"


def literal(valor) -> str:
    """Un literal de Python para una respuesta (comillas dobles como en los ejemplos)."""
    if isinstance(valor, bool) or valor is None:
        return repr(valor)
    if isinstance(valor, str):
        return json.dumps(valor, ensure_ascii=False)
    if isinstance(valor, int | float):
        return repr(valor)
    if isinstance(valor, list | tuple):
        return "[" + ", ".join(literal(v) for v in valor) + "]"
    raise ValueError(f"sin literal para {valor!r}")


def _meta(gid: str, *, grade=False, solution=False, locked=True, points=None) -> dict:
    meta = {"grade": grade, "grade_id": gid, "locked": locked, "schema_version": 3,
            "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def _md(gid: str, texto: str, **kw):
    return nbformat.v4.new_markdown_cell(texto.strip(), id=gid, metadata=_meta(gid, **kw))


def _code(gid: str, texto: str, **kw):
    return nbformat.v4.new_code_cell(texto.strip(), id=gid, metadata=_meta(gid, **kw))


def _numero_de(ejercicio: str) -> int:
    return int(ejercicio.split("_", 1)[0])


def _ejemplo(p: Pregunta) -> str:
    """Un ejemplo de cómo escribir la respuesta que no sea la respuesta."""
    if p.tipo == "opcion":
        return "a" if str(p.respuesta).strip().lower() != "a" else "b"
    if p.tipo == "distrito":
        buenas = p.respuesta if isinstance(p.respuesta, list) else [p.respuesta]
        return next(o for o in p.opciones if o not in buenas)
    if p.tipo == "orden":
        return literal(list(p.opciones))
    return ""


def _enunciado(numero: int, p: Pregunta) -> str:
    titulo = f"## Pregunta {numero}. {p.titulo} ({puntos_texto(p.puntos)})" if p.titulo else \
        f"## Pregunta {numero} ({puntos_texto(p.puntos)})"
    partes = [titulo, p.enunciado]
    if p.tipo == "opcion":
        partes.append("\n".join(f"- **{chr(ord('a') + i)})** {o}" for i, o in enumerate(p.opciones)))
    elif p.tipo == "orden":
        partes.append("Los elementos: " + ", ".join(p.opciones) + ".")
    if p.tipo in COMO_ESCRIBIR:
        partes.append(COMO_ESCRIBIR[p.tipo].format(ejemplo=_ejemplo(p)))
    return "\n\n".join(partes)


def _prueba(numero: int, p: Pregunta) -> str:
    que = QUE_SE_REVISA[p.tipo].format(tolerancia=f"{p.tolerancia:g}")
    esperada = p.respuesta  # varias respuestas aceptadas: la lista entera
    return "\n".join([
        f'"""Pregunta {numero}, {puntos_texto(p.puntos)}: se revisa {que}."""',
        'print("Esta celda se califica al entregar.")',
        "### BEGIN HIDDEN TESTS",
        f'assert revisar.es("{p.id}", {VARIABLE}, {literal(esperada)}), revisar.pista("{p.id}", {VARIABLE})',
        "### END HIDDEN TESTS",
    ])


def _codigo_de_preparacion(banco: Banco) -> str:
    """Las importaciones arriba (las del banco primero, luego lideres), el revisor y los datos."""
    lineas = ((banco.preparacion or {}).get("codigo") or "").splitlines()
    otras, propias = [], {"import lideres.banco"}
    while lineas and (lineas[0].startswith(("import ", "from ")) or not lineas[0].strip()):
        linea = lineas.pop(0)
        if linea.startswith(("import lideres", "from lideres")):
            propias.add(linea)
        elif linea.strip():
            otras.append(linea)
    codigo = otras + ([""] if otras else []) + sorted(propias) + [
        "", "# Revisa tus respuestas con pistas (no contiene las respuestas, solo sus huellas).",
        f'revisar = lideres.banco.revisor("{codificar(banco.publico())}")']
    if lineas:
        codigo += [""] + lineas
    return "\n".join(codigo)


def generar_cuaderno(banco: Banco | str | Path, curso=None) -> nbformat.NotebookNode:
    """El cuaderno fuente de nbgrader (con soluciones y pruebas ocultas) a partir del banco."""
    if not isinstance(banco, Banco):
        banco = cargar(banco, curso)
    total = puntos_texto(banco.puntos)
    auto, manual = banco.puntos_automaticos, banco.puntos_manuales
    reparto = f" ({puntos_texto(auto).split()[0]} se califican solos y {manual:g} los revisa tu facilitador " \
              "o facilitadora)" if manual else ""
    celdas = [_md("instrucciones", f"# Ejercicio {_numero_de(banco.ejercicio)}: {banco.titulo}\n\n"
                                   f"**Puntaje total: {total}**{reparto}.\n\n{banco.introduccion}\n\n{COMO_RESPONDER}")]
    preparacion = banco.preparacion or {}
    texto = "## Preparación\n\nCorre esta celda primero. Trae la herramienta del curso (`lideres`) y " \
            "`revisar`, que te da pistas sin mostrar las respuestas."
    if preparacion.get("texto"):
        texto += "\n\n" + preparacion["texto"]
    celdas.append(_md("preparacion-texto", texto))
    celdas.append(_code("preparacion", _codigo_de_preparacion(banco)))
    for numero, p in enumerate(banco.preguntas, 1):
        celdas.append(_md(f"{p.id}-enunciado", _enunciado(numero, p)))
        if p.manual:
            celdas.append(_md(p.id, p.respuesta, grade=True, solution=True, locked=False, points=p.puntos))
            continue
        esperada = p.respuesta[0] if isinstance(p.respuesta, list) and p.tipo != "orden" else p.respuesta
        celdas.append(_code(p.id, f"### BEGIN SOLUTION\n{VARIABLE} = {literal(esperada)}\n### END SOLUTION",
                            solution=True, locked=False))
        # La prueba calificada va justo después de la respuesta: si alguien la borra, nbgrader la
        # vuelve a poner después de la celda de solución o calificada anterior (y falla si no hay).
        celdas.append(_code(f"{p.id}-prueba", _prueba(numero, p), grade=True, points=p.puntos))
        celdas.append(_code(f"{p.id}-revisar", f'# Revisa tu respuesta (no cuenta para la nota):\n'
                                               f'revisar("{p.id}", {VARIABLE})'))
    celdas.append(_md("cierre", CIERRE))
    cuaderno = nbformat.v4.new_notebook(cells=celdas, metadata={
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"}})
    cuaderno.nbformat_minor = 5
    return cuaderno


def texto_del_cuaderno(cuaderno) -> str:
    return nbformat.writes(cuaderno) + "\n"


def ruta_del_cuaderno(banco: Banco) -> Path:
    return banco.carpeta / f"{banco.ejercicio}.ipynb"


def escribir_cuaderno(ejercicio, curso=None) -> Path:
    """Genera y escribe exercises/source/<id>/<id>.ipynb. Devuelve su ruta."""
    banco = cargar(ejercicio, curso)
    ruta = ruta_del_cuaderno(banco)
    ruta.write_text(texto_del_cuaderno(generar_cuaderno(banco)), encoding="utf-8")
    return ruta


def cuaderno_al_dia(ejercicio, curso=None) -> bool:
    """True si el cuaderno guardado es exactamente el que sale del banco."""
    banco = cargar(ejercicio, curso)
    ruta = ruta_del_cuaderno(banco)
    return ruta.exists() and ruta.read_text(encoding="utf-8") == texto_del_cuaderno(generar_cuaderno(banco))


# --- la entrega del celular ---------------------------------------------------------------------

def _texto_seguro(valor, maximo: int) -> str:
    try:
        texto = valor if isinstance(valor, str) else str(valor)
        return str.__str__(texto)[:maximo]
    except Exception:  # un objeto que no se deja convertir: queda vacío
        return ""


def _valor_seguro(valor):
    """Lo que se escribe en la celda: siempre un literal (str, número o lista de str), acotado."""
    if valor is None or valor is Ellipsis:
        return Ellipsis
    if isinstance(valor, bool):
        return str(valor)
    if isinstance(valor, int) and abs(valor) < 10**15:
        return int(valor)
    if isinstance(valor, float) and math.isfinite(valor):
        return float(valor)
    if isinstance(valor, list | tuple):
        return [_texto_seguro(v, MAXIMO_OTRAS) for v in list(valor)[:50]]
    return _texto_seguro(valor, MAXIMO_OTRAS)


def _linea_de_respuesta(valor) -> str:
    if valor is Ellipsis:
        return f"{VARIABLE} = ..."
    return f"{VARIABLE} = {valor!r}"


def cuaderno_con_respuestas(carpeta_release, respuestas: dict, nombre: str | None = None):
    """El cuaderno liberado con estas respuestas ({id: valor}) en sus celdas de solución.

    Cada respuesta se escribe como un literal seguro (`repr` de str, número o lista de str), nunca
    como código; la escrita va como texto en su celda de texto. Tamaños acotados: 2 000 caracteres
    la escrita, 200 las demás. `nombre`: el cuaderno dentro de la carpeta (por defecto el único).
    """
    carpeta = Path(carpeta_release)
    if nombre is None:
        cuadernos = sorted(carpeta.glob("*.ipynb"))
        if len(cuadernos) != 1:
            raise ErrorLideres(f"Se esperaba un solo cuaderno en {carpeta} y hay {len(cuadernos)}.")
        ruta = cuadernos[0]
    else:
        ruta = carpeta / (nombre if nombre.endswith(".ipynb") else f"{nombre}.ipynb")
    cuaderno = nbformat.read(ruta, as_version=4)
    from nbgrader.utils import is_solution

    for celda in cuaderno.cells:
        gid = (celda.metadata.get("nbgrader") or {}).get("grade_id")
        if not is_solution(celda) or gid not in respuestas:
            continue
        valor = respuestas[gid]
        if celda.cell_type == "markdown":
            texto = "" if valor is None or valor is Ellipsis else _texto_seguro(valor, MAXIMO_ESCRITA)
            celda.source = _texto_plano(texto) or "✍️ Escribe aquí tu respuesta."
        else:
            celda.source = _linea_de_respuesta(_valor_seguro(valor))
    return cuaderno


def _texto_plano(texto: str) -> str:
    """Texto de la persona como texto: sin HTML ni Markdown activo (se escapan los signos)."""
    import html

    texto = html.escape(texto.replace("\r\n", "\n").replace("\r", "\n"), quote=False)
    especiales = "\\`*_[]#|~"
    lineas = []
    for linea in texto.split("\n"):
        lineas.append("".join("\\" + c if c in especiales else c for c in linea))
    return "\n\n".join(linea for linea in lineas if linea.strip())
