"""El formulario ligero del ejercicio en un celular de 360×640 (Chromium), de la portada a la nota de
nbgrader (issue 19 §1): sin kernel, con el tope de la escrita a la vista (issue 22), la copia en el
celular y `lideres curso calificar` sobre la entrega.
"""

from __future__ import annotations

import pytest

from lideres import cli
from lideres.formulario import entregas, ligero
from tests import mesa
from tests.navegador import ayudas
from tests.navegador.ayudas import responder_ligero, respuesta_buena_ligera

pytestmark = [pytest.mark.lento, pytest.mark.navegador]
EJ = "02_conteos_y_tasas"
NOMBRE = "Julia Ñaupari Ríos"
CODIGO = "julia-naupari-rios"
CLAVE = "1357"
ESCRITA = "Miraría la tasa por 100 mil habitantes y no solo el conteo de denuncias."


@pytest.fixture(scope="module")
def taller(ruta_chromium, tmp_path_factory):
    curso = mesa.curso_de_un_ejercicio(tmp_path_factory.mktemp("ligero") / "curso", EJ)
    # Sin kernels precalentados: el formulario ligero no los usa.
    with ayudas.taller_con_curso(curso, tmp_path_factory.mktemp("registro"), modo="practica") as s:
        yield s, curso


def _toques_chicos(page) -> list:
    """Botones, campos, listas y alternativas de menos de 44 px de alto (o de ancho)."""
    return page.evaluate("""() => Array.from(document.querySelectorAll(
        'main button, main input:not([type=radio]):not([type=hidden]), main select, main textarea,'
        + ' .lideres-alternativas label, main a, header a')).filter(e => e.offsetParent !== null)
        .map(e => [e.tagName + ' ' + (e.textContent || e.name || '').trim().slice(0, 30),
                   e.getBoundingClientRect()]).filter(([_, r]) => r.height < 44 || r.width < 44)
        .map(([n, r]) => [n, Math.round(r.width), Math.round(r.height)])""")


