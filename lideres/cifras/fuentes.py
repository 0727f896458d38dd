"""Las fuentes que el curso cita, por clave: la clave va en cada cifra del registro y en los pies
de gráficos, mapas y tablas («nivel · periodo · fuente»)."""

from __future__ import annotations

FUENTES: dict[str, str] = {
    "SIDPOL": "MININTER – SIDPOL (denuncias policiales)",
    "ENAPRES": "MININTER con datos del INEI (ENAPRES), serie anual",
    "INEI-ENAPRES-PRENSA": "INEI (ENAPRES), cifra suelta citada en la prensa o en estudios",
    "INEI-POBLACION": "INEI, población estimada 2020",
    "CALCULO": "cálculo del curso con las cifras citadas",
    "PRENSA": "cifra publicada citada en la prensa",
    "CURSO": "regla del curso (no es un dato publicado)",
    "SINTETICO": "datos sintéticos del curso (inventados con semilla)",
}


def nombre(clave: str) -> str:
    """El nombre legible de una fuente. Una clave desconocida es un error del curso, no del lector."""
    try:
        return FUENTES[clave]
    except KeyError:
        raise KeyError(f"Fuente sin registrar: «{clave}». Agrégala a lideres/cifras/fuentes.py.") from None
