# Two commands on a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
DEV := SURVEY_ENV=development
CHROMIUM := /usr/bin/chromium

.PHONY: run serve migrate demo test lint browser clean

run: $(VENV)/.runtime migrate demo serve

serve: $(VENV)/.runtime
	$(DEV) $(FLASK) run --host 127.0.0.1 --port 5000

migrate: $(VENV)/.runtime
	$(DEV) $(FLASK) db upgrade

demo: $(VENV)/.runtime
	$(DEV) $(FLASK) demo load
	$(DEV) $(FLASK) demo responses

test: $(VENV)/.dev lint browser
	$(BIN)/pytest

# ruff and mypy (configured in pyproject.toml), run by `make test` before the tests: ruff over all
# the code and its tests, mypy over the packages (issue 19).
RUFF_PATHS := analysis forms survey tests
MYPY_PATHS := analysis forms survey

lint: $(VENV)/.dev
	$(BIN)/ruff check $(RUFF_PATHS)
	$(BIN)/mypy $(MYPY_PATHS)

# Page tests drive Debian's chromium through Playwright and check pages with axe-core; install
# what is missing.
browser:
	@test -x $(CHROMIUM) || bash scripts/install-chromium
	@bash scripts/install-axe

$(VENV)/.runtime: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

clean:
	rm -rf $(VENV) .pytest_cache .cache
