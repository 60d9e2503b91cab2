# quoth's everyday commands. `make help` lists them.
PYTHON ?= python

.PHONY: help install demo test train constraints

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

install:  ## install quoth (editable) with the test tools, at the pinned versions
	$(PYTHON) -m pip install -e ".[test]" -c constraints.txt

demo:  ## extract who-said-what from the sample articles, as a table
	quoth extract --table examples/

test:  ## run the test suite
	$(PYTHON) -m pytest -q

train:  ## train the attribution tagger, then the sieve (needs the half models of `quoth eval polnear TRAIN --crossfit`)
	$(PYTHON) scripts/train.py
	$(PYTHON) scripts/train_filter.py

constraints:  ## re-pin constraints.txt to the versions installed now
	$(PYTHON) scripts/pin_constraints.py > constraints.txt
