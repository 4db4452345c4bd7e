"""Relations the text states between figures, recorded at extraction time for the SQL checks.

Only the text knows which number is the ratio of which: `171/280 (61,1%)` is a ratio (part, whole, share);
`193 vụ ... giảm 23 vụ (giảm 10,65%)` a change (level, absolute, percent); a total followed by "trong đó" /
"gồm" / a parenthesis of parts a parts relation; "(KH: 4,95%, Đạt)" a status label between an actual and
its target; "còn 11 nhiệm vụ ... trễ hạn" a count of tasks with a status; "11 ứng viên (chiếm 32,36%)" a
share of a whole (stated, or the sum of a list of shares that covers it); "vượt 2,1% kế hoạch" an excess
over a plan. The checks in warehouse/checks/ join figures through these rows.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

import regex

from extract import catalog
from extract.figures.rules import (
    rules as _figure_rules,  # the gaps between two numbers (rules/cues.yaml `gaps`)
)
from extract.model import Figure, Relation

_FLAGS = regex.IGNORECASE | regex.V1
_CELL = regex.compile(r"^(t\d+)r(\d+)c(\d+)$")


@cache
def _rules():
    data = catalog.load("checks")
    return {
        "parts_cue": regex.compile(data["parts"]["cue"], _FLAGS),
        "not_total_before": regex.compile(data["parts"]["not_total_before"], _FLAGS),
        "exhaustive": [tuple(s) for s in data["parts"]["exhaustive_sets"]],
        "labels": [(lab["label"], regex.compile(lab["regex"], _FLAGS)) for lab in data["labels"]],
        "task_units": tuple(data["task_counts"]["units"]),
        "task_cues": [
            (c["statuses"], regex.compile(c["regex"], _FLAGS)) for c in data["task_counts"]["cues"]
        ],
        "task_window": int(data["task_counts"]["window"]),
        "status_verb": regex.compile(data["status_verb"], _FLAGS),
        "share_cue": regex.compile(data["shares"]["cue"], _FLAGS),
        "far_whole_gap": float(data["shares"]["max_far_whole_gap"]),
        "named_whole": regex.compile(data["shares"]["named_whole"], _FLAGS),
        "part_opener": regex.compile(data["value_conflict"]["part_opener"], _FLAGS),
        "plan_named": regex.compile(data["shares"]["plan_named"], _FLAGS),
        "fillers": frozenset(w.casefold() for w in data["value_conflict"]["fillers"]),
        "reached_before": regex.compile(data["shares"]["reached_before"], _FLAGS),
        "reached_after": regex.compile(data["shares"]["reached_after"], _FLAGS),
        "difference_before": regex.compile(data["difference_before"], _FLAGS),
        "exceed_before": regex.compile(data["exceed"]["before"], _FLAGS),
        "exceed_after": regex.compile(data["exceed"]["after"], _FLAGS),
        "total_label": regex.compile(data["table_totals"]["label"], _FLAGS),
    }


def _same_unit(a: Figure, b: Figure) -> bool:
    if a.base_unit is None or b.base_unit is None:
        return a.base_unit == b.base_unit
    return a.base_unit.split()[0] == b.base_unit.split()[0]


def find_relations(figures: list[Figure]) -> list[Relation]:
    by_quote: dict[tuple[str, str], list[int]] = defaultdict(list)
    rows: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, f in enumerate(figures):
        cell = _CELL.match(f.location)
        if cell:
            rows[(cell.group(1), cell.group(2))].append(i)
        else:
            by_quote[(f.location, f.quote)].append(i)
    out: list[Relation] = []
    by_block: dict[str, list[list[int]]] = defaultdict(list)  # sentences of one paragraph, in order
    for (location, _), idxs in by_quote.items():
        idxs.sort(key=lambda i: figures[i].char_start)
        by_block[location].append(idxs)
        out += _ratios(figures, idxs)
        out += _changes(figures, idxs)
        out += _parts(figures, idxs)
        out += _statuses(figures, idxs)
        out += _task_counts(figures, idxs)
        out += _exceeds(figures, idxs)
        out += _shares(figures, idxs, out)
        out += _plan_reached(figures, idxs, out)
    for sentences in by_block.values():
        out += _shares_of_whole(figures, sentences, out)
    out = _named_plans(figures, by_quote, out)
    for idxs in rows.values():
        out += _table_row_ratio(figures, idxs)
    out += _table_totals(figures, rows)
    return out


def _cell(f: Figure) -> tuple[str, int, int]:
    m = _CELL.match(f.location)
    return m.group(1), int(m.group(2)), int(m.group(3))


def _table_totals(figs: list[Figure], rows: dict[tuple[str, str], list[int]]) -> list[Relation]:
    """A total row ("Tổng số | 195 | 0 | 2 | ...") is the sum of the rows above it, back to the previous total
    row, column by column; a total column (its header "Tổng", when cells keep their column header) the sum of
    the row's other cells. Recorded as exhaustive parts, which parts_exceed_total checks."""
    total = _rules()["total_label"]
    by_col: dict[tuple[str, int], list[int]] = defaultdict(list)  # (table, column) -> one figure per cell
    cell_of: dict[tuple[str, int, int], int] = {}
    for idxs in rows.values():
        for i in idxs:
            key = _cell(figs[i])
            if key in cell_of or figs[i].kind != "number" or figs[i].base_unit in (None, "%"):
                cell_of[key] = -1  # a cell of several numbers, a share or a count without unit: not summed
                continue
            cell_of[key] = i
    for (table, _, c), i in cell_of.items():
        if i >= 0:
            by_col[(table, c)].append(i)
    out = []
    for members in by_col.values():
        members.sort(key=lambda i: _cell(figs[i])[1])
        start = 0
        for k, i in enumerate(members):
            label = getattr(figs[i], "row_header", None) or figs[i].subject or ""
            if not total.match(label):
                continue
            parts = [j for j in members[start:k] if _same_unit(figs[j], figs[i])]
            if len(parts) >= 2 and len(parts) == k - start:
                out.append(Relation("parts", {"whole": i, "members": parts, "exhaustive": True}))
            start = k + 1
    for idxs in rows.values():
        cells = [i for i in idxs if cell_of.get(_cell(figs[i]), -1) == i]
        totals = [i for i in cells if total.match(getattr(figs[i], "col_header", None) or "")]
        if len(totals) != 1:
            continue
        # a group of columns with its own total ("Chi thường xuyên › Tổng số" beside "Chi thường xuyên › Giáo dục, đào
        # tạo"): the group's total is the row total's part, the columns beside it are parts of that group's total
        paths = {i: getattr(figs[i], "col_header", None) or "" for i in cells}
        under = {i: p.rsplit(" › ", 1) for i, p in paths.items() if " › " in p}  # cell -> [its group, its column]
        grouped = {group for group, column in under.values() if total.match(column)}
        parts = [
            i for i in cells
            if i != totals[0] and not (i in under and under[i][0] in grouped and not total.match(under[i][1]))
        ]
        if len(parts) >= 2 and all(_same_unit(figs[j], figs[totals[0]]) for j in parts):
            out.append(Relation("parts", {"whole": totals[0], "members": parts, "exhaustive": True}))
    return out


