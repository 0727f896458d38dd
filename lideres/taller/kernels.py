"""Gestor de kernels del taller: arranques en fila y un tope de kernels vivos.

Voilà lo usa como clase base de su gestor con kernels precalentados
(`VoilaConfiguration.multi_kernel_manager_class`), así que ve tanto los arranques de la reserva
precalentada como los de una persona que llega cuando la reserva está vacía.

- **En fila**: en una laptop de 2 núcleos, arrancar 30 kernels a la vez no termina antes que
  arrancarlos de dos en dos; solo hace que todos lleguen tarde. Se arrancan de a
  `arranques_simultaneos`, en orden de llegada.
- **Tope**: cada kernel que se usa de la reserva hace que Voilà arranque otro para reponerla.
  Con 30 personas entrando a la vez eso duplicaría los kernels (y la memoria) justo cuando la
  laptop está más cargada. Reponer la reserva espera mientras haya `max_kernels` vivos; una
  persona que ya tomó su lugar de la reserva nunca espera por el tope.
- **Recién entregado no es inactivo**: un kernel que esperó en la reserva conserva la hora de su
  última actividad (cuando se precalentó, quizá hace quince minutos). Voilà no apaga los que
  siguen en la reserva, pero al entregarlo a un celular la siguiente pasada lo veía «inactivo»
  y lo apagaba antes de que un celular lento llegara a conectarse. Aquí su tiempo inactivo se
  cuenta desde que se entregó (la primera pasada que lo ve fuera de la reserva).
- **Apagar dos veces no es un error**: si la página que se cierra y la pasada de inactivos apagan
  el mismo kernel a la vez, el segundo pedido no hace nada (antes: un 404 con traza en el registro).
  Y uno que se está apagando no «murió»: la revisión de muertos lo deja en paz.
- **Presupuesto de memoria y reserva elástica** (`--memoria`; las decisiones, puras, en
  `lideres.taller.memoria`): cada `ajustar_s` segundos se mide la memoria de los kernels y se fija
  cuántos quedan listos en la reserva de cada página: crece cuando llegan celulares, baja cuando se
  van, y kernels en uso más reserva nunca pasan del presupuesto. Un celular que pide la versión
  completa sin lugar libre toma el de un kernel de la reserva de otra página (se apaga); si tampoco
  hay, `apartar_lugar` dice que no y la página de Voilà responde «sala llena» (manejadores.py).
- **Sin revivir**: un kernel que muere (sin memoria, por ejemplo) no se reinicia, porque uno
  reiniciado no tiene los widgets del tablero y la página quedaría mostrando datos viejos sin
  decir nada. Se apaga y se quita (`autorestart` desactivado en la configuración); la página ve
  que su kernel ya no existe y ofrece volver a cargar.

Este módulo importa jupyter_server: solo lo carga Voilà al iniciar el servidor.
"""

from __future__ import annotations

import asyncio
import contextvars
import urllib.parse

from jupyter_server._tz import utcnow
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Dict, Float, Integer, List, TraitError

from lideres.taller import memoria

# Variable que Voilà pone en el entorno de los kernels de la reserva (ENV_VARIABLE.VOILA_PREHEAT).
VARIABLE_PRECALENTADO = "VOILA_PREHEAT"
# La ruta de la página que pidió un kernel sin reserva (Voilà la pone en el entorno del kernel).
VARIABLE_RUTA = "SCRIPT_NAME"
PREFIJO_VOILA = "/voila/render/"
# El lugar apartado por el pedido en curso: el arranque del kernel (en la misma tarea) lo suelta.
LUGAR: contextvars.ContextVar = contextvars.ContextVar("lideres_lugar", default=None)
# Se mide la memoria de los kernels una vez cada tantos ajustes de la reserva.
MEDIR_CADA = 5
# Para un celular que toma un kernel listo de la reserva: ya estaba contado, no aparta nada.
DE_LA_RESERVA = object()


def _ruta_de_script(script: str | None) -> str | None:
    if not script or PREFIJO_VOILA not in script:
        return None
    return urllib.parse.unquote(script.split(PREFIJO_VOILA, 1)[1])


def medir_proceso(pid: int) -> int | None:
    """PSS del proceso (Linux); donde no hay PSS, RSS. None si ya no existe."""
    try:
        import psutil

        proceso = psutil.Process(pid)
        try:
            return int(proceso.memory_full_info().pss)
        except (AttributeError, psutil.AccessDenied):
            return int(proceso.memory_info().rss)
    except Exception:  # el proceso terminó mientras se medía
        return None


