-- One task followed through every report that lists it: deadlines, statuses, and where it slipped.
select seq, issued_date, path, content, owner, deadline_text, deadline, previous_deadline, slipped, status
from task_history
where task_key = 7003
order by seq;
