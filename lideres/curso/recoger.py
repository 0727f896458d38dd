"""Recoger entregas: una carpeta por participante (o un .zip de lo mismo), sin tocar los originales.

Así llegan los cuadernos al facilitador: por USB, correo o WhatsApp, con nombres cambiados
("Copia de ... (1).ipynb"), zips hechos en Mac (__MACOSX) o con una carpeta de más arriba.
Aquí solo se leen y copian archivos; nbgrader solo para traerlos de su intercambio (`--intercambio`).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lideres import rutas
from lideres.curso import ids
from lideres.curso.candado import candado
from lideres.curso.carpeta import Curso
from lideres.errores import ErrorLideres

# Archivos que los sistemas agregan solos y que no son entregas.
BASURA = {"__macosx", ".ds_store", "thumbs.db", "desktop.ini", ".ipynb_checkpoints", "__pycache__"}
MAX_ARCHIVO = 50 * 1024 * 1024     # un cuaderno de ejercicio pesa KB; 50 MB ya es sospechoso
MAX_ZIP_TOTAL = 500 * 1024 * 1024  # contra "bombas zip" que se inflan al descomprimir
NOTA_CELULAR = "Entregado desde el celular."


@dataclass
class Entrega:
    nombre: str                      # como lo escribió la persona (carpeta)
    codigo: str                      # id estable en ASCII
    archivos: dict[str, Path] = field(default_factory=dict)  # cuaderno esperado -> archivo original
    notas: list[str] = field(default_factory=list)
    celular: bool = False            # entregada desde el formulario del celular (no se recoge)


@dataclass
class Resumen:
    entregas: list[Entrega] = field(default_factory=list)
    avisos: list[str] = field(default_factory=list)   # lo que no se pudo recoger, con el motivo
    archivo: Path | None = None                        # carpeta donde quedó la copia de este recojo


def es_basura(nombre: str) -> bool:
    nombre = nombre.casefold()
    return nombre in BASURA or nombre.startswith("._") or nombre.startswith(".~")


# Letras que se esperan en nombres de personas y archivos en español (además de a–z y 0–9).
_LETRAS_ESPANOL = set("áéíóúüñÁÉÍÓÚÜÑ")
_CODIGOS_WINDOWS = ("cp850", "cp437")  # Windows en español usa 850; el de EE. UU., 437


def _plausibilidad(texto: str) -> int:
    """Cuántos caracteres parecen de un nombre en español; los de dibujo de cuadros o griegos restan."""
    puntos = 0
    for c in texto:
        if c.isascii() or c in _LETRAS_ESPANOL:
            puntos += 1
        else:
            puntos -= 2  # «╡ngel», «╓scar»: así se ve un nombre de 850 leído como 437
    return puntos


def decodificar_nombre(crudo: bytes) -> str:
    """Nombre de archivo de un zip sin la marca UTF-8: UTF-8 si lo es; si no, el código de página de
    Windows (850 o 437) que da letras de un nombre en español («Ángel Ñahuincopa Álvarez»)."""
    try:
        return crudo.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidatos = [crudo.decode(cp) for cp in _CODIGOS_WINDOWS]  # 850 primero: gana en un empate
    return max(candidatos, key=_plausibilidad)


def reparar_nombre(nombre: str) -> str:
    """Nombre de una carpeta ya extraída por otro programa: bytes sueltos (unzip de Linux) o letras
    cambiadas («╡ngel» por «Ángel», «Ã‰» por «É»): se recupera si así se lee mejor en español."""
    if any("\udc80" <= c <= "\udcff" for c in nombre):  # bytes que el sistema no pudo leer como UTF-8
        return decodificar_nombre(nombre.encode("utf-8", "surrogateescape"))
    if _plausibilidad(nombre) == len(nombre):
        return nombre
    for leido_como in ("cp437", "cp1252", "latin-1"):
        try:
            candidato = decodificar_nombre(nombre.encode(leido_como))
        except UnicodeEncodeError:
            continue
        if _plausibilidad(candidato) > _plausibilidad(nombre):
            return candidato
    return nombre


def _nombre_en_zip(info: zipfile.ZipInfo) -> str:
    """Los zips hechos en Windows guardan los nombres sin marca UTF-8, en el código de página del
    sistema (850 en español). zipfile los lee como 437: volvemos a los bytes y elegimos."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        crudo = info.filename.encode("cp437")
    except UnicodeEncodeError:  # zipfile ya usó otra codificación (metadata_encoding)
        return info.filename
    return decodificar_nombre(crudo)


