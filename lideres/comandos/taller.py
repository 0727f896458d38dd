"""`lideres taller`: página de inicio, libro y tableros en un solo servidor, sin internet."""

from __future__ import annotations


def agregar(parser):
    from lideres.taller import servidor as s

    parser.add_argument("--puerto", type=int, default=s.PUERTO_POR_DEFECTO, metavar="N",
                        help=f"puerto del servidor (por defecto {s.PUERTO_POR_DEFECTO})")
    parser.add_argument("--red", action="store_true",
                        help="abrir el servidor a la red local para que entren los celulares "
                             "(sin contraseña: solo en la red del taller)")
    parser.add_argument("--sin-libro", action="store_true",
                        help="no construir el libro si falta (se sirven solo los tableros)")
    parser.add_argument("--participantes", type=int, default=s.PARTICIPANTES_POR_DEFECTO, metavar="N",
                        help="cuántas personas habrá en la sala (por defecto "
                             f"{s.PARTICIPANTES_POR_DEFECTO}): fija los kernels precalentados, el "
                             "máximo de kernels y cuándo se apagan los inactivos")
    parser.add_argument("--modulo", metavar="NN",
                        help="el módulo de la sesión (por ejemplo 04): su tablero tiene más kernels "
                             "listos de antemano y la reserva crece para todo el grupo")
    parser.add_argument("--precalentados", type=int, default=None, metavar="N",
                        help="kernels listos de antemano por cada tablero con nadie conectado (por "
                             "defecto: si la página tiene versión ligera, que es la que usan los "
                             "celulares, 2 para el módulo de la sesión y ninguno para los demás; si no "
                             "la tiene, 4 para el de la sesión y 1 para los demás; 0 para no "
                             "precalentar). Luego aumentan cuando llegan celulares, dentro de --memoria")
    parser.add_argument("--memoria", metavar="CANTIDAD",
                        help="memoria para los kernels de la versión completa (los que usan los "
                             "celulares y los listos de antemano), por ejemplo 2GB, 1500MB o 1,5GB "
                             "(por defecto, la mitad de la memoria de esta computadora). Los listos de "
                             "antemano aumentan cuando llegan celulares y bajan cuando se van; con la "
                             "memoria llena, un celular más ve un aviso que lo lleva a la versión ligera")
    parser.add_argument("--apagar-inactivos", type=float, default=None, metavar="MINUTOS",
                        help="minutos sin conexión tras los que se apaga el tablero de un celular "
                             "(por defecto, entre 5 y 20 según --participantes)")
    parser.add_argument("--cuadernos", metavar="CARPETA",
                        help="carpeta con los cuadernos; sus tableros van en CARPETA/tableros/ "
                             "(por defecto notebooks/)")
    parser.add_argument("--curso", metavar="CARPETA",
                        help="carpeta del curso de nbgrader que recibe las entregas desde los celulares "
                             "(por ejemplo exercises/ o una por cohorte); imprime el código del grupo")
    parser.add_argument("--modo", choices=["practica", "examen"],
                        help="con --curso: «practica» muestra si cada respuesta está bien y su "
                             "explicación; «examen» solo al entregar (queda guardado en el curso)")
    parser.add_argument("--registro", metavar="ARCHIVO",
                        help="archivo para los mensajes técnicos de Jupyter (por defecto "
                             "~/.local/state/lideres/taller-PUERTO.log)")
    parser.epilog = (
        "Sirve en un solo origen: la página de inicio (/), el libro (/libro/), los tableros "
        "(/voila/render/tableros/...) y, con --curso, los ejercicios para el celular "
        "(/voila/render/ejercicios/...). Ctrl-C lo detiene y apaga los kernels."
    )


def ejecutar(args) -> int:
    from lideres.taller.servidor import iniciar

    return iniciar(
        puerto=args.puerto, red=args.red, sin_libro=args.sin_libro,
        participantes=args.participantes, precalentados=args.precalentados, modulo=args.modulo,
        cuadernos=args.cuadernos, registro=args.registro, curso=args.curso, modo=args.modo,
        apagar_inactivos=args.apagar_inactivos, memoria=args.memoria,
    )
