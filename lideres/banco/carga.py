"""Leer `preguntas.toml` (lado del facilitador) y armar su forma pública (sin respuestas legibles).

Solo biblioteca estándar. Un archivo mal escrito da un `ErrorLideres` en español que dice qué
pregunta, qué campo y en qué línea.
"""

from __future__ import annotations

import csv
import dataclasses
import re
import tomllib
from pathlib import Path

from lideres import rutas
from lideres.banco import claves
from lideres.banco.revision import claves_de
from lideres.errores import ErrorLideres

ARCHIVO = "preguntas.toml"
TIPOS = ("opcion", "numero", "distrito", "orden", "escrita")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_EJERCICIO = re.compile(r"^[0-9]{2}_[a-z0-9]+(?:_[a-z0-9]+)*$")
MINIMO_AUTOMATICAS = 4  # el estándar de cada módulo (curriculo.md)
# Qué pide cada pregunta: pensar si una lectura se sostiene, hacer una cuenta o recordar algo.
HABILIDADES = ("juicio", "calculo", "recuerdo")
MINIMO_JUICIO = 3  # de las automáticas, cuántas piden juicio (curriculo.md, issue 18)

_CAMPOS = {"ejercicio", "titulo", "introduccion", "preparacion", "preguntas"}
_CAMPOS_PREPARACION = {"texto", "codigo"}
_CAMPOS_PREGUNTA = {"id", "titulo", "tipo", "habilidad", "puntos", "enunciado", "respuesta", "tolerancia",
                    "opciones", "explicacion", "errores"}
_CAMPOS_ERROR = {"respuesta", "tolerancia", "pista"}


@dataclasses.dataclass(frozen=True)
class Error:
    """Un error común y su pista."""

    respuesta: object
    pista: str
    tolerancia: float | None = None


@dataclasses.dataclass(frozen=True)
class Pregunta:
    id: str
    tipo: str
    puntos: float
    enunciado: str
    respuesta: object
    opciones: tuple = ()
    explicacion: str = ""
    tolerancia: float = 0.5
    errores: tuple = ()
    titulo: str = ""
    habilidad: str = ""  # "juicio", "calculo" o "recuerdo" (HABILIDADES)

    @property
    def manual(self) -> bool:
        """True para la respuesta escrita: la califica a mano el facilitador."""
        return self.tipo == "escrita"

    def publica(self, ejercicio: str) -> dict:
        """Lo que recibe el participante: huellas saladas en lugar de la respuesta."""
        sal = claves.sal_de(ejercicio, self.id)
        forma = {"id": self.id, "titulo": self.titulo, "tipo": self.tipo, "puntos": self.puntos, "enunciado": self.enunciado,
                 "opciones": list(self.opciones), "explicacion": self.explicacion,
                 "tolerancia": self.tolerancia if self.tipo == "numero" else None,
                 "sal": sal, "huellas": [], "errores": {}, "tolerancias": []}
        if self.manual:
            return forma
        forma["huellas"] = sorted({claves.huella(sal, c) for c in self._claves(self.respuesta)})
        for error in self.errores:
            if self.tipo == "numero":
                tol = error.tolerancia or self.tolerancia
                if tol not in forma["tolerancias"]:
                    forma["tolerancias"].append(tol)
                i = forma["tolerancias"].index(tol)
                lista = [f"{i}:{c}" for c in claves_de("numero", error.respuesta, tolerancia=tol)]
            else:
                lista = self._claves(error.respuesta)
            for clave in lista:
                forma["errores"].setdefault(claves.huella(sal, clave), error.pista)
        return forma

    def _claves(self, respuesta) -> list[str]:
        aceptadas = respuesta if isinstance(respuesta, list) and self.tipo != "orden" else [respuesta]
        return [c for r in aceptadas for c in claves_de(self.tipo, r, self.opciones, self.tolerancia)]


