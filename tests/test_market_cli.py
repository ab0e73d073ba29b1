"""`summarizer market` and the picture of `run`, end to end through the real command."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import SEEDS
from test_cli import summarizer

from summarizer.models import ArticleDigest, Move
from summarizer.picture import MarketPicture
from summarizer.render import digest_json

WIRE = "The Hang Seng Index closed down 0.63% on Monday. Tencent (0700.HK) fell 1.2%.\n"
COPY = "Syndicated from the wire\n\n" + WIRE
OTHER = "Hong Kong's benchmark Hang Seng fell 0.6% on Monday. Tencent Holdings fell 1.4%.\n"


def write_articles(folder: Path) -> None:
    folder.mkdir()
    for name, body in (("wire", WIRE), ("copy", COPY), ("other", OTHER)):
        (folder / f"{name}.txt").write_text(f"{name}\n\nMarch 2, 2026\n\n{body}", encoding="utf-8")


def test_run_then_market_gives_one_instrument_per_name_with_its_conflict(tmp_path: Path) -> None:
    write_articles(tmp_path / "news")
    done = summarizer("run", "news", "--out", "out", "--format", "json", "--format", "market",
                      "--format", "md", cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    from_run = MarketPicture.model_validate_json((tmp_path / "out" / "market.json").read_bytes())
    done = summarizer("market", "out", "--out", "picture", "--format", "md,json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "market: 3 digests" in done.stderr
    picture = MarketPicture.model_validate_json((tmp_path / "picture" / "market.json").read_bytes())
    assert picture == from_run  # one picture, however it is made
    ids = [i.instrument_id for i in picture.instruments]
    assert ids.count("idx:hang-seng-index") == 1 and ids.count("ticker:0700.HK") == 1
    [hang_seng] = [i for i in picture.instruments if i.instrument_id == "idx:hang-seng-index"]
    [day] = hang_seng.readings
    assert day.day == "2026-03-02" and not day.conflict  # 0.63% and 0.6%: rounding
    [tencent] = [i for i in picture.instruments if i.instrument_id == "ticker:0700.HK"]
    assert tencent.readings[0].conflict  # 1.2% against 1.4%
    # the same day: the first given is the original (copy.txt comes first in the folder)
    by_file = {a.source_path.rsplit("/", 1)[-1]: a for a in picture.articles if a.source_path}
    assert by_file["wire.txt"].copy_of == by_file["copy.txt"].id
    assert by_file["other.txt"].copy_of is None
    report = (tmp_path / "out" / "digest.md").read_text(encoding="utf-8")
    assert "## Across articles" in report and "| Hang Seng Index | 2026-03-02 |" in report
    market_md = (tmp_path / "picture" / "market.md").read_text(encoding="utf-8")
    assert market_md.startswith("# Market picture\n") and "⚠" in market_md


def test_digest_moves_carry_their_instrument_id(tmp_path: Path) -> None:
    write_articles(tmp_path / "news")
    summarizer("run", "news", "--out", "out", cwd=tmp_path)
    digest = json.loads((tmp_path / "out" / "other.json").read_text(encoding="utf-8"))
    assert {m["instrument_id"] for m in digest["moves"]} == {
        "idx:hang-seng-index",
        "ticker:0700.HK",
    }
    assert not (tmp_path / "out" / "market.json").exists()  # only when asked: --format market


def test_market_of_the_seeds_by_default_writes_both_beside_the_digests(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    summarizer("run", "seeds", "--out", "digests", cwd=tmp_path)
    done = summarizer("market", "digests", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "digests" / "market.json").is_file()
    assert (tmp_path / "digests" / "market.md").is_file()
    again = summarizer("market", "digests", cwd=tmp_path)  # market.json itself is left out
    assert again.returncode == 0 and "market: 5 digests" in again.stderr


def test_bad_inputs_are_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    done = summarizer("market", "empty", cwd=tmp_path)
    assert done.returncode == 1 and "holds no digests" in done.stderr
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.json").write_text('{"moves": [], "catalysts": [], "risks": []}')
    done = summarizer("market", "gold", cwd=tmp_path)
    assert done.returncode == 1 and "a.json: a gold annotation, not a digest" in done.stderr
    (tmp_path / "broken.json").write_text("{not json")
    done = summarizer("market", "broken.json", cwd=tmp_path)
    assert done.returncode == 1 and "not JSON" in done.stderr
    done = summarizer("market", "missing", cwd=tmp_path)
    assert done.returncode == 2
    one = ArticleDigest(id="a", engine="rules", status="ok",
                        moves=[Move(instrument="DAX", direction="up", evidence="DAX rose")])  # fmt: skip
    (tmp_path / "one.json").write_bytes(digest_json(one))
    done = summarizer("market", "one.json", "--format", "pdf", cwd=tmp_path)
    assert done.returncode == 2 and "pdf" in done.stderr
    done = summarizer("market", "one.json", "--format", "json", cwd=tmp_path)
    assert done.returncode == 0 and (tmp_path / "market.json").is_file()


def test_an_input_named_market_does_not_take_the_pictures_file(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "market.txt").write_text(WIRE, encoding="utf-8")
    done = summarizer("run", "news", "--out", "out", "--format", "json", "--format", "market",
                      cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "market-2.json").is_file()
    assert json.loads((tmp_path / "out" / "market.json").read_bytes())["kind"] == "market_picture"


def test_regenerate_rebuilds_the_picture_with_the_folders_formats(tmp_path: Path) -> None:
    write_articles(tmp_path / "news")
    made = summarizer("run", "news", "--out", "out", "--format", "json", "--format", "market",
                      "--cache-dir", "cache", cwd=tmp_path)  # fmt: skip
    assert made.returncode == 0, made.stderr
    (tmp_path / "out" / "market.json").unlink()
    done = summarizer("regenerate", "--out", "out", "--cache-dir", "cache", "-q", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    picture = MarketPicture.model_validate_json((tmp_path / "out" / "market.json").read_bytes())
    assert len(picture.articles) == 3 and picture.instruments
