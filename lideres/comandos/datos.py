"""`lideres datos ...`: revisar registros propios, importar límites oficiales, regenerar datos.

Cada suborden llama a una función `cli_*` del módulo que hace el trabajo.
"""

from __future__ import annotations

import importlib

SUBORDENES = {
    "revisar": ("lideres.revisar", "cli_revisar",
                "Revisar un registro propio o el archivo oficial de denuncias (CSV o Excel) y decir qué falta o sobra"),
    "plantilla": ("lideres.descargas", "cli_plantilla",
                  "Guardar la plantilla del cuaderno de incidencias (Excel) y el formulario en papel (PDF)"),
    "limites": ("lideres.limites", "cli_importar",
                "Usar otros límites distritales oficiales (GeoJSON), o rehacer los que trae el curso"),
    "generar": ("lideres.sinteticos", "cli_generar",
                "Regenerar los límites esquemáticos (de respaldo) y los incidentes sintéticos (con semilla)"),
    "importar-hechos": ("lideres.hechos", "cli_importar",
                        "Volver a llevar las cifras publicadas (shared/facts) a data/"),
}


def agregar(parser):
    sub = parser.add_subparsers(dest="suborden", metavar="SUBORDEN", title="subórdenes")
    sub.required = True

    def suborden(nombre):
        ayuda = SUBORDENES[nombre][2]
        return sub.add_parser(nombre, help=ayuda, description=ayuda)

    p = suborden("revisar")
    p.add_argument("archivo", metavar="ARCHIVO", help="archivo .csv, .txt, .xlsx o .xls")
    p.add_argument("--exportar", metavar="SALIDA.csv",
                   help="guardar las filas válidas, ya limpias, en este CSV (el original no se toca)")
    p.add_argument("--columnas", metavar="fecha=TÍTULO,tipo=TÍTULO",
                   help="decir qué columna de tu archivo es la fecha, el tipo, el distrito… cuando sus "
                   "títulos no se reconocen (por ejemplo \"fecha=Fecha del hecho,tipo=Modalidad\")")
    p.add_argument("--distrito", metavar="DISTRITO",
                   help="mostrar las incidencias (o denuncias) por mes de un distrito, por su nombre o "
                   "UBIGEO, y exportar solo sus filas")

    p = suborden("plantilla")
    p.add_argument("carpeta", metavar="CARPETA", nargs="?",
                   help="dónde guardarlos (por defecto, la carpeta actual); no reemplaza archivos")

    p = suborden("limites")
    p.add_argument("archivo", metavar="ARCHIVO.geojson", nargs="?")
    p.add_argument("--campo-ubigeo", metavar="CAMPO", help="propiedad con el UBIGEO (se detecta sola)")
    p.add_argument("--campo-nombre", metavar="CAMPO", help="propiedad con el nombre (se detecta sola)")
    p.add_argument("--fuente", metavar="TEXTO", help="cómo citar la fuente en los mapas")
    p.add_argument("--quitar", action="store_true",
                   help="volver a los límites que trae el curso (borra los oficiales importados)")
    p.add_argument("--referencia", metavar="CARPETA", nargs="?", const=True,
                   help="rehacer data/limites_distritales.geojson y data/licencias/ desde "
                   "shared/reference (o desde CARPETA)")

    p = suborden("generar")
    p.add_argument("--solo", choices=["limites", "incidentes"], help="generar solo una de las dos cosas")

    p = suborden("importar-hechos")
    p.add_argument("--hechos", metavar="CARPETA",
                   help="carpeta con las cifras publicadas (por defecto ../shared/facts)")
    p.add_argument("--destino", metavar="CARPETA", help="dónde escribir las tablas (por defecto data/)")


def ejecutar(args):
    modulo, funcion, _ = SUBORDENES[args.suborden]
    return getattr(importlib.import_module(modulo), funcion)(args)
