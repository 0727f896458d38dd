"""Tablero del módulo 07: primero tu marca, después los datos (sintéticos).

    TableroPuntosCalientes (VBox) [lideres-tablero lideres-tablero-puntos-calientes]
    ├── HTML estilos, HTML título, HTML aviso SINTÉTICO
    ├── paso 1: control de distrito, mapa del distrito (ipyleaflet, sin fondo) con la herramienta de
    │   dibujo (DrawControl: solo rectángulos), botones «Mostrar los datos» y «Borrar mi marca»
    └── paso 2 (oculto hasta el botón) [lideres-resultados-07]
        ├── HTML comparación: tu marca frente a los puntos calientes
        ├── filtros: tipo, horas, meses
        ├── cómo dibujar los casos: celdas (con los puntos calientes), puntos, hexágonos o densidad
        │   (con el radio de la mancha, solo para la densidad)
        ├── HTML mapa (SVG, con su pie: nivel · periodo · fuente sintética) y HTML tabla hora × día:
        │   cambian juntos
        └── HTML «Antes de concluir»

La violencia contra la mujer y los integrantes del grupo familiar nunca llega aquí
(`calculos.incidentes`).

El paso 1 se arma sin pandas (`apertura`): un kernel frío abre medio segundo antes. Las cuentas
(`calculos`, `vistas`) se importan cuando hacen falta: al dibujar la primera marca (mientras la
persona llega a «Ya marqué») o al tocar ese botón.
"""

from __future__ import annotations

import ipywidgets as widgets

from lideres.errores import ErrorLideres
from lideres.modulos.m07_puntos_calientes import apertura as a
from lideres.tablero import partes

TODOS = "Todos los tipos"
MESES = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "set", "oct", "nov", "dic")
ANTES_DE_CONCLUIR = [
    "El delito no está en todas partes por igual: pocas celdas juntan muchos casos.",
    "Un punto caliente sirve para decidir dónde poner luz, patrullaje o la caminata de la junta vecinal.",
    "Un punto caliente no dice nada de las personas que viven ahí: no etiquetes una calle ni a sus vecinos.",
    "Estos casos son sintéticos (inventados para practicar): sus puntos calientes no existen.",
    "La violencia en casa no se dibuja como puntos: señalaría un hogar.",
]
ESTILO_DISTRITO = {"color": "#444444", "weight": 2, "fillColor": "#f2f2f2", "fillOpacity": 0.6}
ESTILO_CALIENTE = {"color": "#d95f02", "weight": 2, "fillColor": "#d95f02", "fillOpacity": 0.45}


def _titulo_html() -> str:
    # No repite el título de la página (el del cuaderno): en el celular empujaba el mapa fuera de la
    # primera pantalla.
    return partes.html_titulo("¿Se juntan los casos en pocos lugares?",
                              "Primero marca dónde crees que se juntan. Después mira los datos y compara.")


def _paso(titulo: str, texto: str) -> str:
    return a.html_paso(titulo, texto)


def _rectangulo(grilla, fila: int, columna: int) -> dict:
    sur, oeste, norte, este = grilla.esquinas(fila, columna)
    return {"type": "Feature", "properties": {},
            "geometry": {"type": "Polygon", "coordinates": [[
                [round(oeste, 5), round(sur, 5)], [round(este, 5), round(sur, 5)],
                [round(este, 5), round(norte, 5)], [round(oeste, 5), round(norte, 5)],
                [round(oeste, 5), round(sur, 5)]]]}}


