"""`lideres ligeras`: escribir las páginas ligeras de los tableros (book/_build/ligeras/)."""

from __future__ import annotations


def agregar(parser):
    parser.epilog = (
        "Cada tablero también como una página liviana para el celular: abre en un segundo, sin "
        "kernel ni internet. El taller la sirve en /ligeras/ y el libro la enlaza en cada capítulo."
    )
    parser.add_argument("--forzar", action="store_true",
                        help="escribirlas de nuevo aunque nada haya cambiado")
    parser.add_argument("--carpeta", default=None,
                        help="dónde escribirlas (por defecto book/_build/ligeras)")


def ejecutar(args) -> int:
    from pathlib import Path

    from lideres import ligera

    carpeta = Path(args.carpeta) if getattr(args, "carpeta", None) else None
    ligera.construir(carpeta, forzar=getattr(args, "forzar", False))
    return 0
