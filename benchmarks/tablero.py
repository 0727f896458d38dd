"""Benchmark del tablero «Conteos y tasas» contra un tablero trivial (un deslizador), en el mismo
servidor del taller y en la misma corrida.

Mide, para cada tablero:
- tiempo hasta poder usarlo (desde pedir la página hasta ver el mapa con sus 50 distritos y el
  ranking, o el deslizador con su resultado), con kernel frío y con kernel precalentado;
- bytes transferidos al abrirlo (HTTP + mensajes del websocket del kernel, según Chromium);
- latencia de un cambio: desde el clic en la medida (o la flecha del deslizador) hasta que el mapa
  cambia de color (o el texto cambia), mediana y p95 sobre 20 cambios.

Imprime las cifras y las razones tablero/trivial. No es una prueba: no falla por lento.

    .venv/bin/python benchmarks/tablero.py [--repeticiones 3] [--cambios 20]
"""

from __future__ import annotations

import argparse
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

from benchmarks.celulares import percentil  # noqa: E402 (tablero_07 también lo toma de aquí)
from lideres.taller.proceso import SELECTOR_DISTRITOS, ServidorTaller  # noqa: E402
from tests.chromium import ARGUMENTOS_CHROMIUM, CHROMIUM  # noqa: E402

CAMINOS = SELECTOR_DISTRITOS

TABLEROS = {
    "tablero": {
        "origen": RAIZ / "notebooks" / "tableros" / "02_conteos_y_tasas.ipynb",
        "archivo": "02_conteos_y_tasas.ipynb",
        "listo": f"() => document.querySelectorAll('{CAMINOS}').length >= 50"
                 " && document.querySelectorAll('.lideres-barra').length > 0",
    },
    "trivial": {
        "origen": RAIZ / "benchmarks" / "trivial" / "un_deslizador.ipynb",
        "archivo": "un_deslizador.ipynb",
        "listo": "() => !!document.querySelector('.lideres-trivial-resultado')"
                 " && document.querySelector('.lideres-trivial-resultado').textContent.includes('cuadrado')",
    },
}

# Un cambio medido dentro de la página: clic y espera (MutationObserver + sondeo) hasta que cambie
# lo que se ve. Devuelve milisegundos.
JS_CAMBIO_TABLERO = """async ([boton, medida]) => {
  const caminos = () => Array.from(document.querySelectorAll('CAMINOS'));
  const rellenos = () => caminos().map(p => getComputedStyle(p).fill).join(',');  // lo que se ve
  const antes = rellenos();
  const b = Array.from(document.querySelectorAll('.lideres-control-medida button'))
      .find(x => x.textContent.includes(boton));
  const t0 = performance.now();
  b.click();
  // Listo cuando los 50 distritos tienen otro color y el ranking ya dice la medida nueva.
  const listo = () => {
    const r = document.querySelector('.lideres-ranking');
    return caminos().length >= 50 && rellenos() !== antes && r && r.dataset.medida === medida;
  };
  while (!listo()) {
    if (performance.now() - t0 > 30000) return -1;
    await new Promise(r => requestAnimationFrame(r));
  }
  return performance.now() - t0;
}""".replace("CAMINOS", CAMINOS)

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


def preparar_raiz() -> Path:
    """tableros/ (precalentados) y frio/ (sin precalentar) con los mismos dos cuadernos."""
    raiz = Path(tempfile.mkdtemp(prefix="lideres_bench_"))
    for carpeta in ("tableros", "frio"):
        (raiz / carpeta).mkdir()
        for t in TABLEROS.values():
            shutil.copy(t["origen"], raiz / carpeta / t["archivo"])
    return raiz


def esperar_pools(servidor: ServidorTaller, n: int, limite_s: float = 180) -> None:
    """Espera a que el registro diga que los `n` pools de kernels se llenaron."""
    fin = time.monotonic() + limite_s
    while time.monotonic() < fin:
        if servidor.texto_registro().count("is filled with") >= n:
            return
        time.sleep(0.5)
    print("Aviso: los kernels precalentados no terminaron de llenarse a tiempo.")


def bytes_del_marco(respuesta: dict) -> bytes:
    """Los bytes de un mensaje del websocket según Chromium: el kernel de Voilà habla el protocolo
    binario de Jupyter (v1), y Chromium da esos marcos en base64 (un tercio más largos)."""
    import base64

    if respuesta.get("opcode") == 2:
        return base64.b64decode(respuesta["payloadData"])
    return respuesta["payloadData"].encode("utf-8")


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
        z = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)  # contexto compartido, vaciado por mensaje
        detalle.update(total, ws_deflate=sum(len(z.compress(m) + z.flush(zlib.Z_SYNC_FLUSH)) - 4 for m in marcos))
    return segundos, total["http"] + total["ws"], page, contexto


def cerrar(page, contexto) -> None:
    try:
        page.close(run_before_unload=True)
    finally:
        contexto.close()


