"""Módulo 02 «Conteos y tasas»: comparar distritos de distinto tamaño con la tasa por 100 mil
habitantes, y saber cuándo una tasa es inestable (la idea a desmontar: «Más denuncias = distrito
más peligroso»).

Su casa:
- `calculos.py`: la tabla de denuncias por distrito con su tasa y sus puestos
  (`tabla_conteos_y_tasas`) y el estado del tablero sin widgets (`EstadoTablero`: medida, año,
  distrito; colores, leyenda, ranking, ficha);
- `vistas.py`: del estado a HTML (título, leyenda, ficha, ranking), sin widgets;
- `tablero.py`: el tablero de Voilà (mapa + ranking), `tablero()` (también
  `tablero_conteos_y_tasas`).

La tasa (`lideres.tasas`), el mapa, la ficha, el ranking y «Antes de concluir» (`lideres.tablero`)
son partes compartidas. Lección: notebooks/02_conteos_y_tasas.ipynb; tablero:
notebooks/tableros/02_conteos_y_tasas.ipynb.
"""