def _before(figs: list[Figure], idxs: list[int], k: int) -> str:
    """The text between the previous figure of the sentence (or its start) and figure idxs[k]."""
    f = figs[idxs[k]]
    start = figs[idxs[k - 1]].char_end if k else 0
    return f.quote[start : f.char_start]


def _is_exceed(figs: list[Figure], idxs: list[int], k: int) -> bool:
    """ "vượt 2,1% kế hoạch": a percent over a plan (the figure's role may be share_of_target or change)."""
    r = _rules()
    f = figs[idxs[k]]
    return (
        f.base_unit == "%"
        and r["exceed_before"].search(_before(figs, idxs, k)) is not None
        and r["exceed_after"].match(f.quote[f.char_end :]) is not None
    )


def _exceeds(figs: list[Figure], idxs: list[int]) -> list[Relation]:
    """ "đạt 25,6 triệu lượt, vượt 2,1% kế hoạch (25,08 triệu lượt)": actual, the stated excess and the plan
    when the sentence gives it (the first amount of the actual's unit after the percent); otherwise the SQL
    check looks the plan up among the targets of the same indicator, basis and period."""
    out = []
    for k, s in enumerate(idxs):
        if not _is_exceed(figs, idxs, k):
            continue
        actual = [
            a for a in idxs[:k] if figs[a].kind == "number" and figs[a].base_unit not in (None, "%")
        ]
        if not actual:
            continue
        a = actual[-1]
        # the plan is stated in the excess's own clause ("vượt 2,1% kế hoạch (25,08 triệu lượt)"); an amount after a
        # semicolon is another item ("vượt 3,5% kế hoạch; trong năm học công nhận mới 47 trường")
        clause_end = figs[s].quote.find(";", figs[s].char_end)
        plan = next(
            (
                p
                for p in idxs[k + 1 :]
                if figs[p].kind == "number" and _same_unit(figs[p], figs[a])
                and (clause_end < 0 or figs[p].char_start < clause_end)
            ),
            None,
        )
        members = {"level": a, "pct": s}
        if plan is not None:
            members["whole"] = plan
        out.append(Relation("exceed", members))
    return out


