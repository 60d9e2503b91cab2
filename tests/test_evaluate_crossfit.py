"""Cross-fitted evaluation (``quoth eval polnear --crossfit``) on a tiny brat corpus written here, the per-context
model swap it relies on (``quoth.tagger.using_models``) and the training pieces it shares with scripts/train.py."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quoth.cli import app
from quoth.cue_forms import learned_cue_forms
from quoth.errors import ModelNotFound
from quoth.evaluate import crossfit
from quoth.tagger import load_tagger, using_models
from quoth.training import token_labels, train_crf

POLNEAR_TRAIN = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "raw" / "polnear" / "data" / "train"
# A CRF small enough to train in well under a second on the tiny corpus.
TINY_PARAMS = {"c1": 0.1, "c2": 0.01, "max_iterations": 15, "feature.possible_transitions": True}
SPEAKERS = ["The mayor", "Ms. Okafor", "The council", "A spokesman", "Mr. Lindqvist", "The union"]
CLAIMS = ["the bridge would reopen in May", "the budget was balanced", "taxes would not rise",
          "the school would stay open", "the river was safe again", "the vote had been fair"]


def write_article(root: Path, name: str, verb: str, seed: int) -> None:
    """One article of three attributions ``<speaker> <verb> that <claim>.`` and a filler sentence, as brat files."""
    text, lines, t = "", [], 0
    for k in range(3):
        speaker, claim = SPEAKERS[(seed + k) % 6], CLAIMS[(seed * 2 + k) % 6]
        start = len(text)
        spans = {"Source": (start, start + len(speaker))}
        spans["Cue"] = (spans["Source"][1] + 1, spans["Source"][1] + 1 + len(verb))
        content_start = spans["Cue"][1] + len(" that ")
        spans["Content"] = (content_start, content_start + len(claim))
        text += f"{speaker} {verb} that {claim}. The weather was mild on Tuesday.\n\n"
        ids = []
        for role in ("Source", "Cue", "Content"):
            t += 1
            s, e = spans[role]
            lines.append(f"T{t}\t{role} {s} {e}\t{text[s:e]}")
            ids.append(f"{role}:T{t}")
        lines.append(f"E{k + 1}\tAttribution:T{t - 1} " + " ".join(ids))
    (root / "text").mkdir(parents=True, exist_ok=True)
    (root / "attributions").mkdir(parents=True, exist_ok=True)
    (root / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
    (root / "attributions" / f"{name}_ann1.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Six articles; the even-indexed ones cue with "proclaimed", the odd-indexed ones with "asserted"."""
    root = tmp_path / "train"
    for n in range(6):
        write_article(root, f"art-{n}", "proclaimed" if n % 2 == 0 else "asserted", n)
    return root


class Recorder:
    """A crossfit Reporter that keeps the stages and counts the steps."""

    def __init__(self) -> None:
        self.stages: list[str] = []
        self.steps = 0

    def stage(self, name: str, total: int) -> None:
        self.stages.append(name)

    def advance(self, steps: int = 1) -> None:
        self.steps += steps


def test_crossfit_split_halves_even_and_odd_in_sorted_order():
    class Item:
        def __init__(self, id: str) -> None:
            self.id = id

    even, odd = crossfit.split_halves([Item(i) for i in ["d", "a", "c", "e", "b"]])
    assert [x.id for x in even] == ["a", "c", "e"]
    assert [x.id for x in odd] == ["b", "d"]


def tiny_crf(path: Path, label: str) -> Path:
    """A CRF that has only ever seen ``label``."""
    return train_crf([([["w=a"], ["w=b"]], [label, label])] * 3, path, TINY_PARAMS)


def test_tagger_using_models_swaps_for_the_block_and_this_thread_only(tmp_path):
    shipped_tagger, shipped_forms = load_tagger(), learned_cue_forms()
    crf = tiny_crf(tmp_path / "m.crfsuite", "B-CUE")
    table = tmp_path / "cue_forms.tsv"
    table.write_text("zorbled\t5\t6\n", encoding="utf-8")
    seen_in_thread = []
    with using_models(crf, table):
        assert load_tagger() is not shipped_tagger
        assert load_tagger().tag([["w=a"]]) == ["B-CUE"]
        assert learned_cue_forms() == frozenset({"zorbled"})
        worker = threading.Thread(target=lambda: seen_in_thread.append((load_tagger(), learned_cue_forms())))
        worker.start()
        worker.join()
    assert seen_in_thread == [(shipped_tagger, shipped_forms)]
    assert load_tagger() is shipped_tagger and learned_cue_forms() == shipped_forms


def test_tagger_using_models_missing_file_raises(tmp_path):
    with pytest.raises(ModelNotFound, match="does not exist"), using_models(tmp_path / "nowhere.crfsuite"):
        pass


def test_training_token_labels_bio_with_cue_over_content():
    import spacy

    from quoth.evaluate.brat import GoldAttribution

    doc = spacy.blank("en")("Ann said the plan works")
    event = GoldAttribution(id="E1", content=((4, 23),), cue=((4, 8),), source=((0, 3),))
    assert token_labels(doc, [event]) == ["B-SRC", "B-CUE", "B-CON", "I-CON", "I-CON"]