def ruta_segura(nombre: str) -> PurePosixPath | None:
    """La ruta relativa dentro del zip, o None si intenta salir de la carpeta (zip-slip)."""
    nombre = nombre.replace("\\", "/")
    if nombre.startswith("/") or (len(nombre) > 1 and nombre[1] == ":"):
        return None
    partes = [p for p in PurePosixPath(nombre).parts if p not in ("", ".")]
    if not partes or any(p == ".." for p in partes):
        return None
    return PurePosixPath(*partes)


def extraer_zip(zip_ruta: Path, destino: Path) -> list[str]:
    """Extrae solo lo seguro; devuelve avisos en español sobre lo que se dejó fuera."""
    avisos: list[str] = []
    try:
        zf = zipfile.ZipFile(zip_ruta)
    except (zipfile.BadZipFile, OSError) as e:
        raise ErrorLideres(
            f"No se pudo abrir «{zip_ruta.name}» como zip ({e}).",
            como_arreglar="Vuelve a descargar o copiar el archivo; si sigue fallando, pide que lo envíen otra vez.",
        ) from None
    total = 0
    with zf:
        for info in zf.infolist():
            nombre = _nombre_en_zip(info)
            relativa = ruta_segura(nombre)
            if relativa is None:
                avisos.append(f"Se rechazó «{nombre}» dentro del zip: su ruta intenta salir de la carpeta.")
                continue
            if any(es_basura(p) for p in relativa.parts) or info.is_dir():
                continue
            if stat.S_ISLNK(info.external_attr >> 16):
                avisos.append(f"Se rechazó «{nombre}» dentro del zip: es un enlace, no un archivo.")
                continue
            if info.file_size > MAX_ARCHIVO:
                avisos.append(f"Se dejó fuera «{nombre}»: pesa demasiado para ser un cuaderno.")
                continue
            total += info.file_size
            if total > MAX_ZIP_TOTAL:
                avisos.append(f"El zip es demasiado grande; se dejó de extraer a partir de «{nombre}».")
                break
            salida = destino.joinpath(*relativa.parts)
            salida.parent.mkdir(parents=True, exist_ok=True)
            try:
                with zf.open(info) as origen, open(salida, "wb") as copia:
                    shutil.copyfileobj(origen, copia, 1024 * 1024)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as e:
                avisos.append(f"No se pudo extraer «{nombre}» ({e}).")
                salida.unlink(missing_ok=True)
    return avisos


def _hijos(carpeta: Path) -> tuple[list[Path], list[Path]]:
    carpetas, archivos = [], []
    for hijo in sorted(carpeta.iterdir()):
        if es_basura(hijo.name) or hijo.is_symlink():
            continue
        (carpetas if hijo.is_dir() else archivos).append(hijo)
    return carpetas, archivos


def _cuadernos(carpeta: Path) -> list[Path]:
    return sorted(
        p for p in carpeta.rglob("*")
        if p.suffix.lower() == ".ipynb" and p.is_file() and not p.is_symlink()
        and not any(es_basura(parte) for parte in p.relative_to(carpeta).parts)
    )


def _es_de_participante(carpeta: Path) -> bool:
    """Tiene un cuaderno suelto y no parece una carpeta de varias personas (2+ subcarpetas con cuadernos)."""
    carpetas, archivos = _hijos(carpeta)
    if not any(a.suffix.lower() == ".ipynb" for a in archivos):
        return False
    return sum(1 for c in carpetas if _cuadernos(c)) < 2


def raiz_de_entregas(carpeta: Path) -> Path:
    """Baja por carpetas "envoltorio" (p. ej. el zip trae entregas/ arriba) hasta la de participantes."""
    while True:
        carpetas, archivos = _hijos(carpeta)
        if any(a.suffix.lower() == ".ipynb" for a in archivos) or len(carpetas) != 1:
            return carpeta
        if _es_de_participante(carpetas[0]):
            return carpeta  # la única carpeta ya es de un participante
        carpeta = carpetas[0]


