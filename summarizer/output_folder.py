"""An output folder's per-article files and its own record of what it holds (the manifest).

Each article's digest is written to `<out>/<name>.json`, named after its input (naming.py). A
failed digest never replaces a file that holds an ok or partial digest: the earlier file is
kept, and the run says so. `<out>/.summarizer-manifest` (JSON) records, for every digest file
the folder holds, the article it is of (id, a hash of its text, source and title) and the
settings it was made with, so `regenerate` can rebuild exactly that folder, under the same
names, from the cache.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from summarizer.cache import ChunkCache
from summarizer.errors import InputError
from summarizer.formats import MANIFEST_NAME, OUTPUT_FORMATS, OutputFormat
from summarizer.ingest import InputFailure, content_id
from summarizer.models import Article, ArticleDigest
from summarizer.naming import Claimed, Names, natural_stem, readable_stem
from summarizer.render import (
    DigestOutline,
    ReportParts,
    digest_json,
    holds,
    report_parts,
    write_atomic,
)

MANIFEST_VERSION = 1

NAME_TAKEN = "name taken"  # how a digest's warning starts when its input's name was taken
COULD_NOT_WRITE = "could not write"  # how the error of a digest whose file failed starts
KEPT_EARLIER = "kept the earlier digest"  # how the note on a kept digest in the report starts


def has_own_file(digest: ArticleDigest) -> bool:
    """An input that never became an article (missing, binary...) gets no per-article file."""
    return not digest.id.startswith("input-")


@dataclass(frozen=True)
class Slot:
    """What the folder needs of an article besides its digest: the name claimed for its file,
    the hash of its text and the settings it is summarized with (for the manifest)."""

    name: Claimed
    text_id: str
    run_settings: dict[str, Any] = field(default_factory=dict)
    text: str | None = None  # the article's text, kept only for report.html (never in the record)


@dataclass(frozen=True)
class FolderEntry:
    """The manifest's record of one article of the folder."""

    id: str
    text_id: str
    source_path: str | None
    title: str | None
    published: str | None
    publisher: str | None
    run_settings: dict[str, Any]
    file: str | None  # "<name>.json", or None when the run wrote no per-article JSON

    @property
    def name(self) -> Claimed | None:
        """The name of its file, and the name it would have had alone."""
        if self.file is None:
            return None
        own_id = self.id != self.text_id
        return Claimed(self.file.removesuffix(".json"),
                       natural_stem(self.source_path, self.id, own_id=own_id))  # fmt: skip

    @property
    def metadata(self) -> dict[str, str | None]:
        """What the article's digest says about its source, as the run that wrote it read it."""
        return {"source_path": self.source_path, "title": self.title,
                "published": self.published, "publisher": self.publisher}  # fmt: skip


@dataclass(frozen=True)
class Placed:
    """Where one digest of a run went.

    digest: as this run made it (noted when its name was taken; failed when its file could not
    be written). shown: what the reports show for it: the digest, or the earlier digest of the
    same input that was kept in its place, with a note. file: the name of the file that holds
    the input's digest now (None: no file). kept: the file holds an earlier digest, not this
    run's failed one. entry: the manifest's record of this run's digest, if the folder holds it.
    """

    digest: ArticleDigest
    shown: ArticleDigest
    file: str | None = None
    kept: bool = False
    entry: FolderEntry | None = None


def slotted(
    items: Iterable[tuple[int, Article | InputFailure]],
    names: Names,
    run_settings: dict[str, Any],
    slots: dict[int, Slot],
    *,
    keep_text: bool = False,
) -> Iterator[Article | InputFailure]:
    """The items (each with the place of the input unit it was read from) as they are, noting
    each article's slot by its position as it is read: names are claimed in input order,
    whatever order the articles finish in. keep_text: the slot keeps the article's text."""
    for position, (unit, item) in enumerate(items):
        if isinstance(item, Article):
            text_id = content_id(item.text)
            name = names.claim(item.source_path, item.id, own_id=item.id != text_id, unit=unit)
            slots[position] = Slot(name, text_id, run_settings, item.text if keep_text else None)
        yield item


