"""Un día de taller, de principio a fin, en Chromium (issue 22, «A day, as a test»).

El servidor se enciende como dice el README (`lideres taller --participantes 10 --modulo 02 --curso`),
con el tiempo de apagado acortado por su opción (`--apagar-inactivos`: el mismo camino del código que
con 15 minutos). Diez celulares de 360×640 (un Chromium, un contexto por celular):

1. abren la portada y el tablero 02 (Voilà) y lo usan;
2. quien facilita habla más que el tiempo de apagado: la mitad de los celulares cierra la pestaña
   (mientras pasa el apagado de inactivos) y la otra mitad se bloquea (sin red: su websocket se
   corta y su kernel se apaga por inactivo);
3. vuelven: los bloqueados ven «Se perdió la conexión — toca para volver a cargar», tocan y tienen
   un tablero que funciona; los que cerraron lo abren otra vez desde la portada (con kernels que
   esperaron en la reserva durante toda la pausa) y funciona;
4. responden el ejercicio 02: nueve en el formulario ligero (`/ejercicio/02…`), una en el de Voilà;
   una pega una respuesta escrita de más de 2,000 caracteres (rechazo en español, nada se pierde) y
   otra una de 2,000 justos (se guarda entera);
5. quien facilita califica (nbgrader), pone nota a las escritas en su página y abre el reporte.

Al final: ninguna traza en el registro del servidor, ningún kernel vivo, ninguna entrega perdida
(todas en el libro de notas y en el reporte), nada en inglés en pantalla y ningún pedido fuera de
esta computadora. Sin tiempos medidos: la velocidad va en benchmarks/dia.py.
"""

from __future__ import annotations

import html
import re
import shutil
import time

import psutil
import pytest

from lideres import cli, rutas
from lideres.curso import carpeta, ids
from lideres.formulario import entregas, ligero
from lideres.taller import facilitador
from lideres.taller.proceso import ServidorTaller
from tests import mesa
from tests.ingles import palabras_en_ingles, texto_visible
from tests.navegador import ayudas
from tests.navegador.ayudas import (
    entrar_ligero,
    entrar_voila,
    escuchar,
    esperar_guardado_voila,
    responder_ligero,
    responder_voila,
    respuesta_buena_ligera,
)

pytestmark = [pytest.mark.lento, pytest.mark.navegador]

MODULO = "02_conteos_y_tasas"
TABLERO = f"tableros/{MODULO}.ipynb"
# 2 min; una pasada del apagado cada 24 s. Un kernel recién entregado tiene hasta el tiempo de
# apagado para que su página conecte el websocket, y con la laptop cargada (carga 10–25 en 2 núcleos)
# diez celulares en Chromium tardaron más de 50 s: con 15 s o 45 s se apagaban kernels de páginas que
# todavía cargaban. Con los tiempos de verdad (10–20 min) sobra.
APAGAR_MIN = 2.0
APAGAR_S = APAGAR_MIN * 60
NOMBRES = ["Rosa Quispe Ñahui", "Juan Pérez Huamán", "Ana Núñez Ríos", "Carlos Mendoza Tello",
           "Lucía Flores Cárdenas", "Pedro Ramos Chávez", "Elena Vargas Soto", "Miguel Ángel Torres",
           "Sofía Castillo León", "Jorge Huanca Mamani"]
CERRARON = range(0, 5)  # cierran la pestaña durante la pausa: 0–2 al empezar, 3–4 mientras pasa el apagado
BLOQUEADOS = range(5, 10)  # el celular se bloquea: sin red
LARGA = 0  # pega una escrita de más de 2,000 caracteres
JUSTA = 1  # una de 2,000 justos
EN_VOILA = 9  # responde en el formulario de Voilà (la versión completa)
ESCRITA = "Miraría la tasa por 100 mil habitantes y no solo el conteo de denuncias."
CAMINOS = ".lideres-mapa path"
# `window.viejo`: la página de antes de volver a cargar (mientras la nueva no llegó).
LISTO = (f"() => !window.viejo && document.querySelectorAll('{CAMINOS}').length >= 50"
         " && document.querySelectorAll('.lideres-barra').length > 0")
