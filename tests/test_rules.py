"""Rule data: every file in rules/ loads, says where its terms come from, and malformed data fails loudly."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import catalog
from extract.settings import SETTINGS_DOC, Settings

RULES = Path(catalog.RULES_DIR)
LOADERS = {
    "indicators": lambda: catalog.indicators(),
    "numbers": lambda: __import__("extract.language.numbers", fromlist=["_rules"])._rules(),
    "units": lambda: __import__("extract.language.numbers", fromlist=["_rules"])._rules(),
    "cues": lambda: __import__("extract.figures.rules", fromlist=["rules"]).rules(),
    "periods": lambda: __import__("extract.language.periods", fromlist=["_patterns"])._patterns(),
    "documents": lambda: __import__("extract.metadata", fromlist=["_rules"])._rules(),
    "tables": lambda: __import__("extract.figures.table_cells", fromlist=["_rules"])._rules(),
    "checks": lambda: __import__("extract.figures.relations", fromlist=["_rules"])._rules(),
    "families": lambda: __import__("warehouse.families", fromlist=["_rules"])._rules(),
    "sentences": lambda: __import__("extract.language.sentences", fromlist=["_rules"])._rules(),
    "labels": lambda: __import__("warehouse.api", fromlist=["labels"]).labels(),
    "label_lines": lambda: __import__("extract.figures.label_lines", fromlist=["_rules"])._rules(),
    "ocr": lambda: __import__("extract.language.text", fromlist=["_ocr_fixes"])._ocr_fixes(),
    "measures": lambda: __import__("extract.figures.measures", fromlist=["measure_words"]).measure_words(),
    "quotas": lambda: __import__("extract.figures.quotas", fromlist=["quota_phrase"]).quota_phrase(),
    "share_roles": lambda: __import__("extract.figures.share_roles", fromlist=["share_words"]).share_words(),
    "label_units": lambda: __import__("extract.figures.text_cells", fromlist=["_label_words"])._label_words(),
    "structures": lambda: __import__("extract.figures.structures", fromlist=["structure_words"]).structure_words(),
    "extents": lambda: __import__("extract.language.subjects", fromlist=["extent_words"]).extent_words(),
}


@pytest.mark.parametrize("path", sorted(RULES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_rule_file_names_its_sources_and_loads(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(f"# rules/{path.name} —"), first
    assert catalog.load(path.stem) is not None
    if path.stem in LOADERS:
        assert LOADERS[path.stem]()


@pytest.mark.parametrize("path", sorted(RULES.glob("*.yaml")), ids=lambda p: p.name)
def test_the_c_loader_reads_the_same_data_as_the_python_one(path):
    import yaml

    text = path.read_text(encoding="utf-8")
    assert catalog.loader() is getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    assert yaml.load(text, Loader=catalog.loader()) == yaml.load(text, Loader=yaml.SafeLoader)


def _entry(id_, names):
    return {"id": id_, "names": names, "base_unit": "%", "growth_rate": False}


def test_indicator_catalog_rejects_malformed_data():
    good = [_entry(i, [f"tên {i}"]) for i in catalog.CONTRACT_INDICATORS]
    assert len(catalog.validate_indicators(good)) == len(catalog.CONTRACT_INDICATORS)
    with pytest.raises(catalog.RuleError, match="duplicate id"):
        catalog.validate_indicators(good + [_entry("grdp_growth", ["khác"])])
    with pytest.raises(catalog.RuleError, match="alias"):
        catalog.validate_indicators(good + [_entry("extra", ["tên grdp_growth"])])
    with pytest.raises(catalog.RuleError, match="unknown keys"):
        catalog.validate_indicators([{**good[0], "colour": "red"}] + good[1:])
    with pytest.raises(catalog.RuleError, match="contract ids missing"):
        catalog.validate_indicators(good[1:])


def test_every_setting_is_documented_in_code_and_readme():
    readme = (RULES.parent / "README.md").read_text(encoding="utf-8")
    for name in Settings.__dataclass_fields__:
        assert name in SETTINGS_DOC, name
        assert f"`{name}`" in readme, f"README lacks a row for setting {name}"


def test_ci_runs_the_readme_test_command():
    root = RULES.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0].strip() for b in readme.split("```sh\n")[1:3]]
    ci = (root / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci == blocks[1]
    assert blocks[0].startswith("sh scripts/setup.sh && ") and "baocao ingest samples/" in blocks[0]
