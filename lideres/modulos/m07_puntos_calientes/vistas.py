"""Vistas del módulo 07: el estado de `calculos.estado_puntos()` -> SVG de las celdas y HTML de la
tabla hora × día y de la comparación con la marca del líder (plantillas Jinja, sin widgets).

El tablero de Voilà y la lección usan lo mismo. Todo pie dice que los datos son SINTÉTICOS.
"""

from __future__ import annotations

import functools
import math
from pathlib import Path

import jinja2
import numpy as np

from lideres import formato
from lideres.jinja import plantillas_de
from lideres.modulos.m07_puntos_calientes import calculos as c

# Lo del paso 1 vive en `apertura` (sin pandas); las vistas lo ofrecen también, como antes.
from lideres.modulos.m07_puntos_calientes.apertura import (  # noqa: F401
    BANDAS_M,
    VISTAS,
    css,
    html_paso,
    rasgo_distrito,
)

PLANTILLAS = Path(__file__).with_name("plantillas")
# Azules secuenciales (ColorBrewer «Blues»): se leen en gris y con daltonismo. El cuarto es
# el #2171b5 (no el #3182bd): el texto blanco encima necesita contraste 4.5:1 (axe).
AZULES = ("#eff3ff", "#bdd7e7", "#6baed6", "#2171b5", "#08519c")
LADO = 10  # unidades SVG por celda


def _entorno() -> jinja2.Environment:
    return plantillas_de(__file__)


def cortes(maximo: int, k: int = len(AZULES)) -> list[int]:
    """Límites superiores de k clases de igual ancho entre 1 y el máximo (sin repetir)."""
    maximo = max(int(maximo), 1)
    return sorted({max(1, math.ceil(maximo * (i + 1) / k)) for i in range(k)})


def _color(valor: int, limites: list[int]) -> str:
    for i, tope in enumerate(limites):
        if valor <= tope:
            return AZULES[i + len(AZULES) - len(limites)]
    return AZULES[-1]


def leyenda(limites: list[int]) -> list[dict]:
    filas, desde = [], 1
    for tope in limites:
        rango = f"{desde} caso" if tope == 1 else (f"{desde} casos" if desde == tope else f"de {desde} a {tope} casos")
        filas.append({"color": _color(tope, limites), "rango": rango})
        desde = tope + 1
    return filas


@functools.cache
def _rasgos() -> dict[str, dict]:
    """Los límites por nombre de distrito, leídos una vez por kernel y sin copiar (solo se leen):
    `leer_limites`, sin shapely ni el importador en el kernel del celular."""
    from lideres.leer_limites import distritos_guardados

    return {r["properties"].get("distrito"): r for r in distritos_guardados()}


def _contorno_lonlat(distrito: str) -> tuple:
    rasgo = _rasgos().get(distrito)
    if rasgo is None:
        return ()
    g = rasgo["geometry"]
    polis = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
    return tuple(tuple((p[0], p[1]) for p in poli[0]) for poli in polis)


def _a_svg(grilla: c.Grilla, filas: int, lon: float, lat: float) -> tuple[float, float]:
    x = (lon - grilla.lon0) * grilla.metros_por_grado_lon / grilla.tamano_m * LADO
    y = (filas - (lat - grilla.lat0) * c.METROS_POR_GRADO_LAT / grilla.tamano_m) * LADO
    return round(x, 1), round(y, 1)


def _marco(estado: dict) -> dict:
    """Lo común a todas las vistas del mapa: la caja del SVG (la grilla del distrito y su
    contorno) y el contorno como trazo. Las cuatro vistas usan las mismas coordenadas."""
    grilla: c.Grilla = estado["grilla"]
    filas, columnas = grilla.valores.shape
    xs, ys = [0.0, columnas * LADO], [0.0, filas * LADO]
    partes = []
    for anillo in _contorno_lonlat(estado["distrito"]):
        pts = [_a_svg(grilla, filas, lon, lat) for lon, lat in anillo]
        xs += [p[0] for p in pts]
        ys += [p[1] for p in pts]
        partes.append("M" + " L".join(f"{x} {y}" for x, y in pts) + "Z")
    return {"caja": f"{min(xs) - 4} {min(ys) - 4} {max(xs) - min(xs) + 8} {max(ys) - min(ys) + 8}",
            "contorno": "".join(partes), "distrito": estado["distrito"], "casos": estado["casos"],
            "periodo": estado["periodo"], "pie": estado["pie"], "nota_excluido": estado["nota_excluido"]}


