"""Donation records (spec/records.md) built by rules from a document's typed spans.

A record is read from a giving verb (patterns/records/verbs.tsv) and the MONEY and goods
QUANTITY spans it governs: those after it in its clause or in following clauses that only
continue it (其中…, 包括…, 医用手套2500副), or before it in its own clause when no giving verb
precedes (10万只口罩运抵…). The actor, recipient, as-of date and money roles are read from the
sentence around it. Every word list is data in patterns/records/, so the rules describe the
language and the lists can grow without touching the code.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

from ..resources import read_table, read_words
from ..types import ACTIONS, Match, MoneyRef, Record, TextRef

# Word lists of patterns/records/<name>.txt, keyed by name in the data dict.
WORD_LISTS = (
    "plan_markers", "plan_adverbs", "non_record_words", "clause_breakers",
    "continuation_openers", "fillers", "value_markers", "money_nouns", "goods_nouns",
    "split_markers", "non_goods_units", "ambiguous_units", "non_goods_items", "service_items",
    "group_heads",
    "generic_heads", "group_modifiers", "object_markers", "recipient_markers",
    "recipient_false_markers", "recipient_trims", "purpose_words",
)

_SENTENCE_STOPS = frozenset("。！？!?；;\n")
_CLAUSE_STOPS = frozenset("，,：:")
_OPENERS, _CLOSERS = "(（", ")）"
_AS_OF_WORDS = ("截至到", "截止到", "截至", "截止")
_COORDINATORS = frozenset("、和及与")  # between two giving verbs of one act (捐款、捐物)
_PUNCT = frozenset("，,。；;：:、！？!?\n（）()“”\"'‘’《》 \t")
_SUBJECT_PREFIX_MAX = 8  # opener words (全区有, 中国酒业) allowed before a subject
_LIST_ITEM_MAX = 12  # a 、-list item (a name) before a joint subject
_CONTINUATION_MAX = 12  # words before the first amount of a continuing clause
_RECIPIENT_MAX = 40
_PHRASE_AFTER_MAX = 15  # the head noun after a money amount (80万元的医疗设备)
_VALUE_GAP_MAX = 4  # words between 价值 and its amount (价值约为)


@dataclass(frozen=True)
class _VerbClass:
    action: str
    money_action: str  # action when every amount is money (提供资金 is spending, not giving)
    moves: Optional[str]  # "money" or "goods" when the verb itself says so (捐款, 捐物)
    recipient_follows: bool  # 驰援湖北, 捐给…: the object is the recipient


@dataclass
class _Group:
    """One giving act: a verb or verbs written together (捐款、捐物; 募集捐赠)."""

    start: int
    end: int
    verbs: list
    clause: int
    weak: bool = False  # attributive (捐赠的物资, 所捐): used only when no other verb governs
    blocked: bool = False  # a plan or coverage (拟捐赠, 涉及捐赠): its amounts are no records


@dataclass(frozen=True)
class _Amount:
    start: int
    end: int
    label: str


def _alternation(words) -> Optional[re.Pattern]:
    """One regex trying longer words first, so 捐赠给 wins over 捐赠 and 捐."""
    words = sorted({w for w in words if w}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))) if words else None


def _ends_with_any(text: str, words) -> Optional[str]:
    return next((w for w in words if text.endswith(w)), None)


class RecordBuilder:
    """Builds Record objects from normalised text and its ORG/MONEY/QUANTITY/DATE matches."""

    def __init__(self, data: dict):
        missing = [k for k in ("verbs",) + WORD_LISTS if k not in data]
        if missing:
            raise ValueError(f"record data lacks {', '.join(missing)}")
        self._verbs: dict[str, _VerbClass] = {}
        for row in data["verbs"]:
            row = list(row) + [""] * (5 - len(row))
            verb, action, money_action, moves, follows = (str(c).strip() for c in row[:5])
            for a in (action, money_action or action):
                if a not in ACTIONS:
                    raise ValueError(f"verb {verb!r}: unknown action {a!r} (expected {ACTIONS})")
            self._verbs[verb] = _VerbClass(action, money_action or action, moves or None,
                                           follows == "yes")
        if not self._verbs:
            raise ValueError("record data has no verbs")
        words = {k: tuple(sorted(set(data[k]), key=len, reverse=True)) for k in WORD_LISTS}
        self._w = words
        self._verb_re = _alternation(self._verbs)
        self._head_re = _alternation(words["group_heads"] + words["generic_heads"])
        self._generic = frozenset(words["generic_heads"])
        plan = _alternation(words["plan_markers"])
        adverbs = _alternation(words["plan_adverbs"])
        self._plan_re = re.compile(
            f"(?:{plan.pattern})(?:{adverbs.pattern})*$" if adverbs else f"(?:{plan.pattern})$"
        ) if plan else None
        self._filler_re = _alternation(words["fillers"])
        self._recipient_re = _alternation(words["recipient_markers"])
        self._false_recipient = words["recipient_false_markers"]
        self._non_goods_units = frozenset(words["non_goods_units"])
        self._ambiguous_units = frozenset(words["ambiguous_units"])

    @classmethod
    def default_data(cls) -> dict:
        data = {"verbs": [list(row) for row in read_table("records/verbs.tsv")]}
        for name in WORD_LISTS:
            data[name] = list(read_words(f"records/{name}.txt"))
        return data

    # ------------------------------------------------------------------ entry point
    def build(self, text: str, spans: list) -> list[Record]:
        if not text:
            return []
        doc = _Doc(self, text, spans)
        records: list[Record] = []
        for p_start, p_end in _split(text, 0, len(text), frozenset("\n"), None):
            records.extend(doc.paragraph(p_start, p_end))
        return records

    # ------------------------------------------------------------------ word-level tests
    def is_goods(self, match: Match) -> bool:
        unit = getattr(match.value, "unit", None) or ""
        item = getattr(match.value, "item", None) or ""
        if unit in self._non_goods_units:
            return False
        if unit in self._ambiguous_units and _ends_with_any(item, self._w["non_goods_items"]):
            return False
        return not _ends_with_any(item, self._w["service_items"])


class _Doc:
    """The spans of one document, indexed for the per-sentence rules."""

    def __init__(self, rules: RecordBuilder, text: str, spans: list):
        self.r, self.w, self.text = rules, rules._w, text
        n = len(text)
        good = [m for m in spans if isinstance(m, Match) and 0 <= m.start < m.end <= n]
        good.sort(key=lambda m: (m.start, -m.end))
        self.orgs = [m for m in good if m.label == "ORG"]
        self.dates = [m for m in good if m.label == "DATE"]
        self.quantities = [m for m in good if m.label == "QUANTITY"]
        self.amounts = [_Amount(m.start, m.end, m.label) for m in good
                        if m.label == "MONEY" or (m.label == "QUANTITY" and rules.is_goods(m))]
        self.amount_starts = [a.start for a in self.amounts]
        self.date_starts = [d.start for d in self.dates]
        self.org_starts = [o.start for o in self.orgs]
        self.quantity_by_end = {q.end: q.start for q in self.quantities}
        self.guarded = sorted((m.start, m.end) for m in good)
        self.guard_starts = [g[0] for g in self.guarded]
        self.verb_hits = [(m.start(), m.end()) for m in rules._verb_re.finditer(text)]
        self.verb_starts = [v[0] for v in self.verb_hits]
        self.heads = ([(m.start(), m.end()) for m in rules._head_re.finditer(text)]
                      if rules._head_re else [])
        self.head_starts = [h[0] for h in self.heads]

    # ------------------------------------------------------------------ helpers
    def _in(self, starts, items, start, end):
        """Items (sorted by start) lying inside [start, end)."""
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end)
        return [it for it in items[lo:hi] if _end(it) <= end]

    def _guarded(self, pos: int) -> bool:
        """Is pos strictly inside a span (a clock time 17:06 must not split a clause)?"""
        i = bisect.bisect_right(self.guard_starts, pos) - 1
        return i >= 0 and self.guarded[i][0] < pos < self.guarded[i][1]

    def ref(self, start: int, end: int) -> TextRef:
        return TextRef(start, end, self.text[start:end])

    # ------------------------------------------------------------------ paragraph / sentence
    def paragraph(self, p_start: int, p_end: int) -> list[Record]:
        records: list[Record] = []
        opener = self._paragraph_as_of(p_start, p_end)
        last_subject: Optional[TextRef] = None
        for s_start, s_end in _split(self.text, p_start, p_end, _SENTENCE_STOPS, None):
            sentence = _Sentence(self, s_start, s_end)
            records.extend(sentence.records(last_subject, opener))
            last_subject = sentence.last_subject() or last_subject
        return records

    def _paragraph_as_of(self, p_start: int, p_end: int) -> Optional[TextRef]:
        """A 截至… date opening the paragraph governs all of it (spec: as_of)."""
        for d in self._in(self.date_starts, self.dates, p_start, p_end)[:1]:
            lead = self.text[p_start:d.start].strip()
            if getattr(d.value, "relation", None) == "as_of" and len(lead) <= 3:
                return self.ref(d.start, d.end)
        return None


def _end(item) -> int:
    return item.end if hasattr(item, "end") else item[1]


def _covered(text: str, pos: int, words) -> bool:
    """Is text[pos] part of one of `words` written around it (为 inside 作为, 成为)?"""
    return any(text.startswith(w, pos - i) for w in words for i, ch in enumerate(w)
               if ch == text[pos] and pos - i >= 0)


def _split(text: str, start: int, end: int, stops, doc: Optional[_Doc]):
    """Ranges of text[start:end] between stop characters. With a doc, stops inside brackets
    or inside a span do not split (clauses keep their bracketed splits together)."""
    ranges, depth, begin = [], 0, start
    for i in range(start, end):
        ch = text[i]
        if doc is not None:
            if ch in _OPENERS:
                depth += 1
            elif ch in _CLOSERS:
                depth = max(0, depth - 1)
        if ch in stops and depth == 0 and not (doc is not None and doc._guarded(i)):
            if i > begin:
                ranges.append((begin, i))
            begin = i + 1
    if end > begin:
        ranges.append((begin, end))
    return ranges


def _bracket_mask(text: str, start: int, end: int) -> list[bool]:
    """True where a position of text[start:end] lies inside (…) or （…）."""
    mask, depth = [], 0
    for i in range(start, end):
        ch = text[i]
        if ch in _CLOSERS:
            depth = max(0, depth - 1)
        mask.append(depth > 0)
        if ch in _OPENERS:
            depth += 1
    return mask


class _Sentence:
    """One sentence: its clauses, giving acts, and the records they make."""

    def __init__(self, doc: _Doc, start: int, end: int):
        self.d, self.r, self.w, self.t = doc, doc.r, doc.w, doc.text
        self.start, self.end = start, end
        self.clauses = _split(self.t, start, end, _SENTENCE_STOPS | _CLAUSE_STOPS, doc)
        self.clause_starts = [c[0] for c in self.clauses]
        self.mask = _bracket_mask(self.t, start, end)
        self.amounts = [a for a in doc._in(doc.amount_starts, doc.amounts, start, end)]
        self.groups = self._groups()
        self._subjects: dict = {}

    # ------------------------------------------------------------------ structure
    def clause_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.clause_starts, pos) - 1)

    def bracketed(self, pos: int) -> bool:
        return self.mask[pos - self.start]

    def _groups(self) -> list[_Group]:
        d, t = self.d, self.t
        hits = [v for v in d._in(d.verb_starts, d.verb_hits, self.start, self.end)
                if not self.bracketed(v[0])]
        groups: list[_Group] = []
        for s, e in hits:
            verb = t[s:e]
            prev = groups[-1] if groups else None
            if prev and (s == prev.end or (s == prev.end + 1 and t[prev.end] in _COORDINATORS)) \
                    and self.clause_of(s) == prev.clause:
                prev.end = e
                prev.verbs.append(verb)
            else:
                groups.append(_Group(s, e, [verb], self.clause_of(s)))
        for g in groups:
            cs = self.clauses[g.clause][0]
            before = t[cs:g.start]
            g.weak = t[g.end:g.end + 1] == "的" or before.endswith("所")
            g.blocked = bool(self.r._plan_re and self.r._plan_re.search(before))
        return groups

    # ------------------------------------------------------------------ amounts → acts
    def _continues(self, ci: int, upto: Optional[int]) -> bool:
        """Does clause ci (up to `upto`, the first amount there) only continue a giving clause?"""
        cs, ce = self.clauses[ci]
        body = self.t[cs:upto if upto is not None else ce].strip()
        if any(body.startswith(w) for w in self.w["continuation_openers"]):
            return True
        if any(w in body for w in self.w["clause_breakers"]):
            return False
        return len(body.split("、")[-1]) <= _CONTINUATION_MAX

    def _reaches(self, g: _Group, a: _Amount) -> bool:
        ca = self.clause_of(a.start)
        if ca == g.clause:
            return True
        for ci in range(g.clause + 1, ca + 1):
            if any(x.clause == ci and not x.weak for x in self.groups):
                return False
            first = next((x.start for x in self.amounts if self.clause_of(x.start) == ci), None)
            if not self._continues(ci, first):
                return False
        return True

    def _governor(self, a: _Amount) -> Optional[_Group]:
        before = [g for g in self.groups if g.end <= a.start]
        strong = next((g for g in reversed(before) if not g.weak), None)
        weak = next((g for g in reversed(before) if g.weak), None)
        if strong and self._reaches(strong, a):
            return strong
        if weak and (not strong or weak.start > strong.start) and self._reaches(weak, a):
            return weak
        if strong is None and weak is None or not before:
            ca = self.clause_of(a.start)
            after = [g for g in self.groups if g.start >= a.end and g.clause == ca and not g.weak]
            return after[0] if after else None
        return None

    def _non_record(self, g: _Group, a: _Amount) -> bool:
        cs = self.clauses[self.clause_of(a.start)][0]
        lead = self.t[max(cs, g.end) if g.end <= a.start else cs:a.start]
        return any(w in lead for w in self.w["non_record_words"])

    # ------------------------------------------------------------------ records
    def records(self, last_subject: Optional[TextRef], opener: Optional[TextRef]) -> list[Record]:
        acts: dict[int, list[_Amount]] = {}
        for a in self.amounts:
            g = self._governor(a)
            if g is None or g.blocked or self._non_record(g, a):
                continue
            acts.setdefault(id(g), []).append(a)
        out = []
        for g in self.groups:
            if id(g) in acts:
                rec = self._record(g, acts[id(g)], last_subject, opener)
                if rec:
                    out.append(rec)
        return out

    def _record(self, g: _Group, amounts, last_subject, opener) -> Optional[Record]:
        actor = self._actor(g, last_subject)
        recipient = self._recipient(g, actor)
        inside = [r for r in (actor, recipient) if r]
        amounts = [a for a in amounts if a.label == "MONEY"
                   or not any(r.start <= a.start and a.end <= r.end for r in inside)]
        if not amounts:
            return None
        money = [a for a in amounts if a.label == "MONEY"]
        goods = [a for a in amounts if a.label == "QUANTITY"]
        classes = [self.r._verbs[v] for v in g.verbs if v in self.r._verbs]
        head = classes[0]
        action = head.money_action if money and not goods else head.action
        roles = self._roles(g, money, amounts, classes)
        cs = self.clauses[g.clause][0]
        start = min(cs, amounts[0].start)
        return Record(
            start, max(a.end for a in amounts), action, self.t[g.start:g.end], actor, recipient,
            tuple(MoneyRef(a.start, a.end, self.t[a.start:a.end], roles.get(a)) for a in money),
            tuple(self.d.ref(a.start, a.end) for a in goods),
            self._as_of(min(g.start, amounts[0].start)) or opener)

    # ------------------------------------------------------------------ as_of
    def _as_of(self, anchor: int) -> Optional[TextRef]:
        """The nearest DATE of the sentence before the act (截至2月11日，…捐款…)."""
        dates = self.d._in(self.d.date_starts, self.d.dates, self.start, anchor)
        return self.d.ref(dates[-1].start, dates[-1].end) if dates else None

    # ------------------------------------------------------------------ actor
    def _actor(self, g: _Group, last_subject: Optional[TextRef]) -> Optional[TextRef]:
        own = self._subject(g.clause, g.start)
        if own:
            return own
        for ci in range(g.clause - 1, -1, -1):
            found = self._subject(ci, self.clauses[ci][1])
            if found:
                return found
        for ci in range(g.clause + 1, len(self.clauses)):  # 口罩运抵九台区，基金会成为…
            found = self._subject(ci, self.clauses[ci][1])
            if found:
                return found
        return last_subject

    def last_subject(self) -> Optional[TextRef]:
        for ci in range(len(self.clauses) - 1, -1, -1):
            found = self._subject(ci, self.clauses[ci][1])
            if found:
                return found
        return None

    def _subject(self, ci: int, limit: int) -> Optional[TextRef]:
        key = (ci, limit)
        if key not in self._subjects:
            self._subjects[key] = self._find_subject(ci, limit)
        return self._subjects[key]

    def _find_subject(self, ci: int, limit: int) -> Optional[TextRef]:
        """The first organisation or group phrase of a clause standing as its subject."""
        cs = self.clauses[ci][0]
        cands = self._candidates(cs, limit)
        for c_start, c_end, is_org in cands:
            list_start = self._subject_start(cs, c_start)
            if list_start is None:
                return None  # the first name is an object; later ones are too
            c_end = self._joint_end(c_end, limit) if is_org else c_end
            group = self._group_after_list(c_end, limit, cands)
            if group:
                return self.d.ref(*group)
            return self.d.ref(min(list_start, c_start), c_end)
        return None

    def _subject_start(self, cs: int, c_start: int) -> Optional[int]:
        """Where the subject begins if the words before it allow a subject, else None.

        Allowed: short openers (全区有, 据统计) and dates, or a 、-list of names ending in 等
        (the joint subject begins at the list)."""
        pre_parts, pos = [], cs
        for dt in self.d._in(self.d.date_starts, self.d.dates, cs, c_start):
            pre_parts.append(self.t[pos:dt.start])
            pos = dt.end
        pre_parts.append(self.t[pos:c_start])
        pre = "".join(pre_parts)
        for w in _AS_OF_WORDS:
            pre = pre.replace(w, "")
        pre = pre.strip()
        if any(w in pre for w in self.w["object_markers"]):
            return None
        if len(pre) <= _SUBJECT_PREFIX_MAX:
            return c_start
        if pre.endswith(("、", "等")):
            items = pre.rstrip("等、").split("、")
            if all(0 < len(i) <= _LIST_ITEM_MAX for i in items):
                lead = self.t[cs:c_start]
                return cs + len(lead) - len(lead.lstrip())
        return None

    def _joint_end(self, end: int, limit: int) -> int:
        """Extend over further organisations joined by 、/和/及/与 (A、B等累计募集)."""
        while end < limit and self.t[end] in _COORDINATORS:
            nxt = self.d._in(self.d.org_starts, self.d.orgs, end + 1, limit)
            if not nxt or nxt[0].start != end + 1:
                break
            end = nxt[0].end
        return end

    def _group_after_list(self, end: int, limit: int, cands) -> Optional[tuple]:
        """A group phrase after 'A、B等' names the joint subject (…等十余家会员单位)."""
        tail = self.t[end:limit]
        m = re.match(r"(?:、[^，,。；;、]{1,%d})*等" % _LIST_ITEM_MAX, tail)
        if not m:
            return None
        at = end + m.end()
        return next(((s, e) for s, e, is_org in cands if s == at and not is_org), None)

    def _candidates(self, start: int, limit: int):
        """Organisations and group phrases (start, end, is_org) beginning in [start, limit)."""
        d = self.d
        orgs = [o for o in d._in(d.org_starts, d.orgs, start, self.end) if o.start < limit]
        found = [(o.start, o.end, True) for o in orgs]
        lo = bisect.bisect_left(d.head_starts, start)
        hi = bisect.bisect_left(d.head_starts, limit)
        for hs, he in d.heads[lo:hi]:
            if any(o.start < he and hs < o.end for o in orgs):
                continue
            ps = self._extend_left(hs, start, orgs)
            if ps == hs and self.t[hs:he] in self.r._generic:
                continue  # 企业/单位 alone is too common to name a giver
            found.append((ps, he, False))
        found = [c for c in found
                 if not any(o != c and o[0] <= c[0] and c[1] <= o[1] for o in found)]
        return sorted(set(found))

    def _extend_left(self, hs: int, floor: int, orgs) -> int:
        """Take in the count, scope and kind words before a group noun (全省各级, 223家)."""
        for _ in range(6):
            if any(o.start < hs <= o.end for o in orgs):
                break
            q = self.d.quantity_by_end.get(hs)
            if q is not None and q >= floor:
                hs = q
                continue
            mod = next((m for m in self.w["group_modifiers"]
                        if hs - len(m) >= floor and self.t.startswith(m, hs - len(m))), None)
            if not mod:
                break
            hs -= len(mod)
        return hs

    # ------------------------------------------------------------------ recipient
    def _recipient(self, g: _Group, actor: Optional[TextRef]) -> Optional[TextRef]:
        t = self.t
        cs, ce = self.clauses[g.clause]
        classes = [self.r._verbs.get(v) for v in g.verbs]
        if any(c and c.recipient_follows for c in classes):
            stop = ce
            for a in self.amounts:
                if g.end <= a.start < stop:
                    stop = a.start
            for h in self.groups:
                if g.end <= h.start < stop:
                    stop = h.start
            phrase = self._trim(g.end, stop)
            if phrase:
                return phrase
        lo = max(cs, actor.end) if actor and cs <= actor.end <= g.start else cs
        marker = None
        for m in self.r._recipient_re.finditer(t, lo, g.start) if self.r._recipient_re else ():
            if not _covered(t, m.start(), self.r._false_recipient):
                marker = m
        if marker is None:
            return None
        phrase = self._trim(marker.end(), g.start)
        if phrase is None or any(phrase.text.startswith(w) for w in self.w["purpose_words"]):
            return None
        if any(marker.end() <= h.start < g.start for h in self.groups):
            return None  # another act lies between: 向上海发运的物资运抵…
        return phrase

    def _trim(self, start: int, end: int) -> Optional[TextRef]:
        """The phrase in [start, end) without edge punctuation and trailing adverbs."""
        t = self.t
        while start < end and t[start] in _PUNCT:
            start += 1
        while end > start and t[end - 1] in _PUNCT:
            end -= 1
        changed = True
        while changed and end > start:
            changed = False
            w = _ends_with_any(t[start:end], self.w["recipient_trims"])
            if w and end - len(w) > start:
                end -= len(w)
                changed = True
        if end - start > _RECIPIENT_MAX and "等" in t[start:end]:
            start = t.rindex("等", start, end) + 1  # 为A、B…等20多家医院 → 20多家医院
        if end <= start or end - start > _RECIPIENT_MAX:
            return None
        return self.d.ref(start, end)

    # ------------------------------------------------------------------ money roles
    def _roles(self, g: _Group, money, amounts, classes) -> dict:
        roles: dict = {}
        t = self.t
        for m in money:  # 9.79亿元（捐款7.46亿元，捐物价值约2.33亿元）
            if m.end < len(t) and t[m.end] in _OPENERS:
                close = next((i for i in range(m.end, self.end) if t[i] in _CLOSERS), self.end)
                parts = [x for x in money if m.end < x.start and x.end <= close]
                if parts:
                    roles[m] = "total"
                    roles.update((p, "part") for p in parts)
        for w in self.w["split_markers"]:  # 合计8.58亿元，其中现金1.46亿元…
            lo, hi = amounts[0].start, amounts[-1].end
            for mk in re.finditer(re.escape(w), t[lo:hi]):
                at = lo + mk.start()
                before = [x for x in money if x.end <= at and x not in roles]
                after = [x for x in money if x.start >= at and x not in roles]
                if before and after:
                    roles[before[-1]] = "total"
                    roles.update((p, "part") for p in after)
        for m in money:
            if m not in roles and self._prices_goods(g, m, classes):
                roles[m] = "value_of_goods"
        return roles

    def _prices_goods(self, g: _Group, m: _Amount, classes) -> bool:
        t, w = self.t, self.w
        cs = self.clauses[self.clause_of(m.start)][0]
        lead = t[max(cs, m.start - len("总价值") - _VALUE_GAP_MAX):m.start]
        for marker in w["value_markers"]:  # 价值约为1034万元, 折合金额2.39亿元
            at = lead.rfind(marker)
            if at >= 0 and len(lead) - at - len(marker) <= _VALUE_GAP_MAX:
                return True
        head = self._phrase_after(m.end)  # 80余万元的医疗设备, 7000万元防疫物资, 60万元慰问金
        if head:
            if _ends_with_any(head, w["money_nouns"]):
                return False
            if _ends_with_any(head, w["goods_nouns"]):
                return True
        moves = {c.moves for c in classes if c and c.moves}
        if moves:
            return moves == {"goods"}
        if self.clause_of(m.start) != g.clause or m.start < g.end:
            return False
        obj = t[g.end:m.start]  # what was given, written between verb and amount
        for x in self.amounts:
            if g.end <= x.start and x.end <= m.start:
                obj = obj.replace(t[x.start:x.end], "")
        if self.r._filler_re:
            obj = self.r._filler_re.sub("", obj)
        obj = "".join(ch for ch in obj if ch not in _PUNCT and ch not in "和及与")
        return bool(obj) and not any(n in obj for n in w["money_nouns"])

    def _phrase_after(self, pos: int) -> str:
        t = self.t
        end = pos
        limit = min(len(t), pos + _PHRASE_AFTER_MAX)
        while end < limit and t[end] not in _PUNCT and t[end] not in "和及与":
            end += 1
        nxt = bisect.bisect_left(self.d.amount_starts, pos)
        if nxt < len(self.d.amounts) and self.d.amounts[nxt].start < end:
            end = self.d.amounts[nxt].start
        return t[pos:end].lstrip("的")
