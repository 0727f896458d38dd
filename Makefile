# Escuela de Líderes — dos órdenes en una máquina nueva: `make taller` y `make test`.
# Todo se instala en .venv; su bin/ va primero en PATH (nbgrader llama a `alembic` por nombre).

SHELL := /bin/bash
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
export PATH := $(BIN):$(PATH)
PYTHON ?= python3
INSTALADO := $(VENV)/.instalado

.PHONY: taller test entorno chromium libro datos lint limpiar

taller: entorno
	lideres taller $(ARGS)

test: entorno chromium
	pytest $(ARGS)

libro: entorno
	lideres libro

datos: entorno
	lideres datos generar

lint: entorno
	ruff check .

entorno: $(INSTALADO)

$(INSTALADO): pyproject.toml
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[test]'
	@touch $@

# Chromium de Debian para las pruebas en navegador. Sin root ni sudo, las pruebas de navegador
# se saltan con un aviso (salvo con CI=true, donde su falta es un error).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
	  else echo "Aviso: falta /usr/bin/chromium y no hay permisos para instalarlo (apt-get install chromium)."; exit 0; fi; \
	  echo "Instalando Chromium de Debian..."; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null \
	    || echo "Aviso: no se pudo instalar Chromium."; \
	fi

limpiar:
	rm -rf book/_build exercises/release exercises/submitted exercises/autograded exercises/feedback exercises/gradebook.db
