# Two commands on a fresh machine: `make demo` and `make test`. Everything they need is installed here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_PUBLISHED := 2025-03-12
DEMO_DB := data/dateline.db

.PHONY: install lock demo demo-data test lint bench bench-store clean

# Every dependency comes from requirements.lock, pinned with its hashes (pip refuses any other file),
# installed by the pip of requirements-pip.lock; dateline itself is installed on top, editable,
# without resolving anything more.
$(STAMP): pyproject.toml requirements.lock requirements-pip.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-pip.lock
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

install: $(STAMP)

lock:  ## re-pin requirements.lock (with hashes) after changing the dependencies in pyproject.toml
	@test -x $(VENV)-lock/bin/pip-compile || ($(PYTHON) -m venv $(VENV)-lock && $(VENV)-lock/bin/pip install --quiet pip-tools)
	$(VENV)-lock/bin/pip-compile --quiet --generate-hashes --extra dev --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links --no-header -o requirements.lock pyproject.toml

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
