"""El ejercicio en el celular: código del grupo, quién entrega, borradores y la entrega a nbgrader."""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest

from lideres import cli, modulos, rutas
from lideres.curso import ids
from lideres.formulario import entregas
from lideres.taller import ejercicios, servidor

EJERCICIO = "02_conteos_y_tasas"
TIPOS = {"a": "numero", "b": "opcion", "c": "escrita", "d": "orden"}


def _bancos() -> list[str]:
    return sorted(p.parent.name for p in (rutas.CURSO / "source").glob("[0-9]*/preguntas.toml"))


@pytest.fixture
def curso(tmp_path) -> Path:
    entregas.preparar_grupo(tmp_path, "practica")
    return tmp_path


def _codigo(curso: Path) -> str:
    return entregas.leer_grupo(curso)["codigo"]


# ---------------------------------------------------------------- el grupo


def test_codigo_del_grupo_estable_y_facil_de_dictar(tmp_path):
    grupo = entregas.preparar_grupo(tmp_path)
    palabras = grupo["codigo"].split()
    assert len(palabras) == 2 and all(p in entregas.PALABRAS for p in palabras)
    assert palabras[0] != palabras[1]
    assert entregas.preparar_grupo(tmp_path)["codigo"] == grupo["codigo"]  # guardado en el curso
    assert grupo["modo"] == "practica"
    assert entregas.preparar_grupo(tmp_path, "examen")["modo"] == "examen"
    assert entregas.modo(tmp_path) == "examen"
    assert entregas.preparar_grupo(tmp_path)["codigo"] == grupo["codigo"]


def test_palabras_sin_letras_que_se_confunden_al_dictar():
    for palabra in entregas.PALABRAS:
        assert re.fullmatch(r"[a-z]+", palabra), palabra
        assert not re.search(r"[bvzyxkw]|(?<!c)h|ll|c[ei]|g[ei]", palabra), palabra
    assert len(set(entregas.PALABRAS)) == len(entregas.PALABRAS) >= 80


@pytest.mark.parametrize("escrito", ["mango perla", " Mango-Perla ", "MANGOPERLA", "mangó perla"])
def test_codigo_del_grupo_se_acepta_como_se_escriba(escrito):
    assert entregas.normalizar_codigo(escrito) == entregas.normalizar_codigo("mango perla")


# ---------------------------------------------------------------- quién entrega


def test_identificar_nombre_con_tildes_y_enie(curso):
    p = entregas.identificar(curso, "  María   Ñahui Quispe ", _codigo(curso).upper(), "2580")
    assert p.nombre == "María Ñahui Quispe" and p.codigo == "maria-nahui-quispe"
    # La misma persona vuelve (otro celular, página recargada): se reconoce.
    assert entregas.identificar(curso, "Maria Ñahui Quispe", _codigo(curso), "2580") == \
        entregas.Participante("Maria Ñahui Quispe", "maria-nahui-quispe")


@pytest.mark.parametrize("nombre, codigo, clave, parte", [
    ("", None, "1234", "nombre"),
    ("   ", None, "1234", "nombre"),
    ("1234", None, "1234", "letras"),
    ("A" * 81, None, "1234", "largo"),
    ("Ana", "sol luna", "1234", "no es el código"),
    ("Ana", "", "1234", "código del grupo"),
    ("Ana", None, "12", "4 números"),
    ("Ana", None, "abcd", "4 números"),
    ("Ana", None, None, "4 números"),
])
def test_identificar_rechaza_en_espanol(curso, nombre, codigo, clave, parte):
    with pytest.raises(entregas.Rechazo) as e:
        entregas.identificar(curso, nombre, _codigo(curso) if codigo is None else codigo, clave)
    assert parte in e.value.mensaje
    assert not (curso / "celular" / "claves.json").exists() or \
        json.loads((curso / "celular" / "claves.json").read_text(encoding="utf-8")) == {}


