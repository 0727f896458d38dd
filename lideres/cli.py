"""La orden `lideres`: una entrada, subórdenes en español.

Cada suborden vive en `lideres/comandos/<nombre>.py` con dos funciones:
`agregar(parser)` declara sus argumentos y `ejecutar(args) -> int` la corre.
Los módulos pesados se importan dentro de `ejecutar`, para que `lideres --help` sea rápido.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from lideres.errores import ErrorLideres

COMANDOS = {
    "datos": "Revisar tus propios registros y regenerar los datos del curso",
    "taller": "Iniciar el servidor del taller (tableros, libro y página de inicio)",
    "libro": "Construir el libro del curso (sin internet)",
    "ligeras": "Escribir las páginas ligeras de los tableros (para el celular y el sitio estático)",
    "curso": "Asignar, recoger y calificar ejercicios; ver el avance del grupo",
    "jupyterlab": "JupyterLab en español, con o sin las herramientas de quien facilita",
    "ficha": "La ficha del barrio de un distrito en PDF, para imprimir y llevar a una reunión",
}

# argparse escribe sus mensajes en inglés; estos son los que una persona puede ver.
_TRADUCCIONES = {
    "usage: ": "uso: ",
    "positional arguments": "argumentos",
    "options": "opciones",
    "show this help message and exit": "muestra esta ayuda y termina",
    "the following arguments are required: %s": "faltan estos argumentos: %s",
    "unrecognized arguments: %s": "no se reconocen estos argumentos: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "opción no válida: %(value)r (elige entre %(choices)s)",
    "invalid %(type)s value: %(value)r": "valor no válido: %(value)r",
    "expected one argument": "se esperaba un valor",
    "one of the arguments %s is required": "se necesita uno de estos argumentos: %s",
    "argument %(argument_name)s: %(message)s": "argumento %(argument_name)s: %(message)s",
}


def _traducir(texto: str) -> str:
    return _TRADUCCIONES.get(texto, texto)


argparse._ = _traducir  # argparse busca `_` en su módulo cada vez que arma un mensaje


def crear_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lideres",
        description="Escuela de Líderes: datos para la seguridad ciudadana.",
    )
    sub = parser.add_subparsers(dest="comando", metavar="ORDEN", title="órdenes")
    sub.required = True
    for nombre, ayuda in COMANDOS.items():
        modulo = importlib.import_module(f"lideres.comandos.{nombre}")
        p = sub.add_parser(nombre, help=ayuda, description=ayuda)
        modulo.agregar(p)
        p.set_defaults(_modulo=modulo)
    return parser


def _salida_tolerante() -> None:
    """En Windows, la salida redirigida a un archivo o tubería usa cp1252: un «→» o un «≈» de un
    mensaje no debe tumbar la orden con un traceback; sale como «?». Con UTF-8 no cambia nada."""
    for flujo in (sys.stdout, sys.stderr):
        codificacion = (getattr(flujo, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if codificacion != "utf8" and hasattr(flujo, "reconfigure"):
            flujo.reconfigure(errors="replace")


def main(argv: list[str] | None = None) -> int:
    _salida_tolerante()
    parser = crear_parser()
    args = parser.parse_args(argv)
    try:
        return int(args._modulo.ejecutar(args) or 0)
    except ErrorLideres as e:
        print(f"Error: {e}", file=sys.stderr)
        return 1
    except FileNotFoundError as e:  # un archivo que alguien movió o borró: decir cuál, en español
        print(f"Error: no se encontró el archivo «{e.filename}».", file=sys.stderr)
        return 1
    except PermissionError as e:
        print(f"Error: no hay permiso para abrir «{e.filename}». Revisa que no esté abierto en otro "
              "programa y que puedas escribir en esa carpeta.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nDetenido.", file=sys.stderr)
        return 130
    except Exception as e:  # nunca un traceback para quien usa el curso
        if os.environ.get("LIDERES_DEPURAR"):
            raise
        print(
            f"Error inesperado ({type(e).__name__}): {e}\n"
            "Si se repite, avisa al equipo del curso. Para ver el detalle técnico: "
            "LIDERES_DEPURAR=1 lideres ...",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
