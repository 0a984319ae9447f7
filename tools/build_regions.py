"""Build patterns/regions/regions.tsv: China's administrative divisions with their short forms.

Source: the adcode table (adcodes.csv, GB/T 2260 codes, 2020 edition) and the list of the 56
nationalities (56_nations.csv) shipped by the PyPI package ``cpca`` 0.5.5 (MIT licence). The
table is only read here, at build time; socorg_nlp never imports cpca.

    pip download --no-deps cpca==0.5.5 -d /tmp/cpca && \
        python tools/build_regions.py /tmp/cpca/cpca-0.5.5-py3-none-any.whl

The argument may be the wheel, an unpacked ``cpca/resources`` folder, or omitted when cpca is
installed. Output columns: name, short form ('' when none is safe), level (province,
prefecture, county), province name, prefecture name, adcode.
"""
from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "patterns" / "regions" / "regions.tsv"

# Rows of the table that are placeholders, not places.
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
# Short forms that are not just the name minus its suffix.
SPECIAL_SHORT = {"内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", "西藏自治区": "西藏",
                  "新疆维吾尔自治区": "新疆", "宁夏回族自治区": "宁夏",
                  "香港特别行政区": "香港", "澳门特别行政区": "澳门", "神农架林区": "神农架"}
SUFFIXES = {"province": ("省", "市"),
            "prefecture": ("自治州", "地区", "市", "盟"),
            "county": ("自治县", "自治旗", "新区", "矿区", "特区", "县", "区", "市", "旗")}


def read_resources(source: str | None) -> tuple[str, str]:
    """The text of adcodes.csv and 56_nations.csv from a wheel, a folder or installed cpca."""
    if source and source.endswith(".whl"):
        with zipfile.ZipFile(source) as wheel:
            return tuple(wheel.read(f"cpca/resources/{n}").decode("utf-8")
                         for n in ("adcodes.csv", "56_nations.csv"))
    if source:
        folder = Path(source)
    else:
        import importlib.resources

        folder = Path(str(importlib.resources.files("cpca") / "resources"))
    return tuple((folder / n).read_text(encoding="utf-8") for n in ("adcodes.csv", "56_nations.csv"))


def level_of(adcode: str) -> str:
    if adcode[2:].strip("0") == "":
        return "province"
    if adcode[4:].strip("0") == "":
        return "prefecture"
    return "county"


def short_form(name: str, level: str, nations: list[str]) -> str:
    """The name without its administrative suffix and nationality words; '' when too short.

    One-character remainders (城区 -> 城, 和县 -> 和) are dropped: they would match everywhere.
    """
    if name in SPECIAL_SHORT:
        return SPECIAL_SHORT[name]
    stem = name
    for suffix in SUFFIXES[level]:
        if stem.endswith(suffix) and len(stem) > len(suffix):
            stem = stem[: -len(suffix)]
            break
    if name.endswith(("自治州", "自治县", "自治旗")):
        # 海西蒙古族藏族自治州 -> 海西; 克孜勒苏柯尔克孜自治州 -> 克孜勒苏.
        pattern = re.compile("(?:%s)$" % "|".join(
            sorted({w for n in nations for w in (n, n[:-1]) if len(w) > 1}, key=len, reverse=True)))
        while True:
            shorter = pattern.sub("", stem)
            if shorter == stem or len(shorter) < 2:
                break
            stem = shorter
    return stem if len(stem) >= 2 and stem != name else ""


def build(adcodes_csv: str, nations_csv: str) -> list[tuple[str, ...]]:
    nations = [line.strip() for line in nations_csv.splitlines() if line.strip()]
    rows = [r for r in csv.DictReader(io.StringIO(adcodes_csv)) if r["name"] not in PLACEHOLDERS]
    by_code = {r["adcode"]: r["name"] for r in rows}
    out = []
    for r in sorted(rows, key=lambda r: r["adcode"]):
        code, name = r["adcode"], r["name"]
        level = level_of(code)
        if name.endswith(("群岛", "海域")):  # islands under 三沙市, not administrative units
            continue
        province = by_code.get(code[:2] + "0" * 10, "")
        prefecture = by_code.get(code[:4] + "0" * 8, "") if level == "county" else ""
        out.append((name, short_form(name, level, nations), level, province, prefecture, code))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", help="cpca wheel or cpca/resources folder")
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args(argv)
    rows = build(*read_resources(args.source))
    header = [
        "# China's administrative divisions (province, prefecture and county level) with short forms.",
        "# Built by tools/build_regions.py from adcodes.csv of the PyPI package cpca 0.5.5",
        "# (MIT licence; GB/T 2260 codes as of 2020). Columns: name, short, level, province,",
        "# prefecture, adcode. Regenerate with the tool; do not edit by hand.",
    ]
    with open(args.out, "w", encoding="utf-8") as handle:
        handle.write("\n".join(header) + "\n")
        for row in rows:
            handle.write("\t".join(row) + "\n")
    print(f"{len(rows)} regions -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
