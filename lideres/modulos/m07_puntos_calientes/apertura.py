"""El paso 1 del tablero 07 (marcar la zona) sin pandas ni numpy.

Un kernel frío tarda medio segundo solo en importar pandas, y el paso 1 no lo necesita: el
distrito, su polígono, la lista de distritos y la de tipos salen de los límites y de las
modalidades del SIDPOL (`lideres.modalidades`). Las cuentas (`calculos`) y sus vistas (`vistas`)
se importan al llegar al paso 2.
`tests/test_m07_puntos_calientes.py` revisa que esta lista sea la misma que dan los datos.
"""

from __future__ import annotations

import functools
from pathlib import Path

from lideres.jinja import plantillas_de
from lideres.leer_limites import nombres_de_distritos, rasgo_de_distrito
from lideres.modalidades import MODALIDADES

TIPO_EXCLUIDO = MODALIDADES["violencia_mujer_integrantes"]
# Los tipos de los incidentes sintéticos (las modalidades del SIDPOL que usa `lideres.sinteticos`),
# sin la violencia contra la mujer y los integrantes del grupo familiar, en orden alfabético.
TIPOS = tuple(sorted(t for t in MODALIDADES.values() if t != TIPO_EXCLUIDO))
AVISO_SINTETICO = ("Datos SINTÉTICOS: incidentes inventados con semilla para practicar; no son "
                   "casos reales y sus puntos calientes no existen.")
PRIMERO = ("El Porvenir", "La Esperanza", "Florencia de Mora")  # Trujillo va primero en las listas
VISTAS = {"celdas": "Celdas", "puntos": "Puntos", "hexagonos": "Hexágonos", "densidad": "Densidad"}
BANDAS_M = (150, 300, 600)
PLANTILLAS = Path(__file__).with_name("plantillas")


def en_orden(nombres) -> list[str]:
    """Primero los tres distritos de Trujillo del curso, luego el resto en orden alfabético."""
    nombres = sorted(set(nombres))
    return [d for d in PRIMERO if d in nombres] + [d for d in nombres if d not in PRIMERO]


@functools.lru_cache(maxsize=1)
def _distritos() -> tuple[str, ...]:
    return tuple(en_orden(nombres_de_distritos()))


def distritos() -> list[str]:
    """Los distritos del mapa (los 61: el generador da incidentes a todos)."""
    return list(_distritos())


def tipos() -> list[str]:
    return list(TIPOS)


def rasgo_distrito(distrito: str) -> dict | None:
    """El polígono del distrito para el mapa de Leaflet: GeoJSON con solo su UBIGEO y su nombre."""
    r = rasgo_de_distrito(distrito)
    if r is None:
        return None
    ubigeo = str(r["properties"]["ubigeo"])
    return {"type": "Feature", "id": ubigeo, "properties": {"ubigeo": ubigeo, "distrito": distrito},
            "geometry": r["geometry"]}


def css() -> str:
    return (PLANTILLAS / "puntos_calientes.css").read_text(encoding="utf-8")


def html_paso(titulo: str, texto: str) -> str:
    """Un paso del tablero (1: marca tu zona; 2: compara) con lo que hay que hacer."""
    return plantillas_de(__file__).get_template("paso.html.j2").render(titulo=titulo, texto=texto)
