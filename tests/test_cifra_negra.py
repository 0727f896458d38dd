"""Módulo 03 «La cifra negra»: cálculo, cifras citadas en la lección y tablero sin navegador."""

from __future__ import annotations

import pytest

from lideres.errores import ErrorLideres
from lideres.modulos.m03_cifra_negra import calculos as cn


def test_delitos_posibles_y_rango():
    assert cn.delitos_posibles(15, 15) == pytest.approx(100)
    assert cn.delitos_posibles(34536, 15) == pytest.approx(230240)
    menos, mas = cn.rango_de_delitos(34536)
    assert menos < cn.delitos_posibles(34536, 15) < mas
    assert (menos, mas) == pytest.approx((34536 * 100 / 16.9, 34536 * 100 / 13.9))
    assert cn.delitos_posibles(0, 15) == 0


@pytest.mark.parametrize("malo", [0, -5, 101, "quince", None])
def test_de_cada_100_fuera_de_rango_da_error_en_espanol(malo):
    with pytest.raises(ErrorLideres, match="de cada 100"):
        cn.delitos_posibles(100, malo)


@pytest.mark.parametrize("malo", [-1, "muchas", None])
def test_denuncias_invalidas(malo):
    with pytest.raises(ErrorLideres, match="denuncias"):
        cn.delitos_posibles(malo, 15)


def test_redondeo_honesto():
    assert cn.redondeo_honesto(230240) == 230000
    assert cn.redondeo_honesto(204355) == 200000
    assert cn.redondeo_honesto(0) == 0


def test_frase_da_un_rango_en_es_pe():
    frase = cn.frase_explorador(34536, 15)
    assert "34,536 denuncias" in frase and "230,000" in frase
    assert "entre 200,000 y 250,000" in frase


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
    fig = cn.grafico_explorador(34536, 15, "Callao")
    ax = fig.axes[0]
    assert "Callao, 2024" in ax.get_title("left")
    assert "delitos posibles" in ax.get_ylabel()
    textos = " ".join(t.get_text() for t in fig.texts)
    assert "Fuente: INEI" in textos
    fig = cn.grafico_denuncias_y_victimas("La Libertad")
    textos = " ".join(t.get_text() for t in fig.texts)
    assert "ENAPRES" in textos and "SIDPOL" in textos and "Trujillo" in textos


def test_tablero_reacciona_a_los_controles():
    from lideres.modulos.m03_cifra_negra.tablero import TableroCifraNegra, tablero_cifra_negra

    t = TableroCifraNegra()
    assert t.delitos() == pytest.approx(230240)
    assert "data:image/png;base64," in t.explorador.value and 'alt="' in t.explorador.value
    assert "Antes de concluir" in t.children[-1].value
    t.control_denuncian.value = 30
    assert t.delitos() == pytest.approx(34536 * 100 / 30)
    t.control_ambito.value = "La Libertad"
    assert t.control_denuncias.value == 57477
    assert "La Libertad" in t.resultado.value and "Trujillo" in t.series.value
    t.control_denuncias.value = 300
    assert "escrito por ti" in t.resultado.value
    aviso = tablero_cifra_negra(ambito="Arequipa")
    assert "lideres-tablero-error" in aviso._dom_classes
