"""Avance del grupo: participante × ejercicio, en CSV, HTML y un gráfico PNG.

`tabla_avance` es pura (recibe registros y devuelve la tabla con encabezados en español);
`leer_registros` consulta el libro de notas de nbgrader; `escribir_reporte` guarda los archivos.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path

import pandas as pd

from lideres.curso import ids
from lideres.curso.carpeta import Curso
from lideres.curso.puntos import puntos
from lideres.formato import fecha, numero, porcentaje

COLUMNAS = ["Participante", "Código", "Ejercicio", "Entregó", "Estado", "Preguntas respondidas",
            "Completado", "Puntaje", "Puntaje máximo", "Porcentaje", "Revisión manual pendiente",
            "Observaciones"]
ESTADOS = {
    "completado": "Calificado",
    "revision": "Falta revisión manual",
    "no_calificado": "No se pudo calificar",
    "sin_entrega": "Sin entrega",
    "sin_calificar": "Recogido, falta calificar",
}
COLORES = {"completado": "#1b7a3a", "revision": "#d08c00", "no_calificado": "#b3261e",
           "sin_entrega": "#9aa3ab", "sin_calificar": "#5b8cc4"}


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
            "Revisión manual pendiente": "Sí" if r.get("pendiente_manual") else "No",
            "Observaciones": r.get("observaciones") or "",
        })
    tabla = pd.DataFrame(filas, columns=COLUMNAS)
    for columna in ("Puntaje", "Puntaje máximo", "Porcentaje"):
        tabla[columna] = pd.to_numeric(tabla[columna], errors="coerce")
    return tabla


def resumen(tabla: pd.DataFrame) -> str:
    personas = tabla["Participante"].nunique()
    conteo = tabla["Estado"].value_counts()
    partes = [f"{estado}: {numero(conteo[estado])}" for estado in ESTADOS.values() if estado in conteo]
    return f"{numero(personas)} participantes. " + (" · ".join(partes) + "." if partes else "")


def _html(tabla: pd.DataFrame, grafico: str | None, cuando: dt.date) -> str:
    filas = []
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
            clase = ' class="num"' if columna in ("Puntaje", "Puntaje máximo", "Porcentaje") else ""
            celdas.append(f"<td{clase}>{html.escape(texto)}</td>")
        filas.append("<tr>" + "".join(celdas) + "</tr>")
    encabezado = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in COLUMNAS)
    imagen = (f'<img src="{html.escape(grafico)}" alt="Gráfico del avance del grupo por participante">'
              if grafico else "")
    return f"""<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Avance del grupo · Escuela de Líderes</title>
<style>
  body {{ font-family: "DejaVu Sans", system-ui, sans-serif; color: #1f2a33; margin: 0; background: #f6f7f9; }}
  main {{ max-width: 1100px; margin: 0 auto; padding: 1rem; }}
  h1 {{ font-size: 1.4rem; }}
  .tabla {{ overflow-x: auto; background: #fff; border: 1px solid #dde1e5; border-radius: 8px; }}
  table {{ border-collapse: collapse; width: 100%; font-size: .95rem; }}
  th, td {{ padding: .35rem .6rem; border-bottom: 1px solid #e6e9ec; text-align: left; vertical-align: top; }}
  th {{ background: #eef1f4; }}
  td.num {{ text-align: right; white-space: nowrap; }}
  td:nth-child(2) {{ white-space: nowrap; }}
  img {{ max-width: 100%; background: #fff; border: 1px solid #dde1e5; border-radius: 8px; margin: 1rem 0; }}
  footer {{ color: #5b6770; font-size: .85rem; margin: 1.5rem 0; }}
</style>
</head>
<body>
<main>
<h1>Avance del grupo</h1>
<p>{html.escape(resumen(tabla))} Actualizado el {html.escape(fecha(cuando))}.</p>
{imagen}
<div class="tabla"><table>
<thead><tr>{encabezado}</tr></thead>
<tbody>
{chr(10).join(filas)}
</tbody>
</table></div>
<footer>«Falta revisión manual»: la pregunta escrita aún no tiene nota; ábrela en el formgrader de nbgrader.
El puntaje incluye lo automático y lo revisado a mano.</footer>
</main>
</body>
</html>
"""


def _grafico(tabla: pd.DataFrame, ruta: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    ejercicios = sorted(tabla["Ejercicio"].unique()) or ["—"]
    personas = list(dict.fromkeys(tabla["Participante"]))
    alto = max(2.5, 0.35 * len(personas) + 1.5)
    figura, ejes = plt.subplots(1, len(ejercicios), figsize=(5.5 * len(ejercicios) + 2, alto), squeeze=False)
    for eje, ejercicio in zip(ejes[0], ejercicios, strict=False):
        parte = tabla[tabla["Ejercicio"] == ejercicio].set_index("Participante").reindex(personas)
        valores = parte["Porcentaje"].fillna(0).tolist()
        estados = parte["Estado"].fillna(ESTADOS["sin_entrega"]).tolist()
        colores = [COLORES[_clave_estado(e)] for e in estados]
        posiciones = range(len(personas))
        eje.barh(list(posiciones), valores, color=colores)
        for y, (valor, estado, pct) in enumerate(zip(valores, estados, parte["Porcentaje"], strict=True)):
            etiqueta = (porcentaje(pct / 100, 0) + " · " if pd.notna(pct) else "") + estado
            eje.text(min(valor, 100) + 1, y, etiqueta, va="center", fontsize=8,
                     color=COLORES[_clave_estado(estado)])
        eje.set_yticks(list(posiciones), personas)
        eje.invert_yaxis()
        eje.set_xlim(0, 140)
        eje.set_xticks([0, 20, 40, 60, 80, 100])
        eje.set_xlabel("Puntaje (% del máximo)")
        eje.set_title(ejercicio)
        eje.grid(axis="x", alpha=0.3)
    leyenda = [Patch(color=COLORES[k], label=v) for k, v in ESTADOS.items()]
    figura.legend(handles=leyenda, loc="lower center", ncol=3, fontsize=8, frameon=False)
    figura.suptitle("Avance del grupo (puntaje automático + revisado a mano)")
    figura.tight_layout(rect=(0, 0.12 if alto < 4 else 0.07, 1, 0.97))
    figura.savefig(ruta, dpi=110)
    plt.close(figura)
    return ruta


def _clave_estado(texto: str) -> str:
    return next((k for k, v in ESTADOS.items() if v == texto), "sin_entrega")


def escribir_reporte(tabla: pd.DataFrame, carpeta: Path, *, cuando: dt.date | None = None) -> dict[str, Path]:
    from lideres.exportar import guardar_csv

    carpeta = Path(carpeta)
    carpeta.mkdir(parents=True, exist_ok=True)
    cuando = cuando or dt.date.today()
    rutas = {"csv": guardar_csv(tabla, carpeta / "avance.csv")}
    rutas["png"] = _grafico(tabla, carpeta / "avance.png")
    rutas["html"] = carpeta / "avance.html"
    rutas["html"].write_text(_html(tabla, "avance.png", cuando), encoding="utf-8")
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
                    registro["puntaje"] = entrega.score
                    registro["pendiente_manual"] = bool(entrega.needs_manual_grade)
                    registro["estado"] = "revision" if entrega.needs_manual_grade else "completado"
                elif recogido:
                    registro["estado"] = "sin_calificar"
                else:
                    registro["estado"] = "sin_entrega"
                registros.append(registro)
    return registros


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
