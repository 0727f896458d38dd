"""Proteger un registro de incidencias antes de compartirlo, y medir si todavía delata a alguien.

Pieza común: la enseña el módulo 08 (su juego de reidentificación) y la aplica el módulo 09 antes
de exportar un registro para compartir.

    from lideres import anonimizar
    movidos = anonimizar.geoenmascarar(casos, radio_m=150, semilla=8)
    anonimizar.reidentificacion(movidos, hogares, radio_m=150)   # cuántas casas podría ser cada punto

Por qué: la Ley 29733 (Ley de Protección de Datos Personales, art. 2) protege la información que
identifica a una persona o la hace identificable; el reglamento vigente (D.S. 016-2024-JUS,
publicado el 30/11/2024, art. III num. 4) incluye en esa definición la información sobre
localización. Una dirección o un punto exacto en la casa de una víctima es un dato personal.
El texto del decreto no está entre las fuentes del curso (../shared/facts no lo tiene): lo que se
dice de él sale de un resumen, nombrado en NORMAS["fuente_reglamento"]; la lección lo dice así.

Las distancias se miden en metros sobre un plano local (equirectangular): a la escala de un
barrio el error es de centímetros. Todo lo que usa azar recibe una semilla: el mismo resultado
cada vez.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

NORMAS = {
    "ley": "Ley 29733, Ley de Protección de Datos Personales (2011), art. 2: datos personales son la "
           "información sobre una persona natural que la identifica o la hace identificable.",
    "reglamento": "Reglamento de la Ley 29733, D.S. 016-2024-JUS (publicado el 30/11/2024), art. III, "
                  "num. 4: la definición de datos personales incluye la información sobre localización.",
    # No tenemos el texto del decreto publicado en El Peruano: citamos lo que dice este resumen.
    "fuente_reglamento": "Lo del reglamento no sale del decreto mismo: el curso no guarda su texto. Sale "
                         "del resumen de la IAPP (Asociación Internacional de Profesionales de la "
                         "Privacidad), «Se publica el nuevo reglamento de protección de datos personales "
                         "en Perú», en iapp.org/news. Antes de citarlo en un documento, léelo en El Peruano.",
}
UMBRAL = 5  # conteos menores que esto no se publican (regla común en estadística oficial)
K_POLICE_UK = 8  # police.uk: cada punto anónimo reúne al menos 8 direcciones
METROS_POR_GRADO = 111_320.0


# --------------------------------------------------------------------------- metros y grados

def _a_metros(lat, lon, origen: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
    lat0, lon0 = origen
    x = (np.asarray(lon, dtype=float) - lon0) * METROS_POR_GRADO * math.cos(math.radians(lat0))
    y = (np.asarray(lat, dtype=float) - lat0) * METROS_POR_GRADO
    return x, y


def _a_grados(x, y, origen: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
    lat0, lon0 = origen
    lat = lat0 + np.asarray(y, dtype=float) / METROS_POR_GRADO
    lon = lon0 + np.asarray(x, dtype=float) / (METROS_POR_GRADO * math.cos(math.radians(lat0)))
    return lat, lon


def _origen(*tablas: pd.DataFrame) -> tuple[float, float]:
    lat = np.concatenate([t["lat"].to_numpy(dtype=float) for t in tablas])
    lon = np.concatenate([t["lon"].to_numpy(dtype=float) for t in tablas])
    return float(np.mean(lat)), float(np.mean(lon))


def distancias_m(a: pd.DataFrame, b: pd.DataFrame) -> np.ndarray:
    """Matriz de distancias en metros (filas de `a` × filas de `b`), ambas con lat y lon."""
    origen = _origen(a, b)
    ax, ay = _a_metros(a["lat"], a["lon"], origen)
    bx, by = _a_metros(b["lat"], b["lon"], origen)
    return np.hypot(ax[:, None] - bx[None, :], ay[:, None] - by[None, :])


# --------------------------------------------------------------------------- supresión y grilla

def suprimir_pequenos(tabla: pd.DataFrame, columna: str = "conteo", umbral: int = UMBRAL,
                      grupo: str | None = None) -> pd.DataFrame:
    """Oculta los conteos entre 1 y umbral-1 (un 0 no delata a nadie y se deja).

    Con `grupo` (p. ej. "distrito") hace también la supresión complementaria: si en un grupo se
    ocultó una sola celda, se oculta además la menor de las otras, para que no se pueda despejar
    restando del total. Agrega `suprimido` (bool) y `publicado` (texto: el número o «menos de 5»)."""
    resultado = tabla.copy()
    valores = resultado[columna]
    resultado["suprimido"] = (valores > 0) & (valores < umbral)
    if grupo is not None:
        for _, indices in resultado.groupby(grupo).groups.items():
            parte = resultado.loc[indices]
            if parte["suprimido"].sum() == 1:
                libres = parte[~parte["suprimido"] & (parte[columna] > 0)]
                if len(libres):
                    resultado.loc[libres[columna].idxmin(), "suprimido"] = True
    resultado["publicado"] = [f"menos de {umbral}" if s and v < umbral else ("oculto" if s else str(int(v)))
                              for v, s in zip(resultado[columna], resultado["suprimido"], strict=True)]
    resultado[columna] = resultado[columna].where(~resultado["suprimido"]).astype("Int64")
    return resultado


def agregar_a_grilla(puntos: pd.DataFrame, lado_m: float = 250, origen: tuple[float, float] | None = None
                     ) -> pd.DataFrame:
    """Cuenta los puntos por celda de una grilla de `lado_m` metros. Devuelve una fila por celda
    con puntos: celda ("c3_-2"), lat y lon del centro de la celda, conteo."""
    origen = origen or _origen(puntos)
    x, y = _a_metros(puntos["lat"], puntos["lon"], origen)
    i, j = np.floor(x / lado_m).astype(int), np.floor(y / lado_m).astype(int)
    celdas = pd.DataFrame({"i": i, "j": j}).value_counts().rename("conteo").reset_index()
    lat, lon = _a_grados((celdas["i"] + 0.5) * lado_m, (celdas["j"] + 0.5) * lado_m, origen)
    celdas["lat"], celdas["lon"] = lat, lon
    celdas["celda"] = "c" + celdas["i"].astype(str) + "_" + celdas["j"].astype(str)
    return celdas[["celda", "lat", "lon", "conteo"]].sort_values("celda").reset_index(drop=True)


def celda_de(puntos: pd.DataFrame, lado_m: float, origen: tuple[float, float]) -> pd.Series:
    """La celda ("c3_-2") de cada punto, con la misma grilla que agregar_a_grilla."""
    x, y = _a_metros(puntos["lat"], puntos["lon"], origen)
    i, j = np.floor(x / lado_m).astype(int), np.floor(y / lado_m).astype(int)
    return pd.Series([f"c{a}_{b}" for a, b in zip(i, j, strict=True)], index=puntos.index)


# --------------------------------------------------------------------------- puntos anónimos (police.uk)

def puntos_anonimos(hogares: pd.DataFrame, k: int = K_POLICE_UK, lado_m: float = 60) -> pd.DataFrame:
    """Puntos públicos donde se dibujan las incidencias, cada uno con al menos `k` direcciones en
    su zona (las casas para las que es el punto más cercano), como hace police.uk.

    Se parte de una grilla de candidatos cada `lado_m` metros (en la calle, no en una casa); se
    quita el candidato con menos direcciones, se reparten sus casas al más cercano, y se repite
    hasta que todos tienen al menos k. Columnas: punto (P01…), lat, lon, direcciones."""
    if len(hogares) < k:
        raise ValueError(f"hacen falta al menos {k} direcciones para un punto anónimo")
    origen = _origen(hogares)
    hx, hy = _a_metros(hogares["lat"], hogares["lon"], origen)
    xs = np.arange(hx.min(), hx.max() + lado_m, lado_m)
    ys = np.arange(hy.min(), hy.max() + lado_m, lado_m)
    cx, cy = (a.ravel() for a in np.meshgrid(xs, ys))
    vivos = np.ones(len(cx), dtype=bool)
    while True:
        indices = np.flatnonzero(vivos)
        d = np.hypot(hx[:, None] - cx[indices][None, :], hy[:, None] - cy[indices][None, :])
        cercano = indices[np.argmin(d, axis=1)]
        cuantas = np.bincount(cercano, minlength=len(cx))
        vacios = vivos & (cuantas == 0)
        if vacios.any():
            vivos &= ~vacios
            continue
        pocos = np.flatnonzero(vivos & (cuantas < k))
        if not len(pocos):
            break
        vivos[pocos[np.argmin(cuantas[pocos])]] = False  # el más pobre se va; sus casas se reparten
    indices = np.flatnonzero(vivos)
    lat, lon = _a_grados(cx[indices], cy[indices], origen)
    return pd.DataFrame({"punto": [f"P{n:02d}" for n in range(1, len(indices) + 1)], "lat": lat, "lon": lon,
                         "direcciones": cuantas[indices]})


def ajustar_a_puntos(casos: pd.DataFrame, puntos: pd.DataFrame) -> pd.DataFrame:
    """Cada caso va al punto anónimo más cercano: lat y lon pasan a ser las del punto (y `punto`)."""
    cercano = np.argmin(distancias_m(casos, puntos), axis=1)
    resultado = casos.copy()
    resultado["punto"] = puntos["punto"].to_numpy()[cercano]
    resultado["lat"] = puntos["lat"].to_numpy()[cercano]
    resultado["lon"] = puntos["lon"].to_numpy()[cercano]
    return resultado


# --------------------------------------------------------------------------- geoenmascarado

def geoenmascarar(casos: pd.DataFrame, radio_m: float, semilla: int, radio_min_m: float = 0.0
                  ) -> pd.DataFrame:
    """Mueve cada punto a un lugar al azar a no más de `radio_m` metros (parejo en el círculo).

    Con `radio_min_m` > 0 («dona») cada punto se mueve al menos esa distancia: ninguno queda
    justo en su casa por casualidad. Misma semilla, mismo resultado."""
    if radio_min_m > radio_m:
        raise ValueError("el radio mínimo no puede ser mayor que el radio")
    rng = np.random.default_rng(semilla)
    n = len(casos)
    angulo = rng.uniform(0, 2 * math.pi, n)
    # parejo en el área: r² uniforme entre radio_min² y radio²
    r = np.sqrt(rng.uniform(radio_min_m ** 2, radio_m ** 2, n))
    origen = _origen(casos)
    x, y = _a_metros(casos["lat"], casos["lon"], origen)
    lat, lon = _a_grados(x + r * np.cos(angulo), y + r * np.sin(angulo), origen)
    resultado = casos.copy()
    resultado["lat"], resultado["lon"] = lat, lon
    return resultado


# --------------------------------------------------------------------------- k-anonimato

def k_anonimato(tabla: pd.DataFrame, columnas: list[str]) -> int:
    """El tamaño del grupo más chico de filas que comparten esos valores (p. ej. tipo, mes, celda):
    k = 1 quiere decir que alguna fila es única y puede señalar a una persona."""
    if tabla.empty:
        return 0
    return int(tabla.groupby(columnas, dropna=False).size().min())


def filas_unicas(tabla: pd.DataFrame, columnas: list[str], k: int = 2) -> pd.DataFrame:
    """Las filas cuyo grupo (por esas columnas) tiene menos de k filas."""
    tamano = tabla.groupby(columnas, dropna=False)[columnas[0]].transform("size")
    return tabla[tamano < k]


# --------------------------------------------------------------------------- el juego de reidentificación

def reidentificacion(publicados: pd.DataFrame, hogares: pd.DataFrame, radio_m: float = 0.0,
                     zonas: pd.Series | None = None) -> pd.DataFrame:
    """Por cada punto publicado, cuántas casas podría ser (`candidatos`) y si quien mira el mapa
    acierta la casa al elegir la más cercana (`acierta`, si se conoce `hogar`).

    - Geoenmascarado con radio R: la casa está a no más de R del punto: candidatos = casas a ≤ R.
    - Puntos anónimos o grilla: pasar `zonas` (la zona de cada casa: su punto o su celda, con el
      índice de `hogares`) y los publicados con la columna `zona`: candidatos = casas de esa zona.
    - Sin protección (radio 0): la casa más cercana; candidatos = 1.
    `identifica` = candidatos ≤ 1: ese registro señala una casa."""
    resultado = publicados.copy()
    d = distancias_m(publicados, hogares)
    if zonas is not None:
        por_zona = zonas.value_counts()
        resultado["candidatos"] = resultado["zona"].map(por_zona).fillna(0).astype(int).to_numpy()
    elif radio_m > 0:
        resultado["candidatos"] = (d <= radio_m + 0.5).sum(axis=1)
    else:
        resultado["candidatos"] = 1
    if "hogar" in publicados.columns:
        mas_cercana = hogares["hogar"].to_numpy()[np.argmin(d, axis=1)]
        resultado["acierta"] = mas_cercana == publicados["hogar"].to_numpy()
    resultado["identifica"] = resultado["candidatos"] <= 1
    return resultado


def resumen_reidentificacion(tabla: pd.DataFrame) -> dict[str, int | float]:
    """Lo que muestra el tablero: registros, cuántos aún señalan una casa, aciertos al adivinar
    la más cercana y la mediana de casas posibles por punto."""
    resumen: dict[str, int | float] = {
        "registros": len(tabla),
        "identifican": int(tabla["identifica"].sum()),
        "mediana_candidatos": float(tabla["candidatos"].median()) if len(tabla) else 0.0,
    }
    if "acierta" in tabla.columns:
        resumen["aciertos"] = int(tabla["acierta"].sum())
    return resumen


def proteger(casos: pd.DataFrame, radio_m: float, semilla: int, umbral: int = UMBRAL,
             lado_m: float = 250) -> pd.DataFrame:
    """Lo que el módulo 09 hace antes de exportar un registro anonimizado: sin lugar ni fuente
    (pueden nombrar a alguien), puntos geoenmascarados en `radio_m` (con dona de radio/4) y
    redondeados a 4 decimales (~11 m), y la fecha solo como mes.

    Las filas cuyo tipo × mes × celda de `lado_m` m se repite menos de `umbral` veces se quitan
    (se avisan en la columna `quitadas` del atributo attrs)."""
    tabla = casos.drop(columns=[c for c in ("lugar", "fuente", "hogar", "fila_original") if c in casos.columns])
    if "fecha" in tabla.columns:
        tabla["mes"] = pd.to_datetime(tabla["fecha"]).dt.strftime("%Y-%m")
        tabla = tabla.drop(columns=[c for c in ("fecha", "hora") if c in tabla.columns])
    claves = [c for c in ("tipo", "mes") if c in tabla.columns]
    if {"lat", "lon"} <= set(tabla.columns) and tabla["lat"].notna().any():
        con_punto = tabla[tabla["lat"].notna()]
        movidos = geoenmascarar(con_punto, radio_m, semilla, radio_min_m=radio_m / 4)
        tabla.loc[movidos.index, ["lat", "lon"]] = movidos[["lat", "lon"]].round(4).to_numpy()
        tabla["celda"] = None
        tabla.loc[movidos.index, "celda"] = celda_de(movidos, lado_m, _origen(movidos))
        claves.append("celda")
    elif "distrito" in tabla.columns:
        claves.append("distrito")
    if claves:
        tamano = tabla.groupby(claves, dropna=False)[claves[0]].transform("size")
        quitadas = int((tamano < umbral).sum())
        tabla = tabla[tamano >= umbral].drop(columns=["celda"], errors="ignore")
    else:
        quitadas = 0
    tabla = tabla.reset_index(drop=True)
    tabla.attrs["quitadas"] = quitadas
    return tabla
