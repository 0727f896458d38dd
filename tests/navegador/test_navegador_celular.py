"""Un ejercicio respondido en un celular de 360×640, de la portada a la calificación de nbgrader.

Con su propio servidor (`lideres taller --curso`): la persona entra con nombre, código del grupo y
clave, responde tocando (una mal a propósito, y ve la explicación), recarga la página a la mitad sin
perder nada y entrega. Luego `lideres curso calificar` le da los puntos esperados y `reporte` la lista.
"""

from __future__ import annotations

import csv
import json

import pytest

from lideres import cli
from tests.navegador import ayudas
from tests.navegador.ayudas import (
    entrar_voila,
    esperar_guardado_voila,
    pregunta_voila,
    responder_voila,
)

pytestmark = [pytest.mark.lento, pytest.mark.navegador]
EJERCICIO = "02_conteos_y_tasas"
NOMBRE = "María Ñahui Quispe"
CODIGO = "maria-nahui-quispe"
CLAVE = "2580"


@pytest.fixture(scope="module")
def taller_con_curso(ruta_chromium, tmp_path_factory, copiar_curso):
    # Con cada ejercicio del banco ya asignado (el curso de la sesión, conftest.py), como el taller
    # lo deja la primera vez.
    curso = copiar_curso(tmp_path_factory.mktemp("celular") / "curso")
    with ayudas.taller_con_curso(curso, tmp_path_factory.mktemp("registro"), modo="practica") as s:
        yield s, curso


def _banco(curso):
    from lideres import banco

    return banco.cargar(EJERCICIO, curso=curso)




