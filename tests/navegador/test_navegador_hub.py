"""Un JupyterHub de verdad en esta computadora (`make prueba-hub`), con la configuración de
despliegue/ (la misma de TLJH y Kubernetes, más un autenticador y un lanzador de prueba):

dos participantes y una facilitadora. La facilitadora asigna el ejercicio 02 (queda en el
intercambio de nbgrader); en Chromium cada participante entra por la página en español, abre un
tablero con Voilà dentro de su servidor (desde el enlace del libro en /services/libro/), recibe el ejercicio y lo envía con los botones de la
pestaña de tareas de JupyterLab (Nbgrader → Assignment List), después de escribir sus respuestas
con la API de contenidos de Jupyter. La facilitadora recoge del intercambio
(`lideres curso recoger 02 --intercambio`), califica y saca el reporte: cada participante aparece
con sus puntos.
"""

from __future__ import annotations

import csv
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

import pytest

from lideres import lanzar, libro
from lideres.banco.cuaderno import cuaderno_con_respuestas
from lideres.modulos import modulo
from lideres.taller.proceso import SELECTOR_DISTRITOS

pytestmark = [pytest.mark.lento, pytest.mark.navegador]

PROYECTO = Path(__file__).resolve().parents[2]  # el repositorio (despliegue/, .hub/)
CONFIG_HUB = PROYECTO / "despliegue" / "local" / "jupyterhub_config.py"
PROXY = PROYECTO / ".hub" / "node_modules" / ".bin" / "configurable-http-proxy"
CONTRASENA = "prueba-escuela-2026"
FACILITADORA = "formadora"
EJERCICIO = "02_conteos_y_tasas"
CURSO_ID = "escuela_lideres"
TABLERO = "notebooks/tableros/02_conteos_y_tasas.ipynb"
MARCA_EDICION_FACILITADORES = "Edición de quien facilita: respuestas de las autoevaluaciones"
ESPERA_MS = 300_000  # arrancar JupyterLab y un kernel en 2 núcleos ocupados por otras pruebas

# Lo que escribe cada participante (valores, no código: ver cuaderno_con_respuestas).
RESPUESTAS = {
    "ana": {"tasa-por-100k": 250, "distrito-tasa-mas-alta": "Lince", "tasa-poco-confiable": "B",
            "conteo-o-tasa": "b", "tasa-del-cercado": "c",
            "reflexion-junta-vecinal": "Más denuncias no es más peligro: hay que mirar la tasa."},
    "beto": {"tasa-por-100k": 250, "distrito-tasa-mas-alta": "San Juan de Lurigancho"},
}
PUNTOS_AUTOMATICOS = {"ana": 6, "beto": 2}  # las cinco automáticas (2+1+1+1+1) y solo la primera


def _puerto_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _esperar(condicion, segundos: float, que: str, log: Path | None = None):
    limite = time.monotonic() + segundos
    while time.monotonic() < limite:
        resultado = condicion()
        if resultado:
            return resultado
        time.sleep(0.5)
    detalle = log.read_text(errors="replace")[-4000:] if log and log.exists() else ""
    pytest.fail(f"No se cumplió a tiempo: {que}\n{detalle}")


