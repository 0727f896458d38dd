"""El curso con nbgrader: asignar, recoger, calificar y ver el avance del grupo.

Capas, de abajo hacia arriba (cada una importa solo las de abajo):
- `puntos` (cómo se escribe un puntaje) y `carpeta.Curso` (dónde está cada cosa del curso: carpetas
  de nbgrader, libro de notas, configuración, recibidos, reportes);
- partes puras: `ids` (códigos de participantes), `recoger`, `validar`, `respuestas`;
- `aislamiento` (bwrap) y `trabajador` (el proceso que califica con la API de nbgrader);
- `motor` (asignar y calificar), y al lado `retroalimentacion` y `reporte`, que leen lo calificado;
- la orden `lideres curso` (`lideres.comandos.curso`) las junta: califica y después escribe la
  retroalimentación.
Este archivo no importa nada pesado: los cuadernos de ejercicios importan `respuestas`.
"""
