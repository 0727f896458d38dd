"""Cuentas del módulo 07 sobre los incidentes SINTÉTICOS del curso (inventados con semilla).

De los puntos a la grilla, a los hexágonos (h3) y a la densidad de núcleo (numpy); la tabla de
hora × día; los puntos calientes crónicos y pasajeros; y el Gi* de Getis-Ord: ¿hay en esta celda y
sus vecinas más casos de los que daría el azar?

La violencia contra la mujer y los integrantes del grupo familiar nunca se dibuja como puntos
(ocurre sobre todo en casas: un punto señalaría un hogar). `incidentes()` la saca siempre, y todo
lo demás parte de ahí.
"""

from __future__ import annotations

import functools
import math
import statistics
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lideres.errores import ErrorLideres, una_de

# Las constantes del paso 1 viven en `apertura` (sin pandas); se leen también desde aquí.
from lideres.modulos.m07_puntos_calientes.apertura import (  # noqa: F401
    AVISO_SINTETICO,
    PRIMERO,
    TIPO_EXCLUIDO,
    en_orden,
)

NOTA_EXCLUIDO = ("La violencia contra la mujer y los integrantes del grupo familiar no se muestra: "
                 "ocurre sobre todo en casas, y un punto en el mapa señalaría un hogar.")
FUENTE = "Incidentes sintéticos del curso (lideres datos generar), calibrados con el SIDPOL 2024-2025."
DIAS = ("lun", "mar", "mié", "jue", "vie", "sáb", "dom")
METROS_POR_GRADO_LAT = 110_574.0
METROS_POR_GRADO_LON_ECUADOR = 111_320.0
Z_95 = statistics.NormalDist().inv_cdf(0.975)


# ------------------------------------------------------------------ datos


@functools.lru_cache(maxsize=1)
def _todos() -> pd.DataFrame:
    from lideres.tablas import cargar

    datos = cargar("incidentes_sinteticos")
    return datos[datos["tipo"] != TIPO_EXCLUIDO].reset_index(drop=True)


@functools.lru_cache(maxsize=1)
def _distritos() -> tuple[str, ...]:
    # Una vez por kernel: estado_puntos revisa el distrito en cada cambio de filtro.
    return tuple(en_orden(pd.unique(_todos()["distrito"]).tolist()))


def distritos() -> list[str]:
    """Los distritos con incidentes: primero los tres de Trujillo del curso, luego el resto."""
    return list(_distritos())


@functools.lru_cache(maxsize=1)
def _tipos() -> tuple[str, ...]:
    return tuple(sorted(pd.unique(_todos()["tipo"]).tolist()))


def tipos() -> list[str]:
    return list(_tipos())


def sin_violencia_familiar(tabla: pd.DataFrame) -> pd.DataFrame:
    """Quita las filas de violencia contra la mujer e integrantes del grupo familiar."""
    return tabla[tabla["tipo"] != TIPO_EXCLUIDO]


def incidentes(distrito: str | None = None, tipos_: list[str] | tuple[str, ...] | None = None,
               horas: tuple[int, int] | None = None, meses: tuple[int, int] | None = None,
               fuente: str = "Denuncia PNP", datos: pd.DataFrame | None = None) -> pd.DataFrame:
    """Los incidentes sintéticos filtrados (`horas` y `meses`: desde-hasta, ambos incluidos). Nunca
    trae violencia contra la mujer e integrantes del grupo familiar, aunque se pida."""
    t = _todos() if datos is None else sin_violencia_familiar(datos)
    filtro = np.ones(len(t), dtype=bool)
    if distrito is not None:
        una_de(distrito, sorted(set(t["distrito"])), no_hay="incidentes sintéticos",
               usa="Usa uno de estos distritos: ")
        filtro &= (t["distrito"] == distrito).to_numpy()
    if fuente is not None:
        filtro &= (t["fuente_registro"] == fuente).to_numpy()
    if tipos_:
        filtro &= t["tipo"].isin(list(tipos_)).to_numpy()
    if horas is not None:
        filtro &= t["hora"].between(*horas).to_numpy()
    if meses is not None:
        filtro &= t["fecha"].dt.month.between(*meses).to_numpy()
    return t[filtro]


# ------------------------------------------------------------------ grilla