# Lo que la consola dice cuando el celular está sin red (el tablero revisa su kernel): esperado.
SIN_RED = "net::ERR_INTERNET_DISCONNECTED"
RECHAZO_400 = "Failed to load resource: the server responded with a status of 400 (Bad Request)"
NO_ENCONTRADO_404 = "Failed to load resource: the server responded with a status of 404 (Not Found)"
WEBSOCKET_404 = "Error during WebSocket handshake: Unexpected response code: 404"


# Cada websocket de kernel que abre la página queda a mano, para cortarlo como lo corta un celular
# que se bloquea (el navegador deja de hablar con el servidor).
ANOTAR_SOCKETS = """(() => {
  const Original = window.WebSocket;
  window.socketsDeKernel = [];
  window.WebSocket = class extends Original {
    constructor(url, protocolos) {
      if (protocolos === undefined) super(url); else super(url, protocolos);
      if (/\\/api\\/kernels\\/[^/]+\\/channels/.test(String(url))) window.socketsDeKernel.push(this);
    }
  };
})();"""


class Celular:
    """Un celular: su contexto de Chromium vigilado (pedidos, consola) y, si se bloquea, sin red y
    con sus websockets cortados."""

    def __init__(self, navegador, vigilar, n: int):
        self.n = n
        self.nombre = NOMBRES[n]
        self.codigo = ids.codigo(self.nombre)
        self.contexto = ayudas.celular(navegador)
        self.contexto.add_init_script(ANOTAR_SOCKETS)
        self.vigilancias = []
        self.page = self.nueva_pagina(vigilar)
        self.kernels: list[str] = []

    def nueva_pagina(self, vigilar):
        v = vigilar(self.contexto) if not self.vigilancias else _vigilar_otra(self.contexto, self.vigilancias[0])
        v.page.set_default_timeout(300_000)
        self.vigilancias.append(v)
        self.page = v.page
        return v.page

    def bloquear(self) -> None:
        """Sin red: los websockets abiertos se cortan y no se pueden abrir otros."""
        self.contexto.set_offline(True)
        self.page.evaluate("window.socketsDeKernel.forEach(w => w.close())")

    def desbloquear(self) -> None:
        self.contexto.set_offline(False)

    def texto(self) -> str:
        return self.page.evaluate("""() => { const b = document.body.cloneNode(true);
            b.querySelectorAll('script, style').forEach(e => e.remove()); return b.innerText; }""")

    def sin_ingles(self) -> None:
        texto = self.texto()
        assert palabras_en_ingles(texto) == [], (self.nombre, palabras_en_ingles(texto), texto[:500])


def _vigilar_otra(contexto, v):
    """Una página más en el mismo contexto, anotada en la misma vigilancia."""
    page = contexto.new_page()
    escuchar(page, v)
    v.page = page
    return v


def _abrir_tablero_desde_la_portada(c: Celular, s: ServidorTaller) -> None:
    """Portada → tarjeta del módulo 02 → el tablero de Voilà (sin esperar a que termine de llegar)."""
    c.page.goto(s.url("/"))
    c.sin_ingles()
    tarjeta = c.page.locator(f'[data-modulo="{MODULO}"]')
    enlace = tarjeta.locator(f'a[href$="{TABLERO}"]')
    assert enlace.count() == 1
    enlace.tap(no_wait_after=True)


def _esperar_tablero_que_funciona(c: Celular, s: ServidorTaller) -> str:
    """El tablero llegó, tiene su mapa y responde a un toque (la medida pasa a la tasa)."""
    try:
        c.page.wait_for_url(f"**/voila/render/{TABLERO}")
        c.page.wait_for_function(LISTO)
    except Exception as e:
        raise AssertionError(f"{c.nombre}: el tablero no llegó ({e}); en pantalla: {c.texto()[:300]!r}\n"
                             + s.texto_registro()[-3000:]) from None
    kernel = c.page.evaluate("window.lideres.kernelId()")
    c.page.locator(".lideres-control-medida button").nth(1).tap()
    c.page.wait_for_function("() => (document.querySelector('.lideres-primeros') || {}).textContent"
                             "?.includes('tasa por 100 mil')")
    assert c.page.locator("#lideres-perdida").count() == 0
    texto = c.texto()
    assert "Loading widget" not in texto and "Se perdió la conexión" not in texto
    c.sin_ingles()
    c.kernels.append(kernel)
    return kernel


