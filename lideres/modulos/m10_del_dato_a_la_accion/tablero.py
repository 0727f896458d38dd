"""Tablero del módulo 10 «Del dato a la acción»: elegir un distrito, ver las cifras de su ficha
(cada una con su lugar, año y fuente) y descargar la ficha en PDF para imprimir; o subir el
registro propio de la junta y bajar su ficha, con los conteos pequeños ocultos (módulo 08).

    TableroFicha (VBox) [lideres-tablero lideres-tablero-m10]
    ├── HTML estilos y título
    ├── distrito (Dropdown)
    ├── HTML cifras (las de la ficha) y enlace de descarga del PDF (armado en la página)
    ├── HTML «Antes de concluir: lo que estos datos no dicen» (los de ese distrito)
    ├── HTML título «La ficha de tu registro» y aviso «tu registro se queda en esta página»
    ├── subida (FileUpload)
    ├── HTML registro (sus cifras ya anonimizadas, o el error en español), su descarga y lo que no dice
    └── HTML «Antes de presentar un dato» (la lista que cierra el curso)

El registro vive solo en la memoria de este kernel: no se escribe en el disco, se borra del widget
en cuanto se leyó, y la ficha se arma con las funciones de `lideres.anonimizar` antes de mostrar nada.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from lideres.errores import ErrorLideres
from lideres.modulos.m10_del_dato_a_la_accion import calculos, vistas
from lideres.tablero import partes
from lideres.tablero.subida import control_subida, tomar


def _caja(*clases: str) -> widgets.HTML:
    caja = widgets.HTML()
    for clase in clases:
        caja.add_class(clase)
    return caja


class TableroFicha(widgets.VBox):
    def __init__(self, distrito: str = "El Porvenir", **kwargs):
        from lideres.tablas import cargar

        nombres = sorted(cargar("distritos")["distrito"])
        self.distrito = widgets.Dropdown(options=nombres, value=calculos.datos_ficha(distrito).distrito,
                                         layout=widgets.Layout(width="100%", max_width="320px"))
        self.cifras = widgets.HTML()
        self.descarga = widgets.HTML()
        self.antes = _caja("lideres-antes-caja")
        self.subida = control_subida("Elegir el registro")
        caja_subida = widgets.VBox([self.subida], layout=widgets.Layout(max_width="100%"))
        caja_subida.add_class("lideres-control")
        caja_subida.add_class("lideres-control-subida")
        self.registro = _caja("lideres-m10-registro")
        self.descarga_registro = _caja("lideres-m10-descarga-registro")
        self.antes_registro = _caja("lideres-antes-caja")
        self.ficha_registro: calculos.Ficha | None = None
        super().__init__(
            [widgets.HTML(partes.html_estilos()),
             widgets.HTML('<h2 class="lideres-titulo" lang="es">La ficha de tu barrio</h2><p lang="es">Elige '
                          "tu distrito: verás sus cifras con su lugar, año y fuente, y podrás bajar la "
                          "ficha para imprimirla y llevarla a la reunión.</p>"),
             partes.control("Distrito", self.distrito, "lideres-control-distrito"),
             self.cifras, self.descarga, self.antes,
             widgets.HTML('<h3 class="lideres-titulo" lang="es">La ficha de tu registro</h3><p lang="es">¿Tu '
                          "junta lleva su cuaderno de incidencias (módulo 09)? Súbelo y baja su ficha de una "
                          "página. Las cifras pequeñas se ocultan para que nadie reconozca a una víctima.</p>"
                          f'<p class="lideres-resultado" lang="es">{escape(vistas.AVISO_PRIVADO)}</p>'),
             caja_subida, self.registro, self.descarga_registro, self.antes_registro,
             partes.antes_de_concluir(calculos.ANTES_DE_PRESENTAR, titulo="Antes de presentar un dato")],
            layout=widgets.Layout(width="100%", max_width="760px"), **kwargs)
        self.add_class("lideres-tablero")
        self.add_class("lideres-tablero-m10")
        self.distrito.observe(self._dibujar, names="value")
        self.subida.observe(self._al_subir, names="value")
        self._dibujar()

    def _dibujar(self, _cambio=None) -> None:
        from lideres.modulos.m10_del_dato_a_la_accion.ficha import compilar

        ficha = calculos.datos_ficha(self.distrito.value)
        self.cifras.value = vistas.html_cifras(ficha)
        self.descarga.value = vistas.html_descarga(ficha, compilar(ficha))
        self.antes.value = vistas.html_no_dicen(ficha)

    # ------------------------------------------------------------------ el registro de la junta

    def _al_subir(self, _cambio=None) -> None:
        archivo = tomar(self.subida)  # el archivo no queda en el widget (ni en el navegador)
        if archivo:
            self.ficha_del_registro(*archivo)

    def ficha_del_registro(self, datos: bytes, nombre: str) -> None:
        """Revisa el registro ya en la memoria, lo anonimiza y dibuja su ficha (lo usan la subida y
        las pruebas). Nada se escribe en el disco: el PDF va en el enlace de la página."""
        from lideres.modulos.m10_del_dato_a_la_accion.ficha import compilar
        from lideres.revisar import revisar_datos

        self.ficha_registro = None
        for caja in (self.descarga_registro, self.antes_registro):
            caja.value = ""
        try:
            ficha = calculos.datos_ficha_registro(revisar_datos(datos, nombre))
            pdf = compilar(ficha)
        except ErrorLideres as e:
            self.registro.value = vistas.html_error(e)
            return
        self.ficha_registro = ficha
        self.registro.value = vistas.html_cifras(ficha)
        self.descarga_registro.value = vistas.html_descarga(ficha, pdf)
        self.antes_registro.value = vistas.html_no_dicen(ficha)


def tablero(**kwargs) -> TableroFicha:
    """El tablero del módulo 10 (para notebooks/tableros/10_del_dato_a_la_accion.ipynb)."""
    return TableroFicha(**kwargs)