def test_otra_persona_con_el_mismo_nombre_no_pisa_nada(curso):
    ana = entregas.identificar(curso, "Ana Pérez", _codigo(curso), "1111")
    entregas.guardar_borrador(curso, EJERCICIO, ana, {"a": "250"}, TIPOS)
    claves = (curso / "celular" / "claves.json").read_bytes()
    with pytest.raises(entregas.Rechazo) as e:
        entregas.identificar(curso, "ana perez", _codigo(curso), "2222")
    assert "Ya hay alguien con el nombre" in e.value.mensaje and "segundo apellido" in e.value.mensaje
    assert (curso / "celular" / "claves.json").read_bytes() == claves
    assert entregas.leer_borrador(curso, EJERCICIO, ana)["respuestas"] == {"a": "250"}


def test_sin_grupo_no_se_recibe_nada(tmp_path):
    with pytest.raises(entregas.Rechazo, match="todavía no recibe entregas"):
        entregas.identificar(tmp_path, "Ana", "sol luna", "1234")


# ---------------------------------------------------------------- borradores


def test_borrador_se_guarda_y_se_recupera_acotado(curso):
    p = entregas.identificar(curso, "Luis Peña", _codigo(curso), "0000")
    respuestas = {"a": "250,0", "b": "b", "c": "x" * entregas.MAX_ESCRITA, "d": ["Lince", "Comas"],
                  "otra": "no es del ejercicio", "e": 5}
    entregas.guardar_borrador(curso, EJERCICIO, p, respuestas, TIPOS)
    leido = entregas.leer_borrador(curso, EJERCICIO, p)["respuestas"]
    assert leido == {"a": "250,0", "b": "b", "c": "x" * entregas.MAX_ESCRITA, "d": ["Lince", "Comas"]}
    assert not list((curso / "celular" / "borradores" / EJERCICIO).glob("*.tmp"))


