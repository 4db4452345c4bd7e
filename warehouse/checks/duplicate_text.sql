-- duplicate_text: a sentence or clause repeated in one document. Tables (task lists repeat by design) and
-- headings (each part may have its own "Tình hình triển khai và kết quả thực hiện") are left out. Clauses
-- are compared lower-cased with punctuation and list marks removed.
with clauses as (
    select b.doc_id, b.location, b.seq, trim(c.clause) as clause
    from blocks b
    cross join unnest(string_split_regex(b.text, '[.;!?](?:\s+|$)')) as c(clause)
    where b.kind in ('paragraph', 'list_item', 'footnote')
), keyed as (
    select *, trim(regexp_replace(lower(clause), '[^\p{L}\p{N}]+', ' ', 'g')) as key from clauses
)
select 'duplicate_text' as check_id, 'warning' as severity, doc_id, null::integer as other_doc_id,
       []::integer[] as figure_ids,
       format('lặp lại {} lần ({}): «{}»', count(*), string_agg(location, ', ' order by seq),
              min(clause)) as message
from keyed
where len(string_split(key, ' ')) >= (select min_words from check_settings)
group by doc_id, key
having count(*) > 1
