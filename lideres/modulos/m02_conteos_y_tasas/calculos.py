"""Lo que calcula el módulo 02 «Conteos y tasas», sin widgets: la tabla de denuncias por distrito con
su tasa y sus dos puestos, y el estado del tablero (qué medida, qué año, qué distrito).

Todo lo que el tablero muestra (colores, leyenda, ranking, ficha de un distrito) sale de aquí,
así se prueba sin navegador ni kernel. La tasa misma (`tasa_por_100k`, `es_inestable`) es una parte
compartida: `lideres.tasas`.
"""

from __future__ import annotations

import functools
import math

import numpy as np
import pandas as pd

from lideres import formato
from lideres.errores import ErrorLideres
from lideres.tasas import CONTEO_MINIMO, POBLACION_MINIMA, agregar_tasa

MEDIDAS: dict[str, str] = {
    "conteo": "Conteo de denuncias",
    "tasa_100k": "Tasa por 100 mil habitantes",
}
ANIOS: tuple[int, ...] = (2024, 2025)
AMBITOS: tuple[str, ...] = ("Lima Metropolitana", "Callao")

# ColorBrewer YlGnBu, 5 clases: marcada «apta para daltonismo» por ColorBrewer; la luminosidad
# baja en cada paso, así el orden se lee aun sin distinguir colores o impreso en gris.
# Evitamos el rojo a propósito: no queremos pintar barrios como «zona de peligro».
PALETA: tuple[str, ...] = ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")
SIN_DATO = "#bdbdbd"
BORDE = "#444444"
BORDE_SELECCION = "#d95f02"

DESTACADO = "150132"  # San Juan de Lurigancho: el distrito de la lectura equivocada
N_BARRAS = 15

FUENTE = "Fuente: MININTER – SIDPOL (denuncias), INEI (población estimada 2020)."
NOTA_INESTABLE = (
    f"* tasa inestable: población menor de {formato.numero(POBLACION_MINIMA)} "
    f"o menos de {formato.numero(CONTEO_MINIMO)} denuncias. Pocos casos la mueven mucho."
)
NOTA_CLASES = (
    "Cinco grupos de color con el mismo número de distritos cada uno (quintiles), contando 2024 y "
    "2025 juntos: los dos años usan la misma escala."
)


def tabla_conteos_y_tasas(
    anio: int = 2025, ambitos: tuple[str, ...] = ("Lima Metropolitana", "Callao")
) -> pd.DataFrame:
    """Denuncias de un año por distrito, con su tasa por 100 mil habitantes y los dos puestos.

    `puesto_conteo` y `puesto_tasa` (1 = el más alto) muestran cómo cambia el orden.
    La población es la estimada por el INEI para 2020 (la más reciente por distrito).
    """
    from lideres.tablas import cargar  # aquí: pandera solo cuando se pide una tabla

    columna = f"denuncias_{anio}"
    denuncias = cargar("denuncias_distrito")
    if columna not in denuncias.columns:
        anios = sorted(c.removeprefix("denuncias_") for c in denuncias.columns if c.startswith("denuncias_"))
        raise ErrorLideres(
            f"No hay denuncias por distrito del año {anio}.",
            como_arreglar=f"Usa uno de estos años: {', '.join(anios)}.",
        )
    tabla = denuncias.loc[denuncias["ambito"].isin(ambitos)]
    tabla = tabla[["ubigeo", "distrito", "ambito", "poblacion_2020", columna]].rename(
        columns={"poblacion_2020": "poblacion", columna: "conteo"}
    )
    tabla = agregar_tasa(tabla, "conteo", "poblacion")
    tabla["puesto_conteo"] = tabla["conteo"].rank(ascending=False, method="min").astype(int)
    tabla["puesto_tasa"] = tabla["tasa_100k"].rank(ascending=False, method="min").astype(int)
    tabla = tabla.sort_values(["conteo", "ubigeo"], ascending=[False, True]).reset_index(drop=True)
    tabla.attrs["pie"] = pie_de_tabla(anio)
    return tabla


