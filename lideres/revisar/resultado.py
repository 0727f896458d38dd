"""El resultado de revisar un registro (`Revision`), aparte de quien lo arma.

Lo arman `revision` (registros propios y exportaciones por caso) y `oficiales` (el archivo mensual):
los dos lo importan de aquí, sin importarse entre sí al revés.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from lideres.errores import ErrorLideres
from lideres.formato import fecha as fecha_es
from lideres.formato import numero
from lideres.nombres import palabras
from lideres.revisar import lugares
from lideres.revisar.frases import conteos, cuantos, lista

REGISTRO_PROPIO = "registro propio"
MAX_LISTADAS = 15


@dataclass(repr=False)
class Revision:
    """Lo que se encontró al revisar un archivo. `tabla` tiene solo las filas válidas."""

    archivo: Path
    tabla: pd.DataFrame  # fila_original = número de fila en Excel, para volver al original
    filas_leidas: int
    filas_apartadas: list[tuple[int, str]] = field(default_factory=list)
    fecha_min: dt.date | None = None
    fecha_max: dt.date | None = None
    distritos: dict[str, int] = field(default_factory=dict)
    tipos: dict[str, int] = field(default_factory=dict)
    avisos: list[str] = field(default_factory=list)
    columnas: dict[str, str] = field(default_factory=dict)  # columna del curso -> título del archivo
    lectura: str = ""  # cómo se leyó: formato, letras, separador u hoja
    formato: str = REGISTRO_PROPIO  # o los formatos oficiales de `oficiales`
    fuera_del_curso: dict[str, int] = field(default_factory=dict)  # distritos que no son de los 61
    fuente: str = ""  # de dónde vienen los datos, si se sabe (los archivos oficiales la traen)

    @property
    def unidad(self) -> str:
        """Qué cuenta cada número: incidencias anotadas o denuncias registradas."""
        return "incidencias" if self.formato == REGISTRO_PROPIO else "denuncias"

    @property
    def total(self) -> int:
        """Incidencias (o denuncias) en las filas válidas: en el archivo mensual oficial, la suma
        de «cantidad» (cada fila es un conteo, no un caso)."""
        if "cantidad" in self.tabla.columns:
            return int(self.tabla["cantidad"].sum())
        return len(self.tabla)

    def distrito(self, texto: str) -> pd.DataFrame:
        """Las filas válidas de un distrito, por su nombre o su UBIGEO («Cayma», «040103»)."""
        return self.tabla[_filtro_distrito(self, texto)]

    def por_mes(self, distrito: str | None = None) -> pd.Series:
        """Incidencias (o denuncias) por mes, con los meses sin ninguna en 0.

        El índice es el primer día de cada mes. Es lo que dibuja el gráfico por mes."""
        tabla = self.tabla if distrito is None else self.distrito(distrito)
        meses = tabla["fecha"].dt.to_period("M").dt.to_timestamp()
        valores = tabla["cantidad"] if "cantidad" in tabla.columns else pd.Series(1, index=tabla.index)
        serie = valores.groupby(meses).sum()
        if len(serie):
            todos = pd.date_range(serie.index.min(), serie.index.max(), freq="MS")
            serie = serie.reindex(todos, fill_value=0)
        serie.index.name = "mes"
        return serie.rename(self.unidad).astype(int)

    @property
    def filas_validas(self) -> int:
        return len(self.tabla)

    def resumen(self) -> str:
        lineas = [f"Archivo: {self.archivo.name} ({self.lectura})"]
        if self.formato != REGISTRO_PROPIO:
            lineas.append(f"Formato: {self.formato}")
        lineas.append(
            f"Filas leídas: {numero(self.filas_leidas)} · válidas: {numero(self.filas_validas)}"
            f" · apartadas: {numero(len(self.filas_apartadas))}"
        )
        if self.fecha_min and self.fecha_max and "cantidad" in self.tabla.columns:
            lineas.append(f"Fechas: del {fecha_es(self.fecha_min)} al "
                          f"{fecha_es(_fin_de_mes(self.fecha_max))} (meses completos)")
            lineas.append(f"Denuncias (suma de «cantidad»): {numero(self.total)}")
        elif self.fecha_min and self.fecha_max:
            lineas.append(f"Fechas: del {fecha_es(self.fecha_min)} al {fecha_es(self.fecha_max)}")
        if self.distritos:
            lineas.append(f"Distritos ({numero(len(self.distritos))}): " + conteos(self.distritos))
        if "lat" in self.tabla.columns:
            con_punto = int(self.tabla["lat"].notna().sum())
            lineas.append(f"Puntos con coordenadas: {numero(con_punto)}")
        if self.tipos:
            nombre = "Tipos" if self.formato == REGISTRO_PROPIO else "Modalidades"
            lineas.append(f"{nombre} ({numero(len(self.tipos))}): " + conteos(self.tipos))
        if self.filas_apartadas:
            lineas.append(f"Filas apartadas ({numero(len(self.filas_apartadas))}), no se usan:")
            for fila, motivo in self.filas_apartadas[:MAX_LISTADAS]:
                lineas.append(f"  fila {fila}: {motivo}")
            resto = len(self.filas_apartadas) - MAX_LISTADAS
            if resto > 0:
                lineas.append(f"  … y {cuantos(resto, 'fila más', 'filas más')}")
        if self.avisos:
            lineas.append("Avisos:")
            lineas.extend(f"  - {aviso}" for aviso in self.avisos)
        if self.fuente:
            lineas.append(f"Fuente: {self.fuente}")
        return "\n".join(lineas)

    def __repr__(self) -> str:  # en un cuaderno, mostrar el resumen y no la tabla entera
        return self.resumen()




# --------------------------------------------------------------------------- revisión


def _fin_de_mes(fecha: dt.date) -> dt.date:
    siguiente = (fecha.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return min(siguiente - dt.timedelta(days=1), dt.date.today())


def _filtro_distrito(revision: Revision, texto: str) -> pd.Series:
    """Filas de un distrito por UBIGEO o nombre; si no hay ninguno, ErrorLideres con los que hay."""
    tabla = revision.tabla
    ubigeo = lugares.leer_ubigeo(texto)
    if ubigeo and "ubigeo" in tabla.columns:
        filtro = tabla["ubigeo"] == ubigeo
    elif "distrito" in tabla.columns:
        buscado = palabras(texto)
        filtro = tabla["distrito"].map(lambda d: palabras(d) == buscado)
        if not filtro.any():  # «Cercado de Lima» -> Lima (Cercado)
            encontrado = lugares.buscar_distrito(texto, lugares.catalogo())
            if encontrado:
                filtro = tabla["distrito"] == encontrado[0]
    else:
        filtro = pd.Series(False, index=tabla.index)
    if not filtro.any():
        hay = sorted(revision.distritos)
        raise ErrorLideres(
            f"No hay filas del distrito «{texto}» en este archivo.",
            como_arreglar=("Los distritos del archivo son: " + lista(hay, 20) + ". Escribe el nombre o "
                           "el UBIGEO (6 cifras)." if hay else "Este archivo no tiene una columna de distrito."),
        )
    return filtro.astype(bool)
