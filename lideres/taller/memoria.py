"""Presupuesto de memoria del taller (`--memoria`) y reserva elástica de kernels: funciones puras.

Cada celular con la versión completa de un tablero (Voilà) tiene su kernel, y cada kernel de la
reserva (precalentado, esperando a un celular) ocupa lo mismo aunque nadie lo use. El presupuesto
cuenta los dos: los kernels en uso y los de la reserva. Aquí solo se decide (sin tiempos ni
procesos, para probarlo directo); quien mide y arranca o apaga es `lideres.taller.kernels`.

**Cómo se cuenta un kernel**: lo que mide (PSS, lo que de verdad ocupa en Linux; RSS donde no hay
PSS), pero nunca menos que la estimación de su página. Un kernel recién arrancado todavía no cargó
su tablero (mide ~50 MB y llega a ~120–150 MB al armarlo): contarlo por lo que mide en ese momento
dejaría entrar a más celulares de los que caben. Lo que no es un kernel (el servidor mismo, ~85–230
MB, el navegador de la laptop) no entra en el presupuesto.

La reserva crece con los que llegan y baja cuando se van (`objetivo_de_reserva`), y entre todas las
páginas nunca pasa de lo que queda libre (`repartir`). Un celular que llega tiene prioridad sobre la
reserva de otra página: por eso «caben» se calcula con los kernels en uso, no con la reserva.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lideres.errores import ErrorLideres

MB = 1024**2
# «GB» como lo dice la laptop («4 GB de RAM»): 1 GB = 1024 MB.
GB = 1024 * MB

# Estimación por kernel (benchmarks/README.md, «Un kernel por página»): un tablero mide 87–148 MB
# de PSS después de armarse (el 07, con Leaflet y sus capas, en ese rango); una página de ejercicio,
# 47–56 MB. Se redondea hacia arriba: es lo mínimo que cuenta cada kernel.
ESTIMADO_TABLERO = 150 * MB
ESTIMADO_EJERCICIO = 60 * MB
# Menos que esto no alcanza ni para dos tableros y la reserva.
MINIMO = 300 * MB
# Sin --memoria: la mitad de la memoria de la computadora (4 GB → 2 GB, 8 GB → 4 GB); la otra
# mitad queda para el sistema, el servidor, el navegador y el proyector.
FRACCION_POR_DEFECTO = 0.5
# Si no se puede saber cuánta memoria tiene la computadora.
POR_DEFECTO_SIN_DATO = 2 * GB
# La reserva de una página crece en uno por cada CRECER_CADA celulares que la usan.
CRECER_CADA = 2

_PATRON = re.compile(r"^\s*(\d+)(?:[.,](\d{1,2}))?\s*(gb|mb)\s*$", re.IGNORECASE)
_EJEMPLO = "por ejemplo `--memoria 2GB`, `--memoria 1500MB` o `--memoria 1,5GB`"


def leer_memoria(texto: str) -> int:
    """«2GB», «1500MB», «1,5GB» o «1.5GB» → bytes. Cualquier otra cosa: ErrorLideres en español.

    Un separador seguido de tres cifras («1,500MB») no se acepta: en el Perú puede ser el de los
    miles o el de los decimales, y adivinar sería equivocarse con la memoria de la laptop."""
    original = str(texto)
    m = _PATRON.match(original)
    if not m:
        miles = re.match(r"^\s*(\d+)[.,](\d{3})\s*(gb|mb)\s*$", original, re.IGNORECASE)
        if miles:
            junto = f"{miles.group(1)}{miles.group(2)}{miles.group(3).upper()}"
            raise ErrorLideres(f"No entiendo la memoria «{original}»: ¿es {junto} o tiene decimales?",
                               como_arreglar=f"escribe los miles sin separador, por ejemplo `--memoria {junto}`.")
        raise ErrorLideres(f"No entiendo la memoria «{original}».",
                           como_arreglar=f"escribe un número y GB o MB, {_EJEMPLO}.")
    enteros, decimales, unidad = m.groups()
    valor = int(enteros) + (int(decimales) / 10 ** len(decimales) if decimales else 0)
    bytes_ = round(valor * (GB if unidad.lower() == "gb" else MB))
    if bytes_ < MINIMO:
        raise ErrorLideres(
            f"La memoria «{original}» es muy poca para el taller.",
            como_arreglar=f"da al menos {texto_memoria(MINIMO)} ({_EJEMPLO}).",
        )
    return bytes_


def memoria_por_defecto(total: int | None) -> int:
    """El presupuesto sin --memoria: FRACCION_POR_DEFECTO de `total` (la memoria de la computadora)."""
    if not total or total <= 0:
        return POR_DEFECTO_SIN_DATO
    return max(MINIMO, int(total * FRACCION_POR_DEFECTO))


def memoria_de_la_computadora() -> int | None:
    """La memoria total de esta computadora (psutil ya es dependencia del proyecto), o None."""
    try:
        import psutil

        return int(psutil.virtual_memory().total)
    except Exception:  # sin psutil o sin permiso: se usa POR_DEFECTO_SIN_DATO
        return None


def texto_memoria(bytes_: int) -> str:
    """1610612736 → «1.5 GB»; 524288000 → «500 MB» (números de lideres.formato, es-PE)."""
    from lideres.formato import numero

    if bytes_ >= GB:
        gb = bytes_ / GB
        return f"{numero(gb, 0 if float(gb).is_integer() else 1)} GB"
    return f"{numero(round(bytes_ / MB))} MB"


def estimado(ruta: str | None) -> int:
    """Lo mínimo que cuenta un kernel de esta página (`ejercicios/...` o un tablero)."""
    return ESTIMADO_EJERCICIO if ruta and ruta.startswith("ejercicios/") else ESTIMADO_TABLERO


def cuenta_kernel(medido: int | None, estimado_: int) -> int:
    """Lo que cuenta un kernel: lo medido, nunca menos que la estimación."""
    return max(int(medido or 0), int(estimado_))


def caben(presupuesto: int, en_uso: int, por_kernel: int = ESTIMADO_TABLERO) -> int:
    """Cuántos celulares más caben en la versión completa: lo que no usan los kernels en uso,
    dividido por lo que cuenta un kernel de tablero. La reserva no resta: cede su lugar."""
    if presupuesto <= 0:
        return 0
    return max(0, (int(presupuesto) - int(en_uso)) // int(por_kernel))


def frase_caben(n: int) -> str:
    """La frase de la portada (es-PE)."""
    from lideres.formato import numero

    if n <= 0:
        return ("Por ahora no caben más celulares en la versión completa de los tableros. "
                "Prueba en unos minutos.")
    if n == 1:
        return "Cabe un celular más en la versión completa de los tableros."
    return f"Caben unos {numero(n)} celulares más en la versión completa de los tableros."


@dataclass(frozen=True)
class Pagina:
    """Una página con reserva (tablero o ejercicio), tal como está ahora."""

    ruta: str
    base: int  # lista de antemano con nadie conectado
    en_uso: int = 0  # kernels de esta página que ya tomó un celular
    de_la_sesion: bool = False
    por_kernel: int = ESTIMADO_TABLERO


def objetivo_de_reserva(base: int, en_uso: int, participantes: int) -> int:
    """Cuántos kernels listos quiere una página: su base más uno por cada CRECER_CADA celulares que
    la usan (si llegan, llegan más), sin pasar del grupo. Con la sala completa queda uno para quien
    recarga (si la página tenía reserva)."""
    if base <= 0 and en_uso <= 0:
        return 0
    quiere = base + en_uso // CRECER_CADA
    tope = max(participantes - en_uso, 1 if base > 0 else 0)
    return max(0, min(quiere, tope))


def repartir(paginas: list[Pagina], libre: int, participantes: int) -> dict[str, int]:
    """La reserva de cada página: su objetivo, mientras quepa en `libre` (bytes que no usan los
    kernels en uso). Se reparte de a uno, primero las páginas de la sesión y las más usadas, para
    que ninguna se quede con todo. `libre` < 0 (o sin lugar): ninguna reserva."""
    objetivos = {p.ruta: objetivo_de_reserva(p.base, p.en_uso, participantes) for p in paginas}
    dados = dict.fromkeys(objetivos, 0)
    orden = sorted(paginas, key=lambda p: (not p.de_la_sesion, -p.en_uso, p.ruta))
    resto = int(libre)
    hubo = True
    while hubo:
        hubo = False
        for p in orden:
            if dados[p.ruta] < objetivos[p.ruta] and resto >= p.por_kernel:
                dados[p.ruta] += 1
                resto -= p.por_kernel
                hubo = True
    return dados


def cambios(listos: int, arrancando: int, esperando: int, objetivo: int) -> tuple[int, int, int]:
    """Qué hacer con la reserva de una página: (arrancar, cancelar en espera, apagar listos).

    `esperando`: lugares de la reserva que esperan memoria (no ocupan nada): son lo primero que se
    quita. Los que están arrancando no se tocan (apagarlos a medias dejaría procesos sueltos)."""
    total = listos + arrancando + esperando
    if total < objetivo:
        return objetivo - total, 0, 0
    sobra = total - objetivo
    cancelar = min(sobra, esperando)
    apagar = min(sobra - cancelar, listos)
    return 0, cancelar, apagar
