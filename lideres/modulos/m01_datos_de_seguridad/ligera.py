"""La página ligera del tablero del módulo 01 (lideres.ligera): el distrito sintético, y el
departamento y el año de las denuncias. Sale del mismo tablero de Voilà."""

from lideres.ligera import Ligera


def _tablero():
    from lideres.tablero.fuentes import tablero_fuentes

    return tablero_fuentes()


LIGERA = Ligera(
    modulo="01_datos_de_seguridad",
    tablero=_tablero,
    controles=("control_distrito", "control_departamento", "control_anio"),
)
