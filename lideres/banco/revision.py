"""Revisar una respuesta contra la forma pública de una pregunta (huellas, sin la respuesta).

Corre dentro del cuaderno del participante: solo biblioteca estándar y nunca lanza un error.
"""

from __future__ import annotations

import base64
import dataclasses
import json

from lideres.banco import claves

BIEN = "¡Bien!"
VACIO = "Todavía no respondiste esta pregunta."
A_MANO = "Esta respuesta la revisa tu facilitador o facilitadora."
NO_SE_PUDO = "No se pudo revisar esta respuesta. Escríbela de nuevo, en una sola línea."
FORMATO = {
    "opcion": "Escribe solo la letra de una alternativa, por ejemplo «a».",
    "numero": "Escribe solo un número, con punto decimal, por ejemplo 123.4.",
    "distrito": "Escribe el nombre de uno de los distritos de la pregunta.",
    "orden": "Escribe la lista completa, en orden, entre corchetes y cada nombre entre comillas.",
}
DISTRITO_DESCONOCIDO = "No encuentro ese distrito entre los de la lista. Revisa cómo se escribe."
ORDEN_INCOMPLETO = "Pon cada elemento de la lista una sola vez, todos, del primero al último."


@dataclasses.dataclass(frozen=True)
class Veredicto:
    """correcto: True, False o None (vacío, ilegible o revisión a mano); mensaje: una oración en español."""

    correcto: bool | None
    mensaje: str


def _vacio(valor) -> bool:
    if valor is None or valor is Ellipsis:
        return True
    if isinstance(valor, str):
        return not str.strip(valor)
    if isinstance(valor, (list, tuple, dict, set)):
        return len(valor) == 0
    return False


def _decimal(numero: float) -> str:
    """250.0 -> '250.0'; 250.5 -> '250.5' (como se escribe en Python)."""
    return f"{int(numero)}.0" if numero.is_integer() and abs(numero) < 1e15 else repr(numero)


def _lista(valor) -> list:
    return list(valor) if isinstance(valor, (list, tuple)) else []


# --- qué claves acepta una respuesta (al armar el banco y en las pruebas ocultas) ---------------

def claves_de(tipo: str, respuesta, opciones=(), tolerancia: float = 0.5) -> list[str]:
    """Claves de una respuesta esperada (o de un error común). Lanza ValueError si no se puede leer."""
    if tipo == "numero":
        numero, _ = claves.como_numero(respuesta)
        clave = None if numero is None else claves.clave_numero(numero, tolerancia)
    elif tipo == "opcion":
        clave = claves.clave_opcion(respuesta)
    elif tipo == "distrito":
        clave = claves.clave_texto(respuesta)
    elif tipo == "orden":
        elementos = claves.elementos_orden(respuesta) or []
        partes = [claves.clave_texto(e) for e in elementos]
        clave = claves.clave_orden(partes) if partes and None not in partes else None
    else:
        raise ValueError(f"tipo desconocido: {tipo}")
    if clave is None:
        raise ValueError(f"no se puede leer como {tipo}: {respuesta!r}")
    return [clave]


# --- revisar -----------------------------------------------------------------------------------

def revisar(publica: dict, respuesta) -> Veredicto:
    """Revisa una respuesta con la forma pública de su pregunta. Nunca lanza un error."""
    try:
        if _vacio(respuesta):
            return Veredicto(None, VACIO)
        tipo = publica["tipo"]
        if tipo == "escrita":
            return Veredicto(None, A_MANO)
        revisor = {"opcion": _opcion, "numero": _numero, "distrito": _distrito, "orden": _orden}[tipo]
        return revisor(publica, respuesta)
    except Exception:  # una respuesta o un banco rarísimo: nunca un traceback para el participante
        return Veredicto(None, NO_SE_PUDO)


class _Huellas:
    def __init__(self, publica: dict):
        self.sal = str(publica["sal"])
        self.buenas = set(publica.get("huellas") or ())
        self.errores = dict(publica.get("errores") or {})
        self.explicacion = str(publica.get("explicacion") or "Revisa la lección y vuelve a intentarlo.")

    def veredicto(self, clave: str, nota: str = "") -> Veredicto | None:
        """Bien, un error común con su pista, o None si la clave no es ninguno de los dos."""
        h = claves.huella(self.sal, clave)
        if h in self.buenas:
            return Veredicto(True, _unir(BIEN, nota))
        if h in self.errores:
            return Veredicto(False, _unir(str(self.errores[h]), nota))
        return None

    def mal(self, nota: str = "") -> Veredicto:
        return Veredicto(False, _unir(self.explicacion, nota))


def _unir(mensaje: str, nota: str) -> str:
    return f"{mensaje} {nota}" if nota else mensaje


def _opcion(publica: dict, respuesta) -> Veredicto:
    clave = claves.clave_opcion(respuesta)
    letras = [chr(ord("a") + i) for i in range(min(len(_lista(publica.get("opciones"))), 26))]
    if clave is None or (letras and clave not in letras):
        if letras:
            return Veredicto(None, f"Escribe solo la letra de una alternativa: {', '.join(letras[:-1])} "
                                   f"o {letras[-1]}." if len(letras) > 1 else FORMATO["opcion"])
        return Veredicto(None, FORMATO["opcion"])
    huellas = _Huellas(publica)
    return huellas.veredicto(clave) or huellas.mal()


