-- indicator_series: one row per indicator x period with the roles side by side (actual, target,
-- share_of_target, change), for charts of actual against target across periods.
-- Only the latest version of each document family is read (earlier drafts and the PDF twin of a Word file
-- are versions of the same text, not further sources). Each cell takes the value of the most recent document (latest issued_date; undated documents after
-- dated ones; then latest ingested), and within it the first figure stated.
-- actual and target keep to the indicator's kind of unit: percentages when most of its actual/target figures
-- are percentages (growth rates, coverage), else amounts (đồng, USD, lượt khách ...), so a share written in
-- the same sentence as an amount does not take the amount's place. share_of_target and change are in percent.
create or replace view indicator_series as
with indicator_kind as (
    select indicator, avg(case when base_unit = '%' then 1 else 0 end) > 0.5 as in_percent
    from figures
    where indicator is not null and role in ('actual', 'target')
    group by indicator
),
candidates as (
    select
        f.indicator, f.role, f.period_start, f.period_end, f.base_value, f.base_unit, f.figure_id, f.doc_id,
        row_number() over (
            partition by f.indicator, f.role, f.period_start, f.period_end
            order by d.issued_date desc nulls last, d.ingested_at desc, d.doc_id desc, f.figure_id
        ) as rank
    from figures f
    join documents d on d.doc_id = f.doc_id
    left join indicator_kind k on k.indicator = f.indicator
    where f.indicator is not null
      and coalesce(d.is_latest, true)
      and f.period_start is not null
      and f.base_value is not null
      and (
          (f.role in ('actual', 'target') and (f.base_unit = '%') = coalesce(k.in_percent, false))
          or (f.role in ('share_of_target', 'change') and f.base_unit = '%')
      )
),
picked as (
    select * from candidates where rank = 1
),
sources as (
    select indicator, period_start, period_end, list(distinct doc_id order by doc_id) as documents
    from candidates
    group by indicator, period_start, period_end
)
select
    s.indicator,
    s.period_start,
    s.period_end,
    max(p.base_value) filter (where p.role = 'actual') as actual,
    max(p.base_value) filter (where p.role = 'target') as target,
    max(p.base_value) filter (where p.role = 'share_of_target') as share_of_target,
    max(p.base_value) filter (where p.role = 'change') as change,
    coalesce(
        max(p.base_unit) filter (where p.role = 'actual'), max(p.base_unit) filter (where p.role = 'target')
    ) as unit,
    max(p.figure_id) filter (where p.role = 'actual') as actual_figure_id,
    max(p.figure_id) filter (where p.role = 'target') as target_figure_id,
    s.documents
from sources s
join picked p using (indicator, period_start, period_end)
group by s.indicator, s.period_start, s.period_end, s.documents
order by s.indicator, s.period_end, s.period_start;
