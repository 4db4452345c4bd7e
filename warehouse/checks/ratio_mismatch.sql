-- ratio_mismatch: a stated share that no rounding of part / whole can produce: "171/280 (61,1%)",
-- "11/49 nhiệm vụ (đạt 22,45%)", and an indicator table's "So với KH (%)" cell against Thực hiện / Kế hoạch.
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