class GestorKernels(AsyncMappingKernelManager):
    max_kernels = Integer(0, config=True, help="kernels vivos como máximo al reponer la reserva (0: sin tope)")
    arranques_simultaneos = Integer(2, config=True, help="kernels que arrancan a la vez")
    espera_tope_s = Float(0.5, config=True, help="cada cuánto se revisa si hay lugar bajo el tope")
    revisar_muertos_s = Float(3.0, config=True, help="cada cuánto se buscan kernels muertos (0: nunca)")
    presupuesto = Integer(0, config=True, help="bytes para kernels en uso más reserva (0: sin presupuesto)")
    participantes = Integer(0, config=True, help="tamaño del grupo: la reserva de una página no pasa de él")
    reserva_base = Dict(config=True, help="ruta de la página → kernels listos con nadie conectado")
    paginas_sesion = List(config=True, help="rutas de las páginas del módulo de la sesión")
    ajustar_s = Float(2.0, config=True, help="cada cuánto se mide y se ajusta la reserva (0: nunca)")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._fila: asyncio.Semaphore | None = None
        self._arrancando = 0
        self._revision = None
        self._entregados: set[str] = set()
        self._apagando: set[str] = set()
        self._ajuste = None
        self._medidos: dict[str, int] = {}  # kernel → bytes (última medición)
        self._en_uso_medidos: dict[str, dict[str, int]] = {}  # página → kernel en uso → lo más que midió
        self._ruta_de: dict[str, str] = {}  # kernel sin reserva → página que lo pidió
        self._arranques: dict[asyncio.Task, int] = {}  # arranques en curso → lo que cuentan
        self._esperando: set[asyncio.Task] = set()  # lugares de la reserva que esperan memoria
        self._entraron: set[asyncio.Task] = set()  # lugares de la reserva que ya llegaron a start_kernel
        self._apartados: dict[object, int] = {}  # lugares apartados por un pedido → lo que cuentan
        self._vueltas = 0
        self._fallidas: set[str] = set()  # páginas cuya reserva no pudo arrancar un kernel
        self._admitidos: dict[asyncio.Task, int] = {}  # lugares de la reserva que un celular tomó

    def kernels_vivos(self) -> int:
        return len(self.list_kernel_ids()) + self._arrancando

    def _en_la_reserva(self) -> bool:
        """¿La tarea actual es un lugar de la reserva que todavía nadie tomó?"""
        tarea = asyncio.current_task()
        return any(tarea in reserva for reserva in getattr(self, "_pools", {}).values())

    # ------------------------------------------------------------ reserva y presupuesto

    def _reservas(self) -> dict[str, list]:
        return getattr(self, "_pools", {})

    def _pagina_de_tarea(self, tarea) -> str | None:
        return next((r for r, reserva in self._reservas().items() if tarea in reserva), None)

    def _apagables(self, ruta: str) -> list[str]:
        """Kernels listos de la reserva de `ruta` que ya terminaron de preparar la página: se
        pueden apagar sin dejar a medias el trabajo de Voilà."""
        apagables = []
        for tarea in self._reservas().get(ruta, []):
            kernel_id = self._kernel_listo(tarea)
            preparado = tarea.done() and kernel_id and tarea.result().get("task")
            if kernel_id and (preparado is None or preparado.done()):
                apagables.append(kernel_id)
        return apagables

    @staticmethod
    def _kernel_listo(tarea) -> str | None:
        """El kernel de un lugar de la reserva ya arrancado (None si no arrancó o falló)."""
        if not tarea.done() or tarea.cancelled() or tarea.exception() is not None:
            return None
        return tarea.result().get("kernel_id")

    def _estado_reservas(self) -> dict[str, dict]:
        """Por página: kernels listos, lugares arrancando y lugares que esperan sin proceso (se
        pueden cancelar): los que esperan lugar en start_kernel y los que Voilà repuso y todavía
        no llegan a él (esperan `fill_delay`)."""
        estado = {}
        for ruta, reserva in self._reservas().items():
            listos = [k for k in (self._kernel_listo(t) for t in reserva) if k]
            esperando = [t for t in reserva if not t.done() and (t in self._esperando or t not in self._entraron)]
            arrancando = [t for t in reserva if not t.done() and t in self._entraron and t not in self._esperando]
            estado[ruta] = {"listos": listos, "arrancando": arrancando, "esperando": esperando}
        return estado

    def _ruta_del_kernel(self, kernel_id: str) -> str | None:
        ruta = self._ruta_de.get(kernel_id)
        if ruta is None and hasattr(self, "_get_notebook_from_kernel"):
            ruta = self._get_notebook_from_kernel(kernel_id)
        return ruta

    def _en_uso(self, estado: dict[str, dict] | None = None) -> dict[str, str | None]:
        """Kernels vivos que no esperan en la reserva → su página (si se sabe). `estado`: el de
        `_estado_reservas()`, si quien llama ya lo tiene."""
        estado = self._estado_reservas() if estado is None else estado
        en_reserva = {k for e in estado.values() for k in e["listos"]}
        return {k: self._ruta_del_kernel(k) for k in self.list_kernel_ids() if k not in en_reserva}

    def _estimado(self, ruta: str | None) -> int:
        """Lo mínimo que cuenta un kernel de `ruta`: lo aprendido de sus kernels en uso, si ya hay."""
        return memoria.estimado_aprendido(list(self._en_uso_medidos.get(ruta or "", {}).values()),
                                          memoria.estimado(ruta))

    def _por_tablero(self) -> int:
        """Lo que cuenta un celular más en «caben»: el tablero más pesado de la sesión."""
        tableros = [r for r in self.paginas_sesion if not r.startswith("ejercicios/")]
        return max((self._estimado(r) for r in tableros), default=memoria.ESTIMADO_TABLERO)

    def _cuenta(self, kernel_id: str) -> int:
        return memoria.cuenta_kernel(self._medidos.get(kernel_id),
                                     self._estimado(self._ruta_del_kernel(kernel_id)))

    def _cuentas(self) -> dict[str, int]:
        """Kernel vivo → lo que cuenta."""
        return {k: self._cuenta(k) for k in self.list_kernel_ids()}

    def ocupado(self, cuentas: dict[str, int] | None = None) -> int:
        """Bytes que cuentan ahora: kernels vivos (en uso y en la reserva), arranques en curso,
        lugares de la reserva a punto de arrancar y lugares apartados por un pedido. `cuentas`:
        las de `_cuentas()`, si quien llama ya las tiene."""
        total = sum((self._cuentas() if cuentas is None else cuentas).values())
        total += sum(self._arranques.values())
        # Lugares de la reserva que un celular ya tomó y todavía no llegan a arrancar su kernel. Los
        # que nadie tomó no cuentan: antes de arrancar esperan a que haya lugar (start_kernel).
        total += sum(n for t, n in self._admitidos.items() if t not in self._arranques and not t.done())
        return total + sum(self._apartados.values())

    def cabida(self) -> dict:
        """Presupuesto, uso y cuántos celulares más caben en la versión completa (la portada y la
        página de quien facilita lo muestran)."""
        self._vigilar_muertos()
        # Cada portada que se abre la pide: se mira la reserva y se cuenta cada kernel una sola vez.
        estado = self._estado_reservas()
        cuentas = self._cuentas()
        en_uso = self._en_uso(estado)
        bytes_en_uso = sum(cuentas[k] for k in en_uso) + sum(self._apartados.values())
        reserva = sum(len(e["listos"]) + len(e["arrancando"]) for e in estado.values())
        return {
            "presupuesto": self.presupuesto,
            "en_uso": bytes_en_uso,
            "ocupado": self.ocupado(cuentas),
            "kernels_en_uso": len(en_uso),
            "kernels_en_reserva": reserva,
            "caben": memoria.caben(self.presupuesto, bytes_en_uso, self._por_tablero()) if self.presupuesto else None,
        }

    def _reserva_completa(self, ruta: str | None) -> bool:
        """¿La reserva de `ruta` ya llega a su objetivo sin contar los lugares que esperan?

        Voilà repone un lugar apenas un celular toma un kernel, con el objetivo que `_ajustar` fijó
        hasta `ajustar_s` antes. Mientras la sala se llena ese lugar sobra: si arrancaba, el ajuste
        apagaba en su lugar un kernel ya preparado, y los últimos en llegar recibían kernels a medio
        preparar (benchmarks/carga.py --tablero 07: páginas de 38 s). Ahora espera sin arrancar y el
        ajuste lo cancela; si un celular lo toma, arranca enseguida."""
        if not ruta:
            return False
        estado = self._estado_reservas()
        objetivo = self.objetivos(estado).get(ruta)
        if objetivo is None:  # una página sin reserva propia: manda Voilà
            return False
        e = estado.get(ruta, {"listos": [], "arrancando": []})
        return len(e["listos"]) + len(e["arrancando"]) >= objetivo

    def _hay_lugar(self, por_kernel: int) -> bool:
        return self.presupuesto <= 0 or self.ocupado() + por_kernel <= self.presupuesto

    async def apartar_lugar(self, ruta: str):
        """Antes de servir la versión completa de `ruta` a un celular: un lugar en el presupuesto.

        DE_LA_RESERVA si hay un kernel de la reserva para ella (ya contado); un lugar apartado (se
        suelta al arrancar su kernel o con `soltar_lugar`); None si no cabe ni cediendo la reserva
        de otra página."""
        self._vigilar_muertos()
        por_kernel = self._estimado(ruta)
        if not self._primero_el_contado(ruta):
            if not self._hay_lugar(por_kernel):
                await self._ceder_reserva(por_kernel)
            if not self._hay_lugar(por_kernel):
                return None
            # Voilà usa la reserva solo si ya preparó la página una vez (notebook_data).
            preparada = ruta in (getattr(self, "notebook_data", None) or {})
            reserva = self._reservas().get(ruta) if preparada else None
            if not reserva or self._primero_el_contado(ruta):
                lugar = object()  # sin reserva: Voilà arranca un kernel para este pedido
                self._apartados[lugar] = por_kernel
                return lugar
            # Voilà le dará el primer lugar de la reserva, que todavía no arrancó: desde ya cuenta.
            self._admitidos[reserva[0]] = por_kernel
        return DE_LA_RESERVA

    def _primero_el_contado(self, ruta: str) -> bool:
        """Ordena la reserva de `ruta` para que Voilà (que toma el primero) entregue un kernel listo o
        uno que ya está contado en el presupuesto; dice si hay alguno así."""
        reserva = self._reservas().get(ruta)
        if not reserva:
            return False

        def contado(t) -> bool:
            return self._kernel_listo(t) is not None or t in self._arranques or t in self._admitidos

        reserva.sort(key=lambda t: (self._kernel_listo(t) is None, not contado(t)))
        return contado(reserva[0])

    def soltar_lugar(self, lugar) -> None:
        self._apartados.pop(lugar, None)

    async def _ceder_reserva(self, necesita: int) -> None:
        """Apaga kernels listos de la reserva (de la página con más) hasta que quepa `necesita`."""
        while not self._hay_lugar(necesita):
            apagables = {r: self._apagables(r) for r in self._reservas()}
            ruta = max(apagables, key=lambda r: len(apagables[r]), default=None)
            if ruta is None or not apagables[ruta]:
                return
            kernel_id = apagables[ruta][-1]
            self._quitar_de_la_reserva(ruta, kernel_id)
            self.log.info("Presupuesto de memoria: se apaga un kernel de la reserva de %s para un celular", ruta)
            await self.shutdown_kernel(kernel_id, now=True)

    def _quitar_de_la_reserva(self, ruta: str, kernel_id: str) -> None:
        reserva = self._reservas().get(ruta, [])
        for tarea in list(reserva):
            if self._kernel_listo(tarea) == kernel_id:
                reserva.remove(tarea)

    def _paginas(self, en_uso: dict[str, str | None]) -> list[memoria.Pagina]:
        usos: dict[str, int] = {}
        for ruta in en_uso.values():
            if ruta:
                usos[ruta] = usos.get(ruta, 0) + 1
        # Solo las páginas con reserva (tableros y ejercicios): una lección abierta con Voilà no.
        rutas = set(self.reserva_base)
        return [memoria.Pagina(ruta=r, base=int(self.reserva_base.get(r, 0)), en_uso=usos.get(r, 0),
                               de_la_sesion=r in self.paginas_sesion, por_kernel=self._estimado(r))
                for r in sorted(rutas)]

    def objetivos(self, estado: dict[str, dict] | None = None) -> dict[str, int]:
        """Cuántos kernels listos quiere ahora cada página, dentro del presupuesto. `estado`: el de
        `_estado_reservas()`, si quien llama ya lo tiene."""
        en_uso = self._en_uso(estado)
        bytes_en_uso = sum(self._cuenta(k) for k in en_uso) + sum(self._apartados.values())
        libre = self.presupuesto - bytes_en_uso if self.presupuesto > 0 else 1 << 62
        participantes = self.participantes or 1 << 30
        return memoria.repartir(self._paginas(en_uso), libre, participantes)

    async def _ajustar(self) -> None:
        """Mide, y lleva la reserva de cada página a su objetivo (crece o baja)."""
        # Medir lee /proc de cada kernel: una vez de cada MEDIR_CADA ajustes (con 30 kernels en 2
        # núcleos, no cada 2 s). Entre medición y medición, cada kernel cuenta al menos su estimación.
        self._vueltas += 1
        if self._vueltas % MEDIR_CADA == 1 or MEDIR_CADA <= 1:
            await self._medir()
        if not hasattr(self, "fill_if_needed"):
            return  # sin precalentado (--precalentados 0): solo el presupuesto de los pedidos
        for ruta, reserva in self._reservas().items():
            for tarea in [t for t in reserva if t.done() and (t.cancelled() or t.exception() is not None)]:
                # Un kernel que no arrancó: fuera de la reserva (si no, un celular lo tomaría).
                # No se vuelve a llenar sola (un cuaderno roto arrancaría kernels cada 2 s).
                self.log.warning("Reserva de %s: un kernel no arrancó; se quita y no se repone", ruta)
                reserva.remove(tarea)
                self._fallidas.add(ruta)
        estado = self._estado_reservas()
        for ruta, objetivo in self.objetivos(estado).items():
            e = estado.get(ruta, {"listos": [], "arrancando": [], "esperando": []})
            config = self.kernel_pools_config.setdefault(ruta, {})
            config["pool_size"] = objetivo
            arrancar, cancelar, apagar = memoria.cambios(
                len(e["listos"]), len(e["arrancando"]), len(e["esperando"]), objetivo)
            if arrancar and ruta not in self._fallidas:
                self.log.info("Reserva de %s: %s kernel(s) más (objetivo %s)", ruta, arrancar, objetivo)
                self.fill_if_needed(delay=0, notebook_name=ruta)
            for tarea in e["esperando"][len(e["esperando"]) - cancelar:]:
                self._reservas()[ruta].remove(tarea)
                tarea.cancel()
            apagables = self._apagables(ruta)
            for kernel_id in apagables[len(apagables) - apagar:] if apagar else []:
                self.log.info("Reserva de %s: se apaga un kernel que sobra (objetivo %s)", ruta, objetivo)
                self._quitar_de_la_reserva(ruta, kernel_id)
                await self.shutdown_kernel(kernel_id, now=True)

    async def _medir(self) -> None:
        pids = {}
        for kernel_id in list(self.list_kernel_ids()):
            try:
                pid = getattr(getattr(self.get_kernel(kernel_id), "provisioner", None), "pid", None)
            except KeyError:
                continue
            if pid:
                pids[kernel_id] = pid
        loop = asyncio.get_running_loop()
        medidos = await loop.run_in_executor(None, lambda: {k: medir_proceso(p) for k, p in pids.items()})
        self._medidos = {k: v for k, v in medidos.items() if v}
        # Un kernel en uso ya armó su tablero: lo que mide es lo que ocupa esa página de verdad.
        for kernel_id, ruta in self._en_uso().items():
            if ruta and self._medidos.get(kernel_id):
                de_la_pagina = self._en_uso_medidos.setdefault(ruta, {})
                de_la_pagina[kernel_id] = max(de_la_pagina.get(kernel_id, 0), self._medidos[kernel_id])

    # ------------------------------------------------------------ arranques

    async def start_kernel(self, *args, **kwargs):
        entorno = kwargs.get("env") or {}
        de_reserva = entorno.get(VARIABLE_PRECALENTADO) == "True"
        tarea = asyncio.current_task()
        ruta = self._pagina_de_tarea(tarea) if de_reserva else _ruta_de_script(entorno.get(VARIABLE_RUTA))
        por_kernel = self._estimado(ruta)
        if de_reserva:
            self._entraron.add(tarea)
            tarea.add_done_callback(self._entraron.discard)
            # Un lugar de la reserva arranca solo si hay lugar bajo el tope y en el presupuesto; mientras
            # espera no ocupa nada. Si un celular lo toma (deja la reserva), arranca enseguida.
            self._esperando.add(tarea)
            try:
                while tarea not in self._admitidos and self._en_la_reserva() and (
                    (self.max_kernels > 0 and self.kernels_vivos() >= self.max_kernels)
                    or not self._hay_lugar(por_kernel)
                    or self._reserva_completa(ruta)
                ):
                    await asyncio.sleep(self.espera_tope_s)
            finally:
                self._esperando.discard(tarea)
        if self._fila is None:
            self._fila = asyncio.Semaphore(max(1, self.arranques_simultaneos))
        self._vigilar_muertos()
        self._arrancando += 1
        self._arranques[tarea] = por_kernel
        self.soltar_lugar(LUGAR.get())  # el pedido que apartó este lugar: desde ahora cuenta el arranque
        try:
            async with self._fila:
                kernel_id = await super().start_kernel(*args, **kwargs)
            if ruta and not de_reserva:
                self._ruta_de[kernel_id] = ruta
            return kernel_id
        finally:
            self._arrancando -= 1
            self._arranques.pop(tarea, None)
            self._admitidos.pop(tarea, None)

    async def cull_kernel_if_idle(self, kernel_id: str):
        # Un kernel que todavía arranca (de la reserva o para una página) no tiene hora de actividad:
        # no está inactivo ni entregado. Leerla fallaba con TraitError y dejaba una traza (CI, 08-12).
        kernel = self._kernels.get(kernel_id)
        if kernel is None or not _ya_arranco(kernel):
            return None
        # Voilà (la subclase) ya volvió antes de llegar aquí si el kernel sigue en la reserva: la
        # primera vez que uno llega aquí acaba de entregarse a una página (o se arrancó para ella).
        if kernel_id not in self._entregados:
            self._entregados.add(kernel_id)
            kernel.last_activity = max(kernel.last_activity, utcnow())
            return None
        return await super().cull_kernel_if_idle(kernel_id)

    async def shutdown_kernel(self, kernel_id: str, *args, **kwargs):
        # Dos caminos pueden apagar el mismo kernel a la vez: la página que se cierra, la pasada de
        # inactivos y la revisión de muertos. El segundo no tiene nada que hacer; antes fallaba con
        # «404: Kernel does not exist» y dejaba una traza en el registro de un día normal.
        if kernel_id in self._apagando or kernel_id not in self:
            self.log.debug("Kernel %s: ya se está apagando o ya no existe", kernel_id)
            return None
        self._apagando.add(kernel_id)
        self._entregados.discard(kernel_id)
        self._ruta_de.pop(kernel_id, None)
        self._medidos.pop(kernel_id, None)
        try:
            return await super().shutdown_kernel(kernel_id, *args, **kwargs)
        finally:
            self._apagando.discard(kernel_id)

    def _vigilar_muertos(self) -> None:
        from tornado.ioloop import PeriodicCallback

        if self._ajuste is None and self.ajustar_s > 0:
            self._ajuste = PeriodicCallback(self._ajustar_sin_traza, self.ajustar_s * 1000)
            self._ajuste.start()
        if self._revision is not None or self.revisar_muertos_s <= 0:
            return
        self._revision = PeriodicCallback(self._quitar_muertos, self.revisar_muertos_s * 1000)
        self._revision.start()

    async def _ajustar_sin_traza(self) -> None:
        try:
            await self._ajustar()
        except Exception:  # un ajuste fallido no debe detener los siguientes
            self.log.warning("No se pudo ajustar la reserva", exc_info=True)

    async def _quitar_muertos(self) -> None:
        for kernel_id in list(self.list_kernel_ids()):
            try:
                km = self.get_kernel(kernel_id)
                vivo = await km.is_alive()
            except KeyError:
                continue
            # Uno que se está apagando (la pasada de inactivos, la página que se cerró) ya no
            # responde y parecía muerto: el registro decía «murió» de un kernel apagado a propósito.
            if not vivo and kernel_id in self and kernel_id not in self._apagando:
                self.log.warning("Kernel %s murió: se quita (no se reinicia)", kernel_id)
                try:
                    await self.shutdown_kernel(kernel_id, now=True)
                except Exception:  # ya se estaba quitando
                    self.log.debug("al quitar %s", kernel_id, exc_info=True)


def _ya_arranco(kernel) -> bool:
    """¿Tiene el kernel su hora de última actividad? jupyter_server la pone al terminar de arrancarlo;
    antes, leerla lanza TraitError (no AttributeError), así que `hasattr` no basta."""
    try:
        kernel.last_activity  # noqa: B018 (solo se mira si se puede leer)
    except (AttributeError, TraitError):
        return False
    return True
