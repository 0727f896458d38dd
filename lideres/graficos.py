"""Figuras estáticas (matplotlib) para el libro: se leen impresas y sin internet.

Usan los mismos colores, clases y notas que el tablero (`lideres.tablero.estado`), para que
el libro y el tablero digan lo mismo.
"""

from __future__ import annotations

import math
import textwrap

from lideres import formato
from lideres.tablero.estado import (
    AMBITOS,
    BORDE,
    BORDE_SELECCION,
    DESTACADO,
    SIN_DATO,
    EstadoTablero,
    numero_medida,
)

COLOR_BARRA = "#2c7fb8"
# El naranja de la selección del tablero: se distingue del azul también con daltonismo.
COLOR_DESTACADO = BORDE_SELECCION
# Nombres que el mapa escribe: los dos de la lectura equivocada (San Juan de Lurigancho y Cercado).
ROTULOS = (DESTACADO, "150101")


def _pyplot():
    import matplotlib.pyplot as plt

    return plt


def _pie(fig, textos: list[str], ancho: int = 95) -> None:
    """Fuente y notas al pie de la figura, en líneas cortas."""
    lineas = []
    for t in textos:
        lineas.extend(textwrap.wrap(t, ancho, break_on_hyphens=False))
    fig.text(0.01, 0.01, "\n".join(lineas), fontsize=8, color="#333333", va="bottom", ha="left")


def _trazo(geometria):
    """Un polígono de shapely (con huecos) como trazo de matplotlib."""
    from matplotlib.path import Path

    partes = [Path(list(geometria.exterior.coords), closed=True)]
    partes += [Path(list(h.coords), closed=True) for h in geometria.interiors]
    return Path.make_compound_path(*partes)


def mapa_estatico(anio: int = 2025, medida: str = "conteo"):
    """Mapa de coropletas de Lima y Callao con la medida y el año elegidos.

    medida: «conteo» (número de denuncias) o «tasa_100k» (denuncias por 100 mil habitantes).
    Devuelve una figura de matplotlib (en un cuaderno se dibuja sola).
    """
    from matplotlib.patches import Patch, PathPatch
    from shapely.geometry import shape

    from lideres.limites import cargar_limites

    estado = EstadoTablero(medida=medida, anio=anio)
    colores = estado.colores()
    inestables = estado.inestables() if estado.es_tasa else set()
    limites = cargar_limites(ambitos=AMBITOS)
    tabla = estado.tabla()
    nombres = dict(zip(tabla["ubigeo"], tabla["distrito"], strict=True))

    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7.5, 9))
    lats = []
    for rasgo in limites["features"]:
        ubigeo = str(rasgo["properties"]["ubigeo"])
        geometria = shape(rasgo["geometry"])
        poligonos = list(geometria.geoms) if hasattr(geometria, "geoms") else [geometria]
        for p in poligonos:
            ax.add_patch(
                PathPatch(
                    _trazo(p),
                    facecolor=colores.get(ubigeo, SIN_DATO),
                    edgecolor=BORDE,
                    linewidth=0.6,
                    hatch="////" if ubigeo in inestables else None,
                )
            )
        lats.append(geometria.centroid.y)
        if ubigeo in ROTULOS:
            punto = geometria.representative_point()
            ax.annotate(
                nombres.get(ubigeo, ubigeo),
                xy=(punto.x, punto.y),
                xytext=(punto.x + 0.12, punto.y + (0.05 if ubigeo == DESTACADO else -0.07)),
                fontsize=9,
                arrowprops={"arrowstyle": "-", "color": "#222222", "lw": 0.8},
                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#888888", "lw": 0.5},
            )
    ax.autoscale_view()
    ax.set_aspect(1 / math.cos(math.radians(sum(lats) / len(lats))))
    ax.set_axis_off()

    leyenda = estado.leyenda()
    manijas = [Patch(facecolor=c, edgecolor=BORDE, label=t) for c, t in leyenda["clases"]]
    if estado.es_tasa:
        manijas.append(
            Patch(
                facecolor="white", edgecolor=BORDE, hatch="////", label="* tasa inestable (rayado)"
            )
        )
    ax.legend(
        handles=manijas,
        title="\n".join(textwrap.wrap(leyenda["unidades"], 32, break_on_hyphens=False)),
        loc="lower left",
        fontsize=8,
        title_fontsize=9,
        frameon=True,
    )
    ax.set_title(f"{estado.titulo()}\nLima Metropolitana y Callao, por distrito", fontsize=12)
    notas = [leyenda["fuente"], limites["nota"]]
    if estado.es_tasa:
        notas.insert(0, leyenda["nota_inestable"])
    _pie(fig, notas)
    fig.subplots_adjust(left=0.02, right=0.98, top=0.93, bottom=0.08 + 0.02 * len(notas))
    plt.close(fig)  # la devolvemos: así el cuaderno la dibuja una sola vez
    return fig


