"""`lideres libro`: pendiente."""

from lideres.errores import ErrorLideres


def agregar(parser):
    pass


def ejecutar(args):
    raise ErrorLideres("Esta orden todavía no está lista.")
