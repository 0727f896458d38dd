"""La carpeta de un curso de nbgrader: un solo objeto sabe dónde está cada cosa.

Como `CourseDirectory` de nbgrader (y con sus mismos nombres configurables: si nbgrader_config.py
cambia `CourseDirectory.submitted_directory`, aquí también cambia), más lo que agrega este proyecto:
los originales recibidos, los reportes, la lista de participantes y el estado de la calificación.

`Curso` se comporta como la ruta de su carpeta (`Path(curso)`, `curso / "x"`, `str(curso)`), así que
las funciones que reciben la ruta del curso también aceptan un `Curso`.
"""

from __future__ import annotations

import contextlib
import os
from functools import cached_property
from pathlib import Path

from lideres import rutas
from lideres.errores import ErrorLideres

CONFIG = "nbgrader_config.py"
REGISTRO = "nbgrader.log"
LIBRO = "gradebook.db"
LISTA = "participantes.json"
ESTADO = "calificacion.json"      # dentro de reportes/
_CARPETAS = {                      # nombre en nbgrader_config.py -> carpeta por omisión
    "source": "source_directory", "release": "release_directory", "submitted": "submitted_directory",
    "autograded": "autograded_directory", "feedback": "feedback_directory",
}


class Curso(os.PathLike):
    """Una carpeta de curso. `Curso.de(x)` acepta una ruta o un `Curso`."""

    def __init__(self, raiz: Path | str):
        self.raiz = Path(raiz)

    @classmethod
    def de(cls, curso: Curso | Path | str) -> Curso:
        return curso if isinstance(curso, Curso) else cls(curso)

    # como una ruta
    def __fspath__(self) -> str:
        return str(self.raiz)

    def __str__(self) -> str:
        return str(self.raiz)

    def __repr__(self) -> str:
        return f"Curso({str(self.raiz)!r})"

    def __truediv__(self, otra) -> Path:
        return self.raiz / otra

    def __eq__(self, otra) -> bool:
        return isinstance(otra, (Curso, Path)) and Path(self.raiz) == Path(otra)

    def __hash__(self) -> int:
        return hash(self.raiz)

    def __getattr__(self, nombre: str):
        if nombre.startswith("__") or nombre == "raiz":
            raise AttributeError(nombre)
        return getattr(self.raiz, nombre)  # .name, .exists(), .glob(...) como en una ruta

    # configuración
    @property
    def ruta_config(self) -> Path:
        return self.raiz / CONFIG

    @cached_property
    def config(self):
        """nbgrader_config.py del curso (vacía si no se puede leer; nbgrader dirá por qué al correr)."""
        from traitlets.config import Config
        from traitlets.config.loader import PyFileConfigLoader

        if not self.ruta_config.is_file():
            return Config()
        try:
            return PyFileConfigLoader(CONFIG, path=str(self.raiz)).load_config()
        except Exception:  # archivo con errores: traitlets da varios tipos
            return Config()

    def seccion(self, nombre: str) -> dict:
        return self.config.get(nombre, {})

    @property
    def id(self) -> str:
        """CourseDirectory.course_id ('' si no lo dice, como nbgrader)."""
        seccion = self.seccion("CourseDirectory")
        return str(seccion["course_id"]) if "course_id" in seccion else ""

    def _carpeta(self, paso: str) -> Path:
        nombre = self.seccion("CourseDirectory").get(_CARPETAS[paso], paso)
        return self.raiz / str(nombre)

    # las carpetas de nbgrader
    @property
    def source(self) -> Path:
        return self._carpeta("source")

    @property
    def release(self) -> Path:
        return self._carpeta("release")

    @property
    def submitted(self) -> Path:
        return self._carpeta("submitted")

    @property
    def autograded(self) -> Path:
        return self._carpeta("autograded")

    @property
    def feedback(self) -> Path:
        return self._carpeta("feedback")

    # las de este proyecto
    @property
    def recibidos(self) -> Path:
        """Copia intacta de cada recojo (zip o carpeta), nunca se modifica."""
        return self.raiz / "recibidos"

    @property
    def reportes(self) -> Path:
        return self.raiz / "reportes"

    @property
    def registro(self) -> Path:
        """nbgrader.log: la salida técnica (en inglés) de nbgrader."""
        return self.raiz / REGISTRO

    @property
    def lista(self) -> Path:
        """participantes.json: nombres y códigos."""
        return self.raiz / LISTA

    @property
    def estado(self) -> Path:
        """reportes/calificacion.json: estado, motivo y huella de cada entrega calificada."""
        return self.reportes / ESTADO

    # una entrega
    def entrega(self, codigo: str, ejercicio: str) -> Path:
        return self.submitted / codigo / ejercicio

    def calificada(self, codigo: str, ejercicio: str) -> Path:
        return self.autograded / codigo / ejercicio

    def retroalimentacion(self, codigo: str, ejercicio: str) -> Path:
        return self.feedback / codigo / ejercicio

    # libro de notas
    @property
    def ruta_libro(self) -> Path:
        return self.raiz / LIBRO

    def url_libro(self, ruta: Path | None = None) -> str:
        return f"sqlite:///{ruta or self.ruta_libro}"

    def opcion(self) -> str:
        """' --curso "CARPETA"' para repetir en los consejos, o '' si es el curso del proyecto."""
        from lideres import rutas

        return "" if self.raiz.resolve() == Path(rutas.CURSO).resolve() else f' --curso "{self.raiz}"'

    def exigir_libro(self, ejercicio: str = "02_conteos_y_tasas") -> Path:
        """gradebook.db del curso; si no existe, un error que dice qué hacer (nbgrader crearía uno vacío)."""
        if not self.ruta_libro.is_file():
            raise ErrorLideres("Este curso todavía no tiene libro de notas (gradebook.db).",
                               como_arreglar="Primero asigna el ejercicio: "
                               + rutas.orden_lideres(f"curso asignar {ejercicio}{self.opcion()}"))
        return self.ruta_libro

    @contextlib.contextmanager
    def libro(self, ruta: Path | None = None):
        """El libro de notas (gradebook) de nbgrader, con el id de curso de la configuración.

        Sin `ruta`, el del curso, que ya debe existir (lo crea `asignar`)."""
        from nbgrader.api import Gradebook

        with Gradebook(self.url_libro(ruta or self.exigir_libro()), self.id) as gb:
            yield gb
