"""«HTML por plantillas Jinja, nunca en cadenas de Python» (guía de desarrollo): qué archivos de
`lideres/` todavía arman HTML en cadenas, y que esa lista solo se achique.

Se lee el código con `ast`, sin importar nada. Un archivo «arma HTML» si uno de sus textos literales
(también los pedazos de una f-string o de una suma de cadenas) tiene una etiqueta entera de HTML o
SVG, como `<p class="x">`, `<br>` o `</div>`. No cuentan los docstrings, ni los patrones que se le
pasan a `re` ni los textos que solo se buscan (`.index("</svg>")`, `"<p" in texto`): esos leen
HTML, no lo arman.

`PENDIENTES`: los archivos que todavía arman HTML, cada uno con por qué sigue así. La prueba falla
si otro archivo empieza a armar HTML (va a una plantilla) y si uno de la lista ya no lo hace (se
borra de la lista: la lista solo se achica).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from lideres import rutas

PAQUETE = rutas.RAIZ / "lideres"

ETIQUETAS = (
    "a abbr article aside b body br button caption circle code dd details div dl dt em figcaption "
    "figure footer form g h1 h2 h3 h4 h5 h6 head header hr html i iframe img input label li line link "
    "main meta nav ol option p path polygon polyline pre rect script section select small span strong "
    "style summary svg table tbody td text th thead title tr u ul"
).split()
ETIQUETA = re.compile(r"</?(?:" + "|".join(ETIQUETAS) + r")(?:\s[^<>]*)?/?>", re.IGNORECASE)

# Métodos y funciones cuyo argumento de texto se busca o es un patrón: lee HTML, no lo arma.
SOLO_LEEN = {"compile", "sub", "subn", "search", "match", "fullmatch", "findall", "finditer", "split",
             "index", "rindex", "find", "rfind", "count", "startswith", "endswith", "len"}

PENDIENTES = {
    "lideres/formulario/widgets.py":
        "unos 15 avisos del formulario de Voilà llevan <strong>, <code> o <br> en el texto y pasan por _aviso()",
    "lideres/ligera/__init__.py":
        "el traductor de widgets a HTML de la página liviana arma un pedazo por clase de widget",
}


def _docstrings(arbol: ast.AST) -> set[int]:
    ids = set()
    for nodo in ast.walk(arbol):
        if isinstance(nodo, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and nodo.body:
            primero = nodo.body[0]
            if isinstance(primero, ast.Expr) and isinstance(primero.value, ast.Constant):
                ids.add(id(primero.value))
    return ids


def _solo_se_leen(arbol: ast.AST) -> set[int]:
    """Los textos que son patrón de `re`, se buscan con un método de str o se comparan (`in`, `==`)."""
    ids = set()
    for nodo in ast.walk(arbol):
        if isinstance(nodo, ast.Call):
            nombre = nodo.func.attr if isinstance(nodo.func, ast.Attribute) else getattr(nodo.func, "id", "")
            if nombre in SOLO_LEEN:
                ids.update(id(a) for a in nodo.args)
        elif isinstance(nodo, ast.Compare):
            ids.update(id(a) for a in (nodo.left, *nodo.comparators))
    return ids


def etiquetas_en_cadenas(fuente: str) -> list[tuple[int, str]]:
    """(línea, etiqueta) de cada texto literal del código que arma HTML."""
    arbol = ast.parse(fuente)
    fuera = _docstrings(arbol) | _solo_se_leen(arbol)
    hallados = []
    for nodo in ast.walk(arbol):
        if isinstance(nodo, ast.Constant) and isinstance(nodo.value, str) and id(nodo) not in fuera:
            if encontrada := ETIQUETA.search(nodo.value):
                hallados.append((nodo.lineno, encontrada.group()))
    return sorted(hallados)


def archivos_que_arman_html(raiz: Path = PAQUETE) -> dict[str, list[tuple[int, str]]]:
    hallados = {}
    for ruta in sorted(raiz.rglob("*.py")):
        if etiquetas := etiquetas_en_cadenas(ruta.read_text(encoding="utf-8")):
            hallados[ruta.relative_to(raiz.parent).as_posix()] = etiquetas
    return hallados


def test_ningun_archivo_nuevo_arma_html_en_cadenas():
    nuevos = {r: e[:3] for r, e in archivos_que_arman_html().items() if r not in PENDIENTES}
    assert not nuevos, (
        "Estos archivos arman HTML en cadenas de Python (línea, etiqueta); pásalo a una plantilla "
        f"Jinja de su carpeta plantillas/ (ver lideres/jinja.py): {nuevos}")


def test_la_lista_de_pendientes_solo_se_achica():
    hallados = archivos_que_arman_html()
    ya_no = sorted(r for r in PENDIENTES if r not in hallados)
    assert not ya_no, f"Ya no arman HTML en cadenas: bórralos de PENDIENTES en esta prueba: {ya_no}"


def test_cada_pendiente_dice_por_que():
    assert all(len(razon.split()) >= 4 for razon in PENDIENTES.values())


def test_la_prueba_ve_el_html_y_no_lo_que_solo_lo_lee():
    arma = '''
def f(x):
    """Devuelve <p>texto</p> (docstring: no cuenta)."""
    return f'<div class="a">{x}</div>' + "<br>"
'''
    assert [e for _, e in etiquetas_en_cadenas(arma)] == ["</div>", "<br>", '<div class="a">']
    lee = '''
import re
PATRON = re.compile(r'<script type="x">.*?</script>')
def g(t):
    return t[t.index("<svg>"):], "</p>" in t, t.startswith("<p>"), "a < b y c > d", "<revisor de x>"
'''
    assert etiquetas_en_cadenas(lee) == []


# Los que todavía arman su propio entorno Jinja (sin StrictUndefined ni los filtros es-PE, y sin el
# caché de lideres.jinja). La lista solo se achica: uno nuevo usa lideres.jinja.
ENTORNOS_PROPIOS = {
    "lideres/cuestionario/__init__.py", "lideres/lanzar.py", "lideres/ligera/__init__.py",
    "lideres/curso/retroalimentacion.py", "lideres/curso/reporte.py", "lideres/taller/facilitador.py",
}


def test_las_plantillas_usan_el_entorno_compartido():
    propios = {p.relative_to(rutas.RAIZ).as_posix() for p in PAQUETE.rglob("*.py")
               if "jinja2.Environment(" in p.read_text(encoding="utf-8")} - {"lideres/jinja.py"}
    assert propios - ENTORNOS_PROPIOS == set(), "usa lideres.jinja (entorno(carpeta) o plantillas_de(__file__))"
    assert ENTORNOS_PROPIOS - propios == set(), "ya usan lideres.jinja: bórralos de ENTORNOS_PROPIOS"


def test_el_formulario_ligero_usa_el_entorno_compartido():
    import jinja2

    from lideres import jinja
    from lideres.formulario import ligero

    assert ligero._entorno() is jinja.plantillas_de(ligero.__file__)
    assert ligero._entorno().undefined is jinja2.StrictUndefined
