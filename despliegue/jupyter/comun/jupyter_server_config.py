"""Jupyter Server de cada persona del hub: los tableros con la extensión de servidor de Voilà
(/user/NOMBRE/voila/render/notebooks/tableros/...), como los sirve `lideres taller`.

Se toman del taller (lideres.taller.servidor) la plantilla en español, las extensiones que cargan
los tableros y los tiempos de espera: un solo lugar para cambiarlos.
"""

from lideres.taller import servidor as taller

c = get_config()  # noqa: F821 (Jupyter define get_config al leer este archivo)

# Ningún pedido fuera del servidor: sin los dos en None, la página de Voilà pide MathJax por internet.
c.ServerApp.tornado_settings = {"mathjax_url": None, "mathjax_config": None}  # MathJax del paquete

c.VoilaConfiguration.template = taller.PLANTILLA  # está en lideres/taller/jupyter (JUPYTER_PATH, lo pone el hub)
c.VoilaConfiguration.theme = "light"
c.VoilaConfiguration.strip_sources = True
c.VoilaConfiguration.show_tracebacks = False
c.VoilaConfiguration.show_margins = False
c.VoilaConfiguration.extension_allowlist = list(taller.EXTENSIONES_PERMITIDAS)
c.VoilaConfiguration.http_keep_alive_timeout = taller.LATIDO_S
c.VoilaConfiguration.resources = {"lideres": {"mensaje_error": taller.MENSAJE_ERROR_CELDA}}
c.VoilaExecutor.iopub_timeout = taller.ESPERA_SALIDA_CELDA_S
c.VoilaExecutor.raise_on_iopub_timeout = True
c.VoilaExecutor.timeout = taller.ESPERA_CELDA_S
c.VoilaExecutor.startup_timeout = taller.ESPERA_ARRANQUE_KERNEL_S
c.VoilaExecutor.interrupt_on_timeout = False
c.VoilaExecutor.cell_error_instruction = taller.MENSAJE_ERROR_CELDA
c.HTMLExporter.language_code = "es"

# Un tablero que nadie mira no ocupa memoria: cada kernel pesa unos 100–150 MB.
c.MappingKernelManager.cull_idle_timeout = 30 * 60
c.MappingKernelManager.cull_interval = 5 * 60

# JupyterLab no pregunta por noticias ni busca versiones nuevas en internet.
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
