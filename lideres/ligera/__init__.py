"""Páginas ligeras: cada tablero también como una página HTML que abre en un segundo en un celular,
sin kernel y sin servidor (sirve igual en el taller, en el libro y en el sitio estático).

La página sale del MISMO tablero de Voilà: se arma el widget en Python (sin kernel), se recorren
todos los estados que sus controles pueden alcanzar y se guarda lo que muestra en cada uno (textos,
figuras, colores del mapa, la ficha de cada distrito). Una sola fuente para cada texto, cifra y color.
En el navegador, un solo script para todas las páginas (`ligera.js`) aplica un estado ya calculado:
no calcula nada. Sin JavaScript se ve la vista inicial.

Cada módulo declara su página en su casa (`lideres/modulos/m<id>/ligera.py`, una `Ligera` llamada
`LIGERA`). Una barra continua se vuelve pasos: la página ofrece las opciones del control.

    lideres ligeras            # escribe book/_build/ligeras/<módulo>.html y sus figuras
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib
import itertools
import json
import math
import re
import shutil
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lideres import rutas
from lideres.errores import ErrorLideres

AQUI = Path(__file__).resolve().parent
CARPETA = rutas.LIBRO / "_build" / "ligeras"
CARPETA_FIGURAS = "figuras"
MARCA = ".lideres_ligeras"  # huella de lo que generó la última corrida
ANCHO_MAPA = 1000  # ancho del viewBox del mapa (unidades enteras: caminos cortos)


@dataclass(frozen=True)
class Ligera:
    """La página ligera de un tablero.

    `tablero`: la misma función que usa el cuaderno de Voilà (devuelve el widget raíz); si no se
    da, la fábrica `tablero()` de la casa del módulo (`lideres/modulos/m<id>/tablero.py`).
    `controles`: nombres de atributo de los controles del widget que la página ofrece (botones o
    lista); se recorren todas sus opciones, en orden: si las opciones de un control dependen de los
    anteriores (los periodos de una serie), se leen del widget después de poner los anteriores. `eleccion`: el control de «elige un distrito» (o None);
    `fichas`: los atributos de lo que cambia al elegirlo (la ficha), se calcula por distrito.
    `etiquetas`: otro rótulo para un valor que en la página no se puede cambiar.
    """

    modulo: str
    controles: tuple[str, ...]
    tablero: Callable | None = None  # por defecto, la fábrica `tablero()` de la casa del módulo
    eleccion: str | None = None
    fichas: tuple[str, ...] = ()
    etiquetas: dict[str, str] = field(default_factory=dict)
    nota: str = ""
    clave_rasgo: str = "ubigeo"  # la propiedad del polígono que elige el distrito


def nombre_control(atributo: str) -> str:
    """`control_medida` -> `medida` (así se llama en la dirección: #medida=tasa_100k)."""
    return atributo.removeprefix("control_")


# ---------------------------------------------------------------- recorrer el widget


def _clases(w) -> str:
    return " ".join(getattr(w, "_dom_classes", ()) or ())


def _es_mapa(w) -> bool:
    return type(w).__module__.startswith("ipyleaflet") and type(w).__name__ == "Map"


def _opciones(w) -> list[tuple[str, object]]:
    return list(zip(w._options_labels, w._options_values, strict=True))


class _Recorrido:
    """El árbol del widget en orden: hojas (lo que se muestra) y controles (lo que se toca)."""

    def __init__(self, raiz, decl: Ligera):
        self.decl = decl
        self.raiz = raiz
        self.controles = {id(getattr(raiz, a)): nombre_control(a) for a in decl.controles}
        self.eleccion = getattr(raiz, decl.eleccion) if decl.eleccion else None
        if self.eleccion is not None:
            self.controles[id(self.eleccion)] = nombre_control(decl.eleccion)
        self.etiquetas = {id(getattr(raiz, a)): t for a, t in decl.etiquetas.items()}
        self.hojas: list = []
        self.mapa = None
        self._juntar(raiz)

    def _juntar(self, w) -> None:
        import ipywidgets as widgets

        if id(w) in self.controles:
            return
        if _es_mapa(w):
            self.mapa = w
            return
        if isinstance(w, widgets.Box):
            for h in w.children:
                self._juntar(h)
            return
        if isinstance(w, widgets.Label) or not isinstance(w, widgets.DOMWidget):
            return  # los rótulos de controles van con su control; lo demás no se ve
        self.hojas.append(w)

    def html_hoja(self, w) -> str:
        """Lo que muestra una hoja: el HTML del widget, o un valor que aquí no se cambia."""
        import ipywidgets as widgets

        if isinstance(w, widgets.HTML):
            return w.value
        etiqueta = self.etiquetas.get(id(w), getattr(w, "description", "") or "")
        valor = w.value
        if isinstance(valor, (int, float)) and not isinstance(valor, bool):
            from lideres import formato

            valor = formato.numero(valor)
        return (f'<p class="lig-valor"><span>{html.escape(etiqueta)}</span> '
                f"<strong>{html.escape(str(valor))}</strong></p>")

    def estilos_mapa(self) -> list[list]:
        return [_estilo(estilo) for _, _, estilo in self._rasgos()]

    def _capas(self) -> list:
        import ipyleaflet

        if self.mapa is None:
            return []
        return [c for c in self.mapa.layers if isinstance(c, ipyleaflet.GeoJSON)]

    def _rasgos(self) -> list[tuple]:
        """(capa, polígono, estilo que se ve ahora) de cada polígono del mapa, en orden. El mapa de
        distritos compartido dice el estilo de cada uno (`estilo_de`: lo pinta una hoja de estilos);
        en otra capa GeoJSON, el de ipyleaflet (el del polígono con el de la capa encima)."""
        rasgos = []
        for capa in self._capas():
            for rasgo in capa.data.get("features", []):
                if hasattr(capa, "estilo_de"):
                    estilo = capa.estilo_de(rasgo)
                else:
                    estilo = {**((rasgo.get("properties") or {}).get("style") or {}), **capa.style}
                rasgos.append((capa, rasgo, estilo))
        return rasgos


def _estilo(s: dict) -> list:
    """[relleno, opacidad, borde, grosor, raya] como los pone el script en el SVG."""
    return [s.get("fillColor", "#bdbdbd"), s.get("fillOpacity", 1), s.get("color", "#444444"),
            s.get("weight", 1), s.get("dashArray") or ""]


# ---------------------------------------------------------------- el mapa como SVG


def _puntos(geometria: dict):
    tipo, coords = geometria["type"], geometria["coordinates"]
    poligonos = [coords] if tipo == "Polygon" else coords if tipo == "MultiPolygon" else []
    for poligono in poligonos:
        yield from poligono


def _proyectar(rasgos: list) -> tuple[Callable, int, int]:
    lons, lats = [], []
    for _, rasgo, _ in rasgos:
        for anillo in _puntos(rasgo["geometry"]):
            lons += [p[0] for p in anillo]
            lats += [p[1] for p in anillo]
    lat0 = (min(lats) + max(lats)) / 2
    escala_x = math.cos(math.radians(lat0))  # un grado de longitud es más corto que uno de latitud
    ancho_geo = (max(lons) - min(lons)) * escala_x
    k = ANCHO_MAPA / ancho_geo
    alto = math.ceil((max(lats) - min(lats)) * k)

    def proyectar(lon: float, lat: float) -> tuple[int, int]:
        return round((lon - min(lons)) * escala_x * k), round((max(lats) - lat) * k)

    return proyectar, ANCHO_MAPA, alto


def _camino(geometria: dict, proyectar) -> str:
    """Camino SVG con coordenadas enteras y relativas (pesa poco)."""
    partes = []
    for anillo in _puntos(geometria):
        pts = []
        for lon, lat, *_ in anillo:
            p = proyectar(lon, lat)
            if not pts or p != pts[-1]:
                pts.append(p)
        if len(pts) < 3:
            continue
        x0, y0 = pts[0]
        rel = [f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in itertools.pairwise(pts)]
        partes.append(f"M{x0} {y0}l" + " ".join(rel) + "z")
    return "".join(partes)


def html_mapa(rec: _Recorrido, estilos: list[list]) -> str:
    """El mapa del tablero como SVG en la página: los mismos polígonos, colores y crédito."""
    import ipyleaflet

    rasgos = rec._rasgos()
    proyectar, ancho, alto = _proyectar(rasgos)
    caminos = []
    for i, ((capa, rasgo, _), e) in enumerate(zip(rasgos, estilos, strict=True)):
        props = rasgo.get("properties") or {}
        valor = str(props.get(rec.decl.clave_rasgo, ""))
        nombre = props.get("distrito") or capa.name or valor
        raya = f' stroke-dasharray="{e[4]}"' if e[4] else ""
        caminos.append(
            f'<path data-lig-valor="{html.escape(valor)}" data-lig-indice="{i}" '
            f'd="{_camino(rasgo["geometry"], proyectar)}" fill="{e[0]}" fill-opacity="{e[1]}" '
            f'stroke="{e[2]}" stroke-width="{e[3]}"{raya}><title>{html.escape(nombre)}</title></path>'
        )
    credito = ""
    for control in rec.mapa.controls:
        if isinstance(control, ipyleaflet.AttributionControl) and control.prefix:
            credito = f'<p class="lig-credito">{control.prefix}</p>'  # ya viene escapado
    ayuda = "Mapa de los distritos. Toca uno para ver sus números, o elígelo en la lista."
    return (
        f'<div class="lig-mapa {_clases(rec.mapa)}" data-lig-mapa>'
        f'<svg viewBox="-4 -4 {ancho + 8} {alto + 8}" role="img" aria-label="{ayuda}" '
        f'preserveAspectRatio="xMidYMid meet">{"".join(caminos)}</svg>{credito}</div>'
    )


# ---------------------------------------------------------------- recorrer los estados


def _clave(valores) -> str:
    return "|".join(str(v) for v in valores)


def _poner(control, valor) -> None:
    if control.value != valor:
        control.value = valor


def _fabrica(modulo_id: str) -> Callable:
    from lideres.modulos import modulo

    return importlib.import_module(modulo(modulo_id).paquete + ".tablero").tablero


def calcular(decl: Ligera) -> dict:
    """Arma el tablero y recorre cada estado de sus controles. Devuelve lo que la página necesita:
    el HTML inicial y los datos (JSON) de todos los estados."""
    raiz = (decl.tablero or _fabrica(decl.modulo))()
    if not hasattr(raiz, decl.controles[0] if decl.controles else "children"):
        # el tablero devolvió su aviso de error (faltan datos): se dice en español
        raise ErrorLideres(f"No se pudo armar el tablero del módulo {decl.modulo} para su página ligera.",
                           como_arreglar="abre el tablero en Voilà para ver qué falta.")
    rec = _Recorrido(raiz, decl)
    controles = [getattr(raiz, a) for a in decl.controles]
    defecto = [c.value for c in controles]
    vacio = rec.eleccion.value if rec.eleccion is not None else None
    elegibles = [v for _, v in _opciones(rec.eleccion) if v != vacio] if rec.eleccion is not None else []
    fichas = [rec.hojas.index(getattr(raiz, a)) for a in decl.fichas]

    # Controles dependientes (en el 05 los periodos cambian con la serie): se recorre el widget en
    # orden, leyendo las opciones de cada control después de poner los anteriores. Lo que cada
    # control ofrece según los anteriores (y el valor que el widget le pone) queda en `segun`.
    segun: list[dict] = [{} for _ in controles]
    crudos = {}

    def tomar(combinacion: tuple) -> None:
        """Lo que muestra el widget con los controles en `combinacion` (ya puestos)."""
        if rec.eleccion is not None:
            _poner(rec.eleccion, vacio)
        hojas = [rec.html_hoja(h) for h in rec.hojas]
        mapa = rec.estilos_mapa()
        por_eleccion = {}
        for v in elegibles:
            _poner(rec.eleccion, v)
            otro_mapa = rec.estilos_mapa()
            por_eleccion[str(v)] = (
                {i: rec.html_hoja(rec.hojas[i]) for i in fichas},
                {j: e for j, (e, antes) in enumerate(zip(otro_mapa, mapa, strict=True)) if e != antes},
            )
        if rec.eleccion is not None:
            _poner(rec.eleccion, vacio)
        crudos[_clave(combinacion)] = (hojas, mapa, por_eleccion)

    def recorrer(i: int, prefijo: tuple) -> None:
        if i == len(controles):
            tomar(prefijo)
            return
        c = controles[i]
        opciones = _opciones(c)
        segun[i].setdefault(_clave(prefijo), (opciones, c.value))
        for _, v in opciones:
            _poner(c, v)
            recorrer(i + 1, (*prefijo, v))

    recorrer(0, ())

    for c, v in zip(controles, defecto, strict=True):  # la vista inicial: la del tablero
        _poner(c, v)
    inicial = crudos[_clave(defecto)]
    # Regiones: las hojas que cambian con algún control o con la elección.
    regiones = [
        i for i in range(len(rec.hojas))
        if any(h[i] != inicial[0][i] for h, _, _ in crudos.values())
        or any(i in f and f[i] != inicial[0][i] for _, _, pe in crudos.values() for f, _ in pe.values())
    ]
    trozos: list[str] = []
    indice: dict[str, int] = {}

    def trozo(texto: str) -> int:
        if texto not in indice:
            indice[texto] = len(trozos)
            trozos.append(texto)
        return indice[texto]

    mapas: list[list] = []
    indice_mapas: dict[str, int] = {}
    estados = {}
    for clave, (hojas, mapa, por_eleccion) in crudos.items():
        estado: dict = {"h": [trozo(hojas[i]) for i in regiones]}
        if rec.mapa is not None:
            k = json.dumps(mapa)
            if k not in indice_mapas:
                indice_mapas[k] = len(mapas)
                mapas.append(mapa)
            estado["m"] = indice_mapas[k]
        if por_eleccion:
            estado["e"] = {
                v: {"h": {regiones.index(i): trozo(t) for i, t in f.items() if i in regiones},
                    "m": m}
                for v, (f, m) in por_eleccion.items()
            }
        estados[clave] = estado

    def control_en_datos(i: int, a: str, c, v) -> dict:
        dato = {"nombre": nombre_control(a), "defecto": str(v), "opciones": [str(o) for _, o in _opciones(c)]}
        listas = {tuple(opciones) for opciones, _ in segun[i].values()}
        if len(listas) > 1:  # dependiente: sus opciones (con rótulo) y su valor según los anteriores
            dato["segun"] = {
                clave: {"opciones": [str(o) for _, o in opciones], "rotulos": [str(t) for t, _ in opciones],
                        "defecto": str(valor)}
                for clave, (opciones, valor) in segun[i].items()
            }
        return dato

    datos = {
        "controles": [
            control_en_datos(i, a, c, v)
            for i, (a, c, v) in enumerate(zip(decl.controles, controles, defecto, strict=True))
        ],
        "eleccion": None if rec.eleccion is None else {
            "nombre": nombre_control(decl.eleccion), "opciones": [str(v) for v in elegibles]},
        "regiones": regiones,
        "trozos": trozos,
        "mapas": mapas,
        "estados": estados,
    }
    cuerpo = _html_arbol(rec, raiz, {i: (trozo(inicial[0][i]) if i in regiones else None)
                                     for i in range(len(rec.hojas))}, inicial, fichas)
    datos["trozos"] = trozos  # _html_arbol pudo agregar alguno (no cambia los índices)
    return {"cuerpo": cuerpo, "datos": datos, "titulo": _titulo(raiz)}


def _titulo(raiz) -> str:
    """El título del tablero (su primer <h2>), para la pestaña y el encabezado."""
    import ipywidgets as widgets

    pila = [raiz]
    while pila:
        w = pila.pop(0)
        if isinstance(w, widgets.HTML):
            m = re.search(r"<h2[^>]*>(.*?)</h2>", w.value, re.S)
            if m:
                return html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip()
        if isinstance(w, widgets.Box):
            pila.extend(w.children)
    return ""


def _html_control(rec: _Recorrido, w, rotulo: str) -> str:
    import ipywidgets as widgets

    nombre = rec.controles[id(w)]
    rotulo = rotulo or getattr(w, "description", "") or nombre
    if isinstance(w, widgets.ToggleButtons):
        ayudas = list(getattr(w, "tooltips", None) or [])
        botones = []
        for j, (texto, valor) in enumerate(_opciones(w)):
            ayuda = f' title="{html.escape(ayudas[j])}"' if j < len(ayudas) and ayudas[j] else ""
            pulsado = "true" if valor == w.value else "false"
            botones.append(
                f'<button type="button" data-lig-control="{nombre}" data-lig-valor="{html.escape(str(valor))}" '
                f'aria-pressed="{pulsado}"{ayuda}>{html.escape(str(texto))}</button>'
            )
        return (f'<fieldset class="lig-control"><legend>{html.escape(rotulo)}</legend>'
                f'<div class="lig-botones">{"".join(botones)}</div></fieldset>')
    opciones = "".join(
        f'<option value="{html.escape(str(v))}"{" selected" if v == w.value else ""}>'
        f"{html.escape(str(t))}</option>"
        for t, v in _opciones(w)
    )
    ident = f"lig-{nombre}"
    return (f'<div class="lig-control"><label for="{ident}">{html.escape(rotulo)}</label>'
            f'<select id="{ident}" data-lig-control="{nombre}">{opciones}</select></div>')


def _html_arbol(rec: _Recorrido, raiz, trozo_inicial: dict, inicial, fichas) -> str:
    import ipywidgets as widgets

    hojas = {id(h): i for i, h in enumerate(rec.hojas)}

    def dibujar(w) -> str:
        if id(w) in rec.controles:
            return _html_control(rec, w, "")
        if _es_mapa(w):
            return html_mapa(rec, inicial[1])
        if isinstance(w, widgets.Box):
            partes, hijos, k = [], list(w.children), 0
            while k < len(hijos):
                h = hijos[k]
                siguiente = hijos[k + 1] if k + 1 < len(hijos) else None
                if isinstance(h, widgets.Label) and siguiente is not None and id(siguiente) in rec.controles:
                    partes.append(_html_control(rec, siguiente, h.value))
                    k += 2
                    continue
                partes.append(dibujar(h))
                k += 1
            return f'<div class="{_clases(w)}">{"".join(partes)}</div>'
        if id(w) not in hojas:
            return ""
        i = hojas[id(w)]
        atributos = ""
        if trozo_inicial.get(i) is not None:
            atributos = f' data-lig-region="{i}" data-lig-trozo="{trozo_inicial[i]}"'
        if i in fichas:
            atributos += " data-lig-ficha"
        return f'<div class="lig-hoja {_clases(w)}"{atributos}>{inicial[0][i]}</div>'

    return dibujar(raiz)


# ---------------------------------------------------------------- figuras a archivos

_IMAGEN = re.compile(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"')


def _figuras_a_archivos(texto: str, carpeta: Path, prefijo: str) -> str:
    """Las figuras en línea (data:) pasan a archivos por su contenido: la página pesa poco y cada
    figura se pide solo cuando se muestra (y una vez: el navegador la guarda)."""

    def cambiar(m: re.Match) -> str:
        datos = base64.b64decode(m.group(1))
        nombre = hashlib.sha1(datos).hexdigest()[:16] + ".png"
        ruta = carpeta / nombre
        if not ruta.exists():
            ruta.write_bytes(datos)
        medidas = ""
        if datos[12:16] == b"IHDR":
            ancho, alto = struct.unpack(">II", datos[16:24])
            medidas = f' width="{ancho}" height="{alto}"'
        return f'src="{prefijo}{nombre}"{medidas} loading="lazy"'

    return _IMAGEN.sub(cambiar, texto)


# ---------------------------------------------------------------- la página


def _entorno():
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(AQUI / "plantillas")), autoescape=True)


