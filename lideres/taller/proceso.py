"""El servidor del taller en otro proceso: para las pruebas en navegador y el benchmark.

    with ServidorTaller(puerto=puerto_libre_cualquiera(), sin_libro=True) as s:
        s.url("/")   # 'http://127.0.0.1:PUERTO/'

Se inicia con la misma orden que usa una persona (`lideres taller`), se espera a que la página de
inicio responda y se detiene con SIGINT, como un Ctrl-C (en Windows, Ctrl-Break); `codigo_salida`
queda para revisarlo.

Lo que escribe el servidor (su salida y su registro técnico) va a `carpeta` si se la da (las pruebas
pasan su tmp_path) o a una carpeta temporal propia, que `detener()` borra si el servidor terminó bien
(su texto queda en memoria para texto_salida() y texto_registro()); si falló, queda para revisarla.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from lideres.errores import ErrorLideres

# Los polígonos de distrito del tablero, tal como Leaflet los dibuja en la página.
SELECTOR_DISTRITOS = ".leaflet-overlay-pane path.lideres-distrito"


# Windows no puede mandar SIGINT a otro proceso: le manda Ctrl-Break a su grupo (el servidor lo
# atiende igual que un Ctrl-C; ver servidor.SENALES_DE_PARADA).
SENAL_DETENER = signal.CTRL_BREAK_EVENT if sys.platform == "win32" else signal.SIGINT


def _grupo_propio() -> dict:
    """El servidor en su propia sesión (POSIX) o grupo de procesos (Windows): un Ctrl-C en la
    terminal de pytest no le llega dos veces, y en Windows puede recibir su Ctrl-Break."""
    if sys.platform == "win32":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}


def puerto_libre_cualquiera() -> int:
    """Un puerto TCP libre en 127.0.0.1 (lo elige el sistema)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServidorTaller:
    def __init__(
        self,
        puerto: int | None = None,
        *,
        sin_libro: bool = True,
        precalentados: int | None = 1,
        participantes: int | None = None,
        cuadernos: Path | None = None,
        curso: Path | None = None,
        modo: str | None = None,
        espera_s: float = 120.0,
        red: bool = False,
        apagar_inactivos: float | None = None,
        memoria: str | None = None,
        modulo: str | None = None,
        carpeta: Path | None = None,
    ):
        self.puerto = puerto or puerto_libre_cualquiera()
        self.sin_libro = sin_libro
        self.precalentados = precalentados
        self.participantes = participantes
        self.cuadernos = cuadernos
        self.curso = curso
        self.modo = modo
        self.espera_s = espera_s
        self.red = red
        self.apagar_inactivos = apagar_inactivos
        self.memoria = memoria
        self.modulo = modulo
        self.carpeta_temporal = carpeta is None
        self.carpeta = Path(carpeta) if carpeta else Path(tempfile.mkdtemp(prefix="lideres_taller_"))
        self.carpeta.mkdir(parents=True, exist_ok=True)
        self.registro = self.carpeta / "taller.log"
        self.salida = self.carpeta / "salida.txt"
        self._textos: dict[Path, str] = {}  # lo que había en la carpeta temporal antes de borrarla
        self.proceso: subprocess.Popen | None = None
        self.codigo_salida: int | None = None

    def url(self, ruta: str = "/") -> str:
        return f"http://127.0.0.1:{self.puerto}{ruta}"

    def orden(self) -> list[str]:
        orden = [sys.executable, "-m", "lideres.cli", "taller", "--puerto", str(self.puerto),
                 "--registro", str(self.registro)]
        if self.precalentados is not None:
            orden += ["--precalentados", str(self.precalentados)]
        if self.participantes is not None:
            orden += ["--participantes", str(self.participantes)]
        if self.sin_libro:
            orden.append("--sin-libro")
        if self.cuadernos:
            orden += ["--cuadernos", str(self.cuadernos)]
        if self.curso:
            orden += ["--curso", str(self.curso)]
        if self.modo:
            orden += ["--modo", self.modo]
        if self.red:
            orden.append("--red")
        if self.apagar_inactivos is not None:
            orden += ["--apagar-inactivos", str(self.apagar_inactivos)]
        if self.modulo is not None:
            orden += ["--modulo", str(self.modulo)]
        if self.memoria is not None:
            orden += ["--memoria", str(self.memoria)]
        return orden

    def iniciar(self) -> ServidorTaller:
        # El PATH de los kernels lo arregla `lideres taller` mismo (servidor.iniciar).
        with self.salida.open("w", encoding="utf-8") as f:
            self.proceso = subprocess.Popen(
                self.orden(), stdout=f, stderr=subprocess.STDOUT, **_grupo_propio(),
            )
        limite = time.monotonic() + self.espera_s
        while time.monotonic() < limite:
            if self.proceso.poll() is not None:
                raise ErrorLideres("El servidor del taller terminó al iniciar:\n" + self.texto_salida())
            try:
                with urllib.request.urlopen(self.url("/"), timeout=2) as r:
                    if r.status == 200:
                        return self
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.3)
        self.detener()
        raise ErrorLideres("El servidor del taller no respondió a tiempo:\n" + self.texto_salida())

    def detener(self, espera_s: float = 30.0) -> int | None:
        if self.proceso is None or self.codigo_salida is not None:
            return self.codigo_salida
        if self.proceso.poll() is None:
            try:
                self.proceso.send_signal(SENAL_DETENER)
                self.proceso.wait(timeout=espera_s)
            except (subprocess.TimeoutExpired, OSError):  # OSError: Windows sin consola (Ctrl-Break no llega)
                self.proceso.kill()
                self.proceso.wait(timeout=10)
        self.codigo_salida = self.proceso.returncode
        if self.carpeta_temporal and self.codigo_salida == 0:
            self._textos = {ruta: self._leer(ruta) for ruta in (self.salida, self.registro)}
            shutil.rmtree(self.carpeta, ignore_errors=True)
        return self.codigo_salida

    def _leer(self, ruta: Path) -> str:
        if ruta in self._textos:
            return self._textos[ruta]
        try:
            return ruta.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def texto_salida(self) -> str:
        return self._leer(self.salida)

    def texto_registro(self) -> str:
        return self._leer(self.registro)

    def esperar_en_registro(self, texto: str, limite_s: float = 600) -> bool:
        """Espera a que `texto` aparezca en el registro técnico (se espera a la condición, no un
        tiempo fijo: en una máquina cargada tarda más). Dice si apareció antes de `limite_s`."""
        limite = time.monotonic() + limite_s
        while texto not in self.texto_registro():
            if time.monotonic() > limite:
                return False
            time.sleep(0.5)
        return True

    def kernel_existe(self, kernel: str) -> bool:
        """¿El servidor tiene todavía ese kernel? (GET /api/kernels/<id>: 200 sí, 404 no)."""
        try:
            with urllib.request.urlopen(self.url(f"/api/kernels/{kernel}"), timeout=30):
                return True
        except urllib.error.HTTPError as e:
            if e.code == 404:
                return False
            raise

    def __enter__(self) -> ServidorTaller:
        return self.iniciar()

    def __exit__(self, *exc) -> None:
        self.detener()