@dataclasses.dataclass
class Banco:
    ejercicio: str
    titulo: str
    introduccion: str
    preguntas: list[Pregunta]
    preparacion: dict | None = None
    carpeta: Path | None = None
    avisos: list[str] = dataclasses.field(default_factory=list)

    @property
    def automaticas(self) -> list[Pregunta]:
        return [p for p in self.preguntas if not p.manual]

    @property
    def de_juicio(self) -> list[Pregunta]:
        """Las automáticas que piden juicio (¿se sostiene esta lectura?, ¿qué se puede decir?)."""
        return [p for p in self.automaticas if p.habilidad == "juicio"]

    def por_habilidad(self) -> dict[str, list[str]]:
        """{habilidad: ids de sus preguntas}, en el orden de HABILIDADES (todas, con la escrita)."""
        return {h: [p.id for p in self.preguntas if p.habilidad == h] for h in HABILIDADES}

    @property
    def puntos_automaticos(self) -> float:
        return sum(p.puntos for p in self.automaticas)

    @property
    def puntos_manuales(self) -> float:
        return sum(p.puntos for p in self.preguntas if p.manual)

    @property
    def puntos(self) -> float:
        return self.puntos_automaticos + self.puntos_manuales

    def pregunta(self, id_: str) -> Pregunta:
        for p in self.preguntas:
            if p.id == id_:
                return p
        raise KeyError(id_)

    def publico(self) -> dict:
        """La forma pública del banco (JSON): sin ninguna respuesta legible."""
        return {"version": 1, "ejercicio": self.ejercicio, "titulo": self.titulo,
                "introduccion": self.introduccion, "preparacion": self.preparacion,
                "puntos": self.puntos, "preguntas": [p.publica(self.ejercicio) for p in self.preguntas]}


# --- lectura -----------------------------------------------------------------------------------

def distritos_del_curso() -> list[str]:
    """Los nombres de los distritos que trae el proyecto (data/distritos.csv), en su orden."""
    ruta = rutas.DATOS / "distritos.csv"
    try:
        with ruta.open(encoding="utf-8", newline="") as f:
            return [fila["distrito"] for fila in csv.DictReader(f)]
    except (OSError, KeyError) as error:
        raise ErrorLideres(f"No se pudo leer la lista de distritos ({ruta}): {error}",
                           como_arreglar="Revisa que exista data/distritos.csv con la columna «distrito».") from None


def ruta_del_banco(carpeta_o_id, curso=None) -> Path:
    """'02_conteos_y_tasas' -> exercises/source/02_conteos_y_tasas/preguntas.toml (o la ruta dada).

    Una plantilla ('_plantilla') está en la raíz del curso, fuera de source/: nbgrader toma cada
    carpeta de source/ como una tarea (el formgrader la listaría). Si el curso no la tiene, se usa
    la del proyecto."""
    ruta = Path(carpeta_o_id)
    if ruta.suffix == ".toml":
        return ruta
    if ruta.is_dir() and (ruta / ARCHIVO).exists():
        return ruta / ARCHIVO
    if str(carpeta_o_id).startswith("_"):
        propia = Path(curso or rutas.CURSO) / str(carpeta_o_id) / ARCHIVO
        return propia if propia.exists() else rutas.CURSO / str(carpeta_o_id) / ARCHIVO
    return Path(curso or rutas.CURSO) / "source" / str(carpeta_o_id) / ARCHIVO


def cargar(carpeta_o_id, curso=None) -> Banco:
    """Lee y revisa un banco de preguntas. ErrorLideres en español si algo está mal."""
    ruta = ruta_del_banco(carpeta_o_id, curso)
    try:
        texto = ruta.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ErrorLideres(f"No existe el banco de preguntas {ruta}.",
                           como_arreglar="Revisa el nombre del ejercicio; copia exercises/_plantilla/ "
                                         "para empezar uno nuevo.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ErrorLideres(f"No se pudo leer {ruta}: {error}",
                           como_arreglar="Guarda el archivo como texto UTF-8.") from None
    try:
        datos = tomllib.loads(texto)
    except tomllib.TOMLDecodeError as error:
        raise ErrorLideres(f"{ruta.name}: el archivo no es TOML válido{_donde(str(error))}.",
                           como_arreglar="Revisa comillas, corchetes y que cada campo tenga la forma "
                                         "nombre = valor (los textos largos van entre \"\"\" y \"\"\").") from None
    return _banco(sin_marcas(datos), texto, ruta)


# Marcas del registro de cifras (lideres.cifras.prosa): `34,536<!--cifra sidpol.total.callao.2024-->`
# y `<!--ejemplo-->`. Atan cada número a su fuente para las pruebas; el participante no las ve.
_MARCA_DE_CIFRA = re.compile(r"<!--\s*(?:cifra:?\s+[^>]*?|ejemplo)\s*-->")


def sin_marcas(valor):
    """El valor (texto, lista o tabla del TOML) sin las marcas del registro de cifras."""
    if isinstance(valor, str):
        return _MARCA_DE_CIFRA.sub("", valor)
    if isinstance(valor, list):
        return [sin_marcas(v) for v in valor]
    if isinstance(valor, dict):
        return {k: v if k == "codigo" else sin_marcas(v) for k, v in valor.items()}
    return valor


