-- ratio_mismatch: a stated share that no rounding of part / whole can produce: "171/280 (61,1%)",
-- "11/49 nhiệm vụ (đạt 22,45%)", an indicator table's "So với KH (%)" cell against Thực hiện / Kế hoạch, and
-- "đạt 29% chỉ tiêu" against the one plan value known for that indicator, basis and period (in the share's
-- document or another speaking of the same place: documents.locality, as value_conflict compares them).
-- Each figure stands for the interval its written decimals allow (half_ulp); flag only when no values
-- inside the intervals give the stated share. Known plans are grouped once per indicator, unit, basis,
-- period and place (`p` below), so each share meets a few plan groups, not every target of every document.
-- A level its document states beside other values of the same indicator for an overlapping period (the capital of each
-- source: "vốn trung ương giải ngân 1.402,8 tỷ đồng, đạt 53,1% kế hoạch; ... vốn địa phương 784,8 tỷ đồng, đạt
-- 36,1% kế hoạch") is one of several parts, each of its own plan: which one a single known plan is of is not
-- clear, so such shares are not checked against it.
select 'ratio_mismatch' as check_id, 'error' as severity, r.doc_id, null::integer as other_doc_id,
       [p.figure_id, w.figure_id, s.figure_id] as figure_ids,
       format('{} / {} = {}%, văn bản ghi {} — «{}»', p.raw, w.raw,
              round(100 * p.base_value / w.base_value, 2), s.raw, s.quote) as message
from relations r
join figures p on p.figure_id = r.part_id
join figures w on w.figure_id = r.whole_id
join figures s on s.figure_id = r.share_id
where r.kind = 'ratio'
  and w.base_value - w.half_ulp > 0
  and not (100 * (p.base_value - p.half_ulp) / (w.base_value + w.half_ulp) <= s.base_value + s.half_ulp
       and 100 * (p.base_value + p.half_ulp) / (w.base_value - w.half_ulp) >= s.base_value - s.half_ulp)
union all
select 'ratio_mismatch' as check_id, 'error' as severity, k.doc_id,
       case when t.doc_id <> k.doc_id then t.doc_id end as other_doc_id,
       [a.figure_id, t.figure_id, s.figure_id] as figure_ids,
       format('{} / {} (kế hoạch đã biết) = {}%, văn bản ghi {} — «{}»', a.raw, t.raw,
              round(100 * a.base_value / t.base_value, 2), s.raw, s.quote) as message
from (
    -- one row per share relation: is exactly one plan value known for it, and which target states it
    -- (the share's own document first, then the first loaded)
    select r.relation_id, r.doc_id, r.level_id, r.share_id,
           coalesce(min(own.figure_id), min(p.first_id)) as target_id
    from relations r
    join documents rd on rd.doc_id = r.doc_id
    join figures a on a.figure_id = r.level_id
    join figures s on s.figure_id = r.share_id
    join (
        select f.indicator, f.base_unit, f.basis, f.period_start, f.period_end, d.locality,
               count(distinct f.base_value) as n_values, min(f.base_value) as lo, max(f.base_value) as hi,
               min(f.figure_id) as first_id
        from figures f
        join documents d on d.doc_id = f.doc_id
        where f.role = 'target' and f.kind = 'number' and f.qualifier is null and f.indicator is not null
        group by all
    ) p on p.indicator = a.indicator and p.base_unit = a.base_unit and p.basis is not distinct from s.basis
       and p.period_start <= a.period_start and p.period_end >= a.period_end
       and p.locality is not distinct from rd.locality
    left join figures own on own.doc_id = r.doc_id and own.indicator = a.indicator and own.role = 'target'
       and own.kind = 'number' and own.qualifier is null and own.base_unit = a.base_unit
       and own.basis is not distinct from s.basis
       and own.period_start = p.period_start and own.period_end = p.period_end
    where r.kind = 'share'
      and not exists (
          select 1 from figures o
          where o.doc_id = r.doc_id and o.indicator = a.indicator and o.role = a.role and o.kind = 'number'
            and o.base_unit = a.base_unit
            and o.period_start <= a.period_end and o.period_end >= a.period_start
            and o.qualifier is null and o.base_value <> a.base_value
      )
    group by r.relation_id, r.doc_id, r.level_id, r.share_id
    having max(p.n_values) = 1 and min(p.lo) = max(p.hi)
) k
join figures a on a.figure_id = k.level_id
join figures s on s.figure_id = k.share_id
join figures t on t.figure_id = k.target_id
where t.base_value - t.half_ulp > 0
  and not (100 * (a.base_value - a.half_ulp) / (t.base_value + t.half_ulp) <= s.base_value + s.half_ulp
       and 100 * (a.base_value + a.half_ulp) / (t.base_value - t.half_ulp) >= s.base_value - s.half_ulp)
