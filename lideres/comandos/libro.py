"""`lideres libro`: construir el libro del curso en book/_build/html, sin internet."""

from __future__ import annotations


def agregar(parser):
    parser.epilog = (
        "Copia los cuadernos de los módulos listos a book/modulos/, ejecuta los capítulos y "
        "construye el HTML con los avisos tratados como errores. No usa internet."
    )


def ejecutar(args) -> int:
    from lideres.libro import construir

    construir()
    return 0
