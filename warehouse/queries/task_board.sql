-- task_board: each task (task_key) as the latest document listing it states it, like the report's task board,
-- with `overdue` at the date $as_of (stated overdue, or the deadline is past and the task is not done), the
-- deadline it first had, whether it ever `slipped` (moved later) and how many documents list it.
-- warehouse/api.py Warehouse.tasks().
with history as (
    select
        h.*,
        first_value(h.deadline) over (partition by h.task_key order by h.seq) as first_deadline,
        bool_or(h.slipped) over (partition by h.task_key) as ever_slipped,
        count(*) over (partition by h.task_key) as n_documents,
        max(h.seq) over (partition by h.task_key) as last_seq
    from task_history h
)
select
    task_key, seq, doc_id, path, title, issued_date, doc_type, table_no, row_no, task_id, content, owner,
    deadline_text, deadline, status_text, status, first_deadline, previous_deadline,
    ever_slipped as slipped,
    coalesce(status = 'overdue' or (deadline < $as_of and status is distinct from 'done'), false) as overdue,
    n_documents
from history
where seq = last_seq
