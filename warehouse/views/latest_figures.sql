-- latest_figures: for each indicator, role, period, basis and base unit, the value stated by the most recent
-- document (latest issued_date; undated documents after dated ones; then latest ingested). Within that
-- document the first figure stated wins. The unit is part of the key because one phrase can carry both an
-- amount and a percentage ("18.600 tỷ đồng, đạt 54,2%"), which are different quantities. Only the latest
-- version of each document family counts: a draft's superseded value is a revision, not a disagreement.
create or replace view latest_figures as
with ranked as (
    select
        f.indicator, f.role, f.basis, f.period_start, f.period_end, f.base_unit, f.base_value,
        f.value, f.unit, f.qualifier, f.raw, f.quote, f.location, f.page, f.figure_id, f.doc_id,
        d.path, d.title, d.issued_date,
        count(distinct f.doc_id) over k as n_documents,
        count(distinct f.base_value) over k as n_values,
        row_number() over (
            partition by f.indicator, f.role, f.basis, f.period_start, f.period_end, f.base_unit
            order by d.issued_date desc nulls last, d.ingested_at desc, d.doc_id desc, f.figure_id
        ) as rank
    from figures f
    join documents d on d.doc_id = f.doc_id
    where f.indicator is not null and coalesce(d.is_latest, true)
    window k as (partition by f.indicator, f.role, f.basis, f.period_start, f.period_end, f.base_unit)
)
select
    indicator, role, basis, period_start, period_end, base_value, base_unit, value, unit, qualifier, raw,
    quote, location, page, figure_id, doc_id, path, title, issued_date,
    n_documents,                    -- documents stating this indicator/role/period/basis/unit
    n_values > 1 as values_differ   -- the documents do not agree on the value
from ranked
where rank = 1;
