-- parts_exceed_total: parts listed with "trong đó" / "gồm" (or in a parenthesis) add up to more than their
-- total; when the parts are clearly exhaustive (cấp tỉnh + cấp xã, cấp mới + điều chỉnh) they must add up
-- to the total exactly, within rounding.
with m as (
    select r.relation_id, r.doc_id, r.whole_id, r.exhaustive,
           sum(f.base_value) as total, sum(f.half_ulp) as slack,
           list(f.figure_id order by f.char_start) as ids, string_agg(f.raw, ' + ' order by f.char_start) as raws
    from relations r
    cross join unnest(r.member_ids) as u(member_id)
    join figures f on f.figure_id = u.member_id
    where r.kind = 'parts'
    group by r.relation_id, r.doc_id, r.whole_id, r.exhaustive
)
select 'parts_exceed_total' as check_id, 'error' as severity, m.doc_id, null::integer as other_doc_id,
       list_prepend(w.figure_id, m.ids) as figure_ids,
       format('{} = {} {} tổng {} — «{}»', m.raws, m.total,
              case when m.total - m.slack > w.base_value + w.half_ulp then 'vượt' else 'không khớp' end,
              w.raw, w.quote) as message
from m
join figures w on w.figure_id = m.whole_id
where m.total - m.slack > w.base_value + w.half_ulp
   or (m.exhaustive and abs(m.total - w.base_value) > m.slack + w.half_ulp)
