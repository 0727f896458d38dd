#!/usr/bin/env bash
# La Escuela de Líderes en The Littlest JupyterHub (TLJH): un solo servidor para varias aulas.
#
# Antes: instalar TLJH (https://tljh.jupyter.org) con la facilitadora como administradora, y copiar
# este repositorio en /opt/escuela (git clone o un zip). Luego, como root:
#
#     bash /opt/escuela/despliegue/tljh/instalar.sh formadora [otra_facilitadora ...]
#
# Deja: el curso en el entorno de las personas (/opt/tljh/user), el libro construido, el
# intercambio de nbgrader en /srv/nbgrader/exchange, el fragmento despliegue/hub/escuela_lideres.py
# en la configuración del hub, los tableros en la carpeta de cada persona nueva, las respuestas
# solo para quienes facilitan y los ajustes de config.yaml (junto a este archivo) con tljh-config.
#
# Las respuestas (exercises/: soluciones y bancos de preguntas; book/facilitadores/; la edición del
# libro de quien facilita; la historia de git) quedan del grupo de Unix «escuela-facilitadores» y
# nadie más las lee desde su terminal. Al actualizar el repositorio (git pull), vuelve a correr
# este script.
set -euo pipefail

PROYECTO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ENTORNO=/opt/tljh/user
CONFIG_HUB=/opt/tljh/config/jupyterhub_config.d
INTERCAMBIO=/srv/nbgrader/exchange
GRUPO_UNIX=escuela-facilitadores
# Lo que trae respuestas (tests/test_despliegue.py revisa que estén todas): solo para ese grupo.
RESPUESTAS=(exercises book/facilitadores book/_build/hub-facilitador book/_build/facilitador tests .git)

if [ "$#" -lt 1 ]; then
  echo "Uso: $0 USUARIO_FACILITADORA [OTRA ...]" >&2
  exit 2
fi

echo "1. El curso en el entorno de las personas ($ENTORNO)"
"$ENTORNO/bin/pip" install --quiet -e "$PROYECTO"
"$ENTORNO/bin/lideres" jupyterlab participantes   # español; formgrader oculto (el hub lo muestra a quien facilita)

echo "2. El libro (se sirve en /services/libro/; sus tableros se abren en el servidor de cada persona)"
(cd "$PROYECTO" && "$ENTORNO/bin/lideres" libro --modo hub)
# La edición de quien facilita (con las respuestas), solo para el grupo «facilitadores», en
# /services/libro-facilitadores/. Se construye después: las dos ediciones no pueden construirse a la vez.
(cd "$PROYECTO" && "$ENTORNO/bin/lideres" libro --modo hub-facilitador)

echo "3. El intercambio de nbgrader, compartido por todo el curso"
mkdir -p "$INTERCAMBIO"
chmod ugo+rwx "$INTERCAMBIO"

echo "4. La configuración del hub"
mkdir -p "$CONFIG_HUB"
ln -sfn "$PROYECTO/despliegue/hub/escuela_lideres.py" "$CONFIG_HUB/escuela_lideres.py"
facilitadores=$(IFS=,; echo "$*")
cat > "$CONFIG_HUB/facilitadores.py" <<PY
# Escrito por despliegue/tljh/instalar.sh: quienes facilitan (grupo «facilitadores»).
c.JupyterHub.load_groups = {"facilitadores": {"users": "$facilitadores".split(",")}}
PY

echo "5. Los tableros en la carpeta de cada persona nueva"
ln -sfn "$PROYECTO/notebooks" /etc/skel/notebooks

echo "6. Las respuestas, solo para quienes facilitan (grupo de Unix $GRUPO_UNIX)"
# Los servicios del hub corren como root y las leen igual; cada persona tiene su usuario de Unix
# jupyter-NOMBRE (TLJH lo crea al primer ingreso con `useradd --create-home` y su carpeta sin
# permisos para otros). Quienes facilitan se crean aquí igual, para poder ponerlos en el grupo:
# asignan con `lideres curso asignar ... --curso ~/curso`, que copia exercises/source/.
getent group "$GRUPO_UNIX" >/dev/null || groupadd --system "$GRUPO_UNIX"
for persona in "$@"; do
  usuario="jupyter-$persona"
  if ! id "$usuario" >/dev/null 2>&1; then
    useradd --create-home "$usuario"
    chmod o-rwx "/home/$usuario"
  fi
  usermod -a -G "$GRUPO_UNIX" "$usuario"
done
for ruta in "${RESPUESTAS[@]}"; do
  [ -e "$PROYECTO/$ruta" ] || continue
  chgrp -R "$GRUPO_UNIX" "$PROYECTO/$ruta"
  chmod -R g+rX,o-rwx "$PROYECTO/$ruta"
  # lo que se agregue después en esas carpetas queda del mismo grupo
  find "$PROYECTO/$ruta" -type d -exec chmod g+s {} +
done

echo "7. Ajustes de TLJH (los mismos de despliegue/tljh/config.yaml)"
tljh-config set user_environment.default_app jupyterlab
tljh-config set limits.memory 1G
tljh-config set limits.cpu 1
tljh-config set services.cull.enabled true
tljh-config set services.cull.timeout 1800
for persona in "$@"; do
  tljh-config add-item users.admin "$persona"
done
tljh-config reload

echo "Listo. Cada persona entra con su usuario; la primera vez elige su contraseña."
echo "Quien facilita: lideres curso asignar 02_conteos_y_tasas --curso ~/curso"
echo "                lideres curso recoger 02_conteos_y_tasas --intercambio --curso ~/curso"