def _donde(mensaje: str) -> str:
    encontrado = re.search(r"line (\d+), column (\d+)", mensaje)
    return f" (línea {encontrado.group(1)}, columna {encontrado.group(2)})" if encontrado else ""


class _Revision:
    """Junta el archivo y su texto para que cada error diga dónde está."""

    def __init__(self, texto: str, ruta: Path):
        self.lineas = texto.splitlines()
        self.ruta = ruta

    def linea(self, patron: str, desde: int = 0) -> int | None:
        for n, linea in enumerate(self.lineas[desde:], desde + 1):
            if re.match(patron, linea.strip()):
                return n
        return None

    def error(self, mensaje: str, linea: int | None = None, como: str | None = None) -> ErrorLideres:
        donde = f" (línea {linea})" if linea else ""
        return ErrorLideres(f"{self.ruta.name}{donde}: {mensaje}", como_arreglar=como)


def _texto_requerido(r: _Revision, tabla: dict, campo: str, quien: str, linea) -> str:
    valor = tabla.get(campo)
    if not isinstance(valor, str) or not valor.strip():
        raise r.error(f"{quien}: falta el campo «{campo}» (un texto).", linea)
    return valor.strip()


def _banco(datos: dict, texto: str, ruta: Path) -> Banco:
    r = _Revision(texto, ruta)
    sobran = set(datos) - _CAMPOS
    if sobran:
        raise r.error(f"campos desconocidos arriba del archivo: {', '.join(sorted(sobran))}.",
                      r.linea(re.escape(sorted(sobran)[0])), f"Los campos válidos son: {', '.join(sorted(_CAMPOS))}.")
    ejercicio = _texto_requerido(r, datos, "ejercicio", "El ejercicio", r.linea("ejercicio"))
    if not ID_EJERCICIO.match(ejercicio):
        raise r.error(f"«ejercicio = \"{ejercicio}\"» no tiene la forma NN_nombre (por ejemplo 02_conteos_y_tasas).",
                      r.linea("ejercicio"))
    if ruta.parent.name != ejercicio and not ruta.parent.name.startswith("_"):
        raise r.error(f"el ejercicio se llama «{ejercicio}» pero está en la carpeta «{ruta.parent.name}».",
                      r.linea("ejercicio"), "Usa el mismo nombre en los dos lugares.")
    titulo = _texto_requerido(r, datos, "titulo", "El ejercicio", r.linea("titulo"))
    introduccion = _texto_requerido(r, datos, "introduccion", "El ejercicio", r.linea("introduccion"))
    preparacion = datos.get("preparacion")
    if preparacion is not None:
        linea = r.linea(r"\[preparacion\]")
        if not isinstance(preparacion, dict) or set(preparacion) - _CAMPOS_PREPARACION:
            raise r.error("[preparacion] solo admite «texto» y «codigo».", linea)
        preparacion = {"texto": _texto_requerido(r, preparacion, "texto", "[preparacion]", linea),
                       "codigo": (preparacion.get("codigo") or "").strip()}
    lista = datos.get("preguntas")
    if not isinstance(lista, list) or not lista:
        raise r.error("no hay preguntas.", None, "Cada pregunta empieza con una línea [[preguntas]].")
    preguntas, inicio = [], 0
    for numero, tabla in enumerate(lista, 1):
        inicio = r.linea(r"\[\[preguntas\]\]", inicio) or inicio
        preguntas.append(_pregunta(r, tabla, numero, inicio))
    ids = [p.id for p in preguntas]
    repetidos = sorted({i for i in ids if ids.count(i) > 1})
    if repetidos:
        raise r.error(f"hay preguntas con el mismo id: {', '.join(repetidos)}.", None,
                      "Cada pregunta necesita un id distinto.")
    escritas = [p for p in preguntas if p.manual]
    if len(escritas) != 1:
        raise r.error(f"debe haber exactamente una pregunta de tipo «escrita» (hay {len(escritas)}).")
    banco = Banco(ejercicio, titulo, introduccion, preguntas, preparacion, ruta.parent)
    if len(banco.automaticas) < MINIMO_AUTOMATICAS:
        banco.avisos.append(f"Tiene {len(banco.automaticas)} preguntas que se califican solas; el estándar "
                            f"de cada módulo pide al menos {MINIMO_AUTOMATICAS}.")
    if len(banco.de_juicio) < MINIMO_JUICIO:
        banco.avisos.append(f"Tiene {len(banco.de_juicio)} preguntas automáticas con habilidad = \"juicio\"; "
                            f"el estándar de cada módulo pide al menos {MINIMO_JUICIO} (¿se sostiene esta "
                            "lectura?, ¿qué frase puede decir un dirigente?, ¿qué falta antes de concluir?).")
    return banco


