"""Vistas del módulo 06: el estado del mapa -> estilos de los polígonos y HTML (plantillas Jinja).

Sin widgets: el tablero (con el mapa compartido de `lideres.tablero.mapa`) y la página liviana usan
lo mismo. Ningún import de mapclassify (las clasificaciones ya están guardadas) ni de pandas (los
distritos llegan como lista de `calculos.DistritoEnMapa`).
"""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2

from lideres import formato
from lideres.jinja import plantillas_de
from lideres.modulos.m06_leer_mapas import calculos as c

PLANTILLAS = Path(__file__).with_name("plantillas")
BORDE = "#444444"
BORDE_IGUAL = "#1f1f1f"


def _entorno() -> jinja2.Environment:
    return plantillas_de(__file__)


def css() -> str:
    return (PLANTILLAS / "leer_mapas.css").read_text(encoding="utf-8")


def pie(anio: int, medida: str) -> str:
    """Nivel · periodo · fuente, desde el registro de cifras."""
    from lideres.cifras import pie as pie_registro

    claves = [f"distritos.denuncias.lima_y_callao.{anio}"]
    if medida == "tasa":
        claves.append("distritos.poblacion.lima_y_callao")
    return pie_registro(*claves)


@functools.cache
def _nota_limites() -> str:
    """De dónde salen los límites dibujados (una vez por proceso; `leer_limites`: sin shapely)."""
    from lideres.leer_limites import nota_limites

    return nota_limites(c.AMBITOS)


class EstadoMapa:
    """Lo que el mapa compartido necesita: `estilos()`, `fuente` y `nota_limites`."""

    def __init__(self, anio: int = 2025, medida: str = "tasa", esquema: str = "cuantiles", k: int = 5,
                 paleta: str = "azules"):
        self.anio, self.medida, self.esquema, self.k, self.paleta = int(anio), medida, esquema, int(k), paleta
        self.datos = c.estado_mapa(self.anio, medida, esquema, self.k, paleta)
        self.fuente = c.FUENTE

    @property
    def nota_limites(self) -> str:
        return _nota_limites()

    def estilos(self) -> dict[str, dict]:
        estilos = {}
        for fila in self.datos["distritos"]:
            igual = bool(fila.no_se_distingue)
            clases = ["lideres-distrito", f"lideres-ubigeo-{fila.ubigeo}"] + (["lideres-no-se-distingue"] if igual else [])
            estilos[fila.ubigeo] = {
                "fillColor": fila.color, "fillOpacity": 0.9, "color": BORDE_IGUAL if igual else BORDE,
                "weight": 2.5 if igual else 1, "opacity": 1, "dashArray": "2 4" if igual else None,
                "className": " ".join(clases),
            }
        return estilos


def html_leyenda(e: EstadoMapa) -> str:
    d = e.datos
    return _entorno().get_template("leyenda.html.j2").render(
        medida=e.medida, esquema=e.esquema, titulo=d["titulo"], unidad=d["unidad"].capitalize(),
        esquema_nombre=c.ESQUEMAS[e.esquema][0],
        clases=[{"color": col, "rango": rango, "n": n} for col, rango, n in d["leyenda"]],
        apta=d["paleta_apta"], pie=pie(e.anio, e.medida), nota_limites=e.nota_limites)


def html_mas_altos(e: EstadoMapa) -> str:
    return _entorno().get_template("mas_altos.html.j2").render(distritos=e.datos["mas_altos"])


def html_intervalos(e: EstadoMapa) -> str:
    orden = e.datos["orden_por_tasa"]
    maximo = max(f.tasa_alta for f in orden) * 1.02

    def pos(v: float) -> float:
        return round(100 * float(v) / maximo, 2)

    filas = [{"ubigeo": f.ubigeo, "nombre": f.distrito, "tasa": formato.numero(f.tasa),
              "igual": bool(f.no_se_distingue), "izq": pos(f.tasa_baja),
              "ancho": round(max(pos(f.tasa_alta) - pos(f.tasa_baja), 0.3), 2), "punto": pos(f.tasa)}
             for f in orden]
    promedio = e.datos["tasa_ciudad"]
    return _entorno().get_template("intervalos.html.j2").render(
        anio=e.anio, filas=filas, promedio=formato.numero(promedio), promedio_pos=pos(promedio),
        unidad="denuncias por 100 mil habitantes", nivel=round(c.NIVEL * 100), pie=pie(e.anio, "tasa"))


ANCHO_SVG = 1000


