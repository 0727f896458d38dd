"""Figuras estáticas (matplotlib) para el libro: se leen impresas y sin internet.

Usan los mismos colores, clases y notas que el tablero del módulo 02
(`lideres.modulos.m02_conteos_y_tasas.calculos`), para que
el libro y el tablero digan lo mismo.
"""

from __future__ import annotations

import math
import textwrap

from matplotlib.ticker import MaxNLocator

from lideres import figura, formato
from lideres.modulos.m02_conteos_y_tasas.calculos import (
    AMBITOS,
    BORDE,
    BORDE_SELECCION,
    DESTACADO,
    SIN_DATO,
    EstadoTablero,
    numero_medida,
)

COLOR_BARRA = "#2c7fb8"
# Figuras angostas y letra grande (lideres.figura): en un celular de 360 px el libro muestra la
# imagen a ~328 px y cada letra debe medir al menos 12 px en pantalla (tests/test_figura.py).
ANCHO_FIGURA = figura.ANCHO
LETRA = figura.LETRA
LETRA_CHICA = figura.LETRA  # ya no hay letra chica: la más chica también debe leerse en el celular
LETRA_TITULO = figura.LETRA_TITULO
PIE_CARACTERES = figura.NOTA_CARACTERES
# El naranja de la selección del tablero: se distingue del azul también con daltonismo.
COLOR_DESTACADO = BORDE_SELECCION
# Nombres que el mapa escribe: los dos de la lectura equivocada (San Juan de Lurigancho y Cercado).
ROTULOS = (DESTACADO, "150101")


def _pyplot():
    import matplotlib.pyplot as plt

    return plt


