"""La página ligera del tablero del módulo 04 (lideres.ligera): el lugar y el año. Sale del mismo
tablero de Voilà."""

from lideres.ligera import Ligera


def _tablero():
    from lideres.tablero.percepcion import tablero_percepcion

    return tablero_percepcion()


LIGERA = Ligera(
    modulo="04_percepcion",
    tablero=_tablero,
    controles=("control_ambito", "control_anio"),
)
