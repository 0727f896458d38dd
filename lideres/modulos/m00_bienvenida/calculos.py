"""Módulo 00 «Cómo usar este curso»: el mapa del curso para quien llega por primera vez.

Lee la lista de módulos (`lideres.modulos`), la única que sabe qué módulos hay.
"""

from __future__ import annotations

import pandas as pd

from lideres.modulos import MODULOS


def tabla_modulos():
    """Los once módulos con su lectura equivocada y si ya se pueden usar, lista para leer."""
    vista = pd.DataFrame(
        {
            "N.º": [str(int(m.id[:2])) for m in MODULOS],
            "Módulo": [m.titulo for m in MODULOS],
            "Contra la idea": [m.lectura_equivocada for m in MODULOS],
            "¿Listo?": ["sí" if m.listo else "próximamente" for m in MODULOS],
        }
    )
    return vista.style.hide(axis="index")
