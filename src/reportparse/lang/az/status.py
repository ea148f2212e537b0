"""How execution reports say what was done, as data: verb forms and phrases by kind of evidence,
and the named rules that turn a section's evidence into an implementation status.

Statuses follow the scale of the Open Government Partnership's independent reviewers:
``complete``, ``substantial``, ``limited``, ``not_started``, and ``no_evidence`` (the item is in
the plan and nothing is reported). Patterns are regular expressions over the case-folded
sentence (:func:`reportparse.lang.az.casing.casefold`); a word boundary is written ``(?<!\\w)``
and ``(?!\\w)`` because Azerbaijani letters are word characters.
"""

from __future__ import annotations

STATUSES = ("complete", "substantial", "limited", "not_started", "no_evidence")
"""The status scale, best first."""

EVIDENCE_PATTERNS: dict[str, tuple[str, ...]] = {
    # Negated perfect: keçirilməmişdir, icra olunmamışdır, mümkün olmamışdır; postponed.
    "negation": (
        r"\w+m[aə]m[ıi]şd[ıi]r",
        r"\w+m[aə]m[ıi]ş(?!\w)",
        r"\w+m[aə]yib(?!\w)",
        r"təxirə salınmışdır",
        r"(?<!\w)mümkün olmamışdır",
        r"(?<!\w)icra (?:edilməmiş|olunmamış)",
    ),
    # Conditions on a passive event: … edildikdən sonra, qəbul olunduqdan sonra, təsdiq edildiyi
    # təqdirdə (``təlim keçdikdən sonra`` is only "after", hence the passive -ıl/-il/-ul/-ül/-un/-ün).
    "condition": (
        r"\w+(?:[ıi]l|[uü]l|[uü]n|[ıi]n)d[ıiuü][qk]d[aə]n sonra",
        r"\w+(?:[ıi]l|[uü]l|[uü]n|[ıi]n)d[ıiuü]y?[ıi] təqdirdə",
    ),
    # Intentions: planlaşdırılır, nəzərdə tutulur / tutulmuşdur, the future (-acaq/-əcək).
    "intention": (
        r"(?<!\w)planlaşdırılır",
        r"(?<!\w)planlaşdırılmışdır",
        r"(?<!\w)nəzərdə tutulur",
        r"(?<!\w)nəzərdə tutulmuşdur",
        r"\w+(?:acaq|əcək)(?:dır|dir)?(?!\w)",
    ),
    # Ongoing: davam etdirilməkdədir, görülməkdədir, həyata keçirilir, davam edir.
    "ongoing": (
        r"\w+m[aə]kd[aə]d[ıi]r",
        r"(?<!\w)davam etdirilir",
        r"(?<!\w)davam edir",
        r"(?<!\w)həyata keçirilir",
        r"(?<!\w)tədbirlər görülür",
        r"(?<!\w)işlər aparılır",
    ),
    # Completed: the perfect (təsdiq edilmişdir, keçirilmişdir, istifadəyə verilmişdir), the
    # perfect participle ending a clause (keçirilmiş, …), and a system in operation since a date.
    "completed": (
        r"\w+m[ıiuü]şd[ıiuü]r(?!\w)",
        r"\w+m[ıiuü]ş(?:lar|lər)?d[ıiuü]r(?!\w)",
        r"\w+m[ıiuü]ş[,;]",
        r"\w+m[ıiuü]şlər[,;]",
        r"tarixindən\s+(?:\S+\s+){0,4}?(?:tətbiq edilir|fəaliyyət göstərir|göstərilir|istifadədədir)",
        r"(?<!\w)istifadədədir",
    ),
}
"""Kinds of evidence a sentence can carry, in the order they are tested: a sentence with a
negated verb is negation even if it also has a completed one; otherwise every kind found counts."""

BOILERPLATE_PATTERNS = (
    r"(?<!\w)müvafiq (?:işlər|tədbirlər) "
    r"(?:aparılmışdır|görülmüşdür|həyata keçirilmişdir|görülür|görülməkdədir|aparılır)",
    r"(?<!\w)zəruri (?:işlər|tədbirlər) (?:aparılmışdır|görülmüşdür|görülür)",
    r"(?<!\w)(?:bu istiqamətdə|həmin istiqamətdə) işlər davam etdirilir",
    r"(?<!\w)mütəmadi tədbirlər görülür",
)
"""Claims without substance: generic "appropriate work was done" sentences. A sentence that
matches one counts as boilerplate, not as a completed action, unless it also has a date, a
number or a named result (checked by the comparison)."""

PREPARATORY_PATTERNS = (
    r"(?<!\w)texniki tapşırı[qğ]",  # tapşırıq, tapşırığı
    r"(?<!\w)konsepsiya",
    r"(?<!\w)işçi qrup(?:u)? (?:yaradılmış|təşkil edilmiş)",
    r"(?<!\w)layihəsi hazırlanmış",
    r"\w+ başlanmışdır",
    r"\w+ başlanılmışdır",
    r"(?<!\w)razılaşdırılmış",
    r"(?<!\w)satınalma prosedurları",
)
"""Completed steps that only prepare a deliverable (a specification, a concept, a working group,
a start): they count as completed actions but not as delivering the measure."""

REMAINDER_PATTERNS = (
    r"(?<!\w)qalan(?!\w)",
    r"(?<!\w)qalanların",
    r"(?<!\w)qalan hissə",
    r"(?<!\w)hələlik",
)
"""Words pointing at the rest of the deliverable (``qalan 2 qoruqda … nəzərdə tutulur``): a
pending sentence with one is about the measure itself, however little it shares with its text."""

RULES: tuple[tuple[str, str, str], ...] = (
    ("not_reported", "no_evidence", "the plan item has no section in the report"),
    ("negation", "not_started", "the report says it was not done, and reports no completed action"),
    ("intention_only", "not_started", "only intentions or conditions, no completed or ongoing action"),
    ("boilerplate_only", "limited", "only generic claims (müvafiq işlər aparılmışdır) and no substantive action"),
    ("ongoing_only", "limited", "work under way, nothing completed"),
    ("no_action", "limited", "text without a completed, ongoing or intended action"),
    ("preparatory_only", "limited", "only preparatory steps done; the deliverable itself is pending"),
    (
        "conditional_pending",
        "limited",
        "the measure waits on a condition (… edildikdən sonra … nəzərdə tutulur) after some action",
    ),
    (
        "core_pending",
        "substantial",
        (
            "actions completed, but the measure's own deliverable (or the rest of it) is still planned or under way "
            "within its deadline; a plan for a later year of a continuous or recurring measure is the next cycle"
        ),
    ),
    (
        "core_boilerplate",
        "substantial",
        "actions completed, but the measure's own deliverable is claimed only generically",
    ),
    ("completed", "complete", "completed actions deliver the measure; nothing of it is left pending"),
)
"""The decision rules, in the order they are tried: (name, status, what it means). The logic
that tests each rule is in :mod:`reportparse.plans.compare`; the first rule that holds decides."""

RULE_STATUS = {name: status for name, status, _meaning in RULES}

CORE_SIMILARITY = 0.3
"""A sentence is about the measure's own deliverable (its core) when its token similarity to the
commitment text reaches this value (see :func:`reportparse.plans.similarity.similarity`)."""
