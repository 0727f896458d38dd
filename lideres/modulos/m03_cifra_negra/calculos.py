"""Módulo 03 «La cifra negra»: cuántos delitos puede haber detrás de un número de denuncias.

Solo cifras publicadas: la victimización de la ENAPRES (serie anual 2013-2024 del MININTER), la
parte de las víctimas que denunció (INEI, semestres citados en la prensa) y las denuncias del SIDPOL.
Lo que no está publicado se dice: la ENAPRES no tiene serie para Trujillo (La Libertad es lo más
cercano) y no hay población de La Libertad en las tablas del curso.

Las figuras son de matplotlib: el libro las muestra como imagen y el tablero también.
"""

from __future__ import annotations

import functools
import math

import pandas as pd

from lideres import formato
from lideres.errores import ErrorLideres, una_de

AMBITOS: tuple[str, ...] = ("Lima Metropolitana", "Callao", "La Libertad")
ANIO_DENUNCIAS = 2024  # el último año completo con ENAPRES y SIDPOL a la vez

FUENTE_ENAPRES = "Fuente: MININTER con datos del INEI (ENAPRES), serie anual 2013-2024."
FUENTE_TASA_DENUNCIA = (
    "Fuente: INEI (ENAPRES), semestres de 2016-2017, 2018, 2019 y 2025, citados en la prensa."
)
FUENTE_SIDPOL = "Fuente: MININTER – SIDPOL (denuncias policiales)."
NOTA_LA_LIBERTAD = (
    "La ENAPRES no publica una serie para Trujillo: La Libertad (todo el departamento) es lo "
    "más cercano. Trujillo es algo más de la mitad de su población."
)
NOTA_LIMA_DEPARTAMENTO = (
    "Denuncias de Lima: departamento completo (Lima Metropolitana más Región Lima)."
)

# Colores que se distinguen con daltonismo (azul y naranja de ColorBrewer/Okabe-Ito).
AZUL = "#2c7fb8"
NARANJA = "#d95f02"
GRIS = "#666666"

INDICADOR_VICTIMAS = "victimizacion_algun_hecho_delictivo_pct"
INDICADOR_DENUNCIAN = "victimas_que_denunciaron_pct"


# ------------------------------------------------------------------ datos


def revisar_ambito(ambito: str) -> str:
    return una_de(ambito, AMBITOS, no_hay="datos de la cifra negra")


@functools.lru_cache(maxsize=1)
def _victimizacion() -> pd.DataFrame:
    from lideres.tablas import cargar

    return cargar("victimizacion")


def serie_victimizacion(ambito: str) -> pd.DataFrame:
    """Columnas `anio` y `valor`: % de personas de 15 años o más que fueron víctimas de algún
    delito en los 12 meses anteriores (ENAPRES, serie anual)."""
    revisar_ambito(ambito)
    v = _victimizacion()
    filas = v[
        v["serie_anual_enapres"].astype(bool)
        & (v["ambito"] == ambito)
        & (v["indicador"] == INDICADOR_VICTIMAS)
    ]
    return filas[["anio", "valor"]].sort_values("anio").reset_index(drop=True)


def victimas_de_cada_100(ambito: str, anio: int = ANIO_DENUNCIAS) -> float:
    serie = serie_victimizacion(ambito).set_index("anio")["valor"]
    if int(anio) not in serie.index:
        raise ErrorLideres(
            f"La ENAPRES no tiene victimización de {ambito} en {anio}.",
            como_arreglar="Usa un año entre " + f"{serie.index.min()} y {serie.index.max()}.",
        )
    return float(serie.loc[int(anio)])


def tasas_de_denuncia() -> pd.DataFrame:
    """Cuántas de cada 100 víctimas denunciaron, según el INEI: una fila por dato publicado."""
    v = _victimizacion()
    filas = v[v["indicador"] == INDICADOR_DENUNCIAN]
    return (
        filas[["anio", "ambito", "periodo", "valor", "fuente"]]
        .sort_values(["anio", "ambito"])
        .reset_index(drop=True)
    )


def rango_publicado() -> tuple[float, float]:
    """El menor y el mayor «de cada 100 víctimas, cuántas denunciaron» publicados (13.9 y 16.9)."""
    valores = tasas_de_denuncia()["valor"]
    return float(valores.min()), float(valores.max())


@functools.lru_cache(maxsize=1)
def _denuncias_departamento() -> pd.DataFrame:
    from lideres.tablas import cargar

    return cargar("denuncias_departamento")


