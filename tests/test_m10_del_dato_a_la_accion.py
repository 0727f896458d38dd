"""Módulo 10: la ficha del barrio (datos y PDF de una página, sin internet)."""

from __future__ import annotations

import io
import re
import socket
from pathlib import Path

import pytest

from lideres import cli, formato
from lideres.errores import ErrorLideres
from lideres.modulos.m10_del_dato_a_la_accion import calculos, ficha

pypdf = pytest.importorskip("pypdf")
ARCHIVOS = Path(__file__).parent / "archivos"


def sin_espacios(texto: str) -> str:
    return re.sub(r"\s+", "", texto)


@pytest.fixture(scope="module")
def comas():
    return calculos.datos_ficha("comas")


@pytest.fixture(scope="module")
def pdf_comas(comas, tmp_path_factory):
    ruta = tmp_path_factory.mktemp("ficha") / "comas.pdf"
    ruta.write_bytes(ficha.compilar(comas))
    return pypdf.PdfReader(ruta)


def test_cifras_salen_del_registro(comas):
    from lideres.cifras import cifra
    from lideres.modulos.m02_conteos_y_tasas.calculos import tabla_conteos_y_tasas

    fila = tabla_conteos_y_tasas(calculos.ANIO).set_index("ubigeo").loc["150110"]
    por_etiqueta = {c.etiqueta: c for c in comas.cifras}
    assert por_etiqueta["Denuncias registradas en 2025"].texto == formato.numero(int(fila["conteo"]))
    assert por_etiqueta["Denuncias por 100 000 habitantes"].texto == cifra("distrito.tasa.comas.2025").texto
    assert por_etiqueta["Puesto por tasa"].texto.startswith(f"{int(fila['puesto_tasa'])}.º de {len(tabla_conteos_y_tasas(calculos.ANIO))}")
    assert por_etiqueta["Puesto por tasa"].nivel == "entre los 50 distritos de Lima Metropolitana y Callao"
    for c in comas.cifras:  # cada cifra con nivel, periodo y fuente, y su texto sale del registro
        assert c.nivel and c.periodo and c.fuentes and c.claves
        assert set(c.fuentes) <= set(calculos.FUENTES)
        assert {cifra(k).fuente for k in c.claves} <= set(c.fuentes)
        assert cifra(c.claves[-1]).texto in c.texto or cifra(c.claves[0]).texto in c.texto
    encuesta = por_etiqueta["Fueron víctimas de algún delito en 12 meses"]
    assert encuesta.nivel.startswith("Lima Metropolitana") and "no el distrito" in encuesta.nivel
    assert encuesta.texto == f"{cifra('enapres.victimas.lima_metropolitana.2024').texto} de cada 100"


def test_tasa_inestable_se_marca():
    cifras = {c.etiqueta: c for c in calculos.datos_ficha("Santa María del Mar").cifras}
    assert cifras["Denuncias por 100 000 habitantes"].texto.endswith("(inestable)")
    assert "inestable" in cifras["Denuncias por 100 000 habitantes"].nota.lower()


def test_trujillo_no_inventa_denuncias():
    datos = calculos.datos_ficha("El Porvenir")
    etiquetas = [c.etiqueta for c in datos.cifras]
    assert "Denuncias por distrito" in etiquetas and not any("Puesto" in e for e in etiquetas)
    assert all(c.nivel.startswith("La Libertad (departamento)") for c in datos.cifras if "enapres" in c.fuentes)
    assert datos.no_dicen[0].startswith("No hay denuncias publicadas por distrito para Trujillo")
    assert not any(t.startswith("La tasa") for t in datos.no_dicen)


def test_distrito_desconocido():
    with pytest.raises(ErrorLideres, match="no es uno de los 61"):
        calculos.datos_ficha("Cayma")
    assert calculos.ubigeo_de("150110") == calculos.ubigeo_de("COMAS") == "150110"


def test_una_pagina_con_letras_incrustadas(pdf_comas):
    assert len(pdf_comas.pages) == 1
    letras = pdf_comas.pages[0]["/Resources"]["/Font"]
    assert letras
    for referencia in letras.values():
        letra = referencia.get_object()
        descriptor = (letra["/DescendantFonts"][0].get_object() if "/DescendantFonts" in letra else letra)[
            "/FontDescriptor"].get_object()
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), letra["/BaseFont"]
        assert "DejaVu" in str(letra["/BaseFont"])  # la letra del paquete, no una del sistema


