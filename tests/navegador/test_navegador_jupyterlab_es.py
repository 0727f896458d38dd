"""JupyterLab de quien facilita, en español: se recorren los menús con una lección abierta.

Un JupyterLab de verdad (el del entorno, con sus extensiones: nbgrader, Voilà, widgets) y Chromium.
Se recorre cada menú de la barra y cada submenú dos veces: con JupyterLab en inglés (su idioma de
origen) y en español (el ajuste que deja `lideres jupyterlab`). Lo que se lee igual en los dos quedó
sin traducir. Solo se admiten nombres propios (PERMITIDOS). Y la consola del navegador no avisa de
módulos compartidos de otra versión («Unsatisfied version», issue 22).
"""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest

from lideres import rutas
from lideres.laboratorio import IDIOMA
from tests.navegador import ayudas

pytestmark = [pytest.mark.lento, pytest.mark.navegador]

FICHA = "prueba-menus"
LECCION = "02_conteos_y_tasas.ipynb"
AJUSTE = ("@jupyterlab", "translation-extension", "plugin.jupyterlab-settings")
# Nombres propios que no se traducen.
PERMITIDOS = {"JupyterLab", "Jupyter", "Python 3 (ipykernel)", "Markdown", "Python", "IPython", "NumPy",
              "SciPy", "SymPy", "pandas", "Matplotlib", "Voilà", "Jupyter Notebook", "Formgrader", "jupyter",
              "English", "English (United States)"}
# Textos fijos en inglés dentro de extensiones que no usan el traductor de JupyterLab (nbgrader
# 0.9.5 y la vista previa de Voilà 0.5.13 escriben `label: "Assignment List"`): ningún paquete de
# idioma los alcanza. Quedan anotados aquí, a la vista, hasta que esas extensiones los traduzcan.
# «Python File»: JupyterLab registra los tipos de archivo antes de cargar el idioma.
FIJOS_EN_INGLES = {"Nbgrader", "Assignment List", "Course List", "Create assignment", "Python File",
                   "Render Notebook with Voilà", "Render Side-by-Side", "Open with Voilà in New Browser Tab"}
# Submenús que listan nombres y no frases: lenguajes para resaltar, formatos de exportación y los
# documentos recientes (rutas de archivos).
SUBMENUS_DE_NOMBRES = re.compile(r"Syntax|sintaxis|Recent|recientes?\b|Export|xportar", re.IGNORECASE)

# Los menús abiertos (el de la barra primero, luego su submenú): [texto, tipo, índice del ítem].
JS_MENU = """() => Array.from(document.querySelectorAll('.lm-Menu'))
  .map(m => Array.from(m.querySelectorAll('.lm-Menu-item'))
    .map((i, n) => [(i.querySelector('.lm-Menu-itemLabel') || {}).textContent || '', i.dataset.type || '', n,
                    getComputedStyle(i).display !== 'none'])
    .filter(x => x[3]))"""


def _idioma(ajustes, locale: str) -> None:
    archivo = ajustes.joinpath(*AJUSTE)
    archivo.parent.mkdir(parents=True, exist_ok=True)
    archivo.write_text(json.dumps({"locale": locale}), encoding="utf-8")


@pytest.fixture(scope="module")
def laboratorio(tmp_path_factory):
    casa = tmp_path_factory.mktemp("casa-lab")
    ajustes = tmp_path_factory.mktemp("ajustes-lab")
    shutil.copy(rutas.RAIZ / "notebooks" / LECCION, casa / LECCION)
    # Los ajustes de la persona en una carpeta aparte: el entorno no se toca.
    entorno = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(ajustes),
               "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path_factory.mktemp("espacios-lab"))}
    with ayudas.jupyterlab(casa, FICHA, entorno) as base:
        yield base, ajustes


def _recorrer(page) -> list[str]:
    """Los textos de todos los menús de la barra y de sus submenús (un nivel)."""
    textos: list[str] = []
    barra = page.locator("#jp-menu-panel .lm-MenuBar-item")
    for i in range(barra.count()):
        item = barra.nth(i)
        textos.append(item.inner_text().strip())
        item.click()
        page.wait_for_selector(".lm-Menu", state="visible")
        menus = page.evaluate(JS_MENU)
        principal = menus[0] if menus else []
        textos += [t for t, *_ in principal]
        for titulo, tipo, n, _v in principal:
            if tipo == "submenu" and not SUBMENUS_DE_NOMBRES.search(titulo):
                page.locator(".lm-Menu").first.locator(".lm-Menu-item").nth(n).hover()
                page.wait_for_timeout(400)
                sub = page.evaluate(JS_MENU)
                if len(sub) > 1:
                    textos += [t for t, *_ in sub[-1]]
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
    return [t.strip() for t in textos if t.strip()]


def _abrir(page, base) -> None:
    page.goto(f"{base}/lab/tree/{LECCION}?token={FICHA}")
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=120_000)
    page.wait_for_selector("#jp-menu-panel .lm-MenuBar-item")
    page.wait_for_timeout(1500)


def test_menus_de_jupyterlab_en_espanol_y_sin_modulos_de_otra_version(navegador, laboratorio):
    base, ajustes = laboratorio
    contexto = navegador.new_context(locale="es-PE", viewport={"width": 1280, "height": 900})
    consola: list[str] = []
    page = contexto.new_page()
    page.on("console", lambda m: consola.append(m.text))
    page.set_default_timeout(60_000)
    try:
        _idioma(ajustes, "en")
        _abrir(page, base)
        en_ingles = set(_recorrer(page))
        _idioma(ajustes, IDIOMA)
        _abrir(page, base)
        en_espanol = _recorrer(page)
    finally:
        contexto.close()
    assert len(en_ingles) > 100, f"el recorrido en inglés encontró pocos textos: {sorted(en_ingles)}"
    sin_traducir = sorted({t for t in en_espanol if t in en_ingles and t not in PERMITIDOS | FIJOS_EN_INGLES
                           and re.search(r"[A-Za-z]{3}", t) and not t.endswith(".ipynb")})
    print(f"{len(en_espanol)} textos en español; {len(sin_traducir)} sin traducir:", sin_traducir)
    otra_version = [m for m in consola if "Unsatisfied version" in m]
    assert otra_version == [], otra_version
    assert sin_traducir == [], f"{len(sin_traducir)} textos de los menús en inglés: {sin_traducir}"
