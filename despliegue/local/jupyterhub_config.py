"""JupyterHub de prueba en esta computadora (`make prueba-hub`): el fragmento de despliegue/hub con
un autenticador y un lanzador de prueba. No es para un taller de verdad (ver despliegue/tljh).

- Todas las personas entran con la misma contraseña (LIDERES_HUB_CONTRASENA) y sus servidores
  corren con el usuario de esta computadora (SimpleLocalProcessSpawner), cada uno en su carpeta
  LIDERES_HUB_CARPETA/casas/NOMBRE, que trae `notebooks` (los tableros) como en la imagen del curso.
- Todo lo que escribe el hub (base de datos, cookies) queda en LIDERES_HUB_CARPETA.

Uso: LIDERES_HUB_CARPETA=/tmp/hub LIDERES_HUB_PUERTO=8765 jupyterhub -f despliegue/local/jupyterhub_config.py
"""

import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub define get_config al leer este archivo)

AQUI = Path(__file__).resolve().parent
PROYECTO = AQUI.parent.parent
CARPETA = Path(os.environ.get("LIDERES_HUB_CARPETA", "/tmp/lideres-hub"))
BIN = Path(sys.executable).parent

os.environ.setdefault("LIDERES_INTERCAMBIO", str(CARPETA / "intercambio"))
load_subconfig(str(PROYECTO / "despliegue" / "hub" / "escuela_lideres.py"))  # noqa: F821

c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = int(os.environ.get("LIDERES_HUB_PUERTO", "8765"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("LIDERES_HUB_PUERTO_API", "8766"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ.get('LIDERES_HUB_PUERTO_PROXY', '8767')}"
c.ConfigurableHTTPProxy.command = [os.environ.get(
    "LIDERES_HUB_PROXY", str(PROYECTO / ".hub" / "node_modules" / ".bin" / "configurable-http-proxy"))]
c.JupyterHub.db_url = f"sqlite:///{CARPETA / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(CARPETA / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(CARPETA / "jupyterhub.pid")
c.JupyterHub.cleanup_servers = True

c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = os.environ.get("LIDERES_HUB_CONTRASENA", "escuela-de-lideres")
c.Authenticator.allowed_users = set(os.environ.get("LIDERES_HUB_USUARIOS", "ana,beto,carla").split(","))

c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.Spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
c.Spawner.args = ["--allow-root"] if os.geteuid() == 0 else []
c.SimpleLocalProcessSpawner.home_dir_template = str(CARPETA / "casas" / "{username}")
c.Spawner.http_timeout = 180   # en una máquina de 2 núcleos ocupada, JupyterLab tarda en arrancar
c.Spawner.start_timeout = 180
c.Spawner.environment.update({"PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"})


def _casa_con_tableros(spawner):
    """Como en la imagen del curso: la carpeta de cada persona trae `notebooks` (los tableros)."""
    casa = Path(spawner.home_dir)
    casa.mkdir(parents=True, exist_ok=True)
    enlace = casa / "notebooks"
    if not enlace.exists():
        enlace.symlink_to(PROYECTO / "notebooks", target_is_directory=True)


c.Spawner.pre_spawn_hook = _casa_con_tableros
