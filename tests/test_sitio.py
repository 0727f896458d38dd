"""`make sitio` sin navegador: qué enlaces no servirían en un hosting estático."""

from __future__ import annotations

from lideres import libro, sitio


def test_un_enlace_a_voila_no_sirve_en_el_sitio(tmp_path):
    (tmp_path / "a.html").write_text(
        '<html lang="es"><body><a href="/voila/render/tableros/02_conteos_y_tasas.ipynb">tablero</a>'
        '<a href="https://mybinder.org/v2/gh/o/r/main?urlpath=voila%2Frender%2Fx.ipynb">Binder</a>'
        '<a href="../intro.html">portada</a></body></html>', encoding="utf-8")
    problemas = sitio.enlaces_absolutos(tmp_path)
    assert problemas == ["a.html: enlace absoluto /voila/render/tableros/02_conteos_y_tasas.ipynb"]
    assert libro.revisar_html(tmp_path) == []  # un <a> a Binder no se carga solo


def test_cada_modo_construye_en_su_carpeta(tmp_path):
    taller = libro.carpeta_html(tmp_path, libro.TALLER)
    estatico = libro.carpeta_html(tmp_path, libro.SITIO)
    assert taller == tmp_path / "_build" / "html"  # la que sirve `lideres taller` en /libro/
    assert estatico != taller and estatico.is_relative_to(tmp_path / "_build")
    hub = libro.carpeta_html(tmp_path, libro.HUB)  # la que sirve el JupyterHub en /services/libro/
    assert hub.is_relative_to(tmp_path / "_build" / "hub") and hub not in (taller, estatico)
