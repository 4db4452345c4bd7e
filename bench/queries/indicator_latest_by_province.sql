-- The latest stated GRDP growth of every province, with the document and sentence it comes from.
select d.issuer,
       arg_max(f.base_value, f.period_end) as grdp_growth,
       max(f.period_end) as period_end,
       arg_max(d.path, f.period_end) as document,
       arg_max(f.quote, f.period_end) as quote
from figures f
join documents d on d.doc_id = f.doc_id
where f.indicator = 'grdp_growth' and f.role = 'actual'
group by d.issuer
order by d.issuer;
