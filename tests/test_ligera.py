"""Páginas ligeras (lideres.ligera): salen del mismo tablero de Voilà, con todos sus estados
calculados en Python; la página pesa poco, está en español y no pide nada fuera de la computadora."""

from __future__ import annotations

import json
import re

import pytest

from lideres import libro, ligera
from lideres.modulos import MODULOS, modulo
from lideres.modulos.m02_conteos_y_tasas import vistas
from lideres.modulos.m02_conteos_y_tasas.calculos import ANIOS, MEDIDAS, EstadoTablero

M02 = "02_conteos_y_tasas"


@pytest.fixture(scope="module")
def calculado02():
    return ligera.calcular(ligera.declaracion(M02))


def _datos(texto: str) -> dict:
    m = re.search(r'<script type="application/json" id="lig-datos">(.*?)</script>', texto, re.S)
    return json.loads(m.group(1).replace("<\\/", "</"))


def test_modulos_01_a_05_declaran_su_pagina_ligera():
    con_ligera = {d.modulo for d in ligera.declaradas()}
    assert {"01_datos_de_seguridad", M02, "03_cifra_negra", "04_percepcion", "05_tendencias"} <= con_ligera
    for d in ligera.declaradas():
        modulo(d.modulo)  # cada declaración nombra un módulo que existe
    assert ligera.declaracion("00_bienvenida") is None  # el 00 no tiene tablero


def test_cada_estado_es_el_html_de_las_vistas_del_tablero(calculado02):
    """Una sola fuente: el título, la leyenda, el ranking y la ficha de cada estado son los que
    escriben las vistas del tablero de Voilà para ese estado."""
    datos = calculado02["datos"]
    assert [c["nombre"] for c in datos["controles"]] == ["medida", "anio"]
    assert datos["controles"][0]["opciones"] == list(MEDIDAS)
    assert datos["controles"][1]["opciones"] == [str(a) for a in ANIOS]
    assert len(datos["estados"]) == len(MEDIDAS) * len(ANIOS)
    for medida in MEDIDAS:
        for anio in ANIOS:
            estado = datos["estados"][f"{medida}|{anio}"]
            trozos = {datos["trozos"][t] for t in estado["h"]}
            e = EstadoTablero(medida=medida, anio=anio)
            for vista in (vistas.html_titulo, vistas.html_primeros, vistas.html_leyenda,
                          vistas.html_ranking):
                assert vista(e) in trozos, (medida, anio, vista.__name__)
            # la ficha de San Juan de Lurigancho al tocarlo, con la medida y el año del estado
            e.seleccion = "150132"
            ficha = estado["e"]["150132"]["h"]
            assert vistas.html_info(e) in {datos["trozos"][t] for t in ficha.values()}
            # los colores del mapa, distrito por distrito
            assert len(datos["mapas"][estado["m"]]) == 50


def test_mapa_svg_con_los_colores_y_el_credito_del_tablero(calculado02):
    cuerpo = calculado02["cuerpo"]
    caminos = re.findall(r'<path data-lig-valor="(\d{6})" data-lig-indice="\d+" d="[^"]+" fill="([^"]+)"',
                         cuerpo)
    assert len(caminos) == 50
    assert dict(caminos) == EstadoTablero().colores()
    assert "MININTER" in cuerpo and "Límites: IGN" in cuerpo  # el crédito del mapa del tablero
    assert "<svg" in cuerpo and 'role="img"' in cuerpo


def test_pagina_accesible_en_espanol_y_liviana(tmp_path):
    texto = ligera.pagina(ligera.declaracion(M02), tmp_path)
    (tmp_path / "p.html").write_text(texto, encoding="utf-8")
    assert libro.revisar_html(tmp_path) == []  # lang="es" y nada fuera de la computadora
    assert "<main" in texto and "<h1>" in texto
    principal = texto[texto.index("<main"):texto.index("</main>")]
    assert principal.count('aria-pressed="true"') == 2  # medida y año elegidos
    assert '<label for="lig-distrito">Distrito (o tócalo en el mapa)</label>' in texto
    assert texto.count("<script") == 2  # los datos y el script común, sin archivos aparte
    assert (ligera.AQUI / "ligera.js").read_text(encoding="utf-8") in texto
    datos = _datos(texto)
    assert datos["estados"]
    import gzip

    assert len(gzip.compress(texto.encode())) < 60_000  # comprimida, muy por debajo de 100 KB


def test_figuras_pasan_a_archivos_por_su_contenido(tmp_path):
    texto = ligera.pagina(ligera.declaracion("03_cifra_negra"), tmp_path)
    assert "data:image/png" not in texto
    usadas = set(re.findall(r'figuras/([0-9a-f]{16}\.png)', texto))
    assert usadas and usadas <= {p.name for p in (tmp_path / "figuras").iterdir()}
    from lideres.modulos.m03_cifra_negra import calculos as cn
    from lideres.modulos.m03_cifra_negra import tablero as t03

    # cada lugar × cada supuesto (y «Ninguno»)
    assert len(_datos(texto)["estados"]) == len(cn.AMBITOS) * (1 + len(t03.OPCIONES_SUPUESTO))


def test_el_capitulo_y_la_guia_enlazan_la_pagina_ligera():
    for m in MODULOS:
        celda = libro.celda_tablero(m)["source"] if m.listo else ""
        if ligera.declaracion(m.id) is not None:
            assert f'href="../ligeras/{m.id}.html"' in celda
            assert "lideres-enlace-ligera" in libro.bloque_ligera(m, guia=True)
        else:
            assert libro.bloque_ligera(m) == ""


@pytest.mark.lento
def test_05_periodos_que_dependen_de_la_serie(tmp_path):
    """El 05: la lista de periodos cambia con la serie. La página trae la lista de cada serie (leída del
    widget) y un estado por cada combinación alcanzable, con el HTML de las vistas del tablero."""
    from lideres.modulos.m05_tendencias import calculos as c05
    from lideres.modulos.m05_tendencias import vistas as v05
    from lideres.modulos.m05_tendencias.tablero import TITULARES, VENTANAS, TableroTendencias

    texto = ligera.pagina(ligera.declaracion("05_tendencias"), tmp_path)
    datos = _datos(texto)
    serie, periodo, titular, ventana = datos["controles"]
    assert [x["nombre"] for x in datos["controles"]] == ["serie", "periodo", "titular", "ventana"]
    assert "segun" not in serie and "segun" not in titular and "segun" not in ventana
    assert set(periodo["segun"]) == set(c05.SERIES)
    for s in c05.SERIES:
        caso = periodo["segun"][s]
        assert caso["opciones"] == TableroTendencias._periodos(s)
        assert caso["defecto"] == c05.revisar_titular(s, None, "+50 %", 3)["periodo"]
    total = sum(len(TableroTendencias._periodos(s)) for s in c05.SERIES) * len(TITULARES) * len(VENTANAS)
    assert len(datos["estados"]) == total
    # dos estados al azar fijo: el gráfico y el resultado son los de las vistas del tablero
    for s, p, a, v in (("lima_anual", TableroTendencias._periodos("lima_anual")[2], "-20 %", 6),
                       ("simulado", TableroTendencias._periodos("simulado")[-1], "", 2)):
        estado = c05.revisar_titular(s, p, a, v)
        trozos = {datos["trozos"][t] for t in datos["estados"][f"{s}|{p}|{a}|{v}"]["h"]}
        assert v05.svg_serie(estado) in trozos and v05.html_resultado(estado) in trozos
    import gzip

    assert len(gzip.compress(texto.encode())) < 60_000  # comprimida, liviana como las demás
