"""Revisar un registro propio (el cuaderno de incidencias de la junta vecinal) antes de usarlo.

    import lideres
    revision = lideres.revisar_archivo("cuaderno.csv")
    print(revision.resumen())
    revision.tabla            # solo las filas válidas, con columnas limpias

En la terminal: `lideres datos revisar cuaderno.csv [--exportar limpio.csv]` (las filas
apartadas, con su motivo, quedan en limpio_apartadas.csv).

Qué se acepta (lo que Excel produce en una computadora peruana):
- CSV o texto en UTF-8 (con o sin BOM), Windows/Latin-1 o "Texto Unicode" (UTF-16);
  separado por `;`, `,`, tabulación o `|` (se detecta solo). Excel .xlsx/.xlsm y el .xls
  antiguo (Excel 97-2003, con xlrd): la primera hoja con títulos reconocibles.
- Columnas obligatorias: `fecha`, `tipo` y `distrito` o `lat` + `lon`. Opcionales: `hora`,
  `lugar`, `fuente`. Los títulos se comparan sin mayúsculas, tildes, espacios ni guiones bajos.
  Sinónimos aceptados (lista corta, a propósito): ver SINONIMOS.
- Fechas día/mes/año (también d/m/aa, aaaa-mm-dd, "05-mar-25", celdas de fecha de Excel y
  números de serie de Excel). Horas "14:30", "2:30 p. m.", "14", celdas de hora de Excel.
- Coordenadas con punto o coma decimal ("-12,0464"), dentro del recuadro del Perú.
- Distritos: los 61 de data/distritos.csv, sin importar mayúsculas ni tildes, también con
  nombres antiguos («Magdalena Vieja» = Pueblo Libre): los reconoce lideres.nombres.

Las filas con problemas se apartan (con la fila de Excel y el motivo) y el resto se usa; si el
problema es de todo el archivo (falta una columna, casi todas las fechas ilegibles, lat y lon
cambiadas) se detiene con un ErrorLideres que dice qué pasó y cómo arreglarlo.
El archivo original solo se abre para leer: nunca se modifica.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import math
import re
import unicodedata
import warnings
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from lideres.errores import ErrorLideres
from lideres.formato import fecha as fecha_es
from lideres.formato import numero
from lideres.nombres import palabras, sin_tildes, ubigeo_por_nombre

MAX_BYTES = 20 * 1024 * 1024
MAX_FILAS = 200_000
FECHA_MINIMA = dt.date(1990, 1, 1)
# Recuadro aproximado del Perú (grados decimales, WGS84).
LAT_PERU = (-18.4, 0.0)
LON_PERU = (-81.4, -68.6)
# Más de esta parte de filas con el mismo problema = problema del archivo, no de unas filas.
PROPORCION_GRAVE = 0.5
MAX_LISTADAS = 15

EXTENSIONES_TEXTO = {".csv", ".txt", ".tsv"}
EXTENSIONES_EXCEL = {".xlsx", ".xlsm"}
EXTENSIONES = EXTENSIONES_TEXTO | EXTENSIONES_EXCEL | {".xls"}

OBLIGATORIAS = ("fecha", "tipo")
# Títulos aceptados para cada columna, ya normalizados (sin tildes, espacios ni guiones bajos).
SINONIMOS = {
    "fecha": ["fecha", "fechadelincidente", "fechaincidente", "fechadelhecho", "fechahecho",
              "fechayhora", "fechahora"],
    "tipo": ["tipo", "tipodeincidente", "tipoincidente", "tipodeincidencia", "tipodehecho",
             "tipodedelito", "incidente", "incidencia", "delito"],
    "distrito": ["distrito", "nombredistrito", "nombredeldistrito"],
    "lat": ["lat", "latitud"],
    "lon": ["lon", "long", "lng", "longitud"],
    "hora": ["hora", "horadelincidente", "horaaproximada", "horaaprox"],
    "lugar": ["lugar", "direccion", "referencia", "lugardelhecho"],
    "fuente": ["fuente", "origen", "reportadopor"],
}
_COLUMNA_DE = {sinonimo: col for col, lista in SINONIMOS.items() for sinonimo in lista}
ORDEN_COLUMNAS = ["fecha", "hora", "tipo", "distrito", "ubigeo", "lat", "lon", "lugar", "fuente"]

MESES = {"ene": 1, "feb": 2, "mar": 3, "abr": 4, "may": 5, "jun": 6, "jul": 7, "ago": 8,
         "set": 9, "sep": 9, "oct": 10, "nov": 11, "dic": 12}
MESES_LARGOS = {nombre: i for i, nombre in enumerate(
    ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "setiembre",
     "octubre", "noviembre", "diciembre"], start=1)} | {"septiembre": 9, "sept": 9}
NOMBRES_SEPARADOR = {";": "punto y coma (;)", ",": "coma (,)", "\t": "tabulación", "|": "barra (|)"}
ORIGEN_EXCEL = dt.date(1899, 12, 30)


# --------------------------------------------------------------------------- resultado

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

    @property
    def filas_validas(self) -> int:
        return len(self.tabla)

    def resumen(self) -> str:
        lineas = [f"Archivo: {self.archivo.name} ({self.lectura})"]
        lineas.append(
            f"Filas leídas: {numero(self.filas_leidas)} · válidas: {numero(self.filas_validas)}"
            f" · apartadas: {numero(len(self.filas_apartadas))}"
        )
        if self.fecha_min and self.fecha_max:
            lineas.append(f"Fechas: del {fecha_es(self.fecha_min)} al {fecha_es(self.fecha_max)}")
        if self.distritos:
            lineas.append(f"Distritos ({numero(len(self.distritos))}): " + _conteos(self.distritos))
        if "lat" in self.tabla.columns:
            con_punto = int(self.tabla["lat"].notna().sum())
            lineas.append(f"Puntos con coordenadas: {numero(con_punto)}")
        if self.tipos:
            lineas.append(f"Tipos ({numero(len(self.tipos))}): " + _conteos(self.tipos))
        if self.filas_apartadas:
            lineas.append(f"Filas apartadas ({numero(len(self.filas_apartadas))}), no se usan:")
            for fila, motivo in self.filas_apartadas[:MAX_LISTADAS]:
                lineas.append(f"  fila {fila}: {motivo}")
            resto = len(self.filas_apartadas) - MAX_LISTADAS
            if resto > 0:
                lineas.append(f"  … y {_n(resto, 'fila más', 'filas más')}")
        if self.avisos:
            lineas.append("Avisos:")
            lineas.extend(f"  - {aviso}" for aviso in self.avisos)
        return "\n".join(lineas)

    def __repr__(self) -> str:  # en un cuaderno, mostrar el resumen y no la tabla entera
        return self.resumen()


def _conteos(conteos: dict[str, int], maximo: int = 12) -> str:
    partes = [f"{nombre} {numero(n)}" for nombre, n in list(conteos.items())[:maximo]]
    if len(conteos) > maximo:
        partes.append(f"y {numero(len(conteos) - maximo)} más")
    return ", ".join(partes)


# --------------------------------------------------------------------------- utilidades

def _clave(texto: str) -> str:
    """'  Fecha del_Incidente ' -> 'fechadelincidente' (para comparar títulos)."""
    return re.sub(r"[^a-z0-9]", "", sin_tildes(str(texto)).lower())


def _lista(filas: list, maximo: int = 10) -> str:
    """[2, 3, 4] -> '2, 3 y 4'; muchas -> '2, 3, … y 40 más'."""
    textos = [str(f) for f in filas[:maximo]]
    if len(filas) > maximo:
        return ", ".join(textos) + f" y {numero(len(filas) - maximo)} más"
    if len(textos) == 1:
        return textos[0]
    return ", ".join(textos[:-1]) + " y " + textos[-1]


def _n(cantidad: int, singular: str, plural: str) -> str:
    """_n(1, 'fila vacía', 'filas vacías') -> '1 fila vacía'."""
    return f"{numero(cantidad)} {singular if cantidad == 1 else plural}"


def _filas(filas: list[int]) -> str:
    """[2] -> 'fila 2'; [2, 3] -> 'filas 2 y 3'."""
    return ("fila " if len(filas) == 1 else "filas ") + _lista(filas)


def _de_filas(cuantas: int, leidas: int) -> str:
    """(3, 5) -> '3 de 5 filas'; (1, 1) -> 'la única fila'."""
    return "la única fila" if leidas == 1 else f"{numero(cuantas)} de {numero(leidas)} filas"


def _letra_columna(indice: int) -> str:
    """0 -> 'A', 27 -> 'AB' (como Excel nombra las columnas)."""
    letras = ""
    indice += 1
    while indice:
        indice, resto = divmod(indice - 1, 26)
        letras = chr(65 + resto) + letras
    return letras


def _texto(valor) -> str:
    """Una celda como texto limpio ('' si está vacía)."""
    if type(valor) is str:  # lo más común: va primero
        return " ".join(valor.split())
    if valor is None:
        return ""
    if isinstance(valor, bool):  # así se ven en un Excel en español
        return "VERDADERO" if valor else "FALSO"
    if isinstance(valor, float):
        if valor != valor:  # celda vacía que llegó como número
            return ""
        if valor.is_integer():
            return str(int(valor))
    if isinstance(valor, dt.datetime) and valor.time() == dt.time(0):
        return valor.date().isoformat()
    return " ".join(str(valor).split())


# --------------------------------------------------------------------------- distritos

# Nombres que también son provincia o ciudad: se toman como el distrito, con un aviso.
AMBIGUOS = {"lima", "trujillo", "callao"}
_VACIAS = {"de", "del", "la", "las", "el", "los"}
# Distritos creados hace poco: las tablas del curso (INEI 2017-2020) no los tienen.
NO_INCLUIDOS = {"alto trujillo": "Alto Trujillo", "santa maria de huachipa": "Santa María de Huachipa"}


@dataclass
class _Catalogo:
    nombres: dict[str, str]  # ubigeo -> nombre para mostrar ("Lima (Cercado)")
    parecidos: dict[str, str]  # nombre en minúsculas sin tildes -> distrito (solo para sugerir)
    siglas: dict[str, str]  # 'sjl' -> 'San Juan de Lurigancho' (solo para sugerir)


def _catalogo() -> _Catalogo:
    """Qué distrito es cada nombre lo decide lideres.nombres (igual que al importar límites);
    aquí solo se arma lo necesario para sugerir uno cuando el nombre no se reconoce."""
    from lideres.tablas import cargar

    tabla = cargar("distritos")
    parecidos: dict[str, str] = {}
    siglas: dict[str, list[str]] = {}
    for distrito, inei in zip(tabla["distrito"], tabla["distrito_inei"], strict=True):
        partes = re.match(r"^(.*?)\s*\((.*)\)$", distrito)  # "Lima (Cercado)"
        for nombre in {distrito, inei, *(partes.groups() if partes else ())}:
            parecidos[palabras(nombre)] = distrito
        sin_vacias = [p for p in palabras(re.sub(r"\(.*\)", "", distrito)).split() if p not in ("de", "del")]
        if len(sin_vacias) >= 3:
            siglas.setdefault("".join(p[0] for p in sin_vacias), []).append(distrito)
    return _Catalogo(
        nombres=dict(zip(tabla["ubigeo"], tabla["distrito"], strict=True)),
        parecidos=parecidos,
        siglas={s: d[0] for s, d in siglas.items() if len(d) == 1},
    )


def _buscar_distrito(texto: str, catalogo: _Catalogo) -> tuple[str, str] | None:
    """(distrito, ubigeo) o None. «Distrito de Comas» también vale."""
    ubigeo = ubigeo_por_nombre(texto) or ubigeo_por_nombre(
        re.sub(r"^\s*(distrito|dist\.?)(\s+de)?\s+", "", texto, flags=re.IGNORECASE)
    )
    return (catalogo.nombres[ubigeo], ubigeo) if ubigeo in catalogo.nombres else None


def _sugerir_distrito(texto: str, catalogo: _Catalogo) -> str | None:
    """Solo una sugerencia para el mensaje ('¿quisiste decir...?'); nunca se reemplaza solo."""
    clave = palabras(texto)
    if clave.replace(" ", "") in catalogo.siglas:
        return catalogo.siglas[clave.replace(" ", "")]
    cercano = difflib.get_close_matches(clave, list(catalogo.parecidos), n=1, cutoff=0.75)
    if cercano:
        return catalogo.parecidos[cercano[0]]
    # "Porvenir Alto" -> El Porvenir; "Surco" -> Santiago de Surco (si hay uno solo)
    del_texto = set(clave.split()) - _VACIAS
    candidatos = set()
    for nombre, distrito in catalogo.parecidos.items():
        del_nombre = set(nombre.split()) - _VACIAS
        if del_nombre <= AMBIGUOS and del_nombre != del_texto:
            continue  # "Lima Norte" no es el distrito Lima (Cercado)
        if del_texto and del_nombre and (del_nombre <= del_texto or del_texto <= del_nombre):
            candidatos.add(distrito)
    return candidatos.pop() if len(candidatos) == 1 else None


def _motivo_distrito(texto: str, catalogo: _Catalogo) -> str:
    if palabras(texto) in NO_INCLUIDOS:
        return (f"«{texto}» es un distrito nuevo que no está en las tablas del curso (son de antes "
                "de su creación); para usar esta fila, agrégale lat y lon")
    motivo = f"el distrito «{texto}» no está entre los 61 del curso"
    sugerencia = _sugerir_distrito(texto, catalogo)
    if sugerencia:
        motivo += f" (¿quisiste decir «{sugerencia}»?)"
    return motivo


# --------------------------------------------------------------------------- fechas y horas

def _anio(texto: str) -> int:
    anio = int(texto)
    if len(texto) == 2:
        anio += 2000 if anio <= dt.date.today().year % 100 + 1 else 1900
    return anio


_FECHA_DMA = re.compile(r"^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4}|\d{2})(?:[ T]+(.+))?$")
_FECHA_AMD = re.compile(r"^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})(?:[ T]+(.+))?$")
_FECHA_MES = re.compile(r"^(\d{1,2})[\s/\-.]*(?:de\s+)?([a-z]{3,})\.?[\s/\-.]*(?:del?\s+)?(\d{4}|\d{2})$")
_SERIE = re.compile(r"^\d{5}(?:[.,]\d+)?$")


class _FechaMala(ValueError):
    """La fecha no se pudo leer; el mensaje es el motivo en español."""


def _leer_fecha(valor, epoca: dt.date = ORIGEN_EXCEL) -> tuple[dt.date, str | None, str | None]:
    """Devuelve (fecha, hora si venía pegada, nota). Lanza _FechaMala con el motivo."""
    if isinstance(valor, dt.datetime):
        hora = valor.strftime("%H:%M") if valor.time() != dt.time(0) else None
        return valor.date(), hora, None
    if isinstance(valor, dt.date):
        return valor, None, None
    if isinstance(valor, int | float) and not isinstance(valor, bool):
        return _serie_excel(float(valor), epoca), None, "serie"
    texto = _texto(valor)
    if not texto:
        raise _FechaMala("la fecha está vacía")
    nota = None
    m = _FECHA_DMA.match(texto)
    if m:
        dia, mes, anio, resto = int(m[1]), int(m[2]), _anio(m[3]), m[4]
        nota = "corto" if len(m[3]) == 2 else None
    elif m := _FECHA_AMD.match(texto):
        anio, mes, dia, resto = int(m[1]), int(m[2]), int(m[3]), m[4]
    elif (m := _FECHA_MES.match(sin_tildes(texto.lower()))) and (
        mes := MESES.get(m[2]) or MESES_LARGOS.get(m[2])
    ):
        dia, anio, resto = int(m[1]), _anio(m[3]), None
    elif _SERIE.match(texto):
        return _serie_excel(float(texto.replace(",", ".")), epoca), None, "serie"
    else:
        raise _FechaMala(f"no se entiende la fecha «{texto}» (escríbela como día/mes/año)")
    try:
        fecha = dt.date(anio, mes, dia)
    except ValueError:
        if 1 <= dia <= 12 and 13 <= mes <= 31:
            raise _FechaMala(
                f"la fecha «{texto}» no existe como día/mes/año (¿está escrita como mes/día/año?)"
            ) from None
        raise _FechaMala(f"la fecha «{texto}» no existe en el calendario") from None
    hora = None
    if resto:
        try:
            hora = _leer_hora(resto)
        except ValueError:
            hora = None
    return fecha, hora, nota


def _serie_excel(numero_serie: float, epoca: dt.date) -> dt.date:
    """45721 -> 2025-03-05: Excel guarda las fechas como días desde 1899-12-30."""
    try:
        return epoca + dt.timedelta(days=int(numero_serie))
    except (OverflowError, ValueError):
        raise _FechaMala(f"no se entiende la fecha «{numero_serie:g}»") from None


def _revisar_rango(fecha: dt.date, original) -> None:
    hoy = dt.date.today()
    if fecha > hoy:
        raise _FechaMala(f"la fecha «{_texto(original)}» es posterior a hoy")
    if fecha < FECHA_MINIMA:
        raise _FechaMala(f"la fecha «{_texto(original)}» es anterior a 1990 (¿año mal escrito?)")


_HORA = re.compile(r"^(\d{1,2})(?:[:h.](\d{2}))?(?::(\d{2}))?(am|pm|m)?$")


def _leer_hora(valor) -> str | None:
    """'2:30 p. m.' -> '14:30'; '14' -> '14:00'; celda de hora de Excel -> 'HH:MM'. Vacío -> None."""
    if isinstance(valor, dt.datetime | dt.time):
        return valor.strftime("%H:%M")
    if isinstance(valor, dt.timedelta) or (isinstance(valor, float) and 0 <= valor < 1):
        # duración o fracción del día (así guarda Excel una celda de hora)
        dias = valor.total_seconds() / 86400 if isinstance(valor, dt.timedelta) else valor
        minutos = round(dias * 86400) // 60 % (24 * 60)  # al segundo, luego sin segundos (como «14:30:45»)
        return f"{minutos // 60:02d}:{minutos % 60:02d}"
    texto = _texto(valor).lower()
    if not texto:
        return None
    compacto = re.sub(r"\s*([ap])\.?\s*m\.?", r"\1m", texto)  # "2:30 p. m." -> "2:30pm"
    compacto = re.sub(r"\s+", "", compacto).rstrip(".")  # "12 m." -> "12m"
    compacto = re.sub(r"(horas|hrs|hr|h)$", "", compacto)  # "14 h", "14:30 hrs"
    m = _HORA.match(compacto)
    if not m:
        raise ValueError(texto)
    hora, minuto = int(m[1]), int(m[2] or 0)
    sufijo = m[4]
    if sufijo in ("am", "pm"):
        if not 1 <= hora <= 12:
            raise ValueError(texto)
        hora = hora % 12 + (12 if sufijo == "pm" else 0)
    elif sufijo == "m" and hora != 12:  # "12 m." = mediodía; otra hora con "m." es ambigua
        raise ValueError(texto)
    if not (0 <= hora <= 23 and 0 <= minuto <= 59):
        if hora == 24 and minuto == 0:
            hora = 0
        else:
            raise ValueError(texto)
    return f"{hora:02d}:{minuto:02d}"


# --------------------------------------------------------------------------- coordenadas

def _leer_coordenada(valor) -> float | None:
    if valor is None or valor == "":
        return None
    if isinstance(valor, int | float) and not isinstance(valor, bool):
        if valor != valor:  # celda vacía que llegó como número
            return None
        if not math.isfinite(valor):
            raise ValueError(valor)
        return float(valor)
    texto = _texto(valor).replace("−", "-").replace(" ", "")
    if not texto:
        return None
    if texto.count(",") == 1 and "." not in texto:
        texto = texto.replace(",", ".")
    try:
        numero_leido = float(texto)
    except ValueError:
        raise ValueError(valor) from None
    if not math.isfinite(numero_leido):  # "nan", "inf" no son coordenadas
        raise ValueError(valor)
    return numero_leido


def _en_peru(lat: float, lon: float) -> bool:
    return LAT_PERU[0] <= lat <= LAT_PERU[1] and LON_PERU[0] <= lon <= LON_PERU[1]


def _motivo_coordenada(lat: float, lon: float, escrito: tuple[str, str]) -> str:
    """escrito: lat y lon tal como están en el archivo (un número de Excel largo no se ve como 1.2e+08)."""
    texto = f"el punto (lat «{escrito[0]}», lon «{escrito[1]}») queda fuera del Perú"
    if _en_peru(lon, lat):
        return texto + " (parece que latitud y longitud están intercambiadas)"
    if _en_peru(-abs(lat), -abs(lon)):
        return texto + " (¿falta el signo menos? En el Perú ambas son negativas)"
    if abs(lat) > 90 or abs(lon) > 180:
        return texto + " (¿falta el punto decimal?)"
    return texto


# --------------------------------------------------------------------------- lectura

@dataclass
class _Crudo:
    """Las celdas tal como vienen: fila de títulos y filas de datos con su número de fila de Excel."""

    titulos: list[str]
    fila_titulos: int
    filas: list[tuple[int, list]]
    lectura: str
    epoca: dt.date = ORIGEN_EXCEL
    filas_vacias: int = 0
    celdas_de_mas: dict[int, int] = field(default_factory=dict)
    celdas_fijas: bool = False  # Excel: una celda de más no corre las columnas


_GUARDAR_COMO = "En Excel: Archivo > Guardar como > Libro de Excel (.xlsx) o CSV (delimitado por comas)."
_COMO_DANADO = ("Ábrelo en Excel: si abre, usa Archivo > Guardar como > Libro de Excel (.xlsx) o CSV "
                "(delimitado por comas) y revisa el archivo nuevo. Si no abre, pide otra copia (a veces "
                "la descarga o el USB lo cortan).")
_COMO_PDF = "Un PDF no es una tabla. Pide el archivo original en Excel o CSV."
_COMO_WORD = "Copia la tabla de Word a Excel y guárdala como .xlsx o CSV."
_CONSEJOS_EXTENSION = {
    ".ods": "En LibreOffice: Archivo > Guardar como > Libro de Excel (.xlsx) o CSV.",
    ".numbers": "En Numbers: Archivo > Exportar a > Excel o CSV.",
    ".pdf": _COMO_PDF,
    ".doc": _COMO_WORD,
    ".docx": _COMO_WORD,
    ".json": "Este curso lee tablas: pásalo a Excel o CSV.",
}


def _error_archivo(ruta: Path) -> None:
    """Archivo inexistente, carpeta, extensión no admitida, demasiado grande."""
    if not ruta.exists():
        cercanos = []
        if ruta.parent.is_dir():
            cercanos = difflib.get_close_matches(ruta.name, [p.name for p in ruta.parent.iterdir()], n=1)
        pista = f" ¿Quisiste decir «{cercanos[0]}»?" if cercanos else ""
        raise ErrorLideres(
            f"No se encuentra el archivo «{ruta}».{pista}",
            como_arreglar="Revisa el nombre y la carpeta. Puedes arrastrar el archivo a la terminal "
            "para que se escriba su ruta completa.",
        )
    if ruta.is_dir():
        raise ErrorLideres(
            f"«{ruta}» es una carpeta, no un archivo.",
            como_arreglar="Escribe la ruta del archivo que está dentro, por ejemplo "
            f"«{ruta / 'cuaderno.csv'}».",
        )
    extension = ruta.suffix.lower()
    if ruta.name.startswith("~$"):
        raise ErrorLideres(
            f"«{ruta.name}» es el archivo temporal que Excel crea mientras el registro está abierto.",
            como_arreglar=f"Usa el archivo de verdad, «{ruta.name[2:]}» (sin «~$» al inicio).",
        )
    if extension not in EXTENSIONES:
        raise ErrorLideres(
            f"No se pueden leer archivos «{extension or 'sin extensión'}»: solo {_lista(sorted(EXTENSIONES))}.",
            como_arreglar=_CONSEJOS_EXTENSION.get(extension, _GUARDAR_COMO),
        )
    tamano = ruta.stat().st_size
    if tamano > MAX_BYTES:
        raise ErrorLideres(
            f"El archivo es demasiado grande ({numero(tamano / 1024 / 1024, 1)} MB; "
            f"el límite es {numero(MAX_BYTES / 1024 / 1024)} MB).",
            como_arreglar="Guarda solo las columnas fecha, tipo, distrito (o lat y lon), hora, lugar y "
            "fuente, o divide el registro por año.",
        )


def _leer_bytes(ruta: Path) -> bytes:
    try:
        with open(ruta, "rb") as archivo:  # solo lectura: el original nunca se toca
            return archivo.read()
    except PermissionError:
        raise ErrorLideres(
            f"No se puede abrir «{ruta.name}»: no hay permiso para leerlo.",
            como_arreglar="Ciérralo en Excel si está abierto, o cópialo a tu carpeta de trabajo.",
        ) from None
    except OSError as e:
        raise ErrorLideres(
            f"No se puede leer «{ruta.name}» ({e.strerror or 'error del sistema'}).",
            como_arreglar="Copia el archivo a tu carpeta de trabajo y vuelve a intentarlo.",
        ) from None


def _no_es_tabla(que: str, como: str = _GUARDAR_COMO) -> ErrorLideres:
    return ErrorLideres(f"Este archivo no es una tabla: {que}.", como_arreglar=como)


def _decodificar(datos: bytes) -> tuple[str, str]:
    """Bytes -> (texto, cómo venían las letras)."""
    if datos.startswith((b"\xff\xfe", b"\xfe\xff")):
        return datos.decode("utf-16", errors="replace"), "Texto Unicode (UTF-16)"
    muestra = datos[:4096]
    if b"\x00" in muestra:
        impares = muestra[1::2]
        if muestra and impares.count(0) > len(impares) * 0.8:  # UTF-16 sin BOM
            try:
                return datos.decode("utf-16-le"), "Texto Unicode (UTF-16)"
            except UnicodeDecodeError:
                pass
        raise _no_es_tabla("tiene contenido binario (no es texto)")
    if datos.startswith(b"\xef\xbb\xbf"):
        return datos[3:].decode("utf-8", errors="replace"), "UTF-8 con BOM"
    try:
        return datos.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return datos.decode("cp1252"), "Windows/Latin-1"
    except UnicodeDecodeError:
        return datos.decode("latin-1"), "Windows/Latin-1"


def _revisar_contenido_texto(texto: str) -> None:
    inicio = texto.lstrip()[:2000].lower()
    if inicio.startswith("<") and any(
        marca in inicio for marca in ("<html", "<!doctype", "<table", "<?xml", "<workbook")
    ):
        raise _no_es_tabla(
            "es una página web (HTML) o XML, aunque su nombre diga otra cosa. Muchos sistemas "
            "«exportan a Excel» así",
            "Ábrelo en Excel y usa Archivo > Guardar como > Libro de Excel (.xlsx) o CSV.",
        )
    if inicio.startswith(("{", "[")):
        raise _no_es_tabla(
            "es un archivo JSON (datos de programación)",
            "Pide el registro en Excel o CSV, o pásalo a una tabla con una columna por dato.",
        )
    controles = sum(1 for c in texto[:4096] if unicodedata.category(c) == "Cc" and c not in "\r\n\t")
    if controles > 20:
        raise _no_es_tabla("tiene contenido binario (no es texto)")


def _separador(lineas: list[str]) -> str | None:
    """Elige ; , tabulación o | según cuál da el mismo número de columnas en más líneas."""
    mejor, puntaje_mejor = None, (0.0, 0)
    for sep in (";", "\t", ",", "|"):
        cuentas = [len(f) for f in csv.reader(lineas, delimiter=sep) if any(c.strip() for c in f)]
        if not cuentas:
            continue
        moda, veces = Counter(cuentas).most_common(1)[0]
        if moda < 2:
            continue
        puntaje = (round(veces / len(cuentas), 2), moda)
        if puntaje > puntaje_mejor:
            mejor, puntaje_mejor = sep, puntaje
    return mejor


def _leer_texto(datos: bytes) -> _Crudo:
    texto, letras = _decodificar(datos)
    _revisar_contenido_texto(texto)
    muestra = [linea for linea in texto.splitlines()[:40] if linea.strip()]
    if not muestra:
        raise _vacio()
    sep = _separador(muestra)
    lector = csv.reader(io.StringIO(texto, newline=""), delimiter=sep or "\x1f")
    try:
        registros = [(numero_fila, fila) for numero_fila, fila in enumerate(lector, start=1)]
    except csv.Error:
        raise _no_es_tabla("no se pudo separar en filas y columnas (¿comillas sin cerrar?)") from None
    lectura = f"texto separado por {NOMBRES_SEPARADOR[sep]}" if sep else "texto de una sola columna"
    return _armar(registros, f"{lectura}, letras {letras}")


def _leer_excel(datos: bytes, ruta: Path) -> _Crudo:
    import openpyxl  # se importa aquí: solo hace falta para archivos de Excel

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl avisa en inglés de estilos que no importan
            libro = openpyxl.load_workbook(io.BytesIO(datos), read_only=True, data_only=True)
            hojas = libro.worksheets
            for hoja in hojas:
                hoja.reset_dimensions()  # algunos programas guardan mal el tamaño de la hoja
            elegida = _elegir_hoja((hoja.title, hoja.iter_rows(values_only=True)) for hoja in hojas)
            epoca = libro.epoch.date() if hasattr(libro, "epoch") else ORIGEN_EXCEL
            libro.close()
    except ErrorLideres:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, IndexError, EOFError) as e:
        raise ErrorLideres(
            f"El archivo de Excel «{ruta.name}» está dañado o incompleto y no se puede abrir.",
            como_arreglar=_COMO_DANADO,
        ) from e
    except Exception as e:  # openpyxl lanza sus propias excepciones ante archivos raros
        raise ErrorLideres(
            f"No se pudo abrir «{ruta.name}» como Excel.",
            como_arreglar=_COMO_DANADO,
        ) from e
    return _armar_hoja(elegida, len(hojas), "Excel", ruta, epoca)


def _leer_ole(datos: bytes, ruta: Path) -> _Crudo:
    """Archivo de Office «antiguo» (OLE2): .xls de antes de 2007 o .xlsx con contraseña."""
    protegido = ErrorLideres(
        f"El archivo «{ruta.name}» está protegido con contraseña y no se puede leer.",
        como_arreglar="Ábrelo en Excel con la contraseña, ve a Archivo > Información > Proteger "
        "libro > Cifrar con contraseña, borra la contraseña y guárdalo con otro nombre.",
    )
    if "EncryptionInfo".encode("utf-16-le") in datos or "EncryptedPackage".encode("utf-16-le") in datos:
        raise protegido
    import xlrd  # se importa aquí: solo hace falta para el .xls antiguo

    try:
        # logfile: xlrd escribe sus avisos (en inglés) en la terminal si no se le da otro lugar
        libro = xlrd.open_workbook(file_contents=datos, logfile=io.StringIO())
        hojas = libro.sheets()
        elegida = _elegir_hoja((hoja.name, _filas_xls(hoja, libro.datemode)) for hoja in hojas)
        epoca = dt.date(1904, 1, 1) if libro.datemode == 1 else ORIGEN_EXCEL  # Excel de Mac antiguo
    except ErrorLideres:
        raise
    except Exception as e:  # xlrd lanza XLRDError, CompDocError, struct.error... ante archivos raros
        if "encrypted" in str(e).lower():  # .xls con contraseña de apertura
            raise protegido from e
        raise ErrorLideres(
            f"«{ruta.name}» está en el formato antiguo de Excel (.xls, de antes de 2007), pero está "
            "dañado o incompleto y no se pudo leer.",
            como_arreglar=_COMO_DANADO,
        ) from e
    return _armar_hoja(elegida, len(hojas), "Excel antiguo (.xls)", ruta, epoca)


def _filas_xls(hoja, modo_fecha: int):
    """Filas de una hoja .xls con celdas como las de openpyxl: fechas como datetime, horas
    solas como time, vacías como None, números enteros como int."""
    import xlrd

    for i in range(hoja.nrows):
        fila = []
        for tipo, valor in zip(hoja.row_types(i), hoja.row_values(i), strict=True):
            if tipo in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                valor = None
            elif tipo == xlrd.XL_CELL_DATE:
                try:
                    fecha = xlrd.xldate_as_datetime(valor, modo_fecha)
                    valor = fecha.time() if 0 <= valor < 1 else fecha  # celda de solo hora
                except (ValueError, OverflowError):
                    pass  # fecha fuera de rango: queda el número y la revisión lo aparta
            elif tipo == xlrd.XL_CELL_NUMBER:
                if valor.is_integer():
                    valor = int(valor)  # xlrd da 14.0; openpyxl da 14
            elif tipo == xlrd.XL_CELL_BOOLEAN:
                valor = bool(valor)
            elif tipo == xlrd.XL_CELL_ERROR:
                valor = xlrd.error_text_from_code.get(valor, "#¿?")  # "#N/A", como lo muestra Excel
            fila.append(valor)
        yield fila


def _elegir_hoja(hojas) -> tuple[int, str, list[tuple[int, list]]] | None:
    """Recibe (título, filas) de cada hoja y elige la primera con títulos reconocibles; si
    ninguna los tiene, la primera con datos. Devuelve (posición, título, filas numeradas como
    en Excel) o None si todas están vacías."""
    elegida = None
    for posicion, (titulo, filas_hoja) in enumerate(hojas):
        filas, con_datos, vacias_seguidas = [], 0, 0
        for numero_fila, fila in enumerate(filas_hoja, start=1):
            if not _vacia(fila):
                con_datos, vacias_seguidas = con_datos + 1, 0
            else:
                vacias_seguidas += 1
                if vacias_seguidas > 10_000:  # filas con formato pero sin datos: se acabó
                    break
            filas.append((numero_fila, list(fila)))
            if con_datos > MAX_FILAS + 1:
                raise _demasiadas_filas(f"más de {numero(MAX_FILAS)}")
        if not con_datos:
            continue
        if elegida is None:
            elegida = (posicion, titulo, filas)  # primera hoja con datos, por si ninguna tiene títulos
        if _fila_titulos(filas) is not None:
            return posicion, titulo, filas
    return elegida


def _armar_hoja(elegida, total: int, formato: str, ruta: Path, epoca: dt.date) -> _Crudo:
    if elegida is None:
        raise ErrorLideres(
            f"El libro de Excel «{ruta.name}» no tiene datos en ninguna hoja.",
            como_arreglar="Revisa que guardaste el archivo correcto y que las incidencias están escritas.",
        )
    posicion, titulo, registros = elegida
    lectura = f"{formato}, hoja «{titulo}»"
    if total > 1:
        lectura += f" (la {posicion + 1}.ª de {total})"
    crudo = _armar(registros, lectura, celdas_fijas=True)
    crudo.epoca = epoca
    return crudo


def _vacio() -> ErrorLideres:
    return ErrorLideres(
        "El archivo está vacío: no tiene ni títulos ni filas.",
        como_arreglar="Revisa que guardaste el archivo correcto. La primera fila debe tener los "
        "títulos (fecha, tipo, distrito...) y debajo, una incidencia por fila.",
    )


def _vacia(fila: list) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in fila)


def _fila_titulos(registros: list[tuple[int, list]]) -> int | None:
    """Posición (en la lista) de la fila de títulos: la primera, de las 10 primeras no vacías,
    con al menos dos títulos conocidos. Permite un título como «CUADERNO DE INCIDENCIAS» arriba."""
    revisadas = 0
    for posicion, (_, fila) in enumerate(registros):
        if _vacia(fila):
            continue
        conocidas = {_COLUMNA_DE.get(_clave(_texto(c))) for c in fila} - {None}
        if len(conocidas) >= 2:
            return posicion
        revisadas += 1
        if revisadas >= 10:
            break
    return None


def _demasiadas_filas(cuantas: str) -> ErrorLideres:
    return ErrorLideres(
        f"El archivo tiene demasiadas filas ({cuantas}; el límite es {numero(MAX_FILAS)}).",
        como_arreglar="Divide el registro por año o por distrito y revisa cada parte por separado.",
    )


def _armar(registros: list[tuple[int, list]], lectura: str, celdas_fijas: bool = False) -> _Crudo:
    """Ubica los títulos y arma las filas. En un texto, una celda de más puede correr las columnas
    (un ';' dentro de un dato): esa fila se aparta. En Excel (celdas_fijas) solo se avisa."""
    posicion = _fila_titulos(registros)
    if posicion is None:
        posicion = next((i for i, (_, f) in enumerate(registros) if not _vacia(f)), None)
        if posicion is None:
            raise _vacio()
    fila_titulos, titulos = registros[posicion]
    titulos = [_texto(t) for t in titulos]
    while titulos and not titulos[-1]:
        titulos.pop()  # Excel deja columnas vacías a la derecha (;;;)
    ancho = len(titulos)
    filas, vacias, de_mas = [], 0, {}
    for numero_fila, fila in registros[posicion + 1:]:
        if _vacia(fila):
            vacias += 1
            continue
        sobrantes = not _vacia(fila[ancho:])
        if sobrantes:
            de_mas[numero_fila] = len(fila) - ancho
        celdas = list(fila[:ancho]) + [None] * max(0, ancho - len(fila))
        filas.append((numero_fila, celdas))
    if len(filas) > MAX_FILAS:
        raise _demasiadas_filas(numero(len(filas)))
    return _Crudo(titulos=titulos, fila_titulos=fila_titulos, filas=filas, lectura=lectura,
                  filas_vacias=vacias, celdas_de_mas=de_mas, celdas_fijas=celdas_fijas)


def _leer(ruta: Path) -> _Crudo:
    _error_archivo(ruta)
    datos = _leer_bytes(ruta)
    if not datos.strip():
        raise _vacio()
    if datos.startswith(b"\xd0\xcf\x11\xe0"):
        return _leer_ole(datos, ruta)
    if datos.startswith(b"PK\x03\x04"):
        if b"xl/" not in datos[:200_000] and ruta.suffix.lower() not in EXTENSIONES_EXCEL:
            raise _no_es_tabla("es un archivo comprimido (.zip), no una tabla",
                               "Descomprímelo y revisa el archivo de adentro.")
        return _leer_excel(datos, ruta)
    if datos.startswith(b"%PDF"):
        raise _no_es_tabla("es un PDF", _COMO_PDF)
    if ruta.suffix.lower() in EXTENSIONES_EXCEL:
        _revisar_contenido_texto(_decodificar(datos)[0])
        raise ErrorLideres(
            f"«{ruta.name}» dice ser de Excel pero no lo es: está dañado o incompleto.",
            como_arreglar=_COMO_DANADO,
        )
    # .csv, .txt y también .xls que en realidad son texto (así exportan muchos sistemas)
    return _leer_texto(datos)


# --------------------------------------------------------------------------- columnas

def _columnas(crudo: _Crudo) -> dict[str, int]:
    """Columna del curso -> posición en el archivo. Falta algo obligatorio: ErrorLideres."""
    indice: dict[str, int] = {}
    for posicion, titulo in enumerate(crudo.titulos):
        columna = _COLUMNA_DE.get(_clave(titulo))
        if columna is None:
            continue
        if columna in indice:
            primera = indice[columna]
            raise ErrorLideres(
                f"Hay dos columnas para «{columna}»: «{crudo.titulos[primera]}» (columna "
                f"{_letra_columna(primera)}) y «{titulo}» (columna {_letra_columna(posicion)}).",
                como_arreglar="Deja solo una de las dos, o cámbiale el título a la otra "
                "(por ejemplo «observación»).",
            )
        indice[columna] = posicion

    faltan = [c for c in OBLIGATORIAS if c not in indice]
    tiene_lugar = "distrito" in indice or ("lat" in indice and "lon" in indice)
    if not faltan and tiene_lugar:
        return indice

    presentes = [t for t in crudo.titulos if t]
    if len(presentes) == 1 and len(crudo.titulos) == 1:
        raise ErrorLideres(
            f"Todo el archivo quedó en una sola columna («{presentes[0][:60]}»): no se reconoce "
            "cómo están separadas las columnas.",
            como_arreglar="En Excel: Archivo > Guardar como > CSV (delimitado por comas), o separa "
            "los datos con punto y coma (;).",
        )
    if _parece_dato(crudo.titulos):
        raise ErrorLideres(
            f"La fila {crudo.fila_titulos} parece un dato y no una fila de títulos: "
            f"«{' | '.join(presentes[:4])}».",
            como_arreglar="Inserta arriba una fila con los títulos: fecha, tipo, distrito (o lat y "
            "lon), y si quieres hora, lugar, fuente.",
        )
    claves = {_clave(t): t for t in presentes}
    mensajes = []
    for columna in faltan:
        mensajes.append(_falta(columna, claves, indice))
    if not tiene_lugar:
        if "lat" in indice or "lon" in indice:
            otra = "lon" if "lat" in indice else "lat"
            mensajes.append(_falta(otra, claves, indice))
        else:
            cercano = _mas_parecido(["distrito", "lat", "lon", "latitud", "longitud"], claves, indice)
            texto = "Falta la columna «distrito» (o las columnas «lat» y «lon»)."
            if cercano:
                texto += f" La más parecida en tu archivo es «{cercano}»."
            mensajes.append(texto)
    raise ErrorLideres(
        " ".join(mensajes) + " Títulos encontrados en la fila "
        f"{crudo.fila_titulos}: " + ", ".join(f"«{t}»" for t in presentes[:12]) + ".",
        como_arreglar="Corrige el título en la primera fila del archivo. Se necesitan: fecha, tipo "
        "y distrito (o lat y lon). Mayúsculas, tildes y espacios no importan.",
    )


def _mas_parecido(objetivos: list[str], claves: dict[str, str], usadas: dict[str, int]) -> str | None:
    libres = {c: t for c, t in claves.items() if _COLUMNA_DE.get(c) not in usadas}
    mejor, razon = None, 0.0
    for objetivo in objetivos:
        for clave, titulo in libres.items():
            r = difflib.SequenceMatcher(None, objetivo, clave).ratio()
            if r >= 0.6 and r > razon:
                mejor, razon = titulo, r
    return mejor


def _falta(columna: str, claves: dict[str, str], usadas: dict[str, int]) -> str:
    texto = f"Falta la columna «{columna}»."
    cercano = _mas_parecido(SINONIMOS[columna], claves, usadas)
    if cercano:
        texto += f" La más parecida en tu archivo es «{cercano}»."
    return texto


def _parece_dato(titulos: list[str]) -> bool:
    for titulo in titulos:
        try:
            _leer_fecha(titulo)
            return True
        except _FechaMala:
            continue
    return False


# --------------------------------------------------------------------------- revisión

def revisar_archivo(ruta: str | Path) -> Revision:
    """Lee un registro propio, aparta las filas con problemas y devuelve una Revision.

    Si el problema es de todo el archivo, lanza ErrorLideres con el motivo y cómo arreglarlo.
    """
    ruta = Path(ruta).expanduser()
    crudo = _leer(ruta)
    indice = _columnas(crudo)
    if crudo.fila_titulos != 1:
        crudo.lectura += f", títulos en la fila {crudo.fila_titulos}"
    if not crudo.filas:
        raise ErrorLideres(
            f"El archivo solo tiene la fila de títulos (fila {crudo.fila_titulos}): no hay incidencias.",
            como_arreglar="Escribe una incidencia por fila debajo de los títulos, o revisa que "
            "guardaste la hoja correcta.",
        )
    catalogo = _catalogo() if "distrito" in indice else None
    con_coordenadas = "lat" in indice and "lon" in indice

    def celda(celdas: list, columna: str):
        return celdas[indice[columna]] if columna in indice else None

    validas: list[dict] = []
    apartadas: list[tuple[int, str]] = []
    fechas_malas: list[tuple[int, str, str]] = []  # (fila, lo escrito, motivo)
    fuera: list[tuple[int, float, float, tuple[str, str]]] = []  # (fila, lat, lon, lo escrito)
    horas_malas: list[int] = []
    notas: Counter = Counter()
    distritos_ambiguos: dict[str, str] = {}
    motivos_distrito: dict[str, str] = {}  # nombre desconocido -> motivo (con sugerencia)
    distritos_malos = 0

    for numero_fila, celdas in crudo.filas:
        motivos: list[str] = []
        fila: dict = {"fila_original": numero_fila}

        original = celda(celdas, "fecha")
        try:
            fecha, hora_pegada, nota = _leer_fecha(original, crudo.epoca)
            _revisar_rango(fecha, original)
            fila["fecha"] = fecha
            if nota:
                notas[nota] += 1
        except _FechaMala as e:
            motivos.append(str(e))
            fechas_malas.append((numero_fila, _texto(original), str(e)))
            hora_pegada = None

        tipo = _texto(celda(celdas, "tipo"))
        if tipo:
            fila["tipo"] = tipo
        else:
            motivos.append("falta el tipo de incidente")

        lugar_ok = False  # basta un distrito conocido o un punto dentro del Perú
        lugar_malo = False  # hay un valor, pero no sirve (el motivo ya se anotó)
        if con_coordenadas:
            try:
                lat = _leer_coordenada(celda(celdas, "lat"))
                lon = _leer_coordenada(celda(celdas, "lon"))
            except ValueError as e:
                motivos.append(f"no se entiende la coordenada «{_texto(e.args[0])}»")
                lat = lon = None
                lugar_malo = True
            if lat is not None and lon is not None:
                if _en_peru(lat, lon):
                    fila["lat"], fila["lon"] = lat, lon
                    lugar_ok = True
                else:
                    escrito = (_texto(celda(celdas, "lat")), _texto(celda(celdas, "lon")))
                    motivos.append(_motivo_coordenada(lat, lon, escrito))
                    fuera.append((numero_fila, lat, lon, escrito))
                    lugar_malo = True
            elif (lat is None) != (lon is None):
                motivos.append("tiene latitud o longitud, pero no las dos")
                lugar_malo = True
        if catalogo is not None:
            nombre = _texto(celda(celdas, "distrito"))
            if nombre:
                encontrado = _buscar_distrito(nombre, catalogo)
                if encontrado:
                    fila["distrito"], fila["ubigeo"] = encontrado
                    lugar_ok = True
                    if palabras(nombre) in AMBIGUOS:
                        distritos_ambiguos[nombre] = encontrado[0]
                else:
                    if nombre not in motivos_distrito:  # buscar parecidos es lento: una vez por nombre
                        motivos_distrito[nombre] = _motivo_distrito(nombre, catalogo)
                    motivos.append(motivos_distrito[nombre])
                    distritos_malos += 1
                    lugar_malo = True
        if not lugar_ok and not lugar_malo:
            if catalogo is not None and con_coordenadas:
                motivos.append("falta el lugar: no tiene distrito ni coordenadas")
            elif catalogo is not None:
                motivos.append("falta el distrito")
            else:
                motivos.append("faltan las coordenadas (lat y lon)")

        if numero_fila in crudo.celdas_de_mas and not crudo.celdas_fijas:
            motivos.append("tiene más celdas que títulos (¿un separador de más dentro de un texto?)")

        hora_original = celda(celdas, "hora")
        try:
            hora = _leer_hora(hora_original) if "hora" in indice else None
        except ValueError:
            hora = None
            horas_malas.append(numero_fila)
        fila["hora"] = hora or hora_pegada
        for columna in ("lugar", "fuente"):
            if columna in indice:
                fila[columna] = _texto(celda(celdas, columna)) or None

        if motivos:
            apartadas.append((numero_fila, "; ".join(motivos)))
        else:
            validas.append(fila)

    leidas = len(crudo.filas)
    _problemas_graves(leidas, fechas_malas, fuera, con_coordenadas)
    if not validas:
        como = "Corrige esas filas en el archivo y vuelve a revisarlo."
        if distritos_malos == leidas:
            como = ("El curso conoce los 61 distritos de Lima Metropolitana, Callao y la provincia de "
                    "Trujillo (lista en data/distritos.csv). Si tu registro es de otro lugar, usa "
                    "columnas lat y lon en lugar de distrito.")
        if leidas == 1:
            texto = f"La única fila no es válida (fila {apartadas[0][0]}: {apartadas[0][1]})."
        else:
            texto = (f"Ninguna de las {numero(leidas)} filas es válida. Primeras filas con problemas: "
                     + "; ".join(f"fila {f}: {m}" for f, m in apartadas[:5]) + ".")
        raise ErrorLideres(texto, como_arreglar=como)

    tipos_unidos = _unir_tipos(validas)
    avisos = _avisos(crudo, indice, validas, horas_malas, notas, distritos_ambiguos, tipos_unidos)
    tabla = _tabla(validas, indice, con_coordenadas)
    tipos = tabla["tipo"].value_counts()
    distritos = tabla["distrito"].value_counts() if "distrito" in tabla.columns else pd.Series(dtype=int)
    return Revision(
        archivo=ruta,
        tabla=tabla,
        filas_leidas=leidas,
        filas_apartadas=apartadas,
        fecha_min=tabla["fecha"].min().date(),
        fecha_max=tabla["fecha"].max().date(),
        distritos={str(k): int(v) for k, v in distritos.items()},
        tipos={str(k): int(v) for k, v in tipos.items()},
        avisos=avisos,
        columnas={c: crudo.titulos[i] for c, i in indice.items()},
        lectura=crudo.lectura,
    )


def _problemas_graves(leidas, fechas_malas, fuera, con_coordenadas) -> None:
    """Si el mismo problema está en más de la mitad de las filas, es del archivo: se detiene."""
    if len(fechas_malas) > leidas * PROPORCION_GRAVE:
        filas = [f for f, _, _ in fechas_malas]
        texto = f"La fecha no sirve en {_de_filas(len(filas), leidas)} ({_filas(filas)}). "
        if len(filas) == 1:
            texto += f"Motivo: {fechas_malas[0][2]}."
        else:
            texto += "Primeros casos: " + "; ".join(f"fila {f}: {m}" for f, _, m in fechas_malas[:3]) + "."
        como = ("Escribe las fechas como día/mes/año, por ejemplo 05/03/2025, y revisa el año "
                "(no pueden ser posteriores a hoy). En Excel: selecciona la columna, Formato de "
                "celdas > Fecha > 14/03/2012.")
        if _parecen_mes_dia([t for _, t, _ in fechas_malas]):
            texto += " Parece que están escritas como mes/día/año (formato de Estados Unidos)."
            como = ("En el Perú la fecha va como día/mes/año. En Excel: Datos > Texto en columnas > "
                    "Fecha: MDA, y luego guarda con formato de fecha día/mes/año.")
        raise ErrorLideres(texto, como_arreglar=como)
    if con_coordenadas and len(fuera) > leidas * PROPORCION_GRAVE:
        cambiadas = [f for f, lat, lon, _ in fuera if _en_peru(lon, lat)]
        filas = [f for f, _, _, _ in fuera]
        if len(cambiadas) > len(fuera) / 2:
            raise ErrorLideres(
                "Las columnas de latitud y longitud parecen intercambiadas: en "
                f"{_n(len(cambiadas), 'fila', 'filas')} ({_filas(cambiadas)}) el punto cae fuera del "
                "Perú, pero al revés cae dentro.",
                como_arreglar="Cambia los títulos: en el Perú la latitud va de -18.4 a 0 "
                "(por ejemplo -12.05 en Lima) y la longitud de -81.4 a -68.6 (por ejemplo -77.04).",
            )
        _, lat, lon, escrito = fuera[0]
        raise ErrorLideres(
            f"Las coordenadas de {_de_filas(len(fuera), leidas)} quedan fuera del Perú "
            f"({_filas(filas)}). Por ejemplo: {_motivo_coordenada(lat, lon, escrito)}.",
            como_arreglar="Revisa que sean grados decimales con signo menos: en Lima, lat ≈ -12.05 y "
            "lon ≈ -77.04. Si las copiaste de un mapa, copia el par completo otra vez.",
        )


def _parecen_mes_dia(textos: list[str]) -> bool:
    """Si casi todas fallan como día/mes/año pero existen como mes/día/año: formato de EE. UU."""
    al_reves = 0
    for texto in textos:
        m = _FECHA_DMA.match(texto)
        if not m:
            continue
        try:
            dt.date(_anio(m[3]), int(m[2]), int(m[1]))
            continue  # como día/mes/año sí existe: el problema es otro
        except ValueError:
            pass
        try:
            dt.date(_anio(m[3]), int(m[1]), int(m[2]))
            al_reves += 1
        except ValueError:
            pass
    return bool(textos) and al_reves > len(textos) * 0.5


def _unir_tipos(validas: list[dict]) -> list[str]:
    """El mismo tipo escrito distinto ("robo", "ROBO ") partiría los conteos: se unen en la
    escritura más usada. Cambia las filas y devuelve un aviso por cada unión."""
    grupos: dict[str, Counter] = {}
    for fila in validas:
        grupos.setdefault(palabras(fila["tipo"]), Counter())[fila["tipo"]] += 1
    avisos = []
    for escrituras in grupos.values():
        if len(escrituras) > 1:
            principal = escrituras.most_common(1)[0][0]
            otras = [e for e in escrituras if e != principal]
            avisos.append(f"{', '.join(f'«{e}»' for e in otras)} se contó como «{principal}» "
                          "(mismo tipo escrito distinto).")
            for fila in validas:
                if fila["tipo"] in escrituras:
                    fila["tipo"] = principal
    return avisos


def _avisos(crudo, indice, validas, horas_malas, notas, distritos_ambiguos, tipos_unidos) -> list[str]:
    avisos = []
    sin_usar = [t for i, t in enumerate(crudo.titulos) if t and i not in indice.values()]
    if sin_usar:
        avisos.append("Columnas que no se usan: " + ", ".join(f"«{t}»" for t in sin_usar[:10]) + ".")
    if crudo.celdas_fijas and crudo.celdas_de_mas:
        avisos.append(f"Hay datos en columnas sin título ({_filas(sorted(crudo.celdas_de_mas))}): "
                      "no se usan.")
    if crudo.filas_vacias:
        avisos.append(f"Se saltaron {_n(crudo.filas_vacias, 'fila vacía', 'filas vacías')}.")
    if horas_malas:
        una = len(horas_malas) == 1
        avisos.append(f"No se entiende la hora en {'la' if una else 'las'} {_filas(horas_malas)}: "
                      f"{'se usa' if una else 'se usan'}, pero sin hora (escríbela como 14:30 o 2:30 p. m.).")
    if notas["serie"]:
        avisos.append(f"{_n(notas['serie'], 'fecha venía', 'fechas venían')} como número de Excel "
                      "(por ejemplo 45721 = 5/3/2025) y se leyó como fecha. En Excel, dale a esa "
                      "columna formato de fecha para verla bien.")
    if notas["corto"]:
        avisos.append(f"{_n(notas['corto'], 'fecha tenía', 'fechas tenían')} el año con dos cifras "
                      "(25 = 2025).")
    for nombre, distrito in distritos_ambiguos.items():
        avisos.append(f"«{nombre}» se tomó como el distrito {distrito}, no como toda la provincia.")
    avisos.extend(tipos_unidos)

    def contenido(fila: dict) -> tuple:
        return tuple((k, v) for k, v in fila.items() if k != "fila_original")

    claves = Counter(contenido(f) for f in validas)
    repetidas = [f["fila_original"] for f in validas if claves[contenido(f)] > 1]
    if repetidas:
        avisos.append(f"Hay filas exactamente iguales ({_filas(repetidas)}): si son la misma "
                      "incidencia anotada dos veces, borra una.")
    return avisos


def _tabla(validas: list[dict], indice: dict[str, int], con_coordenadas: bool) -> pd.DataFrame:
    tabla = pd.DataFrame(validas)
    columnas = [c for c in ORDEN_COLUMNAS
                if c in tabla.columns and (c not in ("lat", "lon") or con_coordenadas)
                and (c != "hora" or "hora" in indice or tabla["hora"].notna().any())]
    tabla = tabla[columnas + ["fila_original"]].copy()
    tabla["fecha"] = pd.to_datetime(tabla["fecha"])
    if con_coordenadas:
        tabla["lat"] = tabla["lat"].astype(float)
        tabla["lon"] = tabla["lon"].astype(float)
    return tabla.sort_values(["fecha", "fila_original"], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- terminal

def cli_revisar(args) -> int:
    """`lideres datos revisar ARCHIVO [--exportar SALIDA.csv]`.

    Con --exportar guarda las filas válidas en SALIDA.csv y, si hay filas apartadas, su número de
    fila y el motivo en SALIDA_apartadas.csv (para corregirlas en el original).
    """
    entrada = Path(args.archivo).expanduser()
    salida = Path(args.exportar).expanduser() if getattr(args, "exportar", None) else None
    if salida is not None:
        _revisar_salida(entrada, salida)
    revision = revisar_archivo(entrada)
    print(revision.resumen())
    if salida is None:
        if len(revision.filas_apartadas) > MAX_LISTADAS:
            print("Para ver todas las filas apartadas, usa --exportar SALIDA.csv: las filas apartadas "
                  "se guardan en SALIDA_apartadas.csv.")
        return 0
    tabla = revision.tabla.copy()
    tabla["fecha"] = tabla["fecha"].dt.strftime("%Y-%m-%d")
    _guardar(tabla, salida)
    print(f"Se guardaron {_n(revision.filas_validas, 'fila válida', 'filas válidas')} en «{salida}» "
          "(el archivo original no se modificó).")
    if revision.filas_apartadas:
        apartadas = _salida_apartadas(salida)
        _guardar(pd.DataFrame(revision.filas_apartadas, columns=["fila", "motivo"]), apartadas)
        print(f"Se guardaron {_n(len(revision.filas_apartadas), 'fila apartada', 'filas apartadas')} "
              f"(fila del original y motivo) en «{apartadas}».")
    return 0


def _salida_apartadas(salida: Path) -> Path:
    """limpio.csv -> limpio_apartadas.csv"""
    return salida.with_name(f"{salida.stem}_apartadas.csv")


def _guardar(tabla: pd.DataFrame, ruta: Path) -> None:
    from lideres.exportar import guardar_csv

    try:
        guardar_csv(tabla, ruta)
    except OSError as e:
        raise ErrorLideres(
            f"No se pudo guardar «{ruta}» ({e.strerror or 'error del sistema'}).",
            como_arreglar="Si el archivo está abierto en Excel, ciérralo. Si no, elige otra carpeta.",
        ) from None


def _revisar_salida(entrada: Path, salida: Path) -> None:
    if salida.suffix.lower() != ".csv":
        raise ErrorLideres(
            f"El archivo de salida «{salida.name}» debe terminar en .csv.",
            como_arreglar=f"Por ejemplo: --exportar {salida.with_suffix('.csv').name}",
        )
    otro_nombre = f"Elige otro nombre, por ejemplo --exportar {entrada.stem}_limpio.csv"
    if _mismo_archivo(salida, entrada):
        raise ErrorLideres(
            "La salida es el mismo archivo que estás revisando: se perdería el original.",
            como_arreglar=otro_nombre,
        )
    apartadas = _salida_apartadas(salida)
    if _mismo_archivo(apartadas, entrada):
        raise ErrorLideres(
            f"Las filas apartadas se guardarían en «{apartadas.name}», que es el mismo archivo que "
            "estás revisando: se perdería el original.",
            como_arreglar=otro_nombre,
        )
    if salida.is_dir():
        raise ErrorLideres(
            f"«{salida}» es una carpeta.",
            como_arreglar=f"Escribe un nombre de archivo, por ejemplo {salida / 'limpio.csv'}",
        )


def _mismo_archivo(salida: Path, entrada: Path) -> bool:
    if salida.resolve() == entrada.resolve():
        return True
    return salida.exists() and entrada.exists() and salida.samefile(entrada)
