"""Escuela de Líderes: datos para la seguridad ciudadana.

Lo que los cuadernos usan, con nombres en español:

    import lideres
    distritos = lideres.cargar("distritos")
    lideres.tasa_por_100k(500, 250_000)

Los nombres se importan al usarlos, para que `import lideres` sea rápido.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_NOMBRES = {
    "cargar": "lideres.tablas",
    "tablas_disponibles": "lideres.tablas",
    "tasa_por_100k": "lideres.tasas",
    "es_inestable": "lideres.tasas",
    "agregar_tasa": "lideres.tasas",
    "tabla_conteos_y_tasas": "lideres.modulos.m02_conteos_y_tasas.calculos",
    "cargar_limites": "lideres.limites",
    "revisar_archivo": "lideres.revisar",
    "revisar_datos": "lideres.revisar",
    "revisar_tabla": "lideres.revisar",
    "tablero_conteos_y_tasas": "lideres.modulos.m02_conteos_y_tasas.tablero",
    "mapa_estatico": "lideres.graficos",
    "grafico_ranking": "lideres.graficos",
    "tabla_legible": "lideres.graficos",
    "tabla_angosta": "lideres.graficos",
    "avisos_en_espanol": "lideres.avisos",
}

__all__ = sorted(_NOMBRES)


def __getattr__(nombre: str):
    if nombre in _NOMBRES:
        return getattr(importlib.import_module(_NOMBRES[nombre]), nombre)
    raise AttributeError(f"lideres no tiene «{nombre}». Nombres disponibles: {', '.join(__all__)}")


def __dir__():
    return __all__
