"""La página ligera del tablero del módulo 06 (lideres.ligera): medida × clasificación × clases ×
colores × año. Sale del mismo tablero de Voilà (el mapa, la leyenda, la lista y los márgenes)."""

from lideres.ligera import Ligera


def _tablero():
    from lideres.modulos.m06_leer_mapas.tablero import tablero

    return tablero()


LIGERA = Ligera(
    modulo="06_leer_mapas",
    tablero=_tablero,
    controles=("control_medida", "control_esquema", "control_clases", "control_paleta", "control_anio"),
)
