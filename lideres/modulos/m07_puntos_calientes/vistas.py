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

PLANTILLAS = Path(__file__).with_name("plantillas")
# Azules secuenciales (ColorBrewer «Blues»): se leen en gris y con daltonismo. El cuarto es
# el #2171b5 (no el #3182bd): el texto blanco encima necesita contraste 4.5:1 (axe).
AZULES = ("#eff3ff", "#bdd7e7", "#6baed6", "#2171b5", "#08519c")
LADO = 10  # unidades SVG por celda


def _entorno() -> jinja2.Environment:
    return plantillas_de(__file__)


def css() -> str:
    return (PLANTILLAS / "puntos_calientes.css").read_text(encoding="utf-8")


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
def _contorno_lonlat(distrito: str) -> tuple:
    from lideres.limites import cargar_limites

    for rasgo in cargar_limites()["features"]:
        if rasgo["properties"].get("distrito") == distrito:
            g = rasgo["geometry"]
            polis = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
            return tuple(tuple((p[0], p[1]) for p in poli[0]) for poli in polis)
    return ()


def _a_svg(grilla: c.Grilla, filas: int, lon: float, lat: float) -> tuple[float, float]:
    x = (lon - grilla.lon0) * grilla.metros_por_grado_lon / grilla.tamano_m * LADO
    y = (filas - (lat - grilla.lat0) * c.METROS_POR_GRADO_LAT / grilla.tamano_m) * LADO
    return round(x, 1), round(y, 1)


def svg_celdas(estado: dict, marca: dict | None = None) -> str:
    """El mapa de celdas del estado: color por casos, borde naranja si es punto caliente (Gi*), y
    la marca del líder (si la hay) con borde de rayas. Incluye leyenda y pie (nivel · periodo ·
    fuente sintética)."""
    grilla: c.Grilla = estado["grilla"]
    filas, columnas = grilla.valores.shape
    tabla = estado["celdas"]
    limites = cortes(int(tabla["valor"].max()) if len(tabla) else 1)
    marcadas = marca["dentro"] if marca is not None else np.zeros(len(tabla), dtype=bool)
    celdas = [{"x": int(f.columna) * LADO, "y": (filas - 1 - int(f.fila)) * LADO, "valor": int(f.valor),
               "color": _color(int(f.valor), limites), "caliente": bool(f.caliente), "marcada": bool(m)}
              for f, m in zip(tabla.itertuples(), marcadas, strict=True)]
    xs, ys = [0.0, columnas * LADO], [0.0, filas * LADO]
    partes = []
    for anillo in _contorno_lonlat(estado["distrito"]):
        pts = [_a_svg(grilla, filas, lon, lat) for lon, lat in anillo]
        xs += [p[0] for p in pts]
        ys += [p[1] for p in pts]
        partes.append("M" + " L".join(f"{x} {y}" for x, y in pts) + "Z")
    caja = f"{min(xs) - 4} {min(ys) - 4} {max(xs) - min(xs) + 8} {max(ys) - min(ys) + 8}"
    casos = estado["casos"]
    alt = (f"Mapa de celdas de {int(grilla.tamano_m)} m de {estado['distrito']} (datos sintéticos): "
           f"{formato.numero(casos)} casos en {len(celdas)} celdas; {estado['n_calientes']} celdas son "
           "punto caliente.")
    return _entorno().get_template("celdas.svg.j2").render(
        distrito=estado["distrito"], casos=casos, n_calientes=estado["n_calientes"], caja=caja, alt=alt,
        contorno="".join(partes), celdas=celdas, lado=LADO, leyenda=leyenda(limites), marca=marca is not None,
        nivel=estado["nivel"], periodo=estado["periodo"], pie=estado["pie"], nota_excluido=estado["nota_excluido"])


def html_hora_dia(estado: dict) -> str:
    """La tabla hora × día con fondo según los casos (más oscuro, más casos)."""
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
        pie=f"{estado['periodo']} · {estado['pie']}")


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


def html_paso(titulo: str, texto: str) -> str:
    """Un paso del tablero (1: marca tu zona; 2: compara) con lo que hay que hacer."""
    return _entorno().get_template("paso.html.j2").render(titulo=titulo, texto=texto)


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
