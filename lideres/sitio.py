"""`make sitio`: el libro como sitio estático, para leerlo sin el servidor del taller.

Construye el libro en modo «sitio» (`libro.construir(modo="sitio")`, en book/_build/sitio/) y lo
copia a `sitio/` (o a otra carpeta); revisa que no pida nada fuera de la computadora y que sus
enlaces sean relativos, de modo que se abre con doble clic (file://) o desde cualquier hosting
estático (GitHub Pages: `.github/workflows/sitio.yml`). Un sitio estático no tiene servidor ni
kernels: los tableros no se enlazan a /voila/... (eso es del taller) sino a Binder y al JupyterHub
del curso, diciendo que necesitan internet (lideres.lanzar).

    .venv/bin/python -m lideres.sitio [DESTINO]
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from lideres import libro, rutas
from lideres.errores import ErrorLideres

CARPETA_SITIO = rutas.RAIZ / "sitio"
MARCA = ".lideres_sitio"  # solo se borra una carpeta que este módulo creó


def enlaces_absolutos(carpeta: Path) -> list[str]:
    """Páginas con enlaces o recursos que empiezan con «/»: no funcionan desde file:// ni en un
    hosting estático (los tableros en /voila/... tampoco: son del servidor del taller)."""
    from html.parser import HTMLParser

    class Enlaces(HTMLParser):
        def __init__(self):
            super().__init__()
            self.urls: list[str] = []

        def handle_starttag(self, tag, attrs):
            for nombre, valor in attrs:
                if nombre in ("href", "src") and valor:
                    self.urls.append(valor)

    problemas = []
    for pagina in sorted(Path(carpeta).rglob("*.html")):
        e = Enlaces()
        e.feed(pagina.read_text(encoding="utf-8", errors="replace"))
        for url in e.urls:
            if url.startswith("/") and not url.startswith("//"):
                problemas.append(f"{pagina.relative_to(carpeta)}: enlace absoluto {url}")
    return problemas


def construir(destino: Path | None = None, *, imprimir=print) -> Path:
    """Construye el libro y lo deja como sitio estático en `destino` (por defecto sitio/)."""
    destino = Path(destino or CARPETA_SITIO)
    _revisar_destino(destino)
    destino = copiar(libro.construir(imprimir=imprimir, modo=libro.SITIO), destino)
    imprimir(f"Sitio listo en {destino}: ábrelo con doble clic en {destino / 'index.html'}")
    return destino


def _revisar_destino(destino: Path) -> None:
    if destino.exists() and not (destino / MARCA).exists():
        raise ErrorLideres(
            f"La carpeta {destino} ya existe y no la creó `make sitio`: no la borro.",
            como_arreglar="indica otra carpeta o bórrala tú.",
        )


def copiar(html: Path, destino: Path) -> Path:
    """Copia un libro ya construido (en modo sitio) a `destino` y revisa que funcione sin servidor."""
    destino = Path(destino)
    _revisar_destino(destino)
    if destino.exists():
        shutil.rmtree(destino)
    shutil.copytree(html, destino, ignore=shutil.ignore_patterns(".buildinfo", libro.MARCA_LISTO))
    (destino / MARCA).write_text("copiado de book/_build/html por lideres.sitio\n", encoding="utf-8")
    problemas = libro.revisar_html(destino) + enlaces_absolutos(destino)
    if problemas:
        raise ErrorLideres(
            "El sitio no funcionaría sin el servidor:\n  " + "\n  ".join(problemas[:20]),
            como_arreglar="revisa los capítulos o plantillas que agregaron esos enlaces.",
        )
    return destino


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        construir(Path(argv[0]) if argv else None)
    except ErrorLideres as e:
        print(f"Error: {e}", file=sys.stderr)
        if e.como_arreglar:
            print(f"Cómo arreglarlo: {e.como_arreglar}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
