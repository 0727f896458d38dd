"""Módulo 03 «La cifra negra»: cuántas víctimas puede haber detrás de unas denuncias, y dónde no se puede decir.

Solo cifras publicadas: la victimización de la ENAPRES (serie anual 2013-2024 del MININTER), la
parte de las víctimas que denunció (INEI, semestres citados en la prensa) y las denuncias del SIDPOL.
Lo que no está publicado se dice: la ENAPRES no tiene serie para Trujillo (La Libertad es lo más
cercano) y no hay población de La Libertad en las tablas del curso.

Las figuras son de matplotlib: el libro las muestra como imagen y el tablero también.
"""

from __future__ import annotations

import functools
import math
from dataclasses import replace

import pandas as pd

from lideres import formato
from lideres.cifras.alcance import MARGEN_ENCUESTA, Alcance, Tasa, hechos_posibles
from lideres.cifras.registro import Cifra, slug
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
    from lideres import cifras

    pie = ("Víctimas: " + cifras.pie(*[f"enapres.victimas.{slug(a)}.{anio}" for a in AMBITOS])
           + ". Denuncias: " + cifras.pie(f"distritos.denuncias.lima_metropolitana.{anio}",
                                          f"sidpol.total.callao.{anio}", f"sidpol.total.la_libertad.{anio}") + ".")
    return vista.style.hide(axis="index").set_caption(pie)


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
    return vista.style.hide(axis="index").set_caption(
        "Nivel: zonas urbanas del país o departamento (dice «Lugar») · periodo: el semestre de cada fila · "
        "Fuente: INEI (ENAPRES), citado en la prensa. Víctimas de 15 años o más.")


# ------------------------------------------------------------------ la tasa de denuncia con su alcance
#
# Una tasa de denuncia es de su lugar, su tiempo y su grupo: «de cada 100 víctimas de 15 años o
# más de zonas urbanas, cuántas denunciaron», en un semestre. Las víctimas de la ENAPRES sufren
# sobre todo robos, hurtos y estafas: por eso la tasa se aplica solo a las denuncias de esas
# modalidades (no a la violencia familiar, la extorsión ni «otros»), del mismo lugar y del mismo
# año. Hoy eso solo existe para La Libertad en 2025 (15.7, primer semestre): para Lima
# Metropolitana, el Callao o un distrito no hay tasa publicada, y no se calcula.

MODALIDADES_COMPARABLES = ("robo", "hurto", "estafa")
UNIVERSO_COMPARABLE = "denuncias de robo, hurto y estafa"
_DEPARTAMENTO = {"Lima Metropolitana": "Lima", "Callao": "Callao", "La Libertad": "La Libertad"}
_NIVEL = {"Lima Metropolitana": "área metropolitana", "Callao": "provincia constitucional",
          "La Libertad": "departamento"}

LO_QUE_NO_DICE = (
    "No son «delitos»: una víctima puede sufrir varios hechos, y varias personas, uno solo.",
    "Cuenta personas de 15 años o más de zonas urbanas.",
    "No incluye la violencia contra la mujer y la familia, la extorsión ni los «otros».",
    "Es de todo el departamento: no es de Trujillo ni de un distrito.",
    "La tasa se midió en un semestre; las denuncias son de todo el año.",
)


def tasa_publicada(ambito: str) -> Tasa | None:
    """La tasa de denuncia publicada para el ámbito (la más reciente), con su alcance; None si no hay."""
    revisar_ambito(ambito)
    t = tasas_de_denuncia()
    filas = t[t["ambito"] == ambito]
    if filas.empty:
        return None
    fila = filas.sort_values("anio").iloc[-1]
    alcance = Alcance(_NIVEL[ambito], ambito, str(int(fila["anio"])), UNIVERSO_COMPARABLE)
    return Tasa(float(fila["valor"]), alcance, str(fila["fuente"]), str(fila["periodo"]))


