"""`lideres curso ...`: asignar, recoger y calificar ejercicios; ver el avance del grupo.

Todo ocurre en una carpeta de curso de nbgrader (por defecto exercises/); con --curso se usa
otra, por ejemplo una por cohorte. La salida de nbgrader (en inglés) queda en nbgrader.log.
"""

from __future__ import annotations

from pathlib import Path

SUBORDENES = {
    "asignar": "Generar la versión para participantes (sin soluciones) de un ejercicio",
    "recoger": "Traer las entregas desde una carpeta por participante, un .zip o el intercambio de nbgrader",
    "calificar": "Calificar las entregas y escribir la retroalimentación en español",
    "reporte": "Ver el avance del grupo: CSV, página HTML y gráfico",
    "clave": "Borrar la clave de 4 números de quien la olvidó (entra de nuevo con una clave nueva)",
    "generar": "Crear el cuaderno de un ejercicio a partir de su preguntas.toml",
    "validar": "Revisar un ejercicio nuevo de punta a punta (preguntas, cuaderno y nbgrader)",
}


def _orden(argumentos: str) -> str:
    """La orden como se escribe en esta terminal (con .venv/bin/ si `lideres` no está en el PATH)."""
    from lideres import rutas

    return rutas.orden_lideres(argumentos)


def _curso(p):
    p.add_argument("--curso", metavar="CARPETA",
                   help="carpeta del curso de nbgrader (por defecto exercises/ del proyecto)")


def agregar(parser):
    sub = parser.add_subparsers(dest="suborden", metavar="SUBORDEN", title="subórdenes")
    sub.required = True

    p = sub.add_parser("asignar", help=SUBORDENES["asignar"], description=SUBORDENES["asignar"])
    p.add_argument("ejercicio", metavar="EJERCICIO", help="por ejemplo 02_conteos_y_tasas")
    p.add_argument("--forzar", action="store_true", help="volver a generarlo aunque ya exista")
    _curso(p)

    p = sub.add_parser("recoger", help=SUBORDENES["recoger"], description=SUBORDENES["recoger"])
    p.add_argument("ejercicio", metavar="EJERCICIO")
    p.add_argument("origen", metavar="CARPETA_O_ZIP", nargs="?",
                   help="carpeta con una subcarpeta por participante, o un .zip de lo mismo")
    p.add_argument("--intercambio", action="store_true",
                   help="recoger del intercambio de nbgrader (JupyterHub: lo que enviaron desde "
                   "la pestaña de tareas de JupyterLab), en vez de una carpeta o un .zip")
    _curso(p)

    p = sub.add_parser("calificar", help=SUBORDENES["calificar"], description=SUBORDENES["calificar"])
    p.add_argument("ejercicio", metavar="EJERCICIO")
    p.add_argument("--tiempo-por-celda", metavar="SEGUNDOS", type=int,
                   help="máximo por celda antes de cortarla (por defecto, el de nbgrader_config.py)")
    p.add_argument("--a-la-vez", metavar="N", type=int, dest="a_la_vez",
                   help="entregas que se califican a la vez (por defecto 2 si hay aislamiento con bwrap)")
    p.add_argument("--todas", action="store_true",
                   help="volver a calificar también las entregas que no cambiaron desde la última vez")
    _curso(p)

    p = sub.add_parser("reporte", help=SUBORDENES["reporte"], description=SUBORDENES["reporte"])
    _curso(p)

    p = sub.add_parser("clave", help=SUBORDENES["clave"], description=SUBORDENES["clave"])
    p.add_argument("nombre", metavar="NOMBRE", nargs="+",
                   help="nombre y apellido como lo escribió en el celular, por ejemplo María Quispe")
    _curso(p)

    for nombre in ("generar", "validar"):
        p = sub.add_parser(nombre, help=SUBORDENES[nombre], description=SUBORDENES[nombre])
        p.add_argument("ejercicio", metavar="EJERCICIO",
                       help="carpeta de exercises/source/ con su preguntas.toml, por ejemplo 02_conteos_y_tasas")
        if nombre == "validar":
            p.add_argument("--rapido", action="store_true",
                           help="solo revisar preguntas.toml y el cuaderno, sin correr nbgrader")
        _curso(p)


