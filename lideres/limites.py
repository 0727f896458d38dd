"""Límites distritales para los mapas: reales (por defecto), esquemáticos (respaldo) u oficiales propios.

Los mapas dibujan por defecto los límites reales que trae el curso (data/limites_distritales.geojson):
Lima y Callao del IGN (vía joseluisq/peru-geojson-datasets) y Trujillo del INEI 2023 (vía
lincolneulogio/peru-geojson), llevados desde shared/reference con este mismo importador y simplificados
(`lideres datos limites --referencia`). Si faltan, o para enseñar qué cambia con el dibujo, se usan los
esquemáticos (`cargar_limites(tipo="esquematico")`).

Los límites esquemáticos se generan solo con dos cifras del INEI por distrito: el centroide
aproximado y la superficie. Cada distrito "crece" desde su centroide sobre una grilla de celdas
de 200 m (cada celda va al distrito que llega antes, a una velocidad propia que se ajusta hasta que
la superficie se parece a la oficial), dentro de una región que envuelve a los centroides.
Así cada distrito es una sola pieza, contiene su centroide y queda junto a sus vecinos reales;
pero sus bordes NO son los oficiales. Cada mapa debe decirlo (`nota_limites()`).

Una organización que tenga otros límites oficiales (GeoJSON) los usa con
`lideres datos limites ARCHIVO.geojson`; volver a los del curso: `lideres datos limites --quitar`.
"""

from __future__ import annotations

import difflib
import heapq
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, box, mapping, shape
from shapely.ops import unary_union

from lideres import rutas
from lideres.errores import ErrorLideres
from lideres.formato import numero
from lideres.leer_limites import (  # noqa: F401  (se usan desde aquí en todo el paquete)
    ARCHIVO_ESQUEMATICO,
    ARCHIVO_OFICIAL,
    ARCHIVO_REAL,
    NOTA_ESQUEMATICA,
    REGIONES,
    TIPOS,
    _leer,
    avisos_limites,
    cargar_limites,
    nota_limites,
)
from lideres.nombres import clave_distrito, claves_de_distritos
from lideres.tablas import cargar

CARPETA_LICENCIAS = "licencias"
CELDA_KM = 0.2          # lado de la celda de la grilla (0.04 km²; el distrito más chico tiene ~50)
CIERRE_KM = 4.0         # rellena los huecos entre distritos vecinos para que la región sea una pieza
VUELTAS_REGION = 5      # ajustes de la forma de la región
VUELTAS_VELOCIDAD = 10  # ajustes de velocidad por cada forma; se guarda la mejor vuelta
TOLERANCIA = 0.04       # se detiene cuando ningún distrito se aparta más de 4 % de su superficie
SIMPLIFICAR_KM = 0.12   # quita la escalera de la grilla sin mover los bordes compartidos
DECIMALES = 5           # ~1 m: suficiente para un mapa esquemático, archivo pequeño
# Límites reales: simplificados juntos (~65 m) y con 4 decimales (~11 m). Así los 61 distritos pesan
# menos de 150 KB y en un mapa de ciudad no se nota la diferencia.
SIMPLIFICAR_M = 65.0
DECIMALES_REALES = 4
VERTICES_MINIMOS = 8    # con menos, el dibujo del distrito es muy grueso y se avisa
# Por qué un dibujo mide muy distinto de la superficie oficial, cuando se sabe.
CAUSAS_CONOCIDAS = {"070105": "el dibujo es solo la parte de tierra"}  # La Punta
KM_POR_GRADO_LAT = 110.57
KM_POR_GRADO_LON_ECUADOR = 111.32
_VECINOS = ((0, 1), (1, 0), (0, -1), (-1, 0))


# --------------------------------------------------------------------------------------------
# Límites esquemáticos
# --------------------------------------------------------------------------------------------

def _distritos() -> pd.DataFrame:
    return cargar("distritos").sort_values("ubigeo").reset_index(drop=True)


def _proyeccion(lat0: float):
    """Equirectangular local en km: basta para áreas de una ciudad (error < 1 %)."""
    kx = KM_POR_GRADO_LON_ECUADOR * math.cos(math.radians(lat0))
    return kx, KM_POR_GRADO_LAT


def _region(c: np.ndarray, r: np.ndarray, escala: float) -> Polygon:
    """Unión de círculos (radio = escala × radio equivalente), cerrada y sin huecos."""
    union = unary_union([Point(*c[i]).buffer(escala * r[i], quad_segs=16) for i in range(len(c))])
    union = union.buffer(CIERRE_KM, quad_segs=8).buffer(-CIERRE_KM, quad_segs=8)
    partes = union.geoms if hasattr(union, "geoms") else [union]
    return unary_union([Polygon(p.exterior) for p in partes])


def _region_con_area(c: np.ndarray, r: np.ndarray, area_total: float) -> Polygon:
    """Crece todos los círculos por igual hasta que la región mide la suma de superficies."""
    bajo, alto = 0.3, 3.0
    for _ in range(25):
        medio = (bajo + alto) / 2
        if _region(c, r, medio).area < area_total:
            bajo = medio
        else:
            alto = medio
    return _region(c, r, alto)


