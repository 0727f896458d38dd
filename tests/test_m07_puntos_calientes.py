"""Módulo 07: la violencia familiar nunca llega a los puntos; grilla, hexágonos h3, densidad de
núcleo, hora × día, crónicos y pasajeros; el Gi* contra un ejemplo hecho a mano y contra esda."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest

from lideres.errores import ErrorLideres
from lideres.modulos.m07_puntos_calientes import apertura
from lideres.modulos.m07_puntos_calientes import calculos as c


def _puntos(coords, fecha="2025-03-07", hora=20, tipo="Robo"):
    return pd.DataFrame({"lat": [p[0] for p in coords], "lon": [p[1] for p in coords],
                         "fecha": pd.to_datetime([fecha] * len(coords)), "hora": hora,
                         "tipo": tipo, "distrito": "X", "fuente_registro": "Denuncia PNP"})


def test_la_violencia_familiar_nunca_se_dibuja():
    todos = c.incidentes()
    assert c.TIPO_EXCLUIDO not in set(todos["tipo"])
    # Ni aunque se pida expresamente.
    assert c.incidentes("El Porvenir", [c.TIPO_EXCLUIDO]).empty
    assert c.TIPO_EXCLUIDO not in c.tipos()
    e = c.estado_puntos("La Esperanza")
    assert "violencia contra la mujer" in e["nota_excluido"]
    crudos = _puntos([(-8.0, -79.0)] * 3)
    crudos.loc[0, "tipo"] = c.TIPO_EXCLUIDO
    assert len(c.incidentes(datos=crudos, fuente=None)) == 2


def test_todo_dice_sintetico():
    e = c.estado_puntos()
    assert "SINTÉTICOS" in e["aviso"] and "sintéticos" in e["fuente"]
    assert "sintéticos" in e["pie"] and "semilla" in e["pie"]


def test_trujillo_primero():
    assert c.distritos()[:3] == ["El Porvenir", "La Esperanza", "Florencia de Mora"]
    assert "Callao" in c.distritos() and "Miraflores" in c.distritos()


def test_filtros():
    t = c.incidentes("El Porvenir", ["Robo"], horas=(18, 23), meses=(1, 6))
    assert not t.empty
    assert set(t["tipo"]) == {"Robo"} and t["hora"].between(18, 23).all()
    assert t["fecha"].dt.month.between(1, 6).all() and set(t["fuente_registro"]) == {"Denuncia PNP"}
    with pytest.raises(ErrorLideres, match="No hay incidentes sintéticos"):
        c.incidentes("Narnia")


def test_grilla_cuenta_cada_punto_una_vez():
    t = c.incidentes("Florencia de Mora")
    g = c.conteo_grilla(t, 250)
    assert g.valores.sum() == len(t)
    assert (g.valores == 0).any()  # las celdas vacías también están (el Gi* las necesita)
    sur, oeste, norte, este = g.esquinas(0, 0)
    assert norte - sur == pytest.approx(250 / c.METROS_POR_GRADO_LAT)
    with pytest.raises(ErrorLideres, match="No hay incidentes"):
        c.conteo_grilla(t.iloc[:0])


def test_hexagonos_h3():
    h3 = pytest.importorskip("h3")
    t = c.incidentes("El Porvenir")
    hex_ = c.conteo_hexagonos(t, 9)
    assert hex_["casos"].sum() == len(t)
    assert all(h3.get_resolution(h) == 9 for h in hex_["h3"])
    assert hex_["casos"].is_monotonic_decreasing
    assert len(c.contorno_hexagono(hex_["h3"].iloc[0])) == 6


def test_densidad_de_nucleo_conserva_los_casos_y_la_banda_alisa():
    t = c.incidentes("La Esperanza")
    angosta = c.densidad_nucleo(t, 150)
    ancha = c.densidad_nucleo(t, 600)
    area_km2 = (angosta.tamano_m / 1000) ** 2
    assert angosta.valores.sum() * area_km2 == pytest.approx(len(t), rel=1e-3)
    assert ancha.valores.sum() * area_km2 == pytest.approx(len(t), rel=1e-3)
    assert ancha.valores.max() < angosta.valores.max()


@pytest.mark.parametrize("sigma", [0.7, 3.0, 12.0])
def test_el_alisado_es_el_de_scipy(sigma):
    """La densidad se alisa con numpy (sin scipy.ndimage en el kernel del celular): lo mismo que
    `ndimage.gaussian_filter(mode="constant", truncate=4)`, también en grillas más chicas que la campana."""
    ndimage = pytest.importorskip("scipy.ndimage")
    rng = np.random.default_rng(3)
    for forma in ((40, 65), (5, 9), (1, 30)):
        valores = rng.poisson(2.0, forma).astype(float)
        esperado = ndimage.gaussian_filter(valores, sigma=sigma, mode="constant", truncate=4.0)
        np.testing.assert_allclose(c._alisar(valores, sigma), esperado, rtol=1e-9, atol=1e-12)


def test_las_bandas_del_alisado_se_arman_una_vez_por_forma_y_ancho():
    """Un cambio de filtro en la misma grilla no vuelve a armar las matrices del alisado; las que
    se guardan no se pueden modificar (las comparten todos los cambios)."""
    valores = np.ones((12, 20))
    primera = c._alisar(valores, 2.5)
    antes = c._banda.cache_info()
    np.testing.assert_array_equal(c._alisar(valores * 1.0, 2.5), primera)
    despues = c._banda.cache_info()
    assert despues.misses == antes.misses and despues.hits == antes.hits + 2
    banda = c._banda(12, 2.5, 4.0)
    assert not banda.flags.writeable
    with pytest.raises(ValueError):
        banda[0, 0] = 1.0


def test_densidad_de_un_punto_es_una_campana():
    # Un solo caso con banda de 200 m: el pico es 1 / (2π σ²) casos por m², en km².
    d = c.densidad_nucleo(_puntos([(-8.08, -79.02)]), 200, tamano_m=20)
    assert d.valores.max() == pytest.approx(1 / (2 * math.pi * 0.2 ** 2), rel=0.05)


def test_tabla_hora_dia():
    t = _puntos([(-8.0, -79.0)] * 2, fecha="2025-03-07", hora=20)  # viernes
    tabla = c.tabla_hora_dia(t)
    assert tabla.shape == (8, 7) and list(tabla.columns) == list(c.DIAS)
    assert tabla.loc["18-20 h", "vie"] == 2 and tabla.to_numpy().sum() == 2
    grande = c.tabla_hora_dia(c.incidentes("El Porvenir"))
    assert grande.to_numpy().sum() == len(c.incidentes("El Porvenir"))
    with pytest.raises(ErrorLideres):
        c.tabla_hora_dia(t, 5)


def test_gi_estrella_ejemplo_hecho_a_mano():
    """Grilla 4 × 4 con 4 casos en dos celdas vecinas de la esquina (0, 0) y (0, 1).
    n = 16, x̄ = 8/16 = 0.5, Σx² = 32, S = √(32/16 − 0.25) = √1.75.
    Celda (0, 0): ella y sus vecinas (0, 0), (0, 1), (1, 0), (1, 1): W = S1 = 4, Σwx = 8.
    Gi* = (8 − 0.5·4) / (√1.75 · √((16·4 − 4²)/15)) = 6 / √(1.75 · 3.2) = 6 / √5.6 ≈ 2.535.
    Celda (3, 3): W = 4, Σwx = 0 → (0 − 2) / √5.6 ≈ −0.845.
    Celda (1, 1): 9 vecinas, Σwx = 8 → (8 − 4.5) / (√1.75 · √((144 − 81)/15)) = 3.5/√7.35."""
    x = np.zeros((4, 4))
    x[0, 0] = x[0, 1] = 4
    z = c.gi_estrella(x)
    assert z[0, 0] == pytest.approx(6 / math.sqrt(5.6))
    assert z[3, 3] == pytest.approx(-2 / math.sqrt(5.6))
    assert z[1, 1] == pytest.approx(3.5 / math.sqrt(7.35))
    assert np.all(c.gi_estrella(np.full((3, 3), 2.0)) == 0)  # sin variación no hay punto caliente


@pytest.mark.parametrize("semilla", [1, 2, 3])
def test_gi_estrella_igual_a_esda(semilla):
    esda = pytest.importorskip("esda")
    libpysal = pytest.importorskip("libpysal")
    rng = np.random.default_rng(semilla)
    x = rng.poisson(2, (7, 6)).astype(float)
    x[3, 2] += 15
    pesos = libpysal.weights.lat2W(7, 6, rook=False)  # reina, numerada fila por fila
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        g = esda.G_Local(x.ravel(), pesos, transform="B", star=True, permutations=0)
    np.testing.assert_allclose(c.gi_estrella(x).ravel(), g.Zs, atol=1e-9)


def test_gi_encuentra_el_grupo_sembrado_y_no_el_azar():
    rng = np.random.default_rng(7)
    x = rng.poisson(1, (20, 20))
    x[10:12, 10:12] += 8
    from lideres.modulos.m07_puntos_calientes.calculos import Grilla

    calientes = c.puntos_calientes(Grilla(-8.0, -79.0, 250, x))
    assert calientes[10:12, 10:12].all()
    assert calientes.sum() < 30  # fuera del grupo, pocas celdas pasan el umbral por azar


def test_cronicos_y_pasajeros():
    t = c.incidentes("El Porvenir")
    r = c.cronicos_y_pasajeros(t)
    assert set(r["clase"]) <= {"crónica", "intermitente", "pasajera"}
    assert {"2024-1", "2024-2", "2025-1", "2025-2"} <= set(r.columns)
    assert (r.loc[r["clase"] == "crónica", "semestres"] >= 3).all()
    assert (r.loc[r["clase"] == "pasajera", "semestres"] == 1).all()
    # Los puntos calientes sintéticos son fijos en el tiempo: hay celdas crónicas.
    assert (r["clase"] == "crónica").any()


def test_estado_del_tablero():
    e = c.estado_puntos("El Porvenir", ["Robo", "Hurto"], horas=(18, 23), meses=(1, 12))
    assert e["casos"] == int(e["celdas"]["valor"].sum()) == int(e["hora_dia"].to_numpy().sum())
    assert e["celdas"]["caliente"].sum() == e["n_calientes"]
    # La grilla es la del distrito entero: cambiar filtros no mueve las celdas.
    assert e["grilla"].valores.shape == c.estado_puntos("El Porvenir")["grilla"].valores.shape


def test_estado_rapido_igual_al_calculo_directo():
    """El estado precalculado por distrito da lo mismo que filtrar la tabla y contar."""
    e = c.estado_puntos("La Esperanza", ["Robo"], horas=(6, 20), meses=(3, 9))
    t = c.incidentes("La Esperanza", ["Robo"], horas=(6, 20), meses=(3, 9))
    todos = c.incidentes("La Esperanza")
    extension = (todos["lat"].min(), todos["lon"].min(), todos["lat"].max(), todos["lon"].max())
    np.testing.assert_array_equal(e["grilla"].valores, c.conteo_grilla(t, 250, extension=extension).valores)
    pd.testing.assert_frame_equal(e["hora_dia"], c.tabla_hora_dia(t))
    with pytest.raises(ErrorLideres, match="No hay incidentes sintéticos"):
        c.estado_puntos("Narnia")


# ------------------------------------------------------------------ vistas, marca y tablero


def _rectangulo(lat_s, lon_o, lat_n, lon_e):
    return {"type": "Polygon", "coordinates": [[[lon_o, lat_s], [lon_e, lat_s], [lon_e, lat_n],
                                                 [lon_o, lat_n], [lon_o, lat_s]]]}


def test_la_marca_que_cubre_todo_toca_todos_los_puntos_calientes():
    e = c.estado_puntos("El Porvenir")
    g = e["grilla"]
    filas, columnas = g.valores.shape
    sur, oeste, _, _ = g.esquinas(0, 0)
    _, _, norte, este = g.esquinas(filas - 1, columnas - 1)
    r = c.comparar_marca(e, [_rectangulo(sur, oeste, norte, este)])
    assert r["calientes_dentro"] == r["calientes"] == e["n_calientes"]
    assert r["casos_dentro"] == r["casos"] == e["casos"] and r["parte_casos"] == 1
    # Una marca de una sola celda: solo esa celda queda dentro.
    f, col = int(e["celdas"]["fila"].iloc[0]), int(e["celdas"]["columna"].iloc[0])
    sur, oeste, norte, este = g.esquinas(f, col)
    r = c.comparar_marca(e, [_rectangulo(sur, oeste, norte, este)])
    assert r["celdas_marcadas"] == 1 and r["casos_dentro"] == int(e["celdas"]["valor"].iloc[0])


def test_sin_marca_un_mensaje_en_espanol():
    with pytest.raises(ErrorLideres, match="marcaste"):
        c.comparar_marca(c.estado_puntos("La Esperanza"), [{"type": "Point", "coordinates": [0, 0]}])


def test_las_vistas_dicen_sintetico_y_cuadran_con_el_estado():
    from lideres.modulos.m07_puntos_calientes import vistas

    e = c.estado_puntos("Florencia de Mora", horas=(18, 23))
    svg = vistas.svg_celdas(e)
    assert svg.count('class="lideres-celda') == len(e["celdas"])
    assert svg.count("lideres-celda-caliente") == e["n_calientes"]
    assert "sintéticos" in svg and e["pie"].split(":")[0] in svg
    tabla = vistas.html_hora_dia(e)
    assert tabla.count("<td") == 8 * 7 and "sintéticos" in tabla
    assert e["pie"] in tabla  # sola (la lección), con el pie entero
    # Bajo el mapa (el tablero), el pie dice periodo y «sintéticos» y remite al del mapa.
    bajo = vistas.html_hora_dia(e, bajo_el_mapa=True)
    assert e["pie"] not in bajo and e["periodo"] in bajo and "sintéticos" in bajo and "mapa de arriba" in bajo
    assert sum(int(x) for x in __import__("re").findall(r">(\d+)</td>", tabla)) == e["casos"]


def test_el_tablero_oculta_los_datos_hasta_la_marca_y_los_filtros_cambian_todo_junto():
    from lideres.modulos.m07_puntos_calientes.tablero import tablero

    t = tablero()
    assert "lideres-tablero" in t._dom_classes and t.resultados.layout.display == "none"
    assert t.control_distrito.options[:3] == c.PRIMERO and "Callao" in t.control_distrito.options
    # Antes de la marca, los datos ni siquiera llegan al navegador.
    assert t.celdas.value == t.hora_dia.value == t.comparacion.value == ""
    g = t.estado["grilla"]
    filas, columnas = g.valores.shape
    sur, oeste, _, _ = g.esquinas(0, 0)
    _, _, norte, este = g.esquinas(filas - 1, columnas - 1)
    # Como llega del navegador: el mensaje de leaflet.draw pasa por el DrawControl de ipyleaflet.
    t.dibujo._handle_leaflet_event(t.dibujo, {"event": "draw:created", "geo_json": {
        "type": "Feature", "geometry": _rectangulo(sur, oeste, norte, este)}}, [])
    assert len(t.marcas) == 1
    t._mostrar()
    assert t.resultados.layout.display == "flex" and "lideres-comparacion-07" in t.comparacion.value
    antes = (t.celdas.value, t.hora_dia.value)
    enviados = []
    t.capa_calientes.send_state = lambda key=None: enviados.append(key)
    t.control_horas.value = (18, 23)
    assert t.celdas.value != antes[0] and t.hora_dia.value != antes[1]
    assert f'data-casos="{t.estado["casos"]}"' in t.celdas.value
    assert len(t.capa_calientes.data["features"]) == t.estado["n_calientes"]
    # Los puntos calientes viajan una vez por cambio (el navegador les pone el estilo de la capa).
    from lideres.modulos.m07_puntos_calientes.tablero import ESTILO_CALIENTE

    assert enviados == ["data"] and t.capa_calientes.style == ESTILO_CALIENTE
    t.control_distrito.value = "Callao"
    assert t.marcas == [] and t.resultados.layout.display == "none"


def test_el_paso_1_abre_sin_pandas_y_la_primera_marca_adelanta_el_paso_2():
    """Un kernel frío arma el paso 1 sin importar pandas (medio segundo menos al abrir); con la
    primera marca ya se calcula el paso 2, antes de «Ya marqué»; y ninguna vista trae shapely ni
    scipy. Corre en otro proceso: en este, todo eso ya está importado."""
    import subprocess
    import sys

    codigo = (
        "import sys\n"
        "from lideres.modulos.m07_puntos_calientes.tablero import tablero\n"
        "t = tablero()\n"
        "assert t._estado is None, 'el paso 2 se calculó al abrir'\n"
        "print(sorted(m for m in ('pandas', 'shapely', 'scipy', 'h3') if m in sys.modules))\n"
        "t.dibujo._handle_leaflet_event(t.dibujo, {'event': 'draw:created', 'geo_json': {'type': 'Feature', "
        "'geometry': {'type': 'Polygon', 'coordinates': [[[-79.0, -8.1], [-78.9, -8.1], [-78.9, -8.0], "
        "[-79.0, -8.0], [-79.0, -8.1]]]}}}, [])\n"
        "assert t._estado is not None and t.celdas.value == ''\n"
        "print('pandas' in sys.modules)\n"
        "t._mostrar()\n"
        "for v in ('puntos', 'hexagonos', 'densidad'):\n"
        "    t.control_vista.value = v\n"
        "print(sorted(m for m in ('shapely', 'scipy', 'pandera', 'lideres.limites') if m in sys.modules))\n"
    )
    salida = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True, timeout=120)
    assert salida.returncode == 0, salida.stderr
    # Ni al abrir ni después: shapely, scipy y el importador de límites pesan en cada kernel de celular.
    assert salida.stdout.split() == ["[]", "True", "[]"]


def test_los_tipos_del_paso_1_salen_de_la_lista_de_modalidades():
    """Una sola lista de modalidades (sin pandas): `tablas` la lee de ahí y el paso 1 la deriva."""
    from lideres import modalidades, tablas

    assert tablas.MODALIDADES is modalidades.MODALIDADES
    assert apertura.TIPO_EXCLUIDO in modalidades.MODALIDADES.values()
    assert apertura.TIPOS == tuple(sorted(set(modalidades.MODALIDADES.values()) - {apertura.TIPO_EXCLUIDO}))


def test_las_listas_del_paso_1_son_las_de_los_datos():
    """`apertura` no lee los incidentes: sus distritos y tipos deben ser los que dan los datos."""
    from lideres.limites import cargar_limites

    assert apertura.distritos() == c.distritos()
    assert apertura.tipos() == c.tipos()
    todos = {f["properties"]["distrito"]: f for f in cargar_limites()["features"]}
    for nombre, rasgo in todos.items():
        dibujo = apertura.rasgo_distrito(nombre)
        assert dibujo["geometry"] == rasgo["geometry"] and dibujo["id"] == rasgo["properties"]["ubigeo"]
    assert apertura.rasgo_distrito("Arequipa") is None


def test_sin_incidentes_ya_marque_muestra_un_aviso_en_espanol(monkeypatch):
    """Si faltan o están dañados los incidentes, el paso 2 es un aviso en español, no una traza."""
    from lideres.modulos.m07_puntos_calientes.tablero import tablero

    def falla(*_a, **_k):
        raise ErrorLideres("Faltan los incidentes sintéticos.", como_arreglar="Genera los datos.")

    monkeypatch.setattr(c, "estado_puntos", falla)
    t = tablero()
    t._adelantar()  # la primera marca no falla a la vista
    t._mostrar()
    aviso = t.resultados.children[0]
    assert "lideres-tablero-error" in aviso._dom_classes and "Faltan los incidentes" in aviso.value
    assert "Traceback" not in aviso.value


# ------------------------------------------------------------------ puntos, hexágonos y densidad en el tablero


def test_hexagonos_y_densidad_del_estado_igual_al_calculo_directo():
    """Lo que el tablero dibuja con sus arreglos precalculados es lo mismo que contar la tabla."""
    pytest.importorskip("h3")
    filtros = {"tipos_": ["Robo"], "horas": (6, 20), "meses": (3, 9)}
    e = c.estado_puntos("El Porvenir", **filtros)
    t = c.incidentes("El Porvenir", **filtros)
    pd.testing.assert_frame_equal(c.hexagonos_estado(e), c.conteo_hexagonos(t, 9))
    lat, lon = c.puntos_estado(e)
    assert sorted(zip(lat, lon, strict=True)) == sorted(zip(t["lat"], t["lon"], strict=True))
    d = c.densidad_estado(e, 300)
    area_km2 = (d.tamano_m / 1000) ** 2
    assert d.valores.sum() * area_km2 == pytest.approx(len(t), rel=1e-3)
    # La grilla fina es la del distrito entero: otro filtro no la mueve.
    otra = c.densidad_estado(c.estado_puntos("El Porvenir", horas=(0, 5)), 300)
    assert (otra.lat0, otra.lon0, otra.valores.shape) == (d.lat0, d.lon0, d.valores.shape)


@pytest.mark.parametrize("vista", ["celdas", "puntos", "hexagonos", "densidad"])
def test_cada_vista_dice_nivel_periodo_y_sintetico(vista):
    """Decir exacto: cada forma de dibujar los casos lleva su nivel, el periodo y el pie sintético."""
    import re

    from lideres.modulos.m07_puntos_calientes import vistas

    pytest.importorskip("h3")
    e = c.estado_puntos("La Esperanza", horas=(18, 23))
    svg = vistas.svg_vista(e, vista)
    pie = re.search(r'<p class="lideres-fuente">([^<]*)</p>', svg).group(1)
    assert "La Esperanza" in pie and e["periodo"] in pie and "sintéticos" in pie and "esquemáticos" in pie
    assert f'data-casos="{e["casos"]}"' in svg and "sintéticos" in svg.split("<figcaption>")[0]
    assert "violencia contra la mujer" in svg
    if vista == "hexagonos":
        hex_ = c.hexagonos_estado(e)
        assert svg.count('class="lideres-hexagono"') == len(hex_)
        assert sum(int(x) for x in re.findall(r"<title>(\d+) casos?</title>", svg)) == e["casos"]
        assert "hexágonos h3" in pie
    if vista == "densidad":
        assert "radio de 300 m" in pie and "casos por km²" in svg
        assert svg.count("data:image/png;base64,") == 1
    if vista == "puntos":
        assert svg.count("lideres-trazo-puntos") == 1  # un solo trazo para todos los puntos


def test_la_densidad_es_un_png_que_se_lee():
    """La imagen de la densidad es un PNG válido (lo abre Pillow si está) del tamaño de la grilla fina."""
    import base64
    import re

    from lideres.modulos.m07_puntos_calientes import vistas

    e = c.estado_puntos("Florencia de Mora")
    svg = vistas.svg_densidad(e, 150)
    datos = base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", svg).group(1))
    assert datos[:8] == b"\x89PNG\r\n\x1a\n"
    Image = pytest.importorskip("PIL.Image")
    import io

    imagen = Image.open(io.BytesIO(datos))
    imagen.load()
    assert imagen.size[::-1] == c.densidad_estado(e, 150).valores.shape


def test_el_tablero_cambia_la_forma_de_dibujar_y_el_radio():
    pytest.importorskip("h3")
    from lideres.modulos.m07_puntos_calientes.tablero import tablero

    t = tablero("La Esperanza")
    t._mostrar()
    assert [v for _, v in t.control_vista.options] == ["celdas", "puntos", "hexagonos", "densidad"]
    assert [n for n, _ in t.control_vista.options] == ["Celdas", "Puntos", "Hexágonos", "Densidad"]
    assert t.caja_banda.layout.display == "none"
    for vista in ("puntos", "hexagonos", "densidad"):
        t.control_vista.value = vista
        assert f'data-vista="{vista}"' in t.celdas.value
    assert t.caja_banda.layout.display == "flex" and 'data-banda="300"' in t.celdas.value
    t.control_banda.value = 600
    assert 'data-banda="600"' in t.celdas.value
    # Un filtro cambia la vista elegida y la tabla juntas.
    antes = (t.celdas.value, t.hora_dia.value)
    t.control_horas.value = (18, 23)
    assert t.celdas.value != antes[0] and t.hora_dia.value != antes[1] and 'data-vista="densidad"' in t.celdas.value
    t.control_vista.value = "celdas"
    assert "lideres-celdas-07" in t.celdas.value and t.caja_banda.layout.display == "none"


def test_el_tablero_con_otra_tabla_de_incidentes():
    """La tabla propia (la de 10× del benchmark) se prepara una vez por distrito."""
    from lideres.modulos.m07_puntos_calientes.tablero import tablero

    datos = c._todos()
    datos = datos[datos["distrito"] == "Florencia de Mora"]
    t = tablero("Florencia de Mora", datos=datos)
    assert t.estado["casos"] == len(c.incidentes("Florencia de Mora"))
    preparado = t._preparado("Florencia de Mora")
    t.control_horas.value = (0, 11)
    assert t._preparado("Florencia de Mora") is preparado


def test_sin_casos_las_vistas_lo_dicen_sin_fallar():
    from lideres.modulos.m07_puntos_calientes import vistas

    pytest.importorskip("h3")
    e = c.estado_puntos("Florencia de Mora", ["Secuestro"], horas=(3, 3), meses=(2, 2))
    if e["casos"]:
        pytest.skip("esta combinación de filtros tiene casos")
    assert "No hay casos con estos filtros" in vistas.svg_densidad(e)
    for vista in vistas.VISTAS:
        assert 'data-casos="0"' in vistas.svg_vista(e, vista)
