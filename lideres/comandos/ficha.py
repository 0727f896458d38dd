"""`lideres ficha DISTRITO`: la ficha del barrio de un distrito en PDF (una página, sin internet).

`lideres ficha --todas CARPETA` escribe las 61; si una falla, se dice cuál y se siguen las demás.
"""

from __future__ import annotations

import sys
from pathlib import Path


def agregar(parser):
    parser.add_argument("distrito", metavar="DISTRITO", nargs="?",
                        help="nombre del distrito (sin importar tildes ni mayúsculas) o su UBIGEO")
    parser.add_argument("--salida", metavar="ARCHIVO.pdf",
                        help="dónde guardar la ficha (por defecto ficha_<distrito>.pdf en esta carpeta)")
    parser.add_argument("--todas", metavar="CARPETA",
                        help="escribir la ficha de los 61 distritos del curso en esta carpeta")


def ejecutar(args) -> int:
    from lideres.errores import ErrorLideres
    from lideres.modulos.m10_del_dato_a_la_accion.ficha import escribir_ficha

    if args.todas:
        from lideres.nombres import palabras
        from lideres.tablas import cargar

        carpeta = Path(args.todas).expanduser()
        fallas = 0
        distritos = cargar("distritos")
        for ubigeo, nombre in zip(distritos["ubigeo"], distritos["distrito"], strict=True):
            try:
                ruta = escribir_ficha(ubigeo, carpeta / f"ficha_{palabras(nombre).replace(' ', '_')}.pdf")
                print(f"Ficha de {nombre}: «{ruta}»")
            except ErrorLideres as e:  # una ficha mala no detiene las demás
                fallas += 1
                print(f"No se pudo hacer la ficha de {nombre}: {e}", file=sys.stderr)
        print(f"Se escribieron {len(distritos) - fallas} de {len(distritos)} fichas en «{carpeta}».")
        return 1 if fallas else 0
    if not args.distrito:
        raise ErrorLideres("Falta el distrito.",
                           como_arreglar="Por ejemplo: lideres ficha \"El Porvenir\" (o --todas CARPETA).")
    ruta = escribir_ficha(args.distrito, args.salida)
    print(f"Se guardó la ficha en «{ruta}» (una página, lista para imprimir).")
    return 0
