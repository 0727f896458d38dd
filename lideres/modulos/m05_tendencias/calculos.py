"""Cuentas del módulo 05: cambios, periodos comparables, promedios móviles y la banda de lo que
varía sola una cifra.

Las series que hay (ver data/README.md):
- La Libertad, denuncias por mes, enero-agosto de 2024 (la única serie mensual publicada).
- Denuncias SIDPOL por año y departamento (Lima, Callao, La Libertad), 2018-2025 completos y 2026
  solo de enero a julio.
- Un distrito SIMULADO donde nada cambia (en promedio 4 casos al mes), hecho con semilla fija.

La banda de variación se calcula con la distribución de Poisson, a mano (`math`): scipy pesa
~65 MB en cada kernel y aquí basta una suma. Las pruebas la comparan con scipy.
"""

from __future__ import annotations

import calendar
import functools
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lideres import formato
from lideres.errores import ErrorLideres, una_de

MESES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "setiembre",
         "octubre", "noviembre", "diciembre")

SEMILLA_SIMULADO = 20260105
PROMEDIO_SIMULADO = 4.0          # casos al mes en el distrito simulado: nunca cambia
ANIOS_SIMULADO = (2023, 2024, 2025)
NIVEL = 0.95                     # la banda deja fuera 5 de cada 100 meses «normales»

FUENTE_MENSUAL = ("Fuente: MININTER / Observatorio Nacional de Seguridad Ciudadana, citado por "
                  "Diario Correo.")
FUENTE_SIDPOL = "Fuente: MININTER – SIDPOL (denuncias policiales), totales por departamento."
FUENTE_SIMULADO = "Datos simulados (sintéticos) con semilla fija: no son casos reales."

EJEMPLO_TITULAR = "+50 %"
PALABRAS_CAMBIO = {1: "subió", -1: "bajó", 0: "no cambió"}


# ------------------------------------------------------------------ cambios


@dataclass(frozen=True)
class Cambio:
    """De `antes` a `despues`: la diferencia en casos y en porcentaje de `antes`."""

    antes: float
    despues: float

    @property
    def diferencia(self) -> float:
        return self.despues - self.antes

    @property
    def proporcion(self) -> float | None:
        """+0.25 para 4 → 5; None si `antes` es 0 (no hay porcentaje de cero)."""
        if self.antes == 0:
            return None
        return self.diferencia / self.antes

    @property
    def sentido(self) -> int:
        return int(np.sign(self.diferencia))

    def texto(self, unidad: str = "casos", decimales: int = 0) -> str:
        """«de 4 a 5 casos: 1 más (+25 %)»: el porcentaje siempre con sus números."""
        a, b = formato.numero(self.antes, decimales), formato.numero(self.despues, decimales)
        d = formato.numero(abs(self.diferencia), decimales)
        if self.sentido == 0:
            return f"de {a} a {b} {unidad}: igual"
        mas_menos = "más" if self.sentido > 0 else "menos"
        pct = "sin porcentaje (antes era 0)" if self.proporcion is None else porcentaje_con_signo(self.proporcion)
        return f"de {a} a {b} {unidad}: {d} {mas_menos} ({pct})"


def cambio(antes: float, despues: float) -> Cambio:
    """>>> cambio(4, 5).proporcion
    0.25
    """
    return Cambio(float(antes), float(despues))


def porcentaje_con_signo(proporcion: float, decimales: int | None = None) -> str:
    """0.25 -> «+25 %»; -0.2 -> «−20 %» (signo menos tipográfico); 0.0026 -> «+0.3 %»."""
    if decimales is None:
        decimales = 0 if abs(proporcion) >= 0.1 else 1
    texto = formato.porcentaje(abs(proporcion), decimales)
    if round(proporcion * 100, decimales) == 0:
        return texto
    return ("+" if proporcion > 0 else "−") + texto


def leer_afirmacion(texto: str | float | int) -> float:
    """«+50 %», «50%», «-20 %», «subió 20 %», 0.5 o 50 -> proporción (0.5). Error claro si no se entiende."""
    if isinstance(texto, int | float):
        valor = float(texto)
        return valor / 100 if abs(valor) > 1 else valor
    limpio = str(texto).strip().lower().replace("−", "-").replace(",", ".")
    signo = -1 if ("bajó" in limpio or "bajo" in limpio or "menos" in limpio) else 1
    numeros = "".join(c for c in limpio if c.isdigit() or c in ".-")
    try:
        valor = float(numeros)
    except ValueError:
        raise ErrorLideres(
            f"No entiendo el porcentaje «{texto}».",
            como_arreglar=f"Escribe un número con su signo, por ejemplo «{EJEMPLO_TITULAR}».",
        ) from None
    return signo * valor / 100