def test_formulario_ligero_en_el_celular_de_la_portada_a_la_nota(taller, navegador, vigilar):
    from lideres import banco

    servidor, curso = taller
    preguntas = list(banco.cargar(EJ, curso=curso).preguntas)
    escrita = next(p for p in preguntas if p.manual)
    grupo = entregas.leer_grupo(curso)["codigo"]

    def buena(p):
        return respuesta_buena_ligera(p, ESCRITA)

    contexto = ayudas.celular(navegador)
    v = vigilar(contexto)
    page = v.page
    try:
        page.goto(servidor.url("/"))
        tarjeta = page.locator(f'[data-modulo="{EJ}"]')
        tarjeta.get_by_role("link", name="Responder el ejercicio").tap()
        page.wait_for_url(f"**{ligero.url(EJ)}")
        assert ayudas.axe_graves(page) == []
        assert _toques_chicos(page) == []
        # La versión completa (Voilà) sigue a un toque.
        completa = page.get_by_role("link", name="Abrir la versión completa del ejercicio")
        assert completa.get_attribute("href") == ligero.url_completa(EJ)
        page.locator("#nombre").fill(NOMBRE)
        page.locator("#codigo").fill(grupo.upper())
        page.locator("#clave").fill(CLAVE)
        page.get_by_role("button", name="Empezar").tap()
        page.wait_for_selector("text=Respondes como")
        assert page.locator("#estado").inner_text().startswith(f"Hola, {NOMBRE}.")

        # La mitad, y «Guardar».
        mitad = len(preguntas) // 2
        for p in preguntas[:mitad]:
            responder_ligero(page, p, buena(p))
        page.get_by_role("button", name="Guardar mis respuestas").tap()
        page.wait_for_selector(f"text=Guardado: {mitad} de {len(preguntas)} respuestas.")

        # La escrita: el contador a la vista mientras se escribe; pasado el tope, aviso y rechazo.
        area = page.locator(f'textarea[name="r-{escrita.id}"]')
        contador = page.locator(f"#r-{escrita.id}-contador")
        assert contador.inner_text() == "0 de 2,000 caracteres (máximo 2,000)."
        area.fill(ESCRITA)
        assert contador.inner_text() == f"{len(ESCRITA)} de 2,000 caracteres (máximo 2,000)."
        largo = ("Texto largo de prueba. " * 200)[:2995]
        area.fill(largo)  # como pegar: nada lo corta en el celular
        assert "2,995 de 2,000 caracteres. Te pasaste por 995" in contador.inner_text()
        assert area.input_value() == largo
        page.get_by_role("button", name="Guardar mis respuestas").tap()
        page.wait_for_selector("text=tiene 2,995 caracteres y el máximo es 2,000")
        assert page.locator(f'textarea[name="r-{escrita.id}"]').input_value() == largo  # nada se perdió
        assert ayudas.axe_graves(page) == []
        borrador = entregas.leer_borrador(curso, EJ, entregas.Participante(NOMBRE, CODIGO))["respuestas"]
        assert escrita.id not in borrador and len(borrador) == mitad

        # Se acorta y se guarda; luego se escribe algo y se recarga sin guardar: la copia del celular.
        page.locator(f'textarea[name="r-{escrita.id}"]').fill(ESCRITA)
        page.get_by_role("button", name="Guardar mis respuestas").tap()
        page.wait_for_selector(f"text=Guardado: {mitad + 1} de {len(preguntas)} respuestas.")
        siguiente = next(p for p in preguntas[mitad:] if not p.manual)
        responder_ligero(page, siguiente, buena(siguiente))
        page.reload()
        page.wait_for_selector("text=Recuperamos lo que escribiste en este celular")
        page.goto(servidor.url(ligero.url(EJ)))
        assert page.locator(f'textarea[name="r-{escrita.id}"]').input_value() == ESCRITA

        for p in preguntas[mitad:]:
            responder_ligero(page, p, buena(p))
        page.get_by_role("button", name="Entregar").tap()
        page.wait_for_selector("text=Entregado a las")
        assert ayudas.axe_graves(page) == []
        assert _toques_chicos(page) == []
        ancho, visible = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert ancho <= visible, f"la página se sale del celular ({ancho} > {visible})"
        v.captura("formulario_ligero_entregado")
        assert not any("/voila/" in u or "/api/kernels" in u for u in v.pedidos), "usó Voilà o un kernel"
        # El único error de la consola es el 400 esperado: la respuesta de 2,995 caracteres rechazada.
        esperado = "Failed to load resource: the server responded with a status of 400 (Bad Request)"
        assert v.errores.count(esperado) == 1, v.errores
        v.errores.remove(esperado)
        v.revisar()
    finally:
        contexto.close()

    enviado = curso / "submitted" / CODIGO / EJ / f"{EJ}.ipynb"
    assert enviado.is_file() and (enviado.parent / "timestamp.txt").is_file()
    assert cli.main(["curso", "calificar", EJ, "--curso", str(curso)]) == 0
    from lideres.curso import motor

    puntos = motor.puntajes_por_celda(curso, EJ)[CODIGO]
    obtenidos = sum(auto for auto, _ in puntos.values() if auto is not None)
    assert obtenidos == pytest.approx(sum(p.puntos for p in preguntas if not p.manual)), puntos


def test_formulario_ligero_sin_javascript(taller, navegador, vigilar):
    """Un celular con JavaScript apagado (o un navegador viejo): entra, responde y entrega igual."""
    servidor, curso = taller
    grupo = entregas.leer_grupo(curso)["codigo"]
    contexto = ayudas.celular(navegador, device_scale_factor=1, java_script_enabled=False)
    v = vigilar(contexto)
    page = v.page
    try:
        page.goto(servidor.url(ligero.url(EJ)))
        page.locator("#nombre").fill("Ciro Sin Script")
        page.locator("#codigo").fill(grupo)
        page.locator("#clave").fill("2468")
        page.get_by_role("button", name="Empezar").tap()
        page.wait_for_selector("text=Respondes como")
        page.locator("textarea").first.fill("Sin JavaScript también se entrega.")
        # Sin script el contador no cambia mientras se escribe, pero el tope está a la vista.
        assert "de 2,000 caracteres (máximo 2,000)" in page.locator(".lideres-contador").first.inner_text()
        page.get_by_role("button", name="Entregar").tap()
        page.wait_for_selector("text=Entregado a las")
        v.revisar()
    finally:
        contexto.close()
    enviado = curso / "submitted" / "ciro-sin-script" / EJ / f"{EJ}.ipynb"
    assert "Sin JavaScript también se entrega." in enviado.read_text(encoding="utf-8")
