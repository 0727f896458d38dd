"""Revisar un registro antes de usarlo: el cuaderno de incidencias de la junta vecinal, o el archivo
oficial de denuncias de la Policía (MININTER, SIDPOL) de cualquier distrito del Perú.

    import lideres
    revision = lideres.revisar_archivo("cuaderno.csv")
    print(revision.resumen())
    revision.tabla            # solo las filas válidas, con columnas limpias
    revision.por_mes()        # lo que dibuja el gráfico por mes

En la terminal: `lideres datos revisar cuaderno.csv [--columnas fecha=…,tipo=…] [--distrito D]
[--exportar limpio.csv]` (las filas apartadas, con su motivo, quedan en limpio_apartadas.csv).

Qué se acepta:
- Archivos (`lectura`): CSV o texto en UTF-8, Latin-1 o UTF-16, con `;`, `,`, tabulación o `|`;
  Excel .xlsx/.xlsm y el .xls antiguo. También lo que se sube a un tablero (`revisar_datos`, en
  la memoria, sin escribir nada) y una tabla ya leída con pandas (`revisar_tabla`).
- Columnas (`columnas`): obligatorias `fecha`, `tipo` y `distrito`, `ubigeo` o `lat` + `lon`;
  opcionales `hora`, `lugar`, `fuente`, `provincia`, `departamento`. Los títulos se comparan sin
  mayúsculas, tildes, espacios ni guiones bajos; sinónimos en SINONIMOS; si no coinciden, quien
  revisa dice cuál es cuál (`columnas="fecha=Día,tipo=Qué pasó"`).
- Valores (`valores`): fechas día/mes/año (y d/m/aa, aaaa-mm-dd, «05-mar-25», celdas y números
  de serie de Excel, milisegundos desde 1970), horas «14:30», «2:30 p. m.», coordenadas con
  punto o coma decimal dentro del Perú.
- Lugares (`lugares`): los 61 distritos del curso por su nombre (sin importar mayúsculas, tildes
  ni nombres antiguos) y cualquier distrito del Perú por su UBIGEO.
- Archivos oficiales (`oficiales`): el mensual `ANIO, MES, …, cantidad` y las exportaciones por caso.

Las filas con problemas se apartan (con la fila de Excel y el motivo) y el resto se usa; si el
problema es de todo el archivo se detiene con un ErrorLideres que dice qué pasó y cómo arreglarlo.
El archivo original solo se abre para leer: nunca se modifica.
"""

from __future__ import annotations

from lideres.revisar.columnas import COLUMNA_DE, SINONIMOS, clave_titulo, leer_mapeo
from lideres.revisar.lectura import MAX_BYTES, MAX_FILAS, Crudo, leer, leer_datos, separador
from lideres.revisar.lugares import (
    buscar_distrito,
    catalogo,
    leer_ubigeo,
    motivo_distrito,
    sugerir_distrito,
)
from lideres.revisar.resultado import Revision
from lideres.revisar.revision import revisar_archivo, revisar_datos, revisar_tabla
from lideres.revisar.terminal import cli_revisar, grafico_por_mes
from lideres.revisar.valores import FechaMala, leer_coordenada, leer_fecha, leer_hora

__all__ = [
    "COLUMNA_DE", "MAX_BYTES", "MAX_FILAS", "SINONIMOS", "Crudo", "FechaMala", "Revision",
    "buscar_distrito", "catalogo", "clave_titulo", "cli_revisar", "grafico_por_mes", "leer",
    "leer_coordenada", "leer_datos", "leer_fecha", "leer_hora", "leer_mapeo", "leer_ubigeo",
    "motivo_distrito", "revisar_archivo", "revisar_datos", "revisar_tabla", "separador",
    "sugerir_distrito",
]
