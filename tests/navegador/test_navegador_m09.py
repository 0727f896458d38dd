"""Módulo 09 en Chromium a 360 × 640: subir cada archivo del corpus (y los oficiales de SIDPOL) en el
tablero de Voilà de verdad, ver su resumen y su gráfico o su mensaje en español; y después de
cerrar la página, que el servidor no guarde ninguna copia (ni en el proyecto, ni en la carpeta
temporal, ni en la de Jupyter). Lo mismo con el registro que se sube en el tablero del 10 para su
ficha de una página."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lideres import rutas
from lideres.taller.proceso import ServidorTaller
from tests.navegador import ayudas
from tests.navegador.ayudas import JS_SIN_SCROLL

pytestmark = [pytest.mark.lento, pytest.mark.navegador]

ARCHIVOS = Path(__file__).parent.parent / "archivos"
MARCA = "MarcaUnicaDeLaPrueba09"
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


@pytest.fixture(scope="module")
def servidor_09(ruta_chromium, tmp_path_factory):
    """Un servidor para las pruebas del módulo (cada una mira qué archivos aparecen mientras corre),
    con su carpeta temporal y la de Jupyter propias: se ve si ahí queda una copia de lo subido."""
    carpeta = tmp_path_factory.mktemp("m09")
    temporal, runtime = carpeta / "tmp", carpeta / "runtime"
    temporal.mkdir()
    runtime.mkdir()
    s = ServidorTaller(carpeta=carpeta / "registro", sin_libro=True, precalentados=0)
    with pytest.MonkeyPatch.context() as cambios:  # las hereda el servidor, y de él los kernels
        cambios.setenv("TMPDIR", str(temporal))
        cambios.setenv("JUPYTER_RUNTIME_DIR", str(runtime))
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

    contexto = ayudas.celular(navegador)
    v = vigilar(contexto)
    page = v.page
    page.goto(servidor.url(TABLERO))
    boton = ".lideres-tablero-m09 .lideres-control-subida button"
    page.wait_for_selector(boton, timeout=120_000)
    antes = {c: _archivos(c) for c in (rutas.RAIZ, temporal, runtime)}

    def subir(ruta: Path) -> str:
        page.evaluate("() => document.querySelectorAll('.lideres-m09-resultado, .lideres-m09-error')"
                      ".forEach(e => e.remove())")
        ayudas.elegir_archivo(page, boton, ruta)
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
    graves = ayudas.axe_graves(page)
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


def test_archivo_demasiado_grande_no_se_envia_y_la_pagina_sigue(navegador, servidor_09, vigilar, tmp_path):
    """Pasado el límite del servidor, FileUpload cortaría la conexión sin explicar nada: el navegador
    revisa el tamaño antes de enviar y dice lo mismo que `lideres datos revisar`. Luego la página
    sigue viva: un archivo bueno se revisa. También la página de inicio ofrece la plantilla y el
    formulario en papel (se arman en memoria)."""
    from lideres.revisar.lectura import MAX_BYTES
    from lideres.taller import servidor as srv

    servidor, _, _ = servidor_09
    grande = tmp_path / "grande.csv"
    fila = b"05/03/2025;Robo;Comas\n"
    grande.write_bytes(b"fecha;tipo;distrito\n" + fila * ((srv.MAX_MENSAJE_WEBSOCKET + 1024 * 1024) // len(fila)))
    assert grande.stat().st_size > srv.MAX_MENSAJE_WEBSOCKET > MAX_BYTES
    contexto = navegador.new_context(locale="es-PE", viewport={"width": 360, "height": 640},
                                     is_mobile=True, has_touch=True)
    v = vigilar(contexto)
    page = v.page
    page.goto(servidor.url("/"))
    enlaces = page.locator("[data-modulo='09_tus_datos'] a.lideres-descarga")
    assert enlaces.count() == 2
    for i, inicio in ((0, b"PK"), (1, b"%PDF")):
        respuesta = page.request.get(servidor.url(enlaces.nth(i).get_attribute("href")))
        assert respuesta.ok and respuesta.body()[:4].startswith(inicio)
        assert "attachment" in respuesta.headers["content-disposition"]
    page.goto(servidor.url(TABLERO))
    boton = ".lideres-tablero-m09 .lideres-control-subida button"
    page.wait_for_selector(boton, timeout=120_000)
    ayudas.elegir_archivo(page, boton, grande)
    aviso = page.wait_for_selector(".lideres-subida-aviso", timeout=30_000)
    texto = aviso.inner_text()
    assert "demasiado grande" in texto and "No se envió" in texto and "Cómo arreglarlo" in texto
    bueno = sorted((ARCHIVOS / "revisar").glob("bueno_*"))[0]
    ayudas.elegir_archivo(page, boton, bueno)
    page.wait_for_selector(".lideres-m09-resultado", timeout=60_000)
    assert "Filas leídas:" in page.inner_text(".lideres-tablero-m09")
    assert not page.locator(".lideres-subida-aviso").is_visible()
    page.wait_for_selector(".lideres-tablero-m09 figure img", timeout=60_000)
    from tests.navegador.test_navegador_modulos import JS_FIGURAS_SIN_FUENTE

    figuras, sin_fuente = page.evaluate(JS_FIGURAS_SIN_FUENTE)
    assert figuras >= 1 and not sin_fuente, sin_fuente
    contexto.close()
    assert v.externos() == [] and v.bloqueados == []


@pytest.mark.parametrize("ruta, listo", [
    ("/voila/render/tableros/08_datos_responsables.ipynb", ".lideres-tablero-m08 figure img"),
    ("/voila/render/tableros/10_del_dato_a_la_accion.ipynb", ".lideres-tablero-m10 a[download]"),
])
def test_tableros_08_y_10_en_el_celular(navegador, servidor_09, vigilar, ruta, listo):
    servidor, _, _ = servidor_09
    contexto = ayudas.celular(navegador)
    v = vigilar(contexto)
    page = v.page
    page.goto(servidor.url(ruta))
    page.wait_for_selector(listo, timeout=120_000)
    texto = page.inner_text("body")
    assert "Traceback" not in texto and "Fuente" in texto
    ancho, visible = page.evaluate(JS_SIN_SCROLL)
    v.captura(Path(ruta).stem)
    assert ancho <= visible, f"scroll horizontal: {ancho} > {visible}"
    ayudas.revisar_controles(page)
    assert v.externos() == [] and v.bloqueados == []
    contexto.close()


def test_ficha_del_registro_en_el_10_sin_dejar_copia(navegador, servidor_09, vigilar, tmp_path):
    """El cuaderno de una junta subido en el tablero del 10: su ficha sale en la página (cifras con
    los conteos pequeños ocultos, «no es una cifra oficial», el PDF en el enlace), sin el lugar de
    ninguna fila, y al cerrar la página el servidor no guarda ninguna copia."""
    servidor, temporal, runtime = servidor_09
    cuaderno = tmp_path / "cuaderno_de_la_junta.csv"
    filas = [f"{1 + i:02d}/03/2025;Robo;El Porvenir;{MARCA} {i}" for i in range(6)]
    cuaderno.write_text("fecha;tipo;distrito;lugar\n" + "\n".join([*filas, f"09/03/2025;Hurto;El Porvenir;{MARCA}"])
                        + "\n", encoding="utf-8")
    contexto = ayudas.celular(navegador)
    v = vigilar(contexto)
    page = v.page
    page.goto(servidor.url("/voila/render/tableros/10_del_dato_a_la_accion.ipynb"))
    boton = ".lideres-tablero-m10 .lideres-control-subida button"
    page.wait_for_selector(boton, timeout=120_000)
    antes = {c: _archivos(c) for c in (rutas.RAIZ, temporal, runtime)}
    ayudas.elegir_archivo(page, boton, cuaderno)
    enlace = page.wait_for_selector(".lideres-m10-descarga-registro a[download]", timeout=120_000)
    assert enlace.get_attribute("download") == "ficha_registro_el_porvenir.pdf"
    assert enlace.get_attribute("href").startswith("data:application/pdf;base64,")
    texto = page.inner_text(".lideres-tablero-m10")
    assert "no es una cifra oficial" in texto and "menos de 5" in texto and MARCA not in texto
    assert "Antes de concluir: lo que estos datos no dicen" in texto and "Traceback" not in texto
    ancho, visible = page.evaluate(JS_SIN_SCROLL)
    assert ancho <= visible, f"scroll horizontal: {ancho} > {visible}"
    v.captura("m10_registro")
    graves = ayudas.axe_graves(page)
    assert not graves, "axe-core:\n" + "\n".join(graves)
    contexto.close()

    despues = {c: _archivos(c) for c in (rutas.RAIZ, temporal, runtime)}
    for carpeta in despues:
        nuevos = [r for r, t in despues[carpeta].items() if antes[carpeta].get(r) != t]
        assert not _con_marca(nuevos), f"quedó una copia del registro en {carpeta}"
        if carpeta != rutas.RAIZ:
            assert not [r for r in nuevos if not r.endswith(".json")], nuevos
    assert v.externos() == [] and v.bloqueados == []
