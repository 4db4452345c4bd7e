-- duplicate_text: a sentence or clause repeated in one document. A repeated clause counts only when one of its
-- occurrences opens a sentence or a line ("- Tiến độ cập nhật ... còn chậm; còn 11 nhiệm vụ ..."): one always in
-- lower case between semicolons is an entry of a list ("gồm: bồi dưỡng về lý luận chính trị ...; bồi dưỡng
-- kiến thức ..."), which repeats legitimately.
-- Tables (task lists repeat by design), headings (each part may have its own "Tình hình triển khai và kết quả thực hiện") and footnotes (they cite
-- what the text cites) are left out, and so are short paragraphs (titles, label lines "Cơ quan chủ trì: Sở
-- Tài chính", list entries), clauses citing a document ("Kế hoạch số 2126/KH-UBND ...") and people's names
-- (rules/checks.yaml `duplicates`). Clauses are compared lower-cased with punctuation and list marks removed.
with s as (select * from check_settings), clauses as (
    select b.doc_id, b.location, b.page, b.seq, trim(c.clause) as clause
    from blocks b
    cross join s
    cross join unnest(string_split_regex(b.text, '[.;!?](?:\s+|$)')) as c(clause)
    where b.kind in ('paragraph', 'list_item')
      and len(string_split(trim(b.text), ' ')) >= s.min_block_words
), keyed as (
    select *, trim(regexp_replace(lower(clause), '[^\p{L}\p{N}]+', ' ', 'g')) as key
    from clauses
    where not regexp_matches(clause, (select duplicate_skip from check_settings))
), repeated as (
    select doc_id, count(*) as n, string_agg(place(location, page), '; ' order by seq) as places,
           min(clause) as clause, min(seq) as first_seq
    from keyed
    where len(string_split(key, ' ')) >= (select min_words from check_settings)
    group by doc_id, key
    having count(*) > 1 and bool_or(regexp_matches(clause, '^[-+•\s]*[\p{Lu}\p{N}]'))
)
-- the sentences of one copied paragraph are one finding: "lặp lại 2 lần (đoạn 15; đoạn 73): «...» và 3 câu khác"
select 'duplicate_text' as check_id, 'warning' as severity, doc_id, null::integer as other_doc_id,
       []::integer[] as figure_ids,
       format('lặp lại {} lần ({}): «{}»{}', n, places, arg_min(clause, first_seq),
              case when count(*) > 1 then format(' và {} câu khác', count(*) - 1) else '' end) as message
from repeated
group by doc_id, n, places
