"""The figure stage's cue words, compiled once: indicator aliases, role, basis, label and section cues
(rules/cues.yaml, rules/indicators.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from extract import catalog

_FLAGS = regex.IGNORECASE | regex.V1


def _any(patterns) -> regex.Pattern:
    return regex.compile("|".join(f"(?:{p})" for p in patterns), _FLAGS)


def _opening(phrases) -> regex.Pattern:
    """One of `phrases` (literal, whole word at its end), matched where a text opens, after spaces."""
    return regex.compile(r"\s*(?:" + "|".join(regex.escape(w) for w in phrases) + r")(?!\w)", _FLAGS)


def _boundary(clause_words) -> str:
    """A clause boundary: a comma, semicolon or parenthesis, or a clause word (whole word). Its matches never
    overlap (single characters, whole single words), so the last one found reading forwards is the first one
    found reading backwards (`boundary_last`)."""
    if any(len(w.split()) != 1 for w in clause_words):
        raise catalog.RuleError("cues.yaml clause_words: expected single words")
    return r"[,;()]|" + "|".join(rf"\b{regex.escape(w)}\b" for w in clause_words)


def _words(phrases) -> regex.Pattern:
    """Whole-word phrases, any spacing between their syllables."""
    return regex.compile(
        r"(?<!\w)(?:" + "|".join(r"\s+".join(regex.escape(w) for w in p.split()) for p in phrases) + r")(?!\w)",
        _FLAGS,
    )


@dataclass(frozen=True)
class Rules:
    alias: regex.Pattern
    alias_ids: dict
    indicators: dict
    target_before: regex.Pattern
    window: int
    share_after: regex.Pattern
    change_after: regex.Pattern
    level_before: regex.Pattern
    total_share_after: regex.Pattern
    maximum_share_after: regex.Pattern
    share_total_before: regex.Pattern
    basis: tuple
    labels: tuple
    plan_sections: regex.Pattern
    plan_section_words: regex.Pattern
    method_sections: regex.Pattern
    profile_sections: regex.Pattern
    rule_document_titles: regex.Pattern
    plan_approval_titles: regex.Pattern
    orders_intro: regex.Pattern
    completed_state: regex.Pattern
    method_section_breakers: regex.Pattern
    not_directive_after: regex.Pattern
    rule_intro: regex.Pattern
    future_year: regex.Pattern
    deadline_day: regex.Pattern
    base_level_before: regex.Pattern
    achieved_before: regex.Pattern
    rate_before: regex.Pattern
    rate_name: regex.Pattern
    rate_value: regex.Pattern
    rate_plan_verbs: regex.Pattern
    plan_share_paren: regex.Pattern
    whole_before: regex.Pattern
    whole_slash: regex.Pattern
    whole_named: regex.Pattern
    purpose_breakers: regex.Pattern
    unfinished_after: regex.Pattern
    now_before: regex.Pattern
    reference_before: regex.Pattern
    not_purpose_before: regex.Pattern
    not_purpose_after: regex.Pattern
    breach_before: regex.Pattern
    limit_norm: regex.Pattern
    limit_bracket_before: regex.Pattern
    index_weight_before: regex.Pattern
    pace_bracket_before: regex.Pattern
    rise_bracket_before: regex.Pattern
    bracket_attribute: regex.Pattern
    base_then_change: regex.Pattern
    ratio_target_nouns: regex.Pattern
    year_target_sections: regex.Pattern
    goal_sections: regex.Pattern
    incremental: regex.Pattern
    breaks: regex.Pattern
    stops: regex.Pattern
    ratio_target: regex.Pattern
    ratio_reached_after: regex.Pattern
    actual_marker: regex.Pattern
    blockers: regex.Pattern
    target_head: regex.Pattern
    money_units: tuple
    rate_point_units: frozenset
    bound_units: tuple
    multiple_units: tuple
    duration_units: tuple
    time_limit_after: regex.Pattern
    plan_aim: regex.Pattern
    plan_verb: regex.Pattern
    rule_level_before: regex.Pattern
    rule_level_after: regex.Pattern
    own_period_lead: regex.Pattern  # matched at a sentence's start: the reporting period named ("Trong kỳ, ...")
    level_copula: regex.Pattern  # searched before a number: the copula of a level's statement ("... là")
    class_bound_before: regex.Pattern
    class_count_gap: regex.Pattern
    class_have_gap: regex.Pattern
    class_plural_rate: regex.Pattern
    damage_class_before: regex.Pattern
    class_named_before: regex.Pattern
    beneficiary_before: regex.Pattern
    class_measure_before: regex.Pattern
    class_band_joiner: regex.Pattern
    grade_band_before: regex.Pattern
    norm_exceeded_before: regex.Pattern
    time_limit_before: regex.Pattern
    provision_cited: regex.Pattern
    provision_quote: regex.Pattern
    provision_amended: regex.Pattern
    support_time_before: regex.Pattern
    support_time_past: regex.Pattern
    arrears_before: regex.Pattern
    mean_before: regex.Pattern
    kpi_label: regex.Pattern
    kpi_result: regex.Pattern
    kpi_before: regex.Pattern
    year_plan_before: regex.Pattern
    numbering: regex.Pattern
    appendix: regex.Pattern
    article: regex.Pattern
    restated_change: regex.Pattern
    ratio_share: regex.Pattern
    coordination: regex.Pattern
    coordination_breakers: regex.Pattern
    boundary: regex.Pattern
    boundary_last: regex.Pattern  # `boundary` matched backwards: the last boundary before a point
    score_award: regex.Pattern  # searched in a statement: points awarded ("được 10 điểm"), a scoring rule's sign
    score_maximum_units: tuple  # units whose ratio whole is a criterion's maximum ("19,5/20 điểm")


@cache
def rules() -> Rules:
    cues = catalog.load("cues")
    inds = catalog.indicators()
    alias_ids = {}
    for ind in inds:
        for name in ind.names:
            alias_ids[name.lower()] = ind.id
    names = sorted(alias_ids, key=len, reverse=True)
    alias = regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(n) for n in names) + r")(?!\w)", _FLAGS)
    roles = cues["roles"]
    stops = sorted(cues["subject_stops"], key=len, reverse=True)
    boundary = _boundary(cues["clause_words"])
    return Rules(
        alias=alias,
        alias_ids=alias_ids,
        indicators={i.id: i for i in inds},
        target_before=_any(roles["target_before"]),
        window=int(roles["window"]),
        share_after=_any(roles["share_after"]),
        change_after=_any(roles["change_after"]),
        level_before=_any(roles["level_ratio_before"]),
        total_share_after=regex.compile(roles["total_share_after"], _FLAGS),
        maximum_share_after=regex.compile(roles["maximum_share_after"], _FLAGS),
        share_total_before=_any(roles["share_of_total_before"]),
        basis=tuple((b["id"], regex.compile(b["regex"], _FLAGS)) for b in cues["basis"]),
        labels=tuple((lab["label"], regex.compile(lab["regex"], _FLAGS)) for lab in cues["labels"]),
        plan_sections=_any(regex.escape(s) for s in cues["plan_sections"]),
        plan_section_words=_words(cues["plan_section_words"]),
        method_sections=_words(cues["method_sections"]),
        profile_sections=_words(cues["profile_sections"]),
        rule_document_titles=regex.compile(cues["rule_document_titles"], _FLAGS),
        plan_approval_titles=regex.compile(cues["plan_approval_titles"], _FLAGS),
        orders_intro=regex.compile(cues["orders_intro"], _FLAGS),
        completed_state=regex.compile(cues["completed_state"], _FLAGS),
        method_section_breakers=_words(cues["method_section_breakers"]),
        not_directive_after=regex.compile(roles["not_directive_after"], _FLAGS),
        rule_intro=_words(cues["rule_intro"]),
        future_year=regex.compile(roles["future_year"], _FLAGS),
        deadline_day=regex.compile(roles["deadline_day"], _FLAGS),
        base_level_before=regex.compile(roles["base_level_before"], _FLAGS),
        achieved_before=regex.compile(roles["achieved_before"], _FLAGS),
        rate_before=regex.compile(roles["rate_before"], _FLAGS),
        rate_name=regex.compile(roles["rate_name"], _FLAGS),
        rate_value=regex.compile(roles["rate_value"], _FLAGS),
        rate_plan_verbs=regex.compile(roles["rate_plan_verbs"], _FLAGS),
        plan_share_paren=regex.compile(roles["plan_share_paren"], _FLAGS),
        whole_before=regex.compile(roles["whole_before"], _FLAGS),
        whole_slash=regex.compile(roles["whole_slash"], _FLAGS),
        whole_named=regex.compile(roles["whole_named"], _FLAGS),
        purpose_breakers=regex.compile(roles["purpose_breakers"], _FLAGS),
        unfinished_after=regex.compile(roles["unfinished_after"], _FLAGS),
        now_before=regex.compile(roles["now_before"], _FLAGS),
        reference_before=regex.compile(roles["reference_before"], _FLAGS),
        not_purpose_before=regex.compile(roles["not_purpose_before"], _FLAGS),
        not_purpose_after=regex.compile(roles["not_purpose_after"], _FLAGS),
        breach_before=regex.compile(roles["breach_before"], _FLAGS),
        limit_norm=regex.compile(roles["limit_norm"], _FLAGS),
        limit_bracket_before=regex.compile(roles["limit_bracket_before"], _FLAGS),
        index_weight_before=regex.compile(roles["index_weight_before"], _FLAGS),
        pace_bracket_before=regex.compile(roles["pace_bracket_before"], _FLAGS),
        rise_bracket_before=regex.compile(roles["rise_bracket_before"], _FLAGS),
        bracket_attribute=regex.compile(roles["bracket_attribute"], _FLAGS),
        base_then_change=regex.compile(roles["base_then_change"], _FLAGS),
        ratio_target_nouns=_opening(cues["ratio_target_nouns"]),
        year_target_sections=_any(regex.escape(s) for s in cues["year_target_sections"]),
        goal_sections=_opening(cues["goal_sections"]),
        incremental=_any(cues["incremental"]),
        breaks=_any(cues["subject_breaks"]),
        stops=regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(s) for s in stops) + r")(?!\w)", _FLAGS),
        ratio_target=_any(cues["ratio_target"]),
        ratio_reached_after=regex.compile(cues["ratio_reached_after"], _FLAGS),
        money_units=tuple(cues["money_units"]),
        rate_point_units=frozenset(" ".join(u.casefold().split()) for u in cues["rate_point_units"]),
        bound_units=tuple(cues["bound_units"]),
        multiple_units=tuple(cues["multiple_units"]),
        duration_units=tuple(cues["duration_units"]),
        time_limit_after=regex.compile(roles["time_limit_after"], _FLAGS),
        plan_aim=regex.compile(roles["plan_aim"], _FLAGS),
        plan_verb=regex.compile(roles["plan_verb"], _FLAGS),
        rule_level_before=regex.compile(roles["rule_level_before"], _FLAGS),
        rule_level_after=regex.compile(roles["rule_level_after"], _FLAGS),
        level_copula=regex.compile(roles["level_copula"], _FLAGS),
        own_period_lead=regex.compile(roles["own_period_lead"], _FLAGS),
        class_bound_before=regex.compile(roles["class_bound_before"], _FLAGS),
        class_count_gap=regex.compile(roles["class_count_gap"], regex.V1),
        class_have_gap=regex.compile(roles["class_have_gap"], regex.V1),
        class_plural_rate=regex.compile(roles["class_plural_rate"], regex.V1),
        damage_class_before=regex.compile(roles["damage_class_before"], _FLAGS),
        class_named_before=regex.compile(roles["class_named_before"], _FLAGS),
        beneficiary_before=regex.compile(roles["beneficiary_before"], _FLAGS),
        class_measure_before=regex.compile(roles["class_measure_before"], _FLAGS),
        class_band_joiner=regex.compile(roles["class_band_joiner"], _FLAGS),
        grade_band_before=regex.compile(roles["grade_band_before"], _FLAGS),
        norm_exceeded_before=regex.compile(roles["norm_exceeded_before"], _FLAGS),
        time_limit_before=regex.compile(roles["time_limit_before"], _FLAGS),
        provision_cited=regex.compile(roles["provision_cited"], _FLAGS),
        provision_quote=regex.compile(roles["provision_quote"], _FLAGS),
        provision_amended=regex.compile(roles["provision_amended"], _FLAGS),
        support_time_before=regex.compile(roles["support_time_before"], _FLAGS),
        support_time_past=regex.compile(roles["support_time_past"], _FLAGS),
        arrears_before=regex.compile(roles["arrears_before"], _FLAGS),
        mean_before=regex.compile(roles["mean_before"], _FLAGS),
        kpi_label=regex.compile(roles["kpi_label"], _FLAGS),
        kpi_result=regex.compile(roles["kpi_result"], _FLAGS),
        kpi_before=regex.compile(cues["kpi_before"], _FLAGS),
        year_plan_before=regex.compile(cues["year_plan_before"], _FLAGS),
        numbering=regex.compile(cues["sections"]["numbering"], _FLAGS),
        appendix=regex.compile(cues["sections"]["appendix"]),
        article=regex.compile(cues["sections"]["article"]),
        restated_change=regex.compile(cues["gaps"]["restated_change"], _FLAGS),
        ratio_share=regex.compile(cues["gaps"]["ratio_share"], _FLAGS),
        coordination=regex.compile(cues["gaps"]["coordination"], _FLAGS),
        coordination_breakers=regex.compile(cues["gaps"]["coordination_breakers"], _FLAGS),
        boundary=regex.compile(boundary, _FLAGS),
        boundary_last=regex.compile(boundary, _FLAGS | regex.REVERSE),
        actual_marker=_any(roles["actual_marker"]),
        blockers=_any(regex.escape(b) for b in cues["alias_blockers"]),
        target_head=_any(roles["target_head"]),
        score_award=regex.compile(cues["score_award"], regex.IGNORECASE),
        score_maximum_units=tuple(cues["score_maximum_units"]),
    )
