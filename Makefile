# Hong Kong Network Atlas — the two commands of the README, and a few more.
#   make run    install everything and start the dashboard on http://127.0.0.1:8050
#   make test   install everything (incl. Debian chromium for browser tests) and run the whole suite
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip

.PHONY: run test install install-test browser check bench build-boundaries curate clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

install: $(VENV)/bin/python
	$(PIP) install --quiet -e .

install-test: $(VENV)/bin/python
	$(PIP) install --quiet -e '.[test]'

# Debian's chromium + chromedriver (+ CJK fonts for Traditional Chinese) for browser tests
browser:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null && fc-list 2>/dev/null | grep -qi "cjk"; then \
	  echo "chromium, chromedriver and CJK fonts present"; \
	elif [ "$$(id -u)" = "0" ]; then \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver fonts-noto-cjk; \
	else \
	  echo "browser tests need: sudo apt-get install chromium chromium-driver fonts-noto-cjk"; \
	fi

run: install
	$(PY) -m dashboard

test: install-test browser
	$(PY) -m geodata check
	$(PY) -m pytest

check: install
	$(PY) -m geodata check

bench: install-test browser
	$(PY) -m bench

build-boundaries: $(VENV)/bin/python
	$(PIP) install --quiet -e '.[build]'
	$(PY) -m geodata build-boundaries

curate: $(VENV)/bin/python
	$(PIP) install --quiet -e '.[build]'
	$(PY) -m geodata curate --reference ../shared/reference

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
