"""JupyterLab para quien resuelve el ejercicio en una laptop: en español y sin las herramientas de
quien facilita (Formgrader, crear y validar ejercicios de nbgrader).

Se usa lo que JupyterLab y Jupyter Server ya traen para esto: `jupyter labextension disable` y
`jupyter server extension disable` (nivel del entorno, sys-prefix) y el idioma por defecto en
`share/jupyter/lab/settings/overrides.json`. Quien facilita lo deshace con
`lideres jupyterlab facilitador` (o `jupyter labextension enable ...`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# Complementos de JupyterLab de nbgrader que son para quien facilita. Queda la lista de tareas
# («Assignment List»), que usa quien participa cuando hay intercambio de nbgrader.
COMPLEMENTOS_FACILITADOR = (
    "@jupyter/nbgrader:formgrader",
    "@jupyter/nbgrader:create-assignment",
    "@jupyter/nbgrader:validate-assignment",
    "@jupyter/nbgrader:course-list",
)
EXTENSIONES_SERVIDOR_FACILITADOR = (
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.course_list",
)
# El paquete de idioma del proyecto: el es-ES (jupyterlab-language-pack-es-ES) completado con lo que
# le falta (lideres/laboratorio_idioma.py).
IDIOMA = "es_PE"
IDIOMA_RESPALDO = "es_ES"  # si el paquete lideres se instaló antes de tener el suyo (falta reinstalar)
TRADUCCION = "@jupyterlab/translation-extension:plugin"
ROLES = ("participantes", "facilitador")


def _prefijo() -> Path:
    return Path(sys.prefix)


def archivo_rol(prefijo: Path | None = None) -> Path:
    return (prefijo or _prefijo()) / "etc" / "jupyter" / "lideres_jupyterlab.json"


def archivo_idioma(prefijo: Path | None = None) -> Path:
    return (prefijo or _prefijo()) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


def poner_idioma(prefijo: Path | None = None) -> Path:
    """Español por defecto, sin borrar otros ajustes que ya estén en overrides.json."""
    ruta = archivo_idioma(prefijo)
    try:
        ajustes = json.loads(ruta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        ajustes = {}
    ajustes.setdefault(TRADUCCION, {})["locale"] = idioma_instalado()
    ruta.parent.mkdir(parents=True, exist_ok=True)
    ruta.write_text(json.dumps(ajustes, ensure_ascii=False, indent=2), encoding="utf-8")
    return ruta


def idioma_instalado() -> str:
    """es_PE si su paquete de idioma está declarado en este entorno; si no, es_ES (mejor que inglés)."""
    from importlib.metadata import entry_points

    hay = {e.name for e in entry_points(group="jupyterlab.languagepack")}
    return IDIOMA if IDIOMA in hay else IDIOMA_RESPALDO


def rol_actual(prefijo: Path | None = None) -> str | None:
    try:
        return json.loads(archivo_rol(prefijo).read_text(encoding="utf-8")).get("rol")
    except (OSError, ValueError, AttributeError):
        return None


def configurar(rol: str) -> list[str]:
    """Deja JupyterLab de este entorno para `participantes` o para `facilitador`. Devuelve líneas."""
    from jupyter_server.extension.serverextension import toggle_server_extension_python
    from jupyterlab.commands import disable_extension, enable_extension

    if rol not in ROLES:
        raise ValueError(rol)
    ocultar = rol == "participantes"
    for complemento in COMPLEMENTOS_FACILITADOR:
        (disable_extension if ocultar else enable_extension)(complemento, level="sys_prefix")
    for extension in EXTENSIONES_SERVIDOR_FACILITADOR:
        toggle_server_extension_python(extension, enabled=not ocultar, sys_prefix=True)
    idioma = poner_idioma()
    archivo_rol().parent.mkdir(parents=True, exist_ok=True)
    archivo_rol().write_text(json.dumps({"rol": rol}), encoding="utf-8")
    lineas = [f"JupyterLab en español ({idioma})."]
    if ocultar:
        lineas.append("Ocultas las herramientas de quien facilita (Formgrader, crear y validar "
                      "ejercicios). Para verlas: lideres jupyterlab facilitador")
    else:
        lineas.append("Visibles las herramientas de quien facilita (Formgrader, crear y validar "
                      "ejercicios). Para ocultarlas: lideres jupyterlab participantes")
    lineas.append("Si JupyterLab está abierto, ciérralo y vuelve a abrirlo.")
    return lineas


def complementos_ocultos() -> set[str]:
    """Los complementos de JupyterLab desactivados en este entorno (según JupyterLab mismo)."""
    from jupyterlab.commands import get_app_info

    return {nombre for nombre, apagado in (get_app_info().get("disabled") or {}).items() if apagado}
