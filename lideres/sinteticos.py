"""Incidentes SINTÉTICOS para practicar puntos calientes, horas y días (módulos 01, 07, 08).

Nada de esto es un caso real. Son registros inventados con una semilla fija, calibrados para que
los totales por distrito y la mezcla de delitos se parezcan a lo publicado:

- Filas "Denuncia PNP": por distrito y año (2024, 2025), exactamente
  redondeo(denuncias publicadas × FRACCION) (redondeo: la mitad sube). Lima y Callao: denuncias
  SIDPOL por distrito. Trujillo: el total provincial publicado de 2024 (42 625) repartido entre sus
  11 distritos según su población 2020 (SUPUESTO: no hay cifras por distrito); 2025 = 42 625 ×
  (La Libertad 2025 / La Libertad 2024) según SIDPOL (DERIVADO).
- Tipo de delito: % de robo, hurto y extorsión del distrito (2025); el resto, con la mezcla del
  departamento (SIDPOL). Para 2024 los % del distrito se ajustan con el cambio departamental.
- Fecha, hora, día de la semana y lugar: patrones PLAUSIBLES inventados (SUPUESTOS, no hechos):
  ver PESO_DIA y HORAS_POR_TIPO. Los puntos caen dentro del polígono esquemático del distrito,
  la mayoría alrededor de unos pocos "puntos calientes" fijos por distrito.
- Filas "Serenazgo" y "Junta vecinal": solo en El Porvenir, La Esperanza y Florencia de Mora en
  2025, para comparar fuentes; sus cantidades son SUPUESTOS (no hay cifras publicadas) y NO
  entran en la calibración.
"""

from __future__ import annotations

import json
import math
from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from lideres import formato, rutas
from lideres.errores import ErrorLideres
from lideres.leer_limites import ARCHIVO_ESQUEMATICO

if TYPE_CHECKING:
    import shapely
from lideres.tablas import MODALIDADES, cargar, escribir_csv

SEMILLA = 20250611
FRACCION = Fraction(1, 20)      # 1 fila sintética por cada 20 denuncias publicadas
ANIOS = (2024, 2025)
ARCHIVO = "incidentes_sinteticos.csv"
DECIMALES = 5

TIPOS = tuple(MODALIDADES.values())   # "Robo", "Hurto"... en el orden de las columnas SIDPOL
_DEPARTAMENTO = {"Lima Metropolitana": "Lima", "Callao": "Callao", "Trujillo": "La Libertad"}

# SUPUESTO: lunes..domingo; algo más de registros el fin de semana (violencia familiar, robos
# nocturnos). Inventado para practicar, no medido.
PESO_DIA = {
    "general": (1.0, 0.97, 0.97, 1.0, 1.08, 1.12, 0.95),
    "Violencia contra la mujer e integrantes del grupo familiar": (0.95, 0.9, 0.9, 0.92, 1.0, 1.25, 1.35),
}

# SUPUESTO: peso relativo por hora (0..23) según el tipo. Inventado, plausible, no medido.
_NOCHE = range(18, 24)


def _perfil(picos: dict[int, float], base: float = 1.0) -> np.ndarray:
    p = np.full(24, base)
    for h, peso in picos.items():
        p[h] += peso
    return p / p.sum()


HORAS_POR_TIPO = {
    "Robo": _perfil({5: 1, 6: 2, 7: 2, 8: 1, 18: 2, 19: 3, 20: 3, 21: 3, 22: 2, 23: 1}, base=0.8),
    "Hurto": _perfil({h: 2.5 for h in range(9, 20)} | {12: 3.5, 13: 3.5, 18: 3.5}, base=0.5),
    "Estafa": _perfil({h: 3 for h in range(9, 19)}, base=0.3),
    "Extorsión": _perfil({h: 3 for h in range(8, 19)}, base=0.4),
    "Secuestro": _perfil({h: 2 for h in _NOCHE} | {0: 1, 1: 1}, base=0.5),
    "Violencia contra la mujer e integrantes del grupo familiar":
        _perfil({h: 2 for h in range(19, 24)} | {0: 2, 1: 1.5, 2: 1}, base=0.7),
    "Otros": _perfil({h: 1.5 for h in range(8, 22)}, base=0.6),
}

