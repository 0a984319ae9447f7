"""Organisation names (ORG): find head words, then walk left to the name's first character.

A Chinese organisation name is [region or national prefix] + body + head word, and the head word
(基金会, 协会, 民政厅, 有限公司 …) decides the kind. Head words are found first with one regex;
for each, the name's left edge is the nearest of: a character that cannot be in a name
(punctuation, digits, space), a stop word (verbs, prepositions, conjunctions, determiners), the
previous head word. Inside that window a known region (全国行政区划, short forms included, foreign
countries too) marks where the name starts, so text before it is dropped. A unit directly after
another name (中国酒业协会酒精分会, 商务厅外资管理局) joins it. A head word after a determiner
(本基金会) is a back-reference and after a distributive (各区X救援队) a generic mention: neither is
a name. Lists of well-known and user names are matched as whole strings and win over the grammar
where they are at least as long.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional

from ..components.base import FindContext
from ..normalize import normalize
from ..resources import read_table, read_words
from ..types import ORG_KINDS, Match, Org
from .wordtrie import trie_pattern

MAX_WINDOW = 20  # characters before a head word that may belong to the name
MAX_NAME = 40  # longest name a unit may grow to by joining its parent
MAX_PLAIN_BODY = 12  # longest body accepted when no region or national prefix anchors the name
MAX_SHORT_BODY = 4  # bodies before the one-character heads 报/网 (东南网, 中国妇女报)
MAX_MEDIA_BODY = 6  # longest body of a paper named without a region (X都市报, X时报)
MAX_JOINED_WORD = 8  # longest body before a conjunction kept inside a name (X物流与采购协会)
MAX_SHORT_WINDOW = 12  # room for a region and such a body
MAX_ZONE_STEM = 6  # characters before 新区/开发区 … in a zone's name (东湖新技术开发区)
SOJOURN = "旅"  # 旅港/旅美 + place: "living in", opening an overseas association's name
_CURRENCY_TAILS = ("元", "币")  # a place name followed by these is a currency (澳门元, 澳门币)
HOME_SHARE = 0.75  # a region is the document's own when it leads this share of the names
CONJUNCTIONS = frozenset({"与", "和", "及", "以及", "或"})
INNER_CONJUNCTIONS = frozenset({"与", "和"})  # the ones a name may hold: 咨询与培训中心
UNIT_ROLES = frozenset({"sub", "subonly"})
LEVELS = {"province": 0, "prefecture": 1, "county": 2}

# Heads followed by these characters are words, not head words (学会了, 总会有, 报告, 网络).
_HEAD_LOOKAHEAD = {
    "学会": "[了用如怎]", "总会": "[有是在让被想给把要能会]", "联会": "[议]",
    "报": "[告道导名送到销表纸考价批复案警]",
    "网": "[络站点格上民友页店购课红信易吧游银状安]", "中心": "[城区街地]", "政府": "[组间]",
    # 大学生, 中学生 are students, not the school (but 大学生命科学学院 is the school's)
    "大学": "生(?![命物态])", "中学": "生(?![命物态])", "小学": "生(?![命物态])",
    # one-character units of an office (社会处, 财务科): not in 处理, 科技, 股份, 室友
    "处": "[理于置在罚分境长事所]", "科": "[技学研普长员目]", "股": "[份东权票市民长]",
    "室": "[友长]",
}
# The same for department heads built from a stem (民政部门, 公安局长, 发改委员).
_DEPT_LOOKAHEAD = {"部": "[门分署长位件]", "局": "[长面势]", "厅": "[长]", "委": "[员托屈]",
                   "办": "[公理法好事学成]"}
# A numeral or digit before 家/个/年/日 … is a count or a date, never the start of a name.
_NUMERALS = "零〇一二两三四五六七八九十百千万几数多余"
_COUNTED = "家个所支名批位年月日号时点"
_NAME_CHARS = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffA-Za-z"
# The text up to the last character that cannot be in a name: it ends where a window's run of
# name characters starts (matched from the run's end backwards, so in linear time).
_UP_TO_BREAK = re.compile(f"(?s:.*)[^{_NAME_CHARS}]")
_NAME_CHAR = re.compile(f"[{_NAME_CHARS}]")
_CLOSE = frozenset(")）")
_AUTONOMOUS = ("自治区", "自治州")  # level words that stand alone anywhere in a window
_TITLE = re.compile(r"《[^《》\n]{0,80}》")


@dataclass
class _Candidate:
    start: int
    end: int
    kind: str
    accepted: bool
    region: Optional[tuple] = None  # (level, full name) of the region the name starts with
    places: tuple = ()  # (level, full name) of each region in its prefix: 江苏省, 无锡市
    standalone: Optional[str] = None  # a leading 省/市/区/县 standing for the home region
    role: str = ""  # role of the head word (for bare heads that may parent a unit)
    listed: bool = False  # found in the list of known or user names


def stop_pattern(keep: list, stops: list) -> str:
    """One regex for the words that end a name's window: at any position the longest kept word
    (慈善联合总会 holds 联合), else a count (三家, 5个), else the longest stop word.

    It is one alternative per first character, so the regex engine skips every other character
    without trying a word there (a plain keep|count|stop alternation is tried at each position).
    """
    def tail(words: list, ch: str) -> Optional[str]:
        rests = [w[1:] for w in words if w[:1] == ch]
        return trie_pattern(dict.fromkeys(rests)) if rests else None
    alternatives = []
    for ch in sorted({w[0] for w in keep + stops if w} | set(_NUMERALS + _COUNTED)):
        count = (f"[{_NUMERALS}]*[{_COUNTED}]" if ch in _NUMERALS
                 else f"(?<=[0-9]{re.escape(ch)})" if ch in _COUNTED else None)
        tails = [t for t in (tail(keep, ch), count, tail(stops, ch)) if t is not None]
        alternatives.append(re.escape(ch) + "(?:" + "|".join(tails) + ")")
    return "|".join(alternatives)


class OrgRecognizer:
    """ORG spans with Org(name, kind, canonical) values, built from a JSON-able data dict."""

    label = "ORG"

    def __init__(self, data: dict):
        self.data = data
        self.heads = {}  # head word -> (kind, role)
        for head, kind, role in data["heads"]:
            self._check_kind(kind, head)
            self.heads[head] = (kind, role)
        for stem in data["gov_stems"]:
            for suffix in data["gov_suffixes"]:
                self.heads.setdefault(stem + suffix, ("government", "dept"))
        for head, (kind, role) in list(self.heads.items()):
            if kind == "media" and head.endswith("报") and role != "short":
                self.heads.setdefault(head + "社", (kind, ""))  # a paper's publisher: 日报 → 日报社
        self.head_re = re.compile(trie_pattern({h: self._lookahead(h) for h in self.heads}))
        # Heads that may show a name ending inside a text (one-character ones are mostly plain
        # characters: 报, 网, 处 in 调处).
        self.long_heads = frozenset(h for h in self.heads if len(h) > 1)
        self.head_lengths = sorted({len(h) for h in self.heads}, reverse=True)
        # Words that must stay whole are tried first, so a stop inside them never matches.
        self.stop_re = re.compile(stop_pattern(list(data["not_stops"]), list(data["stop_words"])))
        self.kept_words = frozenset(data["not_stops"])
        # Heads a kept word, stop word or count may run into: one ending with a beginning of the
        # head (联合总会 and 总会), or a numeral or counted character opening it.
        word_ends = {w[i:] for w in data["not_stops"] + data["stop_words"] for i in range(1, len(w))}
        self.reached_heads = frozenset(
            h for h in self.heads
            if h[0] in _NUMERALS + _COUNTED or any(h[:j] in word_ends for j in range(1, len(h) + 1)))
        self.generic = frozenset(data["generic_bodies"])
        self.generic_max = max(map(len, self.generic), default=0)
        self.determiners = frozenset(data["determiners"])
        self.distributives = frozenset(data["distributives"])
        self.province_abbreviations = frozenset(data["province_abbreviations"])
        self.function_chars = frozenset(data["function_chars"])
        self.person_suffixes = frozenset(data["person_suffixes"])
        zones = trie_pattern(dict.fromkeys(data["zone_suffixes"]))
        self.zone_re = re.compile(f"[{_NAME_CHARS}]{{0,{MAX_ZONE_STEM}}}?{zones}")
        self.not_media = tuple(data["not_media"])
        self.standalone = dict(data["standalone_prefixes"])
        self.standalone_words = sorted(self.standalone, key=len, reverse=True)
        self.standalone_starts = {w[0] for w in self.standalone}
        self.standalone_ends = {w[-1] for w in self.standalone}
        self.standalone_of_level = {}  # region level -> the standalone words standing for it
        for word, level in self.standalone.items():
            for of_level in ("province", "prefecture") if word == "市" else (level,):
                self.standalone_of_level.setdefault(of_level, []).append(word)
        self.regions = {}  # surface form -> (level, full name)
        for name, short, level, *_ in data["regions"]:
            for form in filter(None, (name, short)):
                # A form shared by several places keeps the highest level (吉林 is the province).
                if form not in self.regions or LEVELS[level] < LEVELS[self.regions[form][0]]:
                    self.regions[form] = (level, name)
        for area in data["new_areas"]:
            self.regions.setdefault(area, ("county", area))
        # Legal forms (财团法人) and 旅 + a place (旅港, 旅美, 旅加拿大) open a name as 中国 does.
        abroad = (data["province_abbreviations"] + data.get("foreign_abbreviations", [])
                  + data["countries"])
        for prefix in data["prefixes"] + data.get("legal_forms", []) + [SOJOURN + p for p in abroad]:
            self.regions.setdefault(prefix, ("national", prefix))
        for country in data["countries"]:
            self.regions.setdefault(country, ("country", country))
        # First two characters (one for a one-character form) -> lengths of the forms starting
        # so, longest first. Two characters rule out most positions a first character would
        # not (中国 is a form, 中心 starts none).
        starts: dict = {}
        for form in self.regions:
            starts.setdefault(form[:2], set()).add(len(form))
        for key, lengths in starts.items():
            lengths |= starts.get(key[0], set()) if len(key) == 2 else set()
        self.region_starts = {key: sorted(ls, reverse=True) for key, ls in starts.items()}
        self.one_char_regions = any(len(form) == 1 for form in self.regions)
        self.names = {}  # normalised listed name -> kind
        for name, kind in list(data["names"]) + list(data.get("user_names", [])):
            self._check_kind(kind, name)
            self.names[normalize(name)] = kind
        # A listed name ending in a head word is held back as that head is (民政部门 is no 民政部).
        self.names_re = re.compile(trie_pattern({n: self._lookahead(h) if h else None
                                                 for n in self.names
                                                 for h in [self._head_of(n)]})) \
            if self.names else None
        # Words a listed name must not end inside (联合国 in 联合国际, 新华社 in 新华社区).
        self.words = set(self.regions) | self.long_heads | self.generic
        self.word_lengths = {}  # first character -> lengths of the words starting with it
        for word in self.words:
            self.word_lengths.setdefault(word[0], set()).add(len(word))

    def _lookahead(self, head: str) -> Optional[str]:
        if head in _HEAD_LOOKAHEAD:
            return _HEAD_LOOKAHEAD[head]
        if self.heads[head][0] == "government":  # 民政局长, 发展局面: not the office
            return _DEPT_LOOKAHEAD.get(head[-1])
        if head.endswith("联"):  # 侨联合会, 工商联合会: the longer head follows
            return "[合盟]"
        return _HEAD_LOOKAHEAD["报"] if head.endswith("报") else None  # 据报道, 日报送

    @staticmethod
    def _check_kind(kind: str, name: str) -> None:
        if kind not in ORG_KINDS:
            raise ValueError(f"unknown ORG kind {kind!r} for {name!r}; expected one of {ORG_KINDS}")

    @classmethod
    def default_data(cls) -> dict:
        return {
            "heads": [list(r) for r in read_table("orgs/heads.tsv")],
            "gov_stems": list(read_words("orgs/gov_stems.txt")),
            "gov_suffixes": list(read_words("orgs/gov_suffixes.txt")),
            "names": [list(r[:2]) for r in read_table("orgs/names.tsv")],
            "user_names": [],
            "prefixes": list(read_words("orgs/prefixes.txt")),
            "legal_forms": list(read_words("orgs/legal_forms.txt")),
            "foreign_abbreviations": list(read_words("regions/foreign_abbreviations.txt")),
            "new_areas": list(read_words("regions/new_areas.txt")),
            "countries": list(read_words("regions/countries.txt")),
            "zone_suffixes": list(read_words("regions/zone_suffixes.txt")),
            "province_abbreviations": list(read_words("regions/province_abbreviations.txt")),
            "determiners": list(read_words("orgs/determiners.txt")),
            "distributives": list(read_words("orgs/distributives.txt")),
            "function_chars": list(read_words("orgs/function_chars.txt")),
            "person_suffixes": list(read_words("orgs/person_suffixes.txt")),
            "standalone_prefixes": [list(r[:2]) for r in read_table("orgs/standalone_prefixes.tsv")],
            "stop_words": list(read_words("orgs/stop_words.txt")),
            "not_stops": list(read_words("orgs/not_stops.txt")),
            "generic_bodies": list(read_words("orgs/generic_bodies.txt")),
            "not_media": list(read_words("orgs/not_media.txt")),
            "regions": [list(r[:3]) for r in read_table("regions/regions.tsv")
                        + read_table("regions/taiwan_hk_macau.tsv")],
        }

    def kind_of(self, name: str) -> str:
        """The kind a name's head word gives ("other" without one), e.g. for user names."""
        head = self._head_of(normalize(name))
        return self.heads[head][0] if head else "other"

    def _head_of(self, name: str) -> Optional[str]:
        """The longest head word ``name`` ends with, if any."""
        for length in self.head_lengths:
            if len(name) >= length and name[-length:] in self.heads:
                return name[-length:]
        return None

    # --- finding ---------------------------------------------------------------------------

    def find(self, text: str, context: FindContext) -> list[Match]:
        if not text:
            return []
        found = _non_overlapping(self._grammar(text) + self._listed(text))
        titles = [m.span() for m in _TITLE.finditer(text)]
        chosen = [c for c in found if not _inside_title(c, titles)] if titles else found
        return self._matches(text, chosen)

    def _listed(self, text: str) -> list[_Candidate]:
        if self.names_re is None:
            return []
        return [_Candidate(m.start(), m.end(), self.names[m.group()], True, listed=True)
                for m in self.names_re.finditer(text) if not self._splits_word(text, *m.span())]

    def _splits_word(self, text: str, start: int, end: int) -> bool:
        """True when a known word begins inside text[start:end] and runs past its end."""
        for i in range(start + 1, end):
            for length in self.word_lengths.get(text[i], ()):
                if i + length > end and text[i:i + length] in self.words:
                    return True
        return False

    def _grammar(self, text: str) -> list[_Candidate]:
        out: list[_Candidate] = []
        prev: Optional[_Candidate] = None  # the name (or bare head words) just before this head
        heads = self.heads
        for head in self.head_re.finditer(text):
            hs, he = head.span()
            kind, role = heads[head.group()]
            if hs and text[hs - 1] in "(（" and text[he:he + 1] in _CLOSE:
                continue  # 中国人寿保险（集团）公司: a bracketed word is not the head
            if prev is not None and hs == prev.end and not prev.accepted \
                    and (role not in UNIT_ROLES or prev.role in UNIT_ROLES):
                # 协会协会…: bare heads in a row only matter as the parent of a unit after them.
                if he - prev.start > MAX_WINDOW:
                    prev.start, prev.kind, prev.role = hs, kind, role
                prev.end = he
                continue
            if he - hs == 1 and role in UNIT_ROLES and not (
                    prev is not None and prev.accepted and prev.kind == "government"):
                continue  # 处/科 away from an office are plain characters (处处处 stays fast)
            cand = self._walk_left(text, hs, he, kind, role, prev)
            if cand is not None:
                if prev is not None and cand.start < prev.end and out and out[-1] is prev:
                    out.pop()  # merged into this longer name
                out.append(cand)
                prev = cand
            elif he - hs > 1:  # a rejected 报/网/处 is just a character of the text
                prev = _Candidate(hs, he, kind, False, role=role)
        return out

    def _walk_left(self, text, hs, he, kind, role, prev) -> Optional[_Candidate]:
        barrier = prev.end if prev else 0
        window = MAX_WINDOW if role != "short" else MAX_SHORT_WINDOW
        lo = max(barrier, hs - window)
        b = _run_start(text, lo, hs)
        if b - 2 > lo and text[b - 1] in _CLOSE:
            b = self._before_brackets(text, lo, b)
        capped = b == hs - window and b > barrier and bool(_NAME_CHAR.match(text, b - 1))
        stops = self._stops(text, b, hs, he)
        regions = self._regions_in(text, b, hs, stops)
        if stops and regions:
            # A stop inside a place name (和平区, 向阳区) does not stop; one reaching past it does
            # (全国性).
            stops = [(s, e) for s, e in stops
                     if not any(rs <= s and e <= r_e for rs, r_e, _ in regions)]
        bound, stop = self._stop_bound(text, b, hs, stops, regions, prev, kind, role) \
            if stops else (b, "")
        if bound < hs and text[bound] in self.determiners and not any(
                s == bound for s, _, _ in regions):
            bound, stop = bound + 1, text[bound]  # 本基金会, 本市X: the name, if any, follows
        # A unit right after a name (…协会酒精分会, …商务厅外资管理局) belongs to it.
        # A unit may name its own place (…有限公司湖南省分行), so may a school's alumni association
        # (X大学上海校友会); another name after a region may not.
        if prev is not None and role != "short" and bound == barrier == prev.end \
                and he - prev.start <= MAX_NAME:
            if he - hs == 1 and role in UNIT_ROLES:
                # A one-character unit is an office's: 县政府社会处, not 政府处 or 协会秘书处.
                if hs > bound and prev.accepted and prev.kind == "government":
                    return _Candidate(prev.start, he, prev.kind, True, prev.region, prev.places,
                                      prev.standalone)
            elif role in UNIT_ROLES and prev.role not in UNIT_ROLES:
                return _Candidate(prev.start, he, prev.kind, True, prev.region, prev.places,
                                  prev.standalone)
            elif prev.accepted and (not any(s >= bound for s, _, _ in regions)
                                    or prev.kind == "school" and kind == "association") \
                    and not text.startswith(tuple(self.standalone_words), bound):  # 市委市政府
                return _Candidate(prev.start, he, kind, True, prev.region, prev.places,
                                  prev.standalone)
        if role == "subonly":
            return None
        later = [r for r in regions if r[0] >= bound] if regions else regions
        start, region = (later[0][0], later[0][2]) if later else (self._autonomous(text, bound, hs),
                                                                   None)
        standalone = None
        if text[start] in self.standalone_starts or start and text[start - 1] in self.standalone_ends:
            start, standalone = self._standalone_before(text, start, bound)
        if start == bound and stop in self.distributives:
            return None  # 各区X救援队: every team of that name, not one organisation
        if standalone and region is not None and start < later[0][0]:
            region = None  # 省教育厅: after a standalone 省, 教育 is no place
        places, prefix_end = [], start + len(standalone or "")
        for s, e, info in later:  # chained prefixes: 江苏省苏州市, 上海江西…
            if s == prefix_end:
                prefix_end = e
                if region is not None:
                    places.append(info)
        zone = self.zone_re.match(text, prefix_end, hs)
        if zone:  # 雄安新区, 市高新区: a new area or development zone opens a name like a county
            prefix_end = zone.end()
        body = text[prefix_end:hs]
        anchored = prefix_end > start
        if role == "dept" and not anchored:
            # 会同财政部 -> 财政部: a ministry stands alone; 民政厅 without a region is generic.
            return _Candidate(hs, he, kind, True) if text[he - 1] == "部" else None
        if kind in ("government", "party") and not anchored and role != "bare":
            return None
        if self._acceptable(text, body, anchored, start, hs, he, kind, role, capped, region):
            return _Candidate(start, he, kind, True, region, tuple(places), standalone)
        if kind == "media" and not body and hs > 0 and text[hs - 1] == "》":
            title = text.rfind("《", max(0, hs - 82), hs)
            if title >= 0:  # 《刊名》杂志社: the title is part of the publisher's name
                return _Candidate(title, he, kind, True)
        return None

    def _before_brackets(self, text: str, lo: int, b: int) -> int:
        """Move the start ``b`` of a window's run of name characters (not before ``lo``) over a
        place or 集团 in brackets ending just before it: 腾讯科技（深圳）有限公司."""
        while b - 2 > lo and text[b - 1] in _CLOSE:
            opening = max(text.rfind("(", lo, b - 1), text.rfind("（", lo, b - 1))
            if opening < 0:
                break
            inside = text[opening + 1:b - 1]
            before = _run_start(text, lo, opening)
            if before == opening or not (inside in self.regions or inside in self.heads):
                break
            b = before
        return b

    def _acceptable(self, text, body, anchored, start, hs, he, kind, role, capped, region) -> bool:
        if role == "bare":
            return True
        if role == "short":
            if text[start:he].endswith(self.not_media):
                return False
            if not anchored:
                return text[hs] == "网" and 2 <= len(body) <= MAX_SHORT_BODY and not capped
            if not body:  # 新华网, 凤凰网: a place's short name, not 余姚市网
                return region is not None and region[1] != text[start:hs]
            return len(body) <= MAX_SHORT_BODY + 2
        if anchored:
            return True
        if not body or capped or len(body) > MAX_PLAIN_BODY:
            return False
        if len(body) == 1 and body not in self.province_abbreviations and (
                body in self.function_chars or not text.startswith("学会", hs)):
            return False  # ，借协会之力: a verb, not a name (but 浙商会, a discipline's 医学会)
        if kind == "media":
            # Papers are often named by a plain word (法治时报, 健康报); longer plain bodies are not.
            return len(body) <= 2 or (len(body) <= MAX_MEDIA_BODY and not self._generic(body))
        return not self._generic(body)

    def _generic(self, body: str) -> bool:
        """True when ``body`` is made only of generic words (慈善, 行业, 社会组织 …)."""
        n = len(body)
        reach = [True] + [False] * n
        for i in range(n):
            if reach[i]:
                for j in range(i + 1, min(n, i + self.generic_max) + 1):
                    if body[i:j] in self.generic:
                        reach[j] = True
        return reach[n]

    def _regions_in(self, text: str, lo: int, hi: int, stops: list) -> list[tuple]:
        """Leftmost-longest region names in text[lo:hi] as (start, end, (level, full name)).

        A foreign country counts only at the window's start or the end of one of ``stops``:
        inside a word its characters are something else (完美国际).
        """
        out, i = [], lo
        starts, regions = self.region_starts, self.regions
        # Without one-character forms no name starts at the window's last character.
        last = hi if self.one_char_regions else hi - 1
        while i < last:
            lengths = starts.get(text[i:i + 2])
            if lengths is None and self.one_char_regions:
                lengths = starts.get(text[i])
            if lengths is None:
                i += 1
                continue
            for length in lengths:
                if i + length <= hi and text[i:i + length] in regions:
                    info = regions[text[i:i + length]]
                    if info[0] == "country" and i != lo and all(e != i for _, e in stops):
                        continue
                    if text[i + length:i + length + 1] in _CURRENCY_TAILS \
                            and not self._region_at(text, i + length, hi):
                        i += length  # 澳门元, 澳门币: a currency, not the place opening a name
                        break
                    if not (i > lo and text[i - 1] in "(（" and text[i + length:i + length + 1]
                            and text[i + length] in _CLOSE):  # （深圳） does not start a name
                        out.append((i, i + length, info))
                    i += length
                    break
            else:
                i += 1
        return out

    def _region_at(self, text: str, i: int, hi: int) -> bool:
        """Whether a region name starts at ``i`` (香港元朗区: 元 opens a district, no currency)."""
        return any(i + length <= hi and text[i:i + length] in self.regions
                   for length in self._region_lengths_at(text, i))

    def _region_lengths_at(self, text: str, i: int) -> list:
        """Lengths of the region forms that may start at ``i``, longest first."""
        return self.region_starts.get(text[i:i + 2]) or self.region_starts.get(text[i:i + 1], ())

    def _stops(self, text: str, b: int, hs: int, he: int) -> list[tuple]:
        """Spans of the stop words in text[b:hs]."""
        # Scanning on into the head lets a kept word (慈善联合总会) hide the stop 联合 in it;
        # a head no word can reach into (as 联合总会 reaches into 总会) is left out of the scan.
        # A match spelling a kept word is that word: a stop or count is tried only when no kept
        # word starts there. Matches from hs on only reach past it, so the scan stops there.
        end = he if text[hs:he] in self.reached_heads else hs
        out = []
        word = self.stop_re.search(text, b, end) if b < hs else None
        while word is not None and word.start() < hs:
            if word.end() <= hs and word.group() not in self.kept_words:
                out.append(word.span())
            word = self.stop_re.search(text, word.end(), end)
        return out

    def _stop_bound(self, text, b, hs, stops, regions, prev, kind, role) -> tuple[int, str]:
        """Where the name may start (after the last stop in text[b:hs] that really stops), and
        that stop word ('' when none)."""
        k = len(stops) - 1
        while k >= 0:
            s, e = stops[k]
            # The conjunction is this stop, or the one right before it when this stop is the
            # second word joined (X物流与采购协会: 采购 is a noun there).
            conj = k if text[s:e] in INNER_CONJUNCTIONS else k - 1
            if conj >= 0 and (conj == k or stops[conj][1] == s) \
                    and text[stops[conj][0]:stops[conj][1]] in INNER_CONJUNCTIONS:
                lo = stops[conj - 1][1] if conj else b
                hi = (stops[k + 1][0] if k + 1 < len(stops) else hs) if conj == k else e
                if self._joins_words(text, lo, *stops[conj], hi, regions, prev, kind, role):
                    k = conj - 1
                    continue
            return e, text[s:e]
        return b, ""

    def _joins_words(self, text, lo, s, e, hi, regions, prev, kind, role) -> bool:
        """True when the 与/和 at text[s:e] joins two words of one name.

        No name may end before it and no new name start after it. The words before it
        then either open a name — a region or national prefix, a standalone 市, or the end of the
        name a unit joins — and hold a word no name ends in (X市咨询与培训中心, X协会照护与康复
        专业委员会), or, in a unit or service centre's name, are no word for people (队员与X救援队
        is a conjunction).
        """
        if s == lo or any(rs == e for rs, _, _ in regions) \
                or text.startswith(tuple(self.standalone_words), e) \
                or (prev is not None and prev.end == s):
            return False
        opened = lo if prev is not None and prev.end == lo else None
        for rs, r_e, _ in regions:
            if rs < s and (rs == opened or (opened is None and rs >= lo)):
                opened = r_e  # the region, chained with the ones right after it
        if opened is None:
            word = next((w for w in self.standalone_words if text.startswith(w, lo)), None)
            opened = lo + len(word) if word else None
        body = text[lo if opened is None else opened:s]
        if any(body[i:j] in self.long_heads for i in range(len(body))
               for j in range(i + 1, len(body) + 1)):
            return False
        if opened is not None and 2 <= len(body) <= MAX_JOINED_WORD:
            return True
        return (kind == "service" or role == "sub") and text[s - 1] not in self.person_suffixes

    @staticmethod
    def _autonomous(text: str, bound: int, hs: int) -> int:
        """Start at a 自治区/自治州 standing alone in the window (执行自治区党委), else at ``bound``."""
        for word in _AUTONOMOUS:
            at = text.rfind(word, bound, hs)
            if at >= 0:
                return at
        return bound

    def _standalone_before(self, text: str, start: int, bound: int):
        """Move ``start`` over a 省/市/自治区 standing alone just before it, or find one at it."""
        for word in self.standalone_words:
            if start - len(word) >= bound and text.startswith(word, start - len(word)):
                return start - len(word), word
        if start == bound or text.startswith(_AUTONOMOUS, start):  # 执行自治区党委
            for word in self.standalone_words:
                if text.startswith(word, start) and not text.startswith("级", start + len(word)):
                    return start, word
        return start, None

    # --- values ----------------------------------------------------------------------------

    def _matches(self, text: str, chosen: list[_Candidate]) -> list[Match]:
        home = self._home_regions(chosen)
        out = []
        for c in chosen:
            name = text[c.start:c.end]
            canonical = None
            if c.standalone and c.region is None and c.standalone in home:
                canonical = home[c.standalone] + name[len(c.standalone):]
            out.append(Match(c.start, c.end, self.label, Org(name, c.kind, canonical)))
        return out

    def _home_regions(self, chosen: list[_Candidate]) -> dict:
        """For each 省/市/区/县 standing alone, the document's own region of that kind if clear.

        Clear means one region leads at least HOME_SHARE of the regions named in name prefixes
        of that kind (四川省民政厅 … 四川X公益基金会 make 省 mean 四川省).
        """
        named: dict = {}  # standalone word -> the names of its kind, in the text's order
        for c in chosen:
            for level, name in c.places:
                for word in self.standalone_of_level.get(level, ()):
                    if name.endswith(word):
                        named.setdefault(word, []).append(name)
        home = {}
        for word, names in named.items():
            counts: dict = {}
            for name in names:
                counts[name] = counts.get(name, 0) + 1
            top = max(counts, key=counts.get)  # the first named of the most frequent
            if counts[top] >= HOME_SHARE * len(names):
                home[word] = top
        return home


def _run_start(text: str, lo: int, hi: int) -> int:
    """Start of the run of name characters that ends at ``hi`` (not before ``lo``)."""
    up_to_break = _UP_TO_BREAK.match(text, lo, hi)
    return up_to_break.end() if up_to_break else lo


def _non_overlapping(found: list[_Candidate]) -> list[_Candidate]:
    """Of two overlapping candidates keep the longer; a listed name wins a tie.

    Each source (grammar, lists) is already free of overlaps, so one sweep by start suffices.
    """
    out: list[_Candidate] = []
    for c in sorted(found, key=lambda c: c.start):
        if out and c.start < out[-1].end:
            last = out[-1]
            if (c.end - c.start, c.listed) > (last.end - last.start, last.listed):
                out[-1] = c
            continue
        out.append(c)
    return out


def _inside_title(c: _Candidate, titles: list) -> bool:
    """True when ``c`` overlaps a 《…》 title, unless it is the title plus a publisher's head."""
    k = bisect_right(titles, (c.start, float("inf")))
    for s, e in titles[max(0, k - 1):k + 1]:
        if s < c.end and c.start < e and not (c.start == s and c.end > e):
            return True
    return False
