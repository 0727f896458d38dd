"""Pruebas en Chromium real (Debian, /usr/bin/chromium) contra un servidor del taller de verdad.

Una sola construcción del libro y un solo servidor por sesión. Cada página se vigila: se anota cada
pedido (ninguno debe salir de esta computadora; los que lo intenten se bloquean y se anotan) y cada
error de la consola del navegador.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from lideres.taller.proceso import ServidorTaller
from tests.chromium import ARGUMENTOS_CHROMIUM, CHROMIUM
from tests.navegador.ayudas import escuchar

HOSTS_LOCALES = {"127.0.0.1", "localhost"}
# Carpeta para capturas de pantalla al revisar a mano: LIDERES_CAPTURAS=/tmp/capturas pytest ...
CAPTURAS = os.environ.get("LIDERES_CAPTURAS")


@pytest.fixture(scope="session")
def ruta_chromium() -> str:
    if not CHROMIUM.exists():
        mensaje = (
            "Falta /usr/bin/chromium: las pruebas en navegador no pueden correr. "
            "`make test` la instala cuando hay permisos (apt-get install chromium)."
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(mensaje + " En CI esto es un error.")
        pytest.skip(mensaje)
    return str(CHROMIUM)


@pytest.fixture(scope="session")
def servidor(ruta_chromium, libro_html):
    s = ServidorTaller(sin_libro=True, precalentados=1)
    s.iniciar()
    yield s
    codigo = s.detener()
    assert codigo == 0, "el servidor no se detuvo limpio:\n" + s.texto_salida()


@pytest.fixture(scope="session")
def navegador(ruta_chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=ruta_chromium, headless=True, args=ARGUMENTOS_CHROMIUM)
        yield b
        b.close()


@dataclass
class Vigilancia:
    page: object
    pedidos: list[str] = field(default_factory=list)
    bloqueados: list[str] = field(default_factory=list)
    errores: list[str] = field(default_factory=list)
    # De dónde vino cada error de la consola (el texto de Chromium no dice qué pedido falló).
    donde: list[str] = field(default_factory=list)
    otras_versiones: list[str] = field(default_factory=list)
    # «Could not send widget sync message» de una página que empezó a irse: si se fue, no cuenta
    # (`al_irse`); si sigue ahí, sí (`sin_irse`). Ver `ayudas.escuchar`.
    al_irse: list[str] = field(default_factory=list)
    sin_irse: list[str] = field(default_factory=list)

    def externos(self) -> list[str]:
        return [u for u in self.pedidos if not es_local(u)]

    def revisar(self) -> None:
        """Nada salió de la computadora y la consola no tiene errores."""
        assert self.pedidos, "no se registró ningún pedido"
        assert self.externos() == [], f"pedidos fuera de la computadora: {self.externos()}"
        assert self.bloqueados == [], f"se intentó salir de la computadora: {self.bloqueados}"
        assert self.errores + self.sin_irse == [], f"errores en la consola del navegador: {self.errores + self.sin_irse}"

    def captura(self, nombre: str) -> None:
        if CAPTURAS:
            Path(CAPTURAS).mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(Path(CAPTURAS) / f"{nombre}.png"), full_page=True)


def es_local(url: str) -> bool:
    p = urlparse(url)
    if p.scheme in ("data", "blob", "about"):
        return True
    return (p.hostname or "") in HOSTS_LOCALES


def _vigilar(contexto) -> Vigilancia:
    page = contexto.new_page()
    v = Vigilancia(page)

    def filtrar(route):
        if es_local(route.request.url):
            route.continue_()
        else:
            v.bloqueados.append(route.request.url)
            route.abort()

    contexto.route("**/*", filtrar)
    escuchar(page, v)
    page.set_default_timeout(90_000)
    return v


@pytest.fixture
def pagina(navegador, servidor):
    contexto = navegador.new_context(locale="es-PE", viewport={"width": 1280, "height": 900})
    yield _vigilar(contexto)
    contexto.close()


@pytest.fixture
def celular(navegador, servidor):
    contexto = navegador.new_context(
        locale="es-PE", viewport={"width": 360, "height": 640}, device_scale_factor=2,
        is_mobile=True, has_touch=True,
    )
    yield _vigilar(contexto)
    contexto.close()


@pytest.fixture
def vigilar():
    """Para pruebas con su propio servidor: `v = vigilar(contexto)` vigila una página nueva."""
    return _vigilar
