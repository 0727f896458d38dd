"""Crea el corpus de archivos buenos y malos para tests/test_revisar.py.

Se corrió una vez y los archivos están en git, para que se vean tal cual. Se escriben BYTES
exactos, como los deja Excel en una computadora peruana: Windows/Latin-1 (cp1252) con `;` y
fin de línea CRLF, UTF-8 con BOM, "Texto Unicode" (UTF-16 con tabulaciones), coma decimal.

    python tests/archivos/revisar/_crear.py

Los datos son inventados (sintéticos) y sirven solo para probar la lectura.
Los archivos OLE2 malos (protegido.xlsx, antiguo.xls) son contenedores mínimos armados aquí
con la misma estructura que usa Office; no los produjo Excel (no hay Excel en este entorno).
bueno_antiguo.xls es el único .xls de verdad (BIFF8, Excel 97-2003): lo escribe xlwt, que no es
dependencia del proyecto. Para rehacerlo:

    pip install --target /tmp/xlwt_t xlwt
    PYTHONPATH=/tmp/xlwt_t python tests/archivos/revisar/_crear.py

Sin xlwt, el script avisa y deja el bueno_antiguo.xls que ya está en git.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
import zipfile
from pathlib import Path

import openpyxl

AQUI = Path(__file__).resolve().parent


def escribir(nombre: str, datos: bytes) -> None:
    (AQUI / nombre).write_bytes(datos)


def texto(lineas: list[str], codificacion: str = "cp1252", fin: str = "\r\n", bom: bytes = b"") -> bytes:
    return bom + fin.join(lineas).encode(codificacion) + fin.encode(codificacion)


def ole2(flujos: list[str]) -> bytes:
    """Contenedor OLE2 (Compound File v3) mínimo con flujos vacíos de esos nombres."""
    fin_cadena, libre, sin_flujo = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFF
    cabecera = bytearray(512)
    cabecera[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", cabecera, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", cabecera, 44, 1, 1, 0, 4096, fin_cadena, 0, fin_cadena, 0)
    struct.pack_into("<I", cabecera, 76, 0)  # la tabla FAT está en el sector 0
    for i in range(1, 109):
        struct.pack_into("<I", cabecera, 76 + 4 * i, libre)
    fat = bytearray(b"\xff" * 512)
    struct.pack_into("<II", fat, 0, 0xFFFFFFFD, fin_cadena)  # sector 0 = FAT, sector 1 = directorio

    def entrada(nombre: str, tipo: int, izquierda: int, derecha: int, hijo: int) -> bytes:
        e = bytearray(128)
        codificado = nombre.encode("utf-16-le") + b"\x00\x00"
        e[0:len(codificado)] = codificado
        struct.pack_into("<HBB", e, 64, len(codificado), tipo, 1)
        struct.pack_into("<III", e, 68, izquierda, derecha, hijo)
        struct.pack_into("<II", e, 116, fin_cadena, 0)
        return bytes(e)

    directorio = bytearray(entrada("Root Entry", 5, sin_flujo, sin_flujo, 1))
    for i, nombre in enumerate(flujos, start=1):
        siguiente = i + 1 if i < len(flujos) else sin_flujo
        directorio += entrada(nombre, 2, sin_flujo, siguiente, sin_flujo)
    while len(directorio) < 512:
        directorio += entrada("", 0, sin_flujo, sin_flujo, sin_flujo)
    return bytes(cabecera + fat + directorio[:512])


def xlsx(libro: openpyxl.Workbook) -> bytes:
    fijo = dt.datetime(2025, 4, 1, 8, 0)
    libro.properties.created = fijo
    libro.properties.modified = fijo
    salida = io.BytesIO()
    libro.save(salida)
    # Fecha fija dentro del zip, para que volver a correr este script dé los mismos bytes.
    fijo_zip = io.BytesIO()
    with zipfile.ZipFile(salida) as origen, zipfile.ZipFile(fijo_zip, "w", zipfile.ZIP_DEFLATED) as destino:
        for info in origen.infolist():
            contenido = origen.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl pone la hora de guardado
                contenido = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-04-01T08:00:00Z", contenido)
            destino.writestr(zipfile.ZipInfo(info.filename, date_time=(2025, 4, 1, 8, 0, 0)),
                             contenido, compress_type=zipfile.ZIP_DEFLATED)
    return fijo_zip.getvalue()


def buenos() -> None:
    # Excel "CSV (delimitado por comas)" con configuración regional que usa ';': cp1252 y CRLF.
    # Título arriba, columnas vacías a la derecha, una fecha imposible y un distrito mal escrito.
    escribir("bueno_latin1_puntoycoma.csv", texto([
        "CUADERNO DE INCIDENCIAS - JUNTA VECINAL SECTOR 3;;;;;;",
        ";;;;;;",
        "Fecha ;TIPO;Distrito;Hora;Lugar;Fuente;Observación",
        "05/03/2025;Robo al paso;EL PORVENIR;2:30 p. m.;Av. Sánchez Carrión cdra. 5;Vecina;",
        "06/03/2025;robo al paso ;el porvenir;14;Mercado Unión;Ronda;",
        "07/03/2025;Extorsión;La Esperanza;21:15;;Vecino;Le pidieron cupo",
        "31/02/2025;Hurto;Florencia de Mora;;;Vecina;",
        "09/03/2025;Hurto;Florencia de Mora;10:00 a. m.;Pasaje Los Ángeles;Vecina;",
        "10/03/2025;Hurto;Porvenir Alto;;;Vecina;",
        "11/03/2025;Violencia familiar;florencia de mora;23:40;;Serenazgo;",
        ";;;;;;",
        ";;;;;;",
    ]))

    # UTF-8 con BOM y coma; textos entre comillas con comas; celdas que Excel tomaría como fórmula.
    escribir("bueno_utf8_bom_coma.csv", texto([
        "fecha,tipo de incidente,distrito,hora,dirección,fuente",
        '15/01/2025,Robo,San Juan de Lurigancho,20:00,"Jr. Los Amautas 123, Zárate",Vecino',
        '16/01/2025,Robo,SAN JUAN DE LURIGANCHO,19:30,"=HYPERLINK(""http://ejemplo.invalid"",""ver"")",Vecino',
        "17/01/2025,Hurto,comas,08:15,+51 999 888 777,@junta",
        "18/01/2025,Hurto,Villa María del Triunfo,,-frente al colegio,Ronda",
        '19/01/2025,Microcomercialización de drogas,Ate,22:00,"Parque ""El Olivar""",Serenazgo',
    ], codificacion="utf-8", bom=b"\xef\xbb\xbf"))

    # Excel "Texto (delimitado por tabulaciones)": cp1252, tabulaciones, CRLF.
    escribir("bueno_tabulado.txt", texto([
        "Fecha\tTipo\tDistrito\tHora",
        "01/02/2025\tRobo\tLos Olivos\t7:45 p. m.",
        "02/02/2025\tExtorsión\tSan Martín de Porres\t09:00",
        "03/02/2025\tHurto\tBreña\t",
    ]))

    # Excel "Texto Unicode (*.txt)": UTF-16 LE con BOM y tabulaciones.
    escribir("bueno_unicode.txt", "\r\n".join([
        "fecha\ttipo\tdistrito",
        "12/04/2025\tRobo\tRímac",
        "13/04/2025\tRobo\tSurquillo",
    ]).encode("utf-16"))

    # Solo coordenadas, con coma decimal (por eso ';'), títulos sinónimos.
    escribir("bueno_coma_decimal.csv", texto([
        "Fecha;Tipo;Latitud;Longitud;Lugar",
        "20/05/2025;Robo;-8,0712;-79,0052;Óvalo Grau",
        "21/05/2025;Hurto;-8,0458;-79,0310;Plaza de Armas de La Esperanza",
        "22/05/2025;Robo;-12,0464;-77,0428;Cercado",
    ]))

    # Fechas escritas de muchas maneras que se ven en cuadernos reales.
    escribir("bueno_fechas_variadas.csv", texto([
        "fecha;tipo;distrito",
        "5/3/25;Robo;Trujillo",
        "2025-03-06;Robo;Trujillo",
        "07-mar-25;Hurto;Víctor Larco Herrera",
        "8 de marzo de 2025;Hurto;VICTOR LARCO HERRERA",
        "09/03/2025 14:30;Robo;Huanchaco",
        "45726;Robo;Huanchaco",
    ]))

    # Muchos sistemas "exportan a Excel" un texto con tabulaciones y lo llaman .xls.
    escribir("bueno_exportado_texto.xls", texto([
        "FECHA\tTIPO\tDISTRITO",
        "01/06/2025\tROBO\tCALLAO",
        "02/06/2025\tHURTO\tBELLAVISTA",
    ]))

    # Excel de verdad: primera hoja de instrucciones, segunda con el registro.
    libro = openpyxl.Workbook()
    hoja = libro.active
    hoja.title = "Instrucciones"
    hoja["A1"] = "Cómo llenar este cuaderno"
    hoja["A2"] = "Una incidencia por fila. No borres los títulos."
    hoja = libro.create_sheet("Incidencias")
    hoja.append(["Junta vecinal Alto Trujillo – cuaderno de incidencias"])
    hoja.append([])
    hoja.append(["Fecha", "Hora", "Tipo de incidente", "Distrito", "Latitud", "Longitud", "Lugar",
                 "Observaciones"])
    filas = [
        [dt.datetime(2025, 3, 5), dt.time(14, 30), "Robo", "El Porvenir", -8.0790, -79.0060, "Mercado", ""],
        [dt.datetime(2025, 3, 6, 21, 0), None, "Extorsión", "El Porvenir", -8.0775, -79.0021, None, "cupo"],
        ["07/03/2025", "8:00 p. m.", "Hurto", "La Esperanza", "-8,0458", "-79,0310", "Parque", None],
        [45724, 0.5, "Robo", "Florencia de Mora", -8.0801, -79.0195, None, None],
        [dt.datetime(2025, 3, 9), dt.time(7, 5), "Robo", "El Porvenir", None, None, "Paradero", None],
    ]
    for fila in filas:
        hoja.append(fila)
    for (celda,) in hoja.iter_rows(min_row=4, max_col=1):
        if isinstance(celda.value, dt.datetime):
            celda.number_format = "dd/mm/yyyy"
    escribir("bueno_registro.xlsx", xlsx(libro))
    xls_antiguo()


