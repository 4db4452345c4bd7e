-- share_arithmetic: every stated share of a whole ("Quản lý nhà nước: 03 ứng viên (chiếm 4,28% tổng số ...)")
-- with its part, its whole and whether part / whole can round to it; checks share_mismatch and share_rounding
-- read it. The whole is the one the text states, or the sum of the parts when the shares of one list cover it.
-- Each figure stands for the interval its written decimals allow (half: half a unit of its last digit), but a
-- whole number of a counted unit (ứng viên, hồ sơ) is exact: amounts in measured units (table measured_units,
-- from rules/checks.yaml) are rounded.
create or replace view share_arithmetic as
with fig as (
    select f.figure_id, f.raw, f.quote, f.char_start, f.char_end, f.base_value, f.decimals, f.half_ulp,
           case when f.decimals = 0 and f.value = f.base_value and f.qualifier is null
                     and split_part(f.base_unit, ' ', 1) not in (select unit from measured_units)
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
    select r.relation_id, r.doc_id, r.member_ids, p.figure_id as part_id, w.figure_id as whole_id,
           s.figure_id as share_id, p.raw as part_raw,
           coalesce(w.raw, format('{:g} (tổng {} phần)', l.total, len(r.member_ids))) as whole_raw,
           s.raw as share_raw, s.decimals as share_decimals,
           p.base_value as part_value, p.h as part_half,
           coalesce(w.base_value, l.total) as whole_value, coalesce(w.h, l.total_h) as whole_half,
           s.base_value as share_value, s.half_ulp as share_half,
           -- the clause around the part and its share, not the whole list
           trim(substr(s.quote, greatest(1, p.char_start - 39), s.char_end - greatest(1, p.char_start - 39) + 41))
               as quote
    from relations r
    join fig p on p.figure_id = r.part_id
    join fig s on s.figure_id = r.share_id
    left join fig w on w.figure_id = r.whole_id
    left join lists l on l.relation_id = r.relation_id
    where r.kind = 'share' and r.part_id is not null
), judged as (
    select *,
           100 * (part_value - part_half) / (whole_value + whole_half) <= share_value + share_half
               and 100 * (part_value + part_half) / (whole_value - whole_half) >= share_value - share_half as fits,
           -- less than one unit of the share's last digit off
           abs(100 * part_value / whole_value - share_value) < 2 * share_half as near
    from s
    where whole_value - whole_half > 0
), list_total as (
    select member_ids, sum(share_value) as stated from judged where whole_id is null group by member_ids
)
select j.relation_id, j.doc_id, j.part_id, j.whole_id, j.share_id,
       case when j.whole_id is null then [j.part_id, j.share_id] else [j.part_id, j.whole_id, j.share_id] end
           as figure_ids,
       j.part_raw, j.whole_raw, j.share_raw, j.share_decimals, j.part_value, j.part_half, j.whole_value,
       j.whole_half, j.share_value, j.share_half, j.quote, j.fits, j.near,
       -- a list whose stated shares add up to exactly 100%, this share less than a last-digit unit off
       coalesce(j.whole_id is null and abs(t.stated - 100) < 1e-9 and j.near, false) as rounded_to_100
from judged j
left join list_total t on t.member_ids = j.member_ids and j.whole_id is null;
