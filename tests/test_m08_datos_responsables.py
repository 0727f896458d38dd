"""Módulo 08: las funciones que protegen un registro antes de compartirlo (y que usa el 09)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lideres.modulos.m08_datos_responsables import calculos as c


@pytest.fixture(scope="module")
def hogares():
    return c.hogares_sinteticos(n=300, semilla=8)


@pytest.fixture(scope="module")
def casos(hogares):
    return c.incidentes_en_hogares(hogares, 30, semilla=8)


def test_sinteticos_con_semilla_y_rotulados(hogares):
    assert hogares.equals(c.hogares_sinteticos(n=300, semilla=8))
    assert not hogares.equals(c.hogares_sinteticos(n=300, semilla=9))
    assert hogares["sintetico"].all() and hogares["hogar"].is_unique
    casos = c.incidentes_en_hogares(hogares, 30, semilla=8)
    assert casos["sintetico"].all() and casos["hogar"].isin(hogares["hogar"]).all()
    assert "sintético" in c.__doc__.lower() or "SINTÉTICAS" in c.incidentes_en_hogares.__doc__


@pytest.mark.parametrize("radio, minimo", [(100, 0), (200, 50)])
def test_geoenmascarar_dentro_del_radio(casos, radio, minimo):
    movidos = c.geoenmascarar(casos, radio, semilla=3, radio_min_m=minimo)
    d = np.diag(c.distancias_m(movidos, casos))
    assert (d <= radio + 0.01).all() and (d >= minimo - 0.01).all()
    assert d.mean() > radio / 3  # se mueven de verdad
    assert movidos.equals(c.geoenmascarar(casos, radio, semilla=3, radio_min_m=minimo))  # misma semilla
    assert casos.equals(c.incidentes_en_hogares(c.hogares_sinteticos(n=300, semilla=8), 30, semilla=8))


def test_geoenmascarar_radio_minimo_mayor():
    with pytest.raises(ValueError):
        c.geoenmascarar(pd.DataFrame({"lat": [-8.0], "lon": [-79.0]}), 10, semilla=1, radio_min_m=20)


def test_puntos_anonimos_reunen_k_direcciones(hogares):
    puntos = c.puntos_anonimos(hogares, k=8)
    assert (puntos["direcciones"] >= 8).all() and puntos["direcciones"].sum() == len(hogares)
    zonas = c.ajustar_a_puntos(hogares, puntos)["punto"]
    assert zonas.value_counts().sort_index().tolist() == puntos.set_index("punto")["direcciones"].sort_index().tolist()


def test_ajustar_a_puntos_no_deja_ninguna_casa_identificable(hogares, casos):
    puntos = c.puntos_anonimos(hogares, k=8)
    ajustados = c.ajustar_a_puntos(casos, puntos)
    assert set(zip(ajustados["lat"], ajustados["lon"], strict=True)) <= set(
        zip(puntos["lat"], puntos["lon"], strict=True))
    zonas = c.ajustar_a_puntos(hogares, puntos)["punto"]
    juego = c.reidentificacion(ajustados.assign(zona=ajustados["punto"]), hogares, zonas=zonas)
    assert (juego["candidatos"] >= 8).all() and not juego["identifica"].any()


def test_reidentificacion_sin_proteger_y_con_radios(hogares, casos):
    sin = c.resumen_reidentificacion(c.reidentificacion(casos, hogares))
    assert sin == {"registros": 30, "identifican": 30, "mediana_candidatos": 1.0, "aciertos": 30}
    resultados = []
    for radio in (25, 100, 400):
        movidos = c.geoenmascarar(casos, radio, semilla=5, radio_min_m=radio / 4)
        resultados.append(c.resumen_reidentificacion(c.reidentificacion(movidos, hogares, radio)))
    medianas = [r["mediana_candidatos"] for r in resultados]
    assert medianas == sorted(medianas) and medianas[-1] > 50
    assert resultados[-1]["identifican"] == 0 and resultados[-1]["aciertos"] <= 2
    assert resultados[0]["aciertos"] > resultados[-1]["aciertos"]


def test_suprimir_pequenos_y_complementaria():
    tabla = pd.DataFrame({"distrito": ["A", "A", "A", "B", "B"], "tipo": ["Robo", "Hurto", "Estafa"] + ["Robo", "Hurto"],
                          "conteo": [3, 12, 9, 0, 7]})
    simple = c.suprimir_pequenos(tabla)
    assert simple["suprimido"].tolist() == [True, False, False, False, False]
    assert simple["publicado"].tolist() == ["menos de 5", "12", "9", "0", "7"]
    assert simple["conteo"].isna().tolist() == [True, False, False, False, False]
    doble = c.suprimir_pequenos(tabla, grupo="distrito")
    # en A se ocultó una sola: también la menor de las otras (9), para no despejarla del total
    assert doble["suprimido"].tolist() == [True, False, True, False, False]
    assert doble["publicado"].tolist() == ["menos de 5", "12", "oculto", "0", "7"]
    assert tabla["conteo"].tolist() == [3, 12, 9, 0, 7]  # la original no cambia


def test_agregar_a_grilla(casos):
    grilla = c.agregar_a_grilla(casos, lado_m=250)
    assert grilla["conteo"].sum() == len(casos) and grilla["celda"].is_unique
    centros = grilla.sort_values("lat")
    pasos = np.diff(np.unique(centros["lat"].round(7)))
    assert np.allclose(pasos * c.METROS_POR_GRADO, 250, atol=1)
    # cada caso cae en la celda cuyo centro está a no más de media diagonal
    origen = c._origen(casos)
    celdas = c.celda_de(casos, 250, origen)
    assert set(celdas) == set(c.agregar_a_grilla(casos, 250, origen)["celda"])


def test_k_anonimato():
    tabla = pd.DataFrame({"tipo": ["Robo", "Robo", "Hurto", "Hurto", "Hurto"], "mes": ["ene", "ene", "ene", "feb", "feb"]})
    assert c.k_anonimato(tabla, ["tipo"]) == 2
    assert c.k_anonimato(tabla, ["tipo", "mes"]) == 1
    assert c.filas_unicas(tabla, ["tipo", "mes"]).index.tolist() == [2]
    assert c.k_anonimato(tabla.iloc[:0], ["tipo"]) == 0


def test_proteger_lo_que_exporta_el_modulo_09(hogares):
    casos = c.incidentes_en_hogares(hogares, 120, semilla=2).assign(
        fecha=pd.Timestamp("2025-03-05"), lugar="Jr. Los Pinos 123", fuente="vecina")
    casos["tipo"] = "Robo"
    protegido = c.proteger(casos, radio_m=200, semilla=4, umbral=3)
    assert not {"lugar", "fuente", "hogar", "fecha", "hora"} & set(protegido.columns)
    assert set(protegido["mes"]) == {"2025-03"}
    assert protegido.attrs["quitadas"] + len(protegido) == len(casos)
    assert (protegido["lat"].round(4) == protegido["lat"]).all()
    juego = c.reidentificacion(protegido, hogares, radio_m=200)
    assert not juego["identifica"].any()


def test_normas_citadas():
    assert "Ley 29733" in c.NORMAS["ley"] and "016-2024-JUS" in c.NORMAS["reglamento"]
    assert "localización" in c.NORMAS["reglamento"]
    # sin el texto del decreto en las fuentes del curso, se dice de qué resumen sale
    assert "IAPP" in c.NORMAS["fuente_reglamento"] and "no guarda su texto" in c.NORMAS["fuente_reglamento"]


def test_tablero_del_juego():
    pytest.importorskip("ipywidgets")
    from lideres.modulos.m08_datos_responsables.tablero import tablero

    t = tablero()
    assert "40 de 40" in t.resultado.value and "<img" in t.mapas.value  # sin proteger: todas señalan
    assert "sintético" in t.resultado.value.lower()
    t.radio.value = 200
    assert "Ningún registro identifica una sola casa" in t.resultado.value
    t.metodo.value = "puntos"
    assert "Ningún registro" in t.resultado.value
    t.metodo.value, t.radio.value = "grilla", 0
    assert "todavía identifican una sola casa" in t.resultado.value


@pytest.mark.lento
def test_pagina_ligera_del_08(tmp_path):
    """La página ligera sale del mismo tablero: cada método × radio × k, en español, sin nada fuera
    de la computadora, con la misma frase que escribe la vista del tablero de Voilà."""
    import json
    import re

    from lideres import libro, ligera
    from lideres.modulos.m08_datos_responsables import tablero as t08
    from lideres.modulos.m08_datos_responsables import vistas as v

    texto = ligera.pagina(ligera.declaracion("08_datos_responsables"), tmp_path)
    (tmp_path / "p.html").write_text(texto, encoding="utf-8")
    assert libro.revisar_html(tmp_path) == []
    datos = json.loads(re.search(r'<script type="application/json" id="lig-datos">(.*?)</script>', texto,
                                 re.S).group(1).replace("<\\/", "</"))
    assert len(datos["estados"]) == len(v.METODOS) * len(t08.RADIOS) * len(t08.KS)
    assert v.html_resultado("grilla", 100, 8) in datos["trozos"]
