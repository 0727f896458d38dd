"""Los ejercicios por celular en el servidor del taller (`lideres taller --curso DIR`).

Cada ejercicio con banco de preguntas (DIR/source/<id>/preguntas.toml) tiene una página en
notebooks/ejercicios/<id>.ipynb que Voilà sirve como las de los tableros. Los kernels reciben la
carpeta del curso en una variable de entorno; el código del grupo se guarda en esa carpeta.
"""

from __future__ import annotations

import os
from pathlib import Path

CARPETA_EJERCICIOS = "ejercicios"
BANCO = "preguntas.toml"


def url_ejercicio(id_: str) -> str:
    return f"/voila/render/{CARPETA_EJERCICIOS}/{id_}.ipynb"


def paginas(raiz: Path) -> set[str]:
    """Ids de los ejercicios con página en raiz/ejercicios/."""
    carpeta = Path(raiz) / CARPETA_EJERCICIOS
    return {p.stem for p in carpeta.glob("*.ipynb")} if carpeta.is_dir() else set()


def con_banco(curso: Path) -> set[str]:
    fuente = Path(curso) / "source"
    # Las carpetas que empiezan con «_» son plantillas, no ejercicios.
    return {p.parent.name for p in fuente.glob(f"[0-9]*/{BANCO}")} if fuente.is_dir() else set()


def disponibles(raiz: Path, curso: Path | None) -> set[str]:
    """Ejercicios que se pueden responder en el celular: tienen página y banco en el curso."""
    return paginas(raiz) & con_banco(curso) if curso else set()


def preparar_entregas(curso: Path, raiz: Path, modo: str | None, imprimir=print) -> dict:
    """Deja el curso listo para recibir entregas del celular y avisa a los kernels dónde está."""
    from lideres.curso import motor
    from lideres.formulario import entregas

    curso, notas = motor.preparar_curso(curso, crear=True)
    for nota in notas:
        imprimir(f"Nota: {nota}")
    ejercicios = sorted(disponibles(raiz, curso))
    for id_ in ejercicios:
        if not (curso / "release" / id_).is_dir():
            imprimir(f"Asignando {id_} (la versión para participantes)…")
            for linea in motor.asignar(curso, id_):
                imprimir(f"  {linea}")
    grupo = entregas.preparar_grupo(curso, modo)
    os.environ[entregas.VARIABLE_CURSO] = str(curso)
    return {"curso": curso, "ejercicios": ejercicios, "grupo": grupo}


def imprimir_entregas(datos: dict, imprimir=print) -> None:
    from lideres.formulario import entregas

    grupo = datos["grupo"]
    if datos["ejercicios"]:
        imprimir(f"  Ejercicios por celular: {', '.join(datos['ejercicios'])}.")
    else:
        imprimir("  Aviso: ningún ejercicio del curso tiene preguntas para el celular.")
    imprimir(f"  Código del grupo (díctalo en voz alta):  {grupo['codigo'].upper()}")
    if grupo["modo"] == "examen":
        imprimir("  Modo examen: cada persona ve sus aciertos y las explicaciones recién al entregar.")
    else:
        imprimir("  Modo práctica: cada persona puede revisar cada respuesta y leer la explicación.")
    from lideres.taller.ordenes import orden_lideres

    calificar = orden_lideres(f"curso calificar EJERCICIO --curso \"{datos['curso']}\"")
    from lideres.curso.carpeta import Curso

    imprimir(f"  Las entregas llegan solas a {Curso.de(datos['curso']).submitted} (no hay que recogerlas). "
             f"Para calificarlas: {calificar}")
    imprimir(f"  (modos: {', '.join(entregas.MODOS)}; se cambia con --modo y queda guardado en el curso)")
