"""Bilingual text: every label the registries declare is one ``Text(en, zh)``."""

from __future__ import annotations

from typing import NamedTuple

LANGS = ("en", "zh")


class Text(NamedTuple):
    """English and Traditional Chinese (Hong Kong usage) forms of one piece of text."""

    en: str
    zh: str

    def __call__(self, lang: str = "en", **fmt) -> str:
        """The text in ``lang`` ("en" or "zh"), formatted with ``fmt``."""
        text = self.zh if lang == "zh" else self.en
        return text.format(**fmt) if fmt else text


def pick(en: str, zh: str, lang: str) -> str:
    """The text in ``lang``, or the other language's when that one is empty."""
    first, second = (zh, en) if lang == "zh" else (en, zh)
    return first or second
