"""Donation records (spec/records.md) built by rules from a document's typed spans.

A record is read from a giving verb (patterns/records/verbs.tsv) and the MONEY and goods
QUANTITY spans it governs: those after it in its clause or in following clauses that only
continue it (其中…, 包括…, 防护手套800副), or before it in its own clause when no giving verb
precedes (10万只口罩运抵…). The actor, recipient, as-of date and money roles are read from the
sentence around it. Every word list is data in patterns/records/, so the rules describe the
language and the lists can grow without touching the code.
"""
from __future__ import annotations

import bisect
import itertools
import operator
import re
from dataclasses import dataclass
from functools import partial
from typing import Callable, NamedTuple, Optional

from ..resources import read_table, read_words
from ..types import ACTIONS, Match, MoneyRef, Record, TextRef
from .wordtrie import trie_pattern

# Word lists of patterns/records/<name>.txt, keyed by name in the data dict.
WORD_LISTS = (
    "plan_markers", "plan_markers_adjacent", "plan_adverbs", "non_record_words",
    "clause_breakers", "continuation_openers", "fillers", "recipient_complements",
    "value_markers", "money_nouns", "goods_nouns", "split_markers", "non_goods_units",
    "ambiguous_units", "non_goods_items", "service_items", "group_heads", "generic_heads",
    "group_modifiers", "object_markers", "causative_markers", "recipient_markers",
    "recipient_false_markers", "recipient_false_starts", "recipient_trims", "purpose_words",
    "org_heads", "head_false_words", "purpose_leads", "recipient_cuts", "clause_heads",
    "purpose_verbs", "deployment_verbs", "rescue_team_heads", "people_units", "per_unit_markers",
    "handover_markers", "existential_openers",
)

_ATTRIBUTIVE = re.compile("[到了得]?的")  # 捐赠的物资, 募集到的善款: the verb modifies a noun
_BLANKS = re.compile(r"\s*")
_KIND_CHAR = re.compile(r"[^\W\d_a-zA-Z有是为和及与、等共]")  # a CJK letter of a kind word
_SENTENCE_RE = re.compile("[。！？!?；;\n]")
_FULL_STOP_RE = re.compile("[。！？!?\n]")  # a ；-joined sentence shares its opening date
_CLAUSE_RE = re.compile("[，,：:()（）。！？!?；;]")  # sentence stops cut joined sentences
_OPENERS, _CLOSERS = "(（", ")）"
_CLOSER_RE = re.compile(f"[{re.escape(_CLOSERS)}]")
_LIST_ITEM_MAX = 12  # a 、-list item (a name) before a joint subject
_LIST_ITEM_STOPS = frozenset("，,。；;、")
_AS_OF_WORDS = ("截至到", "截止到", "截至", "截止")
_COORDINATORS = frozenset("、和及与")  # between two giving verbs of one act (捐款、捐物)
_NAME_CHARS = _COORDINATORS | frozenset("同跟经")  # marker letters also found inside names (经济)
_PUNCT = frozenset("，,。；;：:、！？!?\n（）()“”\"'‘’《》 \t")
_SUBJECT_PREFIX_MAX = 8  # opener words (全区有, 中国酒业) allowed before a subject
_CONTINUATION_MAX = 12  # words before the first amount of a continuing clause
_RECIPIENT_MAX = 40
_PHRASE_AFTER_MAX = 15  # the head noun after a money amount (80万元的医疗设备)
_VALUE_GAP_MAX = 4  # words between 价值 and its amount (价值约为)
_VALUE_LEAD = 12  # how far before an amount its 价值/折合 may stand
_PLAN_WINDOW = 10  # a plan marker stands shortly before its verb (计划在下月再捐赠)
_NON_RECORD_WINDOW = 20  # 营业额损失约3000万元: the word is near its amount
_REACH_CLAUSES = 8  # continuing clauses and subject search stay within this many clauses
_CANDIDATES_MAX = 64  # subject candidates looked at in one clause
_OBJECT_MAX = 60  # the object written between a verb and its amount
_SPLIT_WORD_MAX = 8  # room for blanks before a sentence-opening 其中
_MODIFIER_GAP = 3  # a kind word between a scope word and a group noun (各级妇联组织, 全县工商联系统)
_PIVOT_GAP = 4  # adverbs between the mobilised givers and their verb (企业踊跃捐款)
_RUN_VERBS_MAX = 8  # verbs of one run that are read (捐款、捐物、捐赠 has three)
_OPENER_LEAD_MAX = 3  # words before a sentence's opening date (截至到, 自)
_PER_UNIT_WINDOW = 16  # 为每户困难家庭发放…: a per-unit word stands shortly before its verb or amount
_NAME_MAX = 24  # an unrecognised organisation name opening a clause (…与…协会)


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
    verbs: Optional[list]  # the verbs of the run, read when the act makes a record
    clause: int
    weak: bool = False  # attributive (捐赠的物资, 所捐): used only when no other verb governs
    blocked: bool = False  # a plan or coverage (拟捐赠, 涉及捐赠): its amounts are no records


class _Amount(NamedTuple):  # a tuple: made for every amount of a dense run
    start: int
    end: int
    label: str
    item: str = ""  # the thing counted, for goods


_START, _END = operator.attrgetter("start"), operator.attrgetter("end")


def _alternation(words) -> Optional[re.Pattern]:
    """One regex trying longer words first, so 捐赠给 wins over 捐赠 and 捐."""
    words = sorted({w for w in words if w}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))) if words else None


def _finder(words) -> re.Pattern:
    """One regex finding any of words in a text, so `any(w in text for w in words)` is one
    search (an empty word is found everywhere, as `"" in text` is; no words, nowhere)."""
    return re.compile(trie_pattern(dict.fromkeys(words)))


