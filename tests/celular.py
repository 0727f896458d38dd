"""Responder el ejercicio como un celular, en el formulario ligero (`/ejercicio/<id>`) o en el de
Voilà (la versión completa). El celular mismo (contexto de 360×640), axe y el servidor con curso
están en `tests/navegador/ayudas.py`; esperar el registro y ver si un kernel vive, en
`ServidorTaller` (`esperar_en_registro`, `kernel_existe`).
"""

from __future__ import annotations

# ---------------------------------------------------------------- el formulario ligero


def respuesta_buena_ligera(p, escrita: str):
    """La respuesta correcta de la pregunta `p` como la escribe el formulario ligero."""
    if p.manual:
        return escrita
    valor = p.respuesta
    return list(valor) if p.tipo == "orden" else str(valor[0] if isinstance(valor, list) else valor)


def responder_ligero(page, p, valor) -> None:
    campo = f"r-{p.id}"
    if p.tipo == "opcion":
        page.locator(f'input[name="{campo}"][value="{valor}"]').check()
    elif p.tipo == "orden":
        for k, item in enumerate(valor, start=1):
            page.locator(f'select[name="{campo}-{k}"]').select_option(value=item)
    elif p.tipo == "distrito":
        page.locator(f'select[name="{campo}"]').select_option(value=valor)
    else:
        page.locator(f'[name="{campo}"]').fill(str(valor))


def entrar_ligero(page, nombre: str, codigo_grupo: str, clave: str) -> None:
    page.locator("#nombre").fill(nombre)
    page.locator("#codigo").fill(codigo_grupo)
    page.locator("#clave").fill(clave)
    page.get_by_role("button", name="Empezar").tap()
    page.wait_for_selector("text=Respondes como")


# ---------------------------------------------------------------- el formulario de Voilà


def entrar_voila(page, nombre: str, codigo_grupo: str, clave: str) -> None:
    page.wait_for_selector(".lideres-nombre input", state="visible")
    page.locator(".lideres-nombre input").fill(nombre)
    page.locator(".lideres-codigo input").fill(codigo_grupo)
    page.locator(".lideres-clave input").fill(clave)
    page.get_by_role("button", name="Empezar").tap()
    page.wait_for_selector(".lideres-preguntas:visible, .lideres-entrada .lideres-mal")
    rechazo = page.locator(".lideres-entrada .lideres-mal")
    assert rechazo.count() == 0, rechazo.first.inner_text()


def pregunta_voila(page, indice):
    return page.locator(".lideres-pregunta").nth(indice)


def esperar_guardado_voila(page, n, total) -> None:
    page.wait_for_function(
        "([n, t]) => (document.querySelector('.lideres-guardado') || {}).textContent"
        " && document.querySelector('.lideres-guardado').textContent.includes(`Guardado: ${n} de ${t}`)",
        arg=[n, total],
    )


def responder_voila(page, indice, pregunta, valor) -> None:
    caja = pregunta_voila(page, indice)
    if pregunta.tipo == "opcion":
        caja.locator(".widget-radio-box label").filter(has_text=f"{valor}) ").first.tap()
    elif pregunta.tipo == "numero":
        caja.locator(".lideres-decimal input").fill(str(valor))
    elif pregunta.tipo == "distrito":
        caja.locator("select").select_option(label=str(valor))
    elif pregunta.tipo == "orden":
        for destino, item in enumerate(valor):
            for _ in range(len(valor)):
                filas = [caja.locator(".lideres-item").nth(i).inner_text() for i in range(len(valor))]
                actual = next(i for i, t in enumerate(filas) if t.split(". ", 1)[1] == item)
                if actual <= destino:
                    break
                caja.locator(f'button[title^="Subir {item} "]').tap()
                page.wait_for_function(
                    "([s, i]) => document.querySelectorAll(s)[i].textContent.includes(`${i + 1}.`)",
                    arg=[".lideres-item", actual - 1])
    else:
        caja.locator("textarea").fill(str(valor))
