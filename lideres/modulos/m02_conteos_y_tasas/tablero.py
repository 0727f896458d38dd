"""Los widgets del tablero del módulo 02 «Conteos y tasas». La lógica vive en `calculos.py` y
`vistas.py`; el mapa, la ficha, el ranking y «Antes de concluir» son partes compartidas (`lideres.tablero`).

Estructura (clases CSS entre corchetes):

    TableroConteosYTasas (VBox) [lideres-tablero]
    ├── HTML estilos (<style>)
    ├── HTML título [lideres-titulo-caja] → <h2 class="lideres-titulo">
    ├── Box controles [lideres-controles]
    │   ├── VBox [lideres-control lideres-control-medida]: Label + ToggleButtons
    │   ├── VBox [lideres-control lideres-control-anio]: Label + ToggleButtons
    │   └── VBox [lideres-control lideres-control-distrito]: Dropdown (con su <label>)
    ├── HTML los tres primeros [lideres-primeros-caja] (cambia con los controles, a la vista)
    └── Box cuerpo [lideres-cuerpo]
        ├── VBox [lideres-columna-mapa]: Map [lideres-mapa] (una capa) + HTML ficha + HTML leyenda
        └── VBox [lideres-columna-lado]: HTML ranking + «Antes de concluir» [lideres-antes-caja]

En el teléfono todo va en una columna: los controles, justo debajo el mapa y, justo debajo del mapa,
la ficha del distrito tocado (lo que cambia queda a menos de una pantalla de lo que se tocó).
Desde 900 px, mapa y ranking lado a lado.
"""

from __future__ import annotations

import ipywidgets as widgets

from lideres.errores import ErrorLideres
from lideres.modulos.m02_conteos_y_tasas import vistas
from lideres.modulos.m02_conteos_y_tasas.calculos import AMBITOS, ANIOS, MEDIDAS, EstadoTablero
from lideres.tablero import mapa as mapa_mod
from lideres.tablero import partes
from lideres.tablero.aviso import aviso_de_error

_SIN_DISTRITO = "— Elige un distrito —"
_NINGUNO = ""  # valor de «— Elige un distrito —» (con None la lista se ve vacía)
ANTES_DE_CONCLUIR = (
    partes.DENUNCIAS_NO_SON_DELITOS,
    "Cercado de Lima, San Isidro o Miraflores reciben cada día a mucha gente que trabaja, compra o "
    "pasea ahí, y la tasa divide solo entre quienes viven allí: puede salir alta por eso. Es una "
    "explicación posible; no hay cifras de víctimas por distrito que lo digan.",
    "Una tasa de denuncias no es el riesgo de ser víctima: cuenta lo que se denunció, donde pasó.",
    partes.POBLACION_2020,
)


def _control(etiqueta: str, control: widgets.Widget, clase: str) -> widgets.VBox:
    caja = widgets.VBox(
        [widgets.Label(etiqueta), control],
        layout=widgets.Layout(max_width="100%"),
    )
    caja.add_class("lideres-control")
    caja.add_class(clase)
    return caja


