"""El libro: fuentes generadas, revisión del HTML y una construcción real sin internet."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from lideres import libro, rutas
from lideres.errores import ErrorLideres
from lideres.glosario import GLOSARIO
from lideres.modulos import MODULOS, listos

# ---------------------------------------------------------------- rápidas (sin construir)


def test_config_en_espanol_y_sin_extensiones_de_red():
    cfg = yaml.safe_load((rutas.LIBRO / "_config.yml").read_text(encoding="utf-8"))
    sphinx = cfg["sphinx"]["config"]
    assert sphinx["language"] == "es"
    assert "sphinx_thebe" not in sphinx["extensions"]
    assert "sphinx.ext.intersphinx" not in sphinx["extensions"]
    assert sphinx["nb_ipywidgets_js"] == {}
    assert "dollarmath" not in cfg["parse"]["myst_enable_extensions"]
    assert cfg["execute"]["execute_notebooks"] == "cache"  # caché de myst-nb (jupyter-cache)
    # Binder y el hub: enlaces propios de lideres.lanzar, no los botones del tema (ver test_lanzar).
    assert sphinx["html_theme_options"]["launch_buttons"] == {}
    assert not cfg["html"]["use_repository_button"]


def test_indice_toma_los_modulos_por_glob():
    toc = yaml.safe_load((rutas.LIBRO / "_toc.yml").read_text(encoding="utf-8"))
    entradas = [c for parte in toc["parts"] for c in parte["chapters"]]
    assert {"glob": f"{libro.CARPETA_MODULOS}/*"} in entradas
    assert {"file": "glosario"} in entradas
    assert toc["root"] == "intro"


def test_lista_de_modulos_tiene_los_once():
    texto = libro.lista_modulos_md()
    lineas = texto.strip().splitlines()
    assert len(lineas) == len(MODULOS) == 11
    for m, linea in zip(MODULOS, lineas, strict=True):
        assert m.titulo in linea
        if m.listo:
            assert f"({libro.CARPETA_MODULOS}/{m.id}.ipynb)" in linea
        else:
            assert "próximamente" in linea


def test_glosario_md_tiene_todos_los_terminos():
    texto = libro.glosario_md()
    assert texto.startswith(":::{glossary}")
    for termino in GLOSARIO:
        assert f"\n{termino.strip()}\n" in texto


def test_preparar_copia_sin_tocar_el_original(tmp_path):
    cuadernos = tmp_path / "notebooks"
    cuadernos.mkdir()
    originales = {}
    (cuadernos / "tableros").mkdir()
    con_tablero = [m for m in listos() if not m.id.startswith("00_")]  # el 00 no tiene tablero
    for m in listos():
        nb = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "# Hola"}],
              "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        p = cuadernos / m.cuaderno
        p.write_text(json.dumps(nb), encoding="utf-8")
        originales[p] = p.read_bytes()
        if m in con_tablero:
            (cuadernos / "tableros" / m.cuaderno).write_text(json.dumps(nb), encoding="utf-8")
    book = tmp_path / "book"
    book.mkdir()
    (book / libro.CARPETA_MODULOS).mkdir()
    (book / libro.CARPETA_MODULOS / "99_viejo.ipynb").write_text("{}", encoding="utf-8")

    copiados = libro.preparar(book, cuadernos)

    assert [p.name for p in copiados] == [m.cuaderno for m in listos()]
    assert not (book / libro.CARPETA_MODULOS / "99_viejo.ipynb").exists()  # se limpia
    for p, contenido in originales.items():
        assert p.read_bytes() == contenido
    for m, copia in zip(listos(), copiados, strict=True):
        celdas = json.loads(copia.read_text(encoding="utf-8"))["cells"]
        # Después del tablero puede venir la autoevaluación (lideres.cuestionario).
        tableros = [c for c in celdas if libro.url_tablero(m) in c["source"]]
        assert bool(tableros) == (m in con_tablero)  # el 00 no tiene tablero
        if tableros:
            assert "servidor del taller" in tableros[0]["source"]
    assert (book / libro.CARPETA_GENERADO / "glosario.md").is_file()
    assert (book / libro.CARPETA_GENERADO / "modulos.md").is_file()


def test_preparar_oculta_el_codigo_y_no_reescribe_lo_que_no_cambio(tmp_path):
    cuadernos = tmp_path / "notebooks"
    cuadernos.mkdir()
    for m in listos():
        nb = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "# Hola"},
                        {"cell_type": "code", "metadata": {}, "source": "1 + 1", "outputs": [],
                         "execution_count": None}],
              "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        (cuadernos / m.cuaderno).write_text(json.dumps(nb), encoding="utf-8")
    book = tmp_path / "book"
    copiados = libro.preparar(book, cuadernos)
    for copia in copiados:
        celdas = json.loads(copia.read_text(encoding="utf-8"))["cells"]
        codigo = [c for c in celdas if c["cell_type"] == "code"]
        assert codigo and all("remove-input" in c["metadata"]["tags"] for c in codigo)
    for m in listos():  # el original sigue sin etiquetas
        assert "tags" not in json.loads((cuadernos / m.cuaderno).read_text(encoding="utf-8"))["cells"][1]["metadata"]
    fechas = {p: p.stat().st_mtime_ns for p in (book / libro.CARPETA_MODULOS).iterdir()}
    antes = libro.huellas(book)
    libro.preparar(book, cuadernos)
    assert {p: p.stat().st_mtime_ns for p in (book / libro.CARPETA_MODULOS).iterdir()} == fechas
    assert libro.huellas(book) == antes
    (cuadernos / listos()[0].cuaderno).write_text(json.dumps(
        {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    libro.preparar(book, cuadernos)
    assert libro.huellas(book)["libro"] != antes["libro"]
    assert libro.huellas(book)["paquete"] == antes["paquete"]


def test_enlace_al_tablero_dentro_de_la_actividad(tmp_path):
    book = tmp_path / "book"
    for copia, m in zip(libro.preparar(book), listos(), strict=True):
        celdas = json.loads(copia.read_text(encoding="utf-8"))["cells"]
        textos = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in celdas]
        i = next(k for k, t in enumerate(textos) if t.startswith("## Actividad"))
        if (rutas.CUADERNOS / "tableros" / m.cuaderno).is_file():  # el 00 no tiene tablero
            assert libro.url_tablero(m) in textos[i + 1]
        else:
            assert libro.url_tablero(m) not in "".join(textos)
        assert "aprieta" not in "".join(textos) and "Cambia los números" not in "".join(textos)


def test_preparar_sin_cuaderno_da_error_en_espanol(tmp_path):
    with pytest.raises(ErrorLideres) as e:
        libro.preparar(tmp_path / "book", tmp_path / "vacio")
    assert "Faltan los cuadernos" in str(e.value)
    assert "Cómo arreglarlo" in str(e.value)


@pytest.mark.parametrize(
    ("url", "externa"),
    [
        ("https://cdn.jsdelivr.net/npm/x.js", True),
        ("//fonts.googleapis.com/css", True),
        ("http://127.0.0.1:8866/libro/", False),
        ("http://localhost/x.css", False),
        ("_static/x.css", False),
        ("../_images/a.png", False),
        ("data:image/png;base64,AAA", False),
        ("/voila/render/tableros/02_conteos_y_tasas.ipynb", False),
    ],
)
def test_es_externa(url, externa):
    assert libro.es_externa(url) is externa


def test_revisar_html_encuentra_recursos_externos(tmp_path):
    (tmp_path / "a.html").write_text(
        '<html lang="es"><head><script src="https://unpkg.com/thebe.js"></script>'
        '<link rel="stylesheet" href="_static/local.css"></head>'
        '<body><img src="https://example.org/x.png"><a href="https://ejemplo.pe">ok</a></body></html>',
        encoding="utf-8",
    )
    (tmp_path / "b.html").write_text('<html lang="en"><body></body></html>', encoding="utf-8")
    (tmp_path / "c.css").write_text("@import 'https://fonts.googleapis.com/css';", encoding="utf-8")
    problemas = libro.revisar_html(tmp_path)
    texto = "\n".join(problemas)
    assert "unpkg.com" in texto and "example.org" in texto and "fonts.googleapis.com" in texto
    assert "ejemplo.pe" not in texto  # un enlace <a> no carga nada por sí solo
    assert 'b.html: el idioma de la página es "en"' in texto
    assert len(problemas) == 4


def test_revisar_html_pide_lang_es_en_cada_pagina(tmp_path):
    (tmp_path / "sin_idioma.html").write_text("<html><body><p>Hola</p></body></html>", encoding="utf-8")
    (tmp_path / "bien.html").write_text('<html lang="es"><body></body></html>', encoding="utf-8")
    problemas = libro.revisar_html(tmp_path)
    assert len(problemas) == 1
    assert problemas[0].startswith("sin_idioma.html:") and 'lang="es"' in problemas[0]


# ---------------------------------------------------------------- construcción real


@pytest.fixture(scope="session")
def html(libro_html):
    return libro_html


def _texto(p: Path) -> str:
    return p.read_text(encoding="utf-8")


@pytest.mark.lento
def test_libro_construido_sin_recursos_externos(html):
    assert (html / "index.html").is_file()
    assert libro.revisar_html(html) == []
    paginas = list(html.rglob("*.html"))
    for p in paginas:
        if p.parent.name == "_static":
            continue
        assert re.search(r'<html[^>]*lang="es"', _texto(p)), p


# Textos del tema o de Sphinx que quedarían en inglés sin book/_locales y book/_templates.
TEXTOS_EN_INGLES = ["Link to this", "Toggle primary sidebar", "Toggle secondary sidebar", "Copyright"]


@pytest.mark.lento
def test_controles_del_libro_en_espanol(html):
    for pagina in ["intro.html", "glosario.html", f"{libro.CARPETA_MODULOS}/02_conteos_y_tasas.html"]:
        texto = _texto(html / pagina)
        for ingles in TEXTOS_EN_INGLES:
            assert ingles not in texto, f"«{ingles}» en {pagina}"
    assert 'title="Enlace a este título"' in _texto(html / "intro.html")


@pytest.mark.lento
def test_portada_lista_los_modulos(html):
    portada = _texto(html / "intro.html")
    for m in MODULOS:
        assert m.titulo in portada
    assert portada.count("próximamente") == len(MODULOS) - len(listos())


@pytest.mark.lento
def test_capitulo_ejecutado_con_figuras_y_enlace_al_tablero(html):
    for m in listos():
        pagina = html / libro.CARPETA_MODULOS / f"{m.id}.html"
        assert pagina.is_file()
        texto = _texto(pagina)
        assert "Traceback" not in texto
        # «Abrir en JupyterHub / Binder» también en el libro del taller (dice que necesita internet).
        assert 'class="lideres-en-linea"' in texto and "necesitan internet" in texto
        if not (rutas.CUADERNOS / "tableros" / m.cuaderno).is_file():
            continue  # el 00 (cómo usar el curso) no tiene tablero ni figuras de datos
        imagenes = re.findall(r'<img[^>]+src="([^"]+\.png)"', texto)
        # Figuras fijas: PNG de matplotlib, SVG de las vistas del módulo o sus tablas; el 09 muestra
        # el resumen de una revisión (texto), que es lo que la lección enseña a leer.
        assert imagenes or "<svg" in texto or "<table" in texto or m.id.startswith("09_"), (
            f"el capítulo {m.id} debe tener figuras o tablas fijas")
        for src in imagenes:
            assert (pagina.parent / src).resolve().is_file(), src
        assert f'href="{libro.url_tablero(m)}"' in texto  # en el taller, el tablero en /voila/...
        assert "Traceback" not in texto


@pytest.mark.lento
def test_reconstruir_sin_cambios_no_vuelve_a_construir(html):
    # Primero al día: otras pruebas de la sesión pueden haber preparado el libro de otra forma entre
    # la construcción de la fixture y esta prueba. Lo que se prueba es la segunda llamada.
    libro.construir(imprimir=lambda *a: None)
    mensajes = []
    assert libro.construir(imprimir=mensajes.append) == html
    assert any("ya está al día" in m for m in mensajes), mensajes
    assert libro.html_listo()
    huellas = json.loads((html.parent / libro.ARCHIVO_HUELLAS).read_text(encoding="utf-8"))
    assert huellas == libro.huellas()
    # la caché de ejecución de myst-nb guarda los capítulos (en _build/, fuera de git)
    assert (html.parent / libro.CARPETA_CACHE).is_dir()


@pytest.mark.lento
def test_capitulo_sin_codigo_a_la_vista(html):
    for m in listos():
        texto = _texto(html / libro.CARPETA_MODULOS / f"{m.id}.html")
        assert "cell_input" not in texto and "from lideres" not in texto


def _respuestas_de_facilitadores() -> list[str]:
    """Las respuestas de las autoevaluaciones que dan las páginas para facilitadores: el texto de
    cada párrafo «Respuestas…» (sin marcas de Markdown), en trozos que se buscan en el HTML."""
    trozos = []
    for pagina in sorted((rutas.LIBRO / "facilitadores").glob("*.md")):
        for parrafo in re.split(r"\n\s*\n", pagina.read_text(encoding="utf-8")):
            if re.match(r"\s*\**Respuestas", parrafo):
                texto = " ".join(re.sub(r"[*_`]", "", parrafo).split())
                trozos.append(texto[:60])
    return trozos


def test_el_libro_de_participantes_no_trae_la_parte_de_facilitadores(tmp_path):
    toc = libro.toc_participantes()
    assert "facilitadores/" not in toc and libro.PARTE_FACILITADORES not in toc
    assert "modulos/" in toc and "glosario" in toc
    assert len(_respuestas_de_facilitadores()) >= 4  # 00, 01, 03 y 04 dan respuestas


@pytest.mark.lento
def test_ninguna_respuesta_en_el_libro_de_participantes(html):
    """El libro que ven los celulares del taller (y el sitio y el hub, con el mismo índice) no trae
    las respuestas de las autoevaluaciones: solo la edición de quien facilita."""
    assert not (html / "facilitadores").exists()
    respuestas = _respuestas_de_facilitadores()
    for archivo in html.rglob("*"):
        if archivo.suffix not in (".html", ".js", ".json", ".txt") or not archivo.is_file():
            continue
        texto = " ".join(re.sub(r"<[^>]+>", " ", _texto(archivo)).split())
        for r in respuestas:
            assert r not in texto, (archivo, r)
        assert '"facilitadores/' not in texto, archivo  # tampoco en el buscador


@pytest.mark.lento
def test_glosario_y_facilitadores(html, libro_facilitador_html):
    glosario = _texto(html / "glosario.html")
    for termino in GLOSARIO:
        assert termino.strip() in glosario
    assert re.search(r'<dl class="[^"]*glossary', glosario)
    for m in listos():
        plan = _texto(libro_facilitador_html / "facilitadores" / f"{m.id}.html")
        assert "Plan de la sesión" in plan
        assert "Errores comunes" in plan
        if (rutas.CUADERNOS / "tableros" / m.cuaderno).is_file():
            assert f'href="{libro.url_tablero(m)}"' in plan


@pytest.mark.lento
def test_error_de_construccion_en_espanol_sin_traceback(tmp_path):
    # Un libro mínimo con una referencia rota: Sphinx avisa y, con avisos como errores, falla.
    book = tmp_path / "book"
    shutil.copytree(rutas.LIBRO, book, ignore=shutil.ignore_patterns(
        "_build", libro.CARPETA_MODULOS, libro.CARPETA_GENERADO))
    (book / "intro.md").write_text("# Portada\n\nVer {doc}`no_existe`.\n", encoding="utf-8")
    for p in (book / "facilitadores").glob("*.md"):
        p.write_text("# Plan\n", encoding="utf-8")
    cuadernos = tmp_path / "notebooks"
    cuadernos.mkdir()
    for m in listos():
        nb = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "# Capítulo"}],
              "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                          "language": "python"}},
              "nbformat": 4, "nbformat_minor": 5}
        (cuadernos / m.cuaderno).write_text(json.dumps(nb), encoding="utf-8")
    with pytest.raises(ErrorLideres) as e:
        libro.construir(book, cuadernos, imprimir=lambda *a: None)
    mensaje = str(e.value)
    assert mensaje.startswith("No se pudo construir el libro")
    assert "no_existe" in mensaje
    assert "Traceback" not in mensaje
    assert "\x1b[" not in mensaje


@pytest.mark.lento
def test_las_marcas_de_cifras_no_se_ven_en_el_libro(html):
    """`34,536<!--cifra clave-->`: el número se lee, la marca queda como comentario HTML (no se ve)."""
    # Las páginas para facilitadores van solo en la edición de quien facilita: aquí, el capítulo.
    for pagina in [f"{libro.CARPETA_MODULOS}/03_cifra_negra.html"]:
        texto = _texto(html / pagina)
        assert "14,055<!--cifra sidpol.robo+hurto+estafa.la_libertad.2025-->" in texto, pagina
        assert "&lt;!--cifra" not in texto and "&lt;!--ejemplo" not in texto, pagina


def test_plantilla_del_tema_sin_fontawesome_js():
    """book/_templates/static/webpack-macros.html es la del tema sin fontawesome.js (los íconos salen
    de la fuente que trae el CSS del tema). Si el tema cambia su archivo, hay que volver a copiarlo."""
    import pydata_sphinx_theme

    tema = (Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"
            / "webpack-macros.html").read_text(encoding="utf-8")
    nuestra = (rutas.LIBRO / "_templates" / "static" / "webpack-macros.html").read_text(encoding="utf-8")
    assert "fontawesome.js" not in nuestra
    sin_comentario = re.sub(r"\{#-.*?#\}", "", nuestra, flags=re.S)
    lineas = [linea for linea in sin_comentario.splitlines() if linea.strip()]
    del_tema = [linea for linea in tema.splitlines()
                if linea.strip() and "fontawesome.js" not in linea and "custom icons" not in linea]
    assert lineas == del_tema


@pytest.mark.lento
def test_el_libro_no_carga_fontawesome_js(html):
    for pagina in html.rglob("*.html"):
        if "_static" not in pagina.relative_to(html).parts:  # el tema copia ahí sus plantillas
            assert "fontawesome.js" not in _texto(pagina), pagina


def test_quitar_estado_de_widgets(tmp_path):
    estado = '<script type="application/vnd.jupyter.widget-state+json">{"state": {"a": 1}}</script>\n'
    (tmp_path / "cap.html").write_text(f"<html><head>{estado}</head><body>hola</body></html>", encoding="utf-8")
    con_vista = f'<html>{estado}<script type="application/vnd.jupyter.widget-view+json">{{}}</script></html>'
    (tmp_path / "vista.html").write_text(con_vista, encoding="utf-8")
    assert libro.quitar_estado_de_widgets(tmp_path) == 1
    assert (tmp_path / "cap.html").read_text(encoding="utf-8") == "<html><head></head><body>hola</body></html>"
    assert (tmp_path / "vista.html").read_text(encoding="utf-8") == con_vista  # una vista sí lo usa



def test_en_cada_pagina_guarda_solo_las_que_cambian(tmp_path):
    from lideres.libro_liviano import en_cada_pagina

    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.html").write_text("<p>viejo</p>", encoding="utf-8")
    igual = tmp_path / "b.html"
    igual.write_text("<p>otro</p>", encoding="utf-8")
    os.utime(igual, (0, 0))
    (tmp_path / "c.css").write_text("viejo", encoding="utf-8")
    assert en_cada_pagina(tmp_path, lambda texto: texto.replace("viejo", "nuevo")) == 1
    assert (tmp_path / "sub" / "a.html").read_text(encoding="utf-8") == "<p>nuevo</p>"
    assert igual.stat().st_mtime == 0  # una página igual no se vuelve a escribir
    assert (tmp_path / "c.css").read_text(encoding="utf-8") == "viejo"  # solo páginas HTML

@pytest.mark.lento
def test_capitulos_sin_estado_de_widgets(html):
    for pagina in (html / libro.CARPETA_MODULOS).glob("*.html"):
        assert "widget-state+json" not in _texto(pagina), pagina


def test_figuras_despues_de_la_primera_se_piden_al_bajar():
    """Issue 19 §3: en el capítulo, la primera figura llega con la página; las demás, al llegar a ellas."""
    from lideres.libro import figuras_al_bajar

    texto = ('<p>x</p><img src="a.png" alt="a"><img src="b.png" alt="b">'
             '<img loading="eager" src="c.png" alt="c"><img\n src="d.png" alt="d">')
    hecho = figuras_al_bajar(texto)
    assert hecho.startswith('<p>x</p><img src="a.png"')
    assert '<img loading="lazy" decoding="async" src="b.png"' in hecho
    assert '<img loading="eager" src="c.png"' in hecho and hecho.count("loading=") == 3
    assert figuras_al_bajar(hecho) == hecho  # dos pasadas, el mismo resultado


def test_figuras_al_bajar_solo_cambia_etiquetas_de_verdad():
    """Un «<img» escrito dentro de un <script> o de un comentario no es una figura: queda como vino
    y no cuenta como la primera. Lo demás de la página tampoco cambia."""
    from lideres.libro import figuras_al_bajar

    texto = ('<!-- antes: <img src="vieja.png"> -->\n'
             '<script>const molde = \'<img src="x.png" alt="">\';</script>\n'
             '<p>uno\ndos</p>\n  <img src="a.png" alt="a">\n<IMG src="b.png" alt="b"><img src="c.png" alt="c">')
    hecho = figuras_al_bajar(texto)
    assert hecho.count("loading=") == 2
    assert '<IMG loading="lazy" decoding="async" src="b.png"' in hecho
    assert '<img loading="lazy" decoding="async" src="c.png"' in hecho
    assert hecho.replace(' loading="lazy" decoding="async"', "") == texto
    assert figuras_al_bajar(hecho) == hecho


# ---------------------------------------------------------------- el libro liviano (issue 19 §3)


def test_scripts_del_head_diferidos_y_los_que_dependen_de_ellos_como_modulo():
    from lideres.libro_liviano import diferir_scripts

    cabeza = ('<head><script data-cfasync="false">document.documentElement.dataset.mode = "light";</script>'
              '<script src="_static/documentation_options.js?v=1"></script>'
              "<script>let toggleHintShow = 'Haz clic';</script>"
              '<script src="_static/doctools.js"></script>'
              "<script>DOCUMENTATION_OPTIONS.pagename = 'intro';</script>"
              '<script defer src="_static/ya.js"></script>'
              '<script type="application/json">{"a": 1}</script></head>')
    cuerpo = '<body><script src="cuerpo.js"></script><script>DOCUMENTATION_OPTIONS.x = 1;</script></body>'
    hecho = diferir_scripts(f"<html>{cabeza}{cuerpo}</html>")
    assert '<script defer src="_static/documentation_options.js?v=1">' in hecho
    assert '<script defer src="_static/doctools.js">' in hecho
    assert "<script type=\"module\">DOCUMENTATION_OPTIONS.pagename = 'intro';" in hecho
    # lo que fija el modo antes de dibujar y las variables que leen los diferidos: siguen enseguida
    assert '<script data-cfasync="false">document' in hecho and "<script>let toggleHintShow" in hecho
    assert hecho.count("defer") == 3 and '<script type="application/json">' in hecho
    assert hecho.endswith(cuerpo + "</html>")  # el cuerpo no cambia
    assert diferir_scripts(hecho) == hecho
    # la búsqueda: su searchtools.js (escrito en la plantilla) necesita doctools.js antes
    busqueda = f'<html>{cabeza}<body><script src="_static/searchtools.js"></script></body></html>'
    assert diferir_scripts(busqueda) == busqueda


def test_bootstrap_se_pide_despues_por_el_cargador_y_sin_precarga():
    from lideres.libro_liviano import scripts_tarde

    pagina = ('<html><head><link rel="preload" as="script" href="../_static/scripts/bootstrap.js?digest=1" />\n'
              '<link rel="preload" as="script" href="../_static/scripts/pydata-sphinx-theme.js?digest=1" />\n'
              '<script defer src="../_static/tarde.js?v=3"></script>\n'
              '</head><body><p>x</p>'
              '<script defer src="../_static/scripts/bootstrap.js?digest=1"></script>\n'
              '<script defer src="../_static/scripts/pydata-sphinx-theme.js?digest=1"></script></body></html>')
    hecha = scripts_tarde(pagina)
    assert '<script type="text/plain" data-tarde="../_static/scripts/bootstrap.js?digest=1"></script>' in hecha
    assert "preload" in hecha and 'href="../_static/scripts/bootstrap.js' not in hecha
    assert '<script defer src="../_static/scripts/pydata-sphinx-theme.js?digest=1"></script>' in hecha
    assert '<script defer src="../_static/tarde.js?v=3"></script>' in hecha
    assert scripts_tarde(hecha) == hecha
    # sin el cargador en la página, bootstrap.js se queda como estaba
    sin_cargador = pagina.replace('<script defer src="../_static/tarde.js?v=3"></script>\n', "")
    assert scripts_tarde(sin_cargador) == sin_cargador


def test_unir_hojas_en_una_en_el_mismo_orden(tmp_path):
    from lideres.libro_liviano import unir_hojas

    estilos = tmp_path / "_static" / "styles"
    estilos.mkdir(parents=True)
    (tmp_path / "_static" / "basic.css").write_text("div.a { background: url(file.png); }\n", encoding="utf-8")
    (estilos / "theme.css").write_text('@import "../basic.css";\n', encoding="utf-8")
    (estilos / "tema.css").write_text('@charset "UTF-8";\n@font-face{src:url(../vendor/f.woff2) format("woff2")}'
                                      '\n.b{background:url("data:image/svg+xml;x=\'1\'")}\n', encoding="utf-8")
    (tmp_path / "_static" / "propia.css").write_text(".c { color: red; }\n", encoding="utf-8")
    (tmp_path / "cap").mkdir()
    pagina = ('<html><head><meta charset="utf-8">'
              '<link href="../_static/styles/theme.css?digest=1" rel="stylesheet" />\n'
              '<link href="../_static/styles/tema.css?digest=1" rel="stylesheet" />\n'
              '<link rel="stylesheet" type="text/css" href="../_static/propia.css?v=2" />\n'
              '<link rel="preload" as="script" href="../_static/x.js" />\n'
              '<link rel="next" href="b.html" /></head><body><p class="a b c">x</p></body></html>')
    (tmp_path / "cap" / "a.html").write_text(pagina, encoding="utf-8")
    assert unir_hojas(tmp_path) == 1
    hecha = (tmp_path / "cap" / "a.html").read_text(encoding="utf-8")
    hojas = re.findall(r'<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"', hecha)
    assert len(hojas) == 1 and re.fullmatch(r"\.\./_static/styles/libro\.[0-9a-f]{12}\.css", hojas[0])
    assert '<link rel="preload" as="script"' in hecha and '<link rel="next" href="b.html" />' in hecha
    css = (tmp_path / "cap" / hojas[0]).read_text(encoding="utf-8")
    assert css.startswith('@charset "UTF-8";') and css.count("@charset") == 1 and "@import" not in css
    # en el mismo orden, con las rutas escritas desde _static/styles/
    assert css.index('url("../file.png")') < css.index('url("../vendor/f.woff2")') < css.index(".c{color: red")
    assert "url(\"data:image/svg+xml;x='1'\")" in css


def test_la_hoja_unida_sin_reglas_de_iconos_que_nadie_usa(tmp_path):
    from lideres.libro_liviano import sin_iconos_de_mas

    css = ('.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}.fa-bell:before{content:"\\f0f3"}'
           '.fa-solid{font-weight:900}')
    assert sin_iconos_de_mas(css, {"fa-solid", "fa-navicon"}) == (
        '.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}.fa-solid{font-weight:900}')


def test_la_hoja_unida_sin_reglas_que_ninguna_pagina_ni_script_nombra(tmp_path):
    """Se quitan las reglas cuyas clases o ids no aparecen en el libro; se quedan las que un script
    arma (`bs-${x}-auto`), las de @font-face y @keyframes, y en el mismo orden."""
    from lideres.libro_liviano import nombres_usados, sin_reglas_de_mas

    (tmp_path / "a.html").write_text('<div class="nav-link active" id="menu"><b>x</b></div>', encoding="utf-8")
    (tmp_path / "b.js").write_text('e.classList.add(`bs-${this.NAME}-auto`); e.classList.add("show");',
                                   encoding="utf-8")
    css = ('@charset "UTF-8";\n/* un comentario */\n.nav-link{color:red}.modal{display:none}'
           '.nav-link.active,.carousel-item.active{font-weight:700}\n'
           'html[data-theme=dark] .nav-link:not(.disabled)::before{content:"»"}\n'
           '#menu b,#otro{x:1}@media (min-width:960px){.modal-dialog{y:2}.show{z:3}}'
           '@media print{.toast{a:b}}@font-face{font-family:"F";src:url(f.woff2)}'
           '@keyframes girar{from{transform:rotate(0)}}.bs-tooltip-auto[data-popper-placement^=top]{c:d}'
           '.md\\:p-2{e:f}b{g:h}')
    hecho = sin_reglas_de_mas(css, nombres_usados(tmp_path))
    assert hecho == ('.nav-link{color:red}\n.nav-link.active{font-weight:700}\n'
                     'html[data-theme=dark] .nav-link:not(.disabled)::before{content:"»"}\n#menu b{x:1}\n'
                     '@media (min-width:960px){.show{z:3}}\n@font-face{font-family:"F";src:url(f.woff2)}\n'
                     '@keyframes girar{from{transform:rotate(0)}}\n.bs-tooltip-auto[data-popper-placement^=top]{c:d}\n'
                     '.md\\:p-2{e:f}\nb{g:h}')


def test_iconos_usados_y_fuente_recortada(tmp_path):
    """Solo los íconos que una página, un script o el CSS del tema (fuera de las reglas de ícono)
    muestran; la fuente recortada los trae y los demás no."""
    import pydata_sphinx_theme
    from fontTools.ttLib import TTFont

    from lideres import libro_liviano

    fuentes = tmp_path / libro_liviano.CARPETA_FUENTES
    fuentes.mkdir(parents=True)
    del_tema = (Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"
                / "vendor" / "fontawesome")
    original = next(del_tema.rglob("fa-solid-900.woff2"))
    shutil.copy(original, fuentes)
    (tmp_path / "_static" / "tema.css").write_text(
        '.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}.fa-list:before{content:"\\f03a"}'
        '.fa-xmark:before{content:"\\f00d"}:root{--pst-icon-bell:"\uf0f3"}', encoding="utf-8")
    (tmp_path / "a.html").write_text('<span class="fa-solid fa-bars"></span>', encoding="utf-8")
    (tmp_path / "_static" / "b.js").write_text('i.className = "fa-solid fa-xmark";', encoding="utf-8")
    assert libro_liviano.iconos_usados(tmp_path) == {0xF0C9, 0xF00D, 0xF0F3}
    antes, despues = libro_liviano.recortar_iconos(tmp_path)["fa-solid-900.woff2"]
    assert antes == original.stat().st_size and despues < antes / 20
    letra = TTFont(fuentes / "fa-solid-900.woff2")
    assert letra.flavor == "woff2" and set(letra.getBestCmap()) == {0xF0C9, 0xF00D, 0xF0F3}


def test_figura_png_con_paleta_se_ve_igual_y_pesa_menos(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    from PIL import Image

    from lideres.libro_liviano import aligerar_png

    fig, ax = plt.subplots(figsize=(4, 5), dpi=100)
    ax.barh(["Lima (Cercado)", "San Juan de Lurigancho", "Comas"], [32046, 30724, 20000], color="#253494")
    ax.set_title("Denuncias 2025 · distrito · fuente: SIDPOL")
    ruta = tmp_path / "figura.png"
    fig.savefig(ruta)
    plt.close(fig)
    original = np.asarray(Image.open(ruta).convert("RGB"), dtype=int)
    antes, despues = aligerar_png(ruta)
    assert despues < antes * 0.7
    with Image.open(ruta) as hecha:
        assert hecha.mode == "P" and hecha.size == (400, 500)
        assert np.abs(np.asarray(hecha.convert("RGB"), dtype=int) - original).mean() <= 1.0
    assert aligerar_png(ruta) == (despues, despues)  # dos pasadas, el mismo archivo


@pytest.mark.lento
def test_capitulo_liviano_para_el_celular(html):
    """Issue 19 §3: el capítulo no detiene su primer dibujo con scripts, pide una sola hoja de estilo
    (sin las reglas que nadie usa), bootstrap.js llega cuando el celular queda libre, y la fuente
    de íconos trae los del libro, no los ~1,400 de Font Awesome."""
    from fontTools.ttLib import TTFont

    from lideres import libro_liviano

    texto = _texto(html / libro.CARPETA_MODULOS / "02_conteos_y_tasas.html")
    cabeza = texto.split("</head>", 1)[0]
    assert not re.findall(r"<script(?![^>]*\b(?:defer|async|type=)\b)[^>]*\bsrc=[^>]*>", cabeza)
    hojas = re.findall(r'<link[^>]*rel="stylesheet"[^>]*href="\.\./([^"]+)"', cabeza)
    assert len(hojas) == 1
    assert (html / hojas[0]).stat().st_size < 200_000  # sin las reglas que nadie usa (eran ~450 KB)
    # bootstrap.js (solo mejoras) lo pide tarde.js cuando el celular queda libre, sin precarga
    assert '<script type="text/plain" data-tarde="../_static/scripts/bootstrap.js' in texto
    assert re.search(r'<script defer src="\.\./_static/tarde\.js', texto)
    assert not re.search(r'<link[^>]*preload[^>]*bootstrap\.js', texto)
    solida = html / libro_liviano.CARPETA_FUENTES / "fa-solid-900.woff2"
    assert solida.stat().st_size < 20_000
    iconos = set(TTFont(solida).getBestCmap())
    assert 0xF0C9 in iconos and len(iconos) < 60  # ☰ (el botón del índice) está
