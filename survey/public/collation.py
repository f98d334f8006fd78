"""Vietnamese alphabetical order and accent-insensitive search, for lists citizens read.

PyICU (ICU's 'vi' collation) needs the ICU C library and headers to build, which a
deployment should not need for one sorted list; this key gives the same order for
Vietnamese names, as in a dictionary:

- letters first, in the Vietnamese alphabet: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s
  t u ư v x y (ă, â, đ, ê, ô, ơ, ư are letters of their own, not accented a, d, e, o, u);
- then, between words spelled alike, the tones in the order of dictionaries: level,
  huyền (`), hỏi (̉), ngã (~), sắc (´), nặng (.);
- case last.

Search folds all of that away: "ha tien" finds "Hà Tiên", "dong thap" finds "Đồng Tháp".
"""
import unicodedata

ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
"""Letters outside it (f, j, w, z in foreign names, digits) sort after it by code point."""
LETTERS = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê", ("o", "\u0302"): "ô",
           ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}
"""(base, mark) -> the letter they make: breve, circumflex and horn are not tones."""
TONES = "\u0300\u0309\u0303\u0301\u0323"
"""huyền, hỏi, ngã, sắc, nặng: their index + 1 is the tone's rank (0 for the level tone)."""


def _letter(base: str, marks: str) -> str:
    return next((LETTERS[base, mark] for mark in marks if (base, mark) in LETTERS), base)


def _graphemes(text: str) -> list[tuple[str, int]]:
    """(letter, tone rank) of each base character of `text`, lower-cased."""
    found: list[tuple[str, str]] = []
    for char in unicodedata.normalize("NFD", text.lower()):
        if unicodedata.combining(char) and found:
            found[-1] = (found[-1][0], found[-1][1] + char)
        else:
            found.append((char, ""))
    return [(_letter(base, marks), next((TONES.index(m) + 1 for m in marks if m in TONES), 0))
            for base, marks in found]


def _rank(letter: str) -> int:
    """Spaces first (a word before the longer words it begins, as ICU does), then the alphabet."""
    if letter.isspace():
        return -1
    return ALPHABET.index(letter) if letter in ALPHABET else len(ALPHABET) + ord(letter)


def sort_key(text: str) -> tuple:
    """A key that sorts Vietnamese text in dictionary order (letters, then tones, then case)."""
    graphemes = _graphemes(text)
    return (tuple(_rank(letter) for letter, _ in graphemes), tuple(tone for _, tone in graphemes),
            tuple(not char.islower() for char in text))


def folded(text: str) -> str:
    """`text` without accents, đ as d, lower-cased, spaces collapsed: what search compares."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))
    return " ".join(bare.replace("đ", "d").split())


def matches(query: str, text: str) -> bool:
    """Whether every word of `query` is found in `text`, accents and case ignored."""
    haystack = folded(text)
    return all(word in haystack for word in folded(query).split())