def pie_de_tabla(anio: int) -> str:
    """«nivel · periodo · fuente» de la tabla de conteos y tasas, desde el registro de cifras."""
    from lideres import cifras

    return (cifras.pie(f"distritos.denuncias.lima_y_callao.{anio}", "distritos.poblacion.lima_y_callao")
            + ". Tasa: denuncias ÷ población 2020 × 100 000 (cálculo del curso).")


@functools.lru_cache(maxsize=8)
def _tabla(anio: int) -> pd.DataFrame:
    return tabla_conteos_y_tasas(anio, ambitos=AMBITOS)


def tabla(anio: int) -> pd.DataFrame:
    """La tabla de conteos y tasas del año (copia: quien la use puede cambiarla)."""
    return _tabla(revisar_anio(anio)).copy()


def revisar_medida(medida: str) -> str:
    if medida not in MEDIDAS:
        raise ErrorLideres(
            f"No conozco la medida «{medida}».",
            como_arreglar="Usa «conteo» (número de denuncias) o «tasa_100k» (tasa por 100 mil habitantes).",
        )
    return medida


def revisar_anio(anio) -> int:
    try:
        valor = int(anio)
    except (TypeError, ValueError):
        valor = None
    if valor not in ANIOS:
        raise ErrorLideres(
            f"No hay datos del año «{anio}».",
            como_arreglar="Usa uno de estos años: " + ", ".join(str(a) for a in ANIOS) + ".",
        )
    return valor


def _redondear(valor: float) -> float:
    """Redondea a dos cifras significativas: 13 412 -> 13 000; 2 534.2 -> 2 500."""
    if valor <= 0:
        return 0.0
    exponente = math.floor(math.log10(valor)) - 1
    return float(round(valor / 10**exponente) * 10**exponente)


@functools.lru_cache(maxsize=4)
def cortes(medida: str) -> tuple[float, ...]:
    """Límites entre clases: quintiles de los dos años juntos, redondeados para leerlos fácil."""
    revisar_medida(medida)
    valores = pd.concat([_tabla(a)[medida] for a in ANIOS]).dropna().to_numpy(dtype=float)
    crudos = np.quantile(valores, [0.2, 0.4, 0.6, 0.8])
    return tuple(sorted({_redondear(v) for v in crudos}))


def colores_de_clases(n_clases: int) -> tuple[str, ...]:
    """Colores para n clases, repartidos sobre la paleta (5 clases = la paleta entera)."""
    if n_clases >= len(PALETA):
        return PALETA
    indices = np.linspace(0, len(PALETA) - 1, n_clases).round().astype(int)
    return tuple(PALETA[i] for i in indices)


def clase(valor: float, limites: tuple[float, ...]) -> int | None:
    """Índice de clase (0 = la más baja). None si no hay dato."""
    if valor is None or (isinstance(valor, float) and math.isnan(valor)):
        return None
    return int(np.searchsorted(np.asarray(limites), valor, side="right"))


def _distrito_desconocido(ubigeo) -> ErrorLideres:
    return ErrorLideres(
        f"No hay un distrito de Lima o Callao con UBIGEO «{ubigeo}».",
        como_arreglar="Elige un distrito de la lista o tócalo en el mapa.",
    )


def numero_medida(valor: float, medida: str) -> str:
    """Un valor de la medida como se lee: denuncias enteras; tasas sin decimales si son grandes."""
    if medida == "tasa_100k" and valor is not None and not math.isnan(valor) and valor < 100:
        return formato.numero(valor, 1)
    return formato.numero(valor)