class TableroConteosYTasas(widgets.VBox):
    """Mapa + ranking que cambian juntos con la medida y el año."""

    def __init__(
        self,
        medida: str = "conteo",
        anio: int = 2025,
        teselas: str | None = None,
        **kwargs,
    ):
        self.estado = EstadoTablero(medida=medida, anio=anio)
        self._base = mapa_mod.limites(AMBITOS)

        self.control_medida = widgets.ToggleButtons(
            options=[(texto, clave) for clave, texto in MEDIDAS.items()],
            value=self.estado.medida,
            tooltips=["Cuántas denuncias hubo", "Denuncias por cada 100 mil habitantes"],
            style={"button_width": "auto"},
        )
        self.control_anio = widgets.ToggleButtons(
            options=[(str(a), a) for a in ANIOS],
            value=self.estado.anio,
            style={"button_width": "auto"},
        )
        # La descripción de ipywidgets es un <label for=…> de la lista: un lector de pantalla la lee.
        self.control_distrito = widgets.Dropdown(
            options=[(_SIN_DISTRITO, _NINGUNO), *self.estado.distritos()],
            value=_NINGUNO,
            description="Distrito (o tócalo en el mapa)",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%", max_width="420px"),
        )
        eleccion = widgets.VBox([self.control_distrito], layout=widgets.Layout(max_width="100%"))
        eleccion.add_class("lideres-control")
        eleccion.add_class("lideres-control-distrito")
        controles = widgets.Box(
            [
                _control("Medida", self.control_medida, "lideres-control-medida"),
                _control("Año", self.control_anio, "lideres-control-anio"),
                eleccion,
            ]
        )
        controles.add_class("lideres-controles")

        self.titulo = widgets.HTML()
        self.titulo.add_class("lideres-titulo-caja")
        self.mapa, self.capa = mapa_mod.crear_mapa(self._base, self.estado, teselas=teselas)
        self.leyenda = widgets.HTML()
        self.info = widgets.HTML()
        self.grafico = widgets.HTML()
        self.primeros = widgets.HTML()
        for w, clase in (
            (self.primeros, "lideres-primeros-caja"),
            (self.leyenda, "lideres-leyenda-caja"),
            (self.info, "lideres-info-caja"),
            (self.grafico, "lideres-ranking-caja"),
        ):
            w.add_class(clase)

        # La ficha justo debajo del mapa: al tocar un distrito, aparece a la vista.
        columna_mapa = widgets.VBox([self.mapa, self.info, self.leyenda])
        columna_mapa.add_class("lideres-columna-mapa")
        self.antes = partes.antes_de_concluir(ANTES_DE_CONCLUIR)
        columna_lado = widgets.VBox([self.grafico, self.antes])
        columna_lado.add_class("lideres-columna-lado")
        cuerpo = widgets.Box([columna_mapa, columna_lado])
        cuerpo.add_class("lideres-cuerpo")

        super().__init__(
            [widgets.HTML(vistas.html_estilos()), self.titulo, controles, self.primeros, cuerpo],
            layout=widgets.Layout(width="100%", max_width="1280px"),
            **kwargs,
        )
        self.add_class("lideres-tablero")

        self.control_medida.observe(self._al_cambiar_medida, names="value")
        self.control_anio.observe(self._al_cambiar_anio, names="value")
        self.control_distrito.observe(self._al_elegir_distrito, names="value")
        self.capa.on_click(self._al_tocar_distrito)
        self._dibujar()

    # -- reacciones -----------------------------------------------------------------------------
    def _al_cambiar_medida(self, cambio) -> None:
        self.estado.medida = cambio["new"]
        self._dibujar()

    def _al_cambiar_anio(self, cambio) -> None:
        self.estado.anio = cambio["new"]
        self._dibujar()

    def _al_elegir_distrito(self, cambio) -> None:
        self.estado.seleccion = cambio["new"] or None
        self._dibujar()

    def _al_tocar_distrito(self, feature=None, properties=None, **_) -> None:
        props = properties or (feature or {}).get("properties") or {}
        ubigeo = props.get("ubigeo")
        if ubigeo:
            # El menú avisa a _al_elegir_distrito: un solo camino para tocar o elegir.
            self.control_distrito.value = str(ubigeo)

    def elegir(self, ubigeo: str | None) -> None:
        """Elige un distrito como si se lo tocara en el mapa (útil en pruebas y lecciones)."""
        self.control_distrito.value = ubigeo or _NINGUNO

    # -- dibujo -----------------------------------------------------------------------------------
    def _dibujar(self) -> None:
        self.titulo.value = vistas.html_titulo(self.estado)
        mapa_mod.pintar(self.capa, self.estado)
        self.leyenda.value = vistas.html_leyenda(self.estado)
        self.info.value = vistas.html_info(self.estado)
        self.grafico.value = vistas.html_ranking(self.estado)
        self.primeros.value = vistas.html_primeros(self.estado)

    def colores(self) -> dict[str, str]:
        """UBIGEO -> color de relleno que el mapa tiene ahora mismo."""
        return {u: e["fillColor"] for u, e in self.capa.estilos.items()}


def tablero(
    medida: str = "conteo", anio: int = 2025, teselas: str | None = None
) -> TableroConteosYTasas | widgets.HTML:
    """El tablero del módulo 02: mapa de Lima y Callao + ranking, con conteo o tasa y año.

    `teselas`: plantilla de URL de un mapa de fondo (opcional; también LIDERES_TESELAS).
    Sin ella no se pide nada fuera de la computadora. Si faltan datos, devuelve un aviso en
    español en lugar del tablero (en Voilà no se ven errores de Python).
    """
    try:
        return TableroConteosYTasas(medida=medida, anio=anio, teselas=teselas)
    except ErrorLideres as error:
        return aviso_de_error(error)


tablero_conteos_y_tasas = tablero  # el nombre de siempre (`lideres.tablero_conteos_y_tasas`)
