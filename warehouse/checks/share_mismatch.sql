-- share_mismatch: a share of a whole ("Quản lý nhà nước: 03 ứng viên (chiếm 4,28% tổng số ...)") that no
-- rounding of part / whole gives: 3 / 70 = 4,2857%, which rounds to 4,29%. The whole is the one the text
-- states, or the sum of the parts when the shares of one list cover 100%.
-- A whole number of a counted unit (ứng viên, hồ sơ) is exact; amounts in measured units (rules/checks.yaml
-- shares.measured_units) stand for their rounding interval. A list whose stated shares add up to exactly
-- 100% while a share misses its rounding by less than a last-digit unit was rounded to make 100%: that case
-- is check share_rounding, not this one.
with fig as (
    -- h: the half-interval a value stands for; a whole number of a counted unit is exact
    select f.figure_id, f.raw, f.quote, f.char_start, f.char_end, f.base_value, f.decimals, f.half_ulp,
           case when f.decimals = 0 and f.value = f.base_value and f.qualifier is null
                     and not list_contains(measured_units(), split_part(f.base_unit, ' ', 1))
                then 0 else f.half_ulp end as h
    from figures f
    where f.figure_id in (select unnest([part_id, whole_id, share_id] || member_ids)
                          from relations where kind = 'share' and part_id is not null)
), lists as (
    select r.relation_id, sum(m.base_value) as total, sum(m.h) as total_h
    from relations r
    cross join unnest(r.member_ids) as u(mid)
    join fig m on m.figure_id = u.mid
    where r.kind = 'share' and r.part_id is not null and r.whole_id is null
    group by r.relation_id
), s as (
    select r.doc_id, r.member_ids, p.figure_id as pid, s.figure_id as sid, w.figure_id as wid,
           p.raw as praw, s.raw as sraw, s.decimals as sdec,
           -- the clause around the part and its share, not the whole list
           trim(substr(s.quote, greatest(1, p.char_start - 39), s.char_end - greatest(1, p.char_start - 39) + 41))
               as quote,
           p.base_value as pv, p.h as hp, s.base_value as sv, s.half_ulp as hs,
           coalesce(w.base_value, l.total) as wv, coalesce(w.h, l.total_h) as hw,
           coalesce(w.raw, format('{:g} (tổng {} phần)', l.total, len(r.member_ids))) as wraw
    from relations r
    join fig p on p.figure_id = r.part_id
    join fig s on s.figure_id = r.share_id
    left join fig w on w.figure_id = r.whole_id
    left join lists l on l.relation_id = r.relation_id
    where r.kind = 'share' and r.part_id is not null
), judged as (
    select *,
           100 * (pv - hp) / (wv + hw) <= sv + hs and 100 * (pv + hp) / (wv - hw) >= sv - hs as fits,
           abs(100 * pv / wv - sv) < 2 * hs as near   -- less than one unit of the share's last digit off
    from s
    where wv - hw > 0
), list_total as (
    select member_ids, sum(sv) as stated from judged where wid is null group by member_ids
), share_arithmetic as (
    select j.*, case when wid is null then [pid, sid] else [pid, wid, sid] end as figure_ids,
           coalesce(j.wid is null and abs(t.stated - 100) < 1e-9 and j.near, false) as rounded_to_100
    from judged j
    left join list_total t on t.member_ids = j.member_ids and j.wid is null
)
select 'share_mismatch' as check_id, 'error' as severity, doc_id, null::integer as other_doc_id,
       figure_ids,
       format('{} / {} = {}%, văn bản ghi {} — «…{}…»', praw, wraw, round(100 * pv / wv, sdec + 1), sraw, quote)
           as message
from share_arithmetic
where not fits and not rounded_to_100