def _inundar(dentro, semillas, velocidad, c, xs, ys) -> np.ndarray:
    """Cada distrito crece desde su semilla; una celda es del primero que la alcanza.

    El tiempo de llegada es distancia / velocidad, pero solo se avanza por celdas vecinas ya
    ganadas: por eso cada distrito queda en una sola pieza y nunca salta por encima de otro.
    """
    ny, nx = dentro.shape
    duenio = np.full((ny, nx), -1, np.int32)
    cola = [(0.0, i, iy, ix) for i, (iy, ix) in enumerate(semillas)]
    heapq.heapify(cola)
    while cola:
        _, i, iy, ix = heapq.heappop(cola)
        if duenio[iy, ix] >= 0:
            continue
        duenio[iy, ix] = i
        cx, cy, v = c[i, 0], c[i, 1], velocidad[i]
        for dy, dx in _VECINOS:
            jy, jx = iy + dy, ix + dx
            if 0 <= jy < ny and 0 <= jx < nx and dentro[jy, jx] and duenio[jy, jx] < 0:
                px, py = xs[jx] - cx, ys[jy] - cy
                heapq.heappush(cola, (math.sqrt(px * px + py * py) / v, i, jy, jx))
    return duenio


def _poligono_de_celdas(mascara: np.ndarray, x0: float, y0: float) -> Polygon:
    """Une las celdas de un distrito: primero tramos por fila (rápido), luego la unión."""
    cajas = []
    for iy in np.nonzero(mascara.any(axis=1))[0]:
        fila = np.concatenate(([0], mascara[iy].astype(np.int8), [0]))
        cambios = np.flatnonzero(np.diff(fila))
        for a, b in zip(cambios[::2], cambios[1::2], strict=True):
            cajas.append(box(x0 + a * CELDA_KM, y0 + iy * CELDA_KM, x0 + b * CELDA_KM,
                             y0 + (iy + 1) * CELDA_KM))
    return unary_union(cajas)


