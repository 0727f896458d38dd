"""Errores que una persona lee: siempre en español, con qué pasó y cómo arreglarlo."""


class ErrorLideres(Exception):
    """Error esperado (archivo malo, nombre equivocado...). La CLI lo muestra sin traceback."""

    def __init__(self, mensaje: str, *, como_arreglar: str | None = None):
        self.mensaje = mensaje
        self.como_arreglar = como_arreglar
        super().__init__(mensaje)

    def __str__(self) -> str:
        if self.como_arreglar:
            return f"{self.mensaje}\nCómo arreglarlo: {self.como_arreglar}"
        return self.mensaje


def una_de(valor, opciones, *, no_hay: str, usa: str = "Usa uno de estos lugares: "):
    """`valor` si está entre `opciones`; si no, «No hay {no_hay} para «valor».» con la lista de las
    que sí hay (la misma frase en todos los módulos)."""
    if valor not in opciones:
        raise ErrorLideres(f"No hay {no_hay} para «{valor}».",
                           como_arreglar=usa + ", ".join(map(str, opciones)) + ".")
    return valor
