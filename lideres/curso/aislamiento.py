"""El aislamiento con bubblewrap (`bwrap`) del código de un participante, donde sea que viva el proyecto.

Dentro: todo el sistema de solo lectura, /tmp vacío, la carpeta del curso tapada, sin red y con sus
propios procesos; solo su carpeta privada se puede escribir. Como /tmp y el curso quedan tapados, lo
que Python necesita para arrancar (el intérprete, el entorno virtual y su Python base, el paquete
`lideres`, las carpetas de `sys.path` y las rutas reales detrás de los enlaces) se vuelve a montar,
de solo lectura, aunque esté en /tmp, en una carpeta con espacios o tildes, o fuera del proyecto.

La prueba de si funciona corre el mismo Python con `import ipykernel, lideres.curso.lanzador` (lo
que importa el kernel del participante) dentro del mismo aislamiento (no un `true`): si el aislamiento
no puede encontrar el entorno o el paquete, se sabe antes de calificar.

bwrap solo existe en Linux. En Windows y macOS se califica como sin bwrap (cada entrega en su propio
proceso, con tiempo máximo, terminando todo lo que haya abierto) y se avisa una vez por calificación.

`LIDERES_SIN_BWRAP=1` lo apaga (se califica de una en una, vigilando el curso con huellas).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIN_BWRAP = "LIDERES_SIN_BWRAP"
_PRUEBAS: dict[tuple, tuple[bool, str]] = {}


def _dentro(ruta: Path, carpeta: Path) -> bool:
    return ruta == carpeta or carpeta in ruta.parents


def rutas_necesarias() -> list[Path]:
    """Carpetas (reales, sin enlaces) que el Python de este entorno necesita ver para arrancar e
    importar nbgrader y lideres: la del intérprete, el entorno y su Python base, el paquete, sys.path."""
    import lideres

    candidatas = [Path(sys.executable).parent, Path(sys.executable).resolve().parent, Path(sys.prefix),
                  Path(sys.base_prefix), Path(sys.exec_prefix), Path(sys.base_exec_prefix),
                  Path(lideres.__file__).parent]
    candidatas += [Path(p) for p in sys.path if p]
    rutas: list[Path] = []
    for ruta in candidatas:
        real = ruta.resolve()
        if real.is_dir() and real not in rutas:
            rutas.append(real)
    return sorted(rutas, key=lambda r: len(r.parts))  # las de arriba primero: las de abajo quedan montadas


def enlaces_necesarios() -> list[tuple[Path, str]]:
    """(enlace, a dónde apunta) de los enlaces simbólicos en el camino hacia el entorno y el paquete
    (por ejemplo /tmp/proyecto -> /home/ana/proyecto): dentro se rehacen igual."""
    import lideres

    enlaces: list[tuple[Path, str]] = []
    for ruta in (Path(sys.executable), Path(sys.prefix), Path(lideres.__file__).parent, *map(Path, sys.path)):
        actual = Path(ruta.anchor or "/")
        for parte in Path(os.path.abspath(ruta)).parts[1:]:
            actual = actual / parte
            if actual.is_symlink() and actual != Path(sys.executable) and (actual, os.readlink(actual)) not in enlaces:
                enlaces.append((actual, os.readlink(actual)))
                break  # lo que sigue se ve por el destino del enlace, que ya se monta
    return enlaces


def envoltura(*, escribibles: list[Path], tapadas: list[Path], variables: dict | None = None,
              carpeta: Path | None = None, lectura: list[tuple[Path, Path]] = ()) -> list[str]:
    """La orden `bwrap ... --` que aísla lo que venga después.

    `tapadas` quedan vacías (además de /tmp); `escribibles` se montan de lectura y escritura, al final,
    y `lectura` ((origen, destino)) de solo lectura encima de ellas."""
    tapadas = [Path("/tmp"), *(Path(t) for t in tapadas)]
    necesarias = rutas_necesarias()
    orden = [shutil.which("bwrap") or "bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"]
    orden += ["--tmpfs", "/tmp"]
    orden += _montar(r for r in necesarias if _dentro(r, Path("/tmp")))
    for tapada in tapadas[1:]:
        orden += ["--tmpfs", str(tapada)]
        # lo necesario que estaba dentro de una carpeta tapada (un entorno dentro del curso) vuelve
        orden += _montar(r for r in necesarias if _dentro(r, tapada) and r != tapada)
    for enlace, destino in enlaces_necesarios():
        tapado = any(_dentro(enlace, t) for t in tapadas)
        visible = any(_dentro(enlace, r) for r in necesarias)
        if tapado and not visible:  # el enlace estaba en /tmp o en el curso: se rehace adentro
            orden += ["--symlink", destino, str(enlace)]
    for ruta in escribibles:
        orden += ["--bind", str(ruta), str(ruta)]
    for origen, destino in lectura:
        orden += ["--ro-bind", str(origen), str(destino)]
    # ipykernel vigila al proceso padre por su número; dentro de bwrap (otros números) creería que
    # murió. bwrap ya termina todo lo de adentro si el padre muere (--die-with-parent).
    orden += ["--unsetenv", "JPY_PARENT_PID"]
    for nombre, valor in (variables or {}).items():
        orden += ["--setenv", nombre, str(valor)]
    orden += ["--unshare-all", "--die-with-parent", "--new-session"]
    if carpeta:
        orden += ["--chdir", str(carpeta)]
    return orden + ["--"]


def _montar(rutas) -> list[str]:
    orden = []
    for ruta in rutas:
        orden += ["--ro-bind", str(ruta), str(ruta)]
    return orden


def apagado() -> bool:
    return bool(os.environ.get(SIN_BWRAP))


def en_linux() -> bool:
    """bwrap (espacios de nombres de Linux) solo existe en Linux."""
    return sys.platform.startswith("linux")


def posible() -> bool:
    """bwrap está instalado y no se apagó (sin probar todavía si funciona)."""
    return not apagado() and en_linux() and shutil.which("bwrap") is not None


def probar(tapadas: list[Path] = ()) -> tuple[bool, str]:
    """(funciona, por qué no): corre este Python con `import ipykernel, lideres.curso.lanzador` (lo que
    importa el kernel del participante) dentro del aislamiento."""
    if not en_linux():
        return False, f"bwrap solo existe en Linux ({_sistema()})"
    if apagado():
        return False, f"{SIN_BWRAP} está puesto"
    clave = (tuple(str(t) for t in tapadas), shutil.which("bwrap"))
    if clave in _PRUEBAS:
        return _PRUEBAS[clave]
    ruta = shutil.which("bwrap")
    if not ruta:
        resultado = (False, "bwrap (bubblewrap) no está instalado")
    else:
        with tempfile.TemporaryDirectory(prefix="lideres-prueba-bwrap-") as privada:
            orden = envoltura(escribibles=[Path(privada)], tapadas=list(tapadas), carpeta=Path(privada))
            # lo que importa el kernel del participante (nbgrader corre afuera, en el calificador)
            orden += [sys.executable, "-c", "import ipykernel, lideres.curso.lanzador"]
            try:
                hecho = subprocess.run(orden, capture_output=True, text=True, errors="replace",
                                       timeout=60, check=False)
                detalle = primera_linea_util(hecho.stderr + hecho.stdout)
                resultado = (hecho.returncode == 0, detalle or f"código de salida {hecho.returncode}")
            except (OSError, subprocess.SubprocessError) as e:
                resultado = (False, f"{type(e).__name__}: {e}")
    _PRUEBAS[clave] = resultado
    return resultado


def disponible(tapadas: list[Path] = ()) -> bool:
    """True si bubblewrap puede aislar a este mismo Python con nbgrader en esta máquina."""
    return probar(tapadas)[0]


def aviso_sin_aislamiento(tapadas: list[Path] = ()) -> str:
    """La línea en español que explica por qué se califica sin bwrap."""
    funciona, detalle = probar(tapadas)
    if funciona:
        return ""
    if not en_linux():
        return (f"Aviso: en esta computadora ({_sistema()}) cada entrega se califica en su propio proceso, "
                "de una en una, con un tiempo máximo, y al terminar se cierra todo lo que haya abierto; se "
                "vigila que ninguna entrega cambie los archivos del curso. Un aislamiento más fuerte "
                "(bwrap, que además no deja ver el curso ni usar la red) necesita Linux.")
    if apagado():
        return (f"Aviso: aislamiento con bwrap apagado ({SIN_BWRAP}); se califica de una en una, "
                "vigilando que ninguna entrega cambie los archivos del curso.")
    return (f"Aviso: no se pudo usar el aislamiento con bwrap en esta computadora ({detalle}); se califica "
            "sin él, de una en una, vigilando que ninguna entrega cambie los archivos del curso.")


def _sistema() -> str:
    if sys.platform.startswith("win"):
        return "Windows"
    if sys.platform == "darwin":
        return "macOS"
    return sys.platform


def primera_linea_util(texto: str) -> str:
    """La primera línea que dice qué falló (bwrap, un error de Python), sin el resto del registro."""
    lineas = [linea.strip() for linea in (texto or "").splitlines() if linea.strip()]
    for linea in lineas:
        if linea.startswith("bwrap:") or "No such file" in linea:
            return linea[:300]
    for linea in lineas:
        if "Error" in linea and "| INFO]" not in linea and not linea.startswith("Traceback"):
            return linea[:300]
    return lineas[-1][:300] if lineas else ""


def esperar(proceso: subprocess.Popen, segundos: float) -> bool:
    """Espera a que termine `proceso` (arrancado con `start_new_session=True`) hasta `segundos`; si se
    pasa, lo termina. Al final termina también lo que haya dejado andando (un kernel, un proceso que
    lanzó el cuaderno), aunque se haya ido a otra sesión: mientras espera, anota cada medio segundo sus
    descendientes (psutil). Devuelve True si se pasó del tiempo.

    Su salida debe ir a un archivo, no a una tubería: un proceso que la entrega dejó andando heredaría
    la tubería y la espera duraría lo que él."""
    arbol = _Arbol(proceso.pid)
    limite = time.monotonic() + segundos
    se_paso = False
    try:
        while True:
            try:
                proceso.wait(timeout=max(0, min(0.5, limite - time.monotonic())))
                break
            except subprocess.TimeoutExpired:
                arbol.anotar()
                if time.monotonic() >= limite:
                    se_paso = True
                    break
    finally:
        arbol.terminar()
        matar_grupo(proceso)  # su grupo (donde hay grupos de procesos) y el proceso mismo
        with contextlib.suppress(subprocess.TimeoutExpired):
            proceso.wait(timeout=10)
    return se_paso


class _Arbol:
    """Los descendientes de un proceso, anotados mientras vive (psutil; para Windows)."""

    def __init__(self, pid: int):
        import psutil

        self.procesos: dict[int, psutil.Process] = {}
        try:
            self.raiz = psutil.Process(pid)
        except psutil.Error:
            self.raiz = None
        self.anotar()

    def anotar(self) -> None:
        import psutil

        if self.raiz is None:
            return
        with contextlib.suppress(psutil.Error):
            for hijo in self.raiz.children(recursive=True):
                self.procesos.setdefault(hijo.pid, hijo)

    def terminar(self) -> None:
        import psutil

        self.anotar()
        vivos = []
        for proceso in self.procesos.values():
            with contextlib.suppress(psutil.Error):  # psutil no confunde un número reutilizado
                proceso.kill()
                vivos.append(proceso)
        psutil.wait_procs(vivos, timeout=5)


def matar_grupo(proceso: subprocess.Popen) -> None:
    """Termina el proceso (arrancado con `start_new_session=True`) y todo lo que haya dejado andando."""
    if proceso.poll() is not None and not hasattr(os, "killpg"):
        return  # ya terminó; sin grupos de procesos no queda a quién buscar
    matar_grupo_de(proceso.pid)
    with contextlib.suppress(OSError):
        proceso.kill()


def matar_grupo_de(pid: int) -> None:
    """Termina el proceso `pid` y sus descendientes: en Linux y macOS, su grupo de procesos (el que
    abrió con su propia sesión); en Windows, que no tiene grupos, el árbol de procesos (psutil)."""
    if hasattr(os, "killpg"):
        import signal

        with contextlib.suppress(ProcessLookupError, PermissionError, OSError):
            os.killpg(pid, signal.SIGKILL)
        return
    import psutil

    try:
        raiz = psutil.Process(pid)
        arbol = [*raiz.children(recursive=True), raiz]
    except psutil.Error:
        return
    for proceso in arbol:
        with contextlib.suppress(psutil.Error):
            proceso.kill()
    psutil.wait_procs(arbol, timeout=5)