def _pie(fig, textos: list[str], ancho: int = PIE_CARACTERES) -> int:
    """Fuente y notas al pie de la figura, en líneas cortas."""
    lineas = []
    for t in textos:
        lineas.extend(textwrap.wrap(t, ancho, break_on_hyphens=False))
    fig.text(0.01, 0.01, "\n".join(lineas), fontsize=LETRA_CHICA, color="#333333", va="bottom", ha="left")
    return len(lineas)


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
    fig, ax = plt.subplots(figsize=(ANCHO_FIGURA, 8.0))
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
                # Con la letra grande, el nombre largo va arriba y centrado: a la derecha se salía.
                xytext=(punto.x - 0.02, punto.y + 0.14) if ubigeo == DESTACADO else (punto.x + 0.1, punto.y - 0.08),
                ha="center" if ubigeo == DESTACADO else "left",
                fontsize=LETRA,
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
    # La leyenda, debajo del mapa (encima tapaba distritos con la letra grande).
    ax.legend(
        handles=manijas,
        title="\n".join(textwrap.wrap(leyenda["unidades"], 34, break_on_hyphens=False)),
        loc="upper left",
        bbox_to_anchor=(0.0, 0.0),
        fontsize=LETRA_CHICA,
        title_fontsize=LETRA_CHICA,
        frameon=False,
        alignment="left",
    )
    titulo = "\n".join(textwrap.wrap(estado.titulo(), figura.TITULO_CARACTERES)) + "\nLima Metropolitana y Callao"
    ax.set_title(titulo, fontsize=LETRA_TITULO, loc="left")
    notas = [leyenda["fuente"], limites["nota"]]
    if estado.es_tasa:
        notas.insert(0, leyenda["nota_inestable"])
    lineas = _pie(fig, notas)
    # Alto: el mapa (5 pulgadas), la leyenda (título y clases) y las notas.
    n_leyenda = len(manijas) + len(textwrap.wrap(leyenda["unidades"], 34)) + 1
    abajo = figura.alto_lineas(lineas) + figura.alto_lineas(n_leyenda) * 1.15 + 0.3
    arriba = figura.alto_lineas(titulo.count("\n") + 1, LETRA_TITULO) + 0.2
    fig.set_figheight(5.0 + abajo + arriba)
    alto = fig.get_figheight()
    fig.subplots_adjust(left=0.02, right=0.98, top=1 - arriba / alto, bottom=abajo / alto)
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
    fig, ax = plt.subplots(figsize=(ANCHO_FIGURA, 0.55 * len(filas) + 2.6))
    posiciones = list(range(len(filas)))[::-1]
    valores = [f["valor"] for f in filas]
    colores = [COLOR_DESTACADO if f["destacado"] else COLOR_BARRA for f in filas]
    barras = ax.barh(posiciones, valores, color=colores, edgecolor=BORDE, linewidth=0.4, height=0.45)
    for barra, f in zip(barras, filas, strict=True):
        if f["inestable"]:
            barra.set_hatch("////")
    etiquetas = []
    for f in filas:
        prefijo = "… " if f["salto"] else ""
        etiquetas.append(f"{prefijo}{f['puesto']}. {f['distrito']}")
    # El nombre, encima de su barra: al lado, con letra grande, dejaba la mitad del ancho a los nombres.
    for y, etiqueta in zip(posiciones, etiquetas, strict=True):
        ax.text(0, y + 0.27, etiqueta, fontsize=LETRA, va="bottom", ha="left")
    ax.set_yticks([])
    ax.spines[["left"]].set_visible(False)
    ax.set_ylim(-0.5, len(filas) - 0.2)
    maximo = max(valores) if valores else 1
    for y, f in zip(posiciones, filas, strict=True):
        ax.text(
            f["valor"] + maximo * 0.01,
            y,
            numero_medida(f["valor"], medida),
            va="center",
            fontsize=LETRA_CHICA,
        )
    ax.set_xlim(0, maximo * 1.3)
    ax.tick_params(axis="x", labelsize=LETRA_CHICA)
    ax.xaxis.set_major_locator(MaxNLocator(3, min_n_ticks=2))
    ax.xaxis.set_major_formatter(lambda x, _pos: formato.numero(x))
    ax.spines[["top", "right"]].set_visible(False)
    if estado.es_tasa:
        ax.set_xlabel("Denuncias por 100,000 hab.", fontsize=LETRA_CHICA)
        titulo = f"Los {n} distritos con la tasa más alta, {anio}"
    else:
        ax.set_xlabel("Número de denuncias", fontsize=LETRA_CHICA)
        titulo = f"Los {n} distritos con más denuncias, {anio}"
    titulo = "\n".join(textwrap.wrap(titulo, 38)) + "\n(en naranja: San Juan de Lurigancho)"
    fig.suptitle(titulo, x=0.02, ha="left", fontsize=LETRA_TITULO)
    leyenda = estado.leyenda()
    notas = [leyenda["fuente"]]
    if any(f["inestable"] for f in filas):
        notas.insert(0, leyenda["nota_inestable"])
    lineas = _pie(fig, notas)
    alto = fig.get_figheight()
    fig.tight_layout(rect=(0, (0.1 + 0.2 * lineas) / alto, 1, 1))
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


# Formato de cada columna (por su nombre en la tabla, antes de ponerle el encabezado en español).
FORMATOS = {
    "poblacion": formato.numero,
    "conteo": formato.numero,
    "tasa_100k": lambda v: numero_medida(v, "tasa_100k"),
    "inestable": lambda v: "sí *" if v else "no",
    "puesto_conteo": formato.numero,
    "puesto_tasa": formato.numero,
}


def _con_formato(tabla, columnas, encabezados: dict):
    """Vista de `tabla[columnas]` con encabezados en español, números es-PE y números a la derecha."""
    vista = tabla[list(columnas)].rename(columns=encabezados)
    formatos = {encabezados[c]: FORMATOS[c] for c in columnas if c in FORMATOS}
    numericas = [encabezados[c] for c in columnas if c in FORMATOS and c != "inestable"]
    return (
        vista.style.format(formatos)
        .hide(axis="index")
        .set_properties(subset=numericas, **{"text-align": "right"})
    )