def test_cada_cifra_con_su_fuente_impresa(comas, pdf_comas):
    texto = pdf_comas.pages[0].extract_text()
    plano = sin_espacios(texto)
    for cifra in comas.cifras:
        assert sin_espacios(cifra.texto) in plano, cifra.etiqueta
        referencias = ", ".join(str(comas.numero_de_fuente(f)) for f in cifra.fuentes)
        assert sin_espacios(f"{cifra.nivel} · {cifra.periodo} · Fuente {referencias}") in plano
    for numero, clave in enumerate(comas.fuentes, start=1):
        assert sin_espacios(f"{numero}. {calculos.FUENTES[clave]}") in plano
    assert "Lo que estos datos no dicen" in texto and "Límites:" in texto
    assert "Antes de presentar un dato" in texto


def test_sin_pedidos_afuera(comas, monkeypatch, tmp_path):
    """Ni Python ni typst salen a internet: sin sockets, sin paquetes de typst, sin enlaces."""
    def prohibido(*_a, **_k):
        raise AssertionError("la ficha intentó conectarse")

    monkeypatch.setattr(socket.socket, "connect", prohibido)
    monkeypatch.setattr(socket, "create_connection", prohibido)
    assert "#import" not in ficha.PLANTILLA.read_text(encoding="utf-8")
    contenido = ficha.compilar(comas)
    assert b"/URI" not in contenido
    assert list(tmp_path.iterdir()) == []


def pagina_en_grises(pdf: bytes, ppp: int = 100):
    """La primera página del PDF mismo, dibujada a `ppp` puntos por pulgada por PDFium (pypdfium2:
    viene en su wheel, sin poppler ni otro programa del sistema) y pasada a grises."""
    pdfium = pytest.importorskip("pypdfium2")
    documento = pdfium.PdfDocument(pdf)
    try:
        return documento[0].render(scale=ppp / 72).to_pil().convert("L")
    finally:
        documento.close()


def test_legible_en_blanco_y_negro(comas):
    """El PDF que se entrega, dibujado a 100 ppp en grises: fondo blanco, letra negra, y el
    distrito del mapa bien distinto de los demás."""
    imagen = pagina_en_grises(ficha.compilar(comas))
    assert imagen.size == (827, 1170)  # A4 a 100 ppp: se dibujó la página entera
    histograma = imagen.histogram()
    total = sum(histograma)
    assert sum(histograma[240:]) / total > 0.6  # casi todo es papel
    assert sum(histograma[:60]) / total > 0.01  # hay letra negra de verdad
    assert min(i for i, n in enumerate(histograma) if n) < 30
    oscuro = int(ficha.GRIS_DISTRITO[1:3], 16)
    claro = int(ficha.GRIS_OTROS[1:3], 16)
    assert claro - oscuro > 150  # el distrito se distingue impreso sin color
    assert sum(histograma[claro - 3:claro + 4]) > 1000 and sum(histograma[oscuro - 3:oscuro + 4]) > 200


def test_en_la_terminal(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["ficha", "El Porvenir"]) == 0
    assert "ficha_el_porvenir.pdf" in capsys.readouterr().out
    assert len(pypdf.PdfReader(tmp_path / "ficha_el_porvenir.pdf").pages) == 1
    assert cli.main(["ficha", "Comas", "--salida", "x.docx"]) == 1
    assert "debe terminar en .pdf" in capsys.readouterr().err
    assert cli.main(["ficha"]) == 1 and "Falta el distrito" in capsys.readouterr().err


@pytest.mark.lento
def test_las_61_fichas(tmp_path, capsys):
    assert cli.main(["ficha", "--todas", str(tmp_path)]) == 0
    pdfs = sorted(tmp_path.glob("*.pdf"))
    assert len(pdfs) == 61 and "Se escribieron 61 de 61 fichas" in capsys.readouterr().out
    for ruta in pdfs:
        lector = pypdf.PdfReader(ruta)
        assert len(lector.pages) == 1, ruta.name
        assert "Fuentes" in lector.pages[0].extract_text()


def test_tablero_con_descarga_de_la_ficha():
    pytest.importorskip("ipywidgets")
    import base64

    from lideres.modulos.m10_del_dato_a_la_accion.tablero import tablero

    t = tablero(distrito="Comas")
    assert "Ficha de Comas" in t.cifras.value and "Fuente:" in t.cifras.value
    enlace = re.search(r'href="data:application/pdf;base64,([^"]+)"', t.descarga.value)
    assert enlace and 'download="ficha_comas.pdf"' in t.descarga.value
    assert len(pypdf.PdfReader(io.BytesIO(base64.b64decode(enlace[1]))).pages) == 1
    t.distrito.value = "El Porvenir"
    assert "no publicadas" in t.cifras.value and "ficha_el_porvenir.pdf" in t.descarga.value


