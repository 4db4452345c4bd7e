-- task_history: each task (task_key) through the documents that list it, with the previous deadline and
-- whether it slipped ("Chương trình xúc tiến đầu tư: 4/2026 (trễ hạn) → 7/2026").
-- Documents are walked family by family (the files that are one document: drafts, the signed version, the
-- DOCX and its PDF), families in the order of the periods they report on, and within a family its versions
-- in order (version_rank). A deadline changed between versions of one document is `revised`; a deadline
-- later than the one the previous document of the series gave is `slipped`.
create or replace view task_history as
with fam as (
    select family_id, min(period_end) as fam_period_end, max(issued_date) as fam_issued
    from documents
    group by family_id
), rows as (
    select
        t.*, d.path, d.title, d.issued_date, d.doc_type, d.family_id, d.version_rank,
        fam.fam_period_end, fam.fam_issued
    from tasks t
    join documents d on d.doc_id = t.doc_id
    left join fam on fam.family_id is not distinct from d.family_id
    where t.task_key is not null
)
select
    task_key,
    row_number() over w as seq,
    doc_id,
    path,
    title,
    issued_date,
    doc_type,
    table_no,
    row_no,
    task_id,
    content,
    owner,
    deadline_text,
    deadline,
    status_text,
    status,
    lag(deadline) over w as previous_deadline,
    -- a later deadline than the previous row's, unless that row is another version of the same document
    coalesce(deadline > lag(deadline) over w
             and not (family_id = lag(family_id) over w and doc_id <> lag(doc_id) over w), false) as slipped,
    family_id,
    version_rank,
    -- the same table of the previous version of this document gave another deadline
    coalesce(doc_id <> lag(doc_id) over v and deadline is distinct from lag(deadline) over v, false) as revised
from rows
window w as (
    partition by task_key
    order by fam_period_end nulls last, fam_issued nulls last, family_id, version_rank, doc_id,
             table_no nulls last, row_no nulls last, task_id
), v as (
    partition by task_key, family_id, table_no
    order by version_rank, doc_id, row_no nulls last, task_id
);
