"""Módulo 04 «Percepción y victimización»: sentirse inseguro y haber sido víctima son dos preguntas
distintas de la encuesta (la idea a desmontar: «Me siento inseguro, entonces hay más delitos»).

Su casa:
- `calculos.py`: las series de la ENAPRES por lugar (percepción, victimización, confianza en la
  policía), la brecha de un año, sus frases, figura y texto alternativo;
- `tablero.py`: el tablero de Voilà, `tablero()` (también `tablero_percepcion`).

Lección: notebooks/04_percepcion.ipynb; tablero: notebooks/tableros/04_percepcion.ipynb.
"""