def _mayor_parte(geom):
    if isinstance(geom, MultiPolygon):
        return max(geom.geoms, key=lambda g: g.area)
    if geom.geom_type == "GeometryCollection":
        polis = [g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
        return _mayor_parte(unary_union(polis))
    return geom


def _esquema_region(tabla: pd.DataFrame) -> list[Polygon]:
    """Polígonos (lon/lat) de los distritos de una región, en el orden de `tabla`."""
    lat0, lon0 = float(tabla["lat"].mean()), float(tabla["lon"].mean())
    kx, ky = _proyeccion(lat0)
    c = np.c_[(tabla["lon"] - lon0) * kx, (tabla["lat"] - lat0) * ky]
    area = tabla["area_km2"].to_numpy(float)
    radio = np.sqrt(area / np.pi)
    n = len(tabla)

    # Dos ajustes anidados. Adentro: la velocidad de cada distrito (más a quien le falta
    # superficie). Afuera: la forma de la región (círculo de cada distrito más grande o más chico),
    # porque una región fija puede quedar corta en una punta (p. ej. los balnearios del sur).
    escala = np.ones(n)
    velocidad = radio.copy()
    mejor = None
    for _ in range(VUELTAS_REGION):
        region = _region_con_area(c, radio * escala, area.sum())
        x0, y0, x1, y1 = region.bounds
        nx, ny = int((x1 - x0) / CELDA_KM) + 2, int((y1 - y0) / CELDA_KM) + 2
        xs = x0 + (np.arange(nx) + 0.5) * CELDA_KM
        ys = y0 + (np.arange(ny) + 0.5) * CELDA_KM
        gx, gy = np.meshgrid(xs, ys)
        dentro = shapely.contains_xy(region, gx, gy)
        semillas = [(int((c[i, 1] - y0) / CELDA_KM), int((c[i, 0] - x0) / CELDA_KM)) for i in range(n)]
        for iy, ix in semillas:
            dentro[iy, ix] = True
        meta = area / area.sum() * dentro.sum()  # celdas que le tocan a cada distrito
        for vuelta in range(VUELTAS_VELOCIDAD):
            duenio = _inundar(dentro, semillas, velocidad, c, xs, ys)
            celdas = np.bincount(duenio[duenio >= 0], minlength=n)
            error = float(np.abs(celdas / meta - 1).max())
            if mejor is None or error < mejor[0]:
                mejor = (error, duenio, x0, y0)
            if error < TOLERANCIA:
                break
            velocidad = velocidad * (meta / np.maximum(celdas, 1)) ** (0.3 * 0.9**vuelta)
        if mejor[0] < TOLERANCIA:
            break
        escala = escala * np.sqrt(meta / np.maximum(celdas, 1))
    _, duenio, x0, y0 = mejor

    piezas = [_poligono_de_celdas(duenio == i, x0, y0) for i in range(n)]
    piezas = list(shapely.coverage_simplify(np.array(piezas, dtype=object), SIMPLIFICAR_KM))
    resultado = []
    for i, pieza in enumerate(piezas):
        pieza = _mayor_parte(shapely.make_valid(pieza))
        if not pieza.contains(Point(*c[i])):  # la simplificación no debe dejar fuera al centroide
            pieza = _mayor_parte(_poligono_de_celdas(duenio == i, x0, y0))
        lonlat = shapely.transform(pieza, lambda p: np.c_[p[:, 0] / kx + lon0, p[:, 1] / ky + lat0])
        lonlat = shapely.set_precision(lonlat, 10.0**-DECIMALES)
        resultado.append(_mayor_parte(shapely.make_valid(lonlat)))
    return resultado


def area_km2(geom) -> float:
    """Superficie en km² de una geometría en lon/lat (equirectangular local)."""
    if geom.is_empty:
        return 0.0
    lat0 = geom.centroid.y
    kx, ky = _proyeccion(lat0)
    return shapely.transform(geom, lambda p: np.c_[p[:, 0] * kx, p[:, 1] * ky]).area


def _redondear(obj, decimales: int = DECIMALES):
    if isinstance(obj, float):
        return round(obj, decimales)
    if isinstance(obj, list | tuple):
        return [_redondear(x, decimales) for x in obj]
    return obj


def _geometria_json(geom, decimales: int = DECIMALES) -> dict:
    g = mapping(shapely.orient_polygons(geom))
    return {"type": g["type"], "coordinates": _redondear(g["coordinates"], decimales)}


def construir_esquematicos() -> dict:
    """GeoJSON con los 61 distritos esquemáticos (determinista: no usa azar)."""
    tabla = _distritos()
    features = {}
    for ambitos in REGIONES.values():
        sub = tabla[tabla["ambito"].isin(ambitos)].reset_index(drop=True)
        for fila, geom in zip(sub.itertuples(), _esquema_region(sub), strict=True):
            features[fila.ubigeo] = {
                "type": "Feature",
                "properties": {
                    "ubigeo": fila.ubigeo,
                    "distrito": fila.distrito,
                    "provincia": fila.provincia,
                    "ambito": fila.ambito,
                    "area_km2_oficial": float(fila.area_km2),
                    "area_km2_esquema": round(area_km2(geom), 2),
                    "tipo_limite": "esquemático",
                    "nota": NOTA_ESQUEMATICA,
                },
                "geometry": _geometria_json(geom),
            }
    return {
        "type": "FeatureCollection",
        "nota": NOTA_ESQUEMATICA + " Generado por lideres/limites.py (`lideres datos generar`).",
        "features": [features[u] for u in sorted(features)],
    }


def _escribir_geojson(coleccion: dict, ruta: Path) -> Path:
    ruta.parent.mkdir(parents=True, exist_ok=True)
    texto = json.dumps(coleccion, ensure_ascii=False, separators=(",", ":"))
    ruta.write_text(texto + "\n", encoding="utf-8")
    return ruta


def generar_esquematicos(ruta: Path | None = None) -> Path:
    """Escribe data/limites_esquematicos.geojson."""
    return _escribir_geojson(construir_esquematicos(), ruta or rutas.DATOS / ARCHIVO_ESQUEMATICO)


# --------------------------------------------------------------------------------------------
# Importar límites oficiales
# --------------------------------------------------------------------------------------------

_CAMPOS_UBIGEO = ("ubigeo", "iddist", "ubigeo_inei", "cod_ubigeo", "coddist", "ubigeo_dist", "inei")
_CAMPOS_NOMBRE = ("distrito", "nombdist", "nombre_distrito", "nom_dist", "nombre", "name", "district")


def _ubigeo_de(valor) -> str | None:
    if valor is None or isinstance(valor, bool):
        return None
    if isinstance(valor, float):
        if not valor.is_integer():
            return None
        valor = int(valor)
    texto = str(valor).strip()
    if re.fullmatch(r"\d{5,6}", texto):
        return texto.zfill(6)
    return None


@dataclass
class Resultado:
    """Lo que pasó al importar: para mostrarlo a la persona y para las pruebas."""
    archivo: str
    campo_usado: str
    modo: str                                            # "ubigeo" o "nombre"
    emparejados: dict[str, str] = field(default_factory=dict)       # ubigeo -> nombre en el archivo
    por_parecido: dict[str, str] = field(default_factory=dict)      # ubigeo -> nombre (revisar)
    sin_poligono: list[str] = field(default_factory=list)           # ubigeos nuestros sin polígono
    geometria_vacia: list[str] = field(default_factory=list)        # ubigeos con geometry null
    no_reconocidos: list[str] = field(default_factory=list)         # features del archivo sin par
    lejanos: list[str] = field(default_factory=list)                # polígonos a >30 km del centroide
    ambitos: list[str] = field(default_factory=list)
    avisos: dict[str, str] = field(default_factory=dict)            # ubigeo -> aviso del dibujo
    salida: Path | None = None

    def resumen(self) -> str:
        tabla = _distritos().set_index("ubigeo")
        nombre = lambda u: tabla.loc[u, "distrito"] if u in tabla.index else u  # noqa: E731
        lineas = [
            f"Archivo: {self.archivo}",
            f"Emparejado por {'UBIGEO' if self.modo == 'ubigeo' else 'nombre'} (campo «{self.campo_usado}»).",
            f"Distritos con polígono oficial: {len(self.emparejados)} "
            f"(ámbitos: {', '.join(self.ambitos) or 'ninguno'}).",
        ]
        lineas.append("Emparejados: " + ", ".join(sorted(nombre(u) for u in self.emparejados)) + ".")
        if self.lejanos:
            lineas.append("OJO, estos polígonos quedan a más de 30 km de donde está el distrito "
                          "(¿latitud y longitud al revés, u otro distrito con el mismo nombre?): "
                          + ", ".join(nombre(u) for u in self.lejanos))
        if self.por_parecido:
            lineas.append("Emparejados por parecido del nombre (revísalos): " + "; ".join(
                f"«{v}» → {nombre(u)}" for u, v in sorted(self.por_parecido.items())))
        if self.geometria_vacia:
            lineas.append("Sin dibujo en el archivo (geometría vacía o que no es un polígono), siguen esquemáticos: "
                          + ", ".join(nombre(u) for u in self.geometria_vacia))
        if self.sin_poligono:
            lineas.append("De estos ámbitos no vino ningún polígono, siguen esquemáticos: "
                          + ", ".join(nombre(u) for u in self.sin_poligono))
        if self.no_reconocidos:
            muestra = self.no_reconocidos[:15]
            extra = f" y {len(self.no_reconocidos) - 15} más" if len(self.no_reconocidos) > 15 else ""
            lineas.append(f"Features del archivo que no son de nuestros 61 distritos ({len(self.no_reconocidos)}): "
                          + ", ".join(muestra) + extra)
        for u, aviso in sorted(self.avisos.items()):
            lineas.append(f"Aviso, {nombre(u)}: {aviso}")
        if self.salida:
            lineas.append(f"Guardado en {self.salida}. El archivo original no se modificó.")
        return "\n".join(lineas)


def _leer_geojson(ruta: Path) -> dict:
    if not ruta.exists():
        raise ErrorLideres(f"No encuentro el archivo {ruta}.",
                           como_arreglar="Revisa la ruta y el nombre del archivo.")
    try:
        datos = json.loads(ruta.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        try:
            datos = json.loads(ruta.read_bytes().decode("latin-1"))
        except ValueError as e:
            raise _no_es_json(ruta, e) from e
    except ValueError as e:
        raise _no_es_json(ruta, e) from e
    if not isinstance(datos, dict) or datos.get("type") != "FeatureCollection" \
            or not isinstance(datos.get("features"), list):
        raise ErrorLideres(
            f"{ruta.name} es JSON, pero no es un GeoJSON de polígonos (falta \"type\": "
            "\"FeatureCollection\" con una lista \"features\").",
            como_arreglar="Exporta la capa de distritos como GeoJSON (en QGIS: Exportar → "
            "Guardar objetos como → GeoJSON, sistema EPSG:4326).",
        )
    return datos


def _no_es_json(ruta: Path, e: Exception) -> ErrorLideres:
    return ErrorLideres(
        f"{ruta.name} no es un archivo GeoJSON válido: no se puede leer como JSON ({e}).",
        como_arreglar="Abre el archivo en un editor de texto: debe empezar con «{». "
        "Si es un shapefile (.shp), conviértelo a GeoJSON con QGIS o mapshaper.org.",
    )


def _detectar_campo(features, candidatos, puntuar) -> tuple[str | None, int]:
    claves = []
    for f in features:
        for k in (f.get("properties") or {}):
            if k not in claves:
                claves.append(k)
    prioridad = {c: i for i, c in enumerate(candidatos)}
    mejor, mejor_n = None, 0
    for k in sorted(claves, key=lambda k: prioridad.get(k.lower(), len(candidatos))):
        # se cuentan distritos distintos: «departamento» = LIMA no debe ganarle a «distrito»
        n = len({u for f in features if (u := puntuar((f.get("properties") or {}).get(k)))})
        if n > mejor_n:
            mejor, mejor_n = k, n
    return mejor, mejor_n


def _geometria(f) -> Polygon | MultiPolygon | None:
    g = f.get("geometry")
    if not g:
        return None
    if g.get("type") not in ("Polygon", "MultiPolygon"):
        return None
    try:
        geom = shapely.make_valid(shape(g))
    except (ValueError, TypeError, AttributeError, shapely.errors.GEOSException):
        return None
    polis = [p for p in getattr(geom, "geoms", [geom]) if p.geom_type in ("Polygon", "MultiPolygon")]
    geom = unary_union(polis) if polis else None
    return None if geom is None or geom.is_empty else geom


def _emparejar(ruta: Path, campo_ubigeo=None, campo_nombre=None) -> tuple[Resultado, dict]:
    """Lee un GeoJSON y empareja sus polígonos con nuestros distritos: (resultado, UBIGEO -> geometría).

    Empareja por UBIGEO si el archivo lo trae (lo detecta solo); si no, por nombre sin importar
    mayúsculas, tildes, espacios ni signos. El archivo de entrada nunca se modifica.
    """
    datos = _leer_geojson(ruta)
    features = datos["features"]
    tabla = _distritos()
    nuestros = set(tabla["ubigeo"])
    nombres = claves_de_distritos()

    props = lambda f: f.get("properties") or {}  # noqa: E731
    if campo_ubigeo is None and campo_nombre is None:
        campo_ubigeo, n = _detectar_campo(features, _CAMPOS_UBIGEO, lambda v: _ubigeo_de(v) if _ubigeo_de(v) in nuestros else None)
        if n == 0:
            campo_ubigeo = None
            campo_nombre, n = _detectar_campo(
                features, _CAMPOS_NOMBRE,
                lambda v: nombres.get(clave_distrito(v)) if isinstance(v, str) else None)
            if n == 0:
                raise ErrorLideres(
                    f"En {ruta.name} no encontré ningún distrito de Lima, Callao o Trujillo: "
                    "ninguna propiedad tiene un UBIGEO ni un nombre de distrito conocido.",
                    como_arreglar="Indica el campo con --campo-ubigeo o --campo-nombre, "
                    "o revisa que el archivo sea de estos distritos.",
                )
    for campo in (campo_ubigeo, campo_nombre):
        if campo and not any(campo in props(f) for f in features):
            raise ErrorLideres(f"El campo «{campo}» no existe en {ruta.name}.",
                               como_arreglar="Revisa el nombre exacto del campo (mayúsculas incluidas).")

    res = Resultado(archivo=ruta.name, campo_usado=campo_ubigeo or campo_nombre,
                    modo="ubigeo" if campo_ubigeo else "nombre")
    geoms: dict[str, list] = {}
    pendientes = []
    for k, f in enumerate(features):
        p = props(f)
        etiqueta = str(p.get(campo_nombre or "") or p.get(campo_ubigeo) or f"feature {k + 1}")
        if campo_ubigeo:
            u = _ubigeo_de(p.get(campo_ubigeo))
            u = u if u in nuestros else None
            etiqueta = str(p.get(campo_ubigeo))
            for c in _CAMPOS_NOMBRE:  # para el reporte, el nombre si lo hay
                if isinstance(p.get(c) or p.get(c.upper()), str):
                    etiqueta = f"{p.get(c) or p.get(c.upper())} ({p.get(campo_ubigeo)})"
                    break
        else:
            u = nombres.get(clave_distrito(p.get(campo_nombre)))
        if u is None:
            pendientes.append((etiqueta, f, p))
            continue
        geom = _geometria(f)
        if geom is None:
            res.geometria_vacia.append(u)
            continue
        geoms.setdefault(u, []).append(geom)
        res.emparejados[u] = etiqueta

    # Sin UBIGEO: último intento por parecido (p. ej. texto dañado «MI PERÃz» = Mi Perú).
    libres = {n: u for n, u in nombres.items() if u not in geoms and u not in res.geometria_vacia}
    for etiqueta, f, p in pendientes:
        if res.modo == "nombre" and isinstance(p.get(campo_nombre), str):
            # sin los restos de texto dañado: «MI PERÃz» -> «MIPERZ», que se parece a «MIPERU»
            clave = clave_distrito(re.sub(r"[ÃÂ\u0080-\u00bf]", "", p.get(campo_nombre)))
            cerca = difflib.get_close_matches(clave, list(libres), n=2, cutoff=0.8)
            if len(cerca) == 1 or (len(cerca) == 2 and libres[cerca[0]] == libres[cerca[1]]):
                u = libres[cerca[0]]
                geom = _geometria(f)
                if geom is None:
                    res.geometria_vacia.append(u)
                else:
                    geoms.setdefault(u, []).append(geom)
                    res.emparejados[u] = etiqueta
                    res.por_parecido[u] = etiqueta
                libres = {n: x for n, x in libres.items() if x != u}
                continue
        res.no_reconocidos.append(etiqueta)

    if not geoms:
        raise ErrorLideres(
            f"{ruta.name} no trae ningún polígono utilizable de nuestros distritos"
            + (f" ({len(res.geometria_vacia)} con geometría vacía)." if res.geometria_vacia else "."),
            como_arreglar="Revisa que el archivo tenga polígonos (Polygon o MultiPolygon) en lon/lat.",
        )

    _revisar_coordenadas(ruta, geoms)
    info = tabla.set_index("ubigeo")
    for u, partes in geoms.items():  # ¿el polígono está donde debería? (p. ej. lat y lon cambiadas)
        centro = unary_union(partes).representative_point()
        kx, ky = _proyeccion(info.loc[u, "lat"])
        if math.hypot((centro.x - info.loc[u, "lon"]) * kx, (centro.y - info.loc[u, "lat"]) * ky) > 30:
            res.lejanos.append(u)
    res.ambitos = sorted(set(info.loc[list(geoms), "ambito"]))
    en_ambitos = tabla[tabla["ambito"].isin(res.ambitos)]["ubigeo"]
    res.geometria_vacia = sorted(set(res.geometria_vacia) - set(geoms))
    res.sin_poligono = sorted(set(en_ambitos) - set(geoms) - set(res.geometria_vacia))
    return res, {u: unary_union(partes) for u, partes in geoms.items()}


def _poligonal(geom):
    geom = shapely.make_valid(geom)
    polis = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type in ("Polygon", "MultiPolygon")]
    return unary_union(polis) if polis else Polygon()


def sin_superposiciones(geoms: dict) -> tuple[dict, dict]:
    """Quita las partes donde dos vecinos se enciman (pasa en capas simplificadas distrito por
    distrito, como la liviana de Trujillo). Cada parte encimada queda para el distrito al que le
    falta más superficie respecto de la oficial. Devuelve (geometrías, (u, v) -> km² repartidos)."""
    oficial = _distritos().set_index("ubigeo")["area_km2"]
    geoms = dict(geoms)
    repartidos = {}
    ubigeos = sorted(geoms)
    arbol = shapely.STRtree([geoms[u] for u in ubigeos])
    for i, u in enumerate(ubigeos):
        for j in sorted(int(k) for k in arbol.query(geoms[u])):
            v = ubigeos[j]
            if j <= i or not geoms[u].intersects(geoms[v]):
                continue
            comun = _poligonal(geoms[u].intersection(geoms[v]))
            if comun.is_empty or area_km2(comun) < 1e-4:
                continue
            # pierde la parte el que, con ella, tiene más superficie (relativa) que la oficial
            razon = {w: area_km2(geoms[w]) / float(oficial.get(w, 1) or 1) for w in (u, v)}
            pierde = u if razon[u] >= razon[v] else v
            geoms[pierde] = _poligonal(geoms[pierde].difference(comun))
            repartidos[(u, v)] = round(area_km2(comun), 3)
    return geoms, repartidos


def simplificar(geoms: dict, metros: float = SIMPLIFICAR_M, decimales: int = DECIMALES_REALES) -> dict:
    """Simplifica los polígonos JUNTOS (los bordes compartidos siguen compartidos, sin huecos ni
    montes entre vecinos) y redondea las coordenadas: así el mapa pesa poco en un teléfono."""
    geoms, _ = sin_superposiciones(geoms)
    ubigeos = sorted(geoms)
    piezas = np.array([shapely.make_valid(geoms[u]) for u in ubigeos], dtype=object)
    if metros > 0:
        piezas = shapely.coverage_simplify(piezas, metros / (KM_POR_GRADO_LAT * 1000))
    resultado = {}
    for u, pieza in zip(ubigeos, piezas, strict=True):
        pieza = shapely.make_valid(shapely.set_precision(pieza, 10.0**-decimales))
        polis = [g for g in getattr(pieza, "geoms", [pieza]) if g.geom_type in ("Polygon", "MultiPolygon")]
        limpio = unary_union(polis) if polis else pieza
        # un distrito chico nunca desaparece: si el redondeo lo vacía, va sin simplificar
        resultado[u] = limpio if not limpio.is_empty else geoms[u]
    return resultado


def _vertices(geom) -> int:
    """Vértices distintos del dibujo (sin contar el punto que cierra cada anillo)."""
    return int(shapely.get_num_coordinates(geom)) - int(shapely.get_num_geometries(geom)) \
        - sum(len(p.interiors) for p in getattr(geom, "geoms", [geom]))


def avisos_de_dibujo(u: str, geom, area_oficial: float) -> list[str]:
    """Lo que hay que saber de un dibujo: superficie muy distinta de la oficial, o forma muy gruesa."""
    avisos = []
    area = area_km2(geom)
    if area_oficial and not 0.5 <= area / area_oficial <= 2:
        avisos.append(
            f"El dibujo mide {numero(area, 2)} km² y la superficie oficial es {numero(area_oficial, 2)} km²"
            + (f" ({CAUSAS_CONOCIDAS[u]})" if u in CAUSAS_CONOCIDAS else "")
            + ": las cifras del curso usan la superficie y la población oficiales, no el dibujo."
        )
    n = _vertices(geom)
    if n < VERTICES_MINIMOS:
        avisos.append(f"Dibujo muy simple ({n} vértices): la forma del distrito es aproximada.")
    return avisos


def rasgos_oficiales(geoms: dict, fuente: str) -> dict[str, dict]:
    """UBIGEO -> feature GeoJSON con nuestras propiedades (nombre, ámbito, superficies, fuente)."""
    info = _distritos().set_index("ubigeo")
    rasgos = {}
    for u in sorted(geoms):
        geom, fila = geoms[u], info.loc[u]
        propiedades = {
            "ubigeo": u, "distrito": fila["distrito"], "provincia": fila["provincia"],
            "ambito": fila["ambito"], "area_km2_oficial": float(fila["area_km2"]),
            "area_km2_poligono": round(area_km2(geom), 2), "tipo_limite": "oficial",
            "fuente": fuente,
        }
        avisos = avisos_de_dibujo(u, geom, float(fila["area_km2"]))
        if avisos:
            propiedades["aviso"] = " ".join(avisos)
        rasgos[u] = {"type": "Feature", "properties": propiedades,
                     "geometry": _geometria_json(geom, decimales=DECIMALES_REALES)}
    return rasgos


def _coleccion(por_ubigeo: dict, como: str) -> dict:
    return {
        "type": "FeatureCollection",
        "nota": f"{como}. Límites: " + "; ".join(sorted({f["properties"]["fuente"] for f in por_ubigeo.values()})),
        "features": [por_ubigeo[u] for u in sorted(por_ubigeo)],
    }


def importar_limites(ruta, campo_ubigeo=None, campo_nombre=None, fuente=None,
                     simplificar_m: float = SIMPLIFICAR_M) -> Resultado:
    """Lee un GeoJSON oficial, empareja nuestros distritos y guarda data/limites_oficiales.geojson.

    Los polígonos se simplifican (`simplificar_m` metros; 0 = sin simplificar). Varios archivos
    importados uno tras otro se combinan. El archivo de entrada nunca se modifica.
    """
    ruta = Path(ruta)
    res, geoms = _emparejar(ruta, campo_ubigeo, campo_nombre)
    fuente = fuente or f"archivo {ruta.name}"
    rasgos = rasgos_oficiales(simplificar(geoms, simplificar_m), fuente)
    res.avisos = {u: r["properties"]["aviso"] for u, r in rasgos.items() if "aviso" in r["properties"]}
    existente = _leer(rutas.DATOS / ARCHIVO_OFICIAL) or {"features": []}
    por_ubigeo = {f["properties"]["ubigeo"]: f for f in existente["features"]}
    por_ubigeo.update(rasgos)
    coleccion = _coleccion(por_ubigeo, "Límites oficiales importados con `lideres datos limites`")
    res.salida = _escribir_geojson(coleccion, rutas.DATOS / ARCHIVO_OFICIAL)
    return res


# --------------------------------------------------------------------------------------------
# Los límites que trae el curso: de ../shared/reference/boundaries, por el mismo importador
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CapaReferencia:
    """Un archivo de límites de terceros que el curso trae (simplificado) y cómo citarlo."""
    archivo: str          # en shared/reference/boundaries/
    fuente: str           # lo que dice la línea de fuente de cada mapa
    licencias: tuple      # (archivo en shared/reference/licenses/ o None, nombre en data/licencias/)
    atribucion: str       # la atribución completa (data/README.md y data/licencias/)


CAPAS_REFERENCIA = (
    CapaReferencia(
        archivo="lima_callao_distritos_ubigeo.geojson",
        fuente="IGN vía joseluisq/peru-geojson-datasets (MIT o Apache-2.0)",
        licencias=(("joseluisq_peru-geojson-datasets_LICENSE-MIT.txt", "limites_lima_callao_MIT.txt"),
                   ("joseluisq_peru-geojson-datasets_LICENSE-APACHE.txt", "limites_lima_callao_Apache-2.0.txt")),
        atribucion="Límites distritales de Lima y Callao: Instituto Geográfico Nacional (IGN), vía "
        "github.com/joseluisq/peru-geojson-datasets (archivo lima_callao_distritos.geojson, commit "
        "2c2a8ae7dc317767a389a37b6b5ef4d3fc51ec16), con doble licencia MIT o Apache-2.0 (a elección). "
        f"Cambios: UBIGEO agregado, polígonos simplificados (~{SIMPLIFICAR_M:.0f} m) y coordenadas "
        f"redondeadas a {DECIMALES_REALES} decimales.",
    ),
    CapaReferencia(
        archivo="trujillo_distritos_inei2023_light.geojson",
        fuente="INEI 2023 vía lincolneulogio/peru-geojson, CC BY 4.0",
        licencias=((None, "limites_trujillo_CC-BY-4.0.txt"),),
        atribucion="Instituto Nacional de Estadística e Informática (INEI). Límites distritales: IDE-INEI, "
        "actualización 2023; vía github.com/lincolneulogio/peru-geojson (data/variants/light/"
        "distritos.geojson, commit 9737c032793bd30cad1013b43ca8aaeaa3875218). Licencia CC BY 4.0 "
        "(https://creativecommons.org/licenses/by/4.0/legalcode.es). Cambios: solo los 11 distritos de la "
        f"provincia de Trujillo, coordenadas redondeadas a {DECIMALES_REALES} decimales.",
    ),
)

TEXTO_CC_BY = """Creative Commons Atribución 4.0 Internacional (CC BY 4.0)
Texto legal: https://creativecommons.org/licenses/by/4.0/legalcode.es
Resumen: se puede copiar, redistribuir y adaptar el material para cualquier fin, siempre que se dé
el crédito adecuado, se indique la licencia y se indique si se hicieron cambios.
"""


def construir_reales(referencia: Path | None = None) -> tuple[dict, dict[str, str], list[Resultado]]:
    """Los límites que trae el curso, hechos otra vez desde shared/reference con el importador.

    Devuelve (GeoJSON, nombre en data/licencias/ -> texto, resultados del emparejamiento).
    """
    carpeta = Path(referencia or rutas.REFERENCIA)
    por_ubigeo, licencias, resultados = {}, {}, []
    for capa in CAPAS_REFERENCIA:
        res, geoms = _emparejar(carpeta / "boundaries" / capa.archivo)
        rasgos = rasgos_oficiales(simplificar(geoms), capa.fuente)
        res.avisos = {u: r["properties"]["aviso"] for u, r in rasgos.items() if "aviso" in r["properties"]}
        por_ubigeo.update(rasgos)
        resultados.append(res)
        for origen, nombre in capa.licencias:
            encabezado = (f"Licencia de los límites {capa.fuente} (data/{ARCHIVO_REAL}).\n"
                          f"Atribución: {capa.atribucion}\n\n")
            if origen is None:
                cuerpo = TEXTO_CC_BY
            else:
                cuerpo = (carpeta / "licenses" / origen).read_text(encoding="utf-8")
            licencias[nombre] = encabezado + cuerpo
    coleccion = _coleccion(por_ubigeo, "Límites de los distritos que trae el curso, simplificados "
                                       "con `lideres datos limites --referencia`")
    return coleccion, licencias, resultados


def importar_referencia(referencia: Path | None = None, destino: Path | None = None) -> list[Resultado]:
    """Escribe data/limites_distritales.geojson y data/licencias/ desde shared/reference."""
    carpeta = Path(referencia or rutas.REFERENCIA)
    if not (carpeta / "boundaries").is_dir():
        raise ErrorLideres(
            f"No encuentro la carpeta de límites de referencia {carpeta / 'boundaries'}.",
            como_arreglar="Indica dónde está con --referencia CARPETA (la carpeta shared/reference).",
        )
    destino = Path(destino or rutas.DATOS)
    coleccion, licencias, resultados = construir_reales(carpeta)
    resultados[-1].salida = _escribir_geojson(coleccion, destino / ARCHIVO_REAL)
    (destino / CARPETA_LICENCIAS).mkdir(parents=True, exist_ok=True)
    for nombre, texto in licencias.items():
        (destino / CARPETA_LICENCIAS / nombre).write_text(texto, encoding="utf-8")
    return resultados


def _revisar_coordenadas(ruta: Path, geoms: dict) -> None:
    x0, y0, x1, y1 = unary_union([g for partes in geoms.values() for g in partes]).bounds
    if x0 < -180 or x1 > 180 or y0 < -90 or y1 > 90:
        raise ErrorLideres(
            f"Las coordenadas de {ruta.name} no son longitud y latitud en grados "
            f"(van de {numero(x0)} a {numero(x1)}): el archivo está en otra proyección (quizá UTM).",
            como_arreglar="Vuelve a exportarlo en EPSG:4326 (WGS84, grados). En QGIS: "
            "Exportar → Guardar objetos como → SRC: EPSG:4326.",
        )


def quitar_oficiales() -> bool:
    """Borra data/limites_oficiales.geojson (los mapas vuelven a los esquemáticos)."""
    ruta = rutas.DATOS / ARCHIVO_OFICIAL
    if ruta.exists():
        ruta.unlink()
        return True
    return False


def cli_importar(args) -> int:
    """`lideres datos limites ARCHIVO.geojson [--campo-ubigeo C] [--campo-nombre C] [--fuente T]`,
    `lideres datos limites --referencia [CARPETA]` (rehacer los que trae el curso) o `--quitar`."""
    if getattr(args, "referencia", None) is not None:
        carpeta = None if args.referencia is True else Path(args.referencia)
        for res in importar_referencia(carpeta):
            print(res.resumen())
            print()
        print(f"Licencias y atribución en data/{CARPETA_LICENCIAS}/ y data/README.md.")
        print("Los mapas dirán: " + nota_limites())
        return 0
    if getattr(args, "quitar", False):
        if quitar_oficiales():
            print("Listo: se borraron los límites oficiales importados. "
                  "Los mapas vuelven a usar los límites que trae el curso.")
        else:
            print("No había límites oficiales importados: los mapas ya usan los que trae el curso.")
        return 0
    if not getattr(args, "archivo", None):
        raise ErrorLideres("Falta el archivo GeoJSON con los límites oficiales.",
                           como_arreglar="Ejemplo: lideres datos limites distritos.geojson "
                           "--fuente \"IGN, 2024\"")
    res = importar_limites(args.archivo, campo_ubigeo=getattr(args, "campo_ubigeo", None),
                           campo_nombre=getattr(args, "campo_nombre", None),
                           fuente=getattr(args, "fuente", None))
    print(res.resumen())
    print("Los mapas dirán: " + nota_limites())
    return 0
