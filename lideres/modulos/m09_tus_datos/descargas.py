"""Los archivos del módulo 09 que un dirigente descarga (de la página de inicio del taller y del
capítulo): la plantilla del cuaderno en Excel y el formulario en papel. Los encuentra
`lideres.descargas` por la casa del módulo; aquí solo se declaran."""

from __future__ import annotations

from lideres.descargas import Descarga

DESCARGAS = [
    Descarga("cuaderno_de_incidencias.xlsx", "Plantilla del cuaderno (Excel)",
             "lideres.modulos.m09_tus_datos.calculos:plantilla_excel"),
    Descarga("formulario_de_incidencias.pdf", "Formulario en papel (PDF)",
             "lideres.modulos.m09_tus_datos.calculos:formulario_papel"),
]
