-- placeholder: unfilled number and date slots of a draft ("Số        -NQ/ĐU", "ngày      tháng 6 năm 2026").
-- The patterns come from rules/checks.yaml (macro placeholder_hits(text), made when the checks run: each
-- pattern's hits with up to five words before the slot and four after it, as {what, hit, pattern, n}).
-- Only the document's own slots count: its head (number, date) and its signature block (the blocks just before
-- the first annex, or the end). The blank fields of forms it annexes, "ngày tháng năm sinh", a letterhead's
-- underline (dots and underscores count only in the signature block) and the slots of a scan, filled in by
-- hand where OCR cannot read them, are not unfilled slots.
-- Settings and patterns are macros (constants): a pattern read from a table is compiled again for every row.
with ends as (
    select b.doc_id,
           coalesce(min(b.seq) filter (where b.seq >= placeholder_head_blocks()
                                         and regexp_matches(b.text, placeholder_annex())),
                    max(b.seq) + 1) as body_end
    from blocks b
    group by b.doc_id
), own as (
    select b.*, b.seq < placeholder_head_blocks() as in_head
    from blocks b
    join ends e on e.doc_id = b.doc_id
    join documents d on d.doc_id = b.doc_id
    where coalesce(d.ocr_pages, 0) = 0
      and (b.seq < placeholder_head_blocks()
           or b.seq between e.body_end - placeholder_tail_blocks() and e.body_end - 1)
)
select 'placeholder' as check_id, 'info' as severity, doc_id, null::integer as other_doc_id,
       []::integer[] as figure_ids,
       format('chỗ trống chưa điền ({}) tại {}: «{}»', slot.what, place(location, page), slot.hit) as message,
       -- the same slot in the DOCX and its PDF, or in two versions, is one finding of the family
       format('{} {}', slot.what, case when in_head then 'head' else 'signature' end) as family_key
-- unnest in the select list streams (a lateral join gathers every distinct text in a hash table first)
from (select doc_id, seq, location, page, in_head, unnest(placeholder_hits(text)) as slot from own)
where not regexp_matches(slot.hit, placeholder_skip())
  and not (in_head and slot.what = 'chỗ trống')
-- in the order of the text: a slot found twice in one document keeps its finding key from run to run
order by doc_id, seq, slot.pattern, slot.n