def ejecutar(args) -> int:
    if args.suborden in ("generar", "validar"):  # trabajan sobre source/, sin libro de notas
        return (_generar if args.suborden == "generar" else _validar)(args)
    from lideres.curso import motor

    curso, notas = motor.preparar_curso(args.curso, crear=args.suborden == "asignar")
    for nota in notas:
        print(f"Nota: {nota}")
    ordenes = {"asignar": _asignar, "recoger": _recoger, "calificar": _calificar, "reporte": _reporte,
               "clave": _clave}
    return ordenes[args.suborden](args, curso)


def _asignar(args, curso: Path) -> int:
    from lideres.curso import motor

    for linea in motor.asignar(curso, args.ejercicio, forzar=args.forzar):
        print(linea)
    return 0


def _recoger(args, curso: Path) -> int:
    from lideres.curso import ids, motor, recoger

    if args.intercambio and args.origen:
        from lideres.errores import ErrorLideres

        raise ErrorLideres("Di una sola cosa: una carpeta o un .zip, o --intercambio (no las dos).",
                           como_arreglar=f"Por ejemplo: {_orden(f'curso recoger {args.ejercicio} entregas.zip')}, "
                           f"o {_orden(f'curso recoger {args.ejercicio} --intercambio')}")
    if not args.intercambio and not args.origen:
        from lideres.errores import ErrorLideres

        opcion = motor.opcion_curso(curso)
        raise ErrorLideres(
            "Falta decir de dónde recoger: la carpeta o el .zip con los cuadernos que llegaron por USB, "
            "correo o WhatsApp, o --intercambio si envían desde JupyterHub.",
            como_arreglar=f"Por ejemplo: {_orden(f'curso recoger {args.ejercicio} entregas.zip{opcion}')}. "
            "Las entregas de los celulares no se recogen: ya están en el curso; califícalas con "
            f"{_orden(f'curso calificar {args.ejercicio}{opcion}')}")
    if args.intercambio:
        resumen = recoger.recoger_intercambio(curso, args.ejercicio)
        origen = "el intercambio de nbgrader"
    else:
        origen = Path(args.origen).expanduser()
        resumen = recoger.recoger(curso, args.ejercicio, origen)
    n = len(resumen.entregas)
    if n:
        print(f"{'Recogida' if n == 1 else 'Recogidas'} {n} {'entrega' if n == 1 else 'entregas'} "
              f"de {args.ejercicio}:")
    else:
        print(f"No se recogió ninguna entrega de {args.ejercicio} desde {origen}.")
    for entrega in sorted(resumen.entregas, key=lambda e: ids.clave_orden(e.nombre)):
        print(f"  · {entrega.nombre} ({entrega.codigo})")
        for nota in entrega.notas:
            print(f"      Nota: {nota}")
    for aviso in resumen.avisos:
        print(f"  Aviso: {aviso}")
    if not n and args.intercambio:
        print("Nadie ha enviado todavía este ejercicio al intercambio (botón «Submit» de la pestaña de "
              "tareas de JupyterLab). Cuando envíen, vuelve a recoger.")
        return 0
    if not n:
        if not resumen.avisos:
            print("  No se encontró ningún cuaderno (.ipynb) dentro.")
        print("Revisa que sea la carpeta o el .zip correcto: debe tener una subcarpeta por participante, "
              "con su nombre, y dentro su cuaderno (.ipynb). Luego vuelve a recoger.")
        return 0
    print(f"Copia de este recojo (los originales no se tocaron): {resumen.archivo}")
    print(f"Siguiente paso: {_orden(f'curso calificar {args.ejercicio}{motor.opcion_curso(curso)}')}")
    return 0


