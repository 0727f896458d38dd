"""Lo que comparten los benchmarks de tableros en Chromium, para no copiarlo en cada script: el
servidor del taller con un Chromium sin interfaz, abrir una página contando sus bytes, cerrarla,
resumir tiempos, describir la máquina y guardar los resultados crudos. No es un benchmark.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
import zlib
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

from benchmarks.celulares import percentil  # noqa: E402
from tests.chromium import ARGUMENTOS_CHROMIUM, CHROMIUM  # noqa: E402

RESULTADOS = RAIZ / "benchmarks" / "_resultados"
TRIVIAL = "benchmarks/trivial/un_deslizador.ipynb"

# Lo que dice que un tablero ya se puede usar: el 07, el contorno del distrito y la herramienta de
# dibujo; el trivial, el deslizador con su resultado.
LISTO_07 = ("() => !!document.querySelector('.lideres-tablero-puntos-calientes .leaflet-draw-draw-rectangle')"
            " && !!document.querySelector('.lideres-mapa path.leaflet-interactive')")
LISTO_TRIVIAL = ("() => !!document.querySelector('.lideres-trivial-resultado')"
                 " && document.querySelector('.lideres-trivial-resultado').textContent.includes('cuadrado')")

# Un cambio del trivial medido dentro de la página: la flecha del deslizador hasta que cambia el texto.
JS_CAMBIO_TRIVIAL = """async (tecla) => {
  const el = document.querySelector('.lideres-trivial-resultado');
  const antes = el.textContent;
  const mango = document.querySelector('.widget-slider .noUi-handle, .widget-slider [role=slider]');
  mango.focus();
  const t0 = performance.now();
  mango.dispatchEvent(new KeyboardEvent('keydown', {key: tecla, bubbles: true}));
  while (document.querySelector('.lideres-trivial-resultado').textContent === antes) {
    if (performance.now() - t0 > 30000) return -1;
    await new Promise(r => requestAnimationFrame(r));
  }
  return performance.now() - t0;
}"""


def sin_chromium() -> bool:
    """True (y lo dice) si falta el Chromium de Debian: el script termina sin medir."""
    if CHROMIUM.exists():
        return False
    print(f"Falta {CHROMIUM}: instálalo con `make chromium`.", file=sys.stderr)
    return True


def copiar_cuadernos(rutas, prefijo: str = "lideres_bench_") -> Path:
    """Una carpeta temporal con `frio/` y en ella los cuadernos dados (rutas desde la raíz)."""
    raiz = Path(tempfile.mkdtemp(prefix=prefijo))
    (raiz / "frio").mkdir()
    for ruta in rutas:
        shutil.copy(RAIZ / ruta, raiz / "frio" / Path(ruta).name)
    return raiz


def en_frio(servidor, archivo: str) -> str:
    """La dirección de un cuaderno de `frio/` (sin kernel precalentado)."""
    return servidor.url(f"/voila/render/frio/{archivo}")


@contextlib.contextmanager
def taller_con_chromium(raiz: Path, precalentados: int = 0, carga: list | None = None):
    """El servidor del taller (sin libro) sobre `raiz` y un Chromium sin interfaz: da
    `(servidor, navegador)` y al salir cierra los dos y borra `raiz`. En `carga`, si se da, agrega
    la carga de la máquina al empezar y al terminar."""
    from playwright.sync_api import sync_playwright

    from lideres.taller.proceso import ServidorTaller

    servidor = ServidorTaller(sin_libro=True, precalentados=precalentados, cuadernos=raiz)
    print(f"Iniciando el servidor del taller en el puerto {servidor.puerto}…")
    if carga is not None:
        carga.append(os.getloadavg()[0])
    try:
        with servidor, sync_playwright() as p:
            navegador = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGUMENTOS_CHROMIUM)
            try:
                yield servidor, navegador
            finally:
                navegador.close()
    finally:
        if carga is not None:
            carga.append(os.getloadavg()[0])
        shutil.rmtree(raiz, ignore_errors=True)


def bytes_del_marco(respuesta: dict) -> bytes:
    """Los bytes de un mensaje del websocket según Chromium: el kernel de Voilà habla el protocolo
    binario de Jupyter (v1), y Chromium da esos marcos en base64 (un tercio más largos)."""
    import base64

    if respuesta.get("opcode") == 2:
        return base64.b64decode(respuesta["payloadData"])
    return respuesta["payloadData"].encode("utf-8")


def deflate_por_mensaje(mensajes: list[bytes]) -> list[int]:
    """Lo que pesa cada mensaje con permessage-deflate como lo envía tornado (contexto compartido,
    un vaciado por mensaje, sin la cola 00 00 ff ff)."""
    z = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return [len(z.compress(m) + z.flush(zlib.Z_SYNC_FLUSH)) - 4 for m in mensajes]


def abrir(navegador, url: str, listo_js: str, detalle: dict | None = None) -> tuple[float, int, object, object]:
    """Abre una página nueva, mide el tiempo hasta `listo_js` y los bytes recibidos (HTTP transferido
    + websocket sin comprimir, como lo da Chromium). En `detalle`, si se da: `http`, `ws` y
    `ws_deflate` (el websocket con permessage-deflate, como lo envía el servidor del taller)."""
    contexto = navegador.new_context(viewport={"width": 1280, "height": 900})
    page = contexto.new_page()
    cdp = contexto.new_cdp_session(page)
    cdp.send("Network.enable")
    total = {"http": 0, "ws": 0}
    cdp.on("Network.loadingFinished", lambda e: total.__setitem__("http", total["http"] + e["encodedDataLength"]))
    marcos: list[bytes] = []
    cdp.on("Network.webSocketFrameReceived", lambda e: marcos.append(bytes_del_marco(e["response"])))

    def fuera(route):
        if route.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:")):
            route.continue_()
        else:
            raise SystemExit(f"El tablero intentó salir de la computadora: {route.request.url}")

    contexto.route("**/*", fuera)
    t0 = time.perf_counter()
    page.goto(url)
    page.wait_for_function(listo_js, timeout=120_000, polling=50)
    segundos = time.perf_counter() - t0
    page.wait_for_timeout(500)  # los últimos mensajes del websocket
    total["ws"] = sum(map(len, marcos))
    if detalle is not None:
        detalle.update(total, ws_deflate=sum(deflate_por_mensaje(marcos)))
    return segundos, total["http"] + total["ws"], page, contexto


def cerrar(page, contexto) -> None:
    try:
        page.close(run_before_unload=True)
    finally:
        contexto.close()


def resumen_cambios(tiempos: list[float]) -> dict:
    """Mediana y p95 de los cambios medidos (ms); los que no respondieron (-1) se cuentan aparte."""
    validos = [t for t in tiempos if t >= 0]
    return {"mediana_ms": statistics.median(validos) if validos else float("nan"),
            "p95_ms": percentil(validos, 0.95) if validos else float("nan"),
            "fallidos": len(tiempos) - len(validos)}


def descripcion_maquina() -> str:
    nucleos = os.cpu_count()
    try:
        memoria = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
        texto_mem = f"{memoria:.0f} GB"
    except (ValueError, OSError, AttributeError):
        texto_mem = "memoria desconocida"
    return f"{nucleos} núcleos, {texto_mem}, {platform.system()} {platform.machine()}, Python {platform.python_version()}"


def guardar(nombre: str, datos: dict) -> Path:
    """Los resultados crudos en `benchmarks/_resultados/<nombre>_<fecha>.json`, con la máquina y la fecha."""
    RESULTADOS.mkdir(parents=True, exist_ok=True)
    archivo = RESULTADOS / f"{nombre}_{time.strftime('%Y%m%d_%H%M%S')}.json"
    archivo.write_text(json.dumps({"maquina": descripcion_maquina(), "fecha": time.strftime("%Y-%m-%d %H:%M"),
                                   **datos}, indent=1), encoding="utf-8")
    print(f"Cifras guardadas en {archivo.relative_to(RAIZ)}")
    return archivo
