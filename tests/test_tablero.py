"""Tablero «Conteos y tasas»: estado puro (sin widgets) y widgets (sin navegador)."""

from __future__ import annotations

import re

import pytest

from lideres import formato
from lideres.errores import ErrorLideres
from lideres.modulos.m02_conteos_y_tasas import calculos as est
from lideres.modulos.m02_conteos_y_tasas import vistas
from lideres.modulos.m02_conteos_y_tasas.calculos import AMBITOS, DESTACADO, PALETA, EstadoTablero

SJL = "150132"
CERCADO = "150101"
SANTA_MARIA = "150138"  # Santa María del Mar: 1,142 habitantes


# -- estado -----------------------------------------------------------------------------------------
def test_valores_por_defecto_y_errores_en_espanol():
    e = EstadoTablero()
    assert (e.medida, e.anio, e.seleccion) == ("conteo", 2025, None)
    with pytest.raises(ErrorLideres, match="medida"):
        EstadoTablero(medida="tasa")
    with pytest.raises(ErrorLideres, match="2023"):
        EstadoTablero(anio=2023)
    with pytest.raises(ErrorLideres, match="UBIGEO"):
        e.seleccion = "999999"


def test_cincuenta_distritos_con_color_de_la_paleta():
    for medida in est.MEDIDAS:
        for anio in est.ANIOS:
            colores = EstadoTablero(medida, anio).colores()
            assert len(colores) == 50
            assert set(colores.values()) <= set(PALETA)


