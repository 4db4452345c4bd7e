-- placeholder: unfilled number and date slots of a draft ("Số        -NQ/ĐU", "ngày      tháng 6 năm 2026").
-- The patterns come from rules/checks.yaml (loaded into placeholder_patterns when the checks run).
-- Only the document's own slots count: its head (number, date) and its signature block (the blocks just before
-- the first annex, or the end). The blank fields of forms it annexes, "ngày tháng năm sinh", a letterhead's
-- underline (dots and underscores count only in the signature block) and the slots of a scan, filled in by
-- hand where OCR cannot read them, are not unfilled slots.
with s as (select * from check_settings), ends as (
    select b.doc_id,
           coalesce(min(b.seq) filter (where b.seq >= s.head_blocks and regexp_matches(b.text, s.annex)),
                    max(b.seq) + 1) as body_end
    from blocks b, s
    group by b.doc_id
), own as (
    select b.*, b.seq < s.head_blocks as in_head
    from blocks b
    join ends e on e.doc_id = b.doc_id
    join documents d on d.doc_id = b.doc_id
    cross join s
    where coalesce(d.ocr_pages, 0) = 0
      and (b.seq < s.head_blocks or b.seq between e.body_end - s.tail_blocks and e.body_end - 1)
)
select 'placeholder' as check_id, 'info' as severity, b.doc_id, null::integer as other_doc_id,
       []::integer[] as figure_ids,
       format('chỗ trống chưa điền ({}) tại {}: «{}»', p.what, place(b.location, b.page), m.hit) as message,
       -- the same slot in the DOCX and its PDF, or in two versions, is one finding of the family
       format('{} {}', p.what, case when b.in_head then 'head' else 'signature' end) as family_key
from own b
cross join placeholder_patterns p
-- the quoted context runs from a word start: up to five words before the slot and four after it
cross join unnest(regexp_extract_all(b.text, '(?:^|\s)((?:\S+\s+){0,5}\S*(?:' || p.regex || ')(?:\s*\S+){0,4})', 1))
    as m(hit)
where not regexp_matches(m.hit, (select placeholder_skip from check_settings))
  and not (b.in_head and p.what = 'chỗ trống')
