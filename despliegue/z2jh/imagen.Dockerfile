# Se agrega al final de la imagen de repo2docker (--appendix; ver values.yaml): el curso instalado,
# JupyterLab en español sin las herramientas de quien facilita (el hub se las da a su grupo) y el
# libro construido para el hub (sus tableros se abren en el servidor de cada persona) en
# /srv/escuela/book/_build/hub/_build/html.
RUN cd ${REPO_DIR} && python -m pip install --no-deps -e . && lideres jupyterlab participantes && lideres libro --modo hub
