"""Checks of a pack's jinja2 templates before anyone drafts with them.

Statically: every template parses; none includes, imports or extends another template
or reaches for an attribute starting with "_"; every name a clause template uses is a
declared slot and every declared slot is used in each language. Then a trial render of
every clause and layout template, for every body and language, through the same
sandboxed pipeline documents use, so a template that fails at run time fails here first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from jinja2 import TemplateSyntaxError, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

from draftdesk.commands import new_document
from draftdesk.errors import DraftDeskError
from draftdesk.model.document import Document, Footnote, Meeting, Paragraph, Part
from draftdesk.model.inline import parse_inline
from draftdesk.packs.model import Clause, Pack, SlotSpec, SlotType
from draftdesk.render.builder import Renderer, template_context
from draftdesk.render.slots import RESERVED_NAMES

SAMPLE_FOOTNOTE = "fn-sample"
SAMPLE_PARAGRAPH = "sample"


@dataclass(frozen=True, slots=True)
class TemplateFault:
    """A fault in one template: its line inside the template (None when unknown)."""

    line: int | None
    message: str


# What pack templates may contain: text, names, conditions, loops over data and filters.
# Everything else either reads other files ({% include %}), reaches for Python (method
# calls) or can multiply its output without bound ('x' * 10**9, '%09999999d' % 1, a
# macro calling itself twice, `{% set a = a ~ a %}` repeated): refused before rendering.
_ALLOWED_NODES = (
    nodes.Template, nodes.Output, nodes.TemplateData, nodes.Const, nodes.Name,
    nodes.Getattr, nodes.Getitem, nodes.Slice, nodes.Filter, nodes.Test, nodes.If,
    nodes.CondExpr, nodes.For, nodes.And, nodes.Or, nodes.Not, nodes.Neg, nodes.Pos,
    nodes.Compare, nodes.Operand, nodes.Add, nodes.Sub, nodes.Div, nodes.FloorDiv,
    nodes.Concat, nodes.List, nodes.Tuple, nodes.Dict, nodes.Pair, nodes.Keyword,
)  # fmt: skip
_READS_FILES = "is not allowed: a pack template cannot read other templates or files"
_REFUSED = {
    nodes.Include: f"{{% include %}} {_READS_FILES}",
    nodes.Import: f"{{% import %}} {_READS_FILES}",
    nodes.FromImport: f"{{% from … import %}} {_READS_FILES}",
    nodes.Extends: f"{{% extends %}} {_READS_FILES}",
    nodes.Call: "calling a method or function is not allowed in a pack (use a filter)",
    nodes.Pow: "'**' is not allowed in a pack",
    nodes.Mul: "'*' is not allowed in a pack",
    nodes.Mod: "'%' is not allowed in a pack (use the tests odd, even, divisibleby)",
    nodes.Assign: "{% set %} is not allowed in a pack",
    nodes.AssignBlock: "{% set %} is not allowed in a pack",
    nodes.Macro: "{% macro %} is not allowed in a pack",
    nodes.CallBlock: "{% call %} is not allowed in a pack",
    nodes.FilterBlock: "{% filter %} is not allowed in a pack",
    nodes.With: "{% with %} is not allowed in a pack",
    nodes.Block: "{% block %} is not allowed in a pack",
}
DRAFTDESK_FILTERS = frozenset(
    ("date", "date_range", "date_span", "citations", "session_ordinal", "ordinal",
     "ordinal_figure", "cardinal", "join", "entity", "de", "a", "footnote", "capfirst",
     "upper", "lower", "length")
)  # fmt: skip
"""The filters render/sandbox.py adds (a test keeps this list in step with it)."""
SAFE_JINJA_FILTERS = frozenset(
    ("abs", "capitalize", "count", "d", "default", "e", "escape", "first", "float", "int",
     "last", "list", "max", "min", "replace", "reverse", "round", "sort", "string",
     "striptags", "sum", "title", "trim", "truncate", "unique", "wordcount")
)  # fmt: skip
"""jinja2's own filters that cannot read anything or multiply their input."""
MAX_REPLACE_FILTERS = 2
MAX_REPLACEMENT_CHARS = 20
MAX_LOOP_DEPTH = 2