def _numero(publica: dict, respuesta) -> Veredicto:
    numero, coma = claves.como_numero(respuesta)
    if numero is None:
        return Veredicto(None, FORMATO["numero"])
    nota = f"En Python el decimal se escribe con punto: {_decimal(numero)}" if coma else ""
    huellas = _Huellas(publica)
    tolerancia = float(publica.get("tolerancia") or 0.5)
    for clave in claves.claves_vecinas(numero, tolerancia):
        if claves.huella(huellas.sal, clave) in huellas.buenas:
            return Veredicto(True, _unir(BIEN, nota))
    for i, tol in enumerate(_lista(publica.get("tolerancias"))):
        for clave in claves.claves_vecinas(numero, float(tol)):
            encontrado = huellas.veredicto(f"{i}:{clave}", nota)
            if encontrado is not None:
                return encontrado
    return huellas.mal(nota)


def _distrito(publica: dict, respuesta) -> Veredicto:
    clave = claves.clave_texto(respuesta)
    if clave is None:
        return Veredicto(None, FORMATO["distrito"])
    opciones = [str(o) for o in _lista(publica.get("opciones"))]
    huellas = _Huellas(publica)
    encontrado = huellas.veredicto(clave)
    if encontrado is not None:
        return encontrado
    conocidas = {claves.clave_texto(o) for o in opciones}
    if clave in conocidas:
        return huellas.mal()
    cercana = claves.mas_cercano(clave, opciones)
    if cercana is None:
        return Veredicto(False, DISTRITO_DESCONOCIDO)
    encontrado = huellas.veredicto(cercana)
    if encontrado is not None and encontrado.correcto:
        return Veredicto(True, f"{BIEN} Se escribe «{claves.nombre_de(cercana, opciones)}».")
    return encontrado or huellas.mal()


def _orden(publica: dict, respuesta) -> Veredicto:
    elementos = claves.elementos_orden(respuesta)
    if not elementos:
        return Veredicto(None, FORMATO["orden"])
    opciones = [str(o) for o in _lista(publica.get("opciones"))]
    conocidas = {claves.clave_texto(o) for o in opciones}
    partes = []
    for elemento in elementos:
        clave = claves.clave_texto(elemento)
        if clave is None:
            return Veredicto(None, FORMATO["orden"])
        if opciones and clave not in conocidas:
            clave = claves.mas_cercano(clave, opciones) or clave
        partes.append(clave)
    huellas = _Huellas(publica)
    encontrado = huellas.veredicto(claves.clave_orden(partes))
    if encontrado is not None:
        return encontrado
    if opciones and sorted(partes) != sorted(claves.clave_texto(o) for o in opciones):
        return Veredicto(False, ORDEN_INCOMPLETO)
    return huellas.mal()


# --- el revisor del cuaderno -------------------------------------------------------------------

def codificar(publico: dict) -> str:
    """El banco público como una sola línea base64 (para incrustarlo en el cuaderno)."""
    texto = json.dumps(publico, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return base64.b64encode(texto.encode()).decode("ascii")


def decodificar(texto: str) -> dict:
    return json.loads(base64.b64decode(texto.encode("ascii")).decode())


class Revisor:
    """Lo que el cuaderno llama `revisar`: revisar("id", respuesta) imprime una pista en español.

    Nunca lanza un error, para que «Ejecutar todo» no se detenga ni aparezca un traceback.
    """

    def __init__(self, publico: dict | str):
        try:
            self._publico = decodificar(publico) if isinstance(publico, str) else dict(publico)
            self._preguntas = {p["id"]: p for p in self._publico["preguntas"]}
        except Exception:
            self._publico, self._preguntas = {}, {}

    def __repr__(self) -> str:
        return f"<revisor de {self._publico.get('ejercicio', '?')}>"

    def veredicto(self, pregunta: str, respuesta) -> Veredicto:
        try:
            publica = self._preguntas.get(pregunta)
        except Exception:
            publica = None
        if publica is None:
            return Veredicto(None, "No encuentro esa pregunta. Vuelve a correr la celda de preparación.")
        return revisar(publica, respuesta)

    def __call__(self, pregunta: str, respuesta) -> None:
        veredicto = self.veredicto(pregunta, respuesta)
        if veredicto.correcto is False:
            print(f"Pista: {veredicto.mensaje}")
        else:
            print(veredicto.mensaje)

    def pista(self, pregunta: str, respuesta) -> str:
        """«Pista: …» para acompañar una prueba calificada que no pasó (la retroalimentación la muestra)."""
        return f"Pista: {self.veredicto(pregunta, respuesta).mensaje}"

    def es(self, pregunta: str, respuesta, esperada) -> bool:
        """True si `respuesta` vale como `esperada` (para las pruebas ocultas del calificador)."""
        try:
            publica = dict(self._preguntas[pregunta])
            tipo = publica["tipo"]
            aceptadas = esperada if isinstance(esperada, list) and tipo != "orden" else [esperada]
            publica["huellas"] = [claves.huella(publica["sal"], c) for e in aceptadas for c in
                                  claves_de(tipo, e, publica.get("opciones") or (),
                                            float(publica.get("tolerancia") or 0.5))]
            publica["errores"], publica["tolerancias"] = {}, []
            return revisar(publica, respuesta).correcto is True
        except Exception:
            return False


def revisor(publico: dict | str) -> Revisor:
    """El revisor de un ejercicio a partir de su banco público (dict o base64 de su JSON)."""
    return Revisor(publico)
