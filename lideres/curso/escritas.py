"""Las respuestas escritas (las que se califican a mano), una pregunta a la vez, con nombres.

Lee y escribe el libro de notas de nbgrader con su propia API (`nbgrader.api.Gradebook`), igual que
el formgrader: los puntos van en `Grade.manual_score` y el comentario en `Comment.manual_comment`.
Así nbgrader sigue siendo el calificador oficial, el formgrader sigue funcionando y `lideres curso
reporte` y la retroalimentación leen lo mismo. Después de guardar se vuelve a escribir la
retroalimentación de esa persona (la ve con sus puntos y el comentario).

El texto de la respuesta sale del cuaderno calificado (autograded/), que es lo que calificó nbgrader.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from lideres.curso import ids
from lideres.curso.carpeta import Curso
from lideres.curso.puntos import palabra_puntos, puntos
from lideres.errores import ErrorLideres

# Lo que dice una celda escrita que quedó como vino (ver lideres.banco.cuaderno).
_SIN_RESPONDER = ("✍️ Escribe aquí tu respuesta.", "Escribe aquí tu respuesta.")
_ESCAPADO = re.compile(r"\\([\\`*_\[\]#|~])")


@dataclass
class Pregunta:
    ejercicio: str
    cuaderno: str
    id: str
    numero: int
    titulo: str
    enunciado: str = ""
    modelo: str = ""          # la respuesta modelo (del banco; o la de la celda fuente)
    que_buscar: str = ""      # la «explicacion» del banco: qué tiene que tener una buena respuesta
    maximo: float = 0.0
    respuestas: list = field(default_factory=list)

    @property
    def por_calificar(self) -> int:
        return sum(1 for r in self.respuestas if r.pendiente)

    @property
    def calificadas(self) -> int:
        return len(self.respuestas) - self.por_calificar


@dataclass
class Respuesta:
    codigo: str
    nombre: str
    texto: str
    en_blanco: bool
    maximo: float
    manual: float | None
    auto: float | None
    pendiente: bool
    comentario: str = ""

    @property
    def puntos_texto(self) -> str:
        if self.manual is not None:
            return f"{puntos(self.manual)} de {puntos(self.maximo)}"
        if self.auto is not None and not self.pendiente:  # nbgrader da 0 a la que quedó como vino
            return f"{puntos(self.auto)} de {puntos(self.maximo)} (en blanco)"
        return "sin calificar"


def texto_de_respuesta(fuente: str, original: str = "") -> tuple[str, bool]:
    """(texto tal como lo escribió la persona, en_blanco). La entrega del celular llega escapada
    (signos de Markdown con «\\» y HTML con entidades): se devuelve como se escribió."""
    texto = (fuente or "").strip()
    if not texto or texto in _SIN_RESPONDER or texto == (original or "").strip():
        return "", True
    texto = html.unescape(_ESCAPADO.sub(r"\1", texto))
    # El celular separa cada renglón con una línea en blanco (párrafos de Markdown): un renglón otra vez.
    return re.sub(r"\n[ \t]*\n", "\n", texto), False


def _leer(ruta: Path) -> dict:
    try:
        datos = json.loads(Path(ruta).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return datos if isinstance(datos, dict) else {}


def _celdas_escritas(cuaderno: dict) -> dict[str, str]:
    """{grade_id: texto} de las celdas de respuesta con puntos (las que se califican a mano)."""
    celdas = {}
    for celda in cuaderno.get("cells", []):
        meta = (celda.get("metadata") or {}).get("nbgrader") or {}
        if meta.get("solution") and meta.get("grade") and meta.get("grade_id"):
            fuente = celda.get("source", "")
            celdas[meta["grade_id"]] = "".join(fuente) if isinstance(fuente, list) else str(fuente)
    return celdas


def _sin_solucion(texto: str) -> str:
    """El texto de una celda fuente sin las marcas de nbgrader (### BEGIN/END SOLUTION)."""
    return "\n".join(linea for linea in texto.splitlines()
                     if not re.match(r"^\s*#*\s*(BEGIN|END) SOLUTION\s*$", linea)).strip()


def preguntas(curso: Curso | Path, ejercicio: str | None = None) -> list[Pregunta]:
    """Las preguntas escritas de cada ejercicio calificado, con todas sus respuestas (del libro de notas)."""
    from nbgrader.api import MissingEntry

    from lideres.curso.retroalimentacion import cargar_banco

    curso = Curso.de(curso)
    if not curso.ruta_libro.is_file():
        return []
    lista = ids.leer_lista(curso)
    resultado: list[Pregunta] = []
    with curso.libro() as gb:
        nombres = sorted(a.name for a in gb.assignments)
        for id_ in nombres:
            if ejercicio and id_ != ejercicio:
                continue
            banco = cargar_banco(curso, id_)
            del_banco = {p.id: p for p in getattr(banco, "preguntas", None) or []}
            numero = 0
            for fuente in sorted((curso.source / id_).glob("*.ipynb")):
                escritas = _celdas_escritas(_leer(fuente))
                liberado = _celdas_escritas(_leer(curso.release / id_ / fuente.name))
                soluciones = [g for g in _orden_de_respuestas(_leer(fuente))]
                for gid, texto_fuente in escritas.items():
                    p = del_banco.get(gid)
                    numero = (soluciones.index(gid) + 1) if gid in soluciones else numero + 1
                    titulo = titulo_corto(p) or f"Pregunta {numero}"
                    pregunta = Pregunta(
                        ejercicio=id_, cuaderno=fuente.stem, id=gid, numero=numero, titulo=titulo,
                        enunciado=(getattr(p, "enunciado", "") or "").strip(),
                        modelo=(str(p.respuesta).strip() if p is not None else _sin_solucion(texto_fuente)),
                        que_buscar=(getattr(p, "explicacion", "") or "").strip(),
                    )
                    for entrega in gb.find_assignment(id_).submissions:
                        codigo = entrega.student.id
                        try:
                            nota = gb.find_grade(gid, fuente.stem, id_, codigo)
                        except MissingEntry:
                            continue
                        try:
                            comentario = gb.find_comment(gid, fuente.stem, id_, codigo).manual_comment or ""
                        except MissingEntry:
                            comentario = ""
                        calificado = curso.calificada(codigo, id_) / fuente.name
                        if not calificado.is_file():
                            calificado = curso.entrega(codigo, id_) / fuente.name
                        texto, en_blanco = texto_de_respuesta(
                            _celdas_escritas(_leer(calificado)).get(gid, ""), liberado.get(gid, ""))
                        pregunta.maximo = nota.max_score or pregunta.maximo
                        pregunta.respuestas.append(Respuesta(
                            codigo=codigo, nombre=ids.nombre_de(lista, codigo), texto=texto, en_blanco=en_blanco,
                            maximo=nota.max_score or 0, manual=nota.manual_score, auto=nota.auto_score,
                            pendiente=bool(nota.needs_manual_grade),
                            comentario=comentario,
                        ))
                    pregunta.respuestas.sort(key=lambda r: ids.clave_orden(r.nombre))
                    if pregunta.respuestas:  # un ejercicio asignado que nadie entregó no se lista
                        resultado.append(pregunta)
    return resultado


def titulo_corto(pregunta) -> str:
    """El `titulo` de la pregunta del banco; si no tiene, el comienzo de su enunciado, sin Markdown."""
    titulo = (getattr(pregunta, "titulo", "") or "").strip()
    if titulo:
        return titulo
    texto = " ".join((getattr(pregunta, "enunciado", "") or "").split())
    texto = re.sub(r"[*_`#>]", "", texto).strip()
    if len(texto) > 70:
        texto = texto[:67].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return texto


def _orden_de_respuestas(cuaderno: dict) -> list[str]:
    return [((c.get("metadata") or {}).get("nbgrader") or {}).get("grade_id")
            for c in cuaderno.get("cells", [])
            if ((c.get("metadata") or {}).get("nbgrader") or {}).get("solution")]


def pregunta(curso: Curso | Path, ejercicio: str, id_: str) -> Pregunta:
    for p in preguntas(curso, ejercicio):
        if p.id == id_:
            return p
    raise ErrorLideres(f"No hay una pregunta escrita «{id_}» calificada en {ejercicio}.",
                       como_arreglar="vuelve a la lista de respuestas escritas y elige una.")


def leer_puntos(texto, maximo: float) -> float:
    """'1,5' o '1.5' -> 1.5, entre 0 y el máximo; si no, un error que dice qué escribir."""
    limpio = str(texto if texto is not None else "").strip().replace(",", ".")
    rango = f"de 0 a {puntos(maximo)}"
    if not limpio:
        raise ErrorLideres(f"Elige cuántos puntos le das ({rango}).")
    try:
        valor = float(limpio)
    except ValueError:
        raise ErrorLideres(f"«{texto}» no es un número de puntos: usa un número {rango}.") from None
    if not (0 <= valor <= maximo):
        raise ErrorLideres(f"{puntos(valor)} {palabra_puntos(valor)} no vale: usa un número {rango}.")
    return valor


def guardar(curso: Curso | Path, ejercicio: str, cuaderno: str, id_: str, codigo: str,
            puntos_dados, comentario: str = "") -> list[Path]:
    """Escribe los puntos y el comentario en el libro de notas (como el formgrader) y vuelve a
    escribir la retroalimentación de esa persona. Devuelve las páginas de retroalimentación escritas."""
    from sqlalchemy.exc import OperationalError

    curso = Curso.de(curso)
    comentario = (comentario or "").replace("\r\n", "\n").strip()[:5_000]
    try:
        _guardar(curso, ejercicio, cuaderno, id_, codigo, puntos_dados, comentario)
    except OperationalError:  # sqlite ocupado: otro proceso (calificar) está escribiendo
        raise ErrorLideres("El libro de notas está ocupado (¿se está calificando ahora?). No se guardó nada.",
                           como_arreglar="espera un momento y vuelve a tocar «Guardar».") from None
    try:
        return actualizar_retroalimentacion(curso, ejercicio, codigo)
    except Exception:  # la nota ya quedó en el libro: decirlo así, sin traceback
        import logging

        logging.getLogger("lideres.curso").exception("al escribir la retroalimentación")
        raise ErrorLideres("La nota quedó guardada en el libro de notas, pero no se pudo volver a escribir "
                           "la retroalimentación de esta persona.",
                           como_arreglar=f"corre `lideres curso reporte{curso.opcion()}`: la vuelve a escribir.") from None


def _guardar(curso: Curso, ejercicio: str, cuaderno: str, id_: str, codigo: str, puntos_dados,
             comentario: str) -> None:
    from nbgrader.api import MissingEntry

    with curso.libro() as gb:
        try:
            nota = gb.find_grade(id_, cuaderno, ejercicio, codigo)
            nota_comentario = gb.find_comment(id_, cuaderno, ejercicio, codigo)
        except MissingEntry:
            raise ErrorLideres(f"No se encontró la respuesta de «{codigo}» en el libro de notas.",
                               como_arreglar="vuelve a calificar el ejercicio y abre otra vez esta página.") from None
        valor = leer_puntos(puntos_dados, nota.max_score or 0)
        # Lo mismo que hace el formgrader (GradeHandler.put y CommentHandler.put).
        nota.manual_score = valor
        nota.needs_manual_grade = False
        nota_comentario.manual_comment = comentario or None
        gb.db.commit()


def actualizar_retroalimentacion(curso: Curso, ejercicio: str, codigo: str) -> list[Path]:
    """La retroalimentación de una persona, otra vez, con lo que dice ahora el libro de notas."""
    from lideres.curso import motor, retroalimentacion

    info = (motor.leer_estado(curso).get(ejercicio) or {}).get(codigo) or {}
    return retroalimentacion.escribir_todas(curso, ejercicio, {codigo: info}, ids.leer_lista(curso))