class DigestFiles:
    """The per-article JSON files of one run in one folder.

    Worker processes each have their own: a name another process wrote in this run (two records
    of different files with one id) is known by its modification time, not before the run's
    start (`started_ns`, the parent's clock), and the later one takes the next number.
    """

    def __init__(self, out_dir: Path, started_ns: int, names: Names | None = None) -> None:
        self.out_dir = out_dir
        self.started_ns = started_ns
        self.names = names or Names()

    def place(self, digest: ArticleDigest, slot: Slot | None, *, write: bool = True) -> Placed:
        """Write digest's file (unless write is False: no JSON asked for) where slot says, and
        say where it went. An input that never became an article (slot None) gets no file."""
        if slot is None or not has_own_file(digest):
            return Placed(digest, digest)
        if not write:  # no file, so no name to explain
            return Placed(digest, digest, entry=_entry(digest, slot, None))
        name = self._free_name(slot.name, digest)
        digest = _noted(digest, name)
        path = self.out_dir / name.file_name
        earlier = _earlier_good_digest(path) if digest.status == "failed" else None
        if earlier is not None:
            return Placed(digest, _shown_instead(earlier, digest, path), name.file_name, kept=True)
        try:
            write_atomic(path, digest_json(digest))
        except OSError as exc:
            error = f"{COULD_NOT_WRITE} {path}: {exc.strerror or exc}"
            failed = digest.model_copy(update={"status": "failed", "error": error})
            return Placed(failed, failed)
        return Placed(digest, digest, name.file_name, entry=_entry(digest, slot, name.file_name))

    def _free_name(self, name: Claimed, digest: ArticleDigest) -> Claimed:
        """name, or the next free numbered one if another process of this run wrote it."""
        while self._written_by_another(name.stem, name.natural, digest):
            name = replace(name, stem=self.names.next_free(name.natural))
        return name

    def _written_by_another(self, stem: str, natural: str, digest: ArticleDigest) -> bool:
        path = self.out_dir / f"{stem}.json"
        try:
            if os.stat(path).st_mtime_ns < self.started_ns:
                return False
        except OSError:
            return False
        # a file left from an earlier run within the clock's resolution holds these bytes
        return not holds(path, digest_json(_noted(digest, Claimed(stem, natural))))


def outline_of(placed: Placed) -> DigestOutline:
    """What the run's report needs of a placed digest."""
    return DigestOutline.of(placed.digest, placed.file, placed.kept)


def slot_with_cached_text(slot: Slot | None, store: ChunkCache, article_id: str) -> Slot | None:
    """slot, keeping the text the cache's index holds of the article (for report.html)."""
    entry = store.article(article_id) if slot is not None else None
    return slot if slot is None or entry is None else replace(slot, text=entry.article.text)


def parts_of(placed: Placed, formats: Sequence[OutputFormat], slot: Slot | None) -> ReportParts:
    """The placed digest's part of the batch outputs: of what the folder holds for its input
    (with its text, which the slot keeps for report.html)."""
    return report_parts(placed.shown, formats, slot.text if slot is not None else None)


def _noted(digest: ArticleDigest, name: Claimed) -> ArticleDigest:
    """digest, saying in its warnings why its file is not named after its input alone."""
    if name.stem == name.natural:
        return digest
    note = (f"{NAME_TAKEN}: another input of this run is named {name.natural}.json; this one is "
            f"{name.file_name}")  # fmt: skip
    return digest.model_copy(update={"warnings": [*digest.warnings, note]})


def _earlier_good_digest(path: Path) -> ArticleDigest | None:
    """The ok or partial digest path holds, if it holds one (it is then never replaced by a
    failed one)."""
    try:
        earlier = ArticleDigest.model_validate_json(path.read_bytes())
    except (OSError, ValueError, ValidationError):  # absent, unreadable, not a digest
        return None
    return earlier if earlier.status in ("ok", "partial") else None


