"""La página ligera del tablero del módulo 03 (lideres.ligera): el lugar y cuántas víctimas de cada
100 denuncian. El número de denuncias es el del lugar: escribir otro necesita la versión completa."""

from lideres.ligera import Ligera


def _tablero():
    from lideres.tablero.cifra_negra import tablero_cifra_negra

    return tablero_cifra_negra()


def _etiquetas() -> dict[str, str]:
    from lideres import cifra_negra as cn

    return {"control_denuncias": f"Número de denuncias en {cn.ANIO_DENUNCIAS}:"}


LIGERA = Ligera(
    modulo="03_cifra_negra",
    tablero=_tablero,
    controles=("control_ambito", "control_denuncian"),
    etiquetas=_etiquetas(),
    nota="Para escribir tu propio número de denuncias, abre la versión completa del tablero.",
)