def _ends_with_any(text: str, words: tuple) -> Optional[str]:
    if not text.endswith(words):  # one C call rules out the usual miss
        return None
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
        self._verb_words = tuple(self._verbs)
        self._verb_re = _alternation(self._verbs)
        # A run of giving verbs written together is one act (捐款、捐物; 接收捐款; 募集捐赠).
        one = self._verb_re.pattern
        self._run_re = re.compile(f"(?:{one})(?:[{''.join(sorted(_COORDINATORS))}]?(?:{one}))*")
        heads = words["group_heads"] + words["generic_heads"]
        self._head_re = _alternation(w for w in heads if len(w) > 1)
        # 其 or a bare 中心 as a subject opens its clause (…。其累计捐款…); elsewhere 其 is 'its'
        # and 中心 part of another word
        self._pronoun_re = _alternation(
            [w for w in heads if len(w) == 1] + list(words["clause_heads"]))
        self._org_head_re = _alternation(words["org_heads"])
        self._generic = frozenset(words["generic_heads"])
        # A plan word anywhere shortly before the verb (计划在下月再捐赠), or 将 right before it
        # (将捐赠; 将物资运抵 is 把, not a plan), makes the act one that has not happened.
        plan = _alternation(words["plan_markers"])
        near = _alternation(words["plan_markers_adjacent"])
        adverbs = _alternation(words["plan_adverbs"])
        parts = [f"(?:{plan.pattern})"] if plan else []
        if near:
            parts.append(f"(?:{near.pattern})" + (f"(?:{adverbs.pattern})*$" if adverbs else "$"))
        self._plan_re = re.compile("|".join(parts)) if parts else None
        self._filler_re = _alternation(words["fillers"])
        self._split_res = [re.compile(re.escape(w)) for w in words["split_markers"]]
        # A sentence stop, unless the next sentence only lists the parts of this one
        # (…2.3亿元。其中，资金…): a split word after blanks, all within _SPLIT_WORD_MAX
        # characters. Then the two are read as one sentence.
        splits = [rf"\s{{0,{_SPLIT_WORD_MAX - len(w)}}}{re.escape(w)}"
                  for w in words["split_markers"]
                  if len(w) <= _SPLIT_WORD_MAX and not w[:1].isspace()]
        self._sentence_cut_re = re.compile(_SENTENCE_RE.pattern
                                           + (f"(?!{'|'.join(splits)})" if splits else ""))
        value = _alternation(words["value_markers"])
        self._value_re = re.compile(f"(?:{value.pattern})[^{re.escape(''.join(sorted(_PUNCT)))}]"
                                    f"{{0,{_VALUE_GAP_MAX}}}$") if value else None
        self._money_noun_re = _alternation(words["money_nouns"])
        self._recipient_re = _alternation(words["recipient_markers"])
        self._handover_re = _alternation(words["handover_markers"])
        self._false_recipient = words["recipient_false_markers"]
        self._non_goods_units = frozenset(words["non_goods_units"])
        # Lists only tested for occurring somewhere in a stretch of text
        self._found = {k: _finder(words[k]) for k in (
            "per_unit_markers", "non_record_words", "clause_breakers", "object_markers")}
        # Group modifiers by length, longest first: the one ending at a position is a dict hit
        self._modifiers = frozenset(words["group_modifiers"])
        self._modifier_lengths = sorted({len(m) for m in self._modifiers}, reverse=True)
        self._ambiguous_units = frozenset(words["ambiguous_units"])

    @classmethod
    def default_data(cls) -> dict:
        data = {"verbs": [list(row) for row in read_table("records/verbs.tsv")]}
        for name in WORD_LISTS:
            data[name] = list(read_words(f"records/{name}.txt"))
        return data

    # ------------------------------------------------------------------ entry point
    def build(self, text: str, spans: list) -> list[Record]:
        verb_runs = [(m.start(), m.end()) for m in self._run_re.finditer(text)]
        if not verb_runs:
            return []  # every record is read from a giving verb: no need to index the spans
        doc = _Doc(self, text, spans, verb_runs)
        records: list[Record] = []
        cuts = [m.start() for m in re.finditer("\n", text)]
        for p_start, p_end in _ranges(0, len(text), cuts):
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

    def __init__(self, rules: RecordBuilder, text: str, spans: list, verb_runs: list):
        self.r, self.w, self.text = rules, rules._w, text
        n = len(text)
        good = [m for m in spans if isinstance(m, Match) and 0 <= m.start < m.end <= n]
        # By start, longer first: two stable sorts with C keys, not a Python key per span
        good.sort(key=_END, reverse=True)
        good.sort(key=_START)
        by_label: dict = {"ORG": [], "DATE": [], "QUANTITY": [], "MONEY": []}  # one pass
        for m in good:
            if m.label in by_label:
                by_label[m.label].append(m)
        self.orgs, self.dates = by_label["ORG"], by_label["DATE"]
        self.quantities = by_label["QUANTITY"]
        if by_label["MONEY"]:
            amounts = [m for m in good if m.label == "MONEY"
                       or (m.label == "QUANTITY" and rules.is_goods(m))]
        else:  # the usual dense run: only counts
            amounts = [m for m in self.quantities if rules.is_goods(m)]
        self.amounts = [_Amount(m.start, m.end, m.label, getattr(m.value, "item", None) or "")
                        for m in amounts]
        self.amount_starts = list(map(_START, self.amounts))
        self.date_starts = list(map(_START, self.dates))
        self.org_starts = list(map(_START, self.orgs))
        self.quantity_starts = list(map(_START, self.quantities))
        self.quantity_by_end = dict(zip(map(_END, self.quantities), self.quantity_starts))
        self.guard_starts = list(map(_START, good))
        self.guard_ends = list(map(_END, good))
        self.verb_runs = verb_runs
        self.run_starts = [v[0] for v in self.verb_runs]
        false_heads = self.w["head_false_words"]
        heads = [m.span() for m in rules._head_re.finditer(text)] if rules._head_re else []
        if rules._pronoun_re:
            heads += [m.span() for m in rules._pronoun_re.finditer(text)
                      if (m.start() == 0 or text[m.start() - 1] in _PUNCT)
                      and not _covered(text, m.start(), false_heads)]
            heads.sort()
        self.heads = heads
        self.head_starts = [h[0] for h in self.heads]

    # ------------------------------------------------------------------ helpers
    def _in(self, starts, items, start, end):
        """Items (sorted by start) lying inside [start, end)."""
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end)
        return [it for it in items[lo:hi] if _end(it) <= end]

    def _first_in(self, starts, items, start, end):
        """The first of _in(starts, items, start, end), or None, without listing the rest (a
        dense paragraph has as many dates as characters)."""
        for i in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)):
            if _end(items[i]) <= end:
                return items[i]
        return None

    def verb_between(self, start: int, end: int) -> bool:
        """Does a giving verb begin in [start, end)?"""
        i = bisect.bisect_left(self.run_starts, start)
        return i < len(self.run_starts) and self.run_starts[i] < end

    def _guarded(self, pos: int) -> bool:
        """Is pos strictly inside a span (a clock time 17:06 must not split a clause)?"""
        i = bisect.bisect_right(self.guard_starts, pos) - 1
        if i < 0:
            return False
        i = bisect.bisect_left(self.guard_starts, self.guard_starts[i])  # the longest there
        return self.guard_starts[i] < pos < self.guard_ends[i]

    def ref(self, start: int, end: int) -> TextRef:
        return TextRef(start, end, self.text[start:end])

    # ------------------------------------------------------------------ paragraph / sentence
    def paragraph(self, p_start: int, p_end: int) -> list[Record]:
        records: list[Record] = []
        cuts = [m.start() for m in self.r._sentence_cut_re.finditer(self.text, p_start, p_end)]
        sentences = _ranges(p_start, p_end, cuts)
        carried = _Carried(self, sentences)
        full: Optional[list] = None  # read at the first sentence with an amount
        openers: dict = {}
        for k, (s_start, s_end) in enumerate(sentences):
            if self._first_in(self.amount_starts, self.amounts, s_start, s_end) is None:
                continue  # no amount, no record; a later act may still read its subject
            if full is None:
                para_opener = self._paragraph_as_of(p_start, p_end)
                full = _ranges(p_start, p_end, [m.start() for m in
                                                _FULL_STOP_RE.finditer(self.text, p_start, p_end)])
                full_starts = [f[0] for f in full]
            f = full[max(0, bisect.bisect_right(full_starts, s_start) - 1)] if full else None
            if f not in openers:
                openers[f] = f and self._sentence_as_of(*f)
            sentence = _Sentence(self, s_start, s_end)
            records.extend(sentence.records(partial(carried.into, k), openers[f] or para_opener))
        return records

    def _sentence_as_of(self, s_start: int, s_end: int) -> Optional[TextRef]:
        """A date opening a sentence (截至6月30日，…；… or 5月1日起，…) governs all its clauses,
        also those after ；. A 以来 date says since when the amounts accrued, not as of when."""
        d = self._first_in(self.date_starts, self.dates, s_start, s_end)
        if d is None or len(self.text[s_start:d.start].strip()) > _OPENER_LEAD_MAX:
            return None
        after = self.text[d.end:d.end + 4].lstrip()
        if getattr(d.value, "relation", None) == "since" and after.startswith(("以来", "来")):
            return None
        return self.ref(d.start, d.end)

    def _paragraph_as_of(self, p_start: int, p_end: int) -> Optional[TextRef]:
        """A 截至… date opening the paragraph governs all of it (spec: as_of)."""
        d = self._first_in(self.date_starts, self.dates, p_start, p_end)
        if d is None or getattr(d.value, "relation", None) != "as_of" \
                or len(self.text[p_start:d.start].strip()) > 3:
            return None
        return self.ref(d.start, d.end)