def _share_at(figs: list[Figure], idxs: list[int], k: int) -> bool:
    f = figs[idxs[k]]
    return f.base_unit == "%" and k > 0 and _rules()["share_cue"].search(_before(figs, idxs, k)) is not None


def _shares_of_whole(figs: list[Figure], sentences: list[list[int]], found: list[Relation]) -> list[Relation]:
    """ "Kinh tế: 11 ứng viên (chiếm 32,36%); Nông nghiệp: 07 ứng viên (chiếm 20,59%) ...": each share with its
    part (the count just before it) and its whole: the sum of the parts when the shares of one sentence cover
    100% (within a last-digit unit each), else a count of the part's unit stated earlier in the paragraph."""
    in_ratio = {r.members.get("share") for r in found if r.kind == "ratio"}
    out = []
    seen: list[int] = []  # figures of the paragraph's earlier sentences, in order
    previous: list[int] = []  # the figures of the sentence just before
    for idxs in sorted(sentences, key=lambda ids: min(ids)):
        pairs = []
        for k, s in enumerate(idxs):
            if s in in_ratio or not _share_at(figs, idxs, k):
                continue
            part = idxs[k - 1]
            if figs[part].kind == "number" and figs[part].base_unit not in (None, "%") and figs[part].base_value > 0:
                pairs.append((part, s))
        if pairs:
            out += _share_relations(figs, pairs, idxs, seen, previous)
        seen += idxs
        previous = idxs
    return out


def _share_relations(
    figs: list[Figure], pairs: list[tuple[int, int]], sentence: list[int], earlier: list[int], previous: list[int]
):
    parts = [p for p, _ in pairs]
    units = {figs[p].base_unit.split()[0] for p in parts}
    stated = sum(figs[s].base_value for _, s in pairs)
    slack = sum(10 ** -figs[s].decimals for _, s in pairs)
    if len(pairs) > 1 and len(units) == 1 and abs(stated - 100) <= slack:
        return [
            Relation("share", {"part": p, "share": s, "members": parts, "exhaustive": True}) for p, s in pairs
        ]
    out = []
    for p, s in pairs:
        before = [w for w in sentence if w < p] + earlier
        wholes = {
            figs[w].base_value: w
            for w in before
            if figs[w].kind == "number"
            and w not in parts
            and _same_unit(figs[w], figs[p])
            and figs[w].base_value > figs[p].base_value
        }
        if len(wholes) != 1:
            continue  # no whole, or several: which one the share is of is not clear
        (wv, w), = wholes.items()
        # a whole of the part's own unit in its sentence is taken as stated; one of a kindred unit ("152.630 tổ viên"
        # for "1.987 tổ"), or from an earlier sentence, only when the stated share nearly fits it, or when the text
        # ties the share to it: the share names it ("chiếm 91,5% tổng số hộ nghèo"), or the share's sentence opens
        # on the parts of the sentence before ("Trong đó: nguồn vốn Trung ương 7.614,2 tỷ đồng, chiếm 89,4%")
        near = w in sentence and figs[w].base_unit == figs[p].base_unit
        if (
            near or _whole_named(figs[s], figs[w]) or _opens_parts_of(figs[s], w, previous)
            or abs(100 * figs[p].base_value / wv - figs[s].base_value) <= _rules()["far_whole_gap"]
        ):
            out.append(Relation("share", {"part": p, "whole": w, "share": s}))
    return out