def buscar_entregas(carpeta: Path, esperados: list[str]) -> Resumen:
    """Encuentra, por participante, el archivo de cada cuaderno esperado (p. ej. '02_conteos_y_tasas')."""
    resumen = Resumen()
    raiz = raiz_de_entregas(carpeta)
    carpetas, archivos = _hijos(raiz)
    for suelto in archivos:
        if suelto.suffix.lower() == ".ipynb":
            resumen.avisos.append(
                f"«{suelto.name}» está suelto, sin carpeta de participante: no se recogió. "
                "Ponlo dentro de una carpeta con el nombre de la persona."
            )
    vistos: dict[str, str] = {}
    for sub in carpetas:
        nombre = ids.limpiar_nombre(reparar_nombre(sub.name))
        codigo = ids.codigo(nombre)
        if codigo in vistos:
            resumen.avisos.append(
                f"«{nombre}» y «{vistos[codigo]}» dan el mismo código ({codigo}): "
                f"se recogió solo «{vistos[codigo]}». Revisa si son la misma persona."
            )
            continue
        entrega = Entrega(nombre=nombre, codigo=codigo)
        encontrados = _cuadernos(sub)
        por_nombre = {p.stem: p for p in encontrados}
        for esperado in esperados:
            if esperado in por_nombre:
                entrega.archivos[esperado] = por_nombre[esperado]
            elif len(encontrados) == 1 and len(esperados) == 1:
                entrega.archivos[esperado] = encontrados[0]
                entrega.notas.append(
                    f"El archivo se llamaba «{encontrados[0].name}»; se tomó como {esperado}.ipynb."
                )
            elif not encontrados:
                entrega.notas.append(f"No hay ningún cuaderno (.ipynb) en su carpeta; falta {esperado}.ipynb.")
            else:
                lista = ", ".join(f"«{p.name}»" for p in encontrados)
                entrega.notas.append(
                    f"Hay {len(encontrados)} cuadernos ({lista}) y ninguno se llama {esperado}.ipynb: "
                    "no se sabe cuál es. Deja solo el correcto o cámbiale el nombre."
                )
        if entrega.archivos:
            vistos[codigo] = nombre
            resumen.entregas.append(entrega)
        else:
            resumen.avisos.append(f"{nombre}: " + " ".join(entrega.notas))
    return resumen


def cuadernos_del_ejercicio(curso: Path, ejercicio: str) -> list[str]:
    carpeta = Curso.de(curso).source / ejercicio
    nombres = sorted(p.stem for p in carpeta.glob("*.ipynb")) if carpeta.is_dir() else []
    if not nombres:
        raise ErrorLideres(
            f"El ejercicio «{ejercicio}» no existe en {Curso.de(curso).source}.",
            como_arreglar="Revisa el nombre (por ejemplo 02_conteos_y_tasas) o la carpeta --curso.",
        )
    return nombres


def _dentro(ruta: Path, carpeta: Path) -> bool:
    return ruta == carpeta or carpeta in ruta.parents


def revisar_origen(curso: Path, ejercicio: str, origen: Path) -> None:
    """Antes de tocar nada: no se recoge desde el curso mismo (sus entregas, notas, copias), ni desde
    una carpeta que lo contiene. Recoger borra y vuelve a escribir submitted/: si leyera de ahí,
    borraría lo que está leyendo."""
    c = Curso.de(curso)
    leida = Path(origen).expanduser().resolve()
    raiz = c.raiz.resolve()
    # Lo que llega del celular ya está en el curso: submitted/ (la última) y recibidos/ (cada versión).
    if any(_dentro(leida, carpeta.resolve()) for carpeta in (c.submitted, c.recibidos)):
        raise ErrorLideres(
            f"Las entregas de «{origen}» ya están en el curso: ahí llegan solas las de los celulares "
            "y quedan las que ya recogiste. No hace falta recogerlas. No se tocó nada.",
            como_arreglar=f"Califícalas: {rutas.orden_lideres(f'curso calificar {ejercicio}{c.opcion()}')}. "
            "«recoger» es solo para cuadernos que llegan por USB, correo o WhatsApp, en una carpeta o "
            "un .zip fuera del curso.")
    protegidas = [raiz, c.submitted, c.autograded, c.feedback, c.release, c.source, c.recibidos,
                  c.reportes, c.ruta_libro, c.lista]
    for protegida in (p.resolve() for p in protegidas):
        if _dentro(leida, protegida) or _dentro(protegida, leida):
            parte = "es parte de" if _dentro(leida, raiz) else "contiene"
            raise ErrorLideres(
                f"No se puede recoger desde «{origen}»: {parte} la carpeta del curso ({raiz}), donde "
                "están las entregas y las notas. No se tocó nada.",
                como_arreglar="Junta los cuadernos que llegaron por USB, correo o WhatsApp en una "
                "carpeta (una subcarpeta por participante) o un .zip fuera del curso, y recoge desde ahí.")


