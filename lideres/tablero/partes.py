"""Partes que comparten los tableros de todos los módulos (HTML puro y, aparte, su widget).

«Antes de concluir»: un recuadro corto con lo que hay que recordar antes de sacar conclusiones del
tablero. Cada módulo elige sus puntos; las frases comunes están aquí para que todos digan lo mismo.

    from lideres.tablero.partes import antes_de_concluir, DENUNCIAS_NO_SON_DELITOS
    caja = antes_de_concluir([DENUNCIAS_NO_SON_DELITOS, "Otro punto del módulo."])
"""

from __future__ import annotations

from html import escape

TITULO_ANTES = "Antes de concluir"

# Frases comunes (cada una se entiende sola, en palabras sencillas).
DENUNCIAS_NO_SON_DELITOS = (
    "Las denuncias no son todos los delitos: mucha gente no denuncia, y en unos distritos se denuncia "
    "más que en otros."
)
VISITANTES = (
    "Donde llega mucha gente de fuera (centros comerciales, mercados, el centro de la ciudad) hay más "
    "denuncias, pero la tasa se calcula solo con quienes viven ahí."
)
POBLACION_2020 = (
    "La población es una estimación del INEI para 2020: hoy puede ser otra, sobre todo en los "
    "distritos que crecen rápido."
)
SINTETICOS = "Estos registros son sintéticos (inventados para practicar): no describen a nadie."

CSS = """
.lideres-antes { border-left: 6px solid #d95f02; background: #fff7ed; padding: 8px 12px;
  margin: 10px 0; border-radius: 4px; font-size: 15px; line-height: 1.4; color: #1f1f1f; }
.lideres-antes h3 { font-size: 16px; margin: 0 0 4px; }
.lideres-antes ul { margin: 0; padding-left: 1.2em; }
.lideres-antes li { margin: 3px 0; }
"""


def html_antes_de_concluir(puntos: list[str] | tuple[str, ...], titulo: str = TITULO_ANTES) -> str:
    """El recuadro como HTML (sirve en el tablero y en el libro)."""
    if not puntos:
        raise ValueError("«Antes de concluir» necesita al menos un punto.")
    items = "".join(f"<li>{escape(p)}</li>" for p in puntos)
    return (
        f'<aside class="lideres-antes" lang="es" aria-label="{escape(titulo)}">'
        f"<h3>{escape(titulo)}</h3><ul>{items}</ul></aside>"
    )


def antes_de_concluir(puntos: list[str] | tuple[str, ...], titulo: str = TITULO_ANTES):
    """El recuadro como widget (ipywidgets.HTML), con sus estilos."""
    import ipywidgets as widgets

    caja = widgets.HTML(f"<style>{CSS}</style>" + html_antes_de_concluir(puntos, titulo))
    caja.add_class("lideres-antes-caja")
    return caja
