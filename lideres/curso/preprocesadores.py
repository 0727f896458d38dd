"""Preprocesadores de nbgrader propios del curso (se enchufan donde nbgrader espera los suyos)."""

from __future__ import annotations

from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Integer

MARCA = "\n[… salida recortada al calificar …]\n"


class RecortarSalidas(NbGraderPreprocessor):
    """Salidas gigantes (un print de millones de letras) se recortan en el cuaderno calificado,
    para que la retroalimentación y el libro de notas no carguen megas de texto."""

    maximo = Integer(20_000, help="caracteres por salida que se guardan").tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        for salida in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if isinstance(salida.get("text"), str) and len(salida["text"]) > self.maximo:
                salida["text"] = salida["text"][:self.maximo] + MARCA
            datos = salida.get("data") or {}
            if isinstance(datos.get("text/plain"), str) and len(datos["text/plain"]) > self.maximo:
                datos["text/plain"] = datos["text/plain"][:self.maximo] + MARCA
        return cell, resources
