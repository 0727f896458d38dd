"""El registro de cifras: cada número que el curso cita tiene una clave, y la clave dice cómo
recalcularlo desde `data/` (las tablas de `lideres.tablas.cargar`).

Una clave es `familia.parte.parte…`, por ejemplo:

- `enapres.victimas.callao.2024` — % de personas de 15+ víctimas de algún delito (ENAPRES, serie anual);
- `sidpol.total.callao.2024` — denuncias SIDPOL de la provincia constitucional del Callao en 2024;
- `distrito.denuncias.callao.2024` — denuncias del **distrito** del Callao (no de la provincia);
- `distrito.tasa.miraflores.2024` — denuncias por 100 mil habitantes (población 2020).

Cada familia es una función que recibe las partes de la clave y devuelve una `Cifra` con su valor,
unidad, nivel, ámbito, periodo, universo (qué cuenta) y clave de fuente. Las familias cubren tablas
enteras: una cifra nueva de las mismas tablas ya tiene clave, sin agregar nada aquí.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from lideres import formato
from lideres.cifras import fuentes as _fuentes
from lideres.errores import ErrorLideres


@dataclass(frozen=True)
class Cifra:
    clave: str
    valor: float
    unidad: str          # «denuncias», «%», «de cada 100», «puntos», «por 100 mil habitantes»…
    nivel: str           # distrito, provincia, departamento, área metropolitana, nacional urbano…
    ambito: str          # el lugar, dicho sin ambigüedad: «Callao (provincia constitucional)»
    periodo: str         # «2024», «abr-2018 a sep-2018»…
    universo: str        # qué cuenta: «denuncias de todo tipo», «víctimas de 15+ que denunciaron»…
    fuente: str          # clave de lideres.cifras.fuentes.FUENTES
    decimales: int = 0
    sintetico: bool = False

    @property
    def texto(self) -> str:
        """El valor como se lee en el Perú: «34,536», «25.7»."""
        return formato.numero(self.valor, self.decimales)

    @property
    def nombre_fuente(self) -> str:
        return _fuentes.nombre(self.fuente)

    @property
    def pie(self) -> str:
        """«Callao (provincia constitucional) · 2024 · Fuente: MININTER – SIDPOL (denuncias policiales)»."""
        return pie(self.clave)


def slug(texto: str) -> str:
    """«Lima (Cercado)» -> «lima_cercado»; «San Juan de Lurigancho» -> «san_juan_de_lurigancho»."""
    sin_tildes = unicodedata.normalize("NFKD", str(texto)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", sin_tildes.lower()).strip("_")


def _error(clave: str, motivo: str, opciones=None) -> ErrorLideres:
    arreglo = None
    if opciones:
        arreglo = "Usa una de estas: " + ", ".join(sorted(map(str, opciones))[:30]) + "."
    return ErrorLideres(f"La cifra «{clave}» no está en el registro: {motivo}", como_arreglar=arreglo)


@functools.cache
def _tabla(nombre: str):
    from lideres.tablas import cargar  # aquí: las tablas se leen solo cuando se pide una cifra

    return cargar(nombre)


def _anio(clave: str, texto: str) -> int:
    if not re.fullmatch(r"\d{4}", texto):
        raise _error(clave, f"«{texto}» no es un año.")
    return int(texto)


# ---------------------------------------------------------------- ENAPRES (victimizacion)

INDICADORES_ENAPRES = {
    "victimas": ("victimizacion_algun_hecho_delictivo_pct",
                 "personas de 15+ de zonas urbanas que fueron víctimas de algún delito en 12 meses"),
    "miedo_noche": ("percepcion_inseguridad_caminar_solo_de_noche_pct",
                    "personas de 15+ de zonas urbanas que se sienten inseguras al caminar solas de noche"),
    "confianza_pnp": ("confianza_en_pnp_pct",
                      "personas de 15+ de zonas urbanas que confían en la Policía Nacional"),
    "robo_celular": ("victimizacion_robo_o_intento_dinero_cartera_celular_pct",
                     "personas de 15+ de zonas urbanas víctimas de robo o intento de robo de dinero, "
                     "cartera o celular"),
    "estafa": ("victimizacion_estafa_pct", "personas de 15+ de zonas urbanas víctimas de estafa"),
    "tasa_denuncia": ("victimas_que_denunciaron_pct", "víctimas de 15+ que denunciaron el hecho"),
    "inseguridad_12_meses": ("percepcion_inseguridad_proximos_12_meses_pct",
                             "personas de 15+ que creen que serán víctimas en los próximos 12 meses"),
    "inseguridad": ("percepcion_inseguridad_pct", "personas de 15+ de zonas urbanas que se sienten inseguras"),
}

AMBITOS_ENAPRES = {
    "nacional_urbano": ("Nacional urbano", "nacional urbano", "Perú urbano"),
    "lima_metropolitana": ("Lima Metropolitana", "área metropolitana", "Lima Metropolitana"),
    "callao": ("Callao", "provincia constitucional", "Callao (provincia constitucional)"),
    "la_libertad": ("La Libertad", "departamento", "La Libertad (departamento)"),
}


def _ambito_enapres(fila) -> tuple[str, str]:
    for _, (nombre, nivel, legible) in AMBITOS_ENAPRES.items():
        if fila["ambito"] == nombre:
            return nivel, legible
    return str(fila["nivel_territorial"]), str(fila["ambito"])


def _filas_enapres(clave, indicador_corto, ambito_slug, anio):
    v = _tabla("victimizacion")
    indicador, universo = INDICADORES_ENAPRES.get(indicador_corto, (indicador_corto, None))
    filas = v[(v["indicador"] == indicador) & (v["anio"] == anio)]
    filas = filas[[slug(a) == ambito_slug for a in filas["ambito"]]]
    if filas.empty:
        raise _error(clave, f"la ENAPRES no tiene «{indicador}» de «{ambito_slug}» en {anio}.")
    return filas, universo


def enapres(clave: str, indicador_corto: str, ambito_slug: str, anio: str, *periodo: str) -> Cifra:
    """`enapres.<indicador>.<ámbito>.<año>[.<periodo>]`: la serie anual si existe; si no, la fila
    suelta (semestre citado en la prensa), que debe ser una sola o nombrar su periodo."""
    filas, universo = _filas_enapres(clave, indicador_corto, ambito_slug, _anio(clave, anio))
    if periodo:
        filas = filas[[slug(p) == periodo[0] for p in filas["periodo"]]]
    anual = filas[filas["serie_anual_enapres"].astype(bool)]
    if not anual.empty:
        filas = anual
    if len(filas) != 1:
        raise _error(clave, "hay varias filas; agrega el periodo a la clave.",
                     [f"{clave}.{slug(p)}" for p in filas["periodo"]])
    fila = filas.iloc[0]
    nivel, legible = _ambito_enapres(fila)
    serie = bool(fila["serie_anual_enapres"])
    return Cifra(clave, float(fila["valor"]), "%", nivel, legible,
                 anio if fila["periodo"] == "año" else f"{fila['periodo']}",
                 universo or str(fila["universo"]), "ENAPRES" if serie else "INEI-ENAPRES-PRENSA",
                 decimales=1)


def brecha(clave: str, ambito_slug: str, anio: str) -> Cifra:
    """`brecha.<ámbito>.<año>`: miedo de noche menos víctimas, en puntos (serie anual)."""
    miedo = enapres(clave, "miedo_noche", ambito_slug, anio)
    victimas = enapres(clave, "victimas", ambito_slug, anio)
    return replace(miedo, valor=round(miedo.valor - victimas.valor, 1), unidad="puntos",
                   universo="diferencia entre quienes sienten miedo de noche y quienes fueron víctimas")


def enapres_cambio(clave: str, indicador_corto: str, ambito_slug: str, anios: str) -> Cifra:
    """`enapres_cambio.<indicador>.<ámbito>.<año1>-<año2>`: año2 menos año1, en puntos."""
    a1, a2 = anios.split("-")
    c1 = enapres(clave, indicador_corto, ambito_slug, a1)
    c2 = enapres(clave, indicador_corto, ambito_slug, a2)
    return replace(c2, valor=round(c2.valor - c1.valor, 1), unidad="puntos", periodo=f"{a1} a {a2}")


def tasa_denuncia(clave: str, extremo: str, ambito_slug: str) -> Cifra:
    """`tasa_denuncia.min|max.<ámbito>`: la menor o la mayor tasa de denuncia publicada del ámbito."""
    v = _tabla("victimizacion")
    filas = v[(v["indicador"] == "victimas_que_denunciaron_pct")]
    filas = filas[[slug(a) == ambito_slug for a in filas["ambito"]]]
    if filas.empty or extremo not in ("min", "max"):
        raise _error(clave, "usa tasa_denuncia.min|max.<ámbito> con un ámbito que la tenga.")
    fila = filas.loc[filas["valor"].idxmin() if extremo == "min" else filas["valor"].idxmax()]
    nivel, legible = _ambito_enapres(fila)
    periodos = " / ".join(filas.sort_values("anio")["periodo"])
    return Cifra(clave, float(fila["valor"]), "%", nivel, legible, periodos,
                 INDICADORES_ENAPRES["tasa_denuncia"][1], "INEI-ENAPRES-PRENSA", decimales=1)


# ---------------------------------------------------------------- SIDPOL por departamento

DEPARTAMENTOS = {
    "callao": ("Callao", "provincia constitucional", "Callao (provincia constitucional, 7 distritos)"),
    "la_libertad": ("La Libertad", "departamento", "La Libertad (departamento)"),
    "lima_departamento": ("Lima", "departamento", "departamento de Lima (Lima Metropolitana y Región Lima)"),
}
MODALIDADES_SIDPOL = {"total": "denuncias de todo tipo", "robo": "denuncias de robo",
                      "hurto": "denuncias de hurto", "estafa": "denuncias de estafa",
                      "extorsion": "denuncias de extorsión", "secuestro": "denuncias de secuestro",
                      "violencia_mujer": "denuncias de violencia contra la mujer e integrantes del grupo familiar",
                      "otros": "denuncias de otras modalidades (incluye hechos que no son delito)"}
_COLUMNA = {"violencia_mujer": "violencia_mujer_integrantes"}


def _fila_sidpol(clave, depto, anio):
    if depto not in DEPARTAMENTOS:
        raise _error(clave, f"«{depto}» no es un departamento del curso.", DEPARTAMENTOS)
    d = _tabla("denuncias_departamento")
    filas = d[(d["departamento"] == DEPARTAMENTOS[depto][0]) & (d["anio"] == _anio(clave, anio))]
    if filas.empty:
        raise _error(clave, f"no hay denuncias SIDPOL de {depto} en {anio}.")
    return filas.iloc[0]


def _suma_modalidades(clave, fila, modalidades: str) -> tuple[int, str]:
    partes = modalidades.split("+")
    total = 0
    for m in partes:
        if m not in MODALIDADES_SIDPOL:
            raise _error(clave, f"«{m}» no es una modalidad.", MODALIDADES_SIDPOL)
        total += int(fila[f"denuncias_{_COLUMNA.get(m, m)}"])
    universo = " y ".join(MODALIDADES_SIDPOL[m] for m in partes)
    return total, universo


def _periodo_sidpol(fila) -> str:
    return str(fila["anio"]) if bool(fila["anio_completo"]) else f"{fila['anio']} (ene-jul)"


def sidpol(clave: str, modalidades: str, depto: str, anio: str) -> Cifra:
    """`sidpol.<modalidad>[+<modalidad>].<departamento>.<año>`: denuncias (conteo)."""
    fila = _fila_sidpol(clave, depto, anio)
    total, universo = _suma_modalidades(clave, fila, modalidades)
    _, nivel, legible = DEPARTAMENTOS[depto]
    return Cifra(clave, total, "denuncias", nivel, legible, _periodo_sidpol(fila), universo, "SIDPOL")


def sidpol_pct(clave: str, modalidades: str, depto: str, anio: str) -> Cifra:
    """`sidpol_pct.<modalidad>.<departamento>.<año>`: % del total de denuncias (cálculo propio)."""
    fila = _fila_sidpol(clave, depto, anio)
    parte, universo = _suma_modalidades(clave, fila, modalidades)
    _, nivel, legible = DEPARTAMENTOS[depto]
    return Cifra(clave, round(parte / int(fila["denuncias_total"]) * 100, 1), "% de las denuncias",
                 nivel, legible, _periodo_sidpol(fila), f"{universo}, sobre el total de denuncias",
                 "SIDPOL", decimales=1)


def sidpol_cambio(clave: str, modalidades: str, depto: str, anios: str) -> Cifra:
    """`sidpol_cambio.<modalidad>.<departamento>.<año1>-<año2>`: cambio % de año1 a año2."""
    a1, a2 = anios.split("-")
    c1 = sidpol(clave, modalidades, depto, a1)
    c2 = sidpol(clave, modalidades, depto, a2)
    return replace(c2, valor=round((c2.valor - c1.valor) / c1.valor * 100, 1), unidad="% de cambio",
                   periodo=f"{a1} a {a2}", decimales=1)


# ---------------------------------------------------------------- distritos (SIDPOL + INEI)

def _distrito(clave, nombre_slug):
    d = _tabla("distritos")
    filas = d[[slug(n) == nombre_slug for n in d["distrito"]]]
    if filas.empty:
        raise _error(clave, f"«{nombre_slug}» no es un distrito del curso.", map(slug, d["distrito"]))
    return filas.iloc[0]


def _ambito_distrito(fila) -> str:
    return f"{fila['distrito']} (distrito, provincia de {fila['provincia']})"


@functools.lru_cache(maxsize=4)
def _tabla_tasas(anio: int):
    """Denuncias, tasa por 100 mil y puestos de los 50 distritos de Lima y Callao (la misma cuenta
    que el módulo 02; el registro no importa casas de módulos: tests/test_cifras.py las compara)."""
    from lideres.tasas import agregar_tasa

    d = _tabla("denuncias_distrito")
    columna = f"denuncias_{anio}"
    if columna not in d.columns:
        raise ErrorLideres(f"No hay denuncias por distrito del año {anio}.")
    t = d[["ubigeo", "distrito", "poblacion_2020", columna]].rename(
        columns={"poblacion_2020": "poblacion", columna: "conteo"})
    t = agregar_tasa(t, "conteo", "poblacion")
    t["puesto_conteo"] = t["conteo"].rank(ascending=False, method="min").astype(int)
    t["puesto_tasa"] = t["tasa_100k"].rank(ascending=False, method="min").astype(int)
    return t


def distrito(clave: str, campo: str, nombre_slug: str, *anio: str) -> Cifra:
    """`distrito.<campo>.<distrito>[.<año>]`. Campos: `poblacion` (2020), `denuncias`, `tasa`
    (por 100 mil habitantes), `puesto_conteo` y `puesto_tasa` (entre los 50 de Lima y Callao)."""
    fila = _distrito(clave, nombre_slug)
    ambito = _ambito_distrito(fila)
    if campo == "poblacion":
        return Cifra(clave, int(fila["poblacion_2020"]), "personas", "distrito", ambito, "2020 (estimación)",
                     "población estimada por el INEI", "INEI-POBLACION")
    if campo.startswith("tasa_de_") and campo[8:].isdigit():
        # cuánto movería la tasa un número dado de denuncias: n ÷ población × 100 000
        n = int(campo[8:])
        return Cifra(clave, round(n / int(fila["poblacion_2020"]) * 100_000, 1), "puntos de tasa por 100 mil",
                     "distrito", ambito, "2020 (población)", f"cuánto mueven la tasa {n} denuncias", "CALCULO",
                     decimales=1)
    if not anio:
        raise _error(clave, "falta el año.")
    a = _anio(clave, anio[0])
    tabla = _tabla_tasas(a)
    filas = tabla[tabla["ubigeo"] == fila["ubigeo"]]
    if filas.empty:
        raise _error(clave, f"no hay denuncias por distrito de {fila['distrito']} (solo Lima y Callao).")
    t = filas.iloc[0]
    campos = {
        "denuncias": (int(t["conteo"]), "denuncias", "denuncias de todo tipo en el distrito del hecho", "SIDPOL", 0),
        "tasa": (float(t["tasa_100k"]), "denuncias por 100 mil habitantes",
                 "denuncias de todo tipo ÷ población estimada 2020 × 100 000", "CALCULO", 0),
        "puesto_conteo": (int(t["puesto_conteo"]), "puesto", "puesto por denuncias entre los 50 distritos "
                          "de Lima Metropolitana y Callao", "CALCULO", 0),
        "puesto_tasa": (int(t["puesto_tasa"]), "puesto", "puesto por tasa entre los 50 distritos "
                        "de Lima Metropolitana y Callao", "CALCULO", 0),
    }
    if campo not in campos:
        raise _error(clave, f"«{campo}» no es un campo de distrito.", [*campos, "poblacion"])
    valor, unidad, universo, fuente, dec = campos[campo]
    return Cifra(clave, valor, unidad, "distrito", ambito, str(a), universo, fuente, decimales=dec)


def distrito_cambio(clave: str, campo: str, nombre_slug: str, anios: str) -> Cifra:
    """`distrito_cambio.<campo>.<distrito>.<año1>-<año2>`: año2 menos año1 (denuncias o tasa)."""
    a1, a2 = anios.split("-")
    c1, c2 = distrito(clave, campo, nombre_slug, a1), distrito(clave, campo, nombre_slug, a2)
    return replace(c2, valor=c2.valor - c1.valor, periodo=f"{a1} a {a2}")


PROVINCIAS = {"lima": "Lima", "callao": "Callao", "trujillo": "Trujillo"}


def provincia(clave: str, campo: str, nombre_slug: str, *anio: str) -> Cifra:
    """`provincia.poblacion.<lima|callao|trujillo>`: población 2020 (suma de sus distritos);
    `provincia.denuncias.trujillo.2024` (total publicado) y `provincia.tasa.trujillo.2024`."""
    if nombre_slug not in PROVINCIAS:
        raise _error(clave, f"«{nombre_slug}» no es una provincia del curso.", PROVINCIAS)
    d = _tabla("distritos")
    nombre = PROVINCIAS[nombre_slug]
    legible = f"provincia de {nombre}" if nombre != "Callao" else "Callao (provincia constitucional)"
    poblacion = int(d.loc[d["provincia"] == nombre, "poblacion_2020"].sum())
    if campo == "poblacion":
        return Cifra(clave, poblacion, "personas", "provincia", legible, "2020 (estimación)",
                     "población estimada por el INEI (suma de sus distritos)", "INEI-POBLACION")
    if nombre != "Trujillo" or not anio:
        raise _error(clave, "denuncias y tasa por provincia: solo provincia.<campo>.trujillo.<año> "
                     "(para Lima y Callao usa distritos.* o sidpol.*).")
    total = otros(clave, "denuncias_por_delitos", "trujillo_provincia", anio[0])
    if campo == "denuncias":
        return replace(total, nivel="provincia", ambito=legible, universo="denuncias por delitos")
    if campo == "tasa":
        return Cifra(clave, round(total.valor / poblacion * 100_000), "denuncias por 100 mil habitantes",
                     "provincia", legible, anio[0], "denuncias por delitos ÷ población estimada 2020 × 100 000",
                     "CALCULO")
    raise _error(clave, f"«{campo}» no es un campo de provincia.", ["poblacion", "denuncias", "tasa"])


def distritos(clave: str, campo: str, ambito_slug: str, *anio: str) -> Cifra:
    """`distritos.<campo>.<ámbito>[.<año>]`: sumas y conteos sobre los distritos de la tabla SIDPOL.
    Campos: `denuncias` (suma), `poblacion` (suma 2020), `cuantos` (número de distritos).
    Ámbitos: `lima_metropolitana`, `callao` (los 7 distritos de la provincia), `lima_y_callao`."""
    from lideres.tablas import filas as filas_de  # sin pandas: el pie del mapa 06 al abrir

    nombres = {"lima_metropolitana": ("Lima Metropolitana",), "callao": ("Callao",),
               "lima_y_callao": ("Lima Metropolitana", "Callao")}
    if ambito_slug not in nombres:
        raise _error(clave, f"«{ambito_slug}» no es un ámbito de distritos.", nombres)
    filas = [f for f in filas_de("denuncias_distrito") if f["ambito"] in nombres[ambito_slug]]

    def suma(columna: str) -> int:
        return sum(f[columna] for f in filas)

    legible = {"lima_metropolitana": "Lima Metropolitana (43 distritos)",
               "callao": "Callao (provincia constitucional, suma de sus 7 distritos)",
               "lima_y_callao": "Lima Metropolitana y Callao (50 distritos)"}[ambito_slug]
    if campo == "cuantos":
        return Cifra(clave, len(filas), "distritos", "provincia", legible, "2024-2025",
                     "distritos con denuncias publicadas por distrito", "SIDPOL")
    if campo == "poblacion":
        return Cifra(clave, suma("poblacion_2020"), "personas", "provincia", legible,
                     "2020 (estimación)", "población estimada por el INEI", "INEI-POBLACION")
    columnas = filas[0] if filas else {}
    if campo == "denuncias" and anio:
        columna = f"denuncias_{_anio(clave, anio[0])}"
        if columna in columnas:
            return Cifra(clave, suma(columna), "denuncias", "provincia", legible, anio[0],
                         "denuncias de todo tipo (suma de los distritos)", "SIDPOL")
    if campo == "por_100" and anio:
        columna = f"denuncias_{_anio(clave, anio[0])}"
        if columna in columnas:
            return Cifra(clave, round(suma(columna) / suma("poblacion_2020") * 100, 1),
                         "denuncias por cada 100 habitantes", "provincia", legible, anio[0],
                         "denuncias de todo tipo ÷ población estimada 2020 × 100", "CALCULO", decimales=1)
    raise _error(clave, "usa distritos.denuncias.<ámbito>.<año>, distritos.poblacion.<ámbito> o "
                 "distritos.cuantos.<ámbito>.")


# ---------------------------------------------------------------- composición y otros indicadores

MEDIDAS = {"conteo": ("conteo", "denuncias o casos"),
           "pct_denuncias": ("porcentaje_de_denuncias", "% de las denuncias"),
           "pct_victimas": ("porcentaje_de_victimas_respuesta_multiple", "% de las víctimas (respuesta múltiple)"),
           "pct_violencia_familiar": ("porcentaje_de_violencia_familiar", "% de los casos de violencia familiar")}


def composicion(clave: str, medida: str, ambito_slug: str, anio: str, tipo_slug: str, *periodo: str) -> Cifra:
    """`composicion.<medida>.<ámbito>.<año>.<tipo>[.<periodo>]` de composicion_delitos.csv."""
    if medida not in MEDIDAS:
        raise _error(clave, f"«{medida}» no es una medida.", MEDIDAS)
    c = _tabla("composicion_delitos")
    filas = c[(c["medida"] == MEDIDAS[medida][0]) & (c["anio"] == _anio(clave, anio))]
    filas = filas[[slug(a) == ambito_slug and slug(t) == tipo_slug
                   for a, t in zip(filas["ambito"], filas["tipo_delito"], strict=True)]]
    if periodo:
        filas = filas[[slug(p) == periodo[0] for p in filas["periodo"]]]
    if len(filas) != 1:
        raise _error(clave, "no hay una sola fila con esa medida, ámbito, año y tipo.",
                     [f"{clave}.{slug(p)}" for p in filas["periodo"]])
    fila = filas.iloc[0]
    nacional_urbano = fila["ambito"] == "Nacional urbano"
    return Cifra(clave, float(fila["valor"]), MEDIDAS[medida][1],
                 "nacional urbano" if nacional_urbano else str(fila["ambito"]), str(fila["ambito"]),
                 f"{fila['periodo']} {anio}" if fila["periodo"] in ("ene-jul", "ene-may") else str(fila["periodo"]),
                 f"{fila['tipo_delito']}: {MEDIDAS[medida][1]}",
                 "INEI-ENAPRES-PRENSA" if medida == "pct_victimas" else
                 ("SIDPOL" if str(fila["fuente"]).startswith(("SRC-SIDPOL", "SIDPOL")) else "PRENSA"),
                 decimales=0 if medida == "conteo" else 1)


def otros(clave: str, indicador: str, ambito_slug: str, anio: str, *periodo: str) -> Cifra:
    """`otros.<indicador>.<ámbito>.<año>[.<periodo>]` de otros_indicadores.csv."""
    o = _tabla("otros_indicadores")
    filas = o[(o["indicador"] == indicador) & (o["anio_inicio"] == _anio(clave, anio))]
    filas = filas[[slug(a) == ambito_slug for a in filas["ambito"]]]
    if periodo:
        filas = filas[[slug(p) == periodo[0] for p in filas["periodo"]]]
    if len(filas) != 1 or filas.iloc[0]["valor"] != filas.iloc[0]["valor"]:
        raise _error(clave, "no hay una sola fila con ese indicador, ámbito y año.",
                     [f"{clave}.{slug(p)}" for p in filas["periodo"]])
    fila = filas.iloc[0]
    return Cifra(clave, float(fila["valor"]), str(fila["unidad"]), str(fila["ambito"]), str(fila["ambito"]),
                 str(fila["periodo"]), indicador.replace("_", " "), "PRENSA")


# ---------------------------------------------------------------- sintéticos

def sintetico(clave: str, fuente_slug: str, distrito_slug: str, anio: str) -> Cifra:
    """`sintetico.<fuente>.<distrito>.<año>`: filas SINTÉTICAS de una fuente (denuncia_pnp,
    serenazgo, junta_vecinal) en un distrito. No es un dato real: `sintetico=True`."""
    s = _tabla("incidentes_sinteticos")
    a = _anio(clave, anio)
    filas = s[(s["fecha"].dt.year == a) if hasattr(s["fecha"], "dt") else s["fecha"].astype(str).str[:4].eq(anio)]
    filas = filas[[slug(d) == distrito_slug and slug(f) == fuente_slug
                   for d, f in zip(filas["distrito"], filas["fuente_registro"], strict=True)]]
    if filas.empty:
        raise _error(clave, "no hay filas sintéticas con esa fuente, distrito y año.")
    return Cifra(clave, len(filas), "registros sintéticos", "distrito", str(filas.iloc[0]["distrito"]), str(a),
                 f"filas sintéticas «{filas.iloc[0]['fuente_registro']}» inventadas por el generador del curso",
                 "SINTETICO", sintetico=True)


# ---------------------------------------------------------------- reglas del curso

def regla(clave: str, nombre_regla: str) -> Cifra:
    """`regla.<nombre>`: un número que el curso fija como regla, dicho como tal (no es un dato).
    `regla.diferencia_encuesta`: menos de estos puntos entre dos cifras de encuesta no se lee como
    cambio ni como orden; `regla.margen_encuesta`: cuánto puede moverse una sola cifra;
    `regla.umbral_anonimo`: un conteo menor que este no se publica (lideres.anonimizar)."""
    from lideres.cifras import alcance

    reglas = {
        "diferencia_encuesta": (alcance.DIFERENCIA_MINIMA_ENCUESTA, "puntos",
                                "diferencia mínima entre dos cifras de encuesta para leerla como cambio u orden"),
        "margen_encuesta": (alcance.MARGEN_ENCUESTA, "puntos",
                            "cuánto puede estar arriba o abajo una cifra de encuesta de un departamento"),
        "poblacion_minima": (_tasas().POBLACION_MINIMA, "habitantes", "población bajo la cual una tasa es inestable"),
        "conteo_minimo": (_tasas().CONTEO_MINIMO, "denuncias", "conteo bajo el cual una tasa es inestable"),
        "umbral_anonimo": (_anonimizar().UMBRAL, "registros",
                           "conteo bajo el cual una cifra de un registro no se publica (módulo 08)"),
    }
    if nombre_regla not in reglas:
        raise _error(clave, f"«{nombre_regla}» no es una regla del curso.", reglas)
    v, unidad, universo = reglas[nombre_regla]
    return Cifra(clave, v, unidad, "regla del curso", "todo el curso", "siempre", universo, "CURSO")


def _tasas():
    from lideres import tasas

    return tasas


def _anonimizar():
    from lideres import anonimizar

    return anonimizar


def generador(clave: str, parametro: str) -> Cifra:
    """`generador.filas_por_denuncias`: los parámetros del generador de datos sintéticos, para decir
    en la prosa qué son las filas sintéticas (lideres/sinteticos.py)."""
    from lideres import sinteticos

    parametros = {"filas_por_denuncias": (sinteticos.FRACCION.denominator, "denuncias por fila sintética"),
                  "semilla": (sinteticos.SEMILLA, "semilla")}
    if parametro not in parametros:
        raise _error(clave, f"«{parametro}» no es un parámetro del generador.", parametros)
    v, unidad = parametros[parametro]
    return Cifra(clave, v, unidad, "regla del curso", "todo el curso", "siempre",
                 "parámetro del generador de datos sintéticos", "CURSO")


FAMILIAS: dict[str, Callable[..., Cifra]] = {
    "regla": regla, "generador": generador,
    "enapres": enapres, "brecha": brecha, "enapres_cambio": enapres_cambio, "tasa_denuncia": tasa_denuncia,
    "sidpol": sidpol, "sidpol_pct": sidpol_pct, "sidpol_cambio": sidpol_cambio,
    "distrito": distrito, "distrito_cambio": distrito_cambio, "distritos": distritos, "provincia": provincia, "composicion": composicion, "otros": otros,
    "sintetico": sintetico,
}

# Familias que un módulo agrega desde su casa (lideres/modulos/m<id>/): registrar_familia("m03", f).
_EXTRA: dict[str, Callable[..., Cifra]] = {}


def registrar_familia(nombre: str, funcion: Callable[..., Cifra]) -> None:
    if nombre in FAMILIAS and FAMILIAS[nombre] is not funcion:
        raise ValueError(f"La familia de cifras «{nombre}» ya existe.")
    _EXTRA[nombre] = funcion


def _familias_de_modulos() -> None:
    """Las casas de los módulos pueden declarar `FAMILIAS_DE_CIFRAS` en su `calculos.py`."""
    import importlib

    from lideres.modulos import MODULOS

    for m in MODULOS:
        try:
            calculos = importlib.import_module(f"{m.paquete}.calculos")
        except ModuleNotFoundError:
            continue
        for nombre_, funcion in getattr(calculos, "FAMILIAS_DE_CIFRAS", {}).items():
            registrar_familia(nombre_, funcion)


@functools.cache
def cifra(clave: str) -> Cifra:
    """La cifra de una clave, recalculada desde `data/`. Una clave mal escrita da un error en español."""
    familia, *partes = clave.split(".")
    if familia not in FAMILIAS and familia not in _EXTRA:
        _familias_de_modulos()
    funcion = FAMILIAS.get(familia) or _EXTRA.get(familia)
    if funcion is None:
        raise _error(clave, f"no existe la familia «{familia}».", [*FAMILIAS, *_EXTRA])
    try:
        return funcion(clave, *partes)
    except TypeError as e:
        raise _error(clave, f"le faltan o le sobran partes ({funcion.__doc__.splitlines()[0]})") from e


def valor(clave: str) -> float:
    return cifra(clave).valor


def texto(clave: str, decimales: int | None = None) -> str:
    """El valor listo para la prosa de un paquete (es-PE): `texto("sidpol.total.callao.2024")` -> «34,536»."""
    c = cifra(clave)
    return formato.numero(c.valor, c.decimales if decimales is None else decimales)


def pie(*claves: str) -> str:
    """La línea «nivel · periodo · fuente» de un gráfico, mapa o tabla, desde el registro.

    Varias claves: se juntan los ámbitos, periodos y fuentes distintos, en el orden dado. Si alguna
    cifra es sintética, la línea lo dice en la misma frase."""
    cifras = [cifra(c) for c in claves]

    def unicos(valores):
        return list(dict.fromkeys(valores))

    partes = [", ".join(unicos(c.ambito for c in cifras)), ", ".join(unicos(c.periodo for c in cifras)),
              "Fuente: " + "; ".join(unicos(c.nombre_fuente for c in cifras))]
    linea = " · ".join(partes)
    if any(c.sintetico for c in cifras):
        linea += " · sintético: no son casos reales"
    return linea


def en_jinja(entorno):
    """Agrega a un entorno de Jinja el filtro `cifra` y la función `pie_de_cifras`:
    `{{ "sidpol.total.callao.2024" | cifra }}` -> «34,536»; `{{ pie_de_cifras("…", "…") }}`."""
    entorno.filters["cifra"] = texto
    entorno.globals["pie_de_cifras"] = pie
    return entorno
