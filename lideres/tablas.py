"""Cargar las tablas de `data/` por su nombre corto, con los tipos de dato comprobados.

    import lideres
    distritos = lideres.cargar("distritos")

Cada tabla tiene un esquema (pandera): el UBIGEO es texto de 6 dígitos, los conteos son enteros
de 0 o más, las proporciones van de 0 a 1... Si alguien edita un CSV y rompe algo, el error dice
qué archivo y qué columna, en español, en vez de dar un resultado equivocado más adelante.

Los esquemas se escriben aquí como datos (`Esquema`, `Columna`, `Comprobacion`) y se convierten
en esquemas de pandera solo al comprobar: pandera pesa ~14 MB en cada proceso, y cada celular del
taller tiene su propio kernel. Un archivo que ya pasó la comprobación (mismo contenido, mismas
reglas, mismas versiones) queda sellado en la caché del usuario; los siguientes procesos que lo
cargan solo le ponen los tipos de dato del esquema, sin importar pandera.

`filas(nombre)` da la misma tabla sin pandas, como lista de filas: es para el kernel de un tablero
que abre (pandas tarda medio segundo en importarse). Con sello se lee con `csv`; sin sello se
comprueba antes con pandera, igual que `cargar`, y un archivo malo da el mismo error.
"""

from __future__ import annotations

import csv
import difflib
import functools
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lideres import rutas
from lideres.errores import ErrorLideres
from lideres.modalidades import MODALIDADES

if TYPE_CHECKING:
    import pandas as pd

REGENERAR_HECHOS = (
    "recupera el archivo original del proyecto (vuelve a descargarlo, o `git checkout -- data/`) "
    "o regenéralo con `lideres datos importar-hechos` si tienes la carpeta de cifras publicadas."
)
REGENERAR_SINTETICOS = "ejecuta `lideres datos generar` para crear los datos sintéticos."

# Rectángulo que contiene al Perú (con un margen): un punto fuera no es de nuestros distritos.
LAT_PERU = (-18.5, 0.1)
LON_PERU = (-81.5, -68.5)
ANIOS = (1990, 2030)

NOMBRES_TIPO = {
    "int64": "número entero",
    "Int64": "número entero (o vacío)",
    "float64": "número decimal",
    "str": "texto",
    "string[python]": "texto",
    "bool": "verdadero o falso (True/False)",
    "datetime64[ns]": "fecha (AAAA-MM-DD)",
}


# --- esquemas como datos (pandera se importa solo al comprobar) ----------------------------------


@dataclass(frozen=True)
class Comprobacion:
    """Una regla de pandera: `tipo` es el nombre de un `pa.Check` («ge», «isin»…) o «funcion»."""

    tipo: str
    argumentos: tuple
    error: str


@dataclass(frozen=True)
class Columna:
    tipo: Any  # int, float, str, bool, "Int64", "datetime64[ns]"
    comprobaciones: tuple[Comprobacion, ...] = ()
    nullable: bool = False
    unique: bool = False
    coerce: bool = False


@dataclass(frozen=True)
class Esquema:
    columns: dict[str, Columna]
    checks: tuple[Comprobacion, ...] = ()
    strict: bool = True
    ordered: bool = True


def _check(pa, c: Comprobacion):
    if c.tipo == "funcion":
        return pa.Check(*c.argumentos, error=c.error)
    return getattr(pa.Check, c.tipo)(*c.argumentos, error=c.error)