def svg_celdas(estado: dict, marca: dict | None = None) -> str:
    """El mapa de celdas del estado: color por casos, borde naranja si es punto caliente (Gi*), y
    la marca del líder (si la hay) con borde de rayas. Incluye leyenda y pie (nivel · periodo ·
    fuente sintética)."""
    grilla: c.Grilla = estado["grilla"]
    filas, _ = grilla.valores.shape
    tabla = estado["celdas"]
    limites = cortes(int(tabla["valor"].max()) if len(tabla) else 1)
    marcadas = marca["dentro"] if marca is not None else np.zeros(len(tabla), dtype=bool)
    celdas = [{"x": int(f.columna) * LADO, "y": (filas - 1 - int(f.fila)) * LADO, "valor": int(f.valor),
               "color": _color(int(f.valor), limites), "caliente": bool(f.caliente), "marcada": bool(m)}
              for f, m in zip(tabla.itertuples(), marcadas, strict=True)]
    casos = estado["casos"]
    alt = (f"Mapa de celdas de {int(grilla.tamano_m)} m de {estado['distrito']} (datos sintéticos): "
           f"{formato.numero(casos)} casos en {len(celdas)} celdas; {estado['n_calientes']} celdas son "
           "punto caliente.")
    return _entorno().get_template("celdas.svg.j2").render(
        **_marco(estado), n_calientes=estado["n_calientes"], alt=alt, celdas=celdas, lado=LADO,
        leyenda=leyenda(limites), marca=marca is not None, nivel=estado["nivel"])


# ------------------------------------------------------------------ puntos, hexágonos, densidad

RESOLUCION_H3 = 9
TAMANO_DENSIDAD_M = 50


