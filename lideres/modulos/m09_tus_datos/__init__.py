"""Módulo 09 «Tus propios datos» («nuestros registros no sirven»).

`calculos`: la plantilla de Excel para llevar el cuaderno de incidencias (listas desplegables y
validación de fecha y hora), el formulario en papel (PDF de una página), lo que se muestra al
subir un archivo (qué dice cada columna y qué preguntas responde, por mes, hora × día) y las dos
exportaciones: limpia y anonimizada (con las funciones del módulo 08). La lectura y la revisión
del archivo están en `lideres.revisar` (también para los archivos oficiales de denuncias).
"""
