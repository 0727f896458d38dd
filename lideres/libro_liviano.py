"""Lo que `lideres libro` hace al HTML ya construido para que un capítulo abra rápido en un celular
barato (issue 19 §3, medido con benchmarks/lighthouse.py):

- `diferir_scripts`: los scripts del tema y de Sphinx en el <head> se bajan sin detener el primer
  dibujo (`defer`): el texto se ve antes y los botones funcionan igual, un momento después.
- `scripts_tarde`: bootstrap.js (solo mejoras: globos de ayuda, «En esta página», «volver arriba»)
  se pide al primer toque o unos segundos después de cargar (book/_static/tarde.js).
- `unir_hojas`: las ~10 hojas de estilo del tema se sirven como una sola, en el mismo orden, sin las
  reglas que ninguna página ni script del libro usa (`sin_reglas_de_mas`).
- `recortar_iconos`: la fuente de íconos del tema (Font Awesome, 153 KB) se recorta a los íconos
  que el libro de verdad muestra (unos pocos KB).
- `figuras_livianas`: las figuras PNG se guardan con paleta de 256 colores (~⅓ del peso), si se ven
  igual.

Los dos trabajan sobre la carpeta del HTML, después de Sphinx: no tocan el tema instalado.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

# ---------------------------------------------------------------- scripts que no detienen el dibujo

_CABEZA = re.compile(r"<head\b.*?</head>", re.S)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)
# Lo que definen los scripts diferidos (documentation_options.js, doctools.js…): un script en línea
# que los usa tiene que correr después de ellos, como módulo (un módulo también espera, en orden).
_DE_LOS_DIFERIDOS = re.compile(r"\b(?:DOCUMENTATION_OPTIONS|Documentation|SphinxHighlight|ClipboardJS)\b|\b_ready\(")


def diferir_scripts(texto: str) -> str:
    """Marca `defer` los <script src> del <head> de una página. Los scripts en línea siguen corriendo
    enseguida (así el modo claro se fija antes de dibujar y las variables que leen los diferidos ya
    existen), salvo los que usan algo de un diferido: esos pasan a `type="module"`, que corre en el
    mismo orden que los diferidos. La página de búsqueda queda igual: su searchtools.js (escrito en
    la plantilla, no en la lista de scripts de Sphinx) necesita doctools.js antes."""
    cabeza = _CABEZA.search(texto)
    if cabeza is None or "searchtools.js" in texto:
        return texto

    def uno(m: re.Match) -> str:
        atributos, cuerpo = m.group(1), m.group(2)
        if re.search(r"\b(?:defer|async)\b|\btype=", atributos):
            return m.group(0)  # ya diferido, o no es código (JSON)
        # Solo se agrega un atributo a la etiqueta que ya está (no se arma HTML nuevo).
        if re.search(r"\bsrc=", atributos):
            return m.group(0).replace("<script", "<script defer", 1)
        if _DE_LOS_DIFERIDOS.search(cuerpo):
            return m.group(0).replace("<script", '<script type="module"', 1)
        return m.group(0)

    nueva = _SCRIPT.sub(uno, cabeza.group(0))
    return texto[: cabeza.start()] + nueva + texto[cabeza.end():]


def en_cada_pagina(html: Path, funcion: Callable[[str], str]) -> int:
    """Pasa el texto de cada página del libro por `funcion` (texto → texto) y guarda solo las que
    cambian. Devuelve cuántas páginas cambiaron."""
    cambiadas = 0
    for pagina in Path(html).rglob("*.html"):
        texto = pagina.read_text(encoding="utf-8")
        nuevo = funcion(texto)
        if nuevo != texto:
            pagina.write_text(nuevo, encoding="utf-8")
            cambiadas += 1
    return cambiadas


def scripts_diferidos(html: Path) -> int:
    """`diferir_scripts` en cada página del libro. Devuelve cuántas páginas cambiaron."""
    return en_cada_pagina(html, diferir_scripts)


# ---------------------------------------------------------------- mejoras que esperan al celular libre

# Scripts del tema que solo agregan mejoras (bootstrap.js: globos de ayuda, la sección marcada en
# «En esta página», «volver arriba»): book/_static/tarde.js (jupyter-book lo pone en cada página,
# como todo .js de book/_static) los pide al primer toque, tecla o desplazamiento, o unos segundos
# después de cargar, cuando el navegador queda libre. Nada los necesita antes.
SCRIPTS_TARDE = ("scripts/bootstrap.js",)
CARGADOR_TARDE = "tarde.js"
# Un <script src> de _static/ por partes: su apertura y su cierre (quedan como vinieron), y en medio
# sus atributos: los de antes de `src`, la dirección (`url`, y en ella la `ruta` desde _static/) y
# los de después.
_SCRIPT_ESTATICO = re.compile(
    r'(?P<apertura><script\b)(?P<antes>[^>]*?)\bsrc="(?P<url>[^"]*?_static/(?P<ruta>[^"?#]+)[^"]*)"'
    r'(?P<despues>[^>]*)(?P<cierre>>\s*</script>)')
_PRECARGA_SCRIPT = re.compile(r'<link\b(?=[^>]*\brel="preload")(?=[^>]*\bas="script")[^>]*\bhref="([^"]+)"[^>]*>\s*')


def _de_estaticos(url: str) -> str:
    """`../_static/scripts/bootstrap.js?digest=1` → `scripts/bootstrap.js`."""
    return url.split("?", 1)[0].split("#", 1)[0].rpartition("_static/")[2]


def scripts_tarde(texto: str) -> str:
    """Si la página trae el cargador (`tarde.js`), cada script de `SCRIPTS_TARDE` queda como
    `<script type="text/plain" data-tarde="…">` (el navegador no lo baja ni lo corre; el cargador
    lo pide después), y sin su <link rel="preload">, que lo bajaría enseguida con prioridad alta para
    no usarlo. Sin JavaScript la página es la misma: esos scripts no se corren."""
    scripts = list(_SCRIPT_ESTATICO.finditer(texto))
    if not any(m["ruta"] == CARGADOR_TARDE for m in scripts):
        return texto

    def uno(m: re.Match) -> str:
        if m["ruta"] not in SCRIPTS_TARDE:
            return m.group(0)
        resto = re.sub(r"\s*\b(?:defer|async)\b", "", f'{m["antes"]} {m["despues"]}').strip()
        atributos = f' type="text/plain" data-tarde="{m["url"]}"' + (f" {resto}" if resto else "")
        # La etiqueta conserva su apertura y su cierre tal como vinieron: solo cambian sus atributos.
        return m["apertura"] + atributos + m["cierre"]

    nuevo = _SCRIPT_ESTATICO.sub(uno, texto)
    if nuevo == texto:
        return texto
    return _PRECARGA_SCRIPT.sub(lambda m: "" if _de_estaticos(m.group(1)) in SCRIPTS_TARDE else m.group(0), nuevo)


def scripts_para_despues(html: Path) -> int:
    """`scripts_tarde` en cada página del libro. Devuelve cuántas páginas cambiaron."""
    return en_cada_pagina(html, scripts_tarde)


# ---------------------------------------------------------------- una sola hoja de estilo

_ENLACE_HOJA = re.compile(r'<link\b(?=[^>]*\brel="stylesheet")[^>]*\bhref="([^"]+)"[^>]*>\s*')
_URL_CSS = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
_IMPORT_CSS = re.compile(r"""@import\s+(?:url\()?['"]([^'"]+)['"]\)?\s*;""")
_CHARSET = re.compile(r'@charset\s+"[^"]*"\s*;')
CARPETA_HOJAS = Path("_static") / "styles"


def _css_con_rutas_desde(hoja: Path, destino: Path, vistas: set[Path]) -> str:
    """El texto de una hoja con sus `url(...)` escritas desde la carpeta `destino` y sus `@import`
    reemplazados por la hoja importada (un @import en medio de otra hoja no vale)."""
    import os.path

    texto = _CHARSET.sub("", hoja.read_text(encoding="utf-8"))

    def importar(m: re.Match) -> str:
        otra = (hoja.parent / m.group(1)).resolve()
        if otra in vistas or not otra.is_file():
            return ""
        vistas.add(otra)
        return _css_con_rutas_desde(otra, destino, vistas)

    def mover(m: re.Match) -> str:
        url = m.group(2).strip()
        if url.startswith(("data:", "#", "/")) or re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I):
            return m.group(0)
        ruta, resto = re.match(r"^([^?#]*)(.*)$", url).groups()
        nueva = os.path.relpath(os.path.normpath(hoja.parent / ruta), destino).replace(os.sep, "/")
        return f'url("{nueva}{resto}")'

    return _URL_CSS.sub(mover, _IMPORT_CSS.sub(importar, texto))


def unir_hojas(html: Path) -> int:
    """Las ~10 hojas de estilo del tema, una tras otra en el <head>, pasan a ser una sola (en el
    mismo orden, así nada cambia de lugar): en un celular cada hoja es otro viaje antes del primer
    dibujo, y theme.css además pedía basic.css recién al leerse. Sin las ~1,800 reglas de íconos de
    Font Awesome que ninguna página usa (`sin_iconos_de_mas`) ni las demás reglas de clases que
    ninguna página ni script del libro nombra (`sin_reglas_de_mas`). Devuelve cuántas páginas
    cambiaron."""
    import hashlib

    html = Path(html).resolve()
    destino = html / CARPETA_HOJAS
    estaticos = html / "_static"
    unidas: dict[tuple[Path, ...], Path] = {}
    clases: set[str] | None = None
    nombres: Nombres | None = None
    cambiadas = 0
    for pagina in html.rglob("*.html"):
        texto = pagina.read_text(encoding="utf-8")
        cabeza = _CABEZA.search(texto)
        if cabeza is None:
            continue
        enlaces = list(_ENLACE_HOJA.finditer(cabeza.group(0)))
        hojas = []
        for m in enlaces:
            ruta = (pagina.parent / m.group(1).split("?", 1)[0].split("#", 1)[0]).resolve()
            if not ruta.is_file() or estaticos not in ruta.parents:
                break
            hojas.append(ruta)
        if len(hojas) < 2 or len(hojas) != len(enlaces):
            continue
        tramo = cabeza.group(0)[enlaces[0].start():enlaces[-1].end()]
        if "<style" in tramo:  # un estilo en línea entre las hojas: juntarlas cambiaría el orden
            continue
        clave = tuple(hojas)
        if clave not in unidas:
            vistas = set(hojas)
            css = "\n".join(f"/* {h.relative_to(html).as_posix()} */\n" + _css_con_rutas_desde(h, destino, vistas)
                            for h in hojas)
            if clases is None:
                clases = clases_usadas(html)
                nombres = nombres_usados(html)
            css = sin_iconos_de_mas(css, clases)
            css = sin_reglas_de_mas(css, nombres)
            css = '@charset "UTF-8";\n' + css
            huella = hashlib.sha256(css.encode("utf-8")).hexdigest()[:12]
            unida = destino / f"libro.{huella}.css"
            destino.mkdir(parents=True, exist_ok=True)
            unida.write_text(css, encoding="utf-8")
            unidas[clave] = unida
        import os.path

        href = os.path.relpath(unidas[clave], pagina.parent).replace(os.sep, "/")
        nueva_cabeza = cabeza.group(0)
        primero, ultimo = enlaces[0], enlaces[-1]
        intermedio = _ENLACE_HOJA.sub("", nueva_cabeza[primero.end():ultimo.end()])
        nueva_cabeza = (nueva_cabeza[:primero.start()] + f'<link rel="stylesheet" href="{href}" />\n'
                        + intermedio + nueva_cabeza[ultimo.end():])
        pagina.write_text(texto[:cabeza.start()] + nueva_cabeza + texto[cabeza.end():], encoding="utf-8")
        cambiadas += 1
    return cambiadas


# ---------------------------------------------------------------- sin las reglas que nadie usa

# Un nombre de clase o de id tal como puede estar en el HTML o en un script.
_PALABRA = re.compile(r"[A-Za-z0-9_-]+")
# Un prefijo que un script completa al armar una clase: `bs-${nombre}-auto`, "fa-" + nombre.
_PREFIJO_JS = re.compile(r"""\b([A-Za-z][A-Za-z0-9_-]*-)(?:\$\{|["']\s*\+)""")
_CLASE_O_ID = re.compile(r"[.#]((?:[A-Za-z0-9_-]|\\.)+)")


class Nombres:
    """Las palabras que aparecen en las páginas y los scripts del libro (toda clase o id que se usa
    está entre ellas) y los prefijos con que un script arma clases (`bs-` en `bs-${x}-auto`)."""

    def __init__(self, palabras: set[str], prefijos: set[str]):
        self.palabras, self.prefijos = palabras, tuple(sorted(prefijos))

    def usado(self, nombre: str) -> bool:
        return nombre in self.palabras or nombre.startswith(self.prefijos)


def nombres_usados(html: Path) -> Nombres:
    palabras: set[str] = set()
    prefijos: set[str] = set()
    for archivo in list(Path(html).rglob("*.html")) + list(Path(html).rglob("*.js")):
        texto = archivo.read_text(encoding="utf-8", errors="replace")
        palabras.update(_PALABRA.findall(texto))
        if archivo.suffix == ".js" or "<script" in texto:
            prefijos.update(_PREFIJO_JS.findall(texto))
    return Nombres(palabras, prefijos)


def _selectores(prelude: str) -> list[str]:
    """`a, b:is(c, d)` → [`a`, ` b:is(c, d)`]: las comas de afuera separan selectores."""
    partes, hondura, actual = [], 0, []
    for c in prelude:
        hondura += (c in "([") - (c in ")]")
        if c == "," and hondura == 0:
            partes.append("".join(actual))
            actual = []
        else:
            actual.append(c)
    partes.append("".join(actual))
    return partes


def _selector_sirve(selector: str, nombres: Nombres) -> bool:
    """Un selector puede aplicarse si todas sus clases e ids se nombran en el libro. Lo que va entre
    paréntesis (`:not(.x)`, `:is(…)`) y entre corchetes (`[data-theme=dark]`) no cuenta: así se
    queda de más, nunca de menos. Un nombre con escapes (`.md\\:p-2`) se queda."""
    resto = selector
    while True:
        sin = re.sub(r"\([^()]*\)", "", resto)
        if sin == resto:
            break
        resto = sin
    resto = re.sub(r"\[[^\]]*\]", "", resto)
    return all("\\" in n or nombres.usado(n) for n in _CLASE_O_ID.findall(resto))


def _reglas_que_sirven(reglas, nombres: Nombres) -> list[str]:
    import tinycss2

    salida = []
    for regla in reglas:
        if regla.type == "qualified-rule":
            selectores = [s.strip() for s in _selectores(tinycss2.serialize(regla.prelude))
                          if _selector_sirve(s, nombres)]
            if selectores:
                salida.append(",".join(selectores) + "{" + tinycss2.serialize(regla.content).strip() + "}")
        elif regla.type == "at-rule":
            if regla.lower_at_keyword == "charset":
                continue
            if regla.lower_at_keyword in ("media", "supports", "layer", "container") and regla.content is not None:
                dentro = _reglas_que_sirven(tinycss2.parse_blocks_contents(regla.content, skip_comments=True,
                                                                           skip_whitespace=True), nombres)
                if dentro:
                    salida.append(f"@{regla.at_keyword}{tinycss2.serialize(regla.prelude)}{{" + "".join(dentro) + "}")
            else:  # @font-face, @keyframes…: tal cual
                salida.append(tinycss2.serialize([regla]).strip())
    return salida


def sin_reglas_de_mas(css: str, nombres: Nombres) -> str:
    """El CSS sin las reglas cuyos selectores nombran una clase o un id que ninguna página ni script
    del libro nombra (los componentes de Bootstrap que el libro no tiene, la barra de versiones…):
    la hoja del tema pesa ~450 KB y casi toda sobra; cada regla de más alarga el cálculo de estilos
    en un celular barato. Sin comentarios. Lo que queda sigue en el mismo orden."""
    import tinycss2

    reglas = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "\n".join(_reglas_que_sirven(reglas, nombres))


# ---------------------------------------------------------------- fuente de íconos recortada

CARPETA_FUENTES = Path("_static") / "vendor" / "fontawesome" / "webfonts"
# Una regla de ícono de Font Awesome: `.fa-bars:before,.fa-navicon:before{content:"\f0c9"}`.
_REGLA_ICONO = re.compile(r'((?:\.fa-[a-z0-9-]+::?before,?)+)\{content:"((?:\\[0-9a-fA-F]{1,6} ?|[^"\\])+)"\}')
_CLASE = re.compile(r"\bfa-[a-z0-9-]+")
_ESCAPE_CSS = re.compile(r"\\([0-9a-fA-F]{1,6}) ?")
_USO_PRIVADO = re.compile("[\ue000-\uf8ff]")


def _texto_css(valor: str) -> str:
    """El texto de un `content:` de CSS, con sus escapes (\\f0c9) convertidos a caracteres."""
    return _ESCAPE_CSS.sub(lambda m: chr(int(m.group(1), 16)), valor)


def clases_usadas(html: Path) -> set[str]:
    """Las clases `fa-…` que aparecen en las páginas y en los scripts del libro."""
    clases: set[str] = set()
    for archivo in list(Path(html).rglob("*.html")) + list(Path(html).rglob("*.js")):
        clases.update(_CLASE.findall(archivo.read_text(encoding="utf-8", errors="replace")))
    return clases


def sin_iconos_de_mas(css: str, clases: set[str]) -> str:
    """El CSS sin las reglas de ícono (`.fa-bell:before{content:…}`) de clases que nadie usa: son
    ~1,800 y pesan 20 KB comprimidas en cada primera visita."""
    return _REGLA_ICONO.sub(
        lambda m: m.group(0) if set(re.findall(r"\.(fa-[a-z0-9-]+)", m.group(1))) & clases else "", css)


def iconos_usados(html: Path) -> set[int]:
    """Los caracteres de la fuente de íconos que el libro puede mostrar:
    - los de cada clase `fa-…` que aparece en una página o en un script del libro (el botón del
      índice, la lupa, la flecha «volver arriba», la × del buscador…);
    - y los que el CSS del tema pone solo, fuera de las reglas de ícono (los de los recuadros de
      nota y aviso, las flechas de «anterior / siguiente», el de enlace externo…)."""
    html = Path(html)
    clases = clases_usadas(html)
    usados: set[int] = set()
    for hoja in html.rglob("*.css"):
        css = hoja.read_text(encoding="utf-8", errors="replace")
        for selectores, contenido in _REGLA_ICONO.findall(css):
            nombres = set(re.findall(r"\.(fa-[a-z0-9-]+)", selectores))
            if nombres & clases:
                usados.update(ord(c) for c in _texto_css(contenido))
        resto = _texto_css(_REGLA_ICONO.sub("", css))
        usados.update(ord(c) for c in _USO_PRIVADO.findall(resto))
    return usados


def recortar_iconos(html: Path) -> dict[str, tuple[int, int]]:
    """Deja en cada fuente de Font Awesome del libro (woff2 y ttf, mismos nombres: el CSS del tema
    no cambia) solo los `iconos_usados`. Devuelve, por archivo, los bytes antes y después."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    carpeta = Path(html) / CARPETA_FUENTES
    if not carpeta.is_dir():
        return {}
    usados = sorted(iconos_usados(html))
    tamanos = {}
    for fuente in sorted(carpeta.iterdir()):
        if fuente.suffix not in (".woff2", ".ttf"):
            continue
        antes = fuente.stat().st_size
        opciones = subset.Options()
        opciones.flavor = "woff2" if fuente.suffix == ".woff2" else None
        opciones.layout_features = []  # los íconos se piden por su carácter, no por ligaduras
        opciones.name_IDs = ["*"]  # la licencia (SIL OFL) queda en la fuente
        opciones.name_languages = ["*"]
        opciones.notdef_outline = True
        letra = TTFont(fuente)
        recortador = subset.Subsetter(opciones)
        recortador.populate(unicodes=usados)
        recortador.subset(letra)
        letra.flavor = opciones.flavor
        letra.save(fuente)
        tamanos[fuente.name] = (antes, fuente.stat().st_size)
    return tamanos


# ---------------------------------------------------------------- figuras más livianas

CARPETA_FIGURAS = "_images"
# Una figura con paleta se acepta solo si se ve igual: diferencia media por canal (de 0 a 255).
DIFERENCIA_MEDIA_MAXIMA = 1.0


def aligerar_png(ruta: Path) -> tuple[int, int]:
    """Guarda la figura PNG con una paleta de 256 colores (PNG de 8 bits) si así pesa menos y se ve
    igual. Las figuras de matplotlib tienen pocos colores: pesan ~⅓ y nadie nota la diferencia.
    (Ya tienen tamaño de celular: 4 pulgadas a 100 ppp, ~400 px de ancho; una copia más angosta
    no serviría: un celular de 360 px con pantalla 2× pide 660 px.) Devuelve bytes antes y después."""
    import io

    import numpy as np
    from PIL import Image

    antes = ruta.stat().st_size
    with Image.open(ruta) as imagen:
        imagen.load()
        if imagen.format != "PNG" or imagen.mode not in ("RGB", "RGBA"):
            return antes, antes
        original = imagen.copy()
    if original.mode == "RGBA" and original.getchannel("A").getextrema()[0] == 255:
        original = original.convert("RGB")  # fondo opaco: el canal alfa no dice nada
    if original.mode == "RGB":
        paleta = original.quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    else:
        paleta = original.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    diferencia = np.abs(np.asarray(paleta.convert(original.mode), dtype=np.int16)
                        - np.asarray(original, dtype=np.int16)).mean()
    salida = io.BytesIO()
    paleta.save(salida, "PNG", optimize=True)
    if diferencia > DIFERENCIA_MEDIA_MAXIMA or salida.tell() >= antes:
        return antes, antes
    ruta.write_bytes(salida.getvalue())
    return antes, salida.tell()


def figuras_livianas(html: Path) -> tuple[int, int]:
    """`aligerar_png` en cada figura del libro (_images/). Devuelve los bytes antes y después."""
    antes = despues = 0
    for figura in sorted((Path(html) / CARPETA_FIGURAS).glob("*.png")):
        a, d = aligerar_png(figura)
        antes, despues = antes + a, despues + d
    return antes, despues
