"""naming: per-article file names after the input, safe everywhere, claimed in input order."""

from __future__ import annotations

import pytest

from summarizer.naming import Names, natural_stem, readable_stem


def test_a_file_is_named_after_it_a_record_by_its_id_and_stdin_readably() -> None:
    assert natural_stem("seeds/001_93d6bbfd69db819b.txt", "913aa15821cc605a", own_id=False) == (
        "001_93d6bbfd69db819b"
    )
    assert natural_stem("news/day1.jsonl#7", "reuters-0001", own_id=True) == "reuters-0001"
    assert natural_stem("news/day1.jsonl#7", "913aa15821cc605a", own_id=False) == "day1_7"
    assert natural_stem("one.json", "rec-9", own_id=True) == "rec-9"  # one object, with an id
    assert natural_stem("one.json", "913aa15821cc605a", own_id=False) == "one"
    assert natural_stem("<stdin>", "913aa15821cc605a", own_id=False) == "stdin"
    assert natural_stem("<stdin>#2", "913aa15821cc605a", own_id=False) == "stdin_2"
    assert natural_stem(None, "913aa15821cc605a", own_id=False) == "913aa15821cc605a"  # the API
    assert natural_stem("notes/Fed day #3.md", "913aa15821cc605a", own_id=False) == "Fed_day_3"


@pytest.mark.parametrize(
    "text",
    ["../../etc/passwd", "/etc/passwd", "..", ".", "", "a\0b", "C:\\x\\y", ".hidden", "x" * 300,
     "é" * 200, "CON", "con.txt", "Lpt1", "COM¹", "nul.tar.gz", "- _ .", " spaced out "],
)  # fmt: skip
def test_names_are_safe_on_every_file_system(text: str) -> None:
    stem = readable_stem(text)
    assert stem and len(stem.encode()) <= 120
    assert not any(c in stem for c in '/\\:\0 *?"<>|') and not stem.startswith((".", "-"))
    assert stem.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "LPT1", "COM¹"}
    assert stem == readable_stem(stem)  # a safe name is its own name


def test_plain_names_are_kept_as_they_are() -> None:
    for plain in ("001_93d6bbfd69db819b", "reuters-2024-06-01_0001", "Bloomberg.wrap", "日経平均"):
        assert readable_stem(plain) == plain
    assert readable_stem("My Article (1)") == "My_Article_1"


def test_names_are_claimed_in_input_order_plain_files_first() -> None:
    units = ["in/a/x.txt", "in/news.jsonl", "in/b/x.txt", "in/b/x-2.md", "in/a/x.txt"]
    names = Names.for_units(units)
    # plain files are named up front, in input order; a record read later takes what is left
    assert names.unit_names == {0: "x", 2: "x-2", 3: "x-2-2", 4: "x-3"}
    record = names.claim("in/news.jsonl#1", "x", own_id=True, unit=1)
    assert (record.stem, record.natural, record.file_name) == ("x-4", "x", "x-4.json")
    file = names.claim("in/b/x.txt", "913aa15821cc605a", own_id=False, unit=2)
    assert (file.stem, file.natural) == ("x-2", "x")
    # a worker process's copy names every plain file as the parent did
    copy = Names(names.unit_names)
    assert copy.claim("in/b/x-2.md", "ab", own_id=False, unit=3).stem == "x-2-2"
    assert copy.claim("in/a/x.txt", "ab", own_id=False, unit=4).stem == "x-3"  # given twice
