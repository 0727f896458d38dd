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
    "CODISEC": (
        "Comité Distrital de Seguridad Ciudadana. Lo manda la Ley 27933: lo preside el alcalde y "
        "reúne a la comisaría, la municipalidad y representantes de la población. Hace el plan "
        "de seguridad del distrito."
    ),
    "comisaría": (
        "Local de la Policía Nacional del Perú donde se atiende a la población y se reciben "
        "denuncias. Cada comisaría atiende una zona; una zona no siempre coincide con un distrito."
    ),
    "conteo": (
        "Cuántas veces pasó algo, sin más: por ejemplo, las denuncias de un distrito en un "
        "año. Un conteo grande puede deberse solo a que en ese lugar vive mucha gente."
    ),
    "confianza en la policía": (
        "Parte de las personas que dicen confiar en la Policía Nacional, según la ENAPRES. Es "
        "baja en Lima Metropolitana, el Callao y La Libertad: ver el módulo «Percepción y "
        "victimización»."
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
    "encuesta de victimización": (
        "Encuesta que pregunta a la gente si fue víctima de un delito, lo haya denunciado o no. "
        "En el Perú la hace el INEI dentro de la ENAPRES."
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
    "rango": (
        "Dos números, uno bajo y uno alto, entre los que está lo que queremos saber. Se usa "
        "cuando no hay una cifra exacta: se dice «entre tanto y tanto», no un solo número, y "
        "se dice qué cuenta y qué no."
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
    "tasa de denuncia": (
        "De cada 100 víctimas de un delito, cuántas lo denunciaron. El INEI la publicó para "
        "algunos semestres: de las zonas urbanas del país y, hace poco, de La Libertad. Es de "
        "ese lugar y ese tiempo. Lo que falta es la cifra negra."
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
    "víctima": (
        "Persona que sufrió un delito: un robo, una estafa, una agresión. En la ENAPRES cuenta "
        "como víctima quien sufrió al menos un hecho en los últimos 12 meses."
    ),
    "clasificación": (
        "En un mapa de colores, la forma de juntar los lugares en grupos (clases): el mismo número "
        "de lugares en cada color (cuantiles), tramos del mismo tamaño (intervalos iguales) o grupos "
        "parecidos por dentro (cortes naturales). Cada forma cuenta otra historia."
    ),
    "margen": (
        "Lo que una tasa podría variar sola si el año se repitiera, solo por azar. Es chico en un "
        "distrito grande y ancho en uno chico. No mide la cifra negra."
    ),
    "no se distingue del promedio": (
        "Se dice de un lugar cuyo margen toca el promedio de la ciudad: no se puede decir que su "
        "tasa está por encima ni por debajo del promedio."
    ),
    "falacia ecológica": (
        "Creer que lo que vale para un grupo o un lugar vale para cada persona de ese lugar. La tasa "
        "de un distrito no dice nada de una calle ni de un vecino."
    ),
    "estigma": (
        "Una marca injusta que se pone sobre un grupo de personas, por ejemplo culpar a todo un "
        "barrio del delito de la ciudad. Un mapa mal leído puede reforzarla."
    ),
    "porcentaje de cambio": (
        "Cuánto subió o bajó una cifra, como parte de la cifra de antes. De 4 a 5 casos es "
        "«+25 %»,<!--ejemplo--> y de 5 a 4 es «−20 %».<!--ejemplo--> Siempre se dice junto con los dos números."
    ),
    "variación por azar": (
        "Lo que una cifra sube y baja sola, sin que nada haya cambiado. Con pocos casos al mes, "
        "un mes puede traer el doble que el anterior solo por azar."
    ),
    "banda de variación": (
        "El rango entre el que cae una cifra casi siempre si nada cambió. "
        "Si la cifra queda dentro de la banda, no se puede decir que subió o bajó."
    ),
    "promedio móvil": (
        "El promedio de los últimos meses (por ejemplo, los últimos tres), calculado mes a mes. "
        "Alisa los saltos y deja ver la tendencia; una ventana muy larga puede esconder un cambio."
    ),
    "mismo periodo del año anterior": (
        "Comparar enero a julio de un año con enero a julio del año anterior, y no con el año "
        "entero. Así se comparan periodos del mismo largo y de la misma época."
    ),
    "año incompleto": (
        "Un año del que solo hay algunos meses, como 2026 con enero a julio. Su total no se "
        "compara con el de un año entero: se compara por día o con los mismos meses."
    ),
    "brecha": (
        "Diferencia entre dos cifras que se comparan. En este curso, la distancia entre cuántos "
        "sienten miedo y cuántos fueron víctimas, en puntos: cuánto más arriba está el miedo."
    ),
    "percepción de inseguridad": (
        "Cuántas personas se sienten inseguras. La ENAPRES pregunta si la persona se siente "
        "insegura al caminar sola de noche por su zona. Mide el miedo, no los delitos."
    ),
    "punto porcentual": (
        "La diferencia entre dos porcentajes. De 30 de cada 100 a 25 de cada 100<!--ejemplo--> hay 5 puntos "
        "porcentuales (o 5 puntos). No es lo mismo que «bajó 5 %»."
    ),
    "victimización": (
        "Cuántas personas fueron víctimas de algún delito en un tiempo dado. La ENAPRES la mide "
        "preguntando por los últimos 12 meses, se haya denunciado o no."
    ),
    "cuaderno de incidencias": (
        "Cuaderno (o planilla) donde la junta vecinal anota lo que pasa en su zona: qué, cuándo "
        "y dónde. Ve hechos que no llegan a la comisaría; no debe llevar nombres de víctimas."
    ),
    "datos abiertos": (
        "Datos que el Estado publica para que cualquiera los use, sin pedir permiso, citando la "
        "fuente. Por ejemplo, las denuncias del SIDPOL en datosabiertos.gob.pe."
    ),
    "datos sintéticos": (
        "Datos inventados con un método fijo para practicar, parecidos a los reales pero sin "
        "describir a nadie. En este curso siempre llevan la palabra «sintético»."
    ),
    "fuente de datos": (
        "Quién registró un dato, cómo y para qué: la policía, una encuesta, el serenazgo, la "
        "junta vecinal. Cada fuente ve una parte de lo que pasa."
    ),
    "muestra": (
        "Parte de la población a la que se le pregunta en una encuesta. Si está bien elegida, "
        "permite estimar lo que pasa en todo el lugar sin preguntar a todos."
    ),
    "tablero": (
        "Página del curso con gráficos o mapas que cambian cuando tocas un botón. Se abre en el "
        "celular desde la página de inicio del taller, sin internet."
    ),
    "fila apartada": (
        "Fila de un archivo que la revisión deja de lado porque tiene un problema (una fecha que no "
        "existe, un distrito que no se reconoce). La revisión dice su número de fila y el motivo, y "
        "el archivo no cambia: se corrige en el original."
    ),
    "versión anonimizada": (
        "Copia de un registro hecha para compartir: sin nombres, sin referencias de lugar y con los "
        "puntos movidos o juntados, para que nadie pueda encontrar la casa de una víctima."
    ),
    "plantilla del cuaderno": (
        "Archivo de Excel del curso para llevar el cuaderno de incidencias de la junta: una columna "
        "por dato y listas para elegir el tipo. Tiene también un formulario en papel para la ronda."
    ),
    # Módulo 08: datos responsables
    "dato personal": (
        "Información que identifica a una persona o permite saber quién es, como su nombre o la "
        "dirección de su casa. La Ley 29733 lo protege; su reglamento incluye la ubicación."
    ),
    "anonimizar": (
        "Cambiar un registro antes de compartirlo para que nadie pueda reconocer a una persona "
        "ni su casa: quitar nombres y direcciones, juntar, ocultar o mover los puntos."
    ),
    "ocultar conteos pequeños": (
        "No publicar una celda de una tabla que tiene muy pocos casos, porque con ella se puede "
        "adivinar quién fue la víctima. La celda se deja en blanco o se junta con otras."
    ),
    "grilla": (
        "Cuadrados iguales que se dibujan sobre el mapa para contar cuántos casos caen en cada "
        "uno, en vez de mostrar cada punto."
    ),
    "punto anónimo": (
        "Punto público del mapa (una esquina, un parque) al que se lleva cada caso cercano. Cada "
        "punto reúne varias casas, así no señala a ninguna. Lo usa la policía de Inglaterra."
    ),
    "geoenmascarar": (
        "Mover cada punto a un lugar al azar cerca de donde estaba, dentro de un radio, para que "
        "no señale una casa. Más radio protege más, pero el mapa dice menos."
    ),
    "k-anonimato": (
        "Regla que pide que cada dato publicado pueda ser de al menos k casas o personas, por "
        "ejemplo de ocho, para que nadie sea reconocido."
    ),
    # Módulo 10: del dato a la acción
    "plan distrital de seguridad ciudadana": (
        "Lo que el comité del distrito (CODISEC) decide hacer cada año contra el delito. Una "
        "junta puede pedir que mire lo que viven sus vecinos."
    ),
    "ficha del barrio": (
        "Una página con las cifras de un distrito, cada una con su lugar, su año y su fuente, y "
        "con lo que esos datos no dicen. Se imprime para llevarla a una reunión."
    ),
    "punto caliente": (
        "Lugar chico donde se juntan más casos de los que daría el azar. Sirve para decidir dónde "
        "poner luz, patrullaje o una caminata vecinal; no dice nada de quienes viven ahí."
    ),
    "grilla de celdas": (
        "Red de cuadrados del mismo tamaño puesta sobre el mapa. Se cuentan los casos de cada "
        "cuadrado para ver dónde se juntan, sin mostrar ningún punto exacto."
    ),
    "densidad": (
        "Mancha suave que muestra dónde se juntan los casos: cada caso se reparte un poco alrededor. "
        "Con un radio grande la mancha crece y borra los detalles."
    ),
    "Gi*": (
        "Prueba de Getis y Ord: compara los casos de una celda y sus vecinas con lo que daría el "
        "azar. Si son muchos más, la celda se marca como punto caliente."
    ),
    "punto caliente crónico": (
        "Punto caliente que se repite en casi todos los periodos. Uno pasajero aparece una sola "
        "vez y puede ser solo azar o un hecho suelto."
    ),
}
