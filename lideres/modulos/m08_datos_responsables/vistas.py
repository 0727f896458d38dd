"""Lo que muestra el tablero del módulo 08: el mapa original y el publicable lado a lado (uno bajo
otro en el celular) y cuántos registros todavía identifican una casa. Sin widgets."""

from __future__ import annotations

import functools
import math

from lideres import formato
from lideres.jinja import plantillas_de
from lideres.modulos.m08_datos_responsables import calculos as c

METODOS = {
    "desplazar": "Mover al azar (radio)",
    "puntos": "Puntos anónimos (k casas)",
    "grilla": "Grilla (celdas)",
}
SEMILLA = 8
N_HOGARES = 400
N_CASOS = 40


def pie_sintetico_barrio() -> str:
    """El pie del barrio del juego, con los parámetros de su generador (calculos.hogares_sinteticos)."""
    return (f"Barrio sintético (inventado con la semilla {SEMILLA}: {N_HOGARES} casas y {N_CASOS} casos): "
            "ninguna casa ni caso es real. Fuente: datos sintéticos del curso.")


PIE = pie_sintetico_barrio()


@functools.cache
def escenario() -> tuple:
    """Las casas y los casos del juego (sintéticos, siempre los mismos)."""
    hogares = c.hogares_sinteticos(n=N_HOGARES, semilla=SEMILLA)
    return hogares, c.incidentes_en_hogares(hogares, N_CASOS, semilla=SEMILLA)


def publicar(metodo: str, radio_m: int, k: int):
    """(puntos publicados, juego de reidentificación) para un método y sus parámetros."""
    hogares, casos = escenario()
    if metodo == "desplazar":
        publicados = c.geoenmascarar(casos, radio_m, SEMILLA, radio_min_m=radio_m / 4) if radio_m else casos
        return publicados, c.reidentificacion(publicados, hogares, radio_m)
    if metodo == "puntos":
        puntos = _puntos(k)
        publicados = c.ajustar_a_puntos(casos, puntos)
        zonas = c.ajustar_a_puntos(hogares, puntos)["punto"]
        return publicados, c.reidentificacion(publicados.assign(zona=publicados["punto"]), hogares, zonas=zonas)
    lado = max(radio_m, 50) * 2
    origen = c._origen(hogares)
    celdas = c.celda_de(casos, lado, origen)
    grilla = c.agregar_a_grilla(casos, lado, origen).set_index("celda")
    publicados = casos.assign(lat=grilla.loc[celdas, "lat"].to_numpy(), lon=grilla.loc[celdas, "lon"].to_numpy(),
                              zona=celdas.to_numpy())
    zonas = c.celda_de(hogares, lado, origen)
    return publicados, c.reidentificacion(publicados, hogares, zonas=zonas)


@functools.cache
def _puntos(k: int):
    return c.puntos_anonimos(escenario()[0], k=k)


def html_resultado(metodo: str, radio_m: int, k: int) -> str:
    _, juego = publicar(metodo, radio_m, k)
    r = c.resumen_reidentificacion(juego)
    return plantillas_de(__file__).get_template("resultado.html.j2").render(
        todavia=r["identifican"], registros=r["registros"], mediana=formato.numero(r["mediana_candidatos"], 1),
        aciertos=r.get("aciertos", 0), pie=PIE)


def figura_mapas(metodo: str, radio_m: int, k: int):
    """Dos mapas, uno sobre otro: los casos en su casa (lo que NO se publica) y lo publicable.
    Angosta y con letra grande (lideres.figura): se lee en un celular de 360 px."""
    import matplotlib.pyplot as plt

    from lideres import figura

    hogares, casos = escenario()
    publicados, juego = publicar(metodo, radio_m, k)
    malos = publicados[juego["identifica"].to_numpy()]
    fig, ejes = figura.armar(2.6, "Casos del barrio sintético: antes y después de publicar", [PIE], filas=2,
                             izquierda=0.04, entre=figura.alto_lineas(1) + 0.15, encima=figura.alto_lineas(1),
                             eje_x=figura.alto_leyenda(3 if len(malos) else 2), sharex=True, sharey=True)
    aspecto = 1 / math.cos(math.radians(float(hogares["lat"].mean())))
    for ax, titulo, tabla in ((ejes[0], "Original (no se publica)", casos),
                              (ejes[1], "Para publicar", publicados)):
        ax.scatter(hogares["lon"], hogares["lat"], s=3, color="#bbbbbb", label="casas (sintéticas)")
        ax.scatter(tabla["lon"], tabla["lat"], s=16, color="#d95f02", edgecolor="#222222", linewidth=0.4,
                   label="casos", zorder=3)
        ax.set_title(titulo, fontsize=figura.LETRA, loc="left")
        ax.set_aspect(aspecto)
        ax.set_xticks([])
        ax.set_yticks([])
    if len(malos):
        ejes[1].scatter(malos["lon"], malos["lat"], s=60, facecolor="none", edgecolor="#000000", linewidth=1.4,
                        zorder=4, label="aún identifica una casa")
    ejes[1].legend(loc="upper left", bbox_to_anchor=(-0.02, -0.02), ncol=1, fontsize=figura.LETRA, frameon=False,
                   markerscale=1.5)
    plt.close(fig)
    return fig


def html_mapas(metodo: str, radio_m: int, k: int) -> str:
    from lideres.tablero import partes

    _, juego = publicar(metodo, radio_m, k)
    alt = (f"Dos mapas del barrio sintético: a la izquierda los {len(escenario()[1])} casos en la puerta de su casa; a la "
           f"derecha, publicados con «{METODOS[metodo]}». {int(juego['identifica'].sum())} todavía "
           "identifican una sola casa.")
    return partes.html_figura(figura_mapas(metodo, radio_m, k), alt)