# ------------------------------------------------------------------ días y periodos


def dias_del_mes(anio: int, mes: int) -> int:
    """Febrero de 2024 tiene 29 días; julio, 31."""
    return calendar.monthrange(int(anio), int(mes))[1]


def dias_de_meses(anio: int, meses: int) -> int:
    """Días de los primeros `meses` meses del año (enero-julio de 2026: 212)."""
    return sum(dias_del_mes(anio, m) for m in range(1, int(meses) + 1))


def nombre_mes(anio: int, mes: int) -> str:
    return f"{MESES[int(mes) - 1]} de {int(anio)}"


# ------------------------------------------------------------------ series


@dataclass(frozen=True)
class InfoSerie:
    clave: str
    titulo: str
    nivel: str           # «departamento», «distrito simulado»…
    frecuencia: str      # «mes» o «año»
    fuente: str
    sintetico: bool
    donde: str           # «todo el departamento de La Libertad»: a qué se aplica la cifra
    unidad: str = "denuncias"

    @property
    def etiqueta(self) -> str:
        """Lo que va en toda figura: qué, nivel y si es simulado."""
        aviso = " — SIMULADO (sintético)" if self.sintetico else ""
        return f"{self.titulo} ({self.nivel}){aviso}"


SERIES: dict[str, InfoSerie] = {
    "la_libertad_mensual": InfoSerie(
        "la_libertad_mensual", "Denuncias por mes en La Libertad, enero-agosto de 2024",
        "departamento", "mes", FUENTE_MENSUAL, False, "todo el departamento de La Libertad"),
    "simulado": InfoSerie(
        "simulado", "Casos por mes en un distrito simulado donde nada cambia, 2023-2025",
        "distrito simulado", "mes", FUENTE_SIMULADO, True, "un distrito que no existe", unidad="casos"),
    "lima_anual": InfoSerie(
        "lima_anual", "Denuncias por año en el departamento de Lima (con Región Lima), 2018-2026",
        "departamento", "año", FUENTE_SIDPOL, False,
        "todo el departamento de Lima (Lima Metropolitana más Región Lima)"),
    "callao_anual": InfoSerie(
        "callao_anual", "Denuncias por año en el Callao, 2018-2026", "provincia constitucional",
        "año", FUENTE_SIDPOL, False, "todo el Callao (la provincia constitucional)"),
    "la_libertad_anual": InfoSerie(
        "la_libertad_anual", "Denuncias por año en La Libertad, 2018-2026", "departamento", "año",
        FUENTE_SIDPOL, False, "todo el departamento de La Libertad (no solo Trujillo)"),
}
_DEPARTAMENTO = {"lima_anual": "Lima", "callao_anual": "Callao", "la_libertad_anual": "La Libertad"}


def info(clave: str) -> InfoSerie:
    una_de(clave, list(SERIES), no_hay="una serie", usa="Usa una de estas series: ")
    return SERIES[clave]


@functools.lru_cache(maxsize=1)
def _mensual_la_libertad() -> pd.DataFrame:
    from lideres.tablas import cargar  # aquí: pandera solo cuando se pide una tabla

    return cargar("denuncias_mensuales")


@functools.lru_cache(maxsize=1)
def _departamentos() -> pd.DataFrame:
    from lideres.tablas import cargar

    return cargar("denuncias_departamento")


def _con_dias(tabla: pd.DataFrame) -> pd.DataFrame:
    tabla = tabla.reset_index(drop=True)
    tabla["por_dia"] = tabla["casos"] / tabla["dias"]
    return tabla


def simular_distrito(promedio: float = PROMEDIO_SIMULADO, anios=ANIOS_SIMULADO,
                     semilla: int = SEMILLA_SIMULADO) -> pd.DataFrame:
    """SIMULADO: casos por mes de un distrito donde nada cambia (Poisson con el mismo promedio
    diario todo el tiempo, así febrero trae algo menos). Con la misma semilla, la misma serie."""
    rng = np.random.default_rng(semilla)
    filas = []
    por_dia = promedio * 12 / 365
    for anio in anios:
        for mes in range(1, 13):
            dias = dias_del_mes(anio, mes)
            filas.append({"anio": anio, "mes": mes, "dias": dias, "completo": True,
                          "casos": int(rng.poisson(por_dia * dias))})
    tabla = pd.DataFrame(filas)
    tabla["etiqueta"] = [nombre_mes(a, m) for a, m in zip(tabla["anio"], tabla["mes"], strict=True)]
    return _con_dias(tabla)