def _calificar(args, curso: Path) -> int:
    from lideres.curso import aislamiento, ids, motor, recoger, retroalimentacion

    resultados = motor.calificar(curso, args.ejercicio, trabajadores=args.a_la_vez,
                                 tiempo_celda=args.tiempo_por_celda, avisar=lambda t: print(t, flush=True),
                                 todas=args.todas)
    # la retroalimentación se escribe después de calificar, con lo que quedó en el libro de notas
    estado = motor.leer_estado(curso).get(args.ejercicio) or {}
    retroalimentacion.escribir_todas(curso, args.ejercicio, estado, ids.leer_lista(curso))
    bien = [r for r in resultados if r.estado == "calificado"]
    print(f"Listo: {len(bien)} de {len(resultados)} entregas calificadas.")
    falla = motor.falla_de_la_maquina(resultados)
    if falla:
        print("Ninguna entrega se pudo calificar, todas por el mismo problema técnico: el problema está en "
              "esta computadora de calificación, no en las entregas de los participantes (no pidas que las "
              "envíen de nuevo).")
        print(f"Primera línea del detalle técnico: {falla}")
        print(f"Revisa la instalación (make entorno) o prueba sin aislamiento: {aislamiento.SIN_BWRAP}=1 "
              f"{_orden(f'curso calificar {args.ejercicio}{motor.opcion_curso(curso)}')}")
    elif len(bien) < len(resultados):
        lista = ids.leer_lista(curso)
        malas = [r for r in resultados if r.estado != "calificado"]
        print("Las no calificadas tienen su motivo arriba.")
        if any(not recoger.del_celular(lista, r.codigo, args.ejercicio) for r in malas):
            print("  Las que llegaron por USB, correo o WhatsApp: pide que las envíen de nuevo y "
                  "vuelve a recoger.")
        if any(recoger.del_celular(lista, r.codigo, args.ejercicio) for r in malas):
            print("  Las del celular: la persona puede volver a tocar «Entregar» (sus respuestas "
                  "siguen guardadas en esta laptop); luego vuelve a calificar, sin recoger.")
    print(f"Retroalimentación (una página por participante): {motor.Curso.de(curso).feedback}")
    print(f"Detalle técnico de nbgrader: {motor.Curso.de(curso).registro}")
    print(f"Siguiente paso: {_orden('curso reporte' + motor.opcion_curso(curso))}")
    return 0


def _reporte(args, curso: Path) -> int:
    from lideres.curso import motor, reporte, retroalimentacion

    estado = motor.leer_estado(curso)
    tabla = reporte.tabla_avance(reporte.leer_registros(curso, estado))
    rutas = reporte.escribir_reporte(tabla, motor.Curso.de(curso).reportes)
    paginas = retroalimentacion.actualizar(curso, estado)  # con lo calificado a mano en el formgrader
    print(reporte.resumen(tabla))
    if paginas:
        print(f"Retroalimentación actualizada con las notas manuales: {len(paginas)} páginas en {motor.Curso.de(curso).feedback}")
    print(f"Página para abrir en el navegador: {rutas['html']}")
    print(f"Tabla para Excel: {rutas['csv']}")
    print(f"Gráfico: {rutas['png']}")
    return 0


def _clave(args, curso: Path) -> int:
    from lideres.formulario import entregas

    persona = entregas.borrar_clave(curso, " ".join(args.nombre))
    print(f"Listo: se borró la clave de {persona.nombre}. Que vuelva a entrar en el celular con su "
          "nombre y el código del grupo, y que invente una clave nueva de 4 números. Sus respuestas "
          "y entregas siguen guardadas.")
    return 0


def _carpeta_de_ejercicios(args) -> Path:
    from lideres import rutas

    return Path(args.curso).expanduser() if args.curso else rutas.CURSO


def _generar(args) -> int:
    from lideres.banco import autoria

    ruta, cambio = autoria.generar(args.ejercicio, _carpeta_de_ejercicios(args))
    print(f"{'Cuaderno creado de nuevo' if cambio else 'El cuaderno ya estaba al día'}: {ruta}")
    print(f"Siguiente paso: {_orden(f'curso validar {args.ejercicio}' + (f' --curso {args.curso}' if args.curso else ''))}")
    return 0


def _validar(args) -> int:
    from lideres.banco import autoria

    if autoria.validar(args.ejercicio, _carpeta_de_ejercicios(args), avisar=lambda t: print(t, flush=True),
                       rapido=args.rapido):
        print(f"Todo bien: el ejercicio está listo para asignar ({_orden(f'curso asignar {args.ejercicio}')}).")
        return 0
    print("Hay problemas: corrígelos y vuelve a validar.")
    return 1
