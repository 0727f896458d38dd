"""Módulo 03 «La cifra negra»: cálculo, cifras citadas en la lección y tablero sin navegador."""

from __future__ import annotations

import pytest

from lideres.errores import ErrorLideres
from lideres.modulos.m03_cifra_negra import calculos as cn


def test_la_tasa_solo_donde_hay_una_publicada_del_mismo_lugar_y_anio():
    e = cn.estimacion("La Libertad")
    assert (e["anio"], e["denuncias"], e["tasa"]) == (2025, 3010 + 8840 + 2205, 15.7)
    assert e["victimas"] == pytest.approx(14055 * 100 / 15.7)
    assert (e["tasa_min"], e["tasa_max"]) == pytest.approx((13.7, 17.7))
    assert e["victimas_min"] < e["victimas"] < e["victimas_max"]
    assert cn.estimacion("Callao") is None and cn.estimacion("Lima Metropolitana") is None
    assert cn.tasa_publicada("Callao") is None


def test_la_tasa_no_se_aplica_a_otro_alcance():
    from lideres.cifras.alcance import hechos_posibles

    tasa = cn.tasa_publicada("La Libertad")
    _, alcance_2024 = cn.denuncias_comparables("La Libertad", 2024)
    with pytest.raises(ErrorLideres, match="el periodo"):
        hechos_posibles(10_000, alcance_2024, tasa)
    _, callao = cn.denuncias_comparables("Callao", 2025)
    with pytest.raises(ErrorLideres, match="el nivel"):
        hechos_posibles(10_000, callao, tasa)
    with pytest.raises(ErrorLideres, match="No hay una tasa de denuncia publicada"):
        cn.victimas_si("Callao", 15)


@pytest.mark.parametrize("malo", [0, -5, 101, "quince", None])
def test_supuesto_fuera_de_rango_da_error_en_espanol(malo):
    with pytest.raises(ErrorLideres, match="de cada 100"):
        cn.victimas_si("La Libertad", malo)


def test_redondeo_honesto():
    assert cn.redondeo_honesto(89522.3) == 89500
    assert cn.redondeo_honesto(102591) == 103000
    assert cn.redondeo_honesto(0) == 0


def test_frase_da_un_rango_con_lugar_tiempo_y_grupo():
    frase = cn.frase_estimacion("La Libertad")
    assert "14,055 denuncias de robo, hurto y estafa" in frase and "primer semestre 2025" in frase
    assert "entre unas 79,400 y 103,000" in frase and "delitos:" in frase
    assert "No hay una tasa de denuncia publicada para el Callao" in cn.frase_estimacion("Callao")


def test_cifras_de_la_estimacion_en_el_registro():
    from lideres import cifras

    assert cifras.valor("cifra_negra.victimas.la_libertad.2025") == pytest.approx(89522.3, abs=0.1)
    assert cifras.cifra("cifra_negra.tasa_max.la_libertad.2025").texto == "17.7"
    with pytest.raises(ErrorLideres):
        cifras.cifra("cifra_negra.victimas.callao.2024")


def test_lugar_desconocido():
    with pytest.raises(ErrorLideres, match="Trujillo"):
        cn.serie_victimizacion("Trujillo")


def test_las_cifras_de_la_leccion_coinciden_con_los_datos():
    """La lección 03 cita estas cifras; si cambian los datos, esta prueba avisa."""
    assert cn.rango_publicado() == (13.9, 16.9)
    tasas = cn.tasas_de_denuncia()
    assert list(tasas["valor"]) == [13.9, 15.5, 16.9, 15.7]
    assert cn.denuncias_del_ambito("Lima Metropolitana", 2024) == 366086
    assert cn.denuncias_del_ambito("Callao", 2024) == 34536
    assert cn.denuncias_del_ambito("La Libertad", 2024) == 57477
    assert [cn.victimas_de_cada_100(a, 2024) for a in cn.AMBITOS] == [30.1, 25.7, 25.0]
    t = cn.comparacion(2024).set_index("ambito")
    assert round(t.loc["Lima Metropolitana", "denuncias_por_cada_100"], 1) == 3.8
    assert cn.poblacion_del_ambito("La Libertad") is None
    lima = cn.serie_denuncias("Lima Metropolitana").set_index("anio")["denuncias"]
    assert (lima[2019], lima[2020], lima[2021]) == (326989, 231137, 266828)
    v = cn.serie_victimizacion("Lima Metropolitana").set_index("anio")["valor"]
    assert (v[2019], v[2020], v[2021]) == (30.9, 27.9, 22.2)
    ll = cn.serie_denuncias("La Libertad").set_index("anio")["denuncias"]
    vl = cn.serie_victimizacion("La Libertad").set_index("anio")["valor"]
    assert (ll[2018], ll[2024], vl[2018], vl[2024]) == (36246, 57477, 23.9, 25.0)


def test_series_sin_anios_parciales():
    for ambito in cn.AMBITOS:
        anios = list(cn.serie_denuncias(ambito)["anio"])
        assert anios == list(range(2018, 2026)), ambito  # 2026 (enero-julio) queda fuera


def test_figuras_con_titulo_unidades_y_fuente():
    fig = cn.grafico_explorador("La Libertad")
    ax = fig.axes[0]
    titulo = " ".join(fig.texts[0].get_text().split())  # título arriba, en líneas cortas (lideres.figura)
    assert "La Libertad (departamento), 2025" in titulo
    assert "víctimas posibles" in ax.get_ylabel()
    assert "de cada 100 víctimas" in " ".join(ax.get_xlabel().split())
    textos = " ".join(" ".join(t.get_text().split()) for t in fig.texts)
    assert "Fuente: MININTER – SIDPOL" in textos and "INEI (ENAPRES)" in textos
    with pytest.raises(ErrorLideres, match="No hay una tasa"):
        cn.grafico_explorador("Callao")
    fig = cn.grafico_denuncias_y_victimas("La Libertad")
    textos = " ".join(t.get_text() for t in fig.texts)
    assert "ENAPRES" in textos and "SIDPOL" in textos and "Trujillo" in textos


def test_tablero_reacciona_a_los_controles():
    from lideres.modulos.m03_cifra_negra.tablero import TableroCifraNegra, tablero_cifra_negra

    t = TableroCifraNegra()
    assert t.victimas() == pytest.approx(14055 * 100 / 15.7)
    assert "data:image/png;base64," in t.explorador.value and 'alt="' in t.explorador.value
    assert "Antes de concluir" in t.children[-1].value
    assert "no dice" in t.resultado.value
    t.control_supuesto.value = 30
    assert "Supuesto (no es un dato)" in t.resultado.value
    t.control_ambito.value = "Callao"
    assert t.victimas() is None and t.control_supuesto.disabled
    assert "No hay una tasa de denuncia publicada" in t.resultado.value and t.explorador.value == ""
    t.control_ambito.value = "La Libertad"
    assert "La Libertad" in t.resultado.value and "Trujillo" in t.series.value
    aviso = tablero_cifra_negra(ambito="Arequipa")
    assert "lideres-tablero-error" in aviso._dom_classes
