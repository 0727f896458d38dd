"""El servidor del taller: página de inicio, libro y tableros Voilà en un solo origen, sin internet.

Cómo está armado (ver `servidor.py`): un servidor Voilà independiente (`voila.app.Voila`, el mismo que
corre la orden `voila`), extendido con nuestras rutas:

    /                          página de inicio en español (lista de módulos)
    /libro/...                 el libro construido (book/_build/html)
    /voila/render/tableros/... los tableros (cuadernos de notebooks/tableros/)

Se usa el Voilà independiente y no Voilà como extensión de jupyter_server porque solo el independiente
tiene kernels precalentados (`VoilaKernelManager`); como extensión, el gestor de kernels es el de
jupyter_server y el precalentado no existe.
"""