# Otras fuentes (solo distritos foco de Trujillo, 2025). SUPUESTOS inventados: el serenazgo
# registra más robos y hurtos en la calle y casi nada de estafa o violencia en casa.
FOCO_OTRAS_FUENTES = ("130102", "130105", "130103")   # El Porvenir, La Esperanza, Florencia de Mora
OTRAS_FUENTES = {
    "Serenazgo": (Fraction(3, 5), {"Robo": 4, "Hurto": 4, "Otros": 2, "Extorsión": 0.5,
                                   "Violencia contra la mujer e integrantes del grupo familiar": 0.5}),
    "Junta vecinal": (Fraction(3, 20), {"Robo": 3, "Hurto": 3, "Otros": 3, "Extorsión": 1}),
}
PROPORCION_EN_PUNTO_CALIENTE = 0.6   # SUPUESTO: 60 % de los registros cerca de un punto caliente


def redondear(valor: Fraction | float) -> int:
    """Redondeo escolar: la mitad sube (2.5 -> 3), sin errores de coma flotante."""
    return math.floor(Fraction(valor) + Fraction(1, 2))


def conteo_muestra(total: int) -> int:
    """Filas 'Denuncia PNP' para un total publicado: redondeo(total × FRACCION)."""
    return redondear(Fraction(int(total)) * FRACCION)


# --------------------------------------------------------------------------------------------
# Cifras publicadas (desde data/)
# --------------------------------------------------------------------------------------------

def _departamento() -> pd.DataFrame:
    return cargar("denuncias_departamento").set_index(["departamento", "anio"])


def _mezcla_departamento(depto: pd.DataFrame, departamento: str, anio: int) -> dict[str, Fraction]:
    fila = depto.loc[(departamento, anio)]
    total = int(fila["denuncias_total"])
    return {tipo: Fraction(int(fila[f"denuncias_{columna}"]), total)
            for columna, tipo in MODALIDADES.items()}


def _total_trujillo(depto: pd.DataFrame) -> dict[int, int]:
    """Denuncias de la provincia de Trujillo: 2024 publicado; 2025 derivado (ver docstring)."""
    otros = cargar("otros_indicadores")
    fila = otros[(otros["ambito"] == "Trujillo (provincia)")
                 & (otros["indicador"] == "denuncias_por_delitos") & (otros["anio_inicio"] == 2024)]
    if fila.empty:
        raise ErrorLideres("No encuentro el total de denuncias 2024 de la provincia de Trujillo "
                           "en data/otros_indicadores.csv.",
                           como_arreglar="Ejecuta `lideres datos importar-hechos`.")
    t2024 = int(fila["valor"].iloc[0])
    razon = Fraction(int(depto.loc[("La Libertad", 2025), "denuncias_total"]),
                     int(depto.loc[("La Libertad", 2024), "denuncias_total"]))
    return {2024: t2024, 2025: redondear(t2024 * razon)}


def _repartir(total: int, pesos: np.ndarray) -> np.ndarray:
    """Reparte un entero según pesos: mayores restos (la suma da exactamente `total`)."""
    pesos = np.asarray(pesos, dtype=float)
    cuota = total * pesos / pesos.sum()
    base = np.floor(cuota).astype(int)
    faltan = total - base.sum()
    orden = np.lexsort((np.arange(len(cuota)), -(cuota - base)))
    base[orden[:faltan]] += 1
    return base


def totales_publicados(depto: pd.DataFrame | None = None,
                       lc: pd.DataFrame | None = None) -> pd.DataFrame:
    """Una fila por distrito y año: denuncias que se usan para calibrar y cómo se obtuvieron.

    `depto` y `lc` (denuncias por departamento y por distrito) se leen de data/ si no se dan.
    """
    depto = _departamento() if depto is None else depto
    lc = cargar("denuncias_distrito") if lc is None else lc
    distritos = cargar("distritos").sort_values("ubigeo")
    filas = []
    for r in lc.itertuples():
        for anio in ANIOS:
            filas.append({"ubigeo": r.ubigeo, "anio": anio, "denuncias": int(getattr(r, f"denuncias_{anio}")),
                          "origen": "SIDPOL por distrito (publicado)"})
    tru = distritos[distritos["ambito"] == "Trujillo"]
    for anio, total in _total_trujillo(depto).items():
        reparto = _repartir(total, tru["poblacion_2020"].to_numpy())
        origen = ("total provincial publicado, repartido por población 2020 (SUPUESTO)" if anio == 2024 else
                  "total provincial 2024 × variación SIDPOL La Libertad 2025/2024, repartido por "
                  "población 2020 (DERIVADO y SUPUESTO)")
        for u, n in zip(tru["ubigeo"], reparto, strict=True):
            filas.append({"ubigeo": u, "anio": anio, "denuncias": int(n), "origen": origen})
    t = pd.DataFrame(filas).merge(distritos[["ubigeo", "distrito", "ambito"]], on="ubigeo")
    t["filas_denuncia_pnp"] = t["denuncias"].map(conteo_muestra)
    return t.sort_values(["ubigeo", "anio"]).reset_index(drop=True)


