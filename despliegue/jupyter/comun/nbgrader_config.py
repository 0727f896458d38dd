"""nbgrader en el servidor de cada persona del hub (JUPYTER_CONFIG_PATH lo pone el hub).

El intercambio (Exchange.root) es una carpeta que comparten todos los servidores del curso: en TLJH,
/srv/nbgrader/exchange del servidor; en Kubernetes, un volumen compartido montado ahí. Quien
facilita asigna (`lideres curso asignar`, que también publica en el intercambio), cada participante
recibe y envía desde la pestaña de tareas de JupyterLab y quien facilita recoge con
`lideres curso recoger EJERCICIO --intercambio`.
"""

import os

c = get_config()  # noqa: F821 (nbgrader define get_config al leer este archivo)

c.CourseDirectory.course_id = "escuela_lideres"  # el mismo de exercises/nbgrader_config.py
c.Exchange.root = os.environ.get("LIDERES_INTERCAMBIO", "/srv/nbgrader/exchange")

# Cada participante envía con su nombre del hub (no con el del sistema, que en Kubernetes es
# «jovyan» para todos y en TLJH «jupyter-NOMBRE»). Quien facilita ve las entregas de todos.
_usuario = os.environ.get("JUPYTERHUB_USER")
if _usuario and os.environ.get("LIDERES_ROL") != "facilitador":
    c.CourseDirectory.student_id = _usuario
