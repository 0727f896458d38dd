"""Un día de taller de largo completo: 30 celulares, una pausa de 15 minutos y la vuelta (issue 22).

Lo mismo que hace quien facilita: `lideres taller --participantes 30 --modulo 02` (la carpeta de
cuadernos del curso; sin el libro, para no construirlo aquí), con los tiempos de verdad: el apagado
de inactivos que el servidor elige para 30 personas (10 min) y la reserva precalentada que elige.

1. **Llegan**: 30 celulares abren la portada y el tablero 02 en su versión completa (Voilà), en
   `--llegada` segundos; cada uno espera tener el mapa y el ranking y cambia la medida y el año
   (el cliente de benchmarks/carga.py, que hace lo mismo que la página de Voilà en Chromium).
2. **La pausa** (`--pausa-min`, 15 por defecto): quien facilita habla; los celulares se bloquean con
   el tablero abierto (su websocket se corta sin pedir apagar el kernel). El servidor apaga esos
   kernels por inactivos. En el último minuto, con nadie conectado, se mide la memoria: PSS del
   servidor y todos sus procesos hijos (no cuenta dos veces lo compartido).
3. **Vuelven como los manda la portada**: la portada abre la página ligera del tablero (sin kernel);
   los 30 la piden en `--llegada` segundos; **usable tras la pausa** = la portada, la página ligera y
   todo lo que ella carga llegaron (el cliente de benchmarks/sala_wifi.py, sin el wifi simulado).
4. **Vuelven a la versión completa**: cada celular encuentra su kernel apagado (la página lo dice y ofrece volver a
   cargar); vuelve a cargar: **interactivo tras la pausa** = desde pedir el tablero hasta tener el
   mapa y el ranking; luego cambia dos controles y se va como el navegador (pide apagar su kernel).
5. **Al final**: cuántos kernels de los celulares siguen vivos (0 esperado) y cuántas trazas hay en
   el registro del servidor.

    .venv/bin/python benchmarks/dia.py                 # unos 20 min
    .venv/bin/python benchmarks/dia.py --pausa-min 2   # para probar el script (apagado a 1 min)

No es una prueba: no falla por lento. La última línea es:
`dia: n=30 ligeras_tras_pausa=N/30 p95_ligera_tras_pausa_s=L interactivos_tras_pausa=N/30
p95_interactivo_tras_pausa_s=X pss_sin_nadie_mb=Y
kernels_de_celulares_al_final=Z trazas=T`.
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))
sys.path.insert(0, str(RAIZ / "benchmarks"))

import carga  # noqa: E402

from benchmarks.celulares import abrir_paginas, carga_del_sistema, nucleos, percentil  # noqa: E402
from lideres import ligera  # noqa: E402
from lideres.taller import servidor  # noqa: E402
from lideres.taller.proceso import ServidorTaller  # noqa: E402

MB = 1024 * 1024


def pss_total(memoria: carga.Memoria) -> tuple[int, int, int]:
    """(PSS, RSS, kernels) del servidor y todos sus procesos hijos, ahora."""
    import psutil

    pss = rss = kernels = 0
    for p in memoria.procesos():
        try:
            m = p.memory_full_info()
        except psutil.Error:
            continue
        pss += m.pss
        rss += m.rss
        kernels += carga._es_kernel(p)
    return pss, rss, kernels


def kernel_existe(base: str, kernel: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/api/kernels/{kernel}", timeout=30):
            return True
    except urllib.error.HTTPError as e:
        return e.code != 404


async def vuelta_ligera(base: str, n: int, llegada_s: float) -> list[float | None]:
    """n celulares abren la portada y la página ligera del tablero 02, repartidos en llegada_s."""
    rutas = ["/", servidor.RUTA_LIGERAS + ligera.nombre_archivo("02_conteos_y_tasas")]

    async def celular(i: int) -> float | None:
        await asyncio.sleep(llegada_s * i / max(1, n - 1))
        return await abrir_paginas(base, rutas)

    return await asyncio.gather(*(celular(i) for i in range(n)))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Un día de taller: 30 celulares, una pausa y la vuelta.")
    ap.add_argument("--n", type=int, default=30, help="celulares (por defecto 30)")
    ap.add_argument("--llegada", type=float, default=20.0, help="segundos en que llegan todos (20)")
    ap.add_argument("--pausa-min", type=float, default=15.0, help="minutos de la pausa (15)")
    ap.add_argument("--apagar-min", type=float, default=None,
                    help="--apagar-inactivos del servidor (por defecto, el que elige para el grupo; "
                         "con una pausa más corta que ese, la mitad de la pausa)")
    ap.add_argument("--semilla", type=int, default=22)
    a = ap.parse_args(argv)
    n = max(1, min(a.n, carga.N_MAXIMO))
    apagar_s = servidor.cull_inactivo_s(n, a.apagar_min)
    apagar_min = a.apagar_min
    if apagar_min is None and a.pausa_min * 60 < apagar_s + 2 * servidor.CULL_INTERVALO_MAX_S:
        apagar_min = a.pausa_min / 2
        apagar_s = servidor.cull_inactivo_s(n, apagar_min)
    print(f"Servidor: lideres taller --participantes {n} --modulo 02 --sin-libro"
          + (f" --apagar-inactivos {apagar_min:g}" if apagar_min is not None else "")
          + f" (apaga inactivos a los {apagar_s / 60:g} min)")
    ligera.construir(imprimir=lambda *a: None)
    srv = ServidorTaller(sin_libro=True, precalentados=None, participantes=n, modulo="02",
                         apagar_inactivos=apagar_min, espera_s=300)
    srv.iniciar()
    base = srv.url("").rstrip("/")
    memoria = carga.Memoria(srv.proceso.pid)
    memoria.start()
    reserva = sum(p["pool_size"] for r, p in servidor.configuracion(
        raiz=RAIZ / "notebooks", participantes=n, modulo="02").VoilaKernelManager.kernel_pools_config.items())
    try:
        listo_s = carga.esperar_reserva(memoria, reserva, 900)
        print(f"Reserva precalentada lista en {listo_s:.0f} s ({memoria.kernels()} kernels).", flush=True)

        t0 = time.monotonic()
        antes = asyncio.run(carga.sala(base, n, a.llegada, a.semilla, irse=False))
        print(f"Llegaron: {sum(s.ok for s in antes)}/{n} interactivos en {time.monotonic() - t0:.0f} s; "
              f"kernels a la vez: máx. {memoria.kernels_max}; RSS máx. {memoria.rss_max / MB:,.0f} MB", flush=True)

        # La pausa: todos bloqueados (websocket cortado, sin pedir apagar).
        inicio = time.monotonic()
        fin = inicio + a.pausa_min * 60
        medir_desde = fin - min(60.0, a.pausa_min * 60 / 4)
        ids_antes = [s.kernel for s in antes if s.kernel]
        medidas = []
        while time.monotonic() < fin:
            time.sleep(min(10.0, max(0.1, fin - time.monotonic())))
            if time.monotonic() >= medir_desde:
                medidas.append(pss_total(memoria))
        apagados = sum(not kernel_existe(base, k) for k in ids_antes)
        pss, rss, kernels_pausa = max(medidas) if medidas else pss_total(memoria)
        print(f"Pausa de {a.pausa_min:g} min: {apagados}/{len(ids_antes)} kernels de los celulares apagados "
              f"por inactivos; con nadie conectado: PSS {pss / MB:,.0f} MB, RSS {rss / MB:,.0f} MB, "
              f"{kernels_pausa} kernels (la reserva)", flush=True)

        # Vuelven como los manda la portada: a la página ligera (ningún kernel).
        ligeras = asyncio.run(vuelta_ligera(base, n, a.llegada))
        usables = [t for t in ligeras if t is not None]
        p95_ligera = percentil(usables, 0.95)
        print(f"Vuelven a la página ligera (la que abre la portada): {len(usables)}/{n} usables, "
              f"p95 {p95_ligera:.2f} s", flush=True)

        memoria.rss_max = memoria.pss_max = memoria.kernels_max = 0
        t0 = time.monotonic()
        despues = asyncio.run(carga.sala(base, n, a.llegada, a.semilla + 1))
        duracion = time.monotonic() - t0
        time.sleep(10)  # los pedidos de apagar ya respondieron
        ids = ids_antes + [s.kernel for s in despues if s.kernel]
        vivos = carga.kernels_vivos(base, ids)
        kernels_fin = memoria.kernels()
    finally:
        memoria.parar()
        codigo = srv.detener()
    registro = srv.texto_registro()
    trazas = registro.count("Traceback")
    ws_cerrado = registro.count("WebSocketClosedError")

    r_antes = carga.resumir("antes", antes)
    r_despues = carga.resumir("después", despues)
    print()
    print(f"Máquina: {platform.machine()}, {nucleos()} núcleos, {carga._memoria_total_gb():.0f} GB, "
          f"Python {platform.python_version()}; carga del sistema al terminar: {carga_del_sistema()}")
    print(f"{n} celulares en {a.llegada:g} s, antes y después de una pausa de {a.pausa_min:g} min; "
          f"la vuelta tomó {duracion:.0f} s; servidor detenido con código {codigo}")
    print(f"{'':32}{'al llegar':>12}{'tras la pausa':>15}{'razón':>8}")
    for clave, nombre in (("interactivo_mediana_s", "interactivo, mediana (s)"),
                          ("interactivo_p95_s", "interactivo, p95 (s)"),
                          ("cambio_mediana_s", "cambio, mediana (s)"),
                          ("cambio_p95_s", "cambio, p95 (s)")):
        x, y = r_antes[clave], r_despues[clave]
        razon = y / x if x and x == x else float("nan")
        print(f"{nombre:32}{x:>12.2f}{y:>15.2f}{razon:>8.2f}")
    print(f"Memoria máx. tras la pausa (servidor + kernels): RSS {memoria.rss_max / MB:,.0f} MB, "
          f"PSS {memoria.pss_max / MB:,.0f} MB; kernels al final: {kernels_fin} (la reserva)")
    print(f"Registro del servidor: {trazas} trazas, {ws_cerrado} WebSocketClosedError")
    for nombre, r in (("al llegar", r_antes), ("tras la pausa", r_despues)):
        if r["motivos"]:
            print(f"Sesiones fallidas {nombre}:", "; ".join(r["motivos"]))
    print(f"dia: n={n} ligeras_tras_pausa={len(usables)}/{n} p95_ligera_tras_pausa_s={p95_ligera:.1f} "
          f"interactivos_tras_pausa={r_despues['ok']}/{n} "
          f"p95_interactivo_tras_pausa_s={r_despues['interactivo_p95_s']:.1f} pss_sin_nadie_mb={pss / MB:.0f} "
          f"kernels_de_celulares_al_final={vivos} trazas={trazas}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
