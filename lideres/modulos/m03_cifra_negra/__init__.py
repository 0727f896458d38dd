"""Módulo 03 «La cifra negra»: las denuncias son solo los delitos que alguien denunció; cuántos hay
detrás depende de cuántas víctimas denuncian (la idea a desmontar: «Si bajan las denuncias, baja el
delito»).

Su casa:
- `calculos.py`: denuncias y víctimas por lugar y año, el explorador «de cada 100 víctimas, ¿cuántas
  denuncian?», sus frases, figuras y textos alternativos;
- `tablero.py`: el tablero de Voilà, `tablero()` (también `tablero_cifra_negra`).

Lección: notebooks/03_cifra_negra.ipynb; tablero: notebooks/tableros/03_cifra_negra.ipynb.
"""
