"""Glosario del curso: palabras que una lección usa, explicadas en castellano sencillo.

Es un dato, no una página: el libro lo dibuja, los tableros y las lecciones lo citan.
Cada definición es corta y se entiende sin haber leído las otras.
"""

from __future__ import annotations

from lideres.formato import numero
from lideres.tasas import CONTEO_MINIMO, POBLACION_MINIMA

GLOSARIO: dict[str, str] = {
    "cifra negra": (
        "Los delitos que ocurren pero nadie denuncia. No aparecen en los registros de la "
        "policía. Las encuestas de victimización, como la ENAPRES, ayudan a estimarla."
    ),
    "comisaría": (
        "Local de la Policía Nacional del Perú donde se atiende a la población y se reciben "
        "denuncias. Cada comisaría atiende una zona; una zona no siempre coincide con un distrito."
    ),
    "conteo": (
        "Cuántas veces pasó algo, sin más: por ejemplo, 30,724 denuncias en un distrito en un "
        "año. Un conteo grande puede deberse solo a que en ese lugar vive mucha gente."
    ),
    "coropleta": (
        "Mapa en el que cada zona (por ejemplo, cada distrito) se pinta con un color según un "
        "valor. Los colores se agrupan en clases: cada clase cubre un rango de valores."
    ),
    "denuncia": (
        "Aviso que una persona hace ante la policía (o la fiscalía) de que ocurrió un hecho que "
        "puede ser delito o falta. Una denuncia no prueba que el delito ocurrió tal como se "
        "cuenta, y muchos delitos nunca se denuncian."
    ),
    "ENAPRES": (
        "Encuesta Nacional de Programas Presupuestales del INEI. Pregunta a las personas si "
        "fueron víctimas de un delito en los últimos 12 meses y cómo perciben la inseguridad, "
        "hayan denunciado o no."
    ),
    "INEI": (
        "Instituto Nacional de Estadística e Informática. Hace los censos y las encuestas "
        "oficiales del Perú, como la ENAPRES, y publica la población de cada distrito."
    ),
    "junta vecinal": (
        "Grupo de vecinas y vecinos organizado para la seguridad de su barrio, que coordina "
        "con la comisaría o con la municipalidad. Muchas llevan un cuaderno de incidencias."
    ),
    "límites distritales": (
        "La línea que separa un distrito de otro. Los mapas del curso usan los del IGN (Lima y "
        "Callao) y del INEI (Trujillo), simplificados: sirven para ubicar un distrito, no una calle."
    ),
    "límites esquemáticos": (
        "Contornos aproximados de los distritos, dibujados por el curso a partir del centro y "
        "del área de cada distrito. Sirven para ubicarse, no son los límites oficiales."
    ),
    "población": (
        "Cuántas personas viven en un lugar. En este curso usamos la población estimada por "
        "el INEI para 2020. No cuenta a quienes solo trabajan, estudian o pasean en el lugar."
    ),
    "SIDPOL": (
        "Sistema de Denuncias Policiales de la Policía Nacional del Perú. Allí se registran las "
        "denuncias que se hacen en las comisarías. El Ministerio del Interior (MININTER) publica "
        "sus cifras como datos abiertos."
    ),
    "serenazgo": (
        "Servicio de seguridad de la municipalidad: los serenos patrullan y atienden "
        "emergencias en el distrito. No es la policía y no recibe denuncias policiales."
    ),
    "tasa inestable": (
        "Tasa que cambia mucho con pocos casos, porque la población o el número de denuncias "
        f"es pequeño. En este curso: población menor de {numero(POBLACION_MINIMA)} o menos de "
        f"{numero(CONTEO_MINIMO)} denuncias. Se "
        "marca con un asterisco (*) y no conviene compararla con la de distritos grandes."
    ),
    "tasa por 100 mil habitantes": (
        "Cuántos casos hay por cada 100,000 personas que viven en el lugar: conteo ÷ "
        "población × 100,000. Permite comparar distritos grandes y pequeños."
    ),
    "UBIGEO": (
        "Código de 6 dígitos del INEI que identifica a cada departamento, provincia y "
        "distrito. Por ejemplo, 150132 es San Juan de Lurigancho. Evita confundir nombres "
        "parecidos."
    ),
}
