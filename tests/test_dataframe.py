import builtins
import datetime as dt
from decimal import Decimal

import pytest

import socorg_nlp
from socorg_nlp.dataframe import doc_pairs, to_dataframe
from socorg_nlp.io import RECORD_COLUMNS, SPAN_COLUMNS

pd = pytest.importorskip("pandas")

TEXTS = [("截至4月2日，县慈善会共向灾区捐赠矿泉水1200箱，价值约3.6万元。",
          {"id": "county", "reference_date": "2021-04-10"}),
         ("3月8日晚8时，市红十字会收到捐款450余万元，增长12.5%。",
          {"id": "city", "reference_date": "2020-03-10"})]


@pytest.fixture(scope="module")
def docs(nlp):
    return list(nlp.pipe(TEXTS, as_tuples=True))


def test_one_row_per_span_with_typed_values(docs):
    frame = to_dataframe(docs)
    assert list(frame.columns) == list(SPAN_COLUMNS)
    assert list(frame["id"].unique()) == ["county", "city"]
    money = frame[frame["label"] == "MONEY"].set_index("text")
    assert money.loc["约3.6万元", "amount"] == Decimal("36000")
    assert money.loc["450余万元", ["amount", "lower", "upper"]].tolist() == [
        Decimal("4500000"), Decimal("4500000"), Decimal("4600000")]
    assert money.loc["450余万元", "approx"] == "over"
    assert frame[frame["label"] == "PERCENT"]["amount"].tolist() == [Decimal("0.125")]
    date = frame[(frame["label"] == "DATE") & (frame["id"] == "city")].iloc[0]
    assert (date["date_start"], date["date_end"], date["time"]) == (
        dt.date(2020, 3, 8), dt.date(2020, 3, 8), dt.time(20, 0))
    org = frame[frame["label"] == "ORG"].set_index("id")
    assert org.loc["county", "kind"] == "association" and org.loc["city", "kind"] == "red_cross"


def test_amounts_are_decimal_objects_never_floats(docs):
    for records in (False, True):
        frame = to_dataframe(docs, records=records)
        for name in ("amount", "lower", "upper"):
            assert frame[name].dtype == object
            assert all(isinstance(v, Decimal) for v in frame[name] if v is not None)
    numbers = to_dataframe(docs)
    numbers = numbers[numbers["label"].isin(["MONEY", "QUANTITY", "PERCENT"])]
    assert len(numbers) == 4 and all(isinstance(v, Decimal) for v in numbers["amount"])
    assert all(isinstance(v, Decimal) for v in to_dataframe(docs, records=True)["amount"])


def test_one_row_per_record_amount(docs):
    frame = to_dataframe(docs, records=True)
    assert list(frame.columns) == list(RECORD_COLUMNS)
    county = frame[frame["id"] == "county"]
    assert county["amount_text"].tolist() == ["约3.6万元", "1200箱"]
    money, goods = county.iloc[0], county.iloc[1]
    assert (money["actor"], money["action"], money["recipient"], money["role"]) == (
        "县慈善会", "donate", "灾区", "value_of_goods")
    assert (money["amount"], money["currency"], money["approx"]) == (
        Decimal("36000"), "CNY", "about")
    assert (goods["amount"], goods["unit"], goods["item"]) == (Decimal("1200"), "箱", "矿泉水")
    assert (money["as_of_start"], money["as_of_end"]) == (dt.date(2021, 4, 2), dt.date(2021, 4, 2))


def test_plain_docs_take_their_position_as_id(nlp):
    docs = [nlp("县慈善会捐赠120万元"), nlp("市红十字会接收口罩5000只")]
    assert to_dataframe(docs)["id"].tolist() == [0, 0, 1, 1]
    single = to_dataframe(docs[0])
    assert single["text"].tolist() == ["县慈善会", "120万元"]


def test_pairs_accept_any_context(nlp):
    doc = nlp("县慈善会")
    assert [i for _, i in doc_pairs([(doc, {"id": "a"}), (doc, "b"), (doc, {}), doc])] == [
        "a", "b", 2, 3]
    with pytest.raises(TypeError, match="spaCy Doc"):
        list(doc_pairs(["县慈善会"]))


def test_no_docs_give_an_empty_frame_with_the_columns():
    frame = to_dataframe([], records=True)
    assert frame.empty and list(frame.columns) == list(RECORD_COLUMNS)
    assert frame["amount"].dtype == object


def test_missing_pandas_is_a_clear_error(docs, monkeypatch):
    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match=r"pip install 'socorg-nlp\[pandas\]'"):
        to_dataframe(docs)


def test_exported_from_the_package():
    assert socorg_nlp.to_dataframe is to_dataframe and "to_dataframe" in socorg_nlp.__all__
