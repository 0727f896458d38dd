"""Módulo 04 «Percepción y victimización»: sentirse inseguro y ser víctima son dos cosas distintas.

Serie anual 2013-2024 de la ENAPRES publicada por el MININTER, para Nacional urbano, Lima
Metropolitana, Callao y La Libertad (lo más cercano a Trujillo: la ENAPRES no tiene serie de la
ciudad). Tres preguntas de la misma encuesta, a personas de 15 años o más de zonas urbanas:
- ¿se siente inseguro al caminar solo de noche por su zona? (percepción)
- ¿fue víctima de algún hecho delictivo en los últimos 12 meses? (victimización)
- ¿confía en la Policía Nacional? (confianza)
"""

from __future__ import annotations

import functools

import pandas as pd

from lideres import formato
from lideres.errores import ErrorLideres, una_de

AMBITOS: tuple[str, ...] = ("Nacional urbano", "Lima Metropolitana", "Callao", "La Libertad")
INDICADORES: dict[str, str] = {
    "percepcion": "percepcion_inseguridad_caminar_solo_de_noche_pct",
    "victimizacion": "victimizacion_algun_hecho_delictivo_pct",
    "confianza": "confianza_en_pnp_pct",
}
NOMBRES: dict[str, str] = {
    "percepcion": "Se siente inseguro al caminar solo de noche",
    "victimizacion": "Fue víctima de algún delito (12 meses)",
    "confianza": "Confía en la Policía Nacional",
}
# Naranja, azul y gris: se distinguen con daltonismo; además cada línea tiene su marcador.
COLORES: dict[str, str] = {"percepcion": "#d95f02", "victimizacion": "#2c7fb8", "confianza": "#555555"}
MARCADORES: dict[str, str] = {"percepcion": "s", "victimizacion": "o", "confianza": "^"}

FUENTE = "Fuente: MININTER con datos del INEI (ENAPRES), serie anual 2013-2024."
UNIVERSO = "Personas de 15 años o más de zonas urbanas."
NOTA_2020 = "2020: año de pandemia y cuarentena; compáralo con cuidado."
NOTA_LA_LIBERTAD = (
    "La ENAPRES no publica una serie para Trujillo: La Libertad (todo el departamento) es lo más "
    "cercano."
)


def revisar_ambito(ambito: str) -> str:
    return una_de(ambito, AMBITOS, no_hay="serie de percepción")


@functools.lru_cache(maxsize=1)
def _serie_anual() -> pd.DataFrame:
    from lideres.tablas import cargar

    v = cargar("victimizacion")
    return v[v["serie_anual_enapres"].astype(bool)]


@functools.lru_cache(maxsize=8)
def _serie(ambito: str) -> pd.DataFrame:
    v = _serie_anual()
    v = v[v["ambito"] == ambito]
    columnas = {}
    for clave, indicador in INDICADORES.items():
        filas = v[v["indicador"] == indicador]
        columnas[clave] = pd.Series(filas["valor"].to_numpy(dtype=float), index=filas["anio"].to_numpy())
    tabla = pd.DataFrame(columnas).sort_index()
    tabla.index.name = "anio"
    return tabla.reset_index()


def serie(ambito: str) -> pd.DataFrame:
    """Columnas `anio`, `percepcion`, `victimizacion`, `confianza` (de cada 100; vacío = no
    publicado)."""
    return _serie(revisar_ambito(ambito)).copy()


def anios() -> list[int]:
    return sorted({int(a) for a in _serie_anual()["anio"]})


def revisar_anio(anio) -> int:
    try:
        valor = int(anio)
    except (TypeError, ValueError):
        valor = None
    if valor not in anios():
        raise ErrorLideres(
            f"No hay datos de la ENAPRES del año «{anio}».",
            como_arreglar=f"Usa un año entre {anios()[0]} y {anios()[-1]}.",
        )
    return valor


