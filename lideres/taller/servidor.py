"""`lideres taller`: un Voilà independiente con la página de inicio y el libro en el mismo origen.

La configuración es una función pura (`configuracion`) para poder probarla sin levantar nada.
Los mensajes en inglés de Jupyter y de los kernels van a un archivo de registro; en la pantalla solo
salen nuestras líneas en español.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from lideres import descargas, rutas
from lideres.errores import ErrorLideres
from lideres.taller import ejercicios
from lideres.taller.ordenes import orden_lideres, recordar_path

# Un registro subido puede pesar hasta lideres.revisar.lectura.MAX_BYTES (20 MB; una prueba lo
# compara): el mensaje del widget lleva eso más el resto. No se importa revisar aquí (trae pandas).
MAX_MENSAJE_WEBSOCKET = 28 * 1024 * 1024

if TYPE_CHECKING:  # traitlets se importa al usarlo: `lideres --help` debe ser rápido
    from traitlets.config import Config

PUERTO_POR_DEFECTO = 8866
# Lo que lee quien facilita al encender el servidor: con --red, la dirección para los celulares (la
# guía «Ejercicios en el celular» cita estas frases); sin --red, cómo abrirlo a los celulares.
CELULARES_CON_RED = "En los celulares (misma red wifi), escribir:"
SIN_DIRECCION_LAN = "No encontré la dirección de esta computadora en la red local; revisa el wifi."
ATENCION_RED = "Atención: abierto a toda la red local y sin contraseña. Úsalo solo en la red del taller."
SOLO_ESTA_COMPUTADORA = "Solo esta computadora puede entrar. Para los celulares:"
# Al encender: el presupuesto de --memoria (la guía del servidor cita esta frase).
MEMORIA_PARA_KERNELS = "Memoria para los tableros:"
CARPETA_TABLEROS = "tableros"
PLANTILLA = "lideres"

# ---- Tamaño del grupo (--participantes): reserva precalentada, tope de kernels y apagado.
# Un kernel del tablero 02 ocupa ~120 MB (los de gráficos, ~145 MB; una página de ejercicio,
# ~50 MB): cada persona con un tablero abierto tiene el suyo (benchmarks/README.md, «Carga»).
PARTICIPANTES_POR_DEFECTO = 20
# Kernels vivos como máximo = participantes + este margen (para reponer la reserva). Con la sala
# llena, queda uno listo para quien recarga; el siguiente arranca al llegar (unos segundos). Cada
# kernel de más son ~120 MB justo cuando la laptop está más llena (con 2: 4.0-4.1 GB para 30).
MARGEN_KERNELS = 1
# Una página de Voilà con versión ligera (el tablero con su página ligera, el ejercicio con su
# formulario ligero) no necesita un kernel por persona: la portada lleva los celulares a la ligera,
# que no usa kernel. La versión completa queda para la laptop o quien la pida: una reserva chica si
# es del módulo de la sesión, ninguna si no. Cada kernel de la reserva son ~120 MB aunque nadie se
# conecte (issue 22: con 20–30 precalentados, 2.7–2.9 GB sin nadie en la sala).
RESERVA_CON_PAGINA_LIGERA = 2
# Una página sin versión ligera (07 dibuja, 09 y 10 suben archivos) necesita un kernel por celular,
# pero no todos de antemano: con nadie conectado quedan estos listos y la reserva crece cuando llegan
# celulares (lideres.taller.memoria.objetivo_de_reserva), dentro del presupuesto de --memoria. Antes
# eran uno por participante: la sala de 30 en el 07 tenía 31 kernels esperando (3.8 GB).
RESERVA_INICIAL_SIN_LIGERA = 4
# Kernels arrancando a la vez: en 2 núcleos, más a la vez no es más rápido.
ARRANQUES_SIMULTANEOS = 2
# Kernels sin conexión se apagan (un celular bloqueado pierde la conexión y cuenta como inactivo;
# uno abierto y conectado no se apaga). Cuanto más grande el grupo, antes, para liberar memoria:
# 300 min repartidos entre el grupo, entre 5 y 20 min (20 personas: 15 min; 30: 10 min).
CULL_MINUTOS_GRUPO = 300
CULL_MIN_S = 5 * 60
CULL_MAX_S = 20 * 60
CULL_INTERVALO_MAX_S = 60
# ---- Límites del ejecutor de Voilà en una laptop saturada (30 kernels en 2 núcleos).
# Por defecto Voilà espera 4 s la salida de una celda (iopub_timeout) y luego la da por vacía sin
# decir nada: el tablero salía con el título y nada más. Aquí se espera más y, si igual no llega,
# es un error visible (la plantilla ofrece «Reintentar»), nunca una página a medias.
ESPERA_SALIDA_CELDA_S = 60
ESPERA_CELDA_S = 180
ESPERA_ARRANQUE_KERNEL_S = 180
LATIDO_S = 5  # sin novedades del kernel, Voilà manda un latido a la página (ella lo muestra)

# Únicas extensiones de JupyterLab que cargan los tableros: los widgets y el mapa. Quedan fuera
# nbgrader, la extensión de Notebook, pygments y cualquier otra que se instale después.
EXTENSIONES_PERMITIDAS = [
    "@jupyter-widgets/jupyterlab-manager",
    "@voila-dashboards/widgets-manager8",
    "jupyter-leaflet",
]
# El mapa liviano (leaflet_liviano/, lo arma `make taller` o `make test` si hay npm): jupyter-leaflet
# con solo Leaflet, leaflet-draw y las clases que usa el curso (~75 KB comprimido en vez de ~300 KB).
# Registra el mismo módulo de widgets «jupyter-leaflet»; si está armado, los tableros cargan ese y
# no el original (nunca los dos). JupyterLab, el de quien facilita, sigue con el original.
LEAFLET_LIVIANO = "lideres-leaflet-liviano"
DIR_LEAFLET_LIVIANO = rutas.RAIZ / "leaflet_liviano" / "salida"
MENSAJE_ERROR_CELDA = (
    "El tablero tuvo un problema al prepararse. Avisa a quien facilita el taller: el detalle "
    "técnico quedó en el registro del servidor."
)
# Señales que detienen el servidor como un Ctrl-C. SIGBREAK existe solo en Windows (Ctrl-Break, y la
# que `ServidorTaller.detener` manda allí: Windows no puede mandar SIGINT a otro proceso); SIGTERM y
# SIGHUP (cerrar la terminal) solo donde existen.
SENALES_DE_PARADA = ("SIGINT", "SIGTERM", "SIGBREAK", "SIGHUP")
DIR_PLANTILLAS = Path(__file__).resolve().parent / "jupyter"
DIR_PAGINAS = Path(__file__).resolve().parent / "paginas"


def leaflet_liviano_armado(carpeta: Path | None = None) -> bool:
    """¿Está armado el mapa liviano? (`jupyter labextension build` deja `_build` en su package.json)."""
    paquete = Path(carpeta or DIR_LEAFLET_LIVIANO) / LEAFLET_LIVIANO / "package.json"
    try:
        return "_build" in json.loads(paquete.read_text(encoding="utf-8")).get("jupyterlab", {})
    except (OSError, ValueError):
        return False


def extensiones_de_tableros(carpeta: Path | None = None) -> tuple[list[str], list[str]]:
    """Las extensiones que cargan los tableros y las carpetas extra donde Voilà las busca.

    Con el mapa liviano armado, ese reemplaza a `jupyter-leaflet` en la lista (Voilà carga solo las
    de la lista: un solo proveedor del módulo de widgets del mapa); si no, todo sigue con el original.
    """
    carpeta = Path(carpeta or DIR_LEAFLET_LIVIANO)
    if not leaflet_liviano_armado(carpeta):
        return list(EXTENSIONES_PERMITIDAS), []
    permitidas = [LEAFLET_LIVIANO if e == "jupyter-leaflet" else e for e in EXTENSIONES_PERMITIDAS]
    return permitidas, [str(carpeta.resolve())]


# ---------------------------------------------------------------- red


def _ip_util(ip: str) -> bool:
    """¿Sirve para que un celular del mismo wifi llegue? Ni loopback, ni 0.0.0.0, ni link-local
    (169.254.x.x: la que Windows y macOS se asignan solos cuando no hay DHCP)."""
    try:
        d = ipaddress.IPv4Address(ip)
    except ValueError:
        return False
    return not (d.is_loopback or d.is_unspecified or d.is_link_local or d.is_multicast)


def direccion_lan() -> str | None:
    """La IP de esta máquina en la red local, sin mandar ningún paquete (Linux, Windows y macOS).

    `connect` de un socket UDP solo elige la interfaz de salida (no envía nada); se usa una dirección
    privada, así que tampoco se consulta nada fuera de la red local. Si no hay red, se prueba con las
    direcciones del nombre de esta máquina (`hostname -I` en Linux; en Windows y macOS, lo que el
    sistema sabe de su propio nombre); si tampoco, None.
    """
    for destino in ("10.255.255.254", "192.168.255.254", "172.31.255.254"):
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            s.connect((destino, 9))
            ip = s.getsockname()[0]
            if _ip_util(ip):
                return ip
        except OSError:
            pass
        finally:
            s.close()
    candidatas: list[str] = []
    if sys.platform.startswith("linux"):
        try:
            salida = subprocess.run(["hostname", "-I"], capture_output=True, text=True,
                                    encoding="utf-8", errors="replace", timeout=3).stdout
            candidatas += salida.split()
        except (OSError, subprocess.SubprocessError):
            pass
    try:
        candidatas += [i[4][0] for i in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)]
    except OSError:
        pass
    utiles = [ip for ip in candidatas if _ip_util(ip)]
    # Primero las privadas (10.x, 172.16–31.x, 192.168.x): las de un wifi de verdad.
    privadas = [ip for ip in utiles if ipaddress.IPv4Address(ip).is_private]
    return (privadas or utiles or [None])[0]


def puerto_libre(ip: str, puerto: int) -> bool:
    """¿Se puede escuchar en ip:puerto? Se prueba como lo hace tornado al abrirlo (SO_REUSEADDR):
    así, las conexiones que quedan en TIME_WAIT tras un Ctrl-C no cuentan como «en uso»."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((ip, puerto))
        s.listen(1)
        return True
    except OSError:
        return False
    finally:
        s.close()


