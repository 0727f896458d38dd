# Se agrega al final de la imagen de repo2docker (--appendix; ver values.yaml): el curso instalado y
# JupyterLab en español sin las herramientas de quien facilita (el hub se las da a su grupo).
# La imagen de las personas no trae respuestas (.dockerignore de la raíz: sin exercises/, sin
# book/facilitadores/), así que aquí no se construye el libro: su autoevaluación sale de los bancos
# de exercises/source/ (lideres.cuestionario; sin banco, el capítulo quedaría sin autoevaluación).
# Las dos ediciones del libro las construye libro-facilitadores.Dockerfile, que los tiene.
RUN cd ${REPO_DIR} && python -m pip install --no-deps -e . && lideres jupyterlab participantes