def _pregunta(r: _Revision, tabla, numero: int, inicio: int) -> Pregunta:
    quien = f"Pregunta {numero}"
    if not isinstance(tabla, dict):
        raise r.error(f"{quien}: no es una tabla [[preguntas]].", inicio)
    id_ = tabla.get("id")
    if isinstance(id_, str) and id_:
        quien = f"Pregunta {numero} («{id_}»)"
    sobran = set(tabla) - _CAMPOS_PREGUNTA
    if sobran:
        campo = sorted(sobran)[0]
        raise r.error(f"{quien}: campo desconocido «{campo}».", r.linea(re.escape(campo), inicio),
                      f"Los campos válidos son: {', '.join(sorted(_CAMPOS_PREGUNTA))}.")

    def linea(campo: str) -> int | None:
        return r.linea(rf"{campo}\s*=", inicio) or inicio

    if not isinstance(id_, str) or not SLUG.match(id_) or len(id_) > 40:
        raise r.error(f"{quien}: el «id» debe ser un texto corto (hasta 40 letras) en minúsculas con guiones, "
                      "como «tasa-por-100k».", linea("id"))
    tipo = tabla.get("tipo")
    if tipo not in TIPOS:
        raise r.error(f"{quien}: «tipo» debe ser uno de: {', '.join(TIPOS)}.", linea("tipo"))
    habilidad = tabla.get("habilidad")
    if habilidad is None:
        raise r.error(f"{quien}: falta «habilidad» (qué pide la pregunta).", inicio,
                      'Agrega una línea habilidad = "juicio", "calculo" o "recuerdo": «juicio» si pide '
                      "decidir si una lectura se sostiene o qué se puede decir; «calculo» si pide una "
                      "cuenta; «recuerdo» si pide recordar algo de la lección.")
    if habilidad not in HABILIDADES:
        raise r.error(f"{quien}: «habilidad» debe ser uno de: {', '.join(HABILIDADES)} "
                      f"(sin tildes; dice {habilidad!r}).", linea("habilidad"))
    puntos = tabla.get("puntos")
    if isinstance(puntos, bool) or not isinstance(puntos, (int, float)) or puntos <= 0:
        raise r.error(f"{quien}: «puntos» debe ser un número mayor que cero.", linea("puntos"))
    enunciado = _texto_requerido(r, tabla, "enunciado", quien, linea("enunciado"))
    if "respuesta" not in tabla:
        raise r.error(f"{quien}: falta «respuesta».", inicio,
                      "Para la escrita, pon una respuesta modelo: la verá solo el facilitador.")
    respuesta = tabla["respuesta"]
    tolerancia = tabla.get("tolerancia", 0.5)
    if "tolerancia" in tabla and tipo != "numero":
        raise r.error(f"{quien}: «tolerancia» solo sirve para preguntas de tipo numero.", linea("tolerancia"))
    if isinstance(tolerancia, bool) or not isinstance(tolerancia, (int, float)) or tolerancia <= 0:
        raise r.error(f"{quien}: «tolerancia» debe ser un número mayor que cero.", linea("tolerancia"))
    opciones = tabla.get("opciones", [])
    if not isinstance(opciones, list) or not all(isinstance(o, str) and o.strip() for o in opciones):
        raise r.error(f"{quien}: «opciones» debe ser una lista de textos.", linea("opciones"))
    if tipo == "distrito" and not opciones:
        opciones = distritos_del_curso()
    explicacion = tabla.get("explicacion", "")
    if tipo == "escrita":
        if not isinstance(respuesta, str) or not respuesta.strip():
            raise r.error(f"{quien}: la «respuesta» de una escrita es un texto modelo.", linea("respuesta"))
        if tabla.get("errores"):
            raise r.error(f"{quien}: una escrita no tiene «errores»: la califica el facilitador.", linea("errores"))
    else:
        explicacion = _texto_requerido(r, tabla, "explicacion", quien, linea("explicacion"))
    titulo = tabla.get("titulo", "")
    if not isinstance(titulo, str):
        raise r.error(f"{quien}: «titulo» debe ser un texto corto.", linea("titulo"))
    pregunta = Pregunta(id_, tipo, puntos, enunciado, respuesta, tuple(opciones), explicacion,
                        float(tolerancia), (), titulo.strip(), habilidad)
    if tipo == "escrita":
        return pregunta
    _revisar_respuesta(r, pregunta, quien, linea("respuesta"))
    errores = []
    for n, error in enumerate(tabla.get("errores") or [], 1):
        errores.append(_error(r, pregunta, error, f"{quien}, error común {n}", linea("respuesta")))
    return dataclasses.replace(pregunta, errores=tuple(errores))