# ---------------------------------------------------------------- configuración


def tableros(raiz: Path) -> list[str]:
    """Cuadernos de tablero bajo raiz/tableros/, como rutas relativas a raiz (las de la URL)."""
    carpeta = Path(raiz) / CARPETA_TABLEROS
    if not carpeta.is_dir():
        return []
    return sorted(
        p.relative_to(raiz).as_posix()
        for p in carpeta.rglob("*.ipynb")
        if ".ipynb_checkpoints" not in p.parts
    )


def paginas_de_ejercicio(ids_ejercicio) -> list[str]:
    """Las páginas de los ejercicios por celular (`ejercicios/<id>.ipynb`), como rutas de la URL."""
    return sorted(f"{ejercicios.CARPETA_EJERCICIOS}/{id_}.ipynb" for id_ in ids_ejercicio or ())


def paginas_con_reserva(raiz: Path, ids_ejercicio=()) -> list[str]:
    """Las páginas que se precalientan: los tableros y, con --curso, las páginas de los ejercicios
    que se responden en el celular (las lecciones en notebooks/ también se pueden abrir con Voilà,
    pero no se precalientan)."""
    return tableros(raiz) + paginas_de_ejercicio(ids_ejercicio)


def pools_de_kernels(raiz: Path, precalentados: int, ids_ejercicio=()) -> dict:
    """`kernel_pools_config` de Voilà: `precalentados` kernels listos por cada página con reserva
    (tableros y ejercicios), 0 para el resto."""
    pools = {"default": {"pool_size": 0}}
    for ruta in paginas_con_reserva(raiz, ids_ejercicio):
        pools[ruta] = {"pool_size": max(int(precalentados), 0)}
    return pools


