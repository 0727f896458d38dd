"""Leer un valor de una celda: fechas, horas, coordenadas, tal como los escribe la gente.

Cada función recibe lo que trae la celda (texto, número, fecha de Excel, o lo que da pandas:
`pd.NA`, `pd.Timestamp`, enteros de numpy) y devuelve el valor limpio o lanza un error cuyo
mensaje es el motivo en español, listo para la lista de filas apartadas.

    leer_fecha("05/03/2025")    -> (date(2025, 3, 5), None, None)
    leer_hora("2:30 p. m.")     -> "14:30"
    leer_coordenada("-12,0464") -> -12.0464
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re

from lideres.nombres import sin_tildes

FECHA_MINIMA = dt.date(1990, 1, 1)
ORIGEN_EXCEL = dt.date(1899, 12, 30)
# Recuadro aproximado del Perú (grados decimales, WGS84).
LAT_PERU = (-18.4, 0.0)
LON_PERU = (-81.4, -68.6)
# Hora del Perú: UTC-5 todo el año (sin horario de verano). Las fechas en milisegundos desde 1970
# (así exportan muchos visores de mapas) están en UTC.
HORA_PERU = dt.timezone(dt.timedelta(hours=-5))

MESES = {"ene": 1, "feb": 2, "mar": 3, "abr": 4, "may": 5, "jun": 6, "jul": 7, "ago": 8,
         "set": 9, "sep": 9, "oct": 10, "nov": 11, "dic": 12}
MESES_LARGOS = {nombre: i for i, nombre in enumerate(
    ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "setiembre",
     "octubre", "noviembre", "diciembre"], start=1)} | {"septiembre": 9, "sept": 9}


class FechaMala(ValueError):
    """La fecha no se pudo leer; el mensaje es el motivo en español."""


def es_vacio(valor) -> bool:
    """None, NaN y los vacíos de pandas (pd.NA, NaT) sin importar pandas."""
    if valor is None:
        return True
    if type(valor).__name__ in ("NAType", "NaTType"):
        return True
    return isinstance(valor, float) and valor != valor


def _es_numero(valor) -> bool:
    """int, float y los números de numpy (np.int64 no es int), pero no True/False."""
    return isinstance(valor, numbers.Real) and not isinstance(valor, bool) and type(valor).__name__ != "bool_"


def como_texto(valor) -> str:
    """Una celda como texto limpio ('' si está vacía)."""
    if type(valor) is str:  # lo más común: va primero
        return " ".join(valor.split())
    if es_vacio(valor):
        return ""
    if isinstance(valor, bool):  # así se ven en un Excel en español
        return "VERDADERO" if valor else "FALSO"
    if _es_numero(valor) and float(valor).is_integer() and math.isfinite(float(valor)):
        return str(int(valor))
    if isinstance(valor, dt.datetime) and valor.time() == dt.time(0):
        return valor.date().isoformat()
    return " ".join(str(valor).split())


# --------------------------------------------------------------------------- fechas

def anio_de(texto: str) -> int:
    """'2025' -> 2025; '25' -> 2025; '98' -> 1998."""
    anio = int(texto)
    if len(texto) == 2:
        anio += 2000 if anio <= dt.date.today().year % 100 + 1 else 1900
    return anio


FECHA_DMA = re.compile(r"^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4}|\d{2})(?:[ T]+(.+))?$")
FECHA_AMD = re.compile(r"^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})(?:[ T]+(.+))?$")
_FECHA_MES = re.compile(r"^(\d{1,2})[\s/\-.]*(?:de\s+)?([a-z]{3,})\.?[\s/\-.]*(?:del?\s+)?(\d{4}|\d{2})$")
_SERIE = re.compile(r"^\d{5}(?:[.,]\d+)?$")
_MILISEGUNDOS = re.compile(r"^\d{12,13}(?:\.0+)?$")  # 1709649000000 = 5/3/2024 14:30 en Lima


def leer_fecha(valor, epoca: dt.date = ORIGEN_EXCEL) -> tuple[dt.date, str | None, str | None]:
    """Devuelve (fecha, hora si venía pegada, nota). Lanza FechaMala con el motivo.

    nota: None, "serie" (número de Excel), "corto" (año con dos cifras) o "milisegundos"
    (milisegundos desde 1970, como exportan los visores de mapas; se pasa a hora del Perú).
    """
    if es_vacio(valor):
        raise FechaMala("la fecha está vacía")
    if isinstance(valor, dt.datetime):
        hora = valor.strftime("%H:%M") if valor.time() != dt.time(0) else None
        return valor.date(), hora, None
    if isinstance(valor, dt.date):
        return valor, None, None
    if _es_numero(valor):
        if abs(float(valor)) >= 1e11:
            return _de_milisegundos(float(valor))
        return serie_excel(float(valor), epoca), None, "serie"
    texto = como_texto(valor)
    if not texto:
        raise FechaMala("la fecha está vacía")
    nota = None
    m = FECHA_DMA.match(texto)
    if m:
        dia, mes, anio, resto = int(m[1]), int(m[2]), anio_de(m[3]), m[4]
        nota = "corto" if len(m[3]) == 2 else None
    elif m := FECHA_AMD.match(texto):
        anio, mes, dia, resto = int(m[1]), int(m[2]), int(m[3]), m[4]
    elif (m := _FECHA_MES.match(sin_tildes(texto.lower()))) and (
        mes := MESES.get(m[2]) or MESES_LARGOS.get(m[2])
    ):
        dia, anio, resto = int(m[1]), anio_de(m[3]), None
    elif _SERIE.match(texto):
        return serie_excel(float(texto.replace(",", ".")), epoca), None, "serie"
    elif _MILISEGUNDOS.match(texto):
        return _de_milisegundos(float(texto))
    else:
        raise FechaMala(f"no se entiende la fecha «{texto}» (escríbela como día/mes/año)")
    try:
        fecha = dt.date(anio, mes, dia)
    except ValueError:
        if 1 <= dia <= 12 and 13 <= mes <= 31:
            raise FechaMala(
                f"la fecha «{texto}» no existe como día/mes/año (¿está escrita como mes/día/año?)"
            ) from None
        raise FechaMala(f"la fecha «{texto}» no existe en el calendario") from None
    hora = None
    if resto:
        try:
            hora = leer_hora(resto)
        except ValueError:
            hora = None
    return fecha, hora, nota


def _de_milisegundos(ms: float) -> tuple[dt.date, str | None, str]:
    try:
        momento = dt.datetime.fromtimestamp(ms / 1000, tz=dt.UTC).astimezone(HORA_PERU)
    except (OverflowError, OSError, ValueError):
        raise FechaMala(f"no se entiende la fecha «{ms:.0f}»") from None
    return momento.date(), momento.strftime("%H:%M"), "milisegundos"


def serie_excel(numero_serie: float, epoca: dt.date = ORIGEN_EXCEL) -> dt.date:
    """45721 -> 2025-03-05: Excel guarda las fechas como días desde 1899-12-30."""
    try:
        return epoca + dt.timedelta(days=int(numero_serie))
    except (OverflowError, ValueError):
        raise FechaMala(f"no se entiende la fecha «{numero_serie:g}»") from None


def revisar_rango(fecha: dt.date, original) -> None:
    """FechaMala si la fecha es posterior a hoy o anterior a 1990."""
    hoy = dt.date.today()
    if fecha > hoy:
        raise FechaMala(f"la fecha «{como_texto(original)}» es posterior a hoy")
    if fecha < FECHA_MINIMA:
        raise FechaMala(f"la fecha «{como_texto(original)}» es anterior a 1990 (¿año mal escrito?)")


def parecen_mes_dia(textos: list[str]) -> bool:
    """Si casi todas fallan como día/mes/año pero existen como mes/día/año: formato de EE. UU."""
    al_reves = 0
    for texto in textos:
        m = FECHA_DMA.match(texto)
        if not m:
            continue
        try:
            dt.date(anio_de(m[3]), int(m[2]), int(m[1]))
            continue  # como día/mes/año sí existe: el problema es otro
        except ValueError:
            pass
        try:
            dt.date(anio_de(m[3]), int(m[1]), int(m[2]))
            al_reves += 1
        except ValueError:
            pass
    return bool(textos) and al_reves > len(textos) * 0.5


# --------------------------------------------------------------------------- horas

_HORA = re.compile(r"^(\d{1,2})(?:[:h.](\d{2}))?(?::(\d{2}))?(am|pm|m)?$")


def leer_hora(valor) -> str | None:
    """'2:30 p. m.' -> '14:30'; '14' -> '14:00'; celda de hora de Excel -> 'HH:MM'. Vacío -> None.

    Lanza ValueError si no se entiende."""
    if es_vacio(valor):
        return None
    if isinstance(valor, dt.datetime | dt.time):
        return valor.strftime("%H:%M")
    if isinstance(valor, dt.timedelta) or (isinstance(valor, float) and 0 <= valor < 1):
        # duración o fracción del día (así guarda Excel una celda de hora)
        dias = valor.total_seconds() / 86400 if isinstance(valor, dt.timedelta) else valor
        minutos = round(dias * 86400) // 60 % (24 * 60)  # al segundo, luego sin segundos (como «14:30:45»)
        return f"{minutos // 60:02d}:{minutos % 60:02d}"
    texto = como_texto(valor).lower()
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

def leer_coordenada(valor) -> float | None:
    """'-12,0464' -> -12.0464; vacío -> None. Lanza ValueError(valor) si no es un número."""
    if es_vacio(valor) or valor == "":
        return None
    if _es_numero(valor):
        if not math.isfinite(float(valor)):
            raise ValueError(valor)
        return float(valor)
    texto = como_texto(valor).replace("−", "-").replace(" ", "")
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


def en_peru(lat: float, lon: float) -> bool:
    return LAT_PERU[0] <= lat <= LAT_PERU[1] and LON_PERU[0] <= lon <= LON_PERU[1]


def motivo_coordenada(lat: float, lon: float, escrito: tuple[str, str]) -> str:
    """escrito: lat y lon tal como están en el archivo (un número de Excel largo no se ve como 1.2e+08)."""
    texto = f"el punto (lat «{escrito[0]}», lon «{escrito[1]}») queda fuera del Perú"
    if en_peru(lon, lat):
        return texto + " (parece que latitud y longitud están intercambiadas)"
    if en_peru(-abs(lat), -abs(lon)):
        return texto + " (¿falta el signo menos? En el Perú ambas son negativas)"
    if abs(lat) > 90 or abs(lon) > 180:
        return texto + " (¿falta el punto decimal?)"
    return texto
