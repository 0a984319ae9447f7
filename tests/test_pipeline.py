"""The pipeline's plumbing: spans, typed values, reference dates, saving and loading."""
import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal

import spacy

import socorg_nlp
from socorg_nlp.spans import add_matches
from socorg_nlp.types import Match, Money, Quantity

SENTENCE = "截至3月5日，市慈善总会累计接收捐款1250万元。"


def spans_of(doc):
    return [(s.text, s.label_, s._.value) for s in doc.spans["socorg"]]


def test_money_span_carries_a_typed_value(nlp):
    doc = nlp(SENTENCE)
    money = [s for s in doc.spans["socorg"] if s.label_ == "MONEY"]
    assert [s.text for s in money] == ["1250万元"]
    assert money[0]._.value == Money(Decimal("12500000"), "CNY")
    assert money[0]._.value.to_dict()["amount"] == "12500000"
    assert "MONEY" in {e.label_ for e in doc.ents}


def test_write_ents_false_leaves_doc_ents_alone():
    nlp = socorg_nlp.load(write_ents=False)
    doc = nlp(SENTENCE)
    assert doc.ents == ()
    assert any(s.label_ == "MONEY" for s in doc.spans["socorg"])


def test_reference_date_set_before_the_pipeline_resolves_dates(nlp):
    doc = nlp.make_doc(SENTENCE)
    doc._.reference_date = dt.date(2020, 3, 10)
    doc = nlp(doc)
    date = next(s for s in doc.spans["socorg"] if s.label_ == "DATE")
    assert (date.text, date._.value.start, date._.value.relation) == ("3月5日", dt.date(2020, 3, 5), "as_of")


def test_pipe_as_tuples_carries_the_reference_date(nlp):
    items = [(SENTENCE, {"reference_date": "2021-03-10"}), (SENTENCE, {"reference_date": dt.date(2019, 3, 6)})]
    starts = [next(s._.value.start for s in doc.spans["socorg"] if s.label_ == "DATE")
              for doc, _ in nlp.pipe(items, as_tuples=True)]
    assert starts == [dt.date(2021, 3, 5), dt.date(2019, 3, 5)]


def test_extract_is_the_one_call_api():
    doc = socorg_nlp.extract(SENTENCE, reference_date="2020-03-10")
    assert doc._.reference_date == dt.date(2020, 3, 10)
    assert {s.label_ for s in doc.spans["socorg"]} >= {"DATE", "MONEY", "ORG"}


def test_values_are_kept_per_label_not_per_offsets():
    doc = spacy.blank("zh")("捐赠口罩300个")
    add_matches(doc, [Match(4, 8, "MONEY", Money(Decimal(300)))], "a", write_ents=False)
    add_matches(doc, [Match(4, 8, "QUANTITY", Quantity(Decimal(300), "个"))], "b", write_ents=False)
    assert doc.spans["a"][0]._.value == Money(Decimal(300))
    assert doc.spans["b"][0]._.value == Quantity(Decimal(300), "个")


def test_tokens_outside_entities_are_tagged_outside(nlp):
    doc = nlp(SENTENCE)
    tags = {(t.i, t.ent_iob_, t.ent_type_) for t in doc}
    inside = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    assert {iob for i, iob, _ in tags if i not in inside} == {"O"}
    assert [e.label_ for e in doc.ents] == ["DATE", "ORG", "MONEY"]


def test_entities_set_before_the_components_are_kept():
    nlp = socorg_nlp.load(records=False)
    doc = nlp.make_doc(SENTENCE)
    doc.ents = [doc.char_span(0, 2, label="EVENT")]  # a base model's NER ran first
    doc = nlp(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("截至", "EVENT"), ("3月5日", "DATE"), ("市慈善总会", "ORG"), ("1250万元", "MONEY")]
    assert doc[2].ent_iob_ == "B" and doc[-1].ent_iob_ == "O"


def test_a_group_changed_between_components_is_read_afresh(nlp):
    doc = nlp.make_doc(SENTENCE)
    nlp.get_pipe("socorg_orgs")(doc)
    doc.spans["socorg"] = [doc.char_span(18, 24, label="MONEY")]  # a user's own component
    for name in ("socorg_dates", "socorg_amounts"):
        nlp.get_pipe(name)(doc)
    assert [(s.text, s.label_) for s in doc.spans["socorg"]] == [
        ("3月5日", "DATE"), ("1250万元", "MONEY")]


def test_word_tokens_are_split_so_spans_are_exact():
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    doc = nlp.make_doc("捐款1250万元整")
    with doc.retokenize() as retokenizer:  # a word segmenter could glue the amount to 整
        retokenizer.merge(doc[2:9])
    add_matches(doc, [Match(2, 8, "MONEY", Money(Decimal(12500000)))], "socorg", write_ents=True)
    assert [s.text for s in doc.spans["socorg"]] == ["1250万元"]
    assert [t.text for t in doc][-2:] == ["1250万元", "整"]


def test_docs_survive_serialisation_with_their_values(nlp):
    doc = nlp(SENTENCE)
    restored = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert spans_of(restored) == spans_of(doc)


