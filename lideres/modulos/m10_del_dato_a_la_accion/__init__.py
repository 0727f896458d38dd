"""Módulo 10 «Del dato a la acción» («los datos son solo para la policía»).

`calculos`: lo que dice la ficha del barrio de un distrito (cada cifra con su nivel, periodo y
fuente; «lo que estos datos no dicen»). `ficha`: la ficha en PDF de una página, sin internet
(typst + un mapa de matplotlib), con `lideres ficha DISTRITO`.
"""
