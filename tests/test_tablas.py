"""Cada tabla de data/ se carga con su esquema; los errores se explican en español."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from lideres import rutas, tablas
from lideres.errores import ErrorLideres

HECHOS = [n for n in tablas.tablas_disponibles() if n != "incidentes_sinteticos"]


@pytest.mark.parametrize("nombre", HECHOS)
def test_cada_tabla_carga_con_su_esquema(nombre):
    tabla = tablas.cargar(nombre)
    assert len(tabla) > 0
    assert list(tabla.columns) == list(tablas.TABLAS[nombre].esquema.columns)
    if "ubigeo" in tabla.columns:
        assert pd.api.types.is_string_dtype(tabla["ubigeo"])
        assert tabla["ubigeo"].str.fullmatch(r"\d{6}").all()


def test_incidentes_sinteticos_carga_o_explica_como_generarlos():
    if (rutas.DATOS / "incidentes_sinteticos.csv").is_file():
        tabla = tablas.cargar("incidentes_sinteticos")
        assert tabla["sintetico"].all()
        assert pd.api.types.is_datetime64_any_dtype(tabla["fecha"])
    else:
        with pytest.raises(ErrorLideres, match="lideres datos generar"):
            tablas.cargar("incidentes_sinteticos")


def test_nombres_disponibles_y_nombre_de_archivo():
    assert tablas.tablas_disponibles()[:2] == ["distritos", "denuncias_distrito"]
    assert "incidentes_sinteticos" in tablas.tablas_disponibles()
    assert len(tablas.cargar("distritos.csv")) == 61
    assert len(tablas.cargar(" Victimizacion_ENAPRES_2013_2024 ")) > 0


def test_devuelve_copias():
    primera = tablas.cargar("distritos")
    primera.loc[0, "poblacion_2020"] = -1
    primera["nueva"] = 1
    segunda = tablas.cargar("distritos")
    assert segunda.loc[0, "poblacion_2020"] > 0
    assert "nueva" not in segunda.columns


def test_nombre_desconocido_sugiere_el_mas_parecido():
    with pytest.raises(ErrorLideres) as error:
        tablas.cargar("victimisacion")
    texto = str(error.value)
    assert "No hay una tabla llamada «victimisacion»" in texto
    assert "¿Quisiste decir «victimizacion»?" in texto
    for nombre in tablas.tablas_disponibles():
        assert nombre in texto


def _copia_de_datos(tmp_path, monkeypatch, archivo="distritos.csv"):
    shutil.copy(rutas.DATOS / archivo, tmp_path / archivo)
    monkeypatch.setattr(rutas, "DATOS", tmp_path)
    return tmp_path / archivo


def test_archivo_alterado_da_error_en_espanol(tmp_path, monkeypatch):
    ruta = _copia_de_datos(tmp_path, monkeypatch)
    lineas = ruta.read_text(encoding="utf-8").split("\n")
    # Población escrita con letras y un UBIGEO que perdió su 0 inicial (Excel lo hace).
    partes = lineas[1].split(",")
    partes[0] = partes[0].lstrip("0")
    partes[6] = "muchos"
    lineas[1] = ",".join(partes)
    ruta.write_text("\n".join(lineas), encoding="utf-8")
    with pytest.raises(ErrorLideres) as error:
        tablas.cargar("distritos")
    texto = str(error.value)
    assert "distritos.csv" in texto
    assert "no tiene el formato esperado" in texto
    assert "columna «poblacion_2017»: se esperaba número entero, pero hay «muchos»" in texto
    assert "columna «ubigeo»" in texto and "6 dígitos" in texto
    assert "línea 2 del archivo" in texto
    assert "Cómo arreglarlo" in texto
    assert "Traceback" not in texto


def test_proporcion_fuera_de_rango_y_columna_faltante(tmp_path, monkeypatch):
    ruta = _copia_de_datos(tmp_path, monkeypatch, "denuncias_distrito_2024_2025.csv")
    tabla = pd.read_csv(ruta, dtype={"ubigeo": str})
    tabla.loc[3, "pct_robo_2025"] = 7.5  # alguien escribió el porcentaje en vez de la proporción
    tabla.drop(columns="fuente").to_csv(ruta, index=False)
    with pytest.raises(ErrorLideres) as error:
        tablas.cargar("denuncias_distrito")
    texto = str(error.value)
    assert "proporción entre 0 y 1" in texto and "pct_robo_2025" in texto
    assert "falta la columna «fuente»" in texto


def test_archivo_que_falta(tmp_path, monkeypatch):
    monkeypatch.setattr(rutas, "DATOS", tmp_path)
    with pytest.raises(ErrorLideres, match="No se encontró el archivo de la tabla «victimizacion»"):
        tablas.cargar("victimizacion")


def _incidentes(sintetico=True):
    return pd.DataFrame(
        {
            "fecha": ["2024-01-05", "2024-02-10"],
            "hora": [3, 22],
            "distrito": ["El Porvenir", "Callao"],
            "ubigeo": ["130102", "070101"],
            "tipo": ["robo", "hurto"],
            "fuente_registro": ["junta vecinal", "serenazgo"],
            "lat": [-8.08, -12.05],
            "lon": [-79.0, -77.13],
            "sintetico": [True, sintetico],
        }
    )


def test_esquema_de_incidentes_sinteticos(tmp_path, monkeypatch):
    monkeypatch.setattr(rutas, "DATOS", tmp_path)
    _incidentes().to_csv(tmp_path / "incidentes_sinteticos.csv", index=False)
    tabla = tablas.cargar("incidentes_sinteticos")
    assert tabla["ubigeo"].tolist() == ["130102", "070101"]
    assert pd.api.types.is_datetime64_any_dtype(tabla["fecha"])
    assert tabla["hora"].dtype == "int64"

    malo = _incidentes(sintetico=False)
    malo.loc[0, "lat"] = 40.4  # Madrid, no el Perú
    malo.to_csv(tmp_path / "incidentes_sinteticos.csv", index=False)
    with pytest.raises(ErrorLideres) as error:
        tablas.cargar("incidentes_sinteticos")
    texto = str(error.value)
    assert "sintetico=True" in texto
    assert "latitud debe estar dentro del Perú" in texto
    assert "lideres datos generar" in texto


# ---------------------------------------------------------------- filas sin pandas


@pytest.fixture
def cache_nueva(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    tablas._leer.cache_clear()
    tablas._filas.cache_clear()
    yield tmp_path / "cache"
    tablas._leer.cache_clear()
    tablas._filas.cache_clear()


@pytest.mark.parametrize("nombre", ["distritos", "denuncias_distrito"])
def test_filas_sin_pandas_iguales_a_cargar(nombre, cache_nueva):
    """Sin sello (pandera comprueba y sella) y con sello (se lee con csv): los mismos valores y los
    mismos tipos de Python que la tabla de `cargar`."""
    sin_sello = tablas.filas(nombre)
    tablas._filas.cache_clear()
    con_sello = tablas.filas(nombre)
    esperadas = tablas.cargar(nombre).to_dict("records")
    for filas in (sin_sello, con_sello):
        assert filas == esperadas
        assert [{c: type(v) for c, v in f.items()} for f in filas] == \
            [{c: type(v) for c, v in f.items()} for f in esperadas]
    con_sello[0]["distrito"] = "otro"  # una copia: no cambia lo que reciben las siguientes llamadas
    assert tablas.filas(nombre)[0]["distrito"] != "otro"


def test_filas_de_un_archivo_malo_dan_el_error_de_cargar(tmp_path, monkeypatch, cache_nueva):
    ruta = _copia_de_datos(tmp_path, monkeypatch, "denuncias_distrito_2024_2025.csv")
    tabla = pd.read_csv(ruta, dtype={"ubigeo": str})
    tabla.loc[3, "pct_robo_2025"] = 7.5
    tabla.loc[5, "denuncias_2025"] = -4
    tabla.to_csv(ruta, index=False)
    with pytest.raises(ErrorLideres) as de_filas:
        tablas.filas("denuncias_distrito")
    with pytest.raises(ErrorLideres) as de_cargar:
        tablas.cargar("denuncias_distrito")
    assert str(de_filas.value) == str(de_cargar.value)
    assert "proporción entre 0 y 1" in str(de_filas.value) and "conteo entero de 0 o más" in str(de_filas.value)
    ruta.unlink()
    with pytest.raises(ErrorLideres, match="No se encontró el archivo de la tabla «denuncias_distrito»"):
        tablas.filas("denuncias_distrito")


def test_filas_solo_para_tablas_sin_vacios():
    with pytest.raises(ValueError, match="usa cargar"):
        tablas.filas("victimizacion")  # tiene columnas que pueden quedar vacías
