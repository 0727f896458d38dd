"""Lleva las cifras publicadas de `../shared/facts/` a las tablas de `data/`.

Se corre una vez (`lideres datos importar-hechos`) cuando cambian las cifras publicadas;
el resultado se guarda en git y las pruebas comprueban que coincide con los hechos.
Solo renombra columnas al español, elige las columnas útiles y conserva la fuente y las notas.
No calcula tasas: eso lo hace `lideres.tasas` (así el cálculo queda a la vista en los cuadernos).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from lideres import formato, rutas, tablas
from lideres.errores import ErrorLideres

PROVINCIAS = {"LIMA": "Lima", "CALLAO": "Callao", "TRUJILLO": "Trujillo"}
AMBITOS = {"LIMA": "Lima Metropolitana", "CALLAO": "Callao", "TRUJILLO": "Trujillo"}
DEPARTAMENTOS = {"LIMA": "Lima", "CALLAO": "Callao", "LA LIBERTAD": "La Libertad"}

# Nombres de ámbito de las fuentes -> nombre corto del curso. Lo que no está aquí se deja igual.
AMBITOS_FUENTE = {
    "Nacional (urbano)": "Nacional urbano",
    "Prov. Const. del Callao": "Callao",
    "La Libertad (departamento)": "La Libertad",
    "Lima (área metropolitana)": "Lima Metropolitana",
    "Lima Metropolitana (43 distritos)": "Lima Metropolitana",
    "LIMA (departamento: Lima Metropolitana + Region Lima)": "Lima (departamento, con Región Lima)",
}

# Nivel territorial de cada ámbito de la tabla de victimización: evita leer La Libertad como Trujillo.
NIVELES = {
    "Nacional urbano": "nacional",
    "Nacional": "nacional",
    "Lima Metropolitana": "área metropolitana",
    "Lima Metropolitana y Callao": "área metropolitana",
    "Callao": "provincia constitucional",
    "La Libertad": "departamento",
    "Trujillo (ciudad)": "ciudad",
    "Callao (ciudad)": "ciudad",
    "Chimbote (ciudad)": "ciudad",
    "23 ciudades": "varias ciudades",
    "23 ciudades (promedio)": "varias ciudades",
    "Principales ciudades": "varias ciudades",
    "Ciudades de 20 mil y más hab.": "varias ciudades",
    "El Porvenir, La Esperanza y Florencia de Mora (Trujillo)": "varios distritos",
}

MEDIDAS = {
    "count": "conteo",
    "share_pct_of_denuncias": "porcentaje_de_denuncias",
    "pct_of_victims_multiresponse": "porcentaje_de_victimas_respuesta_multiple",
    "share_pct_of_violencia_familiar": "porcentaje_de_violencia_familiar",
}

AMBITO_CUBIERTO = {
    "Callao": "Provincia Constitucional del Callao (7 distritos)",
    "La Libertad": "Departamento de La Libertad (12 provincias; Trujillo es una de ellas)",
    "Lima": "Departamento de Lima: Lima Metropolitana + Región Lima (no solo Lima Metropolitana)",
}

UMBRAL = re.compile(r"^\s*([<>]=?)\s*(\d+(?:\.\d+)?)\s*$")
NUMERO = re.compile(r"^\s*-?\d+(?:\.\d+)?\s*$")


# --- utilidades ---------------------------------------------------------------------------------


def _carpeta(hechos: Path | str | None) -> Path:
    carpeta = Path(hechos) if hechos else rutas.HECHOS
    if not carpeta.is_dir():
        raise ErrorLideres(
            f"No se encontró la carpeta de cifras publicadas: {carpeta}",
            como_arreglar="indica la carpeta con --hechos CARPETA (debe tener districts.csv, "
            "victimization.csv, etc.). Las tablas de data/ ya vienen listas en el proyecto: "
            "solo hace falta regenerarlas si cambian las cifras publicadas.",
        )
    return carpeta


def _ruta(hechos: Path | str | None, archivo: str) -> Path:
    ruta = _carpeta(hechos) / archivo
    if not ruta.is_file():
        raise ErrorLideres(
            f"Falta el archivo {archivo} en la carpeta de cifras publicadas ({ruta.parent}).",
            como_arreglar="revisa que la carpeta sea la de las cifras publicadas (shared/facts).",
        )
    return ruta


def _leer(hechos: Path | str | None, archivo: str) -> pd.DataFrame:
    """Lee un CSV de los hechos todo como texto (las conversiones se hacen a mano, con cuidado)."""
    return pd.read_csv(_ruta(hechos, archivo), dtype=str, keep_default_na=False, encoding="utf-8")


def _texto(serie: pd.Series) -> pd.Series:
    """Texto limpio; celda vacía -> NaN (en el CSV queda vacía)."""
    limpio = serie.astype(str).str.strip().str.lstrip(";").str.strip()
    return limpio.where(limpio != "", None)


def _resolver_idem(fuentes: pd.Series) -> pd.Series:
    """Cambia 'idem X' por la fuente completa de la fila anterior que cita X.

    Las fuentes escriben 'idem' para repetir la cita de arriba; en una tabla que se puede
    ordenar o filtrar eso se pierde, así que escribimos la cita completa en cada fila.
    """
    resueltas: list[str] = []
    for fuente in fuentes.astype(str):
        texto = fuente.strip()
        if not texto.lower().startswith("idem"):
            resueltas.append(texto)
            continue
        resto = texto[4:].strip()
        extra = re.findall(r"\([^)]*\)", resto)
        clave = re.sub(r"\([^)]*\)", "", resto).split()
        completa = None
        if clave:
            for anterior in reversed(resueltas):
                if clave[0].lower() in anterior.lower():
                    completa = anterior
                    break
        if completa is None:
            completa = resueltas[-1] if resueltas else texto
        # Lo que la fila agregaba entre paréntesis (p. ej. "(IDL 2017)") se conserva.
        extra = [e for e in extra if e not in completa and e != "(brief)"]
        resueltas.append(" ".join([completa, *extra]))
    return pd.Series(resueltas, index=fuentes.index)


def _valores(publicado: pd.Series) -> pd.DataFrame:
    """valor (número), valor_publicado (texto tal cual) y es_umbral (">40" = más de 40, no exacto)."""
    texto = publicado.astype(str).str.strip()
    umbral = texto.str.match(UMBRAL)
    numero = texto.where(texto.str.match(NUMERO) | umbral).str.replace(r"[<>=\s]", "", regex=True)
    return pd.DataFrame(
        {
            "valor": pd.to_numeric(numero, errors="coerce").astype(float),
            "valor_publicado": texto.where(texto != "", None),
            "es_umbral": umbral.astype(bool),
        },
        index=publicado.index,
    )


def _ambito(serie: pd.Series) -> pd.Series:
    return serie.str.strip().replace(AMBITOS_FUENTE)


# --- tablas -------------------------------------------------------------------------------------


def distritos(hechos: Path | None = None) -> pd.DataFrame:
    """Los 61 distritos: nombre con tildes, población 2017 y 2020, área, centroide, comisarías."""
    d = pd.read_csv(_ruta(hechos, "districts.csv"), dtype={"ubigeo": str})
    tabla = pd.DataFrame(
        {
            "ubigeo": d["ubigeo"],
            "distrito": d["district_display"],
            "distrito_inei": d["district"],
            "provincia": d["province"].map(PROVINCIAS),
            "departamento": d["department"].map(DEPARTAMENTOS),
            "ambito": d["province"].map(AMBITOS),
            "poblacion_2017": d["population_2017"].astype(int),
            "poblacion_2020": d["population_2020_est"].astype(int),
            "hogares_2017": d["households_2017"].astype(int),
            "area_km2": d["area_km2"],
            "lat": d["lat"],
            "lon": d["lon"],
            "comisarias_2017": d["comisarias_2017"].astype(int),
            "fuente": d["source"],
        }
    )
    return tabla.sort_values("ubigeo").reset_index(drop=True)


def denuncias_distrito(hechos: Path | None = None) -> pd.DataFrame:
    """Denuncias SIDPOL 2024 y 2025 de los 50 distritos de Lima Metropolitana y Callao.

    No se copian las tasas ya calculadas por terceros: `lideres.tasas` las calcula.
    """
    d = _leer(hechos, "denuncias_distrito_lima_callao_2024_2025.csv")
    base = distritos(_carpeta(hechos))[["ubigeo", "distrito", "provincia", "ambito", "poblacion_2020"]]
    tabla = pd.DataFrame(
        {
            "ubigeo": d["ubigeo"].str.strip(),
            "denuncias_2024": d["denuncias_2024"].astype(int),
            "denuncias_2025": d["denuncias_2025"].astype(int),
            "pct_robo_2025": d["pct_robo_2025"].astype(float),
            "pct_hurto_2025": d["pct_hurto_2025"].astype(float),
            "pct_extorsion_2025": d["pct_extorsion_2025"].astype(float),
            "fuente": _texto(d["source"]),
        }
    )
    faltan = sorted(set(tabla["ubigeo"]) - set(base["ubigeo"]))
    if faltan:
        raise ErrorLideres(
            f"Hay ubigeos de denuncias que no están en la tabla de distritos: {', '.join(faltan)}",
            como_arreglar="revisa districts.csv y denuncias_distrito_lima_callao_2024_2025.csv.",
        )
    tabla = base.merge(tabla, on="ubigeo", how="inner", validate="one_to_one")
    columnas = [
        "ubigeo", "distrito", "provincia", "ambito", "poblacion_2020", "denuncias_2024",
        "denuncias_2025", "pct_robo_2025", "pct_hurto_2025", "pct_extorsion_2025", "fuente",
    ]
    return tabla[columnas].sort_values("ubigeo").reset_index(drop=True)


def victimizacion(hechos: Path | None = None) -> pd.DataFrame:
    """Encuestas de victimización, percepción de inseguridad y confianza en la PNP (formato largo)."""
    v = _leer(hechos, "victimization.csv")
    ambito = _ambito(v["area"])
    fuente = _resolver_idem(v["source"])
    universo = _texto(v["universe"]).replace({"15+ urbano": "población urbana de 15+ años"})
    tabla = pd.DataFrame(
        {
            "anio": v["year"].astype(int),
            "ambito": ambito,
            "nivel_territorial": ambito.map(NIVELES).fillna("distrito"),
            "indicador": v["indicator"].str.strip(),
        }
    )
    tabla = tabla.join(_valores(v["value"]))
    tabla["periodo"] = _texto(v["period"])
    tabla["universo"] = universo
    tabla["serie_anual_enapres"] = fuente.str.startswith("SRC-ENAPRES-MININTER") & (
        tabla["periodo"] == "año"
    )
    tabla["fuente"] = fuente
    tabla["nota"] = _texto(v["note"])
    orden = ["serie_anual_enapres", "indicador", "ambito", "anio", "periodo"]
    tabla = tabla.sort_values(orden, ascending=[False, True, True, True, True], kind="mergesort")
    return tabla.reset_index(drop=True)


def denuncias_departamento(hechos: Path | None = None) -> pd.DataFrame:
    """Denuncias SIDPOL por año y modalidad: Callao, La Libertad y departamento de Lima (ancho)."""
    d = _leer(hechos, "denuncias_departamento_modalidad_2018_2026.csv")
    departamento = d["departamento"].str.split("(").str[0].str.strip().map(DEPARTAMENTOS)
    tabla = pd.DataFrame(
        {
            "departamento": departamento,
            "ambito_cubierto": departamento.map(AMBITO_CUBIERTO),
            "anio": d["anio"].astype(int),
            "meses_observados": d["meses_observados"].astype(int),
        }
    )
    tabla["anio_completo"] = tabla["meses_observados"] == 12
    tabla["denuncias_total"] = d["denuncias_total"].astype(int)
    for modalidad in tablas.MODALIDADES:
        tabla[f"denuncias_{modalidad}"] = d[f"denuncias_{modalidad}"].astype(int)
    tabla["fuente"] = _texto(d["source"])
    tabla["nota"] = _texto(d["note"])
    return tabla.sort_values(["departamento", "anio"]).reset_index(drop=True)


def denuncias_mensuales(hechos: Path | None = None) -> pd.DataFrame:
    """Denuncias por mes (solo La Libertad, ene-ago 2024; setiembre truncado en la fuente = vacío)."""
    m = _leer(hechos, "monthly_denuncias.csv")
    ambito = _ambito(m["area"])
    tabla = pd.DataFrame(
        {
            "ambito": ambito,
            "nivel_territorial": ambito.map(NIVELES).fillna("departamento"),
            "anio": m["year"].astype(int),
            "mes": m["month"].astype(int),
            "tipo": m["crime_type"].str.strip(),
            "denuncias": pd.to_numeric(m["count"].str.strip().where(m["count"].str.strip() != "")).astype(
                "Int64"
            ),
            "fuente": _texto(m["source"]),
            "nota": _texto(m["note"]),
        }
    )
    return tabla.sort_values(["ambito", "anio", "mes", "tipo"]).reset_index(drop=True)


def _anios(periodo: str) -> tuple[int | None, int | None]:
    """Primer y último año que cubre un periodo escrito a mano ('2013 (1 ene-26 ago)', '1990s')."""
    decada = re.fullmatch(r"(\d{3})0s", periodo.strip())
    if decada:
        return int(decada.group(1) + "0"), int(decada.group(1) + "9")
    anios = [int(a) for a in re.findall(r"(?<!\d)(19\d\d|20\d\d)(?!\d)", periodo)]
    if not anios:
        return None, None
    if re.search(r"\d{4}-\)", periodo):  # "(2014-)": sin año de fin
        return anios[0], None
    return anios[0], anios[-1]


def otros_indicadores(hechos: Path | None = None) -> pd.DataFrame:
    """Homicidios, extorsión, totales de denuncias, cifras de Trujillo, comisarías, serenazgo..."""
    o = _leer(hechos, "other_indicators.csv")
    o = o.assign(source=_resolver_idem(o["source"]))
    filas = []
    for _, fila in o.iterrows():
        valor = fila["value"].strip()
        # Una fila trae la serie 2005-2012 empaquetada ("2005:152516;2006:..."): una fila por año.
        if re.fullmatch(r"(\d{4}:\d+;?)+", valor):
            for parte in valor.strip(";").split(";"):
                anio, numero = parte.split(":")
                filas.append({**fila.to_dict(), "period": anio, "value": numero})
        else:
            filas.append(fila.to_dict())
    o = pd.DataFrame(filas)
    anios = o["period"].map(_anios)
    periodo = o["period"].str.strip()
    tabla = pd.DataFrame(
        {
            "ambito": _ambito(o["area"]),
            "periodo": periodo,
            "anio_inicio": pd.array([a for a, _ in anios], dtype="Int64"),
            "anio_fin": pd.array([b for _, b in anios], dtype="Int64"),
            # Un año con meses entre paréntesis: no se compara con años completos.
            "periodo_parcial": periodo.str.match(r"^\d{4}.*\(").astype(bool),
            "indicador": o["indicator"].str.strip(),
        }
    )
    tabla = tabla.join(_valores(o["value"]).reset_index(drop=True))
    tabla["unidad"] = _texto(o["unit"])
    # "+30% vs 2012" se abriría en Excel como fórmula: se escribe en palabras.
    nota = _texto(o["note"]).str.replace(r"^\+(?=\d)", "aumento de ", regex=True)
    tabla["por_verificar"] = (
        tabla["es_umbral"] | nota.fillna("").str.contains(r"verificar|derivado", case=False)
    ).astype(bool)
    tabla["fuente"] = o["source"].str.strip()
    tabla["nota"] = nota
    return tabla.reset_index(drop=True)


def composicion_delitos(hechos: Path | None = None) -> pd.DataFrame:
    """Composición por tipo de delito (conteos y porcentajes) por ámbito y año, formato largo."""
    c = _leer(hechos, "crime_mix.csv")
    anio = c["year"].str.strip()
    nota = _texto(c["note"])
    periodo = _texto(c["period"])
    tabla = pd.DataFrame(
        {
            "ambito": _ambito(c["area"]),
            # "2018-2025(ene-jun)" es un acumulado de varios años: queda sin año.
            "anio": pd.to_numeric(anio.where(anio.str.fullmatch(r"\d{4}")), errors="coerce").astype(
                "Int64"
            ),
            "periodo": periodo.replace({"año 2022": "año completo"}),
            "tipo_delito": c["crime_type"].str.strip().str.replace("TOTAL", "Total", regex=False),
            "medida": c["measure"].str.strip().map(MEDIDAS),
            "valor": c["share_or_count"].astype(float),
        }
    )
    tabla["periodo_completo"] = tabla["periodo"] == "año completo"
    tabla["es_derivado"] = nota.fillna("").str.contains("derivado", case=False).astype(bool)
    tabla["fuente"] = _texto(c["source"])
    tabla["nota"] = nota
    return tabla.reset_index(drop=True)


# --- escritura ----------------------------------------------------------------------------------

# nombre corto de la tabla (ver lideres.tablas) -> función que la construye. El orden es el del
# resumen que se imprime.
TABLAS = {
    "distritos": distritos,
    "denuncias_distrito": denuncias_distrito,
    "victimizacion": victimizacion,
    "denuncias_departamento": denuncias_departamento,
    "denuncias_mensuales": denuncias_mensuales,
    "otros_indicadores": otros_indicadores,
    "composicion_delitos": composicion_delitos,
}


def importar(hechos: Path | str | None = None, destino: Path | str | None = None) -> dict[str, int]:
    """Regenera todas las tablas de hechos en `destino` (por defecto data/). Devuelve filas por tabla.

    Construye y valida todas antes de escribir: si una falla, no se escribe ninguna a medias.
    """
    carpeta = _carpeta(hechos)
    destino = Path(destino) if destino else rutas.DATOS
    construidas = {nombre: funcion(carpeta) for nombre, funcion in TABLAS.items()}
    for nombre, tabla in construidas.items():
        tablas.validar(nombre, tabla)
    for nombre, tabla in construidas.items():
        tablas.escribir_csv(tabla, destino / tablas.TABLAS[nombre].archivo)
    return {nombre: len(tabla) for nombre, tabla in construidas.items()}


def cli_importar(args) -> int:
    hechos = getattr(args, "hechos", None)
    destino = getattr(args, "destino", None)
    filas = importar(hechos, destino)
    carpeta = Path(destino) if destino else rutas.DATOS
    print(f"Cifras publicadas llevadas a {carpeta}:")
    for nombre, n in filas.items():
        print(f"  {tablas.TABLAS[nombre].archivo}: {formato.numero(n)} filas")
    print("Listo. Revisa los cambios con git antes de guardarlos.")
    return 0