def parse_faults(
    source: str, env: ImmutableSandboxedEnvironment
) -> tuple[nodes.Template | None, list[TemplateFault]]:
    """The parsed template and its static faults (syntax, refused constructs, private names)."""
    try:
        tree = env.parse(source)
    except TemplateSyntaxError as exc:
        return None, [TemplateFault(exc.lineno, f"template error: {exc.message}")]
    faults: list[TemplateFault] = []
    for node in tree.find_all(nodes.Node):
        if not isinstance(node, _ALLOWED_NODES):
            fallback = f"{type(node).__name__} is not allowed in a pack"
            faults.append(TemplateFault(node.lineno, _REFUSED.get(type(node), fallback)))
    for getattr_ in tree.find_all(nodes.Getattr):
        inner = getattr_.node
        if not (isinstance(inner, nodes.Getattr) and inner.attr.startswith("_")):
            faults += _private(getattr_.attr, getattr_.lineno)  # ''.__class__, not its __mro__
    for getitem in tree.find_all(nodes.Getitem):
        faults += _private(_constant(getitem.arg), getitem.lineno)
    faults += _filter_faults(tree)
    faults += _loop_faults(tree, 0)
    return tree, sorted(faults, key=lambda fault: fault.line or 0)


def _filter_faults(tree: nodes.Template) -> list[TemplateFault]:
    faults = []
    replaces = 0
    for node in tree.find_all(nodes.Filter):
        if node.name not in DRAFTDESK_FILTERS | SAFE_JINJA_FILTERS:
            faults.append(TemplateFault(node.lineno, f"filter {node.name!r} is not available"))
        elif node.name == "replace":
            replaces += 1
            new = _constant(node.args[1]) if len(node.args) > 1 else None
            if not isinstance(new, str) or len(new) > MAX_REPLACEMENT_CHARS:
                faults.append(
                    TemplateFault(
                        node.lineno,
                        f"replace needs a text of at most {MAX_REPLACEMENT_CHARS} "
                        "characters as its replacement",
                    )
                )
            elif replaces > MAX_REPLACE_FILTERS:
                faults.append(
                    TemplateFault(node.lineno, f"more than {MAX_REPLACE_FILTERS} replace filters")
                )
    return faults


def _private(name: Any, line: int) -> list[TemplateFault]:
    if isinstance(name, str) and name.startswith("_"):
        return [TemplateFault(line, f"attribute {name!r} is not allowed in a pack")]
    return []


def _constant(node: nodes.Node) -> Any:
    return node.value if isinstance(node, nodes.Const) else None


def _loop_faults(node: nodes.Node, depth: int) -> list[TemplateFault]:
    """Loops run over the document's data, at most two deep (no loops over literals)."""
    faults = []
    for child in node.iter_child_nodes():
        inner = depth
        if isinstance(child, nodes.For):
            inner = depth + 1
            if inner > MAX_LOOP_DEPTH:
                faults.append(
                    TemplateFault(child.lineno, f"loops nest more than {MAX_LOOP_DEPTH} deep")
                )
            if isinstance(child.iter, (nodes.Const, nodes.List, nodes.Tuple, nodes.Dict)):
                faults.append(
                    TemplateFault(child.lineno, "a loop must run over a slot or field, not text")
                )
        faults += _loop_faults(child, inner)
    return faults


def free_names(tree: nodes.Template) -> set[str]:
    """Names the template reads but never sets (loop variables and `set` names are its own).

    jinja2.meta.find_undeclared_variables would compile the template, which needs the
    renderer's filters; the pack's own names are all a check needs.
    """
    loaded: set[str] = set()
    stored: set[str] = set()
    for node in tree.find_all(nodes.Name):
        (loaded if node.ctx == "load" else stored).add(node.name)
    return loaded - stored


def name_lines(tree: nodes.Template, names: set[str]) -> dict[str, int]:
    """The first line where each of `names` is read in the template."""
    lines: dict[str, int] = {}
    for node in tree.find_all(nodes.Name):
        if node.name in names and node.ctx == "load":
            lines.setdefault(node.name, node.lineno)
    return lines


def clause_faults(
    clause: Clause, lang: str, env: ImmutableSandboxedEnvironment
) -> list[TemplateFault]:
    """Static faults of one language's template of a clause, including slot use."""
    tree, faults = parse_faults(clause.templates[lang], env)
    if tree is None:
        return faults
    used = free_names(tree) - RESERVED_NAMES
    undeclared = used - set(clause.slots)
    for name, line in sorted(name_lines(tree, undeclared).items(), key=lambda item: item[1]):
        faults.append(
            TemplateFault(line, f"uses {{{{ {name} }}}} but the clause declares no slot {name!r}")
        )
    for name in clause.slots:
        if name in RESERVED_NAMES:
            faults.append(TemplateFault(None, f"slot {name!r} is a reserved name"))
        elif name not in used:
            faults.append(TemplateFault(None, f"slot {name!r} is declared but not used"))
    return faults