class Hub:
    def __init__(self, carpeta: Path):
        self.carpeta = carpeta
        self.intercambio = carpeta / "intercambio"
        self.log = carpeta / "jupyterhub.log"
        self.puerto = _puerto_libre()
        self.url = f"http://127.0.0.1:{self.puerto}"
        self.libro = carpeta / "libro"
        self.libro_facilitadores = carpeta / "libro_facilitadores"
        self.proceso: subprocess.Popen | None = None

    def entorno(self) -> dict:
        entorno = dict(os.environ)
        entorno.update({
            "LIDERES_HUB_CARPETA": str(self.carpeta),
            "LIDERES_HUB_PUERTO": str(self.puerto),
            "LIDERES_HUB_PUERTO_API": str(_puerto_libre()),
            "LIDERES_HUB_PUERTO_PROXY": str(_puerto_libre()),
            "LIDERES_PUERTO_LIBRO": str(_puerto_libre()),
            "LIDERES_HUB_CONTRASENA": CONTRASENA,
            "LIDERES_HUB_USUARIOS": f"ana,beto,{FACILITADORA}",
            "LIDERES_FACILITADORES": FACILITADORA,
            "LIDERES_INTERCAMBIO": str(self.intercambio),
            "LIDERES_LIBRO": str(self.libro),
            "LIDERES_LIBRO_FACILITADORES": str(self.libro_facilitadores),
            "LIDERES_PUERTO_LIBRO_FACILITADORES": str(_puerto_libre()),
        })
        return entorno

    def iniciar(self) -> None:
        self.intercambio.mkdir(parents=True)
        self.intercambio.chmod(0o777)  # como /srv/nbgrader/exchange: lo escriben todos
        self.libro.mkdir()
        # Construir el libro tarda minutos: una página con el mismo enlace al tablero que lleva el
        # capítulo en el libro del hub (`lideres libro --modo hub`).
        m = modulo(EJERCICIO)
        enlace = lanzar.bloque_tablero(m, libro.HUB, libro.url_tablero(m, libro.HUB), lanzar.configuracion())
        (self.libro / "index.html").write_text(
            '<!doctype html><html lang="es"><title>Libro</title><h1>Escuela de Líderes</h1>'
            f'{enlace}</html>', encoding="utf-8")
        # La edición de quien facilita: una página que hace de ella (trae las respuestas).
        self.libro_facilitadores.mkdir()
        (self.libro_facilitadores / "index.html").write_text(
            '<!doctype html><html lang="es"><meta charset="utf-8"><title>Libro</title>'
            f'<h1>{MARCA_EDICION_FACILITADORES}</h1></html>',
            encoding="utf-8")
        bin_venv = Path(sys.executable).parent
        with open(self.log, "w", encoding="utf-8") as salida:
            self.proceso = subprocess.Popen(
                [str(bin_venv / "jupyterhub"), "-f", str(CONFIG_HUB)], cwd=self.carpeta,
                env=self.entorno(), stdout=salida, stderr=subprocess.STDOUT, start_new_session=True)
        _esperar(self._responde, 180, "el hub responde en /hub/api", self.log)

    def _responde(self) -> bool:
        if self.proceso.poll() is not None:
            pytest.fail("JupyterHub se detuvo al iniciar:\n" + self.log.read_text(errors="replace")[-4000:])
        try:
            with urlopen(self.url + "/hub/api/", timeout=5) as r:
                return r.status == 200
        except (URLError, OSError):
            return False

    def detener(self) -> int | None:
        if self.proceso is None or self.proceso.poll() is not None:
            return None if self.proceso is None else self.proceso.returncode
        self.proceso.send_signal(signal.SIGTERM)  # el hub apaga los servidores de cada persona
        try:
            return self.proceso.wait(timeout=120)
        except subprocess.TimeoutExpired:
            os.killpg(self.proceso.pid, signal.SIGKILL)
            return self.proceso.wait()

    def casa(self, usuario: str) -> Path:
        return self.carpeta / "casas" / usuario

    def como_facilitadora(self, *orden: str) -> subprocess.CompletedProcess:
        """`lideres ...` con el entorno que el hub da al servidor de la facilitadora (su grupo)."""
        entorno = self.entorno()
        entorno.update({
            "JUPYTERHUB_USER": FACILITADORA, "LIDERES_ROL": "facilitador", "HOME": str(self.casa(FACILITADORA)),
            "JUPYTER_CONFIG_PATH": os.pathsep.join(
                str(PROYECTO / "despliegue" / "jupyter" / r) for r in ("facilitador", "comun")),
        })
        self.casa(FACILITADORA).mkdir(parents=True, exist_ok=True)
        hecho = subprocess.run([str(Path(sys.executable).parent / "lideres"), *orden], cwd=self.casa(FACILITADORA),
                               env=entorno, capture_output=True, text=True, timeout=900)
        assert hecho.returncode == 0, hecho.stdout + hecho.stderr
        assert "Traceback" not in hecho.stderr
        return hecho


