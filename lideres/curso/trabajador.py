"""`python -m lideres.curso.trabajador`: un proceso de confianza que califica muchas entregas.

Importa nbgrader una sola vez y califica, una tras otra, las entregas que le pide `motor` (una orden
JSON por línea en su entrada; una respuesta JSON por línea). Cada entrega tiene su propio curso
temporal y su propio libro de notas privado, fuera de lo que ve el participante. Solo el **kernel**
que ejecuta el cuaderno del participante corre aislado con bwrap: su orden se envuelve
(`NucleoAislado`) y habla con este proceso por sockets de Unix (transporte IPC) en su carpeta privada,
así que no necesita red.

Solo se usa cuando bwrap funciona; sin bwrap cada entrega se califica en su propio proceso.
"""

from __future__ import annotations

import functools
import io
import json
import logging
import os
import sys
import traceback

from jupyter_client.manager import AsyncKernelManager
from nbgrader.preprocessors import Execute

from lideres.curso.carpeta import CONFIG
from lideres.curso.lanzador import sin_gramatica_iri


class NucleoAislado(AsyncKernelManager):
    """El kernel del participante dentro de bwrap, hablando por sockets de Unix en su carpeta privada."""

    envoltura: list[str] = []     # `bwrap ... --` de la entrega que se está calificando
    sockets: str = ""             # carpeta privada (montada en el aislamiento) para los sockets

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.transport = "ipc"
        self.ip = os.path.join(NucleoAislado.sockets, "k")
        self.connection_file = os.path.join(NucleoAislado.sockets, "conexion.json")

    @property
    def kernel_spec(self):
        spec = super().kernel_spec
        if spec is not None:
            spec.interrupt_mode = "message"  # una señal no cruza bwrap; el mensaje de interrupción sí
        return spec

    def format_kernel_cmd(self, extra_arguments=None):
        orden = super().format_kernel_cmd(extra_arguments)
        if orden[1:3] == ["-m", "ipykernel_launcher"]:  # con los límites de memoria y archivos
            orden = [sys.executable, "-m", "lideres.curso.lanzador", "nucleo", *orden[3:]]
        return [*NucleoAislado.envoltura, *orden]


class EjecutarAislado(Execute):
    """El `Execute` de nbgrader (misma configuración) con el kernel aislado."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("kernel_manager_class", NucleoAislado)
        super().__init__(*args, **kwargs)


def _config(tarea: dict):
    from nbgrader.converters import Autograde
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    from lideres.curso.preprocesadores import RecortarSalidas

    config = Config()
    try:
        config.merge(PyFileConfigLoader(CONFIG, path=tarea["raiz"]).load_config())
    except Exception:  # noqa: BLE001 — sin configuración legible, la de nbgrader
        pass
    config.CourseDirectory.root = tarea["raiz"]
    config.CourseDirectory.db_url = f"sqlite:///{tarea['libro']}"
    if tarea.get("tiempo_celda"):
        config.Execute.timeout = int(tarea["tiempo_celda"])
    pasos = []
    for paso in Autograde.class_traits()["autograde_preprocessors"].default():
        pasos.append(EjecutarAislado if paso is Execute else paso)
        if paso.__name__ == "LimitOutput":
            pasos.append(RecortarSalidas)
    config.Autograde.autograde_preprocessors = pasos
    return config


def calificar(tarea: dict) -> dict:
    """Califica una entrega con la API de nbgrader; devuelve {"ok", "registro"}."""
    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory

    NucleoAislado.envoltura = list(tarea["envoltura"])
    NucleoAislado.sockets = tarea["sockets"]
    registro = io.StringIO()
    manejador = logging.StreamHandler(registro)
    manejador.setFormatter(logging.Formatter("[AutogradeApp | %(levelname)s %(asctime)s] %(message)s"))
    log = logging.getLogger(f"lideres.trabajador.{tarea['codigo']}")
    log.handlers[:] = [manejador]
    log.setLevel(logging.INFO)
    log.propagate = False
    ok = False
    directorio = os.getcwd()
    try:
        config = _config(tarea)
        os.chdir(tarea["raiz"])
        curso = CourseDirectory(config=config, log=log, student_id=tarea["codigo"],
                                assignment_id=tarea["ejercicio"])
        app = Autograde(coursedir=curso, config=config, log=log)
        app.force = True
        app.start()
        ok = True
    except BaseException:  # noqa: BLE001 — cualquier falla es de esta entrega, no del trabajador
        log.error(traceback.format_exc())
    finally:
        os.chdir(directorio)
        log.handlers[:] = []
    return {"ok": ok, "registro": registro.getvalue()}


def main() -> None:
    sin_gramatica_iri()
    import nbgrader.api

    # nbgrader pregunta la versión de su esquema a `alembic` (un proceso) cada vez que abre un libro
    nbgrader.api.get_alembic_version = functools.lru_cache(maxsize=1)(nbgrader.api.get_alembic_version)
    # las respuestas van por un descriptor propio: lo que el kernel escriba en la salida no las mezcla
    respuestas = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    for linea in sys.stdin:
        if not linea.strip():
            continue
        resultado = calificar(json.loads(linea))
        respuestas.write(json.dumps(resultado, ensure_ascii=False) + "\n")
        respuestas.flush()


if __name__ == "__main__":
    main()
