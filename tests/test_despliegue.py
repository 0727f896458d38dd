"""despliegue/: la configuración de JupyterHub para una organización (TLJH en un servidor, Zero to
JupyterHub en Kubernetes) se lee, dice lo que tiene que decir y apunta a archivos que existen.

El fragmento despliegue/hub/escuela_lideres.py es el mismo que usa la prueba del hub en
Chromium (tests/navegador/test_navegador_hub.py): aquí se revisa lo que aquella no recorre."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import yaml

RAIZ = Path(__file__).resolve().parents[1]
DESPLIEGUE = RAIZ / "despliegue"
INTERCAMBIO = "/srv/nbgrader/exchange"


def _yaml(nombre: str):
    return yaml.safe_load((DESPLIEGUE / nombre).read_text(encoding="utf-8"))


def _config_hub(monkeypatch, **entorno):
    """Lee el fragmento como lo lee JupyterHub (traitlets), con estas variables de entorno."""
    from traitlets.config.loader import PyFileConfigLoader

    for variable in ("LIDERES_PROYECTO", "LIDERES_PLANTILLAS", "LIDERES_LIBRO", "LIDERES_FACILITADORES",
                     "LIDERES_INTERCAMBIO", "LIDERES_LIBRO_FACILITADORES", "LIDERES_IMAGEN_FACILITADORES"):
        monkeypatch.delenv(variable, raising=False)
    # sin la edición de quien facilita, salvo que la prueba la pida (no depende de lo construido aquí)
    monkeypatch.setenv("LIDERES_LIBRO_FACILITADORES", "/no/existe")
    for variable, valor in entorno.items():
        monkeypatch.setenv(variable, valor)
    return PyFileConfigLoader("escuela_lideres.py", path=str(DESPLIEGUE / "hub")).load_config()


def test_fragmento_del_hub_apunta_a_lo_que_existe(monkeypatch, tmp_path):
    libro = tmp_path / "html"
    libro.mkdir()
    c = _config_hub(monkeypatch, LIDERES_LIBRO=str(libro), LIDERES_FACILITADORES="formadora, otra")
    plantillas = Path(c.JupyterHub.template_paths[0])
    assert (plantillas / "login.html").is_file()
    entorno = c.Spawner.environment.get_value({})
    assert entorno["LIDERES_INTERCAMBIO"] == INTERCAMBIO
    for carpeta in (entorno["JUPYTER_CONFIG_PATH"], entorno["JUPYTER_PATH"]):
        assert Path(carpeta).is_dir(), carpeta
    assert (Path(entorno["JUPYTER_CONFIG_PATH"]) / "nbgrader_config.py").is_file()
    assert (Path(entorno["JUPYTER_PATH"]) / "voila" / "templates" / "lideres").is_dir()
    facilitador = c.Spawner.group_overrides["1-facilitadores"]
    assert facilitador["groups"] == ["facilitadores"]
    for carpeta in facilitador["spawner_override"]["environment"]["JUPYTER_CONFIG_PATH"].split(os.pathsep):
        assert Path(carpeta).is_dir(), carpeta
    assert c.JupyterHub.load_groups == {"facilitadores": {"users": ["formadora", "otra"]}}
    (servicio,) = c.JupyterHub.services
    assert servicio["name"] == "libro" and Path(servicio["command"][1]).is_file()
    assert servicio["command"][2] == str(libro)
    assert c.Spawner.default_url == "/lab"


def test_sin_libro_construido_no_hay_servicio(monkeypatch, tmp_path):
    c = _config_hub(monkeypatch, LIDERES_LIBRO=str(tmp_path / "no_existe"))
    assert "services" not in c.JupyterHub


def test_login_en_espanol_y_con_los_campos_del_hub():
    texto = (DESPLIEGUE / "hub" / "plantillas" / "login.html").read_text(encoding="utf-8")
    assert '{% extends "templates/login.html" %}' in texto  # parte de la página de JupyterHub
    for campo in ('name="username"', 'name="password"', 'name="_xsrf"', "{{ xsrf }}"):
        assert campo in texto
    assert "Usuario" in texto and "Contraseña" in texto and "Sign in" not in texto


def test_nbgrader_del_hub_y_del_curso_usan_el_mismo_id(monkeypatch):
    from traitlets.config.loader import PyFileConfigLoader

    monkeypatch.delenv("LIDERES_INTERCAMBIO", raising=False)
    monkeypatch.setenv("JUPYTERHUB_USER", "ana")
    monkeypatch.delenv("LIDERES_ROL", raising=False)
    hub = PyFileConfigLoader("nbgrader_config.py", path=str(DESPLIEGUE / "jupyter" / "comun")).load_config()
    curso = PyFileConfigLoader("nbgrader_config.py", path=str(RAIZ / "exercises")).load_config()
    assert hub.CourseDirectory.course_id == curso.CourseDirectory.course_id
    assert hub.Exchange.root == INTERCAMBIO
    assert hub.CourseDirectory.student_id == "ana"  # cada participante envía con su nombre del hub
    monkeypatch.setenv("LIDERES_ROL", "facilitador")
    hub = PyFileConfigLoader("nbgrader_config.py", path=str(DESPLIEGUE / "jupyter" / "comun")).load_config()
    assert "student_id" not in hub.CourseDirectory  # quien facilita ve a todos


def test_tljh_config_e_instalador():
    config = _yaml("tljh/config.yaml")
    assert config["user_environment"]["default_app"] == "jupyterlab"
    assert config["limits"]["memory"] and config["services"]["cull"]["enabled"] is True
    script = (DESPLIEGUE / "tljh" / "instalar.sh").read_text(encoding="utf-8")
    if shutil.which("bash"):  # TLJH es Linux; en Windows la prueba solo lee el script
        subprocess.run(["bash", "-n", str(DESPLIEGUE / "tljh" / "instalar.sh")], check=True)
    for ruta in re.findall(r'\$PROYECTO/([\w./-]+)', script):
        assert (RAIZ / ruta).exists(), ruta
    assert f"INTERCAMBIO={INTERCAMBIO}" in script
    # lo que config.yaml dice, instalar.sh lo pone
    for clave in ("user_environment.default_app jupyterlab", "limits.memory 1G", "services.cull.timeout 1800"):
        assert f"tljh-config set {clave}" in script


def test_z2jh_values():
    valores = _yaml("z2jh/values.yaml")
    cabecera = (DESPLIEGUE / "z2jh" / "values.yaml").read_text(encoding="utf-8")
    hub, usuario = valores["hub"], valores["singleuser"]
    # imagen de repo2docker desde environment.yml, con el repositorio donde el hub lo busca
    assert "jupyter-repo2docker" in cabecera and (RAIZ / "environment.yml").is_file()
    destino = re.search(r"--target-repo-dir (\S+)", cabecera).group(1)
    assert hub["extraEnv"]["LIDERES_PROYECTO"] == destino
    assert "/srv/escuela/notebooks" in " ".join(usuario["lifecycleHooks"]["postStart"]["exec"]["command"])
    assert destino == "/srv/escuela"
    assert (DESPLIEGUE / "z2jh" / "imagen.Dockerfile").is_file()
    # cada archivo montado en el hub se pasa con --set-file desde un archivo que existe
    for nombre, archivo in hub["extraFiles"].items():
        origen = re.search(rf"hub\.extraFiles\.{nombre}\.stringData=(\S+)", cabecera).group(1)
        assert (RAIZ / origen).is_file(), origen
        assert Path(archivo["mountPath"]).name == Path(origen).name
    assert hub["extraFiles"]["escuela_lideres"]["mountPath"].startswith(
        "/usr/local/etc/jupyterhub/jupyterhub_config.d/")
    assert Path(hub["extraFiles"]["login"]["mountPath"]).parent == Path(hub["extraEnv"]["LIDERES_PLANTILLAS"])
    # el intercambio de nbgrader en un volumen compartido, donde lo busca nbgrader_config del hub
    (montaje,) = usuario["storage"]["extraVolumeMounts"]
    assert montaje["mountPath"] == INTERCAMBIO == hub["extraEnv"]["LIDERES_INTERCAMBIO"]
    (volumen,) = usuario["storage"]["extraVolumes"]
    pvc = _yaml("z2jh/intercambio.yaml")
    assert volumen["persistentVolumeClaim"]["claimName"] == pvc["metadata"]["name"]
    assert "ReadWriteMany" in pvc["spec"]["accessModes"]
    # el libro, servido por la misma imagen en /services/libro/
    despliegue, servicio = yaml.safe_load_all((DESPLIEGUE / "z2jh" / "libro.yaml").read_text(encoding="utf-8"))
    assert hub["services"]["libro"]["url"] == f"http://{servicio['metadata']['name']}:{servicio['spec']['ports'][0]['port']}"
    contenedor = despliegue["spec"]["template"]["spec"]["containers"][0]
    assert contenedor["command"][1] == f"{destino}/despliegue/hub/servicio_libro.py"
    assert usuario["defaultUrl"] == "/lab"
    assert "formadora" in hub["config"]["Authenticator"]["admin_users"]


def test_el_hub_sirve_el_libro_del_modo_hub(monkeypatch, tmp_path):
    """El libro del taller enlaza /voila/..., que en el hub es su raíz (no hay nada): el hub sirve y
    construye el del modo «hub» (tableros en /hub/user-redirect/voila/...)."""
    from lideres import libro

    carpeta = libro.carpeta_html(modo=libro.HUB).relative_to(RAIZ)
    assert carpeta.parts[:3] == ("book", "_build", "hub")
    # el fragmento (TLJH, Kubernetes y la prueba local) sirve, por defecto, esa carpeta del proyecto
    (tmp_path / carpeta).mkdir(parents=True)
    c = _config_hub(monkeypatch, LIDERES_PROYECTO=str(tmp_path))
    assert c.JupyterHub.services[0]["command"][2] == str(tmp_path / carpeta)
    # lo construyen con `lideres libro --modo hub` y lo sirven desde ahí (en Kubernetes, la imagen de
    # quien facilita: la de las personas no tiene los bancos de los que sale la autoevaluación)
    assert "lideres libro --modo hub " in (DESPLIEGUE / "z2jh" / "libro-facilitadores.Dockerfile").read_text(encoding="utf-8")
    assert "lideres libro" not in (DESPLIEGUE / "z2jh" / "imagen.Dockerfile").read_text(encoding="utf-8")
    assert '"$ENTORNO/bin/lideres" libro --modo hub' in (DESPLIEGUE / "tljh" / "instalar.sh").read_text(encoding="utf-8")
    despliegue, _ = yaml.safe_load_all((DESPLIEGUE / "z2jh" / "libro.yaml").read_text(encoding="utf-8"))
    assert despliegue["spec"]["template"]["spec"]["containers"][0]["command"][2] == f"/srv/escuela/{carpeta.as_posix()}"
    for nombre in ("z2jh/imagen.Dockerfile", "z2jh/libro.yaml", "tljh/instalar.sh", "hub/escuela_lideres.py",
                   "hub/servicio_libro.py", "z2jh/libro-facilitadores.yaml", "z2jh/libro-facilitadores.Dockerfile"):
        assert "_build/html" not in (DESPLIEGUE / nombre).read_text(encoding="utf-8").replace(
            "_build/hub/_build/html", "").replace("_build/hub-facilitador/_build/html", ""), nombre


def test_la_edicion_de_quien_facilita_solo_para_su_grupo(monkeypatch, tmp_path):
    """La edición con las respuestas (`lideres libro --modo hub-facilitador`) va en otro servicio, con el
    OAuth del hub, y solo el grupo «facilitadores» tiene permiso de verla (issue 19 §4)."""
    from lideres import libro

    carpeta = libro.carpeta_html(modo=libro.HUB_FACILITADOR).relative_to(RAIZ)
    assert carpeta.parts[:3] == ("book", "_build", "hub-facilitador")
    (tmp_path / carpeta).mkdir(parents=True)
    c = _config_hub(monkeypatch, LIDERES_PROYECTO=str(tmp_path), LIDERES_LIBRO_FACILITADORES="")
    (servicio,) = [s for s in c.JupyterHub.services if s["name"] == "libro-facilitadores"]
    assert servicio["command"][2:] == [str(tmp_path / carpeta), "--con-cuenta"]
    assert servicio["display"] is False
    (rol,) = [r for r in c.JupyterHub.load_roles if r["name"] == "libro-facilitadores"]
    assert rol["groups"] == ["facilitadores"]
    assert rol["scopes"] == ["access:services!service=libro-facilitadores"]
    assert '"$ENTORNO/bin/lideres" libro --modo hub-facilitador' in (
        DESPLIEGUE / "tljh" / "instalar.sh").read_text(encoding="utf-8")


def test_la_prueba_local_usa_el_fragmento():
    """make prueba-hub arranca el hub con el mismo fragmento que TLJH y Kubernetes."""
    texto = (DESPLIEGUE / "local" / "jupyterhub_config.py").read_text(encoding="utf-8")
    assert 'load_subconfig(str(PROYECTO / "despliegue" / "hub" / "escuela_lideres.py"))' in texto


def test_z2jh_sirve_la_edicion_de_quien_facilita_con_la_cuenta_del_hub(monkeypatch, tmp_path):
    """En Kubernetes, como en TLJH: /services/libro-facilitadores/ es un servicio del hub con su OAuth,
    solo para el grupo «facilitadores»; su imagen (con las respuestas) no es la de las personas."""
    from lideres import libro

    valores = _yaml("z2jh/values.yaml")
    cabecera = (DESPLIEGUE / "z2jh" / "values.yaml").read_text(encoding="utf-8")
    hub = valores["hub"]
    despliegue, servicio_k8s = yaml.safe_load_all(
        (DESPLIEGUE / "z2jh" / "libro-facilitadores.yaml").read_text(encoding="utf-8"))
    # el mismo nombre, rol y permisos que el fragmento del hub da en TLJH y en la prueba local
    carpeta = libro.carpeta_html(modo=libro.HUB_FACILITADOR).relative_to(RAIZ)
    (tmp_path / carpeta).mkdir(parents=True)
    c = _config_hub(monkeypatch, LIDERES_PROYECTO=str(tmp_path), LIDERES_LIBRO_FACILITADORES="")
    (de_tljh,) = [s for s in c.JupyterHub.services if s["name"] == "libro-facilitadores"]
    (rol_tljh,) = [r for r in c.JupyterHub.load_roles if r["name"] == "libro-facilitadores"]
    servicio = hub["services"]["libro-facilitadores"]
    assert servicio["display"] is de_tljh["display"] is False
    assert servicio["url"] == (f"http://{servicio_k8s['metadata']['name']}:"
                               f"{servicio_k8s['spec']['ports'][0]['port']}")
    rol = hub["loadRoles"]["libro-facilitadores"]
    assert rol["groups"] == rol_tljh["groups"] == ["facilitadores"]
    assert rol["scopes"] == rol_tljh["scopes"] == ["access:services!service=libro-facilitadores"]
    # el pod: servicio_libro.py --con-cuenta sobre la edición hub-facilitador, con lo que el OAuth del
    # hub necesita (el token sale del secreto «hub» que z2jh llena para cada hub.services.<nombre>)
    pod = despliegue["spec"]["template"]
    (contenedor,) = pod["spec"]["containers"]
    assert contenedor["command"][1:] == ["/srv/escuela/despliegue/hub/servicio_libro.py",
                                         f"/srv/escuela/{carpeta.as_posix()}", "--con-cuenta"]
    entorno = {e["name"]: e.get("value", e.get("valueFrom")) for e in contenedor["env"]}
    assert entorno["JUPYTERHUB_SERVICE_PREFIX"] == "/services/libro-facilitadores/"
    assert entorno["JUPYTERHUB_CLIENT_ID"] == "service-libro-facilitadores"
    assert entorno["JUPYTERHUB_OAUTH_CALLBACK_URL"] == "/services/libro-facilitadores/oauth_callback"
    assert entorno["JUPYTERHUB_OAUTH_ACCESS_SCOPES"] == '["access:services!service=libro-facilitadores"]'
    assert entorno["JUPYTERHUB_API_URL"] == "http://hub:8081/hub/api"
    assert entorno["JUPYTERHUB_API_TOKEN"]["secretKeyRef"] == {
        "name": "hub", "key": "hub.services.libro-facilitadores.apiToken"}
    assert urlparse(entorno["JUPYTERHUB_SERVICE_URL"]).port == contenedor["ports"][0]["containerPort"]
    assert pod["metadata"]["labels"]["hub.jupyter.org/network-access-hub"] == "true"
    assert servicio_k8s["spec"]["selector"] == {"app": pod["metadata"]["labels"]["app"]}
    # el proxy puede llegar al pod
    destinos = [regla["to"][0]["podSelector"]["matchLabels"]["app"]
                for regla in valores["proxy"]["chp"]["networkPolicy"]["egress"]]
    assert pod["metadata"]["labels"]["app"] in destinos
    # la imagen: sobre la de las personas, con la edición construida; la de las personas no la trae
    dockerfile = (DESPLIEGUE / "z2jh" / "libro-facilitadores.Dockerfile").read_text(encoding="utf-8")
    assert "lideres libro --modo hub-facilitador" in dockerfile and "FROM ${IMAGEN}" in dockerfile
    assert "hub-facilitador" not in (DESPLIEGUE / "z2jh" / "imagen.Dockerfile").read_text(encoding="utf-8")
    imagen = re.search(r"-t (\S+) \.$", cabecera, re.M).group(1)
    assert contenedor["image"] == imagen
    # la misma imagen sirve el libro de las personas y es la de los servidores de quienes facilitan
    (libro_pod, _) = yaml.safe_load_all((DESPLIEGUE / "z2jh" / "libro.yaml").read_text(encoding="utf-8"))
    assert libro_pod["spec"]["template"]["spec"]["containers"][0]["image"] == imagen
    assert hub["extraEnv"]["LIDERES_IMAGEN_FACILITADORES"] == imagen
    c = _config_hub(monkeypatch, LIDERES_IMAGEN_FACILITADORES=imagen)
    assert c.Spawner.group_overrides["1-facilitadores"]["spawner_override"]["image"] == imagen
    assert "image" not in _config_hub(monkeypatch, LIDERES_IMAGEN_FACILITADORES="").Spawner.group_overrides[
        "1-facilitadores"]["spawner_override"]
    assert "libro-facilitadores.yaml" in cabecera


# ---------------------------------------------------------------- las respuestas, fuera del alcance de cada persona
# Regla del curso: lo que recibe una persona nunca trae una respuesta. En Kubernetes, la imagen de
# las personas (repo2docker) respeta el .dockerignore de la raíz; en TLJH, instalar.sh deja esas
# rutas de /opt/escuela solo al grupo de Unix de quienes facilitan.

MARCA_SOLUCION = "### BEGIN SOLUTION"
# Lo que la imagen de las personas usa: el paquete (pip install -e . lee pyproject.toml y README.md),
# los datos, las lecciones y los tableros (enlazados en la carpeta de cada persona), la configuración
# de Jupyter que pone el hub y el servicio del libro.
NECESARIOS = ("pyproject.toml", "README.md", "environment.yml", "lideres/", "data/", "notebooks/tableros/",
              "despliegue/hub/", "despliegue/jupyter/")


def _archivos_del_repositorio() -> list[str]:
    salida = subprocess.run(["git", "ls-files", "-z"], cwd=RAIZ, capture_output=True, check=True).stdout
    return [ruta for ruta in salida.decode("utf-8").split("\0") if ruta]


def _trae_respuestas(ruta: str) -> bool:
    """Una página para quien facilita, un banco de preguntas (trae sus respuestas) o un archivo con
    una celda de solución de nbgrader (la marca sola en su línea; el código que la escribe, no)."""
    if ruta.startswith("book/facilitadores/") or Path(ruta).name == "preguntas.toml":
        return True
    try:
        texto = (RAIZ / ruta).read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return False
    if MARCA_SOLUCION not in texto:
        return False
    if ruta.endswith(".ipynb"):
        celdas = json.loads(texto).get("cells", [])
        fuentes = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in celdas]
        texto = "\n".join(fuentes)
    return any(linea.strip() == MARCA_SOLUCION for linea in texto.splitlines())


def _reglas_de_exclusion(archivo: Path) -> list[tuple[bool, re.Pattern]]:
    """Las líneas de un .dockerignore como (es_excepcion, expresión): `*` y `?` dentro de un nombre,
    `**` a través de carpetas, `!` para volver a incluir (las que usan nuestros archivos)."""
    reglas = []
    for linea in archivo.read_text(encoding="utf-8").splitlines():
        linea = linea.strip()
        if not linea or linea.startswith("#"):
            continue
        excepcion = linea.startswith("!")
        patron = linea.lstrip("!").strip().strip("/")
        assert "[" not in patron and "\\" not in patron, f"patrón que esta prueba no sabe leer: {linea}"
        partes, i = [], 0
        while i < len(patron):
            if patron.startswith("**/", i):
                partes.append("(?:.*/)?")
                i += 3
            elif patron.startswith("**", i):
                partes.append(".*")
                i += 2
            else:
                partes.append({"*": "[^/]*", "?": "[^/]"}.get(patron[i], re.escape(patron[i])))
                i += 1
        reglas.append((excepcion, re.compile("".join(partes))))
    return reglas


def _excluido(ruta: str, reglas) -> bool:
    """Como Docker: un patrón vale para la ruta o para una carpeta que la contiene; gana el último."""
    partes = ruta.split("/")
    rutas = ["/".join(partes[:k]) for k in range(1, len(partes) + 1)]
    excluido = False
    for excepcion, expresion in reglas:
        if any(expresion.fullmatch(r) for r in rutas):
            excluido = not excepcion
    return excluido


def test_la_prueba_de_exclusion_lee_como_docker():
    reglas = _reglas_de_exclusion(RAIZ / ".dockerignore")
    assert _excluido("exercises/source/02_conteos_y_tasas/preguntas.toml", reglas)
    assert _excluido("lideres/__pycache__/x.pyc", reglas) and _excluido("lideres.egg-info/PKG-INFO", reglas)
    assert not _excluido("lideres/banco/claves.py", reglas)
    solo = _reglas_de_exclusion(DESPLIEGUE / "z2jh" / "libro-facilitadores.Dockerfile.dockerignore")
    assert not _excluido("exercises/source/02_conteos_y_tasas/02_conteos_y_tasas.ipynb", solo)
    assert _excluido("exercises/gradebook.db", solo) and _excluido("lideres/libro.py", solo)


def test_las_respuestas_no_van_en_la_imagen_de_las_personas():
    archivos = _archivos_del_repositorio()
    respuestas = [r for r in archivos if _trae_respuestas(r)]
    # las que sabemos que hay: soluciones y bancos de cada ejercicio, y las guías de quien facilita
    assert "exercises/source/02_conteos_y_tasas/02_conteos_y_tasas.ipynb" in respuestas
    assert "exercises/source/02_conteos_y_tasas/preguntas.toml" in respuestas
    assert "book/facilitadores/02_conteos_y_tasas.md" in respuestas
    assert not any(r.startswith("lideres/") for r in respuestas), "el paquete no trae respuestas"
    reglas = _reglas_de_exclusion(RAIZ / ".dockerignore")
    assert [r for r in respuestas if not _excluido(r, reglas)] == []
    # también lo construido en una copia de trabajo y la historia de git
    for generado in ("book/_build/hub-facilitador/_build/html/index.html", "book/_build/facilitador/x.html",
                     "exercises/gradebook.db", "exercises/release/02/02.ipynb", ".git/objects/ab/cd"):
        assert _excluido(generado, reglas), generado
    # lo que la imagen de las personas usa sigue adentro
    necesarios = [r for r in archivos if r.startswith(NECESARIOS) or r in NECESARIOS]
    assert any(r.startswith("lideres/banco/") for r in necesarios)
    assert [r for r in necesarios if _excluido(r, reglas)] == []
    assert [r for r in archivos if re.fullmatch(r"notebooks/\d\d_\w+\.ipynb", r) and _excluido(r, reglas)] == []
    # y no construye el libro: la autoevaluación sale de los bancos, que no tiene
    assert "lideres libro" not in (DESPLIEGUE / "z2jh" / "imagen.Dockerfile").read_text(encoding="utf-8")


def test_la_imagen_de_quien_facilita_trae_las_respuestas_de_vuelta():
    """libro-facilitadores.Dockerfile se construye desde la raíz con su propio archivo de exclusiones
    (BuildKit lee <Dockerfile>.dockerignore junto al Dockerfile, no el de la raíz)."""
    dockerfile = (DESPLIEGUE / "z2jh" / "libro-facilitadores.Dockerfile").read_text(encoding="utf-8")
    reglas = _reglas_de_exclusion(DESPLIEGUE / "z2jh" / "libro-facilitadores.Dockerfile.dockerignore")
    copias = re.findall(r"^COPY (\S+) /srv/escuela/(\S+)$", dockerfile, re.M)
    assert copias and all(origen == destino for origen, destino in copias)
    origenes = [origen for origen, _ in copias]
    for origen in origenes:
        assert (RAIZ / origen).exists() and not _excluido(origen, reglas), origen
    archivos = _archivos_del_repositorio()
    for ruta in (r for r in archivos if _trae_respuestas(r)):
        assert any(ruta == o or ruta.startswith(o + "/") for o in origenes), f"{ruta}: no vuelve a la imagen"
        assert not _excluido(ruta, reglas), ruta
    # lo que `lideres curso asignar` copia a la carpeta del curso de quien facilita
    assert "exercises/nbgrader_config.py" in origenes and "exercises/source" in origenes
    # el contexto es la raíz del repositorio
    assert re.search(r"-t \S+ \.$", dockerfile, re.M)


def test_tljh_deja_las_respuestas_solo_al_grupo_de_quienes_facilitan():
    script = (DESPLIEGUE / "tljh" / "instalar.sh").read_text(encoding="utf-8")
    (lista,) = re.findall(r"^RESPUESTAS=\((.*)\)$", script, re.M)
    restringidas = lista.split()
    archivos = _archivos_del_repositorio()
    for ruta in (r for r in archivos if _trae_respuestas(r)):
        assert any(ruta.startswith(p + "/") for p in restringidas), f"{ruta}: legible para todos en TLJH"
    for generado in (".git", "book/_build/hub-facilitador", "book/_build/facilitador"):
        assert generado in restringidas
    # nada de lo que usan las personas (ni el libro de las personas, book/_build/hub)
    for ruta in [r for r in archivos if r.startswith(NECESARIOS)] + ["book/_build/hub/_build/html/index.html"]:
        assert not any(ruta == p or ruta.startswith(p + "/") for p in restringidas), ruta
    # el grupo, quienes facilitan en él (su usuario de Unix de TLJH), y el grupo sin permisos para otros
    assert re.search(r'groupadd --system "\$GRUPO_UNIX"', script)
    assert 'usuario="jupyter-$persona"' in script and 'usermod -a -G "$GRUPO_UNIX" "$usuario"' in script
    assert 'chgrp -R "$GRUPO_UNIX" "$PROYECTO/$ruta"' in script
    assert 'chmod -R g+rX,o-rwx "$PROYECTO/$ruta"' in script
    # después de construir la edición de quien facilita (que deja en book/_build/hub-facilitador)
    assert script.index("chgrp -R") > script.index("libro --modo hub-facilitador")
