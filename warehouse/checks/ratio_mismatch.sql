-- ratio_mismatch: a stated share that no rounding of part / whole can produce: "171/280 (61,1%)",
-- "11/49 nhiệm vụ (đạt 22,45%)", an indicator table's "So với KH (%)" cell against Thực hiện / Kế hoạch, and
-- "đạt 29% chỉ tiêu" against the one plan value known for that indicator, basis and period (any document).
-- Each figure stands for the interval its written decimals allow (half_ulp); flag only when no values
-- inside the intervals give the stated share.
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
       case when k.target_doc <> k.doc_id then k.target_doc end as other_doc_id,
       [k.aid, k.tid, k.sid] as figure_ids,
       format('{} / {} (kế hoạch đã biết) = {}%, văn bản ghi {} — «{}»', k.araw, k.traw,
              round(100 * k.av / k.tv, 2), k.sraw, k.squote) as message
from (
    select r.relation_id, r.doc_id, a.figure_id as aid, s.figure_id as sid, t.figure_id as tid, t.doc_id as target_doc,
           a.raw as araw, s.raw as sraw, t.raw as traw, s.quote as squote,
           a.base_value as av, a.half_ulp as ha, s.base_value as sv, s.half_ulp as hs,
           t.base_value as tv, t.half_ulp as ht,
           count(distinct t.base_value) over (partition by r.relation_id) as plans,
           row_number() over (partition by r.relation_id order by t.doc_id = r.doc_id desc, t.figure_id) as n
    from relations r
    join figures a on a.figure_id = r.level_id
    join figures s on s.figure_id = r.share_id
    join figures t on t.indicator = a.indicator and t.role = 'target' and t.kind = 'number'
                  and t.qualifier is null and t.base_unit = a.base_unit
                  and t.basis is not distinct from s.basis
                  and t.period_start <= a.period_start and t.period_end >= a.period_end
    where r.kind = 'share'
) k
where k.plans = 1 and k.n = 1 and k.tv - k.ht > 0
  and not (100 * (k.av - k.ha) / (k.tv + k.ht) <= k.sv + k.hs
       and 100 * (k.av + k.ha) / (k.tv - k.ht) >= k.sv - k.hs)
