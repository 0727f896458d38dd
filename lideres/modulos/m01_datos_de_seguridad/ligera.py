"""La página ligera del tablero del módulo 01 (lideres.ligera): el distrito sintético, y el
departamento y el año de las denuncias. Sale del mismo tablero de Voilà (la fábrica `tablero()` de esta casa)."""

from lideres.ligera import Ligera

LIGERA = Ligera(
    modulo="01_datos_de_seguridad",
    controles=("control_distrito", "control_departamento", "control_anio"),
)
