"""Módulo 09 en Chromium a 360 × 640: subir cada archivo del corpus (y los oficiales de SIDPOL) en el
tablero de Voilà de verdad, ver su resumen y su gráfico o su mensaje en español; y después de
cerrar la página, que el servidor no guarde ninguna copia (ni en el proyecto, ni en la carpeta
temporal, ni en la de Jupyter)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from lideres import rutas
from lideres.taller.proceso import ServidorTaller

pytestmark = [pytest.mark.lento, pytest.mark.navegador]

ARCHIVOS = Path(__file__).parent.parent / "archivos"
MARCA = "MarcaUnicaDeLaPrueba09"
JS_SIN_SCROLL = "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
TABLERO = "/voila/render/tableros/09_tus_datos.ipynb"


def _archivos(carpeta: Path) -> dict[str, float]:
    vistos = {}
    for raiz, dirs, nombres in os.walk(carpeta):
        dirs[:] = [d for d in dirs if d not in (".git", "__pycache__", ".pytest_cache", ".ruff_cache")]
        for nombre in nombres:
            ruta = Path(raiz) / nombre
            try:
                vistos[str(ruta)] = ruta.stat().st_mtime
            except OSError:
                pass
    return vistos


def _con_marca(rutas_: list[str]) -> list[str]:
    encontrados = []
    for ruta in rutas_:
        try:
            if MARCA.encode() in Path(ruta).read_bytes():
                encontrados.append(ruta)
        except OSError:
            pass
    return encontrados


@pytest.fixture
def servidor_09(ruta_chromium, tmp_path, monkeypatch):
    temporal, runtime = tmp_path / "tmp", tmp_path / "runtime"
    temporal.mkdir()
    runtime.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporal))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(runtime))
    s = ServidorTaller(sin_libro=True, precalentados=0)
    s.iniciar()
    yield s, temporal, runtime
    s.detener()


def test_subir_archivos_en_el_celular_sin_dejar_copia(navegador, servidor_09, vigilar, tmp_path):
    servidor, temporal, runtime = servidor_09
    marcado = tmp_path / "cuaderno_marcado.csv"
    marcado.write_text(f"fecha;tipo;distrito\n05/03/2025;{MARCA};Comas\n06/03/2025;Robo;Comas\n",
                       encoding="utf-8")
    buenos = [*sorted((ARCHIVOS / "revisar").glob("bueno_*")),
              *[p for p in sorted((ARCHIVOS / "sidpol").glob("sintetico_*")) if "titulos_propios" not in p.name]]
    malos = sorted((ARCHIVOS / "revisar").glob("malo_*"))

    contexto = navegador.new_context(locale="es-PE", viewport={"width": 360, "height": 640},
                                     device_scale_factor=2, is_mobile=True, has_touch=True)
    v = vigilar(contexto)
    page = v.page
    page.goto(servidor.url(TABLERO))
    boton = ".lideres-tablero-m09 .lideres-control-subida button"
    page.wait_for_selector(boton, timeout=120_000)
    antes = {c: _archivos(c) for c in (rutas.RAIZ, temporal, runtime)}

    def subir(ruta: Path) -> str:
        page.evaluate("() => document.querySelectorAll('.lideres-m09-resultado, .lideres-m09-error')"
                      ".forEach(e => e.remove())")
        with page.expect_file_chooser() as eleccion:  # como en el celular: tocar el botón y elegir
            page.click(boton)
        eleccion.value.set_files(str(ruta))
        page.wait_for_selector(".lideres-m09-resultado, .lideres-m09-error", timeout=60_000)
        return page.inner_text(".lideres-tablero-m09")

    for ruta in [marcado, *buenos]:
        texto = subir(ruta)
        assert "Filas leídas:" in texto and "No se pudo usar" not in texto, ruta.name
        page.wait_for_selector(".lideres-tablero-m09 figure img", timeout=60_000)
        ancho, visible = page.evaluate(JS_SIN_SCROLL)
        assert ancho <= visible, f"scroll horizontal con {ruta.name}: {ancho} > {visible}"
        page.wait_for_selector(".lideres-descargas a[download]", timeout=60_000)
        assert page.locator(".lideres-descargas a[download]").count() == 2
    v.captura("m09_bueno")
    from tests.navegador.test_navegador_modulos import _axe_graves

    graves = _axe_graves(page)
    assert not graves, "axe-core:\n" + "\n".join(graves)
    for ruta in malos:
        texto = subir(ruta)
        assert "No se pudo usar este archivo" in texto and "Cómo arreglarlo" in texto, ruta.name
        assert "Traceback" not in texto
    contexto.close()

    despues = {c: _archivos(c) for c in (rutas.RAIZ, temporal, runtime)}
    for carpeta in despues:
        nuevos = [r for r, t in despues[carpeta].items() if antes[carpeta].get(r) != t]
        assert not _con_marca(nuevos), f"quedó una copia del archivo en {carpeta}"
        if carpeta != rutas.RAIZ:  # la carpeta temporal y la de Jupyter: nada nuevo
            assert not [r for r in nuevos if not r.endswith(".json")], nuevos
    assert not _con_marca(list(despues[temporal]) + list(despues[runtime]))
    assert v.externos() == [] and v.bloqueados == []
    shutil.rmtree(temporal, ignore_errors=True)


@pytest.mark.parametrize("ruta, listo", [
    ("/voila/render/tableros/08_datos_responsables.ipynb", ".lideres-tablero-m08 figure img"),
    ("/voila/render/tableros/10_del_dato_a_la_accion.ipynb", ".lideres-tablero-m10 a[download]"),
])
def test_tableros_08_y_10_en_el_celular(navegador, servidor_09, vigilar, ruta, listo):
    from tests.navegador.test_navegador_modulos import _axe_graves

    servidor, _, _ = servidor_09
    contexto = navegador.new_context(locale="es-PE", viewport={"width": 360, "height": 640},
                                     device_scale_factor=2, is_mobile=True, has_touch=True)
    v = vigilar(contexto)
    page = v.page
    page.goto(servidor.url(ruta))
    page.wait_for_selector(listo, timeout=120_000)
    texto = page.inner_text("body")
    assert "Traceback" not in texto and "Fuente" in texto
    ancho, visible = page.evaluate(JS_SIN_SCROLL)
    v.captura(Path(ruta).stem)
    assert ancho <= visible, f"scroll horizontal: {ancho} > {visible}"
    bajos = page.evaluate(
        """() => Array.from(document.querySelectorAll(
              '.lideres-control button, .lideres-control input, .lideres-control select'))
            .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 43.5)
            .map(e => e.outerHTML.slice(0, 80))""")
    assert not bajos, f"controles de menos de 44 px: {bajos}"
    graves = _axe_graves(page)
    assert not graves, "axe-core:\n" + "\n".join(graves)
    assert v.externos() == [] and v.bloqueados == []
    contexto.close()
