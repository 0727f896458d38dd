"""El wifi de una sala llena, simulado en esta computadora (issue 19, «Speed»): 60 celulares abren la
portada y la página ligera del tablero 02 a la vez, por un enlace compartido de 20 Mbit/s con 50 ms
de ida y vuelta.

Entre los celulares y el servidor del taller va un proxy TCP propio (solo 127.0.0.1): todo lo que
baja y sube pasa por un único «balde de fichas» de 20 Mbit/s (el aire del wifi es uno solo) y cada
trozo llega 25 ms después en cada sentido. Cada celular es un cliente HTTP con hasta 6 conexiones
(como Chromium): pide la portada, después la página ligera y todo lo que ella carga del mismo
servidor (estilos, el script, las figuras). «Usable» = todo eso llegó.

La base, en la misma corrida: un celular solo en el mismo enlace. (Voilà no entra en esta cuenta:
cada página suya arranca un kernel, y 60 a la vez no caben en la laptop; ver «Carga: una sala llena».)

Imprime cuántos quedaron usables en 10 s, la mediana y el p95, y la razón p95 de la sala / un solo
celular.
No es una prueba: no falla.

    .venv/bin/python benchmarks/sala_wifi.py [--celulares 60] [--mbit 20] [--rtt-ms 50]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

from benchmarks.celulares import abrir_paginas  # noqa: E402
from lideres import ligera  # noqa: E402
from lideres.taller.proceso import ServidorTaller  # noqa: E402

TROZO = 16 * 1024


class Balde:
    """Un enlace compartido: `bytes_por_s` para todos los trozos, en cualquier sentido."""

    def __init__(self, bytes_por_s: float):
        self.tasa = bytes_por_s
        self.libre_desde = time.monotonic()
        self.candado = asyncio.Lock()

    async def pasar(self, n: int) -> None:
        async with self.candado:
            ahora = time.monotonic()
            inicio = max(ahora, self.libre_desde)
            self.libre_desde = inicio + n / self.tasa
            espera = self.libre_desde - ahora
        if espera > 0:
            await asyncio.sleep(espera)


async def _tubo(lector, escritor, balde: Balde, demora_s: float) -> None:
    cola: asyncio.Queue = asyncio.Queue()

    async def leer():
        while True:
            datos = await lector.read(TROZO)
            await cola.put((time.monotonic() + demora_s, datos))
            if not datos:
                return

    async def escribir():
        while True:
            llega, datos = await cola.get()
            if not datos:
                escritor.close()
                return
            espera = llega - time.monotonic()
            if espera > 0:
                await asyncio.sleep(espera)
            await balde.pasar(len(datos))
            escritor.write(datos)
            await escritor.drain()

    try:
        await asyncio.gather(leer(), escribir())
    except (ConnectionError, asyncio.IncompleteReadError):
        escritor.close()


async def proxy(puerto_servidor: int, balde: Balde, demora_s: float):
    async def atender(lector_c, escritor_c):
        try:
            lector_s, escritor_s = await asyncio.open_connection("127.0.0.1", puerto_servidor)
        except OSError:
            escritor_c.close()
            return
        await asyncio.gather(_tubo(lector_c, escritor_s, balde, demora_s),
                             _tubo(lector_s, escritor_c, balde, demora_s), return_exceptions=True)

    return await asyncio.start_server(atender, "127.0.0.1", 0)


def callar_cancelados() -> None:
    """Las conexiones que quedan abiertas al cerrar el proxy se cancelan: eso no es un error."""
    def manejar(loop, contexto):
        if not isinstance(contexto.get("exception"), asyncio.CancelledError):
            loop.default_exception_handler(contexto)

    asyncio.get_running_loop().set_exception_handler(manejar)


async def sala(puerto: int, n: int, mbit: float, rtt_ms: float, rutas: list[str]) -> list[float | None]:
    callar_cancelados()
    balde = Balde(mbit * 1e6 / 8)
    servidor = await proxy(puerto, balde, rtt_ms / 2000)
    base = f"http://127.0.0.1:{servidor.sockets[0].getsockname()[1]}"
    try:
        return await asyncio.gather(*(abrir_paginas(base, rutas) for _ in range(n)))
    finally:
        servidor.close()
        await servidor.wait_closed()


def resumen(nombre: str, tiempos: list[float | None], limite_s: float) -> float:
    buenos = sorted(t for t in tiempos if t is not None)
    usables = sum(1 for t in buenos if t <= limite_s)
    p95 = buenos[int(0.95 * (len(buenos) - 1))] if buenos else float("nan")
    mediana = statistics.median(buenos) if buenos else float("nan")
    print(f"{nombre:<28} usables en {limite_s:.0f} s: {usables}/{len(tiempos)}   mediana {mediana:5.2f} s"
          f"   p95 {p95:5.2f} s   fallidos {len(tiempos) - len(buenos)}")
    return p95


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--celulares", type=int, default=60)
    parser.add_argument("--mbit", type=float, default=20.0)
    parser.add_argument("--rtt-ms", type=float, default=50.0)
    args = parser.parse_args()
    ligera.construir(imprimir=lambda *a: None)
    servidor = ServidorTaller(sin_libro=True, precalentados=0)
    servidor.iniciar()
    try:
        puerto = urlparse(servidor.url("/")).port
        print(f"{args.celulares} celulares, enlace compartido de {args.mbit:g} Mbit/s, {args.rtt_ms:g} ms "
              "de ida y vuelta (proxy en 127.0.0.1)")
        rutas = ["/", "/ligeras/02_conteos_y_tasas.html"]
        solo = asyncio.run(sala(puerto, 1, args.mbit, args.rtt_ms, rutas))
        llena = asyncio.run(sala(puerto, args.celulares, args.mbit, args.rtt_ms, rutas))
    finally:
        servidor.detener()
    p_solo = resumen("un celular solo", solo, 10)
    p_sala = resumen(f"{args.celulares} celulares a la vez", llena, 10)
    print(f"Razón p95 sala llena / un celular (misma corrida): {p_sala / p_solo:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
