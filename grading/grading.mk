# grading.mk — the teachers' targets, included by the Makefile when grading/ is present (it is
# not in the student release).

.PHONY: test-tooling student grade autograder

test-tooling: ## Test the exercise tooling: markers, the student release, grading and its attacks (builds copies of the package)
	@python3 grading/test_exercises.py

student: ## Write the student release to dist/student (solutions stubbed, hidden tests and grading tools removed)
	@python3 grading/exercises.py student dist/student

grade: ## Grade SUBMISSION (default: this folder) with every test; table + dist/grade/results.json (TIMEOUT=s per exercise)
	@python3 grading/exercises.py grade $(or $(SUBMISSION),.) --results $(or $(RESULTS),dist/grade/results.json) --timeout $(or $(TIMEOUT),60)

autograder: ## Write the Gradescope autograder to dist/autograder.zip (setup.sh, run_autograder, the package)
	@python3 grading/exercises.py autograder dist/autograder.zip
