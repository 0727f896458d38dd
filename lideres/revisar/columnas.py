"""Qué columna del archivo es la fecha, el tipo, el lugar… por su título, o porque quien revisa
lo dice (`--columnas fecha=Fecha del hecho,tipo=Modalidad`).

Los títulos se comparan sin mayúsculas, tildes, espacios ni guiones bajos (`clave_titulo`).
"""

from __future__ import annotations

import difflib
import re

from lideres.errores import ErrorLideres
from lideres.nombres import sin_tildes
from lideres.revisar.frases import letra_columna
from lideres.revisar.valores import FechaMala, leer_fecha

OBLIGATORIAS = ("fecha", "tipo")
# Títulos aceptados para cada columna, ya normalizados (sin tildes, espacios ni guiones bajos).
# Los que terminan en «hecho» son los de las exportaciones por caso de la Policía (SIDPOL).
SINONIMOS = {
    "fecha": ["fecha", "fechadelincidente", "fechaincidente", "fechadelhecho", "fechahecho",
              "fechayhora", "fechahora", "fechahorahecho"],
    "tipo": ["tipo", "tipodeincidente", "tipoincidente", "tipodeincidencia", "tipodehecho",
             "tipodedelito", "incidente", "incidencia", "delito", "modalidadhecho"],
    "distrito": ["distrito", "nombredistrito", "nombredeldistrito", "distritohecho", "disthecho"],
    "ubigeo": ["ubigeo", "ubigeohecho", "ubigeodistrito"],
    "provincia": ["provincia", "provinciahecho", "provhecho"],
    "departamento": ["departamento", "departamentohecho", "dptohecho", "dptohechonew"],
    "lat": ["lat", "latitud", "lathecho", "latitudhecho"],
    "lon": ["lon", "long", "lng", "longitud", "longhecho", "lonhecho", "longitudhecho"],
    "hora": ["hora", "horadelincidente", "horaaproximada", "horaaprox", "horahecho"],
    "lugar": ["lugar", "direccion", "referencia", "lugardelhecho"],
    "fuente": ["fuente", "origen", "reportadopor"],
}
COLUMNA_DE = {sinonimo: col for col, lista in SINONIMOS.items() for sinonimo in lista}
COLUMNAS = tuple(SINONIMOS)
# Títulos del archivo mensual oficial (ANIO, MES, … cantidad): sirven para hallar la fila de títulos.
TITULOS_MENSUALES = {"anio", "mes", "dptohechonew", "provhecho", "disthecho", "ubigeohecho",
                     "pmodalidades", "cantidad"}


def clave_titulo(texto) -> str:
    """'  Fecha del_Incidente ' -> 'fechadelincidente' (para comparar títulos)."""
    return re.sub(r"[^a-z0-9]", "", sin_tildes(str(texto)).lower())


def es_titulo_conocido(texto) -> bool:
    clave = clave_titulo(texto)
    return clave in COLUMNA_DE or clave in TITULOS_MENSUALES


def leer_mapeo(texto: str | None) -> dict[str, str]:
    """'fecha=Fecha del hecho,tipo=Modalidad' -> {'fecha': 'Fecha del hecho', 'tipo': 'Modalidad'}.

    Lo que escribe quien revisa en `--columnas`; un error de escritura da un mensaje en español."""
    if not texto or not texto.strip():
        return {}
    mapeo: dict[str, str] = {}
    ejemplo = "Por ejemplo: --columnas \"fecha=Fecha del hecho,tipo=Modalidad,distrito=Lugar\""
    for parte in texto.split(","):
        if not parte.strip():
            continue
        if "=" not in parte:
            raise ErrorLideres(f"En --columnas, «{parte.strip()}» no dice qué columna es (falta «=»).",
                               como_arreglar=ejemplo)
        nuestra, suya = (p.strip() for p in parte.split("=", 1))
        clave = clave_titulo(nuestra)
        columna = clave if clave in SINONIMOS else COLUMNA_DE.get(clave)
        if columna is None:
            raise ErrorLideres(
                f"En --columnas, «{nuestra}» no es una columna del curso.",
                como_arreglar="Las columnas del curso son: " + ", ".join(COLUMNAS) + ". " + ejemplo,
            )
        if not suya:
            raise ErrorLideres(f"En --columnas, falta el título de tu archivo para «{columna}».",
                               como_arreglar=ejemplo)
        mapeo[columna] = suya
    return mapeo