def mezcla_tipos(ubigeo: str, ambito: str, anio: int, depto=None, distrito_pct=None) -> dict[str, float]:
    """Proporción de cada tipo para un distrito y año (suma 1)."""
    depto = _departamento() if depto is None else depto
    dep = _mezcla_departamento(depto, _DEPARTAMENTO[ambito], anio)
    if distrito_pct is None or ubigeo not in distrito_pct.index:
        return {t: float(p) for t, p in dep.items()}
    fila = distrito_pct.loc[ubigeo]
    dep25 = _mezcla_departamento(depto, _DEPARTAMENTO[ambito], 2025)
    propios = {}
    for t, col in (("Robo", "pct_robo_2025"), ("Hurto", "pct_hurto_2025"), ("Extorsión", "pct_extorsion_2025")):
        p = float(fila[col])
        if anio != 2025 and dep25[t] > 0:   # SUPUESTO: el distrito cambia como su departamento
            p *= float(dep[t] / dep25[t])
        propios[t] = p
    resto = 1.0 - sum(propios.values())
    otros = [t for t in TIPOS if t not in propios]
    suma_otros = float(sum(dep[t] for t in otros))
    mezcla = dict(propios)
    for t in otros:
        mezcla[t] = resto * float(dep[t]) / suma_otros
    return {t: mezcla[t] for t in TIPOS}


# --------------------------------------------------------------------------------------------
# Generación
# --------------------------------------------------------------------------------------------

def _poligonos() -> dict[str, shapely.Geometry]:
    # shapely y el generador de límites se importan aquí: el kernel del tablero 07 solo lee
    # `pie_sintetico` de este módulo y no los necesita.
    from shapely.geometry import shape

    ruta = rutas.DATOS / ARCHIVO_ESQUEMATICO
    if not ruta.exists():
        raise ErrorLideres("Faltan los límites esquemáticos, que necesito para ubicar los puntos.",
                           como_arreglar="Ejecuta `lideres datos generar` (sin --solo).")
    datos = json.loads(ruta.read_text(encoding="utf-8"))
    return {f["properties"]["ubigeo"]: shape(f["geometry"]) for f in datos["features"]}


def _puntos_dentro(rng, poligono, n, centros=None, sigma=None) -> np.ndarray:
    """n puntos (lon, lat) dentro del polígono: uniformes, o alrededor de `centros`."""
    import shapely

    shapely.prepare(poligono)
    x0, y0, x1, y1 = poligono.bounds
    salida = np.empty((0, 2))
    while len(salida) < n:
        falta = n - len(salida)
        k = max(2 * falta, 16)
        if centros is None:
            cand = np.c_[rng.uniform(x0, x1, k), rng.uniform(y0, y1, k)]
        else:
            elegido = centros[rng.integers(0, len(centros), k)]
            cand = elegido + rng.normal(0, 1, (k, 2)) * sigma
        cand = np.round(cand, DECIMALES)   # se comprueba ya redondeado: así queda dentro en el CSV
        ok = shapely.contains_xy(poligono, cand[:, 0], cand[:, 1])
        salida = np.vstack([salida, cand[ok][:falta]])
    return salida


def _ubicar(rng, poligono, n, centros, sigma) -> np.ndarray:
    en_punto = rng.random(n) < PROPORCION_EN_PUNTO_CALIENTE
    puntos = np.empty((n, 2))
    puntos[en_punto] = _puntos_dentro(rng, poligono, int(en_punto.sum()), centros, sigma)
    puntos[~en_punto] = _puntos_dentro(rng, poligono, int((~en_punto).sum()))
    return puntos


