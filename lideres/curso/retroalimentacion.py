"""Retroalimentación en HTML, en español, con nuestra propia plantilla (sin CDN, lang="es").

El texto y las salidas del participante siempre se escapan: su HTML nunca se interpreta.
Solo el texto del ejercicio (celdas bloqueadas, restauradas por nbgrader) se convierte de Markdown.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import json
import re
from pathlib import Path

import jinja2

from lideres.curso import ids, recoger
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
    "SyntaxError": "Hay un error al escribir el código: revisa las comillas y los paréntesis.",
    "KeyboardInterrupt": "La celda tardó demasiado y se cortó.",
}


def _entorno() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(_PLANTILLAS), autoescape=True)


def _markdown(texto: str) -> str:
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    html = markdown2html_mistune(texto)
    html = re.sub(r'<a class="anchor-link"[^>]*>.*?</a>', "", html)
    return re.sub(r'(?i)\s(src|href)="https?://[^"]*"', "", html)  # nada que pida internet


# Emojis y símbolos que solo se ven con una fuente de emojis (en un celular sin ella, un cuadrito).
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0E\uFE0F\u200D\u20E3]")
_TITULO_PREGUNTA = re.compile(r"^#{1,6}\s+(.+?)\s*(\(\s*[\d.,]+\s+puntos?\s*\))?\s*$", re.MULTILINE)


def sin_emojis(texto: str) -> str:
    return _EMOJI.sub("", texto or "")


def _texto(valor) -> str:
    texto = "".join(valor) if isinstance(valor, list) else str(valor or "")
    texto = sin_emojis(_ANSI.sub("", texto))  # también lo escrito en la entrega: sin fuente de emojis, cuadritos
    return texto if len(texto) <= MAX_TEXTO else texto[:MAX_TEXTO] + "\n[… recortado …]"


def _lineas_cortas(codigo: str, maximo: int = 160) -> str:
    """Una línea de código larguísima (p. ej. el banco público en base64) se corta: en el celular no se lee."""
    return "\n".join(linea if len(linea) <= maximo else linea[:100] + "…" for linea in codigo.splitlines())


def _salidas(celda: dict) -> tuple[list[dict], str | None]:
    salidas, pista = [], None
    for salida in celda.get("outputs") or []:
        tipo = salida.get("output_type")
        if tipo == "stream":
            salidas.append({"clase": "salida error" if salida.get("name") == "stderr" else "salida",
                            "texto": _texto(salida.get("text"))})
        elif tipo == "error":
            nombre, valor = salida.get("ename", ""), _texto(salida.get("evalue", ""))
            if nombre == "AssertionError" and valor.strip():
                # Las pruebas del curso solo llevan pistas en español como mensaje («Pista: …», o el
                # mensaje de `revisar.pista` del banco), nunca la respuesta.
                pista = valor.strip()
            else:
                pista = EXPLICACIONES.get(nombre, f"La celda tuvo un error ({nombre}).")
            # El traceback no se muestra: es jerga en inglés y, en una prueba, puede tener la respuesta.
        elif tipo in ("execute_result", "display_data"):
            datos = salida.get("data") or {}
            if "image/png" in datos:
                salidas.append({"imagen": re.sub(r"[^A-Za-z0-9+/=]", "", _texto(datos["image/png"]))})
            elif "text/plain" in datos:  # nunca text/html de la entrega
                salidas.append({"clase": "salida", "texto": _texto(datos["text/plain"])})
    return salidas, pista


def _titulo_de(markdown: str) -> str | None:
    """'## Pregunta 1. Tasa por 100 mil habitantes (2 puntos)' -> 'Pregunta 1. Tasa por 100 mil habitantes'."""
    encontrado = _TITULO_PREGUNTA.search(markdown or "")
    return sin_emojis(encontrado.group(1)).strip() if encontrado else None


def _pregunta_del_banco(banco, gid: str | None):
    for pregunta in getattr(banco, "preguntas", None) or []:
        if getattr(pregunta, "id", None) == gid:
            return pregunta
    return None


def _titulo_del_banco(pregunta) -> str | None:
    """Título corto de una pregunta del banco: su `titulo`. Si no lo tiene, el primer párrafo del
    enunciado, sin Markdown, solo si es corto (una frase como «¿Es confiable esa tasa?»); si no,
    None (queda «Pregunta N»): nunca un texto cortado a la mitad ni con asteriscos."""
    titulo = texto_sin_markdown(getattr(pregunta, "titulo", None) or "")
    if not titulo:
        enunciado = (getattr(pregunta, "enunciado", "") or "").strip()
        parrafo = " ".join(re.split(r"\n\s*\n", enunciado, maxsplit=1)[0].split()) if enunciado else ""
        parrafo = texto_sin_markdown(parrafo)
        titulo = parrafo if 0 < len(parrafo) <= 90 else ""
    return sin_emojis(titulo) if titulo else None


def texto_sin_markdown(texto: str) -> str:
    """'**34,536 denuncias** en [el INEI](url)' -> '34,536 denuncias en el INEI'."""
    texto = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", texto or "")  # enlaces e imágenes: su texto
    texto = re.sub(r"^#{1,6}\s+", "", texto.strip())
    texto = re.sub(r"(\*\*|__|\*|`)", "", texto)
    texto = re.sub(r"(?<!\w)_(?=\S)|(?<=\S)_(?!\w)", "", texto)  # _cursiva_, no los_guiones_bajos
    return texto.replace("\\", "").strip()


def _estado(puntaje: float | None, maximo: float | None) -> str:
    """bien (todo), parcial (algo: no es un error), revisar (nada)."""
    puntaje, maximo = puntaje or 0, maximo or 0
    if puntaje >= maximo:
        return "bien"
    return "parcial" if puntaje > 0 else "revisar"


_ETIQUETAS = {"bien": "Bien", "parcial": "Casi", "revisar": "Por mejorar", "espera": "Por revisar"}


# Lo que se dice arriba de cada pregunta y al final: frases cortas y de palabras simples (se mide
# su legibilidad en las pruebas, Fernández-Huerta ≥ 70).
FRASES = {
    "bien": "¡Bien!",
    "espera": "Esta la revisan a mano. Pronto verás sus puntos.",
    "en_blanco": "La respuesta escrita quedó en blanco: escribe con tus palabras qué dirías.",
    "revisada": "Ya la revisaron a mano.",
    "revisada_con_comentario": "Ya la revisaron a mano: lee el comentario que te dejaron.",
    "parcial": "Vas por buen camino, pero una parte no es la esperada: vuelve a leer la pregunta y revisa tu respuesta.",
    "revisar": "La respuesta no es la esperada. Vuelve a leer la pregunta y revisa la lección.",
}
ANIMO = {
    "pendiente": "Vas muy bien. Falta que revisen a mano lo que escribiste; luego verás tu puntaje final.",
    "excelente": "¡Muy bien hecho! Ya puedes contar esto en tu junta de vecinos.",
    "bien": "Vas bien. Mira las preguntas marcadas, vuelve a la lección y sigue: cada intento enseña.",
    "intento": ("Cada intento cuenta. Lee con calma lo que dice cada pregunta, vuelve a la lección y "
                "pregunta a quien dirige el taller: aprender a leer datos lleva su tiempo."),
}


def _animo(total: float, maximo: float, pendiente: bool) -> str:
    proporcion = total / maximo if maximo else 0
    if pendiente and proporcion >= 0.5:
        return ANIMO["pendiente"]
    if proporcion >= 0.9:
        return ANIMO["excelente"]
    return ANIMO["bien"] if proporcion >= 0.5 else ANIMO["intento"]


def preguntas_del_cuaderno(cuaderno: dict, banco=None) -> list[dict]:
    """Las preguntas de un cuaderno de nbgrader, en orden: [{id, titulo, celdas, manual, habilidad}].

    Una pregunta empieza en su celda de respuesta (`id` = su grade_id) y se lleva las celdas con
    puntos que la siguen (sus pruebas); una respuesta escrita con puntos es su propia celda. El
    título es el corto del banco, si lo hay; si no, el último encabezado antes de la respuesta
    («Pregunta 1. Tasa por 100 mil habitantes», sin «(2 puntos)»). `habilidad` («juicio», «calculo»
    o «recuerdo») es la del banco; None si el ejercicio no tiene banco."""
    from nbformat import from_dict
    from nbgrader.utils import is_grade, is_solution

    preguntas: list[dict] = []
    ultimo_titulo = None
    numero_de = 0
    for bruta in cuaderno.get("cells", []):
        celda = from_dict({"metadata": {}, **bruta})
        gid = ((celda.metadata.get("nbgrader") or {}).get("grade_id"))
        if is_solution(celda):
            numero_de += 1
            del_banco = _pregunta_del_banco(banco, gid)
            titulo = _titulo_del_banco(del_banco) if del_banco is not None else None
            if titulo and not titulo.casefold().startswith("pregunta"):
                titulo = f"Pregunta {numero_de}. {titulo}"  # como en el cuaderno, para encontrarla
            titulo = titulo or ultimo_titulo
            preguntas.append({"id": gid, "titulo": titulo or gid, "celdas": [gid] if is_grade(celda) else [],
                              "manual": bool(is_grade(celda)),
                              "habilidad": getattr(del_banco, "habilidad", None) or None})
        elif is_grade(celda):
            if not preguntas:  # una prueba antes de cualquier respuesta: cuenta como su propia pregunta
                preguntas.append({"id": gid, "titulo": ultimo_titulo or gid, "celdas": [], "manual": False,
                                  "habilidad": None})
            preguntas[-1]["celdas"].append(gid)
        elif celda.get("cell_type") == "markdown":
            ultimo_titulo = _titulo_de(_texto(celda.get("source"))) or ultimo_titulo
    return preguntas


def _resumen_preguntas(preguntas: list[dict], notas_libro: dict, comentarios: dict, pistas: dict,
                       banco) -> list[dict]:
    """Una línea por pregunta: su título, puntos, estado y una frase de qué corregir (o «¡Bien!»)."""
    filas = []
    for p in preguntas:
        notas = [notas_libro[g] for g in p["celdas"] if g in notas_libro]
        del_banco = _pregunta_del_banco(banco, p["id"])
        fila = {"titulo": p["titulo"], "pista": None,
                "comentario": next((comentarios[g] for g in [p["id"], *p["celdas"]] if comentarios.get(g)), None)}
        if not notas:
            continue
        puntaje = sum(n["puntaje"] or 0 for n in notas)
        maximo = sum(n["maximo"] or 0 for n in notas)
        pendiente = [n for n in notas if n["revisar"] and n["manual"] is None]
        fila["puntos"] = puntos_de(puntaje, maximo)
        if pendiente:
            fila["estado"] = "espera"
            fila["frase"] = FRASES["espera"]
        else:
            fila["estado"] = _estado(puntaje, maximo)
            explicacion = sin_emojis(getattr(del_banco, "explicacion", "") or "").strip()
            pista = next((pistas[g] for g in p["celdas"] if pistas.get(g)), None)
            if fila["estado"] == "bien":
                fila["frase"] = FRASES["bien"]
            elif p["manual"] and all(n["manual"] is None for n in notas):
                fila["frase"] = FRASES["en_blanco"]
            elif p["manual"]:
                fila["frase"] = FRASES["revisada_con_comentario" if fila["comentario"] else "revisada"]
            elif explicacion:  # con banco: la pista concreta (si la hay) y qué repasar
                if pista and _sin_prefijo(pista) not in explicacion:
                    fila["frase"], fila["pista"] = pista, f"Para repasar: {explicacion}"
                else:
                    fila["frase"] = explicacion
            elif pista:
                fila["frase"] = pista
            elif fila["estado"] == "parcial":
                fila["frase"] = FRASES["parcial"]
            else:
                fila["frase"] = FRASES["revisar"]
        filas.append(fila)
    return filas


SIN_RESPUESTA = "(sin respuesta)"


def _valor_de_la_celda(fuente: str):
    """El valor de `respuesta = <literal>` (Ellipsis si quedó como vino, None si no se puede leer)."""
    import ast

    try:
        arbol = ast.parse(fuente)
    except SyntaxError:
        return None
    for nodo in arbol.body:
        if isinstance(nodo, ast.Assign):
            try:
                return ast.literal_eval(nodo.value)
            except ValueError:
                return None
    return None


def _respuesta_legible(valor, pregunta) -> str:
    """Lo que la persona eligió o escribió, como se lee: «b) Es poco confiable», «1. Comas · 2. Lince»."""
    from lideres.formato import numero

    if valor is None or valor is Ellipsis or (isinstance(valor, str) and not valor.strip()):
        return SIN_RESPUESTA
    tipo = getattr(pregunta, "tipo", None)
    opciones = list(getattr(pregunta, "opciones", None) or [])
    if tipo == "opcion" and isinstance(valor, str):
        letra = valor.strip().lower()[:1]
        indice = ord(letra) - ord("a") if letra.isalpha() else -1
        if 0 <= indice < len(opciones):
            return f"{letra}) {texto_sin_markdown(str(opciones[indice]))}"
    if isinstance(valor, (list, tuple)):
        return " · ".join(f"{i}. {v}" for i, v in enumerate(valor, start=1)) or SIN_RESPUESTA
    if isinstance(valor, (int, float)) and not isinstance(valor, bool):
        decimales = next((d for d in range(4) if round(valor, d) == valor), 4)  # 250 -> «250», 250.5 -> «250.5»
        return numero(valor, decimales)
    return str(valor)


def respuestas_del_celular(cuaderno: dict, banco) -> list[dict]:
    """Cada pregunta con su enunciado y lo que la persona respondió en el celular, sin el cuaderno
    (ni instrucciones de Jupyter, ni código, ni el banco en base64). [{id, titulo, enunciado, respuesta, escrita}]"""
    resultado = []
    numero_de = 0
    for celda in cuaderno.get("cells", []):
        meta = (celda.get("metadata") or {}).get("nbgrader") or {}
        if not meta.get("solution"):
            continue
        numero_de += 1
        gid = meta.get("grade_id")
        pregunta = _pregunta_del_banco(banco, gid)
        fuente = _texto(celda.get("source"))
        titulo = _titulo_del_banco(pregunta) if pregunta is not None else None
        fila = {"id": gid, "titulo": f"Pregunta {numero_de}" + (f". {titulo}" if titulo else ""),
                "enunciado": _markdown(sin_emojis(pregunta.enunciado)) if pregunta is not None else "",
                "escrita": celda.get("cell_type") == "markdown"}
        if fila["escrita"]:
            vacia = not fuente.strip() or fuente.strip().startswith("Escribe aquí tu respuesta")
            # el celular la guardó escapada (sin HTML ni Markdown activos): se lee tal cual la escribió
            texto = html_lib.unescape(re.sub(r"\\(.)", r"\1", fuente)).replace("\n\n", "\n")
            fila["respuesta"] = SIN_RESPUESTA if vacia else texto.strip()
        else:
            fila["respuesta"] = _respuesta_legible(_valor_de_la_celda(fuente), pregunta)
        resultado.append(fila)
    return resultado


def _sin_prefijo(pista: str) -> str:
    return re.sub(r"^Pista:\s*", "", pista).strip()


def construir_html(cuaderno: dict, notas_libro: dict, *, nombre: str, ejercicio: str,
                   notas: list[str] | None = None, cuando: dt.date | None = None,
                   comentarios: dict | None = None, banco=None, celular: bool = False) -> str:
    """`notas_libro`: {grade_id: {"puntaje", "maximo", "auto", "manual", "revisar"}} del libro de notas.
    `comentarios`: {grade_id: comentario a mano del formgrader}. `banco`: el banco de preguntas del
    ejercicio (`lideres.banco.cargar`), si tiene: de ahí salen el título corto y la explicación.
    `celular`: entregó desde el celular; abajo se ven sus respuestas, no el cuaderno (que nunca vio)."""
    comentarios = {g: sin_emojis(str(t)).strip() for g, t in (comentarios or {}).items() if t and str(t).strip()}
    celdas, titulo, manuales = [], ejercicio, set()
    pistas: dict[str, str | None] = {}  # grade_id de una prueba -> su «Pista» (o qué falló)
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
                vista["html"] = _markdown(sin_emojis(fuente))
                if titulo == ejercicio and fuente.startswith("# "):
                    titulo = sin_emojis(fuente.splitlines()[0][2:]).strip()
        else:
            vista["salidas"], vista["pista"] = _salidas(celda)
            if es_prueba:  # ni el código ni las salidas de la prueba: pueden tener la respuesta
                vista["clase"], vista["salidas"] = "prueba", []
                vista["etiqueta"] = "Prueba oculta" if "oculta" in (gid or "") else "Prueba"
                pistas[gid] = vista["pista"]
            else:
                vista["codigo"] = _lineas_cortas(fuente)
                if es_respuesta:
                    vista["clase"], vista["etiqueta"] = "respuesta", "Tu respuesta"
        if meta.get("grade") and gid in notas_libro:
            nota = notas_libro[gid]
            if nota["revisar"] and nota["manual"] is None:
                vista["insignia"] = f"Pendiente de revisión ({puntos(nota['maximo'])} {palabra_puntos(nota['maximo'])})"
                vista["insignia_clase"] = "espera"
            else:
                estado = _estado(nota["puntaje"], nota["maximo"])
                vista["insignia"] = puntos_de(nota["puntaje"], nota["maximo"])
                vista["insignia_clase"] = estado
                vista["clase"] += f" {estado}"
        vista["comentario"] = comentarios.get(gid)
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
    preguntas = preguntas_del_cuaderno(cuaderno, banco)
    resumen = _resumen_preguntas(preguntas, notas_libro, comentarios, pistas, banco)
    con_pregunta = {g for p in preguntas for g in [p["id"], *p["celdas"]]}
    titulos = {g: p["titulo"] for p in preguntas for g in [p["id"], *p["celdas"]]}
    # Comentarios del formgrader: los de cada pregunta (con su título) y los sueltos.
    comentarios_facilitador = [{"titulo": fila["titulo"], "texto": fila["comentario"]}
                               for fila in resumen if fila["comentario"]]
    comentarios_facilitador += [{"titulo": titulos.get(g), "texto": t} for g, t in comentarios.items()
                                if g not in con_pregunta]
    return _entorno().get_template("retroalimentacion.html.j2").render(
        titulo=titulo, nombre=nombre, ejercicio=ejercicio, fecha=fecha(cuando or dt.date.today()),
        puntaje_texto=puntaje_texto, automatico_texto=f"{puntos(auto)} de {puntos(maximo_auto)}",
        manual_texto=manual_texto, celdas=celdas, notas=notas or [], preguntas=resumen,
        etiquetas=_ETIQUETAS, comentarios=comentarios_facilitador,
        animo=_animo(total, maximo, bool(pendientes)) if notas_libro else None,
        respuestas_celular=respuestas_del_celular(cuaderno, banco) if celular else None,
    )


def notas_de_libro(gb, ejercicio: str, codigo: str, cuaderno: str) -> dict:
    entrega = gb.find_submission_notebook(cuaderno, ejercicio, codigo)
    return {
        g.name: {"puntaje": g.score, "maximo": g.max_score, "auto": g.auto_score, "manual": g.manual_score,
                 "revisar": bool(g.needs_manual_grade)}
        for g in entrega.grades
    }


def comentarios_de_libro(gb, ejercicio: str, codigo: str, cuaderno: str) -> dict[str, str]:
    """{celda: comentario} que la persona que facilita escribió en el formgrader (manual_comment)."""
    entrega = gb.find_submission_notebook(cuaderno, ejercicio, codigo)
    return {c.name: c.manual_comment for c in entrega.comments if (c.manual_comment or "").strip()}


def cargar_banco(curso: Path, ejercicio: str):
    """El banco de preguntas del ejercicio (source/<id>/preguntas.toml), o None si no tiene o no se
    puede leer: la retroalimentación se escribe igual, con las pistas de las pruebas."""
    carpeta = Curso.de(curso).source / ejercicio
    if not (carpeta / "preguntas.toml").is_file():
        return None
    try:
        from lideres import banco
    except ImportError:
        return None
    try:
        return banco.cargar(carpeta)
    except Exception:  # un banco con errores lo explica `lideres curso validar`; aquí no detiene nada
        return None


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
    banco = cargar_banco(curso, ejercicio)
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
                                      cuando=_fecha_de_calificacion(info, archivo),
                                      comentarios=comentarios_de_libro(gb, ejercicio, codigo, archivo.stem),
                                      banco=banco, celular=recoger.del_celular(lista, codigo, ejercicio))
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
