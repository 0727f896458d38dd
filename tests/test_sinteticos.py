"""Incidentes sintéticos: reproducibles, calibrados a lo publicado y dentro de su distrito."""

from __future__ import annotations

import argparse
import json
import shutil

import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import shape

from lideres import limites, rutas, sinteticos, tablas

ARCHIVO = rutas.DATOS / sinteticos.ARCHIVO
COLUMNAS = ["fecha", "hora", "distrito", "ubigeo", "tipo", "fuente_registro", "lat", "lon", "sintetico"]


@pytest.fixture(scope="module")
def incidentes():
    return pd.read_csv(ARCHIVO, dtype={"ubigeo": str}, encoding="utf-8")


@pytest.fixture(scope="module")
def pnp(incidentes):
    t = incidentes[incidentes["fuente_registro"] == "Denuncia PNP"].copy()
    t["anio"] = t["fecha"].str[:4].astype(int)
    return t


@pytest.fixture(scope="module")
def publicadas():
    return tablas.cargar("denuncias_distrito")


@pytest.fixture(scope="module")
def regenerado_en_tmp(tmp_path_factory):
    """`lideres datos generar --solo incidentes` en una carpeta data/ temporal (una vez)."""
    carpeta = tmp_path_factory.mktemp("datos")
    for f in rutas.DATOS.iterdir():
        if f.suffix in (".csv", ".geojson") and f.name != sinteticos.ARCHIVO:
            shutil.copy(f, carpeta / f.name)
    mp = pytest.MonkeyPatch()
    mp.setattr(rutas, "DATOS", carpeta)
    try:
        codigo = sinteticos.cli_generar(argparse.Namespace(solo="incidentes"))
    finally:
        mp.undo()
    return codigo, carpeta / sinteticos.ARCHIVO


def test_regenerar_da_los_mismos_bytes(regenerado_en_tmp):
    codigo, ruta = regenerado_en_tmp
    assert codigo == 0
    assert ruta.read_bytes() == ARCHIVO.read_bytes()


def test_cli_dice_sintetico(tmp_path, monkeypatch, capsys):
    carpeta = tmp_path / "data"
    shutil.copytree(rutas.DATOS, carpeta, ignore=shutil.ignore_patterns("*.md", sinteticos.ARCHIVO))
    monkeypatch.setattr(rutas, "DATOS", carpeta)
    monkeypatch.setattr(sinteticos, "generar_incidentes", lambda: pd.read_csv(
        ARCHIVO, dtype={"ubigeo": str}, encoding="utf-8"))
    assert sinteticos.cli_generar(argparse.Namespace(solo="incidentes")) == 0
    salida = capsys.readouterr().out
    assert "SINTÉTICO" in salida and str(sinteticos.SEMILLA) in salida


def test_cli_limites_cuenta_los_distritos_del_archivo(tmp_path, monkeypatch, capsys):
    esquema = json.loads((rutas.DATOS / limites.ARCHIVO_ESQUEMATICO).read_text(encoding="utf-8"))
    monkeypatch.setattr(rutas, "DATOS", tmp_path)
    esquema["features"] = esquema["features"][:3]   # como si el generador diera 3 distritos

    def generar():
        ruta = tmp_path / limites.ARCHIVO_ESQUEMATICO
        ruta.write_text(json.dumps(esquema), encoding="utf-8")
        return ruta

    monkeypatch.setattr(limites, "generar_esquematicos", generar)
    assert sinteticos.cli_generar(argparse.Namespace(solo="limites")) == 0
    salida = capsys.readouterr().out
    assert "— 3 distritos" in salida and "ESQUEMÁTICOS, no oficiales" in salida


def test_columnas_y_marcas(incidentes):
    assert list(incidentes.columns) == COLUMNAS
    assert incidentes["sintetico"].dtype == bool and incidentes["sintetico"].all()
    assert set(incidentes["fuente_registro"]) == {"Denuncia PNP", "Serenazgo", "Junta vecinal"}
    assert set(incidentes["tipo"]) <= set(sinteticos.TIPOS)
    assert incidentes["hora"].between(0, 23).all()
    fechas = pd.to_datetime(incidentes["fecha"], format="%Y-%m-%d")
    assert set(fechas.dt.year) == {2024, 2025}
    assert "sintetico" in ARCHIVO.name


