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
    assert cli.main(["curso", "reporte", "--curso", str(curso)]) == 0
    yield curso
    shutil.rmtree(base, ignore_errors=True)


def test_retroalimentacion_y_reporte_en_un_celular(curso_calificado, navegador):
    paginas = sorted((curso_calificado / "feedback").rglob("*.html"))
    paginas.append(curso_calificado / "reportes" / "avance.html")
    assert len(paginas) == 3
    contexto = navegador.new_context(viewport={"width": 360, "height": 640})
    page = contexto.new_page()
    pedidos = []
    page.on("request", lambda r: pedidos.append(r.url))
    for ruta in paginas:
        page.goto(ruta.as_uri())
        assert page.evaluate("document.documentElement.lang") == "es"
        ancho, visible = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert ancho <= visible, f"{ruta.name} se sale de la pantalla del celular ({ancho} > {visible})"
    contexto.close()
    externos = [u for u in pedidos if not u.startswith(("file://", "data:"))]
    assert externos == []
