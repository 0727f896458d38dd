"""Quién entregó, durante la sesión: lo que ve quien facilita en su laptop (y la línea de la terminal).

Solo lee archivos que ya escriben otros, nunca los cambia:

    celular/borradores/<ejercicio>/<código>.json   quién empezó y qué respondió (en cada toque)
    submitted/<código>/<ejercicio>/                la última entrega (del celular o de `recoger`)
    recibidos/<ejercicio>/<sello>/recojo.json      cada entrega desde el celular (para la terminal)
    gradebook.db y reportes/calificacion.json      los puntos, si ya se calificó esa misma entrega

Los puntos salen del libro de notas de nbgrader (el calificador oficial) y solo si la entrega que
está en submitted/ es la misma que se calificó. Antes de calificar, las preguntas automáticas de una
entrega se revisan con el banco (como lo hacen sus pruebas) y se muestran como «provisorio».
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from lideres.curso import ids
from lideres.curso.carpeta import Curso
from lideres.curso.puntos import puntos, puntos_de

CARPETA_BORRADORES = Path("celular") / "borradores"


def _leer_json(ruta: Path):
    try:
        return json.loads(Path(ruta).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def hora(momento: dt.datetime | None) -> str:
    """'10:35 a. m.' en la hora de Lima (como la ve quien está en la sala)."""
    if momento is None:
        return "—"
    from lideres.formulario.entregas import hora_local

    return hora_local(momento)


def _fecha_iso(texto) -> dt.datetime | None:
    try:
        momento = dt.datetime.fromisoformat(str(texto).replace(" UTC", "+00:00"))
    except (TypeError, ValueError):
        return None
    return momento if momento.tzinfo else momento.replace(tzinfo=dt.UTC)


def _respuestas_del_cuaderno(cuaderno: dict) -> dict[str, str]:
    """{grade_id: texto} de las celdas de respuesta de un cuaderno de nbgrader."""
    celdas = {}
    for celda in (cuaderno or {}).get("cells", []):
        meta = (celda.get("metadata") or {}).get("nbgrader") or {}
        if meta.get("solution") and meta.get("grade_id"):
            fuente = celda.get("source", "")
            celdas[meta["grade_id"]] = ("".join(fuente) if isinstance(fuente, list) else fuente).strip()
    return celdas


def respondidas_en(entregado: dict, liberado: dict) -> dict[str, bool]:
    """{grade_id: respondida} comparando con la versión liberada (como `reporte.contar_respondidas`:
    una respuesta que quedó como vino no cuenta)."""
    originales = _respuestas_del_cuaderno(liberado)
    dadas = _respuestas_del_cuaderno(entregado)
    return {gid: dadas.get(gid, texto) not in (texto, "") for gid, texto in originales.items()}


def valor_de_la_celda(fuente: str):
    """El valor de `respuesta = ...` en una celda de respuesta (solo literales: nada se ejecuta);
    `...` si no se puede leer."""
    import ast

    try:
        arbol = ast.parse(fuente or "")
    except (SyntaxError, ValueError):
        return ...
    for nodo in reversed(arbol.body):
        if isinstance(nodo, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "respuesta" for t in nodo.targets):
            try:
                return ast.literal_eval(nodo.value)
            except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
                return ...
    return ...


class _Ejercicio:
    """Lo que no cambia durante la sesión: preguntas (con títulos del banco) y el cuaderno liberado."""

    def __init__(self, curso: Curso, ejercicio: str):
        self.id = ejercicio
        self.liberados: dict[str, dict] = {}
        for ruta in sorted((curso.release / ejercicio).glob("*.ipynb")):
            datos = _leer_json(ruta)
            if isinstance(datos, dict):
                self.liberados[ruta.stem] = datos
        from lideres.curso.retroalimentacion import cargar_banco

        banco = cargar_banco(curso, ejercicio)
        self.titulo = getattr(banco, "titulo", None) or ejercicio
        # Para los puntos provisorios: la forma pública de cada pregunta automática (solo huellas).
        self.publicas = {q.id: (q.publica(ejercicio), q.puntos)
                         for q in getattr(banco, "preguntas", None) or [] if not q.manual}
        self.preguntas: list[dict] = []
        por_id = {p.id: p for p in getattr(banco, "preguntas", None) or []}
        numero = 0
        for cuaderno in self.liberados.values():
            for gid in _respuestas_del_cuaderno(cuaderno):
                numero += 1
                p = por_id.get(gid)
                from lideres.curso.escritas import titulo_corto

                titulo = titulo_corto(p) if p is not None else ""
                self.preguntas.append({
                    "id": gid, "numero": numero,
                    "titulo": f"{numero}. {titulo}" if titulo else f"Pregunta {numero}",
                    "escrita": bool(p is not None and p.manual), "puntos": getattr(p, "puntos", None),
                })

    def provisorios(self, carpeta: Path) -> dict[str, tuple[float, float]]:
        """{grade_id: (puntos, máximo)} de las preguntas automáticas de una entrega, revisadas con el
        banco (la misma revisión que hacen las pruebas de nbgrader), antes de calificar."""
        from lideres.banco import revisar

        resultado = {}
        for nombre in self.liberados:
            entregado = _leer_json(carpeta / f"{nombre}.ipynb")
            if not isinstance(entregado, dict):
                continue
            for gid, fuente in _respuestas_del_cuaderno(entregado).items():
                if gid in self.publicas:
                    publica, maximo = self.publicas[gid]
                    correcto = revisar(publica, valor_de_la_celda(fuente)).correcto
                    resultado[gid] = (maximo if correcto else 0.0, maximo)
        return resultado

    def respondidas(self, carpeta: Path) -> dict[str, bool]:
        resultado = {}
        for nombre, liberado in self.liberados.items():
            entregado = _leer_json(carpeta / f"{nombre}.ipynb")
            resultado.update(respondidas_en(entregado if isinstance(entregado, dict) else {}, liberado))
        return resultado


_CACHE_EJERCICIOS: dict[tuple, _Ejercicio] = {}


def _ejercicio(curso: Curso, ejercicio: str) -> _Ejercicio:
    marcas = tuple(sorted((p.name, p.stat().st_mtime_ns) for p in (curso.release / ejercicio).glob("*.ipynb")))
    banco = curso.source / ejercicio / "preguntas.toml"
    clave = (str(curso.raiz), ejercicio, marcas, banco.stat().st_mtime_ns if banco.is_file() else 0)
    if clave not in _CACHE_EJERCICIOS:
        _CACHE_EJERCICIOS[clave] = _Ejercicio(curso, ejercicio)
    return _CACHE_EJERCICIOS[clave]


def _notas_del_libro(curso: Curso, ejercicios: list[str]) -> dict:
    """{(ejercicio, código): {grade_id: (puntaje, máximo, falta_a_mano)}} del libro de notas.

    Solo de las entregas cuya huella coincide con la que se calificó (si alguien volvió a entregar
    después de calificar, sus puntos viejos no se muestran como si fueran de la entrega nueva)."""
    if not curso.ruta_libro.is_file():
        return {}
    from lideres.curso import motor

    try:
        estado = motor.leer_estado(curso)
    except Exception:  # un estado dañado lo explica `calificar`; aquí solo no hay puntos
        return {}
    vigentes = {(e, c) for e in ejercicios for c, info in (estado.get(e) or {}).items()
                if isinstance(info, dict) and info.get("estado") == "calificado"
                and curso.entrega(c, e).is_dir() and info.get("huella") == motor.huella_entrega(curso, e, c)}
    if not vigentes:
        return {}
    notas: dict = {}
    try:
        with curso.libro() as gb:
            for ejercicio, codigo in vigentes:
                try:
                    entrega = gb.find_submission(ejercicio, codigo)
                except Exception:  # MissingEntry: todavía no está en el libro
                    continue
                celdas = {}
                for cuaderno in entrega.notebooks:
                    for g in cuaderno.grades:
                        celdas[g.name] = (g.score, g.max_score, bool(g.needs_manual_grade and g.manual_score is None))
                notas[(ejercicio, codigo)] = celdas
    except Exception:  # libro ocupado o dañado: la página sigue, sin puntos
        return {}
    return notas


def _pruebas_de(liberados: dict[str, dict]) -> dict[str, list[str]]:
    """{grade_id de la respuesta: [grade_ids que la califican]} (la respuesta y las pruebas que la siguen)."""
    grupos: dict[str, list[str]] = {}
    actual = None
    for cuaderno in liberados.values():
        for celda in cuaderno.get("cells", []):
            meta = (celda.get("metadata") or {}).get("nbgrader") or {}
            gid = meta.get("grade_id")
            if meta.get("solution") and gid:
                actual = gid
                grupos[gid] = [gid] if meta.get("grade") else []
            elif meta.get("grade") and gid and actual:
                grupos[actual].append(gid)
    return grupos


def estado(curso: Curso | Path, ejercicios: list[str] | None = None) -> dict:
    """Quién empezó y quién entregó cada ejercicio, pregunta por pregunta (para la página y su JSON).

    `ejercicios`: los que se ofrecen en la sesión; además se agregan los que tengan actividad."""
    curso = Curso.de(curso)
    lista = ids.leer_lista(curso) if curso.lista.is_file() else {}
    borradores = curso.raiz / CARPETA_BORRADORES
    con_actividad = {p.name for p in borradores.iterdir() if p.is_dir()} if borradores.is_dir() else set()
    if curso.submitted.is_dir():
        con_actividad |= {e.name for c in curso.submitted.iterdir() if c.is_dir() for e in c.iterdir() if e.is_dir()}
    todos = sorted((set(ejercicios or []) | con_actividad) & {p.name for p in curso.release.glob("*") if p.is_dir()})
    notas = _notas_del_libro(curso, todos)
    salida = []
    for id_ in todos:
        ej = _ejercicio(curso, id_)
        pruebas = _pruebas_de(ej.liberados)
        personas: dict[str, dict] = {}
        for ruta in sorted((borradores / id_).glob("*.json")):
            datos = _leer_json(ruta)
            if not isinstance(datos, dict):
                continue
            respuestas = datos.get("respuestas") if isinstance(datos.get("respuestas"), dict) else {}
            entregas = [m for m in (datos.get("entregas") or []) if isinstance(m, str)]
            personas[ruta.stem] = {
                "codigo": ruta.stem, "nombre": datos.get("nombre") or ids.nombre_de(lista, ruta.stem),
                "borrador": {g: bool(str(v).strip()) if not isinstance(v, list) else bool(v)
                             for g, v in respuestas.items()},
                "entregas": entregas, "cambio": ruta.stat().st_mtime,
            }
        if curso.submitted.is_dir():
            for carpeta in sorted(curso.submitted.glob(f"*/{id_}")):
                codigo = carpeta.parent.name
                personas.setdefault(codigo, {"codigo": codigo, "nombre": ids.nombre_de(lista, codigo),
                                             "borrador": {}, "entregas": [], "cambio": None})
        filas = []
        for codigo, p in personas.items():
            entregada = curso.entrega(codigo, id_)
            entrego = entregada.is_dir()
            momento = _fecha_iso(p["entregas"][-1]) if p["entregas"] else None
            if entrego and momento is None:
                momento = _fecha_iso(_leer_texto(entregada / "timestamp.txt"))
            respondidas = ej.respondidas(entregada) if entrego else {q["id"]: p["borrador"].get(q["id"], False)
                                                                      for q in ej.preguntas}
            del_libro = notas.get((id_, codigo))
            provisorio = del_libro is None and entrego
            if provisorio:  # todavía sin calificar: las automáticas, revisadas con el banco
                del_libro = {g: (x, m, False) for g, (x, m) in ej.provisorios(entregada).items()}
                for q in ej.preguntas:  # la escrita espera la nota a mano; en blanco, nbgrader le da 0
                    if q["escrita"]:
                        del_libro[q["id"]] = ((None, q["puntos"] or 0, True) if respondidas.get(q["id"])
                                              else (0.0, q["puntos"] or 0, False))
            celdas, total, maximo, falta_mano = [], 0.0, 0.0, False
            for q in ej.preguntas:
                celda = {"id": q["id"], "respondida": bool(respondidas.get(q["id"])), "puntos": None,
                         "clase": "si" if respondidas.get(q["id"]) else "no"}
                if del_libro is not None:
                    # Los provisorios van por pregunta; los del libro, por celda con puntos (sus pruebas).
                    celdas_con_puntos = [q["id"]] if provisorio else pruebas.get(q["id"], [])
                    grados = [del_libro[g] for g in celdas_con_puntos if g in del_libro]
                    if grados:
                        if any(g[2] for g in grados):
                            celda["puntos"], celda["clase"] = "falta calificar a mano", "mano"
                            falta_mano = True
                        else:
                            obtenido = sum(g[0] or 0 for g in grados)
                            tope = sum(g[1] or 0 for g in grados)
                            celda["puntos"] = puntos_de(obtenido, tope)
                            celda["clase"] = "bien" if obtenido >= tope else ("parcial" if obtenido > 0 else "mal")
                            total += obtenido
                        maximo += sum(g[1] or 0 for g in grados)
                celdas.append(celda)
            n = sum(1 for c in celdas if c["respondida"])
            cambios = bool(entrego and p["cambio"] and momento and p["cambio"] > momento.timestamp() + 2)
            if entrego:
                estado_texto = "Entregó" + (f" ({len(p['entregas'])} veces)" if len(p["entregas"]) > 1 else "")
            else:
                estado_texto = "Respondiendo (no entregó)"
            if del_libro is None:
                puntaje = "—"
            else:
                puntaje = f"{puntos(total)} de {puntos(maximo)}" + (" (falta la escrita)" if falta_mano else "")
                if provisorio:
                    puntaje += " · provisorio: falta calificar"
            filas.append({
                "codigo": codigo, "nombre": p["nombre"], "entrego": entrego, "estado": estado_texto,
                "hora": hora(momento) if entrego else "—", "momento": momento.isoformat() if momento else None,
                "veces": len(p["entregas"]), "respondidas": n, "total": len(ej.preguntas),
                "preguntas": celdas, "puntaje": puntaje, "calificado": del_libro is not None and not provisorio,
                "provisorio": provisorio,
                "cambios_sin_entregar": cambios,
            })
        filas.sort(key=lambda f: ids.clave_orden(f["nombre"]))
        salida.append({
            "id": id_, "titulo": ej.titulo, "preguntas": ej.preguntas, "personas": filas,
            "empezaron": len(filas), "entregaron": sum(1 for f in filas if f["entrego"]),
        })
    return {"ejercicios": salida, "hora": hora(dt.datetime.now(dt.UTC))}


def _leer_texto(ruta: Path) -> str | None:
    try:
        return Path(ruta).read_text(encoding="utf-8").strip()
    except OSError:
        return None


# ---------------------------------------------------------------- la línea de la terminal


def entregas_del_celular(curso: Curso | Path) -> list[Path]:
    """Las carpetas de recibidos/ con una entrega desde el celular (recojo.json con origen «celular»)."""
    base = Curso.de(curso).recibidos
    return sorted(p.parent for p in base.glob("*/*/recojo.json")) if base.is_dir() else []


def linea_de_entrega(curso: Curso | Path, carpeta: Path) -> str | None:
    """«10:35 a. m. · Entregó María Ñahui Quispe · 03_cifra_negra · respondió 5 de 6 preguntas»,
    o None si la carpeta no es una entrega del celular (o todavía se está escribiendo)."""
    curso = Curso.de(curso)
    datos = _leer_json(carpeta / "recojo.json")
    if not isinstance(datos, dict) or datos.get("origen") != "celular":
        return None
    ejercicio = str(datos.get("ejercicio") or carpeta.parent.name)
    ej = _ejercicio(curso, ejercicio)
    momento = _fecha_iso(datos.get("fecha"))
    lineas = []
    for e in datos.get("entregas") or []:
        codigo = str(e.get("codigo") or "")
        respondidas = ej.respondidas(carpeta / codigo)
        n, total = sum(respondidas.values()), len(respondidas)
        cuantas = f"respondió {n} de {total} {'pregunta' if total == 1 else 'preguntas'}"
        if n == 0:
            cuantas = "sin ninguna respuesta"
        lineas.append(f"  {hora(momento)} · Entregó {e.get('nombre') or codigo} · {ejercicio} · {cuantas}")
    return "\n".join(lineas) or None


class Vigia:
    """Mira recibidos/ y devuelve una línea por cada entrega nueva desde el celular.

    Las que ya estaban al empezar no se repiten (la terminal dice lo que pasa en esta sesión)."""

    def __init__(self, curso: Curso | Path):
        self.curso = Curso.de(curso)
        self.vistas = set(entregas_del_celular(self.curso))

    def nuevas(self) -> list[str]:
        lineas = []
        for carpeta in entregas_del_celular(self.curso):
            if carpeta in self.vistas:
                continue
            linea = linea_de_entrega(self.curso, carpeta)
            if linea is None and not (carpeta / "recojo.json").is_file():
                continue
            self.vistas.add(carpeta)  # otra cosa que un recojo del celular: se mira una sola vez
            if linea:
                lineas.append(linea)
        return lineas
