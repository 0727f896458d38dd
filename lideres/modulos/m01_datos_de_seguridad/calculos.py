"""Módulo 01 «¿De dónde vienen los datos?»: cuatro fuentes y lo que cada una deja fuera.

- Denuncias policiales (SIDPOL): cifras publicadas por departamento y año, y qué tipos de hecho
  hay dentro («denuncias» no es «robos»).
- Un mismo lugar visto por tres registros: denuncias, serenazgo y cuaderno de la junta vecinal en
  El Porvenir, La Esperanza y Florencia de Mora. **Son datos sintéticos** (inventados con semilla
  para practicar): no hay registros publicados de serenazgo ni de juntas vecinales.
"""

from __future__ import annotations

import functools

import pandas as pd

from lideres import formato
from lideres.errores import ErrorLideres, una_de

DEPARTAMENTOS: tuple[str, ...] = ("Lima", "Callao", "La Libertad")
DISTRITOS_SINTETICOS: tuple[str, ...] = ("El Porvenir", "La Esperanza", "Florencia de Mora")
FUENTES_REGISTRO: tuple[str, ...] = ("Denuncia PNP", "Serenazgo", "Junta vecinal")
ANIO_SINTETICO = 2025
MODALIDADES: dict[str, str] = {
    "denuncias_robo": "Robo",
    "denuncias_hurto": "Hurto",
    "denuncias_estafa": "Estafa",
    "denuncias_extorsion": "Extorsión",
    "denuncias_secuestro": "Secuestro",
    "denuncias_violencia_mujer_integrantes": "Violencia contra la mujer y la familia",
    "denuncias_otros": "Otros",
}
COLORES_FUENTE = {"Denuncia PNP": "#2c7fb8", "Serenazgo": "#d95f02", "Junta vecinal": "#5a2d82"}
TRAMAS_FUENTE = {"Denuncia PNP": None, "Serenazgo": "///", "Junta vecinal": ".."}

FUENTE_SIDPOL = "Fuente: MININTER – SIDPOL (denuncias policiales), años completos 2018-2025."
# «Callao» dice siempre si es el distrito o la provincia: aquí es la provincia constitucional.
NOMBRE_LEGIBLE = {"Callao": "el Callao (la provincia)", "Lima": "el departamento de Lima",
                  "La Libertad": "La Libertad (el departamento)"}
TITULO_LEGIBLE = {"Callao": "Callao (provincia)", "Lima": "Lima (departamento)",
                  "La Libertad": "La Libertad (departamento)"}
NOTA_LIMA = "Lima = departamento completo (Lima Metropolitana más Región Lima)."


def aviso_sintetico(distrito: str | None = None) -> str:
    """Qué son y qué no son las filas sintéticas, con los números del generador
    (`lideres.sinteticos.pie_sintetico`): en Trujillo no hay denuncias publicadas por distrito."""
    from lideres.sinteticos import pie_sintetico

    return pie_sintetico(distrito, ANIO_SINTETICO)


def revisar_departamento(departamento: str) -> str:
    return una_de(departamento, DEPARTAMENTOS, no_hay="denuncias por tipo",
                  usa="Usa uno de estos departamentos: ")


def revisar_distrito(distrito: str) -> str:
    return una_de(distrito, DISTRITOS_SINTETICOS,
                  no_hay="registros de práctica de serenazgo y junta vecinal", usa="Usa ")


@functools.lru_cache(maxsize=1)
def _departamentos() -> pd.DataFrame:
    from lideres.tablas import cargar

    d = cargar("denuncias_departamento")
    return d[d["anio_completo"].astype(bool)]


def anios() -> list[int]:
    return sorted(int(a) for a in _departamentos()["anio"].unique())


def serie_departamentos() -> pd.DataFrame:
    """Columnas `departamento`, `anio`, `denuncias` (años completos)."""
    d = _departamentos()
    return (
        d[["departamento", "anio", "denuncias_total"]]
        .rename(columns={"denuncias_total": "denuncias"})
        .sort_values(["departamento", "anio"])
        .reset_index(drop=True)
    )


def mezcla(departamento: str, anio: int) -> pd.DataFrame:
    """Tipos de denuncia de un departamento y año: `tipo`, `denuncias`, `de_cada_100`, de mayor a
    menor («Otros» al final)."""
    revisar_departamento(departamento)
    d = _departamentos()
    filas = d[(d["departamento"] == departamento) & (d["anio"] == int(anio))]
    if filas.empty:
        raise ErrorLideres(
            f"No hay denuncias de {departamento} en {anio} (año completo).",
            como_arreglar=f"Usa un año entre {anios()[0]} y {anios()[-1]}.",
        )
    f = filas.iloc[0]
    total = int(f["denuncias_total"])
    t = pd.DataFrame(
        {
            "tipo": list(MODALIDADES.values()),
            "denuncias": [int(f[c]) for c in MODALIDADES],
        }
    )
    t["de_cada_100"] = 100 * t["denuncias"] / total
    t["orden"] = (t["tipo"] == "Otros").astype(int)
    return t.sort_values(["orden", "denuncias"], ascending=[True, False]).drop(columns="orden").reset_index(drop=True)


