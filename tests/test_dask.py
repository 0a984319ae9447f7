"""socorg_nlp.dask on a two-process local cluster gives the single-process output."""
import json

import pytest

db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

import socorg_nlp  # noqa: E402
from socorg_nlp.dask import extract_bag  # noqa: E402

# Constructed sentences in the style of the reports (not taken from the seed articles).
RECORDS = [
    {"id": "a", "reference_date": "2021-03-10",
     "text": "截至3月5日，市慈善总会累计接收捐款4500多万元、口罩12万只。"},
    {"id": "b", "reference_date": "2020-02-01",
     "text": "1月28日，省红十字会向武汉市捐赠防护服3000套，价值约120万元人民币。"},
    {"id": "c", "reference_date": None,
     "text": "发布时间：2022-07-21 09:30\n县青年志愿者协会组织200余名志愿者参与救灾。"},
    {"id": "d", "reference_date": "2019-12-31", "text": ""},
    {"id": "e", "reference_date": "2020-05-01",
     "text": "某基金会今年筹款同比增长12.5%，达到两千三百万元。"},
]


def single_process(records: bool) -> list:
    nlp = socorg_nlp.load(records=records)
    pairs = [(r["text"], {"id": r["id"], "reference_date": r["reference_date"]}) for r in RECORDS]
    return [socorg_nlp.doc_to_dict(doc, ctx["id"], records=records)
            for doc, ctx in nlp.pipe(pairs, as_tuples=True)]


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        with distributed.Client(cluster) as c:
            yield c


def test_records_on_a_cluster_equal_one_process(client):
    bag = db.from_sequence(RECORDS, npartitions=2)
    got = extract_bag(bag, records=True).compute()
    assert got == single_process(records=True)
    assert got[0]["reference_date"] == "2021-03-10"
    assert any(s["label"] == "MONEY" and s["value"]["amount"] == "45000000" for s in got[0]["spans"])
    # The dicts are the CLI's JSON lines: plain JSON, no Python objects left.
    assert json.loads(json.dumps(got, ensure_ascii=False)) == got


def test_plain_strings_on_a_cluster(client):
    texts = [r["text"] for r in RECORDS]
    got = extract_bag(db.from_sequence(texts, npartitions=3)).compute()
    nlp = socorg_nlp.load(records=False)
    assert got == [socorg_nlp.doc_to_dict(doc) for doc in nlp.pipe(texts)]
    assert all(d["id"] is None and "records" not in d for d in got)


def test_bad_items_name_the_input():
    with pytest.raises(TypeError, match="12345"):
        extract_bag(db.from_sequence([12345])).compute(scheduler="sync")
    with pytest.raises(ValueError, match="2021/03/05"):
        bag = db.from_sequence([{"id": "x", "text": "今天", "reference_date": "2021/03/05"}])
        extract_bag(bag).compute(scheduler="sync")
