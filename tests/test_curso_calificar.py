"""Calificar en serio: donde sea que viva el proyecto, sin perder el trabajo del facilitador, y
diciendo la verdad cuando el problema es de la computadora que califica."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from lideres import rutas
from lideres.cli import main
from lideres.curso import aislamiento, carpeta, motor, recoger
from tests import ejemplos

EJERCICIO = "02_conteos_y_tasas"
NB = f"{EJERCICIO}.ipynb"
REFLEXION = "reflexion-junta-vecinal"
pytestmark = pytest.mark.lento


def _correr(*argumentos) -> tuple[int, str]:
    antes = (sys.stdout, sys.stderr)
    sys.stdout = sys.stderr = salida = io.StringIO()
    try:
        codigo = main(["curso", *argumentos])
    finally:
        sys.stdout, sys.stderr = antes
    return codigo, salida.getvalue()


def _entregar(carpeta_entregas: Path, nombre: str, cuaderno: dict) -> None:
    ejemplos.escribir(cuaderno, carpeta_entregas / nombre / NB)


@pytest.fixture(scope="module")
def asignado(tmp_path_factory) -> Path:
    """Un curso con el ejercicio asignado (se copia para cada prueba: asignar corre nbgrader)."""
    curso, _ = motor.preparar_curso(tmp_path_factory.mktemp("asignado") / "curso")
    motor.asignar(curso, EJERCICIO)
    return curso.raiz


@pytest.fixture
def curso(asignado, tmp_path) -> carpeta.Curso:
    destino = tmp_path / "curso"
    shutil.copytree(asignado, destino)
    return carpeta.Curso(destino)


def _liberado(curso) -> dict:
    return ejemplos.leer(curso.release / EJERCICIO / NB)


# ---------------------------------------------------------------- donde sea que viva el proyecto

def _clonar_proyecto(destino: Path) -> None:
    """Lo que hace falta para calificar: el paquete, los ejercicios y los datos (sin git ni entorno)."""
    for nombre in ("lideres", "data"):
        shutil.copytree(rutas.RAIZ / nombre, destino / nombre,
                        ignore=shutil.ignore_patterns("__pycache__", "_build"))
    (destino / "exercises").mkdir(parents=True)
    shutil.copy2(rutas.CURSO / carpeta.CONFIG, destino / "exercises" / carpeta.CONFIG)
    shutil.copytree(rutas.CURSO / "source", destino / "exercises" / "source")


def _entorno_virtual(destino: Path, proyecto: Path) -> Path:
    """Un entorno virtual nuevo (rápido: sin pip) que ve el clon y las bibliotecas de este entorno."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(destino)], check=True,
                   capture_output=True)
    python = destino / "bin" / "python"
    sitio = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                           check=True, capture_output=True, text=True).stdout.strip()
    # primero el clon (su lideres), luego las bibliotecas instaladas aquí
    Path(sitio, "proyecto.pth").write_text(f"{proyecto}\n{sysconfig.get_paths()['purelib']}\n", encoding="utf-8")
    alembic = Path(sys.executable).parent / "alembic"  # nbgrader lo llama por nombre
    if alembic.exists():
        (destino / "bin" / "alembic").symlink_to(alembic)
    return python


@pytest.mark.parametrize("entorno_dentro", [True, False], ids=["entorno-en-el-clon", "entorno-aparte"])
def test_califica_desde_un_clon_en_tmp_con_espacios_y_tildes(tmp_path, entorno_dentro):
    """Como un facilitador nuevo: un clon bajo /tmp, en una carpeta con espacios y tildes, con el
    entorno dentro del proyecto (.venv) o en otra parte. Todas las entregas se califican."""
    proyecto = tmp_path / "Escuela de Líderes ñandú"
    _clonar_proyecto(proyecto)
    python = _entorno_virtual(proyecto / ".venv" if entorno_dentro else tmp_path / "entorno aparte", proyecto)
    entregas = tmp_path / "entregas"
    entorno = {k: v for k, v in os.environ.items() if not k.startswith(("LIDERES_", "PYTHON"))}
    entorno["PATH"] = f"{python.parent}{os.pathsep}{entorno.get('PATH', '')}"

    def lideres(*argumentos):
        hecho = subprocess.run([str(python), "-m", "lideres.cli", "curso", *argumentos], cwd=tmp_path,
                               env=entorno, capture_output=True, text=True, timeout=600, check=False)
        assert hecho.returncode == 0, hecho.stdout + hecho.stderr
        return hecho.stdout

    lideres("asignar", EJERCICIO)
    liberado = ejemplos.leer(proyecto / "exercises" / "release" / EJERCICIO / NB)
    _entregar(entregas, "Rosa Quispe", ejemplos.responder(liberado, ejemplos.CORRECTAS_02))
    _entregar(entregas, "Juan Pérez", liberado)
    lideres("recoger", EJERCICIO, str(entregas))
    salida = lideres("calificar", EJERCICIO)
    assert "NO CALIFICADO" not in salida, salida
    assert "Listo: 2 de 2 entregas calificadas." in salida
    if aislamiento.disponible():
        assert "aisladas con bwrap" in salida  # el aislamiento encontró el Python del clon
    estado = json.loads((proyecto / "exercises" / "reportes" / carpeta.ESTADO).read_text(encoding="utf-8"))
    assert {i["estado"] for i in estado[EJERCICIO].values()} == {"calificado"}


