"""Módulo 01 «¿De dónde vienen los datos?»: cada fuente (denuncias policiales, encuesta, serenazgo,
junta vecinal) registra una parte de lo que pasa; ninguna es toda la verdad (la idea a desmontar:
«Los datos de la policía son toda la verdad»).

Su casa:
- `calculos.py`: las cifras publicadas de denuncias por departamento y tipo de hecho, los registros
  sintéticos de tres distritos de Trujillo, sus frases, figuras y textos alternativos;
- `tablero.py`: el tablero de Voilà, `tablero()` (también `tablero_fuentes`).

Lección: notebooks/01_datos_de_seguridad.ipynb; tablero: notebooks/tableros/01_datos_de_seguridad.ipynb.
"""
