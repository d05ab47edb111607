# NeuralNotebook — `make` builds everything and regenerates every chapter's output and
# figures; `make test` runs the tests. `make help` lists the targets.

SWIFT ?= swift
PYTHON ?= python3
ROUNDS ?= 3
CHAPTERS := $(sort $(patsubst chapters/%/,%,$(wildcard chapters/[0-9][0-9]-*/)))

.PHONY: all deps build chapters test test-tooling bench student grade format clean help

all: chapters ## Install what is missing, build, run every chapter (text outputs and figures)

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /  make \1\t/' | expand -t 20

deps: ## Install the system packages (OpenBLAS, gnuplot-iostream, gnuplot) if missing
	@./scripts/install-deps.sh

build: deps ## Build the library and the chapters (release)
	@$(SWIFT) build -c release -q

chapters: build ## Run every chapter: redraw its figures, refresh the output blocks of its text
	@for chapter in $(CHAPTERS); do \
	  .build/release/$$chapter --update-text || exit 1; \
	done

test: build ## Run the whole test suite (the chapter programs run from the release build), then the course tooling's
	@NEURALNOTEBOOK_BIN="$$($(SWIFT) build -c release --show-bin-path)" $(SWIFT) test
	@$(MAKE) --no-print-directory test-tooling

test-tooling: ## Test the exercise tooling: markers, the student release, grading (builds a copy of the package)
	@python3 scripts/test_exercises.py

bench: build ## Measure the core (swift run -c release bench), then compare with PyTorch and NumPy where installed
	@$(PYTHON) bench/compare.py --bench "$$($(SWIFT) build -c release --show-bin-path)/bench" --rounds $(ROUNDS)

student: ## Write the student release to dist/student (solutions stubbed, hidden tests removed)
	@python3 scripts/exercises.py student dist/student

grade: ## Grade SUBMISSION (default: this folder) with every test; table + dist/grade/results.json
	@python3 scripts/exercises.py grade $(or $(SUBMISSION),.) --results $(or $(RESULTS),dist/grade/results.json)

format: ## Format the Swift sources with swift-format (settings in .swift-format)
	@$(SWIFT) format format --in-place --recursive Package.swift Sources Tests bench chapters

clean: ## Remove build products (and the student release and grading folders)
	@rm -rf .build .build-* dist
