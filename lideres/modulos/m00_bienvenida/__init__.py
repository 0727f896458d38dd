"""Módulo 00 «Cómo usar este curso»: para quien llega por primera vez, qué módulos hay, contra qué
lectura equivocada va cada uno y cuáles ya se pueden usar (la idea a desmontar: «Esto es para
expertos en computación»).

Su casa:
- `calculos.py`: la tabla de los once módulos, leída de la lista de módulos (`lideres.modulos`).

No tiene tablero. Lección: notebooks/00_bienvenida.ipynb.
"""
