"""Lo que corre nbgrader: asignar y calificar, con cada entrega aislada del curso.

Cómo se aísla una entrega (el código del participante se ejecuta al calificar):
1. Se arma un curso temporal propio (fuera de la carpeta del curso) con solo su cuaderno, los
   ejercicios fuente y un libro de notas privado sin los demás participantes. HOME, la carpeta de
   trabajo y LIDERES_RAIZ apuntan ahí: `../gradebook.db` o `lideres.rutas.CURSO` son copias.
2. Si `bwrap` (bubblewrap) funciona, nbgrader corre dentro: todo el sistema de solo lectura, /tmp
   vacío, la carpeta del curso real tapada, sin red y con sus propios procesos. Entonces se califican
   dos a la vez. Sin bwrap se califican de a uno (así ninguna entrega ve la carpeta temporal de otra).
3. Sin bwrap, antes y después de cada entrega se comparan las huellas (sha256) del libro de notas y
   de las entregas guardadas; si algo cambió, se restaura la copia y se anota. Con bwrap no hace
   falta: la entrega no ve el curso.
4. Solo este proceso escribe en el libro de notas real, copiando los puntajes del privado.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import signal
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
from lideres.curso import ids, recoger, validar
from lideres.curso.lanzador import sin_gramatica_iri
from lideres.errores import ErrorLideres

sin_gramatica_iri()  # este proceso también lee cuadernos y el libro de notas

CONFIG = "nbgrader_config.py"
REGISTRO = "nbgrader.log"
MAX_SALIDA = 20_000                # caracteres por salida que se guardan en el cuaderno calificado
_candado_registro = threading.Lock()


# ---------------------------------------------------------------- carpeta del curso

def preparar_curso(curso: Path | str | None, *, crear: bool = True) -> tuple[Path, list[str]]:
    """La carpeta del curso lista para nbgrader. Si no tiene configuración y `crear` es True
    (al asignar), recibe la del proyecto (exercises/) y sus ejercicios; si no, un nombre mal
    escrito da un error en vez de un curso nuevo."""
    curso = Path(curso or rutas.CURSO).expanduser().resolve()
    notas: list[str] = []
    if curso.exists() and not curso.is_dir():
        raise ErrorLideres(f"«{curso}» es un archivo, no una carpeta.",
                           como_arreglar="Usa --curso con una carpeta (puede estar vacía).")
    if not crear and not (curso / CONFIG).exists():
        raise ErrorLideres(
            f"La carpeta {curso} no es un curso: no tiene {CONFIG}.",
            como_arreglar="Revisa el nombre de la carpeta en --curso. Un curso nuevo empieza con "
            "`lideres curso asignar EJERCICIO --curso CARPETA`.")
    base = Path(rutas.CURSO)
    if not (curso / CONFIG).exists():
        if not (base / CONFIG).is_file() or base.resolve() == curso:
            raise ErrorLideres(
                f"Falta la configuración de los ejercicios del proyecto ({base / CONFIG}).",
                como_arreglar="Vuelve a copiar la carpeta exercises/ del proyecto (por ejemplo con "
                "`git checkout exercises/` o descargándolo otra vez).")
        curso.mkdir(parents=True, exist_ok=True)
        shutil.copy2(base / CONFIG, curso / CONFIG)
        notas.append(f"La carpeta {curso} no tenía {CONFIG}: se creó con la configuración del curso.")
    if not (curso / "source").is_dir() and (base / "source").is_dir() and base.resolve() != curso:
        shutil.copytree(base / "source", curso / "source")
        notas.append(f"Se copiaron los ejercicios del curso a {curso / 'source'}.")
    return curso, notas


def entorno_base() -> dict:
    """Variables de entorno para correr nbgrader con el Python de este entorno virtual."""
    entorno = dict(os.environ)
    bin_venv = str(Path(sys.executable).parent)  # nbgrader llama a `alembic` por nombre
    entorno["PATH"] = bin_venv + os.pathsep + entorno.get("PATH", "")
    entorno.setdefault("PYTHONIOENCODING", "utf-8")
    return entorno


def _anotar(curso: Path, titulo: str, texto: str) -> None:
    with _candado_registro, open(curso / REGISTRO, "a", encoding="utf-8", errors="replace") as f:
        f.write(f"\n===== {dt.datetime.now().isoformat(timespec='seconds')} · {titulo} =====\n")
        f.write(texto)


def nbgrader(curso: Path, *argumentos: str) -> subprocess.CompletedProcess:
    """Corre `nbgrader ...` en la carpeta del curso; su salida (en inglés) va a nbgrader.log."""
    orden = [sys.executable, "-m", "lideres.curso.lanzador", *argumentos]
    hecho = subprocess.run(orden, cwd=curso, env=entorno_base(), capture_output=True, text=True,
                           errors="replace", check=False)
    _anotar(curso, " ".join(argumentos), hecho.stdout + hecho.stderr)
    return hecho


def _url(ruta: Path) -> str:
    return f"sqlite:///{ruta}"


def _config(curso: Path):
    """nbgrader_config.py del curso (vacía si no se puede leer; nbgrader dirá por qué al correr)."""
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    try:
        return PyFileConfigLoader(CONFIG, path=str(curso)).load_config()
    except Exception:  # archivo ausente o con errores: traitlets da varios tipos
        return Config()


def id_del_curso(curso: Path) -> str:
    """CourseDirectory.course_id de nbgrader_config.py ('' si no lo dice, como nbgrader)."""
    seccion = _config(curso).get("CourseDirectory", {})
    return str(seccion["course_id"]) if "course_id" in seccion else ""


def opcion_curso(curso: Path) -> str:
    """' --curso "CARPETA"' para repetir en los consejos, o '' si es el curso del proyecto."""
    return "" if Path(curso).resolve() == Path(rutas.CURSO).resolve() else f' --curso "{curso}"'


def ruta_libro(curso: Path, ejercicio: str = "02_conteos_y_tasas") -> Path:
    """gradebook.db del curso; si no existe, un error que dice qué hacer (nbgrader crearía uno vacío)."""
    ruta = Path(curso) / "gradebook.db"
    if not ruta.is_file():
        raise ErrorLideres("Este curso todavía no tiene libro de notas (gradebook.db).",
                           como_arreglar="Primero asigna el ejercicio: "
                           f"lideres curso asignar {ejercicio}{opcion_curso(curso)}")
    return ruta


def libro(curso: Path, ruta: Path | None = None):
    """El libro de notas (gradebook) de nbgrader, con el id de curso de la configuración.

    Sin `ruta`, el del curso, que ya debe existir (lo crea `asignar`)."""
    from nbgrader.api import Gradebook

    return Gradebook(_url(ruta or ruta_libro(curso)), id_del_curso(curso))


def puntajes_por_celda(curso: Path, ejercicio: str) -> dict:
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

def asignar(curso: Path, ejercicio: str, *, forzar: bool = False) -> list[str]:
    """Genera la versión para participantes (sin soluciones ni pruebas ocultas). Devuelve líneas."""
    recoger.cuadernos_del_ejercicio(curso, ejercicio)
    liberado = curso / "release" / ejercicio
    if liberado.exists() and not forzar:
        lineas = [f"El ejercicio {ejercicio} ya estaba asignado: {liberado}",
                  "Para volver a generarlo después de cambiar source/, usa --forzar."]
    else:
        argumentos = ["generate_assignment", ejercicio] + (["--force"] if forzar else [])
        hecho = nbgrader(curso, *argumentos)
        if hecho.returncode != 0 or not liberado.exists():
            raise ErrorLideres(
                f"nbgrader no pudo generar el ejercicio {ejercicio}.",
                como_arreglar=f"Revisa el detalle técnico al final de {curso / REGISTRO}.")
        lineas = [f"Listo: versión para participantes en {liberado}"]
    for cuaderno in sorted(liberado.glob("*.ipynb")):
        lineas.append(f"  · {cuaderno.name} — compártelo por USB, correo o WhatsApp.")
    if "root" in _config(curso).get("Exchange", {}):
        hecho = nbgrader(curso, "release_assignment", ejercicio, "--force")
        if hecho.returncode == 0:
            lineas.append("También quedó publicado en el intercambio de nbgrader (Exchange.root).")
        else:
            lineas.append(f"Aviso: no se pudo publicar en el intercambio de nbgrader; ver {curso / REGISTRO}.")
    return lineas


# ---------------------------------------------------------------- aislamiento

_BWRAP: bool | None = None


def bwrap_disponible() -> bool:
    """True si bubblewrap existe y puede crear un entorno aislado en esta máquina."""
    global _BWRAP
    if os.environ.get("LIDERES_SIN_BWRAP"):
        return False
    if _BWRAP is None:
        ruta = shutil.which("bwrap")
        _BWRAP = False
        if ruta:
            with contextlib.suppress(OSError, subprocess.SubprocessError):
                prueba = subprocess.run(
                    [ruta, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
                     "--unshare-all", "--die-with-parent", "--new-session", "true"],
                    capture_output=True, timeout=20, check=False)
                _BWRAP = prueba.returncode == 0
    return _BWRAP


def _orden_aislada(orden: list[str], privado: Path, curso: Path) -> list[str]:
    if not bwrap_disponible():
        return orden
    envoltura = [shutil.which("bwrap") or "bwrap", "--ro-bind", "/", "/", "--dev", "/dev",
                 "--proc", "/proc", "--tmpfs", "/tmp"]
    envoltura += ["--tmpfs", str(curso)]             # el curso real no existe para la entrega
    envoltura += ["--bind", str(privado), str(privado)]  # solo su carpeta se puede escribir
    envoltura += ["--unshare-all", "--die-with-parent", "--new-session", "--chdir", str(privado), "--"]
    return envoltura + orden


# ---------------------------------------------------------------- calificar

@dataclass
class Resultado:
    codigo: str
    nombre: str
    estado: str = "pendiente"          # pendiente (aún sin calificar) | calificado | no_calificado
    motivo: str = ""
    notas: list[str] = field(default_factory=list)
    puntajes: dict = field(default_factory=dict)  # (cuaderno, id) -> {auto, maximo}
    manuales: set = field(default_factory=set)    # (cuaderno, id) de respuestas que se revisan a mano
    comentarios: dict = field(default_factory=dict)
    fecha_entrega: dt.datetime | None = None
    calificados: Path | None = None    # carpeta autograded/ del curso temporal
    segundos: float = 0.0

    @property
    def auto(self) -> float:
        return sum(p["auto"] or 0 for c, p in self.puntajes.items() if c not in self.manuales)

    @property
    def maximo_auto(self) -> float:
        return sum(p["maximo"] or 0 for c, p in self.puntajes.items() if c not in self.manuales)


def _huellas(curso: Path, vistos: dict) -> dict[str, str]:
    """sha256 de lo que una entrega no debe tocar: libro de notas, entregas y ejercicios.

    `vistos` guarda {archivo: (tamaño, fechas, inodo, sha256)} entre llamadas: un archivo con el mismo
    tamaño, fechas e inodo no se vuelve a leer. La fecha de cambio (ctime) no se puede falsificar
    desde el cuaderno, así que un archivo reescrito siempre se vuelve a leer."""
    archivos = [curso / "gradebook.db", curso / ids.LISTA, curso / CONFIG]
    for carpeta in ("submitted", "recibidos", "source", "release"):
        if (curso / carpeta).is_dir():
            archivos += (curso / carpeta).rglob("*")
    huellas = {}
    for archivo in archivos:
        try:
            datos = archivo.stat()
        except OSError:
            continue
        if not stat.S_ISREG(datos.st_mode):
            continue
        relativa = str(archivo.relative_to(curso))
        clave = (datos.st_size, datos.st_mtime_ns, datos.st_ctime_ns, datos.st_ino)
        if relativa not in vistos or vistos[relativa][0] != clave:
            vistos[relativa] = (clave, hashlib.sha256(archivo.read_bytes()).hexdigest())
        huellas[relativa] = vistos[relativa][1]
    return huellas


def _respaldar(curso: Path, respaldo: Path, vistos: dict) -> dict[str, str]:
    huellas = _huellas(curso, vistos)
    for relativa in huellas:
        destino = respaldo / relativa
        destino.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(curso / relativa, destino)
    return huellas


def _restaurar_si_cambio(curso: Path, respaldo: Path, huellas: dict[str, str], vistos: dict) -> list[str]:
    ahora = _huellas(curso, vistos)
    cambiados = [r for r, h in huellas.items() if ahora.get(r) != h]
    for relativa in cambiados:
        (curso / relativa).parent.mkdir(parents=True, exist_ok=True)
        (curso / relativa).unlink(missing_ok=True)  # puede ser de solo lectura
        shutil.copy2(respaldo / relativa, curso / relativa)
    return cambiados


def _libro_plantilla(curso: Path, destino: Path, ejercicio: str) -> Path:
    """Copia del libro de notas real sin participantes: solo el ejercicio y sus celdas."""
    from nbgrader.api import MissingEntry

    plantilla = destino / "gradebook.db"
    shutil.copy2(ruta_libro(curso, ejercicio), plantilla)
    with libro(curso, plantilla) as gb:
        try:
            gb.find_assignment(ejercicio)
        except MissingEntry:
            raise ErrorLideres(f"El ejercicio {ejercicio} no está en el libro de notas.",
                               como_arreglar="Primero asígnalo: "
                               f"lideres curso asignar {ejercicio}{opcion_curso(curso)}") from None
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
    return f"nbgrader no pudo calificar este cuaderno; el detalle técnico está en {REGISTRO}."


def _recortar_salidas(cuaderno: Path) -> None:
    """Salidas gigantes (un print de millones de letras) se recortan en el cuaderno calificado."""
    datos = json.loads(cuaderno.read_text(encoding="utf-8"))
    cambio = False
    for celda in datos.get("cells", []):
        for salida in celda.get("outputs", []) or []:
            for clave, valor in list(salida.items()) + list((salida.get("data") or {}).items()):
                texto = "".join(valor) if isinstance(valor, list) else valor
                if clave in ("text", "text/plain") and isinstance(texto, str) and len(texto) > MAX_SALIDA:
                    corto = texto[:MAX_SALIDA] + "\n[… salida recortada al calificar …]\n"
                    if clave == "text":
                        salida["text"] = corto
                    else:
                        salida["data"][clave] = corto
                    cambio = True
    if cambio:
        cuaderno.chmod(0o644)  # nbgrader lo deja de solo lectura
        cuaderno.write_text(json.dumps(datos, ensure_ascii=False, indent=1), encoding="utf-8")
        cuaderno.chmod(0o444)


def _calificar_una(curso: Path, ejercicio: str, res: Resultado, trabajo: Path, plantilla: Path,
                   tiempo_celda: int | None, tiempo_total: int, procesos: dict) -> Resultado:
    inicio = time.monotonic()
    privado = Path(tempfile.mkdtemp(prefix=f"p-{res.codigo[:20]}-", dir=trabajo))
    raiz = privado / "curso"
    for sub in ("home", "tmp", "raiz"):
        (privado / sub).mkdir()
    shutil.copytree(curso / "source" / ejercicio, raiz / "source" / ejercicio)
    shutil.copy2(curso / CONFIG, raiz / CONFIG)
    shutil.copy2(plantilla, raiz / "gradebook.db")
    shutil.copytree(curso / "submitted" / res.codigo / ejercicio, raiz / "submitted" / res.codigo / ejercicio)
    datos = Path(rutas.DATOS)
    if datos.is_dir():  # la entrega puede usar lideres.cargar(...) con una copia de los datos
        shutil.copytree(datos, privado / "raiz" / "data")
    orden = [sys.executable, "-m", "lideres.curso.lanzador", "autograde", ejercicio, "--student", res.codigo, "--force",
             f"--CourseDirectory.root={raiz}", f"--CourseDirectory.db_url={_url(raiz / 'gradebook.db')}"]
    if tiempo_celda:
        orden.append(f"--Execute.timeout={int(tiempo_celda)}")
    entorno = {k: v for k, v in entorno_base().items()
               if not k.startswith(("LIDERES_", "JUPYTER", "IPYTHON", "NBGRADER"))}
    entorno.update(HOME=str(privado / "home"), TMPDIR=str(privado / "tmp"), LIDERES_RAIZ=str(privado / "raiz"),
                   LIDERES_COMPARTIDO=str(privado / "raiz" / "compartido"),
                   JUPYTER_RUNTIME_DIR=str(privado / "home" / "runtime"),
                   JUPYTER_CONFIG_DIR=str(privado / "home" / "jupyter"),
                   IPYTHONDIR=str(privado / "home" / "ipython"), MPLBACKEND="Agg",
                   OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", PYTHONDONTWRITEBYTECODE="1")
    proceso = subprocess.Popen(_orden_aislada(orden, privado, curso), cwd=raiz, env=entorno,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace",
                               start_new_session=True)
    procesos[res.codigo] = proceso
    try:
        salida, _ = proceso.communicate(timeout=tiempo_total)
        se_paso = False
    except subprocess.TimeoutExpired:
        _matar(proceso)
        salida, _ = proceso.communicate()
        se_paso = True
    finally:
        _matar(proceso)  # y a cualquier proceso que la entrega haya dejado andando
        procesos.pop(res.codigo, None)
    _anotar(curso, f"autograde {ejercicio} · {res.codigo}", salida or "")
    calificado = raiz / "autograded" / res.codigo / ejercicio
    if se_paso:
        res.estado, res.motivo = "no_calificado", (
            f"La calificación tardó más de {tiempo_total} segundos y se detuvo. Revisa sus celdas de respuesta.")
    elif not _libro_sano(raiz / "gradebook.db", plantilla):
        res.estado, res.motivo = "no_calificado", (
            "El cuaderno intentó borrar o cambiar el libro de notas (gradebook.db); no se calificó. "
            "Revisa su código: el libro de notas del curso no se tocó.")
    elif proceso.returncode != 0 or not any(calificado.glob("*.ipynb")):
        res.estado, res.motivo = "no_calificado", _motivo_de_falla(salida or "")
    else:
        try:
            _leer_privado(raiz, ejercicio, res)
            for cuaderno in calificado.glob("*.ipynb"):
                _recortar_salidas(cuaderno)
            res.estado, res.calificados = "calificado", calificado
        except Exception as e:  # libro privado o cuaderno calificado ilegibles
            res.estado, res.motivo = "no_calificado", _motivo_de_falla(f"{type(e).__name__}: {e}")
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


def _matar(proceso: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError, OSError):
        os.killpg(proceso.pid, signal.SIGKILL)


def _leer_privado(raiz: Path, ejercicio: str, res: Resultado) -> None:

    with libro(raiz) as gb:
        entrega = gb.find_submission(ejercicio, res.codigo)
        res.fecha_entrega = entrega.timestamp
        for cuaderno in entrega.notebooks:
            for nota in cuaderno.grades:
                res.puntajes[(cuaderno.name, nota.name)] = {"auto": nota.auto_score, "maximo": nota.max_score}
            for comentario in cuaderno.comments:
                res.comentarios[(cuaderno.name, comentario.name)] = comentario.auto_comment


def _guardar_en_libro(curso: Path, ejercicio: str, resultados: list[Resultado], lista: dict) -> None:
    """Copia nombres y puntajes al libro de notas real (las notas manuales no se tocan)."""

    with warnings.catch_warnings(), libro(curso) as gb:
        warnings.simplefilter("ignore")  # avisos internos de SQLAlchemy en nbgrader, sin efecto
        for res in resultados:
            nombre, apellidos = ids.nombre_y_apellidos(ids.nombre_de(lista, res.codigo))
            gb.update_or_create_student(res.codigo, first_name=nombre, last_name=apellidos)
            if res.estado != "calificado":
                continue
            extra = {"timestamp": res.fecha_entrega} if res.fecha_entrega else {}
            gb.update_or_create_submission(ejercicio, res.codigo, **extra)
            for (cuaderno, celda), puntaje in res.puntajes.items():
                nota = gb.find_grade(celda, cuaderno, ejercicio, res.codigo)
                nota.auto_score = puntaje["auto"]
                nota.needs_manual_grade = nota.manual_score is not None or nota.auto_score is None
            for (cuaderno, celda), texto in res.comentarios.items():
                gb.find_comment(celda, cuaderno, ejercicio, res.codigo).auto_comment = texto
            gb.db.commit()


def _copiar_calificados(curso: Path, ejercicio: str, res: Resultado) -> None:
    destino = curso / "autograded" / res.codigo / ejercicio
    if destino.exists():
        shutil.rmtree(destino)
    shutil.copytree(res.calificados, destino)


def entregas_recogidas(curso: Path, ejercicio: str) -> list[str]:
    carpeta = curso / "submitted"
    if not carpeta.is_dir():
        return []
    return sorted(p.name for p in carpeta.iterdir() if (p / ejercicio).is_dir())


def calificar(curso: Path, ejercicio: str, *, trabajadores: int | None = None, tiempo_celda: int | None = None,
              avisar=print) -> list[Resultado]:
    """Califica todas las entregas recogidas; una entrega mala nunca detiene a las demás."""
    from lideres.curso import retroalimentacion

    esperados = recoger.cuadernos_del_ejercicio(curso, ejercicio)
    codigos = entregas_recogidas(curso, ejercicio)
    if not codigos:
        raise ErrorLideres(f"No hay entregas recogidas de {ejercicio} en {curso / 'submitted'}.",
                           como_arreglar="Primero recoge: "
                           f"lideres curso recoger {ejercicio} CARPETA_O_ZIP{opcion_curso(curso)}")
    lista = ids.leer_lista(curso)
    aislado = bwrap_disponible()
    trabajadores = trabajadores or (min(2, os.cpu_count() or 1) if aislado else 1)
    if not aislado:
        trabajadores = 1  # sin bwrap, dos entregas a la vez podrían verse entre sí
    celdas, manuales = _leer_fuente(curso, ejercicio)
    tiempo_total = 60 + celdas * int(tiempo_celda or _tiempo_configurado(curso)) * 2

    resultados: list[Resultado] = []
    pendientes: list[Resultado] = []
    for codigo in codigos:
        res = Resultado(codigo=codigo, nombre=ids.nombre_de(lista, codigo), manuales=manuales,
                        notas=recoger.notas_del_ultimo_recojo(lista, codigo, ejercicio))
        for esperado in esperados:
            motivo = validar.motivo_invalido(curso / "submitted" / codigo / ejercicio / f"{esperado}.ipynb")
            if motivo:
                res.estado, res.motivo = "no_calificado", motivo
                break
        (resultados if res.estado == "no_calificado" else pendientes).append(res)

    modo = ("aisladas con bwrap, " if aislado else "en carpetas temporales, sin bwrap, ") + (
        f"{trabajadores} a la vez" if trabajadores > 1 else "de una en una")
    avisar(f"Calificando {len(codigos)} {'entrega' if len(codigos) == 1 else 'entregas'} de {ejercicio} ({modo}).")
    total = len(codigos)
    hechos = 0
    for res in resultados:
        hechos += 1
        avisar(_linea_progreso(hechos, total, res))

    trabajo = Path(tempfile.mkdtemp(prefix="lideres-calificar-"))
    respaldo = Path(tempfile.mkdtemp(prefix="lideres-respaldo-"))
    procesos: dict = {}
    vistos: dict = {}
    try:
        plantilla = _libro_plantilla(curso, Path(tempfile.mkdtemp(dir=trabajo)), ejercicio)
        # Con bwrap la entrega no ve el curso: no hace falta copia de seguridad.
        huellas = None if aislado else _respaldar(curso, respaldo, vistos)
        with ThreadPoolExecutor(max_workers=trabajadores) as grupo:
            futuros = [grupo.submit(_calificar_una, curso, ejercicio, res, trabajo, plantilla,
                                    tiempo_celda, tiempo_total, procesos) for res in pendientes]
            try:
                for futuro in as_completed(futuros):
                    res = futuro.result()
                    cambiados = [] if huellas is None else _restaurar_si_cambio(curso, respaldo, huellas, vistos)
                    if cambiados:
                        res.notas.append(
                            f"Mientras se calificaba cambiaron {len(cambiados)} archivo(s) del curso "
                            f"({', '.join(cambiados[:3])}); se restauraron desde la copia de seguridad.")
                    hechos += 1
                    resultados.append(res)
                    avisar(_linea_progreso(hechos, total, res))
            except KeyboardInterrupt:
                for futuro in futuros:
                    futuro.cancel()
                for proceso in list(procesos.values()):
                    _matar(proceso)
                raise
        _guardar_en_libro(curso, ejercicio, resultados, lista)
        for res in resultados:
            if res.estado == "calificado":
                _copiar_calificados(curso, ejercicio, res)
        estado = _guardar_estado(curso, ejercicio, resultados)
        retroalimentacion.escribir_todas(curso, ejercicio, estado, lista)
    finally:
        shutil.rmtree(trabajo, ignore_errors=True)
        shutil.rmtree(respaldo, ignore_errors=True)
    return sorted(resultados, key=lambda r: ids.clave_orden(r.nombre))


def _leer_fuente(curso: Path, ejercicio: str) -> tuple[int, set[tuple[str, str]]]:
    """De los cuadernos fuente: cuántas celdas de código hay (para el tiempo máximo) y qué
    respuestas califica una persona: (cuaderno, id) de celdas de respuesta con puntos."""
    codigo, manuales = 0, set()
    for ruta in sorted((curso / "source" / ejercicio).glob("*.ipynb")):
        for celda in json.loads(ruta.read_text(encoding="utf-8")).get("cells", []):
            codigo += celda.get("cell_type") == "code"
            meta = (celda.get("metadata") or {}).get("nbgrader") or {}
            if meta.get("grade") and meta.get("solution"):
                manuales.add((ruta.stem, meta.get("grade_id")))
    return codigo, manuales


def _tiempo_configurado(curso: Path) -> int:
    seccion = _config(curso).get("Execute", {})
    try:
        return int(seccion["timeout"]) if "timeout" in seccion else 30
    except (TypeError, ValueError):
        return 30


def _linea_progreso(hechos: int, total: int, res: Resultado) -> str:
    from lideres.curso.retroalimentacion import puntos, puntos_de

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
    else:
        texto = f"NO CALIFICADO — {res.motivo}"
    for nota in res.notas:
        texto += f"\n        Nota: {nota}"
    return cabeza + texto


def _guardar_estado(curso: Path, ejercicio: str, resultados: list[Resultado]) -> dict:
    """Guarda estado, motivo, notas y fecha de calificación de cada entrega; devuelve los de `ejercicio`."""
    ruta = curso / "reportes" / "calificacion.json"
    ruta.parent.mkdir(parents=True, exist_ok=True)
    estado = {}
    if ruta.exists():
        with contextlib.suppress(ValueError, OSError):
            estado = json.loads(ruta.read_text(encoding="utf-8"))
    ahora = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    estado[ejercicio] = {
        r.codigo: {"nombre": r.nombre, "estado": r.estado, "motivo": r.motivo, "notas": r.notas, "fecha": ahora}
        for r in resultados
    }
    ruta.write_text(json.dumps(estado, ensure_ascii=False, indent=2), encoding="utf-8")
    return estado[ejercicio]


def leer_estado(curso: Path) -> dict:
    ruta = curso / "reportes" / "calificacion.json"
    with contextlib.suppress(ValueError, OSError):
        return json.loads(ruta.read_text(encoding="utf-8"))
    return {}
