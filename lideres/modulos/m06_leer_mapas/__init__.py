"""Módulo 06 «Leer mapas sin engañarse»: contra «el mapa muestra la realidad» y el estigma de los
barrios.

Los mismos datos, varios mapas: clasificación (cuantiles, intervalos iguales, cortes naturales, con
mapclassify), número de clases, colores (secuenciales, aptos para daltonismo, legibles en gris),
conteos o tasas, y la incertidumbre de cada tasa («no se distingue del promedio»). Las
clasificaciones se calculan una vez y se guardan en `clasificaciones.json`: mapclassify pesa
~120 MB al importarse y no entra en el kernel de cada celular.
"""
