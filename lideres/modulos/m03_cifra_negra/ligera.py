"""La página ligera del tablero del módulo 03 (lideres.ligera): el lugar y el supuesto «si
denunciaran… de cada 100». Sale del mismo tablero de Voilà (la fábrica `tablero()` de esta casa)."""

from lideres.ligera import Ligera

LIGERA = Ligera(
    modulo="03_cifra_negra",
    controles=("control_ambito", "control_supuesto"),
)
