"""Una tasa se aplica solo a lo que describe (issue 18 §2).

Toda tasa tiene un alcance: de qué **nivel** (distrito, departamento, nacional urbano…), de qué
**ámbito** (qué lugar), de qué **periodo** y de qué **universo** (qué cuenta). Las funciones que
aplican una tasa —la tasa de denuncia a unas denuncias, la tasa por 100 mil a un conteo— reciben el
alcance de lo que multiplican y, si no es el mismo, se niegan con un mensaje en español en vez de
calcular. Así «13.9 de cada 100 víctimas del Perú urbano denunciaron en 2016-17» no se aplica a
«todas las denuncias del Callao en 2024».
"""

from __future__ import annotations

from dataclasses import dataclass

from lideres import formato
from lideres.errores import ErrorLideres

# Regla del curso para diferencias de encuesta, porque no tenemos los márgenes publicados de la
# ENAPRES por departamento: menos de 4 puntos entre dos años o dos lugares no se lee como cambio ni
# como orden. Con unas 1,000 a 2,000 personas por departamento, el margen de una sola cifra cercana a
# 30 de cada 100 ya ronda 2 a 3 puntos; el de una diferencia entre dos cifras es mayor.
DIFERENCIA_MINIMA_ENCUESTA = 4.0
# La misma regla para una sola cifra: puede estar unos 2 puntos arriba o abajo (2 + 2 = 4 entre dos).
MARGEN_ENCUESTA = DIFERENCIA_MINIMA_ENCUESTA / 2


@dataclass(frozen=True)
class Alcance:
    nivel: str       # «departamento», «distrito», «nacional urbano»…
    ambito: str      # «La Libertad», «San Juan de Lurigancho»…
    periodo: str     # «2025», «2024»… (el año que cubre)
    universo: str    # qué cuenta: «denuncias de robo y hurto», «población»…

    def __str__(self) -> str:
        return f"{self.universo}, {self.ambito} ({self.nivel}), {self.periodo}"

    def diferencias(self, otro: Alcance, *, sin: tuple[str, ...] = ()) -> list[str]:
        nombres = {"nivel": "el nivel", "ambito": "el lugar", "periodo": "el periodo", "universo": "lo que cuenta"}
        return [f"{nombres[campo]} ({getattr(self, campo)} ≠ {getattr(otro, campo)})"
                for campo in ("nivel", "ambito", "periodo", "universo")
                if campo not in sin and getattr(self, campo) != getattr(otro, campo)]


@dataclass(frozen=True)
class Tasa:
    """Una tasa publicada con el alcance de lo que describe. `valor` va «de cada 100»."""
    valor: float
    alcance: Alcance     # el alcance de lo que la tasa permite multiplicar
    fuente: str
    detalle_periodo: str = ""   # «primer semestre 2025»: cuándo se midió dentro del periodo


def exigir_mismo_alcance(de_la_tasa: Alcance, de_la_cantidad: Alcance, que_tasa: str,
                         *, sin: tuple[str, ...] = ()) -> None:
    """Error en español si la cantidad no tiene el alcance de la tasa."""
    diferencias = de_la_tasa.diferencias(de_la_cantidad, sin=sin)
    if diferencias:
        raise ErrorLideres(
            f"No se puede aplicar {que_tasa} a esta cantidad: cambia " + "; ".join(diferencias) + ". "
            f"La tasa describe: {de_la_tasa}. La cantidad es: {de_la_cantidad}.",
            como_arreglar="Usa una tasa del mismo nivel, lugar, periodo y universo que la cantidad, "
                          "o di que no hay una tasa publicada para ella.",
        )


def hechos_posibles(denuncias: float, alcance_denuncias: Alcance, tasa: Tasa) -> float:
    """Cuántos hechos habría si solo se denunció `tasa.valor` de cada 100: denuncias × 100 ÷ tasa.
    Solo si las denuncias tienen el alcance de la tasa (mismo nivel, lugar, periodo y universo)."""
    exigir_mismo_alcance(tasa.alcance, alcance_denuncias, "la tasa de denuncia")
    if not 0 < tasa.valor <= 100:
        raise ErrorLideres(f"La tasa de denuncia debe estar entre 0 y 100, no {formato.numero(tasa.valor, 1)}.")
    return denuncias * 100 / tasa.valor


def se_distingue(a: float, b: float, minimo: float = DIFERENCIA_MINIMA_ENCUESTA) -> bool:
    """True si dos cifras de encuesta (de cada 100) están a `minimo` puntos o más: recién entonces
    la diferencia se puede leer como un cambio o un orden (regla del curso, ver arriba)."""
    return abs(a - b) >= minimo
