"""Escribir un ejercicio: generar su cuaderno desde preguntas.toml y validarlo de punta a punta.

Lado del facilitador (`lideres curso generar ID`, `lideres curso validar ID`). `validar` corre
nbgrader en una carpeta temporal: nunca toca el curso real ni su libro de notas.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from lideres import rutas
from lideres.banco import carga, cuaderno
from lideres.banco.carga import ARCHIVO, Banco, cargar
from lideres.errores import ErrorLideres

CONFIG = "nbgrader_config.py"


def ejercicios(curso=None) -> list[str]:
    """Los ejercicios con banco de preguntas (sin la plantilla ni carpetas que empiezan con _ o .)."""
    fuente = Path(curso or rutas.CURSO) / "source"
    if not fuente.is_dir():
        return []
    return sorted(c.name for c in fuente.iterdir()
                  if c.is_dir() and not c.name.startswith(("_", ".")) and (c / ARCHIVO).is_file())


def generar(ejercicio: str, curso=None) -> tuple[Path, bool]:
    """Escribe el cuaderno fuente desde el banco. (ruta, True si cambió)."""
    banco = cargar(ejercicio, curso)
    if banco.carpeta.name.startswith(("_", ".")):
        raise ErrorLideres(f"«{banco.carpeta.name}» es una plantilla: no se le genera cuaderno (no es un ejercicio).",
                           como_arreglar="Copia la carpeta con el nombre del módulo (por ejemplo "
                                         "05_tendencias), cambia «ejercicio» y genera esa.")
    ruta = cuaderno.ruta_del_cuaderno(banco)
    nuevo = cuaderno.texto_del_cuaderno(cuaderno.generar_cuaderno(banco))
    antes = ruta.read_text(encoding="utf-8") if ruta.exists() else None
    if antes != nuevo:
        ruta.write_text(nuevo, encoding="utf-8")
    return ruta, antes != nuevo


# --- lo que no debe llegar al participante ---------------------------------------------------------

def lineas_ocultas(banco: Banco) -> list[str]:
    """Las líneas de las pruebas ocultas y de las soluciones, tal como están en el cuaderno fuente."""
    nb = cuaderno.generar_cuaderno(banco)
    lineas = []
    for celda in nb.cells:
        texto = celda.source
        for inicio, fin in (("### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"),
                            ("### BEGIN SOLUTION", "### END SOLUTION")):
            if inicio in texto:
                lineas += [linea.strip() for linea in texto.split(inicio)[1].split(fin)[0].splitlines()
                           if linea.strip()]
    return lineas


def patrones_de_respuestas(banco: Banco) -> dict[str, re.Pattern]:
    """{descripción: patrón} de cada respuesta escrita como literal (número, "b", "Lince", lista)."""
    patrones = {}
    for p in banco.automaticas:
        aceptadas = p.respuesta if isinstance(p.respuesta, list) and p.tipo != "orden" else [p.respuesta]
        for r in aceptadas:
            if p.tipo == "numero":
                numero, _ = carga.claves.como_numero(r)
                formas = {f"{numero:g}", repr(numero), cuaderno.literal(r)}
                patron = "|".join(re.escape(f) for f in sorted(formas))
                patrones[f"{p.id}: {r!r}"] = re.compile(rf"(?<![0-9.,_]){patron}(?![0-9_])")
            elif p.tipo == "opcion":
                patrones[f"{p.id}: {r!r}"] = re.compile(rf"""(?<![\w])["']{re.escape(r)}["']""")
            else:
                literal = cuaderno.literal(r)
                patrones[f"{p.id}: {literal}"] = re.compile(re.escape(literal))
    return patrones


def respuestas_a_la_vista(banco: Banco, liberado: Path) -> list[str]:
    """Qué se ve de las respuestas en la carpeta liberada de un ejercicio (vacío si nada).

    Busca las líneas de las soluciones y de las pruebas ocultas en todos los archivos; las
    respuestas escritas como literales en el código (sin los datos de práctica, que pueden
    nombrar las opciones) y en lo que el banco público muestra (explicaciones, pistas, títulos);
    las claves normalizadas en el banco público; la respuesta modelo de la escrita; y el propio
    preguntas.toml.
    """
    import nbformat

    from lideres.banco.revision import decodificar

    vistas = []
    archivos = [p for p in Path(liberado).rglob("*") if p.is_file()]
    vistas += [f"se liberó {p.name}" for p in archivos if p.name == ARCHIVO]
    todo = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in archivos)
    vistas += [f"línea oculta «{linea}»" for linea in lineas_ocultas(banco)
               if linea in todo or json.dumps(linea, ensure_ascii=False)[1:-1] in todo]
    modelo = [p.respuesta.strip()[:40] for p in banco.preguntas if p.manual]
    vistas += ["respuesta modelo de la escrita" for m in modelo if m and m in todo]
    for ruta in (p for p in archivos if p.suffix == ".ipynb"):
        celdas = nbformat.read(ruta, as_version=4).cells
        codigo = "\n".join(c.source for c in celdas if c.cell_type == "code")
        for linea in ((banco.preparacion or {}).get("codigo") or "").splitlines():
            codigo = codigo.replace(linea, "") if linea.strip() else codigo
        textos = [codigo]
        for base64 in re.findall(r'revisor\("([A-Za-z0-9+/=]+)"\)', codigo):
            publico = decodificar(base64)
            textos = [codigo.replace(base64, "")]
            for p in publico.get("preguntas", []):
                textos += [p.get("titulo") or "", p.get("explicacion") or "",
                           *map(str, (p.get("errores") or {}).values())]
            crudo = json.dumps(publico, ensure_ascii=False)
            vistas += [f"clave de {p.id} en el banco público" for p in banco.automaticas
                       for clave in p._claves(p.respuesta) if json.dumps(clave, ensure_ascii=False) in crudo]
        expuesto = "\n".join(textos)
        vistas += [f"respuesta {d}" for d, patron in patrones_de_respuestas(banco).items() if patron.search(expuesto)]
    return sorted(set(vistas))