def _kernels_del_servidor(s: ServidorTaller) -> list[psutil.Process]:
    return [p for p in psutil.Process(s.proceso.pid).children(recursive=True)
            if any("kernel" in parte for parte in p.cmdline())]


def _trazas(registro: str) -> list[str]:
    """Cada traza del registro con las dos líneas de antes (quién la escribió) y su última línea."""
    lineas = registro.splitlines()
    trazas = []
    for i, linea in enumerate(lineas):
        if "Traceback" in linea:
            fin = i + 1
            while fin < len(lineas) and (lineas[fin].startswith((" ", "\t")) or not lineas[fin].strip()):
                fin += 1
            trazas.append("\n".join(lineas[max(0, i - 2):fin + 1]))
    return trazas


def _culled(s: ServidorTaller) -> set[str]:
    return set(re.findall(r"Culling 'idle' kernel \S+ \(([0-9a-f-]{36})\)", s.texto_registro()))


class Reloj:
    """Esperar sin dejar quieto a Playwright (los websockets de los celulares pasan por él)."""

    def __init__(self, navegador):
        self.contexto = navegador.new_context()
        self.page = self.contexto.new_page()

    def dormir(self, segundos: float) -> None:
        if segundos > 0:
            self.page.wait_for_timeout(segundos * 1000)

    def esperar(self, condicion, limite_s: float, que: str) -> None:
        limite = time.monotonic() + limite_s
        while not condicion():
            assert time.monotonic() < limite, f"no pasó: {que}"
            self.dormir(0.5)


