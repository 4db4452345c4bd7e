-- status_mislabel: a label (đạt, vượt, không đạt, chưa đạt) that contradicts the actual against its target,
-- minding "lower is better" indicators (traffic accidents) and bounds such as ">95%".
with s as (
    select r.doc_id, r.label, a.figure_id as aid, t.figure_id as tid, a.raw as araw, t.raw as traw, t.quote,
           a.base_value as av, a.half_ulp as ha, t.base_value as tv, t.half_ulp as ht, t.qualifier,
           coalesce(i.lower_is_better, false) as lower_better
    from relations r
    join figures a on a.figure_id = r.level_id
    join figures t on t.figure_id = r.whole_id
    left join indicators i on i.id = coalesce(a.indicator, t.indicator)
    where r.kind = 'status'
), judged as (
    select *,
           case when lower_better then av - ha > tv + ht else av + ha < tv - ht end as surely_missed,
           case when lower_better then av + ha < tv - ht
                when qualifier = '>' then av - ha > tv + ht
                else av - ha >= tv + ht end as surely_met
    from s
)
select 'status_mislabel' as check_id, 'error' as severity, doc_id, null::integer as other_doc_id,
       [aid, tid] as figure_ids,
       format('ghi "{}" nhưng {} so với kế hoạch {} là {} — «{}»', label, araw, traw,
              case when surely_missed then 'chưa đạt' else 'đã đạt' end, quote) as message
from judged
where (label in ('đạt', 'vượt') and surely_missed)
   or (label in ('không đạt', 'chưa đạt') and surely_met)