def _json_en_html(datos: dict) -> str:
    texto = json.dumps(datos, ensure_ascii=False, separators=(",", ":"))
    return texto.replace("</", "<\\/")  # un «</script>» dentro de un texto no cierra el script


def declaracion(modulo_id: str) -> Ligera | None:
    """La página ligera que declara el módulo en su casa (`lideres/modulos/m<id>/ligera.py`)."""
    from lideres.modulos import modulo

    try:
        mod = importlib.import_module(modulo(modulo_id).paquete + ".ligera")
    except ModuleNotFoundError:
        return None
    return getattr(mod, "LIGERA", None)


def declaradas() -> list[Ligera]:
    from lideres.modulos import MODULOS

    return [d for m in MODULOS if (d := declaracion(m.id)) is not None]


def nombre_archivo(modulo_id: str) -> str:
    return f"{modulo_id}.html"


def pagina(decl: Ligera, carpeta: Path) -> str:
    """El HTML de la página ligera de un módulo (las figuras se escriben en carpeta/figuras/)."""
    from lideres.modulos import modulo

    calculado = calcular(decl)
    figuras = carpeta / CARPETA_FIGURAS
    figuras.mkdir(parents=True, exist_ok=True)
    prefijo = f"{CARPETA_FIGURAS}/"
    datos = calculado["datos"]
    datos["trozos"] = [_figuras_a_archivos(t, figuras, prefijo) for t in datos["trozos"]]
    m = modulo(decl.modulo)
    return _entorno().get_template("pagina.html.j2").render(
        modulo=m,
        numero=int(m.id.split("_", 1)[0]),
        titulo=calculado["titulo"] or m.titulo,
        cuerpo=_figuras_a_archivos(calculado["cuerpo"], figuras, prefijo),
        datos=_json_en_html(datos),
        css=(AQUI / "ligera.css").read_text(encoding="utf-8"),
        js=(AQUI / "ligera.js").read_text(encoding="utf-8"),
        nota=decl.nota,
    )


