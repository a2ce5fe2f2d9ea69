"""A General Assembly draft with one seeded error per proofing rule, in both languages."""

from __future__ import annotations

from draftdesk.model.document import Document, Footnote, Metadata, Paragraph, Provenance
from draftdesk.model.inline import parse_inline


def _p(
    ident: str,
    en: str,
    fr: str,
    *,
    opener: str | None = None,
    en_rev: int = 1,
    fr_from: int = 1,
    children: list[Paragraph] | None = None,
) -> Paragraph:
    text = {lang: parse_inline(value) for lang, value in (("en", en), ("fr", fr)) if value}
    provenance = {"en": Provenance(rev=en_rev), "fr": Provenance(1, "en", fr_from)}
    return Paragraph(
        ident, opener=opener, text=text, provenance=provenance, children=children or []
    )


def seeded_document() -> Document:
    """The test document: every paragraph holds the errors its id names."""
    preamble = [
        _p(
            "pp-not-participle",
            "The report of the Secretary-General",
            "Le rapport du Secrétaire général",
        ),
        _p(
            "pp-typed-opener",
            "Recalling its resolution 70/1 of 25 September 2015",
            "Rappelant sa résolution 70/1 du 25 septembre 2015",
        ),
        _p("pp-agreement", "", "Convaincu que la coopération est essentielle"),
        _p(
            "pp-repeated",
            "Recalling its resolution 69/1 of 1 October 2014",
            "Rappelant sa résolution 69/1 du 1er octobre 2014",
            opener="recalling",
        ),
        _p(
            "pp-citation",
            "its resolution 68/1 and Security Council resolution 2086",
            "sa résolution 68/1 et la résolution 2086 du Conseil de sécurité",
            opener="recalling",
        ),
        _p("pp-unknown-opener", "the report", "le rapport", opener="no-such-opener"),
    ]
    # pp-agreement has French only: its English (the source) is empty on purpose, so the
    # translation rules stay quiet and only the agreement is at stake.
    preamble[2].text.pop("en", None)
    preamble[2].provenance["fr"] = Provenance(1)
    operative = [
        _p(
            "op-not-verb",
            "Member States are invited to cooperate",
            "Les États Membres sont invités à coopérer",
        ),
        _p(
            "op-typed-number",
            "5. Requests the Secretary-General to report",
            "5. Prie le Secrétaire général de faire rapport",
        ),
        _p(
            "op-bare-number",
            "21 Encourages all States to act",
            "21 Encourage tous les États à agir",
        ),
        _p(
            "op-etc",
            "to consider the question, etc.",
            "d’examiner la question, etc.",
            opener="decides",
        ),
        _p(
            "op-typed-end",
            "all States to participate;",
            "tous les États à participer ;",
            opener="invites",
        ),
        _p("op-question", "whether the plan works?", "si le plan fonctionne ?", opener="decides"),
        _p(
            "op-ordinals",
            "to convene the 21th session",
            "de convoquer la 49èmesession, la 2ème réunion et la 1ère séance",
            opener="decides",
        ),
        _p(
            "op-spaces",
            "to note the report ; and the plan , too",
            "de noter le rapport , et d’agir\u00a0; enfin",
            opener="decides",
        ),
        _p("op-quotes", 'the "Digital Agenda"', 'le "Programme numérique"', opener="welcomes"),
        _p("op-double-space", "the  report", "le  rapport", opener="welcomes"),
        _p(
            "op-spelling",
            "the goverment of Mali",
            "le gouvernemnt du Mali et les d omaines prioritaires",
            opener="notes",
        ),
        _p(
            "op-glossary-fr",
            "the Office for the Coordination of Humanitarian Affairs to assist",
            "le Bureau des affaires humanitaires d’aider",
            opener="requests",
        ),
        _p(
            "op-glossary-en",
            "the humanitarian office to assist",
            "le Bureau de la coordination des affaires humanitaires d’aider",
            opener="requests",
        ),
        _p(
            "op-stale",
            "the Secretary-General to report",
            "le Secrétaire général de faire rapport",
            opener="requests",
            en_rev=2,
        ),
        _p("op-missing", "the Secretary-General to act", "", opener="requests"),
        _p("op-footnote", "the report[^fn-ghost]", "le rapport[^fn-ghost]", opener="welcomes"),
        _p("op-empty", "", ""),
        _p(
            "op-subparagraphs",
            "as follows",
            "ce qui suit",
            opener="decides",
            children=[_p("op-sub-a", "(a) to act[^fn-english-only]", "a) d’agir")],
        ),
    ]
    return Document(
        Metadata(
            pack="un-ga",
            body="general-assembly",
            title={"en": "Cooperation"},
        ),
        preamble=preamble,
        operative=operative,
        footnotes=[
            Footnote(
                "fn-unused",
                {"en": parse_inline("See A/71/160."), "fr": parse_inline("Voir A/71/160.")},
            ),
            Footnote("fn-english-only", {"en": parse_inline("See resolution 70/1.")}),
        ],
    )