def test_respuesta_muy_larga_se_rechaza_y_no_se_corta_en_silencio(curso):
    """Issue 22: 2,995 caracteres se guardaban cortados a 2,000 y se veía «Guardado». Ahora se
    rechaza con un mensaje en español y lo guardado antes queda igual."""
    p = entregas.identificar(curso, "Luis Peña", _codigo(curso), "0000")
    entregas.guardar_borrador(curso, EJERCICIO, p, {"a": "250", "c": "Mi respuesta de antes."}, TIPOS)
    antes = entregas.ruta_borrador(curso, EJERCICIO, p).read_bytes()
    with pytest.raises(entregas.Rechazo) as e:
        entregas.guardar_borrador(curso, EJERCICIO, p, {"a": "300", "c": "x" * 2995}, TIPOS)
    assert "pregunta 3" in e.value.mensaje and "2,995" in e.value.mensaje and "2,000" in e.value.mensaje
    assert "sobran 995" in e.value.mensaje and "no se guardó" in e.value.mensaje
    assert entregas.ruta_borrador(curso, EJERCICIO, p).read_bytes() == antes
    with pytest.raises(entregas.Rechazo, match="pregunta 1"):
        entregas.guardar_borrador(curso, EJERCICIO, p, {"a": "1" * (entregas.MAX_CORTA + 1)}, TIPOS)
    # Un salto de línea de formulario («\r\n») cuenta uno, como lo cuenta el celular.
    justo = "ab\r\n" * (entregas.MAX_ESCRITA // 3) + "x" * (entregas.MAX_ESCRITA % 3)
    entregas.guardar_borrador(curso, EJERCICIO, p, {"c": justo}, TIPOS)
    assert len(entregas.leer_borrador(curso, EJERCICIO, p)["respuestas"]["c"]) == entregas.MAX_ESCRITA


def test_borrador_roto_no_rompe_la_pagina(curso):
    p = entregas.identificar(curso, "Luis Peña", _codigo(curso), "0000")
    ruta = entregas.ruta_borrador(curso, EJERCICIO, p)
    ruta.parent.mkdir(parents=True)
    ruta.write_text("{medio archivo", encoding="utf-8")
    assert entregas.leer_borrador(curso, EJERCICIO, p) == {"respuestas": {}, "entregas": []}


def test_hora_de_entrega_en_hora_de_lima():
    momento = dt.datetime(2026, 3, 5, 15, 35, tzinfo=dt.UTC)
    assert entregas.hora_local(momento).startswith("10:35")


# ---------------------------------------------------------------- servidor y portada


def test_cada_ejercicio_con_banco_tiene_su_pagina():
    assert _bancos(), "no hay ningún banco de preguntas (exercises/source/*/preguntas.toml)"
    for id_ in _bancos():
        pagina = rutas.CUADERNOS / ejercicios.CARPETA_EJERCICIOS / f"{id_}.ipynb"
        assert pagina.is_file(), f"falta la página del celular {pagina}"
        codigo = "".join(c.source for c in nbformat.read(pagina, as_version=4).cells
                         if c.cell_type == "code")
        assert f'formulario_ejercicio("{id_}")' in codigo
        assert len(codigo.strip().splitlines()) <= 3  # cuaderno delgado


def test_portada_pone_primero_lo_que_existe_y_enlaza_el_ejercicio(tmp_path):
    curso = tmp_path / "curso"
    (curso / "source" / EJERCICIO).mkdir(parents=True)
    (curso / "source" / EJERCICIO / "preguntas.toml").write_text("", encoding="utf-8")
    filas = servidor.modulos_para_inicio(rutas.CUADERNOS, False, curso)
    assert [f["id"] for f in filas] == [m.id for m in modulos.MODULOS if m.listo] + \
        [m.id for m in modulos.MODULOS if not m.listo]
    fila = next(f for f in filas if f["id"] == EJERCICIO)
    # El celular recibe el formulario ligero (sin kernel); el de Voilà queda como versión completa.
    assert fila["ejercicio"] == f"/ejercicio/{EJERCICIO}"
    assert fila["ejercicio_completo"] == f"/voila/render/ejercicios/{EJERCICIO}.ipynb"
    html = servidor.pagina_inicio(rutas.CUADERNOS, None, curso)
    # La versión completa se abre desde el formulario ligero (la tarjeta no crece en el celular).
    assert f'href="/ejercicio/{EJERCICIO}"' in html and "/voila/render/ejercicios/" not in html
    if any(not m.listo for m in modulos.MODULOS):  # con los once listos no queda ninguno «próximamente»
        assert html.index(EJERCICIO) < html.index("próximamente")
    assert "Responder el ejercicio" in html
    # Sin --curso no hay a dónde entregar: no se enlaza.
    assert "Responder el ejercicio" not in servidor.pagina_inicio(rutas.CUADERNOS, None, None)


def test_taller_con_curso_sin_modo_y_modo_sin_curso():
    from lideres.errores import ErrorLideres

    with pytest.raises(ErrorLideres, match="--modo sirve solo con --curso"):
        servidor.iniciar(modo="examen", puerto=8866)
    args = cli.crear_parser().parse_args(["taller", "--curso", "x", "--modo", "examen"])
    assert args.curso == "x" and args.modo == "examen"


# ---------------------------------------------------------------- entregar (con el banco)


@pytest.fixture(scope="module")
def curso_asignado(tmp_path_factory):
    curso = tmp_path_factory.mktemp("celular") / "curso"
    assert cli.main(["curso", "asignar", EJERCICIO, "--curso", str(curso)]) == 0
    entregas.preparar_grupo(curso, "practica")
    return curso


def _preguntas(curso: Path) -> list[dict]:
    from lideres import banco

    return list(banco.cargar(EJERCICIO, curso=curso).publico()["preguntas"])


def _correctas(curso: Path) -> dict:
    """Las respuestas del banco completo (lado del facilitador), como las daría el celular."""
    from lideres import banco

    respuestas = {}
    for p in banco.cargar(EJERCICIO, curso=curso).preguntas:
        valor = p.respuesta
        respuestas[p.id] = list(valor) if isinstance(valor, list) else str(valor)
    return respuestas


@pytest.mark.lento
def test_entrega_es_una_entrega_de_nbgrader(curso_asignado):
    curso = curso_asignado
    tipos = {p["id"]: p["tipo"] for p in _preguntas(curso)}
    ana = entregas.identificar(curso, "Ana Núñez", _codigo(curso), "1234")
    primera = entregas.entregar(curso, EJERCICIO, ana, _correctas(curso), tipos,
                                ahora=dt.datetime(2026, 3, 5, 15, 0, tzinfo=dt.UTC))
    segunda = entregas.entregar(curso, EJERCICIO, ana, {}, tipos,
                                ahora=dt.datetime(2026, 3, 5, 15, 0, tzinfo=dt.UTC))
    assert primera == segunda
    enviada = curso / "submitted" / "ana-nunez" / EJERCICIO
    assert (enviada / f"{EJERCICIO}.ipynb").is_file()
    assert (enviada / "timestamp.txt").read_text(encoding="utf-8") == "2026-03-05 15:00:00.000000 UTC"
    nbformat.validate(nbformat.read(enviada / f"{EJERCICIO}.ipynb", as_version=4))
    # Las dos entregas quedan en recibidos/; en submitted/, la última.
    copias = sorted((curso / "recibidos" / EJERCICIO).glob("*/ana-nunez/*.ipynb"))
    assert len(copias) == 2
    assert (enviada / f"{EJERCICIO}.ipynb").read_bytes() == copias[-1].read_bytes()
    lista = ids.leer_lista(curso)
    assert lista["ana-nunez"]["nombre"] == "Ana Núñez"
    assert len(lista["ana-nunez"]["recojos"][EJERCICIO]) == 2
    assert len(entregas.leer_borrador(curso, EJERCICIO, ana)["entregas"]) == 2


@pytest.mark.lento
def test_veinte_entregas_a_la_vez_llegan_todas_sin_mezclarse(curso_asignado):
    curso = curso_asignado
    preguntas = _preguntas(curso)
    tipos = {p["id"]: p["tipo"] for p in preguntas}
    escrita = next(p["id"] for p in preguntas if p["tipo"] == "escrita")
    personas = [entregas.identificar(curso, f"Participante Número {i} Ñ", _codigo(curso), f"{i:04d}")
                for i in range(20)]
    inicio = threading.Barrier(20)

    def entregar(i):
        inicio.wait()
        return entregas.entregar(curso, EJERCICIO, personas[i], {escrita: f"Respuesta de la persona {i}."},
                                 tipos)

    with ThreadPoolExecutor(max_workers=20) as grupo:
        list(grupo.map(entregar, range(20)))
    lista = ids.leer_lista(curso)
    for i, p in enumerate(personas):
        cuaderno = curso / "submitted" / p.codigo / EJERCICIO / f"{EJERCICIO}.ipynb"
        texto = cuaderno.read_text(encoding="utf-8")
        assert f"Respuesta de la persona {i}." in texto
        assert not re.search(rf"Respuesta de la persona (?!{i}\.)\d+\.", texto)
        assert lista[p.codigo]["nombre"] == p.nombre
    assert len(list((curso / "recibidos" / EJERCICIO).glob("*/*/*.ipynb"))) >= 20


# ---------------------------------------------------------------- el formulario (widgets, sin navegador)


@pytest.fixture
def curso_con_banco(tmp_path):
    from lideres.curso import motor

    curso, _ = motor.preparar_curso(tmp_path / "curso", crear=True)
    entregas.preparar_grupo(curso, "practica")
    return curso


@pytest.fixture
def curso_asignado_con_banco(tmp_path, copiar_curso):
    """Como curso_con_banco, con los ejercicios ya asignados (una copia del curso de la sesión)."""
    curso = copiar_curso(tmp_path / "curso")
    entregas.preparar_grupo(curso, "practica")
    return curso


def _entrar(form, curso, nombre="Rosa Huamán", clave="4321"):
    form.nombre.value, form.codigo.value, form.clave.value = nombre, _codigo(curso), clave
    form.boton_entrar.click()


def test_formulario_guarda_cada_respuesta_y_la_recupera(curso_con_banco):
    from lideres.formulario.widgets import FormularioEjercicio

    curso = curso_con_banco
    form = FormularioEjercicio(EJERCICIO, curso)
    assert form.preguntas_caja.layout.display == "none"
    _entrar(form, curso, clave="12")
    assert "4 números" in form.mensaje_entrada.value and form.preguntas_caja.layout.display == "none"
    _entrar(form, curso)
    assert form.preguntas_caja.layout.display == "flex"
    por_tipo = {c.tipo: c for c in form.controles}
    por_tipo["numero"].control.value = "250,0"
    por_tipo["opcion"].control.value = "b"
    if "distrito" in por_tipo:
        por_tipo["distrito"].control.value = "Lince"
    assert "Guardado" in form.guardado.value

    otra = FormularioEjercicio(EJERCICIO, curso)   # la página recargada: un kernel nuevo
    _entrar(otra, curso)
    assert "Recuperamos tus" in otra.saludo.value
    assert {c.tipo: c.valor() for c in otra.controles}["numero"] == "250,0"
    assert {c.tipo: c.valor() for c in otra.controles}["opcion"] == "b"


def test_formulario_en_practica_revisa_y_explica(curso_con_banco):
    from lideres.formulario.widgets import FormularioEjercicio

    form = FormularioEjercicio(EJERCICIO, curso_con_banco)
    _entrar(form, curso_con_banco)
    numero = next(c for c in form.controles if c.tipo == "numero")
    numero.control.value = "0,0025"
    form._revisar(numero)
    assert "Todavía no" in numero.veredicto.value and "lideres-mal" in numero.veredicto.value
    numero.control.value = "250,0"
    assert numero.veredicto.value == ""  # al cambiar la respuesta, el veredicto viejo se va
    form._revisar(numero)
    assert "Correcto" in numero.veredicto.value and "Python" not in numero.veredicto.value


def test_formulario_en_examen_no_revisa_antes_de_entregar(curso_con_banco):
    from lideres.formulario.widgets import FormularioEjercicio

    entregas.preparar_grupo(curso_con_banco, "examen")
    form = FormularioEjercicio(EJERCICIO, curso_con_banco)
    descripciones = [getattr(h, "description", "") for c in form.controles for h in c.caja.children]
    assert "Revisar mi respuesta" not in descripciones


def test_formulario_sin_curso_avisa_en_espanol(monkeypatch):
    from lideres.formulario.widgets import FormularioEjercicio

    monkeypatch.delenv(entregas.VARIABLE_CURSO, raising=False)
    form = FormularioEjercicio(EJERCICIO)
    assert "lideres taller --curso" in form.raiz.children[-1].value


def test_preparacion_muestra_la_tabla_de_practica():
    from lideres import banco
    from lideres.formulario.widgets import preparacion_html

    texto = preparacion_html(banco.cargar(EJERCICIO).publico().get("preparacion"))
    # 02 practica con cifras reales (SIDPOL, INEI) y lo dice; los números llevan separador de miles.
    assert "reales" in texto and "<table" in texto
    assert re.search(r"<td>\d{1,3}(,\d{3})+</td>", texto)


@pytest.mark.lento
def test_respuestas_con_codigo_llegan_como_texto_y_se_califican(tmp_path, monkeypatch):
    """`__import__("os").system(...)` y `\"\"\"` en una respuesta son texto: no corren al calificar,
    el cuaderno se califica igual y el reporte lista la entrega del celular como una de cuaderno."""
    curso = tmp_path / "curso"
    assert cli.main(["curso", "asignar", EJERCICIO, "--curso", str(curso)]) == 0
    entregas.preparar_grupo(curso)
    marca = tmp_path / "marca_de_ataque"
    # La ruta va en una variable de entorno: el ataque cabe en una respuesta corta (100 caracteres;
    # una más larga ya no se corta, se rechaza) y, si corriera, el shell la expandiría.
    monkeypatch.setenv("LIDERES_MARCA_ATAQUE", str(marca))
    ataque = '__import__("os").system("touch $LIDERES_MARCA_ATAQUE")'
    assert len(ataque) <= entregas.MAX_CORTA
    preguntas = _preguntas(curso)
    tipos = {p["id"]: p["tipo"] for p in preguntas}
    respuestas = {}
    for p in preguntas:
        respuestas[p["id"]] = {"escrita": f'"""\n{ataque}\n"""', "numero": ataque}.get(p["tipo"], ataque)
    hugo = entregas.identificar(curso, "Hugo Ataque", _codigo(curso), "9999")
    entregas.entregar(curso, EJERCICIO, hugo, respuestas, tipos)
    cuaderno = nbformat.read(curso / "submitted" / hugo.codigo / EJERCICIO / f"{EJERCICIO}.ipynb", as_version=4)
    import ast

    for celda in cuaderno.cells:
        meta = celda.metadata.get("nbgrader") or {}
        if meta.get("solution") and celda.cell_type == "code":
            ast.parse(celda.source)  # sigue siendo Python válido
            literal = celda.source.split("=", 1)[1].strip().splitlines()[0]
            valor = ast.literal_eval(literal)  # un literal, no una llamada
            assert isinstance(valor, str) and valor.startswith('__import__("os")')
    assert cli.main(["curso", "calificar", EJERCICIO, "--curso", str(curso)]) == 0
    assert not marca.exists(), "una respuesta se ejecutó como código"
    from lideres.curso import motor

    puntos = motor.puntajes_por_celda(curso, EJERCICIO)[hugo.codigo]
    assert puntos and sum(a for a, _ in puntos.values() if a is not None) == 0
    assert cli.main(["curso", "reporte", "--curso", str(curso)]) == 0
    texto = (curso / "reportes" / "avance.csv").read_text(encoding="utf-8-sig")
    assert "Hugo Ataque" in texto


def test_formulario_en_examen_muestra_aciertos_al_entregar(curso_asignado_con_banco):
    from lideres.formulario.widgets import FormularioEjercicio

    curso = curso_asignado_con_banco
    entregas.preparar_grupo(curso, "examen")
    form = FormularioEjercicio(EJERCICIO, curso)
    _entrar(form, curso)
    numero = next(c for c in form.controles if c.tipo == "numero")
    numero.control.value = "40000"
    form.boton_entregar.click()
    assert "Entregado" in form.estado.value and "a las" in form.estado.value
    assert "sin responder" in form.estado.value
    assert "Dividiste al revés" in numero.veredicto.value
    assert (curso / "submitted" / "rosa-huaman" / EJERCICIO / f"{EJERCICIO}.ipynb").is_file()
    # Al volver a entrar se ve que ya entregó.
    otra = FormularioEjercicio(EJERCICIO, curso)
    _entrar(otra, curso)
    assert "Entregado" in otra.estado.value


def test_control_de_ordenar_con_botones():
    from lideres.formulario.widgets import ControlPregunta

    cambios = []
    c = ControlPregunta({"id": "o", "tipo": "orden", "puntos": 1, "enunciado": "Ordena",
                         "opciones": ["Comas", "Lince", "Breña"]}, 1, cambios.append)
    assert c.valor() is None  # sin tocar no cuenta como respondida
    etiqueta, subir, bajar = c.filas[0]
    assert subir.disabled and not bajar.disabled
    c.filas[2][1].click()  # subir Breña
    assert c.valor() == ["Comas", "Breña", "Lince"] and len(cambios) == 1
    assert c.filas[1][1].tooltip.startswith("Subir Breña")
    c.poner(["Lince", "Comas", "Breña"])
    assert c.valor() == ["Lince", "Comas", "Breña"] and len(cambios) == 1  # restaurar no guarda
    c.poner(["Lince", "Otro"])  # un borrador que no cuadra no rompe nada
    assert c.valor() == ["Lince", "Comas", "Breña"]


def test_entregar_con_la_lista_del_grupo_danada_avisa_sin_traceback(curso_asignado_con_banco):
    from lideres.formulario.widgets import NO_SE_PUDO_ENTREGAR, FormularioEjercicio

    curso = curso_asignado_con_banco
    (curso / ids.LISTA).write_text("{roto", encoding="utf-8")
    form = FormularioEjercicio(EJERCICIO, curso)
    _entrar(form, curso)
    form.boton_entregar.click()
    form.boton_en_blanco.click()  # sin respuestas: confirma que entrega en blanco
    assert NO_SE_PUDO_ENTREGAR.split(":")[0] in form.estado.value
    assert (curso / ids.LISTA).read_text(encoding="utf-8") == "{roto"  # nada se pisó
    assert not form.boton_entregar.disabled


def test_pagina_sin_banco_avisa_en_espanol(tmp_path):
    from lideres.formulario.widgets import formulario_ejercicio

    raiz = formulario_ejercicio("99_no_existe", tmp_path)
    assert "todavía no se puede responder" in raiz.children[0].value


@pytest.mark.lento
def test_taller_con_curso_asigna_e_imprime_el_codigo(tmp_path, monkeypatch):
    monkeypatch.delenv(entregas.VARIABLE_CURSO, raising=False)  # se restaura al terminar
    lineas = []
    datos = ejercicios.preparar_entregas(tmp_path / "curso", rutas.CUADERNOS, "examen", lineas.append)
    curso = datos["curso"]
    assert EJERCICIO in datos["ejercicios"] and (curso / "release" / EJERCICIO).is_dir()
    assert entregas.curso_del_taller() == curso
    ejercicios.imprimir_entregas(datos, lineas.append)
    texto = "\n".join(lineas)
    codigo = entregas.leer_grupo(curso)["codigo"]
    assert codigo.upper() in texto and "Modo examen" in texto
    # La segunda vez, el mismo código y sin volver a asignar.
    lineas.clear()
    otra = ejercicios.preparar_entregas(curso, rutas.CUADERNOS, None, lineas.append)
    assert otra["grupo"]["codigo"] == codigo and otra["grupo"]["modo"] == "examen"
    assert not any("Asignando" in linea for linea in lineas)


def test_textos_del_formulario_se_leen_facil(curso_con_banco):
    """Lo que el formulario dice por su cuenta (no las preguntas del banco): Fernández-Huerta ≥ 70."""
    from lideres.formulario import widgets
    from tests.legibilidad import MINIMO, fernandez_huerta

    form = widgets.FormularioEjercicio(EJERCICIO, curso_con_banco)
    textos = [form.entrada.children[0].value, widgets.NO_SE_PUDO_GUARDAR, widgets.NO_SE_PUDO_ENTREGAR,
              widgets.SIN_RESPUESTAS]
    for nombre, clave in [("", "1"), ("Ana", "12")]:
        try:
            entregas.identificar(curso_con_banco, nombre, _codigo(curso_con_banco), clave)
        except entregas.Rechazo as e:
            textos.append(e.mensaje)
    entregas.identificar(curso_con_banco, "Ana", _codigo(curso_con_banco), "1111")
    with pytest.raises(entregas.Rechazo) as e:
        entregas.identificar(curso_con_banco, "Ana", _codigo(curso_con_banco), "2222")
    textos.append(e.value.mensaje)
    texto = " ".join(re.sub(r"<[^>]+>", " ", t) for t in textos)
    assert fernandez_huerta(texto) >= MINIMO, fernandez_huerta(texto)


def test_celular_compartido_la_siguiente_persona_empieza_en_blanco(curso_con_banco):
    from lideres.formulario.widgets import FormularioEjercicio

    curso = curso_con_banco
    form = FormularioEjercicio(EJERCICIO, curso)
    _entrar(form, curso)
    numero = next(c for c in form.controles if c.tipo == "numero")
    numero.control.value = "250"
    form.boton_salir.click()
    assert form.preguntas_caja.layout.display == "none" and form.entrada.layout.display == "flex"
    assert all(c.valor() is None for c in form.controles) and form.clave.value == ""
    _entrar(form, curso, nombre="Pedro Ccori", clave="5555")
    assert "Recuperamos" not in form.saludo.value and numero.valor() is None
    rosa = entregas.Participante("Rosa Huamán", "rosa-huaman")
    assert entregas.leer_borrador(curso, EJERCICIO, rosa)["respuestas"] == {numero.id: "250"}


def test_entregar_en_blanco_pide_confirmar(curso_asignado_con_banco):
    from lideres.formulario.widgets import SIN_RESPUESTAS, FormularioEjercicio

    curso = curso_asignado_con_banco
    form = FormularioEjercicio(EJERCICIO, curso)
    _entrar(form, curso)
    enviada = curso / "submitted" / "rosa-huaman" / EJERCICIO
    form.boton_entregar.click()
    assert SIN_RESPUESTAS in form.estado.value and form.boton_en_blanco.layout.display != "none"
    assert not enviada.exists()
    # Si responde algo, ya no hay nada que confirmar y «Entregar» entrega de una vez.
    next(c for c in form.controles if c.tipo == "numero").control.value = "250"
    assert form.boton_en_blanco.layout.display == "none" and SIN_RESPUESTAS not in form.estado.value
    form.boton_entregar.click()
    assert "Entregado" in form.estado.value and (enviada / f"{EJERCICIO}.ipynb").is_file()
    # La siguiente persona en el mismo celular, en blanco y a propósito: confirma y entrega.
    form.boton_salir.click()
    _entrar(form, curso, nombre="Pedro Ccori", clave="5555")
    form.boton_entregar.click()
    form.boton_en_blanco.click()
    assert "Entregado" in form.estado.value
    assert (curso / "submitted" / "pedro-ccori" / EJERCICIO / f"{EJERCICIO}.ipynb").is_file()


def test_facilitador_borra_la_clave_olvidada(curso_con_banco, capsys):
    curso = curso_con_banco
    rosa = entregas.identificar(curso, "Rosa Huamán", _codigo(curso), "4321")
    entregas.guardar_borrador(curso, EJERCICIO, rosa, {"a": "250"}, TIPOS)
    entregas.identificar(curso, "Pedro Ccori", _codigo(curso), "1111")
    with pytest.raises(entregas.Rechazo):
        entregas.identificar(curso, "Rosa Huamán", _codigo(curso), "9999")
    assert cli.main(["curso", "clave", "rosa", "huaman", "--curso", str(curso)]) == 0
    assert "se borró la clave de rosa huaman" in capsys.readouterr().out.casefold()
    assert entregas.identificar(curso, "Rosa Huamán", _codigo(curso), "9999") == rosa  # la nueva vale
    assert entregas.leer_borrador(curso, EJERCICIO, rosa)["respuestas"] == {"a": "250"}
    with pytest.raises(entregas.Rechazo):
        entregas.identificar(curso, "Pedro Ccori", _codigo(curso), "2222")  # la de otro no cambió
    # Un nombre que no está: dice quiénes tienen clave.
    assert cli.main(["curso", "clave", "Rosa Mamani", "--curso", str(curso)]) == 1
    error = capsys.readouterr().err
    assert "Nadie con el nombre «Rosa Mamani»" in error and "Rosa Huamán" in error and "Pedro Ccori" in error


def test_formulario_voila_cuenta_caracteres_y_no_guarda_una_escrita_muy_larga(curso_con_banco):
    """Issue 22 en el formulario de Voilà: el contador a la vista antes del tope; pasado el tope, un
    aviso, «Guardado» no aparece y el borrador conserva el texto de antes (no uno cortado)."""
    from lideres.formulario.widgets import FormularioEjercicio

    curso = curso_con_banco
    form = FormularioEjercicio(EJERCICIO, curso)
    _entrar(form, curso)
    escrita = next(c for c in form.controles if c.tipo == "escrita")
    assert escrita.contador in escrita.caja.children
    assert "0 de 2,000 caracteres" in escrita.contador.value
    escrita.control.value = "Hay que mirar la tasa."
    assert "22 de 2,000 caracteres" in escrita.contador.value and "Guardado" in form.guardado.value
    escrita.control.value = "x" * 2995
    assert "2,995 de 2,000" in escrita.contador.value and "Te pasaste por 995" in escrita.contador.value
    assert "lideres-mal" in form.guardado.value and "pregunta" in form.guardado.value
    rosa = entregas.Participante("Rosa Huamán", "rosa-huaman")
    assert entregas.leer_borrador(curso, EJERCICIO, rosa)["respuestas"][escrita.id] == "Hay que mirar la tasa."
    escrita.control.value = "x" * 2000  # justo el tope: se guarda entero
    assert "Guardado" in form.guardado.value
    assert entregas.leer_borrador(curso, EJERCICIO, rosa)["respuestas"][escrita.id] == "x" * 2000