def _clave_modulo(modulo: str) -> str:
    clave = str(modulo).strip().removesuffix(".ipynb")
    return clave.zfill(2) + "_" if clave.isdigit() else clave


def tableros_del_modulo(raiz: Path, modulo: str) -> list[str]:
    """Tableros cuyo archivo empieza con el número o nombre del módulo («04», «04_mapas»)."""
    clave = _clave_modulo(modulo)
    return [r for r in tableros(raiz) if Path(r).name.startswith(clave)]


def tiene_version_ligera(ruta: str) -> bool:
    """¿Los celulares tienen una versión ligera de esta página? Los ejercicios siempre (el
    formulario ligero); un tablero, si su módulo declara página ligera (lideres.ligera)."""
    partes = Path(ruta).parts
    if partes and partes[0] == ejercicios.CARPETA_EJERCICIOS:
        return True
    from lideres import ligera

    try:
        return ligera.declaracion(Path(ruta).stem) is not None
    except Exception:  # un tablero que no es de un módulo del curso: sin versión ligera
        return False


def reserva_por_pagina(
    raiz: Path, participantes: int, modulo: str | None = None, ids_ejercicio=()
) -> dict[str, int]:
    """Cuántos kernels precalentar por página (tablero o ejercicio) cuando el grupo manda
    (sin --precalentados).

    Con `modulo` (el de la sesión), su tablero y su ejercicio tienen uno por participante cada
    uno (toda la sala los abre a la vez) y las demás páginas uno. Sin él, el grupo se reparte
    entre las páginas (con una sola, uno por participante). Una página con versión ligera
    (`tiene_version_ligera`) recibe RESERVA_CON_PAGINA_LIGERA si es de la sesión, y si no, ninguno.
    """
    todas = paginas_con_reserva(raiz, ids_ejercicio)
    if not todas:
        return {}
    clave = _clave_modulo(modulo) if modulo else None

    def de_la_sesion(r: str) -> bool:
        return clave is not None and Path(r).name.startswith(clave)

    if clave:
        reserva = {r: participantes if de_la_sesion(r) else 1 for r in todas}
    else:
        cada = -(-participantes // len(todas))  # hacia arriba
        reserva = {r: cada for r in todas}
    # Con versión ligera, los celulares van a ella: de Voilà, una reserva chica para las páginas de
    # la sesión y ninguna para las demás (la versión completa arranca su kernel al pedirla). Sin
    # versión ligera, unos pocos de antemano: la reserva crece cuando llegan (lideres.taller.kernels).
    return {r: (RESERVA_CON_PAGINA_LIGERA if de_la_sesion(r) else 0) if tiene_version_ligera(r)
            else min(n, RESERVA_INICIAL_SIN_LIGERA)
            for r, n in reserva.items()}


def cull_inactivo_s(participantes: int, minutos: float | None = None) -> int:
    """Segundos sin conexión tras los que se apaga un kernel, según el tamaño del grupo.

    `minutos` (--apagar-inactivos) manda sobre el grupo: quien facilita puede dar más tiempo, y
    una prueba puede acortarlo sin cambiar el camino del código."""
    if minutos is not None:
        return max(1, round(float(minutos) * 60))
    segundos = CULL_MINUTOS_GRUPO * 60 // max(int(participantes), 1)
    return int(min(CULL_MAX_S, max(CULL_MIN_S, segundos)))


def configuracion(
    *,
    raiz: Path,
    puerto: int = PUERTO_POR_DEFECTO,
    red: bool = False,
    participantes: int = PARTICIPANTES_POR_DEFECTO,
    precalentados: int | None = None,
    modulo: str | None = None,
    ids_ejercicio=(),
    apagar_inactivos: float | None = None,
    memoria: int | None = None,
) -> Config:
    """La configuración de Voilà para el taller (traitlets).

    `participantes` dimensiona la sala: kernels precalentados (salvo que se indique
    `precalentados` por tablero), tope de kernels vivos y tiempo para apagar los inactivos.
    `modulo`: el de la sesión; su tablero (y su ejercicio) reciben la reserva completa.
    `ids_ejercicio`: los ejercicios que se responden en el celular (con --curso); sus páginas
    se precalientan como los tableros.
    `apagar_inactivos`: minutos sin conexión para apagar un kernel (por defecto, según el grupo).
    `memoria`: el presupuesto en bytes para los kernels, en uso y en la reserva (--memoria; por
    defecto, `memoria.memoria_por_defecto` de la de esta computadora). La reserva de antemano se
    recorta para caber en él.
    """
    from traitlets.config import Config

    from lideres.taller import memoria as mem

    participantes = max(int(participantes), 1)
    if memoria is None:
        memoria = mem.memoria_por_defecto(mem.memoria_de_la_computadora())
    if precalentados is None:
        base = reserva_por_pagina(raiz, participantes, modulo, ids_ejercicio)
    else:
        base = {r: p["pool_size"] for r, p in pools_de_kernels(raiz, precalentados, ids_ejercicio).items()
                if r != "default"}
    sesion = [r for r in base if modulo and Path(r).name.startswith(_clave_modulo(modulo))]
    # Con nadie conectado: la base de cada página, mientras quepa en el presupuesto.
    paginas = [mem.Pagina(ruta=r, base=n, de_la_sesion=r in sesion, por_kernel=mem.estimado(r))
               for r, n in base.items()]
    inicial = mem.repartir(paginas, int(memoria), participantes)
    pools = {"default": {"pool_size": 0}, **{r: {"pool_size": n} for r, n in inicial.items()}}
    total_reserva = sum(p["pool_size"] for p in pools.values())

    c = Config()
    c.Voila.ip = "0.0.0.0" if red else "127.0.0.1"
    c.Voila.port = int(puerto)
    c.Voila.port_retries = 0  # si el puerto está ocupado, decirlo; no saltar a otro en silencio
    c.Voila.open_browser = False
    c.Voila.root_dir = str(Path(raiz).resolve())
    # Nada de voila.json / jupyter_config de la máquina: el taller se comporta igual en todas.
    c.Voila.config_file_paths = []
    # Sin token ni contraseña: en 127.0.0.1 solo entra esta computadora; con --red, cualquiera del
    # wifi del taller (la orden lo avisa al iniciar).
    c.Voila.token = ""

    c.VoilaConfiguration.template = PLANTILLA
    c.VoilaConfiguration.theme = "light"
    c.VoilaConfiguration.strip_sources = True
    c.VoilaConfiguration.show_tracebacks = False
    c.VoilaConfiguration.show_margins = False
    permitidas, rutas_extra = extensiones_de_tableros()
    c.VoilaConfiguration.extension_allowlist = permitidas
    c.VoilaConfiguration.extra_labextensions_path = rutas_extra
    c.VoilaConfiguration.http_keep_alive_timeout = LATIDO_S
    # Un archivo subido (tablero 09) llega al kernel en un solo mensaje: tornado corta en 10 MiB.
    # Mensajes del kernel comprimidos (permessage-deflate): el estado de los widgets es JSON muy
    # repetitivo (260 → 42 KB en el tablero 02) y treinta celulares comparten el wifi.
    c.Voila.tornado_settings = {"websocket_max_message_size": MAX_MENSAJE_WEBSOCKET,
                                "websocket_compression_options": {}}
    # Un mensaje del kernel para una página que ya cerró su websocket no deja traza (conexion.py).
    c.Voila.kernel_websocket_connection_class = "lideres.taller.conexion.ConexionKernel"

    # Kernels: reserva precalentada por página, arranques en fila y tope (lideres.taller.kernels).
    # Con reserva (aunque empiece en 0 para todas): la reserva elástica necesita el gestor de Voilà
    # con precalentado. --precalentados 0 lo apaga del todo.
    c.VoilaConfiguration.preheat_kernel = bool(base) and precalentados != 0
    c.VoilaConfiguration.default_pool_size = 0
    c.VoilaConfiguration.multi_kernel_manager_class = "lideres.taller.kernels.GestorKernels"
    c.VoilaKernelManager.kernel_pools_config = pools
    c.VoilaKernelManager.fill_delay = 1.0
    c.GestorKernels.max_kernels = max(participantes, total_reserva) + MARGEN_KERNELS
    c.GestorKernels.arranques_simultaneos = ARRANQUES_SIMULTANEOS
    # Presupuesto de memoria y reserva elástica (lideres.taller.memoria).
    c.GestorKernels.presupuesto = int(memoria)
    c.GestorKernels.participantes = participantes
    c.GestorKernels.reserva_base = dict(base)
    c.GestorKernels.paginas_sesion = sesion
    # Un kernel reiniciado no tiene los widgets del tablero: mejor quitarlo y que la página lo diga.
    c.ServerKernelManager.autorestart = False
    c.ServerKernelManager.transport = transporte_kernels()

    cull = cull_inactivo_s(participantes, apagar_inactivos)
    c.MappingKernelManager.cull_idle_timeout = cull
    c.MappingKernelManager.cull_interval = min(CULL_INTERVALO_MAX_S, max(cull // 5, 1))
    c.MappingKernelManager.cull_connected = False
    c.MappingKernelManager.cull_busy = False

    c.VoilaExecutor.iopub_timeout = ESPERA_SALIDA_CELDA_S
    c.VoilaExecutor.raise_on_iopub_timeout = True
    c.VoilaExecutor.timeout = ESPERA_CELDA_S
    c.VoilaExecutor.startup_timeout = ESPERA_ARRANQUE_KERNEL_S
    c.VoilaExecutor.interrupt_on_timeout = False

    c.HTMLExporter.language_code = "es"  # <html lang="es"> en los tableros
    c.VoilaExecutor.cell_error_instruction = MENSAJE_ERROR_CELDA
    # La plantilla escribe el mismo aviso (resources.lideres.mensaje_error): un solo texto.
    c.VoilaConfiguration.resources = {"lideres": {"mensaje_error": MENSAJE_ERROR_CELDA}}
    return c


def preparar_rutas_jupyter() -> None:
    """Voilà busca plantillas en las rutas de datos de Jupyter: se agrega la del paquete."""
    actual = os.environ.get("JUPYTER_PATH", "")
    partes = [p for p in actual.split(os.pathsep) if p]
    if str(DIR_PLANTILLAS) not in partes:
        os.environ["JUPYTER_PATH"] = os.pathsep.join([str(DIR_PLANTILLAS), *partes])


# ---------------------------------------------------------------- páginas propias


def modulos_para_inicio(raiz: Path, libro_disponible: bool, curso: Path | None = None) -> list[dict]:
    """Los módulos de `lideres.modulos`, los que ya existen primero (en un celular se ven arriba)."""
    from lideres.libro import numero_modulo, url_capitulo, url_tablero
    from lideres.modulos import MODULOS

    disponibles = set(tableros(raiz))
    con_ejercicio = ejercicios.disponibles(raiz, curso)
    filas = []
    for m in MODULOS:
        ruta_tablero = f"{CARPETA_TABLEROS}/{m.cuaderno}"
        filas.append({
            "id": m.id,
            "numero": numero_modulo(m),
            "titulo": m.titulo,
            "lectura": m.lectura_equivocada,
            "listo": m.listo,
            "tablero": url_tablero(m) if ruta_tablero in disponibles else None,
            "ligera": url_ligera(m.id),
            "capitulo": url_capitulo(m) if libro_disponible else None,
            "ejercicio": RUTA_EJERCICIO_LIGERO + m.id if m.id in con_ejercicio else None,
            "ejercicio_completo": ejercicios.url_ejercicio(m.id) if m.id in con_ejercicio else None,
            "descargas": [{"url": RUTA_DESCARGAS + d.nombre, "nombre": d.nombre, "titulo": d.titulo}
                          for d in descargas.de_modulo(m.id)],
        })
    return sorted(filas, key=lambda f: not f["listo"])  # sort estable: el orden del curso se mantiene


RUTA_LIGERAS = "/ligeras/"
RUTA_EJERCICIO_LIGERO = "/ejercicio/"  # lideres.formulario.ligero.RUTA (no se importa: tornado)
RUTA_DESCARGAS = f"/{descargas.CARPETA}/"


def url_ligera(modulo_id: str) -> str | None:
    """La página ligera del tablero (lideres.ligera), si ya está escrita: en un celular abre en un
    segundo y sin kernel. El tablero de Voilà queda como «versión completa»."""
    from lideres import ligera

    nombre = ligera.nombre_archivo(modulo_id)
    return RUTA_LIGERAS + nombre if (ligera.CARPETA / nombre).is_file() else None


def pagina_inicio(raiz: Path, libro_html: Path | None, curso: Path | None = None,
                  facilitador: bool = False, cabida: dict | None = None) -> str:
    """`facilitador`: la página se pidió desde la laptop misma; lleva los enlaces de quien facilita.
    `cabida`: la del gestor de kernels (`GestorKernels.cabida`): dice cuántos celulares más caben
    en la versión completa; en la laptop, también la memoria usada y el presupuesto."""
    from lideres import jinja
    from lideres.taller import memoria as mem

    # Un entorno por proceso (lideres.jinja): compilar la plantilla en cada pedido hacía fila con
    # 60 celulares abriendo la portada a la vez (benchmarks/sala_wifi.py).
    entorno = jinja.entorno(DIR_PAGINAS)
    libro_disponible = bool(libro_html and (libro_html / "index.html").is_file())
    frase = memoria_usada = None
    if cabida and cabida.get("caben") is not None:
        frase = mem.frase_caben(cabida["caben"])
        if facilitador:
            memoria_usada = (f"Memoria de los tableros: {mem.texto_memoria(cabida['ocupado'])} de "
                             f"{mem.texto_memoria(cabida['presupuesto'])} "
                             f"({cabida['kernels_en_uso']} en uso, {cabida['kernels_en_reserva']} listos de antemano).")
    return entorno.get_template("inicio.html").render(
        modulos=modulos_para_inicio(raiz, libro_disponible, curso), libro_disponible=libro_disponible,
        facilitador=facilitador and curso is not None, frase_caben=frase, memoria_usada=memoria_usada,
    )


def pagina_sala_llena(ruta: str, reintentar: str, ocupada: bool = False) -> str:
    """Lo que ve un celular que pide la versión completa de `ruta` con el presupuesto de memoria
    lleno (o, con `ocupada`, cuando su kernel no llegó a arrancar a tiempo): en español, con la
    versión ligera si la página la tiene (nunca una página muerta)."""
    from lideres import jinja

    partes = Path(ruta).parts
    if partes and partes[0] == ejercicios.CARPETA_EJERCICIOS:
        ligera = RUTA_EJERCICIO_LIGERO + Path(ruta).stem
    else:
        ligera = url_ligera(Path(ruta).stem)
    return jinja.entorno(DIR_PAGINAS).get_template("sala_llena.html").render(
        ligera=ligera, reintentar=reintentar, ocupada=ocupada)


# Dos archivos fijos de paginas/ (el ícono y la página 404), leídos una vez al servirlos.
ICONO_SVG = (DIR_PAGINAS / "icono.svg").read_text(encoding="utf-8")
PAGINA_NO_ENCONTRADA = (DIR_PAGINAS / "no_encontrada.html").read_text(encoding="utf-8")


def _handlers_propios(raiz: Path, libro_html: Path | None, curso: Path | None = None) -> list:
    import tornado.web

    class Inicio(tornado.web.RequestHandler):
        def get(self):
            self.set_header("Content-Type", "text/html; charset=UTF-8")
            self.set_header("Cache-Control", "no-cache")
            from lideres.taller import facilitador

            en_la_laptop = facilitador.es_local(self.request.remote_ip) and facilitador._host_local(self.request.host)
            gestor = self.settings.get("kernel_manager")
            cabida = gestor.cabida() if hasattr(gestor, "cabida") else None
            self.write(pagina_inicio(raiz, libro_html, curso, facilitador=en_la_laptop, cabida=cabida))

    class Icono(tornado.web.RequestHandler):
        def get(self):
            self.set_header("Content-Type", "image/svg+xml")
            self.set_header("Cache-Control", "max-age=86400")
            self.write(ICONO_SVG)

    from lideres import ligera

    class Ligeras(tornado.web.StaticFileHandler):
        def get_cache_time(self, path, modified, mime_type):
            # Las figuras se llaman por su contenido: no cambian nunca (un año en el celular).
            return 365 * 86400 if path.startswith(ligera.CARPETA_FIGURAS + "/") else 0

    armados: dict[str, bytes] = {}

    class Descargas(tornado.web.RequestHandler):
        """La plantilla y el formulario del 09: se arman en memoria la primera vez (nada en disco)."""

        def get(self, nombre):
            d = descargas.todas().get(nombre)
            if d is None:
                raise tornado.web.HTTPError(404)
            if nombre not in armados:
                armados[nombre] = d.armar()
            self.set_header("Content-Type", d.tipo)
            self.set_header("Content-Disposition", f'attachment; filename="{d.nombre}"')
            self.set_header("Cache-Control", "no-cache")
            self.write(armados[nombre])

    handlers = [(r"/", Inicio), (r"/favicon\.ico", Icono),
                (RUTA_DESCARGAS + r"([A-Za-z0-9_.-]+)", Descargas),
                (RUTA_LIGERAS + "(.*)", Ligeras, {"path": str(ligera.CARPETA)})]
    if libro_html is not None:
        from lideres.taller.manejadores import LibroHandler

        handlers += [
            (r"/libro", tornado.web.RedirectHandler, {"url": "/libro/"}),
            (r"/libro/(.*)", LibroHandler, {"path": str(libro_html), "default_filename": "index.html"}),
        ]
    return handlers


def _clase_no_encontrado():
    import tornado.web

    class NoEncontrado(tornado.web.RequestHandler):
        def prepare(self):
            self.set_status(404)
            self.set_header("Content-Type", "text/html; charset=UTF-8")
            self.finish(PAGINA_NO_ENCONTRADA)

    return NoEncontrado


def _clase_voila():
    """La subclase se arma al usarla: importar Voilà tarda y `lideres --help` debe ser rápido."""
    import tornado.ioloop
    import tornado.web
    from voila.app import Voila
    from voila.tornado.treehandler import TornadoVoilaTreeHandler

    from lideres.taller import manejadores

    class VoilaTaller(Voila):
        """Voilà con nuestras rutas delante y el árbol de archivos de `/` reemplazado por la portada."""

        raiz_taller: Path
        libro_html: Path | None = None
        curso_taller: Path | None = None
        ejercicios_taller: tuple = ()
        orden_calificar: str | None = None
        al_iniciar = None

        def init_handlers(self):
            de_voila = manejadores.reemplazar([
                h for h in super().init_handlers()
                if not (h[0] == self.server_url and h[1] is TornadoVoilaTreeHandler)
            ])
            self.app.settings["default_handler_class"] = _clase_no_encontrado()
            self.app.settings["lideres_pagina_sala_llena"] = pagina_sala_llena  # manejadores.TableroHandler
            # Respuestas comprimidas (gzip): el JavaScript de Voilà pesa varios MB y los celulares
            # comparten un solo wifi. `compress_response` se lee al crear la app; aquí ya existe.
            if tornado.web.GZipContentEncoding not in self.app.transforms:
                self.app.transforms.append(tornado.web.GZipContentEncoding)
            from lideres.formulario import ligero
            from lideres.taller import facilitador

            propios = facilitador.handlers(self.curso_taller, self.ejercicios_taller, self.orden_calificar)
            # El formulario ligero del ejercicio (sin kernel); el de Voilà queda como versión completa.
            propios += ligero.handlers(self.curso_taller, self.ejercicios_taller)
            return _handlers_propios(self.raiz_taller, self.libro_html, self.curso_taller) + propios + de_voila

        def _handle_signal_stop(self, sig, frame):
            # Ctrl-C, SIGTERM o Ctrl-Break (Windows): detener el bucle desde el hilo de la señal,
            # sin traceback.
            self.ioloop.asyncio_loop.call_soon_threadsafe(self.ioloop.stop)

        def listen(self):
            try:
                self.app.listen(self.port, self.ip)
            except OSError as e:
                raise ErrorLideres(
                    f"No se pudo abrir el puerto {self.port}: {e.strerror or e}.",
                    como_arreglar=f"usa otro puerto, por ejemplo `{orden_taller(f'--puerto {self.port + 1}')}`.",
                ) from None
            self.ioloop = tornado.ioloop.IOLoop.current()
            for nombre in SENALES_DE_PARADA:
                if hasattr(signal, nombre):
                    signal.signal(getattr(signal, nombre), self._handle_signal_stop)
            if sys.platform == "win32":
                # En Windows, el bucle de eventos espera la red sin que Ctrl-C lo interrumpa: Python
                # corre el manejador de la señal recién cuando el bucle despierta. Se lo despierta
                # cada medio segundo (no hace nada más).
                tornado.ioloop.PeriodicCallback(lambda: None, 500).start()
            if self.al_iniciar:
                self.al_iniciar()
            try:
                self.ioloop.start()
            except KeyboardInterrupt:
                pass

    return VoilaTaller


# ---------------------------------------------------------------- registro y órdenes


def registro_por_defecto(puerto: int) -> Path:
    """Un registro por servidor: `$XDG_STATE_HOME/lideres/taller-PUERTO.log` (por defecto en
    ~/.local/state; en Windows, en %LOCALAPPDATA%). Dos servidores no pueden usar el mismo puerto a
    la vez, así que no se pisan."""
    base = (os.environ.get("XDG_STATE_HOME")
            or (sys.platform == "win32" and os.environ.get("LOCALAPPDATA"))  # C:\Users\…\AppData\Local
            or str(Path.home() / ".local" / "state"))
    return Path(base) / "lideres" / f"taller-{int(puerto)}.log"


def orden_taller(opciones: str = "") -> str:
    """Cómo volver a iniciar el servidor desde esta terminal: `make taller ARGS=...` si se corrió
    con make; si no, `lideres taller ...` (o con la ruta de .venv/bin/lideres)."""
    if os.environ.get("MAKELEVEL"):
        if not opciones:
            return "make taller"
        return f"make taller ARGS='{opciones}'" if " " in opciones else f"make taller ARGS={opciones}"
    return orden_lideres(f"taller {opciones}")


def _registrar_en_archivo(archivo: Path, app) -> None:
    """Los mensajes de Jupyter, tornado y Voilà (en inglés) van al archivo, no a la pantalla."""
    manejador = logging.FileHandler(archivo, encoding="utf-8")
    manejador.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    raiz = logging.getLogger()
    for h in list(raiz.handlers):
        raiz.removeHandler(h)
    raiz.addHandler(manejador)
    raiz.setLevel(logging.INFO)
    for h in list(app.log.handlers):
        app.log.removeHandler(h)
    app.log.addHandler(manejador)
    app.log.propagate = False


def _stderr_al_archivo(archivo: Path) -> None:
    """Los kernels heredan el stderr del servidor: se apunta al registro (no a la pantalla).

    `os.dup2` sobre el descriptor 2 existe en Linux, macOS y Windows (allí la biblioteca de C
    también cambia el stderr que heredan los procesos hijos). Si el sistema no lo permite (una
    consola sin stderr, por ejemplo), al menos los mensajes de Python van al registro.
    """
    sys.stderr.flush()
    try:
        fd = os.open(archivo, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.dup2(fd, 2)
        finally:
            os.close(fd)
    except (OSError, AttributeError):
        sys.stderr = open(archivo, "a", encoding="utf-8", errors="replace")


# ---------------------------------------------------------------- orden


# La ruta de un socket de kernel es la carpeta temporal más «/voila_XXXXXXXX/kernel-<uuid>-ipc-N»
# (hasta 66 caracteres); un socket de Unix admite 103 en macOS y 107 en Linux.
LARGO_RUTA_SOCKET = 68
LARGO_MAXIMO_SOCKET = 103


def transporte_kernels(temporal: str | None = None) -> str:
    """Cómo hablan los kernels con el servidor: por sockets de Unix («ipc», en la carpeta temporal
    donde Voilà deja los archivos de conexión) si se puede; si no, por TCP.

    Por TCP, jupyter_client elige cinco puertos libres y el kernel los toma después: en ese intervalo
    otro proceso puede ocupar uno («Address already in use»), el kernel muere antes de arrancar y la
    página no carga (visto dos veces en corridas completas). Con sockets de Unix no hay puertos.
    Windows no tiene IPC de ZeroMQ, y una carpeta temporal muy larga no deja espacio para el nombre."""
    temporal = temporal or tempfile.gettempdir()
    if os.name != "posix" or len(temporal) + LARGO_RUTA_SOCKET > LARGO_MAXIMO_SOCKET:
        return "tcp"
    return "ipc"


def iniciar(
    *,
    puerto: int = PUERTO_POR_DEFECTO,
    red: bool = False,
    sin_libro: bool = False,
    participantes: int = PARTICIPANTES_POR_DEFECTO,
    precalentados: int | None = None,
    modulo: str | None = None,
    cuadernos: Path | None = None,
    registro: Path | None = None,
    curso: Path | None = None,
    modo: str | None = None,
    apagar_inactivos: float | None = None,
    memoria: str | int | None = None,
    imprimir=print,
) -> int:
    from lideres import libro
    from lideres.formato import numero
    from lideres.taller import memoria as mem

    # --memoria primero: un error de tipeo se dice antes de construir nada.
    if isinstance(memoria, str):
        memoria = mem.leer_memoria(memoria)
    total = mem.memoria_de_la_computadora()
    if memoria is None:
        memoria = mem.memoria_por_defecto(total)
    elif total and memoria > total:
        raise ErrorLideres(
            f"--memoria pide {mem.texto_memoria(memoria)}, pero esta computadora tiene {mem.texto_memoria(total)}.",
            como_arreglar=f"usa menos, por ejemplo `--memoria {mem.texto_memoria(mem.memoria_por_defecto(total)).replace(' ', '')}`.",
        )

    raiz = Path(cuadernos or rutas.CUADERNOS).resolve()
    if not raiz.is_dir():
        raise ErrorLideres(
            f"No existe la carpeta de cuadernos {raiz}.",
            como_arreglar="corre la orden desde una copia completa del curso o indica --cuadernos.",
        )
    if not (1024 <= int(puerto) <= 65535):
        raise ErrorLideres(f"El puerto {puerto} no es válido.", como_arreglar="usa un número entre 1024 y 65535.")
    if precalentados is not None and precalentados < 0:
        raise ErrorLideres("--precalentados no puede ser negativo.", como_arreglar="usa 0 o más.")
    if participantes < 1:
        raise ErrorLideres("--participantes debe ser 1 o más.", como_arreglar="indica cuántas personas habrá en la sala.")
    if modulo and not tableros_del_modulo(raiz, modulo):
        disponibles = ", ".join(Path(r).stem for r in tableros(raiz)) or "ninguno"
        raise ErrorLideres(
            f"No hay un tablero del módulo «{modulo}».",
            como_arreglar=f"usa el número de un módulo con tablero (hay: {disponibles}).",
        )
    if apagar_inactivos is not None and not apagar_inactivos > 0:
        raise ErrorLideres("--apagar-inactivos debe ser más que 0 minutos.",
                           como_arreglar="indica los minutos, por ejemplo `--apagar-inactivos 20`.")
    if modo and not curso:
        raise ErrorLideres("--modo sirve solo con --curso.",
                           como_arreglar=f"agrega la carpeta del curso: `{orden_taller('--curso CARPETA --modo examen')}`.")
    ip = "0.0.0.0" if red else "127.0.0.1"
    if not puerto_libre(ip, puerto):
        raise ErrorLideres(
            f"El puerto {puerto} ya está en uso (¿hay otro servidor del taller abierto?).",
            como_arreglar=f"ciérralo o usa otro: `{orden_taller(f'--puerto {puerto + 1}')}`.",
        )

    html = libro.carpeta_html()
    if not libro.html_listo():
        if sin_libro:
            imprimir("Aviso: el libro no está construido; se sirven solo los tableros (--sin-libro).")
        else:
            imprimir("El libro todavía no está construido: lo construyo primero.")
            libro.construir(imprimir=imprimir)
    libro_html = html if libro.html_listo() else None
    if not sin_libro:  # las páginas ligeras de los tableros (el libro ya las dejó al día, si se construyó)
        from lideres import ligera

        ligera.construir(imprimir=imprimir)
    entregas = ejercicios.preparar_entregas(curso, raiz, modo, imprimir) if curso else None

    registro = Path(registro or registro_por_defecto(puerto))
    registro.parent.mkdir(parents=True, exist_ok=True)
    registro.write_text("", encoding="utf-8")
    preparar_rutas_jupyter()
    cfg = configuracion(
        raiz=raiz, puerto=puerto, red=red, participantes=participantes, precalentados=precalentados,
        modulo=modulo, ids_ejercicio=entregas["ejercicios"] if entregas else (),
        apagar_inactivos=apagar_inactivos, memoria=memoria,
    )
    pools = cfg.VoilaKernelManager.kernel_pools_config
    reserva = {r: p["pool_size"] for r, p in pools.items() if r != "default"}

    imprimir("Iniciando el servidor del taller…")
    clase = _clase_voila()
    app = clase(config=cfg)
    app.raiz_taller = raiz
    app.libro_html = libro_html
    app.curso_taller = entregas["curso"] if entregas else None
    recordar_path()  # antes de cambiar el PATH (abajo): las órdenes que se sugieren son para esa terminal
    if entregas:
        app.ejercicios_taller = tuple(entregas["ejercicios"])
        app.orden_calificar = orden_lideres(f"curso calificar EJERCICIO --curso \"{entregas['curso']}\"")
    # Kernels con el mismo Python del taller (el que tiene `lideres`).
    os.environ["PATH"] = rutas.path_con_el_entorno(os.environ.get("PATH"))
    os.environ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    app.initialize(argv=[])
    _registrar_en_archivo(registro, app)
    n_tableros = len(tableros(raiz))

    def al_iniciar():
        local = f"http://127.0.0.1:{puerto}/"
        imprimir("Servidor del taller listo.")
        imprimir(f"  En esta computadora:  {local}")
        if red:
            lan = direccion_lan()
            if lan:
                imprimir(f"  {CELULARES_CON_RED}  http://{lan}:{puerto}/")
            else:
                imprimir(f"  {SIN_DIRECCION_LAN}")
            imprimir(f"  {ATENCION_RED}")
        else:
            imprimir(f"  {SOLO_ESTA_COMPUTADORA} `{orden_taller('--red')}`.")
        detalle = "; ".join(f"{Path(r).stem}: {numero(n)}" for r, n in reserva.items()
                            if r.startswith(CARPETA_TABLEROS + "/")) or "ninguno"
        imprimir(
            f"  Sala para {numero(participantes)} personas; tableros: {numero(n_tableros)}. "
            f"Tableros listos de antemano (se preparan en segundo plano): {detalle}."
        )
        imprimir(f"  {MEMORIA_PARA_KERNELS} {mem.texto_memoria(memoria)}: caben unos "
                 f"{numero(mem.caben(memoria, 0))} celulares a la vez en la versión completa de los tableros "
                 "(la reserva crece cuando llegan y baja cuando se van).")
        de_ejercicio = "; ".join(f"{Path(r).stem}: {numero(n)}" for r, n in reserva.items()
                                 if r.startswith(ejercicios.CARPETA_EJERCICIOS + "/"))
        if de_ejercicio:
            imprimir(f"  Ejercicios listos de antemano: {de_ejercicio}.")
        imprimir(f"  Libro: {'en /libro/' if libro_html else 'no disponible'}.")
        if entregas:
            ejercicios.imprimir_entregas(entregas, imprimir)
            from lideres.taller import facilitador

            imprimir(f"  Para ver quién entregó: {local.rstrip('/')}{facilitador.RUTA_ENTREGAS}")
            imprimir(f"  Para calificar las respuestas escritas: {local.rstrip('/')}{facilitador.RUTA_ESCRITAS}")
            imprimir("  (esas dos páginas se abren solo en esta computadora; cada entrega sale también aquí abajo)")
            facilitador.VigiaTerminal(entregas["curso"], imprimir).iniciar()
        imprimir(f"  Registro técnico (en inglés): {registro}")
        imprimir("Para detener el servidor: Ctrl-C.")
        sys.stdout.flush()
        _stderr_al_archivo(registro)

    app.al_iniciar = al_iniciar
    try:
        app.start()
    finally:
        try:
            app.stop()
        except Exception:  # al apagar, un kernel que ya murió no debe ensuciar la salida
            logging.getLogger("lideres.taller").exception("al detener")
    imprimir("Servidor detenido: se apagaron los kernels.")
    return 0
