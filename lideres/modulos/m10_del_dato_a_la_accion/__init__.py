"""Módulo 10 «Del dato a la acción» («los datos son solo para la policía»).

`calculos`: lo que dice la ficha del barrio de un distrito (cada cifra con su nivel, periodo y
fuente; «lo que estos datos no dicen») o del registro propio de una junta (anonimizado con
`lideres.anonimizar` antes de mostrar nada). `ficha`: la ficha en PDF de una página, sin internet
(typst + un mapa de matplotlib), con `lideres ficha DISTRITO`. `vistas`: lo que muestra el tablero,
en HTML (plantillas Jinja). `tablero`: elegir un distrito o subir el registro, y bajar su ficha.
"""
