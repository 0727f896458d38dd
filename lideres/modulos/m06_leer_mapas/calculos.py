"""Cuentas del módulo 06: clasificar, colorear y poner la incertidumbre al lado del mapa.

Datos: denuncias SIDPOL 2024 y 2025 de los 50 distritos de Lima Metropolitana y Callao, con la
población estimada 2020 del INEI (`lideres.tasas`). Trujillo no tiene denuncias por distrito
publicadas: su mapa no se puede hacer con cifras reales, y la lección lo dice.

Clasificaciones: mapclassify (cuantiles, intervalos iguales, cortes naturales de Fisher-Jenks), sin
cortes escritos a mano. Se calculan todas una vez (`escribir_clasificaciones()`) y se guardan en
`clasificaciones.json` al lado de este archivo; el tablero solo las lee. Una prueba las recalcula
con mapclassify y exige que sean iguales.

Sin pandas al abrir el tablero: `distritos()` lee las 50 filas con `lideres.tablas.filas` (las
mismas comprobaciones que `cargar`) y hace las cuentas con numpy; `tabla()` las entrega como
DataFrame para la lección. pandas tarda medio segundo en importarse en el kernel de cada celular.
"""

from __future__ import annotations

import functools
import json
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from lideres import formato
from lideres.errores import ErrorLideres, una_de
from lideres.tasas import tasa_por_100k

if TYPE_CHECKING:
    import pandas as pd

ARCHIVO_CLASIFICACIONES = Path(__file__).with_name("clasificaciones.json")
ANIOS = (2024, 2025)
AMBITOS = ("Lima Metropolitana", "Callao")
CLASES = (3, 4, 5, 6, 7)
NIVEL = 0.95

FUENTE = ("Fuente: MININTER – SIDPOL (denuncias por distrito donde ocurrió el hecho); población "
          "estimada 2020 del INEI.")
NIVEL_TERRITORIAL = "distritos de Lima Metropolitana y del Callao"

# Nombre que se muestra -> clase de mapclassify.
ESQUEMAS: dict[str, tuple[str, str]] = {
    "cuantiles": ("Cuantiles (el mismo número de distritos en cada color)", "Quantiles"),
    "intervalos_iguales": ("Intervalos iguales (cada color cubre el mismo tramo)", "EqualInterval"),
    "cortes_naturales": ("Cortes naturales (Fisher-Jenks: grupos parecidos por dentro)", "FisherJenks"),
}
MEDIDAS = {
    "conteo": "denuncias",
    "tasa": "denuncias por 100 mil habitantes",
}


# ------------------------------------------------------------------ datos


class Distrito(NamedTuple):
    """Un distrito en un año: sus cifras, el intervalo de su tasa y si se distingue del promedio."""

    ubigeo: str
    distrito: str
    ambito: str
    poblacion: int
    conteo: int
    tasa: float
    tasa_baja: float
    tasa_alta: float
    no_se_distingue: bool


# Un distrito pintado: lo de `Distrito` más su clase (0 = la más baja) y su color.
DistritoEnMapa = NamedTuple("DistritoEnMapa",
                            [*Distrito.__annotations__.items(), ("clase", int), ("color", str)])


@functools.lru_cache(maxsize=4)
def _distritos(anio: int) -> tuple[Distrito, ...]:
    from lideres.tablas import filas  # sin pandas; pandera solo si el archivo no está comprobado

    una_de(int(anio), ANIOS, no_hay="denuncias por distrito", usa="Usa uno de estos años: ")
    d = sorted((f for f in filas("denuncias_distrito") if f["ambito"] in AMBITOS), key=lambda f: f["ubigeo"])
    conteo = np.array([f[f"denuncias_{int(anio)}"] for f in d], dtype=np.int64)
    poblacion = np.array([f["poblacion_2020"] for f in d], dtype=np.int64)
    tasa = tasa_por_100k(conteo, poblacion)
    baja, alta = intervalo_conteo(conteo)
    tasa_baja = tasa_por_100k(baja, poblacion)
    tasa_alta = tasa_por_100k(alta, poblacion)
    promedio = _tasa_ciudad(conteo, poblacion)
    return tuple(
        Distrito(f["ubigeo"], f["distrito"], f["ambito"], int(poblacion[i]), int(conteo[i]), float(tasa[i]),
                 float(tasa_baja[i]), float(tasa_alta[i]), bool(tasa_baja[i] <= promedio <= tasa_alta[i]))
        for i, f in enumerate(d))


