"""La forma del paquete: sin importaciones en círculo, una casa por módulo y casas que no se usan
entre sí (issue 18 §5).

El grafo de importaciones se arma leyendo el código con `ast`, sin importar nada: cuenta todas las
importaciones, también las de dentro de una función (un círculo escondido en una función sigue
siendo un círculo), salvo las que están bajo `if TYPE_CHECKING:` (no corren nunca).
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

from lideres import rutas
from lideres.modulos import MODULOS, listos

PAQUETE = rutas.RAIZ / "lideres"
CASAS = "lideres.modulos.m"  # prefijo de la casa de cada módulo (ver Modulo.paquete)


def _nombre(ruta: Path, raiz: Path = PAQUETE) -> str:
    partes = list(ruta.relative_to(raiz.parent).with_suffix("").parts)
    if partes[-1] == "__init__":
        partes.pop()
    return ".".join(partes)


def _modulos(raiz: Path = PAQUETE) -> dict[str, Path]:
    """Nombre importable -> archivo, de todos los .py del paquete."""
    return {_nombre(r, raiz): r for r in sorted(raiz.rglob("*.py"))}


def _es_type_checking(nodo: ast.If) -> bool:
    prueba = nodo.test
    return (isinstance(prueba, ast.Name) and prueba.id == "TYPE_CHECKING") or (
        isinstance(prueba, ast.Attribute) and prueba.attr == "TYPE_CHECKING"
    )


def _importaciones(arbol: ast.AST):
    """Cada Import/ImportFrom del árbol, salvo los de un bloque `if TYPE_CHECKING:`."""
    pendientes = [arbol]
    while pendientes:
        nodo = pendientes.pop()
        for hijo in ast.iter_child_nodes(nodo):
            if isinstance(hijo, ast.If) and _es_type_checking(hijo):
                pendientes.extend(hijo.orelse)  # el `else:` sí corre
                continue
            if isinstance(hijo, (ast.Import, ast.ImportFrom)):
                yield hijo
            pendientes.append(hijo)


def grafo(raiz: Path = PAQUETE) -> dict[str, set[str]]:
    """Módulo -> módulos del paquete que importa (el submódulo si existe, si no el paquete)."""
    modulos = _modulos(raiz)
    base = raiz.name
    aristas: dict[str, set[str]] = {m: set() for m in modulos}
    for nombre, ruta in modulos.items():
        es_paquete = ruta.name == "__init__.py"
        arbol = ast.parse(ruta.read_text(encoding="utf-8"), filename=str(ruta))
        for imp in _importaciones(arbol):
            if isinstance(imp, ast.Import):
                destinos = [a.name for a in imp.names]
            else:
                origen = imp.module or ""
                if imp.level:  # relativa: sube desde el paquete de este archivo
                    partes = nombre.split(".") if es_paquete else nombre.split(".")[:-1]
                    partes = partes[: len(partes) - (imp.level - 1)]
                    origen = ".".join(partes + ([origen] if origen else []))
                destinos = [f"{origen}.{a.name}" if f"{origen}.{a.name}" in modulos else origen
                            for a in imp.names]
            for destino in destinos:
                if destino != base and not destino.startswith(base + "."):
                    continue
                while destino not in modulos and "." in destino:  # `import lideres.x.funcion`
                    destino = destino.rsplit(".", 1)[0]
                if destino != nombre:
                    aristas[nombre].add(destino)
    return aristas


def ciclos(aristas: dict[str, set[str]]) -> list[list[str]]:
    """Un círculo por cada grupo de módulos que se importan en redondo (Tarjan), como camino."""
    indice: dict[str, int] = {}
    bajo: dict[str, int] = {}
    pila: list[str] = []
    en_pila: set[str] = set()
    grupos: list[list[str]] = []

    def visitar(v: str) -> None:
        indice[v] = bajo[v] = len(indice)
        pila.append(v)
        en_pila.add(v)
        for w in sorted(aristas.get(v, ())):
            if w not in indice:
                visitar(w)
                bajo[v] = min(bajo[v], bajo[w])
            elif w in en_pila:
                bajo[v] = min(bajo[v], indice[w])
        if bajo[v] == indice[v]:
            grupo = []
            while True:
                w = pila.pop()
                en_pila.discard(w)
                grupo.append(w)
                if w == v:
                    break
            if len(grupo) > 1:
                grupos.append(sorted(grupo))

    for v in sorted(aristas):
        if v not in indice:
            visitar(v)
    return [_camino(g, aristas) for g in grupos]


def _camino(grupo: list[str], aristas: dict[str, set[str]]) -> list[str]:
    """Un recorrido que vuelve al inicio dentro del grupo: a → b → … → a."""
    dentro = set(grupo)
    inicio = grupo[0]
    anteriores = {inicio: None}
    cola = [inicio]
    while cola:
        v = cola.pop(0)
        for w in sorted(aristas[v] & dentro):
            if w == inicio:
                camino = [v]
                while anteriores[camino[-1]] is not None:
                    camino.append(anteriores[camino[-1]])
                return [*reversed(camino), inicio]
            if w not in anteriores:
                anteriores[w] = v
                cola.append(w)
    return [*grupo, inicio]


# Círculos conocidos, a la vista y con dueño: la prueba falla con cualquier otro, y también cuando uno
# de estos desaparece (para quitarlo de aquí). Vacío es la meta.
CIRCULOS_PENDIENTES: dict[frozenset[str], str] = {}


def test_el_paquete_no_tiene_importaciones_en_circulo():
    encontrados = ciclos(grafo())
    nuevos = [c for c in encontrados if frozenset(c) not in CIRCULOS_PENDIENTES]
    assert not nuevos, "Importaciones en círculo: " + "; ".join(" → ".join(c) for c in nuevos)
    resueltos = set(CIRCULOS_PENDIENTES) - {frozenset(c) for c in encontrados}
    assert not resueltos, "Ya no hay círculo entre " + "; ".join(", ".join(sorted(r)) for r in resueltos) + (
        ": quítalo de CIRCULOS_PENDIENTES")


def test_la_prueba_encuentra_un_circulo(tmp_path):
    """La prueba de arriba sirve: un paquete con un círculo escondido en una función se encuentra;
    el mismo círculo bajo `if TYPE_CHECKING:` no cuenta."""
    raiz = tmp_path / "lideres"
    (raiz / "sub").mkdir(parents=True)
    (raiz / "__init__.py").write_text("")
    (raiz / "sub" / "__init__.py").write_text("")
    (raiz / "a.py").write_text("from lideres.sub import b\n")
    (raiz / "sub" / "b.py").write_text("def f():\n    from lideres import a\n")
    (raiz / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from lideres import d\n"
    )
    (raiz / "d.py").write_text("from . import c\n")
    assert ciclos(grafo(raiz)) == [["lideres.a", "lideres.sub.b", "lideres.a"]]


@pytest.mark.parametrize("m", listos(), ids=lambda m: m.id)
def test_cada_modulo_listo_tiene_su_casa(m):
    """La casa se encuentra por el nombre del módulo: lideres/modulos/m03_cifra_negra/."""
    assert importlib.util.find_spec(m.paquete) is not None, f"Falta la casa {m.paquete}"
    carpeta = PAQUETE / "modulos" / m.paquete.rsplit(".", 1)[1]
    doc = ast.get_docstring(ast.parse((carpeta / "__init__.py").read_text(encoding="utf-8")))
    assert doc, f"{m.paquete}/__init__.py dice qué enseña el módulo y qué hay en su casa"


def test_solo_la_lista_de_modulos_tiene_casas():
    """Cada carpeta lideres/modulos/m*/ es la casa de un módulo de la lista."""
    casas = {f"lideres.modulos.{c.name}" for c in (PAQUETE / "modulos").glob("m[0-9]*") if c.is_dir()}
    assert casas <= {m.paquete for m in MODULOS}


def _casa(nombre: str) -> str | None:
    if not nombre.startswith(CASAS):
        return None
    return ".".join(nombre.split(".")[:3])


# Préstamos conocidos entre casas, a la vista y con dueño (como CIRCULOS_PENDIENTES): lo que usan dos
# módulos debe pasar a una parte compartida. La prueba falla con cualquier otro y cuando uno se arregla.
PRESTAMOS_PENDIENTES: dict[tuple[str, str], str] = {}


def test_ninguna_casa_importa_la_de_otro_modulo():
    """Lo que dos módulos usan es una parte compartida (fuera de las casas), no se toma prestado."""
    prestamos = {
        (origen, destino)
        for origen, destinos in grafo().items()
        for destino in destinos
        if _casa(origen) and _casa(destino) and _casa(origen) != _casa(destino)
    }
    nuevos = sorted(prestamos - set(PRESTAMOS_PENDIENTES))
    assert not nuevos, "; ".join(f"{o} importa {d}" for o, d in nuevos)
    arreglados = sorted(set(PRESTAMOS_PENDIENTES) - prestamos)
    assert not arreglados, "Ya no hay préstamo " + "; ".join(f"{o} → {d}" for o, d in arreglados) + (
        ": quítalo de PRESTAMOS_PENDIENTES")


def test_la_lista_de_casas_solo_esta_en_la_lista_de_modulos():
    """Fuera de `lideres.modulos` nadie escribe (en textos del código, no en importaciones) una lista
    con las casas de varios módulos: la casa se encuentra con `modulo(id).paquete`."""
    repetidas = []
    for nombre, ruta in _modulos().items():
        if nombre == "lideres.modulos":
            continue
        arbol = ast.parse(ruta.read_text(encoding="utf-8"))
        textos = [n.value for n in ast.walk(arbol) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
        casas = {m.paquete for m in MODULOS for texto in textos if m.paquete in texto}
        casas |= {m.paquete.replace(".", "/") for m in MODULOS for texto in textos
                  if m.paquete.replace(".", "/") in texto}
        if len(casas) > 1:
            repetidas.append(f"{nombre}: {', '.join(sorted(casas))}")
    assert not repetidas, "; ".join(repetidas)


def _externas(ruta: Path) -> set[str]:
    """Los paquetes de fuera de lideres que importa un archivo (primer nombre: «ipywidgets»)."""
    arbol = ast.parse(ruta.read_text(encoding="utf-8"))
    nombres = set()
    for imp in _importaciones(arbol):
        if isinstance(imp, ast.Import):
            nombres |= {a.name.split(".")[0] for a in imp.names}
        elif not imp.level and imp.module:
            nombres.add(imp.module.split(".")[0])
    return nombres


@pytest.mark.parametrize("m", listos(), ids=lambda m: m.id)
def test_la_casa_separa_calculos_vistas_y_widgets(m):
    """`__init__.py` no importa nada del paquete ni pesado; `calculos.py` y `vistas.py` no usan
    widgets (los prueban sin kernel y los usa también la página liviana); `tablero.py` tiene la
    fábrica `tablero()`."""
    carpeta = PAQUETE / "modulos" / m.paquete.rsplit(".", 1)[1]
    assert _externas(carpeta / "__init__.py") <= {"__future__"}
    assert (carpeta / "calculos.py").is_file(), f"Falta {m.paquete}.calculos"
    for nombre in ("calculos.py", "vistas.py"):
        if (carpeta / nombre).is_file():
            assert not _externas(carpeta / nombre) & {"ipywidgets", "ipyleaflet"}, f"{m.paquete}: {nombre}"
    if (carpeta / "tablero.py").is_file():
        funciones = {n.name for n in ast.parse((carpeta / "tablero.py").read_text(encoding="utf-8")).body
                     if isinstance(n, ast.FunctionDef)}
        assert "tablero" in funciones, f"{m.paquete}.tablero no tiene la fábrica tablero()"


def _llamadas_a_asyncio_run(codigo: str) -> list[int]:
    return [n.lineno for n in ast.walk(ast.parse(codigo))
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "run"
            and isinstance(n.func.value, ast.Name) and n.func.value.id == "asyncio"]


def test_las_pruebas_no_llaman_asyncio_run_directamente():
    """En un trabajador de pytest Playwright puede dejar su bucle corriendo: `asyncio.run` falla o no
    según cómo reparta xdist los módulos (pasó dos veces en corridas completas). Las pruebas usan
    `tests.asincrono.correr`; el código de un subproceso (dentro de una cadena) no cuenta."""
    assert _llamadas_a_asyncio_run("import asyncio\nasyncio.run(f())\nx = 'asyncio.run(g())'") == [2]
    raiz = Path(__file__).parent
    malas = {str(p.relative_to(raiz)): lineas for p in sorted(raiz.rglob("*.py"))
             if p.name != "asincrono.py" and (lineas := _llamadas_a_asyncio_run(p.read_text(encoding="utf-8")))}
    assert malas == {}, f"usa tests.asincrono.correr en vez de asyncio.run: {malas}"
