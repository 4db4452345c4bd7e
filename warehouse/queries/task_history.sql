-- task_history with `overdue` at the date $as_of: stated overdue, or the deadline is past and the task is not
-- done (the rule of the report's task board). warehouse/api.py Warehouse.tasks(history=True).
select
    h.*,
    coalesce(h.status = 'overdue' or (h.deadline < $as_of and h.status is distinct from 'done'), false) as overdue
from task_history h