class EstadoTablero:
    """Medida, año y distrito elegido; y todo lo que se deriva de ellos."""

    fuente = FUENTE  # la línea de fuente que el mapa compartido pone como crédito

    def __init__(self, medida: str = "conteo", anio: int = 2025, seleccion: str | None = None):
        # Colores por (medida, año): un redibujo los pide para el mapa y para el ranking.
        self._colores: dict[tuple[str, int], dict[str, str]] = {}
        self.medida = medida
        self.anio = anio
        self.seleccion = seleccion

    # -- lo que cambia la persona ---------------------------------------------------------------
    @property
    def medida(self) -> str:
        return self._medida

    @medida.setter
    def medida(self, valor: str) -> None:
        self._medida = revisar_medida(valor)

    @property
    def anio(self) -> int:
        return self._anio

    @anio.setter
    def anio(self, valor: int) -> None:
        self._anio = revisar_anio(valor)

    @property
    def seleccion(self) -> str | None:
        return self._seleccion

    @seleccion.setter
    def seleccion(self, ubigeo: str | None) -> None:
        if ubigeo is not None:
            ubigeo = str(ubigeo)
            if ubigeo not in set(_tabla(ANIOS[0])["ubigeo"]):
                raise _distrito_desconocido(ubigeo)
        self._seleccion = ubigeo

    # -- lo que se deriva ---------------------------------------------------------------------------
    @property
    def es_tasa(self) -> bool:
        return self.medida == "tasa_100k"

    def tabla(self) -> pd.DataFrame:
        """La tabla del año, ordenada por la medida elegida (mayor primero), con columna `puesto`."""
        t = _tabla(self.anio)
        columna_puesto = "puesto_tasa" if self.es_tasa else "puesto_conteo"
        t = t.assign(puesto=t[columna_puesto])  # assign devuelve otra tabla: la guardada no cambia
        return t.sort_values(["puesto", "distrito"]).reset_index(drop=True)

    def distritos(self) -> list[tuple[str, str]]:
        """(nombre, ubigeo) en orden alfabético, para elegir un distrito de una lista."""
        t = _tabla(self.anio)
        pares = sorted(zip(t["distrito"], t["ubigeo"], strict=True), key=lambda p: p[0].casefold())
        return [(nombre, ubigeo) for nombre, ubigeo in pares]

    def cortes(self) -> tuple[float, ...]:
        return cortes(self.medida)

    def clases(self) -> dict[str, int | None]:
        limites = self.cortes()
        t = _tabla(self.anio)
        return {
            u: clase(float(v), limites) for u, v in zip(t["ubigeo"], t[self.medida], strict=True)
        }

    def colores(self) -> dict[str, str]:
        """UBIGEO -> color de relleno (hex) con la medida y el año elegidos."""
        clave = (self.medida, self.anio)
        if clave not in self._colores:
            paleta = colores_de_clases(len(self.cortes()) + 1)
            self._colores[clave] = {
                u: SIN_DATO if c is None else paleta[c] for u, c in self.clases().items()
            }
        return dict(self._colores[clave])

    def inestables(self) -> set[str]:
        t = _tabla(self.anio)
        return set(t.loc[t["inestable"].astype(bool), "ubigeo"])

    def estilo(self, ubigeo: str, color: str | None = None, inestables: set | None = None) -> dict:
        """Estilo Leaflet de un distrito. La clase CSS lo identifica en el navegador."""
        color = color or self.colores()[ubigeo]
        inestable = ubigeo in (self.inestables() if inestables is None else inestables)
        seleccionado = ubigeo == self.seleccion
        clases = ["lideres-distrito", f"lideres-ubigeo-{ubigeo}"]
        if inestable:
            clases.append("lideres-inestable")
        # La selección se ve en el borde (color y grosor), no en la clase: Leaflet pone la
        # clase solo al crear el polígono, y el mapa solo envía estilos al cambiar.
        estilo = {
            "fillColor": color,
            "fillOpacity": 0.85,
            "color": BORDE_SELECCION if seleccionado else BORDE,
            "weight": 3 if seleccionado else 1,
            "opacity": 1,
            "className": " ".join(clases),
        }
        # La tasa de un distrito chico no es confiable: borde punteado, como el «*» del ranking.
        if inestable and self.es_tasa:
            estilo["dashArray"] = "5 4"
            estilo["weight"] = max(estilo["weight"], 2.5)
        return estilo

    def estilos(self) -> dict[str, dict]:
        colores = self.colores()
        inestables = self.inestables()
        return {u: self.estilo(u, c, inestables) for u, c in colores.items()}

    def titulo(self) -> str:
        if self.es_tasa:
            return f"Denuncias por cada 100 mil habitantes, {self.anio}"
        return f"Número de denuncias, {self.anio}"

    @functools.cached_property
    def nota_limites(self) -> str:
        """De dónde salen los límites de ESTE mapa (Lima y Callao); se lee una vez por tablero."""
        from lideres.limites import nota_limites

        return nota_limites(AMBITOS)

    @functools.cached_property
    def avisos_limites(self) -> dict[str, str]:
        """UBIGEO -> lo que hay que saber del dibujo de ese distrito (p. ej. La Punta)."""
        from lideres.limites import avisos_limites

        return avisos_limites(AMBITOS)

    def leyenda(self) -> dict:
        """Lo que dice la leyenda: unidades, clases con su color, notas y fuente."""
        limites = self.cortes()
        paleta = colores_de_clases(len(limites) + 1)
        textos = [numero_medida(v, self.medida) for v in limites]
        etiquetas = [f"menos de {textos[0]}"]
        etiquetas += [f"{a} a menos de {b}" for a, b in zip(textos, textos[1:], strict=False)]
        etiquetas.append(f"{textos[-1]} o más")
        if self.es_tasa:
            unidades = f"Denuncias por cada 100,000 habitantes en {self.anio}"
        else:
            unidades = f"Denuncias registradas en {self.anio} (número)"
        return {
            "titulo": MEDIDAS[self.medida],
            "unidades": unidades,
            "clases": list(zip(paleta, etiquetas, strict=True)),
            "nota_clases": NOTA_CLASES,
            "nota_inestable": NOTA_INESTABLE if self.es_tasa else None,
            "fuente": FUENTE,
            "nota_limites": self.nota_limites,
        }

    def info(self, ubigeo: str | None = None) -> dict | None:
        """Ficha de un distrito con números ya escritos en es-PE. None si no hay distrito."""
        ubigeo = ubigeo if ubigeo is not None else self.seleccion
        if ubigeo is None:
            return None
        t = _tabla(self.anio)
        filas = t[t["ubigeo"] == str(ubigeo)]
        if filas.empty:
            raise _distrito_desconocido(ubigeo)
        f = filas.iloc[0]
        total = len(t)
        return {
            "ubigeo": str(f["ubigeo"]),
            "distrito": f["distrito"],
            "ambito": f["ambito"],
            "anio": self.anio,
            "conteo": int(f["conteo"]),
            "poblacion": int(f["poblacion"]),
            "tasa_100k": float(f["tasa_100k"]),
            "inestable": bool(f["inestable"]),
            "puesto_conteo": int(f["puesto_conteo"]),
            "puesto_tasa": int(f["puesto_tasa"]),
            "total": total,
            "texto_conteo": formato.numero(f["conteo"]),
            "texto_poblacion": formato.numero(f["poblacion"]),
            "texto_tasa": numero_medida(float(f["tasa_100k"]), "tasa_100k"),
            "aviso_limite": self.avisos_limites.get(str(f["ubigeo"])),
        }

    def primeros(self, n: int = 3) -> list[str]:
        """Los n primeros distritos con la medida y el año elegidos (con «*» si la tasa es inestable):
        lo que cambia al tocar un control, para mostrarlo junto a los controles."""
        return [f["distrito"] for f in self.ranking(n) if f["puesto"] <= n][:n]

    def ranking(self, n: int = N_BARRAS) -> list[dict]:
        """Filas del gráfico de barras: los n primeros, más San Juan de Lurigancho y el distrito
        elegido si quedaron fuera. Cada fila dice si viene después de un salto («…»)."""
        t = self.tabla()
        maximo = float(t[self.medida].max()) or 1.0
        colores = self.colores()
        extra = {DESTACADO, self.seleccion} - {None}
        filas = []
        anterior = -1
        for posicion, f in t.iterrows():
            puesto = int(f["puesto"])
            if posicion >= n and f["ubigeo"] not in extra:
                continue
            valor = float(f[self.medida])
            inestable = bool(f["inestable"]) and self.es_tasa
            filas.append(
                {
                    "ubigeo": f["ubigeo"],
                    "distrito": f["distrito"] + (" *" if inestable else ""),
                    "puesto": puesto,
                    "valor": valor,
                    "texto": numero_medida(valor, self.medida),
                    "ancho": round(100 * valor / maximo, 1),
                    "color": colores[f["ubigeo"]],
                    "inestable": inestable,
                    "destacado": f["ubigeo"] == DESTACADO,
                    "seleccionado": f["ubigeo"] == self.seleccion,
                    "salto": posicion > anterior + 1,
                }
            )
            anterior = posicion
        return filas