def frase_mezcla(departamento: str, anio: int) -> str:
    t = mezcla(departamento, anio).set_index("tipo")["de_cada_100"]
    lugar = NOMBRE_LEGIBLE.get(departamento, departamento)
    violencia = t["Violencia contra la mujer y la familia"]
    return (
        f"En {lugar}, en {anio}, de cada 100 denuncias, {formato.numero(violencia, 0)} fueron por "
        f"violencia contra la mujer y la familia, {formato.numero(t['Hurto'], 0)} por hurto y "
        f"{formato.numero(t['Robo'], 0)} por robo. «Denuncias» no quiere decir «robos»."
    )


@functools.lru_cache(maxsize=1)
def _sinteticos() -> pd.DataFrame:
    from lideres.tablas import cargar

    d = cargar("incidentes_sinteticos")
    d = d[d["distrito"].isin(DISTRITOS_SINTETICOS) & (d["fecha"].dt.year == ANIO_SINTETICO)]
    return d[["distrito", "tipo", "fuente_registro"]]


def registros_por_fuente(distrito: str) -> pd.DataFrame:
    """SINTÉTICO. Filas = tipo de hecho; columnas = fuente del registro (conteos, 2025)."""
    revisar_distrito(distrito)
    d = _sinteticos()
    d = d[d["distrito"] == distrito]
    t = pd.crosstab(d["tipo"], d["fuente_registro"])
    t = t.reindex(columns=list(FUENTES_REGISTRO), fill_value=0)
    return t.loc[t.sum(axis=1).sort_values(ascending=False).index]


def totales_por_fuente(distrito: str) -> dict[str, int]:
    t = registros_por_fuente(distrito)
    return {f: int(t[f].sum()) for f in FUENTES_REGISTRO}


def frase_fuentes(distrito: str) -> str:
    tot = totales_por_fuente(distrito)
    return (
        f"{distrito}, {ANIO_SINTETICO} (datos sintéticos, no casos reales): "
        f"{formato.numero(tot['Denuncia PNP'])} filas «denuncia», {formato.numero(tot['Serenazgo'])} "
        f"del serenazgo y {formato.numero(tot['Junta vecinal'])} de la junta vecinal, todas "
        "inventadas. Sirven para practicar cómo se comparan fuentes."
    )


# ------------------------------------------------------------------ figuras


def notas_fuentes(distrito: str = "El Porvenir") -> list[str]:
    return ["SINTÉTICO: " + aviso_sintetico(distrito)]


def grafico_fuentes(distrito: str = "El Porvenir", con_pie: bool = True):
    """SINTÉTICO. Barras por tipo de hecho, una por fuente del registro. `con_pie=False`: sin las
    notas dentro de la imagen (el tablero las pone como texto debajo, legible en un celular).
    Angosta y con letra grande (lideres.figura): el nombre de cada tipo va encima de sus barras."""
    import numpy as np
    from matplotlib.ticker import MaxNLocator

    from lideres import figura

    t = registros_por_fuente(distrito)
    tipos = [x.replace(" e integrantes del grupo familiar", " y familia") for x in t.index]
    # Cada tipo: una línea con su nombre y tres barras debajo (en unidades del eje y).
    paso = 1.9
    fig, ax = figura.armar(
        0.42 * paso * len(t) + 0.3, f"SINTÉTICO · {distrito}, {ANIO_SINTETICO}: qué registra cada fuente",
        notas_fuentes(distrito) if con_pie else (), izquierda=0.05,
        encima=figura.alto_leyenda(len(FUENTES_REGISTRO)))
    y = np.arange(len(t))[::-1] * paso
    alto = 0.42
    for i, fuente in enumerate(FUENTES_REGISTRO):
        ax.barh(
            y - i * alto, t[fuente], height=alto, color=COLORES_FUENTE[fuente],
            hatch=TRAMAS_FUENTE[fuente], edgecolor="white", label=fuente,
        )
    for yy, tipo in zip(y, tipos, strict=True):
        ax.text(0, yy + alto * 0.75, tipo, fontsize=figura.LETRA, va="bottom", ha="left")
    ax.set_yticks([])
    ax.set_ylim(y.min() - 3 * alto, y.max() + paso * 0.75)
    ax.set_xlabel("registros en el año (número)", fontsize=figura.LETRA)
    ax.xaxis.set_major_formatter(lambda v, _p: formato.numero(v))
    ax.xaxis.set_major_locator(MaxNLocator(4))
    figura.leyenda_encima(ax)
    figura.ejes_legibles(ax)
    ax.spines[["left"]].set_visible(False)
    _cerrar(fig)
    return fig


def _cerrar(fig) -> None:
    import matplotlib.pyplot as plt

    plt.close(fig)


