-- task_history: each task (task_key) through the documents that list it, in document order, with the
-- previous deadline and whether it slipped ("Chương trình xúc tiến đầu tư: 4/2026 (trễ hạn) → 7/2026").
create or replace view task_history as
select
    t.task_key,
    row_number() over w as seq,
    t.doc_id,
    d.path,
    d.title,
    d.issued_date,
    d.doc_type,
    t.table_no,
    t.row_no,
    t.task_id,
    t.content,
    t.owner,
    t.deadline_text,
    t.deadline,
    t.status_text,
    t.status,
    lag(t.deadline) over w as previous_deadline,
    coalesce(t.deadline > lag(t.deadline) over w, false) as slipped
from tasks t
join documents d on d.doc_id = t.doc_id
where t.task_key is not null
window w as (
    partition by t.task_key
    order by d.issued_date nulls last, t.doc_id, t.table_no nulls last, t.row_no nulls last, t.task_id
);
