"""Partes que comparten los tableros de todos los módulos (HTML puro y, aparte, su widget).

«Antes de concluir»: un recuadro corto con lo que hay que recordar antes de sacar conclusiones del
tablero. Cada módulo elige sus puntos; las frases comunes están aquí para que todos digan lo mismo.

    from lideres.tablero.partes import antes_de_concluir, DENUNCIAS_NO_SON_DELITOS
    caja = antes_de_concluir([DENUNCIAS_NO_SON_DELITOS, "Otro punto del módulo."])

Además (rama h8-modulos), piezas de los tableros de los módulos 03 en adelante: un control con su
etiqueta unida (`control`), una figura de matplotlib como imagen dentro de la página con texto
alternativo (`html_figura`: funciona sin internet y sin JavaScript extra), el estilo común
(`html_estilos`) y el aviso de datos sintéticos (`html_sintetico`).
"""

from __future__ import annotations

import base64
import io

from markupsafe import Markup

from lideres.jinja import plantillas_de

# Angosto (teléfono): todo en una columna. Desde 900 px: mapa a la izquierda, ranking a la derecha.
CSS_BASE = """
.lideres-tablero { box-sizing: border-box; width: 100%; max-width: 1280px; margin: 0 auto;
  overflow-x: hidden; font-size: 15px; line-height: 1.35; }
.lideres-tablero * { box-sizing: border-box; }
.lideres-tablero .widget-html-content { line-height: 1.4; }
.lideres-tablero .lideres-titulo { font-size: 1.25em; margin: 0.2em 0 0.4em; }
.lideres-tablero .lideres-controles { display: flex; flex-wrap: wrap; gap: 8px 24px;
  width: 100%; align-items: flex-end; }
.lideres-tablero .lideres-control { min-width: 0; max-width: 100%; }
.lideres-tablero .lideres-control .widget-label-basic,
.lideres-tablero .lideres-etiqueta { font-weight: 600; }
.lideres-tablero .lideres-control .widget-toggle-buttons { display: flex; flex-wrap: wrap;
  gap: 4px; max-width: 100%; }
.lideres-tablero .lideres-control button { min-height: 44px; min-width: 44px; width: auto;
  max-width: 100%; height: auto; padding: 6px 14px; white-space: normal; font-size: 15px; }
.lideres-tablero .lideres-control select { min-height: 44px; font-size: 15px; max-width: 100%; }
/* Botón elegido: no solo un tono de gris (azul oscuro, letra blanca, raya naranja y ✓). */
.lideres-tablero .lideres-control .widget-toggle-button { background: #fff; color: #1f1f1f;
  border: 1px solid #555; }
.lideres-tablero .lideres-control .widget-toggle-button.mod-active { background: #253494;
  color: #fff; font-weight: 700; box-shadow: inset 0 -4px 0 #d95f02; }
.lideres-tablero .lideres-control .widget-toggle-button.mod-active::before { content: "✓ "; }
.lideres-tablero .lideres-control-distrito .widget-label { font-weight: 600; width: auto;
  max-width: 100%; white-space: normal; }
.lideres-tablero .lideres-control-distrito .widget-dropdown { flex-wrap: wrap; }
.lideres-tablero .lideres-control .widget-dropdown { max-width: 100%; width: 100%;
  height: auto; }
.lideres-tablero .lideres-cuerpo { display: flex; flex-direction: column; gap: 12px;
  width: 100%; }
.lideres-tablero .lideres-columna-mapa, .lideres-tablero .lideres-columna-lado {
  min-width: 0; width: 100%; }
.lideres-tablero .lideres-mapa { width: 100%; height: 50vh; min-height: 260px;
  max-height: 620px; }
.lideres-tablero .leaflet-container { background: #f4f1ea; }
.lideres-tablero .leaflet-bar a { width: 44px; height: 44px; line-height: 44px;
  font-size: 22px; }
@media (min-width: 900px) {
  .lideres-tablero .lideres-cuerpo { flex-direction: row; align-items: flex-start; }
  .lideres-tablero .lideres-columna-mapa { flex: 3 1 0; }
  .lideres-tablero .lideres-columna-lado { flex: 2 1 0; }
}
.lideres-leyenda, .lideres-info, .lideres-ranking { font-size: 14px; }
.lideres-leyenda p, .lideres-info p { margin: 0.25em 0; }
.lideres-leyenda-clases { list-style: none; padding: 0; margin: 0.3em 0; }
.lideres-leyenda-clases li { display: flex; align-items: center; gap: 8px; margin: 2px 0; }
.lideres-muestra { display: inline-block; width: 22px; height: 16px; border: 1px solid #444;
  flex: none; }
.lideres-muestra-inestable { border: 2px dashed #444; background: #fff; }
.lideres-fuente, .lideres-nota-limites, .lideres-nota { color: #444; font-size: 13px; }
.lideres-info { border: 1px solid #ccc; border-radius: 6px; padding: 8px 10px; background: #fafafa; }
.lideres-info-nombre { font-weight: 700; font-size: 16px; }
.lideres-aviso { color: #7a3e00; }
.lideres-ranking-filas { display: flex; flex-direction: column; gap: 4px; }
.lideres-barra { display: grid; grid-template-columns: 2.2em minmax(0, 1fr) auto;
  grid-template-areas: "puesto nombre valor" ". pista pista"; column-gap: 6px;
  padding: 2px 4px; border-radius: 4px; }
.lideres-barra-puesto { grid-area: puesto; text-align: right; color: #555; }
.lideres-barra-nombre { grid-area: nombre; overflow-wrap: anywhere; }
.lideres-barra-valor { grid-area: valor; font-variant-numeric: tabular-nums; }
.lideres-barra-pista { grid-area: pista; height: 10px; background: #eee; }
.lideres-barra-relleno { display: block; height: 100%; border-right: 1px solid #444; }
.lideres-barra-destacada { background: #fff3e0; font-weight: 700; }
.lideres-barra-seleccionada { outline: 2px solid #d95f02; }
.lideres-ranking-salto { text-align: center; color: #777; }
"""

