"""Configuración de nbgrader para los ejercicios de la Escuela de Líderes.

Esta carpeta es la raíz del curso: `source/` (ejercicios con soluciones), y lo que se genera al
asignar, recoger y calificar (`release/`, `submitted/`, `autograded/`, `feedback/`, `gradebook.db`,
`recibidos/`, `reportes/`). Úsala con `lideres curso ...` o abre aquí JupyterLab para el formgrader.
"""

c = get_config()  # noqa: F821 (nbgrader define get_config al leer este archivo)

c.CourseDirectory.course_id = "escuela_lideres"

# preguntas.toml es la fuente de cada ejercicio (con las respuestas): nunca se libera.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "preguntas.toml"]

# Lo que ve el participante en lugar de la solución: una línea que puede cambiar.
c.ClearSolutions.code_stub = {
    "python": "respuesta = ...  # ✍️ cambia los tres puntos ... por tu respuesta",
}
c.ClearSolutions.text_stub = "✍️ Escribe aquí tu respuesta."

# Un bucle infinito no detiene la calificación: cada celda tiene 15 segundos (o lo que diga
# `lideres curso calificar --tiempo-por-celda`; por eso el mensaje no dice la cifra).
c.Execute.timeout = 15
c.Execute.interrupt_on_timeout = True
c.Execute.error_on_timeout = {
    "ename": "TiempoAgotado",
    "evalue": "",
    "traceback": ["TiempoAgotado: la celda tardó demasiado (¿un bucle que no termina?)"],
}

# Si alguien borró una celda de prueba, se vuelve a poner antes de calificar.
c.OverwriteCells.add_missing_cells = True
c.OverwriteCells.missing_cell_notification = (
    "Esta celda (id:{cell_id}) faltaba en la entrega y se volvió a poner para calificar.\n\n"
)

# Salidas enormes se recortan para que el cuaderno calificado siga siendo liviano.
c.LimitOutput.max_lines = 200
c.LimitOutput.max_traceback = 40
