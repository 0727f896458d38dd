"""Retroalimentación en HTML, en español, con nuestra propia plantilla (sin CDN, lang="es").

El texto y las salidas del participante siempre se escapan: su HTML nunca se interpreta.
Solo el texto del ejercicio (celdas bloqueadas, restauradas por nbgrader) se convierte de Markdown.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jinja2

from lideres.curso import ids
from lideres.curso.carpeta import Curso
from lideres.curso.puntos import palabra_puntos, puntos, puntos_de  # noqa: F401 (también para quien los importe de aquí)
from lideres.formato import fecha

_PLANTILLAS = Path(__file__).parent / "plantillas"
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
MAX_TEXTO = 5_000
# Qué decir, en palabras simples, cuando una celda falla sin una «Pista» propia.
EXPLICACIONES = {
    "AssertionError": "La respuesta no es la esperada.",
    "NameError": ("Falta algo que venía de otra celda (tu respuesta o la preparación): esa celda no "
                  "se corrió o tuvo un error."),
    "TiempoAgotado": "La celda tardó demasiado y se cortó (¿un bucle que no termina?).",
    "CellTimeoutError": "La celda tardó demasiado y se cortó (¿un bucle que no termina?).",
    "SystemExit": "La celda intentó cerrar Python (sys.exit).",
    "SyntaxError": "Hay un error de escritura en el código (revisa comillas y paréntesis).",
    "KeyboardInterrupt": "La celda tardó demasiado y se cortó.",
}


def _entorno() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(_PLANTILLAS), autoescape=True)


def _markdown(texto: str) -> str:
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    html = markdown2html_mistune(texto)
    html = re.sub(r'<a class="anchor-link"[^>]*>.*?</a>', "", html)
    return re.sub(r'(?i)\s(src|href)="https?://[^"]*"', "", html)  # nada que pida internet


def _texto(valor) -> str:
    texto = "".join(valor) if isinstance(valor, list) else str(valor or "")
    texto = _ANSI.sub("", texto)
    return texto if len(texto) <= MAX_TEXTO else texto[:MAX_TEXTO] + "\n[… recortado …]"


def _salidas(celda: dict) -> tuple[list[dict], str | None]:
    salidas, pista = [], None
    for salida in celda.get("outputs") or []:
        tipo = salida.get("output_type")
        if tipo == "stream":
            salidas.append({"clase": "salida error" if salida.get("name") == "stderr" else "salida",
                            "texto": _texto(salida.get("text"))})
        elif tipo == "error":
            nombre, valor = salida.get("ename", ""), _texto(salida.get("evalue", ""))
            if nombre == "AssertionError" and valor.strip().startswith("Pista"):
                pista = valor.strip()
            else:
                pista = EXPLICACIONES.get(nombre, f"La celda tuvo un error ({nombre}).")
            detalle = _texto("\n".join(salida.get("traceback") or []))
            salidas.append({"clase": "error", "texto": detalle or f"{nombre}: {valor}", "plegada": True})
        elif tipo in ("execute_result", "display_data"):
            datos = salida.get("data") or {}
            if "image/png" in datos:
                salidas.append({"imagen": re.sub(r"[^A-Za-z0-9+/=]", "", _texto(datos["image/png"]))})
            elif "text/plain" in datos:  # nunca text/html de la entrega
                salidas.append({"clase": "salida", "texto": _texto(datos["text/plain"])})
    return salidas, pista


def construir_html(cuaderno: dict, notas_libro: dict, *, nombre: str, ejercicio: str,
                   notas: list[str] | None = None, cuando: dt.date | None = None) -> str:
    """`notas_libro`: {grade_id: {"puntaje", "maximo", "auto", "manual", "revisar"}} del libro de notas."""
    celdas, titulo, manuales = [], ejercicio, set()
    for celda in cuaderno.get("cells", []):
        meta = (celda.get("metadata") or {}).get("nbgrader") or {}
        gid = meta.get("grade_id")
        fuente = _texto(celda.get("source"))
        vista: dict = {"clase": "", "salidas": []}
        es_prueba = meta.get("grade") and not meta.get("solution")
        es_respuesta = meta.get("solution")
        if es_respuesta and meta.get("grade"):
            manuales.add(gid)
        if celda.get("cell_type") == "markdown":
            if es_respuesta:
                vista["clase"], vista["texto"] = "respuesta manual", fuente
                vista["etiqueta"] = "Tu respuesta escrita"
            else:
                vista["html"] = _markdown(fuente)
                if titulo == ejercicio and fuente.startswith("# "):
                    titulo = fuente.splitlines()[0][2:].strip()
        else:
            vista["codigo"] = fuente
            vista["salidas"], vista["pista"] = _salidas(celda)
            if es_respuesta:
                vista["clase"], vista["etiqueta"] = "respuesta", "Tu respuesta"
            elif es_prueba:
                vista["clase"], vista["plegar_codigo"] = "prueba", True
                vista["etiqueta"] = "Prueba oculta" if "oculta" in (gid or "") else "Prueba"
        if meta.get("grade") and gid in notas_libro:
            nota = notas_libro[gid]
            if nota["revisar"] and nota["manual"] is None:
                vista["insignia"] = f"Pendiente de revisión ({puntos(nota['maximo'])} {palabra_puntos(nota['maximo'])})"
                vista["insignia_clase"] = "espera"
            else:
                completo = (nota["puntaje"] or 0) >= (nota["maximo"] or 0)
                vista["insignia"] = puntos_de(nota["puntaje"], nota["maximo"])
                vista["insignia_clase"] = "bien" if completo else "mal"
                vista["clase"] += " bien" if completo else " mal"
        if not (celda.get("cell_type") == "code" and not fuente.strip()):
            celdas.append(vista)

    automaticas = [n for g, n in notas_libro.items() if g not in manuales]
    manuales = [n for g, n in notas_libro.items() if g in manuales]
    auto = sum(n["puntaje"] or 0 for n in automaticas)
    maximo_auto = sum(n["maximo"] or 0 for n in automaticas)
    pendientes = [n for n in manuales if n["revisar"] and n["manual"] is None]
    total = sum(n["puntaje"] or 0 for n in notas_libro.values())
    maximo = sum(n["maximo"] or 0 for n in notas_libro.values())
    manual_texto = None
    if manuales:
        if pendientes:
            por_revisar = sum(n["maximo"] or 0 for n in pendientes)
            manual_texto = (f"pendiente: {puntos(por_revisar)} {palabra_puntos(por_revisar)} "
                            f"{'lo' if por_revisar == 1 else 'los'} revisa tu facilitador o facilitadora")
        else:
            manual_texto = puntos_de(sum(n["puntaje"] or 0 for n in manuales),
                                     sum(n["maximo"] or 0 for n in manuales))
    puntaje_texto = puntos_de(total, maximo)
    if pendientes:
        puntaje_texto += " (por ahora; falta la revisión a mano)"
    return _entorno().get_template("retroalimentacion.html.j2").render(
        titulo=titulo, nombre=nombre, ejercicio=ejercicio, fecha=fecha(cuando or dt.date.today()),
        puntaje_texto=puntaje_texto, automatico_texto=f"{puntos(auto)} de {puntos(maximo_auto)}",
        manual_texto=manual_texto, celdas=celdas, notas=notas or [],
    )


def notas_de_libro(gb, ejercicio: str, codigo: str, cuaderno: str) -> dict:
    entrega = gb.find_submission_notebook(cuaderno, ejercicio, codigo)
    return {
        g.name: {"puntaje": g.score, "maximo": g.max_score, "auto": g.auto_score, "manual": g.manual_score,
                 "revisar": bool(g.needs_manual_grade)}
        for g in entrega.grades
    }


def _fecha_de_calificacion(info: dict, archivo: Path) -> dt.date:
    """El día en que se calificó (guardado al calificar), en la hora de esta computadora.
    Si no quedó anotado, la fecha del cuaderno calificado."""
    try:
        return dt.datetime.fromisoformat(info["fecha"]).astimezone().date()
    except (KeyError, TypeError, ValueError):
        return dt.datetime.fromtimestamp(archivo.stat().st_mtime).date()


def escribir_todas(curso: Path, ejercicio: str, calificados: dict, lista: dict) -> list[Path]:
    """feedback/<código>/<ejercicio>/<cuaderno>.html de cada entrega calificada.

    `calificados`: {código: {"estado", "notas", "fecha"}}, como lo guarda la calificación
    (reportes/calificacion.json); se saltan las que no tienen estado «calificado»."""
    escritos = []
    with Curso.de(curso).libro() as gb:
        for codigo, info in calificados.items():
            if info.get("estado", "calificado") != "calificado":
                continue
            carpeta = Curso.de(curso).retroalimentacion(codigo, ejercicio)
            carpeta.mkdir(parents=True, exist_ok=True)
            for archivo in sorted(Curso.de(curso).calificada(codigo, ejercicio).glob("*.ipynb")):
                cuaderno = json.loads(archivo.read_text(encoding="utf-8"))
                html = construir_html(cuaderno, notas_de_libro(gb, ejercicio, codigo, archivo.stem),
                                      nombre=ids.nombre_de(lista, codigo), ejercicio=ejercicio,
                                      notas=info.get("notas") or [],
                                      cuando=_fecha_de_calificacion(info, archivo))
                destino = carpeta / f"{archivo.stem}.html"
                destino.write_text(html, encoding="utf-8")
                escritos.append(destino)
    return escritos


def actualizar(curso: Path, estado: dict) -> list[Path]:
    """Vuelve a escribir la retroalimentación de todo lo calificado, con las notas manuales del libro.

    No ejecuta nada: lee autograded/ y el libro de notas. Sirve después de calificar a mano en el formgrader.
    `estado` es el de la calificación (`motor.leer_estado`): de ahí salen las notas y la fecha.
    """
    curso = Path(curso)
    carpeta = Curso.de(curso).autograded
    if not carpeta.is_dir():
        return []
    escritos = []
    lista = ids.leer_lista(curso)
    for ejercicio in sorted({p.name for p in carpeta.glob("*/*") if p.is_dir()}):
        info = estado.get(ejercicio) or {}
        calificados = {p.parent.name: info.get(p.parent.name) or {} for p in sorted(carpeta.glob(f"*/{ejercicio}"))}
        escritos += escribir_todas(curso, ejercicio, calificados, lista)
    return escritos
