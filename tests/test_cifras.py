"""El registro de cifras (issue 18 §2): cada clave se recalcula desde data/, y la revisión de la
prosa falla con un número sin clave, una clave que no existe o un número que no coincide."""

import pytest

from lideres import cifras
from lideres.cifras import prosa
from lideres.errores import ErrorLideres


@pytest.mark.parametrize(("clave", "valor", "nivel"), [
    ("sidpol.total.callao.2024", 34_536, "provincia constitucional"),
    ("distrito.denuncias.callao.2024", 24_217, "distrito"),
    ("enapres.victimas.callao.2024", 25.7, "provincia constitucional"),
    ("enapres.tasa_denuncia.la_libertad.2025", 15.7, "departamento"),
    ("tasa_denuncia.min.nacional_urbano", 13.9, "nacional urbano"),
    ("tasa_denuncia.max.nacional_urbano", 16.9, "nacional urbano"),
    ("sidpol_pct.violencia_mujer.callao.2024", 28.8, "provincia constitucional"),
    ("sidpol_pct.otros.callao.2024", 37.4, "provincia constitucional"),
    ("sidpol_pct.robo+hurto.lima_departamento.2019", 35.8, "departamento"),
    ("composicion.pct_victimas.nacional_urbano.2018.robo_de_dinero_cartera_o_celular", 48.9, "nacional urbano"),
    ("brecha.lima_metropolitana.2024", 31.1, "área metropolitana"),
    ("distritos.denuncias.lima_metropolitana.2024", 366_086, "provincia"),
    ("enapres.inseguridad_12_meses.lima_metropolitana.2011", 88.6, "área metropolitana"),
    ("enapres.inseguridad.nacional.2024", 85.9, "nacional"),
])
def test_cifras_publicadas_se_recalculan(clave, valor, nivel):
    c = cifras.cifra(clave)
    assert c.valor == pytest.approx(valor)
    assert c.nivel == nivel
    assert c.ambito and c.periodo and c.universo and c.nombre_fuente and c.unidad


def test_callao_dice_si_es_distrito_o_provincia():
    assert "distrito" in cifras.cifra("distrito.denuncias.callao.2024").ambito
    assert "provincia" in cifras.cifra("sidpol.total.callao.2024").ambito


def test_pie_nivel_periodo_fuente():
    assert cifras.pie("sidpol.total.callao.2024") == (
        "Callao (provincia constitucional, 7 distritos) · 2024 · "
        "Fuente: MININTER – SIDPOL (denuncias policiales)")
    juntas = cifras.pie("enapres.victimas.callao.2024", "enapres.victimas.la_libertad.2024")
    assert juntas.count("2024") == 1 and "La Libertad (departamento)" in juntas


def test_pie_de_cifra_sintetica_lo_dice():
    assert "sintético" in cifras.pie("sintetico.serenazgo.el_porvenir.2025")


def test_texto_es_pe():
    assert cifras.texto("sidpol.total.callao.2024") == "34,536"
    assert cifras.texto("enapres.victimas.callao.2024") == "25.7"


@pytest.mark.parametrize("clave", ["nada.x", "sidpol.total.trujillo.2024", "enapres.victimas.callao.1990",
                                   "distrito.denuncias.el_porvenir.2024", "sidpol.total.callao"])
def test_clave_mala_da_error_en_espanol(clave):
    with pytest.raises(ErrorLideres, match="no está en el registro"):
        cifras.cifra(clave)


# ------------------------------------------------------------------ la revisión de la prosa

def problemas(texto):
    return [p.motivo for p in prosa.revisar_texto(texto)]


def test_texto_inventado_con_numero_sin_clave_falla():
    assert problemas("En el Callao hubo unos 230 mil delitos en 2024.")
    assert problemas("Solo 15 de cada 100 víctimas denuncian.")


def test_texto_inventado_con_cifra_equivocada_falla():
    [motivo] = problemas("En 2024 hubo 43,536<!--cifra sidpol.total.callao.2024--> denuncias.")
    assert "34536" in motivo
    assert problemas("Fueron 26.7<!--cifra enapres.victimas.callao.2024--> de cada 100.")


def test_texto_con_clave_que_no_existe_falla():
    [motivo] = problemas("Hubo 120<!--cifra sidpol.total.narnia.2024--> denuncias.")
    assert "no está en el registro" in motivo


def test_marca_sin_numero_falla():
    assert problemas("Muchas denuncias<!--cifra sidpol.total.callao.2024--> en el Callao.")


@pytest.mark.parametrize("texto", [
    "En 2024 hubo 34,536<!--cifra sidpol.total.callao.2024--> denuncias en el Callao (provincia).",
    "Fueron 26<!--cifra enapres.victimas.callao.2024--> de cada 100.",          # redondeo
    "Unos 35 mil<!--cifra sidpol.total.callao.2024--> denuncias.",               # «mil»
    "Unas 6<!--cifra enapres.miedo_noche.lima_metropolitana.2024 /10--> de cada 10 personas.",
    "El 28.8 %<!--cifra sidpol_pct.violencia_mujer.callao.2024--> de las denuncias.",
])
def test_texto_con_cifras_bien_citadas_pasa(texto):
    assert problemas(texto) == []


