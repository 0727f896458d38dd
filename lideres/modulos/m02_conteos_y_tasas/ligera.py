"""La página ligera del tablero del módulo 02 (lideres.ligera): medida × año, y la ficha de cada
distrito al tocarlo. Sale del mismo tablero de Voilà (la fábrica `tablero()` de esta casa)."""

from lideres.ligera import Ligera

LIGERA = Ligera(
    modulo="02_conteos_y_tasas",
    controles=("control_medida", "control_anio"),
    eleccion="control_distrito",
    fichas=("info",),
)
