"""One translation mechanism for every user-facing text: Finnish (default), Swedish, English.

Texts live in catalogues under `domain/messages/` (one module per part of the app, each a dict
`MESSAGES = {key: {"fi": …, "sv": …, "en": …}}`); `t()` looks a key up and fills in `{params}`.
Numbers and dates are formatted here too, so every page, export and CLI table agrees.
"""
from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from dataclasses import dataclass
from functools import lru_cache

LANGS: tuple[str, ...] = ("fi", "sv", "en")
DEFAULT_LANG = "fi"
NBSP = "\u00a0"


def normalise_lang(lang: str | None) -> str:
    return lang if lang in LANGS else DEFAULT_LANG


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    from . import messages

    merged: dict[str, dict[str, str]] = {}
    for info in pkgutil.iter_modules(messages.__path__):
        module = importlib.import_module(f"{messages.__name__}.{info.name}")
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} defined twice ({info.name})")
            missing = [lang for lang in LANGS if lang not in texts]
            if missing:
                raise RuntimeError(f"message {key!r} lacks {missing}")
            merged[key] = texts
    return merged


def t(key: str, lang: str | None = DEFAULT_LANG, /, **params: object) -> str:
    """The text of `key` in `lang`, with `{name}` placeholders filled from params."""
    texts = catalogue().get(key)
    if texts is None:
        raise KeyError(f"no message {key!r}")
    lang = normalise_lang(lang)
    text = texts[lang]
    if not params:
        return text
    return text.format(**{name: localize_param(value, lang) for name, value in params.items()})


@dataclass(frozen=True)
class LocalName:
    """A name in all three languages, kept as a message parameter (e.g. in a refusal made
    before the reader's language is known) and shown in the reader's language by `t()`."""

    fi: str
    sv: str | None = None
    en: str | None = None

    @classmethod
    def of(cls, obj: object | None, attr: str = "name") -> "LocalName | None":
        if obj is None:
            return None
        return cls(*(getattr(obj, f"{attr}_{lang}", None) for lang in LANGS))

    def __str__(self) -> str:
        return self.fi


def localize_param(value: object, lang: str | None) -> object:
    """A message parameter in the reader's language: names, dates and times (UTC, shown as
    Finnish local time) follow the UI language; anything else as it is."""
    if isinstance(value, LocalName):
        return getattr(value, normalise_lang(lang)) or value.fi
    if isinstance(value, dt.datetime):
        return format_datetime(value, lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    return value


def localized(obj: object, lang: str | None, attr: str = "name") -> str:
    """`obj.name_fi` / `name_sv` / `name_en` by language, falling back to Finnish."""
    lang = normalise_lang(lang)
    return getattr(obj, f"{attr}_{lang}", None) or getattr(obj, f"{attr}_fi")


def format_percent(percent: int | None, lang: str | None = DEFAULT_LANG, *, no_data: str = "") -> str:
    """'36 %' in Finnish and Swedish (non-breaking space), '36%' in English."""
    if percent is None:
        return no_data
    return f"{percent}%" if normalise_lang(lang) == "en" else f"{percent}{NBSP}%"


def format_decimal(value: float | None, lang: str | None = DEFAULT_LANG, digits: int = 1) -> str:
    if value is None:
        return ""
    text = f"{value:,.{digits}f}"
    if normalise_lang(lang) == "en":
        return text
    return text.replace(",", NBSP).replace(".", ",")


def format_signed(value: int | None, lang: str | None = DEFAULT_LANG) -> str:
    """A change in percentage points: '+5', '−3' (true minus sign), '±0'."""
    if value is None:
        return ""
    if value == 0:
        return "±0"
    return f"+{value}" if value > 0 else f"\u2212{-value}"


def format_date(date: dt.date | None, lang: str | None = None) -> str:
    """d.m.yyyy as Finnish and Swedish officials write dates; ISO 8601 (yyyy-mm-dd) in the
    English UI, where d.m.yyyy reads as a foreign format. Without `lang`: d.m.yyyy."""
    if date is None:
        return ""
    if lang == "en":
        return date.isoformat()
    return f"{date.day}.{date.month}.{date.year}"


LOCAL_TIME = "Europe/Helsinki"


def format_datetime(value: dt.datetime | None, lang: str | None = None) -> str:
    """A stored UTC time (naive) as Finnish local time (kesäaika included): 'd.m.yyyy hh.mm.ss'
    in Finnish and Swedish, 'yyyy-mm-dd hh:mm:ss' in English."""
    if value is None:
        return ""
    from zoneinfo import ZoneInfo

    local = value.replace(tzinfo=dt.timezone.utc).astimezone(ZoneInfo(LOCAL_TIME))
    if lang == "en":
        return f"{local.date().isoformat()} {local:%H:%M:%S}"
    return f"{format_date(local.date())} {local:%H.%M.%S}"


def format_period(period: str, lang: str | None = DEFAULT_LANG) -> str:
    """'2021-10' -> '10/2021' as on the slides."""
    return f"{int(period[5:])}/{period[:4]}"


# Finnish and Swedish alphabets end … x y z å ä ö (w = v in old Finnish rules is not used).
_NORDIC_TAIL = {"å": "z\u0001", "ä": "z\u0002", "ö": "z\u0003", "æ": "z\u0002", "ø": "z\u0003"}


@lru_cache(maxsize=16384)  # names sorted on every page view (368 organisations' at scale)
def collation_key(text: str, lang: str | None = DEFAULT_LANG) -> str:
    """Sort key for names shown in `lang`: Finnish and Swedish put å, ä, ö after z; English
    sorts them with a and o. Case, hyphens and spaces are ignored."""
    import unicodedata

    out = []
    for ch in text.casefold():
        if ch in "- \u2013":
            continue
        if normalise_lang(lang) in ("fi", "sv") and ch in _NORDIC_TAIL:
            out.append(_NORDIC_TAIL[ch])
        else:
            out.append("".join(c for c in unicodedata.normalize("NFKD", ch)
                               if not unicodedata.combining(c)))
    return "".join(out)


class TranslatableError(Exception):
    """An error whose message is a catalogue key, shown in the reader's language."""

    def __init__(self, key: str, **params: object):
        self.key = key
        self.params = params
        super().__init__(key)

    def render(self, lang: str | None = DEFAULT_LANG) -> str:
        return t(self.key, lang, **self.params)