class _Carried:
    """The subject each sentence of a paragraph carries into the next: the last one it names,
    else the one carried into it. Read only when an act names no actor of its own, and then
    only back to the nearest sentence naming one, so most sentences are never searched."""

    def __init__(self, doc: _Doc, sentences: list):
        self.d, self.sentences = doc, sentences
        self._at, self._value = 0, None  # the subject carried into sentence _at

    def into(self, k: int) -> Optional[TextRef]:
        """The subject carried into sentence k; asked in reading order, so each sentence is
        searched at most once."""
        if k != self._at:
            found = None
            for j in range(k - 1, self._at - 1, -1):
                found = _Sentence(self.d, *self.sentences[j]).last_subject()
                if found:
                    break
            self._at, self._value = k, found or self._value
        return self._value


def _end(item) -> int:
    return item.end if hasattr(item, "end") else item[1]


def _covered(text: str, pos: int, words) -> bool:
    """Is text[pos] part of one of `words` written around it (为 inside 作为, 成为)?"""
    return any(text.startswith(w, pos - i) for w in words for i, ch in enumerate(w)
               if ch == text[pos] and pos - i >= 0)


def _list_ends(text: str, pos: int) -> list[int]:
    """Where a list '、B、C等' starting at pos may end, just past a 等: items of 1 to
    _LIST_ITEM_MAX characters, each after a 、; 等 ends the list inside or right after an item.

    This is what the regex (?:、[^，,。；;、]{1,12})*等 matches at pos: backtracking from the
    longest list, it ends at the last such 等 before its end position, so one walk over the
    list answers every limit (the last end <= limit)."""
    n = len(text)
    if pos >= n or text[pos] != "、":
        return [pos + 1] if pos < n and text[pos] == "等" else []
    ends = []
    while pos < n and text[pos] == "、":
        start = stop = pos + 1
        while stop < n and stop - start < _LIST_ITEM_MAX and text[stop] not in _LIST_ITEM_STOPS:
            stop += 1
        if stop == start:
            break  # an empty item ends the list
        ends.extend(p + 1 for p in range(start + 1, min(stop + 1, n)) if text[p] == "等")
        pos = stop
    return ends


def _outermost(cands: list) -> list:
    """The (start, end, is_org) candidates not lying inside another one, sorted, each once.

    Sorted by start and longer first, a candidate lies inside another exactly when an earlier
    one reaches as far, or the same range is there with the other is_org."""
    unique = set(cands)
    kept, reach = [], -1
    for c in sorted(unique, key=lambda c: (c[0], -c[1])):
        if reach < c[1] and (c[0], c[1], not c[2]) not in unique:
            kept.append(c)
        reach = max(reach, c[1])
    return sorted(kept)


def _ranges(start: int, end: int, cuts) -> list[tuple[int, int]]:
    """Non-empty ranges of [start, end) between the cut positions (cut characters dropped)."""
    ranges, begin = [], start
    for cut in cuts:
        if cut > begin:
            ranges.append((begin, cut))
        begin = cut + 1
    if end > begin:
        ranges.append((begin, end))
    return ranges