def _whole_named(share: Figure, whole: Figure) -> bool:
    """Whether the words after a share name the whole ("chiếm 91,5% tổng số hộ nghèo", checks.yaml shares.named_whole)
    and the whole's clause or subject holds every one of them ("toàn tỉnh có 41.328 hộ nghèo")."""
    named = _rules()["named_whole"].match(share.quote, share.char_end)
    if named is None:
        return False
    words = {w.casefold() for w in _WORD.findall(named.group("whole"))}
    own = _clause_words(whole.quote, whole.char_start, whole.char_end, after=True)
    own |= {w.casefold() for w in _WORD.findall(whole.subject or "")}
    return bool(words) and words <= own


def _opens_parts_of(share: Figure, whole: int, previous: list[int]) -> bool:
    """Whether the share's sentence opens on the parts ("Trong đó: ...", checks.yaml value_conflict.part_opener) of the
    sentence just before, which states the whole."""
    return whole in previous and _rules()["part_opener"].match(share.quote) is not None


def _ratios(figs: list[Figure], idxs: list[int]) -> list[Relation]:
    """`a/b (x%)`: part, whole and the share the text states for them."""
    out = []
    for k, i in enumerate(idxs):
        f = figs[i]
        if f.kind != "ratio_part" or k + 2 >= len(idxs):
            continue
        w, s = idxs[k + 1], idxs[k + 2]
        if figs[w].kind != "ratio_whole" or figs[s].base_unit != "%":
            continue
        between = f.quote[figs[w].char_end : figs[s].char_start]
        if _figure_rules().ratio_share.fullmatch(between):
            out.append(Relation("ratio", {"part": i, "whole": w, "share": s}))
    return out


def _changes(figs: list[Figure], idxs: list[int]) -> list[Relation]:
    """Level, absolute change and percent change of one quantity: "193 vụ ... giảm 23 vụ (giảm 10,65%)"."""
    out = []
    used_levels: set[int] = set()
    for k, i in enumerate(idxs[:-1]):
        a, j = figs[i], idxs[k + 1]
        b = figs[j]
        between = a.quote[a.char_end : b.char_start]
        if not _figure_rules().restated_change.fullmatch(between):
            continue
        if a.role != "change" or b.role != "change":
            continue
        pct, absolute = (j, i) if b.base_unit == "%" else (i, j)
        if figs[pct].base_unit != "%" or figs[absolute].base_unit in (None, "%"):
            continue
        if (figs[pct].base_value < 0) != (figs[absolute].base_value < 0):
            continue
        levels = [
            lv
            for lv in idxs
            if figs[lv].char_start < a.char_start
            and lv not in used_levels
            and figs[lv].role in ("actual", "other")
            and figs[lv].kind == "number"
            and _same_unit(figs[lv], figs[absolute])
        ]
        if not levels:
            continue
        # levels and their changes are listed in the same order, unless the change's clause repeats every word of one
        # level's own clause: "Tổng số việc thụ lý là 4.850 việc, trong đó ... thụ lý mới 3.114 việc; ... số việc thụ lý
        # mới tăng 214 việc" is the change of 3.114 ("làm chết 88 người, bị thương 142 người; ... giảm 9 người chết",
        # naming neither whole, keeps the order)
        said = _clause_words(a.quote, figs[absolute].char_start, figs[absolute].char_end, after=True)
        named = [lv for lv in levels if _named_in(figs[lv], said)]
        level = levels[-1] if _difference(figs[absolute]) else named[0] if named else levels[0]
        used_levels.add(level)
        out.append(Relation("change", {"level": level, "abs": absolute, "pct": pct}))
    return out


_CLAUSE_MARK = regex.compile(r"[,;:(]")
_WORD = regex.compile(r"\p{L}+")


def _clause_words(quote: str, start: int, end: int, after: bool = False) -> set[str]:
    """The words of the clause a number stands in, from the last comma, semicolon, colon or bracket before it up to
    the number's end (and with `after`, on to the next such mark: "giảm 9 người chết (giảm 9,28%)"), case folded."""
    marks = [m.end() for m in _CLAUSE_MARK.finditer(quote, 0, start)]
    stop = end
    if after:
        nxt = _CLAUSE_MARK.search(quote, end)
        stop = nxt.start() if nxt else len(quote)
    return {w.casefold() for w in _WORD.findall(quote[marks[-1] if marks else 0 : stop])}


