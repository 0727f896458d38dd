"""Tablero del módulo 09 «Tus propios datos» (solo en Voilà: necesita el archivo de quien lo usa).

    TableroTusDatos (VBox) [lideres-tablero lideres-tablero-m09]
    ├── HTML estilos, título y aviso «tu archivo se queda en esta página»
    ├── subida (FileUpload) y, si los títulos no se reconocen, qué columna es cada cosa (Dropdown)
    ├── HTML resultado (lo mismo que `lideres datos revisar`, o su error en español)
    ├── distrito (Dropdown, si hay varios), HTML por mes, HTML hora × día, HTML lugares
    ├── HTML descargas (limpio y anonimizado, armadas en la página: data: URI)
    └── HTML «Antes de concluir»

El archivo vive solo en la memoria de este kernel: no se escribe en el disco, y se borra del
widget en cuanto se leyó (el kernel se apaga al cerrar la página).
"""

from __future__ import annotations

import base64
from html import escape

import ipywidgets as widgets

from lideres.errores import ErrorLideres
from lideres.modulos.m09_tus_datos import calculos, vistas
from lideres.tablero import partes
from lideres.tablero.subida import control_subida, tomar

ANTES_DE_CONCLUIR = [
    "Tu cuaderno cuenta lo que llegó a la junta: no todo lo que pasó, ni lo mismo que la comisaría.",
    "Un mes con más anotaciones puede ser un mes en que se anotó más (más rondas, más vecinos avisando).",
    "Antes de compartir un mapa o una tabla, usa la descarga anonimizada: un punto exacto puede señalar "
    "la casa de una víctima.",
]
# El registro de una junta también da una ficha de una página: se arma en el tablero del 10.
FICHA_EN_EL_10 = ("<p>¿Una ficha de una página para llevar a la reunión? Sube tu cuaderno en el tablero "
                  "«Del dato a la acción» (módulo 10).</p>")
SIN_ELEGIR = "(ninguna)"
ELEGIBLES = ("fecha", "tipo", "distrito", "ubigeo", "lat", "lon", "hora")


def _titulo_html() -> str:
    return (
        '<h2 class="lideres-titulo" lang="es">Sube tu archivo</h2>'
        '<p lang="es">Sube el cuaderno de incidencias de tu junta (Excel o CSV) o el archivo de '
        "denuncias de la Policía (datos abiertos). Verás qué filas sirven, qué dice cada columna y sus "
        "gráficos.</p>"
        f'<p class="lideres-resultado" lang="es">{escape(vistas.AVISO_PRIVADO)}</p>'
    )


def _enlace(nombre: str, contenido: bytes, texto: str) -> str:
    datos = base64.b64encode(contenido).decode("ascii")
    return (f'<a class="lideres-descarga" download="{escape(nombre)}" '
            f'href="data:text/csv;charset=utf-8;base64,{datos}">{escape(texto)}</a>')