def denuncias_comparables(ambito: str, anio: int) -> tuple[int, Alcance]:
    """Denuncias de robo, hurto y estafa del departamento que contiene al ámbito, con su alcance.

    Para Lima Metropolitana el SIDPOL por modalidad es del departamento de Lima entero: su
    alcance dice «departamento», no «área metropolitana»."""
    revisar_ambito(ambito)
    d = _denuncias_departamento()
    filas = d[(d["departamento"] == _DEPARTAMENTO[ambito]) & (d["anio"] == int(anio)) & d["anio_completo"].astype(bool)]
    if filas.empty:
        raise ErrorLideres(f"No hay denuncias de {ambito} en {anio} (año completo).",
                           como_arreglar="Usa un año entre 2018 y 2025.")
    n = int(sum(int(filas.iloc[0][f"denuncias_{m}"]) for m in MODALIDADES_COMPARABLES))
    nivel = "departamento" if ambito == "Lima Metropolitana" else _NIVEL[ambito]
    return n, Alcance(nivel, ambito, str(int(anio)), UNIVERSO_COMPARABLE)


def redondeo_honesto(valor: float, cifras: int = 3) -> float:
    """Pocas cifras significativas: una estimación no merece más (89 522 → 89 500)."""
    if valor <= 0:
        return 0.0
    exponente = math.floor(math.log10(valor)) - (cifras - 1)
    return float(round(valor / 10**exponente) * 10**exponente)


def estimacion(ambito: str) -> dict | None:
    """Cuántas víctimas de robo, hurto o estafa puede haber detrás de las denuncias, con la tasa
    publicada del mismo lugar y año, y el rango por la regla del curso (± MARGEN_ENCUESTA puntos).
    None si el ámbito no tiene tasa publicada."""
    tasa = tasa_publicada(ambito)
    if tasa is None:
        return None
    anio = int(tasa.alcance.periodo)
    denuncias, alcance = denuncias_comparables(ambito, anio)
    alta = replace(tasa, valor=tasa.valor + MARGEN_ENCUESTA)
    baja = replace(tasa, valor=tasa.valor - MARGEN_ENCUESTA)
    return {
        "ambito": ambito, "anio": anio, "denuncias": denuncias, "tasa": tasa.valor,
        "periodo_tasa": tasa.detalle_periodo, "tasa_min": baja.valor, "tasa_max": alta.valor,
        "victimas": hechos_posibles(denuncias, alcance, tasa),
        "victimas_min": hechos_posibles(denuncias, alcance, alta),
        "victimas_max": hechos_posibles(denuncias, alcance, baja),
    }


def victimas_si(ambito: str, de_cada_100) -> float:
    """Un supuesto: cuántas víctimas de robo, hurto o estafa habría si denunciaran `de_cada_100`
    de cada 100. Solo donde hay una tasa publicada con la que comparar (mismo alcance)."""
    tasa = tasa_publicada(ambito)
    if tasa is None:
        raise ErrorLideres(
            f"No hay una tasa de denuncia publicada para {ambito}: el curso no calcula víctimas "
            "detrás de sus denuncias.", como_arreglar="Elige La Libertad.")
    denuncias, alcance = denuncias_comparables(ambito, int(tasa.alcance.periodo))
    return hechos_posibles(denuncias, alcance, replace(tasa, valor=_revisar_denuncian(de_cada_100)))


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


def frase_estimacion(ambito: str) -> str:
    """Lo que el tablero dice en palabras: el rango con su lugar, tiempo y grupo, o por qué no hay."""
    e = estimacion(ambito)
    if e is None:
        lugar = "el Callao (la provincia)" if ambito == "Callao" else ambito
        return (f"No hay una tasa de denuncia publicada para {lugar}, ni para {ANIO_DENUNCIAS}. Una "
                "tasa de otro lugar o de otros años no se aplica aquí: el curso no calcula cuántas "
                "víctimas hay detrás de sus denuncias. Lo que sí se puede decir: la encuesta encuentra "
                "muchas más víctimas que denuncias.")
    n = formato.numero
    return (
        f"{e['ambito']} (departamento), {e['anio']}: {n(e['denuncias'])} denuncias de robo, hurto y "
        f"estafa (SIDPOL). El INEI publicó que denunciaron {n(e['tasa'], 1)} de cada 100 víctimas "
        f"({e['periodo_tasa']}). Serían unas {n(redondeo_honesto(e['victimas']))} víctimas de esos "
        f"delitos: entre unas {n(redondeo_honesto(e['victimas_min']))} y "
        f"{n(redondeo_honesto(e['victimas_max']))}, porque la encuesta puede estar unos "
        f"{n(MARGEN_ENCUESTA)} puntos arriba o abajo (regla del curso)."
    )


