"""Vistas del módulo 05: el estado del revisor de titulares -> HTML y SVG (plantillas Jinja).

Sin widgets: las usan el tablero de Voilà, la página liviana y el libro. El gráfico es SVG dentro
de la página (pesa pocos KB, se ve sin internet y no carga matplotlib en el kernel).
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from lideres import formato
from lideres.jinja import plantillas_de
from lideres.modulos.m05_tendencias import calculos as c

PLANTILLAS = Path(__file__).with_name("plantillas")

AZUL_OSCURO = "#08519c"   # el periodo elegido
AZUL_CLARO = "#6baed6"    # el periodo con el que se compara
GRIS = "#cfcfcf"          # los demás
ANCHO, ALTO = 360, 220    # unidades del SVG: a 360 px de ancho, 1 unidad = 1 px (letra legible)
IZQ, ARRIBA, ABAJO = 60, 12, 28  # letra de 14 unidades: ~12,6 px vista a ~325 px de ancho

AVISO_SIMULADO = ("Distrito simulado (sintético): los casos se inventaron con semilla y el "
                  "promedio nunca cambia.")


def _entorno() -> jinja2.Environment:
    return plantillas_de(__file__)


def css() -> str:
    """Los estilos propios del tablero (la tabla del titular, la lista de lo que no se sabe)."""
    return (PLANTILLAS / "tendencias.css").read_text(encoding="utf-8")


def pie(estado: dict) -> str:
    """Qué, nivel, periodo y fuente: va debajo de toda figura y tabla del módulo."""
    return f"{estado['titulo']}. {estado['fuente']}"


def con_unidad(n: int, unidad: str) -> str:
    """«1 caso», «5 casos», «1 denuncia»."""
    if int(n) == 1 and unidad.endswith("s"):
        unidad = unidad[:-1]
    return f"{formato.numero(n)} {unidad}"


def html_resultado(estado: dict) -> str:
    mismo = estado["mismo_mes_anio_anterior"]
    return _entorno().get_template("resultado.html.j2").render(
        serie=estado["serie"], periodo=estado["periodo"], dentro=estado["dentro_de_la_banda"],
        sintetico=estado["sintetico"], aviso_sintetico=AVISO_SIMULADO,
        veredicto=estado["veredicto"], periodo_anterior=estado["periodo_anterior"],
        casos_antes=con_unidad(estado["casos_antes"], estado["unidad"]),
        casos=con_unidad(estado["casos"], estado["unidad"]),
        unidad=estado["unidad"], cambio=estado["cambio"].texto(estado["unidad"]),
        mismo_mes=mismo.texto(estado["unidad"]) if mismo is not None else "",
        banda_baja=formato.numero(estado["banda"][0]), banda_alta=formato.numero(estado["banda"][1]),
        esperado=formato.numero(estado["esperado"]), no_dice=estado["no_dice"], pie=pie(estado),
    )


def _marcas(maximo: float) -> list[float]:
    """Tres o cuatro valores redondos para el eje."""
    paso = 10 ** max(0, len(str(int(maximo))) - 1)
    for factor in (1, 2, 5, 10):
        if maximo / (paso * factor) <= 4:
            paso *= factor
            break
    return [paso * i for i in range(0, int(maximo // paso) + 1)]


def _etiqueta_x(tabla, i: int, frecuencia: str) -> str | None:
    fila = tabla.iloc[i]
    if frecuencia == "año":
        return str(int(fila["anio"]))
    if tabla["anio"].nunique() == 1:
        return c.MESES[int(fila["mes"]) - 1][:3]
    return str(int(fila["anio"])) if int(fila["mes"]) == 1 else None


def texto_alternativo(estado: dict) -> str:
    movil = " y una línea con el promedio móvil" if estado["media_movil"] is not None else ""
    return (f"Gráfico de barras: {estado['titulo']}. Resaltados {estado['periodo_anterior']} "
            f"({formato.numero(estado['casos_antes'])}) y {estado['periodo']} "
            f"({formato.numero(estado['casos'])}); un recuadro marca lo que varía sola la cifra, entre "
            f"{formato.numero(estado['banda'][0])} y {formato.numero(estado['banda'][1])}{movil}.")


def svg_serie(estado: dict) -> str:
    tabla = estado["tabla"]
    frecuencia = c.SERIES[estado["serie"]].frecuencia
    n = len(tabla)
    i_actual = list(tabla["etiqueta"]).index(estado["periodo"])
    maximo = max(float(tabla["casos"].max()), float(estado["banda"][1])) * 1.08
    base = ALTO - ABAJO
    escala = (base - ARRIBA) / maximo
    paso = (ANCHO - IZQ - 6) / n
    ancho_barra = max(paso * 0.75, 1.5)

    def y(valor: float) -> float:
        return round(base - valor * escala, 1)

    barras, etiquetas = [], []
    for i, fila in enumerate(tabla.itertuples()):
        x = round(IZQ + i * paso + (paso - ancho_barra) / 2, 1)
        color, clase = GRIS, ""
        if i == i_actual:
            color, clase = AZUL_OSCURO, "lideres-barra-elegida"
        elif i == i_actual - 1:
            color, clase = AZUL_CLARO, "lideres-barra-anterior"
        parcial = "" if fila.completo else " (año incompleto)"
        barras.append({"x": x, "y": y(fila.casos), "ancho": round(ancho_barra, 1),
                       "alto": round(fila.casos * escala, 1), "color": color, "clase": clase,
                       "titulo": f"{fila.etiqueta}: {formato.numero(fila.casos)} {estado['unidad']}{parcial}"})
        texto = _etiqueta_x(tabla, i, frecuencia)
        if texto:
            etiquetas.append({"x": round(IZQ + i * paso + paso / 2, 1), "texto": texto})
    bajo, alto = estado["banda"]
    banda = {"x": round(IZQ + i_actual * paso, 1), "y": y(alto), "ancho": round(paso, 1),
             "alto": round((alto - bajo) * escala, 1) or 1}
    movil = ""
    if estado["media_movil"] is not None:
        puntos = [f"{round(IZQ + i * paso + paso / 2, 1)},{y(v)}"
                  for i, v in enumerate(estado["media_movil"]) if v == v]
        movil = " ".join(puntos)
    marcas = [{"y": y(v), "texto": formato.numero(v)} for v in _marcas(maximo)]
    que = "mes" if frecuencia == "mes" else "año"
    leyenda = (f"Barras: {estado['unidad']} por {que}. Azul oscuro: {estado['periodo']}; azul claro: "
               f"{estado['periodo_anterior']}. Recuadro naranja: lo que varía sola la cifra si nada "
               f"cambió.")
    if movil:
        leyenda += (f" Línea negra: promedio de los últimos {estado['ventana']} "
                    f"{'meses' if que == 'mes' else 'años'}.")
    return _entorno().get_template("serie.svg.j2").render(
        serie=estado["serie"], ancho=ANCHO, alto=ALTO, izq=IZQ, base=base, marcas=marcas,
        banda=banda, barras=barras, movil=movil, etiquetas=etiquetas, alt=texto_alternativo(estado),
        leyenda=leyenda + " " + pie(estado),
    )


class Html:
    """Un fragmento de HTML que Jupyter y el libro muestran tal cual (sin depender de IPython)."""

    def __init__(self, html: str):
        self.html = html

    def _repr_html_(self) -> str:
        return self.html


def grafico(serie: str, periodo: str | None = None, afirmacion: str | None = None, ventana: int = 3) -> Html:
    """Para la lección: el gráfico del revisor de titulares (SVG con su pie)."""
    return Html(svg_serie(c.revisar_titular(serie, periodo, afirmacion, ventana)))


def revisar(serie: str, periodo: str | None = None, afirmacion: str | None = None, ventana: int = 3) -> Html:
    """Para la lección: el veredicto con sus números y lo que los datos no dicen."""
    return Html(html_resultado(c.revisar_titular(serie, periodo, afirmacion, ventana)))


def tabla_por_dia(serie: str):
    """Para la lección: casos, días y casos por día de cada periodo, con nombres en español."""
    import pandas as pd

    t = c.serie(serie)
    decimales = 1 if t["por_dia"].min() >= 10 else 2
    return pd.DataFrame({
        "Periodo": t["etiqueta"],
        c.SERIES[serie].unidad.capitalize(): [formato.numero(v) for v in t["casos"]],
        "Días": t["dias"].astype(int),
        "Por día": [formato.numero(v, decimales) for v in t["por_dia"]],
    }).set_index("Periodo")


def tabla_titulares_del_azar(umbral: float = 0.5):
    """Para la lección: los meses del distrito SIMULADO que «subieron» `umbral` o más."""
    import pandas as pd

    t = c.titulares_del_azar(umbral)
    return pd.DataFrame({
        "Mes (simulado)": t["etiqueta"],
        "Mes anterior": [formato.numero(v) for v in t["antes"]],
        "Este mes": [formato.numero(v) for v in t["casos"]],
        "Titular": [c.porcentaje_con_signo(v) for v in t["cambio"]],
    }).set_index("Mes (simulado)")


def ruta_figura_facilitadores():
    from lideres import rutas

    return rutas.LIBRO / "_static" / "m05_revisor_simulado.svg"


def svg_para_facilitadores() -> str:
    """El gráfico del tablero (distrito simulado, setiembre de 2023) como archivo SVG suelto: la
    página para facilitadores lo muestra como «lo que verán en el celular»."""
    figura = svg_serie(c.revisar_titular("simulado", "setiembre de 2023"))
    return figura[figura.index("<svg"):figura.index("</svg>") + len("</svg>")] + "\n"


def escribir_figura_facilitadores():
    """Regenera book/_static/m05_revisor_simulado.svg (una prueba exige que esté al día)."""
    ruta = ruta_figura_facilitadores()
    ruta.write_text(svg_para_facilitadores(), encoding="utf-8")
    return ruta