@pytest.fixture(scope="module")
def hub(tmp_path_factory, ruta_chromium):
    if not PROXY.exists():
        mensaje = "Falta configurable-http-proxy en .hub/: `make prueba-hub` lo instala con npm."
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(mensaje)
        pytest.skip(mensaje)
    h = Hub(tmp_path_factory.mktemp("hub"))
    try:
        h.iniciar()
        yield h
    finally:
        h.detener()


def _entrar(v, hub: Hub, usuario: str):
    """Página de entrada en español; el hub arranca su servidor y abre JupyterLab."""
    page = v.page
    page.goto(hub.url + "/hub/login")
    assert page.evaluate("document.documentElement.lang") == "es"
    assert "Entrar a la Escuela de Líderes" in page.locator("h1").inner_text()
    assert page.locator("label[for=username_input]").inner_text() == "Usuario:"
    page.fill("#username_input", usuario)
    page.fill("#password_input", CONTRASENA)
    page.click("#login_submit")
    page.wait_for_url(f"**/user/{usuario}/lab**", timeout=ESPERA_MS)


def _api(page, metodo: str, ruta: str, cuerpo=None):
    """Un pedido desde la página, con la cookie y el _xsrf de JupyterLab (como lo hace la pestaña)."""
    return page.evaluate(
        """async ([metodo, ruta, cuerpo]) => {
            const xsrf = (document.cookie.match(/(?:^|; )_xsrf=([^;]*)/) || [])[1] || "";
            const r = await fetch(ruta, {method: metodo, credentials: "same-origin",
                headers: {"X-XSRFToken": decodeURIComponent(xsrf), "Content-Type": "application/json"},
                body: cuerpo === null ? undefined : JSON.stringify(cuerpo)});
            return [r.status, await r.text()];
        }""", [metodo, ruta, cuerpo])


def test_hub_dos_participantes_y_una_facilitadora(hub, navegador, vigilar):
    import json

    # 1. La facilitadora asigna: queda en el intercambio de nbgrader del hub.
    curso = hub.casa(FACILITADORA) / "curso"
    salida = hub.como_facilitadora("curso", "asignar", EJERCICIO, "--curso", str(curso)).stdout
    assert "intercambio de nbgrader" in salida
    assert (hub.intercambio / CURSO_ID / "outbound" / EJERCICIO / f"{EJERCICIO}.ipynb").is_file()

    for usuario in ("ana", "beto"):
        contexto = navegador.new_context(locale="es-PE", viewport={"width": 1280, "height": 900})
        v = vigilar(contexto)
        v.page.set_default_timeout(ESPERA_MS)
        try:
            _entrar(v, hub, usuario)
            base = f"/user/{usuario}"

            # 2. Un tablero con la extensión de servidor de Voilà, dentro de su propio servidor: el
            # enlace del libro (/hub/user-redirect/...) lleva ahí a quien entró.
            v.page.goto(hub.url + "/services/libro/")
            v.page.locator(".lideres-enlace-tablero a").click()
            v.page.wait_for_url(hub.url + f"{base}/voila/render/{TABLERO}", timeout=ESPERA_MS)
            v.page.wait_for_function(
                f"() => document.querySelectorAll('{SELECTOR_DISTRITOS}').length > 0"
                " && document.querySelectorAll('.lideres-barra').length > 0", timeout=ESPERA_MS)
            assert v.page.evaluate("document.documentElement.lang") == "es"
            texto = v.page.inner_text("body")
            assert "Traceback" not in texto and "from lideres" not in v.page.content()

            # 3. La pestaña de tareas de JupyterLab (Nbgrader → Assignment List): recibe el
            # ejercicio («Fetch»), la persona escribe sus respuestas (aquí con la API de contenidos
            # de Jupyter, lo que hace JupyterLab al guardar) y lo envía («Submit»).
            v.page.goto(hub.url + f"{base}/lab")
            v.page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
            v.page.locator(".lm-Menu-itemLabel", has_text="Assignment List").click()
            v.page.locator("#released_assignments_list .list_item", has_text=EJERCICIO) \
                .locator("button", has_text="Fetch").click()
            enviar = v.page.locator("#fetched_assignments_list .list_item", has_text=EJERCICIO) \
                .locator("button", has_text="Submit")
            enviar.wait_for()
            recibido = hub.casa(usuario) / EJERCICIO
            assert (recibido / f"{EJERCICIO}.ipynb").is_file()
            estado, texto = _api(v.page, "GET", f"{base}/api/contents/")
            assert estado == 200 and {"notebooks", EJERCICIO} <= {a["name"] for a in json.loads(texto)["content"]}

            cuaderno = cuaderno_con_respuestas(recibido, RESPUESTAS[usuario])
            estado, texto = _api(v.page, "PUT", f"{base}/api/contents/{EJERCICIO}/{EJERCICIO}.ipynb",
                                 {"type": "notebook", "format": "json", "content": cuaderno})
            assert estado == 200, texto
            enviar.click()
            v.page.locator("#submitted_assignments_list .list_item", has_text=EJERCICIO).first.wait_for()
            v.revisar()  # nada fuera de esta computadora, sin errores en la consola
        finally:
            contexto.close()

    entregas = sorted(p.name.split("+")[0] for p in (hub.intercambio / CURSO_ID / "inbound").iterdir())
    assert entregas == ["ana", "beto"]  # cada una con su nombre del hub, aunque el sistema sea el mismo

    # 4. La facilitadora recoge del intercambio, califica y saca el reporte.
    salida = hub.como_facilitadora("curso", "recoger", EJERCICIO, "--intercambio", "--curso", str(curso)).stdout
    assert "Recogidas 2 entregas" in salida, salida
    hub.como_facilitadora("curso", "calificar", EJERCICIO, "--curso", str(curso))
    salida = hub.como_facilitadora("curso", "reporte", "--curso", str(curso)).stdout
    from lideres.curso import motor

    puntos = motor.puntajes_por_celda(curso, EJERCICIO)
    for usuario, esperado in PUNTOS_AUTOMATICOS.items():
        assert sum(p for p, _ in puntos[usuario].values() if p is not None) == esperado, (usuario, puntos)
    with open(curso / "reportes" / "avance.csv", encoding="utf-8-sig") as f:
        filas = list(csv.reader(f))
    texto = "\n".join(";".join(f) for f in filas)
    assert "ana" in texto and "beto" in texto, texto


