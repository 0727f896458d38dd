"""Qué dice la ficha del barrio de un distrito: cada cifra con su nivel, periodo y fuente.

    from lideres.modulos.m10_del_dato_a_la_accion import calculos
    ficha = calculos.datos_ficha("El Porvenir")
    ficha.cifras          # [Cifra(etiqueta, texto, nivel, periodo, fuente), ...]
    ficha.no_dicen        # «lo que estos datos no dicen»

    revision = lideres.revisar.revisar_datos(contenido, "cuaderno.xlsx")   # el registro de la junta
    ficha = calculos.datos_ficha_registro(revision)   # la misma ficha, con los conteos pequeños ocultos

La ficha no puede decir más que los datos: si un distrito no tiene denuncias publicadas por
distrito (los 11 de Trujillo), lo dice y no pone otro número en su lugar; la encuesta es de
todo el ámbito (Lima Metropolitana, Callao, La Libertad) y la ficha lo nombra así.

La ficha del registro propio de una junta (el archivo que sube en el tablero) pasa antes por las
funciones del módulo 08 (`lideres.anonimizar`): los conteos menores que el umbral se imprimen como
«menos de N» (con la supresión complementaria), sin lugares, horas ni días. Dice de dónde viene: el
registro de la junta, su periodo, y que no es una cifra oficial.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from lideres import formato
from lideres.errores import ErrorLideres
from lideres.nombres import ubigeo_por_nombre

ANIO = 2025
ANIO_ANTERIOR = 2024
ANIO_ENCUESTA = 2024
# Las fuentes del registro de cifras (lideres.cifras.fuentes), dichas completas para el papel.
FUENTES = {
    "SIDPOL": "MININTER, «Denuncias Policiales» (SIDPOL), datos abiertos, licencia ODC-By; agregado por "
              "distrito publicado por un tercero (github.com/Jyns123/DPD, commit 76711fe).",
    "INEI-POBLACION": "INEI, población estimada 2020 por distrito (Censos Nacionales 2017).",
    "CALCULO": "Cálculo de la Escuela de Líderes con las cifras citadas: tasa = denuncias ÷ población "
               "2020 × 100 000; puesto entre los distritos de Lima Metropolitana y Callao con denuncias "
               "publicadas.",
    "ENAPRES": "INEI, Encuesta Nacional de Programas Presupuestales (ENAPRES), serie anual 2013-2024 "
               "publicada por el MININTER en datos abiertos, licencia ODC-By.",
}
# La lista que cierra el curso: va en la ficha impresa y en el tablero.
ANTES_DE_PRESENTAR = [
    "¿Dije el lugar, el año y la fuente de cada cifra?",
    "¿Es un conteo o una tasa? ¿La tasa es del mismo lugar que el conteo?",
    "¿Hablé de la cifra negra: lo que no se denuncia?",
    "¿Dije «una posible explicación» en vez de dar una causa como segura?",
    "¿Alguien podría reconocer a una víctima o una casa por lo que muestro?",
]
REGISTRO = "REGISTRO"  # clave de fuente (y origen) del registro propio de una junta
NO_ES_OFICIAL = "no es una cifra oficial"
ENCUESTA_DE = {"Lima Metropolitana": "Lima Metropolitana", "Callao": "Callao", "Trujillo": "La Libertad"}


@dataclass(frozen=True)
class Cifra:
    """Una cifra tal como se imprime, con lo que hace falta para decirla bien."""

    etiqueta: str
    texto: str
    nivel: str
    periodo: str
    fuentes: tuple[str, ...]  # claves de FUENTES (las del registro de cifras)
    nota: str = ""
    claves: tuple[str, ...] = ()  # claves del registro (lideres.cifras) de donde sale el texto


@dataclass
class Ficha:
    ubigeo: str
    distrito: str
    provincia: str
    ambito: str
    cifras: list[Cifra] = field(default_factory=list)
    no_dicen: list[str] = field(default_factory=list)
    para_tu_reunion: list[str] = field(default_factory=list)
    fecha: dt.date = field(default_factory=dt.date.today)
    origen: str = "distrito"  # o REGISTRO: el registro propio de una junta
    textos_fuente: dict[str, str] = field(default_factory=dict)  # fuentes que no son del curso
    de_que_datos: str = ""  # para el registro: de dónde vienen, su periodo y que no es oficial

    @property
    def del_registro(self) -> bool:
        return self.origen == REGISTRO

    @property
    def con_mapa(self) -> bool:
        """El mapa del distrito entre los de su ámbito: solo si es uno de los 61."""
        return bool(self.ubigeo)

    def texto_fuente(self, clave: str) -> str:
        return self.textos_fuente.get(clave) or FUENTES[clave]

    def fuente_corta(self, clave: str) -> str:
        """La fuente en pocas palabras, para la pantalla (la completa va impresa en la ficha)."""
        if clave == REGISTRO:
            return f"registro propio de la junta ({NO_ES_OFICIAL})"
        return FUENTES[clave].split(",")[0]

    @property
    def fuentes(self) -> list[str]:
        """Las claves de fuente de sus cifras, cada una una vez, en el orden en que aparecen."""
        vistas: list[str] = []
        for cifra in self.cifras:
            vistas.extend(f for f in cifra.fuentes if f not in vistas)
        return vistas

    def numero_de_fuente(self, clave: str) -> int:
        return self.fuentes.index(clave) + 1


def ubigeo_de(texto: str) -> str:
    """El UBIGEO de uno de los 61 distritos, por nombre o código; si no, ErrorLideres."""
    from lideres.tablas import cargar

    distritos = cargar("distritos")
    texto = str(texto).strip()
    if texto in set(distritos["ubigeo"]):
        return texto
    ubigeo = ubigeo_por_nombre(texto)
    if ubigeo is None:
        raise ErrorLideres(
            f"No hay ficha para «{texto}»: no es uno de los {len(distritos)} distritos del curso.",
            como_arreglar="Escribe el nombre como en data/distritos.csv (sin importar tildes ni "
            "mayúsculas), por ejemplo «El Porvenir» o «San Juan de Lurigancho», o su UBIGEO.",
        )
    return ubigeo


def _de_registro(etiqueta: str, *claves: str, nivel: str | None = None, texto: str | None = None,
                 nota: str = "", fuentes: tuple[str, ...] = (), periodo: str | None = None) -> Cifra:
    """Una cifra de la ficha armada desde el registro: el texto, el lugar, el periodo y la fuente
    salen de `lideres.cifras`; la ficha no escribe ningún número por su cuenta."""
    from lideres.cifras import cifra

    registradas = [cifra(c) for c in claves]
    principal = registradas[0]
    propias = tuple(dict.fromkeys([*fuentes, *(c.fuente for c in registradas)]))
    periodo = periodo or ", ".join(dict.fromkeys(c.periodo for c in registradas))
    return Cifra(etiqueta, texto if texto is not None else principal.texto, nivel or principal.ambito,
                 periodo, propias, nota, tuple(claves))


def datos_ficha(distrito: str, anio: int = ANIO) -> Ficha:
    """Las cifras y los textos de la ficha de un distrito (nombre o UBIGEO), desde el registro."""
    from lideres.cifras import cifra, slug
    from lideres.tablas import cargar
    from lideres.tasas import es_inestable

    ubigeo = ubigeo_de(distrito)
    fila = cargar("distritos").set_index("ubigeo").loc[ubigeo]
    ficha = Ficha(ubigeo=ubigeo, distrito=str(fila["distrito"]), provincia=str(fila["provincia"]),
                  ambito=str(fila["ambito"]))
    d = slug(ficha.distrito)
    ficha.cifras.append(_de_registro("Población estimada", f"distrito.poblacion.{d}"))

    con_denuncias = ubigeo in set(cargar("denuncias_distrito")["ubigeo"])
    if con_denuncias:
        conteo = cifra(f"distrito.denuncias.{d}.{anio}")
        poblacion = cifra(f"distrito.poblacion.{d}")
        inestable = bool(es_inestable(conteo.valor, poblacion.valor))
        total = cifra("distritos.cuantos.lima_y_callao").texto
        entre = f"entre los {total} distritos de Lima Metropolitana y Callao"
        tasa = cifra(f"distrito.tasa.{d}.{anio}")
        ficha.cifras.append(_de_registro(f"Denuncias registradas en {anio}", f"distrito.denuncias.{d}.{anio}"))
        ficha.cifras.append(_de_registro(
            "Denuncias por 100 000 habitantes", f"distrito.tasa.{d}.{anio}", f"distrito.poblacion.{d}",
            texto=tasa.texto + (" (inestable)" if inestable else ""), fuentes=("SIDPOL", "INEI-POBLACION"),
            periodo=f"{anio} (denuncias) y 2020 (población)",
            nota="Tasa inestable: con pocas denuncias o poca población, unos casos más la mueven mucho."
            if inestable else ""))
        puesto = cifra(f"distrito.puesto_tasa.{d}.{anio}")
        ficha.cifras.append(_de_registro(
            "Puesto por tasa", f"distrito.puesto_tasa.{d}.{anio}", nivel=entre,
            texto=f"{puesto.texto}.º de {total} (el primero = la tasa más alta)", fuentes=("SIDPOL", "INEI-POBLACION")))
        puesto = cifra(f"distrito.puesto_conteo.{d}.{anio}")
        ficha.cifras.append(_de_registro("Puesto por número de denuncias", f"distrito.puesto_conteo.{d}.{anio}",
                                         nivel=entre, texto=f"{puesto.texto}.º de {total}", fuentes=("SIDPOL",)))
        antes = cifra(f"distrito.denuncias.{d}.{ANIO_ANTERIOR}")
        cambio = (conteo.valor - antes.valor) / antes.valor if antes.valor else None
        ficha.cifras.append(_de_registro(
            f"Denuncias {ANIO_ANTERIOR} → {anio}", f"distrito.denuncias.{d}.{ANIO_ANTERIOR}",
            f"distrito.denuncias.{d}.{anio}", texto=f"{antes.texto} → {conteo.texto} ({_signo(cambio)})",
            nota="Dos años no son una tendencia: el cambio puede deberse al azar o a cambios en cómo se "
            "denuncia y se registra (módulo 05)."))
    else:
        ficha.cifras.append(Cifra(
            "Denuncias por distrito", "no publicadas", f"{ficha.distrito} (distrito, provincia de "
            f"{ficha.provincia})", str(anio), ("SIDPOL",),
            nota="Los datos del curso no tienen denuncias por distrito para la provincia de Trujillo: "
            "solo por departamento. Por eso esta ficha no da conteo, tasa ni puesto del distrito."))

    ficha.cifras.extend(_encuesta(ficha.ambito))
    ficha.no_dicen = _no_dicen(ficha)
    ficha.para_tu_reunion = [
        "Di cada cifra con su lugar, su año y su fuente, como están aquí.",
        "Pregunta en el CODISEC (Ley 27933) qué dice el plan distrital de seguridad ciudadana sobre "
        "lo que viven los vecinos.",
        "No señales calles ni casas: habla del distrito y de lo que se puede hacer.",
    ]
    return ficha


def _signo(cambio: float | None) -> str:
    if cambio is None:
        return "sin base para comparar"
    return ("+" if cambio > 0 else "") + formato.porcentaje(cambio)


def _encuesta(ambito: str) -> list[Cifra]:
    from lideres.cifras import cifra, slug

    lugar = slug(ENCUESTA_DE.get(ambito, ambito))
    cifras = []
    for corto, etiqueta in (("miedo_noche", "Se sienten inseguros al caminar solos de noche"),
                            ("victimas", "Fueron víctimas de algún delito en 12 meses")):
        clave = f"enapres.{corto}.{lugar}.{ANIO_ENCUESTA}"
        c = cifra(clave)
        donde = c.ambito if "(" in c.ambito else f"{c.ambito} ({c.nivel})"
        cifras.append(_de_registro(etiqueta, clave, nivel=f"{donde}, no el distrito",
                                   texto=f"{c.texto} de cada 100",
                                   periodo=f"{c.periodo}, personas de 15 años o más de zonas urbanas"))
    return cifras


def _no_dicen(ficha: Ficha) -> list[str]:
    textos = [
        "Las denuncias no son todos los delitos: muchas víctimas no denuncian (la cifra negra, "
        "módulo 03). Menos denuncias no siempre es menos delito.",
        "Un total del distrito no dice qué calle ni qué hora: no sirve para señalar un barrio.",
        "La tasa divide entre la población que vive en el distrito (estimada para 2020); donde "
        "mucha gente trabaja o pasa, la tasa sale alta aunque los vecinos no sean más víctimas.",
        f"La encuesta es de {ENCUESTA_DE.get(ficha.ambito, ficha.ambito)} en conjunto, no de este "
        "distrito; una diferencia pequeña entre años puede ser error de muestra.",
        "Ningún número aquí explica por qué pasa: las causas se buscan con otras fuentes y con la comunidad.",
    ]
    if ficha.ambito == "Trujillo":
        textos = [t for t in textos if not t.startswith("La tasa")]  # no hay tasa del distrito
        textos.insert(0, "No hay denuncias publicadas por distrito para Trujillo en los datos del curso; "
                      "usa el registro de tu junta (módulo 09) o pide el dato a la comisaría.")
    return textos


# --------------------------------------------------------------------------- el registro de la junta

MAX_TIPOS = 5     # filas por tipo en la ficha (el resto, juntos en «Otros tipos»)
MAX_PERIODOS = 6  # filas por periodo: meses, o trimestres, o años, para que quepa en una página


def datos_ficha_registro(revision, distrito: str | None = None, umbral: int | None = None) -> Ficha:
    """La ficha del registro propio de una junta (una `lideres.revisar.Revision`), anonimizada con
    las funciones del módulo 08 antes de mostrar nada: cada conteo menor que `umbral` sale como
    «menos de N» y, si en un cuadro se ocultó uno solo, también el menor de los otros (para que no
    se despeje restando del total); un tipo con menos de N filas no se nombra (va en «Otros tipos»).
    Sin lugares, horas ni días: solo tipo y mes (o trimestre, o año).

    `distrito`: solo las filas de ese distrito (como en el tablero del módulo 09)."""
    from lideres import anonimizar
    from lideres.revisar.resultado import REGISTRO_PROPIO

    umbral = anonimizar.UMBRAL if umbral is None else umbral
    if revision.formato != REGISTRO_PROPIO:
        raise ErrorLideres(
            "Este archivo es de denuncias oficiales (Policía), no el registro de tu junta.",
            como_arreglar="Para un distrito de Lima, Callao o Trujillo, elige su ficha arriba. Para ver "
            "el archivo oficial por meses, súbelo en el tablero «Tus propios datos».")
    tabla = revision.tabla if not distrito else revision.distrito(distrito)
    if tabla.empty or "fecha" not in tabla.columns:
        raise ErrorLideres("El registro no tiene filas con fecha para armar la ficha.",
                           como_arreglar="Revisa el archivo en el tablero «Tus propios datos».")
    lugar, ubigeo, fila = _lugar_del_registro(tabla)
    meses = tabla["fecha"].dt.to_period("M")
    periodo = _periodo(meses.min(), meses.max())
    ficha = Ficha(ubigeo=ubigeo, distrito=lugar, provincia=str(fila["provincia"]) if fila is not None else "",
                  ambito=str(fila["ambito"]) if fila is not None else "", origen=REGISTRO,
                  textos_fuente={REGISTRO: f"Registro propio de la junta vecinal ({lugar}), {periodo}: las "
                                 "incidencias que los vecinos contaron a la junta. " + NO_ES_OFICIAL.capitalize()
                                 + f". Conteos menores de {umbral} ocultos (módulo 08)."},
                  de_que_datos=f"Registro propio de la junta vecinal · {periodo} · {NO_ES_OFICIAL}")
    nivel = f"registro de la junta, {lugar}"

    def cuadro(nombre: str, conteos: pd.Series) -> pd.DataFrame:
        return anonimizar.suprimir_pequenos(
            pd.DataFrame({"cuadro": nombre, "etiqueta": [str(e) for e in conteos.index],
                          "conteo": conteos.to_numpy(dtype=int)}), umbral=umbral, grupo="cuadro")

    def texto(fila_cuadro) -> str:
        return fila_cuadro.publicado if fila_cuadro.suprimido else formato.numero(int(fila_cuadro.conteo))

    total = cuadro("total", pd.Series([len(tabla)], index=["total"])).iloc[0]
    ficha.cifras.append(Cifra(
        "Incidencias anotadas por la junta", texto(total), nivel, periodo, (REGISTRO,),
        nota=f"Cada cifra menor de {umbral} sale como «menos de {umbral}», para que nadie reconozca a una "
        "víctima; «oculto» es otra que se tapa para que no se pueda despejar restando del total."))
    if "tipo" in tabla.columns:
        # Un tipo se nombra solo si tiene al menos `umbral` filas: el nombre de uno raro (escrito a
        # mano en el cuaderno) también podría señalar a alguien. Los demás van juntos.
        por_tipo = tabla["tipo"].fillna("Sin tipo").value_counts()
        nombrados = por_tipo[por_tipo >= umbral].iloc[:MAX_TIPOS - 1]
        resto = int(por_tipo.drop(nombrados.index).sum())
        if len(nombrados) and resto:
            por_tipo = pd.concat([nombrados, pd.Series([resto], index=["Otros tipos"])])
        else:
            por_tipo = nombrados  # sin ningún tipo con nombre, el total ya lo dice todo
        filas_tipo = cuadro("tipo", por_tipo).itertuples() if len(por_tipo) else ()
        for f in filas_tipo:
            ficha.cifras.append(Cifra(f"Tipo: {f.etiqueta}", texto(f), nivel, periodo, (REGISTRO,)))
    periodos, grano, nombre = _por_periodo(meses)
    por_periodo = pd.Series(1, index=tabla.index).groupby(periodos).sum()
    por_periodo = por_periodo.reindex(pd.period_range(por_periodo.index.min(), por_periodo.index.max(),
                                                      freq=por_periodo.index.freq), fill_value=0)
    por_periodo.index = [nombre(p) for p in por_periodo.index]
    for f in cuadro("periodo", por_periodo).itertuples():
        ficha.cifras.append(Cifra(f"{grano}: {f.etiqueta}", texto(f), nivel, f.etiqueta, (REGISTRO,)))
    ficha.no_dicen = [
        "Es el registro propio de la junta: cuenta lo que los vecinos le contaron, no todo lo que pasó. "
        f"No es lo mismo que registra la comisaría y {NO_ES_OFICIAL}.",
        f"Para que nadie reconozca a una víctima, las cifras menores de {umbral} no se imprimen, y no hay "
        "lugares, horas ni días (módulo 08).",
        "Un periodo con más anotaciones puede ser uno en que se anotó más (más rondas, más vecinos "
        "avisando): no es una tendencia (módulo 05).",
        "No da una tasa ni sirve para comparar con otro barrio: no sabemos a cuántas personas llega el registro.",
        "Ningún número aquí explica por qué pasa: las causas se buscan con otras fuentes y con la comunidad.",
    ]
    ficha.para_tu_reunion = [
        f"Di de dónde viene cada cifra: el registro de la junta, {periodo}; {NO_ES_OFICIAL}.",
        "Pregunta en el CODISEC (Ley 27933) qué registra la comisaría para el mismo periodo, sin mezclar "
        "los números.",
        "No señales calles ni casas: habla del barrio y de lo que se puede hacer.",
    ]
    return ficha


def _lugar_del_registro(tabla: pd.DataFrame):
    """(nombre del lugar, UBIGEO si es un solo distrito de los 61, su fila de data/distritos.csv)."""
    from lideres.tablas import cargar

    distritos = [d for d in tabla.get("distrito", pd.Series(dtype=str)).dropna().unique() if str(d).strip()]
    ubigeos = list(tabla["ubigeo"].dropna().unique()) if "ubigeo" in tabla.columns else []
    if len(distritos) == 1 and len(ubigeos) == 1:
        todos = cargar("distritos").set_index("ubigeo")
        if ubigeos[0] in todos.index:
            fila = todos.loc[ubigeos[0]]
            return str(fila["distrito"]), str(ubigeos[0]), fila
    if len(distritos) == 1:
        return str(distritos[0]), "", None
    if distritos:
        return " y ".join([", ".join(map(str, distritos[:-1])), str(distritos[-1])]), "", None
    return "la zona de la junta", "", None


def _mes(periodo: pd.Period) -> str:
    return formato.fecha(periodo.to_timestamp().date(), "MMMM 'de' y")


def _periodo(desde: pd.Period, hasta: pd.Period) -> str:
    return _mes(desde) if desde == hasta else f"de {_mes(desde)} a {_mes(hasta)}"


def _trimestre(q: pd.Period) -> str:
    inicio, fin = (q.asfreq("M", lado).to_timestamp().date() for lado in ("s", "e"))
    return f"{formato.fecha(inicio, 'MMMM')} a {formato.fecha(fin, 'MMMM')} de {q.year}"


def _por_periodo(meses: pd.Series):
    """(periodo de cada fila, su nombre, cómo se escribe): meses si caben en la página, si no
    trimestres, si no años."""
    if (meses.max() - meses.min()).n + 1 <= MAX_PERIODOS:
        return meses, "Mes", _mes
    trimestres = meses.dt.asfreq("Q")
    if (trimestres.max() - trimestres.min()).n + 1 <= MAX_PERIODOS:
        return trimestres, "Trimestre", _trimestre
    return meses.dt.asfreq("Y"), "Año", lambda p: str(p.year)


def cifras_como_tabla(ficha: Ficha) -> pd.DataFrame:
    """Las cifras de la ficha en una tabla (para un cuaderno o una prueba)."""
    return pd.DataFrame([c.__dict__ for c in ficha.cifras])
