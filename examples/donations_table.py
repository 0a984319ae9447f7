"""Who gave what, how much, as of when: the donation records of a set of articles as CSV.

    python examples/donations_table.py                      # examples/articles.jsonl to stdout
    python examples/donations_table.py my.jsonl -o out.csv

The input is JSON Lines with "id", "text" and optionally "reference_date" (the article's date,
YYYY-MM-DD, which dates without a year resolve against). One CSV row per amount of each record.
"""
import argparse
import csv
import json
import sys
from pathlib import Path

import socorg_nlp
from socorg_nlp.io import RECORD_COLUMNS

HERE = Path(__file__).resolve().parent


def read_articles(path):
    """(text, context) pairs for nlp.pipe(as_tuples=True)."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                article = json.loads(line)
                yield article["text"], {"id": article.get("id", number),
                                        "reference_date": article.get("reference_date")}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", default=HERE / "articles.jsonl")
    parser.add_argument("-o", "--output", help="CSV file to write (default: stdout)")
    args = parser.parse_args(argv)

    nlp = socorg_nlp.load()
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    try:
        writer = csv.DictWriter(out, RECORD_COLUMNS)
        writer.writeheader()
        for doc, context in nlp.pipe(read_articles(args.input), as_tuples=True):
            writer.writerows(socorg_nlp.record_rows(doc, context["id"]))
    finally:
        if out is not sys.stdout:
            out.close()


if __name__ == "__main__":
    main()
