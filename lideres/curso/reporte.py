"""Avance del grupo: participante × ejercicio, en CSV, HTML y un gráfico PNG.

`tabla_avance` es pura (recibe registros y devuelve la tabla con encabezados en español);
`leer_registros` consulta el libro de notas de nbgrader; `escribir_reporte` guarda los archivos.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from urllib.parse import quote

import jinja2
import pandas as pd

from lideres.curso import ids
from lideres.curso.carpeta import Curso
from lideres.curso.puntos import puntos
from lideres.formato import fecha, numero, porcentaje

COLUMNAS = ["Participante", "Código", "Ejercicio", "Entregó", "Estado", "Preguntas respondidas",
            "Completado", "Puntaje", "Puntaje máximo", "Porcentaje", "Falta calificar a mano",
            "Observaciones"]
ESTADOS = {
    "completado": "Calificado",
    "revision": "Falta calificar la escrita",
    "no_calificado": "No se pudo calificar",
    "sin_entrega": "Sin entrega",
    "sin_calificar": "Recogido, falta calificar",
}
# Colores por puntaje: de naranja (poco) a morado (todo), la escala PuOr de ColorBrewer, que se
# distingue con daltonismo; 0 % nunca es verde. Cada color va siempre con su palabra.
TRAMOS = [  # (desde %, clase, palabra, fondo, texto)
    (100, "p100", "Completo", "#5e3c99", "#ffffff"),
    (75, "p75", "Bien", "#b2abd2", "#1f2a33"),
    (50, "p50", "A medias", "#d8daeb", "#1f2a33"),
    (25, "p25", "Poco", "#fee0b6", "#1f2a33"),
    (0, "p0", "Muy poco", "#f1a340", "#1f2a33"),
]
SIN_PUNTAJE = ("gris", "#e6e9ec", "#1f2a33")
PENDIENTE = "falta calificar la escrita"
# Cómo se nombra cada habilidad del banco en el reporte (qué pide ese tipo de pregunta).
HABILIDADES_TEXTO = {
    "juicio": ("Juicio", "¿se sostiene esta lectura?, ¿qué frase se puede decir?"),
    "calculo": ("Cálculo", "una cuenta: tasa, brecha, de cada 100"),
    "recuerdo": ("Recuerdo", "algo que dice la lección"),
}
_PLANTILLAS = Path(__file__).parent / "plantillas"


def contar_respondidas(entregado: dict, liberado: dict) -> tuple[int, int]:
    """(respondidas, preguntas): celdas de respuesta de nbgrader que la persona cambió respecto de
    la versión que recibió. Una respuesta dejada como vino (`respuesta = ...`) no cuenta."""

    def respuestas(cuaderno: dict) -> dict[str, str]:
        celdas = {}
        for celda in cuaderno.get("cells", []):
            meta = (celda.get("metadata") or {}).get("nbgrader") or {}
            if meta.get("solution") and meta.get("grade_id"):
                fuente = celda.get("source", "")
                celdas[meta["grade_id"]] = ("".join(fuente) if isinstance(fuente, list) else fuente).strip()
        return celdas

    originales = respuestas(liberado)
    dadas = respuestas(entregado)
    hechas = sum(1 for gid, texto in originales.items() if dadas.get(gid, texto) not in (texto, ""))
    return hechas, len(originales)


def tabla_avance(registros: list[dict]) -> pd.DataFrame:
    """registros: dicts con codigo, nombre, ejercicio, estado (clave de ESTADOS), puntaje, maximo,
    pendiente_manual (bool), observaciones y, si se conocen, respondidas y preguntas.
    Ordena por nombre (español) y ejercicio. «Completado» = respondió todas las preguntas."""
    filas = []
    for r in sorted(registros, key=lambda r: (ids.clave_orden(r["nombre"]), r["ejercicio"])):
        maximo = r.get("maximo")
        puntaje = r.get("puntaje") if r["estado"] in ("completado", "revision") else None
        respondidas, preguntas = r.get("respondidas"), r.get("preguntas")
        if respondidas is None or not preguntas:
            texto_respondidas, completo = "—", r["estado"] == "completado"
        else:
            texto_respondidas, completo = f"{respondidas} de {preguntas}", respondidas == preguntas
        filas.append({
            "Participante": r["nombre"],
            "Código": r["codigo"],
            "Ejercicio": r["ejercicio"],
            "Entregó": "No" if r["estado"] == "sin_entrega" else "Sí",
            "Estado": ESTADOS[r["estado"]],
            "Preguntas respondidas": texto_respondidas,
            "Completado": "Sí" if completo and r["estado"] != "sin_entrega" else "No",
            "Puntaje": puntaje,
            "Puntaje máximo": maximo,
            "Porcentaje": round(puntaje / maximo * 100, 1) if (puntaje is not None and maximo) else None,
            "Falta calificar a mano": "Sí" if r.get("pendiente_manual") else "No",
            "Observaciones": r.get("observaciones") or "",
        })
    tabla = pd.DataFrame(filas, columns=COLUMNAS)
    for columna in ("Puntaje", "Puntaje máximo", "Porcentaje"):
        tabla[columna] = pd.to_numeric(tabla[columna], errors="coerce")
    tabla.attrs["por_pregunta"] = resumen_por_pregunta(registros)  # lo usa escribir_reporte
    tabla.attrs["paginas"] = {(r["codigo"], r["ejercicio"]): r["retroalimentacion"]  # para enlazarlas
                              for r in registros if r.get("retroalimentacion")}
    return tabla


def tramo(porcentaje_: float | None) -> tuple[str, str, str, str]:
    """(clase, palabra, fondo, texto) del color de un puntaje en %."""
    for desde, clase, palabra, fondo, texto in TRAMOS:
        if porcentaje_ is not None and not pd.isna(porcentaje_) and porcentaje_ >= desde:
            return clase, palabra, fondo, texto
    return SIN_PUNTAJE[0], "", SIN_PUNTAJE[1], SIN_PUNTAJE[2]


def _personas(cantidad: int) -> str:
    return f"{numero(cantidad)} {'persona' if cantidad == 1 else 'personas'}"


def resumen_partes(tabla: pd.DataFrame) -> tuple[str, list[str]]:
    """('5 participantes.', ['02_conteos_y_tasas: calificado: 3 personas, …', …]): personas, no filas."""
    personas = tabla["Código"].nunique()
    partes = []
    for ejercicio, parte in tabla.groupby("Ejercicio", sort=True):
        conteo = parte.groupby("Estado")["Código"].nunique()
        estados = [f"{estado.lower()}: {_personas(conteo[estado])}" for estado in ESTADOS.values() if estado in conteo]
        partes.append(f"{ejercicio}: " + ", ".join(estados) + ".")
    return f"{numero(personas)} {'participante' if personas == 1 else 'participantes'}.", partes


def resumen(tabla: pd.DataFrame) -> str:
    """Cuántas personas, y por ejercicio cuántas personas están en cada estado (personas, no filas)."""
    cabeza, partes = resumen_partes(tabla)
    return " ".join([cabeza, *partes])


def _enlace(pagina: str | None, desde: Path | None) -> str | None:
    """Ruta relativa (para abrir sin servidor, con file://) de una página de retroalimentación."""
    if not pagina or desde is None:
        return None
    return quote(Path(os.path.relpath(pagina, desde)).as_posix())


def tabla_por_persona(tabla: pd.DataFrame, desde: Path | None = None) -> tuple[list[str], list[dict]]:
    """Una fila por participante y una columna por ejercicio: (ejercicios, filas) para la página.
    Con `desde` (la carpeta del reporte), cada puntaje enlaza a la retroalimentación de esa persona."""
    paginas = tabla.attrs.get("paginas") or {}
    ejercicios = sorted(tabla["Ejercicio"].unique())
    filas = []
    for (nombre, codigo), parte in tabla.groupby(["Participante", "Código"], sort=False):
        por_ejercicio = parte.set_index("Ejercicio")
        celdas = []
        for ejercicio in ejercicios:
            if ejercicio not in por_ejercicio.index:
                celdas.append({"texto": "—", "detalle": "", "clase": SIN_PUNTAJE[0]})
                continue
            fila = por_ejercicio.loc[ejercicio]
            pct = fila["Porcentaje"]
            clase, palabra, _, _ = tramo(pct)
            if pd.notna(fila["Puntaje"]) and fila["Falta calificar a mano"] == "Sí":
                # Sin la escrita, el puntaje es parcial: ni porcentaje ni «Bien», que engañan.
                texto = f"{puntos(fila['Puntaje'])} de {puntos(fila['Puntaje máximo'])} por ahora"
                detalle, clase = PENDIENTE, SIN_PUNTAJE[0]
            elif pd.notna(fila["Puntaje"]):
                texto = f"{puntos(fila['Puntaje'])} de {puntos(fila['Puntaje máximo'])}"
                detalle = f"{porcentaje(pct / 100, 0)} · {palabra}" if pd.notna(pct) else palabra
            else:
                texto, detalle = fila["Estado"], ""
            celdas.append({"texto": texto, "detalle": detalle, "clase": clase,
                           "enlace": _enlace(paginas.get((codigo, ejercicio)), desde)})
        filas.append({"nombre": nombre, "codigo": codigo, "celdas": celdas})
    return ejercicios, filas


def resumen_por_pregunta(registros: list[dict]) -> dict[str, list[dict]]:
    """{ejercicio: [por pregunta: cuántas personas la tienen completa, a medias, sin puntos o por revisar]}.

    Usa `por_pregunta` de cada registro calificado (lo trae `leer_registros`). La pregunta que más
    costó (más personas sin el puntaje completo) lleva `mas_dificil`."""
    resultado: dict[str, dict[str, dict]] = {}
    for r in registros:
        if r.get("estado") not in ("completado", "revision"):
            continue
        for p in r.get("por_pregunta") or []:
            fila = resultado.setdefault(r["ejercicio"], {}).setdefault(p["id"], {
                "id": p["id"], "titulo": p["titulo"], "habilidad": p.get("habilidad"), "maximo": p["maximo"], "completas": 0, "parciales": 0,
                "ceros": 0, "pendientes": 0, "personas": 0, "mas_dificil": False, "quienes": []})
            fila["personas"] += 1
            if p.get("pendiente"):
                fila["pendientes"] += 1
            elif (p["puntaje"] or 0) >= (p["maximo"] or 0):
                fila["completas"] += 1
            else:
                fila["parciales" if (p["puntaje"] or 0) > 0 else "ceros"] += 1
                fila["quienes"].append(r.get("nombre") or r.get("codigo"))  # para saber a quién ayudar
    salida = {}
    for ejercicio, preguntas in sorted(resultado.items()):
        filas = list(preguntas.values())
        for fila in filas:
            fila["quienes"] = sorted(fila["quienes"], key=ids.clave_orden)
            revisadas = fila["personas"] - fila["pendientes"]
            fila["fallaron"] = fila["parciales"] + fila["ceros"]
            fila["porcentaje_completas"] = fila["completas"] / revisadas * 100 if revisadas else None
            fila["maximo_texto"] = f"{puntos(fila['maximo'])} {'punto' if fila['maximo'] == 1 else 'puntos'}"
        peor = max(filas, key=lambda f: f["fallaron"], default=None)
        if peor is not None and peor["fallaron"]:
            for fila in filas:
                fila["mas_dificil"] = fila["fallaron"] == peor["fallaron"]
        salida[ejercicio] = filas
    return salida


def resumen_por_habilidad(por_pregunta: dict) -> dict[str, list[dict]]:
    """{ejercicio: [por habilidad («juicio», «calculo», «recuerdo»): preguntas, respuestas revisadas,
    completas y el porcentaje de completas]}: qué tipo de pregunta le cuesta todavía al grupo.

    Sale de `resumen_por_pregunta` (cada fila trae la `habilidad` del banco). Las preguntas sin
    habilidad (un ejercicio sin banco) no cuentan."""
    from lideres.banco.carga import HABILIDADES

    salida = {}
    for ejercicio, filas in por_pregunta.items():
        grupos = []
        for habilidad in HABILIDADES:
            suyas = [f for f in filas if f.get("habilidad") == habilidad]
            if not suyas:
                continue
            revisadas = sum(f["personas"] - f["pendientes"] for f in suyas)
            completas = sum(f["completas"] for f in suyas)
            grupos.append({"habilidad": habilidad, "preguntas": [f["id"] for f in suyas],
                           "revisadas": revisadas, "completas": completas,
                           "porcentaje_completas": completas / revisadas * 100 if revisadas else None})
        if grupos:
            salida[ejercicio] = grupos
    return salida


def _habilidades_para_leer(por_pregunta: dict) -> dict[str, list[dict]]:
    """`resumen_por_habilidad` con los textos que lee quien facilita: nombre en español, cuántas
    preguntas, «8 de 12 respuestas completas» y el porcentaje (es-PE), con su color."""
    salida = {}
    for ejercicio, grupos in resumen_por_habilidad(por_pregunta).items():
        filas = []
        for g in grupos:
            nombre, que_pide = HABILIDADES_TEXTO.get(g["habilidad"], (g["habilidad"], ""))
            cuantas = len(g["preguntas"])
            filas.append(dict(
                g, nombre=nombre, que_pide=que_pide, clase=tramo(g["porcentaje_completas"])[0],
                preguntas_texto=f"{numero(cuantas)} {'pregunta' if cuantas == 1 else 'preguntas'}",
                completas_texto=(f"{numero(g['completas'])} de {numero(g['revisadas'])}" if g["revisadas"]
                                 else "aún sin respuestas revisadas"),
                porcentaje_texto=(porcentaje(g["porcentaje_completas"] / 100, 0)
                                  if g["porcentaje_completas"] is not None else "—")))
        salida[ejercicio] = filas
    return salida


def _html(tabla: pd.DataFrame, grafico: str | None, cuando: dt.date, por_pregunta: dict | None = None,
          carpeta: Path | None = None) -> str:
    entorno = jinja2.Environment(loader=jinja2.FileSystemLoader(_PLANTILLAS), autoescape=True)
    ejercicios, personas = tabla_por_persona(tabla, carpeta)
    detalle = []
    for _, fila in tabla.iterrows():
        celdas = []
        for columna in COLUMNAS:
            valor = fila[columna]
            if columna == "Porcentaje":
                texto = porcentaje(valor / 100, 0) if pd.notna(valor) else "—"
            elif columna in ("Puntaje", "Puntaje máximo"):
                texto = puntos(valor)
            else:
                texto = str(valor)
            celdas.append({"texto": texto, "num": columna in ("Puntaje", "Puntaje máximo", "Porcentaje")})
        detalle.append(celdas)
    preguntas = {}
    for ejercicio, filas in (por_pregunta or {}).items():
        preguntas[ejercicio] = [dict(f, clase=tramo(f["porcentaje_completas"])[0],
                                     completas_texto=(porcentaje(f["porcentaje_completas"] / 100, 0)
                                                      if f["porcentaje_completas"] is not None else "—"))
                                for f in filas]
    return entorno.get_template("reporte.html.j2").render(
        resumen=resumen_partes(tabla), fecha=fecha(cuando), grafico=grafico, ejercicios=ejercicios,
        personas=personas, columnas=COLUMNAS, detalle=detalle, preguntas=preguntas,
        habilidades=_habilidades_para_leer(por_pregunta or {}),
        tramos=TRAMOS, sin_puntaje=SIN_PUNTAJE, personas_texto=_personas,
    )


def _grafico(tabla: pd.DataFrame, ruta: Path) -> Path:
    """Una barra por persona y un panel por ejercicio, uno debajo de otro: 11 pulgadas de ancho a
    110 ppp (unos 1 200 px), para leerlo sin achicar en una pantalla de 1 280 px."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    ejercicios = sorted(tabla["Ejercicio"].unique()) or ["—"]
    personas = list(dict.fromkeys(tabla["Participante"]))
    alto_panel = max(1.6, 0.32 * len(personas) + 0.9)
    figura, ejes = plt.subplots(len(ejercicios), 1, figsize=(11, alto_panel * len(ejercicios) + 1.2),
                                squeeze=False)
    for eje, ejercicio in zip(ejes[:, 0], ejercicios, strict=False):
        parte = tabla[tabla["Ejercicio"] == ejercicio].set_index("Participante").reindex(personas)
        pendientes = (parte["Falta calificar a mano"] == "Sí").tolist()
        valores = parte["Porcentaje"].fillna(0).tolist()
        estados = parte["Estado"].fillna(ESTADOS["sin_entrega"]).tolist()
        colores = [SIN_PUNTAJE[1] if (pendiente or pd.isna(p)) else tramo(p)[2]
                   for p, pendiente in zip(parte["Porcentaje"], pendientes, strict=True)]
        posiciones = range(len(personas))
        eje.barh(list(posiciones), valores, color=colores, edgecolor="#5b6770", linewidth=0.5)
        for y, (valor, estado, pct, pendiente) in enumerate(
                zip(valores, estados, parte["Porcentaje"], pendientes, strict=True)):
            if pendiente:
                etiqueta = PENDIENTE
            elif pd.notna(pct):
                etiqueta = f"{porcentaje(pct / 100, 0)} · {tramo(pct)[1].lower()}"
            else:
                etiqueta = estado.lower()
            eje.text(min(valor, 100) + 1, y, etiqueta, va="center", fontsize=10, color="#1f2a33")
        eje.set_yticks(list(posiciones), personas, fontsize=10)
        eje.invert_yaxis()
        eje.set_xlim(0, 135)
        eje.set_xticks([0, 20, 40, 60, 80, 100], ["0 %", "20 %", "40 %", "60 %", "80 %", "100 %"], fontsize=10)
        eje.set_title(ejercicio, fontsize=12, loc="left")
        eje.grid(axis="x", alpha=0.3)
    ejes[-1, 0].set_xlabel("Puntaje (% del máximo)", fontsize=10)
    leyenda = [Patch(facecolor=fondo, edgecolor="#5b6770", label=f"{palabra} ({'100' if desde == 100 else f'{desde}+'} %)")
               for desde, _, palabra, fondo, _ in TRAMOS]
    leyenda.append(Patch(facecolor=SIN_PUNTAJE[1], edgecolor="#5b6770", label="Sin puntaje o " + PENDIENTE))
    figura.legend(handles=leyenda, loc="lower center", ncol=3, fontsize=10, frameon=False)
    figura.suptitle("Avance del grupo (puntaje automático + calificado a mano)", fontsize=13)
    pie = 0.9 / figura.get_figheight()  # la leyenda ocupa unas 0.9 pulgadas abajo
    figura.tight_layout(rect=(0, pie, 1, 1 - 0.45 / figura.get_figheight()))
    figura.savefig(ruta, dpi=110)
    plt.close(figura)
    return ruta


def tabla_por_pregunta(por_pregunta: dict) -> pd.DataFrame:
    """La cuenta por pregunta, para Excel: personas con la pregunta completa, a medias, sin puntos."""
    filas = [{"Ejercicio": ejercicio, "Pregunta": f["titulo"], "Código de la pregunta": f["id"],
              "Puntos": f["maximo"], "Personas calificadas": f["personas"], "Completa": f["completas"],
              "A medias": f["parciales"], "Sin puntos": f["ceros"], "Por revisar a mano": f["pendientes"],
              "La que más costó": "Sí" if f["mas_dificil"] else "No"}
             for ejercicio, preguntas in por_pregunta.items() for f in preguntas]
    return pd.DataFrame(filas, columns=["Ejercicio", "Pregunta", "Código de la pregunta", "Puntos",
                                        "Personas calificadas", "Completa", "A medias", "Sin puntos",
                                        "Por revisar a mano", "La que más costó"])


def escribir_reporte(tabla: pd.DataFrame, carpeta: Path, *, cuando: dt.date | None = None,
                     por_pregunta: dict | None = None) -> dict[str, Path]:
    """avance.csv, avance_por_pregunta.csv, avance.png y avance.html. `por_pregunta` (de
    `resumen_por_pregunta`) viene por defecto con la tabla de `tabla_avance`."""
    from lideres.exportar import guardar_csv

    carpeta = Path(carpeta)
    carpeta.mkdir(parents=True, exist_ok=True)
    cuando = cuando or dt.date.today()
    if por_pregunta is None:
        por_pregunta = tabla.attrs.get("por_pregunta") or {}
    rutas = {"csv": guardar_csv(tabla, carpeta / "avance.csv")}
    rutas["csv_preguntas"] = guardar_csv(tabla_por_pregunta(por_pregunta), carpeta / "avance_por_pregunta.csv")
    rutas["png"] = _grafico(tabla, carpeta / "avance.png")
    rutas["html"] = carpeta / "avance.html"
    rutas["html"].write_text(_html(tabla, "avance.png", cuando, por_pregunta, carpeta), encoding="utf-8")
    return rutas


def leer_registros(curso: Path, estado: dict) -> list[dict]:
    """Un registro por participante y ejercicio, desde el libro de notas y el estado de la calificación."""
    from nbgrader.api import MissingEntry

    curso = Path(curso)
    lista = ids.leer_lista(curso)
    registros = []
    with Curso.de(curso).libro() as gb:
        maximos = {a.name: a.max_score for a in gb.assignments}
        liberados = {ejercicio: _liberados(curso, ejercicio) for ejercicio in maximos}
        preguntas = {ejercicio: _preguntas_de(curso, ejercicio) for ejercicio in maximos}
        codigos = {s.id for s in gb.students} | set(lista)
        for codigo in codigos:
            nombre = ids.nombre_de(lista, codigo)
            for ejercicio, maximo in maximos.items():
                info = (estado.get(ejercicio) or {}).get(codigo) or {}
                observaciones = " ".join([info.get("motivo") or ""] + list(info.get("notas") or [])).strip()
                registro = {"codigo": codigo, "nombre": nombre, "ejercicio": ejercicio, "maximo": maximo,
                            "puntaje": None, "pendiente_manual": False, "observaciones": observaciones}
                try:
                    entrega = gb.find_submission(ejercicio, codigo)
                except MissingEntry:
                    entrega = None
                recogido = Curso.de(curso).entrega(codigo, ejercicio).is_dir()
                if recogido:
                    registro["respondidas"], registro["preguntas"] = _respondidas(
                        Curso.de(curso).entrega(codigo, ejercicio), liberados[ejercicio])
                if info.get("estado") == "no_calificado":
                    registro["estado"] = "no_calificado"
                elif entrega is not None:
                    registro["por_pregunta"] = _puntos_por_pregunta(entrega, preguntas[ejercicio])
                    paginas = sorted(Curso.de(curso).retroalimentacion(codigo, ejercicio).glob("*.html"))
                    if paginas:
                        registro["retroalimentacion"] = str(paginas[0])
                    registro["puntaje"] = entrega.score
                    registro["pendiente_manual"] = bool(entrega.needs_manual_grade)
                    registro["estado"] = "revision" if entrega.needs_manual_grade else "completado"
                elif recogido:
                    registro["estado"] = "sin_calificar"
                else:
                    registro["estado"] = "sin_entrega"
                registros.append(registro)
    return registros


def _preguntas_de(curso: Path, ejercicio: str) -> dict[str, list[dict]]:
    """{cuaderno: sus preguntas} desde los cuadernos fuente (con los títulos del banco, si hay)."""
    from lideres.curso.retroalimentacion import cargar_banco, preguntas_del_cuaderno

    banco = cargar_banco(curso, ejercicio)
    resultado = {}
    for ruta in sorted((Curso.de(curso).source / ejercicio).glob("*.ipynb")):
        try:
            resultado[ruta.stem] = preguntas_del_cuaderno(json.loads(ruta.read_text(encoding="utf-8")), banco)
        except (OSError, ValueError):
            continue
    return resultado


def _puntos_por_pregunta(entrega, preguntas: dict[str, list[dict]]) -> list[dict]:
    """Puntos de una entrega (del libro de notas) sumados por pregunta."""
    resultado = []
    for cuaderno in entrega.notebooks:
        notas = {g.name: g for g in cuaderno.grades}
        for p in preguntas.get(cuaderno.name, []):
            celdas = [notas[g] for g in p["celdas"] if g in notas]
            if not celdas:
                continue
            resultado.append({
                "id": p["id"], "titulo": p["titulo"], "habilidad": p.get("habilidad"),
                "puntaje": sum(g.score or 0 for g in celdas), "maximo": sum(g.max_score or 0 for g in celdas),
                "pendiente": any(g.needs_manual_grade and g.manual_score is None for g in celdas),
            })
    return resultado


def _liberados(curso: Path, ejercicio: str) -> list[tuple[str, dict]] | None:
    """Los cuadernos de release/ tal como los recibió cada participante (None si alguno está dañado)."""
    try:
        return [(ruta.name, json.loads(ruta.read_text(encoding="utf-8")))
                for ruta in sorted((Curso.de(curso).release / ejercicio).glob("*.ipynb"))]
    except (OSError, ValueError):
        return None


def _respondidas(entregados: Path, liberados: list[tuple[str, dict]] | None) -> tuple[int | None, int | None]:
    """Cuenta las respuestas de cada cuaderno entregado contra su versión liberada."""
    hechas = total = 0
    for nombre, original in liberados or []:
        entregado = entregados / nombre
        try:
            dado = json.loads(entregado.read_text(encoding="utf-8")) if entregado.is_file() else {}
        except (OSError, ValueError):
            return None, None  # cuaderno dañado: ya lo explica la columna Observaciones
        h, t = contar_respondidas(dado, original)
        hechas, total = hechas + h, total + t
    return (hechas, total) if total else (None, None)
