"""Los archivos oficiales de denuncias de la Policía, tal como se publican (MININTER, SIDPOL).

Dos formas, de cualquier distrito del Perú (por su UBIGEO), no solo de los 61 del curso:

- **Mensual** (datos abiertos «Denuncias Policiales», según su diccionario de datos): columnas
  `ANIO, MES, DPTO_HECHO_NEW, PROV_HECHO, DIST_HECHO, UBIGEO_HECHO, P_MODALIDADES, cantidad`.
  Cada fila es **la cantidad de denuncias** de un año × mes × distrito × modalidad, no un caso:
  los totales suman `cantidad`. Se lee entero con pandas (el archivo nacional tiene cerca de un
  millón de filas) y se revisa por columnas.
- **Por caso** (exportaciones que circulan: `fecha_hora_hecho`, `distrito_hecho`,
  `modalidad_hecho`, `lat_hecho`, `long_hecho`, títulos en mayúsculas o minúsculas, fechas como
  texto o como milisegundos desde 1970): va por la revisión de siempre (sus títulos son
  sinónimos en `columnas`), pero acepta distritos de fuera de los 61 con el nombre del archivo.

Son denuncias registradas: no todos los delitos que ocurrieron (la cifra negra, módulo 03).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pandas as pd

from lideres.errores import ErrorLideres
from lideres.formato import numero
from lideres.revisar import lugares
from lideres.revisar.columnas import clave_titulo
from lideres.revisar.frases import cuantos, lista
from lideres.revisar.resultado import Revision

MENSUAL = ("Denuncias Policiales (MININTER, SIDPOL), conteos mensuales: cada fila es la cantidad de "
           "denuncias de un año, mes, distrito y modalidad, no un caso")
POR_CASO = "Denuncias Policiales (MININTER, SIDPOL), una fila por denuncia"
FUENTE = ("Ministerio del Interior (MININTER), Sistema de Denuncias Policiales (SIDPOL), datos abiertos "
          "«Denuncias Policiales», licencia ODC-By. Son denuncias registradas, no todos los delitos "
          "ocurridos.")
# El archivo nacional mensual es grande; se lee con pandas, no celda por celda.
MAX_BYTES = 300 * 1024 * 1024
MAX_FILAS = 3_000_000
TITULOS_MENSUAL = ("anio", "mes", "dptohechonew", "provhecho", "disthecho", "ubigeohecho", "pmodalidades",
                   "cantidad")


def es_mensual(titulos: list[str]) -> bool:
    """¿Son los títulos del archivo mensual oficial? (año, mes, cantidad y el distrito del hecho)"""
    claves = {clave_titulo(t) for t in titulos}
    return {"anio", "mes", "cantidad"} <= claves and bool({"ubigeohecho", "disthecho"} & claves)


TITULOS_POR_CASO = {"fechahorahecho", "distritohecho", "modalidadhecho", "lathecho", "longhecho",
                    "ubigeohecho", "disthecho"}


def es_por_caso(titulos: list[str]) -> bool:
    """¿Son títulos de una exportación por caso de la Policía (al menos dos como fecha_hora_hecho,
    distrito_hecho, modalidad_hecho)?"""
    return len({clave_titulo(t) for t in titulos} & TITULOS_POR_CASO) >= 2


def _primera_linea(inicio: bytes) -> tuple[str, str] | None:
    """(primera línea, codificación) de un texto; None si no parece texto."""
    primera = inicio.split(b"\n", 1)[0].rstrip(b"\r")
    if b"\x00" in primera:
        return None
    for codificacion in ("utf-8-sig", "cp1252"):
        try:
            return primera.decode(codificacion), codificacion
        except UnicodeDecodeError:
            continue
    return None


def _separador(linea: str) -> str:
    return max((";", ",", "\t", "|"), key=linea.count)


def es_mensual_texto(inicio: bytes) -> bool:
    """¿Empieza este texto con los títulos del archivo mensual oficial?"""
    primera = _primera_linea(inicio)
    if primera is None:
        return False
    return es_mensual(primera[0].split(_separador(primera[0])))


def es_mensual_al_inicio(ruta: Path) -> bool:
    try:
        with open(ruta, "rb") as archivo:  # solo lectura
            return es_mensual_texto(archivo.read(4096))
    except OSError:
        return False  # no existe o es una carpeta: lo dice revisar_ruta


def leer_mensual_texto(datos: bytes) -> tuple[pd.DataFrame, str] | None:
    """El archivo mensual en texto, leído con pandas (todas las celdas como texto) y cómo se leyó;
    None si no es ese archivo (se revisa celda por celda)."""
    primera = _primera_linea(datos[:4096])
    if primera is None or not es_mensual(primera[0].split(_separador(primera[0]))):
        return None
    linea, codificacion = primera
    if not datos.lstrip(b"\xef\xbb\xbf").startswith(linea.encode(codificacion.replace("-sig", ""))):
        return None  # hay algo antes de los títulos: mejor la revisión celda por celda
    sep = _separador(linea)
    if codificacion == "utf-8-sig":
        try:
            datos.decode("utf-8-sig")
        except UnicodeDecodeError:
            codificacion = "cp1252"
    try:
        tabla = pd.read_csv(io.BytesIO(datos), sep=sep, dtype=str, keep_default_na=False,
                            encoding=codificacion, skip_blank_lines=False)
    except (ValueError, pd.errors.ParserError, UnicodeDecodeError):
        return None
    if len(tabla) > MAX_FILAS:
        raise ErrorLideres(
            f"El archivo tiene demasiadas filas ({numero(len(tabla))}; el límite es {numero(MAX_FILAS)}).",
            como_arreglar="Descarga solo los años que necesitas, o divide el archivo por año.",
        )
    tabla["fila_original"] = range(2, len(tabla) + 2)
    nombres = {",": "coma (,)", ";": "punto y coma (;)", "\t": "tabulación", "|": "barra (|)"}
    letras = "UTF-8" if codificacion == "utf-8-sig" else "Windows/Latin-1"
    return tabla, f"texto separado por {nombres[sep]}, letras {letras}"


def tabla_de_crudo(crudo) -> pd.DataFrame:
    """El archivo mensual que llegó por la revisión celda por celda (p. ej. en Excel), como tabla."""
    tabla = pd.DataFrame([celdas for _, celdas in crudo.filas], columns=crudo.titulos, dtype=object)
    tabla["fila_original"] = [numero_fila for numero_fila, _ in crudo.filas]
    return tabla


def _como_texto(serie: pd.Series) -> pd.Series:
    """Celdas como texto sin espacios ('' si vacía); 2024.0 de Excel -> '2024'."""
    texto = serie.astype("string").fillna("").str.strip()
    return texto.str.replace(r"^(\d+)\.0+$", r"\1", regex=True)


def revisar_mensual(tabla: pd.DataFrame, archivo: Path, lectura: str) -> Revision:
    """Revisa el archivo mensual por columnas (su total es la suma de «cantidad»)."""
    columnas = {clave_titulo(c): c for c in tabla.columns if c != "fila_original"}
    vacias = pd.Series(True, index=tabla.index)
    texto: dict[str, pd.Series] = {}
    for clave in TITULOS_MENSUAL:
        texto[clave] = _como_texto(tabla[columnas[clave]]) if clave in columnas else pd.Series(
            "", index=tabla.index, dtype="string")
        vacias &= texto[clave] == ""
    filas_vacias = int(vacias.sum())
    tabla, texto = tabla[~vacias], {k: v[~vacias] for k, v in texto.items()}
    if tabla.empty:
        raise ErrorLideres(
            "El archivo solo tiene la fila de títulos (fila 1): no hay conteos de denuncias.",
            como_arreglar="Descarga otra vez el archivo de datos abiertos: puede haberse cortado.")

    hoy = dt.date.today()
    anio = pd.to_numeric(texto["anio"], errors="coerce")
    mes = pd.to_numeric(texto["mes"], errors="coerce")
    cantidad = pd.to_numeric(texto["cantidad"], errors="coerce")
    ubigeo_unico = {u: lugares.leer_ubigeo(u) for u in texto["ubigeohecho"].unique()}
    ubigeo = texto["ubigeohecho"].map(ubigeo_unico)
    anio_malo = ~(anio.between(1990, hoy.year) & (anio % 1 == 0)).fillna(False).astype(bool)
    mes_malo = ~(mes.between(1, 12) & (mes % 1 == 0)).fillna(False).astype(bool)
    futuro = (~anio_malo & ~mes_malo & ((anio * 12 + mes) > (hoy.year * 12 + hoy.month))).astype(bool)
    cantidad_mala = ~((cantidad >= 0) & (cantidad % 1 == 0)).fillna(False).astype(bool)
    sin_modalidad = texto["pmodalidades"] == ""
    sin_lugar = ubigeo.isna() & (texto["disthecho"] == "")
    ubigeo_malo = ubigeo.isna() & (texto["ubigeohecho"] != "")
    malas = anio_malo | mes_malo | futuro | cantidad_mala | sin_modalidad | sin_lugar | ubigeo_malo

    apartadas = []
    for i in tabla.index[malas.to_numpy()]:
        motivos = []
        if anio_malo[i]:
            motivos.append(f"el año «{texto['anio'][i]}» no se entiende (va de 1990 a {hoy.year})")
        if mes_malo[i]:
            motivos.append(f"el mes «{texto['mes'][i]}» no es un número del 1 al 12")
        if futuro[i]:
            motivos.append(f"el mes {texto['mes'][i]}/{texto['anio'][i]} es posterior a hoy")
        if ubigeo_malo[i]:
            motivos.append(f"el UBIGEO «{texto['ubigeohecho'][i]}» no es un código de distrito de 6 cifras")
        elif sin_lugar[i]:
            motivos.append("falta el distrito (UBIGEO_HECHO y DIST_HECHO vacíos)")
        if cantidad_mala[i]:
            motivos.append(f"la cantidad «{texto['cantidad'][i]}» no es un número entero de 0 o más")
        if sin_modalidad[i]:
            motivos.append("falta la modalidad (P_MODALIDADES)")
        apartadas.append((int(tabla.at[i, "fila_original"]), "; ".join(motivos)))
    leidas = len(tabla)
    if len(apartadas) == leidas:
        raise ErrorLideres(
            f"Ninguna de las {numero(leidas)} filas es válida. Primeras filas con problemas: "
            + "; ".join(f"fila {f}: {m}" for f, m in apartadas[:5]) + ".",
            como_arreglar="Descarga otra vez el archivo de datos abiertos «Denuncias Policiales» y "
            "ábrelo sin cambiarlo (si lo guardaste desde Excel, puede haber cambiado los números).")

    buenas = ~malas
    catalogo = lugares.catalogo()
    nombre_de: dict = {}
    for u, d in zip(ubigeo[buenas], texto["disthecho"][buenas], strict=True):
        clave = u if isinstance(u, str) else f"sin ubigeo: {d}"
        if clave not in nombre_de:
            if isinstance(u, str) and u in catalogo.nombres:
                nombre_de[clave] = catalogo.nombres[u]
            elif d:
                nombre_de[clave] = lugares.nombre_propio(d)
            else:
                nombre_de[clave] = f"UBIGEO {u}"
    claves = [u if isinstance(u, str) else f"sin ubigeo: {d}"
              for u, d in zip(ubigeo[buenas], texto["disthecho"][buenas], strict=True)]
    resultado = pd.DataFrame({
        "fecha": pd.to_datetime(pd.DataFrame({"year": anio[buenas].astype(int), "month": mes[buenas].astype(int),
                                              "day": 1})),
        "tipo": texto["pmodalidades"][buenas].map(lambda t: " ".join(t.split())),
        "distrito": [nombre_de[c] for c in claves],
        "ubigeo": ubigeo[buenas].astype(object).where(ubigeo[buenas].notna(), None),
        "provincia": texto["provhecho"][buenas].map(lugares.nombre_propio).replace("", None),
        "departamento": texto["dptohechonew"][buenas].map(lugares.nombre_propio).replace("", None),
        "cantidad": cantidad[buenas].astype("int64"),
        "fila_original": tabla["fila_original"][buenas].astype("int64"),
    })
    # Un mismo nombre en dos provincias (hay varios «Santa Rosa»): se distingue por la provincia.
    por_nombre = resultado.groupby("distrito")["ubigeo"].nunique()
    repetidos = set(por_nombre[por_nombre > 1].index)
    if repetidos:
        cual = resultado["distrito"].isin(repetidos)
        resultado.loc[cual, "distrito"] = (resultado.loc[cual, "distrito"] + " ("
                                           + resultado.loc[cual, "provincia"].fillna("?") + ")")
    resultado = resultado.sort_values(["fecha", "fila_original"], kind="stable").reset_index(drop=True)

    def sumas(columna: str) -> dict[str, int]:
        serie = resultado.groupby(columna)["cantidad"].sum().sort_values(ascending=False, kind="stable")
        return {str(k): int(v) for k, v in serie.items()}

    distritos = sumas("distrito")
    fuera = {d: n for d, n in distritos.items()
             if d not in set(resultado.loc[resultado["ubigeo"].isin(catalogo.nombres), "distrito"])}
    avisos = ["Cada fila es la cantidad de denuncias de un año, mes, distrito y modalidad: los totales "
              "suman la columna «cantidad» (no cuentan filas)."]
    if fuera:
        avisos.append(
            f"{cuantos(len(fuera), 'distrito no está', 'distritos no están')} entre los 61 del curso "
            f"({lista(list(fuera))}): se cuentan con el nombre y el UBIGEO del archivo, pero el curso no tiene su población ni su "
            "mapa (sin tasa ni ubicación).")
    repetidas = resultado.duplicated(["fecha", "ubigeo", "distrito", "tipo"], keep=False)
    if repetidas.any():
        filas = sorted(resultado.loc[repetidas, "fila_original"].tolist())
        avisos.append(f"El mismo año, mes, distrito y modalidad aparece más de una vez (filas {lista(filas)}): "
                      "¿se juntaron dos descargas? Se suman.")
    sin_usar = [c for k, c in columnas.items() if k not in TITULOS_MENSUAL]
    if sin_usar:
        avisos.append("Columnas que no se usan: " + ", ".join(f"«{t}»" for t in sin_usar[:10]) + ".")
    if filas_vacias:
        avisos.append(f"Se saltaron {cuantos(filas_vacias, 'fila vacía', 'filas vacías')}.")
    return Revision(
        archivo=archivo,
        tabla=resultado,
        filas_leidas=leidas,
        filas_apartadas=apartadas,
        fecha_min=resultado["fecha"].min().date(),
        fecha_max=resultado["fecha"].max().date(),
        distritos=distritos,
        tipos=sumas("tipo"),
        avisos=avisos,
        columnas={clave: columnas[clave] for clave in TITULOS_MENSUAL if clave in columnas},
        lectura=lectura,
        formato=MENSUAL,
        fuera_del_curso=fuera,
        fuente=FUENTE,
    )