def serie_denuncias(ambito: str) -> pd.DataFrame:
    """Denuncias SIDPOL por año completo (2018-2025) del departamento que contiene al ámbito.

    Para Lima Metropolitana es el departamento de Lima entero (incluye Región Lima)."""
    revisar_ambito(ambito)
    departamento = "Lima" if ambito == "Lima Metropolitana" else ambito
    d = _denuncias_departamento()
    filas = d[(d["departamento"] == departamento) & d["anio_completo"].astype(bool)]
    serie = filas[["anio", "denuncias_total"]].rename(columns={"denuncias_total": "denuncias"})
    return serie.sort_values("anio").reset_index(drop=True)


@functools.lru_cache(maxsize=4)
def denuncias_del_ambito(ambito: str, anio: int = ANIO_DENUNCIAS) -> int:
    """Denuncias de un año en el ámbito. Lima Metropolitana: suma de sus 43 distritos (solo 2024 y
    2025); Callao y La Libertad: total del departamento."""
    revisar_ambito(ambito)
    anio = int(anio)
    if ambito == "Lima Metropolitana":
        from lideres.tablas import cargar

        columna = f"denuncias_{anio}"
        d = cargar("denuncias_distrito")
        if columna not in d.columns:
            raise ErrorLideres(
                f"No hay denuncias por distrito de Lima Metropolitana en {anio}.",
                como_arreglar="Usa 2024 o 2025.",
            )
        return int(d.loc[d["ambito"] == ambito, columna].sum())
    serie = serie_denuncias(ambito).set_index("anio")["denuncias"]
    if anio not in serie.index:
        raise ErrorLideres(
            f"No hay denuncias de {ambito} en {anio} (año completo).",
            como_arreglar=f"Usa un año entre {serie.index.min()} y {serie.index.max()}.",
        )
    return int(serie.loc[anio])


def poblacion_del_ambito(ambito: str) -> int | None:
    """Población estimada 2020 (INEI). None para La Libertad: el curso no tiene su población."""
    revisar_ambito(ambito)
    if ambito == "La Libertad":
        return None
    from lideres.tablas import cargar

    d = cargar("distritos")
    return int(d.loc[d["ambito"] == ambito, "poblacion_2020"].sum())


def comparacion(anio: int = ANIO_DENUNCIAS) -> pd.DataFrame:
    """Por ámbito: víctimas de cada 100 (encuesta) y denuncias por cada 100 personas (SIDPOL).

    Es una comparación gruesa: la encuesta pregunta a personas de 15 años o más; las denuncias
    se dividen entre toda la población estimada 2020. Donde no hay población, queda vacío."""
    filas = []
    for ambito in AMBITOS:
        denuncias = denuncias_del_ambito(ambito, anio)
        poblacion = poblacion_del_ambito(ambito)
        por_100 = None if poblacion is None else 100 * denuncias / poblacion
        victimas = victimas_de_cada_100(ambito, anio)
        filas.append(
            {
                "ambito": ambito,
                "victimas_de_cada_100": victimas,
                "denuncias": denuncias,
                "poblacion_2020": poblacion,
                "denuncias_por_cada_100": por_100,
                "denuncias_por_cada_100_victimas": None if por_100 is None else 100 * por_100 / victimas,
            }
        )
    return pd.DataFrame(filas)


def tabla_comparacion(anio: int = ANIO_DENUNCIAS):
    """La comparación lista para leer: encabezados en español y números es-PE."""
    t = comparacion(anio)
    vista = pd.DataFrame(
        {
            "Lugar": t["ambito"],
            f"Víctimas de cada 100 (ENAPRES {anio})": [formato.numero(v, 1) for v in t["victimas_de_cada_100"]],
            f"Denuncias {anio} (SIDPOL)": [formato.numero(v) for v in t["denuncias"]],
            "Denuncias de cada 100 habitantes": [
                "sin dato de población" if pd.isna(v) else formato.numero(v, 1)
                for v in t["denuncias_por_cada_100"]
            ],
        }
    )
    return vista.style.hide(axis="index")


def tabla_tasas_de_denuncia():
    """Lo que publicó el INEI sobre cuántas víctimas denuncian, listo para leer."""
    t = tasas_de_denuncia()
    vista = pd.DataFrame(
        {
            "Periodo": t["periodo"],
            "Lugar": t["ambito"],
            "De cada 100 víctimas, denunciaron": [formato.numero(v, 1) for v in t["valor"]],
        }
    )
    return vista.style.hide(axis="index")


# ------------------------------------------------------------------ cálculo del explorador


