"""La página ligera del tablero del módulo 08 (lideres.ligera): método × radio × k. Sale del mismo
tablero de Voilà (la frase de cuántos registros identifican una casa y los dos mapas)."""

from lideres.ligera import Ligera

LIGERA = Ligera(
    modulo="08_datos_responsables",
    controles=("metodo", "radio", "k"),
)
