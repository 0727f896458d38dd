"""La carpeta data/: todo documentado, liviana, idéntica a las cifras publicadas."""

from __future__ import annotations

import argparse
import re

import pytest

from lideres import hechos, rutas, tablas
from lideres.errores import ErrorLideres

LIMITE_MB = 25
ARCHIVOS_DE_HECHOS = [tablas.TABLAS[nombre].archivo for nombre in hechos.TABLAS]


def _archivos_de_datos():
    return sorted(
        p for p in rutas.DATOS.rglob("*")
        if p.is_file() and p.name != "README.md" and not p.name.startswith(".")
    )


def test_cada_archivo_tiene_su_seccion_en_el_readme():
    readme = (rutas.DATOS / "README.md").read_text(encoding="utf-8")
    secciones = set(re.findall(r"^###\s+`?([^`\s]+)`?\s*$", readme, flags=re.MULTILINE))
    sin_documentar = [
        str(p.relative_to(rutas.DATOS)) for p in _archivos_de_datos()
        if p.relative_to(rutas.DATOS).as_posix() not in secciones and p.name not in secciones
    ]
    assert not sin_documentar, (
        "Archivos de data/ sin sección «### nombre» en data/README.md: " + ", ".join(sin_documentar)
    )


def test_data_pesa_menos_de_25_mb():
    total = sum(p.stat().st_size for p in rutas.DATOS.rglob("*") if p.is_file())
    assert total < LIMITE_MB * 1024 * 1024, f"data/ pesa {total / 1024 / 1024:.1f} MB"


@pytest.mark.skipif(not rutas.HECHOS.is_dir(), reason="no está la carpeta de cifras publicadas")
def test_regenerar_da_archivos_identicos(tmp_path):
    filas = hechos.importar(destino=tmp_path)
    assert set(filas) == set(hechos.TABLAS)
    distintos = [
        archivo for archivo in ARCHIVOS_DE_HECHOS
        if (tmp_path / archivo).read_bytes() != (rutas.DATOS / archivo).read_bytes()
    ]
    assert not distintos, (
        "Estos archivos de data/ no coinciden con las cifras publicadas; corre "
        "`lideres datos importar-hechos`: " + ", ".join(distintos)
    )


@pytest.mark.skipif(not rutas.HECHOS.is_dir(), reason="no está la carpeta de cifras publicadas")
def test_cli_importar_imprime_resumen(tmp_path, capsys):
    args = argparse.Namespace(hechos=str(rutas.HECHOS), destino=str(tmp_path))
    assert hechos.cli_importar(args) == 0
    salida = capsys.readouterr().out
    assert "distritos.csv: 61 filas" in salida
    assert "denuncias_distrito_2024_2025.csv: 50 filas" in salida


def test_carpeta_de_hechos_que_falta_da_error_claro(tmp_path):
    args = argparse.Namespace(hechos=str(tmp_path / "no_existe"), destino=str(tmp_path / "salida"))
    with pytest.raises(ErrorLideres, match="No se encontró la carpeta de cifras publicadas"):
        hechos.cli_importar(args)
    assert not (tmp_path / "salida").exists()


def test_csv_en_utf8_con_fin_de_linea_unix():
    for archivo in ARCHIVOS_DE_HECHOS:
        contenido = (rutas.DATOS / archivo).read_bytes()
        assert not contenido.startswith(b"\xef\xbb\xbf"), archivo
        assert b"\r\n" not in contenido, archivo
        contenido.decode("utf-8")


def test_ninguna_celda_de_texto_parece_formula_de_excel():
    # Quien abre estos CSV en Excel no debe ver fórmulas (=, +, -, @ al inicio de un texto).
    for nombre in tablas.tablas_disponibles():
        if nombre == "incidentes_sinteticos":
            continue
        tabla = tablas.cargar(nombre)
        for columna in tabla.select_dtypes(include=["object", "string"]).columns:
            textos = tabla[columna].dropna().astype(str)
            malos = textos[textos.str.match(r"^[=+\-@\t\r]")]
            assert malos.empty, f"{nombre}.{columna}: {malos.tolist()[:3]}"


