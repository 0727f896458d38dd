"""Lo que repetían las pruebas en Chromium: el servidor del taller con un curso (para una fixture de
módulo), un celular de 360×640, axe-core, los toques de menos de 44 px, elegir un archivo como en el
celular, responder el ejercicio como un celular (en el formulario ligero y en el de Voilà), el
reporte del grupo abierto en Chromium y JupyterLab en esta computadora. Esperar el registro del
servidor y ver si un kernel vive están en `ServidorTaller` (`esperar_en_registro`, `kernel_existe`).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from lideres.curso import carpeta
from lideres.taller.proceso import ServidorTaller, puerto_libre_cualquiera

# Lo que axe-core marca como grave: una prueba falla con cualquiera de estos.
GRAVES = {"serious", "critical"}
# En las páginas de Voilà (tableros y ejercicio), además: todo dentro de una región, con un solo <main>
# (issue 22; «region» es moderado para axe, pero un lector de pantalla salta al tablero por <main>).
REGIONES_VOILA = {"region", "landmark-one-main", "landmark-no-duplicate-main", "landmark-main-is-top-level"}
# Un celular barato: 360×640, pantalla táctil.
CELULAR = {"locale": "es-PE", "viewport": {"width": 360, "height": 640}, "device_scale_factor": 2,
           "is_mobile": True, "has_touch": True}
# En una máquina cargada (CI, o las pruebas en paralelo) JupyterLab tarda en arrancar.
ESPERA_JUPYTERLAB_S = 300
JS_SIN_SCROLL = "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
# Los controles de un tablero que miden menos de 44 px de alto (el mínimo para un dedo).
JS_CONTROLES_BAJOS = """() => Array.from(document.querySelectorAll(
      '.lideres-control button, .lideres-control input, .lideres-control select'))
    .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 43.5)
    .map(e => e.outerHTML.slice(0, 80))"""


# Al irse de un tablero, Voilà suelta la conexión con su kernel en `beforeunload`; si un widget
# (el mapa que se reacomoda tras cambiar el tamaño) avisa al kernel antes de que llegue la página
# siguiente, el gestor de widgets escribe este error. No se pierde nada que la persona vea (la página
# ya se va), así que se anota aparte (`v.al_irse`), pero solo si la página de verdad se fue: con la
# página todavía ahí (`v.sin_irse`, p. ej. una descarga que no la cambia) sigue siendo un error.
SIN_AVISAR_AL_KERNEL = "Could not send widget sync message"
MARCA_SE_VA = "lideres-pruebas: la página empieza a irse"
MARCA_NUEVA = "lideres-pruebas: página nueva"
JS_MARCAS = f"""if (window.top === window) {{
  console.debug({MARCA_NUEVA!r});
  window.addEventListener("beforeunload", () => console.debug({MARCA_SE_VA!r}));
}}"""


def escuchar(page, v) -> None:
    """Anota en v los pedidos, websockets y errores de consola de page (una o varias páginas)."""
    # Esta página: ¿empezó a irse?, y los avisos al kernel que escribió desde entonces.
    estado = {"se_va": False, "retenidos": []}

    def se_fue():
        for texto in estado["retenidos"]:
            v.sin_irse.remove(texto)
            v.al_irse.append(texto)
        estado.update(se_va=False, retenidos=[])

    def en_consola(msg):
        if msg.type == "debug" and msg.text in (MARCA_SE_VA, MARCA_NUEVA):
            if msg.text == MARCA_SE_VA:
                estado["se_va"] = True
            else:  # llegó otra página: la anterior se fue de verdad
                se_fue()
            return
        if msg.type == "error" and estado["se_va"] and msg.text.startswith(SIN_AVISAR_AL_KERNEL):
            estado["retenidos"].append(msg.text)
            v.sin_irse.append(msg.text)
            return
        if msg.type == "error":
            v.errores.append(msg.text)
            v.donde.append(f"{msg.text} ← {(msg.location or {}).get('url', '')}")
        # Llega como aviso: un módulo compartido hecho para otra versión (issue 22). Lo revisa
        # tests/navegador/test_navegador_versiones.py.
        if "Unsatisfied version" in msg.text:
            v.otras_versiones.append(msg.text)

    def en_error(e):
        v.errores.append(f"pageerror: {e}")
        v.donde.append(f"pageerror: {e}")

    page.add_init_script(JS_MARCAS)
    page.on("request", lambda req: v.pedidos.append(req.url))
    page.on("websocket", lambda ws: v.pedidos.append(ws.url))
    page.on("console", en_consola)
    page.on("pageerror", en_error)
    page.on("close", lambda _: se_fue() if estado["se_va"] else None)


@contextmanager
def taller_con_curso(curso: Path, registro: Path, **opciones):
    """El servidor del taller (`lideres taller --curso`) sin libro ni kernels de reserva, para una
    fixture de módulo. Al salir se detiene, se borra `curso` y falla si el servidor no se detuvo limpio."""
    opciones = {"sin_libro": True, "precalentados": 0, "espera_s": 300, **opciones}
    s = ServidorTaller(curso=curso, carpeta=registro, **opciones)
    s.iniciar()
    try:
        yield s
    finally:
        codigo = s.detener()
        shutil.rmtree(curso, ignore_errors=True)
    assert codigo == 0, "el servidor no se detuvo limpio:\n" + s.texto_salida()


def celular(navegador, **extra):
    """Un contexto de Chromium como el celular de una persona (CELULAR)."""
    return navegador.new_context(**{**CELULAR, **extra})


def axe_graves(page) -> list[str]:
    """Los problemas graves de accesibilidad (axe-core, incluido en el paquete: sin internet); en una
    página de Voilà, también lo que queda fuera de una región (REGIONES_VOILA)."""
    from axe_playwright_python.sync_playwright import Axe

    voila = page.evaluate("() => !!document.body && document.body.classList.contains('lideres-voila')")
    contar = REGIONES_VOILA if voila else set()
    # Sin «preload»: axe volvería a pedir las hojas de estilo por su cuenta (y resuelve mal un
    # @import relativo del tema del libro, con un 404 que no existe para el navegador).
    resultado = Axe().run(page, options={"resultTypes": ["violations"], "preload": False})
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in resultado.response["violations"]
        if v.get("impact") in GRAVES or v["id"] in contar
    ]


def revisar_controles(page) -> None:
    """Controles de 44 px o más y nada grave para axe-core."""
    bajos = page.evaluate(JS_CONTROLES_BAJOS)
    assert not bajos, f"controles de menos de 44 px: {bajos}"
    graves = axe_graves(page)
    assert not graves, "axe-core:\n" + "\n".join(graves)


def respuestas_fallidas(page) -> list[tuple[int, str]]:
    """Anota (código, url) de cada respuesta 400 o más de la página, desde ahora."""
    fallidas: list[tuple[int, str]] = []
    page.on("response", lambda r: fallidas.append((r.status, r.url)) if r.status >= 400 else None)
    return fallidas


def elegir_archivo(page, boton: str, ruta: Path) -> None:
    """Como en el celular: tocar el botón de subir y elegir el archivo."""
    with page.expect_file_chooser() as eleccion:
        page.click(boton)
    eleccion.value.set_files(str(ruta))


# ---------------------------------------------------------------- responder el ejercicio: formulario ligero


def respuesta_buena_ligera(p, escrita: str):
    """La respuesta correcta de la pregunta `p` como la escribe el formulario ligero."""
    if p.manual:
        return escrita
    valor = p.respuesta
    return list(valor) if p.tipo == "orden" else str(valor[0] if isinstance(valor, list) else valor)


def responder_ligero(page, p, valor) -> None:
    campo = f"r-{p.id}"
    if p.tipo == "opcion":
        page.locator(f'input[name="{campo}"][value="{valor}"]').check()
    elif p.tipo == "orden":
        for k, item in enumerate(valor, start=1):
            page.locator(f'select[name="{campo}-{k}"]').select_option(value=item)
    elif p.tipo == "distrito":
        page.locator(f'select[name="{campo}"]').select_option(value=valor)
    else:
        page.locator(f'[name="{campo}"]').fill(str(valor))


def entrar_ligero(page, nombre: str, codigo_grupo: str, clave: str) -> None:
    page.locator("#nombre").fill(nombre)
    page.locator("#codigo").fill(codigo_grupo)
    page.locator("#clave").fill(clave)
    page.get_by_role("button", name="Empezar").tap()
    page.wait_for_selector("text=Respondes como")


# ---------------------------------------------------------------- responder el ejercicio: formulario de Voilà


def entrar_voila(page, nombre: str, codigo_grupo: str, clave: str) -> None:
    page.wait_for_selector(".lideres-nombre input", state="visible")
    page.locator(".lideres-nombre input").fill(nombre)
    page.locator(".lideres-codigo input").fill(codigo_grupo)
    page.locator(".lideres-clave input").fill(clave)
    page.get_by_role("button", name="Empezar").tap()
    page.wait_for_selector(".lideres-preguntas:visible, .lideres-entrada .lideres-mal")
    rechazo = page.locator(".lideres-entrada .lideres-mal")
    assert rechazo.count() == 0, rechazo.first.inner_text()


def pregunta_voila(page, indice):
    return page.locator(".lideres-pregunta").nth(indice)


def esperar_guardado_voila(page, n, total) -> None:
    page.wait_for_function(
        "([n, t]) => (document.querySelector('.lideres-guardado') || {}).textContent"
        " && document.querySelector('.lideres-guardado').textContent.includes(`Guardado: ${n} de ${t}`)",
        arg=[n, total],
    )


def responder_voila(page, indice, pregunta, valor) -> None:
    caja = pregunta_voila(page, indice)
    if pregunta.tipo == "opcion":
        caja.locator(".widget-radio-box label").filter(has_text=f"{valor}) ").first.tap()
    elif pregunta.tipo == "numero":
        caja.locator(".lideres-decimal input").fill(str(valor))
    elif pregunta.tipo == "distrito":
        caja.locator("select").select_option(label=str(valor))
    elif pregunta.tipo == "orden":
        for destino, item in enumerate(valor):
            for _ in range(len(valor)):
                filas = [caja.locator(".lideres-item").nth(i).inner_text() for i in range(len(valor))]
                actual = next(i for i, t in enumerate(filas) if t.split(". ", 1)[1] == item)
                if actual <= destino:
                    break
                caja.locator(f'button[title^="Subir {item} "]').tap()
                page.wait_for_function(
                    "([s, i]) => document.querySelectorAll(s)[i].textContent.includes(`${i + 1}.`)",
                    arg=[".lideres-item", actual - 1])
    else:
        caja.locator("textarea").fill(str(valor))


# ---------------------------------------------------------------- el reporte de quien facilita


@contextmanager
def reporte_en_chromium(navegador, curso: Path):
    """El reporte del grupo (`lideres curso reporte`, un archivo de la laptop) abierto en Chromium a
    1280 px; da la página. Al salir cierra el contexto y falla si la página pidió algo fuera de la
    computadora (todo va en el archivo o a otros archivos de la laptop)."""
    contexto = navegador.new_context(locale="es-PE", viewport={"width": 1280, "height": 900})
    pedidos: list[str] = []
    try:
        page = contexto.new_page()
        page.on("request", lambda r: pedidos.append(r.url))
        page.goto((carpeta.Curso.de(curso).reportes / "avance.html").as_uri())
        yield page
    finally:
        contexto.close()
    afuera = [u for u in pedidos if not u.startswith(("file://", "data:"))]
    assert afuera == [], f"el reporte pidió cosas fuera de la computadora: {afuera}"


@contextmanager
def jupyterlab(casa: Path, ficha: str, entorno: dict | None = None):
    """JupyterLab en 127.0.0.1, con `casa` como carpeta raíz; da la dirección base. Sin internet: ni
    el catálogo de extensiones de PyPI, ni las noticias, ni el aviso de versiones nuevas."""
    puerto = puerto_libre_cualquiera()
    proceso = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={puerto}", "--ip=127.0.0.1",
         f"--ServerApp.root_dir={casa}", f"--IdentityProvider.token={ficha}", "--allow-root",
         "--LabApp.extension_manager=readonly", "--LabApp.news_url=None",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        cwd=casa, env=entorno, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{puerto}"
    try:
        limite = time.monotonic() + ESPERA_JUPYTERLAB_S
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={ficha}", timeout=5)
                break
            except OSError:
                if proceso.poll() is not None:
                    pytest.fail("JupyterLab no arrancó")
                if time.monotonic() > limite:
                    pytest.fail(f"JupyterLab no respondió en {ESPERA_JUPYTERLAB_S // 60} minutos")
                time.sleep(0.5)
        yield base
    finally:
        proceso.terminate()
        try:
            proceso.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proceso.kill()


def copiar_tableros(cuadernos, tableros) -> None:
    """Copia los cuadernos de esos tableros del curso a `cuadernos/tableros` (la carpeta que sirve
    un ServidorTaller de prueba)."""
    from lideres import rutas

    (cuadernos / "tableros").mkdir(parents=True, exist_ok=True)
    for t in tableros:
        shutil.copy(rutas.CUADERNOS / "tableros" / f"{t}.ipynb", cuadernos / "tableros")


def matar_kernel(servidor: ServidorTaller, kernel: str) -> None:
    """Como un kernel que se queda sin memoria: el proceso muere de golpe."""
    import os
    import signal

    import psutil

    for p in psutil.Process(servidor.proceso.pid).children(recursive=True):
        if any(kernel in parte for parte in p.cmdline()):
            os.kill(p.pid, signal.SIGKILL)
            return
    raise AssertionError(f"no encontré el proceso del kernel {kernel}")
