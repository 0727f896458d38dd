"""Módulo 05: cambios con sus números, meses de distinto largo, mismo periodo, promedio móvil, la
banda de Poisson (comparada con scipy) y el revisor de titulares."""

from __future__ import annotations

import pandas as pd
import pytest

from lideres.errores import ErrorLideres
from lideres.modulos.m05_tendencias import calculos as c


def test_un_porcentaje_con_sus_numeros():
    # 4 → 5 es +25 %; 5 → 4 es −20 %: el mismo caso de diferencia, dos porcentajes.
    assert c.cambio(4, 5).proporcion == pytest.approx(0.25)
    assert c.cambio(5, 4).proporcion == pytest.approx(-0.20)
    assert c.cambio(4, 5).texto() == "de 4 a 5 casos: 1 más (+25 %)"
    assert c.cambio(5, 4).texto() == "de 5 a 4 casos: 1 menos (−20 %)"
    assert c.cambio(0, 3).proporcion is None
    assert "antes era 0" in c.cambio(0, 3).texto()


@pytest.mark.parametrize("texto, valor", [
    ("+50 %", 0.5), ("50%", 0.5), ("-20 %", -0.2), ("−20 %", -0.2), ("subió 20 %", 0.2),
    ("bajó 20 %", -0.2), ("12,5 %", 0.125), (50, 0.5), (0.5, 0.5),
])
def test_leer_afirmacion(texto, valor):
    assert c.leer_afirmacion(texto) == pytest.approx(valor)


def test_afirmacion_ilegible_da_mensaje_en_espanol():
    with pytest.raises(ErrorLideres, match="No entiendo el porcentaje"):
        c.leer_afirmacion("mucho")


def test_dias_de_los_meses():
    assert c.dias_del_mes(2024, 2) == 29 and c.dias_del_mes(2025, 2) == 28
    assert c.dias_de_meses(2026, 7) == 212


def test_serie_mensual_la_libertad_y_febrero():
    tabla = c.serie("la_libertad_mensual")
    assert list(tabla["mes"]) == list(range(1, 9))  # setiembre no se publicó completo: no entra
    ene, feb = tabla.iloc[0], tabla.iloc[1]
    assert (ene["casos"], feb["casos"]) == (5029, 5042)
    # Casi iguales en el mes, pero febrero de 2024 tuvo 29 días: por día subió ~7 %.
    assert c.cambio(ene["casos"], feb["casos"]).proporcion == pytest.approx(0.0026, abs=1e-4)
    assert c.cambio(ene["por_dia"], feb["por_dia"]).proporcion == pytest.approx(
        (5042 / 29) / (5029 / 31) - 1)


def test_serie_anual_con_anio_parcial():
    tabla = c.serie("callao_anual")
    assert list(tabla["anio"]) == list(range(2018, 2027))
    ultimo = tabla.iloc[-1]
    assert not ultimo["completo"] and ultimo["dias"] == 212 and ultimo["etiqueta"] == "2026 (ene-jul)"
    assert ultimo["casos"] == 16476


def test_distrito_simulado_con_semilla_y_sin_cambio():
    a, b = c.simular_distrito(), c.simular_distrito()
    pd.testing.assert_frame_equal(a, b)
    assert len(a) == 36
    assert a["casos"].mean() == pytest.approx(c.PROMEDIO_SIMULADO, abs=1)
    assert c.SERIES["simulado"].sintetico
    assert "SIMULADO" in c.SERIES["simulado"].etiqueta and "sintético" in c.SERIES["simulado"].etiqueta


def test_el_azar_produce_titulares_de_mas_50():
    titulares = c.titulares_del_azar(0.5)
    assert len(titulares) >= 3
    # Casi todos quedan dentro de la banda de lo que varía sola (nada cambió); la banda deja fuera
    # 5 de cada 100 meses normales, y la frase lo dice.
    estados = [c.revisar_titular("simulado", p) for p in titulares["etiqueta"]]
    assert sum(e["dentro_de_la_banda"] for e in estados) >= len(estados) - 1
    for e in estados:
        if not e["dentro_de_la_banda"]:
            assert "5 de cada 100" in e["veredicto"]


def test_media_movil():
    casos = pd.Series([3, 6, 9, 12])
    assert c.media_movil(casos, 3).tolist()[2:] == [6.0, 9.0]
    assert c.media_movil(casos, 3).isna().sum() == 2
    with pytest.raises(ErrorLideres):
        c.media_movil(casos, 0)


def test_mismo_periodo_del_anio_anterior():
    tabla = c.simular_distrito()
    esperado = (tabla[(tabla.anio == 2025) & (tabla.mes <= 7)]["casos"].sum(),
                tabla[(tabla.anio == 2024) & (tabla.mes <= 7)]["casos"].sum())
    cambio = c.mismo_periodo_anterior(tabla, 2025, 7)
    assert (cambio.despues, cambio.antes) == esperado
    with pytest.raises(ErrorLideres, match="Faltan meses de 2022"):
        c.mismo_periodo_anterior(tabla, 2023, 7)


@pytest.mark.parametrize("mu", [0.5, 4, 4.3, 37.2, 5000, 17360.4, 396925])
def test_banda_poisson_igual_a_scipy(mu):
    stats = pytest.importorskip("scipy.stats")
    assert c.banda_poisson(mu) == (int(stats.poisson.ppf(0.025, mu)), int(stats.poisson.ppf(0.975, mu)))