def test_la_orden_ficha_no_carga_widgets():
    import subprocess
    import sys

    codigo = ("import sys; from lideres.modulos.m10_del_dato_a_la_accion import ficha; "
              "print('ipywidgets' in sys.modules)")
    salida = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True, timeout=120)
    assert salida.stdout.strip() == "False", salida.stderr


# --------------------------------------------------------------------------- la ficha del registro propio

def registro_sintetico() -> bytes:
    """Un cuaderno de junta SINTÉTICO (inventado aquí) de El Porvenir, enero a marzo de 2025: 12
    robos, 7 hurtos y 2 extorsiones (una celda pequeña), con lugares que no deben salir nunca."""
    filas = ["fecha;hora;tipo;distrito;lugar;fuente"]
    tipos = ["Robo"] * 12 + ["Hurto"] * 7 + ["Extorsión"] * 2
    for i, tipo in enumerate(tipos):
        filas.append(f"{1 + i % 28:02d}/{1 + i % 3:02d}/2025;{i % 24:02d}:15;{tipo};El Porvenir;"
                     f"Jr. Los Pinos {100 + i};Vecino o vecina")
    return ("\r\n".join(filas) + "\r\n").encode("utf-8")


@pytest.fixture(scope="module")
def ficha_registro():
    from lideres.revisar import revisar_datos

    return calculos.datos_ficha_registro(revisar_datos(registro_sintetico(), "cuaderno.csv"))


def test_ficha_del_registro_oculta_la_celda_pequena(ficha_registro):
    cifras = {c.etiqueta: c for c in ficha_registro.cifras}
    assert cifras["Incidencias anotadas por la junta"].texto == "21"
    assert cifras["Tipo: Robo"].texto == "12"
    assert "Tipo: Extorsión" not in cifras  # un tipo con 2 filas no se nombra: va con los otros
    assert cifras["Tipo: Otros tipos"].texto == "menos de 5"  # 2: se delataría a quien la sufrió
    assert cifras["Tipo: Hurto"].texto == "oculto"  # si no, 21 - 12 - 7 = 2 se despejaría restando
    assert [c.texto for c in ficha_registro.cifras if c.etiqueta.startswith("Mes:")] == ["7", "7", "7"]
    assert [c.etiqueta for c in ficha_registro.cifras][-3:] == [
        "Mes: enero de 2025", "Mes: febrero de 2025", "Mes: marzo de 2025"]
    for c in ficha_registro.cifras:  # cada cifra con su lugar, periodo y fuente: el registro
        assert c.nivel == "registro de la junta, El Porvenir" and c.fuentes == (calculos.REGISTRO,)
    assert (ficha_registro.ubigeo, ficha_registro.con_mapa) == ("130102", True)


def test_ficha_del_registro_pequeno_no_dice_ni_el_total():
    from lideres.revisar import revisar_datos

    texto = "fecha;tipo;distrito\n05/03/2025;Robo;Comas\n06/03/2025;Hurto;Comas\n"
    ficha_chica = calculos.datos_ficha_registro(revisar_datos(texto.encode(), "c.csv"))
    assert {c.texto for c in ficha_chica.cifras} == {"menos de 5"}


def test_ficha_del_registro_en_pdf_dice_de_que_datos_es(ficha_registro):
    texto = pypdf.PdfReader(io.BytesIO(ficha.compilar(ficha_registro))).pages[0].extract_text()
    plano = sin_espacios(texto)
    assert sin_espacios("Ficha del registro de la junta: El Porvenir") in plano
    assert sin_espacios("Registro propio de la junta vecinal · de enero de 2025 a marzo de 2025 · "
                        "no es una cifra oficial") in plano
    assert sin_espacios(f"1. {ficha_registro.texto_fuente(calculos.REGISTRO)}") in plano
    assert "Lo que estos datos no dicen" in texto and "Antes de presentar un dato" in texto
    assert "menosde5" in plano and "oculto" in plano
    assert "Pinos" not in texto and "Vecino" not in texto  # ni lugares ni quién lo contó
    assert len(pypdf.PdfReader(io.BytesIO(ficha.compilar(ficha_registro))).pages) == 1