class TableroPuntosCalientes(widgets.VBox):
    def __init__(self, distrito: str = "El Porvenir", datos=None, **kwargs):
        """`datos`: otra tabla de incidentes (benchmarks/tablero_07.py la usa con 10 veces más filas);
        si no se da, los incidentes sintéticos del curso."""
        import ipyleaflet

        from lideres.tablero import mapa as mapa_compartido

        a.distritos()  # si faltan los límites, ErrorLideres aquí (y el aviso en español)
        self.datos = datos
        self._preparados: dict = {}
        self._estado: tuple | None = None  # (filtros, estado) del último cálculo
        self.marca = None
        self.marcas: list[dict] = []
        self.revelado = False
        self.control_distrito = widgets.Dropdown(options=a.distritos(), value=distrito,
                                                 layout=widgets.Layout(width="100%", max_width="320px"))
        self.control_tipo = widgets.Dropdown(options=[TODOS, *a.tipos()], value=TODOS,
                                             layout=widgets.Layout(width="100%", max_width="320px"))
        self.control_horas = widgets.IntRangeSlider(value=(0, 23), min=0, max=23, step=1,
                                                    layout=widgets.Layout(width="100%", max_width="320px"))
        # Sin los números 1 – 12 al lado: la frase de abajo dice los meses con su nombre (`texto_meses`).
        self.control_meses = widgets.IntRangeSlider(value=(1, 12), min=1, max=12, step=1, readout=False,
                                                    layout=widgets.Layout(width="100%", max_width="320px"))
        self.texto_meses = widgets.HTML()
        self.control_vista = widgets.ToggleButtons(
            options=[(nombre, clave) for clave, nombre in a.VISTAS.items()], value="celdas",
            style={"button_width": "auto"})
        self.control_banda = widgets.ToggleButtons(
            options=[(f"{b} m", b) for b in a.BANDAS_M], value=a.BANDAS_M[1],
            style={"button_width": "auto"})
        self.caja_banda = partes.control("Radio de la mancha", self.control_banda, "lideres-control-banda")
        self.caja_banda.layout.display = "none"
        self.boton_mostrar = widgets.Button(description="Ya marqué: mostrar los datos", button_style="primary",
                                            layout=widgets.Layout(width="auto", max_width="100%"))
        self.boton_borrar = widgets.Button(description="Borrar mi marca",
                                           layout=widgets.Layout(width="auto", max_width="100%"))
        self.boton_mostrar.on_click(self._mostrar)
        self.boton_borrar.on_click(self._borrar)

        # Al cambiar, cada capa envía sus polígonos una vez (no dos: `capa_estilo_unico`).
        self.capa_distrito = mapa_compartido.capa_estilo_unico(
            data={"type": "FeatureCollection", "features": []}, style=ESTILO_DISTRITO, name="Distrito")
        self.capa_calientes = mapa_compartido.capa_estilo_unico(
            data={"type": "FeatureCollection", "features": []}, style=ESTILO_CALIENTE, name="Puntos calientes")
        self.dibujo = ipyleaflet.DrawControl(
            position="topleft", polyline={}, polygon={}, circle={}, circlemarker={}, marker={},
            rectangle={"shapeOptions": {"color": "#1f1f1f", "weight": 3, "dashArray": "6 4",
                                        "fillColor": "#1f1f1f", "fillOpacity": 0.1}},
            edit=False, remove=False)
        self.dibujo.on_draw(self._al_dibujar)
        zoom_es = ipyleaflet.ZoomControl(position="topleft", zoom_in_title="Acercar", zoom_out_title="Alejar")
        self.credito = ipyleaflet.AttributionControl(position="bottomright", prefix="")
        self.mapa = ipyleaflet.Map(
            layers=(self.capa_distrito,), controls=(zoom_es, self.dibujo, self.credito),
            zoom_snap=0.5, zoom_delta=0.5, min_zoom=9, max_zoom=17, scroll_wheel_zoom=False,
            keyboard=False, zoom_control=False, attribution_control=False,
            layout=widgets.Layout(width="100%", height="50vh", min_height="260px", max_height="520px"))
        self.mapa.add_class("lideres-mapa")

        self.comparacion = widgets.HTML()
        self.celdas = widgets.HTML()
        self.hora_dia = widgets.HTML()
        meses = partes.control("Meses del año", self.control_meses, "lideres-control-meses")
        meses.children = (*meses.children, self.texto_meses)  # la frase con los meses, bajo su control
        filtros = widgets.Box([
            partes.control("Tipo de delito", self.control_tipo, "lideres-control-tipo"),
            partes.control("Horas del día", self.control_horas, "lideres-control-horas"),
            meses,
        ])
        filtros.add_class("lideres-controles")
        dibujo = widgets.Box([partes.control("Cómo dibujar los casos", self.control_vista, "lideres-control-vista"),
                              self.caja_banda])
        dibujo.add_class("lideres-controles")
        self.resultados = widgets.VBox(
            [widgets.HTML(_paso("Paso 2. Compara", "Tu marca tiene borde de rayas; los puntos calientes, borde "
                                "naranja. Cambia los filtros: el mapa y la tabla cambian juntos.")),
             self.comparacion, filtros, dibujo, self.celdas, self.hora_dia,
             partes.antes_de_concluir(ANTES_DE_CONCLUIR)],
            layout=widgets.Layout(display="none", width="100%"))
        self.resultados.add_class("lideres-resultados-07")
        botones = widgets.Box([self.boton_mostrar, self.boton_borrar], layout=widgets.Layout(flex_flow="row wrap"))
        botones.add_class("lideres-botones-07")
        super().__init__(
            [widgets.HTML(partes.html_estilos() + partes.html_estilo(a.css())),
             widgets.HTML(_titulo_html()), widgets.HTML(partes.html_sintetico(a.AVISO_SINTETICO)),
             partes.control("Distrito", self.control_distrito, "lideres-control-distrito"),
             widgets.HTML(_paso("Paso 1. Antes de ver los datos", "Toca el cuadrado de la izquierda del mapa y "
                                "arrastra para marcar dónde crees que se juntan más casos. Luego toca «Ya marqué».")),
             self.mapa, botones, self.resultados],
            layout=widgets.Layout(width="100%", max_width="760px"), **kwargs)
        self.add_class("lideres-tablero")
        self.add_class("lideres-tablero-puntos-calientes")
        self.control_distrito.observe(self._cambio_distrito, names="value")
        for control in (self.control_tipo, self.control_horas, self.control_meses):
            control.observe(self._dibujar, names="value")
        self.control_vista.observe(self._cambio_vista, names="value")
        self.control_banda.observe(self._dibujar_mapa, names="value")
        self._poner_distrito()

    # -------------------------------------------------------------- la marca

    def _al_dibujar(self, _control, action: str, geo_json: dict) -> None:
        # ipyleaflet llama `callback(control, action=..., geo_json=...)`: los nombres son los suyos.
        if action == "created" and (geo_json or {}).get("geometry"):
            self.marcas.append(geo_json["geometry"])
            if self.revelado:
                self._dibujar()
            else:
                self._adelantar()

    def _adelantar(self) -> None:
        """Con la primera marca, calcula ya lo del paso 2 (importa pandas): la persona todavía tiene
        que tocar «Ya marqué». Si faltan los datos, el aviso sale al tocarlo (`_mostrar`)."""
        try:
            self.estado  # noqa: B018 (se calcula y se guarda)
        except ErrorLideres:
            pass

    def _borrar(self, _boton=None) -> None:
        self.marcas = []
        self.dibujo.clear()
        self._dibujar()

    def _mostrar(self, _boton=None) -> None:
        self.revelado = True
        self.resultados.layout.display = "flex"
        try:
            self._dibujar()
        except ErrorLideres as error:
            # Sin los incidentes no hay paso 2: el aviso en español en su lugar (nunca una traza).
            from lideres.tablero.aviso import aviso_de_error

            self.resultados.children = (aviso_de_error(error),)

    # -------------------------------------------------------------- el distrito y los filtros

    def _poner_distrito(self) -> None:
        from lideres.tablero import mapa as mapa_compartido

        rasgo = a.rasgo_distrito(self.control_distrito.value)
        base = {"type": "FeatureCollection", "features": [rasgo] if rasgo else []}
        self.capa_distrito.data = base
        if rasgo:
            centro, zoom = mapa_compartido.centro_y_zoom(base)
            self.mapa.center, self.mapa.zoom = centro, zoom
            self.credito.prefix = f"Límite: {rasgo['properties']['distrito']} · {a.AVISO_SINTETICO.split(':')[0]}"

    def _cambio_distrito(self, _cambio=None) -> None:
        # Otro distrito, otra apuesta: se borra la marca y se vuelven a ocultar los datos.
        self.marcas = []
        self.dibujo.clear()
        self.revelado = False
        self.resultados.layout.display = "none"
        self.capa_calientes.data = {"type": "FeatureCollection", "features": []}
        if self.capa_calientes in self.mapa.layers:
            self.mapa.remove(self.capa_calientes)
        self._poner_distrito()

    def filtros(self) -> dict:
        tipo = self.control_tipo.value
        return {"distrito": self.control_distrito.value, "tipos_": None if tipo == TODOS else (tipo,),
                "horas": tuple(self.control_horas.value), "meses": tuple(self.control_meses.value)}

    def _preparado(self, distrito: str):
        from lideres.modulos.m07_puntos_calientes import calculos as c

        if self.datos is None:
            return None
        if distrito not in self._preparados:
            self._preparados = {distrito: c.preparar_distrito(distrito, datos=self.datos)}
        return self._preparados[distrito]

    @property
    def estado(self) -> dict:
        """El estado de `calculos.estado_puntos` con los filtros de ahora (uno por filtros)."""
        from lideres.modulos.m07_puntos_calientes import calculos as c

        filtros = self.filtros()
        clave = repr(sorted(filtros.items()))
        if self._estado is None or self._estado[0] != clave:
            self._estado = (clave, c.estado_puntos(**filtros, preparado=self._preparado(filtros["distrito"])))
        return self._estado[1]

    def _dibujar(self, _cambio=None) -> None:
        from lideres.modulos.m07_puntos_calientes import calculos as c
        from lideres.modulos.m07_puntos_calientes import vistas

        self.marca = None
        if not self.revelado:
            # Los datos se ven después de la marca: antes no se calculan ni se envían (abre más rápido).
            return
        desde, hasta = self.control_meses.value
        self.texto_meses.value = vistas.html_meses(MESES[desde - 1], MESES[hasta - 1])
        marca = None
        if self.marcas:
            marca = c.comparar_marca(self.estado, self.marcas)
            self.comparacion.value = vistas.html_comparacion(marca)
        else:
            self.comparacion.value = vistas.html_sin_marca()
        self.marca = marca
        self._dibujar_mapa()
        self.hora_dia.value = vistas.html_hora_dia(self.estado, bajo_el_mapa=True)
        g = self.estado["grilla"]
        calientes = self.estado["celdas"][self.estado["celdas"]["caliente"]]
        self.capa_calientes.data = {"type": "FeatureCollection", "features": [
            _rectangulo(g, int(f.fila), int(f.columna)) for f in calientes.itertuples()]}
        if self.capa_calientes not in self.mapa.layers:
            self.mapa.add(self.capa_calientes)

    # -------------------------------------------------------------- cómo dibujar los casos

    def _cambio_vista(self, _cambio=None) -> None:
        self.caja_banda.layout.display = "flex" if self.control_vista.value == "densidad" else "none"
        self._dibujar_mapa()

    def _dibujar_mapa(self, _cambio=None) -> None:
        from lideres.modulos.m07_puntos_calientes import vistas

        # Solo se calcula la vista elegida (los hexágonos importan h3).
        self.celdas.value = vistas.svg_vista(self.estado, self.control_vista.value, self.marca,
                                             self.control_banda.value)


def tablero(distrito: str = "El Porvenir", datos=None):
    """El tablero del módulo 07. Si faltan datos, devuelve un aviso en español."""
    from lideres.tablero.aviso import aviso_de_error

    try:
        return TableroPuntosCalientes(distrito, datos=datos)
    except ErrorLideres as error:
        return aviso_de_error(error)