def distritos(anio: int = 2025) -> list[Distrito]:
    """Un `Distrito` por distrito (en el orden del UBIGEO): `conteo`, `poblacion`, `tasa` por 100
    mil, el intervalo de la tasa (`tasa_baja`, `tasa_alta`) y `no_se_distingue` del promedio de la
    ciudad (Lima Metropolitana y Callao juntos). Sin pandas: lo usan el tablero y la página ligera."""
    return list(_distritos(int(anio)))


@functools.lru_cache(maxsize=4)
def tabla(anio: int = 2025) -> pd.DataFrame:
    """Lo mismo que `distritos(anio)`, como tabla de pandas (para la lección y las pruebas)."""
    import pandas as pd

    return pd.DataFrame(distritos(anio), columns=list(Distrito._fields))


def _tasa_ciudad(conteo, poblacion) -> float:
    return float(tasa_por_100k(int(np.sum(conteo)), int(np.sum(poblacion))))


def tasa_ciudad(t) -> float:
    """Todas las denuncias entre toda la población (no el promedio de las tasas de los distritos).
    `t`: la tabla de `tabla()` o la lista de `distritos()`."""
    if hasattr(t, "columns"):
        return _tasa_ciudad(t["conteo"], t["poblacion"])
    return _tasa_ciudad([d.conteo for d in t], [d.poblacion for d in t])


# ------------------------------------------------------------------ incertidumbre


