# Escuela de Líderes — dos órdenes en una máquina nueva: `make taller` y `make test`.
# Todo se instala en .venv; su bin/ va primero en PATH (nbgrader llama a `alembic` por nombre).

SHELL := /bin/bash
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
export PATH := $(BIN):$(PATH)
PYTHON ?= python3
INSTALADO := $(VENV)/.instalado
# Con una carpeta paquetes/ (README: «Instalar sin internet»), pip instala de ahí y no usa internet.
PIP_ORIGEN := $(if $(wildcard paquetes/*.whl),--no-index --find-links paquetes,)

.PHONY: taller test entorno sistema sistema-mapa mapa-liviano libro libro-facilitador capturas sitio datos lint limpiar prueba-hub proxy-hub

# Opciones: make taller ARGS="--red --participantes 30"
taller: entorno sistema-mapa mapa-liviano
	@lideres taller $(ARGS)

test: entorno sistema proxy-hub mapa-liviano
	pytest $(ARGS)

libro: entorno
	lideres libro

# La edición de quien facilita, con las fotos de lo que verá (las hace `make capturas` en Chromium,
# con el producto de verdad; `make test` también, antes de las pruebas del libro). Sin fotos, el libro
# dice en palabras lo que se vería.
capturas: entorno sistema
	pytest tests/navegador/test_capturas_guia.py $(ARGS)

libro-facilitador: entorno
	lideres libro --modo facilitador

# El libro como sitio estático en sitio/ (abre con doble clic, sin servidor ni internet).
sitio: entorno
	@python -m lideres.sitio

datos: entorno
	lideres datos generar

lint: entorno
	ruff check .

entorno: $(INSTALADO)

# La instalación grande (~220 MB la primera vez) muestra el avance de pip en una terminal, para
# una conexión lenta; en CI o con la salida a un archivo, -qq (sin los avisos en inglés de pip).
# Los errores se muestran siempre. Sin internet: ver «Instalar sin internet» en el README.
$(INSTALADO): pyproject.toml
	@echo "Preparando el entorno del curso en $(VENV) (la primera vez tarda unos minutos)…"
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	@$(if $(PIP_ORIGEN),echo "Se instala desde la carpeta paquetes/ (sin internet).")
	@$(VENV)/bin/python -m pip install -qq $(PIP_ORIGEN) --upgrade pip
	@if [ -t 1 ] && [ -z "$(PIP_ORIGEN)" ]; then \
	  echo "La primera vez se descargan unos 220 MB de paquetes; pip muestra el avance (en inglés)."; \
	  $(VENV)/bin/python -m pip install --progress-bar on -e '.[test]' \
	    || { echo "No se pudo instalar. ¿Hay internet? Sin internet: «Instalar sin internet» en el README."; exit 1; }; \
	else \
	  $(VENV)/bin/python -m pip install -qq $(PIP_ORIGEN) -e '.[test]'; \
	fi
	@$(VENV)/bin/lideres jupyterlab participantes --si-falta
	@touch $@

# Instala con apt los paquetes de Debian de la variable de shell `faltan` (si hay alguno). Sin root ni
# sudo no se instalan: se avisa y se sigue.
INSTALAR_FALTAN = if [ -n "$$faltan" ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
	  else echo "Aviso: faltan paquetes del sistema ($$faltan) y no hay permisos para instalarlos."; exit 0; fi; \
	  echo "Instalando paquetes de Debian:$$faltan"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$faltan >/dev/null \
	    || echo "Aviso: no se pudieron instalar:$$faltan"; \
	fi

# Paquetes de Debian: Chromium para las pruebas en navegador; bubblewrap para aislar cada entrega
# al calificar; npm (Node.js) para armar el mapa liviano. Sin root ni sudo no se instalan: las pruebas
# de navegador se saltan con un aviso (salvo con CI=true, donde su falta es un error), la calificación
# usa su aislamiento sin bubblewrap y los tableros, el jupyter-leaflet original.
sistema:
	@faltan=""; \
	test -x /usr/bin/chromium || faltan="$$faltan chromium fonts-dejavu-core"; \
	command -v bwrap >/dev/null 2>&1 || faltan="$$faltan bubblewrap"; \
	command -v npm >/dev/null 2>&1 || faltan="$$faltan npm"; \
	$(INSTALAR_FALTAN)

# Para `make taller`: solo npm (el taller no necesita Chromium).
sistema-mapa:
	@faltan=""; command -v npm >/dev/null 2>&1 || faltan="npm"; $(INSTALAR_FALTAN)

# El mapa liviano de los tableros (leaflet_liviano/README.md): jupyter-leaflet con solo lo que usa el
# curso, ~75 KB comprimidos en vez de ~300 KB por celular. Se arma con npm la primera vez (y si cambia
# leaflet_liviano/); sin npm, o si falla, los tableros usan el jupyter-leaflet original.
LIVIANO := leaflet_liviano/salida/lideres-leaflet-liviano/package.json

mapa-liviano: entorno $(LIVIANO)

$(LIVIANO): leaflet_liviano/package.json leaflet_liviano/package-lock.json leaflet_liviano/webpack.config.js $(wildcard leaflet_liviano/src/*.js) | $(INSTALADO)
	@if command -v npm >/dev/null 2>&1; then \
	  echo "Armando el mapa liviano de los tableros (leaflet_liviano/, con npm; la primera vez tarda unos minutos)"; \
	  rm -rf leaflet_liviano/salida; \
	  salida=$$(npm ci --prefix leaflet_liviano --no-audit --no-fund --loglevel=error 2>&1 \
	    && $(BIN)/jupyter labextension build leaflet_liviano 2>&1) \
	    || { echo "$$salida" | tail -n 15; rm -rf leaflet_liviano/salida; \
	         echo "Aviso: no se pudo armar el mapa liviano; los tableros usarán el jupyter-leaflet original."; }; \
	else echo "Aviso: falta npm (Node.js); los tableros usarán el jupyter-leaflet original, más pesado (apt-get install npm)."; fi

limpiar:
	rm -rf sitio book/_build book/modulos book/_generado exercises/release exercises/submitted exercises/autograded \
	  exercises/feedback exercises/recibidos exercises/reportes exercises/gradebook.db \
	  exercises/participantes.json exercises/nbgrader.log exercises/.nbgrader.log \
	  exercises/celular exercises/.lideres.candado

# JupyterHub de verdad en esta computadora (despliegue/local): dos participantes y una facilitadora
# en Chromium, con el intercambio de nbgrader. El proxy del hub (configurable-http-proxy) viene de
# npm y se instala en .hub/ (no en el sistema) la primera vez.
CHP := .hub/node_modules/.bin/configurable-http-proxy

prueba-hub: entorno sistema proxy-hub
	pytest tests/navegador/test_navegador_hub.py tests/test_despliegue.py tests/test_curso_intercambio.py $(ARGS)

proxy-hub: $(CHP)

$(CHP):
	@if command -v npm >/dev/null 2>&1; then \
	  echo "Instalando el proxy de JupyterHub (configurable-http-proxy, de npm) en .hub/"; \
	  mkdir -p .hub && npm install --prefix .hub --no-audit --no-fund --loglevel=error configurable-http-proxy@5 >/dev/null \
	    || echo "Aviso: no se pudo instalar configurable-http-proxy; la prueba del hub se saltará."; \
	else echo "Aviso: falta npm (Node.js); la prueba del hub se saltará (apt-get install npm)."; fi
