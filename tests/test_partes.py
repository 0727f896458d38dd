"""Partes que comparten los tableros: el recuadro «Antes de concluir»."""

from __future__ import annotations

import pytest

from lideres.tablero import partes


def test_antes_de_concluir_html_y_widget():
    html = partes.html_antes_de_concluir([partes.DENUNCIAS_NO_SON_DELITOS, "Uno <b>más</b>."])
    assert html.startswith('<aside class="lideres-antes" lang="es" aria-label="Antes de concluir">')
    assert "<h3>Antes de concluir</h3>" in html and html.count("<li>") == 2
    assert "&lt;b&gt;" in html  # el texto se escapa
    caja = partes.antes_de_concluir([partes.POBLACION_2020])
    assert "lideres-antes-caja" in caja._dom_classes and "2020" in caja.value
    with pytest.raises(ValueError):
        partes.html_antes_de_concluir([])