def intervalo_conteo(conteo, nivel: float = NIVEL):
    """Intervalo de Byar para un conteo de Poisson (muy cerca del exacto desde unos 10 casos):
    entre qué valores pudo estar el «verdadero» ritmo de denuncias si el año se repitiera. Solo mide
    el azar de los conteos; no mide errores de la población estimada ni la cifra negra."""
    x = np.asarray(conteo, dtype=float)
    z = statistics.NormalDist().inv_cdf(1 - (1 - nivel) / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        baja = np.where(x > 0, x * (1 - 1 / (9 * x) - z / (3 * np.sqrt(x))) ** 3, 0.0)
    alta = (x + 1) * (1 - 1 / (9 * (x + 1)) + z / (3 * np.sqrt(x + 1))) ** 3
    return baja, alta


# ------------------------------------------------------------------ clasificaciones


@dataclass(frozen=True)
class Clasificacion:
    esquema: str
    k: int
    minimo: float
    cortes: tuple[float, ...]   # límite de arriba de cada clase (el último es el máximo)
    clases: tuple[int, ...]     # clase de cada distrito (0 = la más baja), en el orden de `tabla()`

    def rangos(self, decimales: int = 0) -> list[str]:
        """«de 1,234 a 2,345» por clase, para la leyenda."""
        bordes = (self.minimo, *self.cortes)
        return [f"de {formato.numero(bordes[i], decimales)} a {formato.numero(bordes[i + 1], decimales)}"
                for i in range(len(self.cortes))]

    def conteo_por_clase(self) -> list[int]:
        return np.bincount(np.asarray(self.clases), minlength=len(self.cortes)).tolist()


def _revisar(esquema: str, k: int, medida: str) -> None:
    una_de(esquema, list(ESQUEMAS), no_hay="un esquema de clasificación", usa="Usa uno de estos: ")
    una_de(int(k), CLASES, no_hay="un mapa con ese número de clases", usa="Usa uno de estos: ")
    una_de(medida, list(MEDIDAS), no_hay="una medida", usa="Usa una de estas: ")


def clasificar(valores, esquema: str, k: int) -> Clasificacion:
    """Clasifica con mapclassify (se importa aquí: pesa ~120 MB)."""
    import warnings

    import mapclassify

    _revisar(esquema, k, "conteo")
    valores = np.asarray(valores, dtype=float)
    with warnings.catch_warnings():  # «Numba not installed»: la versión sin numba basta para 50 valores
        warnings.simplefilter("ignore")
        c = getattr(mapclassify, ESQUEMAS[esquema][1])(valores, k=int(k))
    return Clasificacion(esquema, int(k), float(valores.min()), tuple(round(float(b), 6) for b in c.bins),
                         tuple(int(y) for y in c.yb))


def calcular_clasificaciones() -> dict:
    """Todas las combinaciones año × medida × esquema × clases (60), con mapclassify."""
    todas = {}
    for anio in ANIOS:
        t = distritos(anio)
        for medida in MEDIDAS:
            for esquema in ESQUEMAS:
                for k in CLASES:
                    c = clasificar([getattr(d, medida) for d in t], esquema, k)
                    todas[f"{anio}|{medida}|{esquema}|{k}"] = {
                        "minimo": c.minimo, "cortes": list(c.cortes), "clases": list(c.clases)}
    return {"ubigeos": {str(a): [d.ubigeo for d in distritos(a)] for a in ANIOS}, "clasificaciones": todas}


def escribir_clasificaciones(ruta: Path = ARCHIVO_CLASIFICACIONES) -> Path:
    """Regenera `clasificaciones.json` (después de cambiar las denuncias por distrito)."""
    texto = json.dumps(calcular_clasificaciones(), ensure_ascii=False, indent=0, sort_keys=True)
    ruta.write_text(texto + "\n", encoding="utf-8")
    return ruta


@functools.lru_cache(maxsize=1)
def _guardadas() -> dict:
    return json.loads(ARCHIVO_CLASIFICACIONES.read_text(encoding="utf-8"))


def clasificacion(anio: int, medida: str, esquema: str, k: int) -> Clasificacion:
    """La clasificación guardada (sin importar mapclassify)."""
    _revisar(esquema, k, medida)
    guardadas = _guardadas()
    if guardadas["ubigeos"].get(str(anio)) != [d.ubigeo for d in distritos(anio)]:
        raise ErrorLideres(
            "Las clasificaciones guardadas no corresponden a los distritos de la tabla.",
            como_arreglar="Regenéralas con `python -c 'from lideres.modulos.m06_leer_mapas import "
                          "calculos; calculos.escribir_clasificaciones()'`.")
    c = guardadas["clasificaciones"][f"{anio}|{medida}|{esquema}|{k}"]
    return Clasificacion(esquema, int(k), c["minimo"], tuple(c["cortes"]), tuple(c["clases"]))


# ------------------------------------------------------------------ colores

# Secuenciales de ColorBrewer (Cynthia Brewer, colorbrewer2.org, marcadas «colorblind safe») y
# viridis (hecha para daltonismo y gris), de 9 tonos, del más claro al más oscuro. El arcoíris está
# como mal ejemplo: su amarillo es más claro que su verde y en gris el orden se pierde.
PALETAS: dict[str, dict] = {
    "azules": {"nombre": "Azules", "apta": True, "tonos": (
        "#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b")},
    "naranjas": {"nombre": "Naranjas", "apta": True, "tonos": (
        "#fff5eb", "#fee6ce", "#fdd0a2", "#fdae6b", "#fd8d3c", "#f16913", "#d94801", "#a63603", "#7f2704")},
    "viridis": {"nombre": "Viridis (amarillo a morado)", "apta": True, "tonos": (
        "#fde725", "#addc30", "#5ec962", "#28ae80", "#21918c", "#2c728e", "#3b528b", "#472d7b", "#440154")},
    "arcoiris": {"nombre": "Arcoíris (mal ejemplo)", "apta": False, "tonos": (
        "#0000ff", "#00a0ff", "#00c000", "#ffff00", "#ff9900", "#ff0000", "#b000b0")},
}


def colores(paleta: str, k: int) -> list[str]:
    """`k` tonos de la paleta, de la clase más baja a la más alta."""
    una_de(paleta, list(PALETAS), no_hay="una paleta de colores", usa="Usa una de estas: ")
    tonos = PALETAS[paleta]["tonos"]
    if paleta == "arcoiris":
        return list(tonos[: int(k)])
    inicio = 0 if paleta == "viridis" else 1  # el primer tono de ColorBrewer casi no se ve en papel
    return [tonos[int(round(i))] for i in np.linspace(inicio, len(tonos) - 1, int(k))]


def _lineal(hex_: str) -> np.ndarray:
    rgb = np.array([int(hex_[i:i + 2], 16) for i in (1, 3, 5)]) / 255
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def claridad(hex_: str, matriz: np.ndarray | None = None) -> float:
    """Claridad L* (CIE, 0 = negro, 100 = blanco): cómo se ve el color impreso en gris. Con
    `matriz`, el color como lo ve una persona con daltonismo (Machado y otros, 2009)."""
    lineal = _lineal(hex_)
    if matriz is not None:
        lineal = np.clip(matriz @ lineal, 0, 1)
    y = float(lineal @ np.array([0.2126, 0.7152, 0.0722]))
    return 116 * y ** (1 / 3) - 16 if y > 216 / 24389 else y * 24389 / 27


# Simulación de daltonismo total de Machado, Oliveira y Fernandes (2009), severidad 1.0.
DEUTERANOPIA = np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                         [-0.011820, 0.042940, 0.968881]])
PROTANOPIA = np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                       [-0.003882, -0.048116, 1.051998]])
SALTO_MINIMO = 5.0   # diferencia de claridad L* entre dos clases vecinas para distinguirlas en gris


