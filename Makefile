# quoth's everyday commands. `make help` lists them.
PYTHON ?= python
# PolNeAR beside the checkout (its train split trains the models; never copied into the repository).
POLNEAR ?= ../shared/data/raw/polnear/data

.PHONY: help install demo test train constraints

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

install:  ## install quoth (editable) with the test tools, at the pinned versions
	$(PYTHON) -m pip install -e ".[test]" -c constraints.txt

demo:  ## extract who-said-what from the sample articles, as a table
	quoth extract --table examples/

test:  ## run the test suite
	$(PYTHON) -m pytest -q

train:  ## train the attribution tagger, its cross-fitted half models, the first-name genders, the speaker ranker, the sieve and the learned typing step
	$(PYTHON) scripts/train.py
	quoth eval polnear $(POLNEAR)/train --crossfit --cache build/crossfit
	$(PYTHON) scripts/train_first_names.py --data $(POLNEAR)
	$(PYTHON) scripts/train_speakers.py --data $(POLNEAR)
	$(PYTHON) scripts/train_filter.py
	rm -f build/kinds/examples.pickle
	$(PYTHON) scripts/train_kinds.py --data $(POLNEAR)/train

constraints:  ## re-pin constraints.txt to the versions installed now
	$(PYTHON) scripts/pin_constraints.py > constraints.txt