def recoger(curso: Path, ejercicio: str, origen: Path, *, ahora: dt.datetime | None = None) -> Resumen:
    """Copia las entregas al curso: archivo por recojo en recibidos/ y la última en submitted/.

    Nunca borra ni cambia lo que lee: un origen dentro del curso (o que lo contiene) se rechaza
    antes de tocar nada."""
    curso, origen = Path(curso), Path(origen)
    esperados = cuadernos_del_ejercicio(curso, ejercicio)
    if not origen.exists():
        raise ErrorLideres(f"No existe «{origen}».",
                           como_arreglar="Escribe la ruta de la carpeta o del .zip con las entregas.")
    revisar_origen(curso, ejercicio, origen)
    ids.leer_lista(curso)  # antes de copiar nada: si está dañada, se detiene sin dejar un recojo a medias
    ahora = ahora or dt.datetime.now(dt.UTC)
    sello = ahora.strftime("%Y-%m-%d_%H%M%S")
    with _candado(curso):  # el formulario del celular también crea carpetas de recojo
        archivo = Curso.de(curso).recibidos / ejercicio / sello
        n = 1
        while archivo.exists():  # dos recojos en el mismo segundo
            n += 1
            archivo = Curso.de(curso).recibidos / ejercicio / f"{sello}_{n}"
        archivo.mkdir(parents=True)

    with tempfile.TemporaryDirectory(prefix="lideres-recoger-") as temporal:
        avisos_zip: list[str] = []
        if origen.is_file():
            if origen.suffix.lower() != ".zip":
                shutil.rmtree(archivo)
                raise ErrorLideres(f"«{origen.name}» no es una carpeta ni un .zip.",
                                   como_arreglar="Pon las entregas en una carpeta por participante, o en un .zip.")
            shutil.copy2(origen, archivo / origen.name)  # el zip tal como llegó
            carpeta = Path(temporal)
            try:
                avisos_zip = extraer_zip(origen, carpeta)
            except ErrorLideres:
                shutil.rmtree(archivo)  # no queda un recojo a medias
                raise
        else:
            carpeta = origen
        resumen = buscar_entregas(carpeta, esperados)
        resumen.avisos[:0] = avisos_zip
        resumen.archivo = archivo
        with _candado(curso):  # la lista se vuelve a leer aquí: un celular pudo entregar mientras tanto
            _copiar(curso, ejercicio, resumen, archivo, ahora)
    marca = ahora.strftime("%Y-%m-%d %H:%M:%S.%f UTC")
    registro = {
        "ejercicio": ejercicio,
        "origen": str(origen),
        "fecha": marca,
        "entregas": [{"codigo": e.codigo, "nombre": e.nombre, "notas": e.notas} for e in resumen.entregas],
        "avisos": resumen.avisos,
    }
    (archivo / "recojo.json").write_text(json.dumps(registro, ensure_ascii=False, indent=2), encoding="utf-8")
    return resumen


def _candado(curso: Path):
    """El candado del formulario del celular (`lideres.curso.candado`): un celular que
    entrega mientras se recoge no pierde su entrega en participantes.json ni en submitted/."""
    return candado(curso)