def valores(ambito: str, anio: int) -> dict[str, float | None]:
    """Las tres cifras de un lugar y un año (None si no se publicó)."""
    anio = revisar_anio(anio)
    t = serie(ambito).set_index("anio")
    fila = t.loc[anio]
    return {c: (None if pd.isna(fila[c]) else float(fila[c])) for c in INDICADORES}


def brecha(ambito: str, anio: int) -> float | None:
    """Percepción menos victimización, en puntos (de cada 100). None si falta una de las dos."""
    v = valores(ambito, anio)
    if v["percepcion"] is None or v["victimizacion"] is None:
        return None
    return round(v["percepcion"] - v["victimizacion"], 1)


def tabla_brechas(anio: int = 2024) -> pd.DataFrame:
    filas = []
    for ambito in AMBITOS:
        v = valores(ambito, anio)
        filas.append({"ambito": ambito, **v, "brecha": brecha(ambito, anio)})
    return pd.DataFrame(filas)


def _de_cada_100(valor: float | None) -> str:
    return "sin dato" if valor is None else formato.numero(valor, 1)


def tabla_legible(anio: int = 2024):
    """La tabla de brechas con encabezados en español y números es-PE."""
    t = tabla_brechas(anio)
    vista = pd.DataFrame(
        {
            "Lugar": t["ambito"],
            "Se siente inseguro de noche (de cada 100)": [_de_cada_100(v) for v in t["percepcion"]],
            "Fue víctima (de cada 100)": [_de_cada_100(v) for v in t["victimizacion"]],
            "Brecha (puntos)": [_de_cada_100(v) for v in t["brecha"]],
            "Confía en la policía (de cada 100)": [_de_cada_100(v) for v in t["confianza"]],
        }
    )
    return vista.style.hide(axis="index").set_caption(pie_de_tabla(anio))


def pie_de_tabla(anio: int = 2024) -> str:
    """«nivel · periodo · fuente» de la tabla de brechas, desde el registro de cifras."""
    from lideres import cifras

    claves = [f"enapres.victimas.{cifras.slug(a)}.{int(anio)}" for a in AMBITOS]
    return cifras.pie(*claves) + ". " + UNIVERSO


def frase_brecha(ambito: str, anio: int) -> str:
    """La brecha dicha en palabras, sin llamar «equivocado» al miedo."""
    v = valores(ambito, anio)
    lugar = {
        "Nacional urbano": "en las zonas urbanas del país",
        "Callao": "en el Callao (la provincia)",
    }.get(ambito, f"en {ambito}")
    if v["percepcion"] is None or v["victimizacion"] is None:
        return f"En {anio}, {lugar}, la ENAPRES no publicó una de las dos cifras."
    p, w = v["percepcion"], v["victimizacion"]
    texto = (
        f"En {anio}, {lugar}, {formato.numero(p, 1)} de cada 100 personas se sentían inseguras "
        f"al caminar solas de noche y {formato.numero(w, 1)} de cada 100 fueron víctimas de algún "
        f"delito. La brecha es de {formato.numero(p - w, 1)} puntos: "
    )
    if p - w >= 15:
        texto += "mucha más gente siente miedo que la que sufrió un delito ese año."
    elif p > w:
        texto += "más gente siente miedo que la que sufrió un delito ese año."
    else:
        texto += "ese año, sentirse inseguro fue menos común que ser víctima."
    if v["confianza"] is not None:
        texto += f" Confiaban en la policía {formato.numero(v['confianza'], 1)} de cada 100."
    return texto + nota_de_muestreo(ambito, anio)


def nota_de_muestreo(ambito: str, anio: int) -> str:
    """Si la brecha de ese año está a menos de la regla del curso de la de otro año, decirlo: la
    encuesta no distingue esa diferencia, así que no se ordenan (p. ej. La Libertad 2022 y 2023)."""
    from lideres.cifras.alcance import DIFERENCIA_MINIMA_ENCUESTA, se_distingue

    propia = brecha(ambito, anio)
    if propia is None:
        return ""
    cercanos = [(a, b) for a in anios() if a != int(anio) and (b := brecha(ambito, a)) is not None
                and not se_distingue(propia, b)]
    if not cercanos:
        return ""
    a, b = max(cercanos, key=lambda x: x[1])
    return (f" La brecha de {a} ({formato.numero(b, 1)}) está a menos de "
            f"{formato.numero(DIFERENCIA_MINIMA_ENCUESTA)} puntos: la encuesta no distingue esa "
            "diferencia, así que no digas cuál año fue mayor.")


