# NeuralNotebook — `make` builds everything and regenerates every chapter's output and
# figures; `make test` runs the tests. `make help` lists the targets.

SWIFT ?= swift
PYTHON ?= python3
ROUNDS ?= 3
CHAPTERS := $(sort $(patsubst chapters/%/,%,$(wildcard chapters/[0-9][0-9]-*/)))

.PHONY: all deps build chapters test bench book book-check docs format clean help

all: chapters ## Install what is missing, build, run every chapter (text outputs and figures)

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /  make \1\t/' | expand -t 20

deps: ## Install the system packages (OpenBLAS, gnuplot-iostream, gnuplot) if missing
	@./scripts/install-deps.sh

build: deps ## Build the library and the chapters (release)
	@$(SWIFT) build -c release -q

chapters: build ## Run every chapter: redraw its figures, refresh the output blocks of its text
	@for chapter in $(CHAPTERS); do \
	  .build/release/$$chapter --update-text || exit 1; \
	done

test: build ## Run the whole test suite, the book's long checks included (chapter programs from the release build), then the course tooling's
	@NEURALNOTEBOOK_BOOK_TESTS=1 NEURALNOTEBOOK_BIN="$$($(SWIFT) build -c release --show-bin-path)" $(SWIFT) test
	@$(PYTHON) scripts/test_book_and_docs.py
	@$(PYTHON) scripts/test_audit.py && $(PYTHON) scripts/audit.py --check
	@if [ -f grading/grading.mk ]; then $(MAKE) --no-print-directory test-tooling; fi

bench: build ## Measure the core (swift run -c release bench), then compare time and memory with PyTorch and NumPy where installed
	@$(PYTHON) bench/compare.py --bench "$$($(SWIFT) build -c release --show-bin-path)/bench" --rounds $(ROUNDS)

book: deps ## Write the book as a static offline HTML site to dist/book (open dist/book/index.html)
	@$(PYTHON) scripts/book.py dist/book

book-check: book ## Screenshot two pages of the book with headless Chromium (installed if missing) into dist/book-check
	@./scripts/book-check.sh dist/book

docs: deps ## Build Autograd's DocC reference into dist/docs (static site; serve it: python3 -m http.server -d dist/docs)
	@mkdir -p dist  # the plugin moves its archive into dist/docs and does not create dist itself
	@$(SWIFT) package --allow-writing-to-directory dist/docs generate-documentation --target Autograd \
	  --output-path dist/docs --transform-for-static-hosting --warnings-as-errors
	@echo "documentation written to dist/docs: python3 -m http.server -d dist/docs, then open http://localhost:8000/documentation/autograd"

format: ## Format the Swift sources with swift-format (settings in .swift-format)
	@$(SWIFT) format format --in-place --recursive Package.swift Sources Tests bench chapters $(wildcard grading)

# The teachers' targets (student, grade, autograder, test-tooling); absent from the student release.
-include grading/grading.mk

clean: ## Remove build products (and the student release and grading folders)
	@rm -rf .build .build-* dist
