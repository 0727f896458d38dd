"""La vigilancia de la consola (`ayudas.escuchar`): el aviso al kernel que un tablero escribe mientras
se va no cuenta como error, y el mismo aviso con la página todavía en uso sí.

Páginas hechas aquí (sin servidor): en `beforeunload` escriben el error como lo hace el gestor de
widgets de Voilà cuando un widget avisa al kernel después de que Voilà soltó su conexión.
"""

from __future__ import annotations

import pytest

from tests.navegador.ayudas import SIN_AVISAR_AL_KERNEL

pytestmark = pytest.mark.navegador

BASE = "http://127.0.0.1:9/vigilancia"
AL_IRSE = f"""<!doctype html><html lang="es"><title>Tablero</title><p>Tablero</p><script>
window.addEventListener("beforeunload", () => console.error("{SIN_AVISAR_AL_KERNEL}", new Error("Kernel is disposed")));
</script></html>"""
OTRA = '<!doctype html><html lang="es"><title>Otra</title><p>Otra página</p></html>'


@pytest.fixture
def vigilada(navegador, vigilar):
    contexto = navegador.new_context(locale="es-PE")
    v = vigilar(contexto)
    paginas = {f"{BASE}/tablero": AL_IRSE, f"{BASE}/otra": OTRA}
    v.page.route(f"{BASE}/*", lambda route: route.fulfill(content_type="text/html; charset=utf-8",
                                                          body=paginas[route.request.url]))
    yield v
    contexto.close()


def test_el_aviso_al_kernel_de_una_pagina_que_se_fue_no_es_un_error(vigilada):
    v = vigilada
    v.page.goto(f"{BASE}/tablero")
    v.page.goto(f"{BASE}/otra")
    v.page.wait_for_selector("text=Otra página")
    assert v.errores == [] and v.sin_irse == []
    assert len(v.al_irse) == 1 and v.al_irse[0].startswith(SIN_AVISAR_AL_KERNEL)
    v.revisar()


def test_el_mismo_aviso_con_la_pagina_en_uso_si_es_un_error(vigilada):
    v = vigilada
    v.page.goto(f"{BASE}/tablero")
    v.page.goto(f"{BASE}/otra")
    # En la página nueva, sin irse: cuenta (la anterior ya no deja pasar nada a esta).
    v.page.evaluate(f"console.error('{SIN_AVISAR_AL_KERNEL}', new Error('Kernel is disposed'))")
    v.page.wait_for_timeout(200)
    assert len(v.errores) == 1 and v.errores[0].startswith(SIN_AVISAR_AL_KERNEL)
    with pytest.raises(AssertionError, match="errores en la consola"):
        v.revisar()


def test_si_empezo_a_irse_pero_sigue_ahi_el_aviso_cuenta(vigilada):
    """Como una descarga: `beforeunload` ocurre y la página no cambia."""
    v = vigilada
    v.page.goto(f"{BASE}/tablero")
    v.page.evaluate("window.dispatchEvent(new Event('beforeunload'))")
    v.page.wait_for_timeout(200)
    assert v.al_irse == [] and len(v.sin_irse) == 1
    with pytest.raises(AssertionError, match="errores en la consola"):
        v.revisar()
