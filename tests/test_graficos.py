"""Figuras estáticas del libro: mapa de coropletas y ranking (matplotlib, sin pantalla)."""

from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import PathPatch  # noqa: E402

from lideres.errores import ErrorLideres  # noqa: E402
from lideres.graficos import grafico_ranking, mapa_estatico  # noqa: E402
from lideres.modulos.m02_conteos_y_tasas.calculos import AMBITOS, FUENTE, PALETA, EstadoTablero  # noqa: E402


def _textos(fig: Figure) -> str:
    partes = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        partes.append(ax.get_title())
        partes += [t.get_text() for t in ax.get_yticklabels()]
        partes += [t.get_text() for t in ax.texts]
        if ax.get_legend():
            partes.append(ax.get_legend().get_title().get_text())
            partes += [t.get_text() for t in ax.get_legend().get_texts()]
    return "\n".join(partes)


@pytest.mark.parametrize("medida", ["conteo", "tasa_100k"])
def test_mapa_estatico_con_leyenda_fuente_y_nota(medida):
    from lideres.limites import nota_limites

    fig = mapa_estatico(2025, medida)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    parches = [p for p in ax.patches if isinstance(p, PathPatch)]
    assert len(parches) >= 50
    colores = {matplotlib.colors.to_hex(p.get_facecolor()) for p in parches}
    assert colores <= set(PALETA)
    texto = _textos(fig).replace("\n", " ")
    assert "2025" in texto and FUENTE in texto
    assert nota_limites(AMBITOS) in texto
    assert "Límites: IGN vía joseluisq/peru-geojson-datasets" in texto  # los reales, por defecto
    assert "San Juan de Lurigancho" in texto
    assert len(ax.get_legend().get_texts()) == (6 if medida == "tasa_100k" else 5)
    rayados = [p for p in parches if p.get_hatch()]
    if medida == "tasa_100k":
        assert len(rayados) >= len(EstadoTablero(medida, 2025).inestables())
        assert "inestable" in texto
    else:
        assert not rayados


def test_mapa_de_lima_sigue_esquematico_si_solo_trujillo_es_oficial(oficiales_solo_trujillo):
    from lideres.limites import NOTA_ESQUEMATICA, nota_limites

    assert nota_limites("Trujillo") == "Límites: Municipalidad de prueba."
    texto = _textos(mapa_estatico(2025, "conteo")).replace("\n", " ")
    assert NOTA_ESQUEMATICA in texto
    assert "Municipalidad" not in texto


def _nombres(fig) -> list[str]:
    """Los rótulos «puesto. distrito», que van encima de cada barra."""
    return [t.get_text() for t in fig.axes[0].texts if re.match(r"(… )?\d+\. ", t.get_text())]


def test_ranking_conteo_y_tasa():
    conteo = grafico_ranking(2025, "conteo", n=10)
    etiquetas = _nombres(conteo)
    assert len(etiquetas) == 10 and etiquetas[0].startswith("1. ")
    assert any("San Juan de Lurigancho" in e for e in etiquetas)
    tasa = grafico_ranking(2025, "tasa_100k", n=10)
    etiquetas_tasa = _nombres(tasa)
    # San Juan de Lurigancho queda fuera de los 10 primeros: aparece al final, tras «…».
    assert len(etiquetas_tasa) == 11
    assert etiquetas_tasa[-1].startswith("… ") and "San Juan de Lurigancho" in etiquetas_tasa[-1]
    assert FUENTE in _textos(tasa).replace("\n", " ")
    assert "Denuncias por 100,000 hab." == tasa.axes[0].get_xlabel()


def test_ranking_marca_tasas_inestables():
    fig = grafico_ranking(2025, "tasa_100k", n=15)  # San Bartolo (8,722 hab.) está entre los 15
    etiquetas = _nombres(fig)
    assert any(e.endswith("San Bartolo *") for e in etiquetas)
    assert any(p.get_hatch() for p in fig.axes[0].patches)


def test_medida_o_anio_equivocados_dan_error_claro():
    with pytest.raises(ErrorLideres, match="conteo"):
        grafico_ranking(2025, "tasas")
    with pytest.raises(ErrorLideres, match="2024, 2025"):
        mapa_estatico(2019, "conteo")


def test_tabla_legible_en_espanol_y_es_pe():
    from lideres.graficos import tabla_legible
    from lideres.modulos.m02_conteos_y_tasas.calculos import tabla_conteos_y_tasas

    tabla = tabla_conteos_y_tasas(2024)
    copia = tabla.copy()
    html = tabla_legible(tabla.head(3)).to_html()
    assert "Población (2020)" in html and "Tasa por 100 mil hab." in html
    assert "1,177,629" in html and "36,163" in html  # San Juan de Lurigancho, 2024
    assert "ubigeo" not in html
    assert tabla.equals(copia)  # no cambia la tabla original


@pytest.mark.parametrize("hacer", [lambda: mapa_estatico(2025, "tasa_100k"),
                                   lambda: grafico_ranking(2025, "tasa_100k")])
def test_figuras_legibles_en_un_celular(hacer):
    """Angostas (≤ 4.8 pulgadas: en 360 px se ven a ~75 %) y sin letra menor de 10 puntos."""
    fig = hacer()
    assert fig.get_figwidth() <= 4.8
    fig.canvas.draw()
    textos = [t for t in fig.findobj(matplotlib.text.Text) if t.get_text().strip() and t.get_visible()]
    chicos = {t.get_text()[:30]: t.get_fontsize() for t in textos if t.get_fontsize() < 10}
    assert chicos == {}
    # nada se sale de la figura (títulos, etiquetas, notas al pie)
    ancho, alto = fig.canvas.get_width_height()
    ax = fig.axes[0]
    sueltos = list(fig.texts) + [ax.title] + (ax.get_yticklabels() if ax.axison else []) + list(ax.texts)
    if fig._suptitle is not None:
        sueltos.append(fig._suptitle)
    cajas = [(t.get_text(), t.get_window_extent()) for t in sueltos if t.get_text().strip()]
    if ax.get_legend():
        cajas.append(("leyenda", ax.get_legend().get_window_extent()))
    for texto, caja in cajas:
        assert caja.x0 >= -1 and caja.x1 <= ancho + 1 and caja.y0 >= -1 and caja.y1 <= alto + 1, texto
