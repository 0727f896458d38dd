"""Las modalidades de delito del SIDPOL: un solo lugar para sus nombres, sin pandas.

`lideres.tablas` (con pandas) las usa para las columnas `denuncias_<sufijo>` y `lideres.sinteticos`
para la columna `tipo` de los incidentes; el paso 1 del tablero 07 las lee sin importar pandas.
"""

from __future__ import annotations

# En este orden: sufijo de la columna `denuncias_<sufijo>` -> nombre que se muestra (la columna
# `tipo` de los incidentes sintéticos).
MODALIDADES = {
    "robo": "Robo",
    "hurto": "Hurto",
    "estafa": "Estafa",
    "extorsion": "Extorsión",
    "secuestro": "Secuestro",
    "violencia_mujer_integrantes": "Violencia contra la mujer e integrantes del grupo familiar",
    "otros": "Otros",
}