def _revisar_denuncian(de_cada_100) -> float:
    try:
        valor = float(de_cada_100)
    except (TypeError, ValueError):
        valor = math.nan
    if not 0 < valor <= 100:
        raise ErrorLideres(
            f"«{de_cada_100}» no sirve como «de cada 100 víctimas, cuántas denuncian».",
            como_arreglar="Escribe un número mayor que 0 y hasta 100 (por ejemplo 15).",
        )
    return valor


def _revisar_denuncias(denuncias) -> float:
    try:
        valor = float(denuncias)
    except (TypeError, ValueError):
        valor = math.nan
    if not valor >= 0:
        raise ErrorLideres(
            f"«{denuncias}» no es un número de denuncias.",
            como_arreglar="Escribe un número entero de 0 o más (por ejemplo 34536).",
        )
    return valor


def delitos_posibles(denuncias, de_cada_100) -> float:
    """Si denuncian `de_cada_100` de cada 100 víctimas, `denuncias` denuncias equivalen a unos
    denuncias × 100 ÷ de_cada_100 delitos. Ejemplo: 15 denuncias, 15 de cada 100 → 100 delitos."""
    return _revisar_denuncias(denuncias) * 100 / _revisar_denuncian(de_cada_100)


def redondeo_honesto(valor: float) -> float:
    """Dos cifras significativas: una estimación no merece más (348 712 → 350 000)."""
    if valor <= 0:
        return 0.0
    exponente = math.floor(math.log10(valor)) - 1
    return float(round(valor / 10**exponente) * 10**exponente)


def rango_de_delitos(denuncias, bajo: float | None = None, alto: float | None = None):
    """(menos, más) delitos posibles con el rango publicado de «cuántos denuncian».

    Más denuncia la gente → menos delitos por cada denuncia: el extremo bajo usa `alto`."""
    publicado_bajo, publicado_alto = rango_publicado()
    bajo = publicado_bajo if bajo is None else bajo
    alto = publicado_alto if alto is None else alto
    return delitos_posibles(denuncias, alto), delitos_posibles(denuncias, bajo)


def frase_explorador(denuncias, de_cada_100) -> str:
    """Lo que el tablero dice en palabras, con un rango y no un solo número."""
    posibles = redondeo_honesto(delitos_posibles(denuncias, de_cada_100))
    menos, mas = (redondeo_honesto(x) for x in rango_de_delitos(denuncias))
    bajo, alto = rango_publicado()
    de_cada = formato.numero(de_cada_100)
    return (
        f"Si denuncian {de_cada} de cada 100 víctimas, {formato.numero(denuncias)} denuncias "
        f"equivalen a unos {formato.numero(posibles)} delitos. Con lo que publicó el INEI "
        f"(entre {formato.numero(bajo, 1)} y {formato.numero(alto, 1)} de cada 100 víctimas "
        f"denunciaron), serían entre {formato.numero(menos)} y {formato.numero(mas)}."
    )


# ------------------------------------------------------------------ figuras


def _pyplot():
    import matplotlib.pyplot as plt

    return plt


def _pie(fig, textos: list[str], ancho: int = 70) -> int:
    import textwrap

    lineas = []
    for t in textos:
        lineas.extend(textwrap.wrap(t, ancho, break_on_hyphens=False))
    fig.text(0.02, 0.01, "\n".join(lineas), fontsize=8, color="#333333", va="bottom", ha="left")
    return len(lineas)


def grafico_denuncias_y_victimas(ambito: str = "Lima Metropolitana"):
    """Dos paneles, un mismo eje de años: víctimas de cada 100 (ENAPRES) y denuncias (SIDPOL).

    Muestra que las dos cifras no se mueven juntas."""
    victimas = serie_victimizacion(ambito)
    denuncias = serie_denuncias(ambito)
    plt = _pyplot()
    fig, (arriba, abajo) = plt.subplots(2, 1, figsize=(6.4, 6.6), sharex=True)
    arriba.plot(victimas["anio"], victimas["valor"], marker="o", color=AZUL, linewidth=2)
    arriba.set_ylim(0, max(45, float(victimas["valor"].max()) + 5))
    arriba.set_ylabel("víctimas de cada 100\npersonas (15+ años)", fontsize=9)
    arriba.set_title(
        f"{ambito}: víctimas (encuesta) y denuncias (policía)", fontsize=11, loc="left"
    )
    arriba.text(0.01, 0.04, "Encuesta ENAPRES", transform=arriba.transAxes, fontsize=9, color=AZUL)
    abajo.bar(denuncias["anio"], denuncias["denuncias"], color=NARANJA, width=0.7)
    abajo.set_ylabel("denuncias en el año\n(número)", fontsize=9)
    abajo.yaxis.set_major_formatter(lambda x, _p: formato.numero(x))
    abajo.text(0.01, 0.92, "Denuncias SIDPOL (desde 2018)", transform=abajo.transAxes, fontsize=9, color=NARANJA)
    for eje in (arriba, abajo):
        eje.spines[["top", "right"]].set_visible(False)
        eje.grid(axis="y", color="#dddddd", linewidth=0.6)
        eje.tick_params(labelsize=8)
    abajo.set_xticks(range(2013, 2026, 2))
    abajo.set_xlabel("año", fontsize=9)
    notas = [FUENTE_ENAPRES, FUENTE_SIDPOL + " Años completos 2018-2025."]
    if ambito == "Lima Metropolitana":
        notas.append(NOTA_LIMA_DEPARTAMENTO)
    if ambito == "La Libertad":
        notas.append(NOTA_LA_LIBERTAD)
    n = _pie(fig, notas)
    fig.subplots_adjust(left=0.17, right=0.97, top=0.94, bottom=0.1 + 0.027 * n, hspace=0.12)
    plt.close(fig)
    return fig


