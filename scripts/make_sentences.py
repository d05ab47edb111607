#!/usr/bin/env python3
"""Writes chapters/08-text-classifier/Sentences.swift: the chapter's labelled sentences.

Short reviews, label 1 (positive) or 0 (negative), drawn from a small grammar with a fixed
seed. Some patterns need word order to be read correctly ("not bad", "looked great but it was
awful"); the chapter shows which models cope with them. Run once; the output is committed.
"""
import random

THINGS = ["movie", "film", "book", "phone", "laptop", "hotel", "restaurant", "food", "service",
          "camera", "song", "album", "show", "game", "coffee", "pizza", "room", "screen", "app",
          "product", "story", "plot", "soup", "chair", "jacket"]
GOOD = ["great", "wonderful", "excellent", "amazing", "fantastic", "good", "lovely", "perfect",
        "brilliant", "enjoyable", "superb", "nice"]
BAD = ["terrible", "awful", "boring", "bad", "horrible", "poor", "disappointing", "dull",
       "useless", "weak", "awkward", "ugly"]
INTENSE = ["really", "very", "so", "truly", "quite"]


def sentences(rng):
    """(text, label, pattern) triples, one draw per pattern and polarity."""
    t, g, b, i = rng.choice(THINGS), rng.choice(GOOD), rng.choice(BAD), rng.choice(INTENSE)
    return [
        (f"the {t} was {g}", 1, "plain"), (f"the {t} was {b}", 0, "plain"),
        (f"this {t} is {i} {g}", 1, "plain"), (f"this {t} is {i} {b}", 0, "plain"),
        (f"this is a {g} {t}", 1, "plain"), (f"this is a {b} {t}", 0, "plain"),
        (f"what a {g} {t}", 1, "plain"), (f"what a {b} {t}", 0, "plain"),
        (f"i {rng.choice(['loved', 'liked', 'enjoyed'])} this {t}", 1, "plain"),
        (f"i {rng.choice(['hated', 'disliked'])} this {t}", 0, "plain"),
        (f"the {t} was not {g}", 0, "negation"), (f"the {t} was not {b}", 1, "negation"),
        (f"this {t} is not {g} at all", 0, "negation"), (f"this {t} is not {b} at all", 1, "negation"),
        (f"i don't like this {t}", 0, "negation"), (f"i do like this {t}", 1, "negation"),
        (f"i would recommend this {t}", 1, "negation"), (f"i would not recommend this {t}", 0, "negation"),
        (f"the {t} looked {b} but it was {g}", 1, "contrast"),
        (f"the {t} looked {g} but it was {b}", 0, "contrast"),
        (f"i expected a {b} {t} but it was {g}", 1, "contrast"),
        (f"i expected a {g} {t} but it was {b}", 0, "contrast"),
    ]


def main():
    rng = random.Random(8)
    rows, seen = [], set()
    while len(rows) < 352:
        for text, label, pattern in sentences(rng):
            if text not in seen and len(rows) < 352:
                seen.add(text)
                rows.append((text, label, pattern))
    rng.shuffle(rows)
    split = ["test" if n % 4 == 0 else "train" for n in range(len(rows))]  # a fixed quarter for testing
    lines = [f"{label}\t{s}\t{pattern}\t{text}" for (text, label, pattern), s in zip(rows, split)]
    body = "\n".join(lines)
    swift = f'''// Sentences.swift — the chapter's data: {len(rows)} short reviews written for this chapter by
// scripts/make_sentences.py (a small grammar, fixed seed), one per line:
//
//   label (1 positive, 0 negative) <tab> split (train/test) <tab> pattern <tab> text
//
// "plain" sentences carry their sentiment in one word; "negation" and "contrast" sentences need
// word order ("not bad", "looked great but it was awful").

let sentencesTSV = """
{body}
"""
'''
    with open("chapters/08-text-classifier/Sentences.swift", "w") as f:
        f.write(swift)


if __name__ == "__main__":
    main()