def _familia_cifra_negra(clave: str, que: str, ambito_slug: str, anio: str) -> Cifra:
    """`cifra_negra.<victimas|victimas_min|victimas_max|tasa_min|tasa_max|denuncias>.<ámbito>.<año>`:
    las cifras de la estimación, para citarlas en la lección y en la página de facilitación."""
    ambito = {slug(a): a for a in AMBITOS}.get(ambito_slug)
    e = estimacion(ambito) if ambito else None
    if e is None or str(e["anio"]) != anio or que not in e:
        raise ErrorLideres(f"La cifra «{clave}» no está en el registro: no hay estimación para ese "
                           "lugar y año (solo la_libertad.2025).")
    unidades = {"tasa": "% de víctimas que denunció", "denuncias": "denuncias",
                "victimas": "víctimas de robo, hurto o estafa"}
    unidad = next(u for k, u in unidades.items() if que.startswith(k))
    fuente = "SIDPOL" if que == "denuncias" else "CALCULO"
    return Cifra(clave, float(e[que]), unidad, "departamento", f"{ambito} (departamento)", anio,
                 f"{UNIVERSO_COMPARABLE}; tasa de denuncia del INEI ({e['periodo_tasa']}) ± "
                 f"{formato.numero(MARGEN_ENCUESTA)} puntos", fuente,
                 decimales=1 if que.startswith("tasa") else 0)


# El registro de cifras (lideres.cifras) encuentra esta familia por su nombre.
FAMILIAS_DE_CIFRAS = {"cifra_negra": _familia_cifra_negra}


# ------------------------------------------------------------------ figuras


def _pyplot():
    import matplotlib.pyplot as plt

    return plt


def notas_series(ambito: str) -> list[str]:
    """Fuentes, periodos y advertencias del gráfico de series (van debajo de la figura)."""
    notas = [FUENTE_ENAPRES, FUENTE_SIDPOL + " Años completos 2018-2025."]
    if ambito == "Lima Metropolitana":
        notas.append(NOTA_LIMA_DEPARTAMENTO)
    if ambito == "La Libertad":
        notas.append(NOTA_LA_LIBERTAD)
    return notas


def grafico_denuncias_y_victimas(ambito: str = "Lima Metropolitana", con_pie: bool = True):
    """Dos paneles, un mismo eje de años: víctimas de cada 100 (ENAPRES) y denuncias (SIDPOL).

    Muestra que las dos cifras no se mueven juntas. `con_pie=False`: sin las notas dentro de la
    imagen (el tablero las pone como texto debajo, legible en un celular). Angosta y con letra
    grande (lideres.figura): el nombre de cada panel va encima de él."""
    from matplotlib.ticker import MaxNLocator

    from lideres import figura

    victimas = serie_victimizacion(ambito)
    denuncias = serie_denuncias(ambito)
    plt = _pyplot()
    fig, (arriba, abajo) = figura.armar(
        2.0, f"{ambito}: víctimas (encuesta) y denuncias (policía)",
        notas_series(ambito) if con_pie else (), filas=2, izquierda=0.2,
        entre=figura.alto_lineas(2) + 0.2, encima=figura.alto_lineas(2), sharex=True)
    arriba.plot(victimas["anio"], victimas["valor"], marker="o", color=AZUL, linewidth=2)
    arriba.set_ylim(0, max(45, float(victimas["valor"].max()) + 5))
    arriba.set_title("Encuesta ENAPRES: víctimas de cada\n100 personas (15 años o más)",
                     fontsize=figura.LETRA, loc="left", color=AZUL)
    abajo.bar(denuncias["anio"], denuncias["denuncias"], color=NARANJA, width=0.7)
    abajo.set_title("Denuncias SIDPOL en el año\n(número; desde 2018)", fontsize=figura.LETRA, loc="left",
                    color="#a6410a")
    abajo.yaxis.set_major_formatter(lambda x, _p: formato.numero(x))
    abajo.yaxis.set_major_locator(MaxNLocator(4))
    for eje in (arriba, abajo):
        figura.ejes_legibles(eje)
        eje.grid(axis="y", color="#dddddd", linewidth=0.6)
    abajo.set_xticks(range(2013, 2026, 3))
    abajo.set_xlabel("año", fontsize=figura.LETRA)
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


