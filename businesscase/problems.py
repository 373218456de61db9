"""Problems with a scenario file, and how they are told to people, in Dutch or English.

A :class:`Problem` is one broken rule: where (a field path such as ``outcomes[2].deadweight``),
the value given and the rule, as a :class:`Message` (a key of the catalogue in
:mod:`businesscase.messages` and its parameters). :class:`ScenarioError` carries every problem
found and renders them in a language.

Error output stays short whatever the input (see docs/scenario-format.md, "Error messages"):

- at most :data:`LINES_PER_KIND` lines per kind of problem (per message key), then one line
  with the count of the rest (``... and 1,012 more unknown stakeholder references``);
- every line at most :data:`LONGEST_LINE` characters, a value at most 80;
- newlines and other control characters in a value, a field name or a file name are shown
  escaped (``\\n``), so a value can never start a line of its own;
- "did you mean" names at most three close matches, computed only for the lines shown.

Examples
--------
>>> problem = Problem("outcomes[2].deadweight", 1.4, Message("share"))
>>> problem.render("west.toml")
'west.toml: outcomes[2].deadweight = 1.4: must be a share between 0 and 1'
>>> problem.render("west.toml", "nl")
'west.toml: outcomes[2].deadweight = 1.4: moet een aandeel tussen 0 en 1 zijn'
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic_core import PydanticCustomError

from businesscase.formatting import number
from businesscase.messages import MESSAGES, PIECES

LINES_PER_KIND = 10
"""Most lines shown for one kind of problem (one message key); the rest are counted."""

LONGEST_LINE = 400
"""Longest line of error output [characters]; a longer one is cut and ends in ``...``."""

LONGEST_VALUE = 80
"""Longest value shown in a message [characters]."""

CLOSE_MATCHES = 3
"""Most names a "did you mean" offers."""

LISTED = 12
"""Most names a message lists (known ids, allowed fields); more are counted."""

_TEXTS = MESSAGES | PIECES


# --- messages --------------------------------------------------------------------------------


class Message:
    """A rule in words: a key of :data:`businesscase.messages.MESSAGES` and its parameters.

    A parameter may itself be a :class:`Message` (a key of ``MESSAGES`` or of
    :data:`businesscase.messages.PIECES`), a :class:`Suggestion` or a :class:`Listing`; these
    are put into words in the same language when the text is made.
    """

    __slots__ = ("key", "params")

    def __init__(self, key: str, **params: object) -> None:
        if key not in _TEXTS:
            raise KeyError(f"no message {key!r} in businesscase.messages")
        self.key = key
        self.params = params

    def text(self, lang: str = "en") -> str:
        """The rule in ``lang`` (``en`` or ``nl``)."""
        values = {name: _param_text(value, lang) for name, value in self.params.items()}
        return _TEXTS[self.key][lang].format(**values)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.key, self.params) == (other.key, other.params)

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return f"Message({self.key!r}, **{self.params!r})"


@dataclass(frozen=True)
class Suggestion:
    """`` (did you mean X?)`` for a near miss of ``word`` among ``options``, else nothing.

    The close matches are looked for only when the text is made, so thousands of unknown
    references cost nothing until a few of them are shown.
    """

    word: object
    options: Iterable[str]

    def text(self, lang: str) -> str:
        close = difflib.get_close_matches(str(self.word), list(self.options), n=CLOSE_MATCHES)
        if not close:
            return ""
        names = [_escaped(name) for name in close]
        joined = ", ".join(names[:-1]) + PIECES["or"][lang] + names[-1] if close[1:] else names[0]
        return PIECES["did_you_mean"][lang].format(names=joined)


@dataclass(frozen=True)
class Listing:
    """Names listed with commas, at most :data:`LISTED`; more are counted (``(5,000 in all)``)."""

    names: tuple[str, ...]

    def text(self, lang: str) -> str:
        shown = ", ".join(_escaped(name) for name in self.names[:LISTED])
        if len(self.names) <= LISTED:
            return shown
        return PIECES["listing_more"][lang].format(
            names=shown, count=number(len(self.names), lang, 0)
        )


def _param_text(value: object, lang: str) -> str:
    if isinstance(value, Message | Suggestion | Listing):
        return value.text(lang)
    return str(value)


def refusal(message: Message, **context: object) -> PydanticCustomError:
    """A field validator's error carrying ``message`` (raise it inside a validator).

    ``context`` travels with it (a distribution names its parameter: ``field="sd"``).
    """
    return PydanticCustomError(
        "rule", "{text}", {"text": message.text(), "message": message, **context}
    )


# --- problems --------------------------------------------------------------------------------


class _NoValue:
    """Marks a problem without a value to show (a missing field, a file-level problem).

    One object: a copy (the app's cache pickles problems) is :data:`NO_VALUE` itself, so
    ``problem.value is NO_VALUE`` holds for a copied problem too.
    """

    def __repr__(self) -> str:
        return "<no value>"

    def __reduce__(self) -> str:
        return "NO_VALUE"


NO_VALUE: Any = _NoValue()
"""The ``value`` of a :class:`Problem` about something that is not there."""


@dataclass(frozen=True)
class Problem:
    """One broken rule: where (field path, "" for the whole file), what was given, the rule.

    ``rule`` is a :class:`Message`; plain text is accepted for rules not (yet) in the
    catalogue and is then shown as written in every language.
    """

    path: str
    value: object
    rule: Message | str

    def rule_text(self, lang: str = "en") -> str:
        """The rule in ``lang``."""
        return self.rule.text(lang) if isinstance(self.rule, Message) else self.rule

    @property
    def kind(self) -> str:
        """The message key (or the text of a plain rule): problems of one kind are counted."""
        return self.rule.key if isinstance(self.rule, Message) else self.rule

    def render(self, source: str, lang: str = "en") -> str:
        """One line, e.g. ``west.toml: outcomes[2].deadweight = 1.4: must be a share ...``.

        Control characters anywhere in the line are shown escaped; the line is at most
        :data:`LONGEST_LINE` characters.
        """
        rule = self.rule_text(lang)
        if not self.path:
            line = f"{source}: {rule}"
        elif self.value is NO_VALUE:
            line = f"{source}: {self.path}: {rule}"
        else:
            line = f"{source}: {self.path} = {show(self.value)}: {rule}"
        return shorten(_escaped(line), LONGEST_LINE)


class ScenarioError(ValueError):
    """A scenario breaks the rules of the scenario format (docs/scenario-format.md).

    ``str(error)`` is one line, in English: the first problem, plus ``(and N more problems)``.

    Attributes
    ----------
    source : str
        The file name (or ``<text>``, ``<dict>``) the scenario came from.
    problems : list of Problem
        Every problem found, each with its field path, value and rule.
    """

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        more = len(problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        super().__init__(problems[0].render(source) + suffix)

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled with its source, problems and any other attribute: an error raised on a
        Dask worker reaches the client whole."""
        return (type(self), (self.source, self.problems), self.__dict__)

    def lines(self, lang: str = "en") -> list[str]:
        """One line per problem, each naming the file; bounded as :func:`bounded` says."""
        source = _escaped(self.source)
        return bounded(
            self.problems,
            lambda problem: problem.render(self.source, lang),
            lambda more: shorten(f"{source}: {more}", LONGEST_LINE),
            lang,
        )


def bounded(
    problems: list[Problem],
    render: Callable[[Problem], str],
    count_line: Callable[[str], str],
    lang: str,
) -> list[str]:
    """At most :data:`LINES_PER_KIND` problems of one kind, in the order found, each as
    ``render`` puts it; then, for each kind with more, ``count_line`` of a count of the rest
    (``... and 1,012 more unknown stakeholder references``)."""
    shown: Counter[str] = Counter()
    lines = []
    for problem in problems:
        shown[problem.kind] += 1
        if shown[problem.kind] <= LINES_PER_KIND:
            lines.append(render(problem))
    examples = {problem.kind: problem for problem in reversed(problems)}
    for kind, count in shown.items():
        if count > LINES_PER_KIND:
            rest = number(count - LINES_PER_KIND, lang, 0)
            what = _kind_words(examples[kind], lang)
            lines.append(count_line(PIECES["more"][lang].format(count=rest, kind=what)))
    return lines


def _kind_words(problem: Problem, lang: str) -> str:
    """What the problems of this kind are, in the plural (``unknown stakeholder references``)."""
    if problem.kind in MESSAGES:
        return MESSAGES[problem.kind][f"{lang}_many"]
    rule = shorten(_escaped(problem.rule_text(lang)), LONGEST_VALUE)
    return PIECES["more_like"][lang].format(rule=rule)


def file_error(source: str, key: str, **params: object) -> ScenarioError:
    """A problem with the file as a whole."""
    return ScenarioError(source, [Problem("", NO_VALUE, Message(key, **params))])


# --- showing values --------------------------------------------------------------------------


def show(value: object) -> str:
    """A value as the user would write it in TOML, at most :data:`LONGEST_VALUE` characters."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, str):
        text = '"' + _escaped(value.replace("\\", "\\\\").replace('"', '\\"')) + '"'
    elif isinstance(value, float) and not math.isfinite(value):
        text = "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    elif isinstance(value, Mapping):
        items = ", ".join(
            f"{_escaped(str(key))} = {show(item)}" for key, item in list(value.items())[:LISTED]
        )
        text = "{ " + items + (", ..." if len(value) > LISTED else "") + " }" if items else "{}"
    elif isinstance(value, list):
        text = "[" + ", ".join(show(item) for item in value[:LISTED])
        text += ", ...]" if len(value) > LISTED else "]"
    elif hasattr(value, "isoformat"):
        text = value.isoformat()
    else:
        text = repr(value)
    return shorten(text, LONGEST_VALUE)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, ending in ``...`` when cut."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


_REFUSED = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""Characters a line of text may not hold: the control characters (Unicode category Cc), the
line and paragraph separators (Zl, Zp), and Unicode's embedding, override and isolate marks,
which can make text read backwards."""

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(text: str) -> str:
    """``text`` with every control, line-separating or direction-changing character escaped."""
    if text.isprintable():
        return text
    return "".join(
        char if char.isprintable() or char == " " else _ESCAPES.get(char, _code(char))
        for char in text
    )


def _code(char: str) -> str:
    """``\\x1b`` for a character up to U+00FF, ``\\u2028`` above (as businesscase.user_text)."""
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def control_character(text: str, allowed: str = "") -> str | None:
    """The first character of ``text`` that may not stand in a line of text, escaped, or None.

    Refused: control characters (``\\n``, ``\\t``, ESC, ...; Unicode category Cc), line and
    paragraph separators (Zl, Zp) and the invisible marks that change the direction of the
    text after them, except those in ``allowed``.
    """
    for found in _REFUSED.finditer(text):
        if found.group() not in allowed:
            return _escaped(found.group())
    return None
