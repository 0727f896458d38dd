"""Las fotos de las páginas para facilitadores, hechas en Chromium con el producto de verdad (issue 17 §5).

Enciende el servidor del taller con un curso (`--curso`), recorre lo que verán las personas en el
celular (360 px de ancho) y quien facilita en la laptop, y guarda cada foto en
book/_generado/capturas/<nombre>.png (fuera de git): las de lideres.libro.CAPTURAS, ni una más ni
una menos. También guarda lo que escribió el servidor en la terminal. La edición de quien facilita
(`lideres libro --modo facilitador`) las pone en sus páginas; si falta una, dice en palabras lo que
se vería. Esta prueba va antes que las del libro en `make test` (pytest recorre tests/navegador/
antes que tests/test_libro.py), así el libro de quien facilita sale con las fotos del día.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest

from lideres import cli, libro, ligera, rutas
from lideres.curso import motor
from lideres.formulario import entregas
from lideres.taller import facilitador, servidor
from tests import mesa
from tests.navegador import ayudas

pytestmark = [pytest.mark.lento, pytest.mark.navegador]
EJ = mesa.EJERCICIO
CELULAR = {"viewport": {"width": 360, "height": 640}, "device_scale_factor": 1, "is_mobile": True,
           "has_touch": True}
LAPTOP = {"viewport": {"width": 1024, "height": 700}, "device_scale_factor": 1}
ALTO_MAXIMO = 1100  # una foto larga no ayuda a nadie: se corta (en px de la página)
ALTO_CELULAR = 900
IP_DE_EJEMPLO = "192.168.1.20"  # la de book/facilitadores/00_servidor_del_taller.md
CURSO_DE_LA_PRUEBA: list[str] = []


def guardar(page, nombre: str, carpeta: Path) -> Path:
    """Foto de la página (hasta ALTO_MAXIMO de alto), en PNG de pocos colores: pesa poco."""
    from PIL import Image

    assert nombre in libro.CAPTURAS, f"{nombre}: agrégala a lideres.libro.CAPTURAS"
    if CURSO_DE_LA_PRUEBA:
        # La carpeta de esta prueba se lee como la de un taller (`exercises`), igual que en la terminal.
        page.evaluate("""([de, a]) => { const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (w.nextNode()) w.currentNode.nodeValue = w.currentNode.nodeValue.split(de).join(a); }""",
                      [CURSO_DE_LA_PRUEBA[0], "exercises"])
    ancho, alto_antes = page.viewport_size["width"], page.viewport_size["height"]
    ruta = carpeta / f"{nombre}.png"
    if ancho <= 400:
        # Celular: una pantalla alta fija (Voilà se desliza dentro de su propio cuadro, no en la página).
        page.set_viewport_size({"width": ancho, "height": ALTO_CELULAR})
        page.wait_for_timeout(500)
        page.screenshot(path=str(ruta))
        # Al volver al tamaño de antes el mapa se reacomoda y avisa al kernel; si la prueba se va
        # en ese instante, el aviso que ya no llega no cuenta como error (`ayudas.escuchar`).
        page.set_viewport_size({"width": ancho, "height": alto_antes})
    else:
        alto = min(ALTO_MAXIMO, page.evaluate("document.documentElement.scrollHeight"))
        page.screenshot(path=str(ruta), full_page=True, clip={"x": 0, "y": 0, "width": ancho, "height": alto})
    with Image.open(ruta) as imagen:
        chica = imagen.convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    chica.save(ruta, optimize=True)
    return ruta


def texto_de_la_terminal(salida: str, curso: Path, puerto: int) -> str:
    """Lo que escribió el servidor, con las rutas de esta prueba cambiadas por las de un taller
    (la carpeta `exercises`, el puerto 8866, la IP del ejemplo), para que la guía diga lo que verá
    quien facilita."""
    texto = salida.replace(str(curso), "exercises").replace(f":{puerto}", ":8866")
    # La dirección de esta máquina en la red local, por la del ejemplo de «El servidor del taller».
    texto = re.sub(rf"({re.escape(servidor.CELULARES_CON_RED)}\s+http://)[^/:\s]+", rf"\g<1>{IP_DE_EJEMPLO}", texto)
    texto = re.sub(r"(Registro técnico \(en inglés\): )\S+", r"\1~/.local/state/lideres/taller-8866.log", texto)
    # Solo las líneas que lee una persona (sin avisos técnicos de las bibliotecas, si hubiera).
    lineas = [linea for linea in texto.splitlines() if not re.match(r"^\[[A-Z]", linea)]
    return "\n".join(lineas).strip() + "\n"


@pytest.fixture(scope="module")
def taller(ruta_chromium, libro_html, tmp_path_factory):
    curso = mesa.curso_de_un_ejercicio(tmp_path_factory.mktemp("capturas") / "curso")
    # También el ejercicio 00: la portada muestra «Responder el ejercicio» en la ronda de práctica.
    shutil.copytree(rutas.CURSO / "source" / "00_bienvenida", curso / "source" / "00_bienvenida")
    CURSO_DE_LA_PRUEBA[:] = [str(curso)]
    # Con --red, como la orden que da la guía: la terminal muestra la dirección para los celulares.
    with ayudas.taller_con_curso(curso, tmp_path_factory.mktemp("registro"), red=True, modo="practica") as s:
        yield s, curso


def test_fotos_para_las_paginas_de_quien_facilita(taller, navegador, vigilar):
    s, curso = taller
    carpeta = libro.carpeta_capturas()
    shutil.rmtree(carpeta, ignore_errors=True)  # solo las de hoy: ninguna foto vieja
    carpeta.mkdir(parents=True)
    hechas = []

    celular = navegador.new_context(locale="es-PE", **CELULAR)
    v = vigilar(celular)
    page = v.page
    try:
        page.goto(s.url("/"))
        hechas.append(guardar(page, "portada_celular", carpeta))

        page.goto(s.url(f"/libro/{libro.CARPETA_LIGERAS}/{ligera.nombre_archivo('02_conteos_y_tasas')}"))
        page.locator(".lideres-primeros").first.wait_for()
        hechas.append(guardar(page, "tablero_ligero_celular", carpeta))

        page.goto(s.url(f"{libro.RUTA_TABLEROS}02_conteos_y_tasas.ipynb"))
        page.wait_for_function("() => (document.querySelector('.lideres-primeros') || {}).textContent",
                               timeout=180_000)
        page.locator(".leaflet-container").first.wait_for()
        hechas.append(guardar(page, "tablero_voila_celular", carpeta))

        page.goto(s.url("/"))
        page.locator(f'[data-modulo="{EJ}"]').get_by_role("link", name="Responder el ejercicio").tap()
        page.wait_for_selector(".lideres-nombre input", state="visible", timeout=180_000)
        page.locator(".lideres-nombre input").fill("Carmen Rojas")
        page.locator(".lideres-codigo input").fill(entregas.leer_grupo(curso)["codigo"])
        page.locator(".lideres-clave input").fill("4321")
        hechas.append(guardar(page, "celular_entrar", carpeta))
        page.get_by_role("button", name="Empezar").tap()
        page.wait_for_selector(".lideres-preguntas:visible")
        page.locator(".lideres-pregunta").first.locator(".widget-radio-box label, input, select").first.wait_for()
        hechas.append(guardar(page, "celular_preguntas", carpeta))
        v.revisar()
    finally:
        celular.close()

    # Dos personas entregan (una con la escrita, que espera la nota a mano); Carmen solo empezó.
    mesa.con_el_formulario(curso, "Rosa Quispe Ñahui", "1111")
    mesa.con_el_formulario(curso, "Juan Pérez", "2222", cuantas=4, malas=1)

    laptop = navegador.new_context(locale="es-PE", **LAPTOP)
    v = vigilar(laptop)
    page = v.page
    try:
        page.goto(s.url(facilitador.RUTA_ENTREGAS))
        page.get_by_role("rowheader", name="Juan Pérez").wait_for()
        hechas.append(guardar(page, "facilitador_entregas", carpeta))

        assert cli.main(["curso", "calificar", EJ, "--curso", str(curso)]) == 0
        page.goto(s.url(facilitador.url_escrita(EJ, mesa.ESCRITA, "rosa-quispe-nahui")))
        page.get_by_role("heading", name="Respuesta de Rosa Quispe Ñahui").wait_for()
        hechas.append(guardar(page, "facilitador_escrita", carpeta))
        page.get_by_role("radio", name="1.5").check()
        page.get_by_role("button", name="Guardar", exact=True).click()
        page.get_by_role("status").filter(has_text="Guardado").wait_for()
        v.revisar()
    finally:
        laptop.close()

    # El reporte es un archivo de la laptop (se abre con doble clic): sin servidor.
    assert cli.main(["curso", "reporte", "--curso", str(curso)]) == 0
    reporte = motor.Curso.de(curso).reportes / "avance.html"
    laptop = navegador.new_context(locale="es-PE", **LAPTOP)
    try:
        page = laptop.new_page()
        page.goto(reporte.as_uri())
        hechas.append(guardar(page, "reporte", carpeta))
    finally:
        laptop.close()

    # El servidor escribe una línea por entrega (mira las entregas cada 2 s).
    limite = time.monotonic() + 30
    while "Juan Pérez" not in s.texto_salida() and time.monotonic() < limite:
        time.sleep(0.5)
    terminal = texto_de_la_terminal(s.texto_salida(), curso, s.puerto)
    assert "Código del grupo" in terminal and "Rosa Quispe Ñahui" in terminal, terminal
    assert servidor.SOLO_ESTA_COMPUTADORA not in terminal and servidor.ATENCION_RED in terminal, terminal
    (carpeta / libro.ARCHIVO_TERMINAL).write_text(terminal, encoding="utf-8")

    # Todas las fotos que piden las páginas, y pequeñas (celular: 360 px de ancho).
    assert sorted(p.stem for p in hechas) == sorted(libro.CAPTURAS)
    for ruta in hechas:
        assert ruta.stat().st_size < 250_000, f"{ruta.name}: {ruta.stat().st_size} bytes"
    from PIL import Image

    with Image.open(carpeta / "portada_celular.png") as imagen:
        assert imagen.width == 360
