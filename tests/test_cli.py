import csv
import io
import json
import os
import subprocess
import sys


from socorg_nlp.cli import main

from conftest import EXAMPLES

ARTICLE = "截至3月5日，市慈善总会累计接收捐款1250万元。"


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_jsonl_input_writes_spec_lines(capsys):
    code, out, _ = run(["extract", "--input", str(EXAMPLES / "articles.jsonl")], capsys)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(lines) == 3
    assert {"id", "reference_date", "published", "text_sha256", "spans"} <= set(lines[0])
    assert lines[0]["id"] == "example-relief-fund"
    span = next(s for s in lines[0]["spans"] if s["label"] == "MONEY")
    assert set(span) == {"start", "end", "text", "label", "value"}


def test_plain_files_take_their_stem_as_id_and_the_reference_date(tmp_path, capsys):
    path = tmp_path / "report-7.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(["extract", str(path), "--reference-date", "2020-03-10"], capsys)
    doc = json.loads(out)
    assert (code, doc["id"], doc["reference_date"]) == (0, "report-7", "2020-03-10")
    date = next(s for s in doc["spans"] if s["label"] == "DATE")
    assert date["value"]["start"] == "2020-03-05"


def test_csv_has_one_row_per_span_with_value_columns(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(["extract", str(path), "--format", "csv"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    money = next(r for r in rows if r["label"] == "MONEY")
    assert (money["text"], money["amount"], money["currency"]) == ("1250万元", "12500000", "CNY")


def test_table_format_is_readable(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(["extract", str(path), "--format", "table"], capsys)
    assert code == 0 and "MONEY" in out and "1250万元" in out


def test_missing_file_is_one_line_exit_2(capsys):
    code, out, err = run(["extract", "no/such/file.txt"], capsys)
    assert code == 2 and out == ""
    assert err.strip().splitlines() == ["socorg-nlp: error: no/such/file.txt: no such file"]


def test_invalid_json_names_the_line_and_leaves_no_output_file(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 1, "text": ARTICLE}) + "\n{oops\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    code, out, err = run(["extract", "--input", str(src), "-o", str(target)], capsys)
    assert code == 2 and f"{src}:2: invalid JSON" in err
    assert list(tmp_path.iterdir()) == [src]


def test_bad_reference_date_is_reported(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 1, "text": ARTICLE, "reference_date": "2020-13-45"}) + "\n",
                   encoding="utf-8")
    code, _, err = run(["extract", "--input", str(src)], capsys)
    assert code == 2 and f"{src}:1: bad date '2020-13-45'" in err


def test_output_file_is_written_whole_with_a_normal_mode(tmp_path, capsys):
    target = tmp_path / "out.jsonl"
    code, _, _ = run(["extract", "--input", str(EXAMPLES / "articles.jsonl"), "-o", str(target)], capsys)
    assert code == 0 and len(target.read_text(encoding="utf-8").splitlines()) == 3
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_two_processes_give_the_same_output(tmp_path, capsys):
    args = ["extract", "--input", str(EXAMPLES / "articles.jsonl"), "--records"]
    _, one, _ = run(args, capsys)
    _, two, _ = run(args + ["--n-process", "2"], capsys)
    assert one == two


def test_module_entry_point():
    out = subprocess.run([sys.executable, "-m", "socorg_nlp", "extract", "-"], input=ARTICLE,
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(out)["id"] == "stdin"


def test_evaluate_prints_the_score_table(tmp_path, capsys):
    gold = {"id": "a", "spans": [{"start": 0, "end": 2, "label": "MONEY",
                                  "value": {"amount": "5", "currency": "CNY", "approx": None}}]}
    pred = {"id": "a", "spans": [{"start": 0, "end": 2, "label": "MONEY",
                                  "value": {"amount": "5.0", "currency": "CNY", "approx": None}}]}
    (tmp_path / "g.jsonl").write_text(json.dumps(gold) + "\n")
    (tmp_path / "p.jsonl").write_text(json.dumps(pred) + "\n")
    code, out, _ = run(["evaluate", str(tmp_path / "g.jsonl"), str(tmp_path / "p.jsonl")], capsys)
    assert code == 0
    assert out.splitlines()[1].split() == ["MONEY", "1.000", "1.000", "1.000", "1.000", "1.000", "1.000", "1"]
