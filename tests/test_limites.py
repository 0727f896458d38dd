"""Límites esquemáticos (archivo guardado) e importador de límites oficiales."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil

import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import Point, shape

from lideres import leer_limites, limites, rutas
from lideres.errores import ErrorLideres

ESQUEMA = rutas.DATOS / limites.ARCHIVO_ESQUEMATICO
REALES = rutas.DATOS / limites.ARCHIVO_REAL
LIMITES_REF = rutas.REFERENCIA / "boundaries"


@pytest.fixture(scope="module")
def esquema():
    return json.loads(ESQUEMA.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def distritos():
    return pd.read_csv(rutas.DATOS / "distritos.csv", dtype={"ubigeo": str}).set_index("ubigeo")


@pytest.fixture(scope="module")
def geometrias(esquema):
    return {f["properties"]["ubigeo"]: shape(f["geometry"]) for f in esquema["features"]}


# --- límites esquemáticos -------------------------------------------------------------------

def test_61_distritos_con_poligonos_validos(esquema, distritos, geometrias):
    assert esquema["type"] == "FeatureCollection"
    assert "no son límites oficiales" in esquema["nota"]
    assert sorted(geometrias) == sorted(distritos.index)
    for f in esquema["features"]:
        p = f["properties"]
        assert p["tipo_limite"] == "esquemático"
        assert p["nota"] == limites.NOTA_ESQUEMATICA
        assert p["distrito"] == distritos.loc[p["ubigeo"], "distrito"]
        assert p["ambito"] == distritos.loc[p["ubigeo"], "ambito"]
        g = geometrias[p["ubigeo"]]
        assert g.geom_type == "Polygon" and g.is_valid and not g.is_empty, p["distrito"]


def test_cada_distrito_contiene_su_centroide(distritos, geometrias):
    fuera = [distritos.loc[u, "distrito"] for u, g in geometrias.items()
             if not g.contains(Point(distritos.loc[u, "lon"], distritos.loc[u, "lat"]))]
    assert fuera == []


def test_superficies_parecidas_a_las_oficiales(esquema, distritos, geometrias):
    errores = {}
    for u, g in geometrias.items():
        errores[distritos.loc[u, "distrito"]] = limites.area_km2(g) / distritos.loc[u, "area_km2"] - 1
    abs_err = np.abs(list(errores.values()))
    print(f"error de superficie: mediana {np.median(abs_err):.1%}, máximo {abs_err.max():.1%}")
    malos = {k: round(v, 2) for k, v in errores.items() if abs(v) > 0.35}
    assert malos == {}
    assert np.median(abs_err) < 0.15
    # la propiedad guardada coincide con el polígono
    for f in esquema["features"]:
        assert f["properties"]["area_km2_esquema"] == pytest.approx(
            limites.area_km2(geometrias[f["properties"]["ubigeo"]]), abs=0.02)


def test_sin_superposiciones_grandes(geometrias):
    geoms = list(geometrias.values())
    arbol = shapely.STRtree(geoms)
    for i, g in enumerate(geoms):
        for j in arbol.query(g):
            if j > i:
                assert limites.area_km2(g.intersection(geoms[j])) < 0.01


@pytest.mark.parametrize("distrito, vecinos", [
    ("150122", ["150131", "150104", "150141"]),   # Miraflores: San Isidro, Barranco, Surquillo
    ("150132", ["150110", "150103"]),             # San Juan de Lurigancho: Comas, Ate
    ("130102", ["130101"]),                       # El Porvenir: Trujillo
    ("070106", ["070107"]),                       # Ventanilla: Mi Perú
])
def test_vecinos_plausibles(geometrias, distrito, vecinos):
    for v in vecinos:
        assert geometrias[distrito].distance(geometrias[v]) < 0.005  # ~500 m


def test_archivo_pequenio():
    assert ESQUEMA.stat().st_size < 1_000_000


@pytest.mark.lento
def test_regenerar_da_el_mismo_archivo(esquema):
    assert limites.construir_esquematicos() == esquema


# --- límites reales que trae el curso ----------------------------------------------------------

@pytest.fixture(scope="module")
def reales():
    return json.loads(REALES.read_text(encoding="utf-8"))


def test_61_distritos_reales_validos_con_fuente(reales, distritos):
    assert sorted(f["properties"]["ubigeo"] for f in reales["features"]) == sorted(distritos.index)
    fuentes = {c.fuente for c in limites.CAPAS_REFERENCIA}
    for f in reales["features"]:
        p = f["properties"]
        g = shape(f["geometry"])
        assert g.geom_type in ("Polygon", "MultiPolygon") and g.is_valid and not g.is_empty, p["distrito"]
        assert p["tipo_limite"] == "oficial" and p["fuente"] in fuentes
        assert p["distrito"] == distritos.loc[p["ubigeo"], "distrito"]


def _decimales(coordenadas) -> int:
    if isinstance(coordenadas, (int, float)):
        texto = repr(float(coordenadas))
        return 0 if "e" in texto else len(texto.split(".")[1].rstrip("0"))
    return max((_decimales(c) for c in coordenadas), default=0)


def test_los_limites_se_guardan_con_a_lo_mas_5_decimales(tmp_path, datos_tmp):
    """Los mapas envían las geometrías tal como están guardadas (sin redondear en cada kernel): el
    generador, la referencia y el importador las escriben con 5 decimales o menos (≈ 1 m)."""
    for ruta in (rutas.DATOS / limites.ARCHIVO_ESQUEMATICO, REALES):
        for f in json.loads(ruta.read_text(encoding="utf-8"))["features"]:
            assert _decimales(f["geometry"]["coordinates"]) <= 5, (ruta.name, f["properties"]["ubigeo"])
    limites.importar_limites(_ref("trujillo_distritos_inei2023_light.geojson"), fuente="IDE-INEI 2023")
    oficiales = json.loads((datos_tmp / limites.ARCHIVO_OFICIAL).read_text(encoding="utf-8"))
    assert max(_decimales(f["geometry"]["coordinates"]) for f in oficiales["features"]) <= limites.DECIMALES_REALES


def test_reales_pesan_menos_de_150_kb_tambien_en_el_navegador(reales):
    from lideres.tablero import mapa

    assert REALES.stat().st_size <= 150 * 1024
    # lo que el tablero envía al teléfono (Lima y Callao, solo UBIGEO y nombre)
    enviado = json.dumps(mapa.limites(), separators=(",", ":"))
    assert len(enviado.encode()) <= 150 * 1024
    assert "esquem" not in enviado


def test_simplificar_no_abre_huecos_ni_superpone_vecinos(reales):
    geoms = [shape(f["geometry"]) for f in reales["features"]]
    arbol = shapely.STRtree(geoms)
    for i, g in enumerate(geoms):
        for j in arbol.query(g):
            if j > i:  # < 2 hectáreas: lo que deja el redondeo a 4 decimales, invisible en el mapa
                assert limites.area_km2(g.intersection(geoms[j])) < 0.02
    # Miraflores sigue tocando a San Isidro, Barranco y Surquillo
    por_u = {f["properties"]["ubigeo"]: shape(f["geometry"]) for f in reales["features"]}
    for v in ["150131", "150104", "150141"]:
        assert por_u["150122"].distance(por_u[v]) < 1e-6


def test_defectos_conocidos_se_dicen(reales):
    avisos = {f["properties"]["ubigeo"]: f["properties"].get("aviso", "") for f in reales["features"]}
    assert "solo la parte de tierra" in avisos["070105"] and "18.38 km²" in avisos["070105"]  # La Punta
    assert "Dibujo muy simple" in avisos["130103"]                                         # Florencia de Mora
    assert "población oficiales" in avisos["070105"]
    # no hay Alto Trujillo: la provincia tiene 11 distritos en la capa y en la tabla
    assert sum(u.startswith("1301") for u in avisos) == 11


def test_los_mapas_usan_los_reales_por_defecto():
    datos = limites.cargar_limites(["Lima Metropolitana", "Callao"])
    assert {f["properties"]["tipo_limite"] for f in datos["features"]} == {"oficial"}
    assert limites.nota_limites() == (
        "Límites: IGN vía joseluisq/peru-geojson-datasets (MIT o Apache-2.0); "
        "INEI 2023 vía lincolneulogio/peru-geojson, CC BY 4.0.")
    esquema = limites.cargar_limites("Trujillo", tipo="esquematico")
    assert {f["properties"]["tipo_limite"] for f in esquema["features"]} == {"esquemático"}
    assert esquema["nota"] == limites.NOTA_ESQUEMATICA
    assert "070105" in limites.avisos_limites("Callao")
    with pytest.raises(ErrorLideres, match="tipo de límites"):
        limites.cargar_limites(tipo="oficial")


def test_regenerar_desde_la_referencia_da_lo_mismo(tmp_path, reales):
    """Lo que está en data/ es la salida del importador (simplificada), no una copia."""
    if not (LIMITES_REF / limites.CAPAS_REFERENCIA[0].archivo).exists():
        # En el CI de esta máquina (.ci/run) la carpeta compartida está; en GitHub Actions, no.
        if os.environ.get("CI") == "true" and not os.environ.get("GITHUB_ACTIONS"):
            pytest.fail(f"falta {LIMITES_REF}: en CI los límites deben poder regenerarse")
        pytest.skip(f"no está {LIMITES_REF} (archivos de terceros)")
    limites.importar_referencia(destino=tmp_path)
    assert (tmp_path / limites.ARCHIVO_REAL).read_bytes() == REALES.read_bytes()
    for archivo in (tmp_path / limites.CARPETA_LICENCIAS).iterdir():
        assert archivo.read_bytes() == (rutas.DATOS / limites.CARPETA_LICENCIAS / archivo.name).read_bytes()
    assert len(list((tmp_path / limites.CARPETA_LICENCIAS).iterdir())) == len(
        list((rutas.DATOS / limites.CARPETA_LICENCIAS).iterdir()))
    # y ningún archivo de data/ es idéntico a uno de la referencia
    for original in LIMITES_REF.iterdir():
        assert original.read_bytes() != REALES.read_bytes()


def test_referencia_que_no_existe_da_error_en_espanol(tmp_path):
    with pytest.raises(ErrorLideres, match="No encuentro la carpeta de límites"):
        limites.importar_referencia(tmp_path / "no-hay", destino=tmp_path)


# --- cargar y nota ----------------------------------------------------------------------------

@pytest.fixture
def datos_tmp(tmp_path, monkeypatch):
    """Una carpeta data/ temporal: nada se escribe en la real."""
    carpeta = tmp_path / "data"
    carpeta.mkdir()
    for nombre in ("distritos.csv", limites.ARCHIVO_ESQUEMATICO):
        shutil.copy(rutas.DATOS / nombre, carpeta / nombre)
    monkeypatch.setattr(rutas, "DATOS", carpeta)
    return carpeta


def test_cargar_limites_filtra_por_ambito(datos_tmp):
    todos = limites.cargar_limites()
    assert len(todos["features"]) == 61
    assert len(limites.cargar_limites("Trujillo")["features"]) == 11
    assert len(limites.cargar_limites(["Lima Metropolitana", "Callao"])["features"]) == 50
    assert limites.nota_limites() == limites.NOTA_ESQUEMATICA
    with pytest.raises(ErrorLideres, match="No conozco el ámbito"):
        limites.cargar_limites("Arequipa")


def test_sin_archivo_esquematico_error_en_espanol(datos_tmp):
    (datos_tmp / limites.ARCHIVO_ESQUEMATICO).unlink()
    with pytest.raises(ErrorLideres, match="Faltan los límites esquemáticos"):
        limites.cargar_limites()
    with pytest.raises(ErrorLideres, match="Faltan los límites esquemáticos"):
        leer_limites.rasgo_de_distrito("El Porvenir")


def test_un_distrito_leido_solo_es_el_de_cargar_limites(datos_tmp):
    """`rasgo_de_distrito` (el tablero 07 lo usa al abrir, sin pandas) da el mismo polígono que
    `cargar_limites`, también con límites oficiales importados encima de los del curso."""
    def iguales():
        todos = limites.cargar_limites()["features"]
        assert leer_limites.nombres_de_distritos() == [f["properties"]["distrito"] for f in
                                                       leer_limites._capas()[0]["features"]]
        for f in todos:
            assert leer_limites.rasgo_de_distrito(f["properties"]["distrito"]) == f
        return todos

    iguales()
    limites.importar_limites(_ref("trujillo_distritos_inei2023_light.geojson"), fuente="IDE-INEI 2023")
    todos = iguales()
    assert leer_limites.rasgo_de_distrito("El Porvenir")["properties"]["tipo_limite"] == "oficial"
    assert sum(f["properties"]["tipo_limite"] == "oficial" for f in todos) == 11
    assert leer_limites.rasgo_de_distrito("Arequipa") is None


# --- importador con los archivos de referencia (si están) --------------------------------------

def _ref(nombre):
    ruta = LIMITES_REF / nombre
    if not ruta.exists():
        pytest.skip(f"no está {ruta} (archivos de terceros, opcionales)")
    return ruta


def _hash(ruta):
    return hashlib.sha256(ruta.read_bytes()).hexdigest()


@pytest.mark.parametrize("nombre", ["lima_callao_distritos_simple_ubigeo.geojson",
                                    "lima_callao_distritos_ubigeo.geojson"])
def test_importar_por_ubigeo(datos_tmp, nombre):
    ruta = _ref(nombre)
    antes = _hash(ruta)
    res = limites.importar_limites(ruta, fuente="IGN vía joseluisq/peru-geojson-datasets")
    assert res.modo == "ubigeo"
    assert len(res.emparejados) == 50
    assert res.sin_poligono == [] and res.no_reconocidos == [] and res.geometria_vacia == []
    assert _hash(ruta) == antes
    salida = json.loads((datos_tmp / limites.ARCHIVO_OFICIAL).read_text(encoding="utf-8"))
    assert len(salida["features"]) == 50
    assert all(f["properties"]["tipo_limite"] == "oficial" for f in salida["features"])
    assert limites.nota_limites(["Lima Metropolitana", "Callao"]).startswith(
        "Límites: IGN vía joseluisq")
    # Trujillo sigue esquemático y la nota general lo dice
    assert "el resto, esquemáticos" in limites.nota_limites()
    assert limites.nota_limites("Trujillo") == limites.NOTA_ESQUEMATICA


def test_importar_por_nombre_con_texto_daniado(datos_tmp):
    ruta = _ref("lima_callao_distritos_simple.geojson")
    antes = _hash(ruta)
    res = limites.importar_limites(ruta)
    assert res.modo == "nombre" and res.campo_usado == "distrito"
    assert len(res.emparejados) == 50
    assert res.por_parecido == {"070107": "MI PERÃz"}
    assert res.no_reconocidos == [] and res.sin_poligono == []
    assert "Mi Perú" in res.resumen()
    assert _hash(ruta) == antes


def test_importar_inei_2007_reporta_vacios_y_faltantes(datos_tmp):
    ruta = _ref("peru_distrital_simple_lima_callao_trujillo_inei2007.geojson")
    res = limites.importar_limites(ruta)
    assert res.modo == "ubigeo" and res.campo_usado == "IDDIST"
    assert sorted(res.geometria_vacia) == ["070105", "150137"]   # La Punta, Santa Anita
    assert res.sin_poligono == ["070107"]                        # Mi Perú (creado después de 2007)
    assert len(res.emparejados) == 58
    texto = res.resumen()
    assert "La Punta" in texto and "Santa Anita" in texto and "Mi Perú" in texto


def test_importar_lima_y_luego_trujillo_se_combinan(datos_tmp):
    limites.importar_limites(_ref("lima_callao_distritos_simple_ubigeo.geojson"), fuente="IGN")
    res = limites.importar_limites(_ref("trujillo_distritos_inei2023_light.geojson"),
                                   fuente="IDE-INEI 2023")
    assert len(res.emparejados) == 11 and res.ambitos == ["Trujillo"]
    cargados = limites.cargar_limites()
    assert len(cargados["features"]) == 61
    assert all(f["properties"]["tipo_limite"] == "oficial" for f in cargados["features"])
    assert limites.nota_limites() == "Límites: IDE-INEI 2023; IGN."
    # --quitar vuelve a los esquemáticos
    assert limites.cli_importar(argparse.Namespace(archivo=None, quitar=True)) == 0
    assert not (datos_tmp / limites.ARCHIVO_OFICIAL).exists()
    assert limites.nota_limites() == limites.NOTA_ESQUEMATICA


# --- archivos malos ---------------------------------------------------------------------------

@pytest.mark.parametrize("contenido, mensaje", [
    ("esto no es json", "no se puede leer como JSON"),
    ('{"type": "Feature", "properties": {}}', "no es un GeoJSON de polígonos"),
    ('[1, 2, 3]', "no es un GeoJSON de polígonos"),
    ('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
     '{"nombre": "Springfield"}, "geometry": null}]}', "no encontré ningún distrito"),
])
def test_archivos_malos_dan_error_en_espanol(datos_tmp, tmp_path, contenido, mensaje):
    ruta = tmp_path / "malo.geojson"
    ruta.write_text(contenido, encoding="utf-8")
    antes = _hash(ruta)
    with pytest.raises(ErrorLideres, match=mensaje) as e:
        limites.importar_limites(ruta)
    assert e.value.como_arreglar
    assert _hash(ruta) == antes
    assert not (datos_tmp / limites.ARCHIVO_OFICIAL).exists()


def test_solo_geometrias_vacias_da_error(datos_tmp, tmp_path):
    ruta = tmp_path / "vacio.geojson"
    ruta.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"ubigeo": "150122"}, "geometry": None}]}), encoding="utf-8")
    with pytest.raises(ErrorLideres, match="ningún polígono utilizable"):
        limites.importar_limites(ruta)


def test_coordenadas_en_otra_proyeccion(datos_tmp, tmp_path):
    ruta = tmp_path / "utm.geojson"
    cuadrado = [[[280000, 8660000], [281000, 8660000], [281000, 8661000], [280000, 8660000]]]
    ruta.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"IDDIST": "150122"},
         "geometry": {"type": "Polygon", "coordinates": cuadrado}}]}), encoding="utf-8")
    with pytest.raises(ErrorLideres, match="otra proyección"):
        limites.importar_limites(ruta)
    assert not (datos_tmp / limites.ARCHIVO_OFICIAL).exists()


def test_poligono_lejano_se_avisa(datos_tmp, tmp_path):
    ruta = tmp_path / "lejos.geojson"
    cuadrado = [[[-70.0, -15.0], [-69.9, -15.0], [-69.9, -14.9], [-70.0, -15.0]]]  # Puno, no Miraflores
    ruta.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"distrito": "Miraflores"},
         "geometry": {"type": "Polygon", "coordinates": cuadrado}}]}), encoding="utf-8")
    res = limites.importar_limites(ruta)
    assert res.lejanos == ["150122"] and "OJO" in res.resumen()


def test_campo_indicado_que_no_existe(datos_tmp):
    with pytest.raises(ErrorLideres, match="no existe"):
        limites.importar_limites(_ref("trujillo_distritos_inei2023_light.geojson"), campo_ubigeo="CODIGO")


def test_nombres_normalizados_y_alias():
    from lideres import nombres

    assert nombres.clave_distrito("Carmen de la Legua-Reynoso") == "CARMENDELALEGUAREYNOSO"
    assert nombres.clave_distrito("Víctor Larco Herrera") == "VICTORLARCOHERRERA"
    assert nombres.clave_distrito("MI PERÃš") == "MIPERU"
    assert nombres.ALIAS["MAGDALENAVIEJA"] == "150121"
    assert nombres.ubigeo_por_nombre("Magdalena Vieja") == "150121"


def test_cli_importar_y_error(datos_tmp, tmp_path, capsys):
    from lideres.cli import main

    ruta = _ref("trujillo_distritos_inei2023_light.geojson")
    assert main(["datos", "limites", str(ruta), "--fuente", "IDE-INEI 2023"]) == 0
    salida = capsys.readouterr().out
    assert "Distritos con polígono oficial: 11" in salida and "Los mapas dirán" in salida
    malo = tmp_path / "x.geojson"
    malo.write_text("{", encoding="utf-8")
    assert main(["datos", "limites", str(malo)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error:") and "Traceback" not in err


def test_cli_referencia_escribe_limites_y_licencias(datos_tmp, capsys):
    from lideres.cli import main

    _ref(limites.CAPAS_REFERENCIA[0].archivo)
    assert main(["datos", "limites", "--referencia", str(rutas.REFERENCIA)]) == 0
    salida = capsys.readouterr().out
    assert "Aviso, La Punta" in salida and "Florencia de Mora" in salida
    assert "Los mapas dirán: Límites: IGN vía joseluisq" in salida
    assert (datos_tmp / limites.ARCHIVO_REAL).read_bytes() == REALES.read_bytes()
    assert sorted(p.name for p in (datos_tmp / limites.CARPETA_LICENCIAS).iterdir()) == sorted(
        p.name for p in (rutas.DATOS / limites.CARPETA_LICENCIAS).iterdir())
    # con límites propios importados encima, --quitar vuelve a los del curso (no a los esquemáticos)
    limites.importar_limites(_ref("trujillo_distritos_inei2023_light.geojson"), fuente="Municipalidad")
    assert "Municipalidad" in limites.nota_limites("Trujillo")
    assert main(["datos", "limites", "--quitar"]) == 0
    assert limites.nota_limites("Trujillo") == "Límites: INEI 2023 vía lincolneulogio/peru-geojson, CC BY 4.0."
