"""El cuaderno de incidencias de la junta vecinal: la plantilla para llevarlo, el formulario en
papel, lo que dice un archivo subido y lo que se puede exportar.

    from lideres.modulos.m09_tus_datos import calculos as c
    Path("cuaderno.xlsx").write_bytes(c.plantilla_excel())
    revision = lideres.revisar_archivo("cuaderno.xlsx")
    c.columnas_y_preguntas(revision)      # qué dice cada columna y qué preguntas responde
    c.hora_por_dia(revision)              # tabla hora × día de la semana
    c.exportar_anonimizado(revision, radio_m=200, semilla=9)   # bytes de un CSV para compartir

Nada aquí escribe en el disco: todo devuelve bytes o tablas (el tablero de subida guarda el archivo
solo en la memoria de su sesión).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pandas as pd

from lideres import formato
from lideres.exportar import neutralizar_tabla
from lideres.revisar.frases import cuantos

COLUMNAS = ["fecha", "hora", "tipo", "distrito", "lat", "lon", "lugar", "fuente"]
TIPOS = ["Robo", "Hurto", "Robo en vivienda", "Extorsión", "Estafa", "Violencia familiar",
         "Pelea o riña", "Venta o consumo de drogas en la calle", "Persona o vehículo sospechoso", "Otro"]
FUENTES = ["Vecino o vecina", "Ronda de la junta", "Serenazgo", "Comisaría", "Otra"]
AYUDAS = {
    "fecha": "Día en que pasó, como día/mes/año: 05/03/2025.",
    "hora": "Escribe la hora aproximada, de 0:00 a 23:59 (14:30). Déjala vacía si no se sabe.",
    "tipo": "Elige de la lista. Si no está, «Otro».",
    "distrito": "Nombre del distrito, por ejemplo El Porvenir.",
    "lat": "Opcional: escribe la latitud del lugar aproximado (de un mapa), por ejemplo -8.0712.",
    "lon": "Opcional: escribe la longitud del lugar aproximado, por ejemplo -79.0045.",
    "lugar": "Referencia general: cuadra, parque, paradero. NUNCA el número de una casa ni nombres.",
    "fuente": "Quién lo contó a la junta (elige de la lista).",
}
DIAS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
FILAS_CON_VALIDACION = 2000


def plantilla_excel() -> bytes:
    """El cuaderno de incidencias en Excel (.xlsx): títulos, listas desplegables de tipo y fuente,
    fecha y hora validadas, y una hoja «Cómo llenarlo». Sin filas de ejemplo (se contarían)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    libro = Workbook()
    hoja = libro.active
    hoja.title = "Incidencias"
    hoja.append(COLUMNAS)
    negrita, gris = Font(bold=True), PatternFill("solid", fgColor="DDDDDD")
    anchos = {"fecha": 12, "hora": 8, "tipo": 30, "distrito": 22, "lat": 11, "lon": 11, "lugar": 36, "fuente": 20}
    for i, columna in enumerate(COLUMNAS, start=1):
        celda = hoja.cell(row=1, column=i)
        celda.font, celda.fill = negrita, gris
        hoja.column_dimensions[celda.column_letter].width = anchos[columna]
    hoja.freeze_panes = "A2"

    listas = libro.create_sheet("Listas")  # las opciones de las listas desplegables
    for fila, tipo in enumerate(TIPOS, start=1):
        listas.cell(row=fila, column=1, value=tipo)
    for fila, fuente in enumerate(FUENTES, start=1):
        listas.cell(row=fila, column=2, value=fuente)
    listas.sheet_state = "hidden"

    ultima = FILAS_CON_VALIDACION + 1

    def validar(dv: DataValidation, letra: str, titulo: str, mensaje: str) -> None:
        dv.errorTitle, dv.error = titulo, mensaje
        dv.promptTitle, dv.prompt = titulo, AYUDAS[COLUMNAS[ord(letra) - 65]]
        dv.showErrorMessage = dv.showInputMessage = True
        hoja.add_data_validation(dv)
        dv.add(f"{letra}2:{letra}{ultima}")

    validar(DataValidation(type="date", operator="between", formula1="DATE(1990,1,1)", formula2="TODAY()",
                           allow_blank=True), "A", "Fecha", "Escribe una fecha como 05/03/2025 (no futura).")
    validar(DataValidation(type="time", operator="between", formula1="0", formula2="0.999988",
                           allow_blank=True), "B", "Hora", "Escribe una hora como 14:30.")
    validar(DataValidation(type="list", formula1=f"=Listas!$A$1:$A${len(TIPOS)}", allow_blank=True),
            "C", "Tipo", "Elige un tipo de la lista.")
    validar(DataValidation(type="decimal", operator="between", formula1="-18.4", formula2="0",
                           allow_blank=True), "E", "Latitud", "En el Perú la latitud va de -18.4 a 0.")
    validar(DataValidation(type="decimal", operator="between", formula1="-81.4", formula2="-68.6",
                           allow_blank=True), "F", "Longitud", "En el Perú la longitud va de -81.4 a -68.6.")
    validar(DataValidation(type="list", formula1=f"=Listas!$B$1:$B${len(FUENTES)}", allow_blank=True),
            "H", "Fuente", "Elige de la lista.")
    # formato de la columna entera (no de 2000 celdas vacías, que se leerían como filas)
    hoja.column_dimensions["A"].number_format = "DD/MM/YYYY"
    hoja.column_dimensions["B"].number_format = "HH:MM"

    ayuda = libro.create_sheet("Cómo llenarlo", 0)
    ayuda.column_dimensions["A"].width = 14
    ayuda.column_dimensions["B"].width = 90
    ayuda.append(["Cuaderno de incidencias de la junta vecinal"])
    ayuda["A1"].font = Font(bold=True, size=14)
    ayuda.append(["Una incidencia por fila, en la hoja «Incidencias». No escribas nombres de personas ni "
                  "números de casa: el cuaderno se puede perder o compartir."])
    ayuda.append([])
    for columna in COLUMNAS:
        ayuda.append([columna, AYUDAS[columna]])
        ayuda.cell(row=ayuda.max_row, column=1).font = negrita
    ayuda.append([])
    ayuda.append(["Revisarlo", "lideres datos revisar cuaderno.xlsx  (o súbelo en el tablero «Tus propios datos»)"])
    for fila in ayuda.iter_rows():
        for celda in fila:
            celda.alignment = Alignment(wrap_text=True, vertical="top")
    libro.active = 1  # se abre en la hoja de incidencias
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


