"""La herramienta de dibujo del mapa (leaflet.draw, en el DrawControl de ipyleaflet) habla español:
lideres_tablero.js (plantilla Voilà del taller) tiene un texto para cada `L.drawLocal...` que usa el
leaflet.draw instalado. En Chromium lo revisa tests/navegador/test_navegador_m07.py."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from lideres import rutas
from tests.ingles import palabras_en_ingles

JS = rutas.RAIZ / "lideres" / "taller" / "jupyter" / "voila" / "templates" / "lideres" / "static" / "lideres_tablero.js"


def _textos_es() -> dict:
    js = JS.read_text(encoding="utf-8")
    literal = re.search(r"var ES = (\{.*?\n  \});", js, re.S).group(1)
    return json.loads(re.sub(r"([{,]\s*)([A-Za-z]+)\s*:", r'\1"\2":', literal))


def _usos_en_leaflet_draw() -> set[str]:
    carpeta = Path(sys.prefix) / "share" / "jupyter" / "labextensions" / "jupyter-leaflet" / "static"
    usos = set()
    for archivo in carpeta.glob("*.js"):
        texto = archivo.read_text(encoding="utf-8", errors="replace")
        if "L.drawLocal=" in texto:
            usos |= set(re.findall(r"L\.drawLocal\.([a-zA-Z.]+[a-zA-Z])", texto))
    if not usos:
        pytest.skip("no se encontró leaflet.draw en la extensión jupyter-leaflet instalada")
    return usos


def test_cada_texto_de_leaflet_draw_tiene_su_version_en_espanol():
    es = _textos_es()
    faltan = []
    for ruta in sorted(_usos_en_leaflet_draw()):
        if ruta.startswith("format"):  # números: leaflet.draw no trae textos ahí
            continue
        nodo = es
        for parte in ruta.split("."):
            nodo = nodo.get(parte) if isinstance(nodo, dict) else None
        if not isinstance(nodo, (str, dict)):
            faltan.append(ruta)
    assert not faltan, f"textos de leaflet.draw sin versión en español: {faltan}"


def test_los_textos_estan_en_espanol():
    def hojas(nodo):
        for valor in nodo.values():
            yield from (hojas(valor) if isinstance(valor, dict) else [valor])

    textos = list(hojas(_textos_es()))
    assert len(textos) >= 30
    assert palabras_en_ingles(" ".join(textos)) == []
    assert not [t for t in textos if re.search(r"\b(Click|Draw|Cancel|Delete|Save|Error)\b", t)]
