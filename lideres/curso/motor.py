"""Lo que corre nbgrader: asignar y calificar, con cada entrega aislada del curso.

Cómo se aísla una entrega (el código del participante se ejecuta al calificar):
1. Se arma un curso temporal propio (fuera de la carpeta del curso) con solo su cuaderno, los
   ejercicios fuente y un libro de notas privado sin los demás participantes. HOME, la carpeta de
   trabajo y LIDERES_RAIZ apuntan ahí: `../gradebook.db` o `lideres.rutas.CURSO` son copias.
2. Si `bwrap` (bubblewrap) funciona (ver `aislamiento`): un proceso de confianza por núcleo
   (`trabajador`; nacen de una madre que importó nbgrader una vez) califica muchas entregas; solo el
   kernel que ejecuta el cuaderno corre dentro de bwrap, nuevo para cada entrega, sin ver el curso,
   el libro de notas ni las demás entregas.
3. Sin bwrap (o en Windows y macOS, donde no existe), cada entrega en su propio proceso de nbgrader,
   de una en una, con un tiempo máximo; al terminar se termina todo lo que haya dejado andando. Antes
   y después de cada una se comparan las huellas (sha256) del libro de notas y de las entregas
   guardadas; si algo cambió, se restaura la copia y se anota.
4. Solo este proceso escribe en el libro de notas real, copiando los puntajes del privado.
5. Una entrega ya calificada que no cambió (misma huella de su carpeta y del ejercicio) no se vuelve
   a calificar: sus notas manuales y comentarios del formgrader quedan como estaban.

La retroalimentación HTML no se escribe aquí: la escribe la orden (`lideres.comandos.curso`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import queue
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from lideres import rutas
from lideres.curso import aislamiento, ids, recoger, validar
from lideres.curso.carpeta import CONFIG, LIBRO, REGISTRO, Curso
from lideres.curso.lanzador import sin_gramatica_iri
from lideres.curso.puntos import puntos, puntos_de
from lideres.errores import ErrorLideres

__all__ = ["CONFIG", "REGISTRO", "Curso", "Resultado", "asignar", "calificar", "leer_estado", "libro",
           "preparar_curso", "puntajes_por_celda"]

_candado_registro = threading.Lock()
MOTIVO_TECNICO = "nbgrader no pudo calificar este cuaderno"


# ---------------------------------------------------------------- carpeta del curso

def preparar_curso(curso: Path | str | None, *, crear: bool = True) -> tuple[Curso, list[str]]:
    """La carpeta del curso lista para nbgrader. Si no tiene configuración y `crear` es True
    (al asignar), recibe la del proyecto (exercises/) y sus ejercicios; si no, un nombre mal
    escrito da un error en vez de un curso nuevo."""
    curso = Curso(Path(curso or rutas.CURSO).expanduser().resolve())
    notas: list[str] = []
    if curso.raiz.exists() and not curso.raiz.is_dir():
        raise ErrorLideres(f"«{curso}» es un archivo, no una carpeta.",
                           como_arreglar="Usa --curso con una carpeta (puede estar vacía).")
    if not crear and not curso.ruta_config.exists():
        raise ErrorLideres(
            f"La carpeta {curso} no es un curso: no tiene {CONFIG}.",
            como_arreglar="Revisa el nombre de la carpeta en --curso. Un curso nuevo empieza con "
            "`lideres curso asignar EJERCICIO --curso CARPETA`.")
    base = Curso(rutas.CURSO)
    mismo = base.raiz.resolve() == curso.raiz
    if not curso.ruta_config.exists():
        if not base.ruta_config.is_file() or mismo:
            raise ErrorLideres(
                f"Falta la configuración de los ejercicios del proyecto ({base.ruta_config}).",
                como_arreglar="Vuelve a copiar la carpeta exercises/ del proyecto (por ejemplo con "
                "`git checkout exercises/` o descargándolo otra vez).")
        curso.raiz.mkdir(parents=True, exist_ok=True)
        shutil.copy2(base.ruta_config, curso.ruta_config)
        notas.append(f"La carpeta {curso} no tenía {CONFIG}: se creó con la configuración del curso.")
        curso = Curso(curso.raiz)  # relee la configuración recién copiada
    if not curso.source.is_dir() and base.source.is_dir() and not mismo:
        shutil.copytree(base.source, curso.source)
        notas.append(f"Se copiaron los ejercicios del curso a {curso.source}.")
    return curso, notas


def entorno_base() -> dict:
    """Variables de entorno para correr nbgrader con el Python de este entorno virtual."""
    entorno = dict(os.environ)
    # nbgrader llama a `alembic` por nombre: bin/ del venv, o Scripts\ en Windows y con conda.
    entorno["PATH"] = rutas.path_con_el_entorno(entorno.get("PATH"))
    entorno.setdefault("PYTHONIOENCODING", "utf-8")
    return entorno


def _anotar(curso: Curso, titulo: str, texto: str) -> None:
    with _candado_registro, open(Curso.de(curso).registro, "a", encoding="utf-8", errors="replace") as f:
        f.write(f"\n===== {dt.datetime.now().isoformat(timespec='seconds')} · {titulo} =====\n")
        f.write(texto)


def nbgrader(curso: Curso, *argumentos: str) -> subprocess.CompletedProcess:
    """Corre `nbgrader ...` en la carpeta del curso; su salida (en inglés) va a nbgrader.log."""
    orden = [sys.executable, "-m", "lideres.curso.lanzador", *argumentos]
    hecho = subprocess.run(orden, cwd=curso, env=entorno_base(), capture_output=True, text=True,
                           errors="replace", check=False)
    _anotar(curso, " ".join(argumentos), hecho.stdout + hecho.stderr)
    return hecho


def id_del_curso(curso: Curso | Path) -> str:
    return Curso.de(curso).id


def opcion_curso(curso: Curso | Path) -> str:
    """' --curso "CARPETA"' para repetir en los consejos, o '' si es el curso del proyecto."""
    return Curso.de(curso).opcion()


def ruta_libro(curso: Curso | Path, ejercicio: str = "02_conteos_y_tasas") -> Path:
    return Curso.de(curso).exigir_libro(ejercicio)


def libro(curso: Curso | Path, ruta: Path | None = None):
    """El libro de notas (gradebook) de nbgrader; sin `ruta`, el del curso, que ya debe existir."""
    return Curso.de(curso).libro(ruta)


def bwrap_disponible(curso: Curso | Path | None = None) -> bool:
    """True si bubblewrap puede aislar a este Python con nbgrader (ver `aislamiento`)."""
    return aislamiento.disponible([Path(curso)] if curso else [])


def puntajes_por_celda(curso: Curso | Path, ejercicio: str) -> dict:
    """{participante: {grade_id: (puntaje automático, máximo)}} del cuaderno calificado `ejercicio`."""
    from nbgrader.api import MissingEntry

    resultado = {}
    with libro(curso) as gb:
        for alumno in gb.students:
            try:
                entrega = gb.find_submission_notebook(ejercicio, ejercicio, alumno.id)
            except MissingEntry:
                continue
            resultado[alumno.id] = {g.name: (g.auto_score, g.max_score) for g in entrega.grades}
    return resultado


# ---------------------------------------------------------------- asignar

def asignar(curso: Curso | Path, ejercicio: str, *, forzar: bool = False) -> list[str]:
    """Genera la versión para participantes (sin soluciones ni pruebas ocultas). Devuelve líneas."""
    curso = Curso.de(curso)
    recoger.cuadernos_del_ejercicio(curso, ejercicio)
    liberado = curso.release / ejercicio
    if liberado.exists() and not forzar:
        lineas = [f"El ejercicio {ejercicio} ya estaba asignado: {liberado}",
                  "Para volver a generarlo después de cambiar source/, usa --forzar."]
    else:
        argumentos = ["generate_assignment", ejercicio] + (["--force"] if forzar else [])
        hecho = nbgrader(curso, *argumentos)
        if hecho.returncode != 0 or not liberado.exists():
            raise ErrorLideres(
                f"nbgrader no pudo generar el ejercicio {ejercicio}.",
                como_arreglar=f"Revisa el detalle técnico al final de {curso.registro}.")
        lineas = [f"Listo: versión para participantes en {liberado}"]
    for cuaderno in sorted(liberado.glob("*.ipynb")):
        lineas.append(f"  · {cuaderno.name} — compártelo por USB, correo o WhatsApp.")
    # Exchange.root en el curso o en la configuración de Jupyter (así lo pone un JupyterHub)
    if "root" in recoger.configuracion_nbgrader(curso).get("Exchange", {}):
        hecho = nbgrader(curso, "release_assignment", ejercicio, "--force")
        if hecho.returncode == 0:
            lineas.append("También quedó publicado en el intercambio de nbgrader (Exchange.root).")
        else:
            lineas.append(f"Aviso: no se pudo publicar en el intercambio de nbgrader; ver {curso.registro}.")
    return lineas


# ---------------------------------------------------------------- calificar

@dataclass
class Resultado:
    codigo: str
    nombre: str
    estado: str = "pendiente"          # pendiente (aún sin calificar) | calificado | no_calificado
    motivo: str = ""
    detalle: str = ""                  # la primera línea técnica cuando nbgrader falló
    notas: list[str] = field(default_factory=list)
    puntajes: dict = field(default_factory=dict)  # (cuaderno, id) -> {auto, maximo}
    manuales: set = field(default_factory=set)    # (cuaderno, id) de respuestas que se revisan a mano
    comentarios: dict = field(default_factory=dict)
    fecha_entrega: dt.datetime | None = None
    calificados: Path | None = None    # carpeta autograded/ del curso temporal
    libro_privado: Path | None = None
    huella: str = ""                   # de la entrega y del ejercicio, para no calificar dos veces lo mismo
    sin_cambios: bool = False          # ya estaba calificada así: se conservó lo anterior
    segundos: float = 0.0

    @property
    def auto(self) -> float:
        return sum(p["auto"] or 0 for c, p in self.puntajes.items() if c not in self.manuales)

    @property
    def maximo_auto(self) -> float:
        return sum(p["maximo"] or 0 for c, p in self.puntajes.items() if c not in self.manuales)


def huella_entrega(curso: Curso, ejercicio: str, codigo: str) -> str:
    """sha256 de la entrega (nombres y bytes) y de lo que la califica (ejercicio fuente y configuración)."""
    suma = hashlib.sha256()
    for carpeta, etiqueta in ((curso.entrega(codigo, ejercicio), "entrega"), (curso.source / ejercicio, "fuente")):
        # timestamp.txt cambia en cada recojo aunque el cuaderno sea el mismo: no cuenta
        for archivo in sorted(p for p in carpeta.rglob("*") if p.is_file() and p.name != "timestamp.txt"):
            suma.update(f"{etiqueta}/{archivo.relative_to(carpeta).as_posix()}\0".encode())
            suma.update(hashlib.sha256(archivo.read_bytes()).digest())
    if curso.ruta_config.is_file():
        suma.update(curso.ruta_config.read_bytes())
    return suma.hexdigest()


def _huellas(curso: Curso, vistos: dict) -> dict[str, str]:
    """sha256 de lo que una entrega no debe tocar: libro de notas, entregas y ejercicios.

    `vistos` guarda {archivo: (tamaño, fechas, inodo, sha256)} entre llamadas: un archivo con el mismo
    tamaño, fechas e inodo no se vuelve a leer. La fecha de cambio (ctime) no se puede falsificar
    desde el cuaderno, así que un archivo reescrito siempre se vuelve a leer."""
    curso = Curso.de(curso)
    archivos = [curso.ruta_libro, curso.lista, curso.ruta_config]
    for carpeta in (curso.submitted, curso.recibidos, curso.source, curso.release):
        if carpeta.is_dir():
            archivos += carpeta.rglob("*")
    huellas = {}
    for archivo in archivos:
        try:
            datos = archivo.stat()
        except OSError:
            continue
        if not stat.S_ISREG(datos.st_mode):
            continue
        relativa = str(archivo.relative_to(curso.raiz))
        clave = (datos.st_size, datos.st_mtime_ns, datos.st_ctime_ns, datos.st_ino)
        if relativa not in vistos or vistos[relativa][0] != clave:
            vistos[relativa] = (clave, hashlib.sha256(archivo.read_bytes()).hexdigest())
        huellas[relativa] = vistos[relativa][1]
    return huellas


def _respaldar(curso: Curso, respaldo: Path, vistos: dict) -> dict[str, str]:
    huellas = _huellas(curso, vistos)
    for relativa in huellas:
        destino = respaldo / relativa
        destino.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(curso / relativa, destino)
    return huellas


def _restaurar_si_cambio(curso: Curso, respaldo: Path, huellas: dict[str, str], vistos: dict) -> list[str]:
    ahora = _huellas(curso, vistos)
    cambiados = [r for r, h in huellas.items() if ahora.get(r) != h]
    for relativa in cambiados:
        (curso / relativa).parent.mkdir(parents=True, exist_ok=True)
        (curso / relativa).unlink(missing_ok=True)  # puede ser de solo lectura
        shutil.copy2(respaldo / relativa, curso / relativa)
    return cambiados


def _libro_plantilla(curso: Curso, destino: Path, ejercicio: str) -> Path:
    """Copia del libro de notas real sin participantes: solo el ejercicio y sus celdas."""
    from nbgrader.api import MissingEntry

    plantilla = destino / LIBRO
    shutil.copy2(curso.exigir_libro(ejercicio), plantilla)
    with curso.libro(plantilla) as gb:
        try:
            gb.find_assignment(ejercicio)
        except MissingEntry:
            raise ErrorLideres(f"El ejercicio {ejercicio} no está en el libro de notas.",
                               como_arreglar="Primero asígnalo: "
                               + rutas.orden_lideres(f"curso asignar {ejercicio}{curso.opcion()}")) from None
        for alumno in list(gb.students):
            gb.remove_student(alumno.id)
    return plantilla


def _motivo_de_falla(salida: str) -> str:
    if "DeadKernelError" in salida or "Kernel died" in salida or "kernel died" in salida:
        return ("El cuaderno cerró Python a la fuerza (por ejemplo con os._exit, o usó demasiada "
                "memoria) y no se pudo terminar de calificar. Revisa sus celdas de respuesta.")
    if "UnresponsiveKernelError" in salida or "unresponsive" in salida:
        return ("Python dejó de responder (un bucle que no se deja interrumpir o que usa mucha memoria). "
                "Revisa sus celdas de respuesta.")
    if "No notebooks found" in salida or "Skipping unknown notebook" in salida:
        return "No se encontró el cuaderno del ejercicio en la entrega."
    return f"{MOTIVO_TECNICO}; el detalle técnico está en {REGISTRO}."


def _recortar_salidas(cuaderno: Path) -> None:
    """Salidas gigantes se recortan en el cuaderno calificado (sin bwrap; con bwrap lo hace nbgrader)."""
    import nbformat

    from lideres.curso.preprocesadores import RecortarSalidas

    nb = nbformat.read(cuaderno, as_version=4)
    antes = nbformat.writes(nb)
    nb, _ = RecortarSalidas().preprocess(nb, {})
    despues = nbformat.writes(nb)
    if despues != antes:
        cuaderno.chmod(0o644)  # nbgrader lo deja de solo lectura
        cuaderno.write_text(despues, encoding="utf-8")
        cuaderno.chmod(0o444)


@dataclass
class _Privado:
    """El curso temporal de una entrega: `carpeta` (lo único que el kernel puede escribir) y el libro."""
    carpeta: Path
    raiz: Path
    libro: Path

    def variables(self) -> dict:
        """Entorno del código del participante: todo apunta a su carpeta privada."""
        return dict(HOME=str(self.carpeta / "home"), TMPDIR=str(self.carpeta / "tmp"),
                    LIDERES_RAIZ=str(self.carpeta / "raiz"),
                    LIDERES_COMPARTIDO=str(self.carpeta / "raiz" / "compartido"),
                    JUPYTER_RUNTIME_DIR=str(self.carpeta / "home" / "runtime"),
                    JUPYTER_CONFIG_DIR=str(self.carpeta / "home" / "jupyter"),
                    IPYTHONDIR=str(self.carpeta / "home" / "ipython"), MPLBACKEND="Agg",
                    OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", PYTHONDONTWRITEBYTECODE="1")


def _preparar_privado(curso: Curso, ejercicio: str, res: Resultado, trabajo: Path, plantilla: Path,
                      *, copiar_datos: bool) -> _Privado:
    carpeta = Path(tempfile.mkdtemp(prefix=f"p-{res.codigo[:20]}-", dir=trabajo / "privados"))
    raiz = carpeta / "curso"
    for sub in ("home", "tmp", "raiz", "k"):
        (carpeta / sub).mkdir()
    raiz.mkdir()
    shutil.copy2(curso.ruta_config, raiz / CONFIG)
    copia = Curso(raiz)  # con la misma configuración, las mismas carpetas
    shutil.copytree(curso.source / ejercicio, copia.source / ejercicio)
    shutil.copytree(curso.entrega(res.codigo, ejercicio), copia.entrega(res.codigo, ejercicio))
    if copiar_datos and Path(rutas.DATOS).is_dir():  # la entrega puede usar lideres.cargar(...)
        shutil.copytree(rutas.DATOS, carpeta / "raiz" / "data")
    libro_privado = trabajo / "libros" / f"{carpeta.name}.db"  # fuera de lo que ve el kernel
    shutil.copy2(plantilla, libro_privado)
    return _Privado(carpeta, raiz, libro_privado)


def _correr_proceso(privado: _Privado, ejercicio: str, res: Resultado, tiempo_celda: int | None,
                    tiempo_total: int, procesos: dict) -> tuple[bool, str, bool]:
    """Sin bwrap: nbgrader en su propio proceso. Devuelve (terminó bien, salida, se pasó del tiempo)."""
    orden = [sys.executable, "-m", "lideres.curso.lanzador", "autograde", ejercicio, "--student", res.codigo,
             "--force", f"--CourseDirectory.root={privado.raiz}",
             f"--CourseDirectory.db_url=sqlite:///{privado.libro}"]
    if tiempo_celda:
        orden.append(f"--Execute.timeout={int(tiempo_celda)}")
    entorno = {k: v for k, v in entorno_base().items()
               if not k.startswith(("LIDERES_", "JUPYTER", "IPYTHON", "NBGRADER"))}
    entorno.update(privado.variables())
    registro = privado.libro.with_suffix(".log")  # fuera de la carpeta privada, como el libro
    with open(registro, "wb") as archivo:
        proceso = subprocess.Popen(orden, cwd=privado.raiz, env=entorno, stdin=subprocess.DEVNULL,
                                   stdout=archivo, stderr=subprocess.STDOUT, start_new_session=True)
    procesos[res.codigo] = proceso
    try:
        se_paso = aislamiento.esperar(proceso, tiempo_total)
    finally:
        procesos.pop(res.codigo, None)
    salida = registro.read_bytes().decode("utf-8", "replace") if registro.is_file() else ""
    return proceso.returncode == 0, salida, se_paso


def _entorno_trabajador(carpeta: Path) -> dict:
    """Entorno de un calificador: sin las variables del curso real; su HOME y carpetas de Jupyter."""
    entorno = {k: v for k, v in entorno_base().items()
               if not k.startswith(("LIDERES_", "JUPYTER", "IPYTHON", "NBGRADER"))}
    entorno.update(HOME=str(carpeta / "home"), JUPYTER_RUNTIME_DIR=str(carpeta / "runtime"),
                   JUPYTER_CONFIG_DIR=str(carpeta / "jupyter"), PYTHONDONTWRITEBYTECODE="1")
    return entorno


class _Trabajador:
    """Un calificador de confianza (`lideres.curso.trabajador`): califica una entrega tras otra.

    Nace de la madre (`_Madre`, que ya importó nbgrader) o, si no hay madre o hay que reemplazarlo
    (se pasó del tiempo), como un proceso propio."""

    def __init__(self, trabajo: Path, numero: int):
        self.carpeta = trabajo / f"trabajador-{numero}"
        (self.carpeta / "home").mkdir(parents=True, exist_ok=True)
        self.proceso: subprocess.Popen | None = None   # proceso propio
        self.canal: socket.socket | None = None         # hijo de la madre: su socket
        self.pid: int | None = None                     # y su número (y el de su grupo de procesos)
        self.escritura = None
        self.respuestas: queue.Queue = queue.Queue()
        self.termino = threading.Event()  # su salida se cerró: ya no califica

    @property
    def registro(self) -> Path:
        return self.carpeta / "salida.log"

    def pedido(self) -> tuple[dict, socket.socket]:
        """Lo que la madre necesita para dar a luz a este calificador, y el extremo del socket que le toca."""
        mio, suyo = socket.socketpair()
        self.canal, self.pid = mio, None
        self.escritura = mio.makefile("w", encoding="utf-8")
        self.respuestas, self.termino = queue.Queue(), threading.Event()
        threading.Thread(target=self._leer, args=(mio.makefile("r", encoding="utf-8", errors="replace"),
                                                   self.respuestas, self.termino), daemon=True).start()
        return {"fd": suyo.fileno(), "carpeta": str(self.carpeta), "registro": str(self.registro),
                "entorno": _entorno_trabajador(self.carpeta)}, suyo

    def arrancar(self) -> None:
        """Un calificador en su propio proceso (importa nbgrader él mismo)."""
        self.errores = open(self.registro, "ab")  # noqa: SIM115 — vive con el proceso
        self.proceso = subprocess.Popen([sys.executable, "-m", "lideres.curso.lanzador", "trabajador"],
                                        cwd=self.carpeta, env=_entorno_trabajador(self.carpeta),
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errores,
                                        text=True, encoding="utf-8", errors="replace", start_new_session=True)
        self.escritura = self.proceso.stdin
        self.respuestas, self.termino = queue.Queue(), threading.Event()
        threading.Thread(target=self._leer, args=(self.proceso.stdout, self.respuestas, self.termino),
                         daemon=True).start()

    def _leer(self, salida, respuestas: queue.Queue, termino: threading.Event) -> None:
        with contextlib.suppress(OSError, ValueError):
            for linea in salida:
                if linea.startswith('{"pid": '):  # el hijo de la madre dice quién es
                    self.pid = json.loads(linea)["pid"]
                    continue
                respuestas.put(linea)
        termino.set()
        respuestas.put(None)

    def vivo(self) -> bool:
        return (self.proceso is not None or self.canal is not None) and not self.termino.is_set()

    def calificar(self, tarea: dict, tiempo_total: int) -> tuple[bool, str, bool]:
        if not self.vivo():
            self.detener()
            self.arrancar()
        try:
            self.escritura.write(json.dumps(tarea, ensure_ascii=False) + "\n")
            self.escritura.flush()
            linea = self.respuestas.get(timeout=tiempo_total)
        except queue.Empty:
            self.detener()
            return False, "", True
        except OSError as e:
            self.detener()
            return False, f"El calificador se cerró: {e}", False
        if linea is None:
            self.detener()
            return False, "El calificador se cerró sin responder.\n" + self._final_del_registro(), False
        respuesta = json.loads(linea)
        return bool(respuesta["ok"]), respuesta["registro"], False

    def _final_del_registro(self) -> str:
        with contextlib.suppress(OSError):
            return self.registro.read_bytes()[-4000:].decode("utf-8", "replace")
        return ""

    def detener(self, *, a_la_fuerza: bool = True) -> None:
        """Lo termina (y a los kernels que haya dejado). Sin `a_la_fuerza`, primero le pide que termine."""
        if self.proceso is not None:
            if not a_la_fuerza and self.proceso.poll() is None:
                with contextlib.suppress(OSError, subprocess.SubprocessError):
                    self.proceso.stdin.close()  # fin de las órdenes: sale solo
                    self.proceso.wait(timeout=10)
            aislamiento.matar_grupo(self.proceso)
            with contextlib.suppress(OSError, subprocess.SubprocessError):
                self.proceso.wait(timeout=10)
            self.errores.close()
        if self.canal is not None:
            termino = self.termino.is_set()  # cerró su socket: ya está saliendo
            if not a_la_fuerza and not termino:
                with contextlib.suppress(OSError, queue.Empty):
                    self.canal.shutdown(socket.SHUT_WR)  # fin de las órdenes: sale solo
                    while self.respuestas.get(timeout=10) is not None:
                        pass
                    termino = True
            if self.pid is not None and not termino:
                aislamiento.matar_grupo_de(self.pid)
            with contextlib.suppress(OSError):
                self.escritura.close()
                self.canal.close()
        self.proceso = self.canal = self.pid = None


class _Madre:
    """`python -m lideres.curso.lanzador trabajador --madre`: importa nbgrader una vez y se divide en
    los calificadores (uno por núcleo), en vez de que cada uno lo importe (más de 1 s de CPU cada uno)."""

    def __init__(self, trabajo: Path, trabajadores: list[_Trabajador]):
        pedidos, extremos = zip(*(t.pedido() for t in trabajadores), strict=True)
        carpeta = trabajo / "madre"
        (carpeta / "home").mkdir(parents=True, exist_ok=True)
        with open(carpeta / "salida.log", "ab") as errores:
            self.proceso = subprocess.Popen(
                [sys.executable, "-m", "lideres.curso.lanzador", "trabajador", "--madre"], cwd=carpeta,
                env=_entorno_trabajador(carpeta), stdin=subprocess.PIPE, stdout=errores, stderr=errores,
                pass_fds=[p["fd"] for p in pedidos], start_new_session=True)
        for extremo in extremos:
            extremo.close()
        with contextlib.suppress(OSError):  # por la entrada, no en la orden: `ps` no muestra el entorno
            self.proceso.stdin.write(json.dumps(pedidos).encode() + b"\n")
            self.proceso.stdin.close()

    @staticmethod
    def posible() -> bool:
        return hasattr(os, "fork") and hasattr(socket, "AF_UNIX") and sys.platform.startswith("linux")

    def detener(self, *, a_la_fuerza: bool = True) -> None:
        """Sin `a_la_fuerza`, espera a que termine sola (cuando terminan sus hijos). Sus hijos tienen su
        propia sesión: los detiene cada `_Trabajador`."""
        if self.proceso is None:
            return
        if not a_la_fuerza:
            with contextlib.suppress(OSError, subprocess.SubprocessError):
                self.proceso.wait(timeout=10)
        if self.proceso.poll() is None:
            aislamiento.matar_grupo(self.proceso)
            with contextlib.suppress(OSError, subprocess.SubprocessError):
                self.proceso.wait(timeout=10)
        self.proceso = None


def _calificar_una(curso: Curso, ejercicio: str, res: Resultado, trabajo: Path, plantilla: Path,
                   tiempo_celda: int | None, tiempo_total: int, procesos: dict,
                   trabajadores: queue.Queue | None, restaurar=None) -> Resultado:
    inicio = time.monotonic()
    privado = _preparar_privado(curso, ejercicio, res, trabajo, plantilla, copiar_datos=trabajadores is None)
    if trabajadores is None:
        try:
            termino, salida, se_paso = _correr_proceso(privado, ejercicio, res, tiempo_celda, tiempo_total,
                                                       procesos)
        finally:
            if restaurar is not None:
                restaurar(res)
    else:
        lectura = [(Path(rutas.DATOS), privado.carpeta / "raiz" / "data")] if Path(rutas.DATOS).is_dir() else []
        envoltura = aislamiento.envoltura(escribibles=[privado.carpeta], tapadas=[curso.raiz, trabajo],
                                          variables=privado.variables(), lectura=lectura)
        tarea = {"raiz": str(privado.raiz), "libro": str(privado.libro), "ejercicio": ejercicio,
                 "codigo": res.codigo, "tiempo_celda": tiempo_celda, "envoltura": envoltura,
                 "sockets": str(privado.carpeta / "k")}
        trabajador = trabajadores.get()
        try:
            termino, salida, se_paso = trabajador.calificar(tarea, tiempo_total)
        finally:
            trabajadores.put(trabajador)
    _anotar(curso, f"autograde {ejercicio} · {res.codigo}", salida)
    calificado = Curso(privado.raiz).calificada(res.codigo, ejercicio)
    if se_paso:
        res.estado, res.motivo = "no_calificado", (
            f"La calificación tardó más de {tiempo_total} segundos y se detuvo. Revisa sus celdas de respuesta.")
    elif not _libro_sano(privado.libro, plantilla):
        res.estado, res.motivo = "no_calificado", (
            "El cuaderno intentó borrar o cambiar el libro de notas (gradebook.db); no se calificó. "
            "Revisa su código: el libro de notas del curso no se tocó.")
    elif not termino or not any(calificado.glob("*.ipynb")):
        res.estado, res.motivo = "no_calificado", _motivo_de_falla(salida)
    else:
        try:
            _leer_privado(curso, privado.libro, ejercicio, res)
            if trabajadores is None:
                for cuaderno in calificado.glob("*.ipynb"):
                    _recortar_salidas(cuaderno)
            res.estado, res.calificados = "calificado", calificado
        except Exception as e:  # libro privado o cuaderno calificado ilegibles
            salida = f"{type(e).__name__}: {e}"
            res.estado, res.motivo = "no_calificado", _motivo_de_falla(salida)
    if res.estado == "no_calificado" and res.motivo.startswith(MOTIVO_TECNICO):
        res.detalle = aislamiento.primera_linea_util(salida)
    res.segundos = time.monotonic() - inicio
    return res


def _libro_sano(ruta: Path, plantilla: Path) -> bool:
    """El libro privado sigue teniendo las tablas y el ejercicio de la plantilla (nadie lo borró ni cambió)."""
    import sqlite3

    def huella(r: Path):
        with contextlib.closing(sqlite3.connect(f"file:{r}?mode=ro", uri=True)) as con:
            tablas = sorted(f[0] for f in con.execute("select name from sqlite_master where type='table'"))
            filas = [con.execute(f"select count(*) from {t}").fetchone()[0]
                     for t in ("assignment", "notebook", "base_cell", "source_cell") if t in tablas]
            return tablas, filas

    try:
        return ruta.is_file() and huella(ruta) == huella(plantilla)
    except sqlite3.Error:
        return False


def _leer_privado(curso: Curso, ruta: Path, ejercicio: str, res: Resultado) -> None:
    with curso.libro(ruta) as gb:
        entrega = gb.find_submission(ejercicio, res.codigo)
        res.fecha_entrega = entrega.timestamp
        for cuaderno in entrega.notebooks:
            for nota in cuaderno.grades:
                res.puntajes[(cuaderno.name, nota.name)] = {"auto": nota.auto_score, "maximo": nota.max_score}
            for comentario in cuaderno.comments:
                res.comentarios[(cuaderno.name, comentario.name)] = comentario.auto_comment


def _respuestas_escritas(carpeta: Path | None, manuales: set) -> dict:
    """{(cuaderno, id): texto} de las respuestas que se califican a mano, en un cuaderno calificado."""
    import nbformat
    from nbgrader.utils import is_grade, is_solution

    textos = {}
    for ruta in sorted(carpeta.glob("*.ipynb")) if carpeta and carpeta.is_dir() else []:
        with contextlib.suppress(Exception):  # un cuaderno ilegible cuenta como respuesta cambiada
            for celda in nbformat.read(ruta, as_version=4).cells:
                if is_grade(celda) and is_solution(celda):
                    textos[(ruta.stem, celda.metadata.nbgrader.get("grade_id"))] = celda.source
    return textos


def _guardar_en_libro(curso: Curso, ejercicio: str, resultados: list[Resultado], lista: dict) -> None:
    """Copia nombres y puntajes al libro de notas real.

    Las notas manuales (manual_score, manual_comment) nunca se borran. Una nota manual vuelve a
    quedar «por revisar» solo si cambió lo que calificaba: el texto de esa respuesta escrita, o el
    puntaje automático de esa prueba."""
    with warnings.catch_warnings(), curso.libro() as gb:
        warnings.simplefilter("ignore")  # avisos internos de SQLAlchemy en nbgrader, sin efecto
        for res in resultados:
            nombre, apellidos = ids.nombre_y_apellidos(ids.nombre_de(lista, res.codigo))
            gb.update_or_create_student(res.codigo, first_name=nombre, last_name=apellidos)
            if res.estado != "calificado" or res.sin_cambios:
                continue
            antes = _respuestas_escritas(curso.calificada(res.codigo, ejercicio), res.manuales)
            ahora = _respuestas_escritas(res.calificados, res.manuales)
            extra = {"timestamp": res.fecha_entrega} if res.fecha_entrega else {}
            gb.update_or_create_submission(ejercicio, res.codigo, **extra)
            for (cuaderno, celda), puntaje in res.puntajes.items():
                nota = gb.find_grade(celda, cuaderno, ejercicio, res.codigo)
                auto_antes = nota.auto_score
                nota.auto_score = puntaje["auto"]
                if nota.manual_score is None:
                    nota.needs_manual_grade = nota.auto_score is None
                elif (cuaderno, celda) in res.manuales:
                    if antes.get((cuaderno, celda)) != ahora.get((cuaderno, celda)):
                        nota.needs_manual_grade = True  # reescribió la respuesta que ya se había revisado
                elif auto_antes != nota.auto_score:
                    nota.needs_manual_grade = True
            for (cuaderno, celda), texto in res.comentarios.items():
                gb.find_comment(celda, cuaderno, ejercicio, res.codigo).auto_comment = texto
            gb.db.commit()


def _copiar_calificados(curso: Curso, ejercicio: str, res: Resultado) -> None:
    destino = curso.calificada(res.codigo, ejercicio)
    if destino.exists():
        shutil.rmtree(destino)
    shutil.copytree(res.calificados, destino)


def entregas_recogidas(curso: Curso | Path, ejercicio: str) -> list[str]:
    carpeta = Curso.de(curso).submitted
    if not carpeta.is_dir():
        return []
    return sorted(p.name for p in carpeta.iterdir() if (p / ejercicio).is_dir())


def _ya_calificada(curso: Curso, ejercicio: str, res: Resultado, anterior: dict, gb) -> bool:
    """La entrega no cambió desde que se calificó bien: se conserva todo (puntajes y notas manuales)."""
    from nbgrader.api import MissingEntry

    if anterior.get("estado") != "calificado" or anterior.get("huella") != res.huella:
        return False
    if not any(curso.calificada(res.codigo, ejercicio).glob("*.ipynb")):
        return False
    try:
        entrega = gb.find_submission(ejercicio, res.codigo)
    except MissingEntry:
        return False
    for cuaderno in entrega.notebooks:
        for nota in cuaderno.grades:
            res.puntajes[(cuaderno.name, nota.name)] = {"auto": nota.auto_score, "maximo": nota.max_score}
    res.estado, res.motivo, res.sin_cambios = "calificado", "", True
    res.notas = list(anterior.get("notas") or [])
    return True


def calificar(curso: Curso | Path, ejercicio: str, *, trabajadores: int | None = None,
              tiempo_celda: int | None = None, avisar=print, todas: bool = False) -> list[Resultado]:
    """Califica las entregas recogidas nuevas o cambiadas (o `todas`); una entrega mala nunca detiene
    a las demás. Guarda puntajes en el libro de notas y el estado en reportes/calificacion.json."""
    sin_gramatica_iri()  # este proceso también lee cuadernos: que jsonschema no compile lo que no se usa
    curso = Curso.de(curso)
    esperados = recoger.cuadernos_del_ejercicio(curso, ejercicio)
    codigos = entregas_recogidas(curso, ejercicio)
    if not codigos:
        raise ErrorLideres(f"Todavía no hay entregas de {ejercicio} en {curso.submitted}.",
                           como_arreglar="Las de los celulares llegan solas cuando tocan «Entregar». Las que "
                           "llegan por USB, correo o WhatsApp se recogen primero: "
                           + rutas.orden_lideres(f"curso recoger {ejercicio} CARPETA_O_ZIP{curso.opcion()}"))
    previo = leer_estado(curso).get(ejercicio) or {}  # si está dañado, se detiene aquí sin tocar nada
    lista = ids.leer_lista(curso)

    trabajo = Path(tempfile.mkdtemp(prefix="lideres-calificar-"))
    calificadores = None
    try:
        # Los calificadores aislados arrancan ya (importar nbgrader tarda), a la vez que se prueba bwrap
        # y que este proceso revisa las entregas; si no queda nada por calificar, se detienen.
        if aislamiento.posible():
            calificadores = _Calificadores(trabajo, min(trabajadores or min(2, os.cpu_count() or 1), len(codigos)),
                                           [curso.raiz])
        celdas, manuales = _leer_fuente(curso, ejercicio)
        tiempo_total = 60 + celdas * int(tiempo_celda or _tiempo_configurado(curso)) * 2

        resultados: list[Resultado] = []
        pendientes: list[Resultado] = []
        with contextlib.ExitStack() as pila:
            gb = pila.enter_context(curso.libro()) if not todas and previo and curso.ruta_libro.is_file() else None
            for codigo in codigos:
                res = Resultado(codigo=codigo, nombre=ids.nombre_de(lista, codigo), manuales=manuales,
                                notas=recoger.notas_del_ultimo_recojo(lista, codigo, ejercicio))
                for esperado in esperados:
                    motivo = validar.motivo_invalido(curso.entrega(codigo, ejercicio) / f"{esperado}.ipynb")
                    if motivo:
                        res.estado, res.motivo = "no_calificado", motivo
                        break
                if res.estado != "no_calificado":
                    res.huella = huella_entrega(curso, ejercicio, codigo)
                    if gb is not None and _ya_calificada(curso, ejercicio, res, previo.get(codigo) or {}, gb):
                        resultados.append(res)
                        continue
                (resultados if res.estado == "no_calificado" else pendientes).append(res)
        if not pendientes and calificadores is not None:
            calificadores.detener()
        return _calificar_pendientes(curso, ejercicio, resultados, pendientes, lista, previo, trabajo,
                                     calificadores=calificadores, tiempo_celda=tiempo_celda,
                                     tiempo_total=tiempo_total, avisar=avisar)
    finally:
        if calificadores is not None:
            calificadores.detener()
        shutil.rmtree(trabajo, ignore_errors=True)


class _Calificadores:
    """Los calificadores aislados (`_Trabajador`, hijos de una `_Madre` donde se puede) y, a la vez,
    la prueba de si bwrap funciona. Si no funciona, se detienen sin haber calificado nada."""

    def __init__(self, trabajo: Path, cuantos: int, tapadas: list[Path]):
        self.todos = [_Trabajador(trabajo, numero) for numero in range(max(1, cuantos))]
        self.madre = _Madre(trabajo, self.todos) if _Madre.posible() else None
        if self.madre is None:
            for trabajador in self.todos:
                trabajador.arrancar()
        self.libres: queue.Queue = queue.Queue()
        for trabajador in self.todos:
            self.libres.put(trabajador)
        self._prueba = ThreadPoolExecutor(max_workers=1)
        self.prueba = self._prueba.submit(aislamiento.probar, tapadas)
        self._prueba.shutdown(wait=False)

    def aislado(self) -> bool:
        return self.prueba.result()[0]

    def detener(self, *, a_la_fuerza: bool = True) -> None:
        for trabajador in self.todos:
            trabajador.detener(a_la_fuerza=a_la_fuerza)
        if self.madre is not None:
            self.madre.detener(a_la_fuerza=a_la_fuerza)


def _calificar_pendientes(curso: Curso, ejercicio: str, resultados: list[Resultado], pendientes: list[Resultado],
                          lista: dict, previo: dict, trabajo: Path, *, calificadores: _Calificadores | None,
                          tiempo_celda: int | None, tiempo_total: int, avisar) -> list[Resultado]:
    (trabajo / "privados").mkdir()
    (trabajo / "libros").mkdir()
    aislado = calificadores.aislado() if calificadores is not None else aislamiento.probar([curso.raiz])[0]
    if not aislado:
        if calificadores is not None:
            calificadores.detener()
        calificadores = None
        avisar(aislamiento.aviso_sin_aislamiento([curso.raiz]))
    grupo_trabajadores = calificadores.libres if aislado and calificadores is not None else None
    trabajadores = len(calificadores.todos) if grupo_trabajadores is not None else 1
    if trabajadores > 1:  # las entregas más grandes primero: la última en terminar no queda sola al final
        pendientes = sorted(pendientes, key=lambda r: -_tamano(curso.entrega(r.codigo, ejercicio)))
    codigos = [r.codigo for r in resultados + pendientes]
    sin_cambios = sum(r.sin_cambios for r in resultados)
    modo = ("aisladas con bwrap, " if aislado else "en carpetas temporales, sin bwrap, ") + (
        f"{trabajadores} a la vez" if trabajadores > 1 else "de una en una")
    avisar(f"Calificando {len(codigos)} {'entrega' if len(codigos) == 1 else 'entregas'} de {ejercicio} ({modo})."
           + (f" {sin_cambios} no cambiaron desde la última vez: se conserva su calificación."
              if sin_cambios else ""))
    total = len(codigos)
    hechos = 0
    for res in resultados:
        hechos += 1
        avisar(_linea_progreso(hechos, total, res))

    respaldo = Path(tempfile.mkdtemp(prefix="lideres-respaldo-"))
    procesos: dict = {}
    vistos: dict = {}
    try:
        plantilla = _libro_plantilla(curso, Path(tempfile.mkdtemp(dir=trabajo)), ejercicio)
        # Con bwrap el kernel no ve el curso: no hace falta copia de seguridad.
        huellas = None if aislado else _respaldar(curso, respaldo, vistos)
        def restaurar(res: Resultado) -> None:
            """Sin bwrap (de una en una): lo que la entrega cambió del curso vuelve antes de la siguiente."""
            cambiados = _restaurar_si_cambio(curso, respaldo, huellas, vistos)
            if cambiados:
                res.notas.append(
                    f"Mientras se calificaba cambiaron {len(cambiados)} archivo(s) del curso "
                    f"({', '.join(cambiados[:3])}); se restauraron desde la copia de seguridad.")

        with ThreadPoolExecutor(max_workers=trabajadores) as grupo:
            futuros = [grupo.submit(_calificar_una, curso, ejercicio, res, trabajo, plantilla,
                                    tiempo_celda, tiempo_total, procesos, grupo_trabajadores,
                                    None if huellas is None else restaurar)
                       for res in pendientes]
            try:
                for futuro in as_completed(futuros):
                    res = futuro.result()
                    hechos += 1
                    resultados.append(res)
                    avisar(_linea_progreso(hechos, total, res))
            except KeyboardInterrupt:
                for futuro in futuros:
                    futuro.cancel()
                for proceso in list(procesos.values()):
                    aislamiento.matar_grupo(proceso)
                if calificadores is not None:
                    calificadores.detener()
                raise
        if calificadores is not None:
            calificadores.detener(a_la_fuerza=False)
        _guardar_en_libro(curso, ejercicio, resultados, lista)
        for res in resultados:
            if res.estado == "calificado" and not res.sin_cambios:
                _copiar_calificados(curso, ejercicio, res)
        _guardar_estado(curso, ejercicio, resultados, previo)
    finally:
        shutil.rmtree(respaldo, ignore_errors=True)
    return sorted(resultados, key=lambda r: ids.clave_orden(r.nombre))


def _tamano(carpeta: Path) -> int:
    return sum(p.stat().st_size for p in carpeta.rglob("*") if p.is_file())


def falla_de_la_maquina(resultados: list[Resultado]) -> str | None:
    """Si *todas* las entregas que llegaron a nbgrader fallaron por el mismo motivo técnico, el
    problema está en esta computadora, no en los participantes: devuelve la primera línea del registro."""
    intentadas = [r for r in resultados if not r.sin_cambios and (r.detalle or r.estado == "calificado")]
    if len(intentadas) < 2 or any(r.estado == "calificado" for r in intentadas):
        return None
    detalles = {r.detalle for r in intentadas}
    return intentadas[0].detalle if len(detalles) == 1 else None


def _leer_fuente(curso: Curso, ejercicio: str) -> tuple[int, set[tuple[str, str]]]:
    """De los cuadernos fuente: cuántas celdas de código hay (para el tiempo máximo) y qué
    respuestas califica una persona: (cuaderno, id) de celdas de respuesta con puntos."""
    import nbformat
    from nbgrader.utils import is_grade, is_solution

    codigo, manuales = 0, set()
    for ruta in sorted((curso.source / ejercicio).glob("*.ipynb")):
        for celda in nbformat.read(ruta, as_version=4).cells:
            codigo += celda.cell_type == "code"
            if is_grade(celda) and is_solution(celda):
                manuales.add((ruta.stem, celda.metadata.nbgrader.get("grade_id")))
    return codigo, manuales


def _tiempo_configurado(curso: Curso) -> int:
    seccion = curso.seccion("Execute")
    try:
        return int(seccion["timeout"]) if "timeout" in seccion else 30
    except (TypeError, ValueError):
        return 30


def _linea_progreso(hechos: int, total: int, res: Resultado) -> str:
    ancho = len(str(total))
    cabeza = f"  [{hechos:>{ancho}}/{total}] {res.nombre}: "
    if res.estado == "calificado":
        texto = puntos_de(res.auto, res.maximo_auto) + (" automático" if res.maximo_auto == 1 else " automáticos")
        manuales = [res.puntajes[c] for c in res.manuales if c in res.puntajes]
        pendiente = sum(p["maximo"] or 0 for p in manuales if p["auto"] is None)
        if pendiente:
            texto += f" ({'falta' if pendiente == 1 else 'faltan'} {puntos(pendiente)} por revisar a mano)"
        elif manuales:
            texto += " (dejó en blanco la respuesta escrita)"
        if res.sin_cambios:
            texto += " — sin cambios, se conserva"
    else:
        texto = f"NO CALIFICADO — {res.motivo}"
    for nota in res.notas:
        texto += f"\n        Nota: {nota}"
    return cabeza + texto


def _guardar_estado(curso: Curso, ejercicio: str, resultados: list[Resultado], previo: dict) -> dict:
    """Guarda estado, motivo, notas, huella y fecha de calificación de cada entrega; devuelve los de
    `ejercicio`. Se escribe en un archivo nuevo y luego se reemplaza: nunca queda a medias."""
    estado = leer_estado(curso)
    ahora = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    estado[ejercicio] = {
        r.codigo: {"nombre": r.nombre, "estado": r.estado, "motivo": r.motivo, "notas": r.notas,
                   "fecha": (previo.get(r.codigo) or {}).get("fecha", ahora) if r.sin_cambios else ahora,
                   "huella": r.huella}
        for r in resultados
    }
    ruta = curso.estado
    ruta.parent.mkdir(parents=True, exist_ok=True)
    nuevo = ruta.with_name(ruta.name + ".nuevo")
    nuevo.write_text(json.dumps(estado, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(nuevo, ruta)
    return estado[ejercicio]


def leer_estado(curso: Curso | Path) -> dict:
    """reportes/calificacion.json ({} si todavía no se calificó). Si está dañado, un error en español:
    nunca se lee como vacío (se perdería la historia del grupo al volver a escribirlo)."""
    ruta = Curso.de(curso).estado
    if not ruta.exists():
        return {}
    try:
        estado = json.loads(ruta.read_text(encoding="utf-8"))
    except (ValueError, OSError) as e:
        estado = e
    if not isinstance(estado, dict) or not all(isinstance(v, dict) for v in estado.values()):
        raise ErrorLideres(
            f"El archivo del estado de la calificación está dañado y no se puede leer: {ruta}",
            como_arreglar="No se cambió nada. Recupéralo de una copia de seguridad, o muévelo a otra "
            "carpeta y vuelve a calificar: se calificarán todas las entregas otra vez (las notas del "
            "libro de notas, gradebook.db, se conservan).")
    return estado

