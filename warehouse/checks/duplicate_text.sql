-- duplicate_text: a sentence or clause repeated in one document. Tables (task lists repeat by design) and
-- headings (each part may have its own "Tình hình triển khai và kết quả thực hiện") are left out. Clauses
-- are compared lower-cased with punctuation and list marks removed.
with clauses as (
    select b.doc_id, b.location, b.seq, trim(c.clause) as clause
    from blocks b
    cross join unnest(string_split_regex(b.text, '[.;!?](?:\s+|$)')) as c(clause)
    where b.kind in ('paragraph', 'list_item', 'footnote')
), keyed as (
    -- the clause's runs of letters and digits: the same key as replacing every other run by one space,
    -- a quarter faster (the Unicode classes are this check's whole cost)
    select *, regexp_extract_all(lower(clause), '[\p{L}\p{N}]+') as words from clauses
)
select 'duplicate_text' as check_id, 'warning' as severity, doc_id, null::integer as other_doc_id,
       []::integer[] as figure_ids,
       format('lặp lại {} lần ({}): «{}»', count(*), string_agg(location, ', ' order by seq),
              min(clause)) as message
from keyed
where len(words) >= (select min_words from check_settings)
group by doc_id, array_to_string(words, ' ')
having count(*) > 1