@dataclass(frozen=True)
class Grilla:
    """Celdas cuadradas de `tamano_m` metros desde la esquina suroeste (`lat0`, `lon0`).
    `valores[fila, columna]`: la fila 0 es la del sur."""

    lat0: float
    lon0: float
    tamano_m: float
    valores: np.ndarray

    @property
    def metros_por_grado_lon(self) -> float:
        return METROS_POR_GRADO_LON_ECUADOR * math.cos(math.radians(self.lat0))

    def esquinas(self, fila: int, columna: int) -> tuple[float, float, float, float]:
        """(lat_sur, lon_oeste, lat_norte, lon_este) de una celda."""
        dlat = self.tamano_m / METROS_POR_GRADO_LAT
        dlon = self.tamano_m / self.metros_por_grado_lon
        return (self.lat0 + fila * dlat, self.lon0 + columna * dlon,
                self.lat0 + (fila + 1) * dlat, self.lon0 + (columna + 1) * dlon)

    def celdas(self, solo_con_casos: bool = True) -> pd.DataFrame:
        filas, columnas = np.nonzero(self.valores) if solo_con_casos else np.indices(self.valores.shape).reshape(2, -1)
        return pd.DataFrame({"fila": filas, "columna": columnas, "valor": self.valores[filas, columnas]})


def _a_metros(lat, lon, lat0: float, lon0: float):
    x = (np.asarray(lon) - lon0) * METROS_POR_GRADO_LON_ECUADOR * math.cos(math.radians(lat0))
    y = (np.asarray(lat) - lat0) * METROS_POR_GRADO_LAT
    return x, y


