"""El curso con nbgrader: asignar, recoger, calificar y ver el avance del grupo.

Separado en partes puras (códigos de participantes, recojo de archivos, tablas del reporte,
comparación de respuestas) y la parte que corre nbgrader en procesos aislados (`motor`).
Este archivo no importa nada pesado: los cuadernos de ejercicios importan `respuestas`.
"""
