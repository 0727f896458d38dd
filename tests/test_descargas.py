"""La plantilla del cuaderno y el formulario en papel del módulo 09 se bajan de la página de inicio
del taller, del capítulo del libro y con `lideres datos plantilla` (lideres.descargas)."""

from __future__ import annotations

import json
from argparse import Namespace

import pytest

from lideres import descargas
from lideres.errores import ErrorLideres
from lideres.modulos import modulo


def test_el_09_declara_plantilla_y_formulario():
    nombres = [d.nombre for d in descargas.de_modulo("09_tus_datos")]
    assert nombres == ["cuaderno_de_incidencias.xlsx", "formulario_de_incidencias.pdf"]
    assert set(nombres) <= set(descargas.todas())
    assert descargas.de_modulo("02_conteos_y_tasas") == []


def test_la_plantilla_se_arma_en_memoria():
    (plantilla,) = [d for d in descargas.de_modulo("09_tus_datos") if d.nombre.endswith(".xlsx")]
    assert plantilla.armar()[:2] == b"PK" and "spreadsheetml" in plantilla.tipo


def test_el_capitulo_enlaza_las_descargas(tmp_path):
    from lideres import libro

    copiados = {p.name: p for p in libro.preparar(tmp_path / "book")}
    celdas = json.loads(copiados[modulo("09_tus_datos").cuaderno].read_text(encoding="utf-8"))["cells"]
    textos = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in celdas]
    (enlaces,) = [t for t in textos if "Para descargar" in t]
    assert '../descargas/cuaderno_de_incidencias.xlsx' in enlaces
    assert '../descargas/formulario_de_incidencias.pdf' in enlaces
    # dentro de la actividad, después del enlace al tablero
    actividad = next(i for i, t in enumerate(textos) if t.startswith("## Actividad"))
    assert actividad < textos.index(enlaces)


def test_la_pagina_de_inicio_ofrece_las_descargas(tmp_path):
    from lideres import rutas
    from lideres.taller import servidor

    pagina = servidor.pagina_inicio(rutas.CUADERNOS, None)
    assert 'href="/descargas/cuaderno_de_incidencias.xlsx"' in pagina
    assert 'href="/descargas/formulario_de_incidencias.pdf"' in pagina


def test_lideres_datos_plantilla_no_reemplaza(tmp_path, monkeypatch, capsys):
    # El PDF (typst) se prueba en test_m09_tus_datos.py; aquí basta con que se escriba lo que devuelve.
    monkeypatch.setattr(descargas.Descarga, "armar", lambda self: b"%PDF" if self.nombre.endswith("pdf") else b"PK")
    assert descargas.cli_plantilla(Namespace(carpeta=str(tmp_path))) == 0
    assert (tmp_path / "cuaderno_de_incidencias.xlsx").read_bytes() == b"PK"
    assert "Plantilla del cuaderno" in capsys.readouterr().out
    with pytest.raises(ErrorLideres, match="no se reemplaza"):
        descargas.cli_plantilla(Namespace(carpeta=str(tmp_path)))


@pytest.mark.lento
def test_el_libro_construido_trae_los_archivos(libro_facilitador_html):
    """Los enlaces del capítulo y de la página para facilitadores llevan a archivos que existen (también
    en el sitio estático, que copia esta carpeta)."""
    html = libro_facilitador_html
    assert (html / descargas.CARPETA / "cuaderno_de_incidencias.xlsx").read_bytes()[:2] == b"PK"
    assert (html / descargas.CARPETA / "formulario_de_incidencias.pdf").read_bytes()[:4] == b"%PDF"
    for pagina in (html / "modulos" / "09_tus_datos.html", html / "facilitadores" / "09_tus_datos.html"):
        texto = pagina.read_text(encoding="utf-8")
        assert 'href="../descargas/cuaderno_de_incidencias.xlsx"' in texto, pagina
        assert 'href="../descargas/formulario_de_incidencias.pdf"' in texto, pagina
