"""Entregas desde el celular: código del grupo, borradores y la entrega que califica nbgrader.

Todo vive en la carpeta del curso (la de `lideres taller --curso DIR`):

    DIR/celular/grupo.json                       código del grupo y modo (práctica o examen)
    DIR/celular/claves.json                      huella de la clave de 4 números de cada participante (y su nombre)
    DIR/celular/borradores/<ejercicio>/<código>.json   respuestas guardadas en cada toque
    DIR/recibidos/<ejercicio>/<sello>/<código>/  copia de cada entrega (como `lideres curso recoger`)
    DIR/submitted/<código>/<ejercicio>/          la última entrega, la que califica nbgrader

Cada kernel de Voilà es un proceso aparte: lo que varios leen y escriben (la lista de participantes,
las claves) se cambia con un candado de archivo y se escribe de forma atómica (archivo temporal y
reemplazo). Sin widgets aquí: esto se prueba solo y lo usa `lideres.formulario.widgets`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lideres.curso import ids, recoger
from lideres.curso.candado import CANDADO, candado  # noqa: F401 (CANDADO: nombre de siempre)
from lideres.curso.carpeta import Curso
from lideres.errores import ErrorLideres
from lideres.nombres import sin_tildes

VARIABLE_CURSO = "LIDERES_TALLER_CURSO"   # la pone `lideres taller --curso` para los kernels
CARPETA = "celular"
GRUPO = "grupo.json"
CLAVES = "claves.json"
MODOS = {"practica": "práctica", "examen": "examen"}
MODO_POR_DEFECTO = "practica"

MAX_NOMBRE = 80
MAX_CORTA = 100          # número, letra o distrito
MAX_ESCRITA = 2000       # respuesta escrita (3 a 5 líneas caben de sobra)
MAX_ITEMS = 30           # elementos de una pregunta de ordenar

# Palabras para el código del grupo: cortas, sin tildes ni ñ, y sin letras que se confunden al
# dictarlas (b/v, c/s/z, g/j, ll/y, h muda), para escribirlas igual que se oyen.
PALABRAS = (
    "sol", "mar", "pan", "flor", "mango", "palta", "lima", "roca", "arena", "campo", "casa",
    "mesa", "perro", "gato", "loro", "puma", "papa", "quinua", "choclo", "pera", "coco", "tren",
    "puente", "torre", "parque", "faro", "isla", "lago", "monte", "costa", "duna", "ola",
    "trueno", "luna", "cometa", "quena", "poncho", "manta", "farol", "reloj", "cuerda", "trompo",
    "pato", "mono", "oso", "rana", "tortuga", "paloma", "mariposa", "caracol", "pulpo", "tomate",
    "fruta", "queso", "cacao", "canela", "ajo", "fideo", "sopa", "plato", "cuchara", "tenedor",
    "tela", "aguja", "carta", "mapa", "ruta", "nido", "pluma", "piedra", "madera", "fuego",
    "agua", "tierra", "metal", "oro", "plata", "perla", "coral", "marea", "puerto", "remo",
    "ancla", "alpaca", "mate", "palma", "pino", "trigo", "pampa", "chacra", "miel", "panal",
    "grano", "nota",
)


class Rechazo(ErrorLideres):
    """Lo que la persona escribió no sirve: el mensaje se muestra tal cual en el formulario."""


@dataclass(frozen=True)
class Participante:
    nombre: str   # como lo escribió (tildes, ñ)
    codigo: str   # id de nbgrader (ids.codigo)


# ---------------------------------------------------------------- archivos


def carpeta(curso: Path) -> Path:
    return Path(curso) / CARPETA


def escribir_json(ruta: Path, datos) -> None:
    """Escritura atómica: otro proceso lee el archivo viejo o el nuevo, nunca uno a medias."""
    ruta.parent.mkdir(parents=True, exist_ok=True)
    fd, temporal = tempfile.mkstemp(prefix=f".{ruta.name}.", suffix=".tmp", dir=ruta.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(datos, f, ensure_ascii=False, indent=1, sort_keys=True)
        os.replace(temporal, ruta)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporal)
        raise


def leer_json(ruta: Path) -> dict:
    try:
        datos = json.loads(Path(ruta).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return datos if isinstance(datos, dict) else {}


# ---------------------------------------------------------------- el grupo


def nuevo_codigo() -> str:
    primera = secrets.choice(PALABRAS)
    segunda = secrets.choice([p for p in PALABRAS if p != primera])
    return f"{primera} {segunda}"


def normalizar_codigo(texto) -> str:
    """' Mango-Perla ' -> 'mangoperla': sin tildes, mayúsculas, espacios ni guiones."""
    if not isinstance(texto, str):
        return ""
    return re.sub(r"[^a-z0-9]", "", sin_tildes(texto[:MAX_CORTA]).casefold())


def leer_grupo(curso: Path) -> dict:
    """{"codigo": "mango perla", "modo": "practica"} o {} si el curso aún no recibe entregas."""
    return leer_json(carpeta(curso) / GRUPO)


def preparar_grupo(curso: Path, modo: str | None = None) -> dict:
    """Crea el código del grupo la primera vez (luego es siempre el mismo) y guarda el modo."""
    if modo is not None and modo not in MODOS:
        raise ErrorLideres(f"El modo «{modo}» no existe.", como_arreglar="usa practica o examen.")
    with candado(curso):
        grupo = leer_grupo(curso)
        cambio = False
        if not normalizar_codigo(grupo.get("codigo")):
            grupo["codigo"] = nuevo_codigo()
            cambio = True
        if modo is not None and grupo.get("modo") != modo:
            grupo["modo"], cambio = modo, True
        if grupo.get("modo") not in MODOS:
            grupo["modo"], cambio = MODO_POR_DEFECTO, True
        if cambio:
            escribir_json(carpeta(curso) / GRUPO, grupo)
    return grupo


def modo(curso: Path) -> str:
    m = leer_grupo(curso).get("modo")
    return m if m in MODOS else MODO_POR_DEFECTO


def curso_del_taller() -> Path | None:
    """La carpeta del curso que `lideres taller --curso` pasó a los kernels, o None."""
    valor = os.environ.get(VARIABLE_CURSO)
    return Path(valor) if valor else None


# ---------------------------------------------------------------- quién entrega


def _huella_clave(codigo_grupo: str, codigo: str, clave: str) -> str:
    return hashlib.sha256(f"{normalizar_codigo(codigo_grupo)}|{codigo}|{clave}".encode()).hexdigest()


def identificar(curso: Path, nombre, codigo_grupo, clave) -> Participante:
    """Revisa nombre, código del grupo y clave. La primera vez guarda la clave de ese nombre; luego,
    el mismo nombre con otra clave es otra persona y se rechaza (no se toca nada suyo)."""
    nombre = ids.limpiar_nombre(nombre if isinstance(nombre, str) else "")
    if not nombre:
        raise Rechazo("Escribe tu nombre y apellido.")
    if len(nombre) > MAX_NOMBRE:
        raise Rechazo(f"El nombre es muy largo: usa hasta {MAX_NOMBRE} letras.")
    if not any(c.isalpha() for c in nombre):
        raise Rechazo("Escribe tu nombre con letras.")
    grupo = leer_grupo(curso)
    if not normalizar_codigo(grupo.get("codigo")):
        raise Rechazo("Este taller todavía no recibe entregas. Avisa a quien facilita el taller.")
    if not normalizar_codigo(codigo_grupo):
        raise Rechazo("Escribe el código del grupo que dice quien facilita el taller.")
    if normalizar_codigo(codigo_grupo) != normalizar_codigo(grupo["codigo"]):
        raise Rechazo("Ese no es el código de este grupo. Revísalo o pregúntalo otra vez a quien "
                      "facilita el taller.")
    clave = (clave if isinstance(clave, str) else "").strip()
    if not re.fullmatch(r"\d{4}", clave):
        raise Rechazo("La clave son 4 números, por ejemplo 2580. Invéntala la primera vez y recuérdala.")
    participante = Participante(nombre=nombre, codigo=ids.codigo(nombre))
    huella = _huella_clave(grupo["codigo"], participante.codigo, clave)
    ruta = carpeta(curso) / CLAVES
    with candado(curso):
        claves = leer_json(ruta)
        guardada = claves.get(participante.codigo)
        if isinstance(guardada, dict):  # {"huella", "nombre"}; antes era solo la huella
            guardada = guardada.get("huella")
        if guardada is None:
            # con el nombre: `lideres curso clave` dice quiénes tienen clave
            claves[participante.codigo] = {"huella": huella, "nombre": nombre}
            escribir_json(ruta, claves)
        elif guardada != huella:
            raise Rechazo(
                f"Ya hay alguien con el nombre «{nombre}» en este grupo, con otra clave. Si eres tú, "
                "revisa tu clave de 4 números. Si eres otra persona, agrega tu segundo apellido."
            )
    return participante


def nombres_con_clave(curso: Path) -> dict[str, str]:
    """{código: nombre} de quienes tienen clave (el nombre, de la lista del grupo o de su borrador)."""
    claves = leer_json(carpeta(curso) / CLAVES)
    nombres = {codigo: valor["nombre"] for codigo, valor in claves.items()
               if isinstance(valor, dict) and isinstance(valor.get("nombre"), str)}
    for ruta in (carpeta(curso) / "borradores").glob("*/*.json"):
        nombre = leer_json(ruta).get("nombre")
        if ruta.stem in claves and isinstance(nombre, str):
            nombres.setdefault(ruta.stem, nombre)
    try:
        lista = ids.leer_lista(curso)
    except ErrorLideres:  # lista dañada: bastan los borradores
        lista = {}
    for codigo, datos in lista.items():
        if codigo in claves and isinstance(datos, dict) and isinstance(datos.get("nombre"), str):
            nombres.setdefault(codigo, datos["nombre"])
    return {codigo: nombres.get(codigo, codigo) for codigo in claves}  # sin nombre: su código


def borrar_clave(curso: Path, nombre: str) -> Participante:
    """Quien olvidó su clave: se borra la huella guardada y la próxima clave que escriba será la suya.
    Sus respuestas y entregas no se tocan."""
    nombre = ids.limpiar_nombre(nombre if isinstance(nombre, str) else "")
    participante = Participante(nombre=nombre, codigo=ids.codigo(nombre))
    ruta = carpeta(curso) / CLAVES
    with candado(curso):
        claves = leer_json(ruta)
        if participante.codigo not in claves:
            conocidos = sorted(nombres_con_clave(curso).values(), key=ids.clave_orden)
            raise ErrorLideres(
                f"Nadie con el nombre «{nombre}» tiene clave en este curso.",
                como_arreglar="Escribe el nombre como lo escribió en el celular"
                + (f". Tienen clave: {', '.join(conocidos)}." if conocidos else
                   ". Todavía nadie ha entrado desde un celular con este curso."))
        del claves[participante.codigo]
        escribir_json(ruta, claves)
    return participante


# ---------------------------------------------------------------- respuestas y borradores


def normalizar_texto(valor: str) -> str:
    """Un salto de línea cuenta uno: un formulario manda «\r\n» y el celular cuenta uno solo."""
    return valor.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def maximo(tipo: str) -> int:
    return MAX_ESCRITA if tipo == "escrita" else MAX_CORTA


def mensaje_largo(numero_pregunta: int, largo: int, tope: int) -> str:
    from lideres.formato import numero

    return (f"Tu respuesta a la pregunta {numero_pregunta} tiene {numero(largo)} caracteres y el máximo "
            f"es {numero(tope)}: acórtala (sobran {numero(largo - tope)}). Este cambio no se guardó; "
            "lo que estaba guardado antes sigue igual.")


def contador(texto: str | None) -> tuple[str, bool]:
    """El contador bajo la respuesta escrita (los dos formularios y el script del ligero dicen lo
    mismo) y si ya pasó el tope."""
    from lideres.formato import numero

    largo, tope = len(normalizar_texto(texto or "")), MAX_ESCRITA
    if largo <= tope:
        return f"{numero(largo)} de {numero(tope)} caracteres (máximo {numero(tope)}).", False
    return (f"{numero(largo)} de {numero(tope)} caracteres. Te pasaste por {numero(largo - tope)}: "
            "acorta tu respuesta. Así no se puede guardar ni entregar."), True


def revisar_largo(respuestas: dict, tipos: dict[str, str]) -> None:
    """Una respuesta más larga que su límite se rechaza con un mensaje en español (antes se cortaba
    en silencio a MAX_ESCRITA). `tipos` va en el orden de las preguntas: da su número."""
    orden = list(tipos)
    for id_, valor in (respuestas or {}).items():
        tipo = tipos.get(id_)
        if tipo is None or tipo == "orden" or not isinstance(valor, str):
            continue
        largo = len(normalizar_texto(valor))
        if largo > maximo(tipo):
            raise Rechazo(mensaje_largo(orden.index(id_) + 1, largo, maximo(tipo)))


def limpiar_respuestas(respuestas: dict, tipos: dict[str, str]) -> dict:
    """Solo las preguntas del ejercicio, con tipos simples y tamaño acotado. `tipos`: {id: tipo}."""
    limpias = {}
    for id_, valor in (respuestas or {}).items():
        tipo = tipos.get(id_)
        if tipo is None or valor is None:
            continue
        if tipo == "orden":
            if isinstance(valor, (list, tuple)) and all(isinstance(v, str) for v in valor):
                limpias[id_] = [v[:MAX_CORTA] for v in valor[:MAX_ITEMS]]
            continue
        if not isinstance(valor, str):
            continue
        # El tope ya se revisó (revisar_largo); cortar aquí solo protege de un llamado sin revisar.
        valor = normalizar_texto(valor)[:maximo(tipo)]
        if valor.strip():
            limpias[id_] = valor
    return limpias


def ruta_borrador(curso: Path, ejercicio: str, participante: Participante) -> Path:
    return carpeta(curso) / "borradores" / ejercicio / f"{participante.codigo}.json"


def leer_borrador(curso: Path, ejercicio: str, participante: Participante) -> dict:
    """{"respuestas": {...}, "entregas": [marcas ISO]} (vacío si es la primera vez)."""
    datos = leer_json(ruta_borrador(curso, ejercicio, participante))
    respuestas = datos.get("respuestas")
    entregas = datos.get("entregas")
    return {
        "respuestas": respuestas if isinstance(respuestas, dict) else {},
        "entregas": [e for e in entregas if isinstance(e, str)] if isinstance(entregas, list) else [],
    }


def guardar_borrador(curso: Path, ejercicio: str, participante: Participante, respuestas: dict,
                     tipos: dict[str, str], *, entregado: dt.datetime | None = None) -> dict:
    """Guarda las respuestas. Una demasiado larga: `Rechazo` y el borrador anterior queda igual."""
    revisar_largo(respuestas, tipos)
    borrador = leer_borrador(curso, ejercicio, participante)
    borrador["respuestas"] = limpiar_respuestas(respuestas, tipos)
    borrador["nombre"] = participante.nombre
    if entregado is not None:
        borrador["entregas"].append(entregado.isoformat())
    escribir_json(ruta_borrador(curso, ejercicio, participante), borrador)
    return borrador


# ---------------------------------------------------------------- entregar


def valor_para_cuaderno(tipo: str, valor):
    """Lo que va como literal en la celda de respuesta: un número si se puede leer como tal
    ("250,0" -> 250.0), si no el texto tal cual (y la prueba dirá que no es un número)."""
    if tipo == "numero" and isinstance(valor, str):
        from lideres.banco.claves import como_numero  # la misma lectura que usa el banco

        numero, _coma = como_numero(valor)
        return numero if numero is not None else valor
    return valor


def entregar(curso: Path, ejercicio: str, participante: Participante, respuestas: dict,
             tipos: dict[str, str], *, ahora: dt.datetime | None = None) -> dt.datetime:
    """Escribe la entrega de nbgrader y su copia en recibidos/, como `lideres curso recoger`.

    Devuelve la marca de tiempo (UTC). Una segunda entrega deja las dos en recibidos/ y la última
    en submitted/, que es la que se califica."""
    from lideres import banco

    curso = Path(curso)
    liberado = Curso.de(curso).release / ejercicio
    if not liberado.is_dir():
        raise Rechazo("Este ejercicio todavía no está asignado. Avisa a quien facilita el taller.")
    revisar_largo(respuestas, tipos)  # antes de escribir nada
    limpias = limpiar_respuestas(respuestas, tipos)
    valores = {id_: valor_para_cuaderno(tipos[id_], v) for id_, v in limpias.items()}
    cuaderno = banco.cuaderno_con_respuestas(liberado, valores, ejercicio)
    import nbformat

    texto = nbformat.writes(cuaderno)
    ahora = ahora or dt.datetime.now(dt.UTC)
    with candado(curso):
        base = Curso.de(curso).recibidos / ejercicio
        base.mkdir(parents=True, exist_ok=True)
        sello = ahora.strftime("%Y-%m-%d_%H%M%S")
        archivo, n = base / sello, 1
        while archivo.exists():  # varias entregas en el mismo segundo
            n += 1
            archivo = base / f"{sello}_{n}"
        guardado = archivo / participante.codigo
        guardado.mkdir(parents=True)
        original = guardado / f"{ejercicio}.ipynb"
        original.write_text(texto, encoding="utf-8")
        entrega = recoger.Entrega(nombre=participante.nombre, codigo=participante.codigo,
                                  archivos={ejercicio: original},
                                  notas=[recoger.NOTA_CELULAR], celular=True)
        resumen = recoger.Resumen(entregas=[entrega], archivo=archivo)
        recoger._copiar(curso, ejercicio, resumen, archivo, ahora)
        escribir_json(archivo / "recojo.json", {
            "ejercicio": ejercicio,
            "origen": "celular",
            "fecha": ahora.strftime("%Y-%m-%d %H:%M:%S.%f UTC"),
            "entregas": [{"codigo": participante.codigo, "nombre": participante.nombre,
                          "notas": entrega.notas}],
            "avisos": [],
        })
    guardar_borrador(curso, ejercicio, participante, limpias, tipos, entregado=ahora)
    return ahora


def hora_local(momento: dt.datetime) -> str:
    """La hora de Lima como se lee en el Perú: '10:35 a. m.'."""
    from babel.dates import format_time

    try:
        from zoneinfo import ZoneInfo

        zona = ZoneInfo("America/Lima")
    except Exception:  # sin base de zonas horarias: Lima es UTC−5 todo el año
        zona = dt.timezone(dt.timedelta(hours=-5))
    return format_time(momento.astimezone(zona), format="short", locale="es_PE")
