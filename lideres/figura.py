"""Figuras de matplotlib que se leen en un celular de 360 px: angostas y con letra grande.

La misma figura va al tablero (como imagen, `lideres.tablero.partes.html_figura`) y al libro (salida
de una celda). En los dos, a 360 px de ancho la imagen se ve a unos 300-330 px: una letra de
`LETRA` puntos en una figura de `ANCHO` pulgadas mide LETRA / 72 × 300 / ANCHO ≈ 12.5 px en
pantalla. La meta (issue 22) es al menos 12 px: tests/navegador/test_navegador_letra.py lo mide en
Chromium y tests/test_figura.py lo calcula para las figuras del libro.

`armar()` da la figura con su título arriba y sus notas (fuente, nivel, periodo) abajo, en líneas
cortas; el alto crece con las líneas, el ancho no.
"""

from __future__ import annotations

import textwrap

ANCHO = 4.0           # pulgadas
LETRA = 11.5          # puntos: ejes, leyenda, rótulos y notas
LETRA_TITULO = 13
TITULO_CARACTERES = 34
NOTA_CARACTERES = 42
INTERLINEA = 1.3      # alto de una línea, en veces la letra
EJE_X = 0.6           # pulgadas bajo el gráfico para los años y el nombre del eje


def lineas(textos, ancho: int = NOTA_CARACTERES) -> list[str]:
    """Los textos partidos en líneas de `ancho` caracteres como mucho (sin cortar palabras)."""
    salida: list[str] = []
    for t in textos:
        salida.extend(textwrap.wrap(t, ancho, break_on_hyphens=False))
    return salida


def alto_lineas(n: int, letra: float = LETRA) -> float:
    """Pulgadas que ocupan `n` líneas de texto."""
    return n * letra * INTERLINEA / 72


def armar(alto_grafico: float, titulo: str, notas=(), filas: int = 1, izquierda: float = 0.2,
          entre: float = 0.0, encima: float = 0.0, eje_x: float = EJE_X, **opciones):
    """Figura de ANCHO pulgadas: título (partido en líneas) arriba, `encima` pulgadas libres para
    una leyenda o el título del primer panel, `filas` gráficos de `alto_grafico` pulgadas cada uno
    (con `entre` pulgadas entre ellos) y las notas abajo. Devuelve (fig, ejes) como plt.subplots."""
    import matplotlib.pyplot as plt

    renglones_titulo = textwrap.wrap(titulo, TITULO_CARACTERES)
    renglones_notas = lineas(notas)
    arriba = alto_lineas(len(renglones_titulo), LETRA_TITULO) + 0.25 + encima
    abajo = eje_x + (alto_lineas(len(renglones_notas)) + 0.15 if renglones_notas else 0.1)
    alto = arriba + filas * alto_grafico + (filas - 1) * entre + abajo
    fig, ejes = plt.subplots(filas, 1, figsize=(ANCHO, alto), **opciones)
    fig.text(0.02, 1 - 0.08 / alto, "\n".join(renglones_titulo), fontsize=LETRA_TITULO, va="top", ha="left")
    if renglones_notas:
        fig.text(0.02, 0.08 / alto, "\n".join(renglones_notas), fontsize=LETRA, color="#333333",
                 va="bottom", ha="left")
    fig.subplots_adjust(left=izquierda, right=0.96, top=1 - arriba / alto, bottom=abajo / alto,
                        hspace=entre / alto_grafico if filas > 1 else None)
    return fig, ejes


def leyenda_encima(ax, **opciones):
    """La leyenda en una columna sobre el gráfico (dentro taparía las barras o líneas con la letra
    grande). Necesita `encima=alto_leyenda(n)` en armar()."""
    return ax.legend(loc="lower left", bbox_to_anchor=(-0.02, 1.0), fontsize=LETRA, frameon=False, ncol=1,
                     borderaxespad=0.2, handlelength=1.6, **opciones)


def alto_leyenda(entradas: int) -> float:
    """Pulgadas que ocupa una leyenda de una columna con `entradas` líneas."""
    return (entradas * 1.25 + entradas * 0.5) * LETRA / 72 + 0.1


def ejes_legibles(ax) -> None:
    """Marcas de los ejes a la letra de la figura, sin bordes de arriba ni de la derecha."""
    ax.tick_params(labelsize=LETRA)
    ax.spines[["top", "right"]].set_visible(False)
