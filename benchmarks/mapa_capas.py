"""Benchmark del mapa de distritos (issue 19 §2): cuánto pesan los mensajes de widgets del mapa al abrir
y al recolorear, en tres formas de armarlo, en el mismo proceso:

- **50 capas** (como era): una capa GeoJSON por distrito; al recolorear, un mensaje `style` por
  distrito que cambia;
- **una capa, datos**: una capa GeoJSON con el estilo de cada polígono, como lo hace ipyleaflet: al
  recolorear se reenvía `data` (todos los polígonos con sus estilos nuevos);
- **una capa + hoja de estilos** (la del paquete, `lideres.tablero.mapa`): los polígonos viajan una
  vez; al recolorear cambia solo el texto de un `<style>`.

Cada mensaje se arma como lo recibe el navegador (el JSON del websocket de Jupyter: encabezado,
encabezado del pedido, contenido) y se cuenta sin comprimir y con permessage-deflate como lo hace
tornado con `websocket_compression_options` (el servidor del taller lo tiene): deflate con contexto
compartido en todo el websocket y un vaciado por mensaje. La interacción: abrir el tablero 02 y
ocho cambios (medida, año, elegir un distrito, quitarlo). No usa navegador ni servidor.

    .venv/bin/python benchmarks/mapa_capas.py

La última línea es `mapa_capas: razon_total_una_capa_hoja=… razon_total_una_capa_datos=…` (contra
50 capas, bytes comprimidos de toda la interacción).
"""

from __future__ import annotations

import copy
import json
import sys
import zlib
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

# La interacción: (medida, año, distrito elegido) después de abrir en (conteo, 2025, ninguno).
PASOS = (("tasa_100k", 2025, None), ("tasa_100k", 2024, None), ("conteo", 2024, None),
         ("conteo", 2024, "150101"), ("conteo", 2024, "150132"), ("conteo", 2025, "150132"),
         ("tasa_100k", 2025, "150132"), ("tasa_100k", 2025, None))


class Grabador:
    """Un `comm` de mentira que guarda cada mensaje como llegaría al navegador (JSON del websocket)."""

    def __init__(self):
        from jupyter_client.session import Session

        self.sesion = Session(username="lideres")
        self.padre = self.sesion.msg("comm_msg", {})["header"]  # el pedido que originó el mensaje
        self.mensajes: list[bytes] = []

    def comm(self):
        from comm.base_comm import BaseComm

        grabador = self

        class CommGrabado(BaseComm):
            def publish_msg(self, msg_type, data=None, metadata=None, buffers=None, **keys):
                contenido = dict(data=data or {}, comm_id=self.comm_id, **keys)
                msg = grabador.sesion.msg(msg_type, contenido, parent=grabador.padre, metadata=metadata or {})
                msg["channel"] = "iopub"
                msg["buffers"] = []
                grabador.mensajes.append(json.dumps(msg, default=str).encode("utf-8"))

        return CommGrabado


def deflate_por_mensaje(mensajes: list[bytes], z) -> list[int]:
    """Bytes de cada mensaje con permessage-deflate (contexto compartido, vaciado por mensaje)."""
    return [len(z.compress(m) + z.flush(zlib.Z_SYNC_FLUSH)) - 4 for m in mensajes]


def _estado(medida: str, anio: int, seleccion: str | None):
    from lideres.modulos.m02_conteos_y_tasas.calculos import EstadoTablero

    e = EstadoTablero(medida=medida, anio=anio)
    e.seleccion = seleccion
    return e


def _controles(estado):
    import ipyleaflet

    from lideres.tablero import mapa

    return [ipyleaflet.ZoomControl(position="topleft", zoom_in_title="Acercar", zoom_out_title="Alejar"),
            ipyleaflet.AttributionControl(position="bottomright", prefix=mapa.atribucion(estado))]


def _mapa(capas, controles):
    import ipyleaflet

    return ipyleaflet.Map(layers=tuple(capas), controls=tuple(controles), zoom_control=False,
                          attribution_control=False, keyboard=False, scroll_wheel_zoom=False)


