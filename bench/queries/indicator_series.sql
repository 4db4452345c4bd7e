-- One province's budget revenue over time: what was reached and what was planned, period by period.
select f.period_start, f.period_end, f.role,
       count(*) as figures, count(distinct f.doc_id) as documents,
       min(f.base_value) as lowest, max(f.base_value) as highest, any_value(f.raw) as as_written
from figures f
join documents d on d.doc_id = f.doc_id
where f.indicator = 'budget_revenue' and f.role in ('actual', 'target') and d.issuer = 'UBND tỉnh 07'
group by all
order by f.period_end, f.period_start, f.role;
