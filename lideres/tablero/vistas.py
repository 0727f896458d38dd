"""HTML del tablero (título, leyenda, ficha, ranking y estilos), como texto puro.

Las barras son HTML y CSS: pesan poco, se ven sin internet y en cualquier teléfono.
Clases CSS y atributos `data-*` estables: las pruebas en navegador se apoyan en ellos
(ver notebooks/README.md, «Para pruebas en navegador»).
"""

from __future__ import annotations

from html import escape

from lideres.tablero import partes
from lideres.tablero.estado import EstadoTablero

# Angosto (teléfono): todo en una columna. Desde 900 px: mapa a la izquierda, ranking a la derecha.
CSS = """
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


def html_estilos() -> str:
    return f"<style>{CSS}{partes.CSS}</style>"


def html_titulo(estado: EstadoTablero) -> str:
    return (
        f'<h2 class="lideres-titulo" lang="es" data-medida="{estado.medida}" '
        f'data-anio="{estado.anio}">{escape(estado.titulo())}</h2>'
    )


def html_primeros(estado: EstadoTablero) -> str:
    """Una línea junto a los controles con los tres primeros: en un celular el ranking completo
    queda dos pantallas más abajo, y esto es lo que cambia al tocar «Tasa» o el año."""
    medida = "tasa por 100 mil habitantes" if estado.es_tasa else "número de denuncias"
    lista = ", ".join(f"{i}. {escape(d)}" for i, d in enumerate(estado.primeros(), start=1))
    return (
        f'<p class="lideres-primeros" aria-live="polite">Primeros por {medida} ({estado.anio}): '
        f"<strong>{lista}</strong>. El ranking completo está debajo del mapa.</p>"
    )


def html_leyenda(estado: EstadoTablero) -> str:
    ley = estado.leyenda()
    filas = "".join(
        f'<li class="lideres-leyenda-clase"><span class="lideres-muestra" '
        f'style="background:{color}"></span><span>{escape(texto)}</span></li>'
        for color, texto in ley["clases"]
    )
    inestable = ""
    if ley["nota_inestable"]:
        inestable = (
            '<p class="lideres-nota lideres-nota-inestable">'
            '<span class="lideres-muestra lideres-muestra-inestable"></span> '
            f"{escape(ley['nota_inestable'])} (borde punteado en el mapa)</p>"
        )
    return (
        f'<div class="lideres-leyenda" lang="es" data-medida="{estado.medida}" '
        f'data-anio="{estado.anio}">'
        f"<p><strong>{escape(ley['titulo'])}</strong><br>{escape(ley['unidades'])}</p>"
        f'<ul class="lideres-leyenda-clases">{filas}</ul>'
        f"{inestable}"
        f'<p class="lideres-nota">{escape(ley["nota_clases"])}</p>'
        f'<p class="lideres-fuente">{escape(ley["fuente"])}</p>'
        f'<p class="lideres-nota-limites">{escape(ley["nota_limites"])}</p>'
        "</div>"
    )


def html_info(estado: EstadoTablero) -> str:
    ficha = estado.info()
    if ficha is None:
        return (
            '<div class="lideres-info" lang="es" data-ubigeo="">'
            "<p>Toca un distrito en el mapa o elígelo en la lista para ver sus números.</p></div>"
        )
    aviso = ""
    if ficha["inestable"]:
        aviso = (
            '<p class="lideres-aviso">* Tasa inestable: pocas personas o pocas denuncias; '
            "unos casos más o menos la cambian mucho.</p>"
        )
    limite = ""
    if ficha.get("aviso_limite"):
        limite = f'<p class="lideres-nota lideres-aviso-limite">Mapa: {escape(ficha["aviso_limite"])}</p>'
    return (
        f'<div class="lideres-info" lang="es" data-ubigeo="{ficha["ubigeo"]}">'
        f'<p class="lideres-info-nombre">{escape(ficha["distrito"])}'
        f' <span class="lideres-nota">({escape(ficha["ambito"])})</span></p>'
        f"<p>Denuncias en {ficha['anio']}: <strong>{ficha['texto_conteo']}</strong>"
        f" (puesto {ficha['puesto_conteo']} de {ficha['total']})</p>"
        f"<p>Población estimada 2020: <strong>{ficha['texto_poblacion']}</strong></p>"
        f"<p>Tasa por 100 mil habitantes: <strong>{ficha['texto_tasa']}</strong>"
        f" (puesto {ficha['puesto_tasa']} de {ficha['total']})</p>"
        f"{aviso}{limite}</div>"
    )


def html_ranking(estado: EstadoTablero) -> str:
    filas = []
    for f in estado.ranking():
        if f["salto"]:
            filas.append('<div class="lideres-ranking-salto" aria-hidden="true">…</div>')
        clases = ["lideres-barra"]
        if f["destacado"]:
            clases.append("lideres-barra-destacada")
        if f["seleccionado"]:
            clases.append("lideres-barra-seleccionada")
        if f["inestable"]:
            clases.append("lideres-inestable")
        filas.append(
            f'<div class="{" ".join(clases)}" role="listitem" data-ubigeo="{f["ubigeo"]}" '
            f'data-puesto="{f["puesto"]}" data-valor="{f["valor"]:.1f}">'
            f'<span class="lideres-barra-puesto">{f["puesto"]}.</span>'
            f'<span class="lideres-barra-nombre">{escape(f["distrito"])}</span>'
            f'<span class="lideres-barra-valor">{f["texto"]}</span>'
            f'<span class="lideres-barra-pista"><span class="lideres-barra-relleno" '
            f'style="width:{f["ancho"]}%;background:{f["color"]}"></span></span></div>'
        )
    if estado.es_tasa:
        subtitulo = "Distritos ordenados por tasa (denuncias por cada 100 mil habitantes)"
    else:
        subtitulo = "Distritos ordenados por número de denuncias"
    nota = '<p class="lideres-nota">* tasa inestable</p>' if estado.es_tasa else ""
    return (
        f'<div class="lideres-ranking" lang="es" data-medida="{estado.medida}" '
        f'data-anio="{estado.anio}">'
        f'<p class="lideres-etiqueta">{subtitulo}, {estado.anio}</p>'
        f'<div class="lideres-ranking-filas" role="list">{"".join(filas)}</div>'
        f"{nota}</div>"
    )
