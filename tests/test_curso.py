"""Partes puras de `lideres curso`: códigos, recojo de zips y carpetas, validación, reporte, retroalimentación."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from lideres.curso import ids, recoger, reporte, respuestas, retroalimentacion, validar
from lideres.errores import ErrorLideres

EJERCICIO = "02_conteos_y_tasas"
CUADERNO_MINIMO = {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def _cuaderno(ruta: Path, contenido=None) -> Path:
    ruta.parent.mkdir(parents=True, exist_ok=True)
    ruta.write_text(json.dumps(contenido or CUADERNO_MINIMO), encoding="utf-8")
    return ruta


def _curso(tmp_path: Path) -> Path:
    curso = tmp_path / "curso"
    _cuaderno(curso / "source" / EJERCICIO / f"{EJERCICIO}.ipynb")
    return curso


def _huellas(carpeta: Path) -> dict:
    return {str(p.relative_to(carpeta)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(carpeta.rglob("*")) if p.is_file()}


# ------------------------------------------------------------------ códigos y nombres

@pytest.mark.parametrize("nombre, esperado", [
    ("María Ñahui Quispe", "maria-nahui-quispe"),
    ("  JOSÉ   huamán ", "jose-huaman"),
    ("Ana-Lucía O'Brien", "ana-lucia-o-brien"),
    ("Rosa\tMamani\n", "rosa-mamani"),
])
def test_codigo_ascii_estable(nombre, esperado):
    assert ids.codigo(nombre) == esperado
    assert ids.codigo(nombre) == ids.codigo(nombre)


def test_codigo_sin_letras_latinas_no_queda_vacio():
    codigo = ids.codigo("🙂🙂")
    assert codigo.startswith("participante-") and codigo.isascii()
    assert codigo == ids.codigo("🙂🙂") != ids.codigo("🙂")


def test_orden_alfabetico_en_espanol():
    nombres = ["Ñahui Rosa", "Nuñez Ana", "Álvarez Luis", "nalvarte Pía", "Oré Juan", "alva Rosa"]
    assert sorted(nombres, key=ids.clave_orden) == ["alva Rosa", "Álvarez Luis", "nalvarte Pía", "Nuñez Ana", "Ñahui Rosa",
                                    "Oré Juan"]


def test_nombre_y_apellidos_para_el_libro_de_notas():
    assert ids.nombre_y_apellidos("María  Ñahui Quispe") == ("María", "Ñahui Quispe")
    assert ids.nombre_y_apellidos("Rosa") == ("Rosa", "")


# ------------------------------------------------------------------ respuestas

def test_respuestas_con_tolerancia():
    assert respuestas.numero_cercano(250, 250) and respuestas.numero_cercano("250,0", 250)
    assert respuestas.numero_cercano(" 250.4 ", 250) and not respuestas.numero_cercano(251, 250)
    assert respuestas.como_numero("1,250.5") == 1250.5 and respuestas.como_numero("1 250") == 1250
    assert respuestas.como_numero(...) is None and respuestas.como_numero(True) is None
    assert respuestas.como_numero("doscientos") is None
    assert respuestas.mismo_nombre(" LÍNCE ", "Lince") and not respuestas.mismo_nombre("", "")
    assert respuestas.como_letra("B)") == "b" and respuestas.como_letra("(c)") == "c"
    assert respuestas.como_letra("b. Es poco confiable") == "b"
    assert respuestas.como_letra("Lince") is None and respuestas.como_letra(2) is None


# ------------------------------------------------------------------ zips y carpetas

def test_zip_slip_y_basura_se_rechazan(tmp_path):
    zip_ruta = tmp_path / "entregas.zip"
    with zipfile.ZipFile(zip_ruta, "w") as zf:
        zf.writestr("entregas/Rosa Quispe/02_conteos_y_tasas.ipynb", json.dumps(CUADERNO_MINIMO))
        zf.writestr("__MACOSX/entregas/Rosa Quispe/._02_conteos_y_tasas.ipynb", "basura")
        zf.writestr("entregas/.DS_Store", "basura")
        zf.writestr("../../fuera.ipynb", "{}")
        zf.writestr("/etc/absoluta.ipynb", "{}")
        zf.writestr("entregas/..\\..\\windows.ipynb", "{}")
    destino = tmp_path / "extraido"
    destino.mkdir()
    avisos = recoger.extraer_zip(zip_ruta, destino)
    extraidos = sorted(str(p.relative_to(destino)) for p in destino.rglob("*") if p.is_file())
    assert extraidos == ["entregas/Rosa Quispe/02_conteos_y_tasas.ipynb"]
    assert len([a for a in avisos if "intenta salir" in a]) == 3
    assert not (tmp_path / "fuera.ipynb").exists()


def test_zip_danado_da_error_en_espanol(tmp_path):
    falso = tmp_path / "entregas.zip"
    falso.write_bytes(b"esto no es un zip")
    with pytest.raises(ErrorLideres, match="No se pudo abrir"):
        recoger.extraer_zip(falso, tmp_path)


def test_ruta_segura():
    assert recoger.ruta_segura("a/b.ipynb").parts == ("a", "b.ipynb")
    assert recoger.ruta_segura("./a/./b.ipynb").parts == ("a", "b.ipynb")
    for mala in ("../a", "a/../../b", "/etc/passwd", "C:/x", "a\\..\\..\\b", ""):
        assert recoger.ruta_segura(mala) is None


def test_buscar_entregas_con_nombres_raros(tmp_path):
    raiz = tmp_path / "envoltorio" / "entregas"
    _cuaderno(raiz / "María Ñahui Quispe" / f"{EJERCICIO}.ipynb")
    _cuaderno(raiz / "Juan Pérez" / "Copia de 02_conteos_y_tasas (1).ipynb")
    _cuaderno(raiz / "Dos Cuadernos" / "a.ipynb")
    _cuaderno(raiz / "Dos Cuadernos" / "b.ipynb")
    (raiz / "Sin Cuaderno").mkdir()
    (raiz / "Sin Cuaderno" / "foto.jpg").write_bytes(b"\xff\xd8")
    _cuaderno(raiz / "Anidado" / "descargas" / f"{EJERCICIO}.ipynb")
    _cuaderno(raiz / "Anidado" / ".ipynb_checkpoints" / f"{EJERCICIO}-checkpoint.ipynb")
    _cuaderno(raiz / "suelto.ipynb")
    resumen = recoger.buscar_entregas(tmp_path / "envoltorio", [EJERCICIO])
    por_codigo = {e.codigo: e for e in resumen.entregas}
    assert set(por_codigo) == {"maria-nahui-quispe", "juan-perez", "anidado"}
    assert por_codigo["maria-nahui-quispe"].nombre == "María Ñahui Quispe"
    assert "Copia de 02_conteos_y_tasas (1).ipynb" in por_codigo["juan-perez"].notas[0]
    assert por_codigo["anidado"].notas == []
    texto = " ".join(resumen.avisos)
    assert "Dos Cuadernos" in texto and "ninguno se llama" in texto
    assert "Sin Cuaderno" in texto and "No hay ningún cuaderno" in texto
    assert "suelto.ipynb" in texto and "sin carpeta" in texto


def test_recoger_copia_y_conserva_cada_recojo(tmp_path):
    import datetime as dt

    curso = _curso(tmp_path)
    origen = tmp_path / "usb"
    primero = _cuaderno(origen / "María Ñahui Quispe" / f"{EJERCICIO}.ipynb")
    antes = _huellas(origen)
    recoger.recoger(curso, EJERCICIO, origen, ahora=dt.datetime(2025, 5, 1, 10, tzinfo=dt.UTC))
    assert _huellas(origen) == antes  # el original no se toca ni se mueve
    enviado = curso / "submitted" / "maria-nahui-quispe" / EJERCICIO
    assert (enviado / f"{EJERCICIO}.ipynb").read_bytes() == primero.read_bytes()
    assert (enviado / "timestamp.txt").read_text(encoding="utf-8").startswith("2025-05-01 10:00:00")

    # segundo recojo, ahora un zip con una versión nueva y el nombre cambiado
    nuevo = dict(CUADERNO_MINIMO, metadata={"version": 2})
    zip_ruta = tmp_path / "whatsapp.zip"
    with zipfile.ZipFile(zip_ruta, "w") as zf:
        zf.writestr("Maria Nahui Quispe/Copia de 02_conteos_y_tasas.ipynb", json.dumps(nuevo))
    zip_antes = zip_ruta.read_bytes()
    resumen = recoger.recoger(curso, EJERCICIO, zip_ruta, ahora=dt.datetime(2025, 5, 2, 10, tzinfo=dt.UTC))
    assert zip_ruta.read_bytes() == zip_antes
    assert json.loads((enviado / f"{EJERCICIO}.ipynb").read_text(encoding="utf-8"))["metadata"] == {"version": 2}
    recojos = sorted((curso / "recibidos" / EJERCICIO).iterdir())
    assert len(recojos) == 2  # los dos recojos se conservan
    assert (recojos[0] / "maria-nahui-quispe" / f"{EJERCICIO}.ipynb").exists()
    assert (recojos[1] / "maria-nahui-quispe" / "Copia de 02_conteos_y_tasas.ipynb").exists()
    assert (recojos[1] / "whatsapp.zip").exists()
    lista = ids.leer_lista(curso)
    assert lista["maria-nahui-quispe"]["nombre"] == "María Ñahui Quispe"
    assert len(lista["maria-nahui-quispe"]["recojos"][EJERCICIO]) == 2
    assert resumen.entregas[0].notas and "Copia de" in resumen.entregas[0].notas[0]


def test_recoger_ejercicio_inexistente_o_archivo_raro(tmp_path):
    curso = _curso(tmp_path)
    with pytest.raises(ErrorLideres, match="no existe"):
        recoger.recoger(curso, "99_no_existe", tmp_path)
    raro = tmp_path / "entregas.rar"
    raro.write_bytes(b"Rar!")
    with pytest.raises(ErrorLideres, match="ni un .zip"):
        recoger.recoger(curso, EJERCICIO, raro)


# ------------------------------------------------------------------ validación de cuadernos

@pytest.mark.parametrize("contenido, palabra", [
    (b"", "vacío"),
    (b'{"cells": [', "dañado"),
    (b"\x89PNG\r\n\x1a\n\x00\xff\xfe", "no es un cuaderno"),
    (b'{"hola": 1}', "no es un cuaderno"),
    (b'{"nbformat": 3, "worksheets": []}', "nbformat 3"),
    (b'[1, 2, 3]', "no es un cuaderno"),
])
def test_motivos_en_espanol(tmp_path, contenido, palabra):
    ruta = tmp_path / "c.ipynb"
    ruta.write_bytes(contenido)
    assert palabra in validar.motivo_invalido(ruta)


def test_cuaderno_valido_no_tiene_motivo(tmp_path):
    assert validar.motivo_invalido(_cuaderno(tmp_path / "c.ipynb")) is None


# ------------------------------------------------------------------ reporte

def _registros():
    base = {"ejercicio": EJERCICIO, "maximo": 9.0, "observaciones": ""}
    return [
        dict(base, codigo="oscar", nombre="Óscar Ríos", estado="completado", puntaje=9.0,
             respondidas=4, preguntas=4),
        dict(base, codigo="blanco", nombre="Beto Blanco", estado="completado", puntaje=0.0,
             respondidas=0, preguntas=4),
        dict(base, codigo="nahui", nombre="Ñahui Rosa", estado="revision", puntaje=6.0, pendiente_manual=True),
        dict(base, codigo="nunez", nombre="Nuñez Ana", estado="no_calificado", puntaje=None,
             observaciones="=SUMA(1+1)"),
        dict(base, codigo="alvarez", nombre="Álvarez Luis", estado="sin_entrega", puntaje=None),
    ]


def test_tabla_avance_ordenada_y_en_espanol():
    tabla = reporte.tabla_avance(_registros())
    assert list(tabla.columns) == reporte.COLUMNAS
    assert list(tabla["Participante"]) == ["Álvarez Luis", "Beto Blanco", "Nuñez Ana", "Ñahui Rosa", "Óscar Ríos"]
    fila = tabla.set_index("Código").loc["nahui"]
    assert fila["Estado"] == "Falta calificar la escrita" and fila["Falta calificar a mano"] == "Sí"
    assert fila["Porcentaje"] == pytest.approx(66.7) and fila["Completado"] == "No"
    assert tabla.set_index("Código").loc["oscar", "Completado"] == "Sí"
    # Calificado con 0 puntos porque no respondió nada: no cuenta como completado.
    blanco = tabla.set_index("Código").loc["blanco"]
    assert blanco["Completado"] == "No" and blanco["Preguntas respondidas"] == "0 de 4"
    assert tabla.set_index("Código").loc["alvarez", "Entregó"] == "No"
    assert pd_isna(tabla.set_index("Código").loc["nunez", "Puntaje"])


def test_contar_respondidas_compara_con_la_version_liberada():
    def cuaderno(*fuentes):
        return {"cells": [
            {"cell_type": "code", "source": f, "metadata": {"nbgrader": {"solution": True, "grade_id": f"p{i}"}}}
            for i, f in enumerate(fuentes)
        ] + [{"cell_type": "code", "source": "assert True", "metadata": {}}]}

    liberado = cuaderno("respuesta = ...", "respuesta = ...", "YOUR ANSWER HERE")
    assert reporte.contar_respondidas(liberado, liberado) == (0, 3)
    assert reporte.contar_respondidas(cuaderno("respuesta = 250", "respuesta = ...", "Le diría..."), liberado) == (2, 3)
    # Una celda de respuesta borrada cuenta como no respondida.
    assert reporte.contar_respondidas({"cells": []}, liberado) == (0, 3)


def pd_isna(valor) -> bool:
    import pandas as pd

    return bool(pd.isna(valor))


def test_escribir_reporte_csv_html_png(tmp_path):
    rutas = reporte.escribir_reporte(reporte.tabla_avance(_registros()), tmp_path)
    csv = rutas["csv"].read_text(encoding="utf-8-sig")
    assert csv.splitlines()[0].startswith("Participante,Código,Ejercicio,Entregó,Estado")
    assert "'=SUMA(1+1)" in csv  # neutralizado para Excel
    html = rutas["html"].read_text(encoding="utf-8")
    assert '<html lang="es">' in html and "Avance del grupo" in html
    assert "https://" not in html and "http://" not in html
    assert rutas["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# ------------------------------------------------------------------ retroalimentación

def test_retroalimentacion_escapa_lo_del_participante():
    cuaderno = {"cells": [
        {"cell_type": "markdown", "source": "# Ejercicio 2: Conteos y tasas", "metadata": {}},
        {"cell_type": "code", "source": "respuesta = '<script>alert(1)</script>'", "outputs": [
            {"output_type": "display_data", "data": {"text/html": '<img src="https://cdn.example/x.png">',
                                                     "text/plain": "<b>hola</b>"}}],
         "metadata": {"nbgrader": {"grade_id": "tasa-por-100k", "solution": True, "grade": False}}},
        {"cell_type": "code", "source": '"""Prueba visible."""\nassert False', "outputs": [
            {"output_type": "error", "ename": "AssertionError", "evalue": "Pista: falta multiplicar por 100,000.",
             "traceback": ["\x1b[0;31mAssertionError\x1b[0m: Pista: falta multiplicar por 100,000."]}],
         "metadata": {"nbgrader": {"grade_id": "prueba-visible", "grade": True, "solution": False, "points": 1}}},
        {"cell_type": "markdown", "source": "<a href='https://malo.example'>clic</a>",
         "metadata": {"nbgrader": {"grade_id": "reflexion", "grade": True, "solution": True, "points": 3}}},
    ]}
    notas = {"prueba-visible": {"puntaje": 0.0, "maximo": 1.0, "auto": 0.0, "manual": None, "revisar": False},
             "reflexion": {"puntaje": 0.0, "maximo": 3.0, "auto": None, "manual": None, "revisar": True}}
    html = retroalimentacion.construir_html(cuaderno, notas, nombre="María <Ñahui>", ejercicio=EJERCICIO)
    assert html.startswith("<!DOCTYPE html>") and '<html lang="es">' in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "https://" not in html.replace("&#39;https://malo.example&#39;", "")
    assert "María &lt;Ñahui&gt;" in html
    assert "Pista: falta multiplicar por 100,000." in html and "\x1b" not in html
    assert "0 de 1 punto<" in html and "Pendiente de revisión (3 puntos)" in html
    assert "0 de 1" in html and "Retroalimentación: Ejercicio 2: Conteos y tasas" in html


# ------------------------------------------------------------------ la orden

def test_ayuda_en_espanol(capsys):
    from lideres.cli import main

    with pytest.raises(SystemExit):
        main(["curso", "--help"])
    salida = capsys.readouterr().out
    for palabra in ("asignar", "recoger", "calificar", "reporte", "subórdenes"):
        assert palabra in salida


def test_curso_nuevo_recibe_configuracion(tmp_path, capsys):
    from lideres.cli import main

    carpeta = tmp_path / "cohorte 2025"
    assert main(["curso", "asignar", EJERCICIO, "--curso", str(carpeta)]) == 0
    salida = capsys.readouterr()
    assert "no tenía nbgrader_config.py" in salida.out
    assert (carpeta / "release" / EJERCICIO / f"{EJERCICIO}.ipynb").exists()
    assert (carpeta / "nbgrader_config.py").exists()
    assert (carpeta / "source" / EJERCICIO / f"{EJERCICIO}.ipynb").exists()
    assert "Traceback" not in salida.err


# ------------------------------------------------------------------ intercambio de nbgrader

@pytest.mark.lento
def test_asignar_publica_en_el_intercambio_cuando_esta_configurado(tmp_path, capsys):
    """Con Exchange.root en la configuración, asignar también deja el ejercicio en el intercambio."""
    from lideres import cli
    from lideres.curso import motor

    curso, _ = motor.preparar_curso(tmp_path / "curso")
    intercambio = tmp_path / "intercambio"
    intercambio.mkdir()
    with open(curso / "nbgrader_config.py", "a", encoding="utf-8") as config:
        config.write(f"\nc.Exchange.root = {str(intercambio)!r}\n")
    assert cli.main(["curso", "asignar", EJERCICIO, "--curso", str(curso)]) == 0
    assert "intercambio de nbgrader" in capsys.readouterr().out
    publicado = intercambio / "escuela_lideres" / "outbound" / EJERCICIO / f"{EJERCICIO}.ipynb"
    assert publicado.is_file()
    assert "### BEGIN SOLUTION" not in publicado.read_text(encoding="utf-8")


def test_solo_asignar_crea_un_curso_nuevo(tmp_path, capsys):
    from lideres import cli

    mal_escrito = tmp_path / "cohrte_2026"
    for orden in (["reporte"], ["calificar", EJERCICIO], ["recoger", EJERCICIO, str(tmp_path)]):
        assert cli.main(["curso", *orden, "--curso", str(mal_escrito)]) == 1
        assert "no es un curso" in capsys.readouterr().err
    assert not mal_escrito.exists()


def test_sin_libro_de_notas_no_se_crea_uno_vacio(tmp_path, capsys):
    """nbgrader crearía un gradebook.db vacío en silencio; el error dice cómo asignar en ESA carpeta."""
    from lideres import cli
    from lideres.curso import motor

    curso, _ = motor.preparar_curso(tmp_path / "cohorte")
    assert cli.main(["curso", "reporte", "--curso", str(curso)]) == 1
    error = capsys.readouterr().err
    assert "todavía no tiene libro de notas" in error and f'--curso "{curso}"' in error
    assert "Traceback" not in error
    assert not (curso / "gradebook.db").exists()
    with pytest.raises(ErrorLideres, match="libro de notas"):
        motor.puntajes_por_celda(curso, EJERCICIO)
    assert not (curso / "gradebook.db").exists()


def test_curso_nuevo_sin_configuracion_del_proyecto(tmp_path, monkeypatch):
    """Sin exercises/nbgrader_config.py no se inventa una configuración a medias."""
    from lideres import rutas
    from lideres.curso import motor

    monkeypatch.setattr(rutas, "CURSO", tmp_path / "proyecto_sin_ejercicios")
    with pytest.raises(ErrorLideres, match="Falta la configuración"):
        motor.preparar_curso(tmp_path / "cohorte")
    assert not (tmp_path / "cohorte" / "nbgrader_config.py").exists()


def test_recoger_sin_entregas_explica_que_revisar(tmp_path, capsys):
    from lideres import cli
    from lideres.curso import motor

    curso, _ = motor.preparar_curso(tmp_path / "cohorte")
    vacia = tmp_path / "usb"
    (vacia / "Rosa Quispe").mkdir(parents=True)
    (vacia / "Rosa Quispe" / "foto.jpg").write_bytes(b"\xff\xd8")
    (vacia / "Juan Pérez").mkdir()
    assert cli.main(["curso", "recoger", EJERCICIO, str(vacia), "--curso", str(curso)]) == 0
    salida = capsys.readouterr().out
    assert "No se recogió ninguna entrega" in salida and "Rosa Quispe" in salida
    assert "una subcarpeta por participante" in salida
    assert "Siguiente paso" not in salida and "Recogidas 0" not in salida


def test_huellas_detectan_cambios_sin_releer_todo(tmp_path, monkeypatch):
    """Sin bwrap se vigila el curso mientras se califica: un archivo cambiado (aunque conserve
    tamaño y fecha) se detecta y se restaura; los que no cambiaron no se vuelven a leer."""
    import os

    from lideres.curso import motor

    curso = _curso(tmp_path)
    entregado = _cuaderno(curso / "submitted" / "rosa" / EJERCICIO / f"{EJERCICIO}.ipynb")
    (curso / "gradebook.db").write_bytes(b"libro")
    respaldo = tmp_path / "respaldo"
    vistos: dict = {}
    huellas = motor._respaldar(curso, respaldo, vistos)
    leidos = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: leidos.append(self.name) or original(self))
    assert motor._restaurar_si_cambio(curso, respaldo, huellas, vistos) == []
    assert leidos == []  # nada cambió: nada se volvió a leer

    antes = entregado.stat()
    contenido = entregado.read_text(encoding="utf-8")
    entregado.write_text(contenido.replace("cells", "celda"), encoding="utf-8")  # mismo tamaño
    os.utime(entregado, ns=(antes.st_atime_ns, antes.st_mtime_ns))  # y la misma fecha
    (curso / "gradebook.db").unlink()
    cambiados = motor._restaurar_si_cambio(curso, respaldo, huellas, vistos)
    assert sorted(cambiados) == ["gradebook.db", f"submitted/rosa/{EJERCICIO}/{EJERCICIO}.ipynb"]
    assert entregado.read_text(encoding="utf-8") == contenido
    assert (curso / "gradebook.db").read_bytes() == b"libro"


def test_puntos_con_un_solo_formato():
    assert retroalimentacion.puntos(6.0) == "6" and retroalimentacion.puntos(2.5) == "2.5"
    assert retroalimentacion.puntos(None) == "—" and retroalimentacion.puntos(float("nan")) == "—"
    assert retroalimentacion.puntos(1234) == "1,234"
    assert retroalimentacion.puntos_de(0, 1) == "0 de 1 punto"
    assert retroalimentacion.puntos_de(6, 9) == "6 de 9 puntos"


def test_retroalimentacion_muestra_la_fecha_de_calificacion():
    import datetime as dt

    html = retroalimentacion.construir_html(CUADERNO_MINIMO, {}, nombre="Rosa", ejercicio=EJERCICIO,
                                            cuando=dt.date(2025, 5, 1))
    assert "1 de mayo de 2025" in html
    info = {"fecha": "2025-05-01T15:00:00+00:00"}
    assert retroalimentacion._fecha_de_calificacion(info, Path("no-se-usa")) == dt.date(2025, 5, 1)