def notas_explorador(ambito: str = "La Libertad") -> list[str]:
    """Cálculo, fuentes y periodos del explorador (van debajo de la figura)."""
    from lideres import cifras

    e = estimacion(ambito)
    clave = slug(ambito)
    return [
        "Cálculo: víctimas posibles = denuncias × 100 ÷ (de cada 100 víctimas, cuántas denuncian).",
        "Denuncias: " + cifras.pie(f"sidpol.robo+hurto+estafa.{clave}.{e['anio']}") + ".",
        "Tasa de denuncia: " + cifras.pie(f"enapres.tasa_denuncia.{clave}.{e['anio']}") + ".",
        "No son delitos: son víctimas de 15 años o más, de esos tres delitos, en todo el departamento.",
    ]


def grafico_explorador(ambito: str = "La Libertad", supuesto: float | None = None, con_pie: bool = True):
    """Curva: cuántas víctimas de robo, hurto o estafa habría detrás de las denuncias del lugar,
    según cuántas de cada 100 denuncian. La franja es la tasa publicada ± la regla del curso; el
    punto, la tasa publicada (o el supuesto elegido). Solo donde hay tasa publicada."""
    import numpy as np

    e = estimacion(ambito)
    if e is None:
        raise ErrorLideres(f"No hay una tasa de denuncia publicada para {ambito}: no hay gráfico.",
                           como_arreglar="Elige La Libertad.")
    tasa = tasa_publicada(ambito)
    denuncias, alcance = denuncias_comparables(ambito, e["anio"])
    x = np.linspace(5, 60, 200)
    y = [hechos_posibles(denuncias, alcance, replace(tasa, valor=float(v))) for v in x]
    punto = e["tasa"] if supuesto is None else _revisar_denuncian(supuesto)
    from matplotlib.ticker import MaxNLocator

    from lideres import figura

    plt = _pyplot()
    fig, ax = figura.armar(
        2.8, f"{ambito} (departamento), {e['anio']}: {formato.numero(denuncias)} denuncias de robo, "
        "hurto y estafa", notas_explorador(ambito) if con_pie else (), izquierda=0.32,
        encima=figura.alto_leyenda(2), eje_x=figura.alto_lineas(3) + 0.35)
    ax.axvspan(e["tasa_min"], e["tasa_max"], color="#fdd0a2", alpha=0.8,
               label=f"tasa del INEI ± {formato.numero(MARGEN_ENCUESTA)} puntos")
    ax.plot(x, y, color=AZUL, linewidth=2)
    ax.plot([punto], [hechos_posibles(denuncias, alcance, replace(tasa, valor=punto))], "o", color=NARANJA,
            markersize=10, markeredgecolor="#222222",
            label="tasa del INEI" if supuesto is None else "tu supuesto")
    ax.axhline(denuncias, color=GRIS, linewidth=1, linestyle="--")
    ax.text(6, denuncias, "denuncias", ha="left", va="bottom", fontsize=figura.LETRA, color=GRIS)
    ax.set_xlim(5, 60)
    ax.set_ylim(0, denuncias * 100 / 5 * 1.05)
    ax.yaxis.set_major_formatter(lambda v, _p: formato.numero(v))
    ax.yaxis.set_major_locator(MaxNLocator(4))
    ax.set_xticks(range(10, 61, 10))
    ax.set_xlabel("de cada 100 víctimas,\ncuántas denuncian", fontsize=figura.LETRA)
    ax.set_ylabel("víctimas posibles de\nrobo, hurto o estafa", fontsize=figura.LETRA)
    figura.leyenda_encima(ax)
    figura.ejes_legibles(ax)
    plt.close(fig)
    return fig


def texto_alternativo_explorador(ambito: str = "La Libertad") -> str:
    return ("Curva que baja: cuantas más víctimas denuncian, menos víctimas hay detrás de cada "
            "denuncia. " + frase_estimacion(ambito))
