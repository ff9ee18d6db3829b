"""Environment values as tainted text: the taint travels with the value, so no output can ever quote it.

A value read from a ``.env`` file (through ``os.getenv``, ``os.environ``, ``dotenv_values(...)["K"]``, in this
module or an imported one) becomes an :class:`EnvText`.  It is still matched like any prompt text, but every
string built from it (``+``, ``%``, f-strings, ``.format``, ``join``, slices, ``lower()`` …) stays an ``EnvText``
that names its sources, and evidence quoting it is rendered as "value of KEY from .env" instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, SupportsIndex

# (variable name, file it was read from, relative to the project root)
Source = tuple[str, str]


class EnvText(str):
    """A string made (partly) of environment values."""

    sources: tuple[Source, ...]

    def __new__(cls, value: str, sources: Iterable[Source]) -> EnvText:
        self = super().__new__(cls, value)
        self.sources = tuple(dict.fromkeys(sources))
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (EnvText, (str(self), self.sources))

    # Every operation that builds a new string from this one keeps the taint.
    def __add__(self, other: str) -> EnvText:
        return EnvText(str(self) + str(other), self.sources + sources_of(other))

    def __radd__(self, other: str) -> EnvText:
        return EnvText(str(other) + str(self), sources_of(other) + self.sources)

    def __mod__(self, other: Any) -> EnvText:
        return EnvText(str(self) % other, self.sources + _sources_in(other))

    def __rmod__(self, other: str) -> EnvText:
        return EnvText(str(other) % str(self), sources_of(other) + self.sources)

    def __mul__(self, n: SupportsIndex) -> EnvText:
        return EnvText(str(self) * n, self.sources)

    def __getitem__(self, key: SupportsIndex | slice) -> EnvText:
        return EnvText(str.__getitem__(self, key), self.sources)

    def format(self, *args: object, **kwargs: object) -> EnvText:
        more = _sources_in(args) + _sources_in(tuple(kwargs.values()))
        return EnvText(str(self).format(*args, **kwargs), self.sources + more)

    def join(self, parts: Iterable[str]) -> EnvText:
        items = list(parts)
        return EnvText(str(self).join(str(p) for p in items), self.sources + _sources_in(items))

    def _same(self, value: str) -> EnvText:
        return EnvText(value, self.sources)

    def lower(self) -> EnvText:
        return self._same(str(self).lower())

    def upper(self) -> EnvText:
        return self._same(str(self).upper())

    def casefold(self) -> EnvText:
        return self._same(str(self).casefold())

    def title(self) -> EnvText:
        return self._same(str(self).title())

    def capitalize(self) -> EnvText:
        return self._same(str(self).capitalize())

    def strip(self, chars: str | None = None) -> EnvText:
        return self._same(str(self).strip(chars))

    def lstrip(self, chars: str | None = None) -> EnvText:
        return self._same(str(self).lstrip(chars))

    def rstrip(self, chars: str | None = None) -> EnvText:
        return self._same(str(self).rstrip(chars))

    def replace(self, old: str, new: str, count: SupportsIndex = -1) -> EnvText:
        return EnvText(str(self).replace(old, new, count), self.sources + sources_of(new))

    def splitlines(self, keepends: bool = False) -> list[str]:
        return [self._same(s) for s in str(self).splitlines(keepends)]

    def split(self, sep: str | None = None, maxsplit: SupportsIndex = -1) -> list[str]:
        return [self._same(s) for s in str(self).split(sep, maxsplit)]


def sources_of(text: object) -> tuple[Source, ...]:
    return text.sources if isinstance(text, EnvText) else ()


def _sources_in(values: object) -> tuple[Source, ...]:
    if isinstance(values, (tuple, list)):
        return tuple(s for v in values for s in sources_of(v))
    return sources_of(values)


def is_tainted(text: object) -> bool:
    return isinstance(text, EnvText)


def env_value(value: str, key: str, origin: str) -> EnvText:
    return EnvText(value, ((key, origin),))


def join(sep: str, parts: Iterable[str]) -> str:
    """``sep.join(parts)``, tainted when the separator or any part is."""
    items = list(parts)
    found = sources_of(sep) + _sources_in(items)
    joined = str(sep).join(str(p) for p in items)
    return EnvText(joined, found) if found else joined


def like(text: str, *origins: object) -> str:
    """``text`` carrying the taint of ``origins`` (a value derived from them by code that drops str subclasses)."""
    found = sources_of(text) + _sources_in(origins)
    return EnvText(str(text), found) if found else text


def describe(text: object) -> str:
    """How evidence names a tainted value instead of quoting it: "value of KEY from .env"; "" when clean."""
    found = sources_of(text)
    if not found:
        return ""
    whole = [origin for key, origin in found if not key]  # a whole file read as text
    by_file: dict[str, list[str]] = {}
    for key, origin in found:
        if key:
            by_file.setdefault(origin, []).append(key)
    parts = [f"{' and '.join(k[:3])}{' …' if len(k) > 3 else ''} from {origin}" for origin, k in by_file.items()]
    named = (("values of " if len(found) - len(whole) > 1 else "value of ") + "; ".join(parts[:3])) if parts else ""
    files = f"contents of {' and '.join(dict.fromkeys(whole[:3]))}" if whole else ""
    return "; ".join(p for p in (named, files) if p)