def test_rutas_necesarias_incluyen_el_entorno_y_el_paquete():
    import lideres

    necesarias = aislamiento.rutas_necesarias()
    for ruta in (Path(sys.prefix), Path(sys.base_prefix), Path(lideres.__file__).parent.resolve()):
        assert ruta.resolve() in necesarias or ruta in necesarias


def test_sin_aislamiento_lo_dice_en_espanol(monkeypatch):
    monkeypatch.setenv(aislamiento.SIN_BWRAP, "1")
    assert not aislamiento.disponible()
    aviso = aislamiento.aviso_sin_aislamiento()
    assert aviso.startswith("Aviso:") and "de una en una" in aviso and aislamiento.SIN_BWRAP in aviso


def test_primera_linea_util_del_registro():
    registro = ("[AutogradeApp | INFO] Copying x\n"
                "bwrap: execvp /tmp/c/.venv/bin/python: No such file or directory\n"
                "[AutogradeApp | ERROR] otra cosa\n")
    assert aislamiento.primera_linea_util(registro).startswith("bwrap: execvp")


def test_si_todas_fallan_igual_el_problema_es_de_la_maquina(curso, tmp_path, monkeypatch):
    """Una falla técnica que toca a todas las entregas no se le cobra a los participantes."""
    liberado = _liberado(curso)
    entregas = tmp_path / "entregas"
    for nombre in ("Ana Uno", "Beto Dos", "Carla Tres"):
        _entregar(entregas, nombre, liberado)
    recoger.recoger(curso, EJERCICIO, entregas)
    roto = (False, "[AutogradeApp | INFO] algo\nbwrap: execvp /tmp/x/.venv/bin/python: No such file or directory\n",
            False)
    monkeypatch.setattr(motor, "_correr_proceso", lambda *a, **k: roto)
    monkeypatch.setattr(motor._Trabajador, "calificar", lambda *a, **k: roto)
    codigo, salida = _correr("calificar", EJERCICIO, "--curso", str(curso))
    assert codigo == 0, salida
    assert "el problema está en esta computadora de calificación" in salida
    assert "bwrap: execvp /tmp/x/.venv/bin/python" in salida
    assert "pide que las envíen de nuevo" not in salida


# ---------------------------------------------------------------- el trabajo del facilitador

def _autogrades(curso) -> list[str]:
    """Participantes que pasaron por nbgrader, según el registro."""
    return [linea.rsplit("· ", 1)[1].strip(" =") for linea in curso.registro.read_text(encoding="utf-8").splitlines()
            if linea.startswith("=====") and f"autograde {EJERCICIO}" in linea]


