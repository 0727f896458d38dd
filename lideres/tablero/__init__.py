"""Las partes que comparten los tableros (Voilà) de todos los módulos; ningún módulo las copia.

- `partes`: «Antes de concluir», un control con su etiqueta, una figura como imagen, los estilos
  comunes y el aviso de datos sintéticos;
- `mapa`: el mapa de distritos (sin mapa de fondo), pintado por el estado de cada módulo;
- `ranking` y `ficha`: el ranking de distritos en barras y la ficha de un distrito, en HTML puro;
- `aviso`: lo que se ve si un tablero no puede armarse;
- `subida`: subir un archivo que queda solo en la memoria de la página (09 y 10).

El tablero de cada módulo está en su casa: `lideres/modulos/m<id>/tablero.py`, con la fábrica
`tablero()` (la casa de un módulo es `lideres.modulos.modulo(id).paquete`). Los widgets se importan
solo al pedir un tablero: así las figuras estáticas del libro no cargan ipywidgets ni ipyleaflet.
"""
