"""Módulo 01 «¿De dónde vienen los datos?»: mezcla de denuncias, registros sintéticos y tablero."""

from __future__ import annotations

import pytest

from lideres.errores import ErrorLideres
from lideres.modulos.m01_datos_de_seguridad import calculos as fu


def test_mezcla_suma_100_y_otros_al_final():
    for dep in fu.DEPARTAMENTOS:
        for anio in fu.anios():
            t = fu.mezcla(dep, anio)
            assert t["de_cada_100"].sum() == pytest.approx(100)
            assert t["tipo"].iloc[-1] == "Otros"


def test_solo_anios_completos():
    assert fu.anios() == list(range(2018, 2026))
    with pytest.raises(ErrorLideres, match="2026"):
        fu.mezcla("Callao", 2026)
    with pytest.raises(ErrorLideres, match="Arequipa"):
        fu.mezcla("Arequipa", 2024)


def test_las_cifras_de_la_leccion_coinciden_con_los_datos():
    """La lección 01 y su página para facilitadores citan estas cifras."""
    callao = fu.mezcla("Callao", 2024).set_index("tipo")
    assert callao.loc["Robo", "denuncias"] == 4246 and callao["denuncias"].sum() == 34536
    assert round(callao.loc["Violencia contra la mujer y la familia", "de_cada_100"]) == 29
    assert round(callao.loc["Robo", "de_cada_100"]) == 12
    c19 = fu.mezcla("Callao", 2019).set_index("tipo")["de_cada_100"]
    assert round(c19["Violencia contra la mujer y la familia"]) == 34
    s = fu.serie_departamentos().set_index(["departamento", "anio"])["denuncias"]
    assert (s["La Libertad", 2018], s["La Libertad", 2024]) == (36246, 57477)
    assert "29 fueron por violencia" in fu.frase_mezcla("Callao", 2024)


def test_registros_sinteticos_de_tres_fuentes():
    for distrito in fu.DISTRITOS_SINTETICOS:
        t = fu.registros_por_fuente(distrito)
        assert list(t.columns) == list(fu.FUENTES_REGISTRO)
        assert (t.sum() > 0).all(), distrito
    assert fu.totales_por_fuente("El Porvenir")["Serenazgo"] == 218
    assert "datos sintéticos" in fu.frase_fuentes("La Esperanza")
    with pytest.raises(ErrorLideres, match="Comas"):
        fu.registros_por_fuente("Comas")


def test_figuras_dicen_sintetico_fuente_y_unidades():
    fig = fu.grafico_fuentes("El Porvenir")
    assert fig.texts[0].get_text().startswith("SINTÉTICO")  # el título, arriba (lideres.figura)
    assert "SINTÉTICO" in " ".join(t.get_text() for t in fig.texts)
    fig = fu.grafico_mezcla("Lima", 2024)
    assert "de cada 100" in fig.axes[0].get_xlabel()
    textos = " ".join(t.get_text() for t in fig.texts)
    assert "SIDPOL" in textos and "Región Lima" in textos
    fig = fu.grafico_departamentos()
    assert "2018-2025" in fig.texts[0].get_text()


def test_tablero_reacciona_y_avisa_que_es_sintetico():
    from lideres.modulos.m01_datos_de_seguridad.tablero import TableroFuentes, tablero_fuentes

    t = TableroFuentes()
    textos = " ".join(getattr(w, "value", "") for w in t.children if hasattr(w, "value"))
    assert "SINTÉTICO" in textos and "Antes de concluir" in textos
    t.control_distrito.value = "Florencia de Mora"
    assert "Florencia de Mora" in t.frase_fuentes.value
    t.control_departamento.value = "La Libertad"
    t.control_anio.value = 2019
    assert 'data-departamento="La Libertad" data-anio="2019"' in t.frase_mezcla.value
    assert "lideres-tablero-error" in tablero_fuentes(distrito="Comas")._dom_classes
