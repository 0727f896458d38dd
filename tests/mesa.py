"""Lo que comparten las pruebas de las páginas de quien facilita: un curso con un solo ejercicio
(asignar es rápido), entregas hechas con el formulario del celular de verdad y pedidos HTTP."""

from __future__ import annotations

import http.cookiejar
import re
import shutil
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

EJERCICIO = "03_cifra_negra"
ESCRITA = "frase-para-la-junta"
TEXTO_ESCRITO = ("Hubo 34,536 denuncias en el Callao; con la cifra negra serían *entre 200 y 250 mil* "
                 "delitos.\nFuente: INEI, ENAPRES <b>2024</b>.")


def curso_de_un_ejercicio(carpeta: Path, ejercicio: str = EJERCICIO) -> Path:
    """Una carpeta de curso nueva con solo `ejercicio` en source/ (el taller asigna solo ese)."""
    from lideres.curso import motor

    curso, _ = motor.preparar_curso(Path(carpeta))
    for otro in curso.source.iterdir():
        if otro.is_dir() and otro.name != ejercicio:
            shutil.rmtree(otro)
    return curso.raiz


def _valor(pregunta, mala: bool):
    if pregunta.manual:
        return TEXTO_ESCRITO
    if mala:
        return "1" if pregunta.tipo in ("numero", "opcion") else "Comas"
    valor = pregunta.respuesta
    if isinstance(valor, list) and pregunta.tipo != "orden":
        valor = valor[0]
    return list(valor) if isinstance(valor, list) else str(valor)


def con_el_formulario(curso: Path, nombre: str, clave: str, *, cuantas: int | None = None,
                      malas: int = 0, entregar: bool = True, ejercicio: str = EJERCICIO):
    """Responde con el formulario del celular (los mismos widgets que sirve Voilà): las primeras
    `cuantas` preguntas, las `malas` primeras mal a propósito; guarda y, si `entregar`, toca «Entregar»."""
    from lideres import banco
    from lideres.formulario import entregas
    from lideres.formulario.widgets import FormularioEjercicio

    preguntas = {p.id: p for p in banco.cargar(ejercicio, curso=curso).preguntas}
    form = FormularioEjercicio(ejercicio, curso)
    form.nombre.value, form.codigo.value, form.clave.value = nombre, entregas.leer_grupo(curso)["codigo"], clave
    form.boton_entrar.click()
    assert form.participante is not None, form.mensaje_entrada.value
    for i, control in enumerate(form.controles[:cuantas]):
        control.poner(_valor(preguntas[control.id], i < malas))
    form._guardar()
    if entregar:
        form.boton_entregar.click()
        assert "Entregado" in form.estado.value, form.estado.value
    return form


class Cliente:
    """Pedidos HTTP con cookies (el token _xsrf) y sin seguir redirecciones: (código, texto, encabezados)."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()

        class SinRedirigir(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *a, **k):
                return None

        self.abridor = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), SinRedirigir)

    def pedir(self, url: str, datos: dict | None = None, host: str | None = None):
        cuerpo = urllib.parse.urlencode(datos).encode() if datos is not None else None
        pedido = urllib.request.Request(url, data=cuerpo)
        if host:
            pedido.add_header("Host", host)
        try:
            with self.abridor.open(pedido, timeout=60) as r:
                return r.status, r.read().decode("utf-8"), r.headers
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8"), e.headers


def xsrf(pagina: str) -> str:
    return re.search(r'name="_xsrf" value="([^"]+)"', pagina).group(1)
