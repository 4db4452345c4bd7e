-- Drill-down: every figure of one document with its indicator, period and the sentence it stands in.
select f.location, f.raw, f.base_value, f.base_unit, f.indicator, f.role, f.period_start, f.period_end, f.quote
from figures f
where f.doc_id = (select max(doc_id) from documents where path like '%003_ef6b9c13ae5fbfa8.pdf#07-%')
order by f.figure_id;