def test_ejercicio_en_el_celular_de_la_portada_a_la_calificacion(taller_con_curso, navegador, vigilar):
    servidor, curso = taller_con_curso
    banco = _banco(curso)
    preguntas = list(banco.preguntas)
    codigo_grupo = json.loads((curso / "celular" / "grupo.json").read_text(encoding="utf-8"))["codigo"]
    # Una respuesta automática mal a propósito: la primera de tipo número (o la primera que haya).
    mala = next((p for p in preguntas if p.tipo == "numero"), next(p for p in preguntas if not p.manual))

    def respuesta_de(p):
        if p.manual:
            return 'Le diría que hay que mirar la tasa, no el conteo. __import__("os").system("x") """'
        if p is mala:
            errores = getattr(p, "errores", None) or []
            return errores[0].respuesta if errores else "1"
        valor = p.respuesta
        return valor[0] if isinstance(valor, list) and p.tipo != "orden" else valor

    contexto = ayudas.celular(navegador)
    v = vigilar(contexto)
    page = v.page
    fallidos = ayudas.respuestas_fallidas(page)
    try:
        page.goto(servidor.url("/"))
        tarjeta = page.locator(f'[data-modulo="{EJERCICIO}"]')
        enlace = tarjeta.get_by_role("link", name="Responder el ejercicio")
        assert enlace.is_visible()
        # Lo que existe va primero: la tarjeta del módulo 02 se ve sin bajar.
        assert tarjeta.bounding_box()["y"] < 640 * 1.5
        enlace.tap()
        # El formulario de Voilà es la «versión completa», desde el ligero (que tiene su propia prueba).
        page.get_by_role("link", name="Abrir la versión completa del ejercicio").tap()
        entrar_voila(page, NOMBRE, codigo_grupo, CLAVE)
        total = len(preguntas)
        mitad = total // 2
        for i, p in enumerate(preguntas[:mitad]):
            responder_voila(page, i, p, respuesta_de(p))
        esperar_guardado_voila(page, mitad, total)
        assert ayudas.axe_graves(page) == []
        v.captura("celular_mitad")

        # Se recarga la página (como si el celular se bloqueara): al volver a entrar, todo sigue.
        page.reload()
        page.wait_for_selector(".lideres-nombre input", state="visible")
        # El celular recuerda nombre y código (la clave no).
        page.wait_for_function("document.querySelector('.lideres-nombre input').value !== ''")
        assert page.locator(".lideres-nombre input").input_value() == NOMBRE
        assert page.locator(".lideres-clave input").input_value() == ""
        entrar_voila(page, NOMBRE, codigo_grupo, CLAVE)
        page.wait_for_selector("text=Recuperamos tus")
        for i, p in enumerate(preguntas[mitad:], start=mitad):
            responder_voila(page, i, p, respuesta_de(p))
        esperar_guardado_voila(page, total, total)
        # El tope de la escrita a la vista, con el contador (issue 22).
        i_escrita = next(i for i, p in enumerate(preguntas) if p.manual)
        contador = pregunta_voila(page, i_escrita).locator(".lideres-contador")
        contador.filter(has_text="de 2,000 caracteres (máximo 2,000)").wait_for()

        # La mala: «Revisar» muestra que no está bien y la explicación (no la respuesta).
        i_mala = preguntas.index(mala)
        pregunta_voila(page, i_mala).get_by_role("button", name="Revisar mi respuesta").tap()
        aviso = pregunta_voila(page, i_mala).locator(".lideres-mal")
        aviso.wait_for()
        assert "Todavía no" in aviso.inner_text() and len(aviso.inner_text()) > 30
        # Una buena: «Correcto».
        i_buena = next(i for i, p in enumerate(preguntas) if not p.manual and p is not mala)
        pregunta_voila(page, i_buena).get_by_role("button", name="Revisar mi respuesta").tap()
        pregunta_voila(page, i_buena).locator(".lideres-bien").wait_for()
        # Los botones largos ocupan todo el ancho y su texto no se corta (a 360 px).
        for nombre in ("Revisar mi respuesta", "Terminé: dejar el celular a otra persona"):
            boton = page.get_by_role("button", name=nombre).first
            medidas = boton.evaluate(
                "b => ({sw: b.scrollWidth, cw: b.clientWidth, sh: b.scrollHeight, ch: b.clientHeight,"
                " ancho: b.getBoundingClientRect().width,"
                " caja: b.parentElement.getBoundingClientRect().width})")
            assert medidas["sw"] <= medidas["cw"] and medidas["sh"] <= medidas["ch"], (nombre, medidas)
            assert medidas["ancho"] >= medidas["caja"] - 2, (nombre, medidas)  # todo el ancho

        page.get_by_role("button", name="Entregar").tap()
        page.wait_for_selector(".lideres-preguntas >> text=Entregado")
        assert "a las" in page.locator(".lideres-preguntas .lideres-bien").last.inner_text()
        assert ayudas.axe_graves(page) == []
        ancho, visible = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert ancho <= visible, f"la página se sale del celular ({ancho} > {visible})"
        v.captura("celular_entregado")
        assert fallidos == []
        v.revisar()
    finally:
        contexto.close()

    enviado = curso / "submitted" / CODIGO / EJERCICIO / f"{EJERCICIO}.ipynb"
    assert enviado.is_file() and (enviado.parent / "timestamp.txt").is_file()
    assert cli.main(["curso", "calificar", EJERCICIO, "--curso", str(curso)]) == 0
    from lideres.curso import motor

    puntos = motor.puntajes_por_celda(curso, EJERCICIO)[CODIGO]
    obtenidos = sum(auto for auto, _ in puntos.values() if auto is not None)
    esperados = sum(p.puntos for p in preguntas if not p.manual) - mala.puntos
    assert obtenidos == pytest.approx(esperados), puntos
    assert not (curso / "x").exists()

    assert cli.main(["curso", "reporte", "--curso", str(curso)]) == 0
    with open(curso / "reportes" / "avance.csv", encoding="utf-8-sig") as f:
        # Una fila por persona y ejercicio: la de este ejercicio (los módulos 00 y 01 van antes).
        filas = [f for f in csv.DictReader(f)
                 if f.get("Código") == CODIGO and f.get("Ejercicio", EJERCICIO) == EJERCICIO]
    assert filas and filas[0]["Participante"] == NOMBRE and filas[0]["Entregó"] == "Sí"