def test_recoger_tarde_no_recalifica_ni_borra_notas_manuales(curso, tmp_path):
    liberado = _liberado(curso)
    correctas = ejemplos.responder(liberado, ejemplos.CORRECTAS_02)
    primera = tmp_path / "primera"
    _entregar(primera, "Ana Uno", correctas)
    _entregar(primera, "Beto Dos", liberado)
    recoger.recoger(curso, EJERCICIO, primera)
    assert _correr("calificar", EJERCICIO, "--curso", str(curso))[0] == 0

    with curso.libro() as gb:  # el facilitador califica a mano en el formgrader
        nota = gb.find_grade(REFLEXION, EJERCICIO, EJERCICIO, "ana-uno")
        nota.manual_score, nota.needs_manual_grade = 2, False
        gb.find_comment(REFLEXION, EJERCICIO, EJERCICIO, "ana-uno").manual_comment = "Bien pensado."
        gb.db.commit()
    curso.registro.unlink()

    # llega tarde Carla; Beto manda otra versión; Ana vuelve a llegar igual (otro recojo, mismo cuaderno)
    tarde = tmp_path / "tarde"
    _entregar(tarde, "Ana Uno", correctas)
    _entregar(tarde, "Beto Dos", ejemplos.responder(liberado, ejemplos.INCORRECTAS_02))
    _entregar(tarde, "Carla Tres", correctas)
    recoger.recoger(curso, EJERCICIO, tarde)
    codigo, salida = _correr("calificar", EJERCICIO, "--curso", str(curso))
    assert codigo == 0, salida
    assert sorted(_autogrades(curso)) == ["beto-dos", "carla-tres"]
    assert "1 no cambiaron desde la última vez" in salida
    with curso.libro() as gb:
        nota = gb.find_grade(REFLEXION, EJERCICIO, EJERCICIO, "ana-uno")
        assert (nota.manual_score, nota.needs_manual_grade) == (2, False)
        assert gb.find_comment(REFLEXION, EJERCICIO, EJERCICIO, "ana-uno").manual_comment == "Bien pensado."
        assert gb.find_submission(EJERCICIO, "carla-tres")
    estado = motor.leer_estado(curso)[EJERCICIO]
    assert {c: i["estado"] for c, i in estado.items()} == dict.fromkeys(["ana-uno", "beto-dos", "carla-tres"],
                                                                       "calificado")
    assert (curso.retroalimentacion("ana-uno", EJERCICIO) / f"{EJERCICIO}.html").exists()

    # Ana reescribe su reflexión: se califica de nuevo y esa nota vuelve a «por revisar», sin perderse
    otra = ejemplos.responder(liberado, {**ejemplos.CORRECTAS_02, REFLEXION: "Otra reflexión, más corta."})
    tercera = tmp_path / "tercera"
    _entregar(tercera, "Ana Uno", otra)
    recoger.recoger(curso, EJERCICIO, tercera)
    curso.registro.unlink()
    assert _correr("calificar", EJERCICIO, "--curso", str(curso))[0] == 0
    assert _autogrades(curso) == ["ana-uno"]
    with curso.libro() as gb:
        nota = gb.find_grade(REFLEXION, EJERCICIO, EJERCICIO, "ana-uno")
        assert (nota.manual_score, nota.needs_manual_grade) == (2, True)
        assert gb.find_comment(REFLEXION, EJERCICIO, EJERCICIO, "ana-uno").manual_comment == "Bien pensado."


def test_estado_danado_se_detiene_y_no_se_toca(curso, tmp_path):
    entregas = tmp_path / "entregas"
    _entregar(entregas, "Ana Uno", _liberado(curso))
    recoger.recoger(curso, EJERCICIO, entregas)
    curso.estado.parent.mkdir(parents=True, exist_ok=True)
    danado = b'{"02_conteos_y_tasas": {"ana-uno": {"estado": "calif'
    curso.estado.write_bytes(danado)
    for orden in (("calificar", EJERCICIO), ("reporte",)):
        codigo, salida = _correr(*orden, "--curso", str(curso))
        assert codigo == 1
        assert "está dañado" in salida and "No se cambió nada" in salida and "Traceback" not in salida
        assert curso.estado.read_bytes() == danado
    assert not curso.calificada("ana-uno", EJERCICIO).exists()  # se detuvo antes de calificar


def test_curso_es_la_carpeta_y_sabe_sus_partes(tmp_path):
    curso = carpeta.Curso(tmp_path / "c")
    assert Path(curso) == tmp_path / "c" and curso / "x" == tmp_path / "c" / "x" and str(curso) == str(tmp_path / "c")
    assert curso.entrega("ana", EJERCICIO) == tmp_path / "c" / "submitted" / "ana" / EJERCICIO
    assert curso.estado == tmp_path / "c" / "reportes" / "calificacion.json"
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / carpeta.CONFIG).write_text(
        'c = get_config()\nc.CourseDirectory.submitted_directory = "entregas"\nc.CourseDirectory.course_id = "x"\n',
        encoding="utf-8")
    otro = carpeta.Curso(tmp_path / "c")
    assert otro.submitted == tmp_path / "c" / "entregas" and otro.id == "x"  # como lo configura nbgrader


