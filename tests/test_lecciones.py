"""Cada lección sigue la plantilla, es delgada, se guarda sin salidas y corre de principio a fin."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lideres.modulos import MODULOS, modulo
from lideres.rutas import CUADERNOS

PLANTILLA = CUADERNOS / "_plantilla.ipynb"
SECCIONES = [
    "Objetivos",
    "Tiempo",
    "Requisitos previos",
    "La lectura equivocada",
    "Actividad",
    "Resumen",
    "Preguntas para conversar",
]
LECCIONES = sorted(CUADERNOS.glob("[0-9][0-9]_*.ipynb"))
TABLEROS = sorted((CUADERNOS / "tableros").glob("*.ipynb"))
IDS = {m.id for m in MODULOS}


def _leer(ruta: Path) -> dict:
    return json.loads(ruta.read_text(encoding="utf-8"))


def _texto(celda: dict) -> str:
    fuente = celda.get("source", "")
    return "".join(fuente) if isinstance(fuente, list) else fuente


def _titulos(cuaderno: dict) -> list[tuple[int, str]]:
    """(nivel, texto) de cada título markdown, fuera de bloques de código y comentarios HTML."""
    titulos = []
    for celda in cuaderno["cells"]:
        if celda["cell_type"] != "markdown":
            continue
        texto = re.sub(r"<!--.*?-->", "", _texto(celda), flags=re.S)
        texto = re.sub(r"```.*?```", "", texto, flags=re.S)
        for linea in texto.splitlines():
            m = re.match(r"^(#{1,6})\s+(.+?)\s*#*\s*$", linea)
            if m:
                titulos.append((len(m.group(1)), m.group(2)))
    return titulos


def _revisar_estructura(cuaderno: dict) -> None:
    titulos = _titulos(cuaderno)
    assert titulos and titulos[0][0] == 1, "el primer título debe ser el título de la lección (#)"
    assert sum(1 for nivel, _ in titulos if nivel == 1) == 1, "un solo título de nivel 1"
    secciones = [texto for nivel, texto in titulos if nivel == 2]
    assert secciones == SECCIONES, f"secciones (##) distintas de la plantilla: {secciones}"


def _lineas_de_codigo(celda: dict) -> list[str]:
    return [
        linea
        for linea in _texto(celda).splitlines()
        if linea.strip() and not linea.strip().startswith("#")
    ]


def test_hay_lecciones():
    assert LECCIONES, f"no hay lecciones en {CUADERNOS}"


def test_la_plantilla_tiene_las_secciones():
    _revisar_estructura(_leer(PLANTILLA))


@pytest.mark.parametrize("ruta", LECCIONES, ids=lambda p: p.stem)
def test_leccion_sigue_la_plantilla(ruta):
    _revisar_estructura(_leer(ruta))


@pytest.mark.parametrize("ruta", LECCIONES, ids=lambda p: p.stem)
def test_nombre_es_un_modulo_del_curso(ruta):
    assert ruta.stem in IDS, f"«{ruta.stem}» no está en lideres.modulos.MODULOS"


@pytest.mark.parametrize(
    "ruta", [*LECCIONES, *TABLEROS, PLANTILLA], ids=lambda p: p.parent.name + "/" + p.stem
)
def test_cuaderno_delgado_sin_salidas_y_en_espanol(ruta):
    cuaderno = _leer(ruta)
    meta = cuaderno["metadata"]
    assert meta["kernelspec"]["name"] == "python3"
    assert meta.get("language") == "es"
    for i, celda in enumerate(cuaderno["cells"]):
        if celda["cell_type"] != "code":
            continue
        assert celda.get("outputs") == [], f"celda {i}: guarda el cuaderno sin salidas"
        assert celda.get("execution_count") is None, f"celda {i}: execution_count debe ser null"
        lineas = _lineas_de_codigo(celda)
        assert len(lineas) <= 3, f"celda {i}: {len(lineas)} líneas; el cálculo va en lideres"


@pytest.mark.parametrize("ruta", TABLEROS, ids=lambda p: p.stem)
def test_tableros_con_id_de_modulo_y_una_celda(ruta):
    assert ruta.stem in IDS, f"el tablero «{ruta.stem}» no tiene el id de un módulo"
    cuaderno = _leer(ruta)
    codigo = [c for c in cuaderno["cells"] if c["cell_type"] == "code"]
    assert len(codigo) == 1, "un tablero es un título y una sola celda que llama a la fábrica del módulo"
    # La fábrica está en la casa del módulo: lideres.modulos.m<id>.tablero
    assert f"{modulo(ruta.stem).paquete}.tablero import tablero" in _texto(codigo[0])
    assert _titulos(cuaderno)[0][0] == 1
    # El título de la pestaña del navegador (Voilà usa metadata.title; sin él, el nombre del archivo).
    titulo = cuaderno["metadata"].get("title", "")
    assert titulo.endswith("— Escuela de Líderes") and len(titulo) > len("— Escuela de Líderes") + 3


def test_las_cifras_de_la_leccion_02_coinciden_con_los_datos():
    """El texto de la lección cita cifras; si cambian los datos, esta prueba avisa."""
    from lideres.modulos.m02_conteos_y_tasas.calculos import tabla_conteos_y_tasas

    t24 = tabla_conteos_y_tasas(2024).set_index("distrito")
    t25 = tabla_conteos_y_tasas(2025).set_index("distrito")
    sjl = "San Juan de Lurigancho"
    assert t24.loc[sjl, "conteo"] == 36163 and t24.loc[sjl, "puesto_conteo"] == 1
    assert t24.loc[sjl, "poblacion"] == 1177629
    assert t25.loc[sjl, "conteo"] == 30724 and t25.loc[sjl, "puesto_conteo"] == 2
    assert t25.loc["Lima (Cercado)", "puesto_conteo"] == 1
    assert t25.loc[sjl, "puesto_tasa"] == 30 and len(t25) == 50
    assert list(t25.sort_values("puesto_tasa").index[:4]) == [
        "Lima (Cercado)",
        "Miraflores",
        "Barranco",
        "San Isidro",
    ]
    assert (t24.loc["Miraflores", "conteo"], t24.loc["Miraflores", "poblacion"]) == (12841, 108855)
    smm = "Santa María del Mar"
    assert (t24.loc[smm, "conteo"], t25.loc[smm, "conteo"], t25.loc[smm, "poblacion"]) == (
        68,
        44,
        1142,
    )
    assert set(t25.index[t25["inestable"]]) == {
        smm,
        "Punta Negra",
        "San Bartolo",
        "La Punta",
        "Pucusana",
    }


def test_glosario_cubre_las_palabras_nuevas():
    from lideres.glosario import GLOSARIO

    requeridas = {
        "denuncia", "tasa por 100 mil habitantes", "conteo", "población", "tasa inestable",
        "cifra negra", "SIDPOL", "ENAPRES", "UBIGEO", "coropleta", "límites esquemáticos",
        "comisaría", "serenazgo", "junta vecinal",
    }  # fmt: skip
    assert requeridas <= set(GLOSARIO)
    assert all(len(texto) > 40 and texto.endswith(".") for texto in GLOSARIO.values())
    for ruta in LECCIONES:
        for celda in _leer(ruta)["cells"]:
            m = re.search(r"Palabras nuevas[^:]*:(.+)", _texto(celda), flags=re.S)
            if m:
                palabras = {p.strip(" .\n") for p in m.group(1).replace("\n", " ").split(",")}
                faltan = {
                    p for p in palabras if p.casefold() not in {g.casefold() for g in GLOSARIO}
                }
                assert not faltan, f"{ruta.name}: faltan en lideres/glosario.py: {faltan}"


@pytest.mark.lento
@pytest.mark.timeout(300)
def test_lecciones_corren_de_principio_a_fin(tmp_path):
    """Como las ejecuta el libro (y Voilà los tableros): kernel nuevo, de arriba abajo, sin
    errores; las figuras salen como imagen."""
    import nbformat
    from nbclient import NotebookClient

    for ruta in [*LECCIONES, *TABLEROS]:
        cuaderno = nbformat.read(ruta, as_version=4)
        cliente = NotebookClient(
            cuaderno,
            timeout=120,
            kernel_name="python3",
            resources={"metadata": {"path": str(tmp_path)}},
        )
        cliente.execute()
        salidas = [s for c in cuaderno.cells if c.cell_type == "code" for s in c.outputs]
        assert not [s for s in salidas if s.get("output_type") == "error"], ruta.name
        figuras = [s for s in salidas if "image/png" in s.get("data", {})]
        sin_imagen = [
            s
            for s in salidas
            if str(s.get("data", {}).get("text/plain", "")).startswith("<Figure")
            and "image/png" not in s.get("data", {})
        ]
        assert not sin_imagen, "una figura salió como texto, sin imagen"
        if ruta.parent.name == "tableros":
            widgets = [
                s
                for s in salidas
                if "application/vnd.jupyter.widget-view+json" in s.get("data", {})
            ]
            assert len(widgets) == 1, f"{ruta.name}: el tablero debe mostrar un solo widget"
        elif ruta.stem == "02_conteos_y_tasas":
            assert len(figuras) == 4, f"{ruta.name}: {len(figuras)} figuras (2 rankings y 2 mapas)"


@pytest.mark.parametrize("ruta", LECCIONES, ids=lambda p: p.stem)
def test_sin_internet_dice_tambien_como_se_abre_en_casa(ruta):
    """El capítulo lo lee también quien está en casa (issue 19 §4): «sin internet» vale en el taller;
    cada mención dice también qué pasa en casa."""
    for celda in _leer(ruta)["cells"]:
        texto = _texto(celda)
        for parrafo in re.split(r"\n\s*\n", texto):
            if "sin internet" in parrafo.lower():
                assert "en casa" in parrafo.lower(), f"«sin internet» sin decir cómo es en casa: {parrafo[:200]}"
