# Two commands a newcomer needs: `make ingest` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: ingest test bench lint score score-real report clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TSTAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

## ingest: create .venv, install, and ingest data/raw/ into data/processed/
ingest: $(STAMP)
	$(BIN)/workplan-ingest run data/raw --out data/processed
	@echo "Review report: data/processed/report.html (DuckDB for dashboards: data/processed/workplan.duckdb)"

## report: rebuild the review report (and workplan.duckdb) of data/processed/ from its tables
report: $(STAMP)
	$(BIN)/workplan-ingest report data/processed

## test: install test dependencies and run the suite
test: $(TSTAMP)
	$(BIN)/python -m pytest

## bench: throughput of the parsers against baselines, as ratios
bench: $(TSTAMP)
	$(BIN)/python bench/bench.py

## lint: ruff over the code and tests
lint: $(TSTAMP)
	$(BIN)/ruff check ingest parsers normalize tests bench

## score: ingest the shared documents (all formats) and score them against gold
score: $(STAMP)
	rm -rf /tmp/wpi-score && mkdir -p /tmp/wpi-score/in
	cp ../shared/seeds/*.txt ../shared/fixtures/*.docx ../shared/fixtures/*.pdf /tmp/wpi-score/in/
	$(BIN)/workplan-ingest run /tmp/wpi-score/in --out /tmp/wpi-score/out
	$(BIN)/python ../shared/eval/score.py --pred /tmp/wpi-score/out --gold ../shared/gold

## score-real: ingest the real plans of ../shared/real and score them against their light gold
score-real: $(STAMP)
	rm -rf /tmp/wpi-real
	$(BIN)/workplan-ingest run ../shared/real/docs --out /tmp/wpi-real
	$(BIN)/python ../shared/eval/score_real.py /tmp/wpi-real ../shared/real/gold

clean:
	rm -rf $(VENV) data/processed build *.egg-info