def _fechas_horas(rng, anio: int, tipos: list[str]) -> tuple[list[str], np.ndarray]:
    dias = pd.date_range(f"{anio}-01-01", f"{anio}-12-31", freq="D")
    semana = dias.day_of_week.to_numpy()
    fechas = np.empty(len(tipos), dtype=object)
    horas = np.empty(len(tipos), dtype=int)
    tipos_arr = np.array(tipos, dtype=object)
    for t in TIPOS:
        sel = np.nonzero(tipos_arr == t)[0]
        if not len(sel):
            continue
        peso = np.array(PESO_DIA.get(t, PESO_DIA["general"]))[semana]
        idx = rng.choice(len(dias), size=len(sel), p=peso / peso.sum())
        fechas[sel] = dias[idx].strftime("%Y-%m-%d")
        horas[sel] = rng.choice(24, size=len(sel), p=HORAS_POR_TIPO[t])
    return list(fechas), horas


def _tipos_exactos(n: int, mezcla: dict[str, float]) -> list[str]:
    cuenta = _repartir(n, np.array([mezcla[t] for t in TIPOS]))
    return [t for t, k in zip(TIPOS, cuenta, strict=True) for _ in range(k)]


def _tipos_otra_fuente(rng, n: int, pesos: dict[str, float]) -> list[str]:
    p = np.array([pesos.get(t, 0.0) for t in TIPOS], dtype=float)
    return list(np.array(TIPOS, dtype=object)[rng.choice(len(TIPOS), size=n, p=p / p.sum())])


def generar_incidentes() -> pd.DataFrame:
    """Todos los incidentes sintéticos (mismo resultado en cada corrida: semilla fija)."""
    from lideres import limites

    rng = np.random.default_rng(SEMILLA)
    depto = _departamento()
    lc = cargar("denuncias_distrito")
    totales = totales_publicados(depto, lc)
    pct = lc.set_index("ubigeo")
    poligonos = _poligonos()
    nombres = totales.drop_duplicates("ubigeo").set_index("ubigeo")
    filas_pnp = totales.set_index(["ubigeo", "anio"])["filas_denuncia_pnp"]

    bloques = []
    for ubigeo in sorted(nombres.index):
        poligono = poligonos[ubigeo]
        ambito = nombres.loc[ubigeo, "ambito"]
        # SUPUESTO: 2 a 6 puntos calientes fijos por distrito (más en los distritos grandes),
        # con una dispersión de 4 % del lado del distrito (entre ~170 y ~550 m)
        k = int(np.clip(redondear(math.sqrt(limites.area_km2(poligono)) / 2), 2, 6))
        centros = _puntos_dentro(rng, poligono, k)
        sigma = float(np.clip(0.04 * math.sqrt(poligono.area), 0.0015, 0.005))
        for anio in ANIOS:
            n = int(filas_pnp.loc[(ubigeo, anio)])
            mezcla = mezcla_tipos(ubigeo, ambito, anio, depto, pct)
            filas = [("Denuncia PNP", _tipos_exactos(n, mezcla))]
            if anio == 2025 and ubigeo in FOCO_OTRAS_FUENTES:
                for fuente, (razon, pesos) in OTRAS_FUENTES.items():
                    m = redondear(n * razon)
                    filas.append((fuente, _tipos_otra_fuente(rng, m, pesos)))
            for fuente, tipos in filas:
                if not tipos:
                    continue
                fechas, horas = _fechas_horas(rng, anio, tipos)
                puntos = _ubicar(rng, poligono, len(tipos), centros, sigma)
                bloques.append(pd.DataFrame({
                    "fecha": fechas, "hora": horas, "distrito": nombres.loc[ubigeo, "distrito"],
                    "ubigeo": ubigeo, "tipo": tipos, "fuente_registro": fuente,
                    "lat": puntos[:, 1], "lon": puntos[:, 0], "sintetico": True,
                }))
    tabla = pd.concat(bloques, ignore_index=True)
    tabla = tabla.sort_values(["fecha", "hora", "ubigeo", "fuente_registro", "tipo", "lat", "lon"],
                              kind="mergesort").reset_index(drop=True)
    tabla["hora"] = tabla["hora"].astype(int)
    return tabla


def cli_generar(args) -> int:
    """`lideres datos generar [--solo limites|incidentes]`."""
    from lideres import limites

    solo = getattr(args, "solo", None)
    if solo in (None, "limites"):
        print("Generando límites esquemáticos (puede tardar un minuto)...")
        ruta = limites.generar_esquematicos()
        print(f"Listo: {ruta} — {formato.numero(len(_poligonos()))} distritos. "
              "Son límites ESQUEMÁTICOS, no oficiales.")
    if solo in (None, "incidentes"):
        tabla = generar_incidentes()
        # Ningún texto empieza con = + - @ (solo los números negativos de lat/lon): Excel no ve fórmulas.
        ruta = escribir_csv(tabla, rutas.DATOS / ARCHIVO, float_format=f"%.{DECIMALES}f")
        pnp = (tabla["fuente_registro"] == "Denuncia PNP").sum()
        print(f"Listo: {ruta} — {formato.numero(len(tabla))} incidentes SINTÉTICOS "
              f"({formato.numero(pnp)} como «Denuncia PNP», 1 por cada "
              f"{FRACCION.denominator} denuncias publicadas; semilla {SEMILLA}).")
        print("SINTÉTICO: son registros inventados para practicar; no son casos reales.")
    return 0


