"""Legibilidad (Fernández-Huerta ≥ 70) de la prosa de cada lección y de la portada del libro."""

from __future__ import annotations

import pytest

from lideres.rutas import CUADERNOS, LIBRO
from tests.legibilidad import MINIMO, fernandez_huerta, prosa_cuaderno, prosa_markdown

LECCIONES = sorted(CUADERNOS.glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("ruta", LECCIONES, ids=lambda p: p.stem)
def test_leccion_se_lee_facil(ruta):
    indice = fernandez_huerta(prosa_cuaderno(ruta))
    print(f"{ruta.name}: Fernández-Huerta {indice:.1f}")
    assert indice >= MINIMO, f"{ruta.name}: Fernández-Huerta {indice:.1f} < {MINIMO}: acorta las frases"


def test_portada_del_libro_se_lee_facil():
    indice = fernandez_huerta(prosa_markdown((LIBRO / "intro.md").read_text(encoding="utf-8")))
    assert indice >= MINIMO, f"intro.md: Fernández-Huerta {indice:.1f} < {MINIMO}"


def test_prosa_sin_codigo_ni_marcas():
    texto = "# Título\n\nUna frase con `codigo()` y un [enlace](http://x).\n\n```python\nx = 1\n```\n- punto"
    assert prosa_markdown(texto) == "Título. Una frase con y un enlace. punto."
    # frases largas bajan el índice
    larga = "El " + " ".join(["distrito"] * 60) + " tiene denuncias."
    assert fernandez_huerta(larga) < fernandez_huerta("El distrito tiene denuncias. Es chico.")
