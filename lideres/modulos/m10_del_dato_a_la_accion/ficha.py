"""La ficha del barrio en PDF: una página A4, en español, legible impresa en blanco y negro.

    from lideres.modulos.m10_del_dato_a_la_accion.ficha import escribir_ficha
    escribir_ficha("El Porvenir", "ficha_el_porvenir.pdf")

En la terminal: `lideres ficha DISTRITO [--salida ARCHIVO.pdf]`.

Se arma con typst (`lideres.pdf`, sin internet, letra incrustada) y un mapa de matplotlib en SVG.
Las cifras vienen de `calculos.datos_ficha` (un distrito) o de `calculos.datos_ficha_registro` (el
registro de una junta, ya anonimizado): la misma plantilla, ninguna cifra escrita en ella.
"""

from __future__ import annotations

import functools
import io
import math
from pathlib import Path

from lideres import formato
from lideres.errores import ErrorLideres
from lideres.modulos.m10_del_dato_a_la_accion.calculos import (
    ANTES_DE_PRESENTAR,
    Ficha,
    datos_ficha,
)

PLANTILLA = Path(__file__).with_name("plantillas") / "ficha.typ"
ESCALAS = (1.0, 0.94, 0.88, 0.82)
# Grises del mapa: el distrito casi negro, los demás gris claro; se distinguen impresos.
GRIS_DISTRITO = "#222222"
GRIS_OTROS = "#d9d9d9"


@functools.lru_cache(maxsize=4)
def _formas(ambitos: tuple[str, ...]) -> tuple[list[tuple[str, list]], tuple[float, ...], str]:
    """(ubigeo, trazos) de cada distrito, simplificados a ~50 m (el mapa mide 8 cm), los bordes
    del conjunto y la nota de límites. Se arman una vez por ámbito: así las 61 fichas van rápido."""
    from shapely.geometry import shape

    from lideres.graficos import _trazo
    from lideres.limites import cargar_limites

    limites = cargar_limites(ambitos=list(ambitos))
    formas, cajas = [], []
    for rasgo in limites["features"]:
        geometria = shape(rasgo["geometry"]).simplify(0.0005, preserve_topology=True)
        formas.append((str(rasgo["properties"]["ubigeo"]),
                       [_trazo(p) for p in getattr(geometria, "geoms", [geometria])]))
        cajas.append(geometria.bounds)
    caja = (min(c[0] for c in cajas), min(c[1] for c in cajas), max(c[2] for c in cajas), max(c[3] for c in cajas))
    return formas, caja, limites["nota"]


def ambitos_del_mapa(ficha: Ficha) -> tuple[str, ...]:
    if ficha.ambito in ("Lima Metropolitana", "Callao"):
        return ("Lima Metropolitana", "Callao")
    return (ficha.ambito,)


