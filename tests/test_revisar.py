"""`lideres datos revisar` y `lideres.revisar_archivo`: registros propios hechos en Excel.

El corpus está en tests/archivos/revisar/ (lo crea _crear.py con los bytes exactos que deja
Excel en una computadora peruana). Cada archivo malo debe dar salida 1 con un mensaje en
español que diga qué pasa y cómo arreglarlo; ninguno puede quedar modificado.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import lideres
from lideres import cli, revisar
from lideres.errores import ErrorLideres
from lideres.revisar import revisar_archivo

CORPUS = Path(__file__).parent / "archivos" / "revisar"
PALABRAS_TECNICAS = ["Traceback", "NaN", "dtype", "parse", "None", "Exception", "Error inesperado"]


def huella(ruta: Path) -> str:
    return hashlib.sha256(ruta.read_bytes()).hexdigest()


def correr(argv: list[str], capsys) -> tuple[int, str, str]:
    codigo = cli.main([str(a) for a in argv])
    salida = capsys.readouterr()
    return codigo, salida.out, salida.err


def sin_palabras_tecnicas(texto: str) -> None:
    for palabra in PALABRAS_TECNICAS:
        assert palabra not in texto, f"{palabra!r} en: {texto}"


# --------------------------------------------------------------------------- archivos malos

MALOS = [
    ("malo_falta_fecha.csv", ["Falta la columna «fecha»", "La más parecida en tu archivo es «fecah»"]),
    ("malo_sin_lugar.csv", ["Falta la columna «distrito»", "«lat» y «lon»"]),
    ("malo_fechas_ilegibles.csv", ["La fecha no sirve en 4 de 5 filas", "filas 2, 3, 4 y 6", "«ayer»"]),
    ("malo_fechas_mes_dia.csv", ["mes/día/año", "Estados Unidos", "día/mes/año"]),
    ("malo_fechas_futuras.csv", ["posterior a hoy", "fila 2"]),
    ("malo_coordenadas_sin_signo.csv", ["fuera del Perú", "signo menos", "filas 2 y 3"]),
    ("malo_coordenadas_intercambiadas.csv", ["intercambiadas", "filas 2, 3 y 4"]),
    ("malo_distritos_de_arequipa.csv", ["Ninguna de las 3 filas", "«Cayma»", "61 distritos", "lat y lon"]),
    ("malo_vacio.csv", ["está vacío"]),
    ("malo_solo_titulos.csv", ["solo tiene la fila de títulos"]),
    ("malo_binario.csv", ["no es una tabla", "binario"]),
    ("malo_pagina_web.xls", ["página web", "Guardar como"]),
    ("malo_json.csv", ["no es una tabla", "JSON"]),
    ("malo_documento.pdf", ["«.pdf»", "Un PDF no es una tabla"]),
    ("malo_libreoffice.ods", ["«.ods»", "LibreOffice"]),
    ("malo_protegido.xlsx", ["protegido con contraseña"]),
    ("malo_antiguo.xls", ["formato antiguo de Excel (.xls", "no se pudo leer",
                          "Guardar como > Libro de Excel (.xlsx) o CSV"]),
    ("malo_danado.xlsx", ["dañado o incompleto"]),
    ("malo_libro_vacio.xlsx", ["no tiene datos en ninguna hoja"]),
    ("malo_sin_titulos.csv", ["parece un dato", "fila de títulos"]),
    ("malo_columna_repetida.csv", ["dos columnas para «fecha»", "columna A", "columna D"]),
    ("malo_una_sola_columna.csv", ["una sola columna"]),
    ("malo_sin_filas_validas.csv", ["Ninguna de las 3 filas", "fila 2: falta el tipo", "fila 4: falta el distrito"]),
]


def test_corpus_completo():
    """Cada archivo malo del corpus tiene su caso (y hay al menos 15)."""
    en_disco = {p.name for p in CORPUS.glob("malo_*")}
    assert en_disco == {nombre for nombre, _ in MALOS}
    assert len(MALOS) >= 15


@pytest.mark.parametrize("nombre, palabras", MALOS, ids=[m[0] for m in MALOS])
def test_archivo_malo_en_la_terminal(nombre, palabras, capsys):
    ruta = CORPUS / nombre
    antes = huella(ruta)
    codigo, salida, error = correr(["datos", "revisar", ruta], capsys)
    assert codigo == 1
    assert salida == ""
    assert error.startswith("Error: ") and "Cómo arreglarlo:" in error
    for palabra in palabras:
        assert palabra in error
    sin_palabras_tecnicas(error)
    assert huella(ruta) == antes


def test_no_existe(tmp_path, capsys):
    (tmp_path / "cuaderno.csv").write_text("fecha;tipo;distrito\n05/03/2025;Robo;Comas\n", encoding="utf-8")
    codigo, _, error = correr(["datos", "revisar", tmp_path / "cuadrno.csv"], capsys)
    assert codigo == 1
    assert "No se encuentra el archivo" in error and "¿Quisiste decir «cuaderno.csv»?" in error


def test_carpeta(tmp_path, capsys):
    codigo, _, error = correr(["datos", "revisar", tmp_path], capsys)
    assert codigo == 1 and "es una carpeta" in error


def test_archivo_temporal_de_excel(tmp_path, capsys):
    bloqueo = tmp_path / "~$registro.xlsx"
    bloqueo.write_bytes(b"\x0cUsuario     " + b"\x00" * 150)
    codigo, _, error = correr(["datos", "revisar", bloqueo], capsys)
    assert codigo == 1 and "archivo temporal" in error and "«registro.xlsx»" in error


def test_demasiado_grande(tmp_path, capsys):
    grande = tmp_path / "grande.csv"
    with open(grande, "wb") as f:  # archivo disperso: no ocupa disco de verdad
        f.truncate(revisar.MAX_BYTES + 1)
    codigo, _, error = correr(["datos", "revisar", grande], capsys)
    assert codigo == 1 and "demasiado grande" in error and "20 MB" in error


def test_demasiadas_filas(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(revisar.lectura, "MAX_FILAS", 1_000)
    largo = tmp_path / "largo.csv"
    largo.write_text("fecha;tipo;distrito\n" + "05/03/2025;Robo;Comas\n" * 1_001, encoding="utf-8")
    codigo, _, error = correr(["datos", "revisar", largo], capsys)
    assert codigo == 1
    assert "demasiadas filas (1,001; el límite es 1,000)" in error


def test_coordenada_ilegible_y_fila_con_celdas_de_mas(tmp_path):
    ruta = tmp_path / "r.csv"
    ruta.write_text(
        "fecha;tipo;lat;lon\n"
        "05/03/2025;Robo;-12,05;-77,04\n"
        "06/03/2025;Robo;12°03'S;-77,04\n"
        "07/03/2025;Hurto;-12,06;-77,05;sobra\n"
        "08/03/2025;Hurto;-12,07;-77,06\n"
        "09/03/2025;Hurto;-12,07;\n",
        encoding="utf-8",
    )
    r = revisar_archivo(ruta)
    motivos = dict(r.filas_apartadas)
    assert "no se entiende la coordenada «12°03'S»" in motivos[3]
    assert "más celdas que títulos" in motivos[4]
    assert "pero no las dos" in motivos[6]
    assert list(r.tabla["fila_original"]) == [2, 5]


def test_pocas_coordenadas_cambiadas_se_apartan(tmp_path):
    ruta = tmp_path / "r.csv"
    filas = ["05/03/2025;Robo;-12,05;-77,04"] * 3 + ["06/03/2025;Robo;-77,04;-12,05"]
    ruta.write_text("fecha;tipo;lat;lon\n" + "\n".join(filas) + "\n", encoding="utf-8")
    r = revisar_archivo(ruta)
    assert r.filas_validas == 3
    assert r.filas_apartadas == [
        (5, "el punto (lat «-77,04», lon «-12,05») queda fuera del Perú (parece que latitud y longitud "
            "están intercambiadas)")
    ]


def test_coordenada_no_numerica(tmp_path):
    ruta = tmp_path / "r.csv"
    ruta.write_text("fecha;tipo;lat;lon\n05/03/2025;Robo;-12,05;-77,04\n06/03/2025;Robo;nan;inf\n",
                    encoding="utf-8")
    r = revisar_archivo(ruta)
    assert r.filas_apartadas == [(3, "no se entiende la coordenada «nan»")]


def excel(tmp_path: Path, filas: list[list]) -> Path:
    import openpyxl

    libro = openpyxl.Workbook()
    for fila in filas:
        libro.active.append(fila)
    ruta = tmp_path / "registro.xlsx"
    libro.save(ruta)
    return ruta


def test_excel_celda_sin_titulo_solo_avisa(tmp_path):
    ruta = excel(tmp_path, [["Fecha y hora", "Incidencia", "Distrito"],
                            [dt.datetime(2025, 3, 5, 22, 10), True, "Comas", "nota suelta"],
                            [dt.datetime(2025, 3, 6), "Robo", "Comas"]])
    r = revisar_archivo(ruta)
    assert r.filas_validas == 2 and not r.filas_apartadas
    assert any("columnas sin título (fila 2)" in a for a in r.avisos)
    assert r.tabla.loc[0, "tipo"] == "VERDADERO" and r.tabla.loc[0, "hora"] == "22:10"


def test_excel_demasiadas_filas(tmp_path, monkeypatch):
    monkeypatch.setattr(revisar.lectura, "MAX_FILAS", 5)
    ruta = excel(tmp_path, [["fecha", "tipo", "distrito"]] + [["05/03/2025", "Robo", "Comas"]] * 10)
    with pytest.raises(ErrorLideres, match="demasiadas filas"):
        revisar_archivo(ruta)


# --------------------------------------------------------------------------- archivos buenos

def test_latin1_punto_y_coma_con_titulo_arriba():
    r = revisar_archivo(CORPUS / "bueno_latin1_puntoycoma.csv")
    assert "punto y coma" in r.lectura and "Latin-1" in r.lectura and "fila 3" in r.lectura
    assert r.filas_leidas == 7 and r.filas_validas == 5
    assert [f for f, _ in r.filas_apartadas] == [7, 9]
    motivos = dict(r.filas_apartadas)
    assert "«31/02/2025» no existe" in motivos[7]
    assert "«Porvenir Alto»" in motivos[9] and "¿quisiste decir «El Porvenir»?" in motivos[9]
    assert r.distritos == {"El Porvenir": 2, "Florencia de Mora": 2, "La Esperanza": 1}
    # "robo al paso " y "Robo al paso" son el mismo tipo: no deben partir el conteo
    assert r.tipos["Robo al paso"] == 2 and r.tipos["Extorsión"] == 1
    assert any("«robo al paso» se contó como «Robo al paso»" in a for a in r.avisos)
    assert any("«Observación»" in a for a in r.avisos)
    assert r.fecha_min == dt.date(2025, 3, 5) and r.fecha_max == dt.date(2025, 3, 11)
    assert pd.api.types.is_datetime64_any_dtype(r.tabla["fecha"])
    assert list(r.tabla["hora"]) == ["14:30", "14:00", "21:15", "10:00", "23:40"]
    assert list(r.tabla["ubigeo"]) == ["130102", "130102", "130105", "130103", "130103"]
    assert r.columnas["fecha"] == "Fecha" and r.columnas["tipo"] == "TIPO"


def test_resumen_en_espanol():
    texto = revisar_archivo(CORPUS / "bueno_latin1_puntoycoma.csv").resumen()
    assert "Filas leídas: 7 · válidas: 5 · apartadas: 2" in texto
    assert "Fechas: del 5 de marzo de 2025 al 11 de marzo de 2025" in texto
    assert "Distritos (3): El Porvenir 2, Florencia de Mora 2, La Esperanza 1" in texto
    assert "fila 7: la fecha «31/02/2025» no existe en el calendario" in texto
    sin_palabras_tecnicas(texto)


def test_utf8_con_bom_y_coma():
    r = revisar_archivo(CORPUS / "bueno_utf8_bom_coma.csv")
    assert "coma (,)" in r.lectura and "BOM" in r.lectura
    assert r.filas_validas == 5 and not r.filas_apartadas
    assert r.columnas == {"fecha": "fecha", "tipo": "tipo de incidente", "distrito": "distrito",
                          "hora": "hora", "lugar": "dirección", "fuente": "fuente"}
    assert r.distritos["San Juan de Lurigancho"] == 2
    assert r.tabla.loc[0, "lugar"] == "Jr. Los Amautas 123, Zárate"
    assert r.tabla["tipo"].iloc[-1] == "Microcomercialización de drogas"
    assert "lat" not in r.tabla.columns


def test_tabulado_windows():
    r = revisar_archivo(CORPUS / "bueno_tabulado.txt")
    assert "tabulación" in r.lectura
    assert list(r.tabla["distrito"]) == ["Los Olivos", "San Martín de Porres", "Breña"]
    assert list(r.tabla["hora"].fillna("")) == ["19:45", "09:00", ""]


def test_texto_unicode_de_excel():
    r = revisar_archivo(CORPUS / "bueno_unicode.txt")
    assert "UTF-16" in r.lectura
    assert r.distritos == {"Rímac": 1, "Surquillo": 1}


def test_coma_decimal_y_solo_coordenadas():
    r = revisar_archivo(CORPUS / "bueno_coma_decimal.csv")
    assert r.columnas["lat"] == "Latitud" and r.columnas["lon"] == "Longitud"
    assert "distrito" not in r.tabla.columns and r.distritos == {}
    assert r.tabla["lat"].tolist() == [-8.0712, -8.0458, -12.0464]
    assert r.tabla["lon"].dtype == float
    assert "Puntos con coordenadas: 3" in r.resumen()


def test_fechas_de_muchas_maneras():
    r = revisar_archivo(CORPUS / "bueno_fechas_variadas.csv")
    assert not r.filas_apartadas
    assert [d.date() for d in r.tabla["fecha"]] == [dt.date(2025, 3, d) for d in range(5, 11)]
    assert r.tabla.loc[4, "hora"] == "14:30"  # venía pegada a la fecha
    assert any("número de Excel" in a for a in r.avisos)
    assert any("dos cifras" in a for a in r.avisos)
    assert any("«Trujillo» se tomó como el distrito Trujillo" in a for a in r.avisos)


def test_xls_que_en_realidad_es_texto():
    r = revisar_archivo(CORPUS / "bueno_exportado_texto.xls")
    assert r.distritos == {"Callao": 1, "Bellavista": 1}


def test_excel_con_celdas_de_fecha_y_hora():
    r = revisar_archivo(CORPUS / "bueno_registro.xlsx")
    assert "hoja «Incidencias» (la 2.ª de 2)" in r.lectura and "fila 3" in r.lectura
    assert r.filas_leidas == 5 and r.filas_validas == 5
    assert [d.date() for d in r.tabla["fecha"]] == [dt.date(2025, 3, d) for d in range(5, 10)]
    assert list(r.tabla["hora"]) == ["14:30", "21:00", "20:00", "12:00", "07:05"]
    assert r.tabla.loc[2, "lat"] == pytest.approx(-8.0458)  # venía como texto con coma
    assert pd.isna(r.tabla.loc[4, "lat"])  # sin coordenadas, pero con distrito: sirve
    assert r.distritos == {"El Porvenir": 3, "La Esperanza": 1, "Florencia de Mora": 1}
    assert "Archivo: bueno_registro.xlsx (Excel, hoja «Incidencias»" in r.resumen()


def test_xls_antiguo_de_verdad():
    """Un .xls de Excel 97-2003 (BIFF8, escrito por xlwt) se lee como un .xlsx."""
    r = revisar_archivo(CORPUS / "bueno_antiguo.xls")
    assert r.lectura.startswith("Excel antiguo (.xls), hoja «Incidencias» (la 2.ª de 2)")
    assert "fila 3" in r.lectura  # el título «CUADERNO DE INCIDENCIAS» va arriba
    assert r.filas_leidas == 6 and r.filas_validas == 5
    assert r.filas_apartadas == [(6, "la fecha «31/02/2025» no existe en el calendario")]
    assert list(r.tabla["fila_original"]) == [4, 5, 7, 8, 9]
    assert pd.api.types.is_datetime64_any_dtype(r.tabla["fecha"])
    assert [d.date() for d in r.tabla["fecha"]] == [dt.date(2025, 3, d) for d in (5, 6, 8, 9, 10)]
    # texto, celda de hora de Excel, "p. m.", número entero (xlrd da 14.0) y vacía
    assert list(r.tabla["hora"].fillna("")) == ["14:30", "21:15", "20:00", "14:00", ""]
    assert r.distritos == {"El Porvenir": 2, "La Esperanza": 2, "Florencia de Mora": 1}
    assert r.tabla.loc[0, "lugar"] == "Av. Sánchez Carrión cdra. 5"
    assert not any("número de Excel" in a for a in r.avisos)  # eran celdas de fecha, no números


def test_xls_antiguo_celdas_como_openpyxl():
    crudo = revisar.leer(CORPUS / "bueno_antiguo.xls")
    primera = dict(zip(crudo.titulos, crudo.filas[0][1], strict=True))
    assert primera["Fecha"] == dt.datetime(2025, 3, 5)
    segunda = dict(zip(crudo.titulos, crudo.filas[1][1], strict=True))
    assert segunda["Hora"] == dt.time(21, 15)
    quinta = dict(zip(crudo.titulos, crudo.filas[4][1], strict=True))
    assert quinta["Hora"] == 14 and type(quinta["Hora"]) is int and quinta["Lugar"] is None


def test_xls_antiguo_tipos_de_celda():
    import xlrd

    class Hoja:  # lo mínimo de una hoja de xlrd
        nrows = 1

        def row_types(self, i):
            return [xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_NUMBER, xlrd.XL_CELL_NUMBER,
                    xlrd.XL_CELL_BOOLEAN, xlrd.XL_CELL_ERROR, xlrd.XL_CELL_DATE, xlrd.XL_CELL_TEXT]

        def row_values(self, i):
            return ["", "", 3.0, -8.0458, 1, 0x2A, 45721.5, "Robo"]

    (fila,) = revisar.lectura.filas_xls(Hoja(), 0)
    assert fila == [None, None, 3, -8.0458, True, "#N/A", dt.datetime(2025, 3, 5, 12, 0), "Robo"]
    (fila,) = revisar.lectura.filas_xls(Hoja(), 1)  # libro con fechas desde 1904 (Excel de Mac antiguo)
    assert fila[6] == dt.datetime(2029, 3, 6, 12, 0)


def test_xls_antiguo_en_la_terminal(capsys):
    ruta = CORPUS / "bueno_antiguo.xls"
    antes = huella(ruta)
    codigo, salida, error = correr(["datos", "revisar", ruta], capsys)
    assert codigo == 0 and error == ""
    assert "Archivo: bueno_antiguo.xls (Excel antiguo (.xls), hoja «Incidencias»" in salida
    assert "Filas leídas: 6 · válidas: 5 · apartadas: 1" in salida
    assert "Fechas: del 5 de marzo de 2025 al 10 de marzo de 2025" in salida
    assert "fila 6: la fecha «31/02/2025» no existe en el calendario" in salida
    sin_palabras_tecnicas(salida)
    assert huella(ruta) == antes


BUENOS = sorted(p.name for p in CORPUS.glob("bueno_*"))


@pytest.mark.parametrize("nombre", BUENOS)
def test_archivo_bueno_en_la_terminal(nombre, capsys):
    ruta = CORPUS / nombre
    antes = huella(ruta)
    codigo, salida, error = correr(["datos", "revisar", ruta], capsys)
    assert codigo == 0, error
    assert error == ""
    assert f"Archivo: {nombre}" in salida and "Filas leídas:" in salida and "Fechas: del " in salida
    sin_palabras_tecnicas(salida)
    assert huella(ruta) == antes


def test_repr_en_un_cuaderno_es_el_resumen():
    r = lideres.revisar_archivo(CORPUS / "bueno_unicode.txt")
    assert repr(r) == r.resumen()


# --------------------------------------------------------------------------- exportar

def test_exportar_neutraliza_formulas_y_no_toca_el_original(tmp_path, capsys):
    original = CORPUS / "bueno_utf8_bom_coma.csv"
    antes = huella(original)
    salida = tmp_path / "limpio" / "cuaderno_limpio.csv"
    codigo, texto, error = correr(["datos", "revisar", original, "--exportar", salida], capsys)
    assert codigo == 0, error
    assert "Se guardaron 5 filas válidas" in texto
    assert huella(original) == antes
    datos = salida.read_bytes()
    assert datos.startswith(b"\xef\xbb\xbf")
    filas = list(csv.DictReader(datos.decode("utf-8-sig").splitlines()))
    assert filas[0]["fecha"] == "2025-01-15"
    lugares = [f["lugar"] for f in filas]
    assert lugares[1].startswith("'=HYPERLINK(")
    assert lugares[2] == "'+51 999 888 777" and lugares[3] == "'-frente al colegio"
    assert filas[2]["fuente"] == "'@junta"
    assert not any(v.startswith(("=", "+", "-", "@")) for f in filas for v in f.values())


def test_exportar_coordenadas_siguen_siendo_numeros(tmp_path, capsys):
    salida = tmp_path / "puntos.csv"
    codigo, _, _ = correr(["datos", "revisar", CORPUS / "bueno_coma_decimal.csv", "--exportar", salida], capsys)
    assert codigo == 0
    tabla = pd.read_csv(salida, encoding="utf-8-sig")
    assert tabla["lat"].tolist() == [-8.0712, -8.0458, -12.0464]  # negativos, sin apóstrofo


def test_exportar_excel_no_cambia_el_original(tmp_path, capsys):
    original = CORPUS / "bueno_registro.xlsx"
    antes = huella(original)
    codigo, _, _ = correr(["datos", "revisar", original, "--exportar", tmp_path / "x.csv"], capsys)
    assert codigo == 0 and huella(original) == antes


def test_exportar_sobre_el_original_se_niega(tmp_path, capsys):
    copia = tmp_path / "cuaderno.csv"
    shutil.copy(CORPUS / "bueno_latin1_puntoycoma.csv", copia)
    antes = huella(copia)
    for destino in (copia, tmp_path / "." / "cuaderno.csv"):
        codigo, salida, error = correr(["datos", "revisar", copia, "--exportar", destino], capsys)
        assert codigo == 1 and "mismo archivo" in error and "cuaderno_limpio.csv" in error
        assert salida == ""
    assert huella(copia) == antes


def test_exportar_pide_extension_csv(tmp_path, capsys):
    codigo, _, error = correr(
        ["datos", "revisar", CORPUS / "bueno_unicode.txt", "--exportar", tmp_path / "limpio.xlsx"], capsys
    )
    assert codigo == 1 and "debe terminar en .csv" in error
    assert not (tmp_path / "limpio.xlsx").exists()


def test_ejecutable_real(tmp_path):
    lideres_bin = shutil.which("lideres", path=str(Path(sys.executable).parent))  # lideres.exe en Windows
    if not lideres_bin:
        pytest.skip("el ejecutable lideres no está instalado en este entorno")
    original = CORPUS / "bueno_latin1_puntoycoma.csv"
    antes = huella(original)
    bien = subprocess.run([lideres_bin, "datos", "revisar", original, "--exportar", tmp_path / "s.csv"],
                          capture_output=True, text=True, timeout=120)
    assert bien.returncode == 0, bien.stderr
    assert "Filas leídas: 7" in bien.stdout and (tmp_path / "s.csv").exists()
    mal = subprocess.run([lideres_bin, "datos", "revisar", CORPUS / "malo_falta_fecha.csv"],
                         capture_output=True, text=True, timeout=120)
    assert mal.returncode == 1 and "Falta la columna «fecha»" in mal.stderr
    assert "Traceback" not in mal.stderr + bien.stderr
    assert huella(original) == antes


# --------------------------------------------------------------------------- piezas sueltas

@pytest.mark.parametrize("texto, hora", [
    ("14:30", "14:30"), ("2:30 p. m.", "14:30"), ("2:30 p.m.", "14:30"), ("2:30 PM", "14:30"),
    ("10:00 a. m.", "10:00"), ("12:00 a. m.", "00:00"), ("12 m.", "12:00"), ("14", "14:00"),
    ("14 h", "14:00"), ("14:30:00", "14:30"), (dt.time(9, 5), "09:05"), (0.75, "18:00"), ("", None),
])
def test_horas(texto, hora):
    assert revisar.leer_hora(texto) == hora


@pytest.mark.parametrize("texto", ["25:00", "tarde", "13 p. m.", "14:75"])
def test_horas_malas(texto):
    with pytest.raises(ValueError):
        revisar.leer_hora(texto)


@pytest.mark.parametrize("texto", [
    "05/03/2025", "5/3/2025", "5/3/25", "2025-03-05", "05-03-2025", "05.03.2025", "05-mar-25",
    "5 de marzo de 2025", "5 de marzo del 2025", "05/03/2025 00:00", "45721", 45721,
    dt.datetime(2025, 3, 5), dt.date(2025, 3, 5),
])
def test_fechas(texto):
    assert revisar.leer_fecha(texto)[0] == dt.date(2025, 3, 5)


@pytest.mark.parametrize("titulo, columna", [
    ("Fecha ", "fecha"), ("FECHA", "fecha"), (" fecha_del_incidente", "fecha"), ("Tipo de incidente", "tipo"),
    ("tipo_incidente", "tipo"), ("DISTRITO", "distrito"), ("Latitud", "lat"), ("LONGITUD", "lon"),
    ("Dirección", "lugar"), ("Hora aprox.", "hora"),
])
def test_titulos(titulo, columna):
    assert revisar.COLUMNA_DE[revisar.clave_titulo(titulo)] == columna


@pytest.mark.parametrize("escrito, distrito", [
    ("san juan de lurigancho", "San Juan de Lurigancho"), ("SAN JUAN DE LURIGANCHO", "San Juan de Lurigancho"),
    ("  San  Juan de Lurigancho ", "San Juan de Lurigancho"), ("BRENA", "Breña"), ("breña", "Breña"),
    ("Cercado de Lima", "Lima (Cercado)"), ("Lurigancho-Chosica", "Lurigancho (Chosica)"),
    ("Distrito de Comas", "Comas"), ("VICTOR LARCO HERRERA", "Víctor Larco Herrera"),
])
def test_distritos_sin_mayusculas_ni_tildes(escrito, distrito):
    assert revisar.buscar_distrito(escrito, revisar.catalogo())[0] == distrito


@pytest.mark.parametrize("escrito, sugerencia", [
    ("SJL", "San Juan de Lurigancho"), ("Chorillos", "Chorrillos"), ("Surco", "Santiago de Surco"),
    ("Porvenir Alto", "El Porvenir"), ("Cayma", None), ("Lima Norte", None),
])
def test_distritos_desconocidos_solo_se_sugieren(escrito, sugerencia):
    catalogo = revisar.catalogo()
    assert revisar.buscar_distrito(escrito, catalogo) is None
    assert revisar.sugerir_distrito(escrito, catalogo) == sugerencia


def test_distrito_nuevo_lo_explica():
    motivo = revisar.motivo_distrito("Alto Trujillo", revisar.catalogo())
    assert "distrito nuevo" in motivo and "lat y lon" in motivo


def test_separador_con_coma_decimal():
    lineas = ["fecha;tipo;lat;lon", "05/03/2025;Robo;-12,04;-77,03", "06/03/2025;Robo;-12,05;-77,02"]
    assert revisar.separador(lineas) == ";"
    assert revisar.separador(["fecha,tipo,distrito", "05/03/2025,Robo,Comas"]) == ","


@pytest.mark.parametrize("escrito, distrito, ubigeo", [
    ("Magdalena Vieja", "Pueblo Libre", "150121"),  # nombre antiguo: no es Magdalena del Mar
    ("Carmen de la Legua", "Carmen de la Legua Reynoso", "070103"),
    ("MI PERÃš", "Mi Perú", "070107"),  # UTF-8 leído como Latin-1
])
def test_distritos_con_otros_nombres(escrito, distrito, ubigeo):
    assert revisar.buscar_distrito(escrito, revisar.catalogo()) == (distrito, ubigeo)


def test_magdalena_vieja_se_acepta_como_pueblo_libre(tmp_path):
    ruta = tmp_path / "r.csv"
    ruta.write_text("fecha;tipo;distrito\n05/03/2025;Robo;Magdalena Vieja\n06/03/2025;Robo;Lima\n"
                    "07/03/2025;Robo;Callao\n", encoding="utf-8")
    r = revisar_archivo(ruta)
    assert not r.filas_apartadas
    assert list(r.tabla["ubigeo"]) == ["150121", "150101", "070101"]
    assert r.distritos["Pueblo Libre"] == 1
    assert any("«Lima» se tomó como el distrito Lima (Cercado)" in a for a in r.avisos)
    assert any("«Callao» se tomó como el distrito Callao" in a for a in r.avisos)


def test_motivo_de_distrito_desconocido_una_vez_por_nombre(tmp_path, monkeypatch):
    llamadas = []
    original = revisar.lugares.motivo_distrito
    monkeypatch.setattr(revisar.lugares, "motivo_distrito", lambda t, c: llamadas.append(t) or original(t, c))
    ruta = tmp_path / "r.csv"
    ruta.write_text("fecha;tipo;distrito\n" + "05/03/2025;Robo;Comas\n" * 5
                    + "05/03/2025;Robo;Chorillos\n" * 3, encoding="utf-8")
    r = revisar_archivo(ruta)
    assert llamadas == ["Chorillos"]
    assert [m for _, m in r.filas_apartadas] == [
        "el distrito «Chorillos» no está entre los 61 del curso (¿quisiste decir «Chorrillos»?)"] * 3


# --------------------------------------------------------------------------- una sola fila

def una_fila(tmp_path: Path, titulos: str, fila: str) -> Path:
    ruta = tmp_path / "r.csv"
    ruta.write_text(f"{titulos}\n{fila}\n", encoding="utf-8")
    return ruta


def test_una_fila_no_valida(tmp_path):
    with pytest.raises(ErrorLideres) as e:
        revisar_archivo(una_fila(tmp_path, "fecha;tipo;distrito", "05/03/2025;;Comas"))
    assert "La única fila no es válida (fila 2: falta el tipo de incidente)." in str(e.value)
    assert "1 filas" not in str(e.value)


def test_una_fila_con_fecha_mala(tmp_path):
    with pytest.raises(ErrorLideres) as e:
        revisar_archivo(una_fila(tmp_path, "fecha;tipo;distrito", "ayer;Robo;Comas"))
    assert "La fecha no sirve en la única fila (fila 2). Motivo: no se entiende la fecha «ayer»" in str(e.value)
    assert "1 de 1" not in str(e.value) and "filas 2" not in str(e.value)


def test_una_fila_con_coordenadas_fuera(tmp_path):
    with pytest.raises(ErrorLideres) as e:
        revisar_archivo(una_fila(tmp_path, "fecha;tipo;lat;lon", "05/03/2025;Robo;12,05;77,04"))
    assert "Las coordenadas de la única fila quedan fuera del Perú (fila 2)" in str(e.value)


def test_una_fila_con_hora_mala(tmp_path):
    r = revisar_archivo(una_fila(tmp_path, "fecha;hora;tipo;distrito", "05/03/2025;tarde;Robo;Comas"))
    assert any("No se entiende la hora en la fila 2: se usa, pero sin hora" in a for a in r.avisos)


def test_coordenada_de_excel_se_cita_como_esta(tmp_path):
    ruta = excel(tmp_path, [["fecha", "tipo", "lat", "lon"]] + [["05/03/2025", "Robo", -12.05, -77.04]] * 3
                 + [["06/03/2025", "Robo", -120464000, -77.04]])
    r = revisar_archivo(ruta)
    assert r.filas_apartadas == [
        (5, "el punto (lat «-120464000», lon «-77.04») queda fuera del Perú (¿falta el punto decimal?)")
    ]


def test_extension_no_admitida_dice_todas_las_que_sirven(tmp_path, capsys):
    ruta = tmp_path / "registro.dat"
    ruta.write_text("fecha;tipo;distrito\n", encoding="utf-8")
    codigo, _, error = correr(["datos", "revisar", ruta], capsys)
    assert codigo == 1
    assert "solo .csv, .tsv, .txt, .xls, .xlsm y .xlsx" in error


# --------------------------------------------------------------------------- filas apartadas en la terminal

def muchas_apartadas(tmp_path: Path) -> Path:
    ruta = tmp_path / "cuaderno.csv"
    ruta.write_text("fecha;tipo;distrito\n" + "05/03/2025;Robo;Comas\n" * 40
                    + "05/03/2025;;Comas\n" * 20, encoding="utf-8")
    return ruta


def test_sin_exportar_dice_como_ver_las_apartadas(tmp_path, capsys):
    codigo, salida, _ = correr(["datos", "revisar", muchas_apartadas(tmp_path)], capsys)
    assert codigo == 0
    assert "… y 5 filas más" in salida
    assert "usa --exportar SALIDA.csv: las filas apartadas se guardan en SALIDA_apartadas.csv" in salida
    assert "revision.filas_apartadas" not in salida


def test_exportar_guarda_las_apartadas(tmp_path, capsys):
    salida = tmp_path / "limpio.csv"
    codigo, texto, error = correr(["datos", "revisar", muchas_apartadas(tmp_path), "--exportar", salida], capsys)
    assert codigo == 0, error
    apartadas = tmp_path / "limpio_apartadas.csv"
    assert f"Se guardaron 20 filas apartadas (fila del original y motivo) en «{apartadas}»" in texto
    tabla = pd.read_csv(apartadas, encoding="utf-8-sig")
    assert list(tabla.columns) == ["fila", "motivo"]
    assert tabla["fila"].tolist() == list(range(42, 62))
    assert set(tabla["motivo"]) == {"falta el tipo de incidente"}


def test_exportar_sin_apartadas_no_crea_archivo_de_apartadas(tmp_path, capsys):
    salida = tmp_path / "limpio.csv"
    codigo, _, _ = correr(["datos", "revisar", CORPUS / "bueno_utf8_bom_coma.csv", "--exportar", salida], capsys)
    assert codigo == 0 and salida.exists()
    assert not (tmp_path / "limpio_apartadas.csv").exists()


def test_exportar_apartadas_sobre_el_original_se_niega(tmp_path, capsys):
    original = tmp_path / "x_apartadas.csv"
    shutil.copy(CORPUS / "bueno_latin1_puntoycoma.csv", original)
    antes = huella(original)
    codigo, _, error = correr(["datos", "revisar", original, "--exportar", tmp_path / "x.csv"], capsys)
    assert codigo == 1 and "«x_apartadas.csv», que es el mismo archivo" in error
    assert not (tmp_path / "x.csv").exists()
    assert huella(original) == antes
