# Hong Kong Network Atlas — the two commands of the README, and a few more.
#   make run        install everything and start the dashboard on http://127.0.0.1:8050
#   make test       install everything (incl. Debian chromium for browser tests), lint, check the
#                   data and run the whole suite (what CI runs, through .ci/run)
#   make test-fast  the quick loop: lint, data check and every test but the browser and build ones
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip

.PHONY: run test test-fast lint format install install-test browser check bench build-boundaries clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

install: $(VENV)/bin/python
	$(PIP) install --quiet -e .

install-test: $(VENV)/bin/python
	$(PIP) install --quiet -e '.[test]'

# Debian's chromium + chromedriver (+ CJK and emoji fonts for Traditional Chinese and emoji in
# exports) for browser tests and exports
BROWSER_PKGS := chromium chromium-driver fonts-noto-cjk fonts-noto-color-emoji
browser:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null && fc-list 2>/dev/null | grep -qi "cjk" \
	    && fc-list 2>/dev/null | grep -qi "emoji"; then \
	  echo "chromium, chromedriver, CJK and emoji fonts present"; \
	elif [ "$$(id -u)" = "0" ]; then \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(BROWSER_PKGS); \
	else \
	  echo "browser tests need: sudo apt-get install $(BROWSER_PKGS)"; \
	fi

run: install
	$(PY) -m dashboard

lint:
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format:
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

test: install-test browser lint
	$(PY) -m geodata check
	$(PY) -m pytest

test-fast: install-test lint
	$(PY) -m geodata check
	$(PY) -m pytest -m "not browser and not build"

check: install
	$(PY) -m geodata check

bench: install-test browser
	$(PY) -m bench

build-boundaries: $(VENV)/bin/python
	$(PIP) install --quiet -e '.[build]'
	$(PY) -m geodata build-boundaries

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