def _copiar(curso: Path, ejercicio: str, resumen: Resumen, archivo: Path, ahora: dt.datetime,
            lista: dict | None = None) -> None:
    lista = ids.leer_lista(curso) if lista is None else lista
    marca = ahora.strftime("%Y-%m-%d %H:%M:%S.%f UTC")
    for entrega in resumen.entregas:
        guardado = archivo / entrega.codigo
        guardado.mkdir(parents=True, exist_ok=True)
        copias = {}
        for esperado, original in entrega.archivos.items():
            copia = guardado / original.name
            if not copia.exists():
                shutil.copy2(original, copia)  # copiar, nunca mover: el original queda como llegó
            copias[esperado] = copia
        # submitted/ se arma desde la copia de recibidos/, no desde el original: aunque el original
        # estuviera dentro de submitted/, ya quedó a salvo antes de borrar nada.
        destino = Curso.de(curso).entrega(entrega.codigo, ejercicio)
        if destino.exists():
            shutil.rmtree(destino)  # queda la copia anterior en recibidos/; se califica la última
        destino.mkdir(parents=True)
        for esperado, copia in copias.items():
            shutil.copyfile(copia, destino / f"{esperado}.ipynb")
        (destino / "timestamp.txt").write_text(marca, encoding="utf-8")
        datos = lista.setdefault(entrega.codigo, {})
        datos.setdefault("nombre", entrega.nombre)
        datos.setdefault("recojos", {}).setdefault(ejercicio, []).append({
            "fecha": marca,
            "carpeta": str(guardado.relative_to(curso)),
            "archivos": sorted(p.name for p in entrega.archivos.values()),
            "notas": entrega.notas,
            **({"celular": True} if entrega.celular else {}),
        })
    ids.guardar_lista(curso, lista)


def notas_del_ultimo_recojo(lista: dict, codigo: str, ejercicio: str) -> list[str]:
    recojos = ((lista.get(codigo) or {}).get("recojos") or {}).get(ejercicio) or []
    return list(recojos[-1].get("notas") or []) if recojos else []


def del_celular(lista: dict, codigo: str, ejercicio: str) -> bool:
    """Si la última entrega de esa persona llegó desde el formulario del celular (no por un recojo).
    Las anotadas antes de que existiera la marca «celular» se reconocen por su nota."""
    recojos = ((lista.get(codigo) or {}).get("recojos") or {}).get(ejercicio) or []
    if not recojos or not isinstance(recojos[-1], dict):
        return False
    ultimo = recojos[-1]
    return bool(ultimo.get("celular")) or NOTA_CELULAR in (ultimo.get("notas") or [])


# ---------------------------------------------------------------- desde el intercambio de nbgrader

def configuracion_nbgrader(curso: Path):
    """La configuración de nbgrader como la ve `nbgrader` corriendo en la carpeta del curso: la de
    Jupyter (p. ej. /etc/jupyter o JUPYTER_CONFIG_PATH, donde un hub pone Exchange.root) y encima la
    del curso."""
    from jupyter_core.paths import jupyter_config_path
    from traitlets.config import Config
    from traitlets.config.loader import ConfigFileNotFound, PyFileConfigLoader

    config = Config()
    for carpeta in [*reversed(jupyter_config_path()), str(curso)]:  # de menor a mayor prioridad
        try:
            config.merge(PyFileConfigLoader("nbgrader_config.py", path=carpeta).load_config())
        except ConfigFileNotFound:
            continue
        except Exception as e:  # archivo con errores: traitlets da varios tipos
            raise ErrorLideres(f"No se pudo leer {Path(carpeta) / 'nbgrader_config.py'} ({e}).",
                               como_arreglar="Corrige ese archivo de configuración y vuelve a recoger.") from None
    return config


