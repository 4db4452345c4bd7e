-- change_mismatch: a level, its absolute change and its percent change that cannot all be true:
-- "193 vụ ... giảm 23 vụ (giảm 10,65%)" means last year had 216, and 23 / 216 = 10,65%.
-- The percent computed from every corner of the rounding box is compared with the stated one.
with c as (
    select r.doc_id, l.figure_id as lid, a.figure_id as aid, p.figure_id as pid,
           l.raw as lraw, a.raw as araw, p.raw as praw, p.quote,
           l.base_value as lv, l.half_ulp as hl, a.base_value as av, a.half_ulp as ha,
           p.base_value as pv, p.half_ulp as hp
    from relations r
    join figures l on l.figure_id = r.level_id
    join figures a on a.figure_id = r.abs_id
    join figures p on p.figure_id = r.pct_id
    where r.kind = 'change'
), v as (
    select *,
           [100 * (av - ha) / ((lv - hl) - (av - ha)), 100 * (av - ha) / ((lv + hl) - (av - ha)),
            100 * (av + ha) / ((lv - hl) - (av + ha)), 100 * (av + ha) / ((lv + hl) - (av + ha))] as corners
    from c
    where (lv - hl) - (av + ha) > 0 and (lv - hl) - (av - ha) > 0
)
select 'change_mismatch' as check_id, 'error' as severity, doc_id, null::integer as other_doc_id,
       [lid, aid, pid] as figure_ids,
       format('{} với mức thay đổi {} ứng với {}%, văn bản ghi {} — «{}»', lraw, araw,
              round(100 * av / (lv - av), 2), praw, quote) as message
from v
where list_max(corners) < pv - hp or list_min(corners) > pv + hp
