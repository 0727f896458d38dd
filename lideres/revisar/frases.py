"""Trozos de frases que repiten los mensajes de la revisión («filas 2, 3 y 4», «1 fila vacía»)."""

from __future__ import annotations

from lideres.formato import numero


def lista(elementos: list, maximo: int = 10) -> str:
    """[2, 3, 4] -> '2, 3 y 4'; muchas -> '2, 3, … y 40 más'."""
    textos = [str(f) for f in elementos[:maximo]]
    if len(elementos) > maximo:
        return ", ".join(textos) + f" y {numero(len(elementos) - maximo)} más"
    if len(textos) == 1:
        return textos[0]
    return ", ".join(textos[:-1]) + " y " + textos[-1]


def cuantos(cantidad: int, singular: str, plural: str) -> str:
    """cuantos(1, 'fila vacía', 'filas vacías') -> '1 fila vacía'."""
    return f"{numero(cantidad)} {singular if cantidad == 1 else plural}"


def nombrar_filas(filas: list[int]) -> str:
    """[2] -> 'fila 2'; [2, 3] -> 'filas 2 y 3'."""
    return ("fila " if len(filas) == 1 else "filas ") + lista(filas)


def de_filas(cuantas: int, leidas: int) -> str:
    """(3, 5) -> '3 de 5 filas'; (1, 1) -> 'la única fila'."""
    return "la única fila" if leidas == 1 else f"{numero(cuantas)} de {numero(leidas)} filas"


def letra_columna(indice: int) -> str:
    """0 -> 'A', 27 -> 'AB' (como Excel nombra las columnas)."""
    letras = ""
    indice += 1
    while indice:
        indice, resto = divmod(indice - 1, 26)
        letras = chr(65 + resto) + letras
    return letras


def conteos(por_nombre: dict[str, int], maximo: int = 12) -> str:
    """{'Robo': 3, 'Hurto': 1} -> 'Robo 3, Hurto 1' (los primeros `maximo`)."""
    partes = [f"{nombre} {numero(n)}" for nombre, n in list(por_nombre.items())[:maximo]]
    if len(por_nombre) > maximo:
        partes.append(f"y {numero(len(por_nombre) - maximo)} más")
    return ", ".join(partes)
