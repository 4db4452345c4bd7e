-- placeholder: unfilled number and date slots of a draft ("Số        -NQ/ĐU", "ngày      tháng 6 năm 2026").
-- The patterns come from rules/checks.yaml (loaded into placeholder_patterns when the checks run).
select 'placeholder' as check_id, 'info' as severity, b.doc_id, null::integer as other_doc_id,
       []::integer[] as figure_ids,
       format('chỗ trống chưa điền ({}) tại {}: «{}»', p.what, b.location, m.hit) as message
from blocks b
cross join placeholder_patterns p
cross join unnest(regexp_extract_all(b.text, '.{0,30}(?:' || p.regex || ').{0,20}')) as m(hit)