def test_tamanio_y_formato_de_archivos():
    assert ARCHIVO.stat().st_size < 8_000_000
    contenido = ARCHIVO.read_bytes()
    assert not contenido.startswith(b"\xef\xbb\xbf") and b"\r\n" not in contenido
    assert (rutas.DATOS / limites.ARCHIVO_ESQUEMATICO).stat().st_size < 1_000_000


def test_redondeo_escolar():
    assert sinteticos.redondear(2.5) == 3 and sinteticos.redondear(3.5) == 4
    assert sinteticos.conteo_muestra(30) == 2      # 1.5 -> 2
    assert sinteticos.conteo_muestra(29) == 1      # 1.45 -> 1
    assert sinteticos.conteo_muestra(68) == 3      # Santa María del Mar 2024: 3.4 -> 3


def test_conteos_lima_callao_exactos(pnp, publicadas):
    assert len(publicadas) == 50
    conteo = pnp.groupby(["ubigeo", "anio"]).size()
    for fila in publicadas.itertuples():
        for anio in (2024, 2025):
            total = getattr(fila, f"denuncias_{anio}")
            esperado = (total * 1 + 10) // 20   # redondeo de total / 20, la mitad sube
            assert sinteticos.FRACCION == sinteticos.Fraction(1, 20)
            assert conteo.get((fila.ubigeo, anio), 0) == esperado, (fila.distrito, anio)


def test_conteos_trujillo_calibrados(pnp):
    tot = sinteticos.totales_publicados()
    tru = tot[tot["ambito"] == "Trujillo"]
    assert len(tru) == 22
    assert tru.query("anio == 2024")["denuncias"].sum() == 42_625
    assert tru.query("anio == 2025")["denuncias"].sum() == round(42_625 * 47_812 / 57_477)
    conteo = pnp.groupby(["ubigeo", "anio"]).size()
    for fila in tru.itertuples():
        assert conteo.get((fila.ubigeo, fila.anio), 0) == fila.filas_denuncia_pnp
    # reparto por población: El Porvenir (229 115 hab.) recibe más que Florencia de Mora (38 334)
    d24 = tru.query("anio == 2024").set_index("ubigeo")["denuncias"]
    assert d24["130102"] > d24["130103"] * 5


def test_mezcla_de_tipos_sigue_lo_publicado(pnp, publicadas):
    depto = sinteticos._departamento()
    pct = publicadas.set_index("ubigeo")
    tot = sinteticos.totales_publicados().drop_duplicates("ubigeo").set_index("ubigeo")
    for (ubigeo, anio), grupo in pnp.groupby(["ubigeo", "anio"]):
        mezcla = sinteticos.mezcla_tipos(ubigeo, tot.loc[ubigeo, "ambito"], anio, depto, pct)
        assert sum(mezcla.values()) == pytest.approx(1)
        cuenta = grupo["tipo"].value_counts()
        for t in sinteticos.TIPOS:
            assert abs(cuenta.get(t, 0) - len(grupo) * mezcla[t]) <= 1, (ubigeo, anio, t)
    # 2025, Lima y Callao juntos: % de robo, hurto y extorsión como el promedio ponderado publicado
    lc = pnp[(pnp["anio"] == 2025) & (pnp["ubigeo"].isin(pct.index))]
    peso = pct["denuncias_2025"]
    for t, col in (("Robo", "pct_robo_2025"), ("Hurto", "pct_hurto_2025"),
                   ("Extorsión", "pct_extorsion_2025")):
        publicado = (pct[col] * peso).sum() / peso.sum()
        assert (lc["tipo"] == t).mean() == pytest.approx(publicado, abs=0.005)


