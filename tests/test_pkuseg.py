"""The pkuseg path for real: a tiny model trained here, loaded, and exact spans over its words."""
import datetime as dt

import pytest
import spacy_pkuseg

import socorg_nlp

TRAINING = ["市 慈善 总会 累计 接收 捐款 1250万元 。", "基金会 向 灾区 捐赠 口罩 3万只 。",
            "截至 3月5日 ， 协会 共 募集 资金 80万元 。", "省 红十字会 发放 防护服 2000套 。"]
TEXT = "截至3月5日，市慈善总会累计接收捐款1250万元。"


@pytest.fixture(scope="module")
def pkuseg_model(tmp_path_factory):
    work = tmp_path_factory.mktemp("pkuseg")
    corpus = work / "train.txt"
    corpus.write_text("\n".join(TRAINING * 4) + "\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(work)  # the trainer writes scratch files into the working directory
        spacy_pkuseg.train(str(corpus), str(corpus), str(work / "model"), train_iter=3)
    return work / "model"


def test_pkuseg_segmenter_needs_a_model():
    with pytest.raises(ValueError, match="pkuseg_model"):
        socorg_nlp.load(segmenter="pkuseg")


def test_spans_are_exact_over_pkuseg_words(pkuseg_model):
    nlp = socorg_nlp.load(segmenter="pkuseg", pkuseg_model=pkuseg_model)
    words = [t.text for t in nlp.make_doc(TEXT)]
    assert len(words) < len(TEXT)  # a word segmenter, not characters
    doc = nlp.make_doc(TEXT)
    doc._.reference_date = dt.date(2020, 3, 10)
    doc = nlp(doc)
    found = {(s.text, s.label_) for s in doc.spans["socorg"]}
    assert {("3月5日", "DATE"), ("市慈善总会", "ORG"), ("1250万元", "MONEY")} <= found
    for span in doc.spans["socorg"]:
        assert TEXT[span.start_char:span.end_char] == span.text
    assert socorg_nlp.doc_to_dict(socorg_nlp.extract(TEXT, "2020-03-10"))["spans"] == \
        socorg_nlp.doc_to_dict(doc)["spans"]
