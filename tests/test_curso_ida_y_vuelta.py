"""Ida y vuelta de un facilitador: asignar, recoger un zip con entregas buenas, en blanco, rotas y
hostiles, calificar, reportar; los originales y el libro de notas quedan intactos."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from lideres import formato
from lideres.cli import main
from lideres.curso import motor
from tests import ejemplos

EJERCICIO = "02_conteos_y_tasas"
NB = f"{EJERCICIO}.ipynb"
pytestmark = pytest.mark.lento


def _sha(ruta: Path) -> str:
    return hashlib.sha256(ruta.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def ida_y_vuelta(tmp_path_factory):
    """Corre todo el flujo una vez; cada prueba revisa una parte del resultado."""
    raiz = tmp_path_factory.mktemp("ida_y_vuelta")
    curso, _ = motor.preparar_curso(raiz / "cohorte 2025")

    salidas = {"asignar": _correr("asignar", EJERCICIO, "--curso", str(curso))}
    liberado = ejemplos.leer(curso / "release" / EJERCICIO / NB)

    # un zip como llega por WhatsApp: carpeta de arriba, basura de Mac y una ruta que intenta salir
    entregas = {"María Ñahui Quispe": (ejemplos.responder(liberado, ejemplos.CORRECTAS_02), NB),
                "Pedro En Blanco": (liberado, NB)}
    entregas.update(ejemplos.hostiles(liberado, curso_real=curso))
    zip_ruta = raiz / "entregas del taller.zip"
    with zipfile.ZipFile(zip_ruta, "w") as zf:
        for carpeta, (contenido, nombre) in entregas.items():
            if isinstance(contenido, dict):
                contenido = json.dumps(contenido, ensure_ascii=False)
            zf.writestr(f"Entregas taller/{carpeta}/{nombre}", contenido)
        zf.writestr(f"__MACOSX/Entregas taller/Pedro En Blanco/._{NB}", b"\x00\x05")
        zf.writestr("../../fuera.ipynb", "{}")
    huella_zip = _sha(zip_ruta)

    salidas["recoger"] = _correr("recoger", EJERCICIO, str(zip_ruta), "--curso", str(curso))
    originales = {p: _sha(p) for p in (curso / "recibidos").rglob("*") if p.is_file()}
    salidas["calificar"] = _correr("calificar", EJERCICIO, "--curso", str(curso),
                                   "--tiempo-por-celda", "10")
    salidas["reporte"] = _correr("reporte", "--curso", str(curso))
    return {"curso": curso, "salidas": salidas, "zip": zip_ruta, "huella_zip": huella_zip,
            "originales": originales, "entregas": entregas}


def _correr(*argumentos) -> str:
    """La orden dentro del mismo proceso, con su salida capturada (capsys no sirve en fixtures de módulo)."""
    import io
    import sys

    antes = (sys.stdout, sys.stderr)
    sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
    try:
        codigo = main(["curso", *argumentos])
        out, err = sys.stdout.getvalue(), sys.stderr.getvalue()
    finally:
        sys.stdout, sys.stderr = antes
    assert codigo == 0, out + err
    assert "Traceback" not in out + err
    return out


def _automatico(notas: dict) -> float:
    return sum(a or 0 for gid, (a, _) in notas.items() if gid != "reflexion-junta-vecinal")


def test_recoger_informa_en_espanol(ida_y_vuelta):
    salida = ida_y_vuelta["salidas"]["recoger"]
    assert "Recogidas 14 entregas" in salida
    assert "María Ñahui Quispe (maria-nahui-quispe)" in salida
    assert "se llamaba «Copia de 02_conteos_y_tasas (1).ipynb»" in salida
    assert "intenta salir de la carpeta" in salida


def test_puntajes_de_las_entregas(ida_y_vuelta):
    puntajes = motor.puntajes_por_celda(ida_y_vuelta["curso"], EJERCICIO)
    correcta = puntajes["maria-nahui-quispe"]
    assert _automatico(correcta) == 6  # todo lo automático
    assert correcta["reflexion-junta-vecinal"][0] is None  # la reflexión espera revisión a mano
    assert _automatico(puntajes["pedro-en-blanco"]) == 0
    assert _automatico(puntajes["nombre-cambiado"]) == 6
    assert _automatico(puntajes["bucle-infinito"]) == 0
    assert _automatico(puntajes["salida-enorme"]) == 2
    # la prueba borrada vuelve y califica; la prueba cambiada por `assert True` se restaura
    assert puntajes["sin-prueba"]["tasa-por-100k-prueba"][0] == 0
    assert puntajes["prueba-cambiada"]["distrito-tasa-mas-alta-prueba"][0] == 0
    assert _automatico(puntajes["sale-con-exit"]) == 0


def test_celdas_de_prueba_restauradas(ida_y_vuelta):
    curso = ida_y_vuelta["curso"]
    for codigo, gid in (("sin-prueba", "tasa-por-100k-prueba"),
                        ("prueba-cambiada", "distrito-tasa-mas-alta-prueba")):
        cuaderno = ejemplos.leer(curso / "autograded" / codigo / EJERCICIO / NB)
        celda = next(c for c in cuaderno["cells"] if (c["metadata"].get("nbgrader") or {}).get("grade_id") == gid)
        texto = "".join(celda["source"])
        assert "revisar.es(" in texto and "assert True" != texto.strip()


def test_motivos_en_espanol_y_la_tanda_sigue(ida_y_vuelta):
    salida = ida_y_vuelta["salidas"]["calificar"]
    estado = motor.leer_estado(ida_y_vuelta["curso"])[EJERCICIO]
    assert estado["json-danado"]["estado"] == "no_calificado" and "dañado" in estado["json-danado"]["motivo"]
    assert "vacío" in estado["archivo-vacio"]["motivo"]
    assert "no es un cuaderno" in estado["no-es-cuaderno"]["motivo"]
    assert "nbformat 3" in estado["formato-viejo"]["motivo"]
    assert "cerró Python" in estado["mata-python"]["motivo"]
    assert estado["maria-nahui-quispe"]["estado"] == "calificado"
    assert "Calificando 14 entregas" in salida and "[14/14]" in salida
    assert "NO CALIFICADO" in salida and "Listo:" in salida
    for palabra in ("AutogradeApp", "Exception", "WARNING", "INFO", "Traceback"):  # nada de nbgrader en inglés
        assert palabra not in salida


def test_el_vandalo_no_dano_nada(ida_y_vuelta):
    curso = ida_y_vuelta["curso"]
    estado = motor.leer_estado(curso)[EJERCICIO]["vandalo"]
    # con bwrap no ve el curso; sin bwrap lo que toque se restaura. En ambos casos el resto sigue.
    assert estado["estado"] in ("calificado", "no_calificado")
    if estado["estado"] == "no_calificado":
        assert "libro de notas" in estado["motivo"]
    for codigo in ("maria-nahui-quispe", "pedro-en-blanco"):
        assert (curso / "submitted" / codigo / EJERCICIO / NB).exists()
    assert (curso / "recibidos").is_dir()


def test_originales_intactos(ida_y_vuelta):
    assert _sha(ida_y_vuelta["zip"]) == ida_y_vuelta["huella_zip"]
    for ruta, huella in ida_y_vuelta["originales"].items():
        assert ruta.exists() and _sha(ruta) == huella, ruta
    assert not (ida_y_vuelta["zip"].parent.parent / "fuera.ipynb").exists()


def test_libro_de_notas_intacto_con_nombres(ida_y_vuelta):
    with motor.libro(ida_y_vuelta["curso"]) as gb:
        alumnos = {s.id: s for s in gb.students}
        assert len(alumnos) == 14
        assert (alumnos["maria-nahui-quispe"].first_name, alumnos["maria-nahui-quispe"].last_name) == (
            "María", "Ñahui Quispe")
        assert gb.find_assignment(EJERCICIO).max_score == 9


def test_retroalimentacion_en_espanol_sin_cdn(ida_y_vuelta):
    curso = ida_y_vuelta["curso"]
    paginas = sorted((curso / "feedback").rglob("*.html"))
    assert len(paginas) >= 8  # todas las calificadas
    for pagina in paginas:
        html = pagina.read_text(encoding="utf-8")
        assert '<html lang="es">' in html and "Retroalimentación" in html
        assert "http://" not in html and "https://" not in html
        assert pagina.stat().st_size < 400_000  # la salida enorme quedó recortada
    maria = (curso / "feedback" / "maria-nahui-quispe" / EJERCICIO / f"{EJERCICIO}.html").read_text(encoding="utf-8")
    assert "María Ñahui Quispe" in maria and "Pendiente de revisión (3 puntos)" in maria
    blanco = (curso / "feedback" / "pedro-en-blanco" / EJERCICIO / f"{EJERCICIO}.html").read_text(encoding="utf-8")
    assert "Todavía no respondiste esta pregunta." in blanco


def test_retroalimentacion_conserva_la_fecha_de_calificacion(ida_y_vuelta):
    """`reporte` reescribe las páginas con las notas manuales: la fecha sigue siendo la de calificar."""
    import datetime as dt

    from lideres.curso import retroalimentacion

    curso = ida_y_vuelta["curso"]
    pagina = curso / "feedback" / "maria-nahui-quispe" / EJERCICIO / f"{EJERCICIO}.html"
    estado = motor.leer_estado(curso)
    calificado = dt.datetime.fromisoformat(estado[EJERCICIO]["maria-nahui-quispe"]["fecha"]).astimezone().date()
    assert f"<dd>{formato.fecha(calificado)}</dd>" in pagina.read_text(encoding="utf-8")
    for info in estado[EJERCICIO].values():
        info["fecha"] = "2025-05-01T15:00:00+00:00"  # como si se hubiera calificado ese día
    assert pagina in retroalimentacion.actualizar(curso, estado)
    assert "<dd>1 de mayo de 2025</dd>" in pagina.read_text(encoding="utf-8")


def test_reporte_csv_html_png(ida_y_vuelta):
    import pandas as pd

    carpeta = ida_y_vuelta["curso"] / "reportes"
    tabla = pd.read_csv(carpeta / "avance.csv", encoding="utf-8-sig")
    assert list(tabla.columns)[:5] == ["Participante", "Código", "Ejercicio", "Entregó", "Estado"]
    assert len(tabla) == 14
    fila = tabla.set_index("Código").loc["maria-nahui-quispe"]
    assert fila["Participante"] == "María Ñahui Quispe" and fila["Falta calificar a mano"] == "Sí"
    assert fila["Puntaje"] == 6 and fila["Puntaje máximo"] == 9
    assert fila["Preguntas respondidas"] == "6 de 6" and fila["Completado"] == "Sí"
    blanco = tabla.set_index("Código").loc["pedro-en-blanco"]
    assert blanco["Preguntas respondidas"] == "0 de 6" and blanco["Completado"] == "No"
    assert tabla.set_index("Código").loc["json-danado", "Estado"] == "No se pudo calificar"
    nombres = list(tabla["Participante"])
    assert nombres.index("María Ñahui Quispe") < nombres.index("Mata Python") < nombres.index("No Es Cuaderno")
    html = (carpeta / "avance.html").read_text(encoding="utf-8")
    assert '<html lang="es">' in html and "http" not in html
    assert (carpeta / "avance.png").read_bytes()[:4] == b"\x89PNG"
    assert "Página para abrir en el navegador" in ida_y_vuelta["salidas"]["reporte"]


def test_registro_de_nbgrader_en_el_curso(ida_y_vuelta):
    registro = (ida_y_vuelta["curso"] / "nbgrader.log").read_text(encoding="utf-8")
    assert "autograde" in registro and "generate_assignment" in registro


def test_nota_manual_del_formgrader_llega_al_reporte(ida_y_vuelta):
    """Va al final: cambia el libro de notas como lo haría el formgrader al calificar a mano."""
    import pandas as pd

    curso = ida_y_vuelta["curso"]
    with motor.libro(curso) as gb:
        nota = gb.find_grade("reflexion-junta-vecinal", EJERCICIO, EJERCICIO, "maria-nahui-quispe")
        nota.manual_score = 3
        nota.needs_manual_grade = False
        gb.db.commit()
    salida = _correr("reporte", "--curso", str(curso))
    assert "Retroalimentación actualizada" in salida
    fila = pd.read_csv(curso / "reportes" / "avance.csv", encoding="utf-8-sig").set_index("Código").loc[
        "maria-nahui-quispe"]
    assert fila["Estado"] == "Calificado" and fila["Puntaje"] == 9
    html = (curso / "feedback" / "maria-nahui-quispe" / EJERCICIO / NB.replace(".ipynb", ".html")).read_text(
        encoding="utf-8")
    assert "9 de 9 puntos" in html and "3 de 3 puntos" in html
