"""Módulo 08 «Datos responsables» («publicar la dirección ayuda a prevenir»).

`calculos`: proteger un registro antes de compartirlo — suprimir conteos pequeños, agregar a una
grilla, llevar cada punto a un punto público cuya zona tiene al menos k direcciones (como
police.uk), desplazar al azar dentro de un radio (geoenmascarado, con semilla), medir el
k-anonimato, y el juego de reidentificación: por cada punto publicado, cuántos hogares
(sintéticos) podría ser. Son las mismas funciones que el módulo 09 aplica antes de exportar.
"""
