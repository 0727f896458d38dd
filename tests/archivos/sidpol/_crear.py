"""Crea los archivos de prueba con las formas del archivo oficial «Denuncias Policiales»
(MININTER, SIDPOL), para tests/test_revisar_oficiales.py.

Los CONTEOS SON INVENTADOS (sintéticos, con semilla): solo las columnas y la forma siguen lo
publicado (el diccionario de datos del MININTER para el mensual; las exportaciones por caso que
circulan para los otros). No son cifras reales de ningún distrito y no deben citarse.

    python tests/archivos/sidpol/_crear.py

- sintetico_mensual.csv: ANIO, MES, DPTO_HECHO_NEW, PROV_HECHO, DIST_HECHO, UBIGEO_HECHO,
  P_MODALIDADES, cantidad; UTF-8, coma. UBIGEO como número (sin el cero inicial: 40103 = Cayma,
  Arequipa). 2024 completo para Cayma y Arequipa (cercado), algunos meses de Comas, El Porvenir
  y Chachapoyas (10101); una fila mala (MES 13).
- sintetico_mensual.xlsx: las mismas filas en Excel.
- sintetico_casos_texto.csv: fecha_hora_hecho (texto), distrito_hecho, modalidad_hecho,
  lat_hecho, long_hecho (minúsculas), en Cayma y Yanahuara (Arequipa) y El Porvenir.
- sintetico_casos_epoch.csv: los mismos títulos en MAYÚSCULAS, más UBIGEO_HECHO, con la fecha
  en milisegundos desde 1970 (UTC).
- sintetico_titulos_propios.csv: un registro con títulos que no se reconocen (para --columnas).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from pathlib import Path

import openpyxl

AQUI = Path(__file__).resolve().parent
SEMILLA = 2108
MENSUAL = ["ANIO", "MES", "DPTO_HECHO_NEW", "PROV_HECHO", "DIST_HECHO", "UBIGEO_HECHO", "P_MODALIDADES",
           "cantidad"]
DISTRITOS = [  # (departamento, provincia, distrito, ubigeo como número, meses)
    ("AREQUIPA", "AREQUIPA", "CAYMA", 40103, range(1, 13)),
    ("AREQUIPA", "AREQUIPA", "AREQUIPA", 40101, range(1, 13)),
    ("LIMA", "LIMA", "COMAS", 150110, range(1, 4)),
    ("LA LIBERTAD", "TRUJILLO", "EL PORVENIR", 130102, range(1, 4)),
    ("AMAZONAS", "CHACHAPOYAS", "CHACHAPOYAS", 10101, range(1, 3)),
]
MODALIDADES = ["ROBO", "HURTO", "ESTAFA"]


def filas_mensuales() -> list[list]:
    azar = random.Random(SEMILLA)
    filas = []
    for dpto, prov, dist, ubigeo, meses in DISTRITOS:
        for mes in meses:
            for modalidad in MODALIDADES:
                filas.append([2024, mes, dpto, prov, dist, ubigeo, modalidad, azar.randint(0, 40)])
    filas.append([2024, 13, "AREQUIPA", "AREQUIPA", "CAYMA", 40103, "ROBO", 5])  # mes que no existe
    return filas


def escribir_csv(nombre: str, titulos: list[str], filas: list[list], sep: str = ",") -> None:
    salida = io.StringIO()
    escritor = csv.writer(salida, delimiter=sep, lineterminator="\r\n")
    escritor.writerow(titulos)
    escritor.writerows(filas)
    (AQUI / nombre).write_bytes(salida.getvalue().encode("utf-8"))


def casos() -> list[tuple]:
    """(momento en hora del Perú, distrito, ubigeo, modalidad, lat, lon)"""
    azar = random.Random(SEMILLA + 1)
    lugares = [("CAYMA", "040103", -16.375, -71.545), ("YANAHUARA", "040126", -16.388, -71.543),
               ("EL PORVENIR", "130102", -8.075, -79.000)]
    filas = []
    for i in range(12):
        distrito, ubigeo, lat, lon = lugares[i % 3]
        momento = dt.datetime(2024, 1 + i, 5 + i, 8 + i, 30)
        filas.append((momento, distrito, ubigeo, MODALIDADES[i % 3],
                      round(lat + azar.uniform(-0.004, 0.004), 5), round(lon + azar.uniform(-0.004, 0.004), 5)))
    return filas


def main() -> None:
    filas = filas_mensuales()
    escribir_csv("sintetico_mensual.csv", MENSUAL, filas)
    libro = openpyxl.Workbook()
    hoja = libro.active
    hoja.title = "Denuncias"
    hoja.append(MENSUAL)
    for fila in filas:
        hoja.append(fila)
    libro.save(AQUI / "sintetico_mensual.xlsx")

    titulos = ["fecha_hora_hecho", "distrito_hecho", "modalidad_hecho", "lat_hecho", "long_hecho"]
    escribir_csv("sintetico_casos_texto.csv", titulos,
                 [[m.strftime("%Y-%m-%d %H:%M:%S"), d, t, la, lo] for m, d, _, t, la, lo in casos()])
    peru = dt.timezone(dt.timedelta(hours=-5))
    escribir_csv("sintetico_casos_epoch.csv", [t.upper() for t in titulos] + ["UBIGEO_HECHO"],
                 [[int(m.replace(tzinfo=peru).timestamp() * 1000), d, t, la, lo, u]
                  for m, d, u, t, la, lo in casos()])
    escribir_csv("sintetico_titulos_propios.csv", ["Día del hecho", "Qué pasó", "Dónde"],
                 [["05/03/2025", "Robo", "Comas"], ["06/03/2025", "Hurto", "Comas"],
                  ["07/03/2025", "Robo", "Independencia"]], sep=";")


if __name__ == "__main__":
    main()
