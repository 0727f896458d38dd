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