def _difference(change: Figure) -> bool:
    """Whether a change is named as the difference between the levels before it ("..., chênh lệch tăng 123,3 tỷ
    đồng"; checks.yaml difference_before): the later level over the earlier, the level its last."""
    marks = [m.end() for m in _CLAUSE_MARK.finditer(change.quote, 0, change.char_start)]
    return _rules()["difference_before"].search(change.quote[marks[-1] if marks else 0 : change.char_start]) is not None


def _named_in(level: Figure, said: set[str]) -> bool:
    """Whether a change's clause repeats every word of the level's own clause (two words at least)."""
    own = _clause_words(level.quote, level.char_start, level.char_end)
    return len(own) >= 2 and own <= said


_PAREN_SOON = regex.compile(r"^[^\d();,]{0,30}\(")
_COLON_SOON = regex.compile(r"\s*:")


def _parts(figs: list[Figure], idxs: list[int]) -> list[Relation]:
    """A total and the parts listed after it with "trong đó"/"gồm", or in a parenthesis right after it."""
    r = _rules()
    out = []
    seen_parts: set[int] = set()
    for k, i in enumerate(idxs):
        total = figs[i]
        if total.base_unit in (None, "%") or total.kind != "number" or total.role not in ("actual", "target"):
            continue
        if _is_change(total):
            continue  # "..., tăng 540 ha so với vụ trước; trong đó lúa 36.200 ha": a change, no total
        rest = [j for j in idxs[k + 1 :] if j not in seen_parts]
        first = next(
            (
                j
                for j in rest
                if figs[j].base_unit != "%" and figs[j].kind == "number" and _same_unit(figs[j], total)
                and not _is_change(figs[j])
            ),
            None,
        )
        if first is None:
            continue
        tail = total.quote[total.char_end : figs[first].char_start]
        cue = r["parts_cue"].search(tail)
        if cue and tail[: cue.start()].count(")") > tail[: cue.start()].count("("):
            # "52.642 hồ sơ (34.940 ... và 17.702 ...), trong đó: 36.001": the total inside the parenthesis is a
            # part itself; "trong đó" after the parenthesis belongs to the total before it
            cue = None
        paren = _PAREN_SOON.match(tail)
        if not cue and not paren:
            continue
        end = len(total.quote)
        if paren and not cue:
            open_at = total.char_end + paren.end() - 1
            end = _close_of(total.quote, open_at)
            list_at = open_at
        else:
            list_at = total.char_end + cue.start()
            end = _list_end(total.quote, total.char_end + cue.end(), end)
        parts = []
        inner_end = -1  # the end of a part's own "trong đó ..." inside the list: its numbers are that part's
        for j in rest:
            p = figs[j]
            if p.char_start > end:
                break
            if p.char_start < inner_end:
                continue
            if parts:
                nested = r["parts_cue"].search(total.quote, figs[parts[-1]].char_end, p.char_start)
                if nested:  # "thu bổ sung 6.247,3 tỷ đồng, trong đó bổ sung có mục tiêu 1.876,2 tỷ đồng; ..."
                    inner_end = _list_end(total.quote, nested.end(), end)
                    if p.char_start < inner_end:
                        continue
            if p.base_unit == "%" or p.role != total.role or p.kind != "number" or _is_change(p):
                continue
            if _same_unit(p, total) and abs(p.base_value) > 0:
                parts.append(j)
        if not parts or (paren and not cue and len(parts) < 2):
            continue  # a single number in parentheses is an alternative ("HĐND giao ..."), not a part
        seen_parts.update(parts)
        # the list's own words name its members ("gồm 158 đơn khiếu nại và 45 đơn tố cáo"); words before the
        # list describe the total ("tiếp 356 người đến khiếu nại, tố cáo, ..., trong đó 186 người ...")
        text = total.quote[list_at : figs[parts[-1]].char_end + 40].lower()
        exhaustive = len(parts) > 1 and any(
            all(member.lower() in text for member in group) for group in r["exhaustive"]
        )
        out.append(Relation("parts", {"whole": i, "members": parts, "exhaustive": exhaustive}))
    return out


def _is_change(f: Figure) -> bool:
    """A number right after a word of change (checks.yaml parts.not_total_before: "tăng 540 ha"): no total, no part."""
    return _rules()["not_total_before"].search(f.quote, max(0, f.char_start - 20), f.char_start) is not None


