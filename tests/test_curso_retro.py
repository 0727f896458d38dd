"""Lo que leen la persona que facilita y la participante: nombres como llegan, lista del grupo que no
se pierde, retroalimentación para el celular y reporte del grupo."""

from __future__ import annotations

import datetime as dt
import json
import sys
import zipfile
from pathlib import Path

import pytest

from lideres.curso import ids, recoger
from lideres.errores import ErrorLideres

EJERCICIO = "02_conteos_y_tasas"
CUADERNO_MINIMO = {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


class _InfoSinMarcaUtf8(zipfile.ZipInfo):
    """Un nombre como lo guarda el «Enviar a carpeta comprimida» de Windows en español: los bytes
    en el código de página del sistema y sin la marca UTF-8 (bit 11)."""

    codigo_de_pagina = "cp850"

    def _encodeFilenameFlags(self):  # noqa: N802 — el nombre lo pone zipfile
        return self.filename.encode(self.codigo_de_pagina), self.flag_bits & ~0x800


def zip_de_windows(ruta: Path, archivos: dict[str, bytes], codigo_de_pagina: str = "cp850") -> Path:
    with zipfile.ZipFile(ruta, "w") as zf:
        for nombre, datos in archivos.items():
            info = _InfoSinMarcaUtf8(nombre, date_time=(2025, 5, 1, 10, 0, 0))
            info.codigo_de_pagina = codigo_de_pagina
            zf.writestr(info, datos)
    return ruta


def _curso(tmp_path: Path) -> Path:
    curso = tmp_path / "curso"
    fuente = curso / "source" / EJERCICIO / f"{EJERCICIO}.ipynb"
    fuente.parent.mkdir(parents=True)
    fuente.write_text(json.dumps(CUADERNO_MINIMO), encoding="utf-8")
    return curso


# ------------------------------------------------------------------ nombres como llegan

@pytest.mark.parametrize("codigo_de_pagina", ["cp850", "cp437"])
def test_zip_de_windows_en_espanol_recupera_tildes_y_enes(tmp_path, codigo_de_pagina):
    nombres = ["José Pérez Núñez", "María Ñahui Quispe"]
    if codigo_de_pagina == "cp850":  # Á, Í, Ó y Ú solo existen en 850
        nombres += ["Ángel Ñahuincopa Álvarez", "Óscar Íñiguez Úrsula"]
    zip_ruta = zip_de_windows(tmp_path / "entregas.zip", {
        f"Entregas/{n}/{EJERCICIO}.ipynb": json.dumps(CUADERNO_MINIMO).encode() for n in nombres},
        codigo_de_pagina)
    with zipfile.ZipFile(zip_ruta) as zf:  # de verdad sin la marca: zipfile lo lee como 437
        assert all(not (i.flag_bits & 0x800) for i in zf.infolist())
    curso = _curso(tmp_path)
    resumen = recoger.recoger(curso, EJERCICIO, zip_ruta, ahora=dt.datetime(2025, 5, 1, 10, tzinfo=dt.UTC))
    assert sorted(e.nombre for e in resumen.entregas) == sorted(nombres)
    lista = ids.leer_lista(curso)
    assert lista["jose-perez-nunez"]["nombre"] == "José Pérez Núñez"
    if codigo_de_pagina == "cp850":
        assert lista["angel-nahuincopa-alvarez"]["nombre"] == "Ángel Ñahuincopa Álvarez"


def test_decodificar_nombre_prefiere_utf8_y_letras_del_espanol():
    texto = "Ángel Ñahuincopa Álvarez"
    assert recoger.decodificar_nombre(texto.encode("utf-8")) == texto
    assert recoger.decodificar_nombre(texto.encode("cp850")) == texto
    assert recoger.decodificar_nombre("María Ñahui".encode("cp437")) == "María Ñahui"
    assert recoger.decodificar_nombre(b"Rosa Quispe") == "Rosa Quispe"


@pytest.mark.skipif(sys.platform in ("win32", "darwin"),
                    reason="Windows y macOS no admiten nombres de carpeta que no sean Unicode válido")
def test_carpetas_extraidas_con_otro_programa_recuperan_el_nombre(tmp_path):
    """`unzip` de Linux deja los bytes de 850 tal cual; otros programas los leen como 437 («╡ngel»)."""
    import os

    origen = tmp_path / "usb"
    origen.mkdir()
    crudo = os.fsencode(origen) + b"/" + "Ángel Ñahuincopa Álvarez".encode("cp850")
    os.mkdir(crudo)
    (Path(os.fsdecode(crudo)) / f"{EJERCICIO}.ipynb").write_text(json.dumps(CUADERNO_MINIMO), encoding="utf-8")
    (origen / "Óscar Íñiguez Úrsula".encode("cp850").decode("cp437")).mkdir()
    (origen / "Óscar Íñiguez Úrsula".encode("cp850").decode("cp437") / f"{EJERCICIO}.ipynb").write_text(
        json.dumps(CUADERNO_MINIMO), encoding="utf-8")
    resumen = recoger.buscar_entregas(origen, [EJERCICIO])
    assert sorted(e.nombre for e in resumen.entregas) == ["Ángel Ñahuincopa Álvarez", "Óscar Íñiguez Úrsula"]
    assert recoger.reparar_nombre("JosÃ© PÃ©rez") == "José Pérez"
    for bueno in ("María Ñahui", "José Pérez 🙂", "Françoise Ñique"):
        assert recoger.reparar_nombre(bueno) == bueno


@pytest.mark.parametrize("nombre, esperado", [
    ("Carmen Rosa Ñaupari Soto", ("Carmen Rosa", "Ñaupari Soto")),
    ("María Ñahui Quispe", ("María", "Ñahui Quispe")),
    ("Rosa Quispe", ("Rosa", "Quispe")),
    ("Rosa", ("Rosa", "")),
    ("María de los Ángeles Quispe de la Cruz", ("María de los Ángeles", "Quispe de la Cruz")),
    ("Luis Alberto del Solar Pérez", ("Luis Alberto", "del Solar Pérez")),
    ("José Pérez de Cuéllar", ("José", "Pérez de Cuéllar")),
    ("Ana de la Cruz", ("Ana", "de la Cruz")),
    ("  Juan   del  Águila ", ("Juan", "del Águila")),
])
def test_nombre_y_apellidos_como_en_el_peru(nombre, esperado):
    assert ids.nombre_y_apellidos(nombre) == esperado


# ------------------------------------------------------------------ la lista del grupo no se pierde

@pytest.mark.parametrize("contenido", [b'{"rosa-quispe": {"nombre": "Rosa Qu', b"\xff\xfe\x00basura", b"[1, 2]"])
def test_lista_danada_detiene_y_se_conserva(tmp_path, contenido):
    curso = _curso(tmp_path)
    (curso / ids.LISTA).write_bytes(contenido)
    origen = tmp_path / "usb"
    (origen / "Rosa Quispe").mkdir(parents=True)
    (origen / "Rosa Quispe" / f"{EJERCICIO}.ipynb").write_text(json.dumps(CUADERNO_MINIMO), encoding="utf-8")
    with pytest.raises(ErrorLideres, match="lista del grupo") as error:
        recoger.recoger(curso, EJERCICIO, origen)
    assert "Cómo arreglarlo" in str(error.value) and "No se cambió nada" in str(error.value)
    assert (curso / ids.LISTA).read_bytes() == contenido  # la historia del grupo sigue ahí
    assert not (curso / "submitted").exists() and not (curso / "recibidos").exists()


def test_lista_danada_en_la_linea_de_ordenes(tmp_path, capsys):
    from lideres import cli

    curso = _curso(tmp_path)
    (curso / "nbgrader_config.py").write_text("c = get_config()\n", encoding="utf-8")
    (curso / ids.LISTA).write_text('{"rosa": ', encoding="utf-8")
    origen = tmp_path / "usb"
    origen.mkdir()
    for orden in (["recoger", EJERCICIO, str(origen)], ["reporte"]):
        assert cli.main(["curso", *orden, "--curso", str(curso)]) == 1
        err = capsys.readouterr().err
        assert "está dañada" in err and "Traceback" not in err
        assert (curso / ids.LISTA).read_text(encoding="utf-8") == '{"rosa": '


# ------------------------------------------------------------------ retroalimentación para el celular

def _celda(tipo, texto, gid=None, *, grade=False, solution=False, puntos=None, salidas=None):
    celda = {"cell_type": tipo, "source": texto, "metadata": {}}
    if gid:
        celda["metadata"]["nbgrader"] = {"grade_id": gid, "grade": grade, "solution": solution,
                                         "locked": not solution, **({"points": puntos} if puntos else {})}
    if tipo == "code":
        celda["outputs"] = salidas or []
    return celda


def _cuaderno_02() -> dict:
    """Como lo genera el banco (H3): enunciado, respuesta, revisión sin puntos y prueba calificada."""
    celdas = [_celda("markdown", "# Ejercicio 2: Conteos y tasas\n\nCorre la celda (botón ▶) y guarda (💾).",
                     "instrucciones"),
              _celda("code", 'revisar = lideres.banco.revisor("' + "eyJ" * 200 + '")', "preparacion")]
    for n, (gid, titulo) in enumerate([("tasa-por-100k", "Tasa por 100 mil habitantes"),
                                       ("distrito-tasa-mas-alta", "¿Qué distrito tiene la tasa más alta?"),
                                       ("tasa-poco-confiable", "¿Es confiable esa tasa?")], start=1):
        celdas += [
            _celda("markdown", f"## Pregunta {n}. {titulo} (2 puntos)\n\nEnunciado.", f"{gid}-enunciado"),
            _celda("code", "respuesta = ...  # ✍️ cambia los tres puntos", gid, solution=True),
            _celda("code", f'revisar("{gid}", respuesta)', f"{gid}-revisar"),
            _celda("code", f'"""Pregunta {n}."""\nassert revisar.es("{gid}", respuesta, "SECRETO")', f"{gid}-prueba",
                   grade=True, puntos=2),
        ]
    celdas += [_celda("markdown", "## Pregunta 4. ¿Qué le dirías a tu junta vecinal? (3 puntos)", "reflexion-enunciado"),
               _celda("markdown", "Le diría que ✍️ la tasa importa.", "reflexion-junta-vecinal", grade=True,
                      solution=True, puntos=3),
               _celda("markdown", "## ¿Terminaste?\n\nGuarda el cuaderno (💾 o `Ctrl + S`).", "cierre")]
    return {"cells": celdas, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def _con_error(cuaderno: dict, grade_id: str, pista: str) -> dict:
    for celda in cuaderno["cells"]:
        if (celda["metadata"].get("nbgrader") or {}).get("grade_id") == grade_id:
            celda["outputs"] = [{"output_type": "error", "ename": "AssertionError", "evalue": pista,
                                 "traceback": [f"assert revisar.es({grade_id!r}, respuesta, 'SECRETO'), {pista!r}"]}]
    return cuaderno


def _nota(puntaje, maximo, *, manual=None, revisar=False):
    return {"puntaje": puntaje, "maximo": maximo, "auto": None if manual is not None else puntaje,
            "manual": manual, "revisar": revisar}


NOTAS_02 = {
    "tasa-por-100k-prueba": _nota(0, 2), "distrito-tasa-mas-alta-prueba": _nota(2, 2),
    "tasa-poco-confiable-prueba": _nota(1, 2),  # crédito parcial (puesto a mano en el formgrader)
    "reflexion-junta-vecinal": _nota(2, 3, manual=2),
}
EMOJIS = "✅❌💾✍️🎉👍⭐"


def _partes(html: str) -> tuple[str, str]:
    """(lo de arriba, la repetición del cuaderno plegada)."""
    arriba, _, cuaderno = html.partition('<details class="cuaderno">')
    assert cuaderno, "la repetición del cuaderno debe ir plegada en <details>"
    return arriba, cuaderno


def test_arriba_puntaje_una_frase_por_pregunta_comentario_y_animo():
    from lideres.curso import retroalimentacion

    cuaderno = _con_error(_cuaderno_02(), "tasa-por-100k-prueba", "Pista: falta multiplicar por 100,000.")
    comentarios = {"reflexion-junta-vecinal": "Buena idea lo de la población.\nFalta decir por qué la tasa "
                   "de un distrito chico cambia tanto. ✍️"}
    html = retroalimentacion.construir_html(cuaderno, NOTAS_02, nombre="Carmen Rosa Ñaupari Soto",
                                            ejercicio=EJERCICIO, comentarios=comentarios)
    arriba, cuaderno_html = _partes(html)
    assert "5 de 9 puntos" in arriba
    assert arriba.index("Pregunta 1. Tasa por 100 mil habitantes") < arriba.index("Pregunta 2.") < arriba.index(
        "Pregunta 4.")
    assert "(2 puntos)" not in arriba  # título corto
    assert "Pista: falta multiplicar por 100,000." in arriba      # qué corregir en la pregunta 1
    assert arriba.count("¡Bien!") == 1                          # solo la pregunta 2 está completa
    assert "Buena idea lo de la población." in arriba            # el comentario del formgrader
    assert "2 de 3 puntos" in arriba
    assert 'class="animo"' in arriba
    # 1 de 2 en la pregunta 3 es un avance, no un error; 0 de 2 sí hay que revisarlo
    assert '<li class="parcial">' in arriba and '<li class="revisar">' in arriba
    assert "Casi · 1 de 2 puntos" in arriba and "Por mejorar · 0 de 2 puntos" in arriba
    assert "Tu respuesta escrita" in cuaderno_html
    # ni el código de las pruebas ni el traceback: podrían tener la respuesta
    assert "SECRETO" not in html and "Traceback" not in html
    assert not set(EMOJIS) & set(html)
    assert "eyJ" * 40 not in html  # la línea larguísima de la preparación se corta


def test_sin_comentario_ni_notas_a_mano_pendientes():
    from lideres.curso import retroalimentacion

    notas = dict(NOTAS_02, **{"reflexion-junta-vecinal": _nota(None, 3, revisar=True)})
    html = retroalimentacion.construir_html(_cuaderno_02(), notas, nombre="Rosa", ejercicio=EJERCICIO)
    arriba, _ = _partes(html)
    assert "Comentario de tu facilitador" not in arriba
    assert "Por revisar · " in arriba and retroalimentacion.FRASES["espera"] in arriba
    assert "falta la revisión a mano" in arriba


def test_con_banco_usa_el_titulo_corto_y_la_explicacion():
    from types import SimpleNamespace

    from lideres.curso import retroalimentacion

    banco = SimpleNamespace(preguntas=[
        SimpleNamespace(id="tasa-por-100k", titulo="Calcular una tasa", enunciado="Un distrito…",
                        explicacion="Repasa cómo se calcula la tasa: denuncias entre población, por 100 mil."),
        SimpleNamespace(id="tasa-poco-confiable", enunciado="**¿Es confiable esa tasa?**\n\nSanta María…",
                        explicacion="Piensa en cuánto cambia la tasa con pocos habitantes."),
    ])
    cuaderno = _con_error(_cuaderno_02(), "tasa-por-100k-prueba", "Falta multiplicar por 100,000.")
    html = retroalimentacion.construir_html(cuaderno, NOTAS_02, nombre="Rosa", ejercicio=EJERCICIO, banco=banco)
    arriba, _ = _partes(html)
    assert "Pregunta 1. Calcular una tasa" in arriba
    # primero la pista concreta de la prueba, luego qué repasar (la explicación del banco)
    assert arriba.index("Falta multiplicar por 100,000.") < arriba.index(
        "Para repasar: Repasa cómo se calcula la tasa")
    assert "Pregunta 3. ¿Es confiable esa tasa?" in arriba and "Piensa en cuánto cambia" in arriba
    assert "Pregunta 2. ¿Qué distrito tiene la tasa más alta?" in arriba  # sin banco para esa: el del cuaderno


def test_banco_ausente_o_danado_no_detiene(tmp_path):
    from lideres.curso import retroalimentacion

    assert retroalimentacion.cargar_banco(tmp_path, EJERCICIO) is None
    (tmp_path / "source" / EJERCICIO).mkdir(parents=True)
    (tmp_path / "source" / EJERCICIO / "preguntas.toml").write_text("esto [no es toml", encoding="utf-8")
    assert retroalimentacion.cargar_banco(tmp_path, EJERCICIO) is None


# ------------------------------------------------------------------ reporte del grupo

def _pregunta(id_, titulo, puntaje, maximo, pendiente=False):
    return {"id": id_, "titulo": titulo, "puntaje": puntaje, "maximo": maximo, "pendiente": pendiente}


def registros_del_grupo(ejercicios=(EJERCICIO,)):
    """Cinco personas en cada ejercicio: completa, a medias, en blanco, por revisar y sin entrega."""
    registros = []
    for ejercicio in ejercicios:
        base = {"ejercicio": ejercicio, "maximo": 9.0, "observaciones": ""}

        def preguntas(p1, p2, p3, p4=None):
            return [_pregunta("tasa", "Pregunta 1. Tasa", p1, 2), _pregunta("distrito", "Pregunta 2. Distrito", p2, 2),
                    _pregunta("confiable", "Pregunta 3. ¿Confiable?", p3, 2),
                    _pregunta("reflexion", "Pregunta 4. Junta vecinal", p4, 3, pendiente=p4 is None)]

        registros += [
            dict(base, codigo="oscar", nombre="Óscar Ríos", estado="completado", puntaje=9.0,
                 por_pregunta=preguntas(2, 2, 2, 3)),
            dict(base, codigo="carmen", nombre="Carmen Rosa Ñaupari Soto", estado="completado", puntaje=4.0,
                 por_pregunta=preguntas(0, 2, 1, 1)),
            dict(base, codigo="blanco", nombre="Beto Blanco", estado="completado", puntaje=0.0,
                 por_pregunta=preguntas(0, 0, 0, 0)),
            dict(base, codigo="nahui", nombre="María de los Ángeles Quispe de la Cruz", estado="revision",
                 puntaje=4.0, pendiente_manual=True, por_pregunta=preguntas(2, 2, 0)),
            dict(base, codigo="alvarez", nombre="Álvarez Luis", estado="sin_entrega", puntaje=None),
        ]
    return registros


def test_cuenta_por_pregunta_en_personas():
    from lideres.curso import reporte

    filas = {f["id"]: f for f in reporte.resumen_por_pregunta(registros_del_grupo())[EJERCICIO]}
    assert (filas["tasa"]["completas"], filas["tasa"]["ceros"]) == (2, 2)
    assert (filas["confiable"]["completas"], filas["confiable"]["parciales"], filas["confiable"]["ceros"]) == (1, 1, 2)
    assert filas["reflexion"]["pendientes"] == 1 and filas["reflexion"]["personas"] == 4
    assert filas["confiable"]["mas_dificil"] and not filas["tasa"]["mas_dificil"]
    # a quién ayudar: las personas sin el puntaje completo, en orden alfabético español
    assert filas["confiable"]["quienes"] == ["Beto Blanco", "Carmen Rosa Ñaupari Soto",
                                             "María de los Ángeles Quispe de la Cruz"]


def test_resumen_cuenta_personas_no_filas():
    from lideres.curso import reporte

    tabla = reporte.tabla_avance(registros_del_grupo(("02_conteos_y_tasas", "03_mapas")))
    texto = reporte.resumen(tabla)
    assert texto.startswith("5 participantes.")
    assert "02_conteos_y_tasas: calificado: 3 personas" in texto and "sin entrega: 1 persona" in texto


def test_reporte_una_fila_por_persona_colores_con_palabra(tmp_path):
    import pandas as pd

    from lideres.curso import reporte

    tabla = reporte.tabla_avance(registros_del_grupo(("02_conteos_y_tasas", "03_mapas")))
    rutas = reporte.escribir_reporte(tabla, tmp_path, cuando=dt.date(2025, 5, 1))
    html = rutas["html"].read_text(encoding="utf-8")
    personas = html.split('<table class="por-persona">')[1].split("</table>")[0]
    assert personas.count('<th scope="row">') == 5  # una fila por persona, no por ejercicio
    assert personas.count('<th scope="col">') == 3  # Participante y un ejercicio por columna
    assert "9 de 9" in personas and "100 % · Completo" in personas
    # 0 % no es verde ni se confunde con «completo»: naranja y con su palabra
    assert '<td class="p0"><span class="puntaje">0 de 9</span><span class="detalle">0 % · Muy poco' in personas
    # Quien espera que califiquen su escrita no sale «44 % · Poco» ni «Bien»: falta esa parte.
    maria = personas.split("María de los Ángeles")[1].split("</tr>")[0]
    assert "4 de 9 por ahora" in maria and "falta calificar la escrita" in maria and " %" not in maria
    assert 'class="gris"' in maria
    assert "La que más costó" in html and "Pregunta 3. ¿Confiable?" in html
    assert "(3 personas sin el puntaje completo)" in html
    assert "#1b7a3a" not in html and "green" not in html
    por_pregunta = pd.read_csv(rutas["csv_preguntas"], encoding="utf-8-sig")
    assert list(por_pregunta["La que más costó"]).count("Sí") == 2  # una por ejercicio
    assert pd.read_csv(rutas["csv"], encoding="utf-8-sig").shape[0] == 10  # el CSV de siempre sigue
    assert 'href="' not in personas  # sin páginas de retroalimentación conocidas, no hay enlaces


def test_cada_puntaje_enlaza_a_la_retroalimentacion(tmp_path):
    from lideres.curso import reporte

    registros = registros_del_grupo()
    pagina = tmp_path / "curso" / "feedback" / "oscar" / EJERCICIO / f"{EJERCICIO}.html"
    registros[0]["retroalimentacion"] = str(pagina)
    rutas = reporte.escribir_reporte(reporte.tabla_avance(registros), tmp_path / "curso" / "reportes")
    html = rutas["html"].read_text(encoding="utf-8")
    assert f'<a href="../feedback/oscar/{EJERCICIO}/{EJERCICIO}.html"' in html
    assert html.count("<a href=") == 1
    assert rutas["png"].read_bytes()[:4] == b"\x89PNG"


def test_banco_real_del_ejercicio_02_y_sus_preguntas():
    from lideres import rutas
    from lideres.curso import retroalimentacion

    banco = retroalimentacion.cargar_banco(rutas.CURSO, EJERCICIO)
    assert banco is not None
    fuente = json.loads((rutas.CURSO / "source" / EJERCICIO / f"{EJERCICIO}.ipynb").read_text(encoding="utf-8"))
    preguntas = retroalimentacion.preguntas_del_cuaderno(fuente, banco)
    assert [p["id"] for p in preguntas] == [p.id for p in banco.preguntas]
    assert preguntas[0]["titulo"] == "Pregunta 1. Tasa por 100 mil habitantes"
    assert all(p["celdas"] for p in preguntas)  # cada pregunta tiene su celda con puntos
    assert preguntas[-1]["manual"] and not preguntas[0]["manual"]


def test_respuesta_escrita_en_blanco_no_se_da_por_revisada():
    from lideres.curso import retroalimentacion

    notas = dict(NOTAS_02, **{"reflexion-junta-vecinal": _nota(0, 3)})
    arriba, _ = _partes(retroalimentacion.construir_html(_cuaderno_02(), notas, nombre="Rosa", ejercicio=EJERCICIO))
    assert "quedó en blanco" in arriba and "Ya la revisaron" not in arriba


def test_frases_de_la_retroalimentacion_faciles_de_leer():
    """Fernández-Huerta ≥ 70 (fácil) para cada frase propia que lee la participante."""
    textstat = pytest.importorskip("textstat")
    from lideres.curso import retroalimentacion

    textstat.set_lang("es")
    frases = [*retroalimentacion.FRASES.values(), *retroalimentacion.ANIMO.values(),
              *retroalimentacion.EXPLICACIONES.values()]
    dificiles = {f: round(textstat.fernandez_huerta(f)) for f in frases
                 if f != "¡Bien!" and textstat.fernandez_huerta(f) < 70}
    assert dificiles == {}


def test_titulo_sin_texto_cortado_ni_markdown():
    from types import SimpleNamespace

    from lideres.curso.retroalimentacion import _titulo_del_banco

    largo = SimpleNamespace(titulo="", enunciado="En el Callao hubo **34,536 denuncias** en 2024 y la encuesta\n"
                            "estima muchas más víctimas, porque no todas denuncian. ¿Cuántos delitos hubo?")
    assert _titulo_del_banco(largo) is None  # queda «Pregunta N», no un pedazo de frase
    corto = SimpleNamespace(titulo="", enunciado="**¿Qué mide la _victimización_?**\n\nDetalle…")
    assert _titulo_del_banco(corto) == "¿Qué mide la victimización?"
    assert _titulo_del_banco(SimpleNamespace(titulo="Tasa **por** 100 mil", enunciado="x")) == "Tasa por 100 mil"


@pytest.mark.lento
def test_respuestas_del_celular_se_leen_como_se_respondieron(tmp_path):
    import nbformat

    from lideres import banco
    from lideres.curso import retroalimentacion

    del_banco = banco.cargar(EJERCICIO)
    valores = {"tasa-por-100k": 250.5, "distrito-tasa-mas-alta": "Lince", "tasa-poco-confiable": "b",
               "reflexion-junta-vecinal": "Primero <b>miro</b> la *tasa*,\nluego pregunto."}
    from lideres.curso import motor

    curso, _ = motor.preparar_curso(tmp_path / "curso")
    motor.asignar(curso, EJERCICIO)
    cuaderno = banco.cuaderno_con_respuestas(curso.release / EJERCICIO, valores, EJERCICIO)
    filas = retroalimentacion.respuestas_del_celular(json.loads(nbformat.writes(cuaderno)), del_banco)
    por_id = {f["id"]: f for f in filas}
    assert [f["titulo"] for f in filas][0] == "Pregunta 1. Tasa por 100 mil habitantes"
    assert por_id["tasa-por-100k"]["respuesta"] == "250.5"
    assert por_id["distrito-tasa-mas-alta"]["respuesta"] == "Lince"
    assert por_id["tasa-poco-confiable"]["respuesta"].startswith("b) ")
    assert "**" not in por_id["tasa-poco-confiable"]["respuesta"]
    assert por_id["conteo-o-tasa"]["respuesta"] == retroalimentacion.SIN_RESPUESTA
    assert por_id["reflexion-junta-vecinal"]["respuesta"] == \
        "Primero <b>miro</b> la *tasa*,\nluego pregunto."  # tal cual (la plantilla lo escapa)
    html = retroalimentacion.construir_html(json.loads(nbformat.writes(cuaderno)), {}, nombre="Ana",
                                            ejercicio=EJERCICIO, banco=del_banco, celular=True)
    assert "Ver tus respuestas" in html and "&lt;b&gt;miro&lt;/b&gt;" in html and "<b>miro" not in html
    assert "import lideres" not in html and "cuaderno completo" not in html


def test_reporte_dice_que_tipo_de_pregunta_le_cuesta_al_grupo(tmp_path):
    """`resumen_por_habilidad` llega a la página que abre quien facilita: nombre en español, cuántas
    preguntas y el porcentaje de respuestas completas en es-PE, con su color y su palabra."""
    from lideres.curso import reporte

    habilidades = {"tasa": "calculo", "distrito": "juicio", "confiable": "juicio", "reflexion": "juicio"}
    registros = registros_del_grupo()
    for r in registros:
        for p in r.get("por_pregunta") or []:
            p["habilidad"] = habilidades[p["id"]]
    html = reporte.escribir_reporte(reporte.tabla_avance(registros), tmp_path,
                                    cuando=dt.date(2025, 5, 1))["html"].read_text(encoding="utf-8")
    parte = html.split('<ul class="habilidades"')[1].split("</ul>")[0]
    # Cálculo: «tasa», 2 de 4 completas. Juicio: distrito 3 de 4, confiable 1 de 4 y la escrita
    # 1 de 3 ya calificadas (la de María aún no cuenta) = 5 de 11.
    assert "<strong>Juicio</strong>" in parte and "<strong>Cálculo</strong>" in parte
    assert parte.index("Juicio") < parte.index("Cálculo")  # en el orden de HABILIDADES
    juicio = parte.split("<strong>Juicio</strong>")[1].split("</li>")[0]
    assert "3 preguntas" in juicio and "45 %" in juicio and "(5 de 11)" in juicio
    assert 'class="muestra p25"' in juicio  # 45 %: «Poco», el mismo color que en las tablas
    calculo = parte.split("<strong>Cálculo</strong>")[1].split("</li>")[0]
    assert "1 pregunta)" in calculo and "50 %" in calculo and "(2 de 4)" in calculo
    assert "Recuerdo" not in parte  # sin preguntas de ese tipo, no se nombra
    assert "calculo" not in parte and "juicio" not in parte  # nunca el nombre interno
    # Sin banco (sin habilidad), no hay resumen por tipo: no se inventa.
    sin_banco = reporte.escribir_reporte(reporte.tabla_avance(registros_del_grupo()), tmp_path / "b")
    assert 'class="habilidades"' not in sin_banco["html"].read_text(encoding="utf-8")