PROGRAMAS = ("matplotlib", "pandas", "ipywidgets", "ipyleaflet", "jinja2")


def huella() -> str:
    """Cambia cuando cambia el paquete, data/ o la versión de lo que dibuja (como el libro; sin
    importar `lideres.libro`, que importa este módulo)."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256()
    paquete = AQUI.parent
    for carpeta in (paquete, rutas.DATOS):
        if not carpeta.is_dir():
            continue
        for archivo in sorted(p for p in carpeta.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            h.update(archivo.relative_to(carpeta.parent).as_posix().encode() + b"\0")
            h.update(archivo.read_bytes() + b"\0")
    for nombre in PROGRAMAS:
        try:
            h.update(f"{nombre}={version(nombre)}".encode())
        except PackageNotFoundError:
            h.update(f"{nombre}=-".encode())
    return h.hexdigest()


def al_dia(carpeta: Path | None = None) -> bool:
    carpeta = Path(carpeta or CARPETA)
    try:
        return (carpeta / MARCA).read_text(encoding="utf-8") == huella()
    except OSError:
        return False


def construir(carpeta: Path | None = None, *, imprimir=print, forzar: bool = False) -> Path:
    """Escribe la página ligera de cada módulo que la declara. Un módulo que falla no detiene a los
    demás: se dice cuál y por qué."""
    carpeta = Path(carpeta or CARPETA)
    if not forzar and al_dia(carpeta):
        imprimir(f"Las páginas ligeras ya están al día en {carpeta}.")
        return carpeta
    if carpeta.exists():
        shutil.rmtree(carpeta)
    carpeta.mkdir(parents=True)
    problemas = []
    for decl in declaradas():
        try:
            texto = pagina(decl, carpeta)
        except ErrorLideres as e:
            problemas.append(f"{decl.modulo}: {e}")
            continue
        (carpeta / nombre_archivo(decl.modulo)).write_text(texto, encoding="utf-8")
        from lideres import formato

        imprimir(f"  {decl.modulo}: {formato.numero(len(texto.encode()) / 1024, 0)} KB")
    if problemas:
        raise ErrorLideres("Algunas páginas ligeras no se pudieron escribir:\n  " + "\n  ".join(problemas),
                           como_arreglar="revisa los datos de esos módulos y vuelve a correr `lideres ligeras`.")
    (carpeta / MARCA).write_text(huella(), encoding="utf-8")
    imprimir(f"Páginas ligeras listas en {carpeta}.")
    return carpeta


def copiar(destino: Path, origen: Path | None = None, *, imprimir=print) -> Path:
    """Deja las páginas ligeras (al día) en `destino` (p. ej. <libro html>/ligeras)."""
    origen = construir(origen, imprimir=imprimir)
    if destino.exists():
        shutil.rmtree(destino)
    shutil.copytree(origen, destino, ignore=shutil.ignore_patterns(MARCA))
    return destino
