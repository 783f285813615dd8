# Two commands on a fresh machine: `make demo` and `make test`. Everything they need is installed here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_PUBLISHED := 2025-03-12
DEMO_DB := data/dateline.db

.PHONY: install demo demo-data test lint bench bench-store clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

demo: demo-data  ## ingest the bundled sample corpus, then serve the desk on http://127.0.0.1:8000/
	$(BIN)/dateline serve --db $(DEMO_DB) --host 127.0.0.1 --port 8000

demo-data: install  ## extract the sample corpus into the store (idempotent: a re-run adds nothing twice)
	$(BIN)/dateline ingest samples --published $(DEMO_PUBLISHED) --db $(DEMO_DB)

test: install  ## run the whole test suite
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy src

bench: install  ## throughput, and attributions side by side with textacy on PolNeAR dev
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/attributions_vs_textacy.py

bench-store: install  ## store search latency with 1,000,000 synthetic quotes, SQLite and PostgreSQL (about 30 min)
	$(BIN)/python benchmarks/store_latency.py

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
