"""Leer los límites distritales para dibujarlos, sin pandas ni shapely.

Un tablero frío dibuja su distrito antes de importar pandas (medio segundo en el kernel de un
celular que recién abre): por eso la lectura vive aparte de la construcción y la importación
(`lideres/limites.py`, que la usa y la reexporta).
"""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path

from lideres import rutas
from lideres.errores import ErrorLideres

ARCHIVO_ESQUEMATICO = "limites_esquematicos.geojson"
ARCHIVO_OFICIAL = "limites_oficiales.geojson"   # los que importa una organización (no van a git)
ARCHIVO_REAL = "limites_distritales.geojson"     # los que trae el curso (IGN e INEI 2023, simplificados)
TIPOS = ("real", "esquematico")
NOTA_ESQUEMATICA = (
    "Límites esquemáticos: aproximados a partir de centroides y superficies del INEI; "
    "no son límites oficiales."
)

# Dos regiones que se generan por separado: Lima con Callao (una sola mancha urbana) y Trujillo.
REGIONES = {"Lima y Callao": ("Lima Metropolitana", "Callao"), "Trujillo": ("Trujillo",)}


def _leer(ruta: Path) -> dict | None:
    """El GeoJSON de `ruta` (None si no existe). Devuelve una copia, para que nadie cambie la guardada."""
    guardada = _guardada(ruta)
    return None if guardada is None else copy.deepcopy(guardada)


def _guardada(ruta: Path) -> dict | None:
    """El GeoJSON de `ruta` tal como quedó guardado (no cambiarlo). Se lee una vez por versión del
    archivo: los mapas lo piden en cada dibujo."""
    try:
        estado = ruta.stat()
    except FileNotFoundError:
        return None
    return _leer_version(str(ruta), estado.st_mtime_ns, estado.st_size)


@functools.lru_cache(maxsize=4)
def _leer_version(ruta: str, _mtime_ns: int, _tamano: int) -> dict:
    ruta = Path(ruta)
    try:
        return json.loads(ruta.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ErrorLideres(
            f"No pude leer {ruta.name}: el archivo está dañado ({e}).",
            como_arreglar="Regenera los límites con `lideres datos generar --solo limites` "
            "o vuelve a importar los oficiales.",
        ) from e


def _normalizar_ambitos(ambitos) -> set[str] | None:
    if ambitos is None:
        return None
    if isinstance(ambitos, str):
        ambitos = [ambitos]
    validos = {a for grupo in REGIONES.values() for a in grupo}
    pedidos = set(ambitos)
    malos = pedidos - validos
    if malos:
        raise ErrorLideres(
            f"No conozco el ámbito {', '.join(sorted(malos))}.",
            como_arreglar=f"Usa uno de estos: {', '.join(sorted(validos))}.",
        )
    return pedidos


def _revisar_tipo(tipo: str) -> str:
    if tipo not in TIPOS:
        raise ErrorLideres(f"No conozco el tipo de límites «{tipo}».",
                           como_arreglar="Usa «real» (los de IGN e INEI) o «esquematico».")
    return tipo


def _capas(tipo: str = "real") -> list[dict]:
    """Las capas que se superponen, de abajo arriba: esquemáticos (siempre, de respaldo), los que
    trae el curso y los que importó la organización. Con tipo «esquematico», solo la primera.
    Son las guardadas, sin copiar: solo para leer (`cargar_limites` copia lo que entrega)."""
    esquema = _guardada(rutas.DATOS / ARCHIVO_ESQUEMATICO)
    if esquema is None:
        raise ErrorLideres(
            "Faltan los límites esquemáticos (data/limites_esquematicos.geojson).",
            como_arreglar="Genera el archivo con `lideres datos generar --solo limites`.",
        )
    if _revisar_tipo(tipo) == "esquematico":
        return [esquema]
    return [esquema] + [c for c in (_guardada(rutas.DATOS / ARCHIVO_REAL), _guardada(rutas.DATOS / ARCHIVO_OFICIAL))
                        if c]


def _rasgos(ambitos, tipo: str) -> list[dict]:
    pedidos = _normalizar_ambitos(ambitos)
    por_ubigeo = {}
    for capa in _capas(tipo):
        por_ubigeo.update({f["properties"]["ubigeo"]: f for f in capa["features"]})
    return [por_ubigeo[u] for u in sorted(por_ubigeo)
            if pedidos is None or por_ubigeo[u]["properties"]["ambito"] in pedidos]


def cargar_limites(ambitos=None, tipo: str = "real") -> dict:
    """GeoJSON (lon/lat) con un polígono por distrito, filtrado por ámbito.

    `ambitos`: None (los 61), un nombre ("Trujillo") o una lista ("Lima Metropolitana", "Callao").
    `tipo`: «real» (por defecto: los límites del IGN y del INEI que trae el curso, o los que importó
    la organización) o «esquematico» (las formas aproximadas, para enseñar qué cambia con el dibujo).
    Un distrito sin límite real sigue esquemático (cada feature dice su `tipo_limite`).
    """
    # Una copia de los distritos pedidos (no de las tres capas enteras): quien la recibe puede cambiarla.
    rasgos = copy.deepcopy(_rasgos(ambitos, tipo))
    return {"type": "FeatureCollection", "nota": _nota(rasgos, ambitos), "features": rasgos}


def distritos_guardados(ambitos=None, tipo: str = "real") -> list[dict]:
    """Los distritos de `ambitos` tal como quedaron guardados, sin copiarlos: solo para leer (un
    mapa arma con ellos sus propios rasgos; quien quiera cambiarlos usa `cargar_limites`)."""
    return _rasgos(ambitos, tipo)


def nota_limites(ambitos=None, tipo: str = "real") -> str:
    """La frase que va en TODO mapa: de dónde salen los límites que se dibujan (con su licencia)."""
    return _nota(_rasgos(ambitos, tipo), ambitos)


def _nota(rasgos: list[dict], ambitos) -> str:
    reales = [f for f in rasgos if f["properties"]["tipo_limite"] != "esquemático"]
    if not reales:
        return NOTA_ESQUEMATICA
    fuentes = sorted({f["properties"].get("fuente") or "sin fuente indicada" for f in reales})
    texto = "Límites: " + "; ".join(fuentes)
    if len(reales) < len(rasgos):
        texto += f" ({len(reales)} de {len(rasgos)} distritos; el resto, esquemáticos y no oficiales)"
    return texto + "."


def avisos_limites(ambitos=None, tipo: str = "real") -> dict[str, str]:
    """UBIGEO -> aviso sobre el dibujo de ese distrito (p. ej. La Punta: solo la parte de tierra)."""
    return {f["properties"]["ubigeo"]: f["properties"]["aviso"]
            for f in _rasgos(ambitos, tipo) if f["properties"].get("aviso")}


def nombres_de_distritos() -> list[str]:
    """Los nombres de los distritos que tienen límite (los 61 del curso), en el orden del archivo."""
    return [f["properties"]["distrito"] for f in _capas()[0]["features"]]


def rasgo_de_distrito(distrito: str, tipo: str = "real") -> dict | None:
    """El polígono de un distrito (por su nombre), de la capa de más arriba que lo tenga: el mismo
    que da `cargar_limites`, sin copiar las tres capas enteras (None si no hay tal distrito)."""
    capas = _capas(tipo)
    ubigeo = next((f["properties"]["ubigeo"] for f in capas[0]["features"]
                   if f["properties"].get("distrito") == distrito), None)
    for capa in reversed(capas):
        for f in capa["features"]:
            if f["properties"]["ubigeo"] == ubigeo:
                return copy.deepcopy(f)
    return None
