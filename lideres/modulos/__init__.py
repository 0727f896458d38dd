"""El mapa del curso: once módulos, cada uno contra una lectura equivocada ("saber a medias").

Una sola lista para la página de inicio del taller, el índice del libro y el curso de nbgrader.
`listo=True` cuando el módulo ya tiene lección, tablero y capítulo.

Cada módulo tiene una casa en el paquete, `lideres/modulos/m<id>/` (por ejemplo
`lideres/modulos/m03_cifra_negra/`): lo que solo ese módulo calcula y muestra. Las piezas que
comparten todos (mapa, ranking, «Antes de concluir», registro de cifras) viven fuera, y ningún
módulo las copia. Agregar un módulo es agregar sus archivos y su línea en esta lista.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Modulo:
    id: str
    titulo: str
    lectura_equivocada: str
    listo: bool = False

    @property
    def cuaderno(self) -> str:
        return f"{self.id}.ipynb"

    @property
    def paquete(self) -> str:
        """La casa del módulo en el paquete: `lideres.modulos.m03_cifra_negra`."""
        return f"lideres.modulos.m{self.id}"


MODULOS: tuple[Modulo, ...] = (
    Modulo("00_bienvenida", "Cómo usar este curso", "«Esto es para expertos en computación»", listo=True),
    Modulo("01_datos_de_seguridad", "¿De dónde vienen los datos?", "«Los datos de la policía son toda la verdad»", listo=True),
    Modulo("02_conteos_y_tasas", "Conteos y tasas", "«Más denuncias = distrito más peligroso»", listo=True),
    Modulo("03_cifra_negra", "La cifra negra", "«Si bajan las denuncias, baja el delito»", listo=True),
    Modulo("04_percepcion", "Percepción y victimización", "«Me siento inseguro, entonces hay más delitos»", listo=True),
    Modulo("05_tendencias", "Tendencias en el tiempo", "«Subió 20 % este mes: ¡crisis!»", listo=True),
    Modulo("06_leer_mapas", "Leer mapas sin engañarse", "«El mapa muestra la realidad»", listo=True),
    Modulo("07_puntos_calientes", "Puntos calientes: dónde y cuándo", "«El delito está en todas partes por igual»", listo=True),
    Modulo("08_datos_responsables", "Datos responsables", "«Publicar la dirección ayuda a prevenir»", listo=True),
    Modulo("09_tus_datos", "Tus propios datos", "«Nuestros registros no sirven»", listo=True),
    Modulo("10_del_dato_a_la_accion", "Del dato a la acción", "«Los datos son solo para la policía»", listo=True),
)


def modulo(id_: str) -> Modulo:
    for m in MODULOS:
        if m.id == id_:
            return m
    raise KeyError(f"No existe el módulo «{id_}». Módulos: {', '.join(m.id for m in MODULOS)}")


def listos() -> list[Modulo]:
    return [m for m in MODULOS if m.listo]
