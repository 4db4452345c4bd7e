-- value_conflict: the same indicator, role, period, basis and base unit with different values — within a
-- document (error) or across documents (warning). Base values are compared, so 18,72 triệu and 18.720 nghìn
-- agree; rounding intervals that overlap agree. One-time events (the turnout of one election) conflict
-- whatever the period.
-- Across documents only the latest version of each family is compared (earlier versions of one document are
-- revisions, which `baocao diff` lists), and only documents speaking of the same place (documents.locality;
-- two documents naming no place are taken to speak of the same one).
-- Two figures are one quantity only when they are stated in different sentences (numbers sharing one sentence
-- or table row are parts, a ratio's two sides or a plan beside its result: "230.473 triệu đồng/13.203.300 triệu
-- đồng") and the text names them alike: in one document, the first six words from the subject up to the number
-- must agree, verbs such as "ước đạt" left out (rules/checks.yaml `value_conflict.fillers`: "GRDP ước đạt 9,15%"
-- and "GRDP đạt 9,1%" agree; "tổng thu ngân sách ..." is not "tổng thu ngân sách địa phương ..."); across documents,
-- both subjects must be short (at most eight words): a long subject ("Tỷ lệ cơ quan ... bố trí công chức theo
-- đúng vị trí việc làm") names a narrower quantity than the indicator it was filed under.
-- "Subject" here is figures.check_name when set: the catalogue's name of a figure whose own subject is a long
-- phrase that only describes the quantity ("Cử tri tham gia bỏ phiếu bầu ĐBQH khóa XVI ..."), for the check alone.
-- In one document, "named alike" reaches through the whole subject when it is longer than six words: "tỷ lệ hồ sơ
-- giải quyết đúng hẹn toàn tỉnh" and "... cấp tỉnh" are two quantities. A sentence opening with "Trong đó" (rules/
-- checks.yaml `value_conflict.part_opener`) states parts of what its paragraph stated before: its figures are not
-- compared with that paragraph's. A clause opening so after a semicolon ("vốn trung ương giải ngân 1.402,8 tỷ đồng;
-- trong đó vốn ODA mới giải ngân 61,2 tỷ đồng", "...; riêng nguồn thu tiền sử dụng đất mới giải ngân 352,5 tỷ
-- đồng") states a part of its own sentence's total: its figures are compared with none of the document's. Items of a
-- list that each open with their own label before a colon ("- Ủy ban nhân dân xã Hoành Mô: ... đạt 21,9%", "- Ủy ban
-- nhân dân xã Đồng Văn: ... đạt 25,1%") state the values of different units: only figures under the same label (or
-- none) are compared.
-- Across documents, an `actual` of a period still running on the document's day (documents.report_date: a year's
-- report written in November) was counted up to that day: two such values of different days are two quantities
-- (a to-date rate of 5 November and one of 27 November), not a conflict.
-- Linear: every figure is compared with one reference value per key (the first stated in its document; across
-- documents the value of the most recent family), never with every other figure; one finding per document
-- (within) or per family (across) and key.
with f as (
    select f.figure_id, f.doc_id, f.indicator, f.role, f.basis, f.base_unit, f.base_value, f.half_ulp,
           f.raw, f.quote, coalesce(f.check_name, f.subject) as subject, f.char_start,
           len(string_split(trim(coalesce(f.check_name, f.subject)), ' ')) as subject_words,
           case when coalesce(i.one_time, false) then null else f.period_start end as p_start,
           case when coalesce(i.one_time, false) then null else f.period_end end as p_end,
           case when coalesce(i.one_time, false) then null
                when f.role = 'actual' and d.report_date between f.period_start and f.period_end - 1
                     then d.report_date
                else f.period_end end as p_end_across,
           regexp_matches(f.quote, conflict_part_opener()) as opens_part, f.location,
           regexp_matches(regexp_extract(substr(f.quote, 1, f.char_start), ';([^;]*)$', 1), conflict_part_opener())
               as in_part_clause,
           -- a list item opening with its own label ("- Ủy ban nhân dân xã Hoành Mô: ... đạt 21,9%") names its unit
           coalesce(regexp_extract(f.quote, '^[\s\-–•+*]*([^:;.]{2,80}):', 1), '') as item_label,
           d.family_id, d.is_latest, d.locality, d.issued_date, d.period_end as doc_period_end
    from figures f
    join documents d on d.doc_id = f.doc_id
    left join indicators i on i.id = f.indicator
    where f.indicator is not null and f.qualifier is null and f.kind = 'number' and f.role <> 'other'
      and f.base_value is not null
), within_keys as (
    -- keys a document states more than one value for: the only figures whose wording needs comparing
    select * from (
        select *, min(base_value) over k as lo, max(base_value) over k as hi
        from f
        where not in_part_clause
        window k as (partition by doc_id, indicator, role, basis, base_unit, p_start, p_end)
    ) where hi > lo
), within_doc as (
    select *,
           first_value(figure_id) over w as ref_id, first_value(base_value) over w as ref_value,
           first_value(half_ulp) over w as ref_half, first_value(raw) over w as ref_raw,
           first_value(quote) over w as ref_quote, first_value(location) over w as ref_location
    from (select *, case when instr(lower(quote), lower(subject)) between 1 and char_start then
               nullif(array_to_string(list_slice(list_filter(string_split(trim(regexp_replace(lower(
                   substr(quote, instr(lower(quote), lower(subject)),
                          char_start - instr(lower(quote), lower(subject)) + 1)), '[^\p{L}]+', ' ', 'g')), ' '),
                   lambda x: not list_contains(conflict_fillers(), x)), 1, greatest(6, subject_words)), ' '), '')
               end as lead
          from within_keys)
    window w as (partition by doc_id, item_label, lead, indicator, role, basis, base_unit, p_start, p_end
                 order by figure_id)
), within_hits as (
    select *, row_number() over (partition by doc_id, item_label, lead, indicator, role, basis, base_unit, p_start, p_end
                                 order by figure_id) as n
    from within_doc
    where lead is not null and abs(base_value - ref_value) > half_ulp + ref_half and quote <> ref_quote
      and not (opens_part and location = ref_location)
), latest as (
    -- the family's first statement of each key, in its latest version
    select * from (
        select *, row_number() over (partition by family_id, indicator, role, basis, base_unit, p_start,
                                                  p_end_across order by figure_id) as k
        from f where is_latest and subject_words <= 8
    ) where k = 1
), across_doc as (
    select *,
           first_value(figure_id) over w as ref_id, first_value(doc_id) over w as ref_doc,
           first_value(family_id) over w as ref_family, first_value(base_value) over w as ref_value,
           first_value(half_ulp) over w as ref_half, first_value(raw) over w as ref_raw,
           first_value(quote) over w as ref_quote
    from latest
    window w as (partition by locality, indicator, role, basis, base_unit, p_start, p_end_across
                 order by issued_date desc nulls last, doc_period_end desc nulls last, family_id)
)
select 'value_conflict' as check_id, 'error' as severity, doc_id, null::integer as other_doc_id,
       [ref_id, figure_id] as figure_ids,
       format('{} ({}): {} ≠ {} — «{}» / «{}»', indicator, role, ref_raw, raw, ref_quote, quote) as message
from within_hits
where n = 1
union all
select 'value_conflict' as check_id, 'warning' as severity, doc_id, ref_doc as other_doc_id,
       [figure_id, ref_id] as figure_ids,
       format('{} ({}): {} ≠ {} — «{}» / «{}»', indicator, role, raw, ref_raw, quote, ref_quote) as message
from across_doc
where family_id <> ref_family and abs(base_value - ref_value) > half_ulp + ref_half and quote <> ref_quote
