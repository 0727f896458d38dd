"""La retroalimentación y el reporte del grupo se leen en un celular: sin scroll horizontal, en
español y sin pedir nada a internet (se envían por WhatsApp y se abren sin conexión)."""

from __future__ import annotations

import shutil
import zipfile

import pytest

from lideres import cli, rutas

pytestmark = [pytest.mark.lento, pytest.mark.navegador]
EJERCICIO = "02_conteos_y_tasas"
CUADERNO = f"{EJERCICIO}.ipynb"


@pytest.fixture(scope="module")
def curso_calificado(tmp_path_factory):
    base = tmp_path_factory.mktemp("cohorte")
    curso = base / "curso"
    assert cli.main(["curso", "asignar", EJERCICIO, "--curso", str(curso)]) == 0
    entregas = base / "entregas.zip"
    with zipfile.ZipFile(entregas, "w") as z:
        z.write(rutas.CURSO / "source" / EJERCICIO / CUADERNO, f"entregas/Ana Núñez/{CUADERNO}")
        z.write(curso / "release" / EJERCICIO / CUADERNO, f"entregas/Luis Peña/Copia de {CUADERNO}")
    assert cli.main(["curso", "recoger", EJERCICIO, str(entregas), "--curso", str(curso)]) == 0
    assert cli.main(["curso", "calificar", EJERCICIO, "--curso", str(curso)]) == 0
    # Lo que haría la facilitadora en el formgrader: nota y comentario a la respuesta escrita de Ana.
    from lideres.curso import motor

    with motor.libro(curso) as gb:
        nota = gb.find_grade("reflexion-junta-vecinal", EJERCICIO, EJERCICIO, "ana-nunez")
        nota.manual_score, nota.needs_manual_grade = 2, False
        gb.find_comment("reflexion-junta-vecinal", EJERCICIO, EJERCICIO, "ana-nunez").manual_comment = (
            "Muy bien lo de la población. Te faltó decir por qué en un distrito chico la tasa cambia tanto.")
        gb.db.commit()
    assert cli.main(["curso", "reporte", "--curso", str(curso)]) == 0
    yield curso
    shutil.rmtree(base, ignore_errors=True)


# Emojis y símbolos que sin una fuente de emojis se ven como cuadritos en el celular.
EMOJIS = r"/[\u{1F000}-\u{1FAFF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}\u{FE0F}]/u"


@pytest.mark.parametrize("ancho", [360, 1280])
def test_retroalimentacion_y_reporte_en_un_celular_y_en_la_laptop(curso_calificado, navegador, ancho):
    paginas = sorted((curso_calificado / "feedback").rglob("*.html"))
    paginas.append(curso_calificado / "reportes" / "avance.html")
    assert len(paginas) == 3
    contexto = navegador.new_context(viewport={"width": ancho, "height": 640 if ancho == 360 else 900})
    page = contexto.new_page()
    pedidos = []
    page.on("request", lambda r: pedidos.append(r.url))
    for ruta in paginas:
        page.goto(ruta.as_uri())
        assert page.evaluate("document.documentElement.lang") == "es"
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # también lo plegado
        ancho_pagina, visible = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert ancho_pagina <= visible, f"{ruta.name} se sale de la pantalla ({ancho_pagina} > {visible})"
        encontrados = page.evaluate(f"document.body.innerText.match(new RegExp({EMOJIS}.source, 'gu'))")
        assert not encontrados, f"{ruta.name} tiene emojis: {encontrados}"
    contexto.close()
    externos = [u for u in pedidos if not u.startswith(("file://", "data:"))]
    assert externos == []


def test_arriba_lo_que_sirve_y_el_cuaderno_plegado(curso_calificado, navegador):
    """En la pantalla del celular se ve el puntaje, la frase de cada pregunta, el comentario de la
    facilitadora y el ánimo; el cuaderno completo queda plegado más abajo."""
    ana = curso_calificado / "feedback" / "ana-nunez" / EJERCICIO / f"{EJERCICIO}.html"
    contexto = navegador.new_context(viewport={"width": 360, "height": 640})
    page = contexto.new_page()
    page.goto(ana.as_uri())
    visible = page.evaluate("document.body.innerText")
    assert "8 de 9 puntos" in visible                   # 6 automáticos + 2 de la revisión a mano
    assert visible.count("¡Bien!") == 5 and "Casi · 2 de 3 puntos" in visible  # cinco automáticas en el 02
    assert "Muy bien lo de la población." in visible      # el comentario del formgrader
    assert page.locator(".animo").is_visible()
    assert page.evaluate("document.querySelector('details.cuaderno').open") is False
    assert not page.locator("text=Tu respuesta escrita").is_visible()
    arriba = page.evaluate("document.querySelector('details.cuaderno').getBoundingClientRect().top")
    preguntas = page.evaluate("document.querySelector('ol.preguntas').getBoundingClientRect().top")
    assert preguntas < arriba
    luis = curso_calificado / "feedback" / "luis-pena" / EJERCICIO / f"{EJERCICIO}.html"
    page.goto(luis.as_uri())
    assert "todavía no respondiste esta pregunta" in page.locator("ol.preguntas").inner_text().lower()
    contexto.close()


def test_reporte_tabla_por_persona_y_por_pregunta(curso_calificado, navegador):
    reporte = curso_calificado / "reportes" / "avance.html"
    contexto = navegador.new_context(viewport={"width": 360, "height": 640})
    page = contexto.new_page()
    page.goto(reporte.as_uri())
    filas = page.locator("table.por-persona tbody tr")
    assert filas.count() == 2  # una por persona
    assert "Sin puntos" in page.locator("table.por-pregunta thead").inner_text()
    # la tabla ancha se desliza dentro de su caja (con aviso), no la página entera
    cajas = page.evaluate("[...document.querySelectorAll('.desliza')].map(c => c.scrollWidth > c.clientWidth)")
    avisos = page.evaluate("[...document.querySelectorAll('.aviso-desliza')]"
                           ".filter(a => a.offsetParent !== null).length")
    assert not any(cajas) or avisos >= 1
    # tocar el puntaje de Ana abre su retroalimentación (para enviársela por WhatsApp)
    page.locator("table.por-persona a", has_text="8 de 9").click()
    page.wait_for_url("**/feedback/ana-nunez/**")
    assert "Ana Núñez" in page.locator("header.resumen").inner_text()
    contexto.close()


def test_accesibles_segun_axe(curso_calificado, navegador):
    """axe-core (viene dentro del paquete, sin internet): ninguna falla grave o crítica."""
    from axe_playwright_python.sync_playwright import Axe

    paginas = sorted((curso_calificado / "feedback").rglob("*.html"))
    paginas.append(curso_calificado / "reportes" / "avance.html")
    contexto = navegador.new_context(viewport={"width": 360, "height": 640})
    page = contexto.new_page()
    graves = {}
    for ruta in paginas:
        page.goto(ruta.as_uri())
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        resultado = Axe().run(page)
        graves[ruta.parent.parent.name if ruta.name != "avance.html" else "reporte"] = [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in resultado.response["violations"] if v.get("impact") in ("serious", "critical")]
    contexto.close()
    assert all(not v for v in graves.values()), graves
