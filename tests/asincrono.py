"""Correr una corrutina desde una prueba.

En un trabajador de pytest puede haber ya un bucle de asyncio corriendo en el hilo principal: la
API síncrona de Playwright deja el suyo mientras dura la sesión del navegador (una prueba en
Chromium que tocó antes a ese trabajador). Ahí `asyncio.run` falla («cannot be called from a
running event loop»), y falla o no según cómo reparta xdist los módulos. Por eso las pruebas
nunca lo llaman directamente (`tests/test_estructura.py` lo revisa): usan `correr`.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor


def correr(corrutina, limite_s: float | None = None):
    """El resultado de `corrutina`, en su propio hilo y con su propio bucle."""
    with ThreadPoolExecutor(max_workers=1) as hilo:
        return hilo.submit(asyncio.run, corrutina).result(timeout=limite_s)
