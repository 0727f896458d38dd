"""El mapa liviano (leaflet_liviano/): trae las clases de ipyleaflet que usa el curso, y Voilà carga
ese o el jupyter-leaflet original, nunca los dos.

Si un módulo nuevo usa otra clase de ipyleaflet (un Marker, un LayersControl…), la primera prueba
falla aquí y no en silencio en el celular: hay que agregar su modelo y su vista a
leaflet_liviano/src/index.js (están en jupyter-leaflet/lib) y volver a armarlo.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest

from lideres import rutas
from lideres.taller import servidor

CARPETA = rutas.RAIZ / "leaflet_liviano"
INDICE = CARPETA / "src" / "index.js"
# Donde el curso usa ipyleaflet (código, cuadernos, ejercicios de nbgrader).
FUENTES = [rutas.RAIZ / "lideres", rutas.RAIZ / "notebooks", rutas.RAIZ / "exercises" / "source"]


def clases_usadas() -> set[str]:
    """Los nombres de clase de ipyleaflet que aparecen en el curso (`ipyleaflet.X` o `from ipyleaflet import X`)."""
    nombres: set[str] = set()
    for carpeta in FUENTES:
        for archivo in [*carpeta.rglob("*.py"), *carpeta.rglob("*.ipynb")]:
            texto = archivo.read_text(encoding="utf-8")
            nombres.update(re.findall(r"\bipyleaflet\.([A-Za-z_]\w*)", texto))
            for lista in re.findall(r"from ipyleaflet import \(?([\w ,\\\n]+)\)?", texto):
                nombres.update(n.split(" as ")[0].strip() for n in re.split(r"[,\s\\]+", lista) if n.strip())
    return nombres


def exportados() -> set[str]:
    texto = INDICE.read_text(encoding="utf-8")
    return {n.strip() for bloque in re.findall(r"export \{([^}]*)\} from", texto)
            for n in bloque.split(",") if n.strip()}


def modelos_y_vistas(clase) -> set[str]:
    """Los nombres JavaScript que pide una clase de ipyleaflet, con los de los widgets de jupyter-leaflet
    que trae dentro (el estilo del mapa)."""
    import traitlets
    from ipywidgets import Widget

    nombres: set[str] = set()
    rasgos = clase.class_traits()
    for parte in ("model", "view"):  # el estilo del mapa usa la vista de @jupyter-widgets/base
        if rasgos[f"_{parte}_module"].default_value == "jupyter-leaflet":
            nombres.add(rasgos[f"_{parte}_name"].default_value)
    for rasgo in rasgos.values():
        tipo = getattr(rasgo, "klass", None)
        if isinstance(rasgo, traitlets.Instance) and isinstance(tipo, type) and issubclass(tipo, Widget) \
                and tipo is not clase and tipo.class_traits()["_model_module"].default_value == "jupyter-leaflet":
            nombres |= modelos_y_vistas(tipo)
    return nombres - {None, ""}


def test_el_curso_usa_ipyleaflet_y_lo_encuentra_la_busqueda():
    usadas = clases_usadas()
    assert {"Map", "GeoJSON", "DrawControl"} <= usadas, usadas


def test_el_mapa_liviano_trae_cada_clase_de_ipyleaflet_del_curso():
    import ipyleaflet

    hay = exportados()
    faltan = {}
    for nombre in sorted(clases_usadas()):
        clase = getattr(ipyleaflet, nombre, None)
        assert clase is not None, f"ipyleaflet no tiene {nombre}"
        if not isinstance(clase, type):
            continue
        falta = modelos_y_vistas(clase) - hay
        if falta:
            faltan[nombre] = sorted(falta)
    assert not faltan, (f"leaflet_liviano/src/index.js no exporta lo que piden estas clases: {faltan}. "
                        "Agrégalos (vienen de jupyter-leaflet/lib) y vuelve a armar el mapa liviano.")


def test_registra_el_mismo_modulo_y_version_que_pide_ipyleaflet():
    import ipyleaflet

    paquete = json.loads((CARPETA / "package.json").read_text(encoding="utf-8"))
    version = paquete["dependencies"]["jupyter-leaflet"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version), "jupyter-leaflet fijo en una versión exacta"
    pedida = ipyleaflet.Map.class_traits()["_model_module_version"].default_value  # "^0.20"
    assert version.startswith(pedida.lstrip("^") + "."), (version, pedida)
    extension = (CARPETA / "src" / "extension.js").read_text(encoding="utf-8")
    assert "name: 'jupyter-leaflet'" in extension
    # Las bibliotecas de widgets y de Lumino se comparten con Voilà, no se copian dentro.
    compartidos = paquete["jupyterlab"]["sharedPackages"]
    for nombre in ("@jupyter-widgets/base", "@lumino/messaging", "@lumino/widgets"):
        assert compartidos[nombre] == {"bundled": False, "singleton": True}


def _armado_de_mentira(carpeta: Path) -> Path:
    """Una salida con la forma de la de `jupyter labextension build` (basta su package.json)."""
    destino = carpeta / servidor.LEAFLET_LIVIANO
    (destino / "static").mkdir(parents=True)
    (destino / "package.json").write_text(json.dumps({
        "name": servidor.LEAFLET_LIVIANO, "version": "0.20.0",
        "jupyterlab": {"_build": {"load": "static/remoteEntry.abc.js", "extension": "./extension"}},
    }), encoding="utf-8")
    return carpeta


def _extensiones_de_la_pagina(permitidas, rutas_extra) -> list[str]:
    """Las extensiones que Voilà pondría en la página de un tablero (su propia función)."""
    from voila.configuration import VoilaConfiguration
    from voila.utils import get_page_config

    conf = VoilaConfiguration(extension_allowlist=permitidas, extra_labextensions_path=rutas_extra)
    pagina = get_page_config("/", {}, logging.getLogger("prueba"), conf)
    return [e["name"] for e in pagina["federated_extensions"]]


def test_sin_armar_los_tableros_usan_jupyter_leaflet(tmp_path):
    permitidas, rutas_extra = servidor.extensiones_de_tableros(tmp_path / "no_existe")
    assert permitidas == servidor.EXTENSIONES_PERMITIDAS
    assert rutas_extra == []
    nombres = _extensiones_de_la_pagina(permitidas, rutas_extra)
    assert "jupyter-leaflet" in nombres
    assert servidor.LEAFLET_LIVIANO not in nombres


def test_armado_los_tableros_cargan_solo_el_liviano(tmp_path):
    carpeta = _armado_de_mentira(tmp_path)
    assert servidor.leaflet_liviano_armado(carpeta)
    permitidas, rutas_extra = servidor.extensiones_de_tableros(carpeta)
    assert rutas_extra == [str(carpeta.resolve())]
    nombres = _extensiones_de_la_pagina(permitidas, rutas_extra)
    assert servidor.LEAFLET_LIVIANO in nombres
    assert "jupyter-leaflet" not in nombres  # un solo proveedor del módulo «jupyter-leaflet»
    assert "@voila-dashboards/widgets-manager8" in nombres


def test_la_configuracion_del_taller_sigue_lo_armado(tmp_path):
    c = servidor.configuracion(raiz=rutas.CUADERNOS, precalentados=0)
    v = c.VoilaConfiguration
    if servidor.leaflet_liviano_armado():
        assert servidor.LEAFLET_LIVIANO in v.extension_allowlist
        assert "jupyter-leaflet" not in v.extension_allowlist
        assert v.extra_labextensions_path == [str(servidor.DIR_LEAFLET_LIVIANO.resolve())]
    else:
        assert "jupyter-leaflet" in v.extension_allowlist
        assert v.extra_labextensions_path == []


@pytest.mark.skipif(not servidor.leaflet_liviano_armado(), reason="mapa liviano sin armar (falta npm)")
def test_lo_armado_registra_jupyter_leaflet_sin_los_complementos():
    estaticos = servidor.DIR_LEAFLET_LIVIANO / servidor.LEAFLET_LIVIANO / "static"
    codigo = "".join(a.read_text(encoding="utf-8") for a in estaticos.glob("*.js"))
    assert "name:\"jupyter-leaflet\"" in codigo
    for nombre in ("LeafletMapView", "LeafletGeoJSONView", "LeafletDrawControlView"):
        assert nombre in codigo
    for complemento in ("proj4", "VectorGrid", "MarkerCluster", "protomaps"):
        assert complemento not in codigo, complemento
