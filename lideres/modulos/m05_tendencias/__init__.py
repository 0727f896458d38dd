"""Módulo 05 «Tendencias en el tiempo»: contra «subió 20 % este mes: ¡crisis!».

Un porcentaje con sus números absolutos, el mismo periodo del año anterior, meses de distinto
largo (casos por día), promedios móviles, la banda de lo que varía sola una cifra (Poisson) y un
revisor de titulares. Las cuentas están en `calculos.py` (pandas y la biblioteca estándar: ni
statsmodels ni scipy en el kernel de cada celular).
"""