def serie(clave: str) -> pd.DataFrame:
    """Una fila por periodo: `anio`, `mes` (vacío en series anuales), `etiqueta`, `casos`, `dias`
    (días que cubre el periodo), `completo` (False en un año parcial) y `por_dia`.
    Los meses sin dato publicado (setiembre de 2024 en La Libertad) no entran."""
    datos = info(clave)
    if clave == "simulado":
        return simular_distrito()
    if clave == "la_libertad_mensual":
        m = _mensual_la_libertad().dropna(subset=["denuncias"])
        tabla = pd.DataFrame({"anio": m["anio"].astype(int), "mes": m["mes"].astype(int),
                              "casos": m["denuncias"].astype(int)})
        tabla["dias"] = [dias_del_mes(a, b) for a, b in zip(tabla["anio"], tabla["mes"], strict=True)]
        tabla["completo"] = True
        tabla["etiqueta"] = [nombre_mes(a, b) for a, b in zip(tabla["anio"], tabla["mes"], strict=True)]
        return _con_dias(tabla.sort_values(["anio", "mes"]))
    d = _departamentos()
    d = d[d["departamento"] == _DEPARTAMENTO[clave]].sort_values("anio")
    tabla = pd.DataFrame({"anio": d["anio"].astype(int), "mes": pd.NA,
                          "casos": d["denuncias_total"].astype(int),
                          "completo": d["anio_completo"].astype(bool)})
    meses = d["meses_observados"].astype(int)
    tabla["dias"] = [dias_de_meses(a, n) for a, n in zip(tabla["anio"], meses, strict=True)]
    tabla["etiqueta"] = [str(a) if n == 12 else f"{a} ({MESES[0][:3]}-{MESES[n - 1][:3]})"
                         for a, n in zip(tabla["anio"], meses, strict=True)]
    assert datos.frecuencia == "año"
    return _con_dias(tabla)


def media_movil(casos: pd.Series, ventana: int = 3) -> pd.Series:
    """Promedio de los últimos `ventana` periodos (incluido el actual); vacío mientras no haya
    `ventana` periodos. Una ventana larga alisa más: puede esconder un cambio, o hacer que uno
    viejo parezca reciente."""
    if int(ventana) < 1:
        raise ErrorLideres("La ventana del promedio móvil debe ser de un periodo o más.",
                           como_arreglar="Usa una ventana de 2 a 12 meses.")
    return casos.astype(float).rolling(int(ventana), min_periods=int(ventana)).mean()


def mismo_periodo_anterior(tabla: pd.DataFrame, anio: int, hasta_mes: int) -> Cambio:
    """Acumulado de enero a `hasta_mes` de `anio` frente a los mismos meses del año anterior
    (solo con una serie mensual de ambos años). Error claro si faltan meses."""
    def acumulado(a: int) -> int:
        filas = tabla[(tabla["anio"] == a) & (tabla["mes"] <= hasta_mes)]
        if len(filas) < hasta_mes:
            raise ErrorLideres(
                f"Faltan meses de {a} para comparar enero-{MESES[hasta_mes - 1]}.",
                como_arreglar="Compara solo meses que estén en los dos años.")
        return int(filas["casos"].sum())
    return cambio(acumulado(anio - 1), acumulado(anio))


# ------------------------------------------------------------------ banda de Poisson


def _cdf_desde(mu: float, k0: int):
    """Recorre k = k0, k0+1… devolviendo (k, P(X ≤ k)) para X ~ Poisson(mu). Empieza donde la cola
    de abajo es despreciable (< 1e-30) para no sumar cientos de miles de términos."""
    acumulado = 0.0
    k = k0
    while True:
        acumulado += math.exp(k * math.log(mu) - mu - math.lgamma(k + 1)) if mu > 0 else float(k == 0)
        yield k, acumulado
        k += 1


def cuantil_poisson(mu: float, p: float) -> int:
    """El menor k con P(X ≤ k) ≥ p, X ~ Poisson(mu) (lo mismo que scipy.stats.poisson.ppf)."""
    if mu <= 0:
        return 0
    k0 = max(0, int(mu - 12 * math.sqrt(mu) - 10))
    for k, acumulado in _cdf_desde(mu, k0):
        if acumulado >= p - 1e-12:
            return k
    raise AssertionError("inalcanzable")