def texto_alternativo_fuentes(distrito: str) -> str:
    t = registros_por_fuente(distrito)
    partes = [
        f"{tipo}: {t.loc[tipo, 'Denuncia PNP']} filas «denuncia», {t.loc[tipo, 'Serenazgo']} del "
        f"serenazgo y {t.loc[tipo, 'Junta vecinal']} de la junta vecinal"
        for tipo in t.index
    ]
    return (f"Gráfico de barras con datos sintéticos (inventados, no son casos reales) de {distrito}, "
            f"{ANIO_SINTETICO}: " + "; ".join(partes) + ".")


def notas_mezcla(departamento: str = "Callao") -> list[str]:
    notas = [FUENTE_SIDPOL, "En naranja: robo."]
    if departamento == "Lima":
        notas.append(NOTA_LIMA)
    return notas


def grafico_mezcla(departamento: str = "Callao", anio: int = 2024, con_pie: bool = True):
    """Qué hay dentro de las denuncias: de cada 100, cuántas son de cada tipo. Angosta y con letra
    grande (lideres.figura): el nombre de cada tipo va encima de su barra."""
    import numpy as np

    from lideres import figura

    t = mezcla(departamento, anio)
    paso = 1.0
    fig, ax = figura.armar(
        0.5 * len(t) + 0.2,
        f"{TITULO_LEGIBLE.get(departamento, departamento)}, {anio}: ¿qué hay dentro de las denuncias?",
        notas_mezcla(departamento) if con_pie else (), izquierda=0.05)
    y = np.arange(len(t))[::-1] * paso
    alto = 0.42
    colores = ["#d95f02" if tipo == "Robo" else "#2c7fb8" for tipo in t["tipo"]]
    ax.barh(y, t["de_cada_100"], color=colores, height=alto)
    tope = max(45, float(t["de_cada_100"].max()) + 14)
    for yy, tipo, valor in zip(y, t["tipo"], t["de_cada_100"], strict=True):
        ax.text(0, yy + alto * 0.6, tipo, fontsize=figura.LETRA, va="bottom", ha="left")
        ax.text(valor + 0.8, yy, formato.numero(valor, 1), va="center", fontsize=figura.LETRA)
    ax.set_yticks([])
    ax.set_ylim(y.min() - alto, y.max() + paso * 0.75)
    ax.set_xlim(0, tope)
    ax.set_xticks(range(0, int(tope) + 1, 20))
    ax.set_xlabel("de cada 100 denuncias", fontsize=figura.LETRA)
    figura.ejes_legibles(ax)
    ax.spines[["left"]].set_visible(False)
    _cerrar(fig)
    return fig


def texto_alternativo_mezcla(departamento: str, anio: int) -> str:
    t = mezcla(departamento, anio)
    partes = [f"{r.tipo} {formato.numero(r.de_cada_100, 1)}" for r in t.itertuples()]
    return (
        f"Barras de {NOMBRE_LEGIBLE.get(departamento, departamento)}, {anio}, de cada 100 denuncias: " + "; ".join(partes) + ". "
        + frase_mezcla(departamento, anio)
    )


NOTAS_DEPARTAMENTOS = [FUENTE_SIDPOL, "Cada panel tiene su propia escala. 2026 (enero-julio) no se "
                       "muestra: es un año incompleto."]


def grafico_departamentos(con_pie: bool = True):
    """Denuncias por año en los tres departamentos, cada uno con su escala (Lima es mucho mayor).
    Angosta y con letra grande (lideres.figura)."""
    from matplotlib.ticker import MaxNLocator

    from lideres import figura

    s = serie_departamentos()
    fig, ejes = figura.armar(1.5, "Denuncias policiales por año, 2018-2025",
                             NOTAS_DEPARTAMENTOS if con_pie else (), filas=3, izquierda=0.24,
                             entre=figura.alto_lineas(2) + 0.15, encima=figura.alto_lineas(2),
                             sharex=True)
    for ax, dep in zip(ejes, DEPARTAMENTOS, strict=True):
        d = s[s["departamento"] == dep]
        ax.bar(d["anio"], d["denuncias"], color="#2c7fb8", width=0.7)
        ax.set_title(dep + ("\n(departamento, con Región Lima)" if dep == "Lima" else ""),
                     fontsize=figura.LETRA, loc="left")
        ax.yaxis.set_major_formatter(lambda v, _p: formato.numero(v))
        ax.yaxis.set_major_locator(MaxNLocator(3))
        figura.ejes_legibles(ax)
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ejes[1].set_ylabel("denuncias en el año (número)", fontsize=figura.LETRA)
    ejes[-1].set_xticks(anios()[::2])
    _cerrar(fig)
    return fig


def texto_alternativo_departamentos() -> str:
    s = serie_departamentos()
    partes = []
    for dep in DEPARTAMENTOS:
        d = s[s["departamento"] == dep].set_index("anio")["denuncias"]
        partes.append(
            f"{dep}: {formato.numero(d.iloc[0])} en {d.index[0]}, {formato.numero(d.max())} en "
            f"{d.idxmax()} (el más alto) y {formato.numero(d.iloc[-1])} en {d.index[-1]}"
        )
    return "Tres gráficos de barras de denuncias por año. " + "; ".join(partes) + "."
