"""Quien aprende sola o solo cambia una celda de la lección y se equivoca: el aviso sale en español,
sin traceback. En un kernel de verdad (nbclient), con las primeras celdas de la lección."""

from __future__ import annotations

import nbformat
import pytest

from lideres import avisos, rutas
from lideres.errores import ErrorLideres

LECCIONES = sorted(p for p in rutas.CUADERNOS.glob("[0-9]*.ipynb"))


def _codigo(ruta) -> list[str]:
    cuaderno = nbformat.read(ruta, as_version=4)
    return [c.source for c in cuaderno.cells if c.cell_type == "code"]


@pytest.mark.parametrize("ruta", [*LECCIONES, rutas.CUADERNOS / "_plantilla.ipynb"], ids=lambda p: p.stem)
def test_cada_leccion_activa_los_avisos_en_su_primera_celda(ruta):
    assert "lideres.avisos_en_espanol()" in _codigo(ruta)[0]


def test_avisos_sin_kernel():
    assert "entre comillas: \"Callao\"" in avisos.aviso(NameError("name 'Callao' is not defined", name="Callao"))
    assert "en la línea 2" in avisos.aviso(SyntaxError("invalid syntax", ("<celda>", 2, 5, "x")))
    assert avisos.aviso(ErrorLideres("No hay datos.", como_arreglar="usa otro.")).startswith("No hay datos.")
    assert avisos.aviso(RuntimeError("boom")) == avisos.AVISO_GENERAL


@pytest.mark.lento
def test_respuesta_sin_comillas_en_un_kernel_de_verdad(tmp_path):
    from nbclient import NotebookClient

    primeras = _codigo(rutas.CUADERNOS / "05_tendencias.ipynb")[:2]  # avisos y la casa del módulo
    celdas = [
        "import lideres\nCallao",  # importar lideres no cambia nada: el error de siempre
        *primeras,
        'vistas.revisar(callao_anual, "2026 (ene-jul)")',  # la celda de la lección, sin comillas
        "round(lideres.tasa_por_100k(30 724, 1177629))",  # un número con espacio
        "round(14055 * 100 / 0)",  # la cuenta de la lección 03 con una tasa de 0
        'vistas.revisar("callao", "2026 (ene-jul)")',  # una serie que no existe
        'vistas.revisar("callao_anual", "2026 (ene-jul)")',  # y la buena sigue funcionando
    ]
    cuaderno = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in celdas])
    NotebookClient(cuaderno, timeout=180, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()

    def texto(i):
        partes = []
        for s in cuaderno.cells[i].outputs:
            partes += [s.get("text", ""), s.get("ename", ""), s.get("evalue", ""), *s.get("traceback", [])]
            partes += [str(v) for v in s.get("data", {}).values()]
        return "\n".join(partes)

    assert "NameError" in texto(0)  # sin la llamada explícita, nada cambia
    n = len(primeras)
    for i in range(1, n + 1):
        assert not [s for s in cuaderno.cells[i].outputs if s.output_type == "error"]
    sin_comillas, con_espacio, cero, no_existe, buena = (texto(n + k) for k in range(1, 6))
    for salida in (sin_comillas, con_espacio, cero, no_existe):
        assert salida.startswith(avisos.PREFIJO), salida
        for ingles in ("Traceback", "NameError", "SyntaxError", "Error", "line ", "invalid"):
            assert ingles not in salida, (ingles, salida)
    assert "No conozco «callao_anual»" in sin_comillas and 'entre comillas: "callao_anual"' in sin_comillas
    assert "No entendí lo que escribiste en la línea 1" in con_espacio
    assert "división entre cero" in cero
    assert "callao" in no_existe and "callao_anual" in no_existe  # el mensaje del módulo, en español
    assert avisos.PREFIJO not in buena and "Callao" in buena
