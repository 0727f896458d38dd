"""Issue 22: presupuesto de memoria (`--memoria`) y reserva elástica de kernels.

Las decisiones son funciones puras (`lideres.taller.memoria`): se prueban sin tiempos ni procesos.
Al final, un servidor de verdad: la portada dice cuántos celulares más caben y, con el presupuesto
lleno, la versión completa responde una página en español que lleva a la versión ligera."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request

import pytest

from lideres.errores import ErrorLideres
from lideres.taller import memoria, servidor
from lideres.taller.memoria import GB, MB, Pagina
from tests.asincrono import correr

# ---------------------------------------------------------------- leer --memoria


@pytest.mark.parametrize(("texto", "bytes_"), [
    ("2GB", 2 * GB), ("1500MB", 1500 * MB), ("1,5GB", int(1.5 * GB)), ("1.5GB", int(1.5 * GB)),
    ("2 gb", 2 * GB), (" 750mb ", 750 * MB), ("1,25GB", int(1.25 * GB)),
])
def test_leer_memoria_acepta_gb_mb_y_decimales_con_coma_o_punto(texto, bytes_):
    assert memoria.leer_memoria(texto) == bytes_


@pytest.mark.parametrize("texto", ["", "2", "dos GB", "2TB", "2 G", "-1GB", "1,500MB", "1.500MB",
                                   "2GB extra", "1,5,0GB", "0GB", "100MB"])
def test_leer_memoria_rechaza_lo_demas_con_un_mensaje_en_espanol(texto):
    with pytest.raises(ErrorLideres) as e:
        memoria.leer_memoria(texto)
    mensaje = str(e.value) + " " + (e.value.como_arreglar or "")
    assert f"«{texto}»" in mensaje
    assert ("GB" in mensaje or "MB" in mensaje) and "Traceback" not in mensaje


def test_un_separador_de_miles_se_pregunta_no_se_adivina():
    with pytest.raises(ErrorLideres) as e:
        memoria.leer_memoria("1,500MB")
    assert "¿es 1500MB" in str(e.value) and "--memoria 1500MB" in e.value.como_arreglar


def test_memoria_por_defecto_es_la_mitad_de_la_computadora():
    assert memoria.memoria_por_defecto(4 * GB) == 2 * GB
    assert memoria.memoria_por_defecto(8 * GB) == 4 * GB
    assert memoria.memoria_por_defecto(None) == memoria.POR_DEFECTO_SIN_DATO
    assert memoria.memoria_por_defecto(256 * MB) == memoria.MINIMO


def test_texto_memoria_en_es_pe():
    assert memoria.texto_memoria(int(1.5 * GB)) == "1.5 GB"
    assert memoria.texto_memoria(2 * GB) == "2 GB"
    assert memoria.texto_memoria(500 * MB) == "500 MB"


def test_memoria_mal_escrita_da_error_en_espanol_antes_de_iniciar(tmp_path, capsys):
    from lideres.cli import main

    (tmp_path / "tableros").mkdir()
    assert main(["taller", "--cuadernos", str(tmp_path), "--sin-libro", "--memoria", "mucha"]) != 0
    salida = capsys.readouterr()
    texto = salida.out + salida.err
    assert "No entiendo la memoria «mucha»" in texto and "--memoria 2GB" in texto
    assert "Traceback" not in texto


# ---------------------------------------------------------------- cuánto cabe


def test_cada_kernel_cuenta_lo_medido_y_nunca_menos_que_la_estimacion():
    assert memoria.cuenta_kernel(None, memoria.ESTIMADO_TABLERO) == memoria.ESTIMADO_TABLERO
    assert memoria.cuenta_kernel(50 * MB, memoria.ESTIMADO_TABLERO) == memoria.ESTIMADO_TABLERO
    assert memoria.cuenta_kernel(300 * MB, memoria.ESTIMADO_TABLERO) == 300 * MB
    assert memoria.estimado("ejercicios/02_conteos_y_tasas.ipynb") == memoria.ESTIMADO_EJERCICIO
    assert memoria.estimado("tableros/07_puntos_calientes.ipynb") == memoria.ESTIMADO_TABLERO


def test_caben_cuenta_los_kernels_en_uso_no_la_reserva():
    p = 1500 * MB
    assert memoria.caben(p, 0) == 10
    assert memoria.caben(p, 3 * memoria.ESTIMADO_TABLERO) == 7
    assert memoria.caben(p, 2 * GB) == 0  # pasado (un kernel creció): nunca negativo


def test_frase_caben_en_es_pe():
    assert memoria.frase_caben(12) == "Caben unos 12 celulares más en la versión completa de los tableros."
    assert memoria.frase_caben(1) == "Cabe un celular más en la versión completa de los tableros."
    assert memoria.frase_caben(1200).startswith("Caben unos 1,200 celulares")
    assert "no caben más" in memoria.frase_caben(0)


# ---------------------------------------------------------------- la reserva crece y baja


def test_la_reserva_crece_cuando_llegan_y_baja_cuando_se_van():
    base, grupo = 4, 30
    objetivos = [memoria.objetivo_de_reserva(base, n, grupo) for n in (0, 1, 2, 6, 10, 20, 26, 29, 30, 35)]
    assert objetivos == [4, 4, 5, 7, 9, 10, 4, 1, 1, 1]  # sin pasar del grupo: 20 + 10, 26 + 4
    # crece de a uno por cada dos celulares (mientras el grupo no se completa)...
    assert objetivos[:6] == sorted(objetivos[:6])
    # ...y cuando se van, vuelve a la base
    assert memoria.objetivo_de_reserva(base, 0, grupo) == base
    # una página sin reserva de antemano crece si la usan
    assert memoria.objetivo_de_reserva(0, 0, grupo) == 0
    assert memoria.objetivo_de_reserva(0, 4, grupo) == 2
    assert memoria.objetivo_de_reserva(0, 30, grupo) == 0


def test_repartir_no_pasa_del_presupuesto_y_prefiere_la_sesion():
    t = memoria.ESTIMADO_TABLERO
    paginas = [Pagina("tableros/07_puntos_calientes.ipynb", base=4, de_la_sesion=True),
               Pagina("tableros/09_tus_datos.ipynb", base=1),
               Pagina("tableros/10_del_dato_a_la_accion.ipynb", base=1)]
    # Con lugar para todo: cada una su base.
    assert memoria.repartir(paginas, 100 * t, 30) == {
        "tableros/07_puntos_calientes.ipynb": 4, "tableros/09_tus_datos.ipynb": 1,
        "tableros/10_del_dato_a_la_accion.ipynb": 1}
    # Lugar para 3: de a uno, la sesión primero; ninguna se queda con todo.
    assert memoria.repartir(paginas, 3 * t, 30) == {
        "tableros/07_puntos_calientes.ipynb": 1, "tableros/09_tus_datos.ipynb": 1,
        "tableros/10_del_dato_a_la_accion.ipynb": 1}
    assert memoria.repartir(paginas, 5 * t, 30)["tableros/07_puntos_calientes.ipynb"] == 3
    # Sin lugar (los kernels en uso ya llenan el presupuesto): ninguna reserva.
    assert set(memoria.repartir(paginas, t - 1, 30).values()) == {0}
    assert set(memoria.repartir(paginas, -5 * t, 30).values()) == {0}


def test_repartir_con_celulares_conectados():
    t = memoria.ESTIMADO_TABLERO
    pagina = Pagina("tableros/07_puntos_calientes.ipynb", base=4, en_uso=8, de_la_sesion=True)
    # 8 en uso: quiere 4 + 4 = 8 listos, pero solo caben 5 más en el presupuesto.
    assert memoria.repartir([pagina], 5 * t, 30) == {"tableros/07_puntos_calientes.ipynb": 5}
    # las páginas de ejercicio cuentan menos que un tablero
    ejercicio = Pagina("ejercicios/07_puntos_calientes.ipynb", base=2, por_kernel=memoria.ESTIMADO_EJERCICIO)
    assert memoria.repartir([ejercicio], memoria.ESTIMADO_EJERCICIO * 2, 30) == {ejercicio.ruta: 2}


@pytest.mark.parametrize(("estado", "objetivo", "esperado"), [
    ((0, 0, 0), 4, (4, 0, 0)),   # crecer: arrancar lo que falta
    ((2, 1, 0), 4, (1, 0, 0)),   # los que ya arrancan cuentan
    ((4, 0, 0), 4, (0, 0, 0)),
    ((4, 0, 2), 4, (0, 2, 0)),   # bajar: primero los que esperan memoria (no ocupan nada)
    ((5, 1, 1), 2, (0, 1, 4)),   # luego los listos; los que arrancan no se tocan (quedan 1 + 1)
    ((0, 3, 0), 0, (0, 0, 0)),
])
def test_cambios_para_llegar_al_objetivo(estado, objetivo, esperado):
    assert memoria.cambios(*estado, objetivo) == esperado


# ---------------------------------------------------------------- configuración


@pytest.fixture
def raiz(tmp_path):
    (tmp_path / "tableros").mkdir()
    for nombre in ("02_conteos_y_tasas", "07_puntos_calientes", "09_tus_datos"):
        (tmp_path / "tableros" / f"{nombre}.ipynb").write_text("{}", encoding="utf-8")
    return tmp_path


def test_una_sala_en_el_07_ya_no_precalienta_uno_por_participante(raiz):
    c = servidor.configuracion(raiz=raiz, participantes=30, modulo="07", memoria=4 * GB)
    pools = c.VoilaKernelManager.kernel_pools_config
    assert pools["tableros/07_puntos_calientes.ipynb"]["pool_size"] == servidor.RESERVA_INICIAL_SIN_LIGERA
    assert pools["tableros/09_tus_datos.ipynb"]["pool_size"] == 1
    assert pools["tableros/02_conteos_y_tasas.ipynb"]["pool_size"] == 0
    g = c.GestorKernels
    assert g.presupuesto == 4 * GB and g.participantes == 30
    assert g.reserva_base["tableros/07_puntos_calientes.ipynb"] == servidor.RESERVA_INICIAL_SIN_LIGERA
    assert g.paginas_sesion == ["tableros/07_puntos_calientes.ipynb"]


def test_la_reserva_de_antemano_cabe_en_el_presupuesto(raiz):
    c = servidor.configuracion(raiz=raiz, participantes=30, modulo="07", memoria=2 * memoria.ESTIMADO_TABLERO)
    pools = c.VoilaKernelManager.kernel_pools_config
    assert sum(p["pool_size"] for p in pools.values()) == 2
    assert pools["tableros/07_puntos_calientes.ipynb"]["pool_size"] == 1  # la sesión primero


def test_sin_memoria_el_presupuesto_es_la_mitad_de_la_computadora(raiz):
    c = servidor.configuracion(raiz=raiz, participantes=30)
    assert c.GestorKernels.presupuesto == memoria.memoria_por_defecto(memoria.memoria_de_la_computadora())


def test_la_pagina_sala_llena_lleva_a_la_version_ligera_y_se_lee_facil(monkeypatch):
    import html as html_
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from legibilidad import MINIMO, fernandez_huerta

    monkeypatch.setattr(servidor, "url_ligera", lambda m: f"/ligeras/{m}.html" if m.startswith("02") else None)
    con = servidor.pagina_sala_llena("tableros/02_conteos_y_tasas.ipynb", "/voila/render/tableros/02_conteos_y_tasas.ipynb")
    sin = servidor.pagina_sala_llena("tableros/07_puntos_calientes.ipynb", "/voila/render/tableros/07_puntos_calientes.ipynb")
    ejercicio = servidor.pagina_sala_llena("ejercicios/07_puntos_calientes.ipynb", "/x")
    assert 'href="/ligeras/02_conteos_y_tasas.html"' in con and "Abrir la versión ligera" in con
    assert "versión ligera" not in sin and "avisa a quien facilita" in sin
    assert 'href="/ejercicio/07_puntos_calientes"' in ejercicio
    for pagina in (con, sin):
        assert '<html lang="es">' in pagina and "<main>" in pagina and "Volver al inicio" in pagina
        assert not re.findall(r"https?://", pagina)  # sin internet
        texto = html_.unescape(re.sub(r"<style.*?</style>|<[^>]+>", " ", pagina, flags=re.S))
        assert fernandez_huerta(texto) >= MINIMO


# ---------------------------------------------------------------- el gestor (sin procesos)


def test_el_gestor_aparta_lugar_y_cede_la_reserva_de_otra_pagina():
    """Un celular que pide la versión completa sin lugar libre toma el de un kernel listo de otra
    página; si no queda ninguno, no hay lugar (la página «sala llena»)."""
    import asyncio

    from lideres.taller import kernels

    t = memoria.ESTIMADO_TABLERO

    async def probar():
        gestor = kernels.GestorKernels(presupuesto=3 * t, ajustar_s=0, revisar_muertos_s=0)
        apagados = []

        async def listo(k):
            return {"kernel_id": k}

        async def apagar(kernel_id, *args, **kwargs):
            apagados.append(kernel_id)
            gestor._kernels.pop(kernel_id, None)

        gestor.shutdown_kernel = apagar
        gestor._pools = {"tableros/09_tus_datos.ipynb": []}
        for k in ("r1", "r2"):
            tarea = asyncio.ensure_future(listo(k))
            await tarea
            gestor._pools["tableros/09_tus_datos.ipynb"].append(tarea)
            gestor._kernels[k] = object()
        gestor._kernels["u1"] = object()  # uno en uso
        gestor._ruta_de["u1"] = "tableros/07_puntos_calientes.ipynb"
        assert gestor.cabida()["caben"] == 2 and gestor.cabida()["kernels_en_reserva"] == 2
        # la página con reserva lista no aparta nada: su kernel ya estaba contado
        assert await gestor.apartar_lugar("tableros/09_tus_datos.ipynb") is kernels.DE_LA_RESERVA
        # el 07 no tiene reserva y el presupuesto está lleno (3 de 3): cede un kernel del 09
        lugar = await gestor.apartar_lugar("tableros/07_puntos_calientes.ipynb")
        assert lugar is not None and apagados == ["r2"]
        # mientras arranca, el lugar apartado cuenta; cede el último de la reserva
        assert await gestor.apartar_lugar("tableros/07_puntos_calientes.ipynb") is not None
        assert apagados == ["r2", "r1"]
        # ya no queda reserva que ceder: sin lugar
        assert await gestor.apartar_lugar("tableros/07_puntos_calientes.ipynb") is None
        gestor.soltar_lugar(lugar)
        assert gestor.cabida()["caben"] == 1

    correr(probar())



def test_la_portada_mira_la_reserva_y_cuenta_cada_kernel_una_sola_vez():
    """`cabida()` corre en cada portada que se abre (con 30 celulares, muchas veces por minuto): mira
    la reserva una vez y cuenta cada kernel vivo una vez, no una por cada cifra que muestra."""
    import asyncio

    from lideres.taller import kernels

    t = memoria.ESTIMADO_TABLERO

    async def probar():
        gestor = kernels.GestorKernels(presupuesto=5 * t, ajustar_s=0, revisar_muertos_s=0)

        async def listo(k):
            return {"kernel_id": k}

        tarea = asyncio.ensure_future(listo("r1"))
        await tarea
        gestor._pools = {"tableros/09_tus_datos.ipynb": [tarea]}
        for k in ("r1", "u1", "u2"):
            gestor._kernels[k] = object()
        veces = {"reserva": 0, "cuenta": 0}
        estado_reservas, cuenta = gestor._estado_reservas, gestor._cuenta

        def estado_contado():
            veces["reserva"] += 1
            return estado_reservas()

        def cuenta_contada(k):
            veces["cuenta"] += 1
            return cuenta(k)

        gestor._estado_reservas, gestor._cuenta = estado_contado, cuenta_contada
        cabida = gestor.cabida()
        assert veces == {"reserva": 1, "cuenta": 3}
        assert cabida["kernels_en_uso"] == 2 and cabida["kernels_en_reserva"] == 1
        assert cabida["en_uso"] == 2 * t and cabida["ocupado"] == 3 * t and cabida["caben"] == 3

    correr(probar())

def test_un_lugar_de_la_reserva_que_no_arranco_cuenta_cuando_un_celular_lo_toma():
    """Medido con benchmarks/carga.py (30 celulares, --memoria 1.5GB): los celulares tomaban lugares
    de la reserva que todavía no arrancaban, y esos arrancaban sin mirar el presupuesto (17 kernels
    para 10 lugares). Ahora el primero que lo toma lo hace contar; el siguiente, sin lugar, no."""
    import asyncio

    from lideres.taller import kernels

    t = memoria.ESTIMADO_TABLERO
    ruta = "tableros/07_puntos_calientes.ipynb"

    async def probar():
        gestor = kernels.GestorKernels(presupuesto=2 * t, ajustar_s=0, revisar_muertos_s=0)
        gestor.notebook_data = {ruta: {"kernel_ids": set()}}
        nunca = asyncio.get_running_loop().create_future()
        pendiente = asyncio.ensure_future(nunca)  # un lugar de la reserva que aún no arranca
        gestor._pools = {ruta: [pendiente]}
        gestor._kernels["u1"] = object()
        gestor._ruta_de["u1"] = ruta
        assert gestor.ocupado() == t  # el lugar sin arrancar no cuenta (espera lugar para arrancar)
        assert await gestor.apartar_lugar(ruta) is kernels.DE_LA_RESERVA
        assert gestor.ocupado() == 2 * t  # desde que un celular lo toma, cuenta
        gestor._pools[ruta].pop(0)  # lo que hace Voilà al entregarlo
        assert await gestor.apartar_lugar(ruta) is None  # sin lugar: «sala llena»
        pendiente.cancel()

    correr(probar())


def _gestor_sin_procesos(**opciones):
    """Un GestorKernels que no arranca ni apaga procesos: anota lo que llenaría (`llenados`) y lo que
    apagaría (`apagados`), y no mide memoria."""
    from lideres.taller import kernels

    class Gestor(kernels.GestorKernels):
        def fill_if_needed(self, delay=None, notebook_name=None, **kwargs):
            self.llenados.append((notebook_name, self.kernel_pools_config[notebook_name]["pool_size"]))

        async def shutdown_kernel(self, kernel_id, *args, **kwargs):
            self.apagados.append(kernel_id)
            self._kernels.pop(kernel_id, None)

        async def _medir(self):
            pass

    g = Gestor(ajustar_s=0, revisar_muertos_s=0, **opciones)
    g.llenados, g.apagados = [], []
    g.kernel_pools_config = {"default": {"pool_size": 0}}
    return g


def test_el_ajuste_crece_baja_y_no_insiste_con_una_pagina_que_falla():
    """`_ajustar` (cada 2 s en el servidor) lleva la reserva a su objetivo: arranca lo que falta,
    apaga los listos que sobran cuando los celulares se van, y una página cuyo kernel no arrancó no
    se vuelve a llenar sola."""
    import asyncio


    t = memoria.ESTIMADO_TABLERO
    ruta, otra = "tableros/07_puntos_calientes.ipynb", "tableros/09_tus_datos.ipynb"

    async def probar():
        g = _gestor_sin_procesos(presupuesto=20 * t, participantes=30, reserva_base={ruta: 2, otra: 1},
                                 paginas_sesion=[ruta])

        async def listo(k):
            return {"kernel_id": k}

        async def falla():
            raise RuntimeError("cuaderno roto")

        tareas = [asyncio.ensure_future(listo(k)) for k in ("r1", "r2", "r3", "r4")]
        rota = asyncio.ensure_future(falla())
        await asyncio.gather(*tareas, rota, return_exceptions=True)
        for k in ("r1", "r2", "r3", "r4"):
            g._kernels[k] = object()
        g._pools = {ruta: list(tareas), otra: [rota]}
        # 4 listos para un objetivo de 2 (nadie conectado): se apagan los 2 que sobran
        await g._ajustar()
        assert g.kernel_pools_config[ruta]["pool_size"] == 2
        assert sorted(g.apagados) == ["r3", "r4"] and len(g._pools[ruta]) == 2
        # la página cuyo kernel no arrancó: fuera de la reserva y sin volver a llenarse sola
        assert g._pools[otra] == [] and (otra, 1) not in g.llenados
        # llegan 6 celulares al 07: la reserva crece a 2 + 3
        for i in range(6):
            g._kernels[f"u{i}"] = object()
            g._ruta_de[f"u{i}"] = ruta
        await g._ajustar()
        assert (ruta, 5) in g.llenados

    correr(probar())


def test_un_lugar_que_sobra_en_la_reserva_espera_y_no_le_quita_el_turno_a_uno_preparado(monkeypatch):
    """Medido con benchmarks/carga.py --tablero 07: Voilà repone la reserva apenas un celular toma un
    kernel; mientras la sala se llenaba ese kernel nuevo sobraba, el ajuste apagaba uno ya preparado
    en su lugar y los últimos en llegar esperaban 38 s a que el nuevo preparara la página. Ahora el
    lugar que sobra espera sin arrancar; arranca cuando hace falta (o si un celular lo toma)."""
    import asyncio

    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

    from lideres.taller import kernels

    ruta = "tableros/07_puntos_calientes.ipynb"
    arrancados = []

    async def arrancar(self, *args, **kwargs):
        arrancados.append(kwargs["env"])
        return "nuevo"

    monkeypatch.setattr(AsyncMappingKernelManager, "start_kernel", arrancar)

    async def probar():
        g = kernels.GestorKernels(participantes=30, ajustar_s=0, revisar_muertos_s=0, espera_tope_s=0.01,
                                  reserva_base={ruta: 2}, paginas_sesion=[ruta])

        async def listo(k):
            return {"kernel_id": k}

        preparados = [asyncio.ensure_future(listo(k)) for k in ("r1", "r2")]
        await asyncio.gather(*preparados)
        for k in ("r1", "r2"):
            g._kernels[k] = object()
        g._pools = {ruta: list(preparados)}
        lugar = asyncio.ensure_future(g.start_kernel(env={kernels.VARIABLE_PRECALENTADO: "True"}))
        g._pools[ruta].append(lugar)  # lo que hace Voilà al reponer
        await asyncio.sleep(0.1)
        assert not lugar.done() and arrancados == []  # la reserva ya tiene sus 2: espera
        g._pools[ruta].pop(0)  # un celular toma r1: queda 1 preparado para un objetivo de 2
        assert await asyncio.wait_for(lugar, 5) == "nuevo" and len(arrancados) == 1

    correr(probar())


def test_al_achicar_la_reserva_se_cancela_el_lugar_repuesto_que_aun_no_arranca():
    """Voilà repone la reserva un segundo después de entregar un kernel (`fill_delay`). Si en ese
    segundo la reserva debe achicarse, sobra ese lugar, que todavía no tiene proceso: se cancela.
    Antes contaba como «arrancando» y el ajuste apagaba en su lugar un kernel ya preparado."""
    import asyncio


    ruta = "tableros/07_puntos_calientes.ipynb"

    async def probar():
        g = _gestor_sin_procesos(participantes=2, reserva_base={ruta: 2}, paginas_sesion=[ruta])

        async def listo(k):
            return {"kernel_id": k}

        preparado = asyncio.ensure_future(listo("r1"))
        await preparado
        repuesto = asyncio.ensure_future(asyncio.sleep(30))  # esperando `fill_delay`, sin proceso
        g._kernels.update({"r1": object(), "u1": object()})  # u1: el kernel que se entregó
        g._ruta_de["u1"] = ruta
        g._pools = {ruta: [preparado, repuesto]}
        await g._ajustar()  # un celular de 2 conectado: la reserva baja a 1
        await asyncio.sleep(0)  # la cancelación se cumple en la siguiente vuelta del bucle
        assert g.apagados == [] and repuesto.cancelled() and g._pools[ruta] == [preparado]

    correr(probar())


def test_el_gestor_fija_la_reserva_de_cada_pagina_segun_los_que_la_usan():
    from lideres.taller import kernels

    t = memoria.ESTIMADO_TABLERO
    gestor = kernels.GestorKernels(
        presupuesto=10 * t, participantes=30, ajustar_s=0, revisar_muertos_s=0,
        reserva_base={"tableros/07_puntos_calientes.ipynb": 4, "tableros/09_tus_datos.ipynb": 1},
        paginas_sesion=["tableros/07_puntos_calientes.ipynb"],
    )
    assert gestor.objetivos() == {"tableros/07_puntos_calientes.ipynb": 4, "tableros/09_tus_datos.ipynb": 1}
    for i in range(6):  # llegan seis celulares al 07
        gestor._kernels[f"u{i}"] = object()
        gestor._ruta_de[f"u{i}"] = "tableros/07_puntos_calientes.ipynb"
    # crece (4 + 6 // 2 = 7) pero solo quedan 4 lugares en el presupuesto, y la sesión va primero
    assert gestor.objetivos() == {"tableros/07_puntos_calientes.ipynb": 3, "tableros/09_tus_datos.ipynb": 1}
    for i in range(4):  # se van cuatro
        del gestor._kernels[f"u{i}"]
    assert gestor.objetivos() == {"tableros/07_puntos_calientes.ipynb": 5, "tableros/09_tus_datos.ipynb": 1}


# ---------------------------------------------------------------- servidor real

CUADERNO = {
    "cells": [{"cell_type": "code", "execution_count": None, "id": "c0", "metadata": {}, "outputs": [],
               "source": "import ipywidgets as w\nw.IntSlider(value=3)"}],
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    "nbformat": 4, "nbformat_minor": 5,
}


def _leer(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=240) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


@pytest.mark.lento
def test_la_portada_dice_cuantos_caben_y_la_sala_llena_responde_en_espanol(tmp_path):
    """Presupuesto para dos tableros (300 MB; cada kernel cuenta al menos 150 MB mientras no haya
    MEDIDOS_PARA_APRENDER en uso medidos), sin reserva:
    la portada dice 2, luego 1, luego que no caben; el tercer celular recibe «sala llena»."""
    from lideres.taller.proceso import ServidorTaller

    (tmp_path / "tableros").mkdir()
    (tmp_path / "tableros" / "deslizador.ipynb").write_text(json.dumps(CUADERNO), encoding="utf-8")
    tablero = "/voila/render/tableros/deslizador.ipynb"
    with ServidorTaller(sin_libro=True, precalentados=0, participantes=5, cuadernos=tmp_path,
                        memoria="300MB") as s:
        portadas = [_leer(s.url("/"))[1]]
        respuestas = []
        for _ in range(3):
            respuestas.append(_leer(s.url(tablero)))
            portadas.append(_leer(s.url("/"))[1])
    assert s.codigo_salida == 0, s.texto_salida()
    assert "Memoria para los tableros: 300 MB: caben unos 2 celulares" in s.texto_salida()
    assert "Caben unos 2 celulares más en la versión completa" in portadas[0]
    assert "Cabe un celular más en la versión completa" in portadas[1]
    assert "no caben más celulares" in portadas[2]
    # en la laptop, también la memoria usada y el presupuesto
    assert re.search(r"Memoria de los tableros: [\d.,]+ MB de 300 MB \(1 en uso", portadas[1])
    (e1, p1), (e2, _), (e3, p3) = respuestas
    assert (e1, e2, e3) == (200, 200, 503)
    assert "application/vnd.jupyter.widget-view+json" in p1
    assert "La sala está llena para la versión completa" in p3 and 'lang="es"' in p3
    assert "Volver al inicio" in p3 and "Traceback" not in p3
    assert "Traceback" not in s.texto_registro()


def test_lo_que_cuenta_un_kernel_se_aprende_de_los_kernels_en_uso_de_su_pagina(monkeypatch):
    """Medido (benchmarks/README.md): un kernel del 07 en uso ocupa ~95 MB, no los 150 MB de la
    estimación fija. Cuando ya se midió uno en uso, cada kernel de esa página cuenta lo medido con
    un margen, y en la portada caben más celulares."""

    from lideres.taller import kernels

    mb = memoria.MB
    assert memoria.estimado_aprendido([], memoria.ESTIMADO_TABLERO) == memoria.ESTIMADO_TABLERO
    assert memoria.estimado_aprendido([90 * mb, 80 * mb], memoria.ESTIMADO_TABLERO) == memoria.ESTIMADO_TABLERO
    assert memoria.estimado_aprendido([90 * mb, 80 * mb, 100 * mb], memoria.ESTIMADO_TABLERO) == int(
        100 * mb * memoria.MARGEN_APRENDIDO)
    ruta = "tableros/07_puntos_calientes.ipynb"
    monkeypatch.setattr(kernels, "medir_proceso", lambda pid: 90 * memoria.MB)  # sin procesos de verdad

    async def probar():
        gestor = kernels.GestorKernels(presupuesto=1500 * memoria.MB, ajustar_s=0, revisar_muertos_s=0,
                                       paginas_sesion=[ruta])
        for k in ("u1", "u2", "u3"):
            gestor._kernels[k] = object()
            gestor._ruta_de[k] = ruta
        antes = gestor.cabida()["caben"]
        gestor.get_kernel = lambda k: type("K", (), {"provisioner": type("P", (), {"pid": 1})()})()
        await gestor._medir()
        despues = gestor.cabida()["caben"]
        assert gestor._estimado(ruta) == int(90 * memoria.MB * memoria.MARGEN_APRENDIDO)
        assert despues > antes

    correr(probar())
