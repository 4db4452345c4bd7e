-- subject_series: indicator_series (warehouse/views/indicator_series.sql) for one subject instead of one
-- catalog indicator: one row per period with actual, target, share_of_target and change side by side, the
-- same choice of value (latest version of each document family, most recent document, then the first
-- figure stated) and the same unit rule.
-- {key} is the subject's grouping key: figures.subject_key when the warehouse has it, else the subject with
-- case and spacing folded; {param} is $key folded the same way; {prefilter} a cheap condition every match
-- meets (true, or a LIKE on the key's words). warehouse/api.py fills all three.
with keyed as (
    select f.*, {key} as series_key
    from figures f
    where f.subject is not null and {prefilter}
),
subject_kind as (
    select series_key, avg(case when base_unit = '%' then 1 else 0 end) > 0.5 as in_percent
    from keyed
    where series_key = {param} and role in ('actual', 'target')
    group by series_key
),
candidates as (
    select
        f.series_key, f.role, f.period_start, f.period_end, f.base_value, f.base_unit, f.figure_id, f.doc_id,
        row_number() over (
            partition by f.series_key, f.role, f.period_start, f.period_end
            order by d.issued_date desc nulls last, d.ingested_at desc, d.doc_id desc, f.figure_id
        ) as rank
    from keyed f
    join documents d on d.doc_id = f.doc_id
    left join subject_kind k on k.series_key = f.series_key
    where f.series_key = {param}
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
    select series_key, period_start, period_end, list(distinct doc_id order by doc_id) as documents
    from candidates
    group by series_key, period_start, period_end
)
select
    s.series_key as subject_key,
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
join picked p using (series_key, period_start, period_end)
group by s.series_key, s.period_start, s.period_end, s.documents
order by s.period_end, s.period_start
