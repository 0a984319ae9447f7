"""Command line: ``socorg-nlp extract`` and ``socorg-nlp evaluate`` (also ``python -m socorg_nlp``)."""
from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import io
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Iterator, Optional

FORMATS = ("jsonl", "csv", "table", "html")


class InputError(Exception):
    """Bad input, reported as one line naming the file and line."""


def _parse_date(value: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"{where}: bad date {value!r} (expected YYYY-MM-DD)") from None


def _jsonl_records(path: str) -> Iterator[tuple]:
    """(text, context) per line of a JSON Lines file ('-' = stdin), checked as it is read."""
    handle = sys.stdin if path == "-" else open(path, encoding="utf-8")
    with contextlib.ExitStack() as stack:
        if handle is not sys.stdin:
            stack.enter_context(handle)
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                item = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(f"{where}: invalid JSON ({err.msg})") from None
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise InputError(f'{where}: expected an object with a "text" string')
            reference = item.get("reference_date")
            context = {"id": item.get("id", number),
                       "reference_date": _parse_date(reference, where) if reference else None}
            yield item["text"], context


def _file_records(paths: list, reference: Optional[dt.date]) -> Iterator[tuple]:
    for path in paths:
        if path == "-":
            yield sys.stdin.read(), {"id": "stdin", "reference_date": reference}
            continue
        try:
            text = Path(path).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise InputError(f"{path}: not UTF-8 text") from None
        yield text, {"id": Path(path).stem, "reference_date": reference}


def _check_inputs(args) -> int:
    """Fail before any output on a missing file, bad JSON or bad date; returns the doc count."""
    for path in ([args.input] if args.input else args.files):
        if path != "-" and not Path(path).is_file():
            raise InputError(f"{path}: no such file")
    if args.input and args.input != "-":
        return sum(1 for _ in _jsonl_records(args.input))
    return len(args.files)


@contextlib.contextmanager
def _output(path: Optional[str]):
    """stdout, or a file that appears only once it is complete."""
    if path is None:
        yield sys.stdout
        return
    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".",
                               prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; give a normal file's mode
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _table_text(doc, doc_id, records: bool) -> str:
    from .io import record_rows

    lines = [f"== {doc_id}  reference {doc._.reference_date}  published {doc._.published}"]
    for span in doc.spans.get("socorg", ()):
        value = ", ".join(f"{k}={v}" for k, v in span._.value.to_dict().items() if v is not None)
        lines.append(f"{span.start_char:>7} {span.label_:9} {span.text:<24} {value}")
    if records:
        for row in record_rows(doc, doc_id):
            lines.append(f"  record {row['action']:8} {row['actor'] or '-'} → "
                         f"{row['recipient'] or '-'}: {row['amount_text']} as of {row['as_of'] or '-'}")
    return "\n".join(lines) + "\n"


def _csv_text(rows, columns, header: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns)
    if header:
        writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


class _Formatter:
    """Turns one processed doc into its piece of output, in the chosen format."""

    def __init__(self, output_format: str, records: bool):
        self.format = output_format
        self.records = records

    def header(self) -> str:
        from .io import RECORD_COLUMNS, SPAN_COLUMNS
        from .render import PAGE_HEAD

        if self.format == "csv":
            return _csv_text([], RECORD_COLUMNS if self.records else SPAN_COLUMNS, header=True)
        return PAGE_HEAD if self.format == "html" else ""

    def footer(self) -> str:
        from .render import PAGE_TAIL

        return PAGE_TAIL if self.format == "html" else ""

    def __call__(self, doc, doc_id) -> str:
        from .io import RECORD_COLUMNS, SPAN_COLUMNS, doc_to_dict, record_rows, span_rows

        if self.format == "jsonl":
            return json.dumps(doc_to_dict(doc, doc_id, records=self.records), ensure_ascii=False) + "\n"
        if self.format == "csv":
            if self.records:
                return _csv_text(record_rows(doc, doc_id), RECORD_COLUMNS)
            return _csv_text(span_rows(doc, doc_id), SPAN_COLUMNS)
        if self.format == "html":
            from .render import doc_html

            return doc_html(doc, doc_id, records=self.records)
        return _table_text(doc, doc_id, self.records)


def _chunks_one_process(items, formatter: _Formatter, batch_size: int) -> Iterator[str]:
    from .pipeline import load

    nlp = load(records=formatter.records)
    for doc, context in nlp.pipe(items, as_tuples=True, batch_size=batch_size):
        yield formatter(doc, context["id"])


