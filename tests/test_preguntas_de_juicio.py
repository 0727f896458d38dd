"""Issue 18 §3: cada banco pide juicio, no solo recordar o calcular.

Recorre todos los módulos de `lideres.modulos.MODULOS`: los que aún no tienen banco se saltan,
y el día que lo tengan (05–10) se revisan solos. Un módulo listo sin banco falla.
Además: una tabla de práctica con nombres reales lleva cifras reales (las de data/), y el reporte
de quien facilita recibe la habilidad de cada pregunta para agruparlas.
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from lideres import banco, rutas
from lideres.banco.carga import HABILIDADES, MINIMO_AUTOMATICAS, MINIMO_JUICIO
from lideres.modulos import MODULOS


def _ids(m):
    return m.id


# Brechas conocidas, a la vista (la prueba falla, strict, cuando se corrigen: quita la marca).
# módulo -> por qué su banco aún no cumple esa regla.
SIN_PISTAS_PENDIENTES: dict[str, str] = {}
CIFRAS_PENDIENTES: dict[str, str] = {}


def _con_pendientes(parametros, pendientes, id_de):
    return [pytest.param(p, marks=pytest.mark.xfail(reason=pendientes[id_de(p)], strict=True))
            if id_de(p) in pendientes else p for p in parametros]


def _banco_o_salta(m):
    if not (rutas.CURSO / "source" / m.id / banco.ARCHIVO).is_file():
        if m.listo:
            pytest.fail(f"El módulo {m.id} está listo pero no tiene exercises/source/{m.id}/preguntas.toml")
        pytest.skip(f"{m.id} todavía no tiene banco de preguntas")
    return banco.cargar(m.id)


@pytest.mark.parametrize("m", MODULOS, ids=_ids)
def test_cada_banco_cumple_el_estandar_de_preguntas(m):
    """≥ 4 automáticas, ≥ 3 de ellas de juicio, exactamente 1 escrita; cada pregunta dice su habilidad."""
    b = _banco_o_salta(m)
    assert all(p.habilidad in HABILIDADES for p in b.preguntas)
    assert len(b.automaticas) >= MINIMO_AUTOMATICAS, f"{m.id}: {len(b.automaticas)} automáticas"
    assert len(b.de_juicio) >= MINIMO_JUICIO, (
        f"{m.id}: {len(b.de_juicio)} preguntas automáticas de juicio ({b.por_habilidad()}); el estándar "
        f"pide al menos {MINIMO_JUICIO}: ¿se sostiene esta lectura?, ¿qué frase puede decir un "
        "dirigente en el CODISEC?, ¿qué falta antes de concluir?")
    assert sum(p.manual for p in b.preguntas) == 1
    assert b.avisos == []


@pytest.mark.parametrize("m", MODULOS, ids=_ids)
def test_cada_pregunta_tiene_un_titulo_corto(m):
    """Issue 17 §4: el reporte, la retroalimentación y la página de escritas nombran cada pregunta por su
    `titulo`; sin él quien facilita solo ve «Pregunta N». Corto, sin Markdown, distinto en cada pregunta
    y sin la respuesta (el título llega al participante en la forma pública)."""
    from lideres.banco.autoria import patrones_de_respuestas

    b = _banco_o_salta(m)
    sin_titulo = [f"{n}. {p.id}" for n, p in enumerate(b.preguntas, 1) if not p.titulo.strip()]
    assert not sin_titulo, f"{m.id}: preguntas sin «titulo» en preguntas.toml: {sin_titulo}"
    for p in b.preguntas:
        assert len(p.titulo) <= 45, f"{m.id}/{p.id}: título largo ({len(p.titulo)} letras): «{p.titulo}»"
        assert not re.search(r"[*_`#]|<!--|\n", p.titulo), f"{m.id}/{p.id}: Markdown en el título «{p.titulo}»"
    titulos = [p.titulo.casefold() for p in b.preguntas]
    assert len(set(titulos)) == len(titulos), f"{m.id}: títulos repetidos"
    for nombre, patron in patrones_de_respuestas(b).items():
        assert not [p.titulo for p in b.preguntas if patron.search(p.titulo)], f"{m.id}: un título dice {nombre}"


@pytest.mark.parametrize("m", _con_pendientes(MODULOS, SIN_PISTAS_PENDIENTES, _ids), ids=_ids)
def test_las_preguntas_de_juicio_explican_sus_lecturas_equivocadas(m):
    """Una opción equivocada de juicio es una lectura que la gente hace: al menos una tiene su pista
    propia (qué se malinterpretó), no solo la explicación general."""
    b = _banco_o_salta(m)
    sin_pista = [p.id for p in b.de_juicio if p.tipo in ("opcion", "distrito", "orden") and not p.errores]
    assert not sin_pista, f"{m.id}: preguntas de juicio sin ningún error común con su pista: {sin_pista}"


# --- tablas de práctica: nombres reales con cifras reales, o todo inventado ------------------------

def _distritos_reales() -> set[str]:
    return set(pd.read_csv(rutas.DATOS / "distritos.csv")["distrito"])


def _tabla_de_practica(b) -> pd.DataFrame | None:
    codigo = (b.preparacion or {}).get("codigo") or ""
    if not codigo:
        return None
    espacio: dict = {}
    exec(codigo, espacio)  # noqa: S102 - código del propio curso (la preparación del ejercicio)
    tablas = [v for v in espacio.values() if isinstance(v, pd.DataFrame)]
    return tablas[0] if tablas else None


def _bancos_con_preparacion():
    ejercicios = [m.id for m in MODULOS if (rutas.CURSO / "source" / m.id / banco.ARCHIVO).is_file()]
    return ejercicios + ["_plantilla"]


@pytest.mark.parametrize("ejercicio", _bancos_con_preparacion())
def test_tabla_de_practica_no_mezcla_nombres_reales_con_cifras_inventadas(ejercicio):
    b = banco.cargar(rutas.CURSO / ejercicio if ejercicio.startswith("_") else ejercicio)
    tabla = _tabla_de_practica(b)
    if tabla is None:
        pytest.skip("sin tabla de práctica")
    columna = "distrito" if "distrito" in tabla.columns else tabla.columns[0]
    reales = [d for d in tabla[columna] if d in _distritos_reales()]
    texto = " ".join([b.preparacion["texto"], b.preparacion["codigo"]]).lower()
    if not reales:
        assert "sintétic" in texto, f"{ejercicio}: lugares inventados con cifras inventadas: di «sintético»"
        return
    assert len(reales) == len(tabla), f"{ejercicio}: mezcla lugares reales e inventados: {list(tabla[columna])}"
    assert "sintétic" not in texto and "inventad" not in texto.replace("nada inventado", ""), (
        f"{ejercicio}: nombres reales con cifras inventadas; usa lugares inventados o las cifras reales")
    # Cada columna numérica es una de data/denuncias_distrito_2024_2025.csv, con su valor real.
    datos = pd.read_csv(rutas.DATOS / "denuncias_distrito_2024_2025.csv").set_index("distrito")
    for col in tabla.columns.drop(columna):
        assert col in datos.columns, f"{ejercicio}: la columna «{col}» no está en los datos reales"
        for _, fila in tabla.iterrows():
            assert fila[col] == datos.loc[fila[columna], col], (ejercicio, fila[columna], col)


def test_la_tabla_de_practica_del_02_es_real_y_su_respuesta_sale_de_los_datos():
    b = banco.cargar("02_conteos_y_tasas")
    tabla = _tabla_de_practica(b)
    tasas = tabla.denuncias_2025 / tabla.poblacion_2020 * 100_000
    assert tabla.distrito[tasas.idxmax()] == b.pregunta("distrito-tasa-mas-alta").respuesta
    assert tabla.distrito[tabla.denuncias_2025.idxmax()] != b.pregunta("distrito-tasa-mas-alta").respuesta


def _numeros(texto: str) -> list[float]:
    return [float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", texto)]


def test_las_cifras_de_santa_maria_del_mar_y_del_cercado_salen_de_los_datos():
    """Las dos preguntas del 02 con cifras reales de un distrito: se recalculan de data/."""
    datos = pd.read_csv(rutas.DATOS / "denuncias_distrito_2024_2025.csv").set_index("distrito")
    b = banco.cargar("02_conteos_y_tasas")
    smm = datos.loc["Santa María del Mar"]
    enunciado = _numeros(b.pregunta("tasa-poco-confiable").enunciado)
    for valor in (smm.poblacion_2020, smm.denuncias_2024, smm.denuncias_2025,
                  round(smm.denuncias_2024 / smm.poblacion_2020 * 1e5), round(smm.denuncias_2025 / smm.poblacion_2020 * 1e5)):
        assert valor in enunciado, valor
    tasas = datos.denuncias_2025 / datos.poblacion_2020 * 1e5
    assert tasas.idxmax() == "Lima (Cercado)"
    assert round(tasas.max()) in _numeros(b.pregunta("tasa-del-cercado").enunciado)


# --- el reporte de quien facilita recibe la habilidad ----------------------------------------------

def test_el_reporte_recibe_la_habilidad_de_cada_pregunta():
    import json

    from lideres.curso import reporte, retroalimentacion

    ejercicio = "02_conteos_y_tasas"
    b = retroalimentacion.cargar_banco(rutas.CURSO, ejercicio)
    fuente = json.loads((rutas.CURSO / "source" / ejercicio / f"{ejercicio}.ipynb").read_text(encoding="utf-8"))
    preguntas = retroalimentacion.preguntas_del_cuaderno(fuente, b)
    assert [p["habilidad"] for p in preguntas] == [p.habilidad for p in b.preguntas]
    assert all(p["habilidad"] is None for p in retroalimentacion.preguntas_del_cuaderno(fuente))  # sin banco

    def fila(p, puntaje):
        return {"id": p["id"], "titulo": p["titulo"], "habilidad": p["habilidad"], "puntaje": puntaje,
                "maximo": 1, "pendiente": False}

    # Dos personas: las dos aciertan las de cálculo; una sola acierta las de juicio.
    registros = [{"ejercicio": ejercicio, "codigo": codigo, "nombre": codigo, "estado": "completado",
                  "por_pregunta": [fila(p, 1 if p["habilidad"] == "calculo" or codigo == "ana" else 0)
                                   for p in preguntas if not p["manual"]]}
                 for codigo in ("ana", "beto")]
    por_pregunta = reporte.resumen_por_pregunta(registros)
    assert {f["id"]: f["habilidad"] for f in por_pregunta[ejercicio]} == {
        p.id: p.habilidad for p in b.automaticas}
    grupos = {g["habilidad"]: g for g in reporte.resumen_por_habilidad(por_pregunta)[ejercicio]}
    assert set(grupos) == {"calculo", "juicio"}
    assert grupos["calculo"]["porcentaje_completas"] == 100
    assert grupos["juicio"]["porcentaje_completas"] == 50
    assert grupos["juicio"]["preguntas"] == [p.id for p in b.de_juicio]
    assert reporte.resumen_por_habilidad({"x": [{"id": "a", "habilidad": None}]}) == {}


# --- cada cifra de un banco tiene su clave en el registro (lideres.cifras) ---------------------

def _textos_del_banco(ruta) -> str:
    """Todo lo que una persona lee del banco, con sus marcas <!--cifra clave--> (el TOML crudo)."""
    import tomllib

    datos = tomllib.loads(ruta.read_text(encoding="utf-8"))
    partes = [datos.get("titulo", ""), datos.get("introduccion", ""), (datos.get("preparacion") or {}).get("texto", "")]
    for p in datos.get("preguntas", []):
        partes += [p.get("titulo", ""), p.get("enunciado", ""), p.get("explicacion", ""), *p.get("opciones", []),
                   p["respuesta"] if p.get("tipo") == "escrita" else "",
                   *[e.get("pista", "") for e in p.get("errores", [])]]
    return "\n\n".join(partes)


def _inventado_y_dicho(problema) -> bool:
    """Un número de un lugar inventado para practicar una cuenta («un distrito inventado de 500,000
    habitantes registró 1,250 denuncias»): la frase lleva <!--ejemplo--> y dice «inventado»."""
    return "<!--ejemplo-->" in problema.frase and re.search(r"inventad|sintétic", problema.frase, re.I)


def _bancos():
    return sorted([*(rutas.CURSO / "source").glob("*/preguntas.toml"), rutas.CURSO / "_plantilla" / "preguntas.toml"])


@pytest.mark.parametrize("ruta", _con_pendientes(_bancos(), CIFRAS_PENDIENTES, lambda r: r.parent.name),
                         ids=lambda r: r.parent.name)
def test_cada_cifra_de_un_banco_tiene_su_clave_y_coincide(ruta):
    from lideres.cifras import prosa

    problemas = [p for p in prosa.revisar_texto(_textos_del_banco(ruta), ruta.parent.name)
                 if not _inventado_y_dicho(p)]
    assert not problemas, "\n".join(map(str, problemas))


def test_la_revision_de_cifras_de_un_banco_encuentra_lo_malo(tmp_path):
    """La cuenta del issue 18 (230,240 «delitos» en el Callao) o una cifra sin clave no pasan."""
    from lideres.cifras import prosa

    ruta = tmp_path / "05_prueba" / "preguntas.toml"
    ruta.parent.mkdir()
    ruta.write_text('''ejercicio = "05_prueba"
titulo = "Prueba"
introduccion = "Hola."
[[preguntas]]
id = "mala"
tipo = "numero"
habilidad = "calculo"
puntos = 1
enunciado = "En el Callao hubo 34,536<!--cifra sidpol.total.callao.2024--> denuncias: ¿cuántos de los 230,240 delitos?"
respuesta = 230240
explicacion = "Denuncian 15 de cada 100."
''', encoding="utf-8")
    problemas = prosa.revisar_texto(_textos_del_banco(ruta))
    assert {p.numero for p in problemas} == {"230,240", "15"}


def test_las_marcas_de_cifras_no_llegan_al_participante():
    for ruta in _bancos():
        b = banco.cargar(ruta)
        assert "<!--" not in json.dumps(b.publico(), ensure_ascii=False), ruta
        assert all("<!--" not in p.respuesta for p in b.preguntas if p.manual), ruta