def esquema_pandera(esquema: Esquema):
    """El `pa.DataFrameSchema` de un esquema (importa pandera)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            nombre: pa.Column(col.tipo, [_check(pa, c) for c in col.comprobaciones],
                              nullable=col.nullable, unique=col.unique, coerce=col.coerce)
            for nombre, col in esquema.columns.items()
        },
        checks=[_check(pa, c) for c in esquema.checks],
        strict=esquema.strict,
        ordered=esquema.ordered,
    )


class _Reglas:
    """Los esquemas se escriben como en pandera (`reglas.Column`, `reglas.Check.ge`, con sus mismos
    valores por defecto), pero quedan como datos; `esquema_pandera` los convierte."""

    class Check:
        def __new__(cls, funcion, error):
            return Comprobacion("funcion", (funcion,), error)

        @staticmethod
        def isin(valores, error):
            return Comprobacion("isin", (valores,), error)

        @staticmethod
        def str_matches(patron, error):
            return Comprobacion("str_matches", (patron,), error)

        @staticmethod
        def ge(minimo, error):
            return Comprobacion("ge", (minimo,), error)

        @staticmethod
        def gt(minimo, error):
            return Comprobacion("gt", (minimo,), error)

        @staticmethod
        def in_range(minimo, maximo, error):
            return Comprobacion("in_range", (minimo, maximo), error)

    @staticmethod
    def Column(tipo, checks=None, nullable=False, unique=False, coerce=False):  # noqa: N802
        if isinstance(checks, Comprobacion):
            checks = [checks]
        return Columna(tipo, tuple(checks or ()), nullable, unique, coerce)

    @staticmethod
    def DataFrameSchema(columns, checks=(), strict=False, ordered=False):  # noqa: N802 (por defecto, como pandera)
        return Esquema(dict(columns), tuple(checks), strict, ordered)


reglas = _Reglas


# --- piezas de los esquemas ---------------------------------------------------------------------


def _texto(nullable: bool = False) -> Columna:
    return reglas.Column(str, nullable=nullable)


def _opciones(valores, nullable: bool = False) -> Columna:
    lista = sorted(valores)
    return reglas.Column(
        str,
        reglas.Check.isin(lista, error=f"debe ser uno de: {', '.join(lista)}"),
        nullable=nullable,
    )


def _ubigeo(unico: bool = True) -> Columna:
    return reglas.Column(
        str,
        reglas.Check.str_matches(r"^\d{6}$", error="debe ser un UBIGEO de 6 dígitos, como texto (con el 0 inicial)"),
        unique=unico,
        coerce=False,
    )


def _conteo(nullable: bool = False) -> Columna:
    return reglas.Column(
        "Int64" if nullable else int,
        reglas.Check.ge(0, error="debe ser un conteo entero de 0 o más"),
        nullable=nullable,
        coerce=True,
    )


def _poblacion() -> Columna:
    return reglas.Column(int, reglas.Check.gt(0, error="la población debe ser mayor que 0"), coerce=True)


def _proporcion() -> Columna:
    return reglas.Column(
        float, reglas.Check.in_range(0, 1, error="debe ser una proporción entre 0 y 1"), coerce=True
    )


def _anio(nullable: bool = False) -> Columna:
    return reglas.Column(
        "Int64" if nullable else int,
        reglas.Check.in_range(*ANIOS, error=f"debe ser un año entre {ANIOS[0]} y {ANIOS[1]}"),
        nullable=nullable,
        coerce=True,
    )


def _decimal(nullable: bool = False, minimo: float | None = None) -> Columna:
    checks = [] if minimo is None else [reglas.Check.ge(minimo, error=f"debe ser {minimo} o más")]
    return reglas.Column(float, checks, nullable=nullable, coerce=True)


def _porcentaje(nullable: bool = False) -> Columna:
    return reglas.Column(
        float,
        reglas.Check.in_range(0, 100, error="debe ser un porcentaje entre 0 y 100"),
        nullable=nullable,
        coerce=True,
    )


def _si_no() -> Columna:
    # Sin coerce: "abc" convertido a bool daría True sin avisar.
    return reglas.Column(bool, coerce=False)


def _lat() -> Columna:
    return reglas.Column(
        float, reglas.Check.in_range(*LAT_PERU, error="la latitud debe estar dentro del Perú"), coerce=True
    )


def _lon() -> Columna:
    return reglas.Column(
        float, reglas.Check.in_range(*LON_PERU, error="la longitud debe estar dentro del Perú"), coerce=True
    )


AMBITOS_DISTRITO = {"Lima Metropolitana", "Callao", "Trujillo"}

ESQUEMA_DISTRITOS = reglas.DataFrameSchema(
    {
        "ubigeo": _ubigeo(),
        "distrito": _texto(),
        "distrito_inei": _texto(),
        "provincia": _opciones({"Lima", "Callao", "Trujillo"}),
        "departamento": _opciones({"Lima", "Callao", "La Libertad"}),
        "ambito": _opciones(AMBITOS_DISTRITO),
        "poblacion_2017": _poblacion(),
        "poblacion_2020": _poblacion(),
        "hogares_2017": _poblacion(),
        "area_km2": reglas.Column(float, reglas.Check.gt(0, error="el área debe ser mayor que 0"), coerce=True),
        "lat": _lat(),
        "lon": _lon(),
        "comisarias_2017": _conteo(),
        "fuente": _texto(),
    },
    strict=True,
    ordered=True,
)

ESQUEMA_DENUNCIAS_DISTRITO = reglas.DataFrameSchema(
    {
        "ubigeo": _ubigeo(),
        "distrito": _texto(),
        "provincia": _opciones({"Lima", "Callao"}),
        "ambito": _opciones({"Lima Metropolitana", "Callao"}),
        "poblacion_2020": _poblacion(),
        "denuncias_2024": _conteo(),
        "denuncias_2025": _conteo(),
        "pct_robo_2025": _proporcion(),
        "pct_hurto_2025": _proporcion(),
        "pct_extorsion_2025": _proporcion(),
        "fuente": _texto(),
    },
    strict=True,
    ordered=True,
)

ESQUEMA_VICTIMIZACION = reglas.DataFrameSchema(
    {
        "anio": _anio(),
        "ambito": _texto(),
        "nivel_territorial": _opciones(
            {"nacional", "área metropolitana", "provincia constitucional", "departamento", "ciudad",
             "varias ciudades", "varios distritos", "distrito"}
        ),
        "indicador": _texto(),
        "valor": _porcentaje(nullable=True),
        "valor_publicado": _texto(),
        "es_umbral": _si_no(),
        "periodo": _texto(),
        "universo": _texto(),
        "serie_anual_enapres": _si_no(),
        "fuente": _texto(),
        "nota": _texto(nullable=True),
    },
    strict=True,
    ordered=True,
)

ESQUEMA_DENUNCIAS_DEPARTAMENTO = reglas.DataFrameSchema(
    {
        "departamento": _opciones({"Lima", "Callao", "La Libertad"}),
        "ambito_cubierto": _texto(),
        "anio": _anio(),
        "meses_observados": reglas.Column(
            int, reglas.Check.in_range(1, 12, error="debe ser un número de meses entre 1 y 12"), coerce=True
        ),
        "anio_completo": _si_no(),
        "denuncias_total": _conteo(),
        **{f"denuncias_{m}": _conteo() for m in MODALIDADES},
        "fuente": _texto(),
        "nota": _texto(nullable=True),
    },
    strict=True,
    ordered=True,
)

ESQUEMA_DENUNCIAS_MENSUALES = reglas.DataFrameSchema(
    {
        "ambito": _texto(),
        "nivel_territorial": _texto(),
        "anio": _anio(),
        "mes": reglas.Column(int, reglas.Check.in_range(1, 12, error="el mes debe ir de 1 a 12"), coerce=True),
        "tipo": _texto(),
        "denuncias": _conteo(nullable=True),
        "fuente": _texto(),
        "nota": _texto(nullable=True),
    },
    strict=True,
    ordered=True,
)

ESQUEMA_OTROS_INDICADORES = reglas.DataFrameSchema(
    {
        "ambito": _texto(),
        "periodo": _texto(),
        "anio_inicio": _anio(nullable=True),
        "anio_fin": _anio(nullable=True),
        "periodo_parcial": _si_no(),
        "indicador": _texto(),
        "valor": _decimal(nullable=True, minimo=0),
        "valor_publicado": _texto(),
        "es_umbral": _si_no(),
        "unidad": _texto(),
        "por_verificar": _si_no(),
        "fuente": _texto(),
        "nota": _texto(nullable=True),
    },
    strict=True,
    ordered=True,
)

ESQUEMA_COMPOSICION = reglas.DataFrameSchema(
    {
        "ambito": _texto(),
        "anio": _anio(nullable=True),
        "periodo": _texto(),
        "tipo_delito": _texto(),
        "medida": _opciones(
            {"conteo", "porcentaje_de_denuncias", "porcentaje_de_victimas_respuesta_multiple",
             "porcentaje_de_violencia_familiar"}
        ),
        "valor": _decimal(minimo=0),
        "periodo_completo": _si_no(),
        "es_derivado": _si_no(),
        "fuente": _texto(),
        "nota": _texto(nullable=True),
    },
    checks=[
        reglas.Check(
            lambda t: (t["medida"] == "conteo") | (t["valor"] <= 100),
            error="un porcentaje (columna valor, medida porcentaje_*) no puede pasar de 100",
        )
    ],
    strict=True,
    ordered=True,
)

ESQUEMA_INCIDENTES = reglas.DataFrameSchema(
    {
        "fecha": reglas.Column("datetime64[ns]", coerce=True),
        "hora": reglas.Column(int, reglas.Check.in_range(0, 23, error="la hora debe ir de 0 a 23"), coerce=True),
        "distrito": _texto(),
        "ubigeo": _ubigeo(unico=False),
        "tipo": _texto(),
        "fuente_registro": _texto(),
        "lat": _lat(),
        "lon": _lon(),
        "sintetico": reglas.Column(
            bool, reglas.Check(lambda s: s.all(), error="todas las filas deben estar marcadas sintetico=True")
        ),
    },
    strict=False,  # el generador puede agregar columnas; estas son las que el curso usa
)


@dataclass(frozen=True)
class Tabla:
    archivo: str
    reglas: Esquema
    como_arreglar: str
    descripcion: str
    _pandera: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def esquema(self):
        """El esquema de pandera (se arma, e importa pandera, la primera vez que se pide)."""
        if "esquema" not in self._pandera:
            self._pandera["esquema"] = esquema_pandera(self.reglas)
        return self._pandera["esquema"]


TABLAS: dict[str, Tabla] = {
    "distritos": Tabla("distritos.csv", ESQUEMA_DISTRITOS, REGENERAR_HECHOS,
                       "61 distritos: población, área, centroide, comisarías"),
    "denuncias_distrito": Tabla("denuncias_distrito_2024_2025.csv", ESQUEMA_DENUNCIAS_DISTRITO,
                                REGENERAR_HECHOS, "denuncias SIDPOL 2024-2025 de 50 distritos de Lima y Callao"),
    "victimizacion": Tabla("victimizacion_enapres_2013_2024.csv", ESQUEMA_VICTIMIZACION, REGENERAR_HECHOS,
                           "victimización, percepción de inseguridad y confianza en la PNP (encuestas)"),
    "denuncias_departamento": Tabla("denuncias_departamento_modalidad_2018_2026.csv",
                                    ESQUEMA_DENUNCIAS_DEPARTAMENTO, REGENERAR_HECHOS,
                                    "denuncias SIDPOL por año y modalidad: Callao, La Libertad, Lima"),
    "denuncias_mensuales": Tabla("denuncias_mensuales_la_libertad_2024.csv", ESQUEMA_DENUNCIAS_MENSUALES,
                                 REGENERAR_HECHOS, "denuncias por mes, La Libertad 2024"),
    "otros_indicadores": Tabla("otros_indicadores.csv", ESQUEMA_OTROS_INDICADORES, REGENERAR_HECHOS,
                               "homicidios, extorsión, cifras de Trujillo y otros hechos sueltos"),
    "composicion_delitos": Tabla("composicion_delitos.csv", ESQUEMA_COMPOSICION, REGENERAR_HECHOS,
                                 "composición por tipo de delito (conteos y porcentajes)"),
    "incidentes_sinteticos": Tabla("incidentes_sinteticos.csv", ESQUEMA_INCIDENTES, REGENERAR_SINTETICOS,
                                   "incidentes SINTÉTICOS (inventados con semilla) para practicar"),
}

# Columnas que se leen como texto tal cual (el UBIGEO pierde su 0 inicial si se lee como número).
_COLUMNAS_TEXTO = {
    nombre: [c for c, col in tabla.reglas.columns.items() if col.tipo is str] for nombre, tabla in TABLAS.items()
}


def tablas_disponibles() -> list[str]:
    """Los nombres cortos que acepta `cargar`."""
    return list(TABLAS)


def _nombre_valido(nombre: str) -> str:
    limpio = str(nombre).strip().lower().removesuffix(".csv")
    if limpio in TABLAS:
        return limpio
    for corto, tabla in TABLAS.items():  # también vale el nombre del archivo
        if tabla.archivo.removesuffix(".csv") == limpio:
            return corto
    parecido = difflib.get_close_matches(limpio, list(TABLAS), n=1, cutoff=0.3)
    sugerencia = f" ¿Quisiste decir «{parecido[0]}»?" if parecido else ""
    raise ErrorLideres(
        f"No hay una tabla llamada «{nombre}».{sugerencia}",
        como_arreglar="usa uno de estos nombres: " + ", ".join(TABLAS),
    )


def _problema(fila: pd.Series) -> str:
    """Traduce una falla de pandera a una línea en español."""
    check = str(fila["check"])
    columna = fila["column"]
    caso = fila["failure_case"]
    if check == "column_in_dataframe":
        return f"falta la columna «{caso}»"
    if check == "column_in_schema":
        return f"sobra la columna «{caso}» (no se esperaba)"
    if check.startswith("column_ordered"):
        return f"las columnas no están en el orden esperado (revisa «{caso}»)"
    if check.startswith(("coerce_dtype", "dtype")):
        esperado = check.split("(", 1)[1].rstrip(")").strip("'")
        tipo = NOMBRES_TIPO.get(esperado, esperado)
        return f"columna «{columna}»: se esperaba {tipo}, pero hay «{caso}»"
    if check == "not_nullable":
        return f"columna «{columna}»: hay celdas vacías y no se permiten"
    if check == "field_uniqueness":
        return f"columna «{columna}»: el valor «{caso}» está repetido"
    lugar = f"columna «{columna}»" if isinstance(columna, str) else "tabla"
    return f"{lugar}: {check} (valor: «{caso}»)"


def _linea(indice) -> str:
    try:
        return f" (línea {int(indice) + 2} del archivo)"  # +1 por el encabezado, +1 porque empieza en 1
    except (TypeError, ValueError):
        return ""


def validar(nombre: str, tabla: pd.DataFrame, ruta: str | None = None) -> pd.DataFrame:
    """Comprueba `tabla` con el esquema de la tabla `nombre`; `ruta` es el archivo que se nombra en el error."""
    ruta = ruta or f"data/{TABLAS[nombre].archivo}"
    import pandera.errors

    try:
        return TABLAS[nombre].esquema.validate(tabla, lazy=True)
    except pandera.errors.SchemaErrors as error:
        lineas: list[str] = []
        columnas_vistas: set[tuple] = set()
        for _, fila in error.failure_cases.iterrows():
            # Tras un tipo de dato malo, pandera repite la falla en cada comprobación: basta una.
            if str(fila["failure_case"]).startswith("TypeError("):
                continue
            clave = (fila["column"], str(fila["check"]).replace("coerce_dtype", "dtype"))
            if clave in columnas_vistas:
                continue
            columnas_vistas.add(clave)
            lineas.append("  - " + _problema(fila) + _linea(fila.get("index")))
        lineas = lineas[:8]
        raise ErrorLideres(
            f"El archivo {ruta} no tiene el formato esperado:\n" + "\n".join(lineas),
            como_arreglar=TABLAS[nombre].como_arreglar,
        ) from None


# --- sellos: archivos que ya pasaron la comprobación ----------------------------------------------

_TIPOS_PANDAS = {int: "int64", float: "float64"}


def carpeta_sellos() -> Path:
    """Donde quedan los sellos de los archivos comprobados (caché del usuario; se puede borrar)."""
    return rutas.carpeta_cache("tablas_comprobadas")


@functools.lru_cache(maxsize=1)
def _huella_reglas() -> bytes:
    """Cambia si cambian las reglas (este archivo) o las versiones de pandas y pandera."""
    from importlib.metadata import PackageNotFoundError, version

    def _version(paquete: str) -> str:
        try:
            return version(paquete)
        except PackageNotFoundError:
            return "?"

    # Las versiones desde los metadatos: así `filas` calcula el sello sin importar pandas.
    return Path(__file__).read_bytes() + f"|pandas {_version('pandas')}|pandera {_version('pandera')}".encode()


def _sello(nombre: str, contenido: bytes) -> Path:
    h = hashlib.sha256(_huella_reglas())
    h.update(nombre.encode() + b"|")
    h.update(contenido)
    return carpeta_sellos() / h.hexdigest()


def _con_tipos(nombre: str, tabla: pd.DataFrame) -> pd.DataFrame:
    """Los tipos de dato que pandera pone al comprobar (`coerce`), sin pandera."""
    tipos = {
        c: _TIPOS_PANDAS.get(col.tipo, col.tipo)
        for c, col in TABLAS[nombre].reglas.columns.items()
        if col.coerce and c in tabla.columns
    }
    return tabla.astype(tipos) if tipos else tabla


@functools.lru_cache(maxsize=32)
def _leer(nombre: str, ruta: str, _mtime_ns: int, _tamano: int) -> pd.DataFrame:
    """Lee y valida una vez; la fecha de modificación en la clave hace que un cambio se vuelva a leer."""
    return _comprobada(nombre, ruta, Path(ruta).read_bytes())


def _comprobada(nombre: str, ruta: str, contenido: bytes) -> pd.DataFrame:
    """La tabla de `contenido`, comprobada. Si el mismo contenido ya pasó la comprobación (un sello
    en la caché), solo se ponen los tipos; si no, la comprueba pandera y queda sellado."""
    import pandas as pd

    try:
        tabla = pd.read_csv(io.BytesIO(contenido), dtype={c: str for c in _COLUMNAS_TEXTO[nombre]},
                            encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise ErrorLideres(
            f"No se pudo leer el archivo {ruta} como CSV UTF-8: {error}",
            como_arreglar=TABLAS[nombre].como_arreglar,
        ) from None
    sello = _sello(nombre, contenido)
    if sello.is_file():
        try:
            return _con_tipos(nombre, tabla)
        except (TypeError, ValueError):  # no debería pasar; si pasa, se comprueba de nuevo
            pass
    comprobada = validar(nombre, tabla, ruta)
    try:
        sello.parent.mkdir(parents=True, exist_ok=True)
        sello.touch()
    except OSError:  # sin caché escribible (por ejemplo, dentro del aislamiento): se comprueba cada vez
        pass
    return comprobada


def _ruta(corto: str) -> Path:
    ruta = Path(rutas.DATOS) / TABLAS[corto].archivo
    if not ruta.is_file():
        raise ErrorLideres(
            f"No se encontró el archivo de la tabla «{corto}»: {ruta}",
            como_arreglar=TABLAS[corto].como_arreglar,
        )
    return ruta


def cargar(nombre: str) -> pd.DataFrame:
    """Una tabla de data/ por su nombre corto ("distritos", "victimizacion"...), ya comprobada.

    Devuelve una copia: cambiarla no cambia lo que reciben las siguientes llamadas.
    """
    corto = _nombre_valido(nombre)
    ruta = _ruta(corto)
    estado = ruta.stat()
    return _leer(corto, str(ruta), estado.st_mtime_ns, estado.st_size).copy(deep=True)


# --- filas sin pandas (para el kernel de un tablero que abre) -------------------------------------

_CONVERTIR = {int: int, float: float, str: str}


def filas(nombre: str) -> list[dict[str, Any]]:
    """La tabla `nombre` como lista de filas (columna -> valor: int, float o str), sin importar
    pandas: los mismos valores que `cargar(nombre)` y las mismas comprobaciones.

    Si el contenido del archivo ya pasó la comprobación (tiene sello), se lee con `csv`. Si no, se
    comprueba antes con pandera como en `cargar` (un archivo malo da el mismo error en español) y
    queda sellado. Solo para tablas de columnas enteras, decimales o de texto, sin vacíos."""
    corto = _nombre_valido(nombre)
    columnas = TABLAS[corto].reglas.columns
    if not TABLAS[corto].reglas.strict or any(
            col.nullable or col.tipo not in _CONVERTIR for col in columnas.values()):
        raise ValueError(f"filas() no sabe leer la tabla «{corto}» sin pandas: usa cargar()")
    ruta = _ruta(corto)
    estado = ruta.stat()
    return [dict(f) for f in _filas(corto, str(ruta), estado.st_mtime_ns, estado.st_size)]


@functools.lru_cache(maxsize=8)
def _filas(nombre: str, ruta: str, _mtime_ns: int, _tamano: int) -> tuple[dict[str, Any], ...]:
    contenido = Path(ruta).read_bytes()
    if not _sello(nombre, contenido).is_file():
        tabla = _comprobada(nombre, ruta, contenido)  # pandera: el error en español, o el sello
        return tuple(tabla.to_dict("records"))
    tipos = {c: _CONVERTIR[col.tipo] for c, col in TABLAS[nombre].reglas.columns.items()}
    try:
        lector = csv.DictReader(io.StringIO(contenido.decode("utf-8-sig"), newline=""))
        return tuple({c: tipos[c](f[c]) for c in tipos} for f in lector)
    except (KeyError, TypeError, ValueError):  # no debería pasar con sello; si pasa, como sin sello
        return tuple(_comprobada(nombre, ruta, contenido).to_dict("records"))


def escribir_csv(tabla: pd.DataFrame, ruta: Path, float_format: str | None = None) -> Path:
    """CSV de data/: UTF-8 sin BOM, coma, fin de línea \\n (los mismos bytes en Windows y Linux)."""
    ruta.parent.mkdir(parents=True, exist_ok=True)
    tabla.to_csv(ruta, index=False, encoding="utf-8", lineterminator="\n", float_format=float_format)
    return ruta