def conteo_grilla(tabla: pd.DataFrame, tamano_m: float = 250, margen_m: float = 0,
                  extension: tuple[float, float, float, float] | None = None) -> Grilla:
    """Casos por celda, con las celdas vacías (cuentan para el Gi*). `extension` = (lat_min,
    lon_min, lat_max, lon_max); si no se da, la de los puntos, con `margen_m` alrededor."""
    if tamano_m <= 0:
        raise ErrorLideres("El tamaño de la celda debe ser mayor que 0 metros.",
                           como_arreglar="Usa, por ejemplo, 250 metros.")
    if extension is None:
        if tabla.empty:
            raise ErrorLideres("No hay incidentes con esos filtros.",
                               como_arreglar="Amplía las horas, los meses o los tipos de delito.")
        extension = (tabla["lat"].min(), tabla["lon"].min(), tabla["lat"].max(), tabla["lon"].max())
    lat_min, lon_min, lat_max, lon_max = extension
    lat0 = lat_min - margen_m / METROS_POR_GRADO_LAT
    lon0 = lon_min - margen_m / (METROS_POR_GRADO_LON_ECUADOR * math.cos(math.radians(lat0)))
    ancho, alto = _a_metros(lat_max, lon_max, lat0, lon0)
    columnas = int((ancho + margen_m) // tamano_m) + 1
    filas = int((alto + margen_m) // tamano_m) + 1
    x, y = _a_metros(tabla["lat"].to_numpy(), tabla["lon"].to_numpy(), lat0, lon0)
    c = np.clip((x // tamano_m).astype(int), 0, columnas - 1)
    f = np.clip((y // tamano_m).astype(int), 0, filas - 1)
    valores = np.zeros((filas, columnas), dtype=np.int64)
    np.add.at(valores, (f, c), 1)
    return Grilla(float(lat0), float(lon0), float(tamano_m), valores)


# ------------------------------------------------------------------ hexágonos (h3)


def conteo_hexagonos(tabla: pd.DataFrame, resolucion: int = 9) -> pd.DataFrame:
    """Casos por hexágono h3 (resolución 9: ~0.1 km², lado de ~200 m). Columnas `h3`, `casos`."""
    import h3

    if not 0 <= int(resolucion) <= 15:
        raise ErrorLideres("La resolución de h3 va de 0 a 15.", como_arreglar="Usa 8, 9 o 10.")
    celdas = [h3.latlng_to_cell(la, lo, int(resolucion))
              for la, lo in zip(tabla["lat"].to_numpy(), tabla["lon"].to_numpy(), strict=True)]
    conteo = pd.Series(celdas, dtype=str).value_counts()
    return pd.DataFrame({"h3": conteo.index, "casos": conteo.to_numpy()}).sort_values(
        ["casos", "h3"], ascending=[False, True]).reset_index(drop=True)


def contorno_hexagono(celda: str) -> list[tuple[float, float]]:
    """Vértices (lat, lon) de un hexágono h3, para dibujarlo."""
    import h3

    return [tuple(v) for v in h3.cell_to_boundary(celda)]


# ------------------------------------------------------------------ densidad de núcleo


def densidad_nucleo(tabla: pd.DataFrame, ancho_banda_m: float = 300, tamano_m: float = 50,
                    extension: tuple[float, float, float, float] | None = None) -> Grilla:
    """Densidad de núcleo gaussiano (casos por km²) en celdas finas: cada caso se reparte como una
    campana de `ancho_banda_m` metros (la desviación estándar). Banda angosta: manchas chicas que
    siguen cada punto; banda ancha: una mancha grande que borra los detalles. Se alisan los conteos
    de la grilla fina con un filtro gaussiano (el método «binned» de siempre; `_alisar`).
    `extension` (lat_min, lon_min, lat_max, lon_max): la del distrito, para que la grilla no se mueva
    al cambiar un filtro; si no se da, la de los puntos."""
    if ancho_banda_m <= 0:
        raise ErrorLideres("El ancho de banda debe ser mayor que 0 metros.",
                           como_arreglar="Prueba con 150, 300 o 600 metros.")
    fina = conteo_grilla(tabla, tamano_m, margen_m=4 * ancho_banda_m, extension=extension)
    alisada = _alisar(fina.valores.astype(float), sigma=ancho_banda_m / tamano_m)
    por_km2 = alisada / (tamano_m / 1000) ** 2
    return Grilla(fina.lat0, fina.lon0, fina.tamano_m, por_km2)


def _alisar(valores: np.ndarray, sigma: float, truncate: float = 4.0) -> np.ndarray:
    """Filtro gaussiano con ceros fuera de la grilla: lo mismo que `scipy.ndimage.gaussian_filter`
    (mode="constant", truncate=4), con numpy. scipy.ndimage suma ~19 MB a cada kernel de celular;
    la prueba compara los dos."""
    return _banda(valores.shape[0], sigma, truncate) @ valores @ _banda(valores.shape[1], sigma, truncate).T


# Solo las dos de la última densidad (filas y columnas): un cambio de filtro las reusa; guardar
# más costaría memoria en cada kernel (en un distrito grande, ~2 MB cada una).
@functools.lru_cache(maxsize=2)
def _banda(n: int, sigma: float, truncate: float) -> np.ndarray:
    """Matriz n × n con la campana de Gauss en cada fila: multiplicarla alisa a lo largo de un eje.
    Depende solo del tamaño de la grilla y del ancho, no de los filtros (de solo lectura, porque
    se comparte)."""
    radio = int(truncate * sigma + 0.5)
    x = np.arange(-radio, radio + 1)
    campana = np.exp(-0.5 / sigma**2 * x**2)
    campana /= campana.sum()
    i = np.arange(n)
    distancia = i[None, :] - i[:, None]
    banda = np.where(np.abs(distancia) <= radio, campana[np.clip(distancia + radio, 0, 2 * radio)], 0.0)
    banda.flags.writeable = False
    return banda


# ------------------------------------------------------------------ cuándo


def tabla_hora_dia(tabla: pd.DataFrame, bloque_horas: int = 3) -> pd.DataFrame:
    """Casos por bloque de horas (filas: «0-2 h», «3-5 h»…) y día de la semana (columnas lun…dom).
    Bloques de 3 horas: 8 filas × 7 columnas caben en un celular."""
    if 24 % int(bloque_horas):
        raise ErrorLideres("El bloque de horas debe dividir el día en partes iguales.",
                           como_arreglar="Usa 1, 2, 3, 4, 6 u 8 horas.")
    b = int(bloque_horas)
    bloque = (tabla["hora"].to_numpy() // b) * b
    dia = tabla["fecha"].dt.day_of_week.to_numpy()
    cruce = np.zeros((24 // b, 7), dtype=np.int64)
    np.add.at(cruce, (bloque // b, dia), 1)
    etiquetas = [f"{h}-{h + b - 1} h" if b > 1 else f"{h} h" for h in range(0, 24, b)]
    return pd.DataFrame(cruce, index=pd.Index(etiquetas, name="hora"), columns=list(DIAS))


# ------------------------------------------------------------------ Gi* de Getis-Ord


def _suma_vecindad(a: np.ndarray) -> np.ndarray:
    """Suma de cada celda y sus 8 vecinas (reina); fuera de la grilla cuenta 0."""
    p = np.pad(a.astype(float), 1)
    filas, columnas = a.shape
    return sum(p[1 + df:1 + df + filas, 1 + dc:1 + dc + columnas]
               for df in (-1, 0, 1) for dc in (-1, 0, 1))


def gi_estrella(valores: np.ndarray) -> np.ndarray:
    """Gi* de Getis y Ord (Ord y Getis 1995) de cada celda, como puntaje z: compara la suma de la
    celda y sus 8 vecinas (pesos 1, la propia incluida) con lo que se esperaría si los casos se
    repartieran al azar entre todas las celdas. z > 1.96: más casos juntos de lo que da el azar
    (95 %).

        Gi* = (Σ_j w_ij x_j − x̄ W_i) / (S · √((n S1_i − W_i²) / (n − 1)))

    con W_i = Σ_j w_ij, S1_i = Σ_j w_ij², x̄ y S la media y la desviación (poblacional) de las n
    celdas. En el borde hay menos vecinas y W_i es menor."""
    x = np.asarray(valores, dtype=float)
    n = x.size
    media = x.mean()
    s = math.sqrt(max((x ** 2).mean() - media ** 2, 0.0))
    if n < 2 or s == 0:
        return np.zeros_like(x)
    suma = _suma_vecindad(x)
    w = _suma_vecindad(np.ones_like(x))   # W_i (y S1_i: con pesos 1, es lo mismo)
    return (suma - media * w) / (s * np.sqrt((n * w - w ** 2) / (n - 1)))


def puntos_calientes(grilla: Grilla, umbral_z: float = Z_95) -> np.ndarray:
    """Celdas con Gi* mayor que el umbral y al menos un caso."""
    return (gi_estrella(grilla.valores) > umbral_z) & (grilla.valores > 0)


# ------------------------------------------------------------------ crónicos y pasajeros


def cronicos_y_pasajeros(tabla: pd.DataFrame, tamano_m: float = 250, umbral_z: float = Z_95) -> pd.DataFrame:
    """Por semestre (2024-1 … 2025-2), qué celdas son punto caliente (Gi*). Una celda caliente en 3
    o 4 semestres es «crónica»; en 2, «intermitente»; en 1, «pasajera». Todas sobre la misma grilla."""
    if tabla.empty:
        raise ErrorLideres("No hay incidentes con esos filtros.",
                           como_arreglar="Amplía las horas, los meses o los tipos de delito.")
    extension = (tabla["lat"].min(), tabla["lon"].min(), tabla["lat"].max(), tabla["lon"].max())
    semestre = tabla["fecha"].dt.year.astype(str) + "-" + ((tabla["fecha"].dt.month > 6) + 1).astype(str)
    periodos = sorted(set(semestre))
    calientes = {}
    for p in periodos:
        g = conteo_grilla(tabla[semestre == p], tamano_m, extension=extension)
        calientes[p] = puntos_calientes(g, umbral_z)
    veces = sum(calientes.values())
    filas, columnas = np.nonzero(veces)
    resultado = pd.DataFrame({"fila": filas, "columna": columnas, "semestres": veces[filas, columnas]})
    for p in periodos:
        resultado[p] = calientes[p][filas, columnas]
    resultado["clase"] = pd.cut(resultado["semestres"], [0, 1, 2, 99],
                                labels=["pasajera", "intermitente", "crónica"]).astype(str)
    return resultado.sort_values(["semestres", "fila", "columna"], ascending=[False, True, True]).reset_index(drop=True)


# ------------------------------------------------------------------ el estado del tablero


@functools.lru_cache(maxsize=16)
def pie(distrito: str | None = None) -> str:
    """El pie de todo lo que muestra el módulo: qué son las filas sintéticas, con los números del
    generador (`lideres.sinteticos.pie_sintetico`; se importa aquí: trae shapely)."""
    from lideres.sinteticos import pie_sintetico

    return pie_sintetico(distrito)


@dataclass(frozen=True)
class Distrito:
    """Lo de un distrito que el tablero usa en cada cambio, ya calculado una vez: columnas como
    arreglos de numpy (filtrar es comparar arreglos, sin pandas) y la grilla fija del distrito."""

    nombre: str
    tipo: np.ndarray
    hora: np.ndarray
    mes: np.ndarray
    dia: np.ndarray
    fila: np.ndarray
    columna: np.ndarray
    forma: tuple[int, int]
    grilla: Grilla
    lat: np.ndarray
    lon: np.ndarray
    # Lo que se calcula solo si el líder pide esa vista (los hexágonos h3 de cada caso).
    extra: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def extension(self) -> tuple[float, float, float, float]:
        if not len(self.lat):
            return (self.grilla.lat0, self.grilla.lon0, self.grilla.lat0, self.grilla.lon0)
        return (float(self.lat.min()), float(self.lon.min()), float(self.lat.max()), float(self.lon.max()))


def preparar_distrito(distrito: str, tamano_m: float = 250, datos: pd.DataFrame | None = None) -> Distrito:
    t = incidentes(distrito, datos=datos)
    extension = (t["lat"].min(), t["lon"].min(), t["lat"].max(), t["lon"].max())
    vacia = conteo_grilla(t.iloc[:0], tamano_m, extension=extension)
    x, y = _a_metros(t["lat"].to_numpy(), t["lon"].to_numpy(), vacia.lat0, vacia.lon0)
    filas, columnas = vacia.valores.shape
    return Distrito(
        distrito, t["tipo"].to_numpy(), t["hora"].to_numpy(), t["fecha"].dt.month.to_numpy(),
        t["fecha"].dt.day_of_week.to_numpy(),
        np.clip((y // tamano_m).astype(int), 0, filas - 1), np.clip((x // tamano_m).astype(int), 0, columnas - 1),
        (filas, columnas), vacia, t["lat"].to_numpy(), t["lon"].to_numpy())


@functools.lru_cache(maxsize=8)
def _distrito_del_curso(distrito: str, tamano_m: float) -> Distrito:
    return preparar_distrito(distrito, tamano_m)


def estado_puntos(distrito: str = "El Porvenir", tipos_: list[str] | tuple[str, ...] | None = None,
                  horas: tuple[int, int] = (0, 23), meses: tuple[int, int] = (1, 12),
                  tamano_m: float = 250, datos: pd.DataFrame | None = None,
                  preparado: Distrito | None = None) -> dict:
    """Lo que el tablero muestra para unos filtros: las celdas con casos (y cuáles son punto
    caliente por Gi*) y la tabla hora × día, siempre con el aviso de datos sintéticos. La grilla es
    la del distrito entero: cambiar un filtro no mueve las celdas."""
    if preparado is None:
        if datos is None:
            una_de(distrito, distritos(), no_hay="incidentes sintéticos", usa="Usa uno de estos distritos: ")
            preparado = _distrito_del_curso(distrito, float(tamano_m))
        else:
            preparado = preparar_distrito(distrito, tamano_m, datos)
    d = preparado
    filtro = (d.hora >= horas[0]) & (d.hora <= horas[1]) & (d.mes >= meses[0]) & (d.mes <= meses[1])
    if tipos_:
        filtro &= np.isin(d.tipo, list(tipos_))
    valores = np.zeros(d.forma, dtype=np.int64)
    np.add.at(valores, (d.fila[filtro], d.columna[filtro]), 1)
    grilla = Grilla(d.grilla.lat0, d.grilla.lon0, d.grilla.tamano_m, valores)
    calientes = puntos_calientes(grilla)
    celdas = grilla.celdas()
    celdas["caliente"] = calientes[celdas["fila"], celdas["columna"]]
    cruce = np.zeros((8, 7), dtype=np.int64)
    np.add.at(cruce, (d.hora[filtro] // 3, d.dia[filtro]), 1)
    hora_dia = pd.DataFrame(cruce, index=pd.Index([f"{h}-{h + 2} h" for h in range(0, 24, 3)], name="hora"),
                            columns=list(DIAS))
    return {
        "distrito": distrito,
        "preparado": d,
        "filtro": filtro,
        "casos": int(filtro.sum()),
        "grilla": grilla,
        "celdas": celdas,
        "n_calientes": int(calientes.sum()),
        "hora_dia": hora_dia,
        "aviso": AVISO_SINTETICO,
        "nota_excluido": NOTA_EXCLUIDO,
        "fuente": FUENTE,
        "pie": pie(distrito),
        "periodo": "2024-2025 (fechas inventadas)",
        "nivel": f"celdas de {int(tamano_m)} m en {distrito} (límites esquemáticos)",
    }


# ------------------------------------------------------------------ otras formas de dibujar el mismo estado


def puntos_estado(estado: dict) -> tuple[np.ndarray, np.ndarray]:
    """(lat, lon) de los casos del estado (con sus filtros)."""
    d: Distrito = estado["preparado"]
    return d.lat[estado["filtro"]], d.lon[estado["filtro"]]


def hexagonos_estado(estado: dict, resolucion: int = 9) -> pd.DataFrame:
    """Casos por hexágono h3 con los filtros del estado (lo mismo que `conteo_hexagonos` sobre la
    tabla filtrada). El hexágono de cada caso se calcula una vez por distrito, al pedirlo."""
    import h3

    d: Distrito = estado["preparado"]
    clave = ("h3", int(resolucion))
    if clave not in d.extra:
        celdas = np.asarray([h3.latlng_to_cell(la, lo, int(resolucion))
                             for la, lo in zip(d.lat, d.lon, strict=True)], dtype=str)
        d.extra[clave] = np.unique(celdas, return_inverse=True) if len(celdas) else (np.array([], dtype=str),
                                                                                   np.array([], dtype=int))
    unicas, codigos = d.extra[clave]
    casos = np.bincount(np.asarray(codigos).ravel()[estado["filtro"]], minlength=len(unicas))
    con = casos > 0
    return pd.DataFrame({"h3": unicas[con], "casos": casos[con]}).sort_values(
        ["casos", "h3"], ascending=[False, True]).reset_index(drop=True)


def densidad_estado(estado: dict, ancho_banda_m: float = 300, tamano_m: float = 50) -> Grilla:
    """Densidad de núcleo (casos por km²) con los filtros del estado, sobre la grilla fina del
    distrito entero: cambiar un filtro no la mueve."""
    lat, lon = puntos_estado(estado)
    return densidad_nucleo(pd.DataFrame({"lat": lat, "lon": lon}), ancho_banda_m, tamano_m,
                           extension=estado["preparado"].extension)


# ------------------------------------------------------------------ la marca del líder


def _anillos(geometria: dict) -> list[list]:
    """Los anillos exteriores (lon, lat) de un Polygon o MultiPolygon de GeoJSON."""
    tipo = (geometria or {}).get("type")
    if tipo == "Polygon":
        return [geometria["coordinates"][0]]
    if tipo == "MultiPolygon":
        return [p[0] for p in geometria["coordinates"]]
    return []


def _dentro(x: np.ndarray, y: np.ndarray, anillo: list) -> np.ndarray:
    """Punto en polígono (regla par-impar), vectorizado: sin shapely en el kernel del celular."""
    pares = np.asarray([(p[0], p[1]) for p in anillo], dtype=float)
    dentro = np.zeros(len(x), dtype=bool)
    xi, yi = pares[:, 0], pares[:, 1]
    xj, yj = np.roll(xi, 1), np.roll(yi, 1)
    for a, b, c_, d in zip(xi, yi, xj, yj, strict=True):
        cruza = ((b > y) != (d > y)) & (x < (c_ - a) * (y - b) / np.where(d == b, 1e-300, d - b) + a)
        dentro ^= cruza
    return dentro


def comparar_marca(estado: dict, geometrias: list[dict]) -> dict:
    """Compara lo que el líder marcó antes de ver los datos (polígonos GeoJSON en lon/lat) con las
    celdas del estado: cuántas celdas calientes cayeron dentro de su marca y qué parte de los casos."""
    anillos = [a for g in geometrias for a in _anillos(g)]
    if not anillos:
        raise ErrorLideres("Todavía no marcaste una zona en el mapa.",
                           como_arreglar="Dibuja un rectángulo donde crees que está el punto caliente.")
    grilla: Grilla = estado["grilla"]
    celdas = estado["celdas"]
    dlat = grilla.tamano_m / METROS_POR_GRADO_LAT
    dlon = grilla.tamano_m / grilla.metros_por_grado_lon
    lat = grilla.lat0 + (celdas["fila"].to_numpy() + 0.5) * dlat
    lon = grilla.lon0 + (celdas["columna"].to_numpy() + 0.5) * dlon
    dentro = np.zeros(len(celdas), dtype=bool)
    for anillo in anillos:
        dentro |= _dentro(lon, lat, anillo)
    calientes = celdas["caliente"].to_numpy(dtype=bool)
    valor = celdas["valor"].to_numpy()
    total = int(valor.sum())
    return {
        "celdas_marcadas": int(dentro.sum()),
        "calientes": int(calientes.sum()),
        "calientes_dentro": int((dentro & calientes).sum()),
        "casos_dentro": int(valor[dentro].sum()),
        "casos": total,
        "parte_casos": (float(valor[dentro].sum()) / total) if total else 0.0,
        "celdas_con_casos": int(len(celdas)),
        "dentro": dentro,
    }
