"""La página ligera del tablero del módulo 04 (lideres.ligera): el lugar y el año. Sale del mismo
tablero de Voilà."""

from lideres.ligera import Ligera


def _tablero():
    from lideres.modulos.m04_percepcion.tablero import tablero

    return tablero()


LIGERA = Ligera(
    modulo="04_percepcion",
    tablero=_tablero,
    controles=("control_ambito", "control_anio"),
)
