"""The names of per-article files: after the input, readable, safe, and unique within a run.

A file input `seeds/001_93d6bbfd69db819b.txt` gives `001_93d6bbfd69db819b`; a JSON or JSONL
record gives its own id (`reuters-0001`), or `<file>_<n>` (the n-th record) when it has none;
stdin gives `stdin`; an article from the Python API, its id. Names are claimed in input order,
so a name two inputs share goes to the first and the later one is `<name>-2` (then `-3`...):
the same inputs always get the same names. The article id is always inside the JSON.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePath

from summarizer.formats import MARKET_STEM
from summarizer.ingest import STDIN_SOURCE

STDIN_NAME = "stdin"

# Letters of any script, digits, _ . - are kept; any run of other characters becomes one "_".
_UNSAFE_RUN = re.compile(r"[^\w.-]+")
_MAX_STEM_BYTES = 120  # room for "-NN.json" and a temporary file's prefix and suffix
# Names Windows reserves for devices, whatever the extension ("CON.json" is the console).
_WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{device}{n}" for device in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")]
)
_RECORD = re.compile(r"(?P<source>.+)#(?P<number>[0-9]+)")  # "<file>#<n>": the n-th record
# File suffixes whose inputs hold records: their articles are named at read time, not up front.
RECORD_SUFFIXES = (".json", ".jsonl")


def readable_stem(text: str) -> str:
    """text as a file name without extension that is safe on every common file system: no path
    separators or leading dots (so never '..' or a hidden file), no device name Windows
    reserves, at most 120 bytes; 'article' when nothing of it is left."""
    stem = _UNSAFE_RUN.sub("_", text).strip("._-")
    stem = stem.encode()[:_MAX_STEM_BYTES].decode("utf-8", "ignore").rstrip("._-")
    if not stem:
        return "article"
    if stem.split(".", 1)[0].upper() in _WINDOWS_RESERVED:
        return f"_{stem}"
    return stem


def natural_stem(source_path: str | None, article_id: str, *, own_id: bool) -> str:
    """The name an article's file gets when no other input of the run wants it.

    own_id: whether the id is the input's own (a record's "id"), not a hash of the text.
    """
    if own_id or source_path is None:
        return readable_stem(article_id)
    record = _RECORD.fullmatch(source_path)
    if record is not None:
        return readable_stem(f"{_source_stem(record['source'])}_{record['number']}")
    return readable_stem(_source_stem(source_path))


def _source_stem(source: str) -> str:
    return STDIN_NAME if source == STDIN_SOURCE else PurePath(source).stem


def with_number(stem: str, number: int) -> str:
    """The stem of the number-th input of a run that wants the same name (2, 3, ...)."""
    return stem if number == 1 else f"{stem}-{number}"


def is_record_unit(unit: str) -> bool:
    """Whether an input unit may hold many articles (stdin, .json, .jsonl), named by record."""
    return unit == "-" or unit.lower().endswith(RECORD_SUFFIXES)


@dataclass(frozen=True)
class Claimed:
    """The name an article's file got, and the name it would have had alone."""

    stem: str
    natural: str

    @property
    def file_name(self) -> str:
        return f"{self.stem}.json"


class Names:
    """Claims names for a run's articles in input order.

    The input units that are plain files (not stdin, .json or .jsonl: one article each) are
    named up front, in input order, when the names are made (`for_units`), by their place in
    the units; records, read later, then take the names that are left. Worker processes each
    get a copy made from the same units, so every input that is a plain file gets the same name
    in any process; two records of different files with one id that are read by different
    workers are told apart when written (DigestFiles).
    """

    def __init__(
        self, unit_names: Mapping[int, str] | None = None, taken: Iterable[str] = ()
    ) -> None:
        self._unit_names = dict(unit_names or {})
        # market.json is the picture's: no digest is named so
        self._taken = set(self._unit_names.values()) | set(taken) | {MARKET_STEM}

    @classmethod
    def for_units(cls, units: Iterable[str]) -> Names:
        """Names for every plain-file unit, claimed in the order given."""
        names = cls()
        for index, unit in enumerate(units):
            # a directory unit (one that could not be listed) fails and is never written
            if not is_record_unit(unit):
                names._unit_names[index] = names.next_free(natural_stem(unit, "", own_id=False))
        return names

    @property
    def unit_names(self) -> dict[int, str]:
        """The names claimed up front, by the unit's place: what a worker's copy is made from."""
        return dict(self._unit_names)

    def claim(
        self, source_path: str | None, article_id: str, *, own_id: bool, unit: int | None = None
    ) -> Claimed:
        """The name for the next article read (in input order), from the unit-th input unit
        if it came from one."""
        natural = natural_stem(source_path, article_id, own_id=own_id)
        named = self._unit_names.get(unit) if unit is not None else None
        return Claimed(named if named is not None else self.next_free(natural), natural)

    def next_free(self, natural: str) -> str:
        """Claim the first of natural, natural-2, natural-3... that no article has yet."""
        number = 1
        while (stem := with_number(natural, number)) in self._taken:
            number += 1
        self._taken.add(stem)
        return stem
