# pantau: `make run` sets up and codes the example articles; `make test` sets up and runs the checks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint typecheck pytest eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(STAMP)

# Code the shipped example articles into pantau.db and print their events.
run: $(STAMP)
	$(BIN)/pantau gazetteer build
	$(BIN)/pantau run

test: $(TEST_STAMP) lint typecheck pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

# The store tests also run against PostgreSQL: .ci/postgres installs and starts a local server and prints its
# URL (nothing where it cannot; the PostgreSQL tests then skip, or fail under CI=true).
pytest: $(TEST_STAMP)
	PANTAU_TEST_PG="$${PANTAU_TEST_PG:-$$(bash .ci/postgres)}" $(BIN)/python -m pytest

# Score the dev set of ../shared/eval (when it exists) against the pinned floor.
eval: $(STAMP)
	bash .ci/eval

bench: $(STAMP)
	$(BIN)/pantau bench ../shared/eval/corpus/indosum-dev.jsonl.gz --scaling

clean:
	rm -rf $(VENV) pantau.db .pytest_cache .mypy_cache .ruff_cache
