"""spaCy factory ``socorg_orgs``: ORG spans (named organisations) with Org values.

Users extend the built-in lists with names of their own, either in code::

    nlp.get_pipe("socorg_orgs").add_names(["森德慈善基金会", ("周大福", "company")])

or with a names file in the config (``names_file``: one name a line, optionally a tab and its
kind; ``#`` lines are comments). Added names are part of the component's data, so ``to_disk``
saves them and ``from_disk`` restores them.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Optional, Union

from spacy.language import Language

from ..normalize import normalize
from ..recognizers.orgs import OrgRecognizer
from ..types import ORG_KINDS
from .base import DEFAULT_SPANS_KEY, RuleComponent

NameEntry = Union[str, tuple, list, dict]


class OrgComponent(RuleComponent):
    recognizer_class = OrgRecognizer

    def __init__(self, nlp: Language, name: str, *, spans_key: str = DEFAULT_SPANS_KEY,
                 write_ents: bool = True, names_file: Optional[str] = None,
                 scorer: Optional[Callable] = None):
        super().__init__(nlp, name, spans_key=spans_key, write_ents=write_ents, scorer=scorer)
        if names_file:
            self.add_names(read_names_file(names_file))

    def add_names(self, names: Iterable[NameEntry]) -> None:
        """Recognise these names as ORG from now on.

        Each entry is a name (its kind then comes from its head word, else "other"), a
        ``(name, kind)`` pair or a ``{"name": …, "kind": …}`` dict. Re-adding a name replaces
        its kind.
        """
        added = {}
        for entry in names:
            name, kind = self._entry(entry)
            added[normalize(name)] = kind
        kept = [[n, k] for n, k in self.data.get("user_names", []) if normalize(n) not in added]
        self.set_data({**self.data, "user_names": kept + [[n, k] for n, k in added.items()]})

    def _entry(self, entry: NameEntry) -> tuple[str, str]:
        if isinstance(entry, str):
            name, kind = entry, None
        elif isinstance(entry, dict) and "name" in entry:
            name, kind = entry["name"], entry.get("kind")
        elif isinstance(entry, (tuple, list)) and len(entry) in (1, 2):
            name, kind = entry[0], entry[1] if len(entry) == 2 else None
        else:
            raise ValueError(f"an ORG name entry must be a name, (name, kind) or "
                             f"{{'name', 'kind'}}, not {entry!r}")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"an ORG name must be a non-empty string, not {name!r}")
        name = name.strip()
        kind = kind or self.recognizer.kind_of(name)
        if kind not in ORG_KINDS:
            raise ValueError(f"unknown ORG kind {kind!r} for {name!r}; expected one of {ORG_KINDS}")
        return name, kind


def read_names_file(path: Union[str, Path]) -> list[tuple]:
    """Entries of a names file: ``name`` or ``name<TAB>kind`` a line, ``#`` lines skipped."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"socorg_orgs names_file not found: {path}")
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            cells = [c.strip() for c in line.split("\t")]
            entries.append((cells[0], cells[1] if len(cells) > 1 and cells[1] else None))
    return entries


@Language.factory(
    "socorg_orgs",
    default_config={"spans_key": DEFAULT_SPANS_KEY, "write_ents": True, "names_file": None,
                    "scorer": {"@scorers": "socorg_nlp.spans_scorer.v1"}},
)
def make_org_recognizer(nlp: Language, name: str, spans_key: str, write_ents: bool,
                        names_file: Optional[str], scorer: Optional[Callable]) -> OrgComponent:
    return OrgComponent(nlp, name, spans_key=spans_key, write_ents=write_ents,
                        names_file=names_file, scorer=scorer)