TITULO_ANTES = "Antes de concluir"

# Frases comunes (cada una se entiende sola, en palabras sencillas).
DENUNCIAS_NO_SON_DELITOS = (
    "Las denuncias no son todos los delitos: mucha gente no denuncia, y quizá no se denuncia igual "
    "en todos los distritos."
)
VISITANTES = (
    "Donde llega mucha gente de fuera (centros comerciales, mercados, el centro de la ciudad) hay más "
    "denuncias, pero la tasa se calcula solo con quienes viven ahí."
)
POBLACION_2020 = (
    "La población es una estimación del INEI para 2020: hoy puede ser otra, sobre todo en los "
    "distritos que crecen rápido."
)
SINTETICOS = "Estos registros son sintéticos (inventados para practicar): no describen a nadie."

CSS = """
.lideres-antes { border-left: 6px solid #d95f02; background: #fff7ed; padding: 8px 12px;
  margin: 10px 0; border-radius: 4px; font-size: 15px; line-height: 1.4; color: #1f1f1f; }
.lideres-antes h3 { font-size: 16px; margin: 0 0 4px; }
.lideres-antes ul { margin: 0; padding-left: 1.2em; }
.lideres-antes li { margin: 3px 0; }
"""


def _plantilla(nombre: str, **valores) -> str:
    """Una plantilla de `lideres/tablero/plantillas/` llena (autoescape: el texto nunca se vuelve HTML)."""
    return plantillas_de(__file__).get_template(nombre).render(**valores)


def html_titulo(titulo: str, texto: str, nivel: int = 2) -> str:
    """El título de un tablero (o de una de sus partes) y la frase que dice qué hacer en él."""
    return _plantilla("titulo.html.j2", titulo=titulo, texto=texto, nivel=nivel)


def html_estilo(css: str) -> str:
    """La hoja de estilos propia de un módulo (su `vistas.css()`) como <style>."""
    return _estilos(css)


def _estilos(*hojas: str) -> str:
    """Hojas de estilo como <style>; son constantes de este archivo (Markup: no se escapan)."""
    return _plantilla("estilos.html.j2", hojas=[Markup(h) for h in hojas])


def html_antes_de_concluir(puntos: list[str] | tuple[str, ...], titulo: str = TITULO_ANTES) -> str:
    """El recuadro como HTML (sirve en el tablero y en el libro)."""
    if not puntos:
        raise ValueError("«Antes de concluir» necesita al menos un punto.")
    return _plantilla("antes_de_concluir.html.j2", puntos=puntos, titulo=titulo)


def antes_de_concluir(puntos: list[str] | tuple[str, ...], titulo: str = TITULO_ANTES):
    """El recuadro como widget (ipywidgets.HTML), con sus estilos."""
    import ipywidgets as widgets

    caja = widgets.HTML(_estilos(CSS) + html_antes_de_concluir(puntos, titulo))
    caja.add_class("lideres-antes-caja")
    return caja


# ---------------------------------------------------------------- piezas de los tableros 03+