def tabla_legible(tabla):
    """La tabla de conteos y tasas lista para leer: encabezados en español y números es-PE.

    No cambia la tabla: devuelve una vista con formato (se ve igual en el cuaderno y en el libro).
    """
    return _con_formato(tabla, [c for c in ENCABEZADOS if c in tabla.columns], ENCABEZADOS)


# Palabras de los nombres de columna que se escriben sin tilde en el código.
TILDES = {"poblacion": "población", "anio": "año", "categoria": "categoría", "ambito": "ámbito",
          "region": "región", "numero": "número", "vehiculos": "vehículos", "victimas": "víctimas"}


def encabezado_de_columna(nombre: str) -> str:
    """`poblacion_2020` -> «Población 2020»: palabras con su tilde y la primera en mayúscula."""
    palabras = [TILDES.get(p, p) for p in str(nombre).split("_") if p]
    texto = " ".join(palabras)
    return texto[:1].upper() + texto[1:]


def tabla_de_practica(tabla):
    """Una tabla chica de práctica (la del ejercicio, en el libro) lista para leer: sin los números de
    fila de pandas, encabezados en español con tildes y cifras es-PE (1,177,629)."""
    from pandas.api.types import is_numeric_dtype

    from lideres import formato

    numericas = [c for c in tabla.columns if is_numeric_dtype(tabla[c]) and tabla[c].dtype != bool]
    encabezados = {c: encabezado_de_columna(c) for c in tabla.columns}

    def cifra(valor):
        decimales = 0 if float(valor).is_integer() else 1
        return formato.numero(valor, decimales)

    return (
        tabla.rename(columns=encabezados).style
        .format({encabezados[c]: cifra for c in numericas})
        .hide(axis="index")
        .set_properties(subset=[encabezados[c] for c in numericas], **{"text-align": "right"})
    )


# La tabla angosta: cabe en un celular de 360 px (cuatro columnas, encabezados cortos).
COLUMNAS_ANGOSTAS = ("distrito", "tasa_100k", "puesto_tasa", "inestable")
ENCABEZADOS_CORTOS = {
    "distrito": "Distrito",
    "poblacion": "Población 2020",
    "conteo": "Denuncias",
    "tasa_100k": "Tasa por 100 mil",
    "inestable": "¿Inestable?",
    "puesto_conteo": "Puesto (denuncias)",
    "puesto_tasa": "Puesto (tasa)",
}


def tabla_angosta(tabla, columnas=COLUMNAS_ANGOSTAS):
    """Como `tabla_legible`, pero solo con pocas columnas y encabezados cortos que se parten en dos
    líneas: se lee en un celular sin deslizar de lado. Por defecto: distrito, tasa, puesto por tasa
    y si la tasa es inestable."""
    from lideres.errores import ErrorLideres

    faltan = [c for c in columnas if c not in ENCABEZADOS_CORTOS or c not in tabla.columns]
    if faltan:
        raise ErrorLideres(
            f"La tabla no tiene estas columnas: {', '.join(faltan)}.",
            como_arreglar="Usa una tabla de lideres.tabla_conteos_y_tasas(año) y columnas como "
            + ", ".join(ENCABEZADOS_CORTOS) + ".",
        )
    estilo = _con_formato(tabla, columnas, ENCABEZADOS_CORTOS)
    if tabla.attrs.get("pie"):  # «nivel · periodo · fuente» de la tabla (lideres.cifras.pie)
        estilo = estilo.set_caption(tabla.attrs["pie"])
    return (
        estilo
        .set_table_styles([
            {"selector": "th", "props": [("white-space", "normal"), ("max-width", "6.5em"),
                                         ("font-size", "0.9em")]},
            {"selector": "td", "props": [("padding", "2px 6px")]},
        ])
    )