@functools.cache
def _caminos() -> tuple[dict[str, str], str]:
    """UBIGEO -> camino SVG (coordenadas enteras, proyección equirectangular local) y el viewBox."""
    import math

    from lideres.leer_limites import distritos_guardados

    rasgos = distritos_guardados(ambitos=c.AMBITOS)  # solo se leen

    def anillos(g):
        polis = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        for p in polis:
            yield from p

    lons = [p[0] for r in rasgos for a in anillos(r["geometry"]) for p in a]
    lats = [p[1] for r in rasgos for a in anillos(r["geometry"]) for p in a]
    escala_x = math.cos(math.radians((min(lats) + max(lats)) / 2))
    k = ANCHO_SVG / ((max(lons) - min(lons)) * escala_x)
    alto = math.ceil((max(lats) - min(lats)) * k)
    caminos = {}
    for r in rasgos:
        partes = []
        for anillo in anillos(r["geometry"]):
            pts = [(round((lon - min(lons)) * escala_x * k), round((max(lats) - lat) * k)) for lon, lat, *_ in anillo]
            partes.append("M" + " L".join(f"{x} {y}" for x, y in pts) + "Z")
        caminos[str(r["properties"]["ubigeo"])] = "".join(partes)
    return caminos, f"-4 -4 {ANCHO_SVG + 8} {alto + 8}"


def svg_mapa(e: EstadoMapa) -> str:
    """El mapa como SVG dentro de la página (para la lección, el libro y la página liviana)."""
    caminos, caja = _caminos()
    d = e.datos
    decimales = 0
    distritos = [{"camino": caminos[f.ubigeo], "color": f.color, "igual": bool(f.no_se_distingue),
                  "nombre": f.distrito, "valor": formato.numero(getattr(f, e.medida), decimales)}
                 for f in d["distritos"] if f.ubigeo in caminos]
    rangos = "; ".join(f"{r} ({n})" for _, r, n in d["leyenda"])
    alt = (f"Mapa de los {len(distritos)} distritos de Lima Metropolitana y Callao: {d['unidad']}, "
           f"{c.ESQUEMAS[e.esquema][0].split(' (')[0].lower()} en {e.k} clases. {d['titulo']}: "
           f"{', '.join(d['mas_altos'])}.")
    leyenda = (f"{d['unidad'].capitalize()} · {c.ESQUEMAS[e.esquema][0]} · clases: {rangos}. "
               f"Borde de puntos: no se distingue del promedio. {pie(e.anio, e.medida)}. {e.nota_limites}")
    return _entorno().get_template("mapa.svg.j2").render(
        medida=e.medida, esquema=e.esquema, caja=caja, alt=alt, distritos=distritos, leyenda=leyenda)


class Html:
    """Un fragmento de HTML que Jupyter y el libro muestran tal cual."""

    def __init__(self, html: str):
        self.html = html

    def _repr_html_(self) -> str:
        return self.html


def mapa(anio: int = 2025, medida: str = "tasa", esquema: str = "cuantiles", k: int = 5,
         paleta: str = "azules") -> Html:
    """Para la lección: el mapa de una elección, como SVG con su leyenda y su fuente."""
    return Html(svg_mapa(EstadoMapa(anio, medida, esquema, k, paleta)))


def margenes(anio: int = 2025) -> Html:
    """Para la lección: cada tasa con su margen y la marca «no se distingue del promedio»."""
    from lideres.tablero import partes

    return Html(html_intervalos(EstadoMapa(anio)) + partes.html_estilo(css()))


def tabla_mas_altos(anio: int = 2025, k: int = 5):
    """Para la lección: cuántos y cuáles distritos salen en el color más oscuro con cada elección."""
    import pandas as pd

    t = c.mas_altos_por_eleccion(anio, k)
    return pd.DataFrame({
        "Medida": [c.MEDIDAS[m] for m in t["medida"]],
        "Clasificación": [c.ESQUEMAS[e][0].split(" (")[0] for e in t["esquema"]],
        "Cuántos": t["cuantos"],
        "Distritos en el color más oscuro": t["distritos"],
    })


def ruta_figura_facilitadores():
    from lideres import rutas

    return rutas.LIBRO / "_static" / "m06_mapa_cuantiles.svg"


def svg_para_facilitadores() -> str:
    """El mapa del tablero (tasa 2025, cuantiles, 5 clases) como archivo SVG suelto."""
    figura = svg_mapa(EstadoMapa(2025, "tasa", "cuantiles", 5, "azules"))
    return figura[figura.index("<svg"):figura.index("</svg>") + len("</svg>")] + "\n"


def escribir_figura_facilitadores():
    ruta = ruta_figura_facilitadores()
    ruta.write_text(svg_para_facilitadores(), encoding="utf-8")
    return ruta