# --- comparación con los totales publicados ---------------------------------------------------


def test_totales_de_denuncias_por_distrito():
    d = tablas.cargar("denuncias_distrito")
    assert len(d) == 50
    suma = d.groupby("ambito")[["denuncias_2024", "denuncias_2025"]].sum()
    assert suma.loc["Lima Metropolitana"].tolist() == [366_086, 323_806]
    assert suma.loc["Callao"].tolist() == [34_512, 29_663]


def test_distritos_y_poblacion():
    t = tablas.cargar("distritos")
    assert t["ambito"].value_counts().to_dict() == {"Lima Metropolitana": 43, "Trujillo": 11, "Callao": 7}
    poblacion = t.groupby("ambito")["poblacion_2017"].sum()
    assert poblacion["Lima Metropolitana"] == 9_162_322
    assert poblacion["Callao"] == 1_046_953
    assert poblacion["Trujillo"] == 1_028_481
    assert t.loc[t["ambito"] == "Callao", "ubigeo"].str.startswith("07").all()


def test_denuncias_distrito_coincide_con_distritos():
    d = tablas.cargar("denuncias_distrito")
    t = tablas.cargar("distritos").set_index("ubigeo")
    assert (d.set_index("ubigeo")["poblacion_2020"] == t.loc[d["ubigeo"], "poblacion_2020"]).all()
    assert (d.set_index("ubigeo")["distrito"] == t.loc[d["ubigeo"], "distrito"]).all()


def test_modalidades_suman_el_total_y_2026_es_parcial():
    dep = tablas.cargar("denuncias_departamento")
    modalidades = [c for c in dep.columns if c.startswith("denuncias_") and c != "denuncias_total"]
    assert (dep[modalidades].sum(axis=1) == dep["denuncias_total"]).all()
    assert dep.loc[dep["anio"] == 2026, "meses_observados"].eq(7).all()
    assert not dep.loc[dep["anio"] == 2026, "anio_completo"].any()
    callao = dep.set_index(["departamento", "anio"]).loc[("Callao", 2024), "denuncias_total"]
    assert callao == 34_536


def test_victimizacion_tiene_las_series_del_curso():
    v = tablas.cargar("victimizacion")
    serie = v[v["serie_anual_enapres"]]
    for ambito in ["Lima Metropolitana", "Callao", "La Libertad", "Nacional urbano"]:
        for indicador in [
            "victimizacion_algun_hecho_delictivo_pct",
            "percepcion_inseguridad_caminar_solo_de_noche_pct",
            "confianza_en_pnp_pct",
        ]:
            filas = serie[(serie["ambito"] == ambito) & (serie["indicador"] == indicador)]
            assert len(filas) >= 11, (ambito, indicador)
            assert filas["anio"].between(2013, 2024).all()
            assert not filas.duplicated("anio").any()
    assert (v.loc[v["ambito"] == "La Libertad", "nivel_territorial"] == "departamento").all()
    umbral = v[v["es_umbral"]]
    assert umbral["valor_publicado"].tolist() == [">40"]
    assert "fuente" in v and not v["fuente"].str.lower().str.startswith("idem").any()


def test_otros_indicadores_marca_umbrales_y_periodos_parciales():
    o = tablas.cargar("otros_indicadores")
    assert o.loc[o["es_umbral"], "por_verificar"].all()
    assert o["es_umbral"].sum() == 2
    serie = o[o["indicador"] == "denuncias_por_delitos"].set_index("periodo")
    assert serie.loc["2005", "valor"] == 152_516 and serie.loc["2012", "valor"] == 254_405
    extorsion = o[o["indicador"] == "denuncias_extorsion_ministerio_publico"]
    assert extorsion.loc[extorsion["anio_inicio"] == 2025, "periodo_parcial"].all()
    assert not o["fuente"].str.lower().str.startswith("idem").any()


def test_mensuales_la_libertad():
    m = tablas.cargar("denuncias_mensuales")
    assert m["mes"].tolist() == list(range(1, 10))
    assert m["denuncias"].isna().tolist() == [False] * 8 + [True]
    assert int(m.loc[m["mes"] == 1, "denuncias"].iloc[0]) == 5029
