"""HTML del tablero del módulo 02 (título, los tres primeros, leyenda, ficha, ranking y estilos),
como texto puro: del estado (`calculos.EstadoTablero`) a HTML, sin widgets.

La ficha, el ranking en barras y los estilos son partes compartidas (`lideres.tablero.ficha`,
`lideres.tablero.ranking`, `lideres.tablero.partes`); aquí va lo que dice el módulo 02.
Clases CSS y atributos `data-*` estables: las pruebas en navegador se apoyan en ellos
(ver notebooks/README.md, «Para pruebas en navegador»).
"""

from __future__ import annotations

from html import escape

from lideres.modulos.m02_conteos_y_tasas.calculos import EstadoTablero
from lideres.tablero import ficha, partes, ranking


def html_estilos() -> str:
    return partes.html_estilos_base()


# Lo primero que lee quien viene de Trujillo (issue 18): el mapa no lo tiene, y por qué.
NOTA_TRUJILLO = (
    "Lima Metropolitana y Callao. Trujillo no está: no encontramos denuncias publicadas por distrito. "
    "Para El Porvenir, La Esperanza o Florencia de Mora, la lección da la tasa de toda la provincia."
)


def html_titulo(estado: EstadoTablero) -> str:
    return (
        f'<h2 class="lideres-titulo" lang="es" data-medida="{estado.medida}" '
        f'data-anio="{estado.anio}">{escape(estado.titulo())}</h2>'
        f'<p class="lideres-nota lideres-nota-trujillo" lang="es">{escape(NOTA_TRUJILLO)}</p>'
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
    datos = estado.info()
    if datos is None:
        return ficha.html_ficha_vacia()
    aviso = ""
    if datos["inestable"]:
        aviso = (
            '<p class="lideres-aviso">* Tasa inestable: pocas personas o pocas denuncias; '
            "unos casos más o menos la cambian mucho.</p>"
        )
    limite = ""
    if datos.get("aviso_limite"):
        limite = f'<p class="lideres-nota lideres-aviso-limite">Mapa: {escape(datos["aviso_limite"])}</p>'
    lineas = (
        f"<p>Denuncias en {datos['anio']}: <strong>{datos['texto_conteo']}</strong>"
        f" (puesto {datos['puesto_conteo']} de {datos['total']})</p>"
        f"<p>Población estimada 2020: <strong>{datos['texto_poblacion']}</strong></p>"
        f"<p>Tasa por 100 mil habitantes: <strong>{datos['texto_tasa']}</strong>"
        f" (puesto {datos['puesto_tasa']} de {datos['total']})</p>"
        f"{aviso}{limite}"
    )
    return ficha.html_ficha(datos["ubigeo"], datos["distrito"], datos["ambito"], lineas)


def html_ranking(estado: EstadoTablero) -> str:
    if estado.es_tasa:
        subtitulo = "Distritos ordenados por tasa (denuncias por cada 100 mil habitantes)"
    else:
        subtitulo = "Distritos ordenados por número de denuncias"
    return ranking.html_ranking(
        estado.ranking(),
        f"{subtitulo}, {estado.anio}",
        nota="* tasa inestable" if estado.es_tasa else "",
        datos={"medida": estado.medida, "anio": estado.anio},
    )