def _list_end(quote: str, start: int, end: int) -> int:
    """Where the list a parts cue opens at `start` ends: with a colon after the cue ("trong đó: thu thuế ...; thu
    từ đất ...") it runs on over semicolons to `end` (the sentence's end or the parenthesis'); without one ("trong
    đó thu nội địa 13.600 tỷ đồng; tổng vốn đầu tư ...", "gồm 158 đơn khiếu nại và 45 đơn tố cáo; đơn không thuộc
    thẩm quyền ...") the first semicolon closes it: what follows is a sibling of the total, not its part."""
    if _COLON_SOON.match(quote, start):
        return end
    semicolon = quote.find(";", start, end)
    return end if semicolon < 0 else semicolon


def _close_of(s: str, open_at: int) -> int:
    depth = 0
    for x in range(open_at, len(s)):
        if s[x] == "(":
            depth += 1
        elif s[x] == ")":
            depth -= 1
            if depth == 0:
                return x
    return len(s)


_GAP = regex.compile(r"[\s,:;\-–]*")


def _statuses(figs: list[Figure], idxs: list[int]) -> list[Relation]:
    """A status word between an actual and its target: "tăng 5,39% (KH: 4,95%, Đạt)"."""
    r = _rules()
    out = []
    for k, t in enumerate(idxs):
        target = figs[t]
        if target.role != "target" or target.kind not in ("number",):
            continue
        actuals = [
            a
            for a in idxs[:k]
            if figs[a].role == "actual"
            and figs[a].kind == "number"
            and figs[a].base_unit == target.base_unit
            and (
                figs[a].indicator == target.indicator or target.indicator is None or figs[a].indicator is None
            )
        ]
        if not actuals:
            continue
        a = actuals[-1]
        q = target.quote
        stop = regex.compile(r"[);]")
        m = stop.search(q, target.char_end)
        nxt = [figs[j].char_start for j in idxs[k + 1 :]]
        trail_end = min([m.start() if m else len(q), *nxt[:1]])
        # the label follows the target ("KH: 4,95%, Đạt"), or stands between the actual and its target with no
        # other number between them; the verb of the target itself ("chỉ tiêu đề ra là đạt 100%") is no label
        trail = q[target.char_end : trail_end]
        trail = trail[_GAP.match(trail).end() :]
        between = "" if a != idxs[k - 1] else r["status_verb"].sub("", q[figs[a].char_end : target.char_start])
        for label, rx in r["labels"]:
            if rx.match(trail) or rx.search(between):
                out.append(Relation("status", {"level": a, "whole": t, "label": label}))
                break
    return out


def _shares(figs: list[Figure], idxs: list[int], found: list[Relation]) -> list[Relation]:
    """ "kết nạp được 81 đảng viên (đạt 29% chỉ tiêu)": an achievement and its share of a plan stated elsewhere.

    The SQL check looks the plan up among the targets of the same indicator, basis and period.
    """
    in_ratio = {r.members.get("share") for r in found if r.kind == "ratio"}
    out = []
    for k, s in enumerate(idxs):
        share = figs[s]
        if share.role != "share_of_target" or share.indicator is None or s in in_ratio:
            continue
        if _is_exceed(figs, idxs, k):
            continue  # "vượt 2,1% kế hoạch" is an excess over the plan (relation 'exceed'), not a share of it
        actual = [
            a
            for a in idxs[:k]
            if figs[a].role == "actual"
            and figs[a].kind == "number"
            and figs[a].indicator == share.indicator
            and figs[a].base_unit not in (None, "%")
        ]
        if not actual:
            continue
        level = actual[-1]
        # the plan the sentence itself states before the achievement ("dự toán chi ... được giao 7.846 tỷ đồng; ...
        # đã giải ngân 3.912 tỷ đồng, đạt 49,9%"): the share is of it, a ratio the check computes from the two
        plans = [
            t
            for t in idxs[:k]
            if t < level and figs[t].role == "target" and figs[t].kind == "number" and figs[t].qualifier is None
            and _same_unit(figs[t], figs[level])
        ]
        if len(plans) == 1:
            out.append(Relation("ratio", {"part": level, "whole": plans[0], "share": s}))
        else:
            out.append(Relation("share", {"level": level, "share": s}))
    return out