def xls_antiguo() -> None:
    """Excel 97-2003 (.xls) de verdad, como el que mandan algunas oficinas municipales."""
    try:
        import xlwt
    except ImportError:
        print("Aviso: falta xlwt; se deja bueno_antiguo.xls como está "
              "(pip install --target /tmp/xlwt_t xlwt y PYTHONPATH=/tmp/xlwt_t para rehacerlo).")
        return
    fecha = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    hora = xlwt.easyxf(num_format_str="hh:mm")
    libro = xlwt.Workbook(encoding="utf-8")
    hoja = libro.add_sheet("Instrucciones")
    hoja.write(0, 0, "Anote una incidencia por fila en la hoja Incidencias.")
    hoja = libro.add_sheet("Incidencias")
    hoja.write(0, 0, "CUADERNO DE INCIDENCIAS - JUNTA VECINAL")
    for columna, titulo in enumerate(["Fecha", "Hora", "Tipo", "Distrito", "Lugar"]):
        hoja.write(2, columna, titulo)
    filas = [
        [dt.date(2025, 3, 5), "14:30", "Robo al paso", "El Porvenir", "Av. Sánchez Carrión cdra. 5"],
        [dt.date(2025, 3, 6), dt.time(21, 15), "Extorsión", "La Esperanza", "Mercado Unión"],
        ["31/02/2025", "10:00", "Hurto", "Florencia de Mora", None],  # fecha imposible: se aparta
        [dt.date(2025, 3, 8), "8:00 p. m.", "Hurto", "Florencia de Mora", "Pasaje Los Ángeles"],
        [dt.date(2025, 3, 9), 14, "Robo", "EL PORVENIR", None],  # hora como número
        [dt.date(2025, 3, 10), None, "Violencia familiar", "la esperanza", "Jr. Los Pinos"],
    ]
    for i, fila in enumerate(filas, start=3):
        for columna, valor in enumerate(fila):
            if isinstance(valor, dt.date):
                hoja.write(i, columna, valor, fecha)
            elif isinstance(valor, dt.time):
                hoja.write(i, columna, valor, hora)
            elif valor is not None:
                hoja.write(i, columna, valor)
    salida = io.BytesIO()
    libro.save(salida)
    escribir("bueno_antiguo.xls", salida.getvalue())


