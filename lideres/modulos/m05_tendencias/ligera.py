"""La página ligera del tablero del módulo 05 (lideres.ligera): serie × periodo × titular × ventana.
Los periodos dependen de la serie: la página trae la lista de cada serie, leída del mismo widget."""

from lideres.ligera import Ligera

LIGERA = Ligera(
    modulo="05_tendencias",
    controles=("control_serie", "control_periodo", "control_titular", "control_ventana"),
)