def otras_preguntas() -> pd.DataFrame:
    """Cifras de percepción con otras preguntas (no son la serie): explican el «80-90 %» que
    se oye en las noticias. No se mezclan con la serie anual."""
    v = _victimizacion_completa()
    filas = v[
        ~v["serie_anual_enapres"].astype(bool)
        & v["indicador"].isin(["percepcion_inseguridad_proximos_12_meses_pct", "percepcion_inseguridad_pct"])
        & v["ambito"].isin(["Nacional", "Nacional urbano", "Lima Metropolitana"])
    ]
    return filas[["anio", "ambito", "indicador", "valor", "periodo", "fuente", "nota"]].reset_index(drop=True)


@functools.lru_cache(maxsize=1)
def _victimizacion_completa() -> pd.DataFrame:
    from lideres.tablas import cargar

    return cargar("victimizacion")


def tabla_otras_preguntas():
    t = otras_preguntas()
    pregunta = {
        "percepcion_inseguridad_proximos_12_meses_pct": "Cree que será víctima en los próximos 12 meses",
        "percepcion_inseguridad_pct": "Se siente inseguro en las calles",
    }
    vista = pd.DataFrame(
        {
            "Año": t["anio"].astype(str),
            "Lugar": t["ambito"],
            "Pregunta": [pregunta[i] for i in t["indicador"]],
            "De cada 100": [formato.numero(v, 1) for v in t["valor"]],
        }
    )
    return vista.style.hide(axis="index")


# ------------------------------------------------------------------ figura


# Figura angosta y letra grande: en un celular de 360 px la imagen se ve a ~345 px de ancho y
# cada letra debe medir al menos 12 px en pantalla (tests/navegador/test_navegador_letra.py):
# 11.5 pt × 110 ppp / 72 × 345 / (4 pulgadas × 110 ppp) ≈ 13.8 px; con margen, porque en CI la
# imagen se vio a ~325 px (10.5 pt dio 11.8 px).
ANCHO_FIGURA = 4.0
LETRA_FIGURA = 11.5
LETRA_FIGURA_TITULO = 13
NOTA_CARACTERES = 42


def notas_percepcion(ambito: str = "Lima Metropolitana") -> list[str]:
    """Fuente, universo y advertencias del gráfico (van debajo de la figura)."""
    t = serie(ambito)
    notas = [FUENTE, UNIVERSO, NOTA_2020]
    if ambito == "La Libertad":
        notas.append(NOTA_LA_LIBERTAD)
    if t["confianza"].isna().any() or t["victimizacion"].isna().any():
        notas.append("Donde falta un punto, la ENAPRES no publicó el dato.")
    return notas


