"""Lo que leen la persona que facilita y la participante: nombres como llegan, lista del grupo que no
se pierde, retroalimentación para el celular y reporte del grupo."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest

from lideres.curso import ids, recoger
from lideres.errores import ErrorLideres

EJERCICIO = "02_conteos_y_tasas"
CUADERNO_MINIMO = {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


class _InfoSinMarcaUtf8(zipfile.ZipInfo):
    """Un nombre como lo guarda el «Enviar a carpeta comprimida» de Windows en español: los bytes
    en el código de página del sistema y sin la marca UTF-8 (bit 11)."""

    codigo_de_pagina = "cp850"

    def _encodeFilenameFlags(self):  # noqa: N802 — el nombre lo pone zipfile
        return self.filename.encode(self.codigo_de_pagina), self.flag_bits & ~0x800


def zip_de_windows(ruta: Path, archivos: dict[str, bytes], codigo_de_pagina: str = "cp850") -> Path:
    with zipfile.ZipFile(ruta, "w") as zf:
        for nombre, datos in archivos.items():
            info = _InfoSinMarcaUtf8(nombre, date_time=(2025, 5, 1, 10, 0, 0))
            info.codigo_de_pagina = codigo_de_pagina
            zf.writestr(info, datos)
    return ruta


def _curso(tmp_path: Path) -> Path:
    curso = tmp_path / "curso"
    fuente = curso / "source" / EJERCICIO / f"{EJERCICIO}.ipynb"
    fuente.parent.mkdir(parents=True)
    fuente.write_text(json.dumps(CUADERNO_MINIMO), encoding="utf-8")
    return curso


# ------------------------------------------------------------------ nombres como llegan

@pytest.mark.parametrize("codigo_de_pagina", ["cp850", "cp437"])
def test_zip_de_windows_en_espanol_recupera_tildes_y_enes(tmp_path, codigo_de_pagina):
    nombres = ["José Pérez Núñez", "María Ñahui Quispe"]
    if codigo_de_pagina == "cp850":  # Á, Í, Ó y Ú solo existen en 850
        nombres += ["Ángel Ñahuincopa Álvarez", "Óscar Íñiguez Úrsula"]
    zip_ruta = zip_de_windows(tmp_path / "entregas.zip", {
        f"Entregas/{n}/{EJERCICIO}.ipynb": json.dumps(CUADERNO_MINIMO).encode() for n in nombres},
        codigo_de_pagina)
    with zipfile.ZipFile(zip_ruta) as zf:  # de verdad sin la marca: zipfile lo lee como 437
        assert all(not (i.flag_bits & 0x800) for i in zf.infolist())
    curso = _curso(tmp_path)
    resumen = recoger.recoger(curso, EJERCICIO, zip_ruta, ahora=dt.datetime(2025, 5, 1, 10, tzinfo=dt.UTC))
    assert sorted(e.nombre for e in resumen.entregas) == sorted(nombres)
    lista = ids.leer_lista(curso)
    assert lista["jose-perez-nunez"]["nombre"] == "José Pérez Núñez"
    if codigo_de_pagina == "cp850":
        assert lista["angel-nahuincopa-alvarez"]["nombre"] == "Ángel Ñahuincopa Álvarez"


def test_decodificar_nombre_prefiere_utf8_y_letras_del_espanol():
    texto = "Ángel Ñahuincopa Álvarez"
    assert recoger.decodificar_nombre(texto.encode("utf-8")) == texto
    assert recoger.decodificar_nombre(texto.encode("cp850")) == texto
    assert recoger.decodificar_nombre("María Ñahui".encode("cp437")) == "María Ñahui"
    assert recoger.decodificar_nombre(b"Rosa Quispe") == "Rosa Quispe"


@pytest.mark.parametrize("nombre, esperado", [
    ("Carmen Rosa Ñaupari Soto", ("Carmen Rosa", "Ñaupari Soto")),
    ("María Ñahui Quispe", ("María", "Ñahui Quispe")),
    ("Rosa Quispe", ("Rosa", "Quispe")),
    ("Rosa", ("Rosa", "")),
    ("María de los Ángeles Quispe de la Cruz", ("María de los Ángeles", "Quispe de la Cruz")),
    ("Luis Alberto del Solar Pérez", ("Luis Alberto", "del Solar Pérez")),
    ("José Pérez de Cuéllar", ("José", "Pérez de Cuéllar")),
    ("Ana de la Cruz", ("Ana", "de la Cruz")),
    ("  Juan   del  Águila ", ("Juan", "del Águila")),
])
def test_nombre_y_apellidos_como_en_el_peru(nombre, esperado):
    assert ids.nombre_y_apellidos(nombre) == esperado


# ------------------------------------------------------------------ la lista del grupo no se pierde

@pytest.mark.parametrize("contenido", [b'{"rosa-quispe": {"nombre": "Rosa Qu', b"\xff\xfe\x00basura", b"[1, 2]"])
def test_lista_danada_detiene_y_se_conserva(tmp_path, contenido):
    curso = _curso(tmp_path)
    (curso / ids.LISTA).write_bytes(contenido)
    origen = tmp_path / "usb"
    (origen / "Rosa Quispe").mkdir(parents=True)
    (origen / "Rosa Quispe" / f"{EJERCICIO}.ipynb").write_text(json.dumps(CUADERNO_MINIMO))
    with pytest.raises(ErrorLideres, match="lista del grupo") as error:
        recoger.recoger(curso, EJERCICIO, origen)
    assert "Cómo arreglarlo" in str(error.value) and "No se cambió nada" in str(error.value)
    assert (curso / ids.LISTA).read_bytes() == contenido  # la historia del grupo sigue ahí
    assert not (curso / "submitted").exists() and not (curso / "recibidos").exists()


def test_lista_danada_en_la_linea_de_ordenes(tmp_path, capsys):
    from lideres import cli

    curso = _curso(tmp_path)
    (curso / "nbgrader_config.py").write_text("c = get_config()\n")
    (curso / ids.LISTA).write_text('{"rosa": ', encoding="utf-8")
    origen = tmp_path / "usb"
    origen.mkdir()
    assert cli.main(["curso", "recoger", EJERCICIO, str(origen), "--curso", str(curso)]) == 1
    err = capsys.readouterr().err
    assert "está dañada" in err and "Traceback" not in err
    assert (curso / ids.LISTA).read_text(encoding="utf-8") == '{"rosa": '