def banda_poisson(esperado: float, nivel: float = NIVEL) -> tuple[int, int]:
    """Entre cuántos casos cae un periodo en `nivel` de cada 100 veces si nada cambió y se
    esperaban `esperado` casos. Con 4 al mes: (1, 8)."""
    cola = (1 - nivel) / 2
    return cuantil_poisson(esperado, cola), cuantil_poisson(esperado, 1 - cola)


# ------------------------------------------------------------------ revisor de titulares


def _periodo_elegido(tabla: pd.DataFrame, periodo: str | None, clave: str) -> int:
    etiquetas = list(tabla["etiqueta"])
    if periodo is None:
        if clave == "simulado":  # el mayor salto: el titular que alguien escribiría
            saltos = tabla["casos"].pct_change().replace(np.inf, np.nan)
            return int(saltos.idxmax())
        return len(tabla) - 1
    una_de(str(periodo), etiquetas[1:], no_hay="un periodo con otro antes",
           usa="Usa uno de estos periodos: ")
    return etiquetas.index(str(periodo))


def revisar_titular(clave: str, periodo: str | None = None, afirmacion: str | float | None = None,
                    ventana: int = 3) -> dict:
    """El estado del revisor de titulares (lo que el tablero y la página liviana muestran).

    Compara el periodo elegido con el anterior: casos, cambio, casos por día, el mismo mes del año
    anterior si existe, el promedio móvil si la serie alcanza, y la banda de lo que varía sola la
    cifra si nada hubiera cambiado (Poisson, con el ritmo diario de hasta 12 periodos anteriores).
    Devuelve números y frases listas para mostrar; `no_dice` es lo que estos datos no pueden decir.
    """
    datos = info(clave)
    tabla = serie(clave)
    i = _periodo_elegido(tabla, periodo, clave)
    actual, previo = tabla.iloc[i], tabla.iloc[i - 1]
    unidad = datos.unidad
    conteo = cambio(previo["casos"], actual["casos"])
    diario = cambio(previo["por_dia"], actual["por_dia"])
    # Un día de diferencia (30 y 31) pesa 3 %; se avisa cuando entra febrero (2 o 3 días).
    largos_distintos = abs(int(previo["dias"]) - int(actual["dias"])) >= 2
    parcial = not bool(actual["completo"]) or not bool(previo["completo"])

    # Lo esperado si nada cambió: el ritmo diario de los periodos anteriores × los días de este.
    # Meses: los 12 anteriores; si hay menos de 6, todos los demás meses de la serie (con 2 meses
    # el ritmo mismo salta). Años: el año anterior (las series anuales tienen tendencia).
    if datos.frecuencia == "mes":
        base = tabla.iloc[max(0, i - 12):i]
        if len(base) < 6:
            base = tabla.drop(index=tabla.index[i])
    else:
        base = tabla.iloc[i - 1:i]
    ritmo = float(base["casos"].sum() / base["dias"].sum())
    esperado = ritmo * int(actual["dias"])
    bajo, alto = banda_poisson(esperado)
    dentro = bajo <= int(actual["casos"]) <= alto

    mismo_mes = None
    if datos.frecuencia == "mes":
        anterior = tabla[(tabla["anio"] == actual["anio"] - 1) & (tabla["mes"] == actual["mes"])]
        if len(anterior):
            mismo_mes = cambio(anterior["casos"].iloc[0], actual["casos"])

    movil = media_movil(tabla["casos"], ventana)
    hay_movil = len(tabla) >= 2 * int(ventana)

    afirmado = None if afirmacion in (None, "") else leer_afirmacion(afirmacion)
    frases = []
    texto_conteo = conteo.texto(unidad)
    if afirmado is not None and conteo.proporcion is not None and abs(conteo.proporcion - afirmado) <= 0.015:
        frases.append(f"El {porcentaje_con_signo(afirmado)} sale de contar {texto_conteo}.")
    elif afirmado is not None:
        frases.append(f"Los números no dan {porcentaje_con_signo(afirmado)}: {texto_conteo}.")
    else:
        frases.append(f"{PALABRAS_CAMBIO[conteo.sentido].capitalize()}: {texto_conteo}.")
    decimales = 1 if min(previo["por_dia"], actual["por_dia"]) >= 10 else 2
    por_dia = diario.texto(f"{unidad} por día", decimales)
    if parcial:
        frases.append(
            f"{actual['etiqueta']} no es un año completo: no se compara con {previo['etiqueta']} "
            f"contando casos. Por día, {por_dia}.")
    elif largos_distintos:
        frases.append(f"Los meses no tienen el mismo largo ({int(previo['dias'])} y "
                      f"{int(actual['dias'])} días): por día, {por_dia}.")
    rango = f"entre {formato.numero(bajo)} y {formato.numero(alto)}"
    if dentro:
        frases.append(
            f"La cifra está dentro de lo que varía sola: si nada hubiera cambiado, "
            f"{actual['etiqueta']} traería {rango} {unidad} ({round(NIVEL * 100)} de cada 100 veces). "
            f"Con estos datos no se puede decir que {PALABRAS_CAMBIO[conteo.sentido]}.")
    else:
        lejos = abs(int(actual["casos"]) - esperado) / math.sqrt(max(esperado, 1))  # en desviaciones
        frases.append(
            f"La cifra sale de lo que varía sola ({rango} {unidad} si nada hubiera cambiado): "
            + (f"algo cambió en las {unidad}, o es uno de los {round((1 - NIVEL) * 100)} de cada 100 "
               f"periodos que salen de la banda por azar." if lejos < 3 else f"las {unidad} sí cambiaron.")
            + " Estos datos no dicen qué cambió ni por qué.")

    no_dice = []
    if datos.sintetico:
        no_dice.append("Nada de la realidad: es un distrito simulado donde nada cambia. Sirve para "
                       "ver cuánto salta una cifra pequeña por sí sola.")
    else:
        no_dice += [
            "Por qué cambió: las denuncias no traen su causa.",
            "Si cambió el delito o solo cuánta gente denuncia (la cifra negra).",
            f"Qué pasó en un distrito o un barrio: la cifra es de {datos.donde}.",
            "La banda es la variación mínima; en la vida real las cifras varían más (feriados, "
            "campañas, cambios en el registro).",
        ]
    if datos.frecuencia == "año" and parcial:
        no_dice.append("Cómo terminará el año: los primeros meses no dicen cómo serán los demás.")

    return {
        "serie": datos.clave,
        "titulo": datos.etiqueta,
        "nivel": datos.nivel,
        "fuente": datos.fuente,
        "sintetico": datos.sintetico,
        "unidad": unidad,
        "periodo": actual["etiqueta"],
        "periodo_anterior": previo["etiqueta"],
        "casos": int(actual["casos"]),
        "casos_antes": int(previo["casos"]),
        "cambio": conteo,
        "por_dia": diario,
        "mismo_mes_anio_anterior": mismo_mes,
        "largos_distintos": largos_distintos,
        "periodo_parcial": parcial,
        "esperado": esperado,
        "periodos_base": len(base),
        "banda": (bajo, alto),
        "dentro_de_la_banda": dentro,
        "afirmacion": afirmado,
        "veredicto": " ".join(frases),
        "no_dice": no_dice,
        "ventana": int(ventana),
        "media_movil": movil if hay_movil else None,
        "tabla": tabla,
    }