def cincuenta_capas(base, estado):
    """Como era hasta el 07/12/2026: una capa por distrito; un mensaje `style` por distrito que cambia."""
    import ipyleaflet

    from lideres.tablero.mapa import estilo_en_vivo

    class CapaDistrito(ipyleaflet.GeoJSON):
        def _update_data(self, change):  # no reenviar los datos al cambiar el estilo
            pass

    estilos = estado.estilos()
    capas = {}
    for rasgo in base["features"]:
        u = rasgo["properties"]["ubigeo"]
        rasgo = {**rasgo, "properties": {**rasgo["properties"], "style": estilos[u]}}
        capas[u] = CapaDistrito(data={"type": "FeatureCollection", "features": [rasgo]},
                                style=estilo_en_vivo(estilos[u]), hover_style={"weight": 3, "fillOpacity": 0.95},
                                name=rasgo["properties"]["distrito"])
    _mapa(capas.values(), _controles(estado))

    def recolorear(e):
        for u, estilo in e.estilos().items():
            nuevo = estilo_en_vivo(estilo)
            if capas[u].style != nuevo:
                capas[u].style = nuevo

    return recolorear


def una_capa_datos(base, estado):
    """Una capa con el estilo de cada polígono; al recolorear, ipyleaflet reenvía `data` entera."""
    import ipyleaflet

    def datos(e):
        estilos = e.estilos()
        return {"type": "FeatureCollection", "features": [
            {**r, "properties": {**r["properties"], "style": estilos[r["properties"]["ubigeo"]]}}
            for r in copy.deepcopy(base["features"])]}

    capa = ipyleaflet.GeoJSON(data=datos(estado), hover_style={"weight": 3, "fillOpacity": 0.95}, name="Distritos")
    _mapa([capa], _controles(estado))

    def recolorear(e):
        capa.data = datos(e)

    return recolorear


def una_capa_hoja(base, estado):
    """La del paquete: una capa; al recolorear, solo el texto del `<style>`."""
    from lideres.tablero import mapa

    _, capa = mapa.crear_mapa(base, estado)
    return lambda e: mapa.pintar(capa, e)


FORMAS = {"50 capas (antes)": cincuenta_capas, "una capa, datos reenviados": una_capa_datos,
          "una capa + hoja de estilos": una_capa_hoja}


def medir() -> dict:
    import comm

    from lideres.modulos.m02_conteos_y_tasas.calculos import AMBITOS
    from lideres.tablero import mapa

    base = mapa.limites(AMBITOS)
    original = comm.create_comm
    resultados = {}
    try:
        for nombre, forma in FORMAS.items():
            g = Grabador()
            comm.create_comm = lambda _g=g, **kw: _g.comm()(**kw)
            recolorear = forma(base, _estado("conteo", 2025, None))
            z = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)  # un websocket por forma
            abrir = g.mensajes[:]
            r = {"abrir": (len(abrir), sum(map(len, abrir)), sum(deflate_por_mensaje(abrir, z))), "pasos": []}
            for paso in PASOS:
                g.mensajes.clear()
                recolorear(_estado(*paso))
                r["pasos"].append((len(g.mensajes), sum(map(len, g.mensajes)),
                                   sum(deflate_por_mensaje(g.mensajes, z))))
            resultados[nombre] = r
    finally:
        comm.create_comm = original
    return resultados


def main() -> int:
    import statistics

    r = medir()
    kb = lambda b: f"{b / 1024:7.1f}"  # noqa: E731
    print(f"Mapa del tablero 02 (50 distritos), abrir + {len(PASOS)} cambios; KB de mensajes de widgets")
    print(f"{'':28s} {'abrir: msj':>10s} {'sin comp.':>9s} {'deflate':>8s} | {'cambio: msj':>11s} "
          f"{'sin comp.':>9s} {'deflate':>8s} | {'total deflate':>13s}")
    totales = {}
    for nombre, d in r.items():
        n, crudo, comp = d["abrir"]
        pm = statistics.mean(p[0] for p in d["pasos"])
        pc = statistics.mean(p[1] for p in d["pasos"])
        pz = statistics.mean(p[2] for p in d["pasos"])
        totales[nombre] = comp + sum(p[2] for p in d["pasos"])
        print(f"{nombre:28s} {n:10d} {kb(crudo):>9s} {kb(comp):>8s} | {pm:11.1f} {kb(pc):>9s} {kb(pz):>8s} | "
              f"{kb(totales[nombre]):>13s}")
    base = totales["50 capas (antes)"]
    hoja, datos = totales["una capa + hoja de estilos"], totales["una capa, datos reenviados"]
    ab = {k: v["abrir"][2] for k, v in r.items()}
    print(f"Razones contra 50 capas (deflate): abrir — hoja {ab['una capa + hoja de estilos'] / ab['50 capas (antes)']:.2f},"
          f" datos {ab['una capa, datos reenviados'] / ab['50 capas (antes)']:.2f}; toda la interacción — hoja "
          f"{hoja / base:.2f}, datos {datos / base:.2f}")
    print(f"mapa_capas: razon_total_una_capa_hoja={hoja / base:.2f} razon_total_una_capa_datos={datos / base:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