def grafico_percepcion(ambito: str = "Lima Metropolitana", anio: int | None = 2024, con_pie: bool = True):
    """Las tres series en un mismo gráfico (de cada 100 personas), con el año elegido marcado y
    la brecha de ese año sombreada."""
    import textwrap

    import matplotlib.pyplot as plt

    t = serie(ambito)
    lineas = []
    for n in (notas_percepcion(ambito) if con_pie else []):
        lineas += textwrap.wrap(n, NOTA_CARACTERES, break_on_hyphens=False)
    titulo = textwrap.wrap(f"{ambito}: sentirse inseguro y ser víctima, 2013-2024", 36)
    # Alto en pulgadas: el gráfico, más el título y las notas (cada línea, ~1.3 veces la letra).
    alto_titulo = len(titulo) * LETRA_FIGURA_TITULO * 1.3 / 72 + 0.1
    alto_notas = len(lineas) * LETRA_FIGURA * 1.3 / 72 + (0.6 if lineas else 0.5)
    n_leyenda = sum(len(textwrap.wrap(NOMBRES[c], 34)) for c in ("percepcion", "victimizacion", "confianza"))
    leyenda = (n_leyenda * 1.25 + 3 * 0.6) * LETRA_FIGURA / 72 + 0.1  # líneas y espacio entre entradas
    alto = 3.4 + alto_titulo + leyenda + alto_notas
    fig, ax = plt.subplots(figsize=(ANCHO_FIGURA, alto))
    for clave in ("percepcion", "victimizacion", "confianza"):
        datos = t.dropna(subset=[clave])
        ax.plot(
            datos["anio"], datos[clave], marker=MARCADORES[clave], color=COLORES[clave],
            linewidth=2, markersize=5, label="\n".join(textwrap.wrap(NOMBRES[clave], 34)),
            linestyle="--" if clave == "confianza" else "-",
        )
    if anio is not None:
        anio = revisar_anio(anio)
        v = valores(ambito, anio)
        ax.axvline(anio, color="#999999", linewidth=1, zorder=0)
        if v["percepcion"] is not None and v["victimizacion"] is not None:
            ax.annotate(
                "", xy=(anio, v["victimizacion"]), xytext=(anio, v["percepcion"]),
                arrowprops={"arrowstyle": "<->", "color": "#222222", "lw": 1.5},
            )
            ax.text(
                anio + (0.2 if anio < 2022 else -0.2), (v["percepcion"] + v["victimizacion"]) / 2,
                f"brecha\n{formato.numero(v['percepcion'] - v['victimizacion'], 1)} puntos",
                fontsize=LETRA_FIGURA, ha="left" if anio < 2022 else "right", va="center",
                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#888888", "lw": 0.5},
            )
    ax.set_ylim(0, 100)
    ax.set_xlim(2012.5, 2024.5)
    ax.set_xticks(range(2013, 2025, 3))
    ax.set_ylabel("de cada 100 personas", fontsize=LETRA_FIGURA)
    ax.set_xlabel("año", fontsize=LETRA_FIGURA)
    # El título, sobre la leyenda (que va encima del gráfico).
    ax.set_title("\n".join(titulo), loc="left", fontsize=LETRA_FIGURA_TITULO, pad=leyenda * 72 + 6)
    # La leyenda, encima del gráfico (dentro tapaba las líneas con la letra grande).
    ax.legend(loc="lower left", bbox_to_anchor=(-0.02, 1.0), fontsize=LETRA_FIGURA, frameon=False,
              ncol=1, borderaxespad=0.2, handlelength=1.6)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=LETRA_FIGURA)
    if lineas:
        fig.text(0.02, 0.1 / alto, "\n".join(lineas), fontsize=LETRA_FIGURA, color="#333333",
                 va="bottom", ha="left")
    # Arriba: título y leyenda; abajo: el eje y las notas.
    fig.subplots_adjust(left=0.16, right=0.96, top=1 - (alto_titulo + leyenda + 0.1) / alto,
                        bottom=alto_notas / alto)
    plt.close(fig)
    return fig


def texto_alternativo(ambito: str, anio: int) -> str:
    t = serie(ambito)
    p = t.dropna(subset=["percepcion"])
    w = t.dropna(subset=["victimizacion"])
    ambas = t.dropna(subset=["percepcion", "victimizacion"])
    siempre = bool((ambas["percepcion"] > ambas["victimizacion"]).all())

    def rango(s):
        return f"entre {formato.numero(s.min(), 0)} y {formato.numero(s.max(), 0)}"

    return (
        f"Gráfico de líneas de {ambito}, 2013 a 2024. Sentirse inseguro de noche va "
        f"{rango(p['percepcion'])} de cada 100; ser víctima, {rango(w['victimizacion'])} de cada "
        "100" + ("; la línea de inseguridad queda siempre más arriba. " if siempre else ". ")
        + frase_brecha(ambito, anio)
    )

