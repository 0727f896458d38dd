"""Las páginas para facilitadores llevan el camino del ejercicio en el celular y sus fotos (issue 17 §5).

Las fotos las hace tests/navegador/test_capturas_guia.py en Chromium (las de lideres.libro.CAPTURAS);
aquí se revisa que cada foto que pide una página esté en esa lista (y que no sobre ninguna), que
sin foto el libro diga en palabras lo que se vería, y que la ronda de práctica del módulo 0 se pueda
hacer en el celular con la orden que da su página.
"""

from __future__ import annotations

import re
import shutil

import pytest

from lideres import libro, rutas
from lideres.modulos import MODULOS
from lideres.taller import ejercicios, servidor

FACILITADORES = rutas.LIBRO / "facilitadores"
PAGINA = "00_ejercicios_en_el_celular.md"
INCLUIR = re.compile(r"```\{include\} \.\./_generado/captura_(\w+)\.md")


def _paginas():
    return sorted(p for p in FACILITADORES.glob("*.md") if not p.name.startswith("_"))


def test_cada_foto_que_piden_las_paginas_la_hace_la_prueba_en_chromium():
    pedidas = {n for p in _paginas() for n in INCLUIR.findall(p.read_text(encoding="utf-8"))}
    assert pedidas, "ninguna página para facilitadores pone fotos"
    assert pedidas <= set(libro.CAPTURAS), f"faltan en lideres.libro.CAPTURAS: {pedidas - set(libro.CAPTURAS)}"
    assert set(libro.CAPTURAS) <= pedidas, f"fotos que ninguna página usa: {set(libro.CAPTURAS) - pedidas}"
    # La prueba de Chromium guarda cada una con guardar(page, "<nombre>", …).
    generador = (rutas.RAIZ / "tests" / "navegador" / "test_capturas_guia.py").read_text(encoding="utf-8")
    hechas = set(re.findall(r'guardar\(page, "(\w+)"', generador))
    assert hechas == set(libro.CAPTURAS)


def test_la_pagina_dice_todo_el_camino_del_ejercicio():
    texto = (FACILITADORES / PAGINA).read_text(encoding="utf-8")
    for parte in ('make taller ARGS="--red --curso exercises"', "código del grupo", "--modo examen",
                  "/facilitador/entregas", "No hay que recogerla", ".venv/bin/lideres curso calificar",
                  "/facilitador/escritas", ".venv/bin/lideres curso reporte",
                  '.venv/bin/lideres curso clave "María Quispe" --curso exercises',
                  "../_generado/terminal_taller.md"):
        assert parte in texto, parte
    # Ninguna orden `lideres …` a secas (en una terminal nueva no se encuentra).
    assert not re.search(r"(?<![/\w])lideres (curso|taller|libro)", texto)


def test_sin_foto_el_libro_la_cuenta_en_palabras(tmp_path):
    for nombre, descripcion in libro.CAPTURAS.items():
        texto = libro.fragmento_captura(nombre, tmp_path)
        assert "Foto pendiente" in texto and descripcion in texto and ".png" not in texto
    (libro.carpeta_capturas(tmp_path)).mkdir(parents=True)
    (libro.carpeta_capturas(tmp_path) / "reporte.png").write_bytes(b"\x89PNG")
    con_foto = libro.fragmento_captura("reporte", tmp_path)
    assert con_foto.startswith("```{figure} /_generado/capturas/reporte.png") and ":alt: " in con_foto
    assert "Servidor del taller listo" in libro.fragmento_terminal(tmp_path)


