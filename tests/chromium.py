"""Chromium de Debian para las pruebas en navegador y el benchmark del tablero.

Nunca `playwright install`: el navegador es el paquete de Debian, sin nada que hable con internet
por su cuenta.
"""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
ARGUMENTOS_CHROMIUM = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