def _revisar_respuesta(r: _Revision, p: Pregunta, quien: str, linea) -> None:
    if p.tipo == "opcion":
        if len(p.opciones) < 2 or len(p.opciones) > 26:
            raise r.error(f"{quien}: una pregunta de opción necesita entre 2 y 26 «opciones».", linea)
        letras = [chr(ord("a") + i) for i in range(len(p.opciones))]
    aceptadas = p.respuesta if isinstance(p.respuesta, list) and p.tipo != "orden" else [p.respuesta]
    for respuesta in aceptadas:
        try:
            (clave,) = claves_de(p.tipo, respuesta, p.opciones, p.tolerancia)
        except ValueError:
            raise r.error(f"{quien}: no se puede leer la «respuesta» {respuesta!r} como {p.tipo}.", linea) from None
        if p.tipo == "opcion" and clave not in letras:
            raise r.error(f"{quien}: la «respuesta» debe ser una letra entre a y {letras[-1]}.", linea)
        if p.tipo == "distrito" and clave not in {claves.clave_texto(o) for o in p.opciones}:
            raise r.error(f"{quien}: «{respuesta}» no está entre las «opciones».", linea)
        if p.tipo == "orden":
            mostradas = [claves.clave_texto(o) for o in p.opciones]
            if sorted(clave.split("|")) != sorted(mostradas):
                raise r.error(f"{quien}: la «respuesta» debe tener los mismos elementos que «opciones».", linea)
            if clave == claves.clave_orden(mostradas):
                raise r.error(f"{quien}: las «opciones» se muestran ya en el orden de la respuesta.", linea,
                              "Escribe las opciones en otro orden: el participante las ve así.")
        _sin_la_respuesta(r, p, respuesta, quien, linea)


def _error(r: _Revision, p: Pregunta, tabla, quien: str, linea) -> Error:
    if not isinstance(tabla, dict) or set(tabla) - _CAMPOS_ERROR:
        raise r.error(f"{quien}: solo admite «respuesta», «tolerancia» y «pista».", linea)
    if "respuesta" not in tabla:
        raise r.error(f"{quien}: falta «respuesta».", linea)
    pista = _texto_requerido(r, tabla, "pista", quien, linea)
    tolerancia = tabla.get("tolerancia")
    if tolerancia is not None and (p.tipo != "numero" or isinstance(tolerancia, bool)
                                   or not isinstance(tolerancia, (int, float)) or tolerancia <= 0):
        raise r.error(f"{quien}: «tolerancia» es un número mayor que cero y solo en preguntas de tipo numero.", linea)
    try:
        clave_error = claves_de(p.tipo, tabla["respuesta"], p.opciones, tolerancia or p.tolerancia)
    except ValueError:
        raise r.error(f"{quien}: no se puede leer {tabla['respuesta']!r} como {p.tipo}.", linea) from None
    if p.tipo != "numero" and clave_error[0] in p._claves(p.respuesta):
        raise r.error(f"{quien}: ese error común es la respuesta correcta.", linea)
    return Error(tabla["respuesta"], pista, float(tolerancia) if tolerancia is not None else None)


def _sin_la_respuesta(r: _Revision, p: Pregunta, respuesta, quien: str, linea) -> None:
    """La explicación enseña sin decir la respuesta (llega al participante)."""
    textos = [p.explicacion]
    if p.tipo == "numero":
        numero, _ = claves.como_numero(respuesta)
        formas = {f"{numero:g}", f"{numero:,.0f}" if numero.is_integer() else f"{numero:,}"}
        patron = "|".join(re.escape(f) for f in formas)
        dice = any(re.search(rf"(?<![0-9.,]){patron}(?![0-9])", t) for t in textos)
    elif p.tipo == "distrito":
        dice = any(f" {claves.clave_texto(respuesta)} " in f" {claves.clave_texto(t) or ''} " for t in textos)
    else:
        dice = False
    if dice:
        raise r.error(f"{quien}: la «explicacion» dice la respuesta; llega al participante.", linea,
                      "Explica qué revisar, sin dar el resultado.")
