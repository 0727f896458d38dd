"""El archivo oficial de denuncias (MININTER, SIDPOL) y lo nuevo de `lideres.revisar`: cualquier
distrito del Perú por UBIGEO, --columnas, --distrito, lo subido en la memoria y tablas de pandas 3.

Los archivos de tests/archivos/sidpol/ los crea _crear.py: columnas como las publicadas, conteos
sintéticos (inventados, con semilla).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pandas as pd
import pytest

from lideres import cli, revisar
from lideres.errores import ErrorLideres
from lideres.revisar import oficiales
from lideres.revisar.lugares import nombre_propio

SIDPOL = Path(__file__).parent / "archivos" / "sidpol"
CORPUS = Path(__file__).parent / "archivos" / "revisar"
MENSUAL = SIDPOL / "sintetico_mensual.csv"


def huella(ruta: Path) -> str:
    return hashlib.sha256(ruta.read_bytes()).hexdigest()


def correr(argv, capsys):
    codigo = cli.main([str(a) for a in argv])
    salida = capsys.readouterr()
    return codigo, salida.out, salida.err


def esperado_mensual() -> pd.DataFrame:
    """El CSV leído de la forma más simple, para comparar (sin la fila del mes 13)."""
    tabla = pd.read_csv(MENSUAL, dtype={"UBIGEO_HECHO": str})
    return tabla[tabla["MES"].between(1, 12)]


# --------------------------------------------------------------------------- mensual

@pytest.mark.parametrize("nombre", ["sintetico_mensual.csv", "sintetico_mensual.xlsx"])
def test_mensual_suma_cantidad_y_no_cuenta_filas(nombre):
    r = revisar.revisar_archivo(SIDPOL / nombre)
    esperado = esperado_mensual()
    assert r.formato == oficiales.MENSUAL
    assert r.filas_leidas == len(esperado) + 1 and r.filas_validas == len(esperado)
    assert r.total == esperado["cantidad"].sum() != r.filas_validas
    assert r.filas_apartadas == [(98, "el mes «13» no es un número del 1 al 12")]
    assert r.unidad == "denuncias"
    # cualquier distrito del Perú por su UBIGEO; el número sin el cero inicial se completa
    cayma = r.tabla[r.tabla["distrito"] == "Cayma"]
    assert set(cayma["ubigeo"]) == {"040103"} and set(cayma["departamento"]) == {"Arequipa"}
    assert r.distritos["Cayma"] == esperado.loc[esperado["DIST_HECHO"] == "CAYMA", "cantidad"].sum()
    assert set(r.tabla.loc[r.tabla["distrito"] == "Chachapoyas", "ubigeo"]) == {"010101"}
    assert r.tabla.loc[r.tabla["distrito"] == "Comas", "ubigeo"].iloc[0] == "150110"  # de los 61
    assert set(r.fuera_del_curso) == {"Cayma", "Arequipa", "Chachapoyas"}
    assert pd.api.types.is_datetime64_any_dtype(r.tabla["fecha"])
    assert r.fecha_min == dt.date(2024, 1, 1) and r.fecha_max == dt.date(2024, 12, 1)


def test_mensual_resumen_dice_que_no_son_casos_y_la_fuente():
    texto = revisar.revisar_archivo(MENSUAL).resumen()
    assert "cada fila es la cantidad de denuncias de un año, mes, distrito y modalidad, no un caso" in texto
    assert "Denuncias (suma de «cantidad»): " in texto
    assert "del 1 de enero de 2024 al 31 de diciembre de 2024 (meses completos)" in texto
    assert "Fuente: Ministerio del Interior (MININTER)" in texto and "ODC-By" in texto
    assert "no todos los delitos ocurridos" in texto
    assert "(Cayma, Arequipa y Chachapoyas)" in texto


def test_por_mes_de_un_distrito_de_arequipa():
    r = revisar.revisar_archivo(MENSUAL)
    serie = r.por_mes("Cayma")
    assert len(serie) == 12 and serie.index[0] == pd.Timestamp(2024, 1, 1)
    esperado = esperado_mensual()
    cayma = esperado[esperado["UBIGEO_HECHO"] == "40103"].groupby("MES")["cantidad"].sum()
    assert serie.tolist() == cayma.tolist()
    assert r.por_mes("040103").equals(serie)  # por UBIGEO también
    assert r.por_mes().sum() == r.total


def test_distrito_que_no_esta_en_el_archivo():
    r = revisar.revisar_archivo(MENSUAL)
    with pytest.raises(ErrorLideres) as e:
        r.por_mes("Yanahuara")
    assert "No hay filas del distrito «Yanahuara»" in str(e.value) and "Cayma" in str(e.value)


def test_mensual_en_la_terminal_con_distrito(tmp_path, capsys):
    antes = huella(MENSUAL)
    salida = tmp_path / "cayma.csv"
    codigo, texto, error = correr(["datos", "revisar", MENSUAL, "--distrito", "cayma", "--exportar", salida],
                                  capsys)
    assert codigo == 0, error
    assert "Denuncias por mes en Cayma (UBIGEO 040103), suma de «cantidad»:" in texto
    assert "ene. 2024" in texto and "dic. 2024" in texto and "█" in texto
    exportado = pd.read_csv(salida, encoding="utf-8-sig", dtype={"ubigeo": str})
    assert set(exportado["ubigeo"]) == {"040103"} and len(exportado) == 36
    assert huella(MENSUAL) == antes


def test_mensual_con_filas_malas(tmp_path):
    ruta = tmp_path / "m.csv"
    ruta.write_text(
        "ANIO,MES,DPTO_HECHO_NEW,PROV_HECHO,DIST_HECHO,UBIGEO_HECHO,P_MODALIDADES,cantidad\n"
        "2024,1,AREQUIPA,AREQUIPA,CAYMA,040103,ROBO,3\n"
        "2024,2,AREQUIPA,AREQUIPA,CAYMA,4010,ROBO,3\n"
        "2024,3,AREQUIPA,AREQUIPA,CAYMA,040103,,tres\n"
        f"{dt.date.today().year + 1},1,AREQUIPA,AREQUIPA,CAYMA,040103,ROBO,1\n"
        ",,,,,,,\n", encoding="utf-8")
    r = revisar.revisar_archivo(ruta)
    assert r.total == 3
    assert r.filas_apartadas == [
        (3, "el UBIGEO «4010» no es un código de distrito de 6 cifras"),
        (4, "la cantidad «tres» no es un número entero de 0 o más; falta la modalidad (P_MODALIDADES)"),
        (5, f"el año «{dt.date.today().year + 1}» no se entiende (va de 1990 a {dt.date.today().year})"),
    ]
    assert any("1 fila vacía" in a for a in r.avisos)


def test_mensual_sin_filas_validas(tmp_path):
    ruta = tmp_path / "m.csv"
    ruta.write_text("ANIO;MES;DIST_HECHO;UBIGEO_HECHO;P_MODALIDADES;cantidad\n2024;0;CAYMA;040103;ROBO;1\n",
                    encoding="utf-8")
    with pytest.raises(ErrorLideres) as e:
        revisar.revisar_archivo(ruta)
    assert "fila 2: el mes «0» no es un número del 1 al 12" in str(e.value)


def test_mensual_grande_pasa_el_limite_del_registro_propio(tmp_path, monkeypatch):
    """El archivo nacional pesa más que un cuaderno: su límite es otro (y se lee con pandas)."""
    monkeypatch.setattr(revisar.lectura, "MAX_BYTES", 1_000)
    assert MENSUAL.stat().st_size > 1_000
    assert revisar.revisar_archivo(MENSUAL).filas_validas == 96
    propio = tmp_path / "propio.csv"
    propio.write_text("fecha;tipo;distrito\n" + "05/03/2025;Robo;Comas\n" * 100, encoding="utf-8")
    with pytest.raises(ErrorLideres, match="demasiado grande"):
        revisar.revisar_archivo(propio)


# --------------------------------------------------------------------------- por caso

def test_por_caso_texto_acepta_distritos_de_todo_el_peru():
    r = revisar.revisar_archivo(SIDPOL / "sintetico_casos_texto.csv")
    assert r.formato == oficiales.POR_CASO and r.filas_validas == 12 and not r.filas_apartadas
    assert r.distritos == {"Cayma": 4, "Yanahuara": 4, "El Porvenir": 4}
    assert r.tabla.loc[0, "hora"] == "08:30" and r.tabla.loc[0, "fecha"] == pd.Timestamp(2024, 1, 5)
    assert r.tabla["lat"].between(-16.4, -8.0).all()
    assert set(r.fuera_del_curso) == {"Cayma", "Yanahuara"}
    assert "Fuente: Ministerio del Interior" in r.resumen()


def test_por_caso_en_milisegundos_da_lo_mismo_que_en_texto():
    texto = revisar.revisar_archivo(SIDPOL / "sintetico_casos_texto.csv").tabla
    epoch = revisar.revisar_archivo(SIDPOL / "sintetico_casos_epoch.csv")
    columnas = ["fecha", "hora", "tipo", "distrito", "lat", "lon"]
    pd.testing.assert_frame_equal(epoch.tabla[columnas], texto[columnas])
    assert list(epoch.tabla["ubigeo"][:3]) == ["040103", "040126", "130102"]
    assert any("milisegundos desde 1970" in a and "hora del Perú" in a for a in epoch.avisos)


def test_un_registro_propio_con_titulos_hecho_no_es_oficial(tmp_path):
    ruta = tmp_path / "r.csv"
    ruta.write_text("fecha del hecho;tipo;distrito\n05/03/2025;Robo;Cayma\n05/03/2025;Robo;Comas\n",
                    encoding="utf-8")
    r = revisar.revisar_archivo(ruta)
    assert r.formato == "registro propio" and r.filas_validas == 1  # Cayma no es de los 61 por nombre


def test_registro_propio_con_columna_ubigeo(tmp_path):
    ruta = tmp_path / "r.csv"
    ruta.write_text("fecha;tipo;distrito;ubigeo\n05/03/2025;Robo;Cayma;40103\n06/03/2025;Robo;;150110\n",
                    encoding="utf-8")
    r = revisar.revisar_archivo(ruta)
    assert not r.filas_apartadas
    assert list(r.tabla["distrito"]) == ["Cayma", "Comas"] and list(r.tabla["ubigeo"]) == ["040103", "150110"]


# --------------------------------------------------------------------------- --columnas

def test_columnas_dichas_por_quien_revisa(capsys):
    ruta = SIDPOL / "sintetico_titulos_propios.csv"
    codigo, _, error = correr(["datos", "revisar", ruta], capsys)
    assert codigo == 1 and "--columnas" in error
    codigo, salida, error = correr(
        ["datos", "revisar", ruta, "--columnas", "fecha=día del hecho, tipo=QUÉ PASÓ,distrito=Donde"], capsys)
    assert codigo == 0, error
    assert "Filas leídas: 3 · válidas: 3" in salida and "Comas 2, Independencia 1" in salida


@pytest.mark.parametrize("columnas, palabras", [
    ("cuando=Día del hecho", ["«cuando» no es una columna del curso", "fecha, tipo, distrito"]),
    ("fecha", ["falta «=»"]),
    ("fecha=", ["falta el título de tu archivo para «fecha»"]),
    ("fecha=Dia,tipo=Qué pasó,distrito=Dónde", ["«fecha» es la columna «Dia»", "no tiene esa columna"]),
])
def test_columnas_mal_escritas(columnas, palabras, capsys):
    codigo, salida, error = correr(
        ["datos", "revisar", SIDPOL / "sintetico_titulos_propios.csv", "--columnas", columnas], capsys)
    assert codigo == 1 and salida == ""
    for palabra in palabras:
        assert palabra in error


def test_leer_mapeo():
    assert revisar.leer_mapeo("Fecha = Día, TIPO=Qué pasó,,") == {"fecha": "Día", "tipo": "Qué pasó"}
    assert revisar.leer_mapeo("latitud=Y,longitud=X") == {"lat": "Y", "lon": "X"}
    assert revisar.leer_mapeo(None) == {}


# --------------------------------------------------------------------------- en la memoria y pandas 3

MALOS_DE_CONTENIDO = sorted(p.name for p in CORPUS.glob("malo_*"))


@pytest.mark.parametrize("nombre", MALOS_DE_CONTENIDO)
def test_lo_subido_da_el_mismo_mensaje_que_la_terminal(nombre):
    """El tablero de subida (revisar_datos, en la memoria) dice lo mismo que `lideres datos revisar`."""
    ruta = CORPUS / nombre
    with pytest.raises(ErrorLideres) as en_disco:
        revisar.revisar_archivo(ruta)
    with pytest.raises(ErrorLideres) as en_memoria:
        revisar.revisar_datos(ruta.read_bytes(), nombre)
    assert str(en_memoria.value) == str(en_disco.value)


def test_lo_subido_no_escribe_nada(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    for ruta in [*SIDPOL.glob("sintetico_*"), *CORPUS.glob("bueno_*")]:
        if ruta.name == "sintetico_titulos_propios.csv":
            continue
        r = revisar.revisar_datos(ruta.read_bytes(), ruta.name)
        assert r.filas_validas == revisar.revisar_archivo(ruta).filas_validas
    assert list(tmp_path.iterdir()) == []


def test_lo_subido_demasiado_grande():
    with pytest.raises(ErrorLideres, match="demasiado grande"):
        revisar.revisar_datos(b"fecha;tipo;distrito\n" + b"05/03/2025;Robo;Comas\n" * 1_000_000, "x.csv")


def test_tabla_de_pandas_3():
    """pandas 3 lee el texto como str (StringDtype) con NaN, y las fechas como datetime64[us]."""
    tabla = pd.read_csv(SIDPOL / "sintetico_casos_texto.csv", parse_dates=["fecha_hora_hecho"])
    if int(pd.__version__.split(".")[0]) >= 3:
        assert pd.api.types.is_string_dtype(tabla["distrito_hecho"]) and tabla["distrito_hecho"].dtype != object
        assert tabla["fecha_hora_hecho"].dtype == "datetime64[us]"
    assert pd.api.types.is_datetime64_any_dtype(tabla["fecha_hora_hecho"])
    tabla.loc[3, "modalidad_hecho"] = pd.NA  # celda vacía como la deja pandas
    r = revisar.revisar_tabla(tabla, "casos")
    assert r.filas_apartadas == [(5, "falta el tipo de incidente")]
    desde_archivo = revisar.revisar_archivo(SIDPOL / "sintetico_casos_texto.csv").tabla
    columnas = ["fecha", "hora", "distrito", "lat", "lon"]
    pd.testing.assert_frame_equal(r.tabla[columnas], desde_archivo.drop(index=3).reset_index(drop=True)[columnas])


def test_tabla_de_pandas_mensual_con_numeros():
    tabla = pd.read_csv(MENSUAL)  # ANIO, MES, UBIGEO y cantidad como int64
    r = revisar.revisar_tabla(tabla)
    assert r.formato == oficiales.MENSUAL and r.total == esperado_mensual()["cantidad"].sum()
    assert "040103" in set(r.tabla["ubigeo"])


# --------------------------------------------------------------------------- piezas sueltas

@pytest.mark.parametrize("valor, ubigeo", [
    ("040103", "040103"), (40103, "040103"), ("40103", "040103"), (40103.0, "040103"), ("150110", "150110"),
    ("4010", None), ("260101", None), ("150100", None), ("abc", None), ("", None), (None, None),
])
def test_leer_ubigeo(valor, ubigeo):
    assert revisar.leer_ubigeo(valor) == ubigeo


@pytest.mark.parametrize("valor", [1709649000000, "1709649000000", 1709649000000.0])
def test_fecha_en_milisegundos_en_hora_del_peru(valor):
    assert revisar.leer_fecha(valor) == (dt.date(2024, 3, 5), "09:30", "milisegundos")


def test_valores_de_pandas():
    import numpy as np

    assert revisar.leer_fecha(np.int64(45721))[0] == dt.date(2025, 3, 5)
    assert revisar.leer_fecha(pd.Timestamp("2025-03-05 14:30")) == (dt.date(2025, 3, 5), "14:30", None)
    assert revisar.leer_hora(pd.NA) is None and revisar.leer_coordenada(pd.NA) is None
    with pytest.raises(revisar.FechaMala, match="vacía"):
        revisar.leer_fecha(pd.NaT)


def test_nombre_propio():
    assert nombre_propio("SAN JUAN DE MIRAFLORES") == "San Juan de Miraflores"
    assert nombre_propio("  jose luis bustamante y rivero ") == "Jose Luis Bustamante y Rivero"


def test_archivos_de_prueba_dicen_sinteticos():
    assert all(p.name.startswith("sintetico_") for p in SIDPOL.iterdir() if not p.name.startswith("_"))
    assert "SINTÉTICOS" in (SIDPOL / "_crear.py").read_text(encoding="utf-8").upper()


def test_columnas_lat_lon_vacias_con_distrito(tmp_path):
    """Columnas lat y lon presentes pero vacías en todas las filas: se usan los distritos."""
    ruta = tmp_path / "r.csv"
    ruta.write_text("fecha;tipo;distrito;lat;lon\n05/03/2025;Robo;Comas;;\n06/03/2025;Hurto;Comas;;\n",
                    encoding="utf-8")
    r = revisar.revisar_archivo(ruta)
    assert r.filas_validas == 2 and r.tabla["lat"].isna().all()
    assert "Puntos con coordenadas: 0" in r.resumen()
