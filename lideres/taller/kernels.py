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
- **Sin revivir**: un kernel que muere (sin memoria, por ejemplo) no se reinicia, porque uno
  reiniciado no tiene los widgets del tablero y la página quedaría mostrando datos viejos sin
  decir nada. Se apaga y se quita (`autorestart` desactivado en la configuración); la página ve
  que su kernel ya no existe y ofrece volver a cargar.

Este módulo importa jupyter_server: solo lo carga Voilà al iniciar el servidor.
"""

from __future__ import annotations

import asyncio

from jupyter_server._tz import utcnow
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Float, Integer

# Variable que Voilà pone en el entorno de los kernels de la reserva (ENV_VARIABLE.VOILA_PREHEAT).
VARIABLE_PRECALENTADO = "VOILA_PREHEAT"


class GestorKernels(AsyncMappingKernelManager):
    max_kernels = Integer(0, config=True, help="kernels vivos como máximo al reponer la reserva (0: sin tope)")
    arranques_simultaneos = Integer(2, config=True, help="kernels que arrancan a la vez")
    espera_tope_s = Float(0.5, config=True, help="cada cuánto se revisa si hay lugar bajo el tope")
    revisar_muertos_s = Float(3.0, config=True, help="cada cuánto se buscan kernels muertos (0: nunca)")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._fila: asyncio.Semaphore | None = None
        self._arrancando = 0
        self._revision = None
        self._entregados: set[str] = set()
        self._apagando: set[str] = set()

    def kernels_vivos(self) -> int:
        return len(self.list_kernel_ids()) + self._arrancando

    def _en_la_reserva(self) -> bool:
        """¿La tarea actual es un lugar de la reserva que todavía nadie tomó?"""
        tarea = asyncio.current_task()
        return any(tarea in reserva for reserva in getattr(self, "_pools", {}).values())

    async def start_kernel(self, *args, **kwargs):
        entorno = kwargs.get("env") or {}
        de_reserva = entorno.get(VARIABLE_PRECALENTADO) == "True"
        if de_reserva and self.max_kernels > 0:
            while self.kernels_vivos() >= self.max_kernels and self._en_la_reserva():
                await asyncio.sleep(self.espera_tope_s)
        if self._fila is None:
            self._fila = asyncio.Semaphore(max(1, self.arranques_simultaneos))
        self._vigilar_muertos()
        self._arrancando += 1
        try:
            async with self._fila:
                return await super().start_kernel(*args, **kwargs)
        finally:
            self._arrancando -= 1

    async def cull_kernel_if_idle(self, kernel_id: str):
        # Voilà (la subclase) ya volvió antes de llegar aquí si el kernel sigue en la reserva: la
        # primera vez que uno llega aquí acaba de entregarse a una página (o se arrancó para ella).
        if kernel_id not in self._entregados:
            self._entregados.add(kernel_id)
            kernel = self._kernels.get(kernel_id)
            if kernel is not None and hasattr(kernel, "last_activity"):
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
        try:
            return await super().shutdown_kernel(kernel_id, *args, **kwargs)
        finally:
            self._apagando.discard(kernel_id)

    def _vigilar_muertos(self) -> None:
        if self._revision is not None or self.revisar_muertos_s <= 0:
            return
        from tornado.ioloop import PeriodicCallback

        self._revision = PeriodicCallback(self._quitar_muertos, self.revisar_muertos_s * 1000)
        self._revision.start()

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