def texto_alternativo_series(ambito: str) -> str:
    """Lo que dice el gráfico de series, para quien no lo ve."""
    v = serie_victimizacion(ambito).set_index("anio")["valor"]
    d = serie_denuncias(ambito).set_index("anio")["denuncias"]
    return (
        f"Dos gráficos de {ambito}. Arriba, víctimas de cada 100 personas según la encuesta "
        f"ENAPRES: {formato.numero(v.iloc[0], 1)} en {v.index[0]} y {formato.numero(v.iloc[-1], 1)} "
        f"en {v.index[-1]}. Abajo, denuncias policiales por año: {formato.numero(d.iloc[0])} en "
        f"{d.index[0]} y {formato.numero(d.iloc[-1])} en {d.index[-1]}. " + nota_del_ambito(ambito)
    ).strip()


def nota_del_ambito(ambito: str) -> str:
    """La advertencia que acompaña a las cifras de un lugar ("" si no hace falta)."""
    if ambito == "La Libertad":
        return NOTA_LA_LIBERTAD
    if ambito == "Lima Metropolitana":
        return NOTA_LIMA_DEPARTAMENTO
    return ""


def grafico_explorador(
    denuncias, de_cada_100: float = 15, ambito: str | None = None, anio: int = ANIO_DENUNCIAS
):
    """Curva: cuántos delitos puede haber detrás de `denuncias`, según cuántos denuncian.

    La franja es el rango publicado por el INEI; el punto, lo que eligió la persona."""
    import numpy as np

    denuncias = _revisar_denuncias(denuncias)
    de_cada_100 = _revisar_denuncian(de_cada_100)
    bajo, alto = rango_publicado()
    x = np.linspace(5, 60, 200)
    y = denuncias * 100 / x
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.4, 4.8))
    ax.axvspan(bajo, alto, color="#fdd0a2", alpha=0.8, label="lo que publicó el INEI")
    ax.plot(x, y, color=AZUL, linewidth=2)
    ax.plot([de_cada_100], [denuncias * 100 / de_cada_100], "o", color=NARANJA, markersize=10,
            markeredgecolor="#222222", label="tu elección")
    ax.axhline(denuncias, color=GRIS, linewidth=1, linestyle="--")
    ax.text(59, denuncias, "denuncias", ha="right", va="bottom", fontsize=8, color=GRIS)
    ax.set_xlim(5, 60)
    ax.set_ylim(0, denuncias * 100 / 5 * 1.05)
    ax.yaxis.set_major_formatter(lambda v, _p: formato.numero(v))
    ax.set_xlabel("de cada 100 víctimas, cuántas denuncian", fontsize=9)
    ax.set_ylabel("delitos posibles (número)", fontsize=9)
    lugar = f"{ambito}, {anio}: " if ambito else ""
    ax.set_title(
        f"{lugar}{formato.numero(denuncias)} denuncias, ¿cuántos delitos detrás?",
        fontsize=11, loc="left",
    )
    ax.legend(loc="upper right", fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=8)
    notas = [
        "Cálculo: delitos posibles = denuncias × 100 ÷ (de cada 100 víctimas, cuántas denuncian).",
        FUENTE_TASA_DENUNCIA,
    ]
    n = _pie(fig, notas)
    fig.subplots_adjust(left=0.17, right=0.97, top=0.92, bottom=0.14 + 0.035 * n)
    plt.close(fig)
    return fig


def texto_alternativo_explorador(denuncias, de_cada_100: float = 15) -> str:
    return (
        "Curva que baja: cuantas más víctimas denuncian, menos delitos hay detrás de cada "
        "denuncia. " + frase_explorador(denuncias, de_cada_100)
    )