@pytest.mark.parametrize(("texto", "regla"), [
    ("Unos 50 minutos: 15 de lectura, 20 de actividad y 15 de conversación.", "unidad_del_curso"),
    ("Grupo: de 8 a 25 personas.", "unidad_del_curso"),
    ("Responde las 5 preguntas.", "unidad_del_curso"),
    ("En 2024 y en 2016-17.", "anio"),
    ("1. Abre el tablero.\n2) Toca el mapa.", "enumeracion"),
    ("# 03 · La cifra negra", "enumeracion"),
    ("Lo manda la Ley 27933, lo vemos en el módulo 3.", "rotulo"),
    ("Los tableros 01, 03 y 04.", "rotulo"),
    ("De cada 100 víctimas, por cada 100 mil habitantes, × 100,000.", "base"),
    ("Personas de 15 años o más, en los últimos 12 meses.", "unidad_del_curso"),
    ("En la pizarra: 300 denuncias ÷ 15 × 100 = 2,000.<!--ejemplo-->", "ejemplo"),
    ("Abre `192.168.1.20:8866` o [la página](https://ejemplo.org/2025/13).", "codigo"),
])
def test_numeros_del_curso_quedan_fuera_por_regla(texto, regla):
    assert problemas(texto) == [], regla


def test_ejemplo_no_deja_pasar_cifras_precisas():
    assert problemas("En la pizarra: 34,536 ÷ 15 × 100.<!--ejemplo-->")


def test_cifra_sintetica_sin_la_palabra_falla():
    [motivo] = problemas("El serenazgo registró 218<!--cifra sintetico.serenazgo.el_porvenir.2025--> casos.")
    assert "sintético" in motivo


def test_cifra_sintetica_junto_a_una_real_falla():
    texto = ("Datos sintéticos: 218<!--cifra sintetico.serenazgo.el_porvenir.2025--> del serenazgo y "
             "34,536<!--cifra sidpol.total.callao.2024--> denuncias.")
    assert any("junto a una real" in m for m in problemas(texto))
    fila = ("| El Porvenir (sintético) | 218<!--cifra sintetico.serenazgo.el_porvenir.2025--> "
            "| 34,536<!--cifra sidpol.total.callao.2024--> |")
    assert any("junto a una real" in m for m in problemas(fila))


def test_filtro_de_jinja():
    import jinja2

    from lideres.cifras.registro import en_jinja

    entorno = en_jinja(jinja2.Environment(autoescape=True))
    html = entorno.from_string('{{ "sidpol.total.callao.2024" | cifra }} · {{ pie_de_cifras("sidpol.total.callao.2024") }}')
    assert html.render().startswith("34,536 · Callao (provincia constitucional")


@pytest.mark.parametrize("texto", [
    "La resolución debe ser mayor que 0 metros. Usa 8, 9 o 10.",
    "Decreto Supremo publicado el 30/11/2024, art. 2: datos personales.",
])
def test_instrucciones_y_fechas_quedan_fuera(texto):
    assert problemas(texto) == []


def test_un_numero_redondo_vale_por_su_redondeo():
    assert problemas("Unas 89,500<!--cifra cifra_negra.victimas.la_libertad.2025--> víctimas.") == []
    assert problemas("Unas 35,000<!--cifra sidpol.total.callao.2024--> denuncias.") == []
    assert problemas("Unas 36,000<!--cifra sidpol.total.callao.2024--> denuncias.")


def test_el_registro_cuenta_las_tasas_como_el_modulo_02():
    from lideres.cifras.registro import _tabla_tasas
    from lideres.modulos.m02_conteos_y_tasas.calculos import tabla_conteos_y_tasas

    for anio in (2024, 2025):
        m02 = tabla_conteos_y_tasas(anio).set_index("ubigeo").sort_index()
        reg = _tabla_tasas(anio).set_index("ubigeo").sort_index()
        for col in ("conteo", "tasa_100k", "puesto_conteo", "puesto_tasa"):
            assert (m02[col] == reg[col]).all(), col
        assert "Lima Metropolitana y Callao (50 distritos)" in m02.attrs["pie"]


def test_familia_distritos_sin_pandas_igual_a_la_suma_con_pandas():
    """`distritos.*` suma las filas de `tablas.filas` (el pie del mapa del tablero 06 abre sin
    pandas): lo mismo que sumar la tabla de `cargar`, redondeo incluido."""
    from lideres.cifras import cifra
    from lideres.tablas import cargar

    d = cargar("denuncias_distrito")
    ambitos = {"lima_metropolitana": ["Lima Metropolitana"], "callao": ["Callao"],
               "lima_y_callao": ["Lima Metropolitana", "Callao"]}
    for slug_, nombres in ambitos.items():
        f = d[d["ambito"].isin(nombres)]
        assert cifra(f"distritos.cuantos.{slug_}").valor == len(f)
        assert cifra(f"distritos.poblacion.{slug_}").valor == int(f["poblacion_2020"].sum())
        for anio in (2024, 2025):
            columna = f[f"denuncias_{anio}"]
            assert cifra(f"distritos.denuncias.{slug_}.{anio}").valor == int(columna.sum())
            assert cifra(f"distritos.por_100.{slug_}.{anio}").valor == round(
                columna.sum() / f["poblacion_2020"].sum() * 100, 1)
