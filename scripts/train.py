"""Train quoth's attribution tagger (a linear-chain CRF) on PolNeAR train.

    python scripts/train.py [--data ../shared/data/raw/polnear/data] [--out src/quoth/resources/attribution.crfsuite]

Parses the 840 training articles with the same spaCy pipeline quoth runs (cached in build/cache), turns the brat
annotations into BIO labels per token (Source, Cue, Content), and trains python-crfsuite one paragraph at a time.
Also writes the learned cue word forms (``cue_forms.tsv``, see ``quoth.cue_forms``) beside the model.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pycrfsuite
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from quoth.cue_forms import RESOURCE as CUE_FORMS, count_forms, to_tsv  # noqa: E402
from quoth.evaluate.brat import read_split  # noqa: E402
from quoth.features import DocFeatures, paragraph_features, split_paragraphs  # noqa: E402
from quoth.nlp import load_pipeline  # noqa: E402
from quoth.options import DEFAULT_MODEL  # noqa: E402

ROLES = ("Cue", "Source", "Content")  # priority when spans overlap
TAG = {"Cue": "CUE", "Source": "SRC", "Content": "CON"}
# L1/L2 regularisation and iterations, tuned on PolNeAR dev (c1 0.05 → 5.0 took lenient F1 0.73 → 0.80 and exact
# 0.42 → 0.54 with the rules of linking/clauses: strong L1 keeps the model small and general); re-run `quoth eval polnear` after changing them.
CRF_PARAMS = {"c1": 5.0, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


# Names the pipeline the cache was parsed with; bump it when the pipeline changes (v2: NER around proper nouns).
PARSE_VERSION = "v2"


def parse_cached(name: str, texts: list[str], cache: Path) -> list[Doc]:
    """Parse texts with quoth's spaCy pipeline (without the quoth component), cached as a DocBin."""
    nlp = load_pipeline(DEFAULT_MODEL, with_quoth=False, fast=True)
    path = cache / f"{name}-{PARSE_VERSION}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    t0 = time.time()
    docs = list(nlp.pipe(texts, batch_size=16, n_process=2))
    print(f"parsed {len(texts)} {name} texts in {time.time() - t0:.0f}s", file=sys.stderr)
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    return docs


def token_labels(doc: Doc, events: list) -> list[str]:
    """BIO labels per token from gold events (a token takes the highest-priority role it overlaps)."""
    owner: list[tuple[str, int] | None] = [None] * len(doc)
    for role in reversed(ROLES):
        for n, ev in enumerate(events):
            for s, e in getattr(ev, role.lower()) or ():
                for t in doc:
                    if t.idx < e and t.idx + len(t.text) > s and not t.is_space:
                        owner[t.i] = (role, n)
    labels, prev = [], None
    for i in range(len(doc)):
        own = owner[i]
        if own is None:
            labels.append("O")
        else:
            labels.append(("I-" if prev == own else "B-") + TAG[own[0]])
        prev = own
    return labels


def sequences(docs: list[Doc], golds: list[list]) -> list[tuple[list[list[str]], list[str]]]:
    """(features, labels) per paragraph."""
    out = []
    for doc, events in zip(docs, golds):
        feats = DocFeatures(doc)
        labels = token_labels(doc, events)
        for para in split_paragraphs(doc):
            out.append((paragraph_features(feats, para), labels[para.start:para.end]))
    return out


def write_cue_forms(docs: list[Doc], articles: list, folder: Path) -> None:
    """Count the cue word forms of the gold articles and write ``cue_forms.tsv`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    forms = folder / CUE_FORMS
    cue_spans = [[span for ev in a.attributions for span in ev.cue or ()] for a in articles]
    forms.write_text(to_tsv(count_forms(docs, cue_spans)), encoding="utf-8")
    print(f"learned cue forms -> {forms}", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/raw/polnear/data")
    ap.add_argument("--out", type=Path, default=ROOT / "src/quoth/resources/attribution.crfsuite")
    ap.add_argument("--cache", type=Path, default=ROOT / "build/cache")
    ap.add_argument("--dump-features", type=Path, help="write the training sequences (pickle) and stop")
    ap.add_argument("--cue-forms-only", action="store_true", help="write the learned cue forms and stop")
    ap.add_argument("--limit", type=int, default=0, help="train on the first N articles only (quick checks)")
    args = ap.parse_args()
    if not (args.data / "train").is_dir():
        sys.exit(f"PolNeAR not found at {args.data}; pass --data DIR (the folder holding train/ and dev/)")
    articles = read_split(args.data / "train", limit=args.limit or None, verify=False)
    docs = parse_cached(f"train{args.limit or ''}", [a.text for a in articles], args.cache)
    if args.cue_forms_only:
        write_cue_forms(docs, articles, args.out.parent)
        return
    seqs = sequences(docs, [a.attributions for a in articles])
    if args.dump_features:
        import pickle

        with open(args.dump_features, "wb") as fh:
            pickle.dump(seqs, fh)
        return
    write_cue_forms(docs, articles, args.out.parent)
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in seqs:
        trainer.append(x, y)
    trainer.set_params(CRF_PARAMS)
    t0 = time.time()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(args.out))
    print(f"trained on {len(seqs)} paragraphs in {time.time() - t0:.0f}s -> {args.out} "
          f"({args.out.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()
