#!/usr/bin/env python3
"""Writes misspelt copies of labelled questions, to measure how typos cost answers.

Usage: scripts/typo-variants.py OUT.jsonl SEED [SEED ...] < questions (JSON lines shaped like dev.jsonl)

Every answerable question not already written with typos gets, per seed, a quarter of its words of five
or more letters (at least one) changed the way hurried typing does: a letter dropped, two swapped, one
doubled, one replaced by a neighbour on a Norwegian keyboard, or æ/ø/å typed as ASCII. The expected
phrases stay, so the copies are judged like the originals (`eval OUT.jsonl`).
"""
import json
import random
import sys

KEYBOARD_ROWS = ["qwertyuiopå", "asdfghjkløæ", "zxcvbnm"]


def neighbour(letter, rng):
    for row in KEYBOARD_ROWS:
        at = row.find(letter)
        if at >= 0:
            options = [row[i] for i in (at - 1, at + 1) if 0 <= i < len(row)]
            return rng.choice(options)
    return letter


def slip(word, rng):
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["drop", "swap", "double", "neighbour", "ascii"])
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    if kind == "neighbour":
        return word[:i] + neighbour(word[i].lower(), rng) + word[i + 1:]
    return word.replace("æ", "ae").replace("ø", "o").replace("å", "a")


def misspell(word, rng):
    """A slip that changes the word: some draws do not (ASCII for a word without æ/ø/å, two equal letters
    swapped), so draw again."""
    for _ in range(20):
        changed = slip(word, rng)
        if changed != word:
            return changed
    return word


def variants(question, rng):
    words = question.split(" ")
    long_words = [i for i, w in enumerate(words) if len(w.strip("?.,!:;")) >= 5]
    rng.shuffle(long_words)
    for i in long_words[:max(1, len(long_words) // 4)]:
        core = words[i].rstrip("?.,!:;")
        words[i] = misspell(core, rng) + words[i][len(core):]
    return " ".join(words)


def main():
    out_path, seeds = sys.argv[1], [int(s) for s in sys.argv[2:]]
    cases = [json.loads(line) for line in sys.stdin if line.strip()]
    with open(out_path, "w", encoding="utf-8") as out:
        for seed in seeds:
            rng = random.Random(seed)
            for case in cases:
                if case.get("answerable") is False or case.get("style") == "typo":
                    continue
                if not any(len(w.strip("?.,!:;")) >= 5 for w in case["question"].split(" ")):
                    continue
                question = variants(case["question"], rng)
                if question == case["question"]:
                    continue
                copy = dict(case, id=f"typo{seed}-{case['id']}", question=question, style="typo")
                out.write(json.dumps(copy, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