def legible_en_gris(tonos: list[str], matriz: np.ndarray | None = None) -> bool:
    """Cada clase más oscura que la anterior por al menos SALTO_MINIMO de claridad."""
    lum = [claridad(t, matriz) for t in tonos]
    return all(a - b >= SALTO_MINIMO for a, b in zip(lum, lum[1:], strict=False))


# ------------------------------------------------------------------ el estado del mapa


def estado_mapa(anio: int = 2025, medida: str = "tasa", esquema: str = "cuantiles", k: int = 5,
                paleta: str = "azules") -> dict:
    """Lo que el tablero y la página liviana muestran para una elección: color de cada distrito,
    leyenda con unidades, los «más peligrosos» según esa elección (la clase más alta) y la lista
    ordenada por tasa con su intervalo y la marca «no se distingue del promedio»."""
    t = distritos(anio)
    c = clasificacion(anio, medida, esquema, k)
    tonos = colores(paleta, k)
    unidad = f"{MEDIDAS[medida]}, {anio}"
    decimales = 0
    filas = [DistritoEnMapa(*d, clase, tonos[clase]) for d, clase in zip(t, c.clases, strict=True)]
    # De mayor a menor; `sorted` es estable: los empates (no los hay en 2024 ni 2025) quedan por UBIGEO.
    arriba = sorted((f for f in filas if f.clase == k - 1), key=lambda f: getattr(f, medida), reverse=True)
    orden = sorted(filas, key=lambda f: f.tasa, reverse=True)
    n = len(arriba)
    return {
        "titulo": f"{n} {'distrito queda' if n == 1 else 'distritos quedan'} en el color más "
                  f"oscuro con {ESQUEMAS[esquema][0].split(' (')[0].lower()} y {k} clases",
        "unidad": unidad,
        "nivel": NIVEL_TERRITORIAL,
        "periodo": str(anio),
        "fuente": FUENTE,
        "leyenda": list(zip(tonos, c.rangos(decimales), c.conteo_por_clase(), strict=True)),
        "mas_altos": [f.distrito for f in arriba],
        "distritos": filas,            # DistritoEnMapa en el orden del UBIGEO
        "orden_por_tasa": orden,       # los mismos, de la tasa más alta a la más baja
        "tasa_ciudad": tasa_ciudad(t),
        "no_se_distinguen": [f.distrito for f in orden if f.no_se_distingue],
        "paleta_apta": PALETAS[paleta]["apta"] and legible_en_gris(tonos),
    }


def mas_altos_por_eleccion(anio: int = 2025, k: int = 5) -> pd.DataFrame:
    """Para cada medida y esquema, cuántos y cuáles distritos quedan en la clase más alta: la
    misma tabla, seis mapas, seis listas de «los más peligrosos»."""
    import pandas as pd

    filas = []
    for medida in MEDIDAS:
        for esquema in ESQUEMAS:
            e = estado_mapa(anio, medida, esquema, k)
            filas.append({"medida": medida, "esquema": esquema, "cuantos": len(e["mas_altos"]),
                          "distritos": ", ".join(e["mas_altos"])})
    return pd.DataFrame(filas)