def titulares_del_azar(umbral: float = 0.5) -> pd.DataFrame:
    """En el distrito SIMULADO (nada cambia), los meses que subieron `umbral` o más frente al mes
    anterior: los «+50 %» que produce el puro azar."""
    tabla = serie("simulado")
    tabla["antes"] = tabla["casos"].shift(1)
    tabla["cambio"] = (tabla["casos"] - tabla["antes"]) / tabla["antes"]
    return tabla[tabla["cambio"] >= umbral][["etiqueta", "antes", "casos", "cambio"]].reset_index(drop=True)


# ------------------------------------------------------------------ cifras del módulo (registro)


def _cifra_m05(clave: str, tipo: str, *partes: str):
    """`m05.<tipo>…`: las cifras que cita el módulo 05, recalculadas aquí.

    - `m05.nivel`: de cada 100 periodos normales, cuántos caen en la banda (95).
    - `m05.dias.<año>.<meses>`: días de los primeros meses del año (2026, 7 meses: 212).
    - `m05.mensual.la_libertad.<año>.<mes>[.por_dia]`: denuncias del mes (o por día).
    - `m05.sidpol_por_dia.<serie>.<periodo>`: denuncias por día de un año (serie `callao_anual`…;
      periodo como en la serie, p. ej. `2026_ene_jul`); `m05.sidpol_por_dia_cambio.<serie>.<p1>.<p2>`: % de cambio.
    - `m05.simulado.casos.<año>.<mes>`, `m05.simulado.promedio`, `m05.simulado.banda_baja|banda_alta`
      (con el promedio verdadero), `m05.simulado.titulares.<umbral %>`, `m05.simulado.cambio.<año>.<mes>`:
      el distrito SIMULADO (sintético)."""
    from lideres.cifras.registro import Cifra, slug

    def fila_de(serie_, periodo):
        t = serie(serie_)
        filas = t[[slug(e) == periodo for e in t["etiqueta"]]]
        if filas.empty:
            raise ErrorLideres(f"La cifra «{clave}» no está en el registro: no hay el periodo «{periodo}».")
        return filas.iloc[0]

    if tipo == "dias":
        anio, meses = partes
        return Cifra(clave, dias_de_meses(int(anio), int(meses)), "días", "calendario", "calendario",
                     f"{anio}, primeros {meses} meses", "días del periodo", "CALCULO")
    if tipo == "nivel":
        return Cifra(clave, round(NIVEL * 100), "de cada 100", "método", "banda de variación",
                     "—", "periodos normales que caen dentro de la banda", "CALCULO")
    if tipo == "mensual":
        ambito, anio, mes, *por_dia = partes
        fila = fila_de("la_libertad_mensual", slug(nombre_mes(int(anio), int(mes))))
        if por_dia:
            return Cifra(clave, round(float(fila["por_dia"]), 1), "denuncias por día", "departamento",
                         "La Libertad (departamento)", fila["etiqueta"], "denuncias ÷ días del mes",
                         "CALCULO", decimales=1)
        return Cifra(clave, int(fila["casos"]), "denuncias", "departamento", "La Libertad (departamento)",
                     fila["etiqueta"], "denuncias por delitos (total)", "PRENSA")
    if tipo in ("sidpol_por_dia", "sidpol_por_dia_cambio"):
        serie_, *periodos = partes
        info(serie_)
        filas = [fila_de(serie_, p) for p in periodos]
        ambito = info(serie_).donde
        if tipo == "sidpol_por_dia":
            return Cifra(clave, round(float(filas[0]["por_dia"]), 1), "denuncias por día", info(serie_).nivel,
                         ambito, filas[0]["etiqueta"], "denuncias ÷ días del periodo", "CALCULO", decimales=1)
        p = cambio(filas[0]["por_dia"], filas[1]["por_dia"]).proporcion
        return Cifra(clave, round(p * 100, 1), "% de cambio por día", info(serie_).nivel, ambito,
                     f"{filas[0]['etiqueta']} a {filas[1]['etiqueta']}", "denuncias por día", "CALCULO",
                     decimales=1)
    if tipo == "simulado":
        que, *resto = partes
        t = serie("simulado")
        comun = ("distrito simulado", "un distrito simulado (sintético) donde nada cambia", "2023-2025")
        if que == "promedio":
            return Cifra(clave, PROMEDIO_SIMULADO, "casos al mes", *comun, "promedio del simulador",
                         "SINTETICO", sintetico=True)
        if que in ("banda_baja", "banda_alta"):
            return Cifra(clave, banda_poisson(PROMEDIO_SIMULADO)[que == "banda_alta"], "casos al mes", *comun,
                         "banda de variación con el promedio del simulador", "SINTETICO", sintetico=True)
        if que == "titulares":
            return Cifra(clave, len(titulares_del_azar(int(resto[0]) / 100)), "meses", *comun,
                         f"meses que «subieron» {resto[0]} % o más", "SINTETICO", sintetico=True)
        if que in ("casos", "cambio"):
            i = t.index[(t["anio"] == int(resto[0])) & (t["mes"] == int(resto[1]))][0]
            if que == "casos":
                return Cifra(clave, int(t.loc[i, "casos"]), "casos", *comun, "casos del mes", "SINTETICO",
                             sintetico=True)
            p = cambio(t.loc[i - 1, "casos"], t.loc[i, "casos"]).proporcion
            return Cifra(clave, round(p * 100), "% de cambio", *comun, "cambio frente al mes anterior",
                         "SINTETICO", sintetico=True)
    raise ErrorLideres(f"La cifra «{clave}» no está en el registro: «{tipo}» no es una cifra del módulo 05.")


FAMILIAS_DE_CIFRAS = {"m05": _cifra_m05}
