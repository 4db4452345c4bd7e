-- value_conflict: the same indicator, role, period and basis with different values — within a document
-- (error) or across documents (warning). Base values are compared, so 18,72 triệu and 18.720 nghìn agree;
-- rounding intervals that overlap agree. One-time events (the turnout of one election) conflict whatever
-- the period. A DOCX and the PDF of the same text (same figures) count as one document here.
with keys as (
    -- a DOCX and its PDF state the same figures: they share this key
    select d.doc_id, coalesce(d.doc_type, '') || coalesce(sha256(string_agg(f.raw, '|' order by f.raw)), d.sha256)
               as content_key
    from documents d
    left join figures f on f.doc_id = d.doc_id
    group by d.doc_id, d.doc_type, d.sha256
), twins as (
    select doc_id, min(doc_id) over (partition by content_key) as first_doc from keys
), f as (
    select f.*, coalesce(i.one_time, false) as one_time
    from figures f
    join twins t on t.doc_id = f.doc_id and t.doc_id = t.first_doc
    left join indicators i on i.id = f.indicator
    where f.indicator is not null and f.qualifier is null and f.kind = 'number' and f.role <> 'other'
), pairs as (
    select a.doc_id, b.doc_id as other_doc, a.indicator, a.role, a.figure_id as aid, b.figure_id as bid,
           a.raw as araw, b.raw as braw, a.quote as aquote, b.quote as bquote,
           row_number() over (partition by a.doc_id, b.doc_id, a.indicator, a.role, a.period_start, a.period_end,
                                           a.basis order by a.figure_id, b.figure_id) as n
    from f a
    join f b on a.indicator = b.indicator and a.role = b.role
            and a.basis is not distinct from b.basis
            and a.base_unit is not distinct from b.base_unit
            and (a.one_time or (a.period_start = b.period_start and a.period_end = b.period_end))
            and (a.doc_id < b.doc_id or (a.doc_id = b.doc_id and a.figure_id < b.figure_id))
    where abs(a.base_value - b.base_value) > a.half_ulp + b.half_ulp
)
select 'value_conflict' as check_id,
       case when doc_id = other_doc then 'error' else 'warning' end as severity,
       doc_id, case when doc_id = other_doc then null else other_doc end as other_doc_id,
       [aid, bid] as figure_ids,
       format('{} ({}): {} ≠ {} — «{}» / «{}»', indicator, role, araw, braw, aquote, bquote) as message
from pairs
where n = 1
