-- open_findings: the findings of the last `baocao check`, with the documents' path and title, errors first;
-- findings set aside in the suppressions file are left out.
create or replace view open_findings as
select
    f.finding_id,
    f.severity,
    case f.severity when 'error' then 1 when 'warning' then 2 when 'info' then 3 else 4 end as severity_rank,
    f.check_id,
    f.doc_id,
    d.path,
    d.title,
    f.other_doc_id,
    o.path as other_path,
    o.title as other_title,
    f.figure_ids,
    f.message
from findings f
left join documents d on d.doc_id = f.doc_id
left join documents o on o.doc_id = f.other_doc_id
where not coalesce(f.suppressed, false)
order by severity_rank, f.doc_id nulls last, f.check_id, f.finding_id;