def recoger_intercambio(curso: Path, ejercicio: str, *, ahora: dt.datetime | None = None) -> Resumen:
    """Recoge del intercambio de nbgrader (Exchange.root, lo que usan JupyterHub y la pestaña
    «Assignments» de JupyterLab) la última entrega de cada participante, y sigue como `recoger`.

    nbgrader (`ExchangeCollect`) copia las entregas a un curso temporal; de ahí se arma una carpeta
    por participante, que `recoger` trata como cualquier otra: mismos nombres, copia en recibidos/,
    y la última entrega en submitted/."""
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange import ExchangeError, ExchangeFactory

    curso = Path(curso)
    cuadernos_del_ejercicio(curso, ejercicio)
    config = configuracion_nbgrader(curso)
    raiz: Path | None = None
    with tempfile.TemporaryDirectory(prefix="lideres-intercambio-") as temporal:
        temporal = Path(temporal)
        config.CourseDirectory.root = str(temporal / "curso")
        config.CourseDirectory.assignment_id = ejercicio
        config.CourseDirectory.student_id = "*"  # todas, aunque la configuración del hub diga una persona
        config.CourseDirectory.db_url = f"sqlite:///{temporal / 'curso' / 'gradebook.db'}"
        (temporal / "curso").mkdir()
        # nbgrader solo lee del libro de notas la fecha límite: una copia (el real no se toca).
        shutil.copy2(Curso.de(curso).exigir_libro(ejercicio), temporal / "curso" / "gradebook.db")
        registro = io.StringIO()
        log = logging.Logger("lideres.recoger.intercambio")  # suelto: no cambia el registro del proceso
        log.addHandler(logging.StreamHandler(registro))
        log.setLevel(logging.INFO)
        try:
            carpetas = CourseDirectory(config=config, log=log)
            if not carpetas.course_id:
                raise ErrorLideres("El curso no tiene id (CourseDirectory.course_id en nbgrader_config.py).",
                                   como_arreglar="Es el mismo id que usa el intercambio, p. ej. escuela_lideres.")
            fabrica = ExchangeFactory(config=config)
            recojo = fabrica.Collect(coursedir=carpetas, authenticator=Authenticator(config=config, log=log),
                                     config=config, log=log)
            raiz = Path(recojo.root)
            recojo.start()
        except ExchangeError:
            entrada = (raiz or Path("?")) / carpetas.course_id / "inbound"
            raise ErrorLideres(
                f"No se pudo recoger del intercambio de nbgrader ({entrada}).",
                como_arreglar="Revisa Exchange.root y CourseDirectory.course_id en nbgrader_config.py "
                "(deben ser los mismos que usan los participantes) y que el ejercicio esté asignado "
                f"({rutas.orden_lideres(f'curso asignar {ejercicio}')}). Detalle: {registro.getvalue().strip()[-300:]}") from None
        finally:
            _anotar_registro(curso, f"recoger {ejercicio} --intercambio", registro.getvalue())
        # Una carpeta por participante con sus cuadernos, como la que llega por USB o zip.
        entregas = temporal / "entregas"
        entregas.mkdir()
        recogidas = Path(carpetas.root) / Path(carpetas.submitted_directory)
        enviadas: dict[str, str] = {}  # nombre -> cuándo envió (timestamp.txt de nbgrader)
        for carpeta in sorted(recogidas.glob(f"*/{ejercicio}")) if recogidas.is_dir() else []:
            destino = entregas / carpeta.parent.name
            destino.mkdir()
            for cuaderno in carpeta.glob("*.ipynb"):
                shutil.copy2(cuaderno, destino / cuaderno.name)
            sello = carpeta / "timestamp.txt"
            if sello.is_file():
                enviadas[ids.limpiar_nombre(reparar_nombre(carpeta.parent.name))] = sello.read_text("utf-8").strip()
        resumen = recoger(curso, ejercicio, entregas, ahora=ahora)
    # Para nbgrader (entregas tardías) cuenta cuándo la persona envió, no cuándo se recogió.
    with _candado(curso):  # submitted/ se cambia con el candado del formulario del celular
        for entrega in resumen.entregas:
            if entrega.nombre in enviadas:
                Curso.de(curso).entrega(entrega.codigo, ejercicio).joinpath("timestamp.txt").write_text(
                    enviadas[entrega.nombre], encoding="utf-8")
    origen = f"intercambio de nbgrader: {Path(raiz or '?') / carpetas.course_id}"
    registro_recojo = resumen.archivo / "recojo.json"
    datos = json.loads(registro_recojo.read_text(encoding="utf-8"))
    datos["origen"] = origen
    registro_recojo.write_text(json.dumps(datos, ensure_ascii=False, indent=2), encoding="utf-8")
    return resumen


def _anotar_registro(curso: Path, titulo: str, texto: str) -> None:
    """Lo que dijo nbgrader (en inglés) queda en nbgrader.log del curso, como en las demás órdenes."""
    with open(Curso.de(curso).registro, "a", encoding="utf-8", errors="replace") as f:
        f.write(f"\n===== {dt.datetime.now().isoformat(timespec='seconds')} · {titulo} =====\n{texto}")
