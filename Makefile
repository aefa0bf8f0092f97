# The two commands of the README:  make run  (app on SQLite with demo data)  and  make test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
HOST ?= 127.0.0.1
PORT ?= 8050

.PHONY: run test setup system-deps demo bench clean

run: setup
	$(PY) app.py --host $(HOST) --port $(PORT)

test: setup
	$(PY) -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)

setup: system-deps $(VENV)/.installed

# Debian's Chromium renders PNG exports (kaleido) and drives the browser tests; Debian's
# PostgreSQL server runs the tests that prove the same code works on PostgreSQL.
APT_PACKAGES := chromium chromium-driver fonts-dejavu-core postgresql
system-deps:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || \
	    ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  echo "Installing Debian packages: $(APT_PACKAGES)"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	fi

$(VENV)/.installed: pyproject.toml
	[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

demo: setup
	$(VENV)/bin/tilannekuva demo

bench: setup
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) data/*.sqlite* data/demo
