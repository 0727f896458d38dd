"""Fixtures compartidas por varias pruebas."""

from __future__ import annotations

import json
import shutil

import pytest


@pytest.fixture(scope="session")
def libro_html():
    """Una sola construcción del libro por sesión, para test_libro, test_taller y las de navegador.

    Queda en book/_build/html, la misma carpeta que sirve `lideres taller`.
    """
    from lideres import libro

    return libro.construir(imprimir=lambda *a: None)


@pytest.fixture(scope="session")
def libro_facilitador_html():
    """La edición de quien facilita (book/_build/facilitador/): con las páginas «Para facilitadores»
    y sus respuestas, que el libro de participantes no trae."""
    from lideres import libro

    return libro.construir(imprimir=lambda *a: None, modo=libro.FACILITADOR)


@pytest.fixture(scope="session")
def sitio_html():
    """El libro construido en modo sitio (book/_build/sitio/), como lo usa `make sitio`: sin
    servidor, los tableros se abren en Binder o en el JupyterHub del curso."""
    from lideres import libro

    return libro.construir(imprimir=lambda *a: None, modo=libro.SITIO)


@pytest.fixture
def oficiales_solo_trujillo(tmp_path, monkeypatch):
    """Una carpeta data/ temporal (la real no se toca) con límites oficiales importados solo para
    los 11 distritos de Trujillo; Lima y Callao siguen esquemáticos."""
    from lideres import limites, rutas

    carpeta = tmp_path / "data"
    carpeta.mkdir()
    for nombre in ("distritos.csv", limites.ARCHIVO_ESQUEMATICO):
        shutil.copy(rutas.DATOS / nombre, carpeta / nombre)
    monkeypatch.setattr(rutas, "DATOS", carpeta)
    esquema = json.loads((carpeta / limites.ARCHIVO_ESQUEMATICO).read_text(encoding="utf-8"))
    trujillo = [
        {"type": "Feature", "properties": {"ubigeo": f["properties"]["ubigeo"]},
         "geometry": f["geometry"]}
        for f in esquema["features"] if f["properties"]["ambito"] == "Trujillo"
    ]
    archivo = tmp_path / "trujillo.geojson"
    archivo.write_text(json.dumps({"type": "FeatureCollection", "features": trujillo}), encoding="utf-8")
    limites.importar_limites(archivo, fuente="Municipalidad de prueba")
    return carpeta
