"""El formulario del ejercicio para el celular (Voilà): nombre, código del grupo, preguntas y «Entregar».

Solo widgets: qué se guarda y cómo se entrega está en `lideres.formulario.entregas`; qué está bien,
en `lideres.banco`. Las preguntas se responden tocando: alternativas, un campo para números con el
teclado numérico, una lista de distritos, botones para ordenar y un cuadro para escribir.
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as w

from lideres.formulario import entregas
from lideres.formulario.preparacion import _md, _texto_plano, preparacion_html  # noqa: F401


def _ancho(**mas) -> w.Layout:
    """Un Layout nuevo cada vez: un Layout compartido se oculta en todos a la vez."""
    return w.Layout(width="100%", max_width="640px", **mas)
ELIGE_DISTRITO = "— Elige un distrito —"
NO_SE_PUDO_GUARDAR = ("No se pudo guardar en la computadora del taller. Avisa a quien facilita; "
                      "no cierres esta página.")
SIN_RESPUESTAS = ("No respondiste ninguna pregunta. ¿Quieres entregar así, en blanco? Si no, "
                  "responde y vuelve a tocar «Entregar».")
NO_SE_PUDO_ENTREGAR = ("No se pudo entregar: la computadora del taller no pudo guardarlo. Tus respuestas "
                       "siguen aquí; avisa a quien facilita el taller.")


def contador_html(texto: str) -> str:
    """«120 de 2,000 caracteres» bajo la respuesta escrita; pasado el tope, un aviso en rojo."""
    mensaje, pasado = entregas.contador(texto)
    if not pasado:
        return f'<p class="lideres-ayuda">{mensaje}</p>'
    return _aviso(mensaje, "lideres-mal", "alert")


def _aviso(texto: str, clase: str = "lideres-nota", rol: str = "status") -> str:
    return f'<div class="{clase}" role="{rol}">{texto}</div>'


# ---------------------------------------------------------------- una pregunta


class ControlPregunta:
    """El control de una pregunta según su tipo. `valor()` da lo que se guarda (texto o lista)."""

    def __init__(self, pregunta: dict, numero: int, al_cambiar):
        self.pregunta = pregunta
        self.id = pregunta["id"]
        self.tipo = pregunta["tipo"]
        self._al_cambiar = al_cambiar
        self._silencio = False
        puntos = pregunta.get("puntos") or 0
        titulo = f"Pregunta {numero}"
        if pregunta.get("titulo"):
            titulo += f". {pregunta['titulo']}"
        titulo += f" ({puntos:g} {'punto' if puntos == 1 else 'puntos'})"
        self.encabezado = w.HTML(f"<h2>{html.escape(titulo)}</h2>" + _md(pregunta.get("enunciado", "")))
        self.encabezado.add_class("lideres-enunciado")
        self.veredicto = w.HTML("")
        self.veredicto.add_class("lideres-veredicto")
        hijos = [self.encabezado, *self._crear()]
        self.caja = w.VBox(hijos + [self.veredicto], layout=_ancho())
        self.caja.add_class("lideres-pregunta")

    # -- controles por tipo

    def _crear(self) -> list:
        tipo = self.tipo
        opciones = list(self.pregunta.get("opciones") or [])
        if tipo == "opcion":
            letras = "abcdefghijklmnopqrstuvwxyz"
            self.control = w.RadioButtons(
                options=[(f"{letras[i]}) {_texto_plano(t)}", letras[i]) for i, t in enumerate(opciones)],
                value=None, description="Elige una alternativa", layout=_ancho(),
                style={"description_width": "initial"},
            )
            self.control.add_class("lideres-alternativas")
        elif tipo == "numero":
            self.control = w.Text(
                description="Tu respuesta (un número)", placeholder="por ejemplo 123.4",
                layout=_ancho(), style={"description_width": "initial"},
            )
            self.control.add_class("lideres-decimal")
        elif tipo == "distrito":
            self.control = w.Dropdown(
                options=[(ELIGE_DISTRITO, None)] + [(d, d) for d in opciones], value=None,
                description="Distrito", layout=_ancho(), style={"description_width": "initial"},
            )
        elif tipo == "orden":
            return self._crear_orden(opciones)
        else:  # escrita
            self.control = w.Textarea(
                description="Tu respuesta", placeholder="Escribe aquí, en 3 a 5 líneas.", rows=6,
                layout=_ancho(), style={"description_width": "initial"},
            )
            self.control.add_class("lideres-escrita")
            # El límite a la vista y un contador antes de llegar a él: nada se corta en silencio.
            self.contador = w.HTML(contador_html(""))
            self.contador.add_class("lideres-contador")
            self.control.observe(lambda c: setattr(self.contador, "value", contador_html(c["new"])),
                                 names="value")
            self.control.observe(self._cambio, names="value")
            return [self.control, self.contador]
        self.control.observe(self._cambio, names="value")
        return [self.control]

    def _crear_orden(self, items: list[str]) -> list:
        self.items = [str(i) for i in items]
        self.tocado = False
        self.filas = []
        for i in range(len(self.items)):
            etiqueta = w.HTML("")
            etiqueta.add_class("lideres-item")
            subir = w.Button(description="▲ Subir")
            bajar = w.Button(description="▼ Bajar")
            subir.on_click(lambda _b, i=i: self._mover(i, -1))
            bajar.on_click(lambda _b, i=i: self._mover(i, +1))
            fila = w.HBox([etiqueta, subir, bajar], layout=_ancho())
            fila.add_class("lideres-fila-orden")
            self.filas.append((etiqueta, subir, bajar))
            self._filas_widgets = getattr(self, "_filas_widgets", []) + [fila]
        self._pintar_orden()
        ayuda = w.HTML('<p class="lideres-ayuda">Ordena con los botones: el primero de la lista va arriba.</p>')
        return [ayuda, *self._filas_widgets]

    def _pintar_orden(self) -> None:
        n = len(self.items)
        for i, (etiqueta, subir, bajar) in enumerate(self.filas):
            item = self.items[i]
            etiqueta.value = f"<span>{i + 1}. {html.escape(item)}</span>"
            subir.tooltip = f"Subir {item} (ahora está en el lugar {i + 1})"
            bajar.tooltip = f"Bajar {item} (ahora está en el lugar {i + 1})"
            subir.disabled = i == 0
            bajar.disabled = i == n - 1

    def _mover(self, i: int, paso: int) -> None:
        j = i + paso
        if 0 <= j < len(self.items):
            self.items[i], self.items[j] = self.items[j], self.items[i]
            self.tocado = True
            self._pintar_orden()
            self._cambio()

    # -- valor

    def valor(self):
        if self.tipo == "orden":
            return list(self.items) if self.tocado else None
        valor = self.control.value
        if isinstance(valor, str) and not valor.strip():
            return None
        return valor

    def poner(self, valor) -> None:
        self._silencio = True
        try:
            if self.tipo == "orden":
                if isinstance(valor, list) and sorted(valor) == sorted(self.items):
                    self.items, self.tocado = list(valor), True
                    self._pintar_orden()
            elif self.tipo in ("opcion", "distrito"):
                validos = [v for _, v in self.control.options]
                if valor in validos:
                    self.control.value = valor
            elif isinstance(valor, str):
                self.control.value = valor
        finally:
            self._silencio = False

    def vaciar(self) -> None:
        """Sin respuesta, como al abrir la página (para la persona que sigue en el mismo celular)."""
        self._silencio = True
        try:
            if self.tipo == "orden":
                self.items = [str(i) for i in self.pregunta.get("opciones") or []]
                self.tocado = False
                self._pintar_orden()
            elif self.tipo in ("opcion", "distrito"):
                self.control.value = None
            else:
                self.control.value = ""
            self.veredicto.value = ""
        finally:
            self._silencio = False

    def _cambio(self, _cambio=None) -> None:
        if not self._silencio:
            self.veredicto.value = ""
            self._al_cambiar(self)

    def mostrar_veredicto(self, veredicto) -> None:
        if veredicto.correcto is True:
            clase, marca = "lideres-bien", "✔ Correcto."
        elif veredicto.correcto is False:
            clase, marca = "lideres-mal", "✘ Todavía no."
        else:
            clase, marca = "lideres-nota", ""
        mensaje = html.escape(veredicto.mensaje or "")
        if veredicto.correcto is True and mensaje.strip() in ("¡Bien!", ""):
            mensaje = ""
        self.veredicto.value = _aviso(f"<strong>{marca}</strong> {mensaje}".strip(), clase)


# ---------------------------------------------------------------- el formulario


class FormularioEjercicio:
    def __init__(self, ejercicio: str, curso: Path | None = None):
        from lideres import banco

        self.ejercicio = ejercicio
        self.curso = Path(curso) if curso else entregas.curso_del_taller()
        self.banco = banco.cargar(ejercicio, curso=self.curso) if self.curso else banco.cargar(ejercicio)
        self.publico = self.banco.publico()
        self.preguntas = list(self.publico["preguntas"])
        self.tipos = {p["id"]: p["tipo"] for p in self.preguntas}
        self.participante: entregas.Participante | None = None
        self.practica = bool(self.curso) and entregas.modo(self.curso) == "practica"
        self.raiz = self._armar()

    # -- armado

    def _armar(self) -> w.VBox:
        cabecera = w.HTML(
            f"<h1>{html.escape(self.banco.titulo)}</h1>" + _md(self.banco.introduccion)
            + preparacion_html(self.publico.get("preparacion"))
        )
        cabecera.add_class("lideres-cabecera")
        if not self.curso:
            aviso = w.HTML(_aviso(
                "Esta computadora no está recibiendo entregas. Quien facilita el taller debe iniciar "
                "el servidor con <code>lideres taller --curso CARPETA</code>.", "lideres-mal", "alert"))
            raiz = w.VBox([cabecera, aviso], layout=_ancho())
            raiz.add_class("lideres-formulario")
            return raiz

        self.nombre = w.Text(description="Tu nombre y apellido", placeholder="por ejemplo María Quispe",
                             layout=_ancho(), style={"description_width": "initial"})
        self.nombre.add_class("lideres-nombre")
        self.codigo = w.Text(description="Código del grupo (te lo dicen en el taller)",
                             placeholder="dos palabras", layout=_ancho(), style={"description_width": "initial"})
        self.codigo.add_class("lideres-codigo")
        self.clave = w.Password(description="Tu clave de 4 números (invéntala y recuérdala)",
                                placeholder="por ejemplo 2580", layout=_ancho(),
                                style={"description_width": "initial"})
        self.clave.add_class("lideres-clave")
        self.boton_entrar = w.Button(description="Empezar", button_style="primary")
        self.boton_entrar.add_class("lideres-principal")
        self.boton_entrar.on_click(self._entrar)
        self.mensaje_entrada = w.HTML("")
        explicacion = w.HTML(
            "<p>Escribe tu nombre, el código del grupo y una clave de 4 números. Si se corta la "
            "conexión o cierras la página, vuelve a entrar con los mismos datos: tus respuestas "
            "quedan guardadas.</p>")
        self.entrada = w.VBox([explicacion, self.nombre, self.codigo, self.clave, self.boton_entrar,
                               self.mensaje_entrada], layout=_ancho())
        self.entrada.add_class("lideres-entrada")

        self.saludo = w.HTML("")
        self.controles = [ControlPregunta(p, i + 1, self._guardar) for i, p in enumerate(self.preguntas)]
        cajas = []
        for c in self.controles:
            if self.practica and self.tipos[c.id] != "escrita":
                revisar = w.Button(description="Revisar mi respuesta")
                revisar.add_class("lideres-revisar")
                revisar.on_click(lambda _b, c=c: self._revisar(c))
                c.caja.children = (*c.caja.children[:-1], revisar, c.caja.children[-1])
            cajas.append(c.caja)
        self.guardado = w.HTML("")
        self.guardado.add_class("lideres-guardado")
        self.boton_entregar = w.Button(description="Entregar", button_style="success")
        self.boton_entregar.add_class("lideres-principal")
        self.boton_entregar.on_click(self._entregar)
        self.estado = w.HTML("")
        # Entregar sin ninguna respuesta se confirma: suele ser un toque sin querer.
        self.boton_en_blanco = w.Button(description="Sí, entregar en blanco", button_style="warning",
                                        layout=w.Layout(display="none"))
        self.boton_en_blanco.add_class("lideres-en-blanco")
        self.boton_en_blanco.on_click(lambda _b: self._entregar(confirmado=True))
        self.boton_salir = w.Button(description="Terminé: dejar el celular a otra persona")
        self.boton_salir.add_class("lideres-revisar")
        self.boton_salir.on_click(self._salir)
        modo = ("Modo práctica: toca «Revisar mi respuesta» para saber si está bien."
                if self.practica else "Verás qué respuestas están bien cuando entregues.")
        self.preguntas_caja = w.VBox(
            [self.saludo, w.HTML(f'<p class="lideres-ayuda">{modo}</p>'), *cajas, self.guardado,
             self.boton_entregar, self.estado, self.boton_en_blanco, self.boton_salir],
            layout=_ancho(display="none"),
        )
        self.preguntas_caja.add_class("lideres-preguntas")
        raiz = w.VBox([cabecera, self.entrada, self.preguntas_caja], layout=_ancho())
        raiz.add_class("lideres-formulario")
        return raiz

    # -- acciones

    def _entrar(self, _boton=None) -> None:
        try:
            p = entregas.identificar(self.curso, self.nombre.value, self.codigo.value, self.clave.value)
        except entregas.Rechazo as e:
            self.mensaje_entrada.value = _aviso(html.escape(e.mensaje), "lideres-mal", "alert")
            return
        except OSError:
            self.mensaje_entrada.value = _aviso(NO_SE_PUDO_GUARDAR, "lideres-mal", "alert")
            return
        self.participante = p
        borrador = entregas.leer_borrador(self.curso, self.ejercicio, p)
        for c in self.controles:
            if c.id in borrador["respuestas"]:
                c.poner(borrador["respuestas"][c.id])
        recuperadas = sum(1 for c in self.controles if c.valor() is not None)
        texto = f"Hola, {html.escape(p.nombre)}."
        if recuperadas:
            texto += (f" Recuperamos tus {recuperadas} respuestas guardadas." if recuperadas > 1
                      else " Recuperamos tu respuesta guardada.")
        self.saludo.value = _aviso(texto)
        if borrador["entregas"]:
            import datetime as dt

            ultima = dt.datetime.fromisoformat(borrador["entregas"][-1])
            self.estado.value = self._texto_entregado(ultima)
        self.mensaje_entrada.value = ""
        self.entrada.layout.display = "none"
        self.preguntas_caja.layout.display = "flex"

    def _salir(self, _boton=None) -> None:
        """Lo guardado queda en la laptop; la pantalla vuelve a pedir nombre, código y clave."""
        self.participante = None
        for c in self.controles:
            c.vaciar()
        self.nombre.value = self.clave.value = ""
        self.saludo.value = self.guardado.value = self.estado.value = ""
        self.boton_en_blanco.layout.display = "none"
        self.mensaje_entrada.value = _aviso("Listo: tus respuestas quedaron guardadas. Ahora puede "
                                            "entrar otra persona.")
        self.preguntas_caja.layout.display = "none"
        self.entrada.layout.display = "flex"

    def respuestas(self) -> dict:
        return {c.id: c.valor() for c in self.controles if c.valor() is not None}

    def _guardar(self, _control=None) -> None:
        if self.participante is None:
            return
        if self.boton_en_blanco.layout.display != "none":  # ya respondió algo: no hay nada que confirmar
            self.boton_en_blanco.layout.display = "none"
            self.estado.value = ""
        try:
            entregas.guardar_borrador(self.curso, self.ejercicio, self.participante, self.respuestas(),
                                      self.tipos)
        except entregas.Rechazo as e:  # una respuesta muy larga: lo guardado antes sigue igual
            self.guardado.value = _aviso(html.escape(e.mensaje), "lideres-mal", "alert")
            return
        except OSError:
            self.guardado.value = _aviso(NO_SE_PUDO_GUARDAR, "lideres-mal", "alert")
            return
        n = len(self.respuestas())
        self.guardado.value = _aviso(f"Guardado: {n} de {len(self.controles)} respuestas.")

    def _revisar(self, control: ControlPregunta) -> None:
        from lideres import banco

        control.mostrar_veredicto(banco.revisar(self._publica(control.id), self._para_revisar(control)))

    def _para_revisar(self, control: ControlPregunta):
        # "250,0" en el celular es un número como se escribe en el Perú, no un error de Python.
        return entregas.valor_para_cuaderno(control.tipo, control.valor())

    def _publica(self, id_: str) -> dict:
        return next(p for p in self.preguntas if p["id"] == id_)

    def _texto_entregado(self, momento) -> str:
        return _aviso(
            f"<strong>Entregado</strong> a las {entregas.hora_local(momento)}"
            "<br>Si cambias algo, vuelve a tocar «Entregar»: vale la última entrega.", "lideres-bien")

    def _entregar(self, _boton=None, *, confirmado: bool = False) -> None:
        if self.participante is None:
            return
        from lideres import banco

        self.boton_en_blanco.layout.display = "none"
        if not self.respuestas() and not confirmado:
            self.estado.value = _aviso(SIN_RESPUESTAS, "lideres-mal", "alert")
            self.boton_en_blanco.layout.display = "inline-flex"
            return
        self.boton_entregar.disabled = True
        try:
            momento = entregas.entregar(self.curso, self.ejercicio, self.participante, self.respuestas(),
                                        self.tipos)
        except entregas.Rechazo as e:
            self.estado.value = _aviso(html.escape(e.mensaje), "lideres-mal", "alert")
            return
        except Exception:  # nunca un traceback en el celular; el detalle queda en el registro
            import logging

            logging.getLogger("lideres.formulario").exception("al entregar")
            self.estado.value = _aviso(NO_SE_PUDO_ENTREGAR, "lideres-mal", "alert")
            return
        finally:
            self.boton_entregar.disabled = False
        faltan = sum(1 for c in self.controles if c.valor() is None)
        texto = self._texto_entregado(momento)
        if faltan:
            texto += _aviso(f"Quedaron {faltan} preguntas sin responder." if faltan > 1
                            else "Quedó 1 pregunta sin responder.")
        self.estado.value = texto
        if not self.practica:  # examen: los aciertos y las explicaciones, recién ahora
            for c in self.controles:
                if self.tipos[c.id] != "escrita":
                    c.mostrar_veredicto(banco.revisar(self._publica(c.id), self._para_revisar(c)))


def formulario_ejercicio(ejercicio: str, curso: Path | str | None = None) -> w.VBox:
    """El widget raíz del formulario de un ejercicio (para la página en notebooks/ejercicios/)."""
    from lideres.errores import ErrorLideres

    try:
        return FormularioEjercicio(ejercicio, Path(curso) if curso else None).raiz
    except ErrorLideres:  # sin banco de preguntas (o uno con errores): un aviso, no un traceback
        import logging

        logging.getLogger("lideres.formulario").exception("banco de %s", ejercicio)
        raiz = w.VBox([w.HTML(_aviso(
            "Este ejercicio todavía no se puede responder en el celular. Avisa a quien facilita el "
            "taller.", "lideres-mal", "alert"))], layout=_ancho())
        raiz.add_class("lideres-formulario")
        return raiz
