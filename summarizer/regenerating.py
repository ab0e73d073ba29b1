"""What a `regenerate` rebuilds, and under which names: the digests an output folder holds (its
manifest), the cached articles named by id, or every cached article."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from summarizer.cache import ChunkCache, IndexedArticle
from summarizer.errors import InputError
from summarizer.formats import MANIFEST_NAME, OutputFormat
from summarizer.ingest import content_id
from summarizer.naming import Claimed, Names
from summarizer.output_folder import FolderEntry, Slot, read_manifest
from summarizer.pipeline import Rebuild


@dataclass(frozen=True)
class RebuildPlan:
    """What to rebuild (in report order), where each goes, and the formats the folder had."""

    rebuilds: list[Rebuild]
    slots: list[Slot | None]
    formats: tuple[OutputFormat, ...] = ()


class NoRecord(InputError):
    """The output folder has no record of what it holds."""


def plan_for_folder(folder: Path) -> RebuildPlan:
    """Every digest the folder's manifest records and the folder still holds, to be rebuilt
    under the same name, with the same source, title and settings. NoRecord when the folder has
    no manifest."""
    manifest = read_manifest(folder)
    if manifest is None:
        raise NoRecord(
            f"{folder}/ has no record of what it holds ({MANIFEST_NAME}, written by `run` and "
            "`regenerate`): give ARTICLE_ID... or --all to rebuild cached articles into it, or "
            "`summarizer run` its inputs again (the cache answers, the model is not asked)"
        )
    # a digest file deleted since is no longer held (an entry with no file of its own stays)
    held = [e for e in manifest.entries if e.file is None or (folder / e.file).is_file()]
    rebuilds = [Rebuild(e.id, e.text_id, e.metadata, e.run_settings) for e in held]
    return RebuildPlan(rebuilds, _slots_of(held), manifest.formats)


def _slots_of(entries: Sequence[FolderEntry]) -> list[Slot | None]:
    """The entries' files keep their names; an entry that had no file gets a free one."""
    names = Names(taken=[e.file.removesuffix(".json") for e in entries if e.file])
    slots: list[Slot | None] = []
    for entry in entries:
        own_id = entry.id != entry.text_id
        name = entry.name or names.claim(entry.source_path, entry.id, own_id=own_id)
        slots.append(Slot(name, entry.text_id, entry.run_settings))
    return slots


def plan_for_index(cache: ChunkCache, article_ids: Sequence[str]) -> RebuildPlan:
    """The cached articles article_ids name (every one, if none is named), in that order, named
    as a run names them. InputError naming the ids the cache does not hold."""
    if article_ids:
        found = [cache.article(i) for i in article_ids]
        missing = [i for i, entry in zip(article_ids, found, strict=True) if entry is None]
        if missing:
            raise InputError(f"not in the cache: {', '.join(missing)}")
        indexed = [entry for entry in found if entry is not None]
    else:
        indexed = list(cache.articles())
    names = Names()
    slots: list[Slot | None] = []
    rebuilds = []
    for entry in indexed:
        slot = _slot_in_index(entry, names)
        slots.append(slot)
        rebuilds.append(Rebuild(entry.article.id, slot.text_id))
    return RebuildPlan(rebuilds, slots)


def _slot_in_index(entry: IndexedArticle, names: Names) -> Slot:
    article = entry.article
    text_id = content_id(article.text)
    name: Claimed = names.claim(article.source_path, article.id, own_id=article.id != text_id)
    return Slot(name, text_id, entry.run_settings)