def grafico_ranking(anio: int = 2025, medida: str = "conteo", n: int = 10):
    """Barras horizontales: los `n` distritos con el valor más alto, y San Juan de Lurigancho.

    Si San Juan de Lurigancho no está entre los primeros, aparece al final con su puesto.
    """
    estado = EstadoTablero(medida=medida, anio=anio)
    filas = estado.ranking(n=int(n))
    # Sin el distrito elegido: aquí solo los n primeros y San Juan de Lurigancho.
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7.5, 0.38 * len(filas) + 1.8))
    posiciones = list(range(len(filas)))[::-1]
    valores = [f["valor"] for f in filas]
    colores = [COLOR_DESTACADO if f["destacado"] else COLOR_BARRA for f in filas]
    barras = ax.barh(posiciones, valores, color=colores, edgecolor=BORDE, linewidth=0.4)
    for barra, f in zip(barras, filas, strict=True):
        if f["inestable"]:
            barra.set_hatch("////")
    etiquetas = []
    for f in filas:
        prefijo = "… " if f["salto"] else ""
        etiquetas.append(f"{prefijo}{f['puesto']}. {f['distrito']}")
    ax.set_yticks(posiciones, etiquetas, fontsize=9)
    maximo = max(valores) if valores else 1
    for y, f in zip(posiciones, filas, strict=True):
        ax.text(
            f["valor"] + maximo * 0.01,
            y,
            numero_medida(f["valor"], medida),
            va="center",
            fontsize=8,
        )
    ax.set_xlim(0, maximo * 1.15)
    ax.xaxis.set_major_formatter(lambda x, _pos: formato.numero(x))
    ax.spines[["top", "right"]].set_visible(False)
    if estado.es_tasa:
        ax.set_xlabel("Denuncias por cada 100,000 habitantes")
        titulo = f"Los {n} distritos con la tasa más alta, {anio}"
    else:
        ax.set_xlabel("Número de denuncias")
        titulo = f"Los {n} distritos con más denuncias, {anio}"
    ax.set_title(titulo + "\n(en naranja: San Juan de Lurigancho)", fontsize=11)
    leyenda = estado.leyenda()
    notas = [leyenda["fuente"]]
    if any(f["inestable"] for f in filas):
        notas.insert(0, leyenda["nota_inestable"])
    _pie(fig, notas)
    fig.tight_layout(rect=(0, 0.05 + 0.03 * len(notas), 1, 1))
    plt.close(fig)
    return fig


# Encabezados para leer la tabla de conteos y tasas (los nombres de columna quedan en el código).
ENCABEZADOS = {
    "distrito": "Distrito",
    "ambito": "Ámbito",
    "poblacion": "Población (2020)",
    "conteo": "Denuncias",
    "tasa_100k": "Tasa por 100 mil hab.",
    "inestable": "Tasa inestable",
    "puesto_conteo": "Puesto por denuncias",
    "puesto_tasa": "Puesto por tasa",
}


def tabla_legible(tabla):
    """La tabla de conteos y tasas lista para leer: encabezados en español y números es-PE.

    No cambia la tabla: devuelve una vista con formato (se ve igual en el cuaderno y en el libro).
    """
    columnas = [c for c in ENCABEZADOS if c in tabla.columns]
    vista = tabla[columnas].rename(columns=ENCABEZADOS)
    formatos = {
        "Población (2020)": formato.numero,
        "Denuncias": formato.numero,
        "Tasa por 100 mil hab.": lambda v: numero_medida(v, "tasa_100k"),
        "Tasa inestable": lambda v: "sí *" if v else "no",
        "Puesto por denuncias": formato.numero,
        "Puesto por tasa": formato.numero,
    }
    formatos = {k: f for k, f in formatos.items() if k in vista.columns}
    numericas = [k for k in formatos if k != "Tasa inestable"]
    return (
        vista.style.format(formatos)
        .hide(axis="index")
        .set_properties(subset=numericas, **{"text-align": "right"})
    )
