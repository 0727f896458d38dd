"""Lo que el tablero «Tus propios datos» muestra, como HTML (plantillas Jinja): el resumen de la
revisión, el error en español, el gráfico por mes, la tabla hora × día y el mapa de puntos (o los
conteos por distrito si no hay coordenadas). Sin widgets: el tablero solo pone estas cadenas.
"""

from __future__ import annotations

import math

import jinja2
from markupsafe import Markup

from lideres import formato
from lideres.errores import ErrorLideres
from lideres.jinja import plantillas_de
from lideres.modulos.m09_tus_datos import calculos
from lideres.revisar.frases import cuantos

MAX_LISTADAS = 15
AVISO_PRIVADO = ("Tu archivo se lee solo en esta página: no se guarda en el servidor y desaparece al "
                 "cerrarla. Las descargas se arman aquí mismo.")


def _entorno() -> jinja2.Environment:
    return plantillas_de(__file__)


def html_aviso_privado() -> str:
    """Que el archivo subido no se guarda: va junto al control de subida."""
    return _entorno().get_template("aviso_privado.html.j2").render(aviso=AVISO_PRIVADO)


def html_ayuda_columnas() -> str:
    return _entorno().get_template("ayuda_columnas.html.j2").render()


def html_descargas(enlaces: list[dict], radio_m: int, umbral: int, ficha_en_el_10: bool) -> str:
    """Los enlaces de descarga (`nombre`, `datos` en base64, `texto`) y qué quita el anonimizado."""
    return _entorno().get_template("descargas.html.j2").render(
        enlaces=enlaces, radio_m=radio_m, umbral=umbral, ficha_en_el_10=ficha_en_el_10)


def html_error(error: ErrorLideres) -> str:
    return _entorno().get_template("error.html.j2").render(mensaje=error.mensaje, como=error.como_arreglar)


def vista_revision(revision) -> dict:
    """Lo que va en la plantilla del resumen, ya en palabras y números es-PE."""
    mensual = "cantidad" in revision.tabla.columns
    if revision.fecha_min and mensual:
        fechas = (f"Meses: de {formato.fecha(revision.fecha_min, 'MMMM y')} a "
                  f"{formato.fecha(revision.fecha_max, 'MMMM y')}")
    elif revision.fecha_min:
        fechas = f"Fechas: del {formato.fecha(revision.fecha_min)} al {formato.fecha(revision.fecha_max)}"
    else:
        fechas = ""
    resto = len(revision.filas_apartadas) - MAX_LISTADAS
    from lideres.revisar import oficiales

    return {
        "archivo": revision.archivo.name, "lectura": revision.lectura,
        "formato": revision.formato if revision.formato != "registro propio" else "",
        "leidas": formato.numero(revision.filas_leidas), "validas": formato.numero(revision.filas_validas),
        "apartadas_total": formato.numero(len(revision.filas_apartadas)),
        "apartadas": revision.filas_apartadas[:MAX_LISTADAS],
        "apartadas_resto": cuantos(resto, "fila más", "filas más") if resto > 0 else "",
        "avisos": revision.avisos, "fechas": fechas,
        "total": f"Denuncias (suma de «cantidad»): {formato.numero(revision.total)}" if mensual else "",
        "columnas": calculos.columnas_y_preguntas(revision),
        "fuente": oficiales.FUENTE if revision.formato != "registro propio" else "",
        # La tabla de columnas también dice lugar · periodo · fuente, como cada figura del tablero.
        "pie": pie(revision) if revision.fecha_min is not None and revision.fecha_max is not None else "",
    }


def html_revision(revision) -> str:
    return _entorno().get_template("resultado.html.j2").render(r=vista_revision(revision))


def pie(revision, distrito: str | None = None) -> str:
    """«lugar · periodo · fuente» de lo que se dibuja."""
    lugar = distrito or (", ".join(list(revision.distritos)[:3]) + ("…" if len(revision.distritos) > 3 else "")
                         if revision.distritos else "los puntos del archivo")
    periodo = f"{formato.fecha(revision.fecha_min, 'MMM y')} a {formato.fecha(revision.fecha_max, 'MMM y')}"
    fuente = "MININTER – SIDPOL (Denuncias Policiales)" if revision.formato != "registro propio" else (
        f"tu registro «{revision.archivo.name}»")
    return f"{lugar} · {periodo} · Fuente: {fuente}"


