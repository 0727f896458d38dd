"""La autoevaluación del libro (lideres.cuestionario): HTML de la plantilla, accesible, sin respuestas
legibles y dentro del capítulo. Lo que hace el JavaScript se prueba en tests/navegador/."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from lideres import banco, cuestionario, libro
from lideres.modulos import MODULOS

ID = "02_conteos_y_tasas"


class _Etiquetas(HTMLParser):
    def __init__(self):
        super().__init__()
        self.campos, self.para, self.fieldsets, self.legends, self.datos = [], set(), 0, 0, None
        self._en_datos = False

    def handle_starttag(self, tag, attrs):
        d = dict(attrs)
        if tag in ("input", "select", "textarea") and d.get("type") != "radio":
            self.campos.append(d.get("id"))
        if tag == "label" and d.get("for"):
            self.para.add(d["for"])
        self.fieldsets += tag == "fieldset"
        self.legends += tag == "legend"
        self._en_datos = tag == "script" and d.get("class") == "lideres-datos"

    def handle_data(self, data):
        if self._en_datos:
            self.datos = json.loads(data)
            self._en_datos = False


@pytest.fixture(scope="module")
def publico():
    return banco.cargar(ID).publico()


@pytest.fixture(scope="module")
def pagina(publico):
    return cuestionario.html(publico)


def test_cada_campo_tiene_etiqueta_y_cada_pregunta_su_leyenda(pagina, publico):
    p = _Etiquetas()
    p.feed(pagina)
    assert p.fieldsets == p.legends == len(publico["preguntas"])
    assert p.campos and all(c and c in p.para for c in p.campos)
    assert pagina.count('type="radio"') == sum(
        len(q["opciones"]) for q in publico["preguntas"] if q["tipo"] == "opcion")
    assert 'aria-live="polite"' in pagina


def test_sin_respuestas_legibles(pagina, publico):
    """La página lleva huellas y pistas, nunca la respuesta ni la respuesta modelo de la escrita."""
    p = _Etiquetas()
    p.feed(pagina)
    completo = banco.cargar(ID)
    for q in p.datos["preguntas"]:
        assert set(q) <= {"id", "tipo", "sal", "huellas", "errores", "tolerancia", "tolerancias",
                          "opciones", "explicacion"}
        assert all(re.fullmatch(r"[0-9a-f]{24}", h) for h in q["huellas"])
    escrita = next(q for q in completo.preguntas if q.manual)
    assert " ".join(str(escrita.respuesta).split())[:60] not in " ".join(pagina.split())


def test_el_enunciado_no_puede_meter_html(publico):
    """Un enunciado con HTML se muestra como texto: nada corre en la página del lector."""
    raro = json.loads(json.dumps(publico))
    raro["preguntas"][0]["enunciado"] = "Mira <script>alert(1)</script> **esto** <img src=x onerror=y>"
    pagina = cuestionario.html(raro)
    assert "<script>alert(1)" not in pagina and "<img src=x" not in pagina
    assert "<strong>esto</strong>" in pagina


def test_todo_en_la_pagina_sin_pedidos_externos(pagina, tmp_path):
    (tmp_path / "c.html").write_text(f'<html lang="es"><body>{pagina}</body></html>', encoding="utf-8")
    assert libro.revisar_html(tmp_path) == []
    assert "<script src" not in pagina and "<link" not in pagina


def test_el_capitulo_cierra_con_la_autoevaluacion(tmp_path):
    """`lideres libro` agrega la autoevaluación al capítulo de un módulo con banco; sin banco, nada."""
    libro_tmp = tmp_path / "book"
    copiados = libro.preparar(libro_tmp)
    generado = libro_tmp / libro.CARPETA_GENERADO
    for ruta in copiados:
        nb = json.loads(ruta.read_text(encoding="utf-8"))
        fuentes = ["".join(c["source"]) for c in nb["cells"]]
        tiene_banco = banco.carga.ruta_del_banco(ruta.stem).is_file()
        incluye = f":file: ../{libro.CARPETA_GENERADO}/{cuestionario.nombre_archivo(ruta.stem)}"
        assert (incluye in fuentes[-1]) == tiene_banco
        assert (generado / cuestionario.nombre_archivo(ruta.stem)).is_file() == tiene_banco
    assert any(m.id == ID and m.listo for m in MODULOS)
    nb = json.loads((libro_tmp / libro.CARPETA_MODULOS / f"{ID}.ipynb").read_text(encoding="utf-8"))
    titulo = next(c for c in nb["cells"] if f"## {cuestionario.TITULO}" in "".join(c["source"]))
    codigo = nb["cells"][nb["cells"].index(titulo) + 1]
    assert codigo["cell_type"] == "code" and codigo["metadata"]["tags"] == ["remove-input"]
    # Una segunda preparación igual no reescribe la autoevaluación (la caché del libro la reconoce).
    pagina = generado / cuestionario.nombre_archivo(ID)
    antes = pagina.stat().st_mtime_ns
    libro.preparar(libro_tmp)
    assert pagina.stat().st_mtime_ns == antes


def test_lista_larga_de_distritos_en_orden_alfabetico(publico):
    raro = json.loads(json.dumps(publico))
    distrito = next(q for q in raro["preguntas"] if q["tipo"] == "distrito")
    distrito["opciones"] = banco.distritos_del_curso()
    pagina = cuestionario.html(raro)
    nombres = re.findall(r"<option>([^<]+)</option>", pagina)
    assert len(nombres) == len(distrito["opciones"]) > cuestionario.LISTA_CORTA
    assert nombres.index("Ate") < nombres.index("Breña") < nombres.index("Callao") < nombres.index("Lince")
    corta = cuestionario.html(publico)
    assert re.findall(r"<option>([^<]+)</option>", corta) == next(
        q for q in publico["preguntas"] if q["tipo"] == "distrito")["opciones"]


def test_nada_sale_del_navegador():
    """El JavaScript no envía nada: sin pedidos de red ni cookies. Solo guarda en el propio navegador
    (localStorage) las respuestas que se revisan, para no perderlas al recargar."""
    codigo = cuestionario.codigo_js()
    for prohibido in ("fetch(", "XMLHttpRequest", "sendBeacon", "WebSocket",
                      "sessionStorage", "indexedDB", "document.cookie", "import("):
        assert prohibido not in codigo, prohibido


def test_textos_de_la_pagina_se_leen_facil():
    from tests.legibilidad import MINIMO, fernandez_huerta

    frases = [v if v.rstrip()[-1] in ".:;?!" else v + "." for v in cuestionario.TEXTOS_PAGINA.values()
              if len(v.split()) > 3 and "{" not in v]
    indice = fernandez_huerta(" ".join(frases))
    assert indice >= MINIMO, f"Fernández-Huerta {indice:.1f} < {MINIMO}: acorta las frases"


def test_tabla_de_practica_del_libro_se_lee_bien():
    """La tabla de práctica del 02 en el libro: sin números de fila, «Población» con tilde y cifras
    con separador de miles (no «1177629»)."""
    import pandas as pd

    from lideres.graficos import tabla_de_practica

    codigo = cuestionario.codigo_para_el_libro(banco.cargar("02_conteos_y_tasas").preparacion["codigo"])
    assert codigo.splitlines()[-1] == "tabla_de_practica(practica)"
    espacio: dict = {}
    exec(codigo, espacio)  # noqa: S102 — el código de la preparación, del propio banco
    html = tabla_de_practica(espacio["practica"]).to_html()
    assert "Población 2020" in html and "Denuncias 2025" in html and "poblacion" not in html
    assert "1,177,629" in html and "1177629" not in html
    assert 'class="row_heading' not in html  # sin la columna de números de fila
    assert cuestionario.codigo_para_el_libro("x = 1\nprint(x)") == "x = 1\nprint(x)"
    assert "2.5" in tabla_de_practica(pd.DataFrame({"tasa_100k": [2.5]})).to_html()
