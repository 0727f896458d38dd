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
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

from benchmarks import comun  # noqa: E402
from lideres.taller.proceso import SELECTOR_DISTRITOS, ServidorTaller  # noqa: E402

CAMINOS = SELECTOR_DISTRITOS

TABLEROS = {
    "tablero": {
        "origen": RAIZ / "notebooks" / "tableros" / "02_conteos_y_tasas.ipynb",
        "archivo": "02_conteos_y_tasas.ipynb",
        "listo": f"() => document.querySelectorAll('{CAMINOS}').length >= 50"
                 " && document.querySelectorAll('.lideres-barra').length > 0",
    },
    "trivial": {
        "origen": RAIZ / comun.TRIVIAL,
        "archivo": Path(comun.TRIVIAL).name,
        "listo": comun.LISTO_TRIVIAL,
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


def medir(repeticiones: int, cambios: int, precalentados: int) -> dict:
    resultados: dict = {nombre: {"frio": [], "precalentado": [], "bytes": [], "cambios_ms": []}
                        for nombre in TABLEROS}
    with comun.taller_con_chromium(preparar_raiz(), precalentados) as (servidor, navegador):
        esperar_pools(servidor, len(TABLEROS))
        for ronda in range(repeticiones):
            for nombre, t in TABLEROS.items():
                for modo, carpeta in (("frio", "frio"), ("precalentado", "tableros")):
                    if modo == "precalentado":
                        esperar_pools(servidor, len(TABLEROS) * (ronda + 1))
                    url = servidor.url(f"/voila/render/{carpeta}/{t['archivo']}")
                    segundos, bytes_, page, contexto = comun.abrir(navegador, url, t["listo"])
                    resultados[nombre][modo].append(segundos)
                    if modo == "frio":
                        resultados[nombre]["bytes"].append(bytes_)
                    if modo == "precalentado" and ronda == 0:
                        for i in range(cambios):
                            if nombre == "tablero":
                                destino = ["Tasa", "tasa_100k"] if i % 2 == 0 else ["Conteo", "conteo"]
                                ms = page.evaluate(JS_CAMBIO_TABLERO, destino)
                            else:
                                ms = page.evaluate(comun.JS_CAMBIO_TRIVIAL, "ArrowRight" if i % 2 == 0 else "ArrowLeft")
                            resultados[nombre]["cambios_ms"].append(ms)
                            page.wait_for_timeout(300)  # que termine de dibujar antes del siguiente
                    comun.cerrar(page, contexto)
                    print(f"  {nombre:8s} {modo:13s} ronda {ronda + 1}: {segundos:6.2f} s")
    return resultados


def resumir(resultados: dict) -> dict:
    resumen = {}
    for nombre, r in resultados.items():
        cambios = comun.resumen_cambios(r["cambios_ms"])
        resumen[nombre] = {
            "tti_frio_s": statistics.median(r["frio"]),
            "tti_precalentado_s": statistics.median(r["precalentado"]),
            "bytes": statistics.median(r["bytes"]),
            "cambio_mediana_ms": cambios["mediana_ms"],
            "cambio_p95_ms": cambios["p95_ms"],
            "cambios_fallidos": cambios["fallidos"],
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeticiones", type=int, default=3, help="aperturas por tablero y modo")
    parser.add_argument("--cambios", type=int, default=20, help="cambios de medida para la latencia")
    parser.add_argument("--precalentados", type=int, default=1,
                        help="kernels precalentados por tablero (se espera a que se repongan)")
    args = parser.parse_args()
    if comun.sin_chromium():
        return 1
    resultados = medir(args.repeticiones, args.cambios, args.precalentados)
    resumen = resumir(resultados)
    imprimir(resumen, comun.descripcion_maquina())
    print()
    comun.guardar("tablero", {"resumen": resumen, "crudos": resultados})
    return 0


if __name__ == "__main__":
    sys.exit(main())
