"""La página ligera del tablero del módulo 04 (lideres.ligera): el lugar y el año. Sale del mismo
tablero de Voilà."""

from lideres.ligera import Ligera

LIGERA = Ligera(
    modulo="04_percepcion",
    controles=("control_ambito", "control_anio"),
)
