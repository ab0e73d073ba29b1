"""How the reading binds invented sentences, template by template.

Usage: python benchmarks/reading_grid.py [--show N]

Held-out parts measure the engine on wording nobody wrote a rule for, but they are small and
must stay unread. These grids are the other check the project uses: sentences invented from
templates (verbs x number forms x names; two instruments in one sentence; the forms of
translated and automated copy), each read by `summarizer.reading.read_sentence`, and counted as
bound when a fact gives the right instrument the right number and direction. A template that
fails for every name is a pattern the reading does not know, not one sentence's wording.
Prints the share bound per grid and the templates that fail (--show: how many examples each).
"""

from __future__ import annotations

import argparse
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterator

from summarizer.reading import read_sentence

UP = ("rose", "climbed", "advanced", "gained", "added", "jumped", "surged", "soared", "rallied",
      "firmed", "strengthened", "appreciated", "edged up", "inched up", "ticked up", "crept up",
      "rebounded", "recovered", "bounced", "spiked", "leapt", "shot up", "picked up", "tacked on",
      "put on", "moved up", "increased", "grew", "went up", "edged higher", "moved higher",
      "traded higher", "closed higher", "ended higher", "settled higher", "was up", "closed up",
      "rocketed", "popped", "clawed back", "gained ground", "valued")  # fmt: skip
DOWN = ("fell", "dropped", "declined", "slid", "slipped", "eased", "dipped", "lost", "shed",
        "gave up", "retreated", "sank", "tumbled", "plunged", "slumped", "tanked", "skidded",
        "weakened", "depreciated", "softened", "pared", "pulled back", "edged down", "ticked down",
        "sagged", "dived", "dove", "plummeted", "crashed", "was down", "ended lower",
        "closed lower", "settled lower", "closed down", "decreased", "went down",
        "lost ground", "slipped back", "collapsed", "nosedived", "edged lower", "devalued",
        "regressed", "fell back")  # fmt: skip
NUMBERS = (("1.5%", 1.5), ("1.5 percent", 1.5), ("1.5 per cent", 1.5), ("1.5pc", 1.5),
           ("two percent", 2.0), ("about 1.5%", 1.5), ("nearly 1.5%", 1.5), ("over 1.5%", 1.5),
           ("by 1.5%", 1.5), ("1.5% to 230 yen", 1.5), ("as much as 1.5%", 1.5),
           ("a further 1.5%", 1.5), ("1.5% on Tuesday", 1.5), ("1,5%", 1.5))  # fmt: skip
NAMES = (("Orvane", "Orvane"), ("Shares of Orvane", "Orvane"), ("Orvane shares", "Orvane"),
         ("Orvane (ORV.N)", "Orvane"), ("The Varno 40", "Varno 40"), ("Brent crude", "Brent"),
         ("The euro", "euro"), ("Kestrel Bank, the biggest lender,", "Kestrel Bank"))  # fmt: skip
# two instruments: each number must go to its own name, and never to the other
PAIRS = (("Orvane", "Kestrel"), ("The Nikkei", "the Topix"), ("Gold", "silver"),
         ("Brent crude", "WTI crude"), ("The euro", "the yen"))  # fmt: skip
