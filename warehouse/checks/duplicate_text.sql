-- duplicate_text: a sentence or clause repeated in one document. A repeated clause counts only when one of its
-- occurrences opens a sentence or a line ("- Tiến độ cập nhật ... còn chậm; còn 11 nhiệm vụ ..."): one always in
-- lower case between semicolons is an entry of a list ("gồm: bồi dưỡng về lý luận chính trị ...; bồi dưỡng
-- kiến thức ..."), which repeats legitimately.
-- Tables (task lists repeat by design), headings (each part may have its own "Tình hình triển khai và kết quả thực hiện") and footnotes (they cite
-- what the text cites) are left out, and so are short paragraphs (titles, label lines "Cơ quan chủ trì: Sở
-- Tài chính", list entries), clauses citing a document ("Kế hoạch số 2126/KH-UBND ...") and people's names
-- (rules/checks.yaml `duplicates`). Clauses are compared lower-cased with punctuation and list marks removed.
-- Two passes, linear in the blocks and light in memory: the first keys every clause of a block with two regex
-- calls on the whole block (clause ends marked by chr(1), then every other run of non-letters made one
-- space: the same keys as clause by clause, at a sixth of the cost) and keeps only a hash of each; the few
-- blocks holding a hash said twice in their document are then split into clauses again, keyed exactly,
-- tested against the skip pattern and placed. Settings are macros (constants: see findings.py).
with hashes as materialized (
    -- integers only (about 20 bytes a clause): kept for the second look below, not the texts
    select doc_id, seq, hash(key) as h
    from (
        -- unnest in the select list streams; a lateral `cross join unnest(f(text))` first gathers every
        -- distinct text with its result in a hash table (900 MB at 5,000 documents of distinct text)
        select b.doc_id, b.seq,
               -- a chr(1) already in the text ('_' neither ends a clause nor is a letter) cannot split it
               trim(unnest(string_split(regexp_replace(regexp_replace(lower(replace(b.text, chr(1), '_')),
                                                                      '[.;!?](?:\s+|$)', chr(1), 'g'),
                                                       '[^\p{L}\p{N}\x01]+', ' ', 'g'), chr(1)))) as key
        from blocks b
        where b.kind in ('paragraph', 'list_item')
          and len(string_split(trim(b.text), ' ')) >= duplicate_min_block_words()
    )
    -- at least min_words words: one space between words, counted in bytes (length() counts graphemes, slowly)
    where strlen(key) - strlen(replace(key, ' ', '')) + 1 >= duplicate_min_words()
), candidate_blocks as (
    -- the blocks holding a hash said twice in their document
    select distinct x.doc_id, x.seq
    from hashes x
    semi join (select doc_id, h from hashes group by doc_id, h having count(*) > 1) c
        on c.doc_id = x.doc_id and c.h = x.h
), keyed as (
    select doc_id, location, page, seq, clause, pos,
           trim(regexp_replace(lower(clause), '[^\p{L}\p{N}]+', ' ', 'g')) as key
    from (
        -- pos: where the clause stands in the text (its block, then its rank in the block)
        select b.doc_id, b.location, b.page, b.seq, trim(c.part.clause) as clause,
               b.seq::bigint * 1000000 + c.part.i as pos
        from blocks b
        semi join candidate_blocks cb on cb.doc_id = b.doc_id and cb.seq = b.seq
        cross join unnest(list_transform(string_split_regex(b.text, '[.;!?](?:\s+|$)'),
                                         lambda x, i: {'clause': x, 'i': i})) as c(part)
        where b.kind in ('paragraph', 'list_item')
    )
    where not regexp_matches(clause, duplicate_skip())
), repeated as (
    select doc_id, count(*) as n, string_agg(place(location, page), '; ' order by seq) as places,
           min(clause) as clause, min(pos) as first_pos
    from keyed
    where len(string_split(key, ' ')) >= duplicate_min_words()
    group by doc_id, key
    having count(*) > 1 and bool_or(regexp_matches(clause, '^[-+•\s]*[\p{Lu}\p{N}]'))
)
-- the sentences of one copied paragraph are one finding: "lặp lại 2 lần (đoạn 15; đoạn 73): «...» và 3 câu khác",
-- quoting the first of them in the text (by block alone, several sentences of one paragraph tied)
select 'duplicate_text' as check_id, 'warning' as severity, doc_id, null::integer as other_doc_id,
       []::integer[] as figure_ids,
       format('lặp lại {} lần ({}): «{}»{}', n, places, arg_min(clause, first_pos),
              case when count(*) > 1 then format(' và {} câu khác', count(*) - 1) else '' end) as message
from repeated
group by doc_id, n, places