# --------------------------------------------------------------------------------------------
# Lo sintético se ve sintético (issue 18 §2): el pie sale de los parámetros del generador, y una
# tabla sintética no se junta con una real.
# --------------------------------------------------------------------------------------------

def pie_sintetico(distrito: str | None = None, anio: int = 2025) -> str:
    """Una frase que dice qué son y qué no son las filas sintéticas, con los números del generador.

    Sin distrito: la regla general. Con un distrito: sus filas y el total supuesto de donde salen
    (en Trujillo no hay denuncias publicadas por distrito)."""
    cada = FRACCION.denominator
    general = (f"Datos sintéticos (inventados con la semilla {SEMILLA}), no casos reales: cada fila "
               f"«Denuncia PNP» representa {cada} denuncias")
    if distrito is None:
        return (general + "; en Lima y Callao, de las denuncias SIDPOL publicadas del distrito; en "
                "Trujillo no hay denuncias publicadas por distrito y el generador reparte el total de la "
                "provincia según la población (supuesto); serenazgo y junta vecinal son cantidades "
                "inventadas.")
    t = totales_publicados()
    filas = t[(t["distrito"] == distrito) & (t["anio"] == int(anio))]
    if filas.empty:
        raise ErrorLideres(f"No hay filas sintéticas de «{distrito}» en {anio}.")
    fila = filas.iloc[0]
    n, total = formato.numero(fila["filas_denuncia_pnp"]), formato.numero(fila["denuncias"])
    if fila["ambito"] == "Trujillo":
        provincia = formato.numero(_total_trujillo(_departamento())[2024])
        origen = (f"en Trujillo no hay denuncias publicadas por distrito: el generador reparte el total "
                  f"de la provincia ({provincia} denuncias en 2024; en 2025, con el cambio de La Libertad) "
                  f"según la población 2020, lo que da "
                  f"{total} supuestas a {distrito} en {anio}, y dibuja {n} filas")
    else:
        origen = f"{distrito} tuvo {total} denuncias SIDPOL en {anio}, y el generador dibuja {n} filas"
    otras = ""
    if fila["ubigeo"] in FOCO_OTRAS_FUENTES and int(anio) == 2025:
        partes = [f"{f.lower()}: {r.numerator} por cada {r.denominator} de esas filas"
                  for f, (r, _) in OTRAS_FUENTES.items()]
        otras = "; " + " y ".join(partes) + ", cantidades inventadas"
    return f"{general}: {origen}{otras}."


def marcar_sintetico(tabla: pd.DataFrame) -> pd.DataFrame:
    """Marca una tabla como sintética (`tabla.attrs["sintetico"] = True`) y la devuelve."""
    tabla.attrs["sintetico"] = True
    return tabla


def es_sintetica(tabla: pd.DataFrame) -> bool:
    if tabla.attrs.get("sintetico"):
        return True
    return "sintetico" in tabla.columns and bool(tabla["sintetico"].astype(bool).any())


def exigir_sin_mezcla(*tablas: pd.DataFrame) -> None:
    """Error en español si se ponen juntas (en una tabla, un gráfico o una comparación) tablas
    sintéticas y reales: un dato inventado nunca va al lado de uno real bajo nombres reales."""
    marcas = {es_sintetica(t) for t in tablas}
    if len(marcas) > 1:
        raise ErrorLideres(
            "No se juntan datos sintéticos con datos reales en una misma tabla o comparación.",
            como_arreglar="Muestra los datos sintéticos aparte, con su aviso «sintético», o usa solo "
                          "cifras publicadas.",
        )
    for t in tablas:
        if "sintetico" in t.columns and t["sintetico"].nunique() > 1:
            raise ErrorLideres("Esta tabla mezcla filas sintéticas y reales.",
                               como_arreglar="Separa las filas sintéticas en otra tabla con su aviso.")
