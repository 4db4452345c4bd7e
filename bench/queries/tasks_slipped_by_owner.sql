-- Who keeps moving deadlines: slipped deadlines per owner in one province, worst first.
select owner, count(*) as slipped, count(distinct task_key) as tasks, max(issued_date) as last_seen
from task_history
where slipped and path like '%#07-%'
group by owner
order by slipped desc, owner
limit 20;
