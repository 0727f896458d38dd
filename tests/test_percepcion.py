"""Módulo 04 «Percepción y victimización»: series, brecha, cifras de la lección y tablero."""

from __future__ import annotations

import math

import pytest

from lideres.errores import ErrorLideres
from lideres.modulos.m04_percepcion import calculos as pc


def test_serie_por_lugar_2013_2024():
    for ambito in pc.AMBITOS:
        t = pc.serie(ambito)
        assert list(t["anio"]) == list(range(2013, 2025)), ambito
        assert t["percepcion"].notna().all()
    nacional = pc.serie("Nacional urbano").set_index("anio")
    assert math.isnan(nacional.loc[2013, "victimizacion"])  # no publicado: queda vacío


def test_brecha_y_frase():
    assert pc.brecha("Lima Metropolitana", 2024) == 31.1
    assert pc.brecha("Nacional urbano", 2013) is None
    frase = pc.frase_brecha("Callao", 2024)
    assert "en el Callao" in frase and "60.8" in frase and "25.7" in frase and "35.1 puntos" in frase
    assert "no publicó" in pc.frase_brecha("Nacional urbano", 2013)


def test_errores_en_espanol():
    with pytest.raises(ErrorLideres, match="Trujillo"):
        pc.serie("Trujillo")
    with pytest.raises(ErrorLideres, match="2012"):
        pc.valores("Callao", 2012)


def test_las_cifras_de_la_leccion_coinciden_con_los_datos():
    """La lección 04 cita estas cifras; si cambian los datos, esta prueba avisa."""
    t = pc.tabla_brechas(2024).set_index("ambito")
    assert list(t["percepcion"]) == [56.6, 61.2, 60.8, 59.2]
    assert list(t["victimizacion"]) == [27.1, 30.1, 25.7, 25.0]
    assert list(t["confianza"]) == [17.6, 17.7, 20.0, 17.5]
    lima = pc.serie("Lima Metropolitana").set_index("anio")
    assert (lima.loc[2013, "victimizacion"], lima.loc[2019, "victimizacion"]) == (40.4, 30.9)
    assert lima.loc[2013:2019, "percepcion"].between(59, 64).all()
    assert (lima.loc[2020, "percepcion"], lima.loc[2021, "percepcion"]) == (37.7, 61.7)
    assert lima["victimizacion"].min() == lima.loc[2021, "victimizacion"] == 22.2
    otras = pc.otras_preguntas()
    assert sorted(otras["valor"]) == [85.9, 88.6, 92.6]


def test_el_miedo_va_siempre_por_encima_en_la_serie():
    for ambito in pc.AMBITOS:
        t = pc.serie(ambito).dropna(subset=["victimizacion"])
        assert (t["percepcion"] > t["victimizacion"]).all(), ambito


def test_figura_con_titulo_unidades_y_fuente():
    fig = pc.grafico_percepcion("La Libertad", 2020)
    ax = fig.axes[0]
    assert "La Libertad" in ax.get_title("left") and "2013-2024" in ax.get_title("left")
    assert "de cada 100" in ax.get_ylabel()
    textos = " ".join(t.get_text() for t in fig.texts)
    assert "ENAPRES" in textos and "Trujillo" in textos and "2020" in textos


def test_tablero_reacciona_a_los_controles():
    from lideres.modulos.m04_percepcion.tablero import TableroPercepcion, tablero_percepcion

    t = TableroPercepcion()
    assert 'data-brecha="31.1"' in t.brecha.value
    t.control_ambito.value = "Callao"
    assert 'data-brecha="35.1"' in t.brecha.value
    t.control_anio.value = 2020
    assert 'data-brecha="9.0"' in t.brecha.value
    assert 'alt="Gráfico de líneas de Callao' in t.grafico.value
    assert "Antes de concluir" in t.children[-1].value
    assert "lideres-tablero-error" in tablero_percepcion(anio=1999)._dom_classes


def test_brechas_cercanas_no_se_ordenan():
    """La Libertad: 36.5 (2022) y 35.2 (2023) están a menos de 4 puntos: la frase lo dice."""
    frase = pc.frase_brecha("La Libertad", 2022)
    assert "2023 (35.2)" in frase and "no distingue" in frase
