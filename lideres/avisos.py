"""Avisos en español cuando algo falla en una celda de una lección (para quien aprende sola o solo).

En las lecciones, la persona cambia un número o un lugar en una celda (la cuenta de la tasa, la
serie que se revisa). Si escribe un lugar sin comillas, Python respondía con un `NameError` en
inglés y varias líneas de traceback. `activar()` registra en IPython un manejador para esa sesión:
cualquier error de una celda sale como una frase en español que dice qué revisar.

Se llama a propósito, en la primera celda de cada lección (`lideres.avisos_en_espanol()`): importar
`lideres` no cambia nada del kernel. Usa los puntos de extensión de IPython: `set_custom_exc` para
los errores al correr y `showsyntaxerror` para los de escritura (IPython no pasa esos por el
manejador). `desactivar()` deja todo como estaba.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path

_PAQUETE = Path(__file__).resolve().parent

AVISO_NOMBRE = (
    "No conozco «{nombre}». Si es un texto (un lugar, una serie), escríbelo entre comillas: "
    "\"{nombre}\". Si es un número, escríbelo solo con cifras, sin puntos ni comas de miles."
)
AVISO_ESCRITURA = (
    "No entendí lo que escribiste{donde}. Revisa: los textos van entre comillas (\"Callao\"); los "
    "números, sin espacios ni comas de miles (30724); los decimales, con punto (15.7); y cada "
    "paréntesis que se abre, se cierra."
)
AVISO_CERO = "Hay una división entre cero: revisa que la población o la tasa que escribiste no sea 0."
AVISO_TIPO = (
    "Falta un dato, sobra uno, o un dato no es del tipo que se espera (un número donde va un "
    "número; un texto entre comillas donde va un texto). Compara tu línea con la del ejemplo."
)
AVISO_GENERAL = (
    "Algo no funcionó con lo que escribiste. Vuelve a la línea del ejemplo y cambia un dato a la vez. "
    "Si sigue sin funcionar, pregunta a quien facilita."
)
PREFIJO = "⚠ "


def _de_lideres(tb) -> bool:
    """¿El error salió de una función de este paquete? Sus mensajes ya están en español."""
    ultimo = None
    while tb is not None:
        ultimo = tb
        tb = tb.tb_next
    if ultimo is None:
        return False
    try:
        return Path(ultimo.tb_frame.f_code.co_filename).resolve().is_relative_to(_PAQUETE)
    except (OSError, ValueError):
        return False


def aviso(error: BaseException, tb=None) -> str:
    """La frase en español para un error de una celda."""
    from lideres.errores import ErrorLideres

    if isinstance(error, ErrorLideres):
        return str(error)
    if isinstance(error, NameError) and getattr(error, "name", None):
        return AVISO_NOMBRE.format(nombre=error.name)
    if isinstance(error, SyntaxError):
        donde = f" en la línea {error.lineno}" if error.lineno else ""
        return AVISO_ESCRITURA.format(donde=donde)
    if isinstance(error, ZeroDivisionError):
        return AVISO_CERO
    if isinstance(error, (ValueError, KeyError, LookupError)) and _de_lideres(tb or error.__traceback__):
        return str(error).strip("'\"")  # los mensajes del paquete están en español
    if isinstance(error, TypeError):
        return AVISO_TIPO
    return AVISO_GENERAL


def _mostrar(texto: str) -> None:
    print(PREFIJO + texto, file=sys.stderr)


def _manejador(shell, etype, valor, tb, tb_offset=None):
    _mostrar(aviso(valor, tb))
    return []  # nada de traceback


def _error_de_escritura(shell, filename=None, running_compiled_code=False):
    _tipo, valor, _tb = sys.exc_info()
    _mostrar(aviso(valor) if isinstance(valor, SyntaxError) else AVISO_ESCRITURA.format(donde=""))


def activar(shell=None) -> bool:
    """Los errores de las celdas de esta sesión salen en español. Devuelve False fuera de IPython."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        shell = get_ipython()
    if shell is None:
        return False
    shell.set_custom_exc((Exception,), _manejador)
    shell.showsyntaxerror = types.MethodType(_error_de_escritura, shell)
    return True


def desactivar(shell=None) -> None:
    if shell is None:
        from IPython import get_ipython

        shell = get_ipython()
    if shell is None:
        return
    shell.set_custom_exc((), None)
    shell.__dict__.pop("showsyntaxerror", None)


def avisos_en_espanol() -> None:
    """Para la primera celda de una lección: si algo falla, el aviso sale en español."""
    activar()
