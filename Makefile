# pantau: `make run` sets up, codes the example articles and serves them on the map (Ctrl-C stops it);
# `make test` sets up and runs the checks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM := /usr/bin/chromium

.PHONY: run serve test lint typecheck pytest browser eval bench bench-map clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(STAMP)

# Code the shipped example articles into pantau.db, print their events, then serve them on the map.
run: $(STAMP)
	$(BIN)/pantau gazetteer build
	$(BIN)/pantau run
	$(BIN)/pantau serve --db pantau.db --host $(HOST) --port $(PORT)

serve: $(STAMP)
	$(BIN)/pantau serve --db pantau.db --host $(HOST) --port $(PORT)

# The browser tests drive Debian's chromium (never a browser download): install it when missing and root.
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian's chromium for the browser tests"; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	  else echo "no $(CHROMIUM) and cannot install it here: the browser tests skip (and fail under CI=true)"; fi; \
	fi

test: $(TEST_STAMP) lint typecheck pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests web scripts

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

# The store tests also run against PostgreSQL: .ci/postgres installs and starts a local server and prints its
# URL (nothing where it cannot; the PostgreSQL tests then skip, or fail under CI=true).
pytest: $(TEST_STAMP) browser
	PANTAU_TEST_PG="$${PANTAU_TEST_PG:-$$(bash .ci/postgres)}" $(BIN)/python -m pytest

# Score the dev set of ../shared/eval (when it exists) against the pinned floor.
eval: $(STAMP)
	bash .ci/eval

bench: $(STAMP)
	$(BIN)/pantau bench ../shared/eval/corpus/indosum-dev.jsonl.gz --scaling

# The map page and the API with N generated incidents (default 50,000): load times measured in chromium.
bench-map: $(TEST_STAMP) browser
	$(BIN)/python web/bench_map.py $${N:-50000}

clean:
	rm -rf $(VENV) pantau.db pantau.db-wal pantau.db-shm .pytest_cache .mypy_cache .ruff_cache
