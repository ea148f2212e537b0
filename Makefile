# Two entry points for a fresh machine (see README.md):
#   make demo  – create .venv, install reportparse, parse the bundled sample report
#   make test  – create .venv, install reportparse with its test extras, run the whole suite
# For developers (CI runs them after `make test`):
#   make lint         – ruff (lint and format), mypy on src/, import-linter contracts
#   make test-extras  – the optional extras (Stanza with a CPU PyTorch, Dask, Datasette) in their own .venv-extras
#   make bench        – the benchmarks, then their latest figures against the previous run's (benchmarks/README.md)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EXTRAS_VENV ?= .venv-extras
EXTRAS_BIN := $(EXTRAS_VENV)/bin

.PHONY: demo test install install-dev install-stanza lint test-extras bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"

# The optional Stanza backend (README, "Stanza backend"). PyTorch goes first, pinned to a CPU
# build: left to resolve stanza's range, pip takes the newest torch with GBs of CUDA packages.
# Elsewhere: make install-stanza TORCH_OPTIONS="--index-url https://download.pytorch.org/whl/cpu"
TORCH ?= torch==2.13.0
TORCH_OPTIONS ?=
install-stanza: $(BIN)/python
	$(BIN)/python -m pip install --quiet $(TORCH_OPTIONS) "$(TORCH)"
	$(BIN)/python -m pip install --quiet -e ".[dev,stanza]"

demo: install
	$(BIN)/reportparse demo

test: install-dev
	$(BIN)/python -m pytest

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# The extras get an environment of their own, so that `make test` stays the core install a user gets.
$(EXTRAS_BIN)/python:
	$(PYTHON) -m venv $(EXTRAS_VENV)
	$(EXTRAS_BIN)/python -m pip install --quiet --upgrade pip

test-extras: $(EXTRAS_BIN)/python
	$(EXTRAS_BIN)/python -m pip install --quiet $(TORCH_OPTIONS) "$(TORCH)"
	$(EXTRAS_BIN)/python -m pip install --quiet -e ".[dev,stanza,dask,publish]"
	$(EXTRAS_BIN)/python -m pytest -m extras

bench: install-dev
	$(BIN)/python -m pip install --quiet -e ".[dev,bench,dask]"
	$(BIN)/python benchmarks/bench_pipeline.py
	$(BIN)/python benchmarks/bench_dates.py
	$(BIN)/python benchmarks/bench_organizations.py
	$(BIN)/python benchmarks/bench_counts.py
	$(BIN)/python benchmarks/bench_pdf.py --plumber-pages 5
	$(BIN)/python benchmarks/bench_startup.py
	$(BIN)/python benchmarks/bench_batch.py
	$(BIN)/python benchmarks/bench_html.py
	$(BIN)/python benchmarks/bench_linear.py
	$(BIN)/python benchmarks/compare_history.py

clean:
	rm -rf $(VENV) $(EXTRAS_VENV) build src/*.egg-info .pytest_cache .hypothesis