def test_un_dia_de_taller(navegador, vigilar, ruta_chromium, tmp_path):
    from lideres import banco

    cuadernos = tmp_path / "cuadernos"
    for sub in ("tableros", "ejercicios"):
        (cuadernos / sub).mkdir(parents=True)
        shutil.copy(rutas.CUADERNOS / sub / f"{MODULO}.ipynb", cuadernos / sub)
    curso = mesa.curso_de_un_ejercicio(tmp_path / "curso", MODULO)
    preguntas = list(banco.cargar(MODULO, curso=curso).preguntas)
    escrita = next(p for p in preguntas if p.manual)
    larga = ("Texto largo de prueba. " * 200)[:2995]
    justa = ("Una respuesta larga pero dentro del tope. " * 60)[:entregas.MAX_ESCRITA - 1] + "."
    assert len(justa) == entregas.MAX_ESCRITA

    s = ServidorTaller(sin_libro=True, precalentados=None, participantes=len(NOMBRES), modulo="02",
                       cuadernos=cuadernos, curso=curso, modo="practica", apagar_inactivos=APAGAR_MIN,
                       espera_s=300, carpeta=tmp_path / "servidor")
    celulares: list[Celular] = []
    reloj = Reloj(navegador)
    with s:
        assert s.esperar_en_registro(f"Kernel pool of {TABLERO} is filled"), s.texto_registro()[-3000:]
        grupo = entregas.leer_grupo(curso)["codigo"]
        try:
            # ---- 1. La sala abre la portada y el tablero, todos a la vez.
            celulares = [Celular(navegador, vigilar, n) for n in range(len(NOMBRES))]
            for c in celulares:
                _abrir_tablero_desde_la_portada(c, s)
            for c in celulares:
                _esperar_tablero_que_funciona(c, s)

            # ---- 2. La pausa: unos se bloquean, y mientras el apagado los alcanza, otros cierran.
            inicio_pausa = time.monotonic()
            for n in BLOQUEADOS:
                celulares[n].bloquear()
            for n in BLOQUEADOS:  # sin red, el tablero lo dice en español
                celulares[n].page.locator("#lideres-perdida").wait_for(state="visible")
            for n in CERRARON[:3]:
                celulares[n].page.close()
            reloj.dormir(APAGAR_S - 5 - (time.monotonic() - inicio_pausa))  # justo antes del apagado
            for n in CERRARON[3:]:
                celulares[n].page.close()
            bloqueados = {celulares[n].kernels[-1] for n in BLOQUEADOS}
            reloj.esperar(lambda: bloqueados <= _culled(s), APAGAR_S * 4, "el apagado de los bloqueados")
            # La reserva esperó todo ese tiempo (más que el de apagado, varias pasadas) sin apagarse.
            assert time.monotonic() - inicio_pausa > APAGAR_S
            cerrados = {celulares[n].kernels[-1] for n in CERRARON}
            assert _culled(s) <= bloqueados | cerrados, "se apagó un kernel que esperaba en la reserva"
            reloj.esperar(lambda: not any(s.kernel_existe(k) for k in bloqueados | cerrados), 60,
                          "terminar de apagar los kernels de la pausa")

            # ---- 3. Vuelven: todos tienen un tablero que funciona.
            for n in BLOQUEADOS:
                c = celulares[n]
                c.desbloquear()
                aviso = c.page.locator("#lideres-perdida")
                assert "Se perdió la conexión — toca para volver a cargar" in aviso.inner_text()
                c.sin_ingles()
                c.page.evaluate("window.viejo = true")
                aviso.tap(no_wait_after=True)
            for n in CERRARON:
                celulares[n].nueva_pagina(vigilar)
                _abrir_tablero_desde_la_portada(celulares[n], s)
            for c in celulares:
                nuevo = _esperar_tablero_que_funciona(c, s)
                assert nuevo != c.kernels[0]
            de_la_reserva = set(re.findall(r"Using pre-heated kernel: ([0-9a-f-]{36})", s.texto_registro()))
            assert de_la_reserva & {c.kernels[-1] for c in celulares}, "nadie usó un kernel de la reserva"

            # ---- 4. El ejercicio: nueve en el formulario ligero, una en el de Voilà.
            for c in celulares:
                c.page.goto(s.url("/"))
                c.page.locator(f'[data-modulo="{MODULO}"]').get_by_role("link", name="Responder el ejercicio").tap()
                c.page.wait_for_url(f"**{ligero.url(MODULO)}")
                c.sin_ingles()
                if c.n == EN_VOILA:
                    c.page.get_by_role("link", name="Abrir la versión completa del ejercicio").tap()
                    entrar_voila(c.page, c.nombre, grupo, f"{1000 + c.n}")
                    c.kernels.append(c.page.evaluate("window.lideres.kernelId()"))
                    for i, p in enumerate(preguntas):
                        responder_voila(c.page, i, p, respuesta_buena_ligera(p, ESCRITA))
                    esperar_guardado_voila(c.page, len(preguntas), len(preguntas))
                    c.page.get_by_role("button", name="Entregar").tap()
                    c.page.wait_for_selector(".lideres-preguntas >> text=Entregado")
                    c.sin_ingles()
                    continue
                entrar_ligero(c.page, c.nombre, grupo.upper(), f"{1000 + c.n}")
                for p in preguntas:
                    responder_ligero(c.page, p, respuesta_buena_ligera(p, JUSTA == c.n and justa or ESCRITA))
                if c.n == LARGA:
                    # Primero guarda bien; luego pega una escrita de 2,995: rechazo y nada perdido.
                    c.page.get_by_role("button", name="Guardar mis respuestas").tap()
                    c.page.wait_for_selector(f"text=Guardado: {len(preguntas)} de {len(preguntas)} respuestas.")
                    area = c.page.locator(f'textarea[name="r-{escrita.id}"]')
                    area.fill(larga)
                    c.page.get_by_role("button", name="Guardar mis respuestas").tap()
                    c.page.wait_for_selector("text=tiene 2,995 caracteres y el máximo es 2,000")
                    assert c.page.locator(f'textarea[name="r-{escrita.id}"]').input_value() == larga
                    c.sin_ingles()
                    borrador = entregas.leer_borrador(curso, MODULO, entregas.Participante(c.nombre, c.codigo))
                    assert borrador["respuestas"][escrita.id] == ESCRITA  # lo guardado antes sigue
                    c.page.locator(f'textarea[name="r-{escrita.id}"]').fill(ESCRITA)
                c.page.get_by_role("button", name="Entregar").tap()
                c.page.wait_for_selector("text=Entregado a las")
                c.sin_ingles()
        finally:
            for c in celulares:
                # Se van como un celular: a otra página (pagehide: la página pide apagar su kernel).
                if not c.page.is_closed():
                    c.page.goto("about:blank")

        # ---- Ningún kernel de los celulares queda vivo (al irse de la página se apagan); solo la
        # reserva espera a la próxima persona. El navegador sigue abierto mientras tanto, como en
        # un celular: cerrarlo enseguida puede cortar el aviso de apagado que va en camino.
        try:
            de_celulares = {k for c in celulares for k in c.kernels}
            reloj.esperar(lambda: not any(s.kernel_existe(k) for k in de_celulares), 120, "apagar los kernels")
        finally:
            for c in celulares:
                c.contexto.close()

        # ---- 5. Quien facilita: califica, pone nota a las escritas en su página y hace el reporte.
        assert cli.main(["curso", "calificar", MODULO, "--curso", str(curso)]) == 0
        cliente = mesa.Cliente()
        for c in celulares:
            url = s.url(facilitador.url_escrita(MODULO, escrita.id))
            codigo, pagina, _ = cliente.pedir(url + f"?persona={c.codigo}")
            assert codigo == 200, pagina
            texto = JUSTA == c.n and justa or ESCRITA
            assert html.escape(texto, quote=False) in pagina  # completa, tal como la escribió
            assert palabras_en_ingles(texto_visible(pagina)) == []
            codigo, _, _ = cliente.pedir(url, {"_xsrf": mesa.xsrf(pagina), "persona": c.codigo,
                                               "puntos": f"{escrita.puntos:g}", "comentario": "Bien."})
            assert codigo == 303
        assert cli.main(["curso", "reporte", "--curso", str(curso)]) == 0
        kernels = _kernels_del_servidor(s)
    assert s.codigo_salida == 0, s.texto_salida()

    # ---- Al final: ningún kernel vivo, ninguna traza, ninguna entrega perdida, nada afuera.
    _, vivos = psutil.wait_procs(kernels, timeout=30)
    assert vivos == [], "quedaron kernels vivos después de detener el servidor"
    registro = s.texto_registro()
    assert "Traceback" not in registro, "\n\n".join(_trazas(registro))
    assert "WebSocketClosedError" not in registro
    with carpeta.Curso(curso).libro() as gb:
        for c in celulares:
            assert gb.find_submission(MODULO, c.codigo) is not None, c.nombre
            assert not gb.find_submission(MODULO, c.codigo).needs_manual_grade, c.nombre
    for c in celulares:
        enviado = curso / "submitted" / c.codigo / MODULO / f"{MODULO}.ipynb"
        assert enviado.is_file(), c.nombre
    reporte = (carpeta.Curso.de(curso).reportes / "avance.html").read_text(encoding="utf-8")
    for c in celulares:
        assert f'<th scope="row">{html.escape(c.nombre)}</th>' in reporte, c.nombre

    # El reporte en Chromium (un archivo de la laptop): en español y sin pedir nada afuera.
    try:
        with ayudas.reporte_en_chromium(navegador, curso) as page:
            assert palabras_en_ingles(page.inner_text("body")) == []
    finally:
        reloj.contexto.close()

    for c in celulares:
        v = c.vigilancias[0]
        assert v.externos() == [] and v.bloqueados == [], (c.nombre, v.externos(), v.bloqueados)
        # Un celular que vuelve de estar bloqueado: JupyterLab busca de nuevo su kernel (apagado en la
        # pausa) o reabre su websocket, y Chromium anota ese 404; la página ya muestra su aviso.
        apagado = c.kernels[0] if c.n in BLOQUEADOS else None
        inesperados = [
            d for e, d in zip(v.errores, v.donde, strict=True)
            if not (SIN_RED in e or (c.n == LARGA and e == RECHAZO_400)
                    or (apagado and e == NO_ENCONTRADO_404 and f"/api/kernels/{apagado}?" in d)
                    or (apagado and f"/api/kernels/{apagado}/channels" in e and e.endswith(WEBSOCKET_404)))
        ]
        assert inesperados == [], (c.nombre, v.donde)
