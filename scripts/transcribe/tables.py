"""Authoring-time helper: turns the tab-separated table rows of a source text into planportal's
plan hierarchy (objectives and measures), re-joining cells split across page breaks and dropping
layout artefacts. It is run once by a person, whose result is checked by hand and by the
transcription tests (tests/suite/transcription.rs); the site never runs it.
"""
import html
import re

MEASURE = re.compile(r"^(\d+\.\s?\d+\.?\s?\d+\.?)\s*(.*)$", re.S)


def clean(cell):
    """A cell's text: tags and bullets removed, entities decoded, white space collapsed."""
    text = re.sub(r"<[^>]+>", " ", cell)
    text = html.unescape(text).replace("▪", " ").replace("\uf0a7", " ")
    return re.sub(r"\s+", " ", text).strip()


def paragraphs(cell):
    """The paragraphs or list items of a cell, each cleaned."""
    parts = re.split(r"</p>|</li>|▪|<br\s*/?>", cell)
    return [p for p in (clean(x) for x in parts) if p]


JOINS = []


def join(a, b):
    if not a:
        return b
    if not b:
        return a
    if re.search(r"\w-$", a):
        # A word hyphenated at a row break ("public-" / "privat"): the hyphen is the word's own.
        return a + b
    JOINS.append((a, b))
    return a + " " + b


def split_items(text, starts):
    """Splits a list cell at ';' and before each word that starts an item (Nr., %…)."""
    items = []
    for piece in re.split(r";\s*", text):
        piece = piece.strip()
        if not piece:
            continue
        bounds = [0] + [m.start() for m in re.finditer(starts, piece) if m.start() > 0]
        bounds.append(len(piece))
        for a, b in zip(bounds, bounds[1:]):
            item = piece[a:b].strip()
            if item:
                items.append(item)
    return items