def mapa_svg(ficha: Ficha) -> tuple[str, str]:
    """(SVG del mapa, nota de límites): el distrito en negro entre los de su ámbito, en gris."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import PathPatch

    formas, (oeste, sur, este, norte), nota = _formas(ambitos_del_mapa(ficha))
    otros, este_distrito = [], []
    for ubigeo, trazos in formas:
        (este_distrito if ubigeo == ficha.ubigeo else otros).extend(PathPatch(t) for t in trazos)
    with plt.rc_context({"svg.fonttype": "path", "svg.hashsalt": "lideres"}):
        fig, ax = plt.subplots(figsize=(3.2, 3.9))
        ax.add_collection(PatchCollection(otros, facecolor=GRIS_OTROS, edgecolor="#777777", linewidth=0.4),
                          autolim=False)
        ax.add_collection(PatchCollection(este_distrito, facecolor=GRIS_DISTRITO, edgecolor="white",
                                          linewidth=0.8), autolim=False)
        ax.set_xlim(oeste, este)
        ax.set_ylim(sur, norte)
        ax.set_aspect(1 / math.cos(math.radians((sur + norte) / 2)))
        ax.set_axis_off()
        fig.subplots_adjust(0, 0, 1, 1)
        salida = io.StringIO()
        fig.savefig(salida, format="svg", metadata={"Date": None})
        plt.close(fig)
    return salida.getvalue(), nota


def datos_para_plantilla(ficha: Ficha, nota_limites: str = "") -> dict:
    ambitos = " y ".join(ambitos_del_mapa(ficha)) if ficha.ambito in ("Lima Metropolitana", "Callao") else (
        f"la provincia de {ficha.provincia}")
    notas = [f"* {c.etiqueta}: {c.nota}" for c in ficha.cifras if c.nota]
    if ficha.del_registro:  # dice primero de qué datos es: el registro de la junta, su periodo, no oficial
        titulo = f"Ficha del registro de la junta: {ficha.distrito}"
        subtitulo = f"{ficha.de_que_datos} · hecha el {formato.fecha(ficha.fecha)}"
        pie_mapa = f"{ficha.distrito} (en negro) entre los distritos de {ambitos}. El mapa no muestra dónde " \
            "pasó cada incidencia: el registro no se dibuja punto por punto."
    else:
        titulo = f"Ficha del barrio: {ficha.distrito}"
        subtitulo = " · ".join(dict.fromkeys([f"Provincia de {ficha.provincia}", ficha.ambito
                                              if ficha.ambito != ficha.provincia else f"Provincia de {ficha.provincia}",
                                              f"UBIGEO {ficha.ubigeo}", f"hecha el {formato.fecha(ficha.fecha)}"]))
        pie_mapa = f"{ficha.distrito} (en negro) entre los distritos de {ambitos}. El mapa no muestra " \
            "dónde pasan los delitos."
    return {
        "titulo": titulo,
        "distrito": ficha.distrito,
        "subtitulo": subtitulo,
        "cifras": [{"etiqueta": c.etiqueta + (" *" if c.nota else ""), "texto": c.texto, "nivel": c.nivel,
                    "periodo": c.periodo,
                    "refs": ", ".join(str(ficha.numero_de_fuente(f)) for f in c.fuentes)}
                   for c in ficha.cifras],
        "notas": notas,
        "con_mapa": ficha.con_mapa,
        "mapa_alt": f"Mapa de {ambitos} con el distrito de {ficha.distrito} en negro." if ficha.con_mapa else "",
        "mapa_pie": f"{pie_mapa} {nota_limites.rstrip('.')}." if ficha.con_mapa else "",
        "no_dicen": ficha.no_dicen,
        "reunion": ficha.para_tu_reunion,
        "antes": ANTES_DE_PRESENTAR,
        "fuentes": [ficha.texto_fuente(f) for f in ficha.fuentes],
        "pie": ("Hecha sin internet con la Escuela de Líderes, en la página del tablero: el registro no se "
                "guardó en ningún servidor. Las cifras salen de ese registro, con los conteos pequeños ocultos."
                if ficha.del_registro else
                "Hecha sin internet con la Escuela de Líderes (lideres ficha). Cada cifra está en los "
                "datos del curso (carpeta data/, ver data/README.md); revisa que sigan al día antes de "
                "presentarlas."),
    }


def compilar(ficha: Ficha, formato_salida: str = "pdf", ppi: int | None = None) -> bytes | list[bytes]:
    """La ficha compilada con typst: PDF (bytes) o PNG (una imagen por página). Sirve igual para un
    distrito (`datos_ficha`) y para el registro de una junta (`datos_ficha_registro`)."""
    from lideres.pdf import compilar as compilar_typst

    extra: dict[str, str] = {}
    nota = ""
    if ficha.con_mapa:
        extra["mapa"], nota = mapa_svg(ficha)
    datos = datos_para_plantilla(ficha, nota)
    que = f"la ficha de {ficha.distrito}"
    for escala in ESCALAS:  # un nombre largo alarga cada fila: se achica la letra hasta que quepa
        datos["escala"] = escala
        paginas = compilar_typst(PLANTILLA, datos, extra=extra, formato="png", ppi=4, que=que)
        if isinstance(paginas, bytes) or len(paginas) == 1:
            break
    return compilar_typst(PLANTILLA, datos, extra=extra, formato=formato_salida, ppi=ppi, que=que)


def escribir_ficha(distrito: str, salida: str | Path | None = None) -> Path:
    """Escribe la ficha de un distrito (nombre o UBIGEO) en PDF y devuelve su ruta."""
    ficha = datos_ficha(distrito)
    ruta = Path(salida) if salida else Path(f"ficha_{_nombre_archivo(ficha.distrito)}.pdf")
    if ruta.suffix.lower() != ".pdf":
        raise ErrorLideres(f"La ficha se guarda como PDF: «{ruta.name}» debe terminar en .pdf.",
                           como_arreglar=f"Por ejemplo: --salida {ruta.with_suffix('.pdf').name}")
    contenido = compilar(ficha)
    try:
        ruta.parent.mkdir(parents=True, exist_ok=True)
        ruta.write_bytes(contenido)
    except OSError as e:
        raise ErrorLideres(f"No se pudo guardar «{ruta}» ({e.strerror or 'error del sistema'}).",
                           como_arreglar="Si el PDF está abierto, ciérralo. Si no, elige otra carpeta.") from None
    return ruta


def _nombre_archivo(texto: str) -> str:
    from lideres.nombres import palabras

    return palabras(texto).replace(" ", "_")