TWO = (
    ("{A} rose 1.5% and {b} fell 0.9%.", "up", "down"),
    ("{A} rose 1.5%, {b} 0.9%.", "up", "up"),
    ("{A} and {b} rose 1.5% and 0.9%, respectively.", "up", "up"),
    ("{A} rose 1.5%, outpacing {b}, which gained 0.9%.", "up", "up"),
    ("{A} rose 1.5%, while {b} was 0.9% lower.", "up", "down"),
    ("{A} rose 1.5%, helped by a 0.9% gain in {b}.", "up", "up"),
    ("{A}'s 1.5% gain outpaced {b}'s 0.9% rise.", "up", "up"),
    ("{A} rose 1.5%, compared with a 0.9% gain for {b}.", "up", "up"),
    ("{A} (+1.5%) and {b} (-0.9%) moved apart.", "up", "down"),
    ("{A} rose 1.5%, with {b} down 0.9%.", "up", "down"),
    ("While {b} fell 0.9%, {a} rose 1.5%.", "up", "down"),
    ("{A} rose 1.5%, reversing a 0.9% drop in {b}.", "up", "down"),
    ("{A} rose 1.5% due to a 0.9% rise in {b}.", "up", "up"),
)
# forms of translated, automated and headline copy (one name, up 1.5)
FORMS = ("{N}: +1.5%.", "{N} +1.5%.", "{N} closed at 230 (+1.5%).", "{N} with +1.5%.",
         "{N} registered an increase of 1.5%.", "{N} appreciated by 1.5%.", "{N} valued 1.5%.",
         "{N} went up by 1.5%.", "{N} closed with a rise of 1.5%.", "{N} ended with a 1.5% gain.",
         "{N} rose to 230, up 1.5%.", "{N} is up 1.5% today.", "{N} Jumps 1.5%",
         "{N} Ends Up 1.5%", "{N} rose for a third day, by 1.5%.", "{N} \u2013 up 1.5%.",
         "{N} rose 1.5\u00a0%.")  # fmt: skip


def _lower(name: str) -> str:
    return "the" + name[3:] if name.startswith("The ") else name


def _key(name: str) -> str:
    return name.removeprefix("The ").removeprefix("the ").lower()


def bound(sentence: str, name: str, direction: str, pct: float) -> bool:
    return any(
        fact.pct is not None
        and abs(fact.pct - pct) < 1e-6
        and fact.direction == direction
        and fact.mention is not None
        and name.lower() in fact.mention.name.lower()
        and fact.realised
        and fact.price
        for fact in read_sentence(sentence).facts
    )


def one_name() -> Iterator[tuple[str, str, bool]]:
    """(template, sentence, bound) for every verb, number form and name."""
    for verbs, direction in ((UP, "up"), (DOWN, "down")):
        for verb, (number, pct), (name, key) in itertools.product(verbs, NUMBERS, NAMES):
            sentence = f"{name} {verb} {number}."
            yield f"{{name}} {verb} {{number}}", sentence, bound(sentence, key, direction, pct)


def two_names() -> Iterator[tuple[str, str, bool]]:
    for template, first, second in TWO:
        for a, b in PAIRS:
            sentence = template.format(A=a, a=_lower(a), b=b)
            ka, kb = _key(a), _key(b)
            right = bound(sentence, ka, first, 1.5) and bound(sentence, kb, second, 0.9)
            wrong = any(kb in n and ka not in n for n in _owners(sentence, 1.5)) or any(
                ka in n and kb not in n for n in _owners(sentence, 0.9)
            )
            yield template, sentence, right and not wrong


def _owners(sentence: str, pct: float) -> list[str]:
    """The names the reading gives this percentage to, lower-cased."""
    return [
        fact.mention.name.lower()
        for fact in read_sentence(sentence).facts
        if fact.mention is not None and fact.pct is not None and abs(fact.pct - pct) < 1e-6
    ]


def forms() -> Iterator[tuple[str, str, bool]]:
    for template, (name, key) in itertools.product(FORMS, NAMES):
        sentence = template.format(N=name)
        yield template, sentence, bound(sentence, key, "up", 1.5)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", type=int, default=1, help="examples per failing template")
    args = parser.parse_args()
    for title, grid in (("one name", one_name), ("two names", two_names), ("forms", forms)):
        total: Counter[str] = Counter()
        failed: defaultdict[str, list[str]] = defaultdict(list)
        for template, sentence, ok in grid():
            total[template] += 1
            if not ok:
                failed[template].append(sentence)
        sentences = sum(total.values())
        misses = sum(len(v) for v in failed.values())
        print(f"{title}: {sentences - misses} of {sentences} bound "
              f"({(sentences - misses) / sentences:.1%}), {len(total)} templates")  # fmt: skip
        for template, examples in sorted(failed.items(), key=lambda item: -len(item[1])):
            print(f"  {len(examples)}/{total[template]} {template!r}: {examples[: args.show]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
