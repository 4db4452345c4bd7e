-- Figures of one province that state the same indicator, role and period in different documents with
-- values no rounding of the written digits reconciles.
with f as (
    select f.* from figures f join documents d on d.doc_id = f.doc_id
    where d.issuer = 'UBND tỉnh 07' and f.indicator is not null
)
select a.indicator, a.role, a.period_start, a.period_end,
       a.doc_id as doc_a, a.raw as raw_a, b.doc_id as doc_b, b.raw as raw_b
from f a
join f b on a.indicator = b.indicator and a.role = b.role and a.period_start = b.period_start
        and a.period_end = b.period_end and a.base_unit is not distinct from b.base_unit
        and a.doc_id < b.doc_id
where abs(a.base_value - b.base_value) > coalesce(a.half_ulp, 0) + coalesce(b.half_ulp, 0)
order by a.indicator, a.period_end, doc_a, doc_b;
