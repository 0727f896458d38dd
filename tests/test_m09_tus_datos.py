"""Módulo 09: plantilla de Excel, formulario en papel, lo que dice un archivo subido y las
exportaciones (limpia y anonimizada)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from lideres import revisar
from lideres.errores import ErrorLideres
from lideres.modulos.m08_datos_responsables import calculos as m08
from lideres.modulos.m09_tus_datos import calculos as c

SIDPOL = Path(__file__).parent / "archivos" / "sidpol"


def llenar(filas: list[list]) -> bytes:
    libro = openpyxl.load_workbook(io.BytesIO(c.plantilla_excel()))
    hoja = libro["Incidencias"]
    for fila in filas:
        hoja.append(fila)
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def test_plantilla_con_listas_y_validacion():
    libro = openpyxl.load_workbook(io.BytesIO(c.plantilla_excel()))
    assert libro.sheetnames == ["Cómo llenarlo", "Incidencias", "Listas"]
    hoja = libro["Incidencias"]
    assert [celda.value for celda in hoja[1]] == c.COLUMNAS and hoja.max_row == 1  # sin filas de ejemplo
    validaciones = {str(v.sqref).split(":")[0]: v for v in hoja.data_validations.dataValidation}
    assert validaciones["A2"].type == "date" and validaciones["B2"].type == "time"
    assert validaciones["C2"].type == "list" and "Listas" in validaciones["C2"].formula1
    assert validaciones["H2"].type == "list"
    assert [fila[0].value for fila in libro["Listas"].iter_rows()] == c.TIPOS
    ayuda = " ".join(str(celda.value) for fila in libro["Cómo llenarlo"].iter_rows() for celda in fila if celda.value)
    assert "NUNCA el número de una casa" in ayuda


def test_plantilla_llena_se_revisa_sin_avisos():
    datos = llenar([
        [dt.datetime(2025, 3, 5), dt.time(14, 30), "Robo", "El Porvenir", -8.0712, -79.0045, "parque", "Serenazgo"],
        [dt.datetime(2025, 3, 6), None, "Hurto", "La Esperanza", None, None, None, "Ronda de la junta"],
    ])
    r = revisar.revisar_datos(datos, "cuaderno.xlsx")
    assert r.filas_leidas == 2 and not r.filas_apartadas and not r.avisos
    assert "hoja «Incidencias»" in r.lectura


def test_plantilla_vacia_dice_que_no_hay_incidencias():
    with pytest.raises(ErrorLideres, match="solo tiene la fila de títulos"):
        revisar.revisar_datos(c.plantilla_excel(), "cuaderno.xlsx")


def test_columnas_preguntas_y_hora_por_dia():
    r = revisar.revisar_archivo(Path(__file__).parent / "archivos" / "revisar" / "bueno_registro.xlsx")
    columnas = {f["columna"]: f for f in c.columnas_y_preguntas(r)}
    assert {"fecha", "tipo"} <= set(columnas) and "¿" in columnas["tipo"]["preguntas"]
    cruce = c.hora_por_dia(r)
    assert cruce.shape == (24, 7) and list(cruce.columns) == c.DIAS
    assert cruce.to_numpy().sum() == r.tabla["hora"].notna().sum()


def test_archivo_oficial_mensual_sin_hora():
    r = revisar.revisar_archivo(SIDPOL / "sintetico_mensual.csv")
    assert c.hora_por_dia(r).to_numpy().sum() == 0
    assert "distrito" in {f["columna"] for f in c.columnas_y_preguntas(r)}


def test_exportar_limpio_neutraliza_formulas():
    datos = llenar([[dt.datetime(2025, 3, 5), dt.time(9, 0), "Robo", "Comas", None, None,
                     "-frente al colegio", "+51 999"]])
    texto = c.exportar_limpio(revisar.revisar_datos(datos, "c.xlsx"))
    assert texto.startswith(b"\xef\xbb\xbf")
    tabla = pd.read_csv(io.BytesIO(texto), encoding="utf-8-sig")
    assert tabla.loc[0, "lugar"] == "'-frente al colegio" and tabla.loc[0, "fuente"] == "'+51 999"
    assert tabla.loc[0, "fecha"] == "2025-03-05"


def test_exportar_anonimizado_no_delata_casas():
    hogares = m08.hogares_sinteticos(n=300, semilla=3)
    casos = m08.incidentes_en_hogares(hogares, 150, semilla=3)
    filas = [[dt.datetime(2025, 3, 1 + i % 28), dt.time(i % 24, 0), "Robo", "El Porvenir", lat, lon,
              "frente a la casa", "Vecino o vecina"] for i, (lat, lon) in enumerate(zip(casos["lat"], casos["lon"],
                                                                                        strict=True))]
    r = revisar.revisar_datos(llenar(filas), "c.xlsx")
    primero = c.exportar_anonimizado(r, radio_m=200, semilla=9, umbral=3)
    assert primero == c.exportar_anonimizado(r, radio_m=200, semilla=9, umbral=3)  # con semilla
    tabla = pd.read_csv(io.BytesIO(primero), encoding="utf-8-sig")
    assert not {"lugar", "fuente", "fecha", "hora", "fila_original", "ubigeo"} & set(tabla.columns)
    assert set(tabla["mes"]) == {"2025-03"} and len(tabla) > 0
    juego = m08.reidentificacion(tabla, hogares, radio_m=200)
    assert not juego["identifica"].any()


def test_formulario_en_papel_una_pagina():
    pypdf = pytest.importorskip("pypdf")
    lector = pypdf.PdfReader(io.BytesIO(c.formulario_papel()))
    assert len(lector.pages) == 1
    texto = lector.pages[0].extract_text()
    assert "Cuaderno de incidencias" in texto and "No escribas nombres" in texto
    assert all(t.split()[0] in texto for t in c.TIPOS)


# --------------------------------------------------------------------------- tablero (sin navegador)

CORPUS = Path(__file__).parent / "archivos" / "revisar"


def _tablero():
    pytest.importorskip("ipywidgets")
    from lideres.modulos.m09_tus_datos.tablero import tablero

    return tablero()


def subir(t, ruta: Path) -> None:
    """Como lo hace el navegador: FileUpload recibe el archivo en la memoria del kernel."""
    datos = ruta.read_bytes()
    t.subida.value = ({"name": ruta.name, "type": "", "size": len(datos), "content": memoryview(datos),
                       "last_modified": dt.datetime(2025, 3, 5, tzinfo=dt.UTC)},)


@pytest.mark.parametrize("nombre", sorted(p.name for p in CORPUS.glob("malo_*")))
def test_tablero_archivo_malo_mismo_mensaje_que_la_terminal(nombre):
    from markupsafe import escape  # como escapa Jinja

    t = _tablero()
    with pytest.raises(ErrorLideres) as terminal:
        revisar.revisar_archivo(CORPUS / nombre)
    subir(t, CORPUS / nombre)
    assert escape(terminal.value.mensaje) in t.resultado.value
    if terminal.value.como_arreglar:
        assert escape(terminal.value.como_arreglar) in t.resultado.value
    assert t.revision is None and t.descargas.value == "" and t.subida.value == ()


BUENOS = sorted([*CORPUS.glob("bueno_*"), *SIDPOL.glob("sintetico_*")], key=lambda p: p.name)


@pytest.mark.parametrize("ruta", [p for p in BUENOS if p.name != "sintetico_titulos_propios.csv"],
                         ids=lambda p: p.name)
def test_tablero_archivo_bueno_resumen_grafico_y_descargas(ruta, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    t = _tablero()
    subir(t, ruta)
    assert t.subida.value == ()  # el archivo no se queda en el widget
    assert "Filas leídas:" in t.resultado.value and "Qué dice cada columna" in t.resultado.value
    assert "<img" in t.por_mes.value and "Fuente:" in t.por_mes.value
    assert t.descargas.value.count('download="') == 2 and "data:text/csv" in t.descargas.value
    assert list(tmp_path.iterdir()) == []  # nada escrito en el disco


def test_tablero_distrito_de_arequipa_del_archivo_oficial():
    t = _tablero()
    subir(t, SIDPOL / "sintetico_mensual.csv")
    assert t.caja_distrito.layout.display == "" and "Cayma" in [v for _, v in t.distrito.options]
    t.distrito.value = "Cayma"
    assert "en Cayma" in t.por_mes.value or "Cayma" in t.por_mes.value
    assert "MININTER" in t.por_mes.value


def test_tablero_elegir_columnas():
    t = _tablero()
    subir(t, SIDPOL / "sintetico_titulos_propios.csv")
    assert t.caja_columnas.layout.display == "" and "Día del hecho" in t.columnas["fecha"].options
    t.columnas["fecha"].value, t.columnas["tipo"].value = "Día del hecho", "Qué pasó"
    t.columnas["distrito"].value = "Dónde"
    t.usar_columnas.click()
    assert t.revision is not None and t.revision.filas_validas == 3
    assert t.caja_columnas.layout.display == "none"


def test_tablero_archivo_demasiado_grande():
    t = _tablero()
    t.revisar(b"fecha;tipo;distrito\n" + b"05/03/2025;Robo;Comas\n" * 1_000_000, "grande.csv")
    assert "demasiado grande" in t.resultado.value


def test_voila_acepta_un_registro_del_tamano_maximo():
    from lideres.revisar.lectura import MAX_BYTES
    from lideres.taller import servidor

    assert servidor.MAX_MENSAJE_WEBSOCKET >= MAX_BYTES + 1024 * 1024


def test_el_navegador_conoce_el_limite_antes_de_enviar():
    """Más allá del límite del servidor, FileUpload cortaría la conexión: el JS de la plantilla de
    Voilà lee el límite de esta clase y no envía el archivo (en Chromium: tests/navegador/test_navegador_m09.py)."""
    from lideres import rutas
    from lideres.revisar.lectura import MAX_BYTES

    assert f"lideres-max-bytes-{MAX_BYTES}" in _tablero().subida._dom_classes
    js = (rutas.RAIZ / "lideres" / "taller" / "jupyter" / "voila" / "templates" / "lideres" / "static"
          / "lideres_tablero.js").read_text(encoding="utf-8")
    assert "lideres-max-bytes-" in js and "demasiado grande" in js
