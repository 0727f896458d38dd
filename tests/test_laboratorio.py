"""JupyterLab para participantes: en español y sin Formgrader ni crear/validar ejercicios."""

from __future__ import annotations

import json

from lideres import cli, laboratorio


def test_participantes_y_facilitador_se_alternan(capsys):
    try:
        assert cli.main(["jupyterlab", "facilitador"]) == 0
        assert not laboratorio.complementos_ocultos() & set(laboratorio.COMPLEMENTOS_FACILITADOR)
        assert cli.main(["jupyterlab", "participantes"]) == 0
        assert set(laboratorio.COMPLEMENTOS_FACILITADOR) <= laboratorio.complementos_ocultos()
        assert "@jupyter/nbgrader:assignment-list" not in laboratorio.complementos_ocultos()
        assert "Ocultas las herramientas" in capsys.readouterr().out
        # `make` no pisa lo que eligió quien facilita.
        laboratorio.configurar("facilitador")
        assert cli.main(["jupyterlab", "participantes", "--si-falta"]) == 0
        assert laboratorio.rol_actual() == "facilitador"
    finally:
        laboratorio.configurar("participantes")


def test_idioma_espanol_sin_borrar_otros_ajustes(tmp_path):
    ruta = laboratorio.archivo_idioma(tmp_path)
    ruta.parent.mkdir(parents=True)
    ruta.write_text(json.dumps({"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}), encoding="utf-8")
    laboratorio.poner_idioma(tmp_path)
    ajustes = json.loads(ruta.read_text(encoding="utf-8"))
    assert ajustes[laboratorio.TRADUCCION]["locale"] == laboratorio.idioma_instalado() == "es_PE"
    assert ajustes["@jupyterlab/apputils-extension:themes"]["theme"] == "JupyterLab Dark"


def test_el_paquete_de_idioma_esta_instalado():
    from importlib.metadata import distribution

    assert distribution("jupyterlab-language-pack-es-ES").version


def test_paquete_es_pe_es_el_es_es_con_lo_que_le_falta(tmp_path):
    """El paquete de idioma del proyecto trae lo del paquete es-ES y encima las traducciones propias
    (menús que el es-ES 4.5 deja en inglés, issue 22)."""
    import json

    from lideres import laboratorio_idioma as idioma

    carpeta = idioma.armar(tmp_path / "es_pe")
    datos = json.loads((carpeta / "locale" / "es_PE" / "LC_MESSAGES" / "jupyterlab.json").read_text(encoding="utf-8"))
    assert datos["menu\u0004Kernel"] == ["Intérprete"] and datos["Run Selected Cell"]
    if idioma._origen():  # con el paquete es-ES instalado, sus textos siguen ahí
        assert datos["menu\u0004File"] == ["Archivo"] and len(datos) > 700
    for dominio, textos in idioma.propias().items():
        assert all(v and v != k and v != [k] for k, v in textos.items()), dominio  # nada vacío ni sin traducir
    assert laboratorio.IDIOMA == idioma.LOCALE
