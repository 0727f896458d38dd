"""`lideres libro`: construir el libro del curso en book/_build/html, sin internet."""

from __future__ import annotations


def agregar(parser):
    parser.epilog = (
        "Copia los cuadernos de los módulos listos a book/modulos/, ejecuta los capítulos que "
        "cambiaron y construye el HTML con los avisos tratados como errores. No usa internet."
    )
    parser.add_argument("--forzar", action="store_true",
                        help="construir todo de nuevo aunque nada haya cambiado")


def ejecutar(args) -> int:
    from lideres.libro import construir

    construir(forzar=getattr(args, "forzar", False))
    return 0
