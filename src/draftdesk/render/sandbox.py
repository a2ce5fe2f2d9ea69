"""The sandboxed jinja2 environment pack templates run in, with DraftDesk's filters."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from draftdesk.errors import RenderError
from draftdesk.language import (
    Citation,
    LanguageError,
    capitalize_first,
    cardinal_words,
    contract_a,
    contract_de,
    format_citations,
    format_date,
    format_date_range,
    format_date_span,
    join_list,
    ordinal_figure,
    ordinal_words,
    session_ordinal,
)

MAX_OUTPUT_CHARS = 100_000
"""A template that expands beyond this is a mistake or an attack (loops over huge ranges)."""


class TemplateRenderer:
    """Compiles and renders pack templates for one language, caching compiled templates."""

    def __init__(self, lang: str, entities: dict[str, dict[str, str]]) -> None:
        self.lang = lang
        self._entities = entities
        self._env = ImmutableSandboxedEnvironment(
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=False,
        )
        self._env.filters.update(self._filters())
        # Templates get data, not power: no globals such as range/lipsum/cycler/dict.
        self._env.globals.clear()
        self._compiled: dict[str, jinja2.Template] = {}

    def render(self, source: str, context: dict[str, Any], *, where: str) -> str:
        """Render `source` with `context`; every failure is a RenderError naming `where`."""
        try:
            template = self._compiled.get(source)
            if template is None:
                template = self._env.from_string(source)
                self._compiled[source] = template
            output = template.render(context)
        except SecurityError as exc:
            raise RenderError(
                f"{where}: the template tried something not allowed in a pack ({exc})"
            ) from None
        except jinja2.UndefinedError as exc:
            raise RenderError(f"{where}: {exc.message}") from None
        except jinja2.TemplateSyntaxError as exc:
            raise RenderError(
                f"{where}: template error at line {exc.lineno}: {exc.message}"
            ) from None
        except (LanguageError, RenderError) as exc:
            raise RenderError(f"{where}: {exc}") from None
        except (
            TypeError,
            ValueError,
            AttributeError,
            KeyError,
            IndexError,
            ZeroDivisionError,
            OverflowError,
            RecursionError,
        ) as exc:
            raise RenderError(
                f"{where}: the template failed ({type(exc).__name__}: {exc})"
            ) from None
        if len(output) > MAX_OUTPUT_CHARS:
            raise RenderError(
                f"{where}: the template produced more than {MAX_OUTPUT_CHARS} characters"
            )
        return output

    def _filters(self) -> dict[str, Callable[..., Any]]:
        lang = self.lang

        def as_date(value: Any) -> date:
            if isinstance(value, date):
                return value
            try:
                return date.fromisoformat(str(value))
            except ValueError:
                raise RenderError(f"{value!r} is not a date (YYYY-MM-DD)") from None

        def date_filter(value: Any) -> str:
            return format_date(as_date(value), lang)

        def date_range_filter(value: Any, end: Any = None) -> str:
            if isinstance(value, (list, tuple)):
                value, end = value
            return format_date_range(as_date(value), as_date(end if end else value), lang)

        def date_span_filter(value: Any, end: Any = None) -> str:
            if isinstance(value, (list, tuple)):
                value, end = value
            return format_date_span(as_date(value), as_date(end if end else value), lang)

        def citations_filter(value: Sequence[Citation]) -> str:
            return format_citations(list(value), lang)

        def entity_filter(key: str) -> str:
            entry = self._entities.get(key)
            if entry is None or lang not in entry:
                raise RenderError(f"unknown entity {key!r}")
            return entry[lang]

        def join_filter(items: Sequence[str], conjunction: str = "and") -> str:
            return join_list([str(item) for item in items], lang, conjunction=conjunction)

        return {
            "date": date_filter,
            "date_range": date_range_filter,
            "date_span": date_span_filter,
            "citations": citations_filter,
            "session_ordinal": lambda n: session_ordinal(int(n), lang),
            "ordinal": lambda n: ordinal_words(int(n), lang),
            "ordinal_figure": lambda n: str(ordinal_figure(int(n), lang)),
            "cardinal": lambda n: cardinal_words(int(n), lang),
            "join": join_filter,
            "entity": entity_filter,
            "de": lambda text: contract_de(str(text)) if lang == "fr" else f"of {text}",
            "a": lambda text: contract_a(str(text)) if lang == "fr" else f"to {text}",
            "footnote": lambda ident: f"[^{ident}]" if ident else "",
            "capfirst": lambda text: capitalize_first(str(text)),
            "upper": lambda text: str(text).upper(),
            "lower": lambda text: str(text).lower(),
            "length": len,
        }
