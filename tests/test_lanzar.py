"""«Abrir en JupyterHub / Binder»: enlaces armados desde book/_config.yml, uno por capítulo y tablero."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from lideres import lanzar, libro, rutas
from lideres.errores import ErrorLideres
from lideres.modulos import listos, modulo
from tests.legibilidad import MINIMO, fernandez_huerta, prosa_markdown

CFG = lanzar.EnLinea(repositorio="https://github.com/org/curso", rama="estable",
                     binder="https://mybinder.org/", hub="https://hub.ejemplo.pe/")
M = modulo("02_conteos_y_tasas")


def _config(tmp_path, texto: str):
    (tmp_path / "_config.yml").write_text(texto, encoding="utf-8")
    return lanzar.configuracion(tmp_path)


def test_la_configuracion_esta_en_un_solo_lugar_del_libro():
    cfg = yaml.safe_load((rutas.LIBRO / "_config.yml").read_text(encoding="utf-8"))
    leida = lanzar.configuracion()
    assert leida.repositorio == cfg["repository"]["url"] and leida.rama == cfg["repository"]["branch"]
    assert leida.binder == cfg["launch_buttons"]["binderhub_url"]
    assert leida.hub == cfg["launch_buttons"]["jupyterhub_url"]
    # El tema no dibuja sus botones (apuntarían a book/modulos/, que no está en el repositorio).
    assert cfg["sphinx"]["config"]["html_theme_options"]["launch_buttons"] == {}


def test_binder_abre_la_leccion_en_jupyterlab_y_el_tablero_en_voila():
    e = lanzar.enlaces(M, CFG, tablero=True)
    leccion, tablero = dict(e["leccion"]), dict(e["tablero"])
    u = urlparse(leccion["binder"])
    assert f"{u.scheme}://{u.netloc}{u.path}" == "https://mybinder.org/v2/gh/org/curso/estable"
    assert parse_qs(u.query) == {"urlpath": ["lab/tree/notebooks/02_conteos_y_tasas.ipynb"]}
    u = urlparse(tablero["binder"])
    assert parse_qs(u.query) == {"urlpath": ["voila/render/notebooks/tableros/02_conteos_y_tasas.ipynb"]}
    assert (rutas.RAIZ / lanzar.ruta_leccion(M)).is_file() and (rutas.RAIZ / lanzar.ruta_tablero(M)).is_file()


def test_hub_con_nbgitpuller():
    e = lanzar.enlaces(M, CFG, tablero=True)
    u = urlparse(dict(e["leccion"])["hub"])
    assert f"{u.scheme}://{u.netloc}{u.path}" == "https://hub.ejemplo.pe/hub/user-redirect/git-pull"
    # nbgitpuller deja el repositorio en la carpeta con su nombre («curso»): la ruta empieza ahí.
    assert parse_qs(u.query) == {"repo": ["https://github.com/org/curso"], "branch": ["estable"],
                                 "urlpath": ["lab/tree/curso/notebooks/02_conteos_y_tasas.ipynb"]}
    q = parse_qs(urlparse(dict(e["tablero"])["hub"]).query)
    assert q["urlpath"] == ["voila/render/curso/notebooks/tableros/02_conteos_y_tasas.ipynb"]


def test_repositorio_que_no_es_de_github():
    cfg = lanzar.EnLinea(repositorio="https://git.ejemplo.pe/curso.git", rama="main",
                         binder="https://mybinder.org", hub="")
    url = dict(lanzar.enlaces(M, cfg, tablero=False)["leccion"])["binder"]
    assert url.startswith("https://mybinder.org/v2/git/https%3A%2F%2Fgit.ejemplo.pe%2Fcurso.git/main?")
    assert cfg.nombre_repositorio == "curso"


def test_sin_hub_no_hay_enlace_al_hub(tmp_path):
    cfg = _config(tmp_path, "repository:\n  url: https://github.com/o/r\nlaunch_buttons:\n"
                            "  binderhub_url: https://mybinder.org\n  jupyterhub_url: ''\n")
    html = lanzar.bloque_leccion(M, cfg)
    assert "lideres-binder" in html and "lideres-hub" not in html and "JupyterHub del curso" not in html
    assert "necesitan internet" in html
    sin_nada = _config(tmp_path, "repository:\n  url: ''\nlaunch_buttons: {}\n")
    assert lanzar.bloque_leccion(M, sin_nada).strip() == ""


def test_falta_el_repositorio_da_error_en_espanol(tmp_path):
    with pytest.raises(ErrorLideres, match="falta la dirección del repositorio") as e:
        _config(tmp_path, "repository:\n  url: ''\nlaunch_buttons:\n  binderhub_url: https://mybinder.org\n")
    assert "Cómo arreglarlo" in str(e.value)


def test_bloques_sin_lineas_en_blanco_y_faciles_de_leer():
    # Una línea en blanco cerraría el bloque de HTML en Markdown y el resto saldría como texto.
    bloques = [lanzar.bloque_leccion(M, CFG),
               lanzar.bloque_tablero(M, "sitio", libro.url_tablero(M), CFG, guia=True)]
    for bloque in bloques:
        assert "\n\n" not in bloque.strip()
        assert "&amp;branch=" in bloque  # el & de la consulta, escapado dentro del atributo
    sitio = lanzar.bloque_tablero(M, "sitio", libro.url_tablero(M), CFG)
    prosa = prosa_markdown("\n\n".join([bloques[0], sitio]))
    assert fernandez_huerta(prosa) >= MINIMO, prosa


def test_el_tablero_segun_el_modo():
    taller = lanzar.bloque_tablero(M, "taller", libro.url_tablero(M), CFG)
    assert f'href="{libro.url_tablero(M)}"' in taller and "mybinder" not in taller
    sitio = lanzar.bloque_tablero(M, "sitio", libro.url_tablero(M), CFG)
    assert "/voila/" not in sitio.replace("voila%2F", "")
    assert "necesita internet" in sitio.lower() and "tarda un minuto" in sitio
    assert "laptop de quien facilita" in sitio


@pytest.mark.parametrize("modo", libro.MODOS)
def test_cada_capitulo_tiene_su_enlace_en_linea(tmp_path, modo):
    book = tmp_path / "book"
    for copia, m in zip(libro.preparar(book, modo=modo), listos(), strict=True):
        celdas = json.loads(copia.read_text(encoding="utf-8"))["cells"]
        textos = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in celdas]
        assert "lideres-en-linea" in textos[1], m.id  # justo después del título
        # La edición de quien facilita para el hub enlaza como el libro del hub.
        en_hub = libro.modo_enlaces(modo) == libro.HUB
        assert ('class="lideres-binder"' in textos[1]) == (not en_hub) and 'class="lideres-hub"' in textos[1]
        todo = "".join(textos)
        if en_hub:  # el libro que sirve el hub: todo se abre en el servidor de quien lee
            assert f'href="/hub/user-redirect/lab/tree/notebooks/{m.cuaderno}"' in textos[1]
            assert "mybinder" not in todo and "git-pull" not in todo
            assert "/voila/" not in todo.replace("/hub/user-redirect/voila/", "")
        # La edición de quien facilita se abre en la laptop del taller, como el libro del taller.
        en_el_taller = modo in (libro.TALLER, libro.FACILITADOR)
        if (rutas.CUADERNOS / "tableros" / m.cuaderno).is_file():
            assert (f'href="{libro.url_tablero(m)}"' in todo) == en_el_taller
            guia = book / libro.CARPETA_GENERADO / libro.nombre_fragmento_tablero(m)
            assert (libro.url_tablero(m) in guia.read_text(encoding="utf-8")) == en_el_taller
            if modo == libro.SITIO:
                assert "voila%2Frender%2Fnotebooks%2Ftableros" in todo
            if en_hub:
                url = f"/hub/user-redirect/voila/render/notebooks/tableros/{m.cuaderno}"
                assert f'href="{url}"' in todo and f'href="{url}"' in guia.read_text(encoding="utf-8")


def test_el_tablero_en_el_libro_del_hub():
    """En /services/libro/ del hub, /voila/... sería la raíz del hub (no hay nada): user-redirect lleva
    al servidor de quien lee, donde los tableros están en notebooks/tableros/ (despliegue/)."""
    hub = lanzar.bloque_tablero(M, libro.HUB, libro.url_tablero(M, libro.HUB), CFG)
    assert 'href="/hub/user-redirect/voila/render/notebooks/tableros/02_conteos_y_tasas.ipynb"' in hub
    assert "mybinder" not in hub and "\n\n" not in hub.strip()
    leccion = lanzar.bloque_leccion(M, CFG, en_hub=True)
    assert 'href="/hub/user-redirect/lab/tree/notebooks/02_conteos_y_tasas.ipynb"' in leccion
    assert "necesitan internet" not in leccion
    prosa = prosa_markdown("\n\n".join([hub, leccion]))
    assert fernandez_huerta(prosa) >= MINIMO, prosa


def test_lideres_libro_modo_hub(monkeypatch):
    from lideres import cli

    pedidos = []
    monkeypatch.setattr(libro, "construir", lambda **k: pedidos.append(k))
    assert cli.main(["libro"]) == 0
    for modo in libro.MODOS:  # las opciones de --modo son los modos del libro
        assert cli.main(["libro", "--modo", modo]) == 0
    assert [k["modo"] for k in pedidos] == [libro.TALLER, *libro.MODOS]
    with pytest.raises(SystemExit):
        cli.main(["libro", "--modo", "otro"])


def test_la_guia_de_quien_facilita_incluye_el_fragmento():
    for m in listos():
        if not (rutas.CUADERNOS / "tableros" / m.cuaderno).is_file():
            continue
        guia = (rutas.LIBRO / "facilitadores" / f"{m.id}.md").read_text(encoding="utf-8")
        incluir = f"{{include}} ../{libro.CARPETA_GENERADO}/{libro.nombre_fragmento_tablero(m)}"
        assert incluir in guia, f"agrega al final de book/facilitadores/{m.id}.md:\n```{incluir}\n```"
        assert "/voila/" not in guia  # escrito a mano solo serviría en el taller


def test_nbgitpuller_en_el_entorno_de_binder_y_del_hub():
    assert "nbgitpuller" in (rutas.RAIZ / "environment.yml").read_text(encoding="utf-8")
