"""La página ligera del tablero del módulo 02 (lideres.ligera): medida × año, y la ficha de cada
distrito al tocarlo. Sale del mismo tablero de Voilà."""

from lideres.ligera import Ligera


def _tablero():
    from lideres.tablero import tablero_conteos_y_tasas

    return tablero_conteos_y_tasas()


LIGERA = Ligera(
    modulo="02_conteos_y_tasas",
    tablero=_tablero,
    controles=("control_medida", "control_anio"),
    eleccion="control_distrito",
    fichas=("info",),
)
