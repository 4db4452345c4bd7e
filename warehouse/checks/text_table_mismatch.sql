-- text_table_mismatch: a count of tasks in the text ("còn 11 nhiệm vụ ... trễ hạn", "đã hoàn thành 3/8
-- nhiệm vụ") against the statuses of the same document's task tables (rows whose status is known).
with counts as (
    select doc_id,
           count(*) filter (where status = 'overdue') as overdue,
           count(*) filter (where status = 'extension_requested') as extension_requested,
           count(*) filter (where status = 'done') as done,
           count(*) filter (where status in ('in_progress', 'overdue', 'extension_requested', 'not_started'))
               as not_done,
           count(*) filter (where status = 'in_progress') as in_progress,
           count(*) as total
    from tasks
    where table_no is not null and status is not null and status <> 'unknown'
    group by doc_id
), claims as (
    select r.doc_id, r.label, f.figure_id, f.raw, f.base_value, f.quote, c.*,
           case r.label when 'overdue' then c.overdue when 'extension_requested' then c.extension_requested
                        when 'done' then c.done when 'not_done' then c.not_done end as table_count
    from relations r
    join figures f on f.figure_id = r.level_id
    join counts c on c.doc_id = r.doc_id
    where r.kind = 'task_count'
)
select 'text_table_mismatch' as check_id, 'error' as severity, doc_id, null::integer as other_doc_id,
       [figure_id] as figure_ids,
       format('văn bản ghi {} {}, bảng nhiệm vụ có {} (trễ hạn {}, xin gia hạn {}, đang thực hiện trong hạn {}, '
              'hoàn thành {}) — «{}»', raw,
              case label when 'overdue' then 'trễ hạn' when 'extension_requested' then 'xin gia hạn'
                         when 'done' then 'hoàn thành' else 'chưa hoàn thành' end,
              table_count, overdue, extension_requested, in_progress, done, quote) as message
from claims
where base_value <> table_count
