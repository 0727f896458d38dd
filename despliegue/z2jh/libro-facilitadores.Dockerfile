# La imagen del libro de quien facilita (con las respuestas de las autoevaluaciones), hecha SOBRE la
# imagen de las personas (values.yaml, paso 1) y solo para el servicio /services/libro-facilitadores/
# (libro-facilitadores.yaml): así las respuestas construidas no van en la imagen que usa cada persona.
#
#   docker build -f despliegue/z2jh/libro-facilitadores.Dockerfile \
#     --build-arg IMAGEN=registro.example.org/escuela-lideres:2026.11 \
#     -t registro.example.org/escuela-lideres-facilitadores:2026.11 despliegue/z2jh
#   docker push registro.example.org/escuela-lideres-facilitadores:2026.11
ARG IMAGEN
FROM ${IMAGEN}
RUN cd /srv/escuela && lideres libro --modo hub-facilitador