def _plan_reached(figs: list[Figure], idxs: list[int], found: list[Relation]) -> list[Relation]:
    """ "kế hoạch vốn 186,5 tỷ đồng, giải ngân 40,8 tỷ đồng, đạt 21,9%": a plan amount, the amount reached of its unit,
    then "đạt" and a percentage (checks.yaml shares.reached_before / reached_after): a ratio of the two, recorded
    whatever role the percentage took, so a percentage the amounts do not give is checked, not passed over."""
    r = _rules()
    shares = {rel.members.get("share") for rel in found if rel.kind in ("ratio", "share")}
    out = []
    for k, s in enumerate(idxs):
        f = figs[s]
        if k < 2 or s in shares or f.base_unit != "%" or f.kind != "number":
            continue
        part, whole = figs[idxs[k - 1]], figs[idxs[k - 2]]
        if (
            whole.role != "target" or part.role == "target" or whole.kind != "number" or part.kind != "number"
            or whole.base_unit in (None, "%") or whole.base_unit != part.base_unit or whole.base_value <= 0
            or not r["reached_before"].search(f.quote, part.char_end, f.char_start)
            or not r["reached_after"].match(f.quote[f.char_end :])
        ):
            continue
        out.append(Relation("ratio", {"part": idxs[k - 1], "whole": idxs[k - 2], "share": s}))
    return out


_NAME_MARK = regex.compile(r"[,;:]")
_LIST_MARK = regex.compile(r"^\W*(?:\p{L}|\d{1,2})[).]\s+")


def _name_words(quote: str, start: int, end: int) -> set[str]:
    """The words naming a number: its clause up to the number (from the last comma, semicolon or colon), without a list
    mark ("a)"), the opener of a parts clause ("trong đó", "riêng") and the words that name nothing (checks.yaml
    value_conflict.fillers), case folded."""
    r = _rules()
    marks = [m.end() for m in _NAME_MARK.finditer(quote, 0, start)]
    clause = quote[marks[-1] if marks else 0 : end]
    clause = clause[_LIST_MARK.match(clause).end() if _LIST_MARK.match(clause) else 0 :]
    opener = r["part_opener"].match(clause)
    if opener:
        clause = clause[opener.end() :]
    return {w.casefold() for w in _WORD.findall(clause)} - r["fillers"]


def _alike(a: set[str], b: set[str]) -> bool:
    """Two names of one quantity: one holds every word of the other, two words at least."""
    return min(len(a), len(b)) >= 2 and (a <= b or b <= a)


def _named_plans(figs: list[Figure], by_quote: dict, found: list[Relation]) -> list[Relation]:
    """A share of a plan its sentence does not state ("a) Vốn ngân sách trung ương giải ngân 1.402,8 tỷ đồng, đạt 53,1%
    kế hoạch"), when the document states, before it, the one plan of that name ("Phân theo nguồn vốn: vốn ngân sách
    trung ương 2.641,3 tỷ đồng"): a ratio of the level to that plan, which ratio_mismatch computes. The name is the
    one the share gives its plan ("45,5% kế hoạch Hội đồng nhân dân tỉnh giao", checks.yaml shares.plan_named), else
    the level's own clause; a plan's name is its clause, and one holds every word of the other. The plan is a target
    of the level's unit whose period covers the level's. Several plans of that name, or none: the share stays a share
    of the plan (the SQL check looks for a known one)."""
    sentence_of = {i: idxs for idxs in by_quote.values() for i in idxs}
    levels_of = {
        rel.members["share"]: rel.members["level"] for rel in found if rel.kind == "share" and "level" in rel.members
    }
    out = []
    for rel in found:
        if rel.kind != "share" or "level" not in rel.members:
            out.append(rel)
            continue
        plan = _named_plan(figs, rel.members["level"], rel.members["share"], sentence_of, levels_of)
        if plan is None:
            out.append(rel)
        else:
            out.append(Relation("ratio", {"part": rel.members["level"], "whole": plan, "share": rel.members["share"]}))
    return out