def _clauses(doc: _Doc, start: int, end: int):
    """Clauses of a sentence and its top-level bracket ranges (open, close).

    Commas inside brackets or inside a span (a clock time 17:06) do not split: a bracketed
    split (捐款7.46亿元，捐物…) stays with the amount it splits."""
    cuts, brackets, depth, opened = [], [], 0, start
    for m in _CLAUSE_RE.finditer(doc.text, start, end):
        ch, i = m.group(), m.start()
        if ch in _OPENERS:
            opened = i if depth == 0 else opened
            depth += 1
        elif ch in _CLOSERS:
            if depth == 1:
                brackets.append((opened, i))
            depth = max(0, depth - 1)
        elif depth == 0 and not doc._guarded(i):
            cuts.append(i)
    if depth:
        brackets.append((opened, end))
    return _ranges(start, end, cuts) or [(start, end)], brackets


class _Sentence:
    """One sentence: its clauses, giving acts, and the records they make."""

    def __init__(self, doc: _Doc, start: int, end: int):
        self.d, self.r, self.w, self.t = doc, doc.r, doc.w, doc.text
        self.start, self.end = start, end
        self.clauses, self.brackets = _clauses(doc, start, end)
        self.clause_starts = [c[0] for c in self.clauses]
        self.bracket_starts = [b[0] for b in self.brackets]
        self.amounts = doc._in(doc.amount_starts, doc.amounts, start, end)
        self.amount_starts = [a.start for a in self.amounts]
        self._subjects: dict = {}
        self._cands: dict = {}
        self._list_ends: dict = {}
        self.closers = [m.start() for m in _CLOSER_RE.finditer(doc.text, start, end)]
        self._continuing: dict = {}

    def _read_acts(self) -> None:
        """Index the giving acts, for records(); a sentence only searched for the subject it
        carries on needs none of this."""
        self.groups = self._groups()
        self.group_starts = [g.start for g in self.groups]
        self.strong_ends = [g.end for g in self.groups if not g.weak]
        self.strong = [g for g in self.groups if not g.weak]
        self.weak_ends = [g.end for g in self.groups if g.weak]
        self.weak = [g for g in self.groups if g.weak]
        self.acting_clauses = {g.clause for g in self.strong}
        self.first_amount: dict = {}
        for a in self.amounts:
            self.first_amount.setdefault(self.clause_of(a.start), a.start)

    # ------------------------------------------------------------------ structure
    def clause_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.clause_starts, pos) - 1)

    def bracketed(self, pos: int) -> bool:
        i = bisect.bisect_left(self.bracket_starts, pos) - 1
        return i >= 0 and pos < self.brackets[i][1]

    def _groups(self) -> list[_Group]:
        d, t = self.d, self.t
        groups: list[_Group] = []
        for s, e in d._in(d.run_starts, d.verb_runs, self.start, self.end):
            if self.brackets and self.bracketed(s):
                continue
            g = _Group(s, e, None, self.clause_of(s))
            cs = self.clauses[g.clause][0]
            if t.endswith(self.w["purpose_leads"], cs, s):
                continue  # 用于资助…: what counted money is for, not a new act
            g.weak = bool(_ATTRIBUTIVE.match(t, e, e + 2)) or t[s - 1:s] == "所"
            if self.r._plan_re and self.r._plan_re.search(
                    t, max(cs, s - _PLAN_WINDOW - _RECIPIENT_MAX), s):
                at = self._marker_before(cs, s) or s  # 计划于月底前再向敬老院送出…
                before = t[max(cs, at - _PLAN_WINDOW):s]
                g.blocked = bool(self.r._plan_re.search(before))
            if self.r._found["per_unit_markers"].search(t, max(cs, s - _PER_UNIT_WINDOW), s):
                g.blocked = True  # 单个项目资助…: a rate per unit, not an act
            prev = groups[-1] if groups else None
            if prev and prev.clause == g.clause and not (prev.weak or g.weak) \
                    and not self._amount_between(prev.end, s) and self._object_verb(prev, g):
                continue
            groups.append(g)
        return [g for g in groups if not self._names_a_part(g)]

    def _marker_before(self, cs: int, s: int) -> Optional[int]:
        """Start of the recipient phrase (向…, 为…) written before the verb at s, if any."""
        lo = max(cs, s - _RECIPIENT_MAX)
        found = None
        for m in self.r._recipient_re.finditer(self.t, lo, s) if self.r._recipient_re else ():
            if not _covered(self.t, m.start(), self.r._false_recipient):
                found = m.start()
                break
        return found

    def _object_verb(self, prev: _Group, g: _Group) -> bool:
        """Does g only name what prev takes in (接收社会各界捐款, 收到企业捐赠物资)? 捐款/捐物 double
        as nouns, and what is received or raised is donations; 捐款捐物及义演所得共计募集 keeps
        募集 as the act."""
        verbs = self.r._verbs
        if all(verbs[v].moves for v in self.verbs_of(g) if v in verbs):
            return True
        first = next((verbs[v] for v in self.verbs_of(prev) if v in verbs), None)
        return first is not None and first.action in ("receive", "raise")

    def _opens_with(self, pos: int, words) -> bool:
        """Does the text at pos, after blanks, start with one of words?"""
        return self.t.startswith(words, _BLANKS.match(self.t, pos).end())

    def _amount_between(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.amount_starts, start)
        return i < len(self.amounts) and self.amounts[i].start < end

    def _names_a_part(self, g: _Group) -> bool:
        """捐款368万元，其中企业捐款280万元，个人捐款88万元: after 其中 opening a clause that follows
        an amount, giving words name the kinds of the parts, not new acts (其中已拨付… still is)."""
        verbs = self.r._verbs
        if any(verbs[v].action == "disburse" for v in self.verbs_of(g) if v in verbs):
            return False
        for ci in range(g.clause, max(0, g.clause - _REACH_CLAUSES), -1):
            cs, ce = self.clauses[ci]
            lo = self.clauses[max(0, ci - _REACH_CLAUSES)][0]
            if self._opens_with(cs, self.w["split_markers"]) and self._amount_between(lo, cs):
                # 其中，甲公司捐赠…: a marker standing alone before a clause with its own
                # subject and verb opens a new act of that subject
                alone = self.t[cs:ce].strip() in self.w["split_markers"]
                return not (alone and ci < g.clause and self._subject(g.clause, g.start))
        return False

    def verbs_of(self, g: _Group) -> list:
        if g.verbs is None:
            hits = self.r._verb_re.finditer(self.t, g.start, g.end)
            g.verbs = [m.group() for m in itertools.islice(hits, _RUN_VERBS_MAX)]
        return g.verbs

    # ------------------------------------------------------------------ amounts → acts
    def _continues(self, ci: int) -> bool:
        """Does clause ci (up to its first amount) only continue a giving clause?"""
        if ci not in self._continuing:
            cs, ce = self.clauses[ci]
            body = self.t[cs:self.first_amount.get(ci, ce)].strip()
            if any(body.startswith(w) for w in self.w["continuation_openers"]):
                self._continuing[ci] = True
            elif self.r._found["clause_breakers"].search(body):
                self._continuing[ci] = False
            else:
                self._continuing[ci] = len(body.split("、")[-1]) <= _CONTINUATION_MAX
        return self._continuing[ci]

    def _reaches(self, g: _Group, a: _Amount) -> bool:
        ca = self.clause_of(a.start)
        if ca - g.clause > _REACH_CLAUSES:
            return False
        return all(ci not in self.acting_clauses and self._continues(ci)
                   for ci in range(g.clause + 1, ca + 1))

    def _governor(self, a: _Amount) -> Optional[_Group]:
        """The giving act an amount belongs to, or None."""
        i = bisect.bisect_right(self.strong_ends, a.start) - 1
        strong = self.strong[i] if i >= 0 else None
        j = bisect.bisect_right(self.weak_ends, a.start) - 1
        weak = self.weak[j] if j >= 0 else None
        if strong and self._reaches(strong, a):
            return strong
        k = bisect.bisect_left(self.group_starts, a.end)  # 2万只口罩运抵灾区; 把…1000万元拨付给
        ca = self.clause_of(a.start)
        for g in self.groups[k:k + _REACH_CLAUSES]:
            if g.clause != ca:
                break
            if not g.weak:
                return g
        if weak and (not strong or weak.start > strong.start) and self._reaches(weak, a):
            return weak
        return None

    def _non_record(self, a: _Amount) -> bool:
        cs = self.clauses[self.clause_of(a.start)][0]
        lead = self.t[max(cs, a.start - _NON_RECORD_WINDOW):a.start]
        if self.r._found["non_record_words"].search(lead):
            return True
        i = bisect.bisect_left(self.amount_starts, a.start) - 1
        own = self.t[max(cs, a.start - _PER_UNIT_WINDOW,
                         self.amounts[i].end if i >= 0 else cs):a.start]
        if self.r._found["per_unit_markers"].search(own):
            return True  # 每户可领取2万元: a rate per head or household
        return a.label == "QUANTITY" and self._purpose(cs, a)

    def _purpose(self, cs: int, a: _Amount) -> bool:
        """用于新建3个仓库, 修缮校舍800平方米: a count after a purpose or building verb of its
        clause (with no giving verb after that word) is what the money is for."""
        lo = max(cs, a.start - _OBJECT_MAX)
        lead = self.t[lo:a.start]
        at = max((lead.rfind(w) for w in self.w["purpose_leads"] + self.w["purpose_verbs"]),
                 default=-1)
        return at >= 0 and not self.d.verb_between(lo + at, a.start)

    # ------------------------------------------------------------------ records
    def records(self, carried: Callable[[], Optional[TextRef]],
                opener: Optional[TextRef]) -> list[Record]:
        self._read_acts()
        acts: dict[int, list[_Amount]] = {}
        governors: dict = {}
        for a in self.amounts:
            g = governors[a] = self._split_governor(a, governors) or self._governor(a)
            if g is None or g.blocked or self._non_record(a):
                continue
            acts.setdefault(id(g), []).append(a)
        out = []
        for g in self.groups:
            if id(g) in acts:
                rec = self._record(g, acts[id(g)], carried, opener, acts)
                if rec:
                    out.append(rec)
        return out

    def _split_governor(self, a: _Amount, governors: dict) -> Optional[_Group]:
        """The act of the total when a is a part after 其中 (…5亿元，…，其中3亿元用于…，2亿元用于…):
        parts belong to the record of the amount they split, unless an act of their own stands
        after 其中 (其中已拨付…)."""
        ca = self.clause_of(a.start)
        for ci in range(ca, max(-1, ca - _REACH_CLAUSES), -1):
            cs = self.clauses[ci][0]
            if self._opens_with(cs, self.w["split_markers"]):
                i = bisect.bisect_left(self.amount_starts, cs) - 1
                lo = bisect.bisect_left(self.group_starts, cs)
                hi = bisect.bisect_left(self.group_starts, a.start)
                if i < 0 or any(not g.weak for g in self.groups[lo:hi]):
                    return None
                return governors.get(self.amounts[i])
            if not self._continues(ci) or ci in self.acting_clauses:
                return None
        return None

    def _record(self, g: _Group, amounts, carried, opener, acting) -> Optional[Record]:
        actor = self._actor(g, carried)
        recipient = self._recipient(g, actor)
        inside = [r for r in (actor, recipient) if r]
        amounts = [a for a in amounts if a.label == "MONEY"
                   or not any(r.start <= a.start and a.end <= r.end for r in inside)]
        if not amounts:
            return None
        money = [a for a in amounts if a.label == "MONEY"]
        goods = [a for a in amounts if a.label == "QUANTITY"]
        if self._deploys(g, actor):
            return None
        classes = [self.r._verbs[v] for v in self.verbs_of(g) if v in self.r._verbs]
        head = classes[0]
        roles = self._roles(g, money, amounts, classes)
        cash_only = money and not goods and "value_of_goods" not in roles.values()
        action = head.money_action if cash_only else head.action
        recipient = recipient or self._handed_over(g, amounts)
        if recipient is None and action in ("donate", "disburse"):
            recipient = self._neighbour_recipient(g, actor, acting)
        cs = self.clauses[g.clause][0]
        start = min(cs, amounts[0].start)
        return Record(
            start, max(a.end for a in amounts), action, self.t[g.start:g.end], actor, recipient,
            tuple(MoneyRef(a.start, a.end, self.t[a.start:a.end], roles.get(a)) for a in money),
            tuple(self.d.ref(a.start, a.end) for a in goods),
            self._as_of(min(g.start, amounts[0].start)) or opener)

    def _handed_over(self, g: _Group, amounts) -> Optional[TextRef]:
        """…6.8万美元，委托县红十字会用于…; 款项已汇入市侨联专户: an organisation named right after
        a hand-over verb between the act and the next one takes the gift over."""
        k = bisect.bisect_right(self.group_starts, g.start)
        end = self.groups[k].start if k < len(self.groups) else self.end
        end = min(end, self.clauses[min(len(self.clauses) - 1,
                                        self.clause_of(amounts[-1].start) + 1)][1])
        pattern = self.r._handover_re
        for m in pattern.finditer(self.t, g.end, end) if pattern else ():
            at = m.end() + self.t.startswith("给", m.end())
            i = bisect.bisect_left(self.d.org_starts, at)
            if i < len(self.d.orgs) and self.d.orgs[i].start == at:
                return self.d.ref(at, self.d.orgs[i].end)
        return None

    def _deploys(self, g: _Group, actor: Optional[TextRef]) -> bool:
        """救援队派出队员26人、救援车辆5台: a team sending out its people or gear on a mission
        (people counted in the clause, or a rescue team as actor) gives nothing away."""
        if not any(v in self.w["deployment_verbs"] for v in self.verbs_of(g)):
            return False
        if actor and _ends_with_any(actor.text, self.w["rescue_team_heads"]):
            return True
        ce = self.clauses[g.clause][1]
        units = self.w["people_units"]
        return any(getattr(q.value, "unit", None) in units
                   for q in self.d._in(self.d.quantity_starts, self.d.quantities, g.end, ce))

    def _neighbour_recipient(self, g: _Group, actor, acting) -> Optional[TextRef]:
        """资助困难学生200名，发放助学金60万元 / 捐赠棉衣500件，运抵受灾村: an act of the sentence
        right before or after, with no amounts of its own, names where the gift went."""
        k = bisect.bisect_left(self.group_starts, g.start)
        for n in (k - 1, k + 1):
            if not 0 <= n < len(self.groups):
                continue
            other = self.groups[n]
            if id(other) in acting or other.blocked or other.weak:
                continue
            own = self._subject(other.clause, other.start)
            if own and own != actor:
                continue  # …，乙商会援助湖北: another giver's act
            verbs = [self.r._verbs.get(v) for v in self.verbs_of(other)]
            if all(c and c.action in ("donate", "disburse") for c in verbs):
                found = self._recipient(other, actor)
                if found:
                    return found
        return None

    # ------------------------------------------------------------------ as_of
    def _as_of(self, anchor: int) -> Optional[TextRef]:
        """The nearest DATE of the sentence before the act (截至2月11日，…捐款…). A date inside the
        act's own clause counts whatever it says (会员自3月1日起每月捐赠); a start date in an
        earlier clause (自4月2日以来，…累计捐赠) says since when, not as of when."""
        cs = self.clauses[self.clause_of(anchor)][0]
        dates = self.d.dates
        lo = bisect.bisect_left(self.d.date_starts, self.start)
        for i in range(bisect.bisect_left(self.d.date_starts, anchor) - 1, lo - 1, -1):
            d = dates[i]  # from the nearest back, not listing the sentence's dates for each act
            if d.end <= anchor and (d.start >= cs or getattr(d.value, "relation", None) != "since"):
                return self.d.ref(d.start, d.end)
        return None

    # ------------------------------------------------------------------ actor
    def _actor(self, g: _Group, carried: Callable[[], Optional[TextRef]]) -> Optional[TextRef]:
        own = self._subject(g.clause, g.start) or self._pivot(g) or self._named_phrase(g)
        if own:
            return own
        for ci in range(g.clause - 1, max(-1, g.clause - 1 - _REACH_CLAUSES), -1):
            found = self._subject(ci, self.clauses[ci][1])
            if found:
                return found
        for ci in range(g.clause + 1, min(len(self.clauses), g.clause + 1 + _REACH_CLAUSES)):
            # 口罩运抵某镇，基金会是…: the sentence names its subject after the act
            found = self._subject(ci, self.clauses[ci][1])
            if found:
                return found
        return carried()

    def _pivot(self, g: _Group) -> Optional[TextRef]:
        """动员4500余家民营企业捐款: with no subject before it, the givers a causative verb
        names right before the giving verb are the actor."""
        cs = self.clauses[g.clause][0]
        for c_start, c_end, _ in self._candidates(cs, g.start):
            lead = self.t[max(cs, c_start - _PIVOT_GAP):c_start]
            if lead.endswith(self.w["causative_markers"]) and g.start - c_end <= _PIVOT_GAP:
                return self.d.ref(c_start, c_end)
        return None

    def _named_phrase(self, g: _Group) -> Optional[TextRef]:
        """An organisation the span recognisers missed (甲市文化与旅游协会为灾区捐赠…): a clause
        opening with a phrase that ends in an organisation head word has it as its subject."""
        t, cs = self.t, self.clauses[g.clause][0]
        start = self._after_openers(cs, g.start)
        m = self.r._org_head_re.search(t, start, min(g.start, start + _NAME_MAX)) \
            if self.r._org_head_re else None
        if m is None or m.start() - start < 2:
            return None
        name = t[start:m.start()]
        if any(name.startswith(w) for w in self.w["object_markers"]) or any(
                w in name for w in self.w["object_markers"] if w not in _NAME_CHARS):
            return None  # 向…协会, 通过…基金会: the organisation is no subject
        if self.d._in(self.d.run_starts, self.d.verb_runs, start, m.end()) or any(
                o.start < m.end() and start < o.end for o in
                self.d._in(self.d.org_starts, self.d.orgs, start, m.end())):
            return None
        return self.d.ref(start, m.end())

    def _after_openers(self, pos: int, limit: int) -> int:
        """pos past blanks, dates and 截至 words that open a clause."""
        moved = True
        while moved and pos < limit:
            moved = False
            pos = _BLANKS.match(self.t, pos).end()
            w = next((w for w in _AS_OF_WORDS if self.t.startswith(w, pos)), None)
            if w:
                pos, moved = pos + len(w), True
            i = bisect.bisect_left(self.d.date_starts, pos)
            if i < len(self.d.dates) and self.d.dates[i].start == pos:
                pos, moved = self.d.dates[i].end, True
        return pos

    def last_subject(self) -> Optional[TextRef]:
        last = len(self.clauses) - 1
        for ci in range(last, max(-1, last - _REACH_CLAUSES), -1):
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
            if not is_org:  # a group phrase names the givers itself (…等三十多家成员单位)
                return self.d.ref(c_start, c_end)
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
        if self.r._found["object_markers"].search(pre):
            return None
        if self.d.verb_between(cs, c_start):
            return None  # 接收爱心企业捐赠的…: a name after a giving verb is its object or source
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
            nxt = self.d._first_in(self.d.org_starts, self.d.orgs, end + 1, limit)
            if nxt is None or nxt.start != end + 1:
                break
            end = nxt.end
        return end

    def _group_after_list(self, end: int, limit: int, cands) -> Optional[tuple]:
        """A group phrase after 'A、B等' names the joint subject (…等三十多家成员单位)."""
        if end not in self._list_ends:
            self._list_ends[end] = _list_ends(self.t, end)
        ends = self._list_ends[end]  # the acts of one long clause ask with growing limits
        i = bisect.bisect_right(ends, limit) - 1
        if i < 0:
            return None
        at = ends[i]
        return next(((s, e) for s, e, is_org in cands if s == at and not is_org), None)

    def _candidates(self, start: int, limit: int):
        """Organisations and group phrases (start, end, is_org) beginning in [start, limit)."""
        d = self.d
        lo = bisect.bisect_left(d.org_starts, start)
        hi = min(bisect.bisect_left(d.org_starts, limit), lo + _CANDIDATES_MAX)
        h_lo = bisect.bisect_left(d.head_starts, start)
        h_hi = min(bisect.bisect_left(d.head_starts, limit), h_lo + _CANDIDATES_MAX)
        # Only these slices depend on limit: the acts of one long clause share them
        key = (start, hi, h_hi)
        if key not in self._cands:
            self._cands[key] = self._read_candidates(start, lo, hi, h_lo, h_hi)
        return self._cands[key]

    def _read_candidates(self, start: int, lo: int, hi: int, h_lo: int, h_hi: int) -> list:
        d = self.d
        orgs = d.orgs[lo:hi]
        found = [(o.start, o.end, True) for o in orgs]
        # Does an organisation starting before x reach past y? Its starts are sorted, so the
        # furthest end of the first i of them answers it by bisection, not a scan per head.
        starts = d.org_starts[lo:hi]
        reach = list(itertools.accumulate(map(_END, orgs), max))

        def reaches(x: int, y: int) -> bool:
            i = bisect.bisect_left(starts, x)
            return i > 0 and reach[i - 1] > y

        for hs, he in d.heads[h_lo:h_hi]:
            if reaches(he, hs):
                continue  # the head overlaps an organisation
            ps = self._extend_left(hs, start, lambda at: reaches(at, at - 1))
            if ps == hs and self.t[hs:he] in self.r._generic and not any(
                    self.t[max(start, hs - len(w)):hs] == w
                    for w in self.w["existential_openers"]):
                continue  # 企业/单位 alone is too common to name a giver (另有企业… does)
            found.append((ps, he, False))
        return _outermost(found)

    def _extend_left(self, hs: int, floor: int, in_org) -> int:
        """Take in the count, scope and kind words before a group noun (全省各级, 223家)."""
        counted = False
        for _ in range(6):
            if in_org(hs):  # an organisation runs up to or over hs
                break
            q = self.d.quantity_by_end.get(hs)
            if q is not None and q >= floor:
                hs, counted = q, True
                continue
            at = self._modifier_before(hs, floor, gap=0 if counted else _MODIFIER_GAP)
            if at is None:
                break
            hs = at
        return hs

    def _modifier_before(self, hs: int, floor: int, gap: int) -> Optional[int]:
        """Start of a modifier ending at hs, or up to `gap` characters of a kind word before it
        (全市各级妇联组织: 各级 + 妇联 + 组织; not across 有 in 全县共有86家…)."""
        for skip in range(gap + 1):
            end = hs - skip
            if skip and (end < floor or not _KIND_CHAR.match(self.t, end)):
                return None
            for size in self.r._modifier_lengths:
                if size and end - size >= floor and self.t[end - size:end] in self.r._modifiers:
                    return end - size
        return None

    # ------------------------------------------------------------------ recipient
    def _recipient(self, g: _Group, actor: Optional[TextRef]) -> Optional[TextRef]:
        t = self.t
        cs, ce = self.clauses[g.clause]
        classes = [self.r._verbs.get(v) for v in self.verbs_of(g)]
        follows = any(c and c.recipient_follows for c in classes)
        if follows or t.startswith(self.w["recipient_complements"], g.end):  # 拨付给市卫健委
            stop = ce
            i = bisect.bisect_left(self.amount_starts, g.end)
            if i < len(self.amounts) and self.amounts[i].start < stop:
                a = self.amounts[i]  # 驰援襄樊口罩1万个: the item is no recipient
                stop = a.start - len(a.item) if t.endswith(a.item, g.end, a.start) else a.start
            q = bisect.bisect_left(self.d.quantity_starts, g.end)  # 资助新生1200名: a head count
            if q < len(self.d.quantities):
                stop = min(stop, max(g.end, self.d.quantities[q].start))
            k = bisect.bisect_left(self.group_starts, g.end)
            if k < len(self.groups):
                stop = min(stop, self.groups[k].start)
            lead = next((w for w in self.w["recipient_complements"] if t.startswith(w, g.end)), "")
            phrase = self._trim(g.end + len(lead), self._cut(g.end + len(lead), stop))
            if phrase and not phrase.text.startswith(self.w["recipient_false_starts"]) \
                    and not self._names_a_gift(phrase.text):
                return phrase
        lo = max(cs, actor.end) if actor and cs <= actor.end <= g.start else cs
        lo = max(lo, g.start - _RECIPIENT_MAX * 2)
        marker = None
        for m in self.r._recipient_re.finditer(t, lo, g.start) if self.r._recipient_re else ():
            if not _covered(t, m.start(), self.r._false_recipient):
                marker = m
        if marker is None:
            return None
        phrase = self._trim(marker.end(), g.start)
        if phrase is None or any(phrase.text.startswith(w) for w in self.w["purpose_words"]):
            return None
        k = bisect.bisect_left(self.group_starts, marker.end())
        if self.groups[k].start < g.start:
            return None  # another act lies between: 向南京发运的物资运抵…
        return phrase

    def _cut(self, start: int, end: int) -> int:
        """End of a recipient phrase before a purpose that follows it (支援居民应对寒潮)."""
        cuts = [i for w in self.w["recipient_cuts"]
                for i in (self.t.find(w, start + 1, end),) if i > start]
        return min(cuts, default=end)

    def _names_a_gift(self, phrase: str) -> bool:
        """Is the object after the verb what was given (支援资金, 拨付物资价值…), not to whom?"""
        return bool(_ends_with_any(phrase, self.w["money_nouns"])
                    or _ends_with_any(phrase, self.w["goods_nouns"])
                    or any(v in phrase for v in self.w["value_markers"]))

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
            start = t.rindex("等", start, end) + 1  # 为A、B…等40余所学校 → 40余所学校
        if end <= start or end - start > _RECIPIENT_MAX:
            return None
        return self.d.ref(start, end)

    # ------------------------------------------------------------------ money roles
    def _roles(self, g: _Group, money, amounts, classes) -> dict:
        roles = self._bracket_roles(money)
        self._split_roles(money, amounts[0].start, amounts[-1].end, roles)
        for m in money:
            if m not in roles and self._prices_goods(g, m, classes):
                roles[m] = "value_of_goods"
        return roles

    def _bracket_roles(self, money: list) -> dict:
        """Total and parts of 9.79亿元（捐款7.46亿元，捐物价值约2.33亿元）: an amount right before an
        opening bracket is the total of the amounts after it up to the closing one.

        Read as if each bracket assigned its roles in turn, a later one overwriting an earlier:
        an amount with parts of its own stays a total (no later bracket reaches back to it),
        and any other amount some earlier bracket holds is a part. Amounts are sorted by start."""
        t, n = self.t, len(money)
        starts = [x.start for x in money]
        first_end = list(itertools.accumulate(reversed([x.end for x in money]), min))[::-1]
        totals, opened = set(), []
        for i, m in enumerate(money):
            if m.end < len(t) and t[m.end] in _OPENERS:
                c = bisect.bisect_left(self.closers, m.end)
                close = self.closers[c] if c < len(self.closers) else self.end
                a = bisect.bisect_right(starts, m.end)  # the amounts after the bracket opens
                if a < n and first_end[a] <= close:
                    totals.add(i)
                    opened.append((m.end, close))
        opened.sort()
        opened_ends = [o[0] for o in opened]
        reach = list(itertools.accumulate((o[1] for o in opened), max))
        roles: dict = {}
        for j, x in enumerate(money):
            if j in totals:
                roles[x] = "total"
                continue
            k = bisect.bisect_left(opened_ends, x.start)  # brackets opened before x
            if k and reach[k - 1] >= x.end:
                roles[x] = "part"
        return roles

    def _split_roles(self, money: list, lo: int, hi: int, roles: dict) -> None:
        """合计6.2亿元，其中现金2.5亿元…: a split word between lo and hi makes the last amount
        before it without a role the total, and those after it without one the parts."""
        top = len(money) - 1  # the last amount without a role: roles are only ever added
        for split in self.r._split_res:
            for mk in split.finditer(self.t, lo, hi):
                at = mk.start()
                while top >= 0 and money[top] in roles:
                    top -= 1
                if top < 0 or money[top].start < at:
                    continue  # none is left after the word: a dense run skips its list work
                before = [x for x in money if x.end <= at and x not in roles]
                after = [x for x in money if x.start >= at and x not in roles]
                if before and after:
                    roles[before[-1]] = "total"
                    roles.update((p, "part") for p in after)

    def _prices_goods(self, g: _Group, m: _Amount, classes) -> bool:
        t, w, r = self.t, self.w, self.r
        cs = self.clauses[self.clause_of(m.start)][0]
        lead = t[max(cs, m.start - _VALUE_LEAD):m.start]
        found = r._value_re.search(lead) if r._value_re else None
        if found:  # 价值约为560万元, 折合金额1.7亿元; but 捐款折合人民币…: money converted
            return not _ends_with_any(lead[:found.start()], w["money_nouns"])
        head = self._phrase_after(m.end)  # 80余万元的医疗设备, 300万元救灾物资, 15万元救助金
        if head:
            if _ends_with_any(head, w["money_nouns"]):
                return False
            if _ends_with_any(head, w["goods_nouns"]):
                return True
        moves = {c.moves for c in classes if c.moves}
        if moves:
            return moves == {"goods"}
        if self.clause_of(m.start) != g.clause or m.start < g.end:
            return False
        lo = max(g.end, m.start - _OBJECT_MAX)
        obj = t[lo:m.start]  # what was given, written between verb and amount
        if obj.startswith(w["recipient_complements"]):
            return False  # 拨付至各医疗机构8612万元: the words name where it went
        for i in range(bisect.bisect_left(self.amount_starts, lo), len(self.amounts)):
            x = self.amounts[i]
            if x.start >= m.start:
                break
            obj = obj.replace(t[x.start:x.end], "")
        if self.r._filler_re:
            obj = self.r._filler_re.sub("", obj)
        obj = "".join(ch for ch in obj if ch not in _PUNCT and ch not in "和及与")
        if any(len(p) > 1 and obj.endswith(p) for p in w["non_goods_items"]):
            return False  # 拨付各街道52万元: the object is where the money went
        if _ends_with_any(obj, r._verb_words):
            return False  # 接受社会捐赠1亿元: donations of any kind, not priced goods
        return bool(obj) and not (r._money_noun_re and r._money_noun_re.search(obj))

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
