# Two commands on a fresh machine: `make demo` and `make test`. Everything they need is installed here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_PUBLISHED := 2025-03-12

.PHONY: install demo test lint bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

demo: install  ## extract the bundled sample corpus and print a readable summary
	@mkdir -p out
	$(BIN)/dateline extract samples --published $(DEMO_PUBLISHED) -o out/samples.jsonl
	$(BIN)/dateline summary out/samples.jsonl
	@echo "Records: out/samples.jsonl  |  look at one article: $(BIN)/dateline show samples/wire/geneva-talks.txt --published $(DEMO_PUBLISHED)"

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

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