def ubicar_columnas(titulos: list[str], fila_titulos: int, mapeo: dict[str, str] | None = None
                    ) -> dict[str, int]:
    """Columna del curso -> posición en el archivo. Falta algo obligatorio: ErrorLideres.

    `mapeo` (columna del curso -> título del archivo) manda sobre los títulos reconocidos."""
    indice: dict[str, int] = {}
    claves_archivo = [clave_titulo(t) for t in titulos]
    for columna, titulo in (mapeo or {}).items():
        clave = clave_titulo(titulo)
        if clave not in claves_archivo:
            presentes = [t for t in titulos if t]
            cercano = difflib.get_close_matches(clave, [c for c in claves_archivo if c], n=1, cutoff=0.6)
            pista = f" La más parecida es «{titulos[claves_archivo.index(cercano[0])]}»." if cercano else ""
            raise ErrorLideres(
                f"Dijiste que «{columna}» es la columna «{titulo}», pero tu archivo no tiene esa "
                f"columna.{pista} Títulos encontrados en la fila {fila_titulos}: "
                + ", ".join(f"«{t}»" for t in presentes[:12]) + ".",
                como_arreglar="Copia el título tal como está en la primera fila de tu archivo "
                "(mayúsculas, tildes y espacios no importan).",
            )
        indice[columna] = claves_archivo.index(clave)
    usadas = set(indice.values())
    for posicion, titulo in enumerate(titulos):
        columna = COLUMNA_DE.get(claves_archivo[posicion])
        if columna is None or posicion in usadas or (mapeo and columna in mapeo):
            continue
        if columna in indice:
            primera = indice[columna]
            raise ErrorLideres(
                f"Hay dos columnas para «{columna}»: «{titulos[primera]}» (columna "
                f"{letra_columna(primera)}) y «{titulo}» (columna {letra_columna(posicion)}).",
                como_arreglar="Deja solo una de las dos, o cámbiale el título a la otra "
                "(por ejemplo «observación»), o di cuál usar con --columnas "
                f"{columna}=«título».",
            )
        indice[columna] = posicion

    faltan = [c for c in OBLIGATORIAS if c not in indice]
    tiene_lugar = "distrito" in indice or "ubigeo" in indice or ("lat" in indice and "lon" in indice)
    if not faltan and tiene_lugar:
        return indice

    presentes = [t for t in titulos if t]
    if len(presentes) == 1 and len(titulos) == 1:
        raise ErrorLideres(
            f"Todo el archivo quedó en una sola columna («{presentes[0][:60]}»): no se reconoce "
            "cómo están separadas las columnas.",
            como_arreglar="En Excel: Archivo > Guardar como > CSV (delimitado por comas), o separa "
            "los datos con punto y coma (;).",
        )
    if parece_dato(titulos):
        raise ErrorLideres(
            f"La fila {fila_titulos} parece un dato y no una fila de títulos: "
            f"«{' | '.join(presentes[:4])}».",
            como_arreglar="Inserta arriba una fila con los títulos: fecha, tipo, distrito (o lat y "
            "lon), y si quieres hora, lugar, fuente.",
        )
    claves = {clave_titulo(t): t for t in presentes}
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
        f"{fila_titulos}: " + ", ".join(f"«{t}»" for t in presentes[:12]) + ".",
        como_arreglar="Corrige el título en la primera fila del archivo, o di cuál es cada columna "
        "con --columnas (por ejemplo --columnas \"fecha=Fecha del hecho,tipo=Modalidad\"). Se "
        "necesitan: fecha, tipo y distrito (o lat y lon). Mayúsculas, tildes y espacios no importan.",
    )


def _mas_parecido(objetivos: list[str], claves: dict[str, str], usadas: dict[str, int]) -> str | None:
    libres = {c: t for c, t in claves.items() if COLUMNA_DE.get(c) not in usadas}
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


def parece_dato(titulos: list[str]) -> bool:
    """¿La «fila de títulos» es en realidad una fila de datos (trae una fecha)?"""
    for titulo in titulos:
        try:
            leer_fecha(titulo)
            return True
        except FechaMala:
            continue
    return False
