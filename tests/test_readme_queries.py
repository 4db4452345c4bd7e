"""Every ```sql block of the README's analyst section runs against the samples' warehouse and returns rows, and
so does every ```python block (the same questions through warehouse.api)."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import duckdb
import pytest
from support import ROOT, SAMPLES

from extract.settings import Settings
from warehouse.batch import run_ingest

START, END = "<!-- analyst:start -->", "<!-- analyst:end -->"


def analyst_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.count(START) == 1 and text.count(END) == 1, "README.md lacks the analyst section markers"
    return text[text.index(START) : text.index(END)]


def sql_blocks() -> list[str]:
    return re.findall(r"^```sql\n(.*?)^```", analyst_section(), flags=re.S | re.M)


def python_blocks() -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", analyst_section(), flags=re.S | re.M)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("readme") / "samples.duckdb"
    assert run_ingest([str(SAMPLES)], Settings(db=str(db), workers=2), progress=False) == 0
    con = duckdb.connect(str(db))
    # `baocao check` fills findings; these stand in for its output so the findings queries have rows
    ids = con.execute(
        "select list(figure_id order by figure_id) from figures where indicator = 'grdp_growth' and doc_id = 7"
    ).fetchone()[0]
    con.executemany(
        "insert into findings (finding_id, check_id, severity, doc_id, other_doc_id, figure_ids, message) "
        "values (?, ?, ?, ?, ?, ?, ?)",
        [
            (1, "status_mismatch", "error", 7, None, ids[:2], "Tăng trưởng thấp hơn kế hoạch nhưng ghi đạt"),
            (2, "cross_doc_value", "warning", 1, 7, [ids[0]], "Hai văn bản ghi khác nhau"),
        ],
    )
    con.close()
    return db


def test_the_section_has_the_five_questions_and_an_example_per_view():
    blocks = sql_blocks()
    assert len(blocks) >= 9
    for view in ("indicator_series", "latest_figures", "open_findings", "task_history"):
        assert any(view in b for b in blocks), f"no example query for {view}"


@pytest.mark.parametrize("sql", sql_blocks(), ids=lambda s: " ".join(s.split())[:60])
def test_readme_query_runs_and_returns_rows(warehouse, sql):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        cur = con.execute(sql)
        rows = cur.fetchall()
        cols = [d[0] for d in cur.description]
    finally:
        con.close()
    assert rows, "the example returns nothing on the samples"
    assert len(cols) == len(set(cols)) and all(len(r) == len(cols) for r in rows)


def test_the_python_section_answers_the_five_questions():
    blocks = python_blocks()
    assert "Warehouse()" in blocks[0]
    assert [b.splitlines()[0][:4] for b in blocks[1:]] == ["# 1.", "# 2.", "# 3.", "# 4.", "# 5."]


def test_readme_python_runs_in_order_and_each_answer_has_rows(warehouse, tmp_path, monkeypatch):
    import pandas as pd

    # the snippets open the default warehouse/baocao.duckdb of the current directory, as an analyst would
    (tmp_path / "warehouse").mkdir()
    shutil.copy(warehouse, tmp_path / "warehouse" / "baocao.duckdb")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    setup, *answers = python_blocks()
    exec(compile(setup, "README setup", "exec"), namespace)
    for block in answers:
        tree = ast.parse(block)
        last = tree.body.pop()
        assert isinstance(last, ast.Expr), f"the block should end with its answer: {block.splitlines()[0]}"
        exec(compile(tree, "README", "exec"), namespace)
        answer = eval(compile(ast.Expression(last.value), "README", "eval"), namespace)
        assert isinstance(answer, pd.DataFrame) and len(answer) > 0, block.splitlines()[0]
        assert answer.columns.is_unique
