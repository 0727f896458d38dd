"""`python -m lideres.curso.lanzador ARGS`: nbgrader ARGS con límites de memoria y de archivos.

`python -m lideres.curso.lanzador nucleo -f CONEXION`: el kernel de Python (ipykernel) que ejecuta
el cuaderno de un participante, con los mismos límites (lo arranca el calificador, dentro de bwrap),
sin el depurador de ipykernel (debugpy: nadie lo usa al calificar y cuesta ~0.1 s por entrega).

`python -m lideres.curso.lanzador trabajador ...`: el calificador de confianza (`trabajador`), sin
límites.

Todo arranca más rápido que `nbgrader` (ver `sin_gramatica_iri`).

Los límites pasan al kernel que ejecuta el cuaderno del participante: una entrega que pide memoria
sin fin o escribe un archivo gigante falla sola, sin tumbar la máquina del taller.
"""

from __future__ import annotations

import contextlib
import runpy
import sys

try:
    import resource
except ImportError:  # Windows: sin límites por proceso
    resource = None

LIMITE_MEMORIA = 4 * 1024**3
LIMITE_ARCHIVO = 200 * 1024**2


def sin_gramatica_iri() -> None:
    """jsonschema compila al importarse una gramática de IRI (unos 3 s por proceso) que nbformat no usa."""
    sys.modules.setdefault("rfc3987_syntax", None)  # su import falla rápido y jsonschema sigue sin ella


def limitar() -> None:
    """Memoria y tamaño de archivo máximos para este proceso y los que arranque."""
    if resource is None:
        return
    for limite, valor in ((resource.RLIMIT_AS, LIMITE_MEMORIA), (resource.RLIMIT_FSIZE, LIMITE_ARCHIVO)):
        with contextlib.suppress(ValueError, OSError):
            actual = resource.getrlimit(limite)[1]
            tope = valor if actual == resource.RLIM_INFINITY else min(valor, actual)
            resource.setrlimit(limite, (tope, tope))


def main() -> None:
    sin_gramatica_iri()
    if sys.argv[1:2] == ["trabajador"]:
        sys.argv = ["lideres.curso.trabajador", *sys.argv[2:]]
        runpy.run_module("lideres.curso.trabajador", run_name="__main__", alter_sys=True)
        return
    limitar()
    if sys.argv[1:2] == ["nucleo"]:
        # ipykernel arranca su depurador solo si puede importar debugpy
        sys.modules.setdefault("debugpy", None)
        sys.argv = ["ipykernel_launcher", *sys.argv[2:]]
        runpy.run_module("ipykernel_launcher", run_name="__main__", alter_sys=True)
        return
    sys.argv = ["nbgrader", *sys.argv[1:]]
    runpy.run_module("nbgrader", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
