"""Las reglas de «decir exacto» (issue 18 §2), una prueba por regla, en **cada** módulo de
`lideres.modulos.MODULOS`: un módulo nuevo queda revisado el día que existen sus archivos. Mientras
un módulo no está listo (`listo=False`), lo que falta se muestra como «xfail» con la lista; desde
que está listo, falla.

1. Cada número de la prosa (lección, página de facilitación, textos y plantillas de su casa) tiene
   su clave en el registro y coincide con el valor recalculado desde data/ (`lideres.cifras.prosa`).
2. Una tasa se aplica solo con las funciones que revisan el alcance: el código de una casa no
   multiplica por 100 ni por 100 000 y divide «a mano».
3. Lo sintético se ve sintético: la casa que usa datos sintéticos arma su pie con
   `sinteticos.pie_sintetico` (los parámetros del generador) y junta tablas con `exigir_sin_mezcla`.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from lideres.cifras import prosa
from lideres.modulos import MODULOS, modulo

RAIZ = Path(__file__).resolve().parent.parent
IDS = [m.id for m in MODULOS]


def exigir(id_modulo: str, faltas: list, mensaje: str) -> None:
    """Falla si el módulo está listo; si aún se está escribiendo, lo marca como pendiente (xfail)."""
    if not faltas:
        return
    texto = mensaje + "\n" + "\n".join(map(str, faltas))
    if not modulo(id_modulo).listo:
        pytest.xfail(f"{id_modulo} aún no está listo: " + texto)
    pytest.fail(texto)


def _casa(id_modulo: str) -> Path:
    return RAIZ / "lideres" / "modulos" / f"m{id_modulo}"


@pytest.mark.parametrize("id_modulo", IDS)
def test_cada_cifra_de_la_prosa_tiene_clave_y_coincide(id_modulo):
    problemas = [p for archivo in prosa.archivos_de_prosa(RAIZ, id_modulo)
                 for p in prosa.revisar_archivo(archivo, RAIZ)]
    exigir(id_modulo, problemas, "Números sin clave del registro o que no coinciden:")


def test_textos_comunes_sin_cifras_sueltas():
    problemas = [p for archivo in prosa.archivos_comunes(RAIZ) for p in prosa.revisar_archivo(archivo, RAIZ)]
    assert not problemas, "\n".join(map(str, problemas))


def test_la_revision_encuentra_una_cifra_mala_en_un_modulo(tmp_path):
    """La misma revisión que corre sobre cada módulo falla con un texto inventado."""
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "book" / "facilitadores").mkdir(parents=True)
    (tmp_path / "book" / "facilitadores" / "99_prueba.md").write_text(
        "En el Callao hubo unos 230 mil delitos en 2024.\n\n"
        "Hubo 43,536<!--cifra sidpol.total.callao.2024--> denuncias.\n", encoding="utf-8")
    problemas = [p for a in prosa.archivos_de_prosa(tmp_path, "99_prueba") for p in prosa.revisar_archivo(a)]
    assert [p.numero for p in problemas] == ["230", "43,536"]


# ------------------------------------------------------------------ 2. una tasa conserva su alcance

FUNCIONES_CON_ALCANCE = {"hechos_posibles", "tasa_por_100k", "exigir_mismo_alcance", "agregar_tasa",
                         "revisar_alcance"}


def _nombre(n: ast.AST) -> str:
    return ast.unparse(n).lower()


def _aplica_una_tasa_a_mano(nodo: ast.AST) -> bool:
    """Dos formas de aplicar una tasa sin revisar su alcance:
    - por 100 mil a mano: una división junto a `* 100_000`;
    - dividir entre una tasa de denuncia: `denuncias * 100 / tasa` (el divisor se llama tasa,
      de_cada_100, denuncian…). Una proporción de su propio total (`parte * 100 / total`) no es eso."""
    if not isinstance(nodo, ast.BinOp):
        return False
    if isinstance(nodo.op, ast.Mult):
        por_100k = [isinstance(n, ast.Constant) and n.value == 100_000 for n in (nodo.left, nodo.right)]
        otro = nodo.right if por_100k[0] else nodo.left if por_100k[1] else None
        return isinstance(otro, ast.BinOp) and isinstance(otro.op, ast.Div)
    if isinstance(nodo.op, ast.Div):
        izq = nodo.left
        por_100k = isinstance(izq, ast.BinOp) and isinstance(izq.op, ast.Mult) and any(
            isinstance(n, ast.Constant) and n.value == 100_000 for n in (izq.left, izq.right))
        return por_100k or bool(re.search(r"tasa|denuncian|de_cada_100", _nombre(nodo.right)))
    return False


def tasas_a_mano(archivo: Path) -> list[str]:
    arbol = ast.parse(archivo.read_text(encoding="utf-8"))
    malas = []
    for funcion in [n for n in ast.walk(arbol) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]:
        llamadas = {getattr(n.func, "attr", getattr(n.func, "id", "")) for n in ast.walk(funcion)
                    if isinstance(n, ast.Call)}
        if llamadas & FUNCIONES_CON_ALCANCE:
            continue
        malas += [f"{archivo.name}:{n.lineno} ({funcion.name})" for n in ast.walk(funcion) if _aplica_una_tasa_a_mano(n)]
    return malas


@pytest.mark.parametrize("id_modulo", IDS)
def test_una_tasa_se_aplica_con_su_alcance(id_modulo):
    casa = _casa(id_modulo)
    malas = [m for archivo in sorted(casa.rglob("*.py")) for m in tasas_a_mano(archivo)] if casa.is_dir() else []
    exigir(id_modulo, malas, "Estas funciones aplican una tasa a mano; usen lideres.cifras.alcance."
           "hechos_posibles o lideres.tasas.tasa_por_100k con el alcance:")


def test_la_regla_de_tasas_encuentra_una_cuenta_a_mano(tmp_path):
    archivo = tmp_path / "calculos.py"
    archivo.write_text("def delitos(denuncias, tasa):\n    return denuncias * 100 / tasa\n\n"
                       "def tasa(conteo, poblacion):\n    return conteo / poblacion * 100_000\n", encoding="utf-8")
    assert len(tasas_a_mano(archivo)) == 2


# ------------------------------------------------------------------ 3. lo sintético se ve sintético

def usa_sinteticos(archivo: Path) -> bool:
    texto = archivo.read_text(encoding="utf-8")
    return "incidentes_sinteticos" in texto or "sinteticos" in texto


@pytest.mark.parametrize("id_modulo", IDS)
def test_lo_sintetico_dice_que_es_sintetico(id_modulo):
    casa = _casa(id_modulo)
    if not casa.is_dir():
        return
    codigo = {a: a.read_text(encoding="utf-8") for a in sorted(casa.rglob("*.py"))}
    if not any(usa_sinteticos(a) for a in codigo):
        return
    faltas = [] if any("pie_sintetico" in t for t in codigo.values()) else [casa.name]
    exigir(id_modulo, faltas, "Usa datos sintéticos: su pie debe salir de lideres.sinteticos.pie_sintetico "
           "(o de un pie_sintetico_* propio hecho con los parámetros de su generador), con «sintético» "
           "en la misma frase:")
