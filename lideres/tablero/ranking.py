"""El ranking de distritos en barras (parte compartida), como HTML puro.

Las barras son HTML y CSS (estilos en `partes.CSS_BASE`): pesan poco, se ven sin internet y en
cualquier teléfono. Cada fila es un diccionario con `ubigeo`, `distrito`, `puesto`, `valor`,
`texto` (el valor ya escrito en es-PE), `ancho` (0–100), `color`, `inestable`, `destacado`,
`seleccionado` y `salto` (viene después de un «…»). Clases CSS y atributos `data-*` estables: las
pruebas en navegador se apoyan en ellos.
"""

from __future__ import annotations

from lideres.jinja import plantillas_de


def html_filas(filas: list[dict]) -> str:
    """Las barras, una por fila, con «…» donde el ranking salta puestos."""
    return plantillas_de(__file__).get_template("ranking_filas.html.j2").render(filas=filas)


def html_ranking(filas: list[dict], etiqueta: str, nota: str = "", datos: dict | None = None) -> str:
    """El ranking entero: la etiqueta (qué se ordena, con su año), las barras y una nota opcional.
    `datos`: atributos `data-*` del recuadro (p. ej. la medida y el año elegidos)."""
    return plantillas_de(__file__).get_template("ranking.html.j2").render(
        filas=filas, etiqueta=etiqueta, nota=nota, datos=datos or {})
