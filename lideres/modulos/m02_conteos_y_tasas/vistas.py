"""HTML del tablero del módulo 02 (título, los tres primeros, leyenda, ficha, ranking y estilos),
como texto puro: del estado (`calculos.EstadoTablero`) a HTML, sin widgets.

La ficha, el ranking en barras y los estilos son partes compartidas (`lideres.tablero.ficha`,
`lideres.tablero.ranking`, `lideres.tablero.partes`); aquí va lo que dice el módulo 02.
Clases CSS y atributos `data-*` estables: las pruebas en navegador se apoyan en ellos
(ver notebooks/README.md, «Para pruebas en navegador»).
"""

from __future__ import annotations

from markupsafe import Markup

from lideres.jinja import plantillas_de
from lideres.modulos.m02_conteos_y_tasas import calculos
from lideres.modulos.m02_conteos_y_tasas.calculos import EstadoTablero
from lideres.tablero import ficha, partes, ranking


def _plantilla(nombre: str, **valores) -> str:
    return plantillas_de(__file__).get_template(nombre).render(**valores)


def html_estilos() -> str:
    return partes.html_estilos_base()


# Lo primero que lee quien viene de Trujillo (issue 18): el mapa no lo tiene, y por qué.
NOTA_TRUJILLO = (
    "Lima Metropolitana y Callao. Trujillo no está: no encontramos denuncias publicadas por distrito. "
    "Para El Porvenir, La Esperanza o Florencia de Mora, la lección da la tasa de toda la provincia."
)


def html_titulo(estado: EstadoTablero) -> str:
    return _plantilla("titulo.html.j2", medida=estado.medida, anio=estado.anio, titulo=estado.titulo(),
                      nota=NOTA_TRUJILLO)


def html_primeros(estado: EstadoTablero) -> str:
    """Una línea junto a los controles con los tres primeros: en un celular el ranking completo
    queda dos pantallas más abajo, y esto es lo que cambia al tocar «Tasa» o el año."""
    medida = "tasa por 100 mil habitantes" if estado.es_tasa else "número de denuncias"
    return _plantilla("primeros.html.j2", medida=medida, anio=estado.anio, primeros=estado.primeros(),
                      cuantos=texto_cuantos(estado))


def texto_cuantos(estado: EstadoTablero) -> str:
    """Lo que dice el ranking de debajo del mapa, con sus números: no es el ranking completo."""
    return (f"Debajo del mapa, los {calculos.N_BARRAS} primeros de {len(estado.tabla())} distritos; "
            "toca un distrito en el mapa para ver su puesto.")


def nota_destacado(estado: EstadoTablero) -> str:
    """Por qué una barra tiene fondo aunque nadie haya elegido nada: es el distrito de la lección."""
    nombre = estado.info(calculos.DESTACADO)["distrito"]
    return f"Con fondo naranja: {nombre}, el distrito del ejemplo de la lección (no es el elegido)."


def html_leyenda(estado: EstadoTablero) -> str:
    return _plantilla("leyenda.html.j2", medida=estado.medida, anio=estado.anio, ley=estado.leyenda())


def html_info(estado: EstadoTablero) -> str:
    datos = estado.info()
    if datos is None:
        return ficha.html_ficha_vacia()
    lineas = Markup(_plantilla("ficha_lineas.html.j2", d=datos))
    return ficha.html_ficha(datos["ubigeo"], datos["distrito"], datos["ambito"], lineas)


def html_ranking(estado: EstadoTablero) -> str:
    if estado.es_tasa:
        subtitulo = "Distritos ordenados por tasa (denuncias por cada 100 mil habitantes)"
    else:
        subtitulo = "Distritos ordenados por número de denuncias"
    notas = [nota_destacado(estado)] + (["* tasa inestable"] if estado.es_tasa else [])
    return ranking.html_ranking(
        estado.ranking(),
        f"{subtitulo}, {estado.anio}: los {calculos.N_BARRAS} primeros de {len(estado.tabla())}",
        nota=" ".join(notas),
        datos={"medida": estado.medida, "anio": estado.anio},
    )
