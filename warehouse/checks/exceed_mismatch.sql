-- exceed_mismatch: "đạt 26,5 triệu lượt, vượt 2,1% kế hoạch (25,08 triệu lượt)": an excess over the plan
-- must be actual / plan − 1 (26,5 / 25,08 − 1 = 5,66%), not a share of the plan. The plan is the one the
-- sentence states, else the one plan value known for the indicator, basis and period (any document).
-- Each figure stands for its rounding interval; flag only when no values inside them give the stated excess.
with e as (
    select r.relation_id, r.doc_id, a.figure_id as aid, p.figure_id as pid,
           coalesce(w.figure_id, t.figure_id) as tid,
           a.raw as araw, p.raw as praw, coalesce(w.raw, t.raw) as traw, p.quote,
           a.base_value as av, a.half_ulp as ha, abs(p.base_value) as pv, p.half_ulp as hp,
           coalesce(w.base_value, t.base_value) as tv, coalesce(w.half_ulp, t.half_ulp) as ht,
           case when w.figure_id is null then count(distinct t.base_value) over (partition by r.relation_id)
                else 1 end as plans,
           row_number() over (partition by r.relation_id order by t.doc_id = r.doc_id desc, t.figure_id) as n
    from relations r
    join figures a on a.figure_id = r.level_id
    join figures p on p.figure_id = r.pct_id
    left join figures w on w.figure_id = r.whole_id
    left join figures t on r.whole_id is null and t.indicator = a.indicator and t.role = 'target'
                       and t.kind = 'number' and t.qualifier is null and t.base_unit = a.base_unit
                       and t.period_start <= a.period_start and t.period_end >= a.period_end
    where r.kind = 'exceed'
)
select 'exceed_mismatch' as check_id, 'error' as severity, doc_id, null::integer as other_doc_id,
       [aid, tid, pid] as figure_ids,
       format('{} / {} − 1 = {}%, văn bản ghi vượt {} — «{}»', araw, traw, round(100 * (av / tv - 1), 2), praw,
              quote) as message
from e
where n = 1 and plans = 1 and tv - ht > 0
  and (100 * ((av + ha) / (tv - ht) - 1) < pv - hp or 100 * ((av - ha) / (tv + ht) - 1) > pv + hp)
