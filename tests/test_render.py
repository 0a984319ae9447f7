import html
import json
import re

import pytest
from spacy.tokens import Span

import socorg_nlp
from socorg_nlp.cli import main
from socorg_nlp.render import LABEL_COLORS, render, value_title

from conftest import EXAMPLES

TEXT = "截至4月2日，县慈善会共向灾区捐赠矿泉水1200箱，价值约3.6万元。"


@pytest.fixture(scope="module")
def doc(nlp):
    made = nlp.make_doc(TEXT)
    made._.reference_date = "2021-04-10"
    return nlp(made)


def titles(markup: str) -> dict:
    """{span text: unescaped hover title} of every marked span."""
    found = re.findall(r'<mark class="entity" title="([^"]*)"[^>]*>(.*?)<span', markup, re.S)
    return {html.unescape(text.strip()): html.unescape(title) for title, text in found}


def test_hover_title_holds_the_typed_value(doc):
    shown = titles(render(doc, jupyter=False))
    assert shown["约3.6万元"] == "MONEY\namount: 36000\ncurrency: CNY\napprox: about"
    assert shown["1200箱"] == "QUANTITY\namount: 1200\nunit: 箱\nitem: 矿泉水"
    assert shown["4月2日"] == "DATE\nstart: 2021-04-02\nend: 2021-04-02\nrelation: as_of"
    assert shown["县慈善会"] == "ORG\nname: 县慈善会\nkind: association"


def test_each_label_has_its_own_colour(doc):
    markup = render(doc, jupyter=False)
    assert len(set(LABEL_COLORS.values())) == len(LABEL_COLORS)
    for span in doc.spans["socorg"]:
        assert f"background: {LABEL_COLORS[span.label_]}" in markup
    assert "#000001" in render(doc, jupyter=False, colors={"MONEY": "#000001"})


def test_records_table_under_the_text(doc):
    markup = render(doc, jupyter=False)
    assert markup.index("</div>") < markup.index('<table class="socorg-records"')
    rows = re.findall(r"<tr>(.*?)</tr>", markup.split('<table class="socorg-records"')[1])
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in rows[1:]]
    assert [c[:5] for c in cells] == [["donate", "捐赠", "县慈善会", "灾区", "约3.6万元"],
                                      ["donate", "捐赠", "县慈善会", "灾区", "1200箱"]]
    assert cells[0][5:8] == ["value_of_goods", "36000", "CNY"] and cells[0][-1] == "2021-04-02"
    assert "<table" not in render(doc, jupyter=False, records=False)


def test_page_is_a_standalone_html_document(doc):
    page = render([(doc, {"id": "county-report"})], jupyter=False, page=True)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert '<meta charset="utf-8">' in page and "county-report" in page


def test_text_and_values_are_escaped(nlp):
    doc = nlp("市红十字会<b>收到</b>捐款120万元 & 帐篷50顶。")
    markup = render(doc, jupyter=False)
    assert "<b>" not in markup and "&lt;b&gt;收到&lt;/b&gt;" in markup and "&amp;" in markup


def test_overlapping_spans_of_another_key_render_without_garbling(nlp):
    doc = nlp.make_doc("县慈善会捐赠120万元")
    doc.spans["mine"] = [Span(doc, 0, 4, "ORG"), Span(doc, 2, 6, "ORG"), Span(doc, 6, 11, "MONEY")]
    markup = render(doc, jupyter=False, spans_key="mine")
    assert markup.count("<mark") == 2 and re.sub(r"<[^>]+>|ORG|MONEY|\s", "", markup) == doc.text


def test_doc_without_spans_renders_its_text(nlp):
    assert "没有数字" in render(nlp("没有数字"), jupyter=False)


def test_jupyter_displays_and_returns_none(doc, monkeypatch):
    pytest.importorskip("IPython")
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    assert render(doc, jupyter=True) is None
    assert "约3.6万元" in shown[0].data


def test_value_title_of_a_span_without_value():
    assert value_title("ORG", None) == "ORG"


def test_rejects_what_is_not_a_doc():
    with pytest.raises(TypeError, match="spaCy Doc"):
        render(["市慈善总会"], jupyter=False)


def test_cli_html_is_one_page_with_every_span(tmp_path):
    source = str(EXAMPLES / "articles.jsonl")
    page_path, jsonl_path = tmp_path / "report.html", tmp_path / "report.jsonl"
    assert main(["extract", "--records", "--input", source, "--format", "html",
                 "-o", str(page_path)]) == 0
    assert main(["extract", "--input", source, "-o", str(jsonl_path)]) == 0
    page = page_path.read_text(encoding="utf-8")
    assert page.count("<!DOCTYPE html>") == 1 and page.count("<figure") == 3
    assert page.count('<table class="socorg-records"') == 3
    marked = [html.unescape(t) for t in
              re.findall(r'<mark class="entity"[^>]*>\s*(.*?)<span', page, re.S)]
    spans = [s["text"] for line in jsonl_path.read_text(encoding="utf-8").splitlines()
             for s in json.loads(line)["spans"]]
    assert len(spans) > 30 and marked == spans


def test_exported_from_the_package():
    assert socorg_nlp.render is render and "render" in socorg_nlp.__all__
