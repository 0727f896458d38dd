"""El ranking de distritos en barras (parte compartida), como HTML puro.

Las barras son HTML y CSS (estilos en `partes.CSS_BASE`): pesan poco, se ven sin internet y en
cualquier teléfono. Cada fila es un diccionario con `ubigeo`, `distrito`, `puesto`, `valor`,
`texto` (el valor ya escrito en es-PE), `ancho` (0–100), `color`, `inestable`, `destacado`,
`seleccionado` y `salto` (viene después de un «…»). Clases CSS y atributos `data-*` estables: las
pruebas en navegador se apoyan en ellos.
"""

from __future__ import annotations

from html import escape


def html_filas(filas: list[dict]) -> str:
    """Las barras, una por fila, con «…» donde el ranking salta puestos."""
    html = []
    for f in filas:
        if f["salto"]:
            html.append('<div class="lideres-ranking-salto" aria-hidden="true">…</div>')
        clases = ["lideres-barra"]
        if f["destacado"]:
            clases.append("lideres-barra-destacada")
        if f["seleccionado"]:
            clases.append("lideres-barra-seleccionada")
        if f["inestable"]:
            clases.append("lideres-inestable")
        html.append(
            f'<div class="{" ".join(clases)}" role="listitem" data-ubigeo="{f["ubigeo"]}" '
            f'data-puesto="{f["puesto"]}" data-valor="{f["valor"]:.1f}">'
            f'<span class="lideres-barra-puesto">{f["puesto"]}.</span>'
            f'<span class="lideres-barra-nombre">{escape(f["distrito"])}</span>'
            f'<span class="lideres-barra-valor">{f["texto"]}</span>'
            f'<span class="lideres-barra-pista"><span class="lideres-barra-relleno" '
            f'style="width:{f["ancho"]}%;background:{f["color"]}"></span></span></div>'
        )
    return "".join(html)


def html_ranking(filas: list[dict], etiqueta: str, nota: str = "", datos: dict | None = None) -> str:
    """El ranking entero: la etiqueta (qué se ordena, con su año), las barras y una nota opcional.
    `datos`: atributos `data-*` del recuadro (p. ej. la medida y el año elegidos)."""
    atributos = "".join(f' data-{clave}="{escape(str(valor))}"' for clave, valor in (datos or {}).items())
    nota_html = f'<p class="lideres-nota">{escape(nota)}</p>' if nota else ""
    return (
        f'<div class="lideres-ranking" lang="es"{atributos}>'
        f'<p class="lideres-etiqueta">{escape(etiqueta)}</p>'
        f'<div class="lideres-ranking-filas" role="list">{html_filas(filas)}</div>'
        f"{nota_html}</div>"
    )
