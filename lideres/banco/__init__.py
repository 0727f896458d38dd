"""El banco de preguntas de cada ejercicio: una sola fuente para el cuaderno, el celular y el libro.

Contrato: /work/wt/BANCO.md. La fuente es `exercises/source/<id>/preguntas.toml`; de ella salen el
cuaderno de nbgrader (`lideres curso generar <id>`), el formulario del celular y el cuestionario
del libro. Lo que recibe el participante (`Banco.publico()`) no tiene ninguna respuesta legible:
solo huellas saladas de las respuestas aceptadas y de los errores comunes (con su pista).

    banco = cargar("02_conteos_y_tasas")          # lado del facilitador (lee el TOML)
    publico = banco.publico()                     # JSON para el participante
    revisar(publico["preguntas"][0], "250,0")     # Veredicto(correcto=True, mensaje="¡Bien! …")

Solo biblioteca estándar al importarse: corre dentro del kernel del participante.

Precisiones sobre BANCO.md (las mismas reglas debe seguir el JavaScript del libro y del celular):

- Cada pregunta pública trae `sal` (= "ejercicio:id") y `tolerancias` (lista; solo en `numero`).
  `huella = sha256((sal + "|" + clave).encode()).hexdigest()[:24]`.
- Textos: se quitan espacios de los extremos; más de 2 000 caracteres cuenta como ilegible.
- **opcion**: minúsculas (`lower`); se quita un «la », «letra », «opción »/«opcion » o
  «alternativa » inicial; la **primera letra** del texto debe ser a–z y no ir seguida de otra letra
  (`"la b"`, `"B)"`, `"b."`, `"(b)"` → `b`; `"respuesta b"` → ilegible). Una letra fuera de las
  opciones (`"e"` con cuatro) también es ilegible (veredicto None, con las letras válidas).
- **numero**: se quitan espacios (también el no separable y el fino) y `_`. Si el texto es
  `[+-]?[1-9][0-9]{0,2}(,[0-9]{3})+(\\.[0-9]+)?` las comas son de miles (`"1,250"` = 1250,
  `"0,125"` no lo es); si es `[+-]?[0-9]+,[0-9]+` la coma es decimal y se avisa. Después debe
  quedar `[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)` (sin exponentes ni `inf`). Una tupla de 2 a 4
  enteros (lo que Python hace de `250,0`) se lee como el texto `"250,0"`. bool no es número.
  Clave: `str(floor(x / tolerancia + 0.5))` (no `round`: Python redondea al par y JavaScript no);
  se acepta si la clave de x o la de sus vecinos (±1) está en `huellas`. Los errores comunes usan
  su propia tolerancia: la i-ésima de `tolerancias`, con clave `f"{i}:{n}"` (también ±1).
  Más de 10^15 pasos de tolerancia: ilegible.
- **distrito**: NFKD sin marcas combinantes, `lower`, todo lo que no sea a–z0–9 → un espacio,
  espacios colapsados. Si la clave no está en huellas ni en errores ni entre las opciones, se
  busca la opción a distancia de Levenshtein ≤ 1 (la primera de la lista si hay empate).
  Un nombre que no se parece a ninguna opción es incorrecto (False), con un mensaje propio.
- **orden**: lista o tupla, o un texto separado por «,», «;» o saltos de línea; cada elemento como
  distrito (también con la corrección de una letra), unidos con `|`.
- **escrita**: nunca se revisa sola (veredicto None).
- Varias respuestas aceptadas: en opcion, numero y distrito `respuesta` puede ser una lista.
- Cada pregunta tiene además un `titulo` corto (encabezado en el cuaderno y el formulario; nombre de la
  pregunta en el reporte y en la página de respuestas escritas). El cargador lo acepta vacío (queda
  «Pregunta N»), pero cada banco del curso lo lleva en todas sus preguntas (lo revisa una prueba).
- Cada pregunta dice qué pide: `habilidad = "juicio"` (¿se sostiene esta lectura?, ¿qué frase puede
  decir un dirigente?, ¿qué falta antes de concluir?), `"calculo"` o `"recuerdo"`. Es obligatorio;
  de las automáticas, al menos `MINIMO_JUICIO` (3) piden juicio (si no, un aviso). No va en la forma
  pública: lo usan las pruebas y el reporte de quien facilita (qué tipo de pregunta le cuesta al grupo).
- `revisor(publico_o_base64)` devuelve lo que el cuaderno llama `revisar`:
  `revisar("id", respuesta)` imprime «¡Bien!» o «Pista: …»; `revisar.es("id", respuesta, esperada)`
  es lo que usan las pruebas ocultas (la respuesta esperada solo está en la fuente, nunca en lo
  liberado) y `revisar.pista("id", respuesta)` («Pista: …») es el mensaje de su `assert`.
- El cuaderno (`cuaderno.py`): en cada celda de respuesta la variable es `respuesta` (no
  `respuesta_N`): el `code_stub` de nbgrader es uno solo para todas las celdas. Por pregunta:
  enunciado, respuesta, prueba calificada (justo después de la respuesta, para que nbgrader pueda
  reponerla si se borra) y «Revisa tu respuesta» (sin puntos, nunca lanza).
- `cuaderno_con_respuestas`: números finitos como número; todo lo demás como texto (`repr`),
  200 caracteres como máximo (listas: 50 elementos de 200); la escrita, 2 000 caracteres de texto
  plano (HTML y signos de Markdown escapados). `None`/`...`: la celda queda `respuesta = ...`.
- `cargar()` deja en `Banco.avisos` lo que no impide usar el banco (menos de cuatro preguntas
  automáticas, menos de tres de juicio) y lanza `ErrorLideres` con archivo, línea, pregunta y campo
  para lo demás (también si la `explicacion` dice la respuesta de un número o un distrito, o si
  `orden` muestra sus opciones ya en el orden correcto).
- `autoria.ejercicios()` lista los ejercicios con banco; las carpetas que empiezan con `_`
  (la plantilla) no son ejercicios. `autoria.generar(id)` escribe el cuaderno;
  `autoria.validar(id, rapido=False)` lo revisa de punta a punta (nbgrader validate, y autograde de
  una entrega en blanco = 0 y una con las respuestas = todo); `autoria.respuestas_a_la_vista(banco,
  carpeta_liberada)` es la búsqueda de respuestas que usan `validar` y las pruebas.
- Las huellas ocultan la respuesta a la vista, no a quien quiera probar todas las claves posibles
  (son pocas): sirven para que nadie la lea por encima, no como secreto fuerte.
"""

from __future__ import annotations

from lideres.banco.carga import ARCHIVO, Banco, Error, Pregunta, cargar, distritos_del_curso
from lideres.banco.revision import Revisor, Veredicto, codificar, decodificar, revisar, revisor

__all__ = ["ARCHIVO", "Banco", "Error", "Pregunta", "Revisor", "Veredicto", "cargar", "codificar",
           "cuaderno_con_respuestas", "decodificar", "distritos_del_curso", "generar_cuaderno",
           "revisar", "revisor"]


def __getattr__(nombre: str):
    # Lo que arma cuadernos usa nbformat: se importa solo al pedirlo (lado del facilitador).
    if nombre in ("cuaderno_con_respuestas", "generar_cuaderno"):
        from lideres.banco import cuaderno

        return getattr(cuaderno, nombre)
    raise AttributeError(f"lideres.banco no tiene «{nombre}»")