def malos() -> None:
    escribir("malo_falta_fecha.csv", texto(["fecah;tipo;distrito", "05/03/2025;Robo;Comas"]))
    escribir("malo_sin_lugar.csv", texto(["fecha;tipo;hora", "05/03/2025;Robo;14:00"]))
    escribir("malo_fechas_ilegibles.csv", texto([
        "fecha;tipo;distrito",
        "ayer;Robo;Comas",
        "marzo;Robo;Comas",
        "el lunes;Hurto;Comas",
        "05/03/2025;Hurto;Comas",
        "15 03 2025;Hurto;Comas",
    ]))
    escribir("malo_fechas_mes_dia.csv", texto([
        "fecha,tipo,distrito",
        "03/25/2025,Robo,Comas",
        "03/26/2025,Robo,Comas",
        "03/27/2025,Hurto,Comas",
        "04/01/2025,Hurto,Comas",
    ], codificacion="utf-8"))
    escribir("malo_coordenadas_sin_signo.csv", texto([
        "fecha;tipo;lat;lon",
        "05/03/2025;Robo;12,0464;77,0428",
        "06/03/2025;Robo;12,0500;77,0400",
        "07/03/2025;Robo;-12,0500;-77,0400",
    ]))
    escribir("malo_coordenadas_intercambiadas.csv", texto([
        "fecha;tipo;lat;lon",
        "05/03/2025;Robo;-77,0428;-12,0464",
        "06/03/2025;Robo;-79,0052;-8,0712",
        "07/03/2025;Hurto;-77,0300;-12,1000",
    ]))
    escribir("malo_distritos_de_arequipa.csv", texto([
        "fecha;tipo;distrito",
        "05/03/2025;Robo;Cayma",
        "06/03/2025;Robo;Yanahuara",
        "07/03/2025;Hurto;Cerro Colorado",
    ]))
    escribir("malo_vacio.csv", b"")
    escribir("malo_solo_titulos.csv", texto(["fecha;tipo;distrito;hora", ";;;", ";;;"]))
    escribir("malo_binario.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    escribir("malo_pagina_web.xls", texto([
        '<html xmlns:x="urn:schemas-microsoft-com:office:excel">',
        "<head><meta charset=\"utf-8\"></head><body><table>",
        "<tr><td>fecha</td><td>tipo</td><td>distrito</td></tr>",
        "<tr><td>05/03/2025</td><td>Robo</td><td>Comas</td></tr>",
        "</table></body></html>",
    ], codificacion="utf-8"))
    escribir("malo_json.csv", texto([
        '[{"fecha": "05/03/2025", "tipo": "Robo", "distrito": "Comas"}]'
    ], codificacion="utf-8", fin="\n"))
    escribir("malo_documento.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
    escribir("malo_libreoffice.ods", b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet")
    escribir("malo_protegido.xlsx", ole2(["EncryptionInfo", "EncryptedPackage"]))
    escribir("malo_antiguo.xls", ole2(["Workbook", "\x05SummaryInformation"]))
    libro = openpyxl.Workbook()
    libro.active.append(["fecha", "tipo", "distrito"])
    libro.active.append([dt.datetime(2025, 3, 5), "Robo", "Comas"])
    completo = xlsx(libro)
    escribir("malo_danado.xlsx", completo[: len(completo) * 2 // 3])
    escribir("malo_libro_vacio.xlsx", xlsx(openpyxl.Workbook()))
    escribir("malo_sin_titulos.csv", texto(["05/03/2025;Robo;Comas", "06/03/2025;Hurto;Comas"]))
    escribir("malo_columna_repetida.csv", texto([
        "Fecha;Tipo;Distrito;FECHA",
        "05/03/2025;Robo;Comas;06/03/2025",
    ]))
    escribir("malo_una_sola_columna.csv", texto([
        "fecha tipo distrito",
        "05/03/2025 Robo Comas",
        "06/03/2025 Hurto Comas",
    ]))
    escribir("malo_sin_filas_validas.csv", texto([
        "fecha;tipo;distrito",
        "05/03/2025;;Comas",
        "06/03/2025;;Comas",
        "07/03/2025;Robo;",
    ]))
    escribir("malo_fechas_futuras.csv", texto([
        "fecha;tipo;distrito",
        "05/03/2099;Robo;Comas",
        "06/03/2099;Hurto;Comas",
    ]))


if __name__ == "__main__":
    buenos()
    malos()
    print(f"Corpus escrito en {AQUI}")