def _luminosidad(hex_color: str) -> float:
    """L* de CIELAB a partir de sRGB."""
    r, g, b = (int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    lineal = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    y = 0.2126 * lineal[0] + 0.7152 * lineal[1] + 0.0722 * lineal[2]
    return 116 * y ** (1 / 3) - 16 if y > 0.008856 else 903.3 * y


def test_paleta_se_ordena_por_luminosidad():
    # Con cualquier tipo de daltonismo (y en fotocopia gris) se conserva la luminosidad:
    # si baja en cada clase, el orden de las clases se sigue leyendo.
    luz = [_luminosidad(c) for c in PALETA]
    assert all(a - b >= 10 for a, b in zip(luz, luz[1:], strict=False)), luz


def test_cortes_crecientes_y_compartidos_por_los_dos_anios():
    for medida in est.MEDIDAS:
        c = est.cortes(medida)
        assert list(c) == sorted(set(c)) and len(c) == 4
        assert EstadoTablero(medida, 2024).cortes() == EstadoTablero(medida, 2025).cortes()


def test_sjl_oscuro_en_conteo_y_no_en_tasa():
    conteo = EstadoTablero("conteo", 2025).clases()
    tasa = EstadoTablero("tasa_100k", 2025).clases()
    assert conteo[SJL] == 4
    assert tasa[SJL] < conteo[SJL]
    assert tasa[CERCADO] == 4


def test_leyenda_con_unidades_fuente_y_nota_de_limites():
    from lideres.limites import nota_limites

    ley = EstadoTablero("tasa_100k", 2024).leyenda()
    assert "100,000 habitantes" in ley["unidades"] and "2024" in ley["unidades"]
    assert ley["fuente"] == "Fuente: MININTER – SIDPOL (denuncias), INEI (población estimada 2020)."
    assert ley["nota_limites"] == nota_limites(AMBITOS)
    assert "20,000" in ley["nota_inestable"]
    assert len(ley["clases"]) == 5
    assert ley["clases"][0][1].startswith("menos de ") and ley["clases"][-1][1].endswith(" o más")
    assert EstadoTablero("conteo", 2024).leyenda()["nota_inestable"] is None


def test_leyenda_de_lima_sigue_esquematica_si_solo_trujillo_es_oficial(oficiales_solo_trujillo):
    from lideres.limites import NOTA_ESQUEMATICA, nota_limites

    assert nota_limites("Trujillo") == "Límites: Municipalidad de prueba."
    e = EstadoTablero("tasa_100k", 2025)
    assert e.leyenda()["nota_limites"] == NOTA_ESQUEMATICA
    assert "Municipalidad" not in vistas.html_leyenda(e)


def test_ficha_de_un_distrito_en_es_pe():
    e = EstadoTablero(anio=2025)
    t = e.tabla().set_index("ubigeo")
    ficha = e.info(SJL)
    assert ficha["distrito"] == "San Juan de Lurigancho"
    assert ficha["texto_conteo"] == formato.numero(t.loc[SJL, "conteo"])
    assert ficha["texto_poblacion"] == formato.numero(t.loc[SJL, "poblacion"])
    assert ficha["texto_tasa"] == formato.numero(t.loc[SJL, "tasa_100k"])
    assert ficha["puesto_conteo"] < ficha["puesto_tasa"]
    assert e.info() is None
    assert e.info(SANTA_MARIA)["inestable"]


def test_ranking_cambia_de_orden_entre_conteo_y_tasa():
    conteo = EstadoTablero("conteo", 2025).ranking()
    tasa = EstadoTablero("tasa_100k", 2025).ranking()
    assert [f["ubigeo"] for f in conteo] != [f["ubigeo"] for f in tasa]
    assert [f["puesto"] for f in conteo[:15]] == list(range(1, 16))
    # San Juan de Lurigancho siempre aparece, marcado; en tasa viene después de un salto.
    sjl_tasa = [f for f in tasa if f["ubigeo"] == SJL]
    assert len(sjl_tasa) == 1 and sjl_tasa[0]["destacado"] and sjl_tasa[0]["salto"]
    assert sjl_tasa[0]["puesto"] > 15
    valores = [f["valor"] for f in tasa]
    assert valores == sorted(valores, reverse=True)
    assert conteo[0]["ancho"] == 100.0


def test_primeros_son_los_tres_de_arriba_y_cambian_con_la_medida():
    e = EstadoTablero(medida="conteo", anio=2025)
    conteo = e.primeros()
    assert conteo == list(e.tabla()["distrito"][:3])
    e.medida = "tasa_100k"
    assert len(e.primeros()) == 3 and e.primeros() != conteo
    html = vistas.html_primeros(e)
    assert "tasa por 100 mil habitantes (2025)" in html and 'aria-live="polite"' in html


def test_ranking_agrega_el_distrito_elegido():
    e = EstadoTablero("conteo", 2025, seleccion=SANTA_MARIA)
    filas = e.ranking()
    assert filas[-1]["ubigeo"] == SANTA_MARIA and filas[-1]["seleccionado"]
    e.medida = "tasa_100k"
    fila = next(f for f in e.ranking() if f["ubigeo"] == SANTA_MARIA)
    assert fila["inestable"] and fila["distrito"].endswith(" *")


def test_estilo_identifica_cada_distrito_y_marca_inestables():
    e = EstadoTablero("conteo", 2025)
    estilo = e.estilo(SANTA_MARIA)
    assert estilo["className"].split() == [
        "lideres-distrito",
        f"lideres-ubigeo-{SANTA_MARIA}",
        "lideres-inestable",
    ]
    assert "dashArray" not in estilo  # en conteo el número no es «inestable»
    e.medida = "tasa_100k"
    assert e.estilo(SANTA_MARIA)["dashArray"]
    e.seleccion = SJL
    assert e.estilo(SJL)["color"] == est.BORDE_SELECCION and e.estilo(SJL)["weight"] == 3


def test_html_del_ranking_sigue_el_orden_y_tiene_atributos():
    e = EstadoTablero("tasa_100k", 2025)
    html = vistas.html_ranking(e)
    ubigeos = re.findall(r'class="lideres-barra[^"]*"[^>]*data-ubigeo="(\d{6})"', html)
    assert ubigeos == [f["ubigeo"] for f in e.ranking()]
    assert re.search(
        rf'class="lideres-barra lideres-barra-destacada" [^>]*data-ubigeo="{SJL}"', html
    )
    assert 'data-medida="tasa_100k"' in html and 'lang="es"' in html
    assert "lideres-ranking-salto" in html


def test_html_sin_direcciones_externas():
    for medida in est.MEDIDAS:
        e = EstadoTablero(medida, 2025, seleccion=SJL)
        todo = (
            vistas.html_estilos()
            + vistas.html_leyenda(e)
            + vistas.html_info(e)
            + vistas.html_ranking(e)
        )
        assert "http" not in todo and "@import" not in todo and "url(" not in todo


def test_leyenda_y_ficha_en_html():
    e = EstadoTablero("tasa_100k", 2025, seleccion=SANTA_MARIA)
    leyenda = vistas.html_leyenda(e)
    assert "Fuente: MININTER – SIDPOL (denuncias), INEI (población estimada 2020)." in leyenda
    assert "lideres-nota-limites" in leyenda and "tasa inestable" in leyenda
    ficha = vistas.html_info(e)
    assert "Santa María del Mar" in ficha and "Tasa inestable" in ficha
    assert f'data-ubigeo="{SANTA_MARIA}"' in ficha


# -- widgets (sin navegador) -------------------------------------------------------------------------
@pytest.fixture
def tablero(monkeypatch):
    monkeypatch.delenv("LIDERES_TESELAS", raising=False)
    from lideres.modulos.m02_conteos_y_tasas.tablero import tablero_conteos_y_tasas

    return tablero_conteos_y_tasas()


def _orden_del_grafico(t) -> list[str]:
    return re.findall(r'data-ubigeo="(\d{6})" data-puesto', t.grafico.value)


def test_raiz_y_mapa_sin_fondo(tablero):
    import ipyleaflet
    import ipywidgets as widgets

    assert isinstance(tablero, widgets.VBox)
    assert "lideres-tablero" in tablero._dom_classes
    assert "lideres-mapa" in tablero.mapa._dom_classes
    assert not any(isinstance(c, ipyleaflet.TileLayer) for c in tablero.mapa.layers)
    # Una sola capa para los 50 distritos; cada polígono con su clase (la hoja de estilos la usa).
    assert tablero.mapa.layers == (tablero.capa,)
    rasgos = tablero.capa.data["features"]
    assert {r["properties"]["ubigeo"] for r in rasgos} == set(tablero.estado.colores()) == set(tablero.capa.estilos)
    for rasgo in rasgos:
        ubigeo = rasgo["properties"]["ubigeo"]
        assert rasgo["properties"]["distrito"]  # el nombre, para la ficha y la página ligera
        assert f"lideres-ubigeo-{ubigeo}" in rasgo["properties"]["style"]["className"].split()
    lat, lon = tablero.mapa.center
    assert -12.6 < lat < -11.6 and -77.3 < lon < -76.6
    assert 8 <= tablero.mapa.zoom <= 11


def test_controles_con_textos_en_espanol(tablero):
    assert tablero.control_medida.options == (
        ("Conteo de denuncias", "conteo"),
        ("Tasa por 100 mil habitantes", "tasa_100k"),
    )
    assert [v for _, v in tablero.control_anio.options] == [2024, 2025]
    assert tablero.control_distrito.value == ""
    assert tablero.control_distrito.label == "— Elige un distrito —"
    assert tablero.control_distrito.description.startswith("Distrito")
    assert len(tablero.control_distrito.options) == 51
    zoom, credito, hoja = tablero.mapa.controls
    assert hoja.widget is tablero.capa.hoja and hoja.widget.layout.display == "none"
    assert (zoom.zoom_in_title, zoom.zoom_out_title) == ("Acercar", "Alejar")
    assert "ipyleaflet" not in credito.prefix and "MININTER" in credito.prefix
    assert "Límites: IGN" in credito.prefix
    assert tablero.mapa.keyboard is False


def test_antes_de_concluir_y_sin_jerga(tablero):
    texto = tablero.antes.value
    assert "Antes de concluir" in texto and "no son todos los delitos" in texto
    assert "2020" in texto and "mucha gente" in texto
    leyenda = tablero.leyenda.value
    assert "quintiles" not in leyenda or "mismo número de distritos" in leyenda
    assert "centroide" not in leyenda + tablero.info.value


def test_la_punta_dice_que_su_dibujo_es_solo_tierra(tablero):
    tablero.elegir("070105")
    assert "solo la parte de tierra" in tablero.info.value
    assert "población oficiales" in tablero.info.value


def test_cambiar_medida_recolorea_y_reordena(tablero):
    colores_antes = tablero.colores()
    orden_antes = _orden_del_grafico(tablero)
    tablero.control_medida.value = "tasa_100k"
    assert tablero.estado.medida == "tasa_100k"
    assert tablero.colores() == tablero.estado.colores() != colores_antes
    assert _orden_del_grafico(tablero) != orden_antes
    assert "100 mil" in tablero.titulo.value
    assert "tasa por 100 mil" in tablero.primeros.value
    assert "tasa inestable" in tablero.leyenda.value
    assert tablero.capa.estilos[SANTA_MARIA]["dashArray"]
    assert tablero.capa.estilos[SJL]["dashArray"] is None
    assert f".lideres-ubigeo-{SANTA_MARIA}" in tablero.capa.hoja.value and "stroke-dasharray:5 4" in tablero.capa.hoja.value
    tablero.control_medida.value = "conteo"
    assert tablero.capa.estilos[SANTA_MARIA]["dashArray"] is None
    assert "stroke-dasharray:5 4" not in tablero.capa.hoja.value  # «none» borra el punteado
    assert tablero.colores() == colores_antes
    assert _orden_del_grafico(tablero) == orden_antes


def test_cambiar_anio(tablero):
    tablero.control_anio.value = 2024
    assert tablero.estado.anio == 2024
    assert "2024" in tablero.titulo.value and 'data-anio="2024"' in tablero.grafico.value
    # En 2024 San Juan de Lurigancho fue el distrito con más denuncias.
    assert _orden_del_grafico(tablero)[0] == SJL


def test_cambio_envia_solo_la_hoja_de_estilos(tablero):
    enviados = []
    tablero.capa.send_state = lambda key=None: enviados.append(("capa", key))
    tablero.capa.hoja.send_state = lambda key=None: enviados.append(("hoja", key))
    tablero.control_anio.value = 2024
    assert enviados == [("hoja", "value")]  # los polígonos no se reenvían
    hoja = tablero.capa.hoja.value
    for ubigeo, color in tablero.estado.colores().items():
        assert re.search(rf"\.lideres-ubigeo-{ubigeo}[^{{]*{{fill:{color};", hoja), ubigeo
    assert hoja.count("{fill:") < 20  # los distritos del mismo color van en una sola regla
    enviados.clear()
    tablero.control_anio.value = 2024  # nada cambió: nada se envía
    assert enviados == []


def test_tocar_un_distrito_muestra_su_ficha(tablero):
    assert "Toca un distrito" in tablero.info.value
    # Lo que ipyleaflet envía al tocar un polígono.
    tablero.capa._click_callbacks(
        event="click", feature={"properties": {"ubigeo": CERCADO}}, properties={"ubigeo": CERCADO}
    )
    assert tablero.control_distrito.value == CERCADO
    assert "Lima (Cercado)" in tablero.info.value
    assert f'data-ubigeo="{CERCADO}"' in tablero.info.value
    assert tablero.capa.estilos[CERCADO]["color"] == est.BORDE_SELECCION
    assert re.search(rf"\.lideres-ubigeo-{CERCADO}{{[^}}]*stroke:{est.BORDE_SELECCION};stroke-width:3px", tablero.capa.hoja.value)


def test_elegir_en_la_lista_agrega_la_barra(tablero):
    tablero.elegir(SANTA_MARIA)
    assert f'data-ubigeo="{SANTA_MARIA}"' in tablero.grafico.value
    assert "lideres-barra-seleccionada" in tablero.grafico.value
    tablero.elegir(None)
    assert f'data-ubigeo="{SANTA_MARIA}"' not in tablero.grafico.value
    assert tablero.estado.seleccion is None and tablero.control_distrito.value == ""


def test_teselas_solo_cuando_se_configuran(monkeypatch):
    import ipyleaflet

    from lideres.modulos.m02_conteos_y_tasas.tablero import tablero_conteos_y_tasas

    url = "http://127.0.0.1:8080/teselas/{z}/{x}/{y}.png"
    monkeypatch.setenv("LIDERES_TESELAS", url)
    t = tablero_conteos_y_tasas()
    fondos = [c for c in t.mapa.layers if isinstance(c, ipyleaflet.TileLayer)]
    assert len(fondos) == 1 and fondos[0].url == url
    assert t.mapa.layers[0] is fondos[0]  # el fondo debajo de los distritos
    monkeypatch.delenv("LIDERES_TESELAS")
    t2 = tablero_conteos_y_tasas(teselas=url.replace("8080", "9090"))
    assert "9090" in [c for c in t2.mapa.layers if isinstance(c, ipyleaflet.TileLayer)][0].url


def test_destacado_es_san_juan_de_lurigancho():
    assert EstadoTablero().info(DESTACADO)["distrito"] == "San Juan de Lurigancho"


def test_sin_limites_muestra_un_aviso_en_espanol(monkeypatch):
    import lideres.leer_limites
    from lideres.modulos.m02_conteos_y_tasas.tablero import tablero_conteos_y_tasas

    def falla(*_a, **_k):
        raise ErrorLideres("Faltan los límites.", como_arreglar="Genera el archivo.")

    monkeypatch.setattr(lideres.leer_limites, "distritos_guardados", falla)
    aviso = tablero_conteos_y_tasas()
    assert "lideres-tablero-error" in aviso._dom_classes
    assert (
        "Faltan los límites." in aviso.value
        and "Cómo arreglarlo: Genera el archivo." in aviso.value
    )
    assert "Traceback" not in aviso.value


def test_el_texto_dice_cuantos_muestra_el_ranking():
    """Issue 17 §5: no dice «el ranking completo» si muestra 15 de 50; dice cuántos y cómo ver el resto."""
    e = EstadoTablero("conteo", 2025)
    total = len(e.tabla())
    primeros = vistas.html_primeros(e)
    assert "ranking completo" not in primeros
    assert f"los {est.N_BARRAS} primeros de {total} distritos" in primeros
    assert "toca un distrito en el mapa para ver su puesto" in primeros
    ranking = vistas.html_ranking(e)
    assert f"los {est.N_BARRAS} primeros de {total}" in ranking
    # Sin distrito elegido, las barras en el ranking: 15 primeros y SJL (que en conteo está entre ellos).
    assert len([f for f in e.ranking() if f["puesto"] <= est.N_BARRAS]) == est.N_BARRAS


def test_sin_eleccion_ninguna_barra_parece_elegida_y_el_fondo_se_explica():
    """Issue 17 §5: sin nada elegido, la barra con fondo (San Juan de Lurigancho, puesto 2 en conteo)
    no se marca como elegida y una nota dice por qué tiene fondo."""
    e = EstadoTablero("conteo", 2025)
    html = vistas.html_ranking(e)
    assert "lideres-barra-seleccionada" not in html
    assert [f["ubigeo"] for f in e.ranking() if f["destacado"]] == [SJL]
    assert "Con fondo naranja: San Juan de Lurigancho, el distrito del ejemplo de la lección" in html
    e.seleccion = SANTA_MARIA
    html = vistas.html_ranking(e)
    assert re.findall(r'lideres-barra-seleccionada"[^>]*data-ubigeo="(\d{6})"', html) == [SANTA_MARIA]
