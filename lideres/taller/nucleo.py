"""El kernel de las páginas del taller: el de ipykernel, sin depurador ni historial.

`lideres taller` lo usa en lugar del kernel «python3» de siempre (la especificación está en
`jupyter/kernels/python3/kernel.json`, en la ruta de Jupyter que agrega el servidor). En la sala
hay un kernel por celular, así que lo que cada uno carga sin usar se paga 30 veces:

- **debugpy**: ipykernel lo importa al nacer si está instalado (para el depurador de JupyterLab),
  ~8 MB por kernel. Nadie depura un tablero en un celular.
- **historial de IPython** (`--HistoryManager.enabled=False` en kernel.json): una base SQLite en
  ~/.ipython y un hilo que escribe en ella; 30 kernels escribiendo en el mismo archivo.
- **jedi** (`--IPCompleter.use_jedi=False`): el autocompletado nunca se pide desde una página.
- **`MALLOC_ARENA_MAX=2`** (en el `env` de kernel.json, solo para estos kernels): glibc da a cada
  hilo su propia reserva de memoria; con 30 kernels en 2 núcleos los mensajes se acumulan en los
  hilos de ipykernel y zmq, y un kernel llegó a 225 MB en vez de ~120 (benchmarks/README.md).

Y una traza menos en el registro del taller: al apagarse, ipykernel 7.4 vacía stderr y publica
«idle» después de responder al pedido de apagado, cuando el hilo de IOPub ya cerró sus sockets
(pyzmq: «Socket operation on non-socket», ENOTSOCK). `NucleoTaller` deja pasar solo ese error, solo
al terminar un pedido de control (ipykernel arregló la misma carrera en `_really_send`, su PR #1518,
pero no en este camino).

Nada de esto cambia al importar este módulo: solo al correrlo como programa (`python -m`).
"""

from __future__ import annotations

import sys
from pathlib import Path


def clase_nucleo():
    """El kernel de ipykernel sin la traza de ENOTSOCK al apagarse (se arma al usarla: importar
    ipykernel tarda)."""
    import logging

    import zmq
    from ipykernel.ipkernel import IPythonKernel

    class NucleoTaller(IPythonKernel):
        async def process_control(self, msg):
            try:
                await super().process_control(msg)
            except zmq.ZMQError as e:
                if e.errno != zmq.ENOTSOCK:
                    raise
                # Tras responder al pedido de apagado, ipykernel vacía stderr y publica «idle» en
                # sockets ya cerrados: el kernel se está apagando y nadie espera eso.
                logging.getLogger(__name__).debug("IOPub cerrado al terminar un pedido de control: %s", e)

    return NucleoTaller


def main() -> None:
    # Como ipykernel_launcher: la carpeta actual fuera de sys.path mientras se carga el kernel.
    if sys.path and (sys.path[0] == "" or Path(sys.path[0]) == Path.cwd()):
        del sys.path[0]
    # `import debugpy` da ImportError: ipykernel sigue sin depurador (lo admite así).
    sys.modules["debugpy"] = None  # type: ignore[assignment]
    from ipykernel import kernelapp

    kernelapp.launch_new_instance(kernel_class=clase_nucleo())


if __name__ == "__main__":
    main()