def test_ficha_del_registro_de_varios_distritos_sin_mapa():
    from lideres.revisar import revisar_archivo

    r = revisar_archivo(ARCHIVOS / "revisar" / "bueno_registro.xlsx")
    varios = calculos.datos_ficha_registro(r)
    assert not varios.con_mapa and "La Esperanza" in varios.distrito
    assert len(pypdf.PdfReader(io.BytesIO(ficha.compilar(varios))).pages) == 1
    assert calculos.datos_ficha_registro(r, "El Porvenir").con_mapa


def test_un_archivo_oficial_no_es_el_registro_de_la_junta():
    from lideres.revisar import revisar_archivo

    with pytest.raises(ErrorLideres, match="denuncias oficiales"):
        calculos.datos_ficha_registro(revisar_archivo(ARCHIVOS / "sidpol" / "sintetico_mensual.csv"))


def test_tablero_antes_de_concluir_lo_que_no_dicen():
    """Como los tableros 01–08: el recuadro «Antes de concluir», aquí con lo que los datos de la
    ficha elegida no dicen (cambia con el distrito)."""
    pytest.importorskip("ipywidgets")
    from markupsafe import escape

    from lideres.modulos.m10_del_dato_a_la_accion import vistas
    from lideres.modulos.m10_del_dato_a_la_accion.tablero import tablero

    t = tablero(distrito="Comas")
    assert "Antes de concluir: lo que estos datos no dicen" in t.antes.value
    assert all(str(escape(x)) in t.antes.value for x in calculos.datos_ficha("Comas").no_dicen)
    assert "lideres-antes-caja" in t.antes._dom_classes and 'class="lideres-antes"' in t.antes.value
    t.distrito.value = "El Porvenir"
    assert "No hay denuncias publicadas por distrito para Trujillo" in t.antes.value
    assert t.antes.value == vistas.html_no_dicen(calculos.datos_ficha("El Porvenir"))
    assert "Antes de presentar un dato" in t.children[-1].value


def test_tablero_ficha_del_registro_solo_en_la_pagina(tmp_path, monkeypatch):
    """Se sube el registro: la ficha sale anonimizada en pantalla y en el PDF del enlace, y nada se
    escribe en el disco (ni en la carpeta de trabajo ni en la temporal)."""
    pytest.importorskip("ipywidgets")
    import base64
    import datetime as dt
    import tempfile

    from lideres.modulos.m10_del_dato_a_la_accion.tablero import tablero

    temporal = tmp_path / "temporal"
    temporal.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporal))
    monkeypatch.setenv("TMPDIR", str(temporal))
    trabajo = tmp_path / "trabajo"
    trabajo.mkdir()
    monkeypatch.chdir(trabajo)
    t = tablero(distrito="Comas")
    datos = registro_sintetico()
    t.subida.value = ({"name": "cuaderno.csv", "type": "", "size": len(datos), "content": memoryview(datos),
                       "last_modified": dt.datetime(2025, 3, 5, tzinfo=dt.UTC)},)
    assert t.subida.value == ()  # el archivo no se queda en el widget
    assert "no es una cifra oficial" in t.registro.value and "menos de 5" in t.registro.value
    assert "Pinos" not in t.registro.value + t.antes_registro.value
    assert "Antes de concluir: lo que estos datos no dicen" in t.antes_registro.value
    enlace = re.search(r'href="data:application/pdf;base64,([^"]+)"', t.descarga_registro.value)
    assert enlace and 'download="ficha_registro_el_porvenir.pdf"' in t.descarga_registro.value
    pdf = pypdf.PdfReader(io.BytesIO(base64.b64decode(enlace[1])))
    assert len(pdf.pages) == 1 and "no es una cifra oficial" in pdf.pages[0].extract_text()
    assert list(trabajo.iterdir()) == [] and list(temporal.iterdir()) == []  # nada escrito en el disco


@pytest.mark.parametrize("nombre", ["malo_vacio.csv", "malo_fechas_futuras.csv"])
def test_tablero_registro_malo_mismo_mensaje_que_la_terminal(nombre):
    pytest.importorskip("ipywidgets")
    from markupsafe import escape

    from lideres.modulos.m10_del_dato_a_la_accion.tablero import tablero
    from lideres.revisar import revisar_archivo

    ruta = ARCHIVOS / "revisar" / nombre
    with pytest.raises(ErrorLideres) as terminal:
        revisar_archivo(ruta)
    t = tablero(distrito="Comas")
    t.ficha_del_registro(ruta.read_bytes(), nombre)
    assert escape(terminal.value.mensaje) in t.registro.value and 'role="alert"' in t.registro.value
    assert t.ficha_registro is None and t.descarga_registro.value == ""