CSS_TABLERO = """
.lideres-tablero .lideres-control .widget-inline-hbox { flex-wrap: wrap; max-width: 100%; }
/* Un deslizador envuelto (nombre, barra, valores) necesita su alto: con el fijo de ipywidgets
   los valores («0 – 23») quedaban cortados debajo de la barra. */
.lideres-tablero .lideres-control .widget-slider { height: auto; }
.lideres-tablero .lideres-control .widget-label { text-align: left; font-weight: 600; }
.lideres-tablero .lideres-control .widget-inline-hbox > .widget-label { width: 100%;
  max-width: 100%; white-space: normal; height: auto; line-height: 1.3; margin-bottom: 4px; }
.lideres-tablero .lideres-control input[type=number] { min-height: 44px; font-size: 16px;
  max-width: 100%; }
.lideres-tablero .widget-text, .lideres-tablero .widget-inline-hbox { max-width: 100%; }
.lideres-tablero .lideres-control .widget-toggle-buttons .mod-active,
.lideres-tablero .lideres-control button.mod-active { background: #1d4e64; color: #fff;
  outline: 3px solid #e69f00; outline-offset: -3px; font-weight: 700; }
.lideres-figura { margin: 0; width: 100%; }
.lideres-figura img { width: 100%; max-width: 640px; height: auto; display: block; }
.lideres-figura figcaption { font-size: 13px; color: #444; }
.lideres-resultado { border: 2px solid #1d4e64; border-radius: 8px; padding: 8px 12px;
  background: #f2f7f9; font-size: 15px; line-height: 1.4; }
.lideres-resultado strong { font-weight: 600; }
.lideres-sintetico { display: inline-block; background: #5a2d82; color: #fff; padding: 2px 8px;
  border-radius: 4px; font-weight: 700; }
"""


def html_estilos_base() -> str:
    """La hoja común de todos los tableros (controles de 44 px, una columna en el celular, mapa,
    leyenda, ficha y ranking) más la de «Antes de concluir»."""
    return _estilos(CSS_BASE + CSS)


def html_estilos() -> str:
    """Los estilos comunes más los de las piezas de los tableros 01, 03 y 04 (figura, resultado)."""
    return html_estilos_base() + _estilos(CSS + CSS_TABLERO)


def control(etiqueta: str, widget, clase: str):
    """Un control con su etiqueta encima. La etiqueta es la `description` del widget, así el
    navegador la une al control (<label for>) y los lectores de pantalla la leen."""
    import ipywidgets as widgets

    widget.description = etiqueta
    # Sin esto, ipywidgets pone title="null" en la etiqueta: al pasar el dedo se leería «null».
    widget.tooltip = ""
    widget.style.description_width = "initial"
    caja = widgets.VBox([widget], layout=widgets.Layout(max_width="100%"))
    caja.add_class("lideres-control")
    caja.add_class(clase)
    return caja


PPP_FIGURA = 110  # puntos por pulgada del PNG de una figura


def png(fig, dpi: int = PPP_FIGURA) -> bytes:
    """La figura como PNG; en la página ocupa el ancho disponible (hasta 640 px)."""
    memoria = io.BytesIO()
    fig.savefig(memoria, format="png", dpi=dpi)
    return memoria.getvalue()


def letra_minima_pt(fig) -> float:
    """La letra más chica de la figura (en puntos), entre los textos que se ven."""
    from matplotlib.text import Text

    # Las marcas de un eje apagado (ax.set_axis_off(), un mapa) no se dibujan.
    ocultos = {id(t) for ax in fig.axes if not ax.axison for eje in (ax.xaxis, ax.yaxis)
               for t in eje.findobj(Text)}
    tamanos = [t.get_fontsize() for t in fig.findobj(Text)
               if t.get_visible() and t.get_text().strip() and id(t) not in ocultos]
    return float(min(tamanos, default=0.0))


def html_figura(fig, alt: str, clase: str = "", pie: list[str] | tuple[str, ...] = ()) -> str:
    """Una figura de matplotlib como <figure> con imagen dentro de la página y texto alternativo.

    `pie`: las líneas de fuente, nivel y periodo, como texto debajo de la imagen (se leen a tamaño
    de letra del celular, no a la escala de la figura).
    `data-letra-pt` y `data-ppp` dicen la letra más chica y la resolución: con ellas una prueba en
    Chromium mide de cuántos px se ve esa letra en un celular (letra × ppp / 72 × ancho mostrado /
    ancho de la imagen)."""
    return _plantilla("figura.html.j2", datos=base64.b64encode(png(fig)).decode("ascii"), alt=alt,
                      clase=clase, pie=pie, letra_pt=letra_minima_pt(fig), ppp=PPP_FIGURA)


def html_sintetico(texto: str = SINTETICOS) -> str:
    """El aviso de datos sintéticos que va en pantalla junto a esos datos."""
    return _plantilla("sintetico.html.j2", texto=texto)