@pytest.mark.model
def test_training_parse_cache_is_named_by_the_parser_and_reused(tmp_path):
    from quoth.training import PARSE_VERSION, load_parser, parse_cached, parser_fingerprint

    texts = ["The mayor said the bridge would reopen.", "Taxes will not rise, the council said on Tuesday."]
    parsed: list[int] = []
    first = parse_cached("tiny", texts, tmp_path, n_process=1, on_doc=lambda: parsed.append(1))
    again = parse_cached("tiny", texts, tmp_path, n_process=1, on_doc=lambda: parsed.append(1))
    assert [f.name for f in tmp_path.iterdir()] == [f"tiny-{PARSE_VERSION}-{parser_fingerprint(load_parser())}.spacy"]
    assert len(parsed) == 2  # the second call read the cache
    assert [[t.dep_ for t in d] for d in again] == [[t.dep_ for t in d] for d in first]


@pytest.mark.model
def test_crossfit_trains_each_half_and_tags_the_other(corpus, tmp_path, monkeypatch):
    used = []
    real = crossfit.using_models

    def recording(crf_path, cue_forms_path=None):
        used.append(crf_path)
        return real(crf_path, cue_forms_path)

    monkeypatch.setattr(crossfit, "using_models", recording)
    recorder = Recorder()
    result = crossfit.evaluate_crossfit(corpus, cache=tmp_path / "cache", params=TINY_PARAMS, reporter=recorder)
    halves = result["crossfit"]["halves"]
    assert result["articles"] == 6 and result["gold"] == 18
    assert {name: h["articles"] for name, h in halves.items()} == {"even": 3, "odd": 3}
    assert result["crossfit"]["trained_now"] == ["even", "odd"]
    # Each half's table counts only its own articles' cues, and each half is tagged with the other's CRF.
    assert "proclaimed" in Path(halves["even"]["cue_forms"]).read_text()
    assert "asserted" not in Path(halves["even"]["cue_forms"]).read_text()
    assert "asserted" in Path(halves["odd"]["cue_forms"]).read_text()
    assert used == [Path(halves["odd"]["crf"]), Path(halves["even"]["crf"])]
    assert recorder.stages[-2:] == ["tag the even half with the odd half's models",
                                    "tag the odd half with the even half's models"]
    assert recorder.steps >= 6 + 6  # parsed and tagged every article

    again = crossfit.evaluate_crossfit(corpus, cache=tmp_path / "cache", params=TINY_PARAMS)
    assert again["crossfit"]["trained_now"] == []
    assert {k: v for k, v in again.items() if k != "crossfit"} == {k: v for k, v in result.items() if k != "crossfit"}


@pytest.mark.model
def test_crossfit_cache_key_follows_the_crf_params(corpus, tmp_path):
    gold = crossfit.read_split(corpus)
    assert crossfit.cache_key(gold, TINY_PARAMS) == crossfit.cache_key(gold, dict(TINY_PARAMS))
    assert crossfit.cache_key(gold, TINY_PARAMS) != crossfit.cache_key(gold, {**TINY_PARAMS, "c1": 0.2})


@pytest.mark.model
def test_cli_evaluate_polnear_crossfit_table_and_held_out_line(corpus, tmp_path):
    result = CliRunner().invoke(app, ["eval", "polnear", str(corpus), "--crossfit", "--cache", str(tmp_path / "c")])
    assert result.exit_code == 0, result.output
    assert "content lenient" in result.output
    assert "Held out: each half tagged by the CRF and cue-form table trained on the other half" in result.output


def test_cli_evaluate_polnear_crossfit_cache_default_is_the_library_default():
    import inspect

    from quoth.cli.evaluate import polnear_command

    assert inspect.signature(polnear_command).parameters["cache"].default.default == crossfit.CACHE_DEFAULT


def test_cli_evaluate_polnear_crossfit_needs_two_articles(corpus, tmp_path):
    result = CliRunner().invoke(app, ["eval", "polnear", str(corpus), "--crossfit", "--limit", "1",
                                      "--cache", str(tmp_path / "c")])
    assert result.exit_code == 2
    assert "at least two" in result.output


@pytest.mark.gold
@pytest.mark.model
@pytest.mark.slow
def test_crossfit_polnear_train_first_articles_held_out_score_below_in_sample(tmp_path):
    """On 16 PolNeAR train articles, models trained on 8 articles each score below the shipped model, which was
    trained on all 840 including these (a check that the half models, not the shipped one, did the tagging)."""
    if not POLNEAR_TRAIN.is_dir():
        pytest.skip(f"PolNeAR train is absent ({POLNEAR_TRAIN}); it lives in ../shared/data beside the checkout")
    from quoth.evaluate.polnear import evaluate_polnear

    held_out = crossfit.evaluate_crossfit(POLNEAR_TRAIN, cache=tmp_path, limit=16)
    in_sample = evaluate_polnear(POLNEAR_TRAIN, limit=16)
    assert held_out["gold"] == in_sample["gold"]
    assert held_out["content"]["exact"]["f1"] < in_sample["content"]["exact"]["f1"]
    assert held_out["content"]["lenient"]["f1"] < in_sample["content"]["lenient"]["f1"]
