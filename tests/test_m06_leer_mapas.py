"""Módulo 06: clasificaciones de mapclassify guardadas e iguales a las recalculadas, «los más
peligrosos» según cada elección, colores legibles en gris y con daltonismo, intervalos de las tasas
(Byar frente al exacto de scipy) y la marca «no se distingue del promedio». El tablero abre sin
pandas: sus cuentas son las mismas que con pandas, y un CSV roto da el mismo aviso."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from lideres.errores import ErrorLideres
from lideres.modulos.m06_leer_mapas import calculos as c


def test_clasificaciones_guardadas_iguales_a_mapclassify():
    pytest.importorskip("mapclassify")
    guardadas = json.loads(c.ARCHIVO_CLASIFICACIONES.read_text(encoding="utf-8"))
    nuevas = json.loads(json.dumps(c.calcular_clasificaciones()))
    assert guardadas == nuevas, "regenera con calculos.escribir_clasificaciones()"


def test_el_tablero_no_importa_mapclassify():
    """Ni mapclassify ni scipy (ya clasificado), ni shapely con el importador de límites (los
    límites se leen con `leer_limites`): cada uno pesa en el kernel de cada celular y al abrir."""
    codigo = ("import sys\nfrom lideres.modulos.m06_leer_mapas import calculos as c\n"
              "c.estado_mapa(2025, 'tasa', 'cortes_naturales', 5, 'naranjas')\n"
              "from lideres.modulos.m06_leer_mapas.tablero import tablero\n"
              "t = tablero()\nt.control_esquema.value = 'intervalos_iguales'\n"
              "cargados = [m for m in ('mapclassify', 'scipy', 'shapely', 'lideres.limites') if m in sys.modules]\n"
              "assert not cargados, cargados\n")
    subprocess.run([sys.executable, "-c", codigo], check=True)


def test_cuantiles_reparten_los_distritos_por_igual():
    clas = c.clasificacion(2025, "tasa", "cuantiles", 5)
    assert clas.conteo_por_clase() == [10, 10, 10, 10, 10]
    assert len(clas.clases) == 50


def test_los_mas_peligrosos_cambian_con_la_eleccion():
    por_conteo = c.estado_mapa(2025, "conteo", "cuantiles", 5)["mas_altos"]
    por_tasa = c.estado_mapa(2025, "tasa", "cuantiles", 5)["mas_altos"]
    naturales = c.estado_mapa(2025, "tasa", "cortes_naturales", 5)["mas_altos"]
    iguales = c.estado_mapa(2025, "tasa", "intervalos_iguales", 5)["mas_altos"]
    assert len(por_conteo) == len(por_tasa) == 10
    # San Juan de Lurigancho: muchas denuncias porque vive mucha gente; por tasa no está arriba.
    assert "San Juan de Lurigancho" in por_conteo and "San Juan de Lurigancho" not in por_tasa
    assert "Miraflores" in por_tasa and "Miraflores" not in por_conteo
    assert naturales == iguales == ["Lima (Cercado)"]
    tabla = c.mas_altos_por_eleccion(2025, 5)
    assert len(tabla) == 6 and tabla["cuantos"].nunique() > 1


def test_leyenda_con_unidades_y_periodo():
    e = c.estado_mapa(2024, "tasa", "intervalos_iguales", 4, "viridis")
    assert e["unidad"] == "denuncias por 100 mil habitantes, 2024"
    assert e["nivel"].startswith("distritos de Lima Metropolitana") and "SIDPOL" in e["fuente"]
    assert len(e["leyenda"]) == 4 and e["leyenda"][0][1].startswith("de ")
    assert sum(n for _, _, n in e["leyenda"]) == 50


@pytest.mark.parametrize("paleta", ["azules", "naranjas", "viridis"])
@pytest.mark.parametrize("k", c.CLASES)
def test_paletas_aptas_legibles_en_gris_y_con_daltonismo(paleta, k):
    tonos = c.colores(paleta, k)
    assert len(tonos) == len(set(tonos)) == k
    assert c.legible_en_gris(tonos)
    assert c.legible_en_gris(tonos, c.DEUTERANOPIA) and c.legible_en_gris(tonos, c.PROTANOPIA)


def test_el_arcoiris_no_se_lee_en_gris():
    assert not c.legible_en_gris(c.colores("arcoiris", 5))
    assert not c.estado_mapa(2025, "tasa", "cuantiles", 5, "arcoiris")["paleta_apta"]


def test_claridad_de_blanco_y_negro():
    assert c.claridad("#ffffff") == pytest.approx(100, abs=0.01)
    assert c.claridad("#000000") == pytest.approx(0, abs=0.01)


@pytest.mark.parametrize("x", [0, 1, 5, 10, 37, 250, 5000, 29663])
def test_intervalo_de_byar_cerca_del_exacto(x):
    stats = pytest.importorskip("scipy.stats")
    baja, alta = c.intervalo_conteo(np.array([x]))
    exacta_baja = stats.chi2.ppf(0.025, 2 * x) / 2 if x > 0 else 0.0
    exacta_alta = stats.chi2.ppf(0.975, 2 * x + 2) / 2
    assert baja[0] == pytest.approx(exacta_baja, rel=0.02, abs=0.05)
    assert alta[0] == pytest.approx(exacta_alta, rel=0.02)


def test_no_se_distingue_del_promedio():
    t = c.tabla(2025)
    promedio = t["conteo"].sum() / t["poblacion"].sum() * 100_000
    assert c.tasa_ciudad(t) == pytest.approx(promedio)
    assert (t["tasa_baja"] < t["tasa"]).all() and (t["tasa"] < t["tasa_alta"]).all()
    marcados = t[t["no_se_distingue"]]
    assert len(marcados) >= 1
    assert ((marcados["tasa_baja"] <= promedio) & (promedio <= marcados["tasa_alta"])).all()
    # Un distrito chico (Santa María del Mar) tiene un intervalo ancho: no se distingue.
    assert "Santa María del Mar" in set(marcados["distrito"])
    e = c.estado_mapa(2025)
    assert e["no_se_distinguen"] == [f.distrito for f in e["orden_por_tasa"] if f.no_se_distingue]


def test_elecciones_invalidas_en_espanol():
    with pytest.raises(ErrorLideres, match="esquema de clasificación"):
        c.estado_mapa(2025, "tasa", "jenks", 5)
    with pytest.raises(ErrorLideres, match="número de clases"):
        c.estado_mapa(2025, "tasa", "cuantiles", 12)
    with pytest.raises(ErrorLideres, match="paleta"):
        c.colores("rojos", 5)
    with pytest.raises(ErrorLideres, match="denuncias por distrito"):
        c.tabla(2019)


# ------------------------------------------------------------------ vistas y tablero


def test_estilos_marcan_lo_que_no_se_distingue():
    from lideres.modulos.m06_leer_mapas import vistas

    e = vistas.EstadoMapa(2025, "tasa", "cuantiles", 5, "azules")
    estilos = e.estilos()
    assert len(estilos) == 50
    iguales = {u for u, s in estilos.items() if "lideres-no-se-distingue" in s["className"]}
    t = c.tabla(2025)
    assert iguales == set(t.loc[t["no_se_distingue"], "ubigeo"])
    assert all(estilos[u]["dashArray"] for u in iguales)
    assert set(s["fillColor"] for s in estilos.values()) == set(c.colores("azules", 5))
    assert e.fuente == c.FUENTE and "Límites" in e.nota_limites


def test_leyenda_con_titulo_unidades_y_pie_del_registro():
    from lideres.modulos.m06_leer_mapas import vistas

    e = vistas.EstadoMapa(2025, "tasa", "cortes_naturales", 4, "arcoiris")
    html = vistas.html_leyenda(e)
    assert "Denuncias por 100 mil habitantes, 2025" in html
    assert "Lima Metropolitana y Callao" in html and "SIDPOL" in html and "población estimada 2020" in html
    assert html.count('class="lideres-leyenda-clase"') == 5  # 4 clases + el borde de puntos
    assert "no se leen en gris" in html
    assert "Lima (Cercado)" in vistas.html_mas_altos(e)
    intervalos = vistas.html_intervalos(e)
    assert intervalos.count('class="lideres-intervalo') >= 50 and "no se distingue del promedio" in intervalos


def test_tablero_cambia_colores_y_la_lista():
    pytest.importorskip("ipyleaflet")
    from lideres.modulos.m06_leer_mapas.tablero import tablero

    t = tablero()
    assert len(t.capa.data["features"]) == len(t.capa.estilos) == 50 and "lideres-tablero" in t._dom_classes
    assert t.mapa.layers == (t.capa,)  # una sola capa para los 50 distritos
    antes = t.colores()["150132"]  # San Juan de Lurigancho
    assert 'data-cuantos="10"' in t.mas_altos.value and "San Juan de Lurigancho" not in t.mas_altos.value
    t.control_medida.value = "conteo"
    assert t.colores()["150132"] != antes and "San Juan de Lurigancho" in t.mas_altos.value
    t.control_esquema.value = "intervalos_iguales"
    assert 'data-cuantos="2"' in t.mas_altos.value
    t.control_clases.value = 3
    assert 'data-clases="3"' in t.leyenda.value


def test_tablero_con_datos_malos_da_aviso_en_espanol():
    pytest.importorskip("ipyleaflet")
    from lideres.modulos.m06_leer_mapas.tablero import tablero

    aviso = tablero(anio=2019)
    assert "No se pudo mostrar el tablero" in aviso.value


def test_mapa_svg_y_figura_de_facilitadores_al_dia():
    from lideres.modulos.m06_leer_mapas import vistas

    svg = vistas.svg_mapa(vistas.EstadoMapa(2025, "conteo", "cortes_naturales", 5, "naranjas"))
    assert svg.count("<path ") == 50 and 'role="img"' in svg and "SIDPOL" in svg
    assert "stroke-dasharray" in svg  # los que no se distinguen del promedio
    guardada = vistas.ruta_figura_facilitadores().read_text(encoding="utf-8")
    assert guardada == vistas.svg_para_facilitadores(), "regenera con vistas.escribir_figura_facilitadores()"


@pytest.mark.lento
def test_pagina_ligera_del_06(tmp_path):
    """La página ligera sale del mismo tablero: todos los estados de sus cinco controles, en
    español, sin nada fuera de la computadora y liviana comprimida."""
    import gzip

    from lideres import libro, ligera

    texto = ligera.pagina(ligera.declaracion("06_leer_mapas"), tmp_path)
    (tmp_path / "p.html").write_text(texto, encoding="utf-8")
    assert libro.revisar_html(tmp_path) == []
    assert "«Los más peligrosos» según este mapa" in texto and "Cada tasa con su margen" in texto
    assert len(gzip.compress(texto.encode())) < 60_000


# ------------------------------------------------------------------ abrir sin pandas


def _tabla_con_pandas(anio: int):
    """La cuenta de antes, con pandas sobre `cargar` (la referencia de `distritos()`)."""
    import pandas as pd

    from lideres.tablas import cargar
    from lideres.tasas import tasa_por_100k

    d = cargar("denuncias_distrito")
    d = d[d["ambito"].isin(c.AMBITOS)].sort_values("ubigeo").reset_index(drop=True)
    t = pd.DataFrame({"ubigeo": d["ubigeo"], "distrito": d["distrito"], "ambito": d["ambito"],
                      "poblacion": d["poblacion_2020"], "conteo": d[f"denuncias_{anio}"]})
    t["tasa"] = tasa_por_100k(t["conteo"], t["poblacion"]).to_numpy()
    baja, alta = c.intervalo_conteo(t["conteo"].to_numpy())
    t["tasa_baja"] = tasa_por_100k(baja, t["poblacion"].to_numpy())
    t["tasa_alta"] = tasa_por_100k(alta, t["poblacion"].to_numpy())
    promedio = float(tasa_por_100k(t["conteo"].sum(), t["poblacion"].sum()))
    t["no_se_distingue"] = (t["tasa_baja"] <= promedio) & (promedio <= t["tasa_alta"])
    return t, promedio


@pytest.mark.parametrize("anio", c.ANIOS)
def test_distritos_sin_pandas_iguales_a_la_cuenta_con_pandas(anio):
    """Cada número, exacto (no aproximado), y cada elección (año × medida × esquema × clases):
    los mismos «más altos» y el mismo orden por tasa que ordenando la tabla con pandas."""
    import pandas as pd

    referencia, promedio = _tabla_con_pandas(anio)
    pd.testing.assert_frame_equal(c.tabla(anio), referencia, check_exact=True)
    assert c.tasa_ciudad(c.distritos(anio)) == c.tasa_ciudad(c.tabla(anio)) == promedio
    for medida in c.MEDIDAS:
        for esquema in c.ESQUEMAS:
            for k in c.CLASES:
                e = c.estado_mapa(anio, medida, esquema, k)
                clases = [f.clase for f in e["distritos"]]
                assert clases == list(c.clasificacion(anio, medida, esquema, k).clases)
                arriba = referencia[[x == k - 1 for x in clases]].sort_values(medida, ascending=False)
                assert e["mas_altos"] == list(arriba["distrito"])
                orden = referencia.sort_values("tasa", ascending=False)
                assert [f.ubigeo for f in e["orden_por_tasa"]] == list(orden["ubigeo"])
                assert e["tasa_ciudad"] == promedio


def _sellar(cache, monkeypatch):
    from lideres import tablas

    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    tablas._leer.cache_clear()
    tablas._filas.cache_clear()
    tablas.cargar("denuncias_distrito")  # como el primer kernel del taller: comprueba y sella
    tablas._leer.cache_clear()
    tablas._filas.cache_clear()


PESADOS = ("pandas", "pandera", "scipy", "mapclassify", "shapely")


def test_el_tablero_abre_y_cambia_sin_pandas(tmp_path, monkeypatch):
    """Un kernel frío arma el tablero (los 50 distritos pintados, la leyenda con su pie del registro,
    los márgenes) sin importar pandas, pandera, scipy, mapclassify ni shapely; y tampoco los importa
    al pasar por cada valor de cada control. Corre en otro proceso: en este, pandas ya está."""
    _sellar(tmp_path / "cache", monkeypatch)
    codigo = (
        "import sys\n"
        "from lideres.modulos.m06_leer_mapas.tablero import TableroLeerMapas\n"
        "t = TableroLeerMapas()\n"
        f"pesados = {PESADOS!r}\n"
        "print(len(t.colores()), sorted(m for m in pesados if m in sys.modules))\n"
        "for control in (t.control_medida, t.control_esquema, t.control_clases, t.control_paleta,\n"
        "                t.control_anio):\n"
        "    for _, valor in control.options:\n"
        "        control.value = valor\n"
        "print('SIDPOL' in t.leyenda.value, sorted(m for m in pesados if m in sys.modules))\n"
    )
    salida = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True, timeout=180,
                            env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert salida.returncode == 0, salida.stderr[-3000:]
    assert salida.stdout.split("\n")[:2] == ["50 []", "True []"]


def test_sin_sello_el_tablero_comprueba_los_datos_con_pandera(tmp_path):
    """Con una caché nueva (o un archivo cambiado) el tablero no confía en el CSV: lo comprueba
    pandera, como `cargar`. El siguiente kernel ya lo encuentra sellado."""
    codigo = ("import sys\nfrom lideres.modulos.m06_leer_mapas import calculos as c\n"
              "print(len(c.distritos(2025)), 'pandera' in sys.modules)\n")
    entorno = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    for esperado in (["50", "True"], ["50", "False"]):
        salida = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True, timeout=180,
                                env=entorno)
        assert salida.stdout.split() == esperado, salida.stderr[-3000:]


def test_datos_malos_dan_el_aviso_de_siempre(tmp_path, monkeypatch):
    """Un CSV de denuncias roto: el mismo error en español que `cargar`, y el tablero lo muestra
    como aviso (sin traceback)."""
    import shutil

    import pandas as pd

    from lideres import rutas, tablas

    _sellar(tmp_path / "cache", monkeypatch)
    archivo = tablas.TABLAS["denuncias_distrito"].archivo
    shutil.copy(rutas.DATOS / archivo, tmp_path / archivo)
    monkeypatch.setattr(rutas, "DATOS", tmp_path)
    t = pd.read_csv(tmp_path / archivo, dtype={"ubigeo": str, "denuncias_2025": str})
    t.loc[2, "denuncias_2025"] = "muchas"
    t.to_csv(tmp_path / archivo, index=False)
    c._distritos.cache_clear()
    try:
        with pytest.raises(ErrorLideres) as error:
            c.distritos(2025)
        assert "columna «denuncias_2025»: se esperaba número entero, pero hay «muchas»" in str(error.value)
        with pytest.raises(ErrorLideres) as de_cargar:
            tablas.cargar("denuncias_distrito")
        assert str(error.value) == str(de_cargar.value)
        pytest.importorskip("ipyleaflet")
        from lideres.modulos.m06_leer_mapas.tablero import tablero

        aviso = tablero()
        assert "No se pudo mostrar el tablero" in aviso.value and "denuncias_2025" in aviso.value
    finally:
        c._distritos.cache_clear()
        tablas._leer.cache_clear()
        tablas._filas.cache_clear()
