-- placeholder: unfilled number and date slots of a draft ("Số        -NQ/ĐU", "ngày      tháng 6 năm 2026").
-- The patterns come from rules/checks.yaml (loaded into placeholder_patterns when the checks run).
select 'placeholder' as check_id, 'info' as severity, b.doc_id, null::integer as other_doc_id,
       []::integer[] as figure_ids,
       format('chỗ trống chưa điền ({}) tại {}: «{}»', p.what, b.location, m.hit) as message
from blocks b
cross join placeholder_patterns p
-- the quoted context runs from a word start: up to five words before the slot and four after it
cross join unnest(regexp_extract_all(b.text, '(?:^|\s)((?:\S+\s+){0,5}\S*(?:' || p.regex || ')(?:\s*\S+){0,4})', 1))
    as m(hit)
