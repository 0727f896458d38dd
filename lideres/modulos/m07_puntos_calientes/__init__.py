"""Módulo 07 «Puntos calientes: dónde y cuándo»: contra «el delito está en todas partes por igual».

Sobre los incidentes SINTÉTICOS del curso (inventados con semilla): de los puntos a la grilla, a
los hexágonos (h3) y a la densidad de núcleo (numpy), la tabla de hora × día, los puntos calientes
crónicos y pasajeros, y el Gi* de Getis-Ord para distinguir un punto caliente del azar. La violencia
contra la mujer y los integrantes del grupo familiar nunca se dibuja como puntos.
"""