def test_saved_pipeline_loads_without_importing_socorg_nlp(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "socorg_amounts" / "patterns.json").is_file()
    code = ("import json, sys, spacy; nlp = spacy.load(sys.argv[1]); "
            "doc = nlp(sys.argv[2]); print(json.dumps([(s.text, s.label_) for s in doc.spans['socorg']], ensure_ascii=False))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "pipeline"), SENTENCE],
                         capture_output=True, text=True, check=True).stdout
    assert ["1250万元", "MONEY"] in json.loads(out)


def test_components_work_in_a_users_blank_pipeline():
    nlp = spacy.blank("zh")
    nlp.add_pipe("socorg_amounts")
    doc = nlp("捐款1250万元")
    assert [(s.text, s.label_) for s in doc.spans["socorg"]] == [("1250万元", "MONEY")]


def test_base_pipeline_keeps_its_own_components():
    base = spacy.blank("zh")
    base.add_pipe("sentencizer")
    nlp = socorg_nlp.load(base=base, write_ents=False)
    assert nlp.pipe_names[0] == "sentencizer"
    assert "socorg_amounts" in nlp.pipe_names


def test_multiprocess_pipe_gives_the_same_output(nlp):
    texts = [(SENTENCE + str(i), {"reference_date": "2020-03-10"}) for i in range(6)]
    one = [socorg_nlp.doc_to_dict(d) for d, _ in nlp.pipe(texts, as_tuples=True)]
    two = [socorg_nlp.doc_to_dict(d) for d, _ in nlp.pipe(texts, as_tuples=True, n_process=2, batch_size=2)]
    assert one == two


def test_a_config_file_pipeline_builds_the_components(tmp_path):
    config = tmp_path / "config.cfg"
    config.write_text("""
[nlp]
lang = "zh"
pipeline = ["socorg_dates", "socorg_amounts"]

[nlp.tokenizer]
@tokenizers = "socorg_nlp.char_tokenizer.v1"

[components]

[components.socorg_dates]
factory = "socorg_dates"

[components.socorg_amounts]
factory = "socorg_amounts"
write_ents = false
""", encoding="utf-8")
    nlp = spacy.util.load_model_from_config(spacy.util.load_config(config), auto_fill=True)
    doc = nlp.make_doc(SENTENCE)
    doc._.reference_date = "2020-03-10"
    doc = nlp(doc)
    assert [(s.text, s.label_) for s in doc.spans["socorg"]] == [("3月5日", "DATE"), ("1250万元", "MONEY")]
    assert [e.label_ for e in doc.ents] == ["DATE"]


def test_doc_to_dict_reads_spans_a_user_added_after_the_pipeline(nlp):
    from socorg_nlp.io import doc_to_dict

    doc = nlp(SENTENCE)
    doc.spans["socorg"] = list(doc.spans["socorg"]) + [doc.char_span(14, 16, label="EVENT")]
    spans = doc_to_dict(doc)["spans"]
    assert [(s["text"], s["label"]) for s in spans] == [
        ("3月5日", "DATE"), ("市慈善总会", "ORG"), ("接收", "EVENT"), ("1250万元", "MONEY")]
    assert spans[2]["value"] is None and spans[3]["value"]["amount"] == "12500000"


def test_an_entity_set_between_the_components_is_weighed_against_new_ones(nlp):
    doc = nlp.make_doc(SENTENCE)
    nlp.get_pipe("socorg_orgs")(doc)
    doc.ents = list(doc.ents) + [doc.char_span(16, 24, label="EVENT")]  # 捐款1250万元
    for name in ("socorg_dates", "socorg_amounts"):
        nlp.get_pipe(name)(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("3月5日", "DATE"), ("市慈善总会", "ORG"), ("捐款1250万元", "EVENT")]
    assert [s.text for s in doc.spans["socorg"]] == ["3月5日", "市慈善总会", "1250万元"]


def test_pipe_in_batches_gives_what_one_doc_at_a_time_gives(nlp):
    from socorg_nlp.io import doc_to_dict

    texts = [SENTENCE, "", "红十字会捐赠口罩3万只。", SENTENCE.replace("3月5日", "4月1日")] * 3
    one_by_one = [doc_to_dict(nlp(text), records=True) for text in texts]
    assert [doc_to_dict(doc, records=True) for doc in nlp.pipe(texts, batch_size=2)] == one_by_one
    assert [doc_to_dict(doc, records=True) for doc in nlp.pipe(texts)] == one_by_one


def test_pipe_hands_a_failing_doc_to_the_error_handler(monkeypatch):
    nlp = socorg_nlp.load(records=False)
    recognizer = nlp.get_pipe("socorg_amounts").recognizer
    find = recognizer.find
    monkeypatch.setattr(recognizer, "find",
                        lambda text, context=None: 1 / 0 if "坏" in text else find(text, context))
    failed = []
    nlp.set_error_handler(lambda name, proc, docs, error: failed.append((name, docs[0].text)))
    docs = list(nlp.pipe(["捐款100万元", "坏100万元", "捐款200万元"]))
    assert failed == [("socorg_amounts", "坏100万元")]
    assert [[s.text for s in doc.spans["socorg"]] for doc in docs] == [["100万元"], ["200万元"]]