def test_sin_ciclos_de_importacion_en_curso():
    """motor no importa la retroalimentación; los puntos no importan nada del curso."""
    import ast

    def importa(modulo: str) -> set[str]:
        arbol = ast.parse((rutas.RAIZ / "lideres" / "curso" / f"{modulo}.py").read_text(encoding="utf-8"))
        nombres = set()
        for nodo in ast.walk(arbol):
            if isinstance(nodo, ast.ImportFrom) and nodo.module:
                nombres |= {f"{nodo.module}.{a.name}" for a in nodo.names} | {nodo.module}
            elif isinstance(nodo, ast.Import):
                nombres |= {a.name for a in nodo.names}
        return nombres

    assert not any("retroalimentacion" in n for n in importa("motor"))
    assert not any(n.startswith("lideres.curso") for n in importa("puntos"))
    assert not any(n.startswith("lideres.curso.motor") for n in importa("retroalimentacion") | importa("reporte"))


# ---------------------------------------------------------------- recoger mientras entregan desde el celular

def test_recoger_mientras_entregan_desde_el_celular_no_pierde_a_nadie(curso, tmp_path, monkeypatch):
    """El facilitador recoge un USB mientras los celulares entregan: todos quedan en la lista de
    participantes y en submitted/ (recoger toma el candado del formulario)."""
    from lideres.curso import ids
    from lideres.formulario import entregas

    entregas.preparar_grupo(curso, "practica")
    grupo = entregas.leer_grupo(curso)["codigo"]
    celulares = [entregas.identificar(curso, f"Celular Número {i}", grupo, f"{i:04d}") for i in range(8)]
    usb = tmp_path / "usb"
    for i in range(8):
        _entregar(usb, f"Usb Número {i}", _liberado(curso))

    # 1. un celular entrega justo después de que recoger revisó la lista, mientras busca en el USB
    buscar = recoger.buscar_entregas

    def buscar_y_entregar(*argumentos, **opciones):
        hilo = threading.Thread(target=entregas.entregar, args=(curso, EJERCICIO, celulares[0], {}, {}))
        hilo.start()
        hilo.join()
        return buscar(*argumentos, **opciones)

    monkeypatch.setattr(recoger, "buscar_entregas", buscar_y_entregar)
    recoger.recoger(curso, EJERCICIO, usb)
    monkeypatch.setattr(recoger, "buscar_entregas", buscar)
    assert celulares[0].codigo in ids.leer_lista(curso)

    # 2. mientras el candado está tomado (un celular guardando), recoger espera
    with entregas.candado(curso):
        hilo = threading.Thread(target=recoger.recoger, args=(curso, EJERCICIO, usb))
        hilo.start()
        hilo.join(timeout=1)
        assert hilo.is_alive()
    hilo.join()

    # 3. los demás celulares y otro recojo del USB, de verdad a la vez
    inicio = threading.Barrier(8)

    def tarea(i):
        inicio.wait()
        if i == 0:
            return recoger.recoger(curso, EJERCICIO, usb)
        return entregas.entregar(curso, EJERCICIO, celulares[i], {}, {})

    with ThreadPoolExecutor(max_workers=8) as hilos:
        list(hilos.map(tarea, range(8)))

    lista = ids.leer_lista(curso)
    codigos = [p.codigo for p in celulares] + [ids.codigo(f"Usb Número {i}") for i in range(8)]
    for codigo in codigos:
        assert codigo in lista, codigo
        assert (curso.entrega(codigo, EJERCICIO) / NB).is_file(), codigo
    assert len(lista["usb-numero-0"]["recojos"][EJERCICIO]) == 3  # los tres recojos del USB
    carpetas = [p for p in (curso.recibidos / EJERCICIO).iterdir() if p.is_dir()]
    assert len(carpetas) == 3 + 8  # cada recojo y cada entrega del celular en su propia carpeta


# ---------------------------------------------------------------- Windows y macOS (sin bwrap, sin grupos de procesos)