def _named_plan(figs: list[Figure], level: int, share: int, sentence_of: dict, levels_of: dict) -> int | None:
    r = _rules()
    lv, sh = figs[level], figs[share]
    idxs = sorted(sentence_of.get(share, []), key=lambda i: figs[i].char_start)
    k = idxs.index(share) if share in idxs else 0
    if k == 0:
        return None
    prev = idxs[k - 1]
    # the share follows its level, or another share of it ("bằng 50,2% kế hoạch ... và 45,5% kế hoạch ..."); a share
    # further on, inside a bracket or past a semicolon, is of something else ("(10 tháng thu đạt 61,7% dự toán)")
    between = sh.quote[figs[prev].char_end : sh.char_start]
    if not (prev == level or (levels_of.get(prev) == level and not any(c in between for c in "();"))):
        return None
    if any(figs[t].role == "target" and _same_unit(figs[t], lv) for t in idxs):
        return None  # the sentence states plans of its own
    if lv.period_start is None or lv.period_end is None:
        return None
    named = r["plan_named"].match(sh.quote, sh.char_end)
    given = {w.casefold() for w in _WORD.findall(named.group("name"))} - r["fillers"] if named else set()
    own = _name_words(lv.quote, lv.char_start, lv.char_start)

    def names_it(t: int) -> bool:
        words = _name_words(figs[t].quote, figs[t].char_start, figs[t].char_start)
        if len(given) < 2:
            return _alike(own, words)
        # the share names its plan by who gave it ("kế hoạch Hội đồng nhân dân tỉnh giao"): a plan of that giver, and of
        # the level's quantity (its name, or its indicator), not any plan that giver gave
        of_level = lv.indicator is not None and _plan_indicator(figs, t, sentence_of) == lv.indicator
        return given <= words and (_alike(own, words) or of_level)

    plans = [
        t
        for t in range(level)
        if figs[t].role == "target" and figs[t].kind == "number" and figs[t].qualifier is None
        and not _CELL.match(figs[t].location) and _same_unit(figs[t], lv)
        and figs[t].period_start is not None and figs[t].period_end is not None
        and figs[t].period_start <= lv.period_start and figs[t].period_end >= lv.period_end
        and names_it(t)
    ]
    return plans[0] if len(plans) == 1 else None


def _plan_indicator(figs: list[Figure], t: int, sentence_of: dict) -> str | None:
    """A plan's indicator; a plan with none, opening a semicolon clause of a sentence whose first plan has one, is of
    that one's quantity: the clause names only who gave it ("Tổng kế hoạch vốn đầu tư công ... Thủ tướng Chính phủ
    giao cho tỉnh là 4.356,78 tỷ đồng; Hội đồng nhân dân tỉnh giao 4.812,5 tỷ đồng")."""
    f = figs[t]
    if f.indicator is not None:
        return f.indicator
    first = next((i for i in sorted(sentence_of.get(t, []), key=lambda i: figs[i].char_start)
                  if figs[i].role == "target" and figs[i].char_start < f.char_start), None)
    clause_start = max((m.end() for m in _NAME_MARK.finditer(f.quote, 0, f.char_start)), default=0)
    if first is None or f.quote[clause_start - 1 : clause_start] != ";" or figs[first].char_start > clause_start:
        return None
    if any(figs[i].char_start >= clause_start and figs[i].char_start < f.char_start for i in sentence_of.get(t, [])):
        return None  # another number opens the clause: the plan is not its first
    return figs[first].indicator


_CLAUSE_END = regex.compile(r"[;.]")


def _task_counts(figs: list[Figure], idxs: list[int]) -> list[Relation]:
    """A count of tasks with a status, to compare with the document's task tables."""
    r = _rules()
    out = []
    for k, i in enumerate(idxs):
        f = figs[i]
        if f.base_unit not in r["task_units"] or f.kind not in ("number", "ratio_part"):
            continue
        nxt = figs[idxs[k + 1]].char_start if k + 1 < len(idxs) else len(f.quote)
        after = f.quote[f.char_end : min(nxt, f.char_end + r["task_window"])]
        after = _CLAUSE_END.split(after)[0]
        for statuses, rx in r["task_cues"]:
            if rx.search(after):
                out.append(Relation("task_count", {"level": i, "label": statuses}))
                break
    return out


def _table_row_ratio(figs: list[Figure], idxs: list[int]) -> list[Relation]:
    """An indicator-table row: Thực hiện / Kế hoạch against its "So với KH (%)" cell."""
    actual = [i for i in idxs if figs[i].role == "actual" and figs[i].base_unit != "%"]
    target = [i for i in idxs if figs[i].role == "target" and figs[i].base_unit != "%"]
    share = [i for i in idxs if figs[i].role == "share_of_target"]
    if len(actual) == 1 and len(target) == 1 and len(share) == 1:
        return [Relation("ratio", {"part": actual[0], "whole": target[0], "share": share[0]})]
    return []
