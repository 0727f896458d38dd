"""`lideres libro`: construir el libro del curso en book/_build/html, sin internet (con `--modo hub`,
el del JupyterHub del curso, en book/_build/hub/)."""

from __future__ import annotations


def agregar(parser):
    parser.epilog = (
        "Copia los cuadernos de los módulos listos a book/modulos/, ejecuta los capítulos que "
        "cambiaron y construye el HTML con los avisos tratados como errores. No usa internet."
    )
    parser.add_argument("--forzar", action="store_true",
                        help="construir todo de nuevo aunque nada haya cambiado")
    parser.add_argument("--modo", choices=["taller", "sitio", "hub", "facilitador", "hub-facilitador"], default="taller",
                        help="«taller» (por defecto): el que sirve `lideres taller` en /libro/; «hub»: el "
                             "que sirve el JupyterHub del curso en /services/libro/ (los tableros se "
                             "abren en el servidor de cada persona); «sitio»: el de `make sitio`; «facilitador»: la "
                             "edición de quien facilita, con las páginas «Para facilitadores» y sus "
                             "respuestas (los otros no las traen); «hub-facilitador»: esa edición para el "
                             "JupyterHub, que la sirve solo al grupo «facilitadores»")


def ejecutar(args) -> int:
    from lideres.libro import construir

    construir(forzar=getattr(args, "forzar", False), modo=getattr(args, "modo", "taller"))
    return 0
