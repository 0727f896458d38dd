"""Escuela de Líderes en un JupyterHub: lo común a The Littlest JupyterHub (TLJH), Zero to
JupyterHub (Kubernetes) y la prueba local (`make prueba-hub`).

Es un fragmento de `jupyterhub_config.d`: TLJH lee /opt/tljh/config/jupyterhub_config.d/*.py y
Zero to JupyterHub /usr/local/etc/jupyterhub/jupyterhub_config.d/*.py. Lo que cambia de un lugar a
otro se lee de variables de entorno del hub (con valores por defecto para TLJH):

- LIDERES_PROYECTO: dónde está este repositorio en los servidores de cada persona
  (por defecto, la carpeta de arriba de despliegue/; en la imagen de repo2docker, /srv/escuela).
- LIDERES_PLANTILLAS: la carpeta con login.html (por defecto, plantillas/ junto a este archivo).
- LIDERES_INTERCAMBIO: la carpeta del intercambio de nbgrader (por defecto /srv/nbgrader/exchange).
- LIDERES_LIBRO: la carpeta del libro construido para el hub (`lideres libro --modo hub`, por defecto
  book/_build/hub/_build/html; si no existe, no se sirve /services/libro/).
- LIDERES_LIBRO_FACILITADORES: la edición de quien facilita para el hub (`lideres libro --modo
  hub-facilitador`, por defecto book/_build/hub-facilitador/_build/html; trae las respuestas de las
  autoevaluaciones): se sirve en /services/libro-facilitadores/ solo al grupo «facilitadores».
- LIDERES_FACILITADORES: nombres de usuario de quienes facilitan, separados por comas (también se
  agregan en el panel de administración del hub, grupo «facilitadores»).
- LIDERES_IMAGEN_FACILITADORES: solo en Kubernetes, la imagen de los servidores de quienes facilitan
  (la de las personas no trae las respuestas que `lideres curso asignar` necesita; ver
  despliegue/z2jh/libro-facilitadores.Dockerfile).
"""

import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub define get_config al leer este archivo)

AQUI = Path(__file__).resolve().parent
PROYECTO = Path(os.environ.get("LIDERES_PROYECTO") or AQUI.parent.parent)
CONFIG_JUPYTER = PROYECTO / "despliegue" / "jupyter"
GRUPO_FACILITADORES = "facilitadores"

# Página de entrada en español (el resto de páginas del hub queda como viene).
c.JupyterHub.template_paths = [os.environ.get("LIDERES_PLANTILLAS") or str(AQUI / "plantillas")]
c.JupyterHub.template_vars = {"curso": "Escuela de Líderes", "curso_lema": "datos para la seguridad ciudadana"}

# Cada persona entra a JupyterLab (en español: el entorno trae su paquete de idioma y lo deja por
# defecto con `lideres jupyterlab participantes`); los tableros se abren con Voilà en
# /user/<nombre>/voila/render/notebooks/tableros/...
c.Spawner.default_url = "/lab"

# Servidor de cada persona: la configuración de Jupyter de despliegue/jupyter/comun (intercambio de
# nbgrader, curso, Voilà) y, de lideres/taller/jupyter, la plantilla de los tableros y el kernel
# liviano del taller (sin depurador ni historial: cada tablero abierto es un kernel).
c.Spawner.environment.update({
    "JUPYTER_CONFIG_PATH": str(CONFIG_JUPYTER / "comun"),
    "JUPYTER_PATH": str(PROYECTO / "lideres" / "taller" / "jupyter"),
    "LIDERES_INTERCAMBIO": os.environ.get("LIDERES_INTERCAMBIO", "/srv/nbgrader/exchange"),
})

# Quien facilita: además, el formgrader de nbgrader (servidor y pestaña de JupyterLab) y el rol en
# la configuración de nbgrader (ve las entregas de todos, no solo las suyas).
c.Spawner.group_overrides = {
    "1-facilitadores": {
        "groups": [GRUPO_FACILITADORES],
        "spawner_override": {"environment": {
            "JUPYTER_CONFIG_PATH": os.pathsep.join([str(CONFIG_JUPYTER / "facilitador"),
                                                    str(CONFIG_JUPYTER / "comun")]),
            "LIDERES_ROL": "facilitador",
        }},
    },
}
# En Kubernetes (KubeSpawner) quien facilita usa su propia imagen: la de las personas no trae
# exercises/ ni book/facilitadores (el .dockerignore de la raíz). En TLJH todos comparten /opt/escuela
# y lo que ven lo decide el grupo de Unix de instalar.sh.
if os.environ.get("LIDERES_IMAGEN_FACILITADORES"):
    c.Spawner.group_overrides["1-facilitadores"]["spawner_override"]["image"] = os.environ["LIDERES_IMAGEN_FACILITADORES"]
_facilitadores = [u.strip() for u in os.environ.get("LIDERES_FACILITADORES", "").split(",") if u.strip()]
if _facilitadores:
    c.JupyterHub.load_groups = {GRUPO_FACILITADORES: {"users": _facilitadores}}

# El libro, en una dirección fija para todos: /services/libro/ (sin contraseña: es público). Es el
# del modo «hub»: sus enlaces llevan al servidor de quien lee (/hub/user-redirect/voila/...), no a
# /voila/... como el del taller (aquí no hay nada en la raíz del hub).
_libro = Path(os.environ.get("LIDERES_LIBRO") or PROYECTO / "book" / "_build" / "hub" / "_build" / "html")
_puerto_libro = int(os.environ.get("LIDERES_PUERTO_LIBRO", "10101"))
if _libro.is_dir():
    c.JupyterHub.services = [s for s in c.JupyterHub.get("services", []) if s.get("name") != "libro"] + [{
        "name": "libro",
        "url": f"http://127.0.0.1:{_puerto_libro}",
        "command": [sys.executable, str(AQUI / "servicio_libro.py"), str(_libro)],
        "display": True,
    }]

# La edición de quien facilita (con las respuestas: como las soluciones de nbgrader, nunca a las
# personas): /services/libro-facilitadores/, con el OAuth del hub y solo para el grupo.
_libro_f = Path(os.environ.get("LIDERES_LIBRO_FACILITADORES")
                or PROYECTO / "book" / "_build" / "hub-facilitador" / "_build" / "html")
_puerto_libro_f = int(os.environ.get("LIDERES_PUERTO_LIBRO_FACILITADORES", "10102"))
if _libro_f.is_dir():
    c.JupyterHub.services = [s for s in c.JupyterHub.get("services", []) if s.get("name") != "libro-facilitadores"] + [{
        "name": "libro-facilitadores",
        "url": f"http://127.0.0.1:{_puerto_libro_f}",
        "command": [sys.executable, str(AQUI / "servicio_libro.py"), str(_libro_f), "--con-cuenta"],
        "oauth_no_confirm": True,
        "display": False,  # no aparece en el menú de las personas
    }]
    c.JupyterHub.load_roles = [r for r in c.JupyterHub.get("load_roles", []) if r.get("name") != "libro-facilitadores"] + [{
        "name": "libro-facilitadores",
        "description": "Ver la edición del libro de quien facilita",
        "groups": [GRUPO_FACILITADORES],
        "scopes": ["access:services!service=libro-facilitadores"],
    }]
