-- baocao warehouse schema (DuckDB). Table and column names of documents, figures, tasks and findings are
-- fixed by the public contract (../shared/contract.md); columns after the contract's are extensions.
-- figure_id, task_id and relation_id carry no primary-key index: the loader (warehouse/load.py Loader) is
-- the one writer and numbers them itself, and an index on each costs every load an index insert and grows
-- with the warehouse (~10% of the writer's time per document, bench/speed.py). documents keeps its keys.

create table if not exists documents (
    doc_id       integer primary key,
    path         varchar not null,
    sha256       varchar not null unique,
    format       varchar not null,          -- 'docx' | 'pdf'
    title        varchar,
    doc_type     varchar,
    issuer       varchar,
    doc_number   varchar,
    issued_date  date,
    is_draft     boolean,
    draft_no     integer,
    period_start date,
    period_end   date,
    period_label varchar,
    pages        integer,
    ingested_at  timestamp,
    -- extensions
    n_blocks     integer,
    ocr_pages    integer,
    warnings     varchar[]
);

create table if not exists figures (
    figure_id    integer not null,
    doc_id       integer not null,
    raw          varchar not null,
    value        double,
    unit         varchar,
    base_value   double,
    base_unit    varchar,
    qualifier    varchar,                   -- NULL | '>' | '>=' | '<' | '<=' | '~' | 'range_low' | 'range_high'
    indicator    varchar,
    subject      varchar,
    role         varchar,                   -- actual | target | change | share_of_target | norm | share | other
    basis        varchar,
    period_start date,
    period_end   date,
    quote        varchar not null,
    location     varchar not null,
    page         integer,
    char_start   integer not null,
    char_end     integer not null,
    -- extensions
    decimals     integer,                   -- digits after the decimal mark as written
    half_ulp     double,                    -- half a unit in the last written place, in base units
    label        varchar,                   -- status word attached in the text: đạt, không đạt, vượt ...
    ocr          boolean default false,
    kind         varchar,                   -- number | ratio_part | ratio_whole | range_low | range_high | multiple
    row_header   varchar,                   -- table cells: the row header path, joined with " › "
    col_header   varchar,                   -- table cells: the column header path, joined with " › "
    subject_key  varchar,                   -- the subject for grouping: case, spacing, function words folded; accents kept
    point_in_time boolean default false     -- a stock as of period_end (tính đến, lũy kế đến)
);

create table if not exists tasks (
    task_id       integer not null,
    doc_id        integer not null,
    table_no      integer,                  -- NULL for a task assigned in prose
    row_no        integer,
    stt           varchar,
    content       varchar not null,
    owner         varchar,
    deadline_text varchar,
    deadline      date,
    status_text   varchar,
    status        varchar,                  -- done | in_progress | overdue | extension_requested | not_started | unknown
    -- extensions
    task_key      integer,                  -- the same task across documents
    location      varchar,
    page          integer,
    co_owners     varchar,                  -- the Phối hợp agencies, joined with "; "
    product       varchar,                  -- sản phẩm đầu ra
    source        varchar                   -- 'table' | 'prose'
);

create table if not exists findings (
    finding_id   integer primary key,
    check_id     varchar not null,
    severity     varchar not null,          -- error | warning | info
    doc_id       integer,
    other_doc_id integer,
    figure_ids   integer[],
    message      varchar not null
);

-- relations the text states between figures ("171/280 (61,1%)"); the SQL checks join through it
create table if not exists relations (
    relation_id  integer not null,
    doc_id       integer not null,
    kind         varchar not null,          -- ratio | change | parts | status | task_count | total (whole_id = total, member_ids = parts)
    part_id      integer,
    whole_id     integer,
    share_id     integer,
    level_id     integer,
    abs_id       integer,
    pct_id       integer,
    member_ids   integer[],
    exhaustive   boolean,
    label        varchar
);

-- plain text of every block, so text-level checks (duplicates, placeholders) run in SQL
create table if not exists blocks (
    doc_id       integer not null,
    seq          integer not null,
    kind         varchar not null,
    location     varchar not null,
    page         integer,
    level        integer,
    text         varchar not null
);

-- the indicator catalog (rules/indicators.yaml), refreshed when the warehouse is opened for writing
create table if not exists indicators (
    id              varchar primary key,
    name            varchar not null,
    base_unit       varchar,
    growth_rate     boolean,
    lower_is_better boolean,
    one_time        boolean
);

-- files that could not be loaded, so an analyst can list them
create table if not exists failures (
    path         varchar not null,
    sha256       varchar,
    reason       varchar not null,
    failed_at    timestamp not null
);

-- ---- issue 16: document families and versions (warehouse/families.py recomputes them after every ingest,
-- ---- removal and check). Added with ALTER so warehouses made before them gain the columns.
alter table documents add column if not exists family_id varchar;        -- the files that are one document
alter table documents add column if not exists version_rank integer;     -- 1 = oldest version in the family
alter table documents add column if not exists is_latest boolean;        -- the family's newest file
alter table documents add column if not exists locality varchar;         -- "Lâm Đồng", "Lâm Đồng › xã Phú Mỹ"
alter table documents add column if not exists content_sketch ubigint[]; -- bottom-k hashes of its text's shingles
alter table findings add column if not exists finding_key varchar;      -- stable across runs: family + message
alter table findings add column if not exists suppressed boolean;         -- set aside in <db>.suppressions.yaml
alter table findings add column if not exists suppressed_reason varchar;
-- ---- end issue 16

-- columns added to figures and tasks since the first release (issues 14, 15), so warehouses made before them
-- gain the columns in the same order as a new warehouse has them
alter table figures add column if not exists row_header varchar;
alter table figures add column if not exists col_header varchar;
alter table figures add column if not exists subject_key varchar;
alter table figures add column if not exists point_in_time boolean default false;
alter table tasks add column if not exists co_owners varchar;
alter table tasks add column if not exists product varchar;
alter table tasks add column if not exists source varchar;

-- shards of a stage folder (`baocao extract --out`) already appended by `baocao load`: loading again skips them
create table if not exists loaded_stages (
    stage_id     varchar not null,          -- from the stage folder's stage.json
    shard        varchar not null,          -- one task's shard folder
    folder       varchar,                   -- where the stage was when it was loaded
    loaded_at    timestamp not null
);

-- units whose amounts are measured and rounded (rules/checks.yaml shares.measured_units), refreshed when the
-- warehouse is opened for writing: view share_arithmetic takes a whole number in any other unit as an exact count
create table if not exists measured_units (
    unit varchar not null
);
-- the day a document speaks from (its signing date, else its file's own date in the month its head names): an
-- `actual` of a period still running that day was counted up to it (warehouse/checks/value_conflict.sql)
alter table documents add column if not exists report_date date;
-- a catalogued figure's name for value_conflict when its subject is a long phrase of its own (the catalogue's
-- name; NULL: the check reads the subject), so that the subject stays the noun phrase a reader names
alter table figures add column if not exists check_name varchar;