def test_preparar_el_libro_no_borra_las_fotos(tmp_path):
    copia = tmp_path / "book"
    shutil.copytree(rutas.LIBRO, copia, ignore=shutil.ignore_patterns("_build", "modulos", "_generado"))
    carpeta = libro.carpeta_capturas(copia)
    carpeta.mkdir(parents=True)
    (carpeta / "portada_celular.png").write_bytes(b"\x89PNG")
    (carpeta / libro.ARCHIVO_TERMINAL).write_text("Servidor del taller listo.\nCódigo del grupo: X Y\n",
                                                  encoding="utf-8")
    libro.preparar(copia, modo=libro.FACILITADOR)
    assert (carpeta / "portada_celular.png").is_file()
    generado = copia / libro.CARPETA_GENERADO
    assert "/_generado/capturas/portada_celular.png" in (generado / "captura_portada_celular.md").read_text(encoding="utf-8")
    assert "Foto pendiente" in (generado / "captura_reporte.md").read_text(encoding="utf-8")
    assert "Código del grupo: X Y" in (generado / "terminal_taller.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("m", [m for m in MODULOS if (FACILITADORES / f"{m.id}.md").is_file()], ids=lambda m: m.id)
def test_cada_modulo_con_ejercicio_enlaza_el_paso_a_paso(m):
    if not (rutas.CURSO / "source" / m.id / ejercicios.BANCO).is_file():
        pytest.skip(f"{m.id} no tiene ejercicio para el celular")
    texto = (FACILITADORES / f"{m.id}.md").read_text(encoding="utf-8")
    assert f"]({PAGINA})" in texto
    con_tablero = bool(servidor.tableros_del_modulo(rutas.CUADERNOS, m.id[:2]))
    orden = 'make taller ARGS="--red --curso exercises' + (f' --modulo {m.id[:2]}"' if con_tablero else '"')
    assert orden in texto


def test_cada_modulo_de_las_ordenes_tiene_tablero():
    """`--modulo NN` sin tablero detiene el servidor («No hay un tablero del módulo»)."""
    for pagina in _paginas():
        for nn in re.findall(r"--modulo (\d+)", pagina.read_text(encoding="utf-8")):
            assert servidor.tableros_del_modulo(rutas.CUADERNOS, nn), f"{pagina.name}: --modulo {nn}"


def test_la_ronda_del_modulo_0_se_hace_en_el_celular_con_la_orden_de_su_pagina():
    """La orden de la página del módulo 0 enciende el servidor con el curso, y con ese curso el
    ejercicio 00 tiene su página en el celular («Responder el ejercicio» en la portada)."""
    texto = (FACILITADORES / "00_bienvenida.md").read_text(encoding="utf-8")
    ordenes = re.findall(r'make taller ARGS="([^"]*)"', texto)
    assert ordenes and all("--curso" in o for o in ordenes), ordenes
    carpeta = re.search(r"--curso (\S+)", ordenes[0]).group(1)
    assert carpeta == "exercises" and rutas.CURSO.name == carpeta
    assert "00_bienvenida" in ejercicios.disponibles(rutas.CUADERNOS, rutas.CURSO)


def test_la_terminal_de_la_guia_es_la_de_la_orden_con_red():
    """La guía dice `--red --curso`: la terminal que muestra (capturada del servidor de verdad o, si
    falta, el ejemplo) es la de esa orden, con la dirección para los celulares, y no la pista
    «Para los celulares: … --red» que el servidor escribe solo cuando se enciende sin `--red`. Las
    frases que la guía cita son las que escribe el servidor."""
    texto = (FACILITADORES / PAGINA).read_text(encoding="utf-8")
    plano = " ".join(texto.split())
    assert servidor.CELULARES_CON_RED.removesuffix(":") in plano
    assert servidor.SIN_DIRECCION_LAN.split(";")[0] in plano
    assert servidor.SOLO_ESTA_COMPUTADORA.split(".")[0] in plano  # qué hacer si se encendió sin --red
    ejemplo = libro.TERMINAL_DE_EJEMPLO
    assert servidor.CELULARES_CON_RED in ejemplo and servidor.ATENCION_RED in ejemplo
    assert servidor.SOLO_ESTA_COMPUTADORA not in ejemplo
    # La prueba de Chromium que captura la terminal enciende el servidor con --red.
    generador = (rutas.RAIZ / "tests" / "navegador" / "test_capturas_guia.py").read_text(encoding="utf-8")
    assert re.search(r"(ServidorTaller|taller_con_curso)\(.*\bred=True", generador)


def test_la_guia_del_servidor_cita_el_presupuesto_de_memoria_como_lo_escribe_el_servidor():
    """Issue 22: --memoria. La guía del servidor cita la línea de la terminal y la frase de la portada."""
    from lideres.taller import memoria
    from lideres.taller.memoria import GB

    texto = (FACILITADORES / "00_servidor_del_taller.md").read_text(encoding="utf-8")
    plano = " ".join(texto.split())
    assert servidor.MEMORIA_PARA_KERNELS in plano and "--memoria" in plano
    assert memoria.frase_caben(12).rstrip(".") in plano
    # la tabla: lo que caben 2 y 4 GB (la mitad de 4 y 8 GB) en la versión completa
    for total, caben in ((4 * GB, 13), (8 * GB, 27)):
        assert memoria.caben(memoria.memoria_por_defecto(total), 0) == caben
        assert f"unos {caben}" in plano