def _shown_instead(earlier: ArticleDigest, failed: ArticleDigest, path: Path) -> ArticleDigest:
    """What the reports show for an input whose failed digest was not written: the kept digest,
    when it is of the same input (same text, same source), with a note; else the failure."""
    if (earlier.id, earlier.source_path) != (failed.id, failed.source_path):
        return failed
    note = f"{KEPT_EARLIER} in {path.name}: this run failed ({failed.error})"
    return earlier.model_copy(update={"warnings": [*earlier.warnings, note]})


def _entry(digest: ArticleDigest, slot: Slot, file: str | None) -> FolderEntry:
    return FolderEntry(id=digest.id, text_id=slot.text_id, source_path=digest.source_path,
                       title=digest.title, published=digest.published,
                       publisher=digest.publisher, run_settings=dict(slot.run_settings),
                       file=file)  # fmt: skip


# --- the manifest -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Manifest:
    """What an output folder holds: its articles in report order, and the outputs written."""

    entries: tuple[FolderEntry, ...] = ()
    formats: tuple[OutputFormat, ...] = ()

    def updated(
        self, entries: Iterable[FolderEntry], formats: Sequence[OutputFormat], folder: Path
    ) -> Manifest:
        """This manifest after a run that placed entries and wrote formats into folder.

        An earlier entry stays while its file is still in the folder and no entry of the run
        replaced it (a file kept instead of a failed digest, a file of other inputs); entries of
        articles written in no file of their own held only for the earlier reports, which the
        run replaced.
        """
        new = list(entries)
        replaced = {e.file for e in new if e.file is not None}
        kept = [e for e in self.entries
                if e.file is not None and e.file not in replaced
                and (folder / e.file).is_file()]  # fmt: skip
        union = set(self.formats) | set(formats)
        return Manifest(tuple(kept + new), tuple(f for f in OUTPUT_FORMATS if f in union))

    def to_json(self) -> str:
        settings: list[dict[str, Any]] = []
        articles = []
        for entry in self.entries:
            if entry.run_settings not in settings:
                settings.append(entry.run_settings)
            record = asdict(entry)
            record["run_settings"] = settings.index(entry.run_settings)
            articles.append(record)
        document = {"manifest_version": MANIFEST_VERSION, "written_by": "summarizer",
                    "formats": list(self.formats), "run_settings": settings,
                    "articles": articles}  # fmt: skip
        return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def manifest_path(folder: Path) -> Path:
    return folder / MANIFEST_NAME


def read_manifest(folder: Path) -> Manifest | None:
    """The folder's manifest; None if it has none. InputError if the file is not one."""
    path = manifest_path(folder)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc
    try:
        document = json.loads(text)
        if document["manifest_version"] != MANIFEST_VERSION:
            raise ValueError(f"manifest_version {document['manifest_version']!r}")
        settings = document["run_settings"]
        entries = tuple(
            FolderEntry(**(record | {"run_settings": dict(settings[record["run_settings"]])}))
            for record in document["articles"]
        )
        formats = tuple(f for f in document["formats"] if f in OUTPUT_FORMATS)
        for entry in entries:  # a file name from the manifest must never lead outside folder
            if entry.file is not None and not _is_digest_name(entry.file):
                raise ValueError(f"{entry.file!r} is no digest file name")
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise InputError(f"{path} is not a manifest summarizer wrote ({exc})") from exc
    return Manifest(entries, formats)


def _is_digest_name(file: object) -> bool:
    """Whether file is a name summarizer gives a digest file: a safe stem and .json."""
    if not isinstance(file, str) or not file.endswith(".json"):
        return False
    stem = file.removesuffix(".json")
    return readable_stem(stem) == stem


def write_manifest(folder: Path, manifest: Manifest) -> Path:
    """Write the manifest atomically; OSError if it cannot be written."""
    path = manifest_path(folder)
    write_atomic(path, manifest.to_json())
    return path


def record_run(
    folder: Path, entries: Iterable[FolderEntry | None], formats: Sequence[OutputFormat]
) -> Path:
    """Update the folder's manifest with a run's entries (in input order) and formats."""
    try:
        earlier = read_manifest(folder) or Manifest()
    except InputError:  # unreadable: the run's own record replaces it
        earlier = Manifest()
    found = [e for e in entries if e is not None]
    return write_manifest(folder, earlier.updated(found, formats, folder))
