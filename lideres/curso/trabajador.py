"""`python -m lideres.curso.lanzador trabajador`: un proceso de confianza que califica muchas entregas.

Importa nbgrader una sola vez y califica, una tras otra, las entregas que le pide `motor` (una orden
JSON por línea; una respuesta JSON por línea). Cada entrega tiene su propio curso temporal y su propio
libro de notas privado, fuera de lo que ve el participante. Solo el **kernel** que ejecuta el cuaderno
del participante corre aislado con bwrap: su orden se envuelve (`NucleoAislado`) y habla con este
proceso por sockets de Unix (transporte IPC) en su carpeta privada, así que no necesita red. El
kernel es nuevo en cada entrega y se termina al acabarla.

Con `--madre`, el proceso importa nbgrader una vez y se divide (`os.fork`, solo Linux, donde está
bwrap) en un calificador por núcleo: importar nbgrader cuesta más de un segundo de CPU por proceso.
Cada hijo es un calificador igual que el de arriba, con su propia sesión de procesos (para terminarlo
con sus kernels) y hablando con `motor` por su propio socket.

Solo se usa cuando bwrap funciona; sin bwrap cada entrega se califica en su propio proceso.

Lo que cambia respecto de `nbgrader autograde` (los puntajes son los mismos; ver el benchmark):
- el libro de notas privado es una copia desechable: SQLite no espera al disco (`synchronous=OFF`);
- nbconvert valida el cuaderno una vez al final y no después de cada paso (`optimistic_validation`);
- los metadatos de nbgrader se validan contra su esquema ya compilado (`RevisarMetadatos`);
- el kernel se termina sin esperar su apagado ordenado: ya no queda nada que ejecutar.
"""

from __future__ import annotations

import functools
import io
import json
import logging
import os
import socket
import sys
import traceback

import jsonschema
from jupyter_client.manager import AsyncKernelManager
from nbgrader.nbgraderformat.common import BaseMetadataValidator, ValidationError
from nbgrader.nbgraderformat.v3 import MetadataValidatorV3
from nbgrader.preprocessors import CheckCellMetadata, Execute

from lideres.curso.carpeta import CONFIG


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


_ESQUEMAS: dict[int, object] = {}


class _EsquemaCompilado(BaseMetadataValidator):
    """`jsonschema.validate` revisa el esquema mismo en cada celda (la mayor parte del costo); el
    esquema de nbgrader no cambia: se compila una vez por proceso. Los mismos errores que nbgrader."""

    def validate_cell(self, cell) -> None:
        if "nbgrader" not in cell.metadata or cell.metadata["nbgrader"].get("schema_version", 0) != self.schema_version:
            return super().validate_cell(cell)  # sin metadatos o de otra versión: como nbgrader
        if self.schema_version not in _ESQUEMAS:
            _ESQUEMAS[self.schema_version] = jsonschema.validators.validator_for(self.schema)(self.schema)
        error = jsonschema.exceptions.best_match(_ESQUEMAS[self.schema_version].iter_errors(cell.metadata["nbgrader"]))
        if error is not None:
            raise error


class _Validador(MetadataValidatorV3, _EsquemaCompilado):
    """El validador de nbgrader (v3) con el esquema compilado una vez."""


class RevisarMetadatos(CheckCellMetadata):
    """`CheckCellMetadata` de nbgrader (mismo mensaje, mismo error) con `_Validador`."""

    def preprocess(self, nb, resources):
        try:
            _Validador().validate_nb(nb)
        except ValidationError:
            self.log.error(traceback.format_exc())
            mensaje = "Notebook failed to validate; the nbgrader metadata may be corrupted."
            self.log.error(mensaje)
            raise ValidationError(mensaje) from None
        return nb, resources


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
    config.Execute.shutdown_kernel = "immediate"
    config.NotebookExporter.optimistic_validation = True
    pasos = []
    for paso in Autograde.class_traits()["autograde_preprocessors"].default():
        pasos.append({Execute: EjecutarAislado, CheckCellMetadata: RevisarMetadatos}.get(paso, paso))
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


def servir(entrada, respuestas) -> None:
    """Una tarea JSON por línea de `entrada`, una respuesta JSON por línea en `respuestas`."""
    for linea in entrada:
        if not linea.strip():
            continue
        resultado = calificar(json.loads(linea))
        respuestas.write(json.dumps(resultado, ensure_ascii=False) + "\n")
        respuestas.flush()


def _preparar_proceso() -> None:
    """Lo que vale para todas las entregas de este proceso (y de sus hijos)."""
    import nbgrader.api
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    # nbgrader pregunta la versión de su esquema a `alembic` (un proceso) cada vez que crea un libro
    nbgrader.api.get_alembic_version = functools.lru_cache(maxsize=1)(nbgrader.api.get_alembic_version)

    # Este proceso solo abre libros privados, copias desechables: que SQLite no espere al disco
    @event.listens_for(Engine, "connect")
    def _sin_esperar_al_disco(conexion, _registro):
        conexion.execute("PRAGMA synchronous=OFF")

    import nbformat

    nbformat.validator.get_validator(version=4)  # el esquema de nbformat, compilado una vez
    _Validador()  # lee el esquema de nbgrader


def _hijo(fd: int, pedido: dict) -> None:
    """Un calificador nacido de la madre: su sesión, su entorno, su registro y su socket."""
    os.setsid()  # `motor` lo termina con todo lo que arranque (os.killpg)
    os.environ.clear()
    os.environ.update(pedido["entorno"])
    os.chdir(pedido["carpeta"])
    registro = os.open(pedido["registro"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(registro, 1)
    os.dup2(registro, 2)
    os.close(registro)
    with socket.socket(fileno=fd) as canal:
        canal.sendall((json.dumps({"pid": os.getpid()}) + "\n").encode())
        with canal.makefile("r", encoding="utf-8") as entrada, \
                canal.makefile("w", encoding="utf-8") as respuestas:
            servir(entrada, respuestas)


def madre(pedidos: list[dict]) -> None:
    """Se divide en un calificador por pedido ({"fd", "carpeta", "entorno", "registro"}) y espera a
    que todos terminen (así el sistema cuenta su CPU a quien lanzó la calificación)."""
    hijos = []
    for pedido in pedidos:
        pid = os.fork()
        if pid == 0:
            codigo = 0
            try:
                for otro in pedidos:
                    if otro is not pedido:
                        os.close(otro["fd"])
                _hijo(pedido["fd"], pedido)
            except BaseException:  # noqa: BLE001 — el hijo nunca vuelve al bucle de la madre
                traceback.print_exc()
                codigo = 1
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(codigo)
        hijos.append(pid)
    for pedido in pedidos:
        os.close(pedido["fd"])
    for pid in hijos:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # nada que limpiar: sin esto, cerrar Python con nbgrader cargado tarda ~1 s


def main() -> None:
    if sys.argv[1:2] == ["--madre"]:
        pedidos = json.loads(sys.stdin.readline())
        _preparar_proceso()
        madre(pedidos)
        return
    _preparar_proceso()
    # las respuestas van por un descriptor propio: lo que el kernel escriba en la salida no las mezcla
    respuestas = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    servir(sys.stdin, respuestas)


if __name__ == "__main__":
    main()
