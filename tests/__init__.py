"""Pruebas del proyecto; también ayudas para ellas y los benchmarks (`from tests import ejemplos`).

Es un paquete (con este archivo) para que gane a otro `tests` instalado por alguna biblioteca.
"""
