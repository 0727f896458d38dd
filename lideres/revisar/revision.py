"""La revisión de un registro: qué filas sirven, cuáles se apartan y por qué, y un resumen en español.

Recibe lo que leyó `lectura` (un `Crudo`), ubica las columnas (`columnas`), lee cada valor
(`valores`) y cada lugar (`lugares`); el archivo oficial mensual de denuncias va a `oficiales`.
Las filas con problemas se apartan (con la fila de Excel y el motivo) y el resto se usa; si el
problema es de todo el archivo (falta una columna, casi todas las fechas ilegibles, lat y lon
cambiadas) se detiene con un ErrorLideres que dice qué pasó y cómo arreglarlo.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

from lideres.errores import ErrorLideres
from lideres.formato import numero
from lideres.nombres import palabras
from lideres.revisar import lectura, lugares, oficiales
from lideres.revisar.columnas import leer_mapeo as lectura_mapeo
from lideres.revisar.columnas import ubicar_columnas
from lideres.revisar.frases import cuantos, de_filas, lista, nombrar_filas
from lideres.revisar.resultado import REGISTRO_PROPIO, Revision
from lideres.revisar.valores import (
    FechaMala,
    como_texto,
    en_peru,
    leer_coordenada,
    leer_fecha,
    leer_hora,
    motivo_coordenada,
    parecen_mes_dia,
    revisar_rango,
)

# Más de esta parte de filas con el mismo problema = problema del archivo, no de unas filas.
PROPORCION_GRAVE = 0.5
ORDEN_COLUMNAS = ["fecha", "hora", "tipo", "distrito", "ubigeo", "provincia", "departamento", "lat", "lon",
                  "lugar", "fuente"]


def revisar_archivo(ruta: str | Path, columnas: dict[str, str] | str | None = None) -> Revision:
    """Lee un registro (propio o un archivo oficial de denuncias), aparta las filas con problemas
    y devuelve una Revision.

    `columnas` dice qué columna del archivo es cada una del curso cuando los títulos no se
    reconocen: {"fecha": "Día", "tipo": "Qué pasó"} o "fecha=Día,tipo=Qué pasó".
    Si el problema es de todo el archivo, lanza ErrorLideres con el motivo y cómo arreglarlo.
    """
    ruta = Path(ruta).expanduser()
    mapeo = _mapeo(columnas)
    lectura.revisar_ruta(ruta, maximo=oficiales.MAX_BYTES if oficiales.es_mensual_al_inicio(ruta) else None)
    datos = lectura.leer_bytes(ruta)
    return _revisar_datos(datos, ruta.name, ruta, mapeo)


def revisar_datos(datos: bytes, nombre: str, columnas: dict[str, str] | str | None = None) -> Revision:
    """Como revisar_archivo, pero con el contenido ya en la memoria (lo que se sube en un tablero):
    no se escribe nada en el disco. `nombre` es el nombre del archivo (da la extensión)."""
    mensual = oficiales.es_mensual_texto(datos[:4096])
    lectura.revisar_nombre(nombre, len(datos), maximo=oficiales.MAX_BYTES if mensual else None)
    return _revisar_datos(datos, nombre, Path(nombre), _mapeo(columnas))


def revisar_tabla(tabla: pd.DataFrame, nombre: str = "tabla", columnas: dict[str, str] | str | None = None
                  ) -> Revision:
    """Revisa una tabla que ya se leyó con pandas (texto como StringDtype, fechas como datetime64,
    vacíos como pd.NA): la primera fila de datos es la fila 2, como en Excel."""
    filas = [(i, list(valores)) for i, valores in enumerate(tabla.itertuples(index=False, name=None), start=2)]
    crudo = lectura.Crudo(titulos=[str(t) for t in tabla.columns], fila_titulos=1, filas=filas,
                          lectura=f"tabla de pandas de {numero(len(tabla))} filas", celdas_fijas=True)
    return _revisar_crudo(crudo, Path(nombre), _mapeo(columnas))


def _mapeo(columnas) -> dict[str, str]:
    if isinstance(columnas, dict):
        return lectura_mapeo(",".join(f"{k}={v}" for k, v in columnas.items()))
    return lectura_mapeo(columnas)


def _revisar_datos(datos: bytes, nombre: str, archivo: Path, mapeo: dict[str, str]) -> Revision:
    if not mapeo:
        rapida = oficiales.leer_mensual_texto(datos)  # el archivo oficial mensual, entero, con pandas
        if rapida is not None:
            return oficiales.revisar_mensual(rapida[0], archivo, rapida[1])
    crudo = lectura.leer_datos(datos, nombre)
    return _revisar_crudo(crudo, archivo, mapeo)


def _revisar_crudo(crudo: lectura.Crudo, ruta: Path, mapeo: dict[str, str]) -> Revision:
    if not mapeo and oficiales.es_mensual(crudo.titulos):
        return oficiales.revisar_mensual(oficiales.tabla_de_crudo(crudo), ruta, crudo.lectura)
    indice = ubicar_columnas(crudo.titulos, crudo.fila_titulos, mapeo)
    if crudo.fila_titulos != 1:
        crudo.lectura += f", títulos en la fila {crudo.fila_titulos}"
    if not crudo.filas:
        raise ErrorLideres(
            f"El archivo solo tiene la fila de títulos (fila {crudo.fila_titulos}): no hay incidencias.",
            como_arreglar="Escribe una incidencia por fila debajo de los títulos, o revisa que "
            "guardaste la hoja correcta.",
        )
    catalogo = lugares.catalogo() if "distrito" in indice or "ubigeo" in indice else None
    oficial = oficiales.es_por_caso([crudo.titulos[i] for i in indice.values()])
    fuera_del_curso: Counter = Counter()
    con_coordenadas = "lat" in indice and "lon" in indice

    def celda(celdas: list, columna: str):
        return celdas[indice[columna]] if columna in indice else None

    validas: list[dict] = []
    apartadas: list[tuple[int, str]] = []
    fechas_malas: list[tuple[int, str, str]] = []  # (fila, lo escrito, motivo)
    fuera: list[tuple[int, float, float, tuple[str, str]]] = []  # (fila, lat, lon, lo escrito)
    horas_malas: list[int] = []
    notas: Counter = Counter()
    distritos_ambiguos: dict[str, str] = {}
    motivos_distrito: dict[str, str] = {}  # nombre desconocido -> motivo (con sugerencia)
    distritos_malos = 0

    for numero_fila, celdas in crudo.filas:
        motivos: list[str] = []
        fila: dict = {"fila_original": numero_fila}

        original = celda(celdas, "fecha")
        try:
            fecha, hora_pegada, nota = leer_fecha(original, crudo.epoca)
            revisar_rango(fecha, original)
            fila["fecha"] = fecha
            if nota:
                notas[nota] += 1
        except FechaMala as e:
            motivos.append(str(e))
            fechas_malas.append((numero_fila, como_texto(original), str(e)))
            hora_pegada = None

        tipo = como_texto(celda(celdas, "tipo"))
        if tipo:
            fila["tipo"] = tipo
        else:
            motivos.append("falta el tipo de incidente")

        lugar_ok = False  # basta un distrito conocido o un punto dentro del Perú
        lugar_malo = False  # hay un valor, pero no sirve (el motivo ya se anotó)
        if con_coordenadas:
            try:
                lat = leer_coordenada(celda(celdas, "lat"))
                lon = leer_coordenada(celda(celdas, "lon"))
            except ValueError as e:
                motivos.append(f"no se entiende la coordenada «{como_texto(e.args[0])}»")
                lat = lon = None
                lugar_malo = True
            if lat is not None and lon is not None:
                if en_peru(lat, lon):
                    fila["lat"], fila["lon"] = lat, lon
                    lugar_ok = True
                else:
                    escrito = (como_texto(celda(celdas, "lat")), como_texto(celda(celdas, "lon")))
                    motivos.append(motivo_coordenada(lat, lon, escrito))
                    fuera.append((numero_fila, lat, lon, escrito))
                    lugar_malo = True
            elif (lat is None) != (lon is None):
                motivos.append("tiene latitud o longitud, pero no las dos")
                lugar_malo = True
        if catalogo is not None:
            nombre = como_texto(celda(celdas, "distrito"))
            ubigeo = lugares.leer_ubigeo(celda(celdas, "ubigeo")) if "ubigeo" in indice else None
            if ubigeo in catalogo.nombres:
                fila["distrito"], fila["ubigeo"] = catalogo.nombres[ubigeo], ubigeo
                lugar_ok = True
            elif ubigeo:  # cualquier distrito del Perú, por su UBIGEO
                fila["distrito"] = lugares.nombre_propio(nombre) if nombre else f"UBIGEO {ubigeo}"
                fila["ubigeo"] = ubigeo
                fuera_del_curso[fila["distrito"]] += 1
                lugar_ok = True
            elif nombre:
                encontrado = lugares.buscar_distrito(nombre, catalogo)
                if encontrado:
                    fila["distrito"], fila["ubigeo"] = encontrado
                    lugar_ok = True
                    if palabras(nombre) in lugares.AMBIGUOS:
                        distritos_ambiguos[nombre] = encontrado[0]
                elif oficial:  # el archivo oficial trae distritos de todo el Perú: se usa su nombre
                    fila["distrito"], fila["ubigeo"] = lugares.nombre_propio(nombre), None
                    fuera_del_curso[fila["distrito"]] += 1
                    lugar_ok = True
                else:
                    if nombre not in motivos_distrito:  # buscar parecidos es lento: una vez por nombre
                        motivos_distrito[nombre] = lugares.motivo_distrito(nombre, catalogo)
                    motivos.append(motivos_distrito[nombre])
                    distritos_malos += 1
                    lugar_malo = True
        if not lugar_ok and not lugar_malo:
            if catalogo is not None and con_coordenadas:
                motivos.append("falta el lugar: no tiene distrito ni coordenadas")
            elif catalogo is not None:
                motivos.append("falta el distrito")
            else:
                motivos.append("faltan las coordenadas (lat y lon)")

        if numero_fila in crudo.celdas_de_mas and not crudo.celdas_fijas:
            motivos.append("tiene más celdas que títulos (¿un separador de más dentro de un texto?)")

        hora_original = celda(celdas, "hora")
        try:
            hora = leer_hora(hora_original) if "hora" in indice else None
        except ValueError:
            hora = None
            horas_malas.append(numero_fila)
        fila["hora"] = hora or hora_pegada
        for columna in ("lugar", "fuente", "provincia", "departamento"):
            if columna in indice:
                fila[columna] = como_texto(celda(celdas, columna)) or None

        if motivos:
            apartadas.append((numero_fila, "; ".join(motivos)))
        else:
            validas.append(fila)

    leidas = len(crudo.filas)
    _problemas_graves(leidas, fechas_malas, fuera, con_coordenadas)
    if not validas:
        como = "Corrige esas filas en el archivo y vuelve a revisarlo."
        if distritos_malos == leidas:
            como = ("El curso conoce por su nombre los 61 distritos de Lima Metropolitana, Callao y la "
                    "provincia de Trujillo (lista en data/distritos.csv). Si tu registro es de otro "
                    "lugar, usa columnas lat y lon en lugar de distrito, o agrega una columna ubigeo "
                    "con el código INEI de 6 cifras de tu distrito.")
        if leidas == 1:
            texto = f"La única fila no es válida (fila {apartadas[0][0]}: {apartadas[0][1]})."
        else:
            texto = (f"Ninguna de las {numero(leidas)} filas es válida. Primeras filas con problemas: "
                     + "; ".join(f"fila {f}: {m}" for f, m in apartadas[:5]) + ".")
        raise ErrorLideres(texto, como_arreglar=como)

    tipos_unidos = _unir_tipos(validas)
    avisos = _avisos(crudo, indice, validas, horas_malas, notas, distritos_ambiguos, tipos_unidos)
    if fuera_del_curso:
        avisos.append(
            f"{cuantos(len(fuera_del_curso), 'distrito no está', 'distritos no están')} entre los 61 del "
            f"curso ({lista(list(fuera_del_curso))}): se cuentan con el nombre que trae el archivo, pero "
            "el curso no tiene su población ni su mapa (sin tasa ni ubicación).")
    tabla = _tabla(validas, indice, con_coordenadas)
    tipos = tabla["tipo"].value_counts()
    distritos = tabla["distrito"].value_counts() if "distrito" in tabla.columns else pd.Series(dtype=int)
    return Revision(
        archivo=ruta,
        tabla=tabla,
        filas_leidas=leidas,
        filas_apartadas=apartadas,
        fecha_min=tabla["fecha"].min().date(),
        fecha_max=tabla["fecha"].max().date(),
        distritos={str(k): int(v) for k, v in distritos.items()},
        tipos={str(k): int(v) for k, v in tipos.items()},
        avisos=avisos,
        columnas={c: crudo.titulos[i] for c, i in indice.items()},
        lectura=crudo.lectura,
        formato=oficiales.POR_CASO if oficial else REGISTRO_PROPIO,
        fuente=oficiales.FUENTE if oficial else "",
        fuera_del_curso=dict(fuera_del_curso),
    )


def _problemas_graves(leidas, fechas_malas, fuera, con_coordenadas) -> None:
    """Si el mismo problema está en más de la mitad de las filas, es del archivo: se detiene."""
    if len(fechas_malas) > leidas * PROPORCION_GRAVE:
        filas = [f for f, _, _ in fechas_malas]
        texto = f"La fecha no sirve en {de_filas(len(filas), leidas)} ({nombrar_filas(filas)}). "
        if len(filas) == 1:
            texto += f"Motivo: {fechas_malas[0][2]}."
        else:
            texto += "Primeros casos: " + "; ".join(f"fila {f}: {m}" for f, _, m in fechas_malas[:3]) + "."
        como = ("Escribe las fechas como día/mes/año, por ejemplo 05/03/2025, y revisa el año "
                "(no pueden ser posteriores a hoy). En Excel: selecciona la columna, Formato de "
                "celdas > Fecha > 14/03/2012.")
        if parecen_mes_dia([t for _, t, _ in fechas_malas]):
            texto += " Parece que están escritas como mes/día/año (formato de Estados Unidos)."
            como = ("En el Perú la fecha va como día/mes/año. En Excel: Datos > Texto en columnas > "
                    "Fecha: MDA, y luego guarda con formato de fecha día/mes/año.")
        raise ErrorLideres(texto, como_arreglar=como)
    if con_coordenadas and len(fuera) > leidas * PROPORCION_GRAVE:
        cambiadas = [f for f, lat, lon, _ in fuera if en_peru(lon, lat)]
        filas = [f for f, _, _, _ in fuera]
        if len(cambiadas) > len(fuera) / 2:
            raise ErrorLideres(
                "Las columnas de latitud y longitud parecen intercambiadas: en "
                f"{cuantos(len(cambiadas), 'fila', 'filas')} ({nombrar_filas(cambiadas)}) el punto cae fuera del "
                "Perú, pero al revés cae dentro.",
                como_arreglar="Cambia los títulos: en el Perú la latitud va de -18.4 a 0 "
                "(por ejemplo -12.05 en Lima) y la longitud de -81.4 a -68.6 (por ejemplo -77.04).",
            )
        _, lat, lon, escrito = fuera[0]
        raise ErrorLideres(
            f"Las coordenadas de {de_filas(len(fuera), leidas)} quedan fuera del Perú "
            f"({nombrar_filas(filas)}). Por ejemplo: {motivo_coordenada(lat, lon, escrito)}.",
            como_arreglar="Revisa que sean grados decimales con signo menos: en Lima, lat ≈ -12.05 y "
            "lon ≈ -77.04. Si las copiaste de un mapa, copia el par completo otra vez.",
        )


def _unir_tipos(validas: list[dict]) -> list[str]:
    """El mismo tipo escrito distinto ("robo", "ROBO ") partiría los conteos: se unen en la
    escritura más usada. Cambia las filas y devuelve un aviso por cada unión."""
    grupos: dict[str, Counter] = {}
    for fila in validas:
        grupos.setdefault(palabras(fila["tipo"]), Counter())[fila["tipo"]] += 1
    avisos = []
    for escrituras in grupos.values():
        if len(escrituras) > 1:
            principal = escrituras.most_common(1)[0][0]
            otras = [e for e in escrituras if e != principal]
            avisos.append(f"{', '.join(f'«{e}»' for e in otras)} se contó como «{principal}» "
                          "(mismo tipo escrito distinto).")
            for fila in validas:
                if fila["tipo"] in escrituras:
                    fila["tipo"] = principal
    return avisos


def _avisos(crudo, indice, validas, horas_malas, notas, distritos_ambiguos, tipos_unidos) -> list[str]:
    avisos = []
    sin_usar = [t for i, t in enumerate(crudo.titulos) if t and i not in indice.values()]
    if sin_usar:
        avisos.append("Columnas que no se usan: " + ", ".join(f"«{t}»" for t in sin_usar[:10]) + ".")
    if crudo.celdas_fijas and crudo.celdas_de_mas:
        avisos.append(f"Hay datos en columnas sin título ({nombrar_filas(sorted(crudo.celdas_de_mas))}): "
                      "no se usan.")
    if crudo.filas_vacias:
        avisos.append(f"Se saltaron {cuantos(crudo.filas_vacias, 'fila vacía', 'filas vacías')}.")
    if horas_malas:
        una = len(horas_malas) == 1
        avisos.append(f"No se entiende la hora en {'la' if una else 'las'} {nombrar_filas(horas_malas)}: "
                      f"{'se usa' if una else 'se usan'}, pero sin hora (escríbela como 14:30 o 2:30 p. m.).")
    if notas["serie"]:
        avisos.append(f"{cuantos(notas['serie'], 'fecha venía', 'fechas venían')} como número de Excel "
                      "(por ejemplo 45721 = 5/3/2025) y se leyó como fecha. En Excel, dale a esa "
                      "columna formato de fecha para verla bien.")
    if notas["milisegundos"]:
        avisos.append(f"{cuantos(notas['milisegundos'], 'fecha venía', 'fechas venían')} como milisegundos "
                      "desde 1970 (así exportan los visores de mapas) y se leyó en hora del Perú (UTC-5).")
    if notas["corto"]:
        avisos.append(f"{cuantos(notas['corto'], 'fecha tenía', 'fechas tenían')} el año con dos cifras "
                      "(25 = 2025).")
    for nombre, distrito in distritos_ambiguos.items():
        avisos.append(f"«{nombre}» se tomó como el distrito {distrito}, no como toda la provincia.")
    avisos.extend(tipos_unidos)

    def contenido(fila: dict) -> tuple:
        return tuple((k, v) for k, v in fila.items() if k != "fila_original")

    claves = Counter(contenido(f) for f in validas)
    repetidas = [f["fila_original"] for f in validas if claves[contenido(f)] > 1]
    if repetidas:
        avisos.append(f"Hay filas exactamente iguales ({nombrar_filas(repetidas)}): si son la misma "
                      "incidencia anotada dos veces, borra una.")
    return avisos


def _tabla(validas: list[dict], indice: dict[str, int], con_coordenadas: bool) -> pd.DataFrame:
    tabla = pd.DataFrame(validas)
    if con_coordenadas:  # columnas lat y lon presentes aunque ninguna fila válida traiga un punto
        for columna in ("lat", "lon"):
            if columna not in tabla.columns:
                tabla[columna] = float("nan")
    columnas = [c for c in ORDEN_COLUMNAS
                if c in tabla.columns and (c not in ("lat", "lon") or con_coordenadas)
                and (c != "hora" or "hora" in indice or tabla["hora"].notna().any())]
    tabla = tabla[columnas + ["fila_original"]].copy()
    tabla["fecha"] = pd.to_datetime(tabla["fecha"])
    if con_coordenadas:
        tabla["lat"] = tabla["lat"].astype(float)
        tabla["lon"] = tabla["lon"].astype(float)
    return tabla.sort_values(["fecha", "fila_original"], kind="stable").reset_index(drop=True)
