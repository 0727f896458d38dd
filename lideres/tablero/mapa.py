"""El mapa de distritos de los tableros (parte compartida): polígonos pintados según lo que diga el
estado del tablero de cada módulo.

El estado es cualquier objeto con `estilos()` (UBIGEO -> estilo Leaflet), `fuente` (la línea de
fuente de sus datos) y `nota_limites` (de dónde salen los límites dibujados): por ejemplo
`lideres.modulos.m02_conteos_y_tasas.calculos.EstadoTablero`.

Sin mapa de fondo: no se pide nada a internet. Si una organización tiene un servidor de
teselas (por ejemplo en su propia red), lo configura con la variable LIDERES_TESELAS.
"""

from __future__ import annotations

import math
import os
from typing import Protocol


class EstadoMapa(Protocol):
    fuente: str
    nota_limites: str

    def estilos(self) -> dict[str, dict]: ...


# Tamaño aproximado del mapa en un teléfono (360 × 640): con esto calculamos el zoom inicial.
ANCHO_PX, ALTO_PX = 340, 380


def limites(ambitos: tuple[str, ...] = ("Lima Metropolitana", "Callao")) -> dict:
    """Los polígonos de los distritos de `ambitos` (reales por defecto; Lima y Callao son 50),
    livianos: solo UBIGEO y nombre."""
    from lideres.limites import cargar_limites

    crudos = cargar_limites(ambitos=ambitos)
    rasgos = []
    for rasgo in crudos["features"]:
        props = rasgo.get("properties") or {}
        rasgos.append(
            {
                "type": "Feature",
                "id": str(props["ubigeo"]),
                "properties": {
                    "ubigeo": str(props["ubigeo"]),
                    "distrito": props.get("distrito", ""),
                },
                "geometry": _redondear_geometria(rasgo["geometry"]),
            }
        )
    return {"type": "FeatureCollection", "features": rasgos}


def _redondear_geometria(geometria: dict, decimales: int = 5) -> dict:
    """A lo más 5 decimales (≈ 1 m): los límites reales ya vienen con 4; los esquemáticos, con 5."""

    def redondear(c):
        if isinstance(c, (int, float)):
            return round(c, decimales)
        return [redondear(x) for x in c]

    return {"type": geometria["type"], "coordinates": redondear(geometria["coordinates"])}


def capa_geojson():
    """Clase de capa de UN distrito que, al cambiar su estilo, envía solo el estilo.

    ipyleaflet.GeoJSON vuelve a enviar todos los polígonos cuando cambia `style`; con 50
    distritos eso es pesado en un teléfono. Aquí el navegador recibe un diccionario chico y
    recolorea (Leaflet `setStyle`). Depende de ipyleaflet 0.20 (pyproject lo fija).
    """
    import ipyleaflet

    class CapaDistrito(ipyleaflet.GeoJSON):
        def _update_data(self, change):  # reemplaza al observador de ipyleaflet: no reenviar datos
            pass

    return CapaDistrito


def estilo_en_vivo(estilo: dict) -> dict:
    """El estilo que se envía al cambiar: sin `className` (Leaflet solo lo usa al crear el
    polígono) y con `dashArray` siempre presente (None lo borra en el navegador)."""
    vivo = {k: v for k, v in estilo.items() if k != "className"}
    vivo.setdefault("dashArray", None)
    return vivo


def crear_capas(base: dict, estado: EstadoMapa) -> dict:
    """UBIGEO -> capa GeoJSON de un distrito, con su estilo inicial y su clase CSS."""
    clase = capa_geojson()
    estilos = estado.estilos()
    capas = {}
    for rasgo in base["features"]:
        ubigeo = rasgo["properties"]["ubigeo"]
        rasgo = dict(rasgo)
        rasgo["properties"] = {**rasgo["properties"], "style": estilos[ubigeo]}
        capas[ubigeo] = clase(
            data={"type": "FeatureCollection", "features": [rasgo]},
            style=estilo_en_vivo(estilos[ubigeo]),
            hover_style={"weight": 3, "fillOpacity": 0.95},
            name=rasgo["properties"]["distrito"],
        )
    return capas