def figura_por_mes(revision, distrito: str | None = None):
    """Barras por mes (con los meses en 0), en grises legibles."""
    import matplotlib.pyplot as plt

    from lideres import figura

    serie = revision.por_mes(distrito)
    # Angosta y con letra grande (lideres.figura): se lee en un celular de 360 px. La fuente va
    # debajo, como texto de la página.
    fig, ax = figura.armar(2.4, f"{revision.unidad.capitalize()} por mes" + (f" en {distrito}" if distrito else ""),
                           izquierda=0.22, eje_x=0.85)
    ax.bar(range(len(serie)), serie.to_numpy(), color="#2c7fb8")
    etiquetas = [formato.fecha(m.date(), "MMM yy") for m in serie.index]
    paso = max(1, math.ceil(len(serie) / 6))
    ax.set_xticks(range(0, len(serie), paso), etiquetas[::paso], rotation=45, ha="right")
    ax.set_ylabel(revision.unidad, fontsize=figura.LETRA)
    figura.ejes_legibles(ax)
    plt.close(fig)
    return fig


def html_por_mes(revision, distrito: str | None = None) -> str:
    from lideres.tablero import partes

    serie = revision.por_mes(distrito)
    alt = (f"Gráfico de barras: {revision.unidad} por mes, de {formato.fecha(serie.index[0].date(), 'MMMM y')} "
           f"a {formato.fecha(serie.index[-1].date(), 'MMMM y')}; el mes con más tiene "
           f"{formato.numero(int(serie.max()))}.")
    return _entorno().get_template("figura_con_fuente.html.j2").render(
        figura=Markup(partes.html_figura(figura_por_mes(revision, distrito), alt)), pie=pie(revision, distrito))


def html_hora_dia(revision) -> str:
    cruce = calculos.hora_por_dia(revision)
    if not cruce.to_numpy().sum():
        return _entorno().get_template("sin_horas.html.j2").render()
    filas = []
    for inicio in range(0, 24, 3):
        bloque = cruce.loc[inicio:inicio + 2].sum()
        filas.append((f"{inicio:02d}–{inicio + 2:02d}", [formato.numero(int(v)) for v in bloque]))
    return _entorno().get_template("hora_dia.html.j2").render(
        titulo=f"{revision.unidad.capitalize()} por hora y día de la semana", dias=calculos.DIAS,
        filas=filas, pie=pie(revision))


def html_lugares(revision) -> str:
    """Un mapa de los puntos (sobre los límites de los distritos del curso que aparecen) o, sin
    coordenadas, los conteos por distrito."""
    from lideres.tablero import partes

    tabla = revision.tabla
    if "lat" in tabla.columns and tabla["lat"].notna().any():
        figura = partes.html_figura(_figura_puntos(revision), f"Mapa con {formato.numero(int(tabla['lat'].notna().sum()))} "
                                    "puntos de tu archivo.")
        return _entorno().get_template("figura_con_fuente.html.j2").render(figura=Markup(figura), pie=pie(revision))
    return _entorno().get_template("por_distrito.html.j2").render(
        unidad=revision.unidad, filas=list(revision.distritos.items()), pie=pie(revision))


def _figura_puntos(revision):
    import matplotlib.pyplot as plt
    from matplotlib.patches import PathPatch
    from shapely.geometry import shape

    from lideres import figura
    from lideres.graficos import _trazo
    from lideres.limites import cargar_limites

    puntos = revision.tabla[revision.tabla["lat"].notna()]
    fig, ax = figura.armar(3.4, "Dónde se anotaron (solo para la junta: no lo publiques así)", izquierda=0.03,
                           eje_x=0.1)
    ubigeos = set(revision.tabla.get("ubigeo", []).dropna()) if "ubigeo" in revision.tabla else set()
    if ubigeos:
        for rasgo in cargar_limites()["features"]:
            if str(rasgo["properties"]["ubigeo"]) in ubigeos:
                g = shape(rasgo["geometry"])
                for p in getattr(g, "geoms", [g]):
                    ax.add_patch(PathPatch(_trazo(p), facecolor="#f0f0f0", edgecolor="#777777", linewidth=0.6))
    ax.scatter(puntos["lon"], puntos["lat"], s=14, color="#d95f02", edgecolor="#222222", linewidth=0.4, zorder=3)
    ax.set_aspect(1 / math.cos(math.radians(float(puntos["lat"].mean()))))
    ax.set_axis_off()
    plt.close(fig)
    return fig