# --- validar --------------------------------------------------------------------------------------

def nbgrader(curso: Path, *argumentos: str) -> subprocess.CompletedProcess:
    """`nbgrader ...` con el Python de este entorno (y su bin/ en PATH: nbgrader llama a alembic)."""
    entorno = dict(os.environ)
    entorno["PATH"] = rutas.path_con_el_entorno(entorno.get("PATH"))
    entorno.setdefault("PYTHONIOENCODING", "utf-8")
    return subprocess.run([sys.executable, "-m", "nbgrader", *argumentos], cwd=curso, env=entorno,
                          capture_output=True, text=True, encoding="utf-8", errors="replace", check=False,
                          timeout=600)


def validar(ejercicio: str, curso=None, avisar: Callable[[str], None] = print, *, rapido: bool = False) -> bool:
    """Revisa un ejercicio de punta a punta; cuenta cada paso en español. True si todo está bien.

    `rapido`: solo el archivo y el cuaderno, sin correr nbgrader (para ir corrigiendo).
    """
    resultados = list(_pasos(ejercicio, curso, avisar, rapido))  # todos los pasos, aunque uno falle
    return all(resultados)


def _pasos(ejercicio: str, curso, avisar, rapido: bool) -> Iterator[bool]:
    curso = Path(curso or rutas.CURSO)
    avisar(f"Validando el ejercicio {ejercicio}:")
    try:
        banco = cargar(ejercicio, curso)
    except ErrorLideres as error:
        avisar(f"  Problema: {error}")
        yield False
        return
    avisar(f"  Bien: {ARCHIVO} se lee sin errores ({len(banco.preguntas)} preguntas, "
           f"{cuaderno.puntos_texto(banco.puntos)}: {banco.puntos_automaticos:g} se califican solos y "
           f"{banco.puntos_manuales:g} a mano).")
    for aviso in banco.avisos:
        avisar(f"  Aviso: {aviso}")
    nb = cuaderno.generar_cuaderno(banco)
    texto = cuaderno.texto_del_cuaderno(nb)
    ruta = cuaderno.ruta_del_cuaderno(banco)
    plantilla = banco.carpeta.name.startswith("_")
    if plantilla:
        avisar("  Nota: es una plantilla; su cuaderno se genera solo para esta prueba.")
    elif not ruta.exists():
        avisar(f"  Problema: falta el cuaderno {ruta.name}. Créalo con: lideres curso generar {ejercicio}")
        yield False
    elif ruta.read_text(encoding="utf-8") != texto:
        avisar(f"  Problema: el cuaderno {ruta.name} no está al día con {ARCHIVO} (¿se editó a mano?). "
               f"Vuelve a crearlo con: lideres curso generar {ejercicio}")
        yield False
    else:
        avisar(f"  Bien: el cuaderno {ruta.name} está al día con {ARCHIVO}.")
    if rapido:
        avisar("  Nota: con --rapido no se corre nbgrader; valida sin --rapido antes de asignar.")
        return
    with tempfile.TemporaryDirectory(prefix="lideres-validar-") as tmp:
        prueba = Path(tmp)
        if (curso / CONFIG).is_file():
            shutil.copy2(curso / CONFIG, prueba / CONFIG)
        else:
            shutil.copy2(rutas.CURSO / CONFIG, prueba / CONFIG)
        destino = prueba / "source" / banco.ejercicio
        destino.mkdir(parents=True)
        shutil.copy2(banco.carpeta / ARCHIVO, destino / ARCHIVO)
        (destino / ruta.name).write_text(texto, encoding="utf-8")
        hecho = _validate(prueba, destino / ruta.name)
        if _exito(hecho):
            avisar("  Bien: con las soluciones, el cuaderno pasa todas sus pruebas (nbgrader validate).")
            yield True
        else:
            avisar("  Problema: con las soluciones, el cuaderno no pasa sus pruebas. Revisa las respuestas "
                   f"de {ARCHIVO}. Detalle de nbgrader (en inglés):\n{_recorte(hecho)}")
            yield False
        hecho = nbgrader(prueba, "generate_assignment", banco.ejercicio)
        liberado = prueba / "release" / banco.ejercicio / ruta.name
        if hecho.returncode != 0 or not liberado.exists():
            avisar("  Problema: nbgrader no pudo crear la versión para participantes. Detalle (en inglés):\n"
                   + _recorte(hecho))
            yield False
            return
        hecho = _validate(prueba, liberado)
        if "VALIDATION FAILED" in hecho.stdout:
            avisar("  Bien: la versión para participantes, sin responder, no pasa nbgrader validate (así debe ser).")
            yield True
        else:
            avisar("  Problema: la versión para participantes, sin responder, no falla en nbgrader validate "
                   f"como debería. Detalle de nbgrader (en inglés):\n{_recorte(hecho)}")
            yield False
        yield from _calificar_de_prueba(banco, prueba, liberado.parent, avisar)
        vistas = respuestas_a_la_vista(banco, prueba / "release" / banco.ejercicio)
        if vistas:
            avisar("  Problema: la versión para participantes deja ver respuestas: " + "; ".join(vistas))
            yield False
        else:
            avisar("  Bien: la versión para participantes no deja ver las respuestas.")
            yield True


