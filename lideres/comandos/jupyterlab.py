"""`lideres jupyterlab`: JupyterLab en español, con o sin las herramientas de quien facilita."""

from __future__ import annotations


def agregar(parser):
    parser.add_argument("rol", nargs="?", choices=["participantes", "facilitador"],
                        help="participantes: oculta Formgrader y crear/validar ejercicios; "
                             "facilitador: los muestra. Sin nada, dice cómo está.")
    parser.add_argument("--si-falta", action="store_true",
                        help="aplicar el rol solo si nunca se eligió uno (lo usa `make`)")


def ejecutar(args) -> int:
    from lideres import laboratorio

    actual = laboratorio.rol_actual()
    if args.rol is None:
        print(f"JupyterLab de este entorno: {actual or 'sin configurar (se ven todas las herramientas)'}.")
        print("Cambiar: lideres jupyterlab participantes | lideres jupyterlab facilitador")
        return 0
    if args.si_falta and actual:
        return 0
    for linea in laboratorio.configurar(args.rol):
        print(linea)
    return 0
