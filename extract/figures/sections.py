"""Sections: the heading stack while walking a document — which period and which kind of part (plan,
year targets, method of scoring or counting) a block belongs to, and whether a paragraph introduced a list of
rules ("... quy định mức hỗ trợ như sau:")."""

from __future__ import annotations

from dataclasses import dataclass

from extract.figures.rules import rules
from extract.language.periods import find_periods
from extract.model import Block, Metadata, Period


@dataclass(frozen=True)
class Section:
    level: int
    text: str
    period: Period | None
    plan: bool
    year_targets: bool
    method: bool = False


class Sections:
    """The heading stack while walking the document: which period and which kind of section we are in."""

    def __init__(self, meta: Metadata):
        self.meta = meta
        self.year = meta.period.end.year if meta.period else None
        self.stack: list[Section] = []
        self.rule_list = False  # a paragraph of this section announced rules: "... mức hỗ trợ như sau:"

    def enter(self, block: Block) -> None:
        r = rules()
        level = block.level or 9
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        self.rule_list = False
        # only part and section headings set a reporting period; a numbered item's "trong năm 2026" is a clause,
        # but a short third-level heading is a title ("2. Tình hình thực hiện năm 2025 và kết quả bước đầu")
        period = None
        if level <= 2 or (level == 3 and len(block.text.split()) <= 12):
            period = next((pm.period for pm in find_periods(block.text, self.year) if pm.period), None)
        self.stack.append(
            Section(
                level=level,
                text=block.text,
                period=period,
                plan=bool(r.plan_sections.match(r.numbering.sub("", block.text, count=1)))
                or bool(r.plan_section_words.search(block.text)),
                year_targets=bool(r.year_target_sections.search(block.text)),
                method=bool(r.method_sections.search(block.text))
                and not r.method_section_breakers.search(block.text),
            )
        )

    @property
    def period(self) -> Period | None:
        for s in reversed(self.stack):
            if s.period:
                return s.period
        return self.meta.period

    @property
    def plan(self) -> bool:
        return any(s.plan for s in self.stack)

    @property
    def year_targets(self) -> bool:
        return any(s.year_targets for s in self.stack)

    @property
    def method(self) -> bool:
        """A part that explains how something is scored or counted: its numbers are rules (norm)."""
        return any(s.method for s in self.stack) or self.rule_list

    def read(self, text: str) -> None:
        """After a paragraph: one that ends with ':' and names rules opens a list of them."""
        if text.rstrip().endswith(":") and rules().rule_intro.search(text):
            self.rule_list = True


def is_caps_title(block: Block) -> bool:
    if block.kind != "paragraph" or len(block.text.split()) > 25:
        return False
    letters = [ch for ch in block.text if ch.isalpha()]
    return len(letters) >= 12 and all(ch.isupper() for ch in letters)