def test_formgrader_solo_para_quien_facilita(hub, navegador, vigilar):
    """El formgrader de nbgrader y la edición del libro con las respuestas son de la facilitadora, no de
    un participante."""
    estados, edicion = {}, {}
    for usuario in (FACILITADORA, "ana"):
        contexto = navegador.new_context(locale="es-PE")
        v = vigilar(contexto)
        v.page.set_default_timeout(ESPERA_MS)
        try:
            _entrar(v, hub, usuario)
            v.page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
            v.page.locator(".lm-Menu-itemLabel", has_text="Assignment List").wait_for()
            menu = v.page.locator(".lm-Menu-itemLabel", has_text="Formgrader").count()
            estados[usuario] = (menu > 0, v.page.request.get(hub.url + f"/user/{usuario}/formgrader").status)
            # La edición del libro con las respuestas: solo para el grupo «facilitadores» (OAuth del hub).
            respuesta = v.page.goto(hub.url + "/services/libro-facilitadores/")
            edicion[usuario] = (respuesta.status, MARCA_EDICION_FACILITADORES in v.page.content())
        finally:
            contexto.close()
    assert estados == {FACILITADORA: (True, 200), "ana": (False, 404)}  # (en el menú, en el servidor)
    assert edicion == {FACILITADORA: (200, True), "ana": (403, False)}, edicion
    # sin entrar al hub, lleva a la página de entrada
    with urlopen(hub.url + "/services/libro-facilitadores/", timeout=30) as r:
        assert "/hub/login" in r.url and MARCA_EDICION_FACILITADORES not in r.read().decode("utf-8")


def test_libro_en_una_direccion_fija(hub):
    with urlopen(hub.url + "/services/libro/", timeout=30) as r:
        assert r.status == 200 and "Escuela de Líderes" in r.read().decode("utf-8")