class TableroTusDatos(widgets.VBox):
    def __init__(self, **kwargs):
        self.subida = control_subida()  # no envía un archivo más grande que el límite
        self.columnas = {c: widgets.Dropdown(options=[SIN_ELEGIR], value=SIN_ELEGIR,
                                             layout=widgets.Layout(width="100%", max_width="320px"))
                         for c in ELEGIBLES}
        self.usar_columnas = widgets.Button(description="Usar estas columnas", layout=widgets.Layout(min_height="44px"))
        self.caja_columnas = widgets.VBox(
            [widgets.HTML('<p lang="es">Los títulos de tu archivo no se reconocen. Di qué columna es '
                          "cada cosa (fecha y tipo, y distrito o lat y lon):</p>"),
             *[partes.control(c, d, f"lideres-control-columna-{c}") for c, d in self.columnas.items()],
             self.usar_columnas])
        self.caja_columnas.layout.display = "none"
        self.resultado = widgets.HTML()
        self.distrito = widgets.Dropdown(options=[], layout=widgets.Layout(width="100%", max_width="320px"))
        self.caja_distrito = partes.control("Distrito para los gráficos", self.distrito, "lideres-control-distrito")
        self.caja_distrito.layout.display = "none"
        self.por_mes = widgets.HTML()
        self.hora_dia = widgets.HTML()
        self.lugares = widgets.HTML()
        self.descargas = widgets.HTML()
        self.revision = None
        self._datos: tuple[bytes, str] | None = None  # solo mientras hace falta elegir columnas
        super().__init__(
            [widgets.HTML(partes.html_estilos()), widgets.HTML(_titulo_html()),
             self._caja_subida(), self.caja_columnas,
             self.resultado, self.caja_distrito, self.por_mes, self.hora_dia, self.lugares, self.descargas,
             partes.antes_de_concluir(ANTES_DE_CONCLUIR)],
            layout=widgets.Layout(width="100%", max_width="760px"), **kwargs)
        self.add_class("lideres-tablero")
        self.add_class("lideres-tablero-m09")
        self.subida.observe(self._al_subir, names="value")
        self.usar_columnas.on_click(self._con_columnas)
        self.distrito.observe(self._dibujar_graficos, names="value")

    def _caja_subida(self):
        caja = widgets.VBox([self.subida], layout=widgets.Layout(max_width="100%"))
        caja.add_class("lideres-control")
        caja.add_class("lideres-control-subida")
        return caja

    # ------------------------------------------------------------------ subir

    def _al_subir(self, _cambio=None) -> None:
        archivo = tomar(self.subida)  # el archivo no queda en el widget (ni en el navegador)
        if archivo:
            self.revisar(*archivo)

    def revisar(self, datos: bytes, nombre: str, columnas: dict[str, str] | None = None) -> None:
        """Revisa un archivo ya en la memoria y dibuja todo (lo usa la subida y las pruebas)."""
        from lideres.revisar import leer_datos, revisar_datos

        self.revision = None
        for caja in (self.por_mes, self.hora_dia, self.lugares, self.descargas):
            caja.value = ""
        self.caja_distrito.layout.display = "none"
        try:
            self.revision = revisar_datos(datos, nombre, columnas=columnas)
        except ErrorLideres as e:
            self.resultado.value = vistas.html_error(e)
            if e.mensaje.startswith("Falta la columna") or "no tiene esa columna" in e.mensaje:
                try:
                    titulos = [t for t in leer_datos(datos, nombre).titulos if t]
                except ErrorLideres:
                    titulos = []
                if titulos:
                    self._datos = (datos, nombre)
                    for d in self.columnas.values():
                        d.options = [SIN_ELEGIR, *titulos]
                    self.caja_columnas.layout.display = ""
                    return
            self.caja_columnas.layout.display = "none"
            self._datos = None
            return
        self._datos = None
        self.caja_columnas.layout.display = "none"
        self.resultado.value = vistas.html_revision(self.revision)
        distritos = list(self.revision.distritos)
        if len(distritos) > 1:
            self.distrito.options = [("Todos", ""), *[(d, d) for d in distritos]]
            self.caja_distrito.layout.display = ""
        self._dibujar_graficos()

    def _con_columnas(self, _boton=None) -> None:
        if self._datos is None:
            return
        elegidas = {c: d.value for c, d in self.columnas.items() if d.value != SIN_ELEGIR}
        self.revisar(*self._datos, columnas=elegidas)

    # ------------------------------------------------------------------ dibujar

    def _dibujar_graficos(self, _cambio=None) -> None:
        if self.revision is None:
            return
        distrito = self.distrito.value or None if self.caja_distrito.layout.display != "none" else None
        self.por_mes.value = vistas.html_por_mes(self.revision, distrito)
        self.hora_dia.value = vistas.html_hora_dia(self.revision)
        self.lugares.value = vistas.html_lugares(self.revision)
        base = self.revision.archivo.stem
        limpio = self.revision
        if distrito:  # el archivo oficial nacional es enorme: se baja solo el distrito elegido
            from dataclasses import replace

            limpio = replace(self.revision, tabla=self.revision.distrito(distrito))
        self.descargas.value = (
            '<div class="lideres-descargas" lang="es"><h3>Descargar</h3><p>'
            + _enlace(f"{base}_limpio.csv", calculos.exportar_limpio(limpio), "Archivo limpio (para la junta)")
            + " · "
            + _enlace(f"{base}_anonimizado.csv", calculos.exportar_anonimizado(limpio),
                      "Archivo anonimizado (para compartir)")
            + "</p><p>El anonimizado no tiene lugar, fuente ni día (solo el mes), mueve cada punto al azar "
            f"hasta {calculos.RADIO_ANONIMO_M} m y quita las combinaciones con menos de {calculos.UMBRAL_ANONIMO} "
            "filas (módulo 08).</p>" + (FICHA_EN_EL_10 if self.revision.unidad == "incidencias" else "") + "</div>")


def tablero() -> TableroTusDatos:
    """El tablero del módulo 09 (para notebooks/tableros/09_tus_datos.ipynb)."""
    return TableroTusDatos()