def test_puntos_dentro_de_su_distrito(incidentes):
    esquema = json.loads((rutas.DATOS / limites.ARCHIVO_ESQUEMATICO).read_text(encoding="utf-8"))
    poligonos = {f["properties"]["ubigeo"]: shape(f["geometry"]) for f in esquema["features"]}
    nombres = {f["properties"]["ubigeo"]: f["properties"]["distrito"] for f in esquema["features"]}
    assert set(incidentes["ubigeo"]) == set(poligonos)
    for ubigeo, grupo in incidentes.groupby("ubigeo"):
        dentro = shapely.contains_xy(poligonos[ubigeo], grupo["lon"].to_numpy(), grupo["lat"].to_numpy())
        assert dentro.all(), ubigeo
        assert (grupo["distrito"] == nombres[ubigeo]).all()


def test_otras_fuentes_solo_en_distritos_foco(incidentes):
    otras = incidentes[incidentes["fuente_registro"] != "Denuncia PNP"]
    assert set(otras["ubigeo"]) == set(sinteticos.FOCO_OTRAS_FUENTES)
    assert set(otras["fecha"].str[:4]) == {"2025"}


def test_patrones_de_hora_y_dia_plausibles(pnp):
    robo = pnp[pnp["tipo"] == "Robo"]["hora"]
    assert (robo == 20).sum() > 2 * (robo == 3).sum()
    dia = pd.to_datetime(pnp["fecha"]).dt.day_of_week
    vf = dia[pnp["tipo"] == sinteticos.TIPOS[5]]
    assert (vf == 6).mean() > (vf == 1).mean()   # más violencia familiar registrada el domingo


def test_puntos_calientes_concentran_registros(pnp):
    """En un distrito grande, la celda más cargada tiene mucho más que el promedio."""
    sjl = pnp[pnp["ubigeo"] == "150132"]
    celdas = (sjl["lat"] // 0.005).astype(int).astype(str) + "_" + (sjl["lon"] // 0.005).astype(int).astype(str)
    cuenta = celdas.value_counts()
    assert cuenta.max() > 5 * cuenta.mean()
    assert np.isfinite(sjl[["lat", "lon"]].to_numpy()).all()


# ------------------------------------------------------------------ lo sintético se ve sintético

def test_pie_sintetico_dice_que_es_en_la_misma_frase():
    from lideres.cifras import prosa

    for pie in (sinteticos.pie_sintetico(), sinteticos.pie_sintetico("El Porvenir", 2025),
                sinteticos.pie_sintetico("Miraflores", 2024)):
        frases = [f for f in pie.split(". ") if f]
        assert all("sintétic" in f.lower() or "inventad" in f.lower() for f in frases), pie
        assert prosa.MARCA.search(pie) is None


def test_pie_sintetico_sale_de_los_parametros_del_generador():
    from lideres import formato

    pie = sinteticos.pie_sintetico("El Porvenir", 2025)
    t = sinteticos.totales_publicados()
    fila = t[(t["distrito"] == "El Porvenir") & (t["anio"] == 2025)].iloc[0]
    assert formato.numero(fila["filas_denuncia_pnp"]) in pie          # 363 filas
    assert formato.numero(fila["denuncias"]) in pie                   # ≈ 7,262 supuestas
    assert str(sinteticos.FRACCION.denominator) in pie and str(sinteticos.SEMILLA) in pie
    assert "no hay denuncias publicadas por distrito" in pie


def test_sintetico_y_real_no_van_juntos():
    import pandas as pd

    from lideres.errores import ErrorLideres
    from lideres.tablas import cargar

    real = cargar("denuncias_distrito")
    sintetica = sinteticos.marcar_sintetico(pd.DataFrame({"distrito": ["El Porvenir"], "registros": [218]}))
    sinteticos.exigir_sin_mezcla(real, real)
    sinteticos.exigir_sin_mezcla(sintetica, cargar("incidentes_sinteticos").head())
    with pytest.raises(ErrorLideres, match="sintéticos con datos reales"):
        sinteticos.exigir_sin_mezcla(real, sintetica)
    mezcla = pd.DataFrame({"registros": [1, 2], "sintetico": [True, False]})
    with pytest.raises(ErrorLideres, match="mezcla filas sintéticas y reales"):
        sinteticos.exigir_sin_mezcla(mezcla)