def layout_faults(
    source: str, known: set[str], env: ImmutableSandboxedEnvironment
) -> list[TemplateFault]:
    """Static faults of a layout template; `known` are the names its context provides."""
    tree, faults = parse_faults(source, env)
    if tree is None:
        return faults
    unknown = free_names(tree) - known
    for name, line in sorted(name_lines(tree, unknown).items(), key=lambda item: item[1]):
        faults.append(
            TemplateFault(line, f"uses {{{{ {name} }}}}, which layout templates do not have")
        )
    return faults


def sample_document(pack: Pack, body: str) -> Document:
    """A document of `pack` with every metadata field filled, as a trial render needs."""
    document = new_document(pack, body)
    meta_ = document.metadata
    languages = pack.languages
    meta_.symbol = "A/80/L.1"
    meta_.date = date(2025, 3, 22)
    meta_.session = 80
    meta_.agenda_item = "12 (a)"
    meta_.agenda_title = dict.fromkeys(languages, "Sample agenda item")
    meta_.title = dict.fromkeys(languages, "Sample title")
    meta_.sponsors = {lang: ["Austria", "Brazil"] for lang in languages}
    meta_.sponsors_note = SAMPLE_FOOTNOTE
    meta_.meeting = Meeting(
        place=dict.fromkeys(languages, "Geneva"), start=date(2025, 3, 22), end=date(2025, 3, 23)
    )
    note = {lang: parse_inline("Sample note.") for lang in languages}
    document.footnotes.append(Footnote(SAMPLE_FOOTNOTE, note))
    return document


def layout_names(pack: Pack) -> set[str]:
    """The names the context of a layout template provides."""
    body = next(iter(pack.bodies))
    return set(template_context(sample_document(pack, body), pack, pack.languages[0]))


def sample_slots(clause: Clause, pack: Pack, *, optional: bool) -> dict[str, Any]:
    """Valid values for the clause's slots (the optional ones only when `optional`)."""
    return {
        name: _sample_value(spec, pack)
        for name, spec in clause.slots.items()
        if spec.required or optional
    }


def _sample_value(spec: SlotSpec, pack: Pack) -> Any:
    if spec.default is not None:
        return spec.default
    kind = spec.type
    if kind is SlotType.ENTITY:
        return next(iter(pack.entities), "no-entity-declared")
    samples: dict[SlotType, Any] = {
        SlotType.TEXT: dict.fromkeys(pack.languages, "sample text"),
        SlotType.LIST: {lang: ["first", "second"] for lang in pack.languages},
        SlotType.ORDINAL: 73,
        SlotType.NUMBER: 3,
        SlotType.DATE: "2024-03-22",
        SlotType.DATE_RANGE: {"start": "2024-03-22", "end": "2024-03-23"},
        SlotType.CITATIONS: [{"symbol": "37/4", "date": "1982-10-22"}],
        SlotType.FOOTNOTE: SAMPLE_FOOTNOTE,
    }
    return samples[kind]


def trial_renders(pack: Pack, clause_keys: list[str]) -> Iterator[tuple[str, str, str]]:
    """Render the layout and each clause for every body and language.

    Yields (clause key or "", language, message) for each distinct failure; "" marks a
    failure of the layout templates (masthead, opening, closing).
    """
    renderer = Renderer(pack)
    seen: set[tuple[str, str, str]] = set()
    for body in pack.bodies:
        for lang in pack.languages:
            document = sample_document(pack, body)
            try:
                renderer.layout(document, lang)
            except DraftDeskError as exc:
                failure = ("", lang, str(exc))
                if failure not in seen:
                    seen.add(failure)
                    yield failure
                continue
            for key in clause_keys:
                clause = pack.clauses[key]
                for optional in (True, False):
                    message = _render_clause(renderer, document, clause, lang, optional)
                    failure = (key, lang, message or "")
                    if message and failure not in seen:
                        seen.add(failure)
                        yield failure


def _render_clause(
    renderer: Renderer, document: Document, clause: Clause, lang: str, optional: bool
) -> str | None:
    paragraph = Paragraph(
        id=SAMPLE_PARAGRAPH,
        clause=clause.key,
        slots=sample_slots(clause, renderer.pack, optional=optional),
    )
    target = document.preamble if clause.part is Part.PREAMBLE else document.operative
    target[:] = [paragraph]
    try:
        renderer.layout(document, lang)
    except DraftDeskError as exc:
        prefix = f"paragraph {SAMPLE_PARAGRAPH!r} ({lang.upper()}): "
        message = str(exc).removeprefix(prefix).removeprefix(f"clause {clause.key!r}: ")
        return message
    finally:
        target.clear()
    return None