def test_banda_de_cuatro_al_mes():
    assert c.banda_poisson(4) == (1, 8)


def test_revisor_simulado_dice_que_no_se_puede_afirmar():
    estado = c.revisar_titular("simulado", "marzo de 2023", "+50 %")
    assert (estado["casos_antes"], estado["casos"]) == (2, 3)
    assert estado["sintetico"] and "SIMULADO" in estado["titulo"]
    assert estado["dentro_de_la_banda"]
    assert "El +50 % sale de contar de 2 a 3 casos" in estado["veredicto"]
    assert "dentro de lo que varía sola" in estado["veredicto"]
    assert "no se puede decir que subió" in estado["veredicto"]
    assert estado["no_dice"] and "simulado" in estado["no_dice"][0]
    assert estado["media_movil"] is not None and estado["ventana"] == 3
    assert estado["mismo_mes_anio_anterior"] is None  # 2022 no existe en la simulación
    assert c.revisar_titular("simulado", "marzo de 2024")["mismo_mes_anio_anterior"] is not None


def test_revisor_avisa_anio_parcial_y_compara_por_dia():
    estado = c.revisar_titular("callao_anual", afirmacion="-45 %")
    assert estado["periodo"] == "2026 (ene-jul)" and estado["periodo_parcial"]
    assert "no es un año completo" in estado["veredicto"]
    assert estado["por_dia"].proporcion == pytest.approx((16476 / 212) / (29889 / 365) - 1)
    assert any("Cómo terminará el año" in f for f in estado["no_dice"])
    assert any("cifra negra" in f for f in estado["no_dice"])
    assert estado["fuente"] == c.FUENTE_SIDPOL


def test_revisor_corrige_un_porcentaje_que_no_sale():
    estado = c.revisar_titular("la_libertad_mensual", "febrero de 2024", "+20 %")
    assert estado["veredicto"].startswith("Los números no dan +20 %: de 5,029 a 5,042 denuncias")
    assert estado["largos_distintos"] and "29 días" in estado["veredicto"]
    assert estado["media_movil"] is not None  # 8 meses alcanzan para una ventana de 3


def test_revisor_serie_o_periodo_desconocidos():
    with pytest.raises(ErrorLideres, match="No hay una serie"):
        c.revisar_titular("trujillo_mensual")
    with pytest.raises(ErrorLideres, match="No hay un periodo"):
        c.revisar_titular("simulado", "enero de 2023")  # no tiene mes anterior


# ------------------------------------------------------------------ vistas y tablero


def test_vistas_dicen_nivel_periodo_fuente_y_simulado():
    from lideres.modulos.m05_tendencias import vistas

    e = c.revisar_titular("simulado", "setiembre de 2023", "+50 %")
    html = vistas.html_resultado(e)
    assert "SIMULADO" in html and "sintético" in html
    assert "1 caso</td>" in html and "5 casos</td>" in html
    assert "Lo que estos datos no dicen" in html and c.FUENTE_SIMULADO in html
    svg = vistas.svg_serie(e)
    assert svg.count('class="lideres-barra-serie') == 36
    assert "lideres-barra-elegida" in svg and "lideres-banda" in svg and "lideres-media-movil" in svg
    assert "SIMULADO (sintético)" in svg and 'role="img"' in svg
    real = vistas.html_resultado(c.revisar_titular("callao_anual"))
    assert "SIMULADO" not in real and c.FUENTE_SIDPOL in real and "Callao" in real


def test_sin_media_movil_si_la_serie_es_corta():
    from lideres.modulos.m05_tendencias import vistas

    e = c.revisar_titular("la_libertad_mensual", ventana=6)  # 8 meses < 2 × 6
    assert e["media_movil"] is None
    assert "lideres-media-movil" not in vistas.svg_serie(e)


def test_figura_de_facilitadores_al_dia():
    from lideres.modulos.m05_tendencias import vistas

    guardada = vistas.ruta_figura_facilitadores().read_text(encoding="utf-8")
    assert guardada == vistas.svg_para_facilitadores(), (
        "regenera con vistas.escribir_figura_facilitadores()")


def test_tablero_cambia_de_serie_y_rehace_los_periodos():
    pytest.importorskip("ipywidgets")
    from lideres.modulos.m05_tendencias.tablero import tablero

    t = tablero()
    assert t.estado["serie"] == "simulado" and t.control_titular.value == "+50 %"
    assert "lideres-tablero" in t._dom_classes
    t.control_serie.value = "callao_anual"
    assert t.control_periodo.options[-1] == "2026 (ene-jul)"
    assert t.control_periodo.value == "2026 (ene-jul)" and t.estado["periodo_parcial"]
    assert 'data-serie="callao_anual"' in t.resultado.value
    t.control_periodo.value = "2025"
    assert t.estado["periodo"] == "2025" and "2025" in t.resultado.value
    t.control_titular.value = ""
    assert t.estado["veredicto"].startswith("Bajó")
    t.control_ventana.value = 6
    assert t.estado["ventana"] == 6


def test_tablero_con_datos_malos_da_aviso_en_espanol():
    pytest.importorskip("ipywidgets")
    from lideres.modulos.m05_tendencias.tablero import tablero

    aviso = tablero(serie="lima_mensual")
    assert "No se pudo mostrar el tablero" in aviso.value and "No hay una serie" in aviso.value