def medir(repeticiones: int, cambios: int, precalentados: int) -> dict:
    from playwright.sync_api import sync_playwright

    raiz = preparar_raiz()
    resultados: dict = {nombre: {"frio": [], "precalentado": [], "bytes": [], "cambios_ms": []}
                        for nombre in TABLEROS}
    servidor = ServidorTaller(sin_libro=True, precalentados=precalentados, cuadernos=raiz)
    print(f"Iniciando el servidor del taller en el puerto {servidor.puerto}…")
    with servidor, sync_playwright() as p:
        esperar_pools(servidor, len(TABLEROS))
        navegador = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                      args=ARGUMENTOS_CHROMIUM)
        for ronda in range(repeticiones):
            for nombre, t in TABLEROS.items():
                for modo, carpeta in (("frio", "frio"), ("precalentado", "tableros")):
                    if modo == "precalentado":
                        esperar_pools(servidor, len(TABLEROS) * (ronda + 1))
                    url = servidor.url(f"/voila/render/{carpeta}/{t['archivo']}")
                    segundos, bytes_, page, contexto = abrir(navegador, url, t["listo"])
                    resultados[nombre][modo].append(segundos)
                    if modo == "frio":
                        resultados[nombre]["bytes"].append(bytes_)
                    if modo == "precalentado" and ronda == 0:
                        for i in range(cambios):
                            if nombre == "tablero":
                                destino = ["Tasa", "tasa_100k"] if i % 2 == 0 else ["Conteo", "conteo"]
                                ms = page.evaluate(JS_CAMBIO_TABLERO, destino)
                            else:
                                ms = page.evaluate(JS_CAMBIO_TRIVIAL, "ArrowRight" if i % 2 == 0 else "ArrowLeft")
                            resultados[nombre]["cambios_ms"].append(ms)
                            page.wait_for_timeout(300)  # que termine de dibujar antes del siguiente
                    cerrar(page, contexto)
                    print(f"  {nombre:8s} {modo:13s} ronda {ronda + 1}: {segundos:6.2f} s")
        navegador.close()
    shutil.rmtree(raiz, ignore_errors=True)
    return resultados


def resumir(resultados: dict) -> dict:
    resumen = {}
    for nombre, r in resultados.items():
        validos = [x for x in r["cambios_ms"] if x >= 0]
        resumen[nombre] = {
            "tti_frio_s": statistics.median(r["frio"]),
            "tti_precalentado_s": statistics.median(r["precalentado"]),
            "bytes": statistics.median(r["bytes"]),
            "cambio_mediana_ms": statistics.median(validos) if validos else float("nan"),
            "cambio_p95_ms": percentil(validos, 0.95) if validos else float("nan"),
            "cambios_fallidos": len(r["cambios_ms"]) - len(validos),
        }
    return resumen


def imprimir(resumen: dict, maquina: str) -> None:
    t, b = resumen["tablero"], resumen["trivial"]
    filas = [
        ("Hasta poder usarlo, kernel frío (s)", "tti_frio_s", "{:.2f}"),
        ("Hasta poder usarlo, precalentado (s)", "tti_precalentado_s", "{:.2f}"),
        ("Bytes al abrir (HTTP + websocket)", "bytes", "{:,.0f}"),
        ("Cambio de medida, mediana (ms)", "cambio_mediana_ms", "{:.0f}"),
        ("Cambio de medida, p95 (ms)", "cambio_p95_ms", "{:.0f}"),
    ]
    print()
    print(f"Máquina: {maquina}")
    print(f"{'':40s} {'tablero':>12s} {'trivial':>12s} {'razón':>7s}")
    for texto, clave, fmt in filas:
        razon = t[clave] / b[clave] if b[clave] else float("nan")
        print(f"{texto:40s} {fmt.format(t[clave]):>12s} {fmt.format(b[clave]):>12s} {razon:7.2f}")
    print(f"{'Precalentado / frío (tablero)':40s} {t['tti_precalentado_s'] / t['tti_frio_s']:>12.2f}")
    print(f"{'Precalentado / frío (trivial)':40s} {'':>12s} {b['tti_precalentado_s'] / b['tti_frio_s']:>12.2f}")
    if t["cambios_fallidos"] or b["cambios_fallidos"]:
        print(f"Cambios sin respuesta en 30 s: tablero {t['cambios_fallidos']}, trivial {b['cambios_fallidos']}")


def descripcion_maquina() -> str:
    nucleos = os.cpu_count()
    try:
        memoria = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
        texto_mem = f"{memoria:.0f} GB"
    except (ValueError, OSError, AttributeError):
        texto_mem = "memoria desconocida"
    return f"{nucleos} núcleos, {texto_mem}, {platform.system()} {platform.machine()}, Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeticiones", type=int, default=3, help="aperturas por tablero y modo")
    parser.add_argument("--cambios", type=int, default=20, help="cambios de medida para la latencia")
    parser.add_argument("--precalentados", type=int, default=1,
                        help="kernels precalentados por tablero (se espera a que se repongan)")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        print(f"Falta {CHROMIUM}: instálalo con `make chromium`.", file=sys.stderr)
        return 1
    resultados = medir(args.repeticiones, args.cambios, args.precalentados)
    resumen = resumir(resultados)
    maquina = descripcion_maquina()
    imprimir(resumen, maquina)
    salida = RAIZ / "benchmarks" / "_resultados"
    salida.mkdir(parents=True, exist_ok=True)
    archivo = salida / f"tablero_{time.strftime('%Y%m%d_%H%M%S')}.json"
    archivo.write_text(json.dumps({"maquina": maquina, "fecha": time.strftime("%Y-%m-%d %H:%M"),
                                   "resumen": resumen, "crudos": resultados}, indent=1),
                       encoding="utf-8")
    print(f"\nCifras guardadas en {archivo.relative_to(RAIZ)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
