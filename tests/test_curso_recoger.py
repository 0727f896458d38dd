"""Nunca se pierde una entrega: la sesión de un facilitador, en el orden en que la hace de verdad.

El servidor del taller prepara el curso (`lideres taller --curso CARPETA`), los celulares entregan
por el formulario (una persona sin responder nada), y el facilitador intenta recoger desde cada lugar
al que podría apuntar: el curso mismo, su submitted/, una entrega, el libro de notas... Cada intento
se rechaza antes de tocar nada (todos los archivos quedan idénticos, byte a byte). Luego recoge un
USB mientras otro celular entrega, y `calificar` califica a todas.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import sys
import threading
import zipfile
from pathlib import Path

import nbformat
import pytest

from lideres import banco, rutas
from lideres.cli import main
from lideres.curso import ids, recoger
from lideres.curso.carpeta import Curso
from lideres.errores import ErrorLideres
from lideres.formulario import entregas
from lideres.formulario.widgets import FormularioEjercicio
from lideres.taller import ejercicios

EJERCICIO = "02_conteos_y_tasas"
NB = f"{EJERCICIO}.ipynb"


def _correr(*argumentos) -> tuple[int, str]:
    antes = (sys.stdout, sys.stderr)
    sys.stdout = sys.stderr = salida = io.StringIO()
    try:
        codigo = main(["curso", *map(str, argumentos)])
    finally:
        sys.stdout, sys.stderr = antes
    return codigo, salida.getvalue()


def _huellas(carpeta: Path) -> dict[str, str]:
    """Cada archivo y carpeta (también los vacíos) con su contenido: nada se borra, nada cambia."""
    huellas = {}
    for ruta in sorted(carpeta.rglob("*")):
        clave = str(ruta.relative_to(carpeta))
        huellas[clave] = hashlib.sha256(ruta.read_bytes()).hexdigest() if ruta.is_file() else "carpeta"
    return huellas


def _correctas() -> dict:
    return {p.id: list(p.respuesta) if isinstance(p.respuesta, list) else str(p.respuesta)
            for p in banco.cargar(EJERCICIO).preguntas}


def _celular(curso: Path, nombre: str, clave: str) -> FormularioEjercicio:
    """Un celular que abre el formulario (cada página es un kernel con su propio formulario)."""
    form = FormularioEjercicio(EJERCICIO, curso)
    form.nombre.value, form.codigo.value, form.clave.value = nombre, entregas.leer_grupo(curso)["codigo"], clave
    form.boton_entrar.click()
    assert form.preguntas_caja.layout.display == "flex", form.mensaje_entrada.value
    return form


def _responder_todo(form: FormularioEjercicio) -> None:
    correctas = _correctas()
    for control in form.controles:
        control.poner(correctas[control.id])


@pytest.fixture(scope="module")
def taller(tmp_path_factory):
    """Lo que hace `lideres taller --curso CARPETA` al iniciar, con la página de un solo ejercicio."""
    base = tmp_path_factory.mktemp("sesion")
    paginas = base / "cuadernos" / ejercicios.CARPETA_EJERCICIOS
    paginas.mkdir(parents=True)
    shutil.copy2(rutas.CUADERNOS / ejercicios.CARPETA_EJERCICIOS / NB, paginas / NB)
    antes = os.environ.get(entregas.VARIABLE_CURSO)
    datos = ejercicios.preparar_entregas(base / "Taller de Ñaña" / "curso", base / "cuadernos", "practica",
                                         lambda _texto: None)
    yield Curso.de(datos["curso"])
    if antes is None:
        os.environ.pop(entregas.VARIABLE_CURSO, None)
    else:
        os.environ[entregas.VARIABLE_CURSO] = antes


def _lugares_peligrosos(curso: Curso) -> list[Path]:
    """Todo lo que un facilitador podría escribir como origen y que es (o contiene) el curso."""
    ana = curso.entrega("ana-nunez", EJERCICIO)
    copia = next(curso.recibidos.glob(f"{EJERCICIO}/*/ana-nunez"))
    return [
        curso.submitted, curso.submitted / "ana-nunez", ana, ana / NB,   # lo que dice el servidor
        curso.recibidos, curso.recibidos / EJERCICIO, copia.parent, copia / NB,
        curso.raiz, curso.raiz.parent, curso.raiz.parent.parent,
        curso.release, curso.release / EJERCICIO, curso.source / EJERCICIO,
        curso.ruta_libro, curso.lista, curso.raiz / entregas.CARPETA,
        curso.autograded, curso.feedback, curso.reportes,
    ]


def test_sesion_del_facilitador_no_pierde_ninguna_entrega(taller, tmp_path, monkeypatch):
    curso = taller
    # 1. Los celulares entregan: Ana todo bien; Beto sin responder nada.
    ana = _celular(curso, "Ana Núñez", "1234")
    _responder_todo(ana)
    ana.boton_entregar.click()
    assert "Entregado" in ana.estado.value
    beto = _celular(curso, "Beto Quispe", "5678")
    beto.boton_entregar.click()  # sin responder nada: el celular pide confirmar
    assert "No respondiste ninguna pregunta" in beto.estado.value and "Entregado" not in beto.estado.value
    assert not curso.entrega("beto-quispe", EJERCICIO).exists()
    beto.boton_en_blanco.click()
    assert "Entregado" in beto.estado.value and beto.boton_en_blanco.layout.display == "none"
    assert (curso.entrega("ana-nunez", EJERCICIO) / NB).is_file()
    assert (curso.entrega("beto-quispe", EJERCICIO) / NB).is_file()

    # 2. El facilitador lee «Las entregas llegan a …/submitted» e intenta recoger desde ahí (y desde
    #    todo lugar parecido): se rechaza antes de tocar nada.
    (tmp_path / "atajo").symlink_to(curso.submitted)
    antes = _huellas(curso.raiz.parent)
    for lugar in [*_lugares_peligrosos(curso), tmp_path / "atajo"]:
        codigo, salida = _correr("recoger", EJERCICIO, lugar, "--curso", curso)
        assert codigo == 1, (lugar, salida)
        assert "No se tocó nada" in salida or "No existe" in salida, (lugar, salida)
        assert "Traceback" not in salida and "envíen de nuevo" not in salida, salida
        assert _huellas(curso.raiz.parent) == antes, f"recoger desde {lugar} cambió el curso"
    _, salida = _correr("recoger", EJERCICIO, curso.submitted, "--curso", curso)
    assert "ya están en el curso" in salida and "No hace falta recogerlas" in salida
    assert f"lideres curso calificar {EJERCICIO}" in salida

    # 3. Sin decir de dónde: explica qué falta y que lo del celular no se recoge.
    codigo, salida = _correr("recoger", EJERCICIO, "--curso", curso)
    assert codigo == 1 and "no las dos" not in salida and "Falta decir de dónde recoger" in salida
    assert "celulares no se recogen" in salida

    # 4. Recoge un USB (carpeta y .zip) mientras Dora entrega desde su celular.
    liberado = curso.release / EJERCICIO
    usb = tmp_path / "USB"
    cuaderno = banco.cuaderno_con_respuestas(liberado, {"tasa-por-100k": 250.0}, EJERCICIO)
    (usb / "Carla Pérez").mkdir(parents=True)
    nbformat.write(cuaderno, usb / "Carla Pérez" / NB)
    with zipfile.ZipFile(tmp_path / "entregas.zip", "w") as zf:
        zf.write(usb / "Carla Pérez" / NB, f"Carla Pérez/{NB}")
    del_usb = _huellas(tmp_path)
    dora = _celular(curso, "Dora Ccori", "1111")
    _responder_todo(dora)
    buscar = recoger.buscar_entregas

    def buscar_mientras_dora_entrega(*argumentos, **opciones):
        hilo = threading.Thread(target=dora.boton_entregar.click)
        hilo.start()
        hilo.join()
        return buscar(*argumentos, **opciones)

    de_ana = (curso.entrega("ana-nunez", EJERCICIO) / NB).read_bytes()
    monkeypatch.setattr(recoger, "buscar_entregas", buscar_mientras_dora_entrega)
    codigo, salida = _correr("recoger", EJERCICIO, usb, "--curso", curso)
    monkeypatch.setattr(recoger, "buscar_entregas", buscar)
    assert codigo == 0 and "Carla Pérez" in salida, salida
    assert "Entregado" in dora.estado.value
    codigo, salida = _correr("recoger", EJERCICIO, tmp_path / "entregas.zip", "--curso", curso)
    assert codigo == 0 and "Carla Pérez" in salida, salida
    assert _huellas(tmp_path) == del_usb  # los originales del USB, intactos
    assert (curso.entrega("ana-nunez", EJERCICIO) / NB).read_bytes() == de_ana
    quienes = {p.parent.parent.name for p in curso.submitted.glob(f"*/{EJERCICIO}/{NB}")}
    assert quienes == {"ana-nunez", "beto-quispe", "carla-perez", "dora-ccori"}
    assert set(ids.leer_lista(curso)) == quienes

    # 5. Califica a todas.
    codigo, salida = _correr("calificar", EJERCICIO, "--curso", curso)
    assert codigo == 0 and "Listo: 4 de 4 entregas calificadas." in salida, salida
    from lideres.curso import motor

    puntos = motor.puntajes_por_celda(curso, EJERCICIO)
    automatico = {c: sum(a for a, _ in p.values() if a is not None) for c, p in puntos.items()}
    maximo = sum(m for a, m in puntos["ana-nunez"].values() if a is not None)
    assert automatico["ana-nunez"] == automatico["dora-ccori"] == maximo > 0
    assert automatico["beto-quispe"] == 0

    # 6. La retroalimentación de quien entregó por celular muestra sus respuestas, no el cuaderno.
    de_ana = (curso.retroalimentacion("ana-nunez", EJERCICIO) / f"{EJERCICIO}.html").read_text(encoding="utf-8")
    assert "Ver tus respuestas" in de_ana and "cuaderno completo" not in de_ana
    for cosa_del_cuaderno in ("Mayús", "import lideres", "base64", "respuesta =", "Shift"):
        assert cosa_del_cuaderno not in de_ana, cosa_del_cuaderno
    assert "Lince" in de_ana and "b) " in de_ana and "San Juan de Lurigancho" in de_ana  # lo que respondió
    de_beto = (curso.retroalimentacion("beto-quispe", EJERCICIO) / f"{EJERCICIO}.html").read_text(encoding="utf-8")
    assert "(sin respuesta)" in de_beto and "Escribe aquí" not in de_beto
    de_carla = (curso.retroalimentacion("carla-perez", EJERCICIO) / f"{EJERCICIO}.html").read_text(encoding="utf-8")
    assert "Ver tu cuaderno completo" in de_carla  # la del USB trabajó en el cuaderno: lo ve

    # 7. El reporte: títulos cortos del banco, y quien espera la escrita no sale «Bien».
    codigo, salida = _correr("reporte", "--curso", curso)
    assert codigo == 0, salida
    pagina = (curso.reportes / "avance.html").read_text(encoding="utf-8")
    assert "Pregunta 1. Tasa por 100 mil habitantes" in pagina and "**" not in pagina
    fila_ana = pagina.split('<th scope="row">Ana Núñez</th>')[1].split("</tr>")[0]
    assert "falta calificar la escrita" in fila_ana and "Bien" not in fila_ana
    ancho = int.from_bytes((curso.reportes / "avance.png").read_bytes()[16:20], "big")
    assert 1000 <= ancho <= 1280  # se lee sin achicar en una pantalla de 1 280 px

    # 8. Después de calificar, tampoco se recoge desde lo calificado ni la retroalimentación.
    antes = _huellas(curso.raiz.parent)
    for lugar in (curso.autograded, curso.feedback, curso.reportes / "..", curso.autograded / "ana-nunez"):
        codigo, salida = _correr("recoger", EJERCICIO, lugar, "--curso", curso)
        assert codigo == 1 and "No se tocó nada" in salida, (lugar, salida)
    assert _huellas(curso.raiz.parent) == antes


@pytest.mark.parametrize("relativa, frase", [
    ("submitted", "ya están en el curso"),
    ("submitted/ana/02", "ya están en el curso"),
    ("recibidos", "ya están en el curso"),
    (".", "es parte de la carpeta del curso"),
    ("..", "contiene la carpeta del curso"),
    ("autograded/ana", "es parte de la carpeta del curso"),
    ("feedback", "es parte de la carpeta del curso"),
    ("gradebook.db", "es parte de la carpeta del curso"),
])
def test_origen_dentro_del_curso_se_rechaza_sin_tocar_nada(tmp_path, relativa, frase):
    curso = tmp_path / "curso"
    (curso / "source" / EJERCICIO).mkdir(parents=True)
    (curso / "source" / EJERCICIO / NB).write_text("{}", encoding="utf-8")
    (curso / "submitted" / "ana" / "02").mkdir(parents=True)
    (curso / "submitted" / "ana" / "02" / NB).write_text("{}", encoding="utf-8")
    for carpeta in ("recibidos", "autograded/ana", "feedback"):
        (curso / carpeta).mkdir(parents=True)
    (curso / "gradebook.db").write_bytes(b"")
    antes = _huellas(tmp_path)
    with pytest.raises(ErrorLideres) as error:
        recoger.recoger(curso, EJERCICIO, curso / relativa)
    assert frase in error.value.mensaje and "No se tocó nada" in error.value.mensaje
    assert _huellas(tmp_path) == antes


def test_origen_fuera_del_curso_se_acepta(tmp_path):
    curso = tmp_path / "curso"
    recoger.revisar_origen(curso, EJERCICIO, tmp_path / "cursos")       # se parece, pero es otra
    recoger.revisar_origen(curso, EJERCICIO, tmp_path / "USB" / "entregas.zip")