def actualizar_capas(capas: dict, estado: EstadoMapa) -> int:
    """Pone a cada capa el estilo del estado; envía solo los que cambiaron. Devuelve cuántos."""
    cambiadas = 0
    for ubigeo, estilo in estado.estilos().items():
        nuevo = estilo_en_vivo(estilo)
        if capas[ubigeo].style != nuevo:
            capas[ubigeo].style = nuevo
            cambiadas += 1
    return cambiadas


def caja(base: dict) -> tuple[tuple[float, float], tuple[float, float]]:
    """((sur, oeste), (norte, este)) de todos los polígonos."""
    lons, lats = [], []

    def recorrer(c):
        if isinstance(c[0], (int, float)):
            lons.append(c[0])
            lats.append(c[1])
        else:
            for x in c:
                recorrer(x)

    for rasgo in base["features"]:
        recorrer(rasgo["geometry"]["coordinates"])
    return (min(lats), min(lons)), (max(lats), max(lons))


def _y_mercator(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def centro_y_zoom(
    base: dict, ancho: int = ANCHO_PX, alto: int = ALTO_PX
) -> tuple[list[float], float]:
    """Centro y zoom para que Lima y Callao entren enteros en un mapa de `ancho` × `alto` px."""
    (sur, oeste), (norte, este) = caja(base)
    centro = [(sur + norte) / 2, (oeste + este) / 2]
    # En el zoom z el mundo mide 256 × 2^z px: ancho en grados y alto en Mercator.
    z_ancho = math.log2(ancho * 360 / (256 * (este - oeste)))
    z_alto = math.log2(alto * 2 * math.pi / (256 * (_y_mercator(norte) - _y_mercator(sur))))
    zoom = math.floor(min(z_ancho, z_alto) * 2) / 2  # de medio en medio
    return centro, zoom


def url_teselas(teselas: str | None = None) -> str | None:
    """Plantilla de teselas: el parámetro, o la variable LIDERES_TESELAS. Por defecto ninguna."""
    valor = teselas if teselas is not None else os.environ.get("LIDERES_TESELAS", "")
    return valor.strip() or None


def atribucion(estado: EstadoMapa) -> str:
    """El crédito del mapa: de dónde salen los datos y los límites dibujados."""
    from html import escape

    texto = estado.fuente.removeprefix("Fuente: ").rstrip(".") + ". " + estado.nota_limites
    return escape(texto)


def crear_mapa(base: dict, estado: EstadoMapa, teselas: str | None = None):
    """Devuelve (mapa, capas): el mapa ipyleaflet sin fondo y UBIGEO -> capa de cada distrito."""
    import ipyleaflet
    import ipywidgets as widgets

    capas = crear_capas(base, estado)
    lista = list(capas.values())
    url = url_teselas(teselas)
    if url:
        fondo = ipyleaflet.TileLayer(
            url=url,
            attribution=os.environ.get(
                "LIDERES_TESELAS_ATRIBUCION", "Teselas configuradas por la organización"
            ),
            base=True,
            name="Fondo",
        )
        lista.insert(0, fondo)
    centro, zoom = centro_y_zoom(base)
    # Botones de zoom en español y, como crédito del mapa, la fuente de los datos (no «ipyleaflet»).
    zoom_es = ipyleaflet.ZoomControl(position="topleft", zoom_in_title="Acercar", zoom_out_title="Alejar")
    credito = ipyleaflet.AttributionControl(position="bottomright", prefix=atribucion(estado))
    mapa = ipyleaflet.Map(
        layers=tuple(lista),  # lista explícita: así ipyleaflet no agrega OpenStreetMap
        center=centro,
        zoom=zoom,
        zoom_snap=0.5,
        zoom_delta=0.5,
        min_zoom=7,
        max_zoom=15,
        scroll_wheel_zoom=False,  # la rueda o el dedo mueven la página, no el mapa
        # Sin el manejo de teclado de Leaflet: al tocar, enfocaba el mapa y, si estaba a medias en
        # pantalla, el navegador movía la página y el primer toque se perdía. Con teclado se elige
        # el distrito en la lista y se usan los botones de zoom.
        keyboard=False,
        zoom_control=False,
        attribution_control=False,
        controls=(zoom_es, credito),
        layout=widgets.Layout(width="100%", height="60vh", min_height="280px", max_height="620px"),
    )
    mapa.add_class("lideres-mapa")
    return mapa, capas