def _a_svg_muchos(grilla: c.Grilla, lat: np.ndarray, lon: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    filas = grilla.valores.shape[0]
    x = (np.asarray(lon) - grilla.lon0) * grilla.metros_por_grado_lon / grilla.tamano_m * LADO
    y = (filas - (np.asarray(lat) - grilla.lat0) * c.METROS_POR_GRADO_LAT / grilla.tamano_m) * LADO
    return x, y


def svg_puntos(estado: dict) -> str:
    """Cada caso sintético, un punto. Los que caen a menos de ~25 m de otro se dibujan una vez (un
    solo trazo con todos: liviano en el celular); la transparencia deja ver dónde se amontonan."""
    lat, lon = c.puntos_estado(estado)
    x, y = _a_svg_muchos(estado["grilla"], lat, lon)
    unicos = np.unique(np.stack([np.rint(x), np.rint(y)], axis=1).astype(int), axis=0) if len(x) else []
    trazo = "".join(f"M{a} {b}h0" for a, b in unicos)
    casos = estado["casos"]
    alt = (f"Mapa de puntos de {estado['distrito']} (datos sintéticos): {formato.numero(casos)} casos, "
           "cada uno un punto.")
    return _entorno().get_template("puntos.svg.j2").render(
        **_marco(estado), alt=alt, trazo=trazo,
        nivel=f"cada caso en su lugar, {estado['distrito']} (límites esquemáticos)")


@functools.lru_cache(maxsize=4096)
def _contorno_h3(celda: str) -> tuple:
    return tuple(c.contorno_hexagono(celda))


def svg_hexagonos(estado: dict, resolucion: int = RESOLUCION_H3) -> str:
    """Casos por hexágono h3 (todos del mismo tamaño), con la misma escala de azules que las celdas."""
    tabla = c.hexagonos_estado(estado, resolucion)
    limites = cortes(int(tabla["casos"].max()) if len(tabla) else 1)
    grilla = estado["grilla"]
    hexagonos = []
    for h, casos in zip(tabla["h3"], tabla["casos"], strict=True):
        vertices = np.asarray(_contorno_h3(h))
        x, y = _a_svg_muchos(grilla, vertices[:, 0], vertices[:, 1])
        hexagonos.append({"puntos": " ".join(f"{a:.1f},{b:.1f}" for a, b in zip(x, y, strict=True)),
                          "valor": int(casos), "color": _color(int(casos), limites)})
    import h3

    area = h3.average_hexagon_area(int(resolucion), unit="km^2")
    alt = (f"Mapa de hexágonos de {estado['distrito']} (datos sintéticos): "
           f"{formato.numero(estado['casos'])} casos en {len(hexagonos)} hexágonos.")
    return _entorno().get_template("hexagonos.svg.j2").render(
        **_marco(estado), alt=alt, hexagonos=hexagonos, leyenda=leyenda(limites),
        nivel=(f"hexágonos h3 de unos {formato.numero(area, 2)} km² en {estado['distrito']} "
               "(límites esquemáticos)"))


def _png(indices: np.ndarray, paleta: list[tuple[int, int, int, int]]) -> bytes:
    """PNG RGBA mínimo (zlib del estándar): la densidad como imagen, sin matplotlib en el kernel."""
    import struct
    import zlib

    colores = np.asarray(paleta, dtype=np.uint8)[indices]
    alto, ancho = indices.shape
    crudo = b"".join(b"\x00" + colores[f].tobytes() for f in range(alto))

    def trozo(tipo: bytes, datos: bytes) -> bytes:
        return struct.pack(">I", len(datos)) + tipo + datos + struct.pack(">I", zlib.crc32(tipo + datos))

    return (b"\x89PNG\r\n\x1a\n" + trozo(b"IHDR", struct.pack(">IIBBBBB", ancho, alto, 8, 6, 0, 0, 0))
            + trozo(b"IDAT", zlib.compress(crudo, 9)) + trozo(b"IEND", b""))


def _rgba(hexa: str, alfa: int = 230) -> tuple[int, int, int, int]:
    return (int(hexa[1:3], 16), int(hexa[3:5], 16), int(hexa[5:7], 16), alfa)


def svg_densidad(estado: dict, ancho_banda_m: float = 300) -> str:
    """La densidad de núcleo como imagen bajo el contorno: cinco clases de igual ancho entre 0 y el
    máximo (casos por km²); lo que no llega a un décimo del máximo queda sin color."""
    import base64

    d = c.densidad_estado(estado, ancho_banda_m, TAMANO_DENSIDAD_M)
    valores = d.valores
    maximo = float(valores.max()) if valores.size else 0.0
    k = len(AZULES)
    indices = np.zeros(valores.shape, dtype=int)
    if maximo > 0:
        indices = np.where(valores < maximo / 10, 0, np.minimum(np.ceil(valores / maximo * k), k)).astype(int)
    paleta = [(255, 255, 255, 0)] + [_rgba(a) for a in AZULES]
    imagen = base64.b64encode(_png(indices[::-1], paleta)).decode("ascii")
    grilla = estado["grilla"]
    filas, columnas = valores.shape
    x0, y0 = _a_svg_muchos(grilla, d.lat0 + filas * d.tamano_m / c.METROS_POR_GRADO_LAT, d.lon0)
    escala = d.tamano_m / grilla.tamano_m * LADO
    topes = [maximo * (i + 1) / k for i in range(k)]
    desde = maximo / 10
    filas_leyenda = []
    for color, tope in zip(AZULES, topes if maximo > 0 else [], strict=False):
        filas_leyenda.append({"color": color, "rango": f"de {formato.numero(max(desde, tope - maximo / k), 0)} "
                                                       f"a {formato.numero(tope, 0)} casos por km²"})
    alt = (f"Mapa de densidad de {estado['distrito']} (datos sintéticos), radio de {int(ancho_banda_m)} m: "
           f"{formato.numero(estado['casos'])} casos repartidos como manchas.")
    return _entorno().get_template("densidad.svg.j2").render(
        **_marco(estado), alt=alt, imagen=imagen, x=round(float(x0), 1), y=round(float(y0), 1),
        ancho=round(columnas * escala, 1), alto=round(filas * escala, 1), leyenda=filas_leyenda,
        sin_color=formato.numero(desde, 0), banda=int(ancho_banda_m),
        nivel=(f"densidad de núcleo con radio de {int(ancho_banda_m)} m en {estado['distrito']} "
               "(límites esquemáticos)"))


def svg_vista(estado: dict, vista: str = "celdas", marca: dict | None = None, ancho_banda_m: float = 300) -> str:
    """El mapa del estado dibujado de una de las cuatro formas de `VISTAS`."""
    if vista == "puntos":
        return svg_puntos(estado)
    if vista == "hexagonos":
        return svg_hexagonos(estado)
    if vista == "densidad":
        return svg_densidad(estado, ancho_banda_m)
    return svg_celdas(estado, marca)


# En el tablero la tabla va justo debajo del mapa, cuyo pie ya dice de dónde salen los casos: en el
# celular, el mismo pie de nueve líneas dos veces seguidas se saltaba sin leer.
NOTA_BAJO_EL_MAPA = "Datos sintéticos: los mismos casos inventados del mapa de arriba (su pie dice cómo se hicieron)."


def html_hora_dia(estado: dict, bajo_el_mapa: bool = False) -> str:
    """La tabla hora × día con fondo según los casos (más oscuro, más casos). `bajo_el_mapa`: su pie
    remite al del mapa (el tablero); sola (la lección), lleva el pie entero."""
    t = estado["hora_dia"]
    limites = cortes(int(t.to_numpy().max()))
    filas = []
    for hora, fila in t.iterrows():
        celdas = []
        for v in fila.to_numpy():
            v = int(v)
            color = "#ffffff" if v == 0 else _color(v, limites)
            celdas.append({"valor": formato.numero(v), "color": color,
                           "texto": "#ffffff" if color in AZULES[3:] else "#1f1f1f"})
        filas.append({"hora": hora, "celdas": celdas})
    return _entorno().get_template("hora_dia.html.j2").render(
        distrito=estado["distrito"], casos=formato.numero(estado["casos"]), dias=list(t.columns), filas=filas,
        pie=f"{estado['periodo']} · {NOTA_BAJO_EL_MAPA if bajo_el_mapa else estado['pie']}")


def frase_comparacion(r: dict) -> str:
    if r["calientes"] == 0:
        return "Con estos filtros no hay puntos calientes: los casos están repartidos como daría el azar."
    if r["calientes_dentro"] == 0:
        return ("Tu marca no tocó ningún punto caliente. Es normal: lo que vemos y oímos no siempre "
                "coincide con los registros. Pregúntate por qué.")
    if r["calientes_dentro"] == r["calientes"]:
        return "Tu marca cubre todos los puntos calientes. Mira cuántas celdas sin calor marcaste también."
    return "Acertaste en parte. Mira qué puntos calientes quedaron fuera de tu marca y pregúntate por qué."


def html_comparacion(r: dict) -> str:
    return _entorno().get_template("comparacion.html.j2").render(
        celdas_marcadas=r["celdas_marcadas"], calientes_dentro=r["calientes_dentro"], calientes=r["calientes"],
        parte=formato.porcentaje(r["parte_casos"], 0), frase=frase_comparacion(r))


def html_meses(desde: str, hasta: str) -> str:
    return _entorno().get_template("meses.html.j2").render(desde=desde, hasta=hasta)


def html_sin_marca() -> str:
    """Lo que dice la comparación si no se marcó ninguna zona."""
    return _entorno().get_template("sin_marca.html.j2").render()


class Html:
    """Un fragmento de HTML que Jupyter y el libro muestran tal cual."""

    def __init__(self, html: str):
        self.html = html

    def _repr_html_(self) -> str:
        return self.html


def mapa_celdas(distrito: str = "El Porvenir", tipos_=None, horas=(0, 23), meses=(1, 12)) -> Html:
    """Para la lección: el mapa de celdas con su leyenda y su pie sintético."""
    e = c.estado_puntos(distrito, tipos_, tuple(horas), tuple(meses))
    from lideres.tablero import partes

    return Html(svg_celdas(e) + partes.html_estilo(css()))


def tabla_hora_dia(distrito: str = "El Porvenir", tipos_=None, horas=(0, 23), meses=(1, 12)) -> Html:
    """Para la lección: la tabla hora × día con su pie sintético."""
    e = c.estado_puntos(distrito, tipos_, tuple(horas), tuple(meses))
    from lideres.tablero import partes

    return Html(html_hora_dia(e) + partes.html_estilo(css()))


def tabla_cronicos(distrito: str = "El Porvenir"):
    """Para la lección: cuántas celdas son punto caliente crónico, intermitente o pasajero (Gi* en
    cada semestre, sobre la misma grilla). Datos sintéticos."""
    import pandas as pd

    t = c.cronicos_y_pasajeros(c.incidentes(distrito))
    clases = ("crónica", "intermitente", "pasajera")
    cuantas = t["clase"].value_counts()
    return pd.DataFrame({
        "Clase de celda (datos sintéticos)": ["Crónica: caliente en casi todos los semestres",
                                              "Intermitente: caliente en la mitad de los semestres",
                                              "Pasajera: caliente en un solo semestre"],
        "Celdas": [int(cuantas.get(k, 0)) for k in clases],
    })
