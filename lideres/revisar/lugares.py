"""Reconocer el lugar de una fila: uno de los 61 distritos del curso por su nombre, o cualquier
distrito del Perú por su UBIGEO.

Qué distrito es cada nombre lo decide `lideres.nombres` (igual que al importar límites); aquí se
arma lo necesario para sugerir uno cuando el nombre no se reconoce, y se valida un UBIGEO.

    buscar_distrito("cercado de lima", catalogo())  -> ("Lima (Cercado)", "150101")
    leer_ubigeo(40103)                               -> "040103"  (Cayma, Arequipa)
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from lideres.nombres import palabras, ubigeo_por_nombre
from lideres.revisar.valores import como_texto

# Nombres que también son provincia o ciudad: se toman como el distrito, con un aviso.
AMBIGUOS = {"lima", "trujillo", "callao"}
_VACIAS = {"de", "del", "la", "las", "el", "los"}
# Distritos creados hace poco: las tablas del curso (INEI 2017-2020) no los tienen.
NO_INCLUIDOS = {"alto trujillo": "Alto Trujillo", "santa maria de huachipa": "Santa María de Huachipa"}
# Los dos primeros dígitos del UBIGEO: 01 Amazonas … 25 Ucayali (07 es el Callao).
DEPARTAMENTOS = range(1, 26)


@dataclass
class Catalogo:
    nombres: dict[str, str]  # ubigeo -> nombre para mostrar ("Lima (Cercado)")
    parecidos: dict[str, str]  # nombre en minúsculas sin tildes -> distrito (solo para sugerir)
    siglas: dict[str, str]  # 'sjl' -> 'San Juan de Lurigancho' (solo para sugerir)


def catalogo() -> Catalogo:
    """Los 61 distritos del curso, con lo necesario para reconocerlos y sugerirlos."""
    from lideres.tablas import cargar

    tabla = cargar("distritos")
    parecidos: dict[str, str] = {}
    siglas: dict[str, list[str]] = {}
    for distrito, inei in zip(tabla["distrito"], tabla["distrito_inei"], strict=True):
        partes = re.match(r"^(.*?)\s*\((.*)\)$", distrito)  # "Lima (Cercado)"
        for nombre in {distrito, inei, *(partes.groups() if partes else ())}:
            parecidos[palabras(nombre)] = distrito
        sin_vacias = [p for p in palabras(re.sub(r"\(.*\)", "", distrito)).split() if p not in ("de", "del")]
        if len(sin_vacias) >= 3:
            siglas.setdefault("".join(p[0] for p in sin_vacias), []).append(distrito)
    return Catalogo(
        nombres=dict(zip(tabla["ubigeo"], tabla["distrito"], strict=True)),
        parecidos=parecidos,
        siglas={s: d[0] for s, d in siglas.items() if len(d) == 1},
    )


def buscar_distrito(texto: str, catalogo: Catalogo) -> tuple[str, str] | None:
    """(distrito, ubigeo) de uno de los 61, o None. «Distrito de Comas» también vale."""
    ubigeo = ubigeo_por_nombre(texto) or ubigeo_por_nombre(
        re.sub(r"^\s*(distrito|dist\.?)(\s+de)?\s+", "", texto, flags=re.IGNORECASE)
    )
    return (catalogo.nombres[ubigeo], ubigeo) if ubigeo in catalogo.nombres else None


def sugerir_distrito(texto: str, catalogo: Catalogo) -> str | None:
    """Solo una sugerencia para el mensaje ('¿quisiste decir...?'); nunca se reemplaza solo."""
    clave = palabras(texto)
    if clave.replace(" ", "") in catalogo.siglas:
        return catalogo.siglas[clave.replace(" ", "")]
    cercano = difflib.get_close_matches(clave, list(catalogo.parecidos), n=1, cutoff=0.75)
    if cercano:
        return catalogo.parecidos[cercano[0]]
    # "Porvenir Alto" -> El Porvenir; "Surco" -> Santiago de Surco (si hay uno solo)
    del_texto = set(clave.split()) - _VACIAS
    candidatos = set()
    for nombre, distrito in catalogo.parecidos.items():
        del_nombre = set(nombre.split()) - _VACIAS
        if del_nombre <= AMBIGUOS and del_nombre != del_texto:
            continue  # "Lima Norte" no es el distrito Lima (Cercado)
        if del_texto and del_nombre and (del_nombre <= del_texto or del_texto <= del_nombre):
            candidatos.add(distrito)
    return candidatos.pop() if len(candidatos) == 1 else None


def motivo_distrito(texto: str, catalogo: Catalogo) -> str:
    """Por qué un nombre no sirve como distrito (con una sugerencia si hay una)."""
    if palabras(texto) in NO_INCLUIDOS:
        return (f"«{texto}» es un distrito nuevo que no está en las tablas del curso (son de antes "
                "de su creación); para usar esta fila, agrégale lat y lon")
    motivo = f"el distrito «{texto}» no está entre los 61 del curso"
    sugerencia = sugerir_distrito(texto, catalogo)
    if sugerencia:
        motivo += f" (¿quisiste decir «{sugerencia}»?)"
    return motivo


def leer_ubigeo(valor) -> str | None:
    """Un UBIGEO de distrito del INEI como texto de 6 cifras, o None si no lo es.

    Acepta el número sin el cero inicial (40103 -> '040103'), como queda cuando una hoja de
    cálculo o el archivo oficial lo guardan como número."""
    texto = como_texto(valor)
    if texto.endswith(".0"):
        texto = texto[:-2]
    if not texto.isdigit() or len(texto) not in (5, 6):
        return None
    texto = texto.zfill(6)
    if int(texto[:2]) not in DEPARTAMENTOS or texto[2:4] == "00" or texto[4:] == "00":
        return None
    return texto


def nombre_propio(texto: str) -> str:
    """'SAN JUAN DE MIRAFLORES' -> 'San Juan de Miraflores' (como se lee en un título)."""
    palabras_ = como_texto(texto).lower().split()
    return " ".join(p if i and p in _VACIAS | {"y"} else p[:1].upper() + p[1:] for i, p in enumerate(palabras_))
