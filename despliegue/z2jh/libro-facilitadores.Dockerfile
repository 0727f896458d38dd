# La imagen de quien facilita: la de las personas (values.yaml, paso 1) MÁS lo que esa no trae, las
# respuestas (exercises/: soluciones de nbgrader y bancos de preguntas; book/facilitadores/), y los
# dos libros construidos:
#  - el de las personas (`--modo hub`), que sirve libro.yaml en /services/libro/ (solo su HTML: las
#    autoevaluaciones llevan huellas de las respuestas, nunca las respuestas);
#  - la edición de quien facilita (`--modo hub-facilitador`, con las respuestas), que sirve
#    libro-facilitadores.yaml en /services/libro-facilitadores/ solo al grupo «facilitadores».
# También es la imagen de los servidores de quienes facilitan (values.yaml: LIDERES_IMAGEN_FACILITADORES;
# `lideres curso asignar` copia exercises/source/). Nadie más la usa.
#
# Se construye desde la raíz del repositorio (el contexto), no con repo2docker. Docker (BuildKit, el
# de `docker build` desde la versión 23) lee entonces libro-facilitadores.Dockerfile.dockerignore,
# junto a este archivo, y no el .dockerignore de la raíz (que deja afuera justamente las respuestas):
#
#   DOCKER_BUILDKIT=1 docker build -f despliegue/z2jh/libro-facilitadores.Dockerfile \
#     --build-arg IMAGEN=registro.example.org/escuela-lideres:2026.11 \
#     -t registro.example.org/escuela-lideres-facilitadores:2026.11 .
#   docker push registro.example.org/escuela-lideres-facilitadores:2026.11
ARG IMAGEN
FROM ${IMAGEN}
# De root y solo para leer: quien facilita las copia a su curso (~/curso), no las cambia aquí.
COPY exercises/nbgrader_config.py /srv/escuela/exercises/nbgrader_config.py
COPY exercises/_plantilla /srv/escuela/exercises/_plantilla
COPY exercises/source /srv/escuela/exercises/source
COPY book/facilitadores /srv/escuela/book/facilitadores
# Las dos ediciones, una después de la otra (no pueden construirse a la vez).
RUN cd /srv/escuela && lideres libro --modo hub && lideres libro --modo hub-facilitador