# --------------------------------------------------------------------------- lo que dice un archivo

def columnas_y_preguntas(revision) -> list[dict[str, str]]:
    """Cada columna del archivo (ya revisada) con un resumen y las preguntas que permite responder."""
    tabla = revision.tabla
    filas = []
    if "fecha" in tabla.columns and len(tabla):
        filas.append({"columna": "fecha", "resumen": f"del {formato.fecha(revision.fecha_min)} al "
                      f"{formato.fecha(revision.fecha_max)}",
                      "preguntas": "¿En qué meses se anotaron más incidencias? ¿Cambia con el tiempo?"})
    if "hora" in tabla.columns:
        con_hora = int(tabla["hora"].notna().sum())
        filas.append({"columna": "hora", "resumen": f"{formato.numero(con_hora)} de {formato.numero(len(tabla))} "
                      "filas tienen hora", "preguntas": "¿A qué horas y qué días pasan más cosas?"})
    if "tipo" in tabla.columns:
        filas.append({"columna": "tipo", "resumen": cuantos(len(revision.tipos), "tipo", "tipos distintos"),
                      "preguntas": "¿Qué pasa más? ¿Qué se anota poco aunque pase?"})
    if "distrito" in tabla.columns:
        filas.append({"columna": "distrito", "resumen": cuantos(len(revision.distritos), "distrito", "distritos"),
                      "preguntas": "¿En qué distrito? (para comparar distritos, usa tasas: módulo 02)"})
    if "lat" in tabla.columns:
        con_punto = int(tabla["lat"].notna().sum())
        filas.append({"columna": "lat y lon", "resumen": cuantos(con_punto, "fila con punto", "filas con punto"),
                      "preguntas": "¿Se juntan en algún lugar? (antes de compartir el mapa, anonimízalo: módulo 08)"})
    if "fuente" in tabla.columns:
        filas.append({"columna": "fuente", "resumen": "quién lo contó a la junta",
                      "preguntas": "¿Cuánto viene de cada fuente? ¿Qué no llega a la junta?"})
    return filas


def hora_por_dia(revision) -> pd.DataFrame:
    """Incidencias por hora (filas 0–23) y día de la semana (columnas lunes…domingo); sin hora no cuentan."""
    tabla = revision.tabla
    vacia = pd.DataFrame(0, index=range(24), columns=DIAS)
    if "hora" not in tabla.columns:
        return vacia
    con_hora = tabla[tabla["hora"].notna()]
    horas = con_hora["hora"].str.slice(0, 2).astype(int)
    dias = con_hora["fecha"].dt.day_of_week.map(dict(enumerate(DIAS)))
    valores = con_hora["cantidad"] if "cantidad" in con_hora.columns else pd.Series(1, index=con_hora.index)
    cruce = valores.groupby([horas, dias]).sum().unstack(fill_value=0)
    resultado = cruce.reindex(index=range(24), columns=DIAS, fill_value=0).astype(int)
    resultado.index.name = "hora"
    resultado.columns.name = "día"
    return resultado


