"""Subir un archivo en un tablero (09: revisar el registro; 10: la ficha del registro propio).

    from lideres.tablero.subida import control_subida, tomar
    subida = control_subida()
    subida.observe(lambda _c: (archivo := tomar(subida)) and hacer_algo(*archivo), names="value")

El archivo llega a la memoria del kernel y se saca del widget en cuanto se lee: no se escribe en el
disco ni queda en el navegador al volver a dibujar (el kernel se apaga al cerrar la página).
"""

from __future__ import annotations

ACEPTA = ".csv,.txt,.tsv,.xlsx,.xlsm,.xls"


def control_subida(descripcion: str = "Elegir archivo"):
    """FileUpload de un solo archivo, de 44 px de alto, que el navegador no envía si pasa el límite."""
    import ipywidgets as widgets

    from lideres.revisar.lectura import MAX_BYTES

    subida = widgets.FileUpload(accept=ACEPTA, multiple=False, description=descripcion,
                                layout=widgets.Layout(min_height="44px", width="100%"))
    # El navegador no envía un archivo más grande que esto (lideres_tablero.js de la plantilla de
    # Voilà): pasado el límite del servidor, la conexión se cortaría sin mensaje.
    subida.add_class(f"lideres-max-bytes-{MAX_BYTES}")
    return subida


def tomar(subida) -> tuple[bytes, str] | None:
    """(contenido, nombre) del archivo recién subido, y lo borra del widget; None si no hay."""
    if not subida.value:
        return None
    archivo = subida.value[0]
    datos, nombre = bytes(archivo["content"]), str(archivo["name"])
    subida.value = ()
    return datos, nombre
