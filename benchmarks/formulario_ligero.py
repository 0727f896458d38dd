"""Sesenta celulares entregan el ejercicio a la vez: por el formulario ligero y por el de Voilà.

Levanta `lideres taller --curso CARPETA` (un curso temporal con solo el ejercicio 02, sin kernels
precalentados) y, en el mismo servidor y la misma corrida, hace entregar a N personas que llegan en
`--llegada` segundos, primero por el formulario ligero (`/ejercicio/<id>`) y después por el de
Voilà (`/voila/render/ejercicios/<id>.ipynb`). Cada persona:

- **ligero**: pide la página, entra (nombre, código del grupo y clave), guarda el número y la
  respuesta escrita, entrega y lee la página que dice «Entregado» (pedidos HTTP como los de un
  navegador sin JavaScript, con la cookie y el campo `_xsrf`);
- **Voilà**: pide la página (Voilà corre el cuaderno en un kernel nuevo), abre el websocket del
  kernel y pide el estado de los widgets como el gestor de widgets (`benchmarks/celulares.py`), escribe
  nombre, código y clave, toca «Empezar», escribe las mismas dos respuestas, espera «Guardado»,
  toca «Entregar», espera «Entregado» y se va apagando el kernel como el navegador.

Se mide desde pedir la página hasta ver «Entregado» (mediana y p95), el tiempo hasta la última
entrega y los bytes recibidos por persona; al final se cuentan las entregas en `submitted/` (la
carpeta que califica nbgrader) y se imprimen las razones ligero / Voilà.

    .venv/bin/python benchmarks/formulario_ligero.py               # 60 personas en 5 s
    .venv/bin/python benchmarks/formulario_ligero.py --n 10 --llegada 2

No es una prueba: no falla por lento. La última línea es:
`formulario_ligero: ligero_ok=N/60 voila_ok=M/60 razon_p95=X`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import random
import re
import shutil
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))
sys.path.insert(0, str(RAIZ / "benchmarks"))

from benchmarks.celulares import (  # noqa: E402
    RE_KERNEL,
    abrir_kernel,
    apagar_kernel,
    cabecera_cookie,
    carga_del_sistema,
    cookies,
    estados_de_los_widgets,
    nucleos,
    percentil,
)
from lideres.formulario import entregas, ligero  # noqa: E402
from lideres.taller import ejercicios  # noqa: E402
from lideres.taller.proceso import ServidorTaller  # noqa: E402

EJ = "02_conteos_y_tasas"
N_MAXIMO = 100  # acotado: es un benchmark en una laptop, no una prueba de estrés
ESPERA_S = 600.0
ESCRITA = ("Le diría que San Juan de Lurigancho tiene más denuncias porque tiene más habitantes: "
           "hay que comparar la tasa por 100 mil habitantes, no el conteo.")
RE_XSRF = re.compile(r'name="_xsrf" value="([^"]+)"')


@dataclass
class Entrega:
    n: int
    ok: bool = False
    motivo: str = ""
    total_s: float | None = None
    bytes: int = 0


def _preguntas(curso: Path) -> tuple[str, str]:
    from lideres import banco

    b = banco.cargar(EJ, curso=curso)
    numero = next(p.id for p in b.preguntas if p.tipo == "numero")
    escrita = next(p.id for p in b.preguntas if p.tipo == "escrita")
    return numero, escrita


# ---------------------------------------------------------------- ligero


async def ligera(n: int, base: str, grupo: str, ids: tuple[str, str], retraso_s: float) -> Entrega:
    from tornado.httpclient import AsyncHTTPClient

    e = Entrega(n)
    await asyncio.sleep(retraso_s)
    cliente = AsyncHTTPClient()
    galleta: dict[str, str] = {}
    url = base + ligero.url(EJ)

    async def pedir(destino, datos=None):
        r = await cliente.fetch(
            destino, method="POST" if datos is not None else "GET", follow_redirects=False,
            body=urllib.parse.urlencode(datos) if datos is not None else None, raise_error=False,
            headers={"Cookie": cabecera_cookie(galleta)}, request_timeout=ESPERA_S)
        cookies(r, galleta)
        e.bytes += len(r.body or b"") + sum(len(k) + len(v) + 4 for k, v in r.headers.get_all())
        return r

    try:
        t0 = time.monotonic()
        r = await pedir(url)
        xsrf = RE_XSRF.search(r.body.decode()).group(1)
        r = await pedir(url, {"_xsrf": xsrf, "accion": "entrar", "nombre": f"Persona Ligera {n}",
                              "codigo": grupo, "clave": f"{n:04d}"})
        if r.code != 303:
            e.motivo = f"entrar respondió {r.code}"
            return e
        r = await pedir(url + "?estado=entro")
        numero, escrita = ids
        respuestas = {f"r-{numero}": "250", f"r-{escrita}": ESCRITA}
        r = await pedir(url, {"_xsrf": xsrf, "accion": "guardar", **respuestas})
        r = await pedir(url + "?estado=guardado")
        r = await pedir(url, {"_xsrf": xsrf, "accion": "entregar", **respuestas})
        if r.code != 303:
            e.motivo = f"entregar respondió {r.code}"
            return e
        r = await pedir(url + "?estado=entregado")
        if "Entregado a las" not in r.body.decode():
            e.motivo = "la página no dice «Entregado»"
            return e
        e.total_s = time.monotonic() - t0
        e.ok = True
    except Exception as x:  # un benchmark sigue con las demás personas
        e.motivo = f"{type(x).__name__}: {x}"[:200]
    return e


# ---------------------------------------------------------------- Voilà


async def voila(n: int, base: str, grupo: str, retraso_s: float) -> Entrega:
    from tornado.httpclient import AsyncHTTPClient

    e = Entrega(n)
    await asyncio.sleep(retraso_s)
    cliente = AsyncHTTPClient()
    galleta: dict[str, str] = {}
    ws = None
    try:
        t0 = time.monotonic()
        r = await cliente.fetch(base + ejercicios.url_ejercicio(EJ), request_timeout=ESPERA_S)
        cookies(r, galleta)
        e.bytes += len(r.body)
        html = r.body.decode("utf-8", errors="replace")
        m = RE_KERNEL.search(html)
        if not m:
            e.motivo = "página sin kernel"
            return e
        kernel = m.group(1)
        k = await abrir_kernel(base, kernel, galleta, ESPERA_S)
        ws = k.ws
        leidos = {"bytes": 0}
        original = ws.read_message

        async def contar():
            crudo = await original()
            if crudo is not None:
                leidos["bytes"] += len(crudo)
            return crudo

        ws.read_message = contar
        todos = await estados_de_los_widgets(k, ESPERA_S)

        def con_clase(clase, modelo=None):
            return next(i for i, s in todos.items() if clase in s["state"].get("_dom_classes", [])
                        and (modelo is None or s["model_name"] == modelo))

        def boton(texto):
            return next(i for i, s in todos.items() if s["model_name"] == "ButtonModel"
                        and s["state"].get("description") == texto)

        def html_con(clase):
            return next(i for i, s in todos.items() if s["model_name"] == "HTMLModel"
                        and clase in s["state"].get("_dom_classes", []))

        async def poner(modelo, valor):
            await k.enviar("comm_msg", {"comm_id": modelo, "data": {
                "method": "update", "state": {"value": valor}, "buffer_paths": []}}, {"version": "2.1.0"})

        async def tocar(modelo):
            await k.enviar("comm_msg", {"comm_id": modelo, "data": {
                "method": "custom", "content": {"event": "click"}}}, {"version": "2.1.0"})

        def valor_con(modelo, texto):
            def condicion(m):
                c = m.get("content", {})
                if m["header"]["msg_type"] == "comm_msg" and c.get("comm_id") == modelo:
                    valor = c.get("data", {}).get("state", {}).get("value")
                    if isinstance(valor, str) and texto in valor:
                        return valor
                return None
            return condicion

        await poner(con_clase("lideres-nombre"), f"Persona Voila {n}")
        await poner(con_clase("lideres-codigo"), grupo)
        await poner(con_clase("lideres-clave"), f"{n:04d}")
        await tocar(boton("Empezar"))
        guardado = html_con("lideres-guardado")
        await poner(con_clase("lideres-decimal"), "250")
        await k.esperar(valor_con(guardado, "Guardado"), ESPERA_S)
        await poner(con_clase("lideres-escrita"), ESCRITA)
        await k.esperar(valor_con(guardado, "Guardado: 2"), ESPERA_S)
        # «Entregado» sale en el HTML que sigue al botón «Entregar» (FormularioEjercicio.estado).
        hijos = _hijos_de(todos, con_clase("lideres-preguntas"))
        estado = hijos[hijos.index(boton("Entregar")) + 1]
        await tocar(boton("Entregar"))
        await k.esperar(valor_con(estado, "Entregado"), ESPERA_S)
        e.total_s = time.monotonic() - t0
        e.bytes += leidos["bytes"]
        # Irse como el navegador: apagar el kernel con el _xsrf de la cookie.
        await apagar_kernel(cliente, base, kernel, galleta, 60)
        e.ok = True
    except TimeoutError:
        e.motivo = "tiempo agotado"
    except Exception as x:  # un benchmark sigue con las demás personas
        e.motivo = f"{type(x).__name__}: {x}"[:200]
    finally:
        if ws is not None:
            ws.close()
    return e


def _hijos_de(todos: dict, caja: str) -> list[str]:
    """Los modelos que una caja (VBox) tiene como hijos directos («IPY_MODEL_<id>»), en orden."""
    return [h.removeprefix("IPY_MODEL_") for h in todos[caja]["state"].get("children", [])]


# ---------------------------------------------------------------- la sala


async def sala(fabrica, n: int, llegada_s: float, semilla: int) -> tuple[list[Entrega], float]:
    from tornado.httpclient import AsyncHTTPClient

    AsyncHTTPClient.configure(None, max_clients=max(4 * n, 10))
    azar = random.Random(semilla)
    retrasos = sorted(azar.uniform(0, llegada_s) for _ in range(n))
    t0 = time.monotonic()
    tareas = [asyncio.wait_for(fabrica(i, r), ESPERA_S + llegada_s + 30) for i, r in enumerate(retrasos)]
    resultados = []
    for i, r in enumerate(await asyncio.gather(*tareas, return_exceptions=True)):
        resultados.append(Entrega(i, motivo=type(r).__name__) if isinstance(r, BaseException) else r)
    return resultados, time.monotonic() - t0


async def por_wifi(base: str, fabrica, n: int, a) -> tuple[list[Entrega], float]:
    """La misma sala, pero cada celular pasa por el proxy de benchmarks/sala_wifi.py."""
    import sala_wifi

    sala_wifi.callar_cancelados()
    proxy = await sala_wifi.proxy(urllib.parse.urlparse(base).port, sala_wifi.Balde(20e6 / 8), 0.025)
    base_wifi = f"http://127.0.0.1:{proxy.sockets[0].getsockname()[1]}"
    try:
        return await sala(lambda i, r: fabrica(base_wifi, i, r), n, a.llegada, a.semilla)
    finally:
        proxy.close()


def resumir(entregas_: list[Entrega], duracion: float) -> dict:
    tiempos = [e.total_s for e in entregas_ if e.ok and e.total_s is not None]
    bytes_ = [e.bytes for e in entregas_ if e.ok]
    return {
        "ok": sum(e.ok for e in entregas_),
        "mediana_s": percentil(tiempos, 0.5) if tiempos else float("nan"),
        "p95_s": percentil(tiempos, 0.95) if tiempos else float("nan"),
        "todas_s": duracion,
        "bytes": sorted(bytes_)[len(bytes_) // 2] if bytes_ else 0,
        "motivos": sorted({e.motivo for e in entregas_ if not e.ok}),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Entregar a la vez: formulario ligero contra Voilà.")
    ap.add_argument("--n", type=int, default=60, help="personas (por defecto 60)")
    ap.add_argument("--llegada", type=float, default=5.0, help="segundos en que llegan todas (5)")
    ap.add_argument("--semilla", type=int, default=19)
    ap.add_argument("--sin-voila", action="store_true", help="solo el formulario ligero")
    ap.add_argument("--wifi", action="store_true",
                    help="además, el formulario ligero por el wifi simulado de una sala llena "
                         "(benchmarks/sala_wifi.py: 20 Mbit/s para todos, 50 ms de ida y vuelta)")
    a = ap.parse_args(argv)
    n = max(1, min(a.n, N_MAXIMO))

    from lideres.curso import motor

    carpeta = Path(tempfile.mkdtemp(prefix="lideres_formulario_"))
    curso, _ = motor.preparar_curso(carpeta / "curso")
    for otro in curso.source.iterdir():
        if otro.is_dir() and otro.name != EJ:
            shutil.rmtree(otro)
    curso = curso.raiz
    print(f"Servidor: lideres taller --curso {curso} --participantes {n} --precalentados 0")
    srv = ServidorTaller(sin_libro=True, precalentados=0, participantes=n, curso=curso,
                         modo="practica", espera_s=600)
    srv.iniciar()
    base = srv.url("").rstrip("/")
    grupo = entregas.leer_grupo(curso)["codigo"]
    ids = _preguntas(curso)
    try:
        ligeras, t_ligero = asyncio.run(sala(lambda i, r: ligera(i, base, grupo, ids, r), n, a.llegada, a.semilla))
        if a.wifi:
            wifis, t_wifi = asyncio.run(por_wifi(base, lambda b, i, r: ligera(i, b, grupo, ids, r), n, a))
        if a.sin_voila:
            voilas, t_voila = [], float("nan")
        else:
            voilas, t_voila = asyncio.run(sala(lambda i, r: voila(i, base, grupo, r), n, a.llegada, a.semilla))
        # submitted/<persona>/<ejercicio>/<ejercicio>.ipynb: lo que califica nbgrader.
        enviados = {c.parent.parent.name for c in (curso / "submitted").glob(f"*/{EJ}/{EJ}.ipynb")}
    finally:
        codigo = srv.detener()
        shutil.rmtree(carpeta, ignore_errors=True)

    rl, rv = resumir(ligeras, t_ligero), resumir(voilas, t_voila)
    en_submitted_l = sum(1 for i in range(n) if f"persona-ligera-{i}" in enviados)
    en_submitted_v = sum(1 for i in range(n) if f"persona-voila-{i}" in enviados)
    print()
    print(f"Máquina: {platform.machine()}, {nucleos()} núcleos, Python {platform.python_version()}; "
          f"carga del sistema al terminar: {carga_del_sistema()}; servidor detenido con código {codigo}")
    print(f"{n} personas en {a.llegada:g} s, el mismo servidor")
    print(f"{'':34}{'ligero':>12}{'Voilà':>12}{'razón':>10}")
    for clave, nombre, fmt in (("mediana_s", "hasta «Entregado», mediana (s)", ".2f"),
                               ("p95_s", "hasta «Entregado», p95 (s)", ".2f"),
                               ("todas_s", "hasta la última entrega (s)", ".1f"),
                               ("bytes", "bytes por persona (mediana)", ",.0f")):
        razon = rl[clave] / rv[clave] if rv[clave] and rv[clave] == rv[clave] else float("nan")
        print(f"{nombre:34}{rl[clave]:>12{fmt}}{rv[clave]:>12{fmt}}{razon:>10.3f}")
    print(f"{'entregas en submitted/':34}{en_submitted_l:>12}{en_submitted_v:>12}")
    for nombre, r in (("ligero", rl), ("Voilà", rv)):
        if r["motivos"]:
            print(f"Fallidas ({nombre}):", "; ".join(r["motivos"]))
    if a.wifi:
        rw = resumir(wifis, t_wifi)
        print(f"Por el wifi simulado (20 Mbit/s, 50 ms): {rw['ok']}/{n} entregadas; p95 {rw['p95_s']:.2f} s; "
              f"la última a los {rw['todas_s']:.1f} s; razón p95 wifi / directo {rw['p95_s'] / rl['p95_s']:.2f}")
        if rw["motivos"]:
            print("Fallidas (wifi):", "; ".join(rw["motivos"]))
    razon_p95 = rl["p95_s"] / rv["p95_s"] if rv["p95_s"] == rv["p95_s"] and rv["p95_s"] else float("nan")
    print(json.dumps({"ligero": rl, "voila": rv}, ensure_ascii=False, default=str))
    print(f"formulario_ligero: ligero_ok={rl['ok']}/{n} voila_ok={rv['ok']}/{n} "
          f"en_submitted={en_submitted_l}+{en_submitted_v} razon_p95={razon_p95:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