# --------------------------------------------------------------------------- exportar

def _csv(tabla: pd.DataFrame) -> bytes:
    tabla = tabla.copy()
    for columna in tabla.columns:
        if pd.api.types.is_datetime64_any_dtype(tabla[columna]):
            tabla[columna] = tabla[columna].dt.strftime("%Y-%m-%d")
    return neutralizar_tabla(tabla).to_csv(index=False).encode("utf-8-sig")


def exportar_limpio(revision) -> bytes:
    """Las filas válidas en CSV (UTF-8 con BOM, celdas que Excel leería como fórmula neutralizadas).
    Es para la junta: puede tener referencias de lugar; no es para publicar."""
    return _csv(revision.tabla)


RADIO_ANONIMO_M = 200  # metros que se mueve, como mucho, cada punto del archivo anonimizado
UMBRAL_ANONIMO = 3     # combinaciones tipo × mes × zona con menos filas que esto se quitan


def exportar_anonimizado(revision, radio_m: float = RADIO_ANONIMO_M, semilla: int = 9,
                         umbral: int = UMBRAL_ANONIMO) -> bytes:
    """Para compartir fuera de la junta: sin lugar ni fuente, fecha solo como mes, puntos movidos
    al azar hasta `radio_m` metros, y sin las combinaciones tipo × mes × zona con menos de `umbral`
    filas (lideres.anonimizar, lo que enseña el módulo 08). Con la misma semilla, el mismo archivo."""
    from lideres.anonimizar import proteger

    tabla = revision.tabla.drop(columns=["ubigeo"], errors="ignore")
    return _csv(proteger(tabla, radio_m=radio_m, semilla=semilla, umbral=umbral))


def formulario_papel() -> bytes:
    """El formulario en papel (PDF de una página, A4 horizontal) para anotar incidencias a mano y
    pasarlas luego a la plantilla. Sin internet: typst y la letra de matplotlib, como la ficha."""
    from lideres.pdf import compilar

    plantilla = Path(__file__).with_name("plantillas") / "formulario.typ"
    datos = {"tipos": TIPOS, "fuentes": FUENTES, "ayudas": AYUDAS, "filas": 14,
             "fecha": formato.fecha(dt.date.today())}
    return compilar(plantilla, datos, que="el formulario en papel")


# --------------------------------------------------------------------------- ejemplos para la lección

def ejemplo_cuaderno() -> bytes:
    """Un cuaderno SINTÉTICO (inventado) en CSV, como lo deja Excel, con dos filas con problemas."""
    # Cada fila como tupla: son datos de ejemplo, no frases (la revisión de cifras lee las frases).
    filas = [
        ("fecha", "hora", "tipo", "distrito", "lugar", "fuente"),
        ("05/03/2025", "21:30", "Robo", "El Porvenir", "paradero de la avenida", "Ronda de la junta"),
        ("06/03/2025", "", "Hurto", "El Porvenir", "mercado", "Vecino o vecina"),
        ("31/02/2025", "10:00", "Robo", "El Porvenir", "parque", "Serenazgo"),
        ("08/03/2025", "19:00", "Extorsión", "Porvenir Alto", "", "Vecino o vecina"),
        ("09/03/2025", "7 p.m.", "Robo", "La Esperanza", "colegio", "Ronda de la junta"),
    ]
    filas = [";".join(f) for f in filas]
    return ("\r\n".join(filas) + "\r\n").encode("utf-8")


def ejemplo_oficial(semilla: int = 9) -> bytes:
    """Un archivo con la forma del mensual oficial de «Denuncias Policiales» y conteos SINTÉTICOS
    (inventados con semilla) para dos distritos de Arequipa, 2024."""
    import numpy as np

    rng = np.random.default_rng(semilla)
    filas = ["ANIO,MES,DPTO_HECHO_NEW,PROV_HECHO,DIST_HECHO,UBIGEO_HECHO,P_MODALIDADES,cantidad"]
    for distrito, ubigeo in (("CAYMA", "40103"), ("YANAHUARA", "40126")):
        for mes in range(1, 13):
            for modalidad in ("ROBO", "HURTO"):
                filas.append(f"2024,{mes},AREQUIPA,AREQUIPA,{distrito},{ubigeo},{modalidad},{rng.poisson(12)}")
    return ("\n".join(filas) + "\n").encode("utf-8")
