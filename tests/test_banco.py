"""El banco de preguntas: lectura del TOML con errores en español, forma pública sin respuestas y
revisión de respuestas tal como la gente las escribe (sin lanzar nunca un error)."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lideres import banco, rutas
from lideres.banco import claves
from lideres.errores import ErrorLideres

EJERCICIO = "02_conteos_y_tasas"


@pytest.fixture(scope="module")
def publico() -> dict:
    return banco.cargar(EJERCICIO).publico()


def _pregunta(publico: dict, id_: str) -> dict:
    return next(p for p in publico["preguntas"] if p["id"] == id_)


def _correcto(publico, id_, valor):
    return banco.revisar(_pregunta(publico, id_), valor).correcto


# --- lectura ---------------------------------------------------------------------------------------

def test_cargar_el_banco_del_modulo_02():
    b = banco.cargar(EJERCICIO)
    assert b.ejercicio == EJERCICIO and b.titulo == "Conteos y tasas"
    assert [p.tipo for p in b.preguntas] == ["numero", "distrito", "opcion", "opcion", "opcion", "escrita"]
    assert (b.puntos_automaticos, b.puntos_manuales, b.puntos) == (6, 3, 9)
    assert [p.manual for p in b.preguntas] == [False, False, False, False, False, True]
    assert [p.habilidad for p in b.preguntas] == ["calculo", "calculo", "juicio", "juicio", "juicio", "juicio"]
    assert [p.id for p in b.de_juicio] == ["tasa-poco-confiable", "conteo-o-tasa", "tasa-del-cercado"]
    assert b.pregunta("tasa-poco-confiable").opciones[1].startswith("La tasa es poco confiable")


def test_cargar_por_carpeta_o_por_archivo():
    carpeta = rutas.CURSO / "source" / EJERCICIO
    assert banco.cargar(carpeta).ejercicio == banco.cargar(carpeta / "preguntas.toml").ejercicio == EJERCICIO


def test_importar_el_banco_solo_usa_la_biblioteca_estandar():
    codigo = ("import sys, lideres.banco as b; b.cargar('02_conteos_y_tasas').publico(); "
              "print(sorted(m for m in sys.modules if m.split('.')[0] in "
              "('pandas', 'numpy', 'nbformat', 'nbgrader', 'jinja2', 'matplotlib')))")
    hecho = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True, check=True)
    assert hecho.stdout.strip() == "[]"


def _escribir(tmp_path: Path, texto: str, carpeta: str = "05_prueba") -> Path:
    ruta = tmp_path / carpeta / "preguntas.toml"
    ruta.parent.mkdir(parents=True, exist_ok=True)
    ruta.write_text(textwrap.dedent(texto), encoding="utf-8")
    return ruta


BUENO = '''
ejercicio = "05_prueba"
titulo = "Prueba"
introduccion = "Hola."

[[preguntas]]
id = "cuanto"
tipo = "numero"
puntos = 1
enunciado = "¿Cuánto?"
respuesta = 12.5
explicacion = "Suma."
habilidad = "calculo"

[[preguntas]]
id = "que-piensas"
tipo = "escrita"
habilidad = "juicio"
puntos = 2
enunciado = "¿Qué piensas?"
respuesta = "Algo."
'''


def test_un_banco_minimo_se_lee_y_avisa_si_tiene_pocas_preguntas(tmp_path):
    b = banco.cargar(_escribir(tmp_path, BUENO))
    assert b.puntos == 3 and len(b.avisos) == 2 and "al menos 4" in b.avisos[0]
    assert "juicio" in b.avisos[1] and "al menos 3" in b.avisos[1]
    assert b.por_habilidad() == {"juicio": ["que-piensas"], "calculo": ["cuanto"], "recuerdo": []}


def test_la_habilidad_no_va_en_la_forma_publica(tmp_path):
    """Lo usan las pruebas y el reporte de quien facilita; al participante no le hace falta."""
    publica = banco.cargar(_escribir(tmp_path, BUENO)).publico()
    assert all("habilidad" not in p for p in publica["preguntas"])


@pytest.mark.parametrize("cambio, dice", [
    (("tipo = \"numero\"", "tipo = \"numerito\""), ["línea 8", "Pregunta 1 («cuanto»)", "«tipo»"]),
    (("puntos = 1", "puntos = 0"), ["línea 9", "«puntos»"]),
    (("puntos = 1", "puntaje = 1"), ["Pregunta 1", "campo desconocido «puntaje»", "línea 9"]),
    (("explicacion = \"Suma.\"", ""), ["Pregunta 1", "«explicacion»"]),
    (("respuesta = 12.5", "respuesta = \"doce\""), ["no se puede leer", "«respuesta»"]),
    (("id = \"cuanto\"", "id = \"Cuánto\""), ["«id»", "minúsculas"]),
    (("ejercicio = \"05_prueba\"", "ejercicio = \"06_otra\""), ["carpeta «05_prueba»"]),
    (("tipo = \"escrita\"", "tipo = \"distrito\"\nexplicacion = \"x\"\nopciones = [\"Algo.\"]"),
     ["exactamente una", "escrita"]),
    (("respuesta = 12.5", "respuesta = 12.5\nexplicacion = \"Da 12.5\""), []),  # TOML repetido
    (("explicacion = \"Suma.\"", "explicacion = \"Suma: da 12.5.\""), ["dice la respuesta"]),
    (("titulo = \"Prueba\"", "titulo = \"Prueba"), ["no es TOML válido", "línea 3"]),
    (("habilidad = \"calculo\"\n", ""), ["línea 6", "Pregunta 1 («cuanto»)", "falta «habilidad»",
                                            '"juicio", "calculo" o "recuerdo"']),
    (("habilidad = \"calculo\"", "habilidad = \"cálculo\""), ["línea 13", "«habilidad» debe ser uno de",
                                                               "juicio, calculo, recuerdo", "sin tildes"]),
    (("habilidad = \"calculo\"", "habilidad = 3"), ["«habilidad» debe ser uno de"]),
])
def test_errores_en_espanol_con_pregunta_campo_y_linea(tmp_path, cambio, dice):
    ruta = _escribir(tmp_path, BUENO.replace(*cambio, 1))
    with pytest.raises(ErrorLideres) as error:
        banco.cargar(ruta)
    mensaje = str(error.value)
    assert "preguntas.toml" in mensaje
    for trozo in dice:
        assert trozo in mensaje, mensaje


def test_orden_que_muestra_la_respuesta(tmp_path):
    texto = BUENO.replace('''id = "que-piensas"''', '''id = "ordenar"
tipo = "orden"
habilidad = "recuerdo"
puntos = 1
enunciado = "Ordena."
opciones = ["Comas", "Lince"]
respuesta = ["Comas", "Lince"]
explicacion = "Mira."

[[preguntas]]
id = "que-piensas"''')
    with pytest.raises(ErrorLideres, match="ya en el orden de la respuesta"):
        banco.cargar(_escribir(tmp_path, texto))
    b = banco.cargar(_escribir(tmp_path, texto.replace('respuesta = ["Comas", "Lince"]', 'respuesta = ["lince", "COMAS"]')))
    assert banco.revisar(b.publico()["preguntas"][1], "Lince; Comas").correcto is True


def test_banco_que_no_existe(tmp_path):
    with pytest.raises(ErrorLideres, match="No existe el banco de preguntas"):
        banco.cargar("99_nada", curso=tmp_path)


def test_la_plantilla_valida():
    b = banco.cargar(rutas.CURSO / "_plantilla")
    assert sorted({p.tipo for p in b.preguntas}) == sorted(banco.carga.TIPOS)
    assert b.avisos == []


# --- forma pública ---------------------------------------------------------------------------------

def test_la_forma_publica_no_tiene_respuestas(publico):
    texto = json.dumps(publico, ensure_ascii=False)
    json.loads(texto)
    b = banco.cargar(EJERCICIO)
    for pregunta in publico["preguntas"]:
        assert "respuesta" not in pregunta
        assert set(pregunta) >= {"id", "tipo", "puntos", "enunciado", "opciones", "explicacion", "tolerancia",
                                 "huellas", "errores", "sal"}
        assert pregunta["sal"] == f"{EJERCICIO}:{pregunta['id']}"
    # la respuesta escrita modelo y las claves no aparecen
    assert b.pregunta("reflexion-junta-vecinal").respuesta.strip()[:40] not in texto
    assert '"b"' not in texto and "250" not in texto.replace("1,250", "")


def test_huella_como_dice_el_contrato():
    import hashlib

    esperado = hashlib.sha256(b"02_conteos_y_tasas:tasa-poco-confiable|b").hexdigest()[:24]
    assert claves.huella("02_conteos_y_tasas:tasa-poco-confiable", "b") == esperado


def test_distrito_sin_opciones_usa_los_distritos_del_curso(tmp_path):
    texto = BUENO.replace('''id = "que-piensas"''', '''id = "donde"
tipo = "distrito"
habilidad = "recuerdo"
puntos = 1
enunciado = "¿Dónde?"
respuesta = "Florencia de Mora"
explicacion = "Mira el mapa."

[[preguntas]]
id = "que-piensas"''')
    b = banco.cargar(_escribir(tmp_path, texto))
    p = b.pregunta("donde")
    assert len(p.opciones) == 61 and "Florencia de Mora" in p.opciones
    publica = b.publico()["preguntas"][1]
    assert banco.revisar(publica, "florencia de mora").correcto
    assert banco.revisar(publica, "Florensia de Mora").correcto  # una letra
    assert banco.revisar(publica, "La Esperanza").correcto is False


# --- revisar: como lo escribe la gente --------------------------------------------------------------

@pytest.mark.parametrize("valor", [250, 250.0, "250", " 250 ", "250,0", (250, 0), "250.0", 250.4, "249,6",
                                   "2 5 0"])
def test_numero_correcto(publico, valor):
    assert _correcto(publico, "tasa-por-100k", valor) is True


@pytest.mark.parametrize("valor", [251.5, 0.0025, 40000, "40,000", (1, 250), "1 250", -250])
def test_numero_incorrecto(publico, valor):
    assert _correcto(publico, "tasa-por-100k", valor) is False


def test_numero_miles_y_decimales():
    assert claves.como_numero("1,250") == (1250.0, False)
    assert claves.como_numero("1 250") == (1250.0, False)
    assert claves.como_numero("1,250.5") == (1250.5, False)
    assert claves.como_numero("250,0") == (250.0, True)
    assert claves.como_numero((250, 0)) == (250.0, True)
    assert claves.como_numero("0,125") == (0.125, True)
    assert claves.como_numero("1_250") == (1250.0, False)
    for malo in ("inf", "nan", "1e3", "doscientos", "٣", True, None, ..., [250], (250,), (1.5, 2), {}):
        assert claves.como_numero(malo) == (None, False), malo


def test_pista_de_la_coma_decimal(publico):
    for valor in ((250, 0), "250,0"):
        veredicto = banco.revisar(_pregunta(publico, "tasa-por-100k"), valor)
        assert veredicto.correcto and "En Python el decimal se escribe con punto: 250.0" in veredicto.mensaje
    veredicto = banco.revisar(_pregunta(publico, "tasa-por-100k"), (251, 7))
    assert veredicto.correcto is False and "con punto: 251.7" in veredicto.mensaje
    assert "punto" not in banco.revisar(_pregunta(publico, "tasa-por-100k"), 250.0).mensaje


def test_errores_comunes_con_su_pista(publico):
    q = _pregunta(publico, "tasa-por-100k")
    assert banco.revisar(q, 0.0025).mensaje == "Falta multiplicar por 100,000."
    assert banco.revisar(q, 0.00251).mensaje == "Falta multiplicar por 100,000."
    assert "al revés" in banco.revisar(q, 40_000).mensaje
    assert banco.revisar(q, 7).mensaje == q["explicacion"]
    d = _pregunta(publico, "distrito-tasa-mas-alta")
    assert "MÁS denuncias" in banco.revisar(d, "san juan de lurigancho").mensaje
    o = _pregunta(publico, "tasa-poco-confiable")
    assert "1,142 habitantes" in banco.revisar(o, "A)").mensaje


@pytest.mark.parametrize("valor", ["b", "la b", "B)", "b.", "(b)", " B ", "Alternativa B", "opción b",
                                   "b) La tasa es poco confiable"])
def test_opcion_correcta(publico, valor):
    assert _correcto(publico, "tasa-poco-confiable", valor) is True


@pytest.mark.parametrize("valor, esperado", [("a", False), ("c)", False), ("D", False), ("e", None),
                                             ("respuesta b", None), ("bb", None), (2, None), ("", None)])
def test_opcion_incorrecta_o_ilegible(publico, valor, esperado):
    assert _correcto(publico, "tasa-poco-confiable", valor) is esperado


@pytest.mark.parametrize("valor", ["Lince", "lince", "LINCE", "  Lince ", "Línce", "Linse", "Lince.", "lInCe"])
def test_distrito_correcto(publico, valor):
    assert _correcto(publico, "distrito-tasa-mas-alta", valor) is True


def test_distrito_corregido_dice_como_se_escribe(publico):
    assert "Se escribe «Lince»" in banco.revisar(_pregunta(publico, "distrito-tasa-mas-alta"), "Linse").mensaje


@pytest.mark.parametrize("valor, esperado", [("Comas", False), ("Miraflore", False), ("Lima", False),
                                             ("Lindo", False), (3, None), (["Lince"], None)])
def test_distrito_incorrecto(publico, valor, esperado):
    assert _correcto(publico, "distrito-tasa-mas-alta", valor) is esperado


def test_distrito_con_espacios_y_tildes():
    assert claves.clave_texto("  San  Martín de   Porres ") == "san martin de porres"
    assert claves.clave_texto("VILLA EL SALVADOR") == claves.clave_texto("Villa el Salvador")
    assert claves.clave_texto("Carmen de la Legua-Reynoso") == "carmen de la legua reynoso"
    assert claves.clave_texto("Ñaña") == "nana"


def test_orden():
    publica = {"tipo": "orden", "sal": "x:y", "opciones": ["Comas", "Lince", "Ate"],
               "huellas": [claves.huella("x:y", "lince|comas|ate")], "errores": {}, "explicacion": "Mira."}
    assert banco.revisar(publica, ["Lince", "Comas", "Ate"]).correcto is True
    assert banco.revisar(publica, ("lince", "comas", "ATE")).correcto is True
    assert banco.revisar(publica, "Linse, Comas, Ate").correcto is True
    assert banco.revisar(publica, ["Comas", "Lince", "Ate"]).mensaje == "Mira."
    assert "una sola vez" in banco.revisar(publica, ["Lince", "Comas"]).mensaje
    assert banco.revisar(publica, []).correcto is None


def test_escrita_nunca_se_revisa_sola(publico):
    q = _pregunta(publico, "reflexion-junta-vecinal")
    assert banco.revisar(q, "Le diría que…") == banco.Veredicto(None, "Esta respuesta la revisa tu "
                                                                      "facilitador o facilitadora.")
    assert banco.revisar(q, ...).correcto is None


def test_vacio(publico):
    for q in publico["preguntas"]:
        for vacio in (None, ..., "", "   ", [], ()):
            assert banco.revisar(q, vacio) == banco.Veredicto(None, "Todavía no respondiste esta pregunta.")


# --- revisar nunca lanza ----------------------------------------------------------------------------

class _Malo:
    def __str__(self):
        raise RuntimeError("no")

    __repr__ = __format__ = __float__ = __index__ = __int__ = __eq__ = __hash__ = __str__

    def __len__(self):
        raise RuntimeError("no")


class _TextoMalo(str):
    def strip(self, *a):
        raise RuntimeError("no")

    def lower(self):
        raise RuntimeError("no")


class _ClaseMala:
    @property
    def __class__(self):
        raise RuntimeError("no")


def _raros():
    yield from (None, ..., True, False, 0, -0.0, float("nan"), float("inf"), -1e308, 10**400, 1j, b"b",
                bytearray(b"250"), "x" * 10_000_000, "\x00", "\ud800", "🙂", "\u202e b", (), (250, -1),
                (1, 2, 3, 4, 5), ((250, 0),), [None], [[["Lince"]]], {"a": 1}, {1, 2}, range(3), object(),
                _Malo(), _TextoMalo("b"), _ClaseMala(), print, type, Exception("b"), [_Malo()], (_Malo(), 0))
    azar = random.Random(20251127)
    letras = "ab ,.()-_0123456789ÁéñÑ\u00a0\t\n'\"[]"
    for _ in range(400):
        yield "".join(azar.choice(letras) for _ in range(azar.randint(0, 20)))
        yield tuple(azar.randint(-5, 2000) for _ in range(azar.randint(0, 5)))
        yield azar.uniform(-1e6, 1e6)


def test_revisar_nunca_lanza(publico):
    for valor in _raros():
        for q in publico["preguntas"]:
            veredicto = banco.revisar(q, valor)
            assert veredicto.correcto in (True, False, None)
            assert isinstance(veredicto.mensaje, str) and veredicto.mensaje


@pytest.mark.parametrize("publica", [None, {}, {"tipo": "numero"}, {"tipo": "otro", "sal": "x"}, "texto", 3,
                                     {"tipo": "numero", "sal": "x", "huellas": 5, "tolerancia": "0"},
                                     {"tipo": "opcion", "sal": "x", "opciones": None, "huellas": None}])
def test_revisar_con_banco_danado_tampoco_lanza(publica):
    veredicto = banco.revisar(publica, "b")
    assert veredicto.correcto is None or veredicto.correcto is False


# --- el revisor del cuaderno -------------------------------------------------------------------------

def test_revisor_imprime_pistas_y_no_lanza(publico, capsys):
    revisar = banco.revisor(banco.codificar(publico))
    assert revisar("tasa-por-100k", 250) is None
    revisar("tasa-por-100k", 0.0025)
    revisar("no-existe", 1)
    revisar("distrito-tasa-mas-alta", _Malo())
    salida = capsys.readouterr().out.splitlines()
    assert salida[0] == "¡Bien!" and salida[1] == "Pista: Falta multiplicar por 100,000."
    assert "No encuentro esa pregunta" in salida[2] and salida[3]
    assert banco.revisor("no es base64!")("x", 1) is None


def test_revisor_es_para_las_pruebas_ocultas(publico):
    revisar = banco.revisor(publico)
    assert revisar.es("tasa-por-100k", "250,0", 250) and not revisar.es("tasa-por-100k", 251, 250)
    assert revisar.es("distrito-tasa-mas-alta", "Linse", "Lince")
    assert revisar.es("tasa-poco-confiable", "la b", "b") and not revisar.es("tasa-poco-confiable", "a", "b")
    assert not revisar.es("tasa-poco-confiable", _Malo(), "b") and not revisar.es("nada", 1, 1)
    assert revisar.es("tasa-poco-confiable", "c", ["b", "c"]) and not revisar.es("tasa-poco-confiable", "a", ["b", "c"])
    assert revisar.pista("tasa-por-100k", 0.0025) == "Pista: Falta multiplicar por 100,000."


def test_codificar_es_estable(publico):
    assert banco.codificar(publico) == banco.codificar(json.loads(json.dumps(publico)))
    assert banco.decodificar(banco.codificar(publico)) == json.loads(json.dumps(publico))
