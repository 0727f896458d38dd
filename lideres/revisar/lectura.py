"""Leer un archivo tal como viene: CSV o texto (cualquier separador y letras), Excel .xlsx/.xlsm y
el .xls antiguo. Devuelve un `Crudo`: la fila de títulos y las filas con su número de fila de
Excel, sin interpretar todavía ningún valor.

    crudo = leer(Path("cuaderno.csv"))               # desde el disco (solo lectura)
    crudo = leer_datos(contenido, "cuaderno.xlsx")   # desde la memoria (lo subido en un tablero)

Qué se acepta (lo que Excel produce en una computadora peruana):
- CSV o texto en UTF-8 (con o sin BOM), Windows/Latin-1 o "Texto Unicode" (UTF-16);
  separado por `;`, `,`, tabulación o `|` (se detecta solo). Excel .xlsx/.xlsm y el .xls
  antiguo (Excel 97-2003, con xlrd): la primera hoja con títulos reconocibles.
El archivo original solo se abre para leer: nunca se modifica.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import unicodedata
import warnings
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from lideres.errores import ErrorLideres
from lideres.formato import numero
from lideres.revisar.columnas import clave_titulo, es_titulo_conocido
from lideres.revisar.frases import lista
from lideres.revisar.valores import ORIGEN_EXCEL, como_texto

MAX_BYTES = 20 * 1024 * 1024
MAX_FILAS = 200_000
EXTENSIONES_TEXTO = {".csv", ".txt", ".tsv"}
EXTENSIONES_EXCEL = {".xlsx", ".xlsm"}
EXTENSIONES = EXTENSIONES_TEXTO | EXTENSIONES_EXCEL | {".xls"}
NOMBRES_SEPARADOR = {";": "punto y coma (;)", ",": "coma (,)", "\t": "tabulación", "|": "barra (|)"}


@dataclass
class Crudo:
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


def revisar_ruta(ruta: Path, maximo: int | None = None) -> None:
    """Archivo inexistente, carpeta, extensión no admitida, demasiado grande: ErrorLideres."""
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
    revisar_nombre(ruta.name, ruta.stat().st_size, maximo)


def revisar_nombre(nombre: str, tamano: int, maximo: int | None = None) -> None:
    """Extensión no admitida, archivo temporal de Excel, demasiado grande (también para lo subido)."""
    ruta = PurePath(nombre)
    extension = ruta.suffix.lower()
    if ruta.name.startswith("~$"):
        raise ErrorLideres(
            f"«{ruta.name}» es el archivo temporal que Excel crea mientras el registro está abierto.",
            como_arreglar=f"Usa el archivo de verdad, «{ruta.name[2:]}» (sin «~$» al inicio).",
        )
    if extension not in EXTENSIONES:
        raise ErrorLideres(
            f"No se pueden leer archivos «{extension or 'sin extensión'}»: solo {lista(sorted(EXTENSIONES))}.",
            como_arreglar=_CONSEJOS_EXTENSION.get(extension, _GUARDAR_COMO),
        )
    maximo = MAX_BYTES if maximo is None else maximo
    if tamano > maximo:
        raise ErrorLideres(
            f"El archivo es demasiado grande ({numero(tamano / 1024 / 1024, 1)} MB; "
            f"el límite es {numero(maximo / 1024 / 1024)} MB).",
            como_arreglar="Guarda solo las columnas fecha, tipo, distrito (o lat y lon), hora, lugar y "
            "fuente, o divide el registro por año.",
        )


def leer_bytes(ruta: Path) -> bytes:
    """Todo el archivo, abierto solo para leer."""
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


def decodificar(datos: bytes) -> tuple[str, str]:
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


def revisar_contenido_texto(texto: str) -> None:
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


def separador(lineas: list[str]) -> str | None:
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


def leer_texto(datos: bytes) -> Crudo:
    texto, letras = decodificar(datos)
    revisar_contenido_texto(texto)
    muestra = [linea for linea in texto.splitlines()[:40] if linea.strip()]
    if not muestra:
        raise _vacio()
    sep = separador(muestra)
    lector = csv.reader(io.StringIO(texto, newline=""), delimiter=sep or "\x1f")
    try:
        registros = [(numero_fila, fila) for numero_fila, fila in enumerate(lector, start=1)]
    except csv.Error:
        raise _no_es_tabla("no se pudo separar en filas y columnas (¿comillas sin cerrar?)") from None
    lectura = f"texto separado por {NOMBRES_SEPARADOR[sep]}" if sep else "texto de una sola columna"
    return _armar(registros, f"{lectura}, letras {letras}")


def leer_excel(datos: bytes, ruta: PurePath) -> Crudo:
    import openpyxl  # se importa aquí: solo hace falta para archivos de Excel

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl avisa en inglés de estilos que no importan
            libro = openpyxl.load_workbook(io.BytesIO(datos), read_only=True, data_only=True)
            hojas = libro.worksheets
            for hoja in hojas:
                hoja.reset_dimensions()  # algunos programas guardan mal el tamaño de la hoja
            elegida = elegir_hoja((hoja.title, hoja.iter_rows(values_only=True)) for hoja in hojas)
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
    return armar_hoja(elegida, len(hojas), "Excel", ruta, epoca)


def leer_ole(datos: bytes, ruta: PurePath) -> Crudo:
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
        elegida = elegir_hoja((hoja.name, filas_xls(hoja, libro.datemode)) for hoja in hojas)
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
    return armar_hoja(elegida, len(hojas), "Excel antiguo (.xls)", ruta, epoca)


def filas_xls(hoja, modo_fecha: int):
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


def elegir_hoja(hojas) -> tuple[int, str, list[tuple[int, list]]] | None:
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
        if ubicar_fila_titulos(filas) is not None:
            return posicion, titulo, filas
    return elegida


def armar_hoja(elegida, total: int, formato: str, ruta: PurePath, epoca: dt.date) -> Crudo:
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


def ubicar_fila_titulos(registros: list[tuple[int, list]]) -> int | None:
    """Posición (en la lista) de la fila de títulos: la primera, de las 10 primeras no vacías,
    con al menos dos títulos conocidos. Permite un título como «CUADERNO DE INCIDENCIAS» arriba."""
    revisadas = 0
    for posicion, (_, fila) in enumerate(registros):
        if _vacia(fila):
            continue
        conocidas = {clave_titulo(como_texto(c)) for c in fila if es_titulo_conocido(como_texto(c))}
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


def _armar(registros: list[tuple[int, list]], lectura: str, celdas_fijas: bool = False) -> Crudo:
    """Ubica los títulos y arma las filas. En un texto, una celda de más puede correr las columnas
    (un ';' dentro de un dato): esa fila se aparta. En Excel (celdas_fijas) solo se avisa."""
    posicion = ubicar_fila_titulos(registros)
    if posicion is None:
        posicion = next((i for i, (_, f) in enumerate(registros) if not _vacia(f)), None)
        if posicion is None:
            raise _vacio()
    fila_titulos, titulos = registros[posicion]
    titulos = [como_texto(t) for t in titulos]
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
    return Crudo(titulos=titulos, fila_titulos=fila_titulos, filas=filas, lectura=lectura,
                  filas_vacias=vacias, celdas_de_mas=de_mas, celdas_fijas=celdas_fijas)


def leer(ruta: Path) -> Crudo:
    """Lee un archivo del disco (solo lectura). Un problema de todo el archivo: ErrorLideres."""
    revisar_ruta(ruta)
    return leer_datos(leer_bytes(ruta), ruta.name)


def leer_datos(datos: bytes, nombre: str) -> Crudo:
    """Lee un archivo que ya está en la memoria (`nombre` solo da la extensión y el mensaje)."""
    ruta = PurePath(nombre)
    if not datos.strip():
        raise _vacio()
    if datos.startswith(b"\xd0\xcf\x11\xe0"):
        return leer_ole(datos, ruta)
    if datos.startswith(b"PK\x03\x04"):
        if b"xl/" not in datos[:200_000] and ruta.suffix.lower() not in EXTENSIONES_EXCEL:
            raise _no_es_tabla("es un archivo comprimido (.zip), no una tabla",
                               "Descomprímelo y revisa el archivo de adentro.")
        return leer_excel(datos, ruta)
    if datos.startswith(b"%PDF"):
        raise _no_es_tabla("es un PDF", _COMO_PDF)
    if ruta.suffix.lower() in EXTENSIONES_EXCEL:
        revisar_contenido_texto(decodificar(datos)[0])
        raise ErrorLideres(
            f"«{ruta.name}» dice ser de Excel pero no lo es: está dañado o incompleto.",
            como_arreglar=_COMO_DANADO,
        )
    # .csv, .txt y también .xls que en realidad son texto (así exportan muchos sistemas)
    return leer_texto(datos)

