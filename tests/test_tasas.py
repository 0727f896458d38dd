import numpy as np
import pandas as pd
import pytest

from lideres import tasas
from lideres.errores import ErrorLideres
from lideres.modulos.m02_conteos_y_tasas.calculos import tabla_conteos_y_tasas


def test_tasa_por_100k_numeros():
    assert tasas.tasa_por_100k(500, 250_000) == 200.0
    assert np.isnan(tasas.tasa_por_100k(5, 0))


def test_tasa_por_100k_columnas_conserva_indice():
    conteo = pd.Series([10, 20], index=["a", "b"])
    resultado = tasas.tasa_por_100k(conteo, pd.Series([1000, 4000], index=["a", "b"]))
    assert list(resultado.index) == ["a", "b"]
    assert resultado.tolist() == [1000.0, 500.0]


@pytest.mark.parametrize(
    ("conteo", "poblacion", "inestable"),
    [(500, 1_142, True), (15, 500_000, True), (500, 250_000, False), (20, 20_000, False)],
)
def test_es_inestable(conteo, poblacion, inestable):
    assert tasas.es_inestable(conteo, poblacion) is inestable


def test_tabla_conteos_y_tasas_2025_suma_lo_publicado():
    tabla = tabla_conteos_y_tasas(2025)
    assert len(tabla) == 50
    assert tabla["conteo"].sum() == 323_806 + 29_663
    assert tabla.loc[tabla["distrito"] == "San Juan de Lurigancho", "puesto_conteo"].item() == 2


def test_tabla_conteos_y_tasas_2024_cambia_el_orden():
    tabla = tabla_conteos_y_tasas(2024)
    primero = tabla.iloc[0]
    assert primero["distrito"] == "San Juan de Lurigancho"
    assert primero["puesto_conteo"] == 1
    # La lección entera: el distrito con más denuncias no es el de mayor tasa.
    assert primero["puesto_tasa"] > 1
    assert tabla.loc[tabla["distrito"] == "Santa María del Mar", "inestable"].item()


def test_tabla_conteos_y_tasas_anio_sin_datos():
    with pytest.raises(ErrorLideres, match="2019"):
        tabla_conteos_y_tasas(2019)


# ------------------------------------------------------------------ una tasa conserva su alcance

def _alcance(nivel="distrito", ambito="Callao", periodo="2024", universo="denuncias de todo tipo"):
    from lideres.cifras.alcance import Alcance

    return Alcance(nivel, ambito, periodo, universo)


def test_tasa_por_100k_mismo_lugar_calcula():
    poblacion = _alcance(periodo=tasas.PERIODO_POBLACION, universo="población")
    assert tasas.tasa_por_100k(24_217, 512_386, alcance_conteo=_alcance(),
                               alcance_poblacion=poblacion) == pytest.approx(4726.3, abs=0.1)


def test_tasa_por_100k_rechaza_la_provincia_entre_el_distrito():
    poblacion = _alcance(periodo=tasas.PERIODO_POBLACION, universo="población")
    provincia = _alcance(nivel="provincia constitucional")
    with pytest.raises(ErrorLideres, match="No se puede aplicar.*el nivel"):
        tasas.tasa_por_100k(34_536, 512_386, alcance_conteo=provincia, alcance_poblacion=poblacion)


def test_tasa_por_100k_rechaza_otro_lugar_y_otro_denominador():
    poblacion = _alcance(periodo=tasas.PERIODO_POBLACION, universo="población")
    with pytest.raises(ErrorLideres, match="el lugar"):
        tasas.tasa_por_100k(30_724, 512_386, alcance_conteo=_alcance(ambito="San Juan de Lurigancho"),
                            alcance_poblacion=poblacion)
    with pytest.raises(ErrorLideres, match="debe ser la población"):
        tasas.tasa_por_100k(30_724, 512_386, alcance_conteo=_alcance(), alcance_poblacion=_alcance())
    with pytest.raises(ErrorLideres, match="hacen falta los dos"):
        tasas.tasa_por_100k(30_724, 512_386, alcance_conteo=_alcance())


def test_tasa_de_denuncia_solo_en_su_alcance():
    from lideres.cifras.alcance import Tasa, hechos_posibles

    robo_hurto = _alcance("departamento", "La Libertad", "2025", "denuncias de robo y hurto")
    tasa = Tasa(15.7, robo_hurto, "INEI", "primer semestre 2025")
    assert hechos_posibles(11_850, robo_hurto, tasa) == pytest.approx(11_850 * 100 / 15.7)
    callao = _alcance("provincia constitucional", "Callao", "2024", "denuncias de todo tipo")
    with pytest.raises(ErrorLideres) as e:
        hechos_posibles(34_536, callao, tasa)
    assert "el nivel" in str(e.value) and "el periodo" in str(e.value) and "lo que cuenta" in str(e.value)


def test_diferencias_de_encuesta():
    from lideres.cifras.alcance import se_distingue

    assert not se_distingue(36.5, 35.2)
    assert se_distingue(40.4, 30.9)
