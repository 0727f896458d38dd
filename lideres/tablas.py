"""Cargar las tablas de `data/` por su nombre corto, con los tipos de dato comprobados.

    import lideres
    distritos = lideres.cargar("distritos")

Cada tabla tiene un esquema (pandera): el UBIGEO es texto de 6 dígitos, los conteos son enteros
de 0 o más, las proporciones van de 0 a 1... Si alguien edita un CSV y rompe algo, el error dice
qué archivo y qué columna, en español, en vez de dar un resultado equivocado más adelante.
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lideres import rutas
from lideres.errores import ErrorLideres

REGENERAR_HECHOS = (
    "recupera el archivo original del proyecto (vuelve a descargarlo, o `git checkout -- data/`) "
    "o regenéralo con `lideres datos importar-hechos` si tienes la carpeta de cifras publicadas."
)
REGENERAR_SINTETICOS = "ejecuta `lideres datos generar` para crear los datos sintéticos."

# Rectángulo que contiene al Perú (con un margen): un punto fuera no es de nuestros distritos.
LAT_PERU = (-18.5, 0.1)
LON_PERU = (-81.5, -68.5)
ANIOS = (1990, 2030)

# Modalidades de delito de SIDPOL, en este orden: sufijo de la columna `denuncias_<sufijo>` -> nombre
# que se muestra (la columna `tipo` de los incidentes sintéticos).
MODALIDADES = {
    "robo": "Robo",
    "hurto": "Hurto",
    "estafa": "Estafa",
    "extorsion": "Extorsión",
    "secuestro": "Secuestro",
    "violencia_mujer_integrantes": "Violencia contra la mujer e integrantes del grupo familiar",
    "otros": "Otros",
}

NOMBRES_TIPO = {
    "int64": "número entero",
    "Int64": "número entero (o vacío)",
    "float64": "número decimal",
    "str": "texto",
    "string[python]": "texto",
    "bool": "verdadero o falso (True/False)",
    "datetime64[ns]": "fecha (AAAA-MM-DD)",
}


# --- piezas de los esquemas ---------------------------------------------------------------------


def _texto(nullable: bool = False) -> pa.Column:
    return pa.Column(str, nullable=nullable)


def _opciones(valores, nullable: bool = False) -> pa.Column:
    lista = sorted(valores)
    return pa.Column(
        str,
        pa.Check.isin(lista, error=f"debe ser uno de: {', '.join(lista)}"),
        nullable=nullable,
    )


def _ubigeo(unico: bool = True) -> pa.Column:
    return pa.Column(
        str,
        pa.Check.str_matches(r"^\d{6}$", error="debe ser un UBIGEO de 6 dígitos, como texto (con el 0 inicial)"),
        unique=unico,
        coerce=False,
    )


def _conteo(nullable: bool = False) -> pa.Column:
    return pa.Column(
        "Int64" if nullable else int,
        pa.Check.ge(0, error="debe ser un conteo entero de 0 o más"),
        nullable=nullable,
        coerce=True,
    )


def _poblacion() -> pa.Column:
    return pa.Column(int, pa.Check.gt(0, error="la población debe ser mayor que 0"), coerce=True)


def _proporcion() -> pa.Column:
    return pa.Column(
        float, pa.Check.in_range(0, 1, error="debe ser una proporción entre 0 y 1"), coerce=True
    )


def _anio(nullable: bool = False) -> pa.Column:
    return pa.Column(
        "Int64" if nullable else int,
        pa.Check.in_range(*ANIOS, error=f"debe ser un año entre {ANIOS[0]} y {ANIOS[1]}"),
        nullable=nullable,
        coerce=True,
    )


def _decimal(nullable: bool = False, minimo: float | None = None) -> pa.Column:
    checks = [] if minimo is None else [pa.Check.ge(minimo, error=f"debe ser {minimo} o más")]
    return pa.Column(float, checks, nullable=nullable, coerce=True)


def _porcentaje(nullable: bool = False) -> pa.Column:
    return pa.Column(
        float,
        pa.Check.in_range(0, 100, error="debe ser un porcentaje entre 0 y 100"),
        nullable=nullable,
        coerce=True,
    )


def _si_no() -> pa.Column:
    # Sin coerce: "abc" convertido a bool daría True sin avisar.
    return pa.Column(bool, coerce=False)


def _lat() -> pa.Column:
    return pa.Column(
        float, pa.Check.in_range(*LAT_PERU, error="la latitud debe estar dentro del Perú"), coerce=True
    )


def _lon() -> pa.Column:
    return pa.Column(
        float, pa.Check.in_range(*LON_PERU, error="la longitud debe estar dentro del Perú"), coerce=True
    )


AMBITOS_DISTRITO = {"Lima Metropolitana", "Callao", "Trujillo"}

ESQUEMA_DISTRITOS = pa.DataFrameSchema(
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
        "area_km2": pa.Column(float, pa.Check.gt(0, error="el área debe ser mayor que 0"), coerce=True),
        "lat": _lat(),
        "lon": _lon(),
        "comisarias_2017": _conteo(),
        "fuente": _texto(),
    },
    strict=True,
    ordered=True,
)

ESQUEMA_DENUNCIAS_DISTRITO = pa.DataFrameSchema(
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

ESQUEMA_VICTIMIZACION = pa.DataFrameSchema(
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

ESQUEMA_DENUNCIAS_DEPARTAMENTO = pa.DataFrameSchema(
    {
        "departamento": _opciones({"Lima", "Callao", "La Libertad"}),
        "ambito_cubierto": _texto(),
        "anio": _anio(),
        "meses_observados": pa.Column(
            int, pa.Check.in_range(1, 12, error="debe ser un número de meses entre 1 y 12"), coerce=True
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

ESQUEMA_DENUNCIAS_MENSUALES = pa.DataFrameSchema(
    {
        "ambito": _texto(),
        "nivel_territorial": _texto(),
        "anio": _anio(),
        "mes": pa.Column(int, pa.Check.in_range(1, 12, error="el mes debe ir de 1 a 12"), coerce=True),
        "tipo": _texto(),
        "denuncias": _conteo(nullable=True),
        "fuente": _texto(),
        "nota": _texto(nullable=True),
    },
    strict=True,
    ordered=True,
)

ESQUEMA_OTROS_INDICADORES = pa.DataFrameSchema(
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

ESQUEMA_COMPOSICION = pa.DataFrameSchema(
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
        pa.Check(
            lambda t: (t["medida"] == "conteo") | (t["valor"] <= 100),
            error="un porcentaje (columna valor, medida porcentaje_*) no puede pasar de 100",
        )
    ],
    strict=True,
    ordered=True,
)

ESQUEMA_INCIDENTES = pa.DataFrameSchema(
    {
        "fecha": pa.Column("datetime64[ns]", coerce=True),
        "hora": pa.Column(int, pa.Check.in_range(0, 23, error="la hora debe ir de 0 a 23"), coerce=True),
        "distrito": _texto(),
        "ubigeo": _ubigeo(unico=False),
        "tipo": _texto(),
        "fuente_registro": _texto(),
        "lat": _lat(),
        "lon": _lon(),
        "sintetico": pa.Column(
            bool, pa.Check(lambda s: s.all(), error="todas las filas deben estar marcadas sintetico=True")
        ),
    },
    strict=False,  # el generador puede agregar columnas; estas son las que el curso usa
)


@dataclass(frozen=True)
class Tabla:
    archivo: str
    esquema: pa.DataFrameSchema
    como_arreglar: str
    descripcion: str


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
    nombre: [c for c, col in tabla.esquema.columns.items() if str(col.dtype).startswith(("str", "string"))]
    for nombre, tabla in TABLAS.items()
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
    try:
        return TABLAS[nombre].esquema.validate(tabla, lazy=True)
    except pa.errors.SchemaErrors as error:
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


@functools.lru_cache(maxsize=32)
def _leer(nombre: str, ruta: str, _mtime_ns: int, _tamano: int) -> pd.DataFrame:
    """Lee y valida una vez; la fecha de modificación en la clave hace que un cambio se vuelva a leer."""
    try:
        tabla = pd.read_csv(ruta, dtype={c: str for c in _COLUMNAS_TEXTO[nombre]}, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise ErrorLideres(
            f"No se pudo leer el archivo {ruta} como CSV UTF-8: {error}",
            como_arreglar=TABLAS[nombre].como_arreglar,
        ) from None
    return validar(nombre, tabla, ruta)


def cargar(nombre: str) -> pd.DataFrame:
    """Una tabla de data/ por su nombre corto ("distritos", "victimizacion"...), ya comprobada.

    Devuelve una copia: cambiarla no cambia lo que reciben las siguientes llamadas.
    """
    corto = _nombre_valido(nombre)
    ruta = Path(rutas.DATOS) / TABLAS[corto].archivo
    if not ruta.is_file():
        raise ErrorLideres(
            f"No se encontró el archivo de la tabla «{corto}»: {ruta}",
            como_arreglar=TABLAS[corto].como_arreglar,
        )
    estado = ruta.stat()
    return _leer(corto, str(ruta), estado.st_mtime_ns, estado.st_size).copy(deep=True)


def escribir_csv(tabla: pd.DataFrame, ruta: Path, float_format: str | None = None) -> Path:
    """CSV de data/: UTF-8 sin BOM, coma, fin de línea \\n (los mismos bytes en Windows y Linux)."""
    ruta.parent.mkdir(parents=True, exist_ok=True)
    tabla.to_csv(ruta, index=False, encoding="utf-8", lineterminator="\n", float_format=float_format)
    return ruta
