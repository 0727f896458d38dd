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
import re
from typing import Protocol

from lideres.jinja import plantillas_de


class EstadoMapa(Protocol):
    fuente: str
    nota_limites: str

    def estilos(self) -> dict[str, dict]: ...


# Tamaño aproximado del mapa en un teléfono (360 × 640): con esto calculamos el zoom inicial.
ANCHO_PX, ALTO_PX = 340, 380


def limites(ambitos: tuple[str, ...] = ("Lima Metropolitana", "Callao")) -> dict:
    """Los polígonos de los distritos de `ambitos` (reales por defecto; Lima y Callao son 50),
    livianos: solo UBIGEO y nombre. Las geometrías son las guardadas (sin copiarlas: nadie las
    cambia), que ya vienen con a lo más 5 decimales (≈ 1 m; lo revisa tests/test_limites.py)."""
    from lideres.leer_limites import distritos_guardados

    rasgos = []
    for rasgo in distritos_guardados(ambitos=ambitos):
        props = rasgo.get("properties") or {}
        ubigeo = str(props["ubigeo"])
        rasgos.append({"type": "Feature", "id": ubigeo,
                       "properties": {"ubigeo": ubigeo, "distrito": props.get("distrito", "")},
                       "geometry": rasgo["geometry"]})
    return {"type": "FeatureCollection", "features": rasgos}


# Lo que la hoja de estilos del mapa puede escribir de cada distrito (propiedad CSS <- estilo Leaflet).
_CSS = (("fill", "fillColor"), ("fill-opacity", "fillOpacity"), ("stroke", "color"),
        ("stroke-width", "weight"), ("stroke-opacity", "opacity"), ("stroke-dasharray", "dashArray"))
_VALOR_CSS = re.compile(r"^[#A-Za-z0-9 .,()%-]*$")


def _valor_css(propiedad: str, valor) -> str:
    if valor is None:
        return "none"
    texto = f"{valor}px" if propiedad == "stroke-width" else str(valor)
    if not _VALOR_CSS.match(texto):  # nada que cierre la regla o la etiqueta
        raise ValueError(f"valor de estilo no válido para {propiedad}: {valor!r}")
    return texto


def reglas_css(estilos: dict[str, dict]) -> list[dict]:
    """Las reglas de la hoja de estilos: distritos con el mismo estilo van juntos (pesa poco)."""
    grupos: dict[str, list[str]] = {}
    for ubigeo, estilo in estilos.items():
        vivo = estilo_en_vivo(estilo)
        bloque = ";".join(f"{css}:{_valor_css(css, vivo[clave])}" for css, clave in _CSS if clave in vivo)
        grupos.setdefault(bloque, []).append(str(ubigeo))
    return [{"ubigeos": ubigeos, "bloque": bloque} for bloque, ubigeos in grupos.items()]


def estilo_en_vivo(estilo: dict) -> dict:
    """El estilo que se ve: sin `className` (Leaflet solo lo usa al crear el polígono) y con
    `dashArray` siempre presente (None: sin punteado)."""
    vivo = {k: v for k, v in estilo.items() if k != "className"}
    vivo.setdefault("dashArray", None)
    return vivo


def clase_capa():
    """La clase de la capa de distritos: UNA capa GeoJSON para todos, que se recolorea con una hoja
    de estilos.

    Los polígonos viajan una vez (con el estilo inicial de cada uno y su clase CSS
    `lideres-ubigeo-<UBIGEO>`). Al cambiar el estado no se reenvían (ipyleaflet.GeoJSON reenvía
    todos los polígonos al cambiar `data` o `style`: ~27 KB comprimidos cada vez): cambia solo el
    texto de un `<style>` (un widget HTML dentro del mapa) con el color y el borde de cada distrito.
    El CSS manda sobre los atributos que Leaflet pone en cada `<path>`. Las cifras, en
    `benchmarks/README.md` («El mapa de distritos: una capa»).
    """
    import ipyleaflet

    class CapaDistritos(ipyleaflet.GeoJSON):
        estilos: dict[str, dict]  # UBIGEO -> estilo que se ve ahora (solo en Python)

        def estilo_de(self, rasgo: dict) -> dict:
            """El estilo que se ve ahora en ese polígono (lo usa la página ligera)."""
            return self.estilos[str(rasgo["properties"]["ubigeo"])]

    return CapaDistritos


def capa_estilo_unico(**kwargs):
    """Una capa GeoJSON con un solo estilo (`style`) para todos sus polígonos que, al cambiar `data`,
    la envía UNA vez. ipyleaflet copia `style` dentro de cada polígono y vuelve a enviar `data`
    entera (dos mensajes por cambio, el segundo más grande); el navegador ya aplica el `style` de la
    capa a cada polígono que dibuja (jupyter-leaflet), así que la copia sobra."""
    import ipyleaflet

    class CapaEstiloUnico(ipyleaflet.GeoJSON):
        def _update_data(self, change):  # reemplaza al observador de ipyleaflet: no reenviar datos
            pass

    return CapaEstiloUnico(**kwargs)


def crear_capa(base: dict, estado: EstadoMapa):
    """La capa de los distritos con el estilo inicial de cada uno y la hoja de estilos que la pinta
    (`capa.hoja`, un widget HTML)."""
    import ipywidgets as widgets

    estilos = estado.estilos()
    rasgos = []
    for rasgo in base["features"]:
        ubigeo = rasgo["properties"]["ubigeo"]
        rasgos.append({**rasgo, "properties": {**rasgo["properties"], "style": estilos[ubigeo]}})
    capa = clase_capa()(data={"type": "FeatureCollection", "features": rasgos}, name="Distritos")
    capa.estilos = {}
    capa.hoja = widgets.HTML(layout=widgets.Layout(display="none"))
    capa.hoja.add_class("lideres-mapa-estilos")
    pintar(capa, estado)
    return capa


def pintar(capa, estado: EstadoMapa) -> int:
    """Pone en el mapa los estilos del estado: un solo mensaje chico (el texto del `<style>`), y
    ninguno si nada cambió. Devuelve cuántos distritos cambiaron."""
    nuevos = {str(u): estilo_en_vivo(e) for u, e in estado.estilos().items()}
    cambiados = sum(1 for u, e in nuevos.items() if capa.estilos.get(u) != e)
    if cambiados:
        capa.estilos = nuevos
        capa.hoja.value = plantillas_de(__file__).get_template("estilos_mapa.html.j2").render(
            reglas=reglas_css(nuevos))
    return cambiados


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
    """Devuelve (mapa, capa): el mapa ipyleaflet sin fondo y la capa de todos los distritos
    (`capa.on_click`, `capa.estilos`; se recolorea con `pintar(capa, estado)`)."""
    import ipyleaflet
    import ipywidgets as widgets

    capa = crear_capa(base, estado)
    lista = [capa]
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
    # La hoja de estilos va dentro del mapa (oculta): así la página ligera no la toma por texto.
    hoja = ipyleaflet.WidgetControl(widget=capa.hoja, position="bottomleft")
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
        controls=(zoom_es, credito, hoja),
        layout=widgets.Layout(width="100%", height="60vh", min_height="280px", max_height="620px"),
    )
    mapa.add_class("lideres-mapa")
    return mapa, capa
