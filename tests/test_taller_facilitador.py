"""Las páginas de quien facilita (issue 17 §2 y §3): quién entregó, durante la sesión, y calificar a
mano las respuestas escritas, en el servidor del taller de verdad y con el libro de notas de nbgrader.

Solo se abren desde la laptop: un celular del wifi (la IP de la red local) recibe un 403 en español.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import time

import pytest

from lideres import cli
from lideres.curso import carpeta, escritas
from lideres.taller import facilitador, servidor
from lideres.taller.proceso import ServidorTaller
from tests import mesa
from tests.ingles import palabras_en_ingles, texto_visible

EJ = mesa.EJERCICIO


# ---------------------------------------------------------------- sin servidor


@pytest.mark.parametrize("ip, local", [
    ("127.0.0.1", True), ("127.0.1.1", True), ("::1", True), ("::ffff:127.0.0.1", True),
    ("192.168.1.20", False), ("10.0.0.5", False), ("192.0.2.2", False), ("fe80::1%eth0", False),
    ("", False), (None, False), ("no es una ip", False),
])
def test_solo_conexiones_de_esta_computadora(ip, local):
    assert facilitador.es_local(ip) is local


@pytest.mark.parametrize("host, local", [
    ("127.0.0.1:8866", True), ("localhost:8866", True), ("[::1]:8866", True), ("localhost", True),
    ("192.168.1.5:8866", False), ("taller.ejemplo.com:8866", False), ("", False),
])
def test_solo_con_el_nombre_de_esta_computadora(host, local):
    # Otro nombre que apunte a 127.0.0.1 (una página de internet que lo usa) no sirve.
    assert facilitador._host_local(host) is local


def test_la_respuesta_del_celular_se_lee_como_se_escribio():
    from lideres.banco.cuaderno import _texto_plano

    escrito = "Entre *200 y 250 mil* delitos;\nfuente: <b>ENAPRES</b> #2024 [INEI]_x_ \\ fin"
    assert escritas.texto_de_respuesta(_texto_plano(escrito)) == (escrito, False)
    assert escritas.texto_de_respuesta("✍️ Escribe aquí tu respuesta.") == ("", True)
    assert escritas.texto_de_respuesta("Lo mismo que vino", "Lo mismo que vino") == ("", True)


@pytest.mark.parametrize("texto, valor", [("1,5", 1.5), ("1.5", 1.5), (" 2 ", 2.0), ("0", 0.0)])
def test_puntos_con_coma_o_punto(texto, valor):
    assert escritas.leer_puntos(texto, 2) == valor


@pytest.mark.parametrize("texto, parte", [("", "Elige"), ("mucho", "no es un número"), ("3", "de 0 a 2"),
                                          ("-1", "de 0 a 2")])
def test_puntos_que_no_valen_se_explican(texto, parte):
    from lideres.errores import ErrorLideres

    with pytest.raises(ErrorLideres, match=parte):
        escritas.leer_puntos(texto, 2)


def test_opciones_de_puntos_para_tocar():
    assert facilitador.opciones_de_puntos(2) == [0, 0.5, 1, 1.5, 2]
    assert facilitador.opciones_de_puntos(6) == [0, 1, 2, 3, 4, 5, 6]


def test_portada_enlaza_las_paginas_de_quien_facilita_solo_en_la_laptop(tmp_path):
    sin = servidor.pagina_inicio(tmp_path, None, tmp_path, facilitador=False)
    con = servidor.pagina_inicio(tmp_path, None, tmp_path, facilitador=True)
    assert facilitador.RUTA_ENTREGAS not in sin
    assert facilitador.RUTA_ENTREGAS in con and facilitador.RUTA_ESCRITAS in con
    assert facilitador.RUTA_ENTREGAS not in servidor.pagina_inicio(tmp_path, None, None, facilitador=True)


# ---------------------------------------------------------------- con el servidor de verdad


@pytest.fixture(scope="module")
def taller(tmp_path_factory):
    """`lideres taller --red --curso` con el ejercicio 03 y, antes de abrirlo, nadie empezó."""
    curso = mesa.curso_de_un_ejercicio(tmp_path_factory.mktemp("mesa") / "curso")
    s = ServidorTaller(carpeta=tmp_path_factory.mktemp("registro"), sin_libro=True, precalentados=0, curso=curso, red=True, espera_s=300)
    s.iniciar()
    yield s, curso
    codigo = s.detener()
    shutil.rmtree(curso.parent, ignore_errors=True)
    assert codigo == 0, "el servidor no se detuvo limpio:\n" + s.texto_salida()


def _json(s: ServidorTaller) -> dict:
    codigo, texto, encabezados = mesa.Cliente().pedir(s.url(facilitador.RUTA_ENTREGAS + ".json"))
    assert codigo == 200, texto
    assert "no-store" in encabezados["Cache-Control"]
    return json.loads(texto)


def _persona(datos: dict, codigo: str) -> dict | None:
    ejercicio = next(e for e in datos["ejercicios"] if e["id"] == EJ)
    return next((p for p in ejercicio["personas"] if p["codigo"] == codigo), None)


def _esperar_en_la_salida(s: ServidorTaller, patron: str, segundos: float = 20) -> str:
    limite = time.monotonic() + segundos
    while time.monotonic() < limite:
        if re.search(patron, s.texto_salida()):
            return s.texto_salida()
        time.sleep(0.5)
    raise AssertionError(f"no apareció «{patron}» en la terminal:\n{s.texto_salida()}")


@pytest.mark.lento
def test_quien_entrego_en_vivo_y_calificar_la_escrita(taller):
    s, curso = taller
    salida = s.texto_salida()
    assert f"Para ver quién entregó: http://127.0.0.1:{s.puerto}{facilitador.RUTA_ENTREGAS}" in salida
    assert f"http://127.0.0.1:{s.puerto}{facilitador.RUTA_ESCRITAS}" in salida
    # Con --red (la orden de la guía): la dirección para los celulares, nunca la pista de encender
    # con --red, que es solo para quien lo encendió sin esa opción.
    assert servidor.CELULARES_CON_RED in salida or servidor.SIN_DIRECCION_LAN in salida, salida
    assert servidor.ATENCION_RED in salida and servidor.SOLO_ESTA_COMPUTADORA not in salida, salida

    # Nadie empezó: el ejercicio de la sesión está, sin personas.
    antes = _json(s)
    assert [e["id"] for e in antes["ejercicios"]] == [EJ]
    assert antes["ejercicios"][0]["personas"] == []
    assert "Nadie empezó" in antes["resumen"]

    # Rosa entrega todo; Juan entrega con 3 respondidas (una mal); Ana empezó y no entregó.
    mesa.con_el_formulario(curso, "Rosa Quispe Ñahui", "1111")
    mesa.con_el_formulario(curso, "Juan Pérez", "2222", cuantas=3, malas=1)
    mesa.con_el_formulario(curso, "Ana Núñez", "3333", cuantas=2, entregar=False)

    datos = _json(s)
    total = len(datos["ejercicios"][0]["preguntas"])
    rosa, juan, ana = (_persona(datos, c) for c in ("rosa-quispe-nahui", "juan-perez", "ana-nunez"))
    assert rosa["nombre"] == "Rosa Quispe Ñahui" and rosa["entrego"] and rosa["estado"] == "Entregó"
    assert (rosa["respondidas"], rosa["total"]) == (total, total)
    assert re.fullmatch(r"\d{1,2}:\d{2}\s[ap]\.\sm\.", rosa["hora"]), rosa["hora"]  # es-PE, hora de Lima
    assert juan["entrego"] and juan["respondidas"] == 3
    assert [c["respondida"] for c in juan["preguntas"]] == [True] * 3 + [False] * (total - 3)
    assert not ana["entrego"] and ana["estado"].startswith("Respondiendo") and ana["respondidas"] == 2
    # nbgrader todavía no calificó: puntos provisorios, revisados con el banco.
    from lideres import banco
    from lideres.curso.puntos import puntos

    del_banco = banco.cargar(EJ, curso=curso)
    maximo, automaticos = puntos(del_banco.puntos), puntos(del_banco.puntos_automaticos)
    de_juan = puntos(sum(p.puntos for p in del_banco.preguntas[1:3]))  # la primera, mal a propósito
    assert rosa["provisorio"] and rosa["puntaje"] == f"{automaticos} de {maximo} (falta la escrita) · provisorio: falta calificar"
    assert juan["provisorio"] and juan["puntaje"] == f"{de_juan} de {maximo} · provisorio: falta calificar"
    provisorios = {p["codigo"]: [c["puntos"] for c in p["preguntas"]] for p in (rosa, juan)}
    assert [e["empezaron"] for e in datos["ejercicios"]] == [3] and datos["ejercicios"][0]["entregaron"] == 2
    assert "Rosa Quispe Ñahui" in datos["html"] and "<th scope=\"col\">Participante</th>" in datos["html"]
    assert palabras_en_ingles(texto_visible(datos["html"])) == []

    # Una línea en la terminal por cada entrega (no por quien solo guardó).
    salida = _esperar_en_la_salida(s, r"Entregó Juan Pérez")
    assert re.search(rf"\d{{1,2}}:\d{{2}}\s[ap]\.\sm\. · Entregó Rosa Quispe Ñahui · {EJ} · "
                     rf"respondió {total} de {total} preguntas", salida), salida
    assert f"Entregó Juan Pérez · {EJ} · respondió 3 de {total} preguntas" in salida
    assert "Ana Núñez" not in salida

    # Después de calificar con nbgrader: los puntos por pregunta; la escrita, «falta calificar a mano».
    assert cli.main(["curso", "calificar", EJ, "--curso", str(curso)]) == 0
    datos = _json(s)
    rosa, juan = _persona(datos, "rosa-quispe-nahui"), _persona(datos, "juan-perez")
    assert rosa["preguntas"][-1]["clase"] == "mano" and "falta la escrita" in rosa["puntaje"]
    assert all(c["clase"] == "bien" for c in rosa["preguntas"][:-1]), rosa["preguntas"]
    assert juan["puntaje"] == f"{de_juan} de {maximo}"
    assert juan["preguntas"][0]["clase"] == "mal" and juan["preguntas"][0]["puntos"].startswith("0 de")
    # Los provisorios eran los mismos que dio nbgrader.
    assert {p["codigo"]: [c["puntos"] for c in p["preguntas"]] for p in (rosa, juan)} == provisorios
    assert not rosa["provisorio"] and rosa["calificado"]

    # La página de las escritas: la pregunta, con la respuesta completa de Rosa y la modelo al lado.
    cliente = mesa.Cliente()
    codigo, lista, _ = cliente.pedir(s.url(facilitador.RUTA_ESCRITAS))
    assert codigo == 200 and "2 por calificar" not in lista and "1 por calificar" in lista  # la de Juan quedó en blanco
    url = s.url(facilitador.url_escrita(EJ, mesa.ESCRITA))
    codigo, pagina, _ = cliente.pedir(url + "?persona=rosa-quispe-nahui")
    assert codigo == 200
    assert "Respuesta de Rosa Quispe Ñahui" in pagina
    assert html.escape(mesa.TEXTO_ESCRITO, quote=False) in pagina  # completa, tal como la escribió
    pregunta = del_banco.pregunta(mesa.ESCRITA)
    assert "Qué buscar" in pagina and html.escape(pregunta.explicacion, quote=False) in pagina
    modelo = " ".join(str(pregunta.respuesta).split())
    assert html.escape(modelo[:60], quote=False) in " ".join(pagina.split())  # la respuesta modelo, al lado
    assert palabras_en_ingles(texto_visible(pagina)) == []

    # Sin el token: 403 en español y nada cambia.
    codigo, texto, _ = mesa.Cliente().pedir(url, {"persona": "rosa-quispe-nahui", "puntos": "2"})
    assert codigo == 403 and "vuelve a abrirla" in texto
    # Puntos fuera de rango: se explica y nada cambia.
    codigo, texto, _ = cliente.pedir(url, {"_xsrf": mesa.xsrf(pagina), "persona": "rosa-quispe-nahui",
                                            "puntos": "7", "comentario": "x"})
    assert codigo == 400 and "7 puntos no vale: usa un número de 0 a 2." in texto
    with carpeta.Curso(curso).libro() as gb:
        assert gb.find_grade(mesa.ESCRITA, EJ, EJ, "rosa-quispe-nahui").manual_score is None

    comentario = "Buen rango y cita la fuente; falta decir qué dato haría falta."
    codigo, _, encabezados = cliente.pedir(url, {"_xsrf": mesa.xsrf(pagina), "persona": "rosa-quispe-nahui",
                                                  "puntos": "1,5", "comentario": comentario,
                                                  "accion": "siguiente"})
    assert codigo == 303 and "guardado=rosa-quispe-nahui" in encabezados["Location"]
    codigo, despues, _ = cliente.pedir(s.url(encabezados["Location"]))
    assert "Guardado: la nota de Rosa Quispe Ñahui" in despues

    # En el libro de notas, como lo deja el formgrader: nbgrader sigue siendo quien califica.
    with carpeta.Curso(curso).libro() as gb:
        nota = gb.find_grade(mesa.ESCRITA, EJ, EJ, "rosa-quispe-nahui")
        assert nota.manual_score == 1.5 and not nota.needs_manual_grade
        assert gb.find_comment(mesa.ESCRITA, EJ, EJ, "rosa-quispe-nahui").manual_comment == comentario
        assert not gb.find_submission(EJ, "rosa-quispe-nahui").needs_manual_grade

    # La retroalimentación de Rosa ya tiene los puntos y el comentario.
    retro = (curso / "feedback" / "rosa-quispe-nahui" / EJ / f"{EJ}.html").read_text(encoding="utf-8")
    assert comentario in retro and "1.5 de 2 puntos" in retro
    # Y `lideres curso reporte` (que vuelve a escribirla desde el libro de notas) también.
    assert cli.main(["curso", "reporte", "--curso", str(curso)]) == 0
    retro = (curso / "feedback" / "rosa-quispe-nahui" / EJ / f"{EJ}.html").read_text(encoding="utf-8")
    assert comentario in retro and "1.5 de 2 puntos" in retro
    # El reporte del grupo ya cuenta la escrita de Rosa (no «falta calificar la escrita»), con el
    # resumen por tipo de pregunta del banco; Juan dejó la suya en blanco y nadie la calificó aún.
    reporte = (carpeta.Curso.de(curso).reportes / "avance.html").read_text(encoding="utf-8")
    fila_rosa = reporte.split('<th scope="row">Rosa Quispe Ñahui</th>')[1].split("</tr>")[0]
    assert "falta calificar la escrita" not in fila_rosa
    assert f"{puntos(del_banco.puntos_automaticos + 1.5)} de {maximo}" in fila_rosa, fila_rosa
    assert 'class="habilidades"' in reporte and "<strong>Juicio</strong>" in reporte
    assert "**" not in texto_visible(reporte)  # sin Markdown crudo (sin inglés: en Chromium, con lo que se ve)

    # La página en vivo muestra la escrita calificada.
    rosa = _persona(_json(s), "rosa-quispe-nahui")
    assert rosa["preguntas"][-1]["puntos"] == "1.5 de 2 puntos" and "falta" not in rosa["puntaje"]


@pytest.mark.lento
def test_un_celular_del_wifi_no_las_puede_abrir(taller):
    s, _ = taller
    cliente = mesa.Cliente()
    # Desde la laptop, con otro nombre en la dirección (una página de internet que apunta aquí): no.
    for ruta in (facilitador.RUTA_ENTREGAS, facilitador.RUTA_ENTREGAS + ".json", facilitador.RUTA_ESCRITAS):
        codigo, texto, _ = cliente.pedir(s.url(ruta), host=f"taller.ejemplo.com:{s.puerto}")
        assert codigo == 403 and "solo para quien facilita" in texto, ruta
    codigo, portada, _ = cliente.pedir(s.url("/"))
    assert codigo == 200 and "Quién entregó" in portada

    lan = servidor.direccion_lan()
    if not lan:
        pytest.skip("esta máquina no tiene dirección en una red local")
    for ruta in (facilitador.RUTA_ENTREGAS, facilitador.RUTA_ENTREGAS + ".json", facilitador.RUTA_ESCRITAS,
                 facilitador.url_escrita(EJ, mesa.ESCRITA)):
        codigo, texto, _ = cliente.pedir(f"http://{lan}:{s.puerto}{ruta}")
        assert codigo == 403, ruta
        assert "solo para quien facilita" in texto and 'lang="es"' in texto
        assert "Rosa" not in texto and "Forbidden" not in texto
    codigo, texto, _ = cliente.pedir(f"http://{lan}:{s.puerto}{facilitador.url_escrita(EJ, mesa.ESCRITA)}",
                                     {"persona": "rosa-quispe-nahui", "puntos": "0"})
    assert codigo == 403
    # La portada para los celulares no enlaza estas páginas.
    codigo, portada, _ = cliente.pedir(f"http://{lan}:{s.puerto}/")
    assert codigo == 200 and "Quién entregó" not in portada


def test_sin_curso_las_paginas_explican_que_hacer():
    for plantilla, datos in (("entregas.html", {"datos": None, "segundos": 5}),
                             ("escritas.html", {"preguntas": [], "url_escrita": facilitador.url_escrita})):
        pagina = facilitador.render(plantilla, curso=None, orden_calificar=None, **datos)
        assert "sin carpeta del curso" in pagina and "--curso" in pagina
        assert palabras_en_ingles(texto_visible(pagina)) == []


def test_el_aviso_para_los_celulares_esta_en_espanol():
    pagina = facilitador.render("solo_laptop.html", puerto="8866")
    assert 'lang="es"' in pagina and "http://127.0.0.1:8866/facilitador/entregas" in pagina
    assert palabras_en_ingles(texto_visible(pagina)) == []
