"""Lo que muestra el tablero del módulo 10, como HTML (plantillas Jinja, sin widgets): las cifras de
una ficha con su lugar, periodo y fuente; el enlace para bajarla en PDF; «Antes de concluir: lo que
estos datos no dicen»; y el error en español si el registro subido no sirve. Lo mismo para la ficha
de un distrito y para la del registro propio de una junta."""

from __future__ import annotations

import base64
import functools
from pathlib import Path

import jinja2

from lideres.errores import ErrorLideres
from lideres.modulos.m10_del_dato_a_la_accion import calculos
from lideres.tablero import partes

TITULO_NO_DICEN = f"{partes.TITULO_ANTES}: lo que estos datos no dicen"
AVISO_PRIVADO = ("Tu registro se lee solo en esta página: no se guarda en el servidor y desaparece al "
                 "cerrarla. La ficha se arma aquí mismo, con los conteos pequeños ocultos.")


@functools.cache
def _entorno() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).with_name("plantillas")),
                              autoescape=True, undefined=jinja2.StrictUndefined)


def titulo(ficha: calculos.Ficha) -> str:
    return (f"Ficha del registro de la junta: {ficha.distrito}" if ficha.del_registro
            else f"Ficha de {ficha.distrito}")


def vista_cifras(ficha: calculos.Ficha) -> dict:
    return {
        "titulo": titulo(ficha),
        "de_que_datos": ficha.de_que_datos,
        "cifras": [{"etiqueta": c.etiqueta, "texto": c.texto, "nivel": c.nivel, "periodo": c.periodo,
                    "fuente": "; ".join(ficha.fuente_corta(f) for f in c.fuentes), "nota": c.nota}
                   for c in ficha.cifras],
    }


def html_cifras(ficha: calculos.Ficha) -> str:
    return _entorno().get_template("cifras.html.j2").render(v=vista_cifras(ficha))


def nombre_pdf(ficha: calculos.Ficha) -> str:
    from lideres.nombres import palabras

    base = palabras(ficha.distrito).replace(" ", "_")
    return f"ficha_registro_{base}.pdf" if ficha.del_registro else f"ficha_{base}.pdf"


def html_descarga(ficha: calculos.Ficha, pdf: bytes) -> str:
    return _entorno().get_template("descarga.html.j2").render(
        nombre=nombre_pdf(ficha), datos=base64.b64encode(pdf).decode("ascii"),
        texto=f"Descargar la {titulo(ficha)[0].lower()}{titulo(ficha)[1:]} (PDF, una página)")


def html_no_dicen(ficha: calculos.Ficha) -> str:
    """«Antes de concluir», como en los demás tableros: aquí, lo que los datos de esta ficha no dicen."""
    return partes.html_antes_de_concluir(ficha.no_dicen, titulo=TITULO_NO_DICEN)


def html_error(error: ErrorLideres) -> str:
    return _entorno().get_template("error.html.j2").render(mensaje=error.mensaje, como=error.como_arreglar)
