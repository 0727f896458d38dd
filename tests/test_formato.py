import datetime as dt
import math

import pandas as pd

from lideres import formato


def test_numeros_es_pe():
    assert formato.numero(1234567.891) == "1,234,568"
    assert formato.numero(1234567.891, 1) == "1,234,567.9"
    assert formato.numero(math.nan) == "—"
    assert formato.numero(pd.NA) == "—" and formato.porcentaje(pd.NA) == "—"
    assert formato.porcentaje(0.2534) == "25.3 %"


def test_fechas_es_pe():
    assert formato.fecha(dt.date(2025, 3, 5)) == "5 de marzo de 2025"
    assert formato.fecha(dt.date(2025, 3, 5), "short") == "05/03/2025"