# Worker state for --n-process: each worker loads the pipeline once and sends back text, not
# Docs (spaCy's own n_process ships every Doc back, which costs as much as processing it).
_WORKER: dict = {}


def _start_worker(output_format: str, records: bool) -> None:
    from .pipeline import load

    _WORKER["nlp"] = load(records=records)
    _WORKER["format"] = _Formatter(output_format, records)


def _process_batch(batch: list) -> list:
    nlp, formatter = _WORKER["nlp"], _WORKER["format"]
    return [formatter(doc, context["id"]) for doc, context in nlp.pipe(batch, as_tuples=True)]


def _chunks_many_processes(items, formatter: _Formatter, processes: int,
                           batch_size: int) -> Iterator[str]:
    import multiprocessing

    def batches():
        batch = []
        for item in items:
            batch.append(item)
            if len(batch) == batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    setup = (formatter.format, formatter.records)
    if "fork" in multiprocessing.get_all_start_methods():
        _start_worker(*setup)  # forked workers inherit the loaded pipeline: no start-up per worker
        pool = multiprocessing.get_context("fork").Pool(processes)
    else:
        pool = multiprocessing.get_context("spawn").Pool(processes, _start_worker, setup)
    with pool:
        for chunks in pool.imap(_process_batch, batches()):  # imap keeps the input order
            yield from chunks


def extract_command(args) -> int:
    from tqdm import tqdm

    if not args.input and not args.files:
        raise InputError("give FILE…, -, or --input docs.jsonl")
    if args.n_process < 1:
        raise InputError(f"--n-process must be 1 or more, not {args.n_process}")
    reference = _parse_date(args.reference_date, "--reference-date") if args.reference_date else None
    count = _check_inputs(args)
    items = _jsonl_records(args.input) if args.input else _file_records(args.files, reference)
    formatter = _Formatter(args.format, args.records)
    if args.n_process > 1:
        chunks = _chunks_many_processes(items, formatter, args.n_process, args.batch_size)
    else:
        chunks = _chunks_one_process(items, formatter, args.batch_size)
    # The bar only on a terminal and only where there is something to wait for.
    chunks = tqdm(chunks, total=count or None, unit="doc", file=sys.stderr,
                  disable=None if count >= 20 else True)
    with _output(args.output) as out:
        out.write(formatter.header())
        out.writelines(chunks)
        out.write(formatter.footer())
    return 0


def evaluate_command(args) -> int:
    from .scoring import evaluate, format_scores

    for path in (args.gold, args.pred):
        if not Path(path).is_file():
            raise InputError(f"{path}: no such file")
    print(format_scores(evaluate(_read_checked(args.gold), _read_checked(args.pred))))
    return 0


def _read_checked(path: str) -> list:
    from .scoring import read_jsonl

    try:
        return read_jsonl(path)
    except json.JSONDecodeError as err:
        raise InputError(f"{path}:{err.lineno}: invalid JSON ({err.msg})") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="socorg-nlp", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    ex = commands.add_parser("extract", help="extract typed spans (and records) from documents")
    ex.add_argument("files", nargs="*", metavar="FILE",
                    help="plain UTF-8 text files (id = file stem); - reads one text from stdin")
    ex.add_argument("--input", metavar="DOCS.jsonl",
                    help='JSON Lines of {"id", "text", "reference_date"?}; - for stdin')
    ex.add_argument("--reference-date", metavar="YYYY-MM-DD", help="article date for plain files")
    ex.add_argument("--format", choices=FORMATS, default="jsonl")
    ex.add_argument("--records", action="store_true", help="add donation records")
    ex.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    ex.add_argument("--n-process", type=int, default=1, metavar="N")
    ex.add_argument("--batch-size", type=int, default=64, metavar="N")
    ex.set_defaults(run=extract_command)

    ev = commands.add_parser("evaluate", help="span and value P/R/F1 of predictions against gold")
    ev.add_argument("gold", metavar="GOLD.jsonl")
    ev.add_argument("pred", metavar="PRED.jsonl")
    ev.set_defaults(run=evaluate_command)
    return parser


def main(argv: Optional[list] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except InputError as err:
        print(f"socorg-nlp: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into head
        return 0


if __name__ == "__main__":
    sys.exit(main())