def _validate(curso: Path, cuaderno_ipynb: Path) -> subprocess.CompletedProcess:
    """nbgrader validate; una vez más si no llegó a decir nada (un kernel que no arrancó por la carga)."""
    hecho = nbgrader(curso, "validate", str(cuaderno_ipynb))
    if not _exito(hecho) and "VALIDATION FAILED" not in hecho.stdout:
        hecho = nbgrader(curso, "validate", str(cuaderno_ipynb))
    return hecho


def _exito(hecho: subprocess.CompletedProcess) -> bool:
    return "Success! Your notebook passes all the tests." in hecho.stdout


def _calificar_de_prueba(banco: Banco, curso: Path, liberado: Path, avisar) -> Iterator[bool]:
    """Califica con nbgrader una entrega en blanco (0 puntos) y una con las respuestas (todos)."""
    import nbformat
    from nbgrader.api import Gradebook, MissingEntry

    nombre = f"{banco.ejercicio}.ipynb"
    correctas = {p.id: (p.respuesta[0] if isinstance(p.respuesta, list) and p.tipo != "orden" else p.respuesta)
                 for p in banco.preguntas}
    entregas = {"en-blanco": {}, "con-respuestas": correctas}
    salidas = []
    for codigo, respuestas in entregas.items():
        destino = curso / "submitted" / codigo / banco.ejercicio / nombre
        destino.parent.mkdir(parents=True, exist_ok=True)
        destino.write_text(nbformat.writes(cuaderno.cuaderno_con_respuestas(liberado, respuestas, nombre)),
                           encoding="utf-8")
    salidas.append(nbgrader(curso, "autograde", banco.ejercicio, "--create"))  # las dos de una vez
    puntajes = {}
    with Gradebook(f"sqlite:///{curso / 'gradebook.db'}") as gb:
        for codigo in entregas:
            try:
                envio = gb.find_submission_notebook(banco.ejercicio, banco.ejercicio, codigo)
                puntajes[codigo] = sum(g.auto_score or 0 for g in envio.grades)
            except MissingEntry:
                puntajes[codigo] = None
    total = banco.puntos_automaticos
    if puntajes == {"en-blanco": 0, "con-respuestas": total}:
        avisar(f"  Bien: al calificar, en blanco saca 0 y con las respuestas de {ARCHIVO} saca "
               f"{total:g} de {cuaderno.puntos_texto(total)} automáticos.")
        yield True
    else:
        def dice(p):
            return "no se pudo calificar" if p is None else f"{p:g}"

        avisar(f"  Problema: al calificar con nbgrader, en blanco saca {dice(puntajes['en-blanco'])} (debe ser 0) "
               f"y con las respuestas {dice(puntajes['con-respuestas'])} (debe ser {total:g}). "
               "Detalle de nbgrader (en inglés):\n" + "\n".join(_recorte(h, 12) for h in salidas))
        yield False


def _recorte(hecho: subprocess.CompletedProcess, lineas: int = 25) -> str:
    texto = (hecho.stdout + hecho.stderr).strip().splitlines()
    return "\n".join("    " + linea for linea in texto[-lineas:])