_COMO_EN_WINDOWS = r"""
import os
import sys
import psutil  # antes de todo: su versión para Linux usa resource, y elige según sys.platform
sys.modules["resource"] = None  # como en Windows: ni límites por proceso ni candados fcntl
sys.modules["fcntl"] = None
from lideres.curso import lanzador, motor
assert lanzador.resource is None
lanzador.limitar()  # sin resource no limita nada, y no falla
del os.killpg  # sin grupos de procesos: se termina el árbol con psutil
import nbformat, nbgrader.api, nbgrader.utils  # ya importados: eligen su versión para este sistema
sys.platform = "win32"
resultados = motor.calificar(sys.argv[1], sys.argv[2], tiempo_celda=10, avisar=print)
for r in resultados:
    print("RESULTADO", r.codigo, r.estado, r.auto, r.maximo_auto)
"""


def test_sin_bwrap_ni_grupos_de_procesos_califica_con_tiempo_y_avisa_una_vez(curso, tmp_path):
    """Como en Windows (o macOS): sin bwrap, sin `resource`, `fcntl` ni `os.killpg`, cada entrega se
    califica en su propio proceso con tiempo máximo, lo que deja andando se termina, los puntajes son
    los de siempre y se avisa una sola vez (en español) que el aislamiento fuerte necesita Linux."""
    import psutil

    liberado = _liberado(curso)
    entregas = tmp_path / "entregas"
    _entregar(entregas, "Rosa Quispe", ejemplos.responder(liberado, ejemplos.CORRECTAS_02))
    _entregar(entregas, "Juan Pérez", liberado)
    marca = f"lideres-prueba-{os.getpid()}-huerfano"
    deja_un_proceso = "\n".join([
        "import subprocess, sys, time",
        f"subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)', {marca!r}],",
        "                 start_new_session=True)",  # ni siquiera en el grupo del kernel
        "time.sleep(3)",
        "respuesta = 250",
    ])
    _entregar(entregas, "Deja Proceso", ejemplos.responder(liberado, {"tasa-por-100k": deja_un_proceso}))
    recoger.recoger(curso, EJERCICIO, entregas)

    entorno = {k: v for k, v in motor.entorno_base().items() if k != aislamiento.SIN_BWRAP}
    hecho = subprocess.run([sys.executable, "-c", _COMO_EN_WINDOWS, str(curso), EJERCICIO], cwd=rutas.RAIZ,
                           env=entorno, capture_output=True, text=True, timeout=900, check=False)
    salida = hecho.stdout + hecho.stderr
    assert hecho.returncode == 0, salida
    assert salida.count("necesita Linux") == 1, salida  # una vez por calificación, no por entrega
    assert "(Windows)" in salida and "Traceback" not in salida
    resultados = {linea.split()[1]: linea.split()[2:] for linea in salida.splitlines()
                  if linea.startswith("RESULTADO")}
    estado, auto, maximo = resultados["rosa-quispe"]
    assert estado == "calificado" and float(auto) == float(maximo) > 0, salida
    assert resultados["juan-perez"][:2] == ["calificado", "0"], salida
    assert resultados["deja-proceso"][0] == "calificado" and float(resultados["deja-proceso"][1]) >= 2, salida
    huerfanos = [p for p in psutil.process_iter(["cmdline"]) if marca in (p.info["cmdline"] or [])]
    assert not huerfanos, "quedó andando un proceso que lanzó la entrega"


def test_sin_grupos_de_procesos_se_termina_el_arbol(monkeypatch):
    """Donde no hay os.killpg (Windows), un proceso que se pasa del tiempo se detiene con sus hijos y
    nietos (psutil), aunque un nieto se haya ido a otra sesión."""
    import psutil

    from lideres.curso import aislamiento

    monkeypatch.delattr(os, "killpg")
    padre = ("import subprocess, sys, time\n"
             "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)'], start_new_session=True)\n"
             "time.sleep(600)")
    proceso = subprocess.Popen([sys.executable, "-c", padre], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        arbol = psutil.Process(proceso.pid)
        for _ in range(300):
            if arbol.children(recursive=True):
                break
            time.sleep(0.1)
        hijos = arbol.children(recursive=True)
        assert hijos
        assert aislamiento.esperar(proceso, 1)  # se pasó del tiempo
        assert proceso.poll() is not None
        _, vivos = psutil.wait_procs(hijos, timeout=10)
        assert not vivos
    finally:
        proceso.kill()
