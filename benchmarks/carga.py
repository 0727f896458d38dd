"""Carga: una sala llena de celulares contra un `lideres taller` real, en esta computadora.

Levanta `lideres taller --participantes N` en un puerto libre de 127.0.0.1 (con una carpeta
temporal que tiene el tablero 02) y hace entrar a N personas en `--llegada` segundos. Cada
persona es un cliente que hace lo mismo que la página de Voilà en Chromium:

1. abre la página de inicio (`/`);
2. pide el tablero (`/voila/render/tableros/02_conteos_y_tasas.ipynb`) y lo lee entero
   (revisa que no traiga el aviso de celda fallida y que tenga la salida de widgets);
3. abre el websocket del kernel, pide `kernel_info` y el estado de todos los widgets por el comm
   de control de ipywidgets 8 (`jupyter.widget.control` → `request_states`), como el gestor de
   widgets de Voilà; espera tener el mapa (Leaflet con sus 50 distritos) y el ranking:
   **interactivo** = desde pedir el tablero hasta aquí;
4. cambia dos controles como lo hace un toque (mensaje `update` del comm del widget): la medida
   (Conteo → Tasa por 100 mil) y el año; después de cada uno espera que el ranking cambie;
5. se va como el navegador: `POST /voila/api/shutdown/<kernel>` con el `_xsrf` de la cookie
   (lo que manda `beforeunload`/`pagehide`) y cierra el websocket.

Antes, en el mismo servidor, una persona sola hace lo mismo: la **línea de base** (N = 1), y se
imprimen las razones contra ella. Mientras tanto se mide la memoria de todos los procesos del
servidor (servidor + kernels; suma de RSS, y también PSS, que no cuenta dos veces lo compartido).

Al final, `nucleos_vivos_al_final` cuenta los kernels de estas sesiones que siguen vivos después
de que todas se fueron (los precalentados nuevos, listos para la siguiente persona, no cuentan:
se informan aparte).

    .venv/bin/python benchmarks/carga.py                  # 30 personas en 5 s (unos 3-4 min)
    .venv/bin/python benchmarks/carga.py --n 5 --llegada 2
    .venv/bin/python benchmarks/carga.py --tablero 07     # la sala en el tablero del módulo 07

Con `--tablero 07` (puntos calientes; como `lideres taller --participantes 30 --modulo 07`: la
reserva entera para ese tablero) el paso 3 espera el mapa con la herramienta de dibujo, el botón
«Ya marqué» y el filtro de tipo, y el paso 4 toca «Ya marqué» (mensaje `custom` de clic) y cambia
el tipo de delito, esperando cada vez el mapa de celdas nuevo.

No es una prueba: no falla por lento. La última línea es:
`carga: tablero=02 sesiones_ok=N/30 p95_interactivo_s=X rss_max_mb=Y nucleos_vivos_al_final=Z`.
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import random
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

from benchmarks.celulares import (  # noqa: E402
    RE_KERNEL,
    Kernel,
    abrir_kernel,
    apagar_kernel,
    cabecera_cookie,
    carga_del_sistema,
    cookies,
    estados_de_los_widgets,
    nucleos,
    percentil,
)
from lideres.taller.proceso import ServidorTaller  # noqa: E402

TABLEROS = {"02": "tableros/02_conteos_y_tasas.ipynb", "07": "tableros/07_puntos_calientes.ipynb"}
TABLERO = TABLEROS["02"]  # main() lo cambia con --tablero
N_MAXIMO = 100  # acotado: es un benchmark en una laptop, no una prueba de estrés
ESPERA_SESION_S = 240.0
ESPERA_CAMBIO_S = 60.0
N_DISTRITOS = 50
RE_MEDIDA = re.compile(r'data-medida="([^"]+)"')


# ---------------------------------------------------------------- memoria


def _es_kernel(p) -> bool:
    """Un kernel de Jupyter: el del taller (`lideres.taller.nucleo`) o el de ipykernel."""
    orden = " ".join(_cmd(p))
    return "lideres.taller.nucleo" in orden or "ipykernel" in orden


class Memoria(threading.Thread):
    """Suma de RSS (y PSS) del servidor y todos sus hijos, cada `cada_s` segundos."""

    def __init__(self, pid: int, cada_s: float = 0.5):
        super().__init__(daemon=True)
        self.pid = pid
        self.cada_s = cada_s
        self.rss_max = 0
        self.pss_max = 0
        self.kernels_max = 0
        self.servidor_rss_max = 0  # el proceso del servidor solo (sin kernels)
        self.kernel_rss_max = 0  # el kernel más grande
        self._parar = threading.Event()

    def procesos(self):
        import psutil

        try:
            p = psutil.Process(self.pid)
            return [p, *p.children(recursive=True)]
        except psutil.Error:
            return []

    def kernels(self) -> int:
        return sum(1 for p in self.procesos() if _es_kernel(p))

    def run(self):
        import psutil

        vuelta = 0
        while not self._parar.is_set():
            rss = pss = 0
            procesos = self.procesos()
            for i, p in enumerate(procesos):
                try:
                    if vuelta % 4 == 0:  # PSS cuesta más: una de cada cuatro vueltas
                        m = p.memory_full_info()
                        pss += m.pss
                    else:
                        m = p.memory_info()
                    rss += m.rss
                    if i == 0:
                        self.servidor_rss_max = max(self.servidor_rss_max, m.rss)
                    else:
                        self.kernel_rss_max = max(self.kernel_rss_max, m.rss)
                except psutil.Error:
                    pass
            self.rss_max = max(self.rss_max, rss)
            self.pss_max = max(self.pss_max, pss)
            self.kernels_max = max(self.kernels_max, sum(1 for p in procesos if _es_kernel(p)))
            vuelta += 1
            self._parar.wait(self.cada_s)

    def parar(self):
        self._parar.set()
        self.join(timeout=10)


def _cmd(p) -> list[str]:
    try:
        return p.cmdline()
    except Exception:
        return []


# ---------------------------------------------------------------- una persona


@dataclass
class Sesion:
    n: int
    ok: bool = False
    motivo: str = ""
    html_fallida: str = ""  # la página de una celda fallida (--conservar la guarda)
    kernel: str | None = None
    pagina_s: float | None = None
    interactivo_s: float | None = None
    cambios_s: list[float] = field(default_factory=list)
    apagado: int | None = None


async def persona(n: int, base: str, retraso_s: float, limite_s: float, irse: bool = True) -> Sesion:
    """Una visita al tablero. Con `irse=False` no pide apagar su kernel: solo se corta el websocket,
    como un celular que se bloquea con el tablero abierto (benchmarks/dia.py)."""
    from tornado.httpclient import AsyncHTTPClient

    s = Sesion(n)
    await asyncio.sleep(retraso_s)
    cliente = AsyncHTTPClient()
    galleta: dict[str, str] = {}
    ws = None
    try:
        r = await cliente.fetch(base + "/", request_timeout=limite_s)
        cookies(r, galleta)

        t0 = time.monotonic()
        r = await cliente.fetch(
            base + "/voila/render/" + TABLERO, request_timeout=limite_s,
            headers={"Cookie": cabecera_cookie(galleta)}, raise_error=False,
        )
        cookies(r, galleta)
        html = r.body.decode("utf-8", errors="replace") if r.body else ""
        s.pagina_s = time.monotonic() - t0
        if r.code == 503 and "La sala está llena" in html:  # presupuesto de --memoria lleno
            s.motivo = "sala llena (503, página en español)"
            return s
        if r.code != 200:
            s.motivo = f"HTTP {r.code}"
            return s
        m = RE_KERNEL.search(html)
        if not m:
            s.motivo = "página sin kernel"
            return s
        s.kernel = m.group(1)
        if "lideres-error-celda" in html:
            s.motivo = "celda fallida en la página"
            s.html_fallida = html
            return s
        if "application/vnd.jupyter.widget-view+json" not in html:
            s.motivo = "página sin widgets (a medias)"
            return s

        k = await abrir_kernel(base, s.kernel, galleta, limite_s)
        ws = k.ws
        pedido = await k.enviar("kernel_info_request", {})
        await k.esperar(lambda m: m.get("parent_header", {}).get("msg_id") == pedido
                        and m["header"]["msg_type"] == "kernel_info_reply", limite_s)
        todos = await estados_de_los_widgets(k, limite_s)
        pasos = _pasos_07 if TABLERO == TABLEROS["07"] else _pasos_02
        s.motivo = await pasos(k, todos, s, t0)
        if s.motivo:
            return s
        if not irse:
            s.ok = True
            return s

        # Irse como el navegador: apagar el kernel y cerrar la página.
        s.apagado = await apagar_kernel(cliente, base, s.kernel, galleta, limite_s)
        ws.close()
        ws = None
        if s.apagado != 204:
            s.motivo = f"apagar el kernel respondió {s.apagado}"
            return s
        s.ok = True
    except TimeoutError:
        s.motivo = "tiempo agotado"
    except Exception as e:  # un benchmark sigue con las demás personas
        s.motivo = f"{type(e).__name__}: {e}"[:200]
    finally:
        if ws is not None:
            ws.close()
    return s


async def _pasos_02(k: Kernel, todos: dict, s: Sesion, t0: float) -> str | None:
    """Tablero 02: el mapa con sus 50 distritos y el ranking; cambia la medida y el año."""
    mapas = [i for i, e in todos.items() if e.get("model_name") == "LeafletMapModel"]
    # Los 50 distritos van en una sola capa GeoJSON (lideres.tablero.mapa): se cuentan sus polígonos.
    capas = [e for e in todos.values() if e.get("model_module") == "jupyter-leaflet"
             and "GeoJSON" in e.get("model_name", "")]
    distritos = sum(len(((e.get("state") or {}).get("data") or {}).get("features") or []) for e in capas)
    ranking = [i for i, e in todos.items() if e.get("model_name") == "HTMLModel"
               and "lideres-ranking" in str(e.get("state", {}).get("value", ""))]
    botones = {i: e["state"] for i, e in todos.items() if e.get("model_name") == "ToggleButtonsModel"}
    if not mapas or distritos < N_DISTRITOS or not ranking or len(botones) < 2:
        return f"estado incompleto: mapa={len(mapas)} distritos={distritos} ranking={len(ranking)}"
    s.interactivo_s = time.monotonic() - t0
    id_ranking = ranking[0]
    valor_ranking = todos[id_ranking]["state"]["value"]

    def es_tasa(texto):
        return texto.startswith("Tasa por 100 mil")

    medida = next(i for i, e in botones.items() if any(map(es_tasa, e.get("_options_labels", []))))
    anio = next(i for i in botones if i != medida)
    cambios = [
        (medida, next(j for j, t in enumerate(botones[medida]["_options_labels"]) if es_tasa(t))),
        (anio, (botones[anio].get("index", 0) + 1) % len(botones[anio]["_options_labels"])),
    ]
    for modelo, indice in cambios:
        antes = valor_ranking
        t1 = time.monotonic()
        await k.enviar("comm_msg", {"comm_id": modelo, "data": {
            "method": "update", "state": {"index": indice}, "buffer_paths": []}},
            {"version": "2.1.0"})

        def ranking_nuevo(m, antes=antes):
            c = m.get("content", {})
            if m["header"]["msg_type"] == "comm_msg" and c.get("comm_id") == id_ranking:
                valor = c.get("data", {}).get("state", {}).get("value")
                if valor is not None and valor != antes:
                    return valor
            return None

        valor_ranking = await k.esperar(ranking_nuevo, ESPERA_CAMBIO_S)
        s.cambios_s.append(time.monotonic() - t1)
    if (RE_MEDIDA.search(valor_ranking) or [None, None])[1] != "tasa_100k":
        return "el ranking no dice la medida nueva"
    return None


async def _pasos_07(k: Kernel, todos: dict, s: Sesion, t0: float) -> str | None:
    """Tablero 07: el mapa con la herramienta de dibujo, «Ya marqué» y el filtro de tipo; toca
    «Ya marqué» y cambia el tipo, esperando cada vez el mapa de celdas nuevo."""
    mapas = [i for i, e in todos.items() if e.get("model_name") == "LeafletMapModel"]
    dibujo = [i for i, e in todos.items() if e.get("model_name") == "LeafletDrawControlModel"]
    boton = next((i for i, e in todos.items() if e.get("model_name") == "ButtonModel"
                  and str(e.get("state", {}).get("description", "")).startswith("Ya marqué")), None)
    tipo = next((i for i, e in todos.items() if e.get("model_name") == "DropdownModel"
                 and "Todos los tipos" in e.get("state", {}).get("_options_labels", [])), None)
    if not mapas or not dibujo or boton is None or tipo is None:
        return f"estado incompleto: mapa={len(mapas)} dibujo={len(dibujo)} boton={boton} tipo={tipo}"
    s.interactivo_s = time.monotonic() - t0

    def celdas_nuevas(m, antes=None):
        c = m.get("content", {})
        if m["header"]["msg_type"] == "comm_msg":
            valor = c.get("data", {}).get("state", {}).get("value")
            if isinstance(valor, str) and "lideres-celdas-07" in valor and valor != antes:
                return valor
        return None

    t1 = time.monotonic()
    await k.enviar("comm_msg", {"comm_id": boton, "data": {"method": "custom", "content": {"event": "click"}}},
                   {"version": "2.1.0"})
    valor = await k.esperar(celdas_nuevas, ESPERA_CAMBIO_S)
    s.cambios_s.append(time.monotonic() - t1)
    indice = todos[tipo]["state"]["_options_labels"].index("Robo")
    t1 = time.monotonic()
    await k.enviar("comm_msg", {"comm_id": tipo, "data": {
        "method": "update", "state": {"index": indice}, "buffer_paths": []}}, {"version": "2.1.0"})
    await k.esperar(lambda m: celdas_nuevas(m, valor), ESPERA_CAMBIO_S)
    s.cambios_s.append(time.monotonic() - t1)
    return None


async def sala(base: str, n: int, llegada_s: float, semilla: int, irse: bool = True) -> list[Sesion]:
    from tornado.httpclient import AsyncHTTPClient

    AsyncHTTPClient.configure(None, max_clients=max(4 * n, 10))
    azar = random.Random(semilla)
    retrasos = sorted(azar.uniform(0, llegada_s) for _ in range(n))
    tareas = [asyncio.wait_for(persona(i, base, r, ESPERA_SESION_S, irse), ESPERA_SESION_S + llegada_s + 30)
              for i, r in enumerate(retrasos)]
    resultados = []
    for i, r in enumerate(await asyncio.gather(*tareas, return_exceptions=True)):
        if isinstance(r, BaseException):
            r = Sesion(i, motivo=f"{type(r).__name__}")
        resultados.append(r)
    return resultados


# ---------------------------------------------------------------- servidor


def esperar_reserva(memoria: Memoria, n: int, limite_s: float) -> float:
    """Espera a que haya `n` kernels precalentados y terminados de preparar: están todos y el
    servidor con sus kernels queda en reposo (menos del 10 % de un núcleo durante 3 s)."""
    import psutil

    t0 = time.monotonic()
    en_reposo = 0
    while time.monotonic() - t0 < limite_s:
        procesos = memoria.procesos()
        for p in procesos:
            try:
                p.cpu_percent(None)
            except psutil.Error:
                pass
        time.sleep(1)
        cpu = 0.0
        for p in procesos:
            try:
                cpu += p.cpu_percent(None)
            except psutil.Error:
                pass
        en_reposo = en_reposo + 1 if memoria.kernels() >= n and cpu < 10 else 0
        if en_reposo >= 3:
            return time.monotonic() - t0
    return float("nan")


def foto(memoria: Memoria) -> dict:
    """Kernels, RSS y PSS del servidor y sus kernels en este momento."""
    import psutil

    total = {"kernels": 0, "rss": 0, "pss": 0}
    for p in memoria.procesos():
        try:
            m = p.memory_full_info()
        except psutil.Error:
            continue
        total["rss"] += m.rss
        total["pss"] += m.pss
        total["kernels"] += _es_kernel(p)
    return total


def kernels_vivos(base: str, ids: list[str]) -> int:
    import urllib.error
    import urllib.request

    vivos = 0
    for k in ids:
        try:
            with urllib.request.urlopen(f"{base}/api/kernels/{k}", timeout=10) as r:
                vivos += r.status == 200
        except urllib.error.HTTPError as e:
            vivos += e.code != 404
        except OSError:
            vivos += 1
    return vivos


def resumir(nombre: str, sesiones: list[Sesion]) -> dict:
    inter = [s.interactivo_s for s in sesiones if s.interactivo_s is not None]
    cambios = [c for s in sesiones for c in s.cambios_s]
    r = {
        "nombre": nombre,
        "ok": sum(s.ok for s in sesiones),
        "n": len(sesiones),
        "interactivo_mediana_s": statistics.median(inter) if inter else float("nan"),
        "interactivo_p95_s": percentil(inter, 0.95),
        "pagina_p95_s": percentil([s.pagina_s for s in sesiones if s.pagina_s is not None], 0.95),
        "cambio_mediana_s": statistics.median(cambios) if cambios else float("nan"),
        "cambio_p95_s": percentil(cambios, 0.95),
        "motivos": sorted({s.motivo for s in sesiones if not s.ok}),
    }
    return r


def conservar(carpeta: Path, srv, sesiones: list[Sesion]) -> None:
    """Lo que hace falta para entender una corrida fallida, fuera de la carpeta temporal."""
    carpeta.mkdir(parents=True, exist_ok=True)
    (carpeta / "salida.txt").write_text(srv.texto_salida(), encoding="utf-8")
    (carpeta / "registro.txt").write_text(srv.texto_registro(), encoding="utf-8")
    for s in sesiones:
        if s.html_fallida:
            (carpeta / f"fallida_{s.n:02d}.html").write_text(s.html_fallida, encoding="utf-8")
    print(f"Registro del servidor y páginas fallidas en {carpeta}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Una sala llena de celulares contra lideres taller.")
    ap.add_argument("--n", type=int, default=30, help="personas a la vez (por defecto 30)")
    ap.add_argument("--llegada", type=float, default=5.0, help="segundos en que llegan todas (5)")
    ap.add_argument("--participantes", type=int, default=None,
                    help="--participantes del servidor (por defecto, igual a --n)")
    ap.add_argument("--precalentados", type=int, default=None,
                    help="--precalentados del servidor (por defecto, los de --participantes)")
    ap.add_argument("--modulo", default=None,
                    help="--modulo del servidor: la reserva la decide el grupo (elástica), no --precalentados")
    ap.add_argument("--memoria", default=None, help="--memoria del servidor (por ejemplo 1.5GB)")
    ap.add_argument("--semilla", type=int, default=10)
    ap.add_argument("--tablero", choices=sorted(TABLEROS), default="02",
                    help="el tablero de la sesión: 02 (conteos y tasas) o 07 (puntos calientes)")
    ap.add_argument("--conservar", type=Path, default=None,
                    help="carpeta donde guardar el registro del servidor y las páginas fallidas")
    a = ap.parse_args(argv)
    global TABLERO
    TABLERO = TABLEROS[a.tablero]
    n = max(1, min(a.n, N_MAXIMO))
    participantes = a.participantes or n

    raiz = Path(tempfile.mkdtemp(prefix="lideres_carga_"))
    (raiz / "tableros").mkdir()
    shutil.copy(RAIZ / "notebooks" / TABLERO, raiz / TABLERO)
    if a.modulo:  # como lo enciende quien facilita: la reserva la decide el grupo
        reserva = None
        opciones = f"--modulo {a.modulo}"
    else:
        reserva = participantes if a.precalentados is None else a.precalentados
        opciones = f"--precalentados {reserva}"
    if a.memoria:
        opciones += f" --memoria {a.memoria}"
    print(f"Servidor: lideres taller --participantes {participantes} {opciones} (carpeta {raiz})")
    srv = ServidorTaller(sin_libro=True, precalentados=reserva, participantes=participantes,
                         cuadernos=raiz, espera_s=300, modulo=a.modulo, memoria=a.memoria)
    srv.iniciar()
    base = srv.url("").rstrip("/")
    memoria = Memoria(srv.proceso.pid)
    memoria.start()
    if reserva is None:  # lo que dice el servidor al encender: «…: 07_puntos_calientes: 4.»
        linea = re.search(r"Tableros listos de antemano[^:]*:(.*)", srv.texto_salida())
        reserva = sum(int(x) for x in re.findall(r": (\d+)", linea.group(1))) if linea else 0
    base_1: list[Sesion] = []
    sesiones: list[Sesion] = []
    try:
        listo_s = esperar_reserva(memoria, min(reserva, n), 900)
        print(f"Reserva precalentada lista en {listo_s:.1f} s ({memoria.kernels()} kernels).")
        time.sleep(5)
        reposo = foto(memoria)
        print(f"Con nadie conectado: {reposo['kernels']} kernels, PSS {reposo['pss'] / 1024**2:,.0f} MB, "
              f"RSS {reposo['rss'] / 1024**2:,.0f} MB (servidor + kernels).")

        base_1 = asyncio.run(sala(base, 1, 0.0, a.semilla))
        print(f"Línea de base (1 persona): {'ok' if base_1[0].ok else base_1[0].motivo}, "
              f"interactivo {base_1[0].interactivo_s or float('nan'):.2f} s")
        esperar_reserva(memoria, min(reserva, n), 300)

        memoria.rss_max = memoria.pss_max = memoria.kernels_max = 0
        memoria.servidor_rss_max = memoria.kernel_rss_max = 0
        t0 = time.monotonic()
        sesiones = asyncio.run(sala(base, n, a.llegada, a.semilla))
        duracion = time.monotonic() - t0

        time.sleep(5)  # los pedidos de apagar ya respondieron; se da un respiro al servidor
        ids = [s.kernel for s in sesiones if s.kernel]
        vivos = kernels_vivos(base, ids)
        kernels_fin = memoria.kernels()
        time.sleep(10)  # la reserva baja cuando se van (se ajusta cada 2 s)
        despues = foto(memoria)
    finally:
        memoria.parar()
        codigo = srv.detener()
        if a.conservar:
            conservar(a.conservar, srv, [*base_1, *sesiones])
        shutil.rmtree(raiz, ignore_errors=True)

    r1 = resumir("base", base_1)
    rn = resumir(f"N={n}", sesiones)
    mb = 1024 * 1024
    print()
    print(f"Máquina: {platform.machine()}, {nucleos()} núcleos, {_memoria_total_gb():.0f} GB, "
          f"Python {platform.python_version()}; carga del sistema al terminar: {carga_del_sistema()}")
    print(f"Tablero: {TABLERO}")
    print(f"{n} personas en {a.llegada:g} s; todo en {duracion:.1f} s; servidor detenido con código {codigo}")
    print(f"{'':28}{'N=1':>10}{f'N={n}':>10}{'razón':>10}")
    for clave, nombre in (("interactivo_mediana_s", "interactivo, mediana (s)"),
                          ("interactivo_p95_s", "interactivo, p95 (s)"),
                          ("pagina_p95_s", "página completa, p95 (s)"),
                          ("cambio_mediana_s", "cambio, mediana (s)"),
                          ("cambio_p95_s", "cambio, p95 (s)")):
        razon = rn[clave] / r1[clave] if r1[clave] and r1[clave] == r1[clave] else float("nan")
        print(f"{nombre:28}{r1[clave]:>10.2f}{rn[clave]:>10.2f}{razon:>10.1f}")
    print(f"Memoria máx. (servidor + kernels): RSS {memoria.rss_max / mb:,.0f} MB, "
          f"PSS {memoria.pss_max / mb:,.0f} MB; kernels a la vez: máx. {memoria.kernels_max}, "
          f"al final {kernels_fin} (precalentados listos para la siguiente persona)")
    print(f"RSS máx. del servidor solo: {memoria.servidor_rss_max / mb:,.0f} MB; "
          f"del kernel más grande: {memoria.kernel_rss_max / mb:,.0f} MB")
    print(f"Con nadie conectado: antes {reposo['kernels']} kernels y PSS {reposo['pss'] / mb:,.0f} MB; "
          f"15 s después de irse todos, {despues['kernels']} kernels y PSS {despues['pss'] / mb:,.0f} MB")
    if rn["motivos"]:
        llenas = sum(1 for x in sesiones if x.motivo and x.motivo.startswith("sala llena"))
        print("Sesiones fallidas:", "; ".join(rn["motivos"]), f"(sala llena: {llenas})")
    print(f"carga: tablero={a.tablero} sesiones_ok={rn['ok']}/{n} p95_interactivo_s={rn['interactivo_p95_s']:.1f} "
          f"rss_max_mb={memoria.rss_max / mb:.0f} nucleos_vivos_al_final={vivos}")
    return 0


def _memoria_total_gb() -> float:
    import psutil

    return psutil.virtual_memory().total / 1024**3


if __name__ == "__main__":
    sys.exit(main())
