"""JupyterLab en español del Perú (`es_PE`): el paquete de idioma es-ES más lo que le falta.

jupyterlab-language-pack-es-ES 4.5 traduce unos 700 textos de JupyterLab; muchos menús quedaban en
inglés (issue 22). JupyterLab no deja completar un paquete desde otro paquete: su mezcla
(`jupyterlab.locale`) compara versiones y el paquete es-ES declara la versión «jupyterlab», que no
se puede comparar. Por eso el proyecto declara su propio paquete de idioma (`jupyterlab.languagepack`,
`es_PE = lideres.laboratorio_idioma:PAQUETE` en pyproject.toml): sus archivos son los del paquete
es-ES con las traducciones de `laboratorio_traducciones.json` encima. Se arman en una carpeta de
caché la primera vez que JupyterLab los pide (no se copia el paquete es-ES al repositorio).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import types
from pathlib import Path

LOCALE = "es_PE"
TRADUCCIONES = Path(__file__).with_name("laboratorio_traducciones.json")


def _origen() -> Path | None:
    """La carpeta LC_MESSAGES del paquete es-ES instalado (None si no está)."""
    try:
        import jupyterlab_language_pack_es_ES as es
    except ImportError:
        return None
    carpeta = Path(es.__file__).parent / "locale" / "es_ES" / "LC_MESSAGES"
    return carpeta if carpeta.is_dir() else None


def propias() -> dict[str, dict[str, str]]:
    """Las traducciones del proyecto, por dominio: {"jupyterlab": {"Tabs": "Pestañas", "Cut Cell":
    ["Cortar la celda", "Cortar las celdas"]}} (las claves con contexto llevan «contexto\u0004texto»)."""
    return json.loads(TRADUCCIONES.read_text(encoding="utf-8"))


def armar(destino: Path) -> Path:
    """Escribe en `destino` los archivos del paquete es_PE. Devuelve la carpeta del paquete."""
    origen = _origen()
    mensajes = destino / "locale" / LOCALE / "LC_MESSAGES"
    mensajes.mkdir(parents=True, exist_ok=True)
    dominios = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in origen.glob("*.json")} if origen else {}
    for dominio, textos in propias().items():
        datos = dominios.setdefault(dominio, {"": {"domain": dominio, "plural_forms": "nplurals=2; plural=(n != 1);"}})
        # Lo del proyecto va encima: corrige o completa lo del paquete es-ES.
        # Un texto o, si JupyterLab lo pide en singular y plural (trans._n), la lista de las dos formas.
        datos.update({clave: valor if isinstance(valor, list) else [valor] for clave, valor in textos.items()})
    for dominio, datos in dominios.items():
        datos.setdefault("", {})["language"] = "es-PE"
        temporal = mensajes / f".{dominio}.{os.getpid()}.tmp"
        temporal.write_text(json.dumps(datos, ensure_ascii=False), encoding="utf-8")
        os.replace(temporal, mensajes / f"{dominio}.json")  # de una vez: otro pedido nunca lee medio archivo
    (destino / "__init__.py").touch()
    return destino


def carpeta() -> Path:
    """La carpeta del paquete armado (en la caché; se arma si falta o si cambió lo de origen)."""
    origen = _origen()
    huella = hashlib.sha256(TRADUCCIONES.read_bytes())
    if origen:
        for p in sorted(origen.glob("*.json")):
            huella.update(p.name.encode() + str(p.stat().st_mtime_ns).encode())
    destino = Path(tempfile.gettempdir()) / f"lideres-jupyterlab-es-pe-{huella.hexdigest()[:16]}"
    if not (destino / "__init__.py").exists():
        armar(destino)
    return destino


def __getattr__(nombre: str):
    # jupyterlab_server busca los archivos junto a `PAQUETE.__file__` (os.path.dirname).
    if nombre == "PAQUETE":
        return types.SimpleNamespace(__file__=str(carpeta() / "__init__.py"))
    raise AttributeError(nombre)
