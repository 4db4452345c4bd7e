"""Rule data: loads `rules/*.yaml` once, validates it, and hands out read-only catalogs.

Like dateparser's language data, the words live in YAML and the engine applies them; a malformed file
(unknown keys, duplicate ids or aliases) fails loudly at load time instead of silently mis-attributing.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

RULES_DIR = Path(os.environ.get("BAOCAO_RULES", Path(__file__).resolve().parent.parent / "rules"))


class RuleError(ValueError):
    pass


@cache
def loader():
    """libyaml's loader when PyYAML was built with it: the same data as SafeLoader (tests/test_rules.py compares
    them on every rule file), ~9x faster. PyYAML is imported here, on the first parse: a worker whose rule files
    come from the pattern cache file (`preload`) never imports it."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Rule files parsed by an earlier worker, by name, from the pattern cache file (extract/pattern_cache.py, whose
# name holds a hash of every rule file's bytes): unpickling them costs ~1 ms where parsing the ~20 a worker
# reads costs ~20 ms of its start. `parsed` is what this process has read, for that file.
_preloaded: dict[str, object] = {}
_parsed: dict[str, object] = {}


def preload(data: dict[str, object]) -> None:
    """Take these parsed rule files (name -> content, as `load` returns it) instead of parsing them again; each
    is used once, by the first `load` of its name (a file already loaded keeps what it has)."""
    _preloaded.update((name, content) for name, content in data.items() if name not in _parsed)


def parsed() -> dict[str, object]:
    """The rule files this process has loaded so far: name -> content."""
    return dict(_parsed)


@cache
def load(name: str):
    """Parsed content of rules/<name>.yaml (NFC-normalised strings)."""
    if name in _preloaded:
        data = _preloaded.pop(name)
    else:
        path = RULES_DIR / f"{name}.yaml"
        if not path.exists():
            raise RuleError(f"missing rule file {path}")
        import yaml

        with path.open(encoding="utf-8") as fh:
            data = _nfc_all(yaml.load(fh, Loader=loader()))
    _parsed[name] = data
    return data


def with_keys(name: str, data, keys) -> dict:
    """`data`, the content of rules/<name>.yaml, when it is a mapping with exactly `keys`; else a RuleError naming
    the file and the keys it needs."""
    if not isinstance(data, dict) or set(data) != set(keys):
        raise RuleError(f"{name}.yaml: expected the keys {', '.join(sorted(keys))}")
    return data


def _nfc_all(obj):
    if isinstance(obj, str):
        return unicodedata.normalize("NFC", obj)
    if isinstance(obj, list):
        return [_nfc_all(x) for x in obj]
    if isinstance(obj, dict):
        return {_nfc_all(k): _nfc_all(v) for k, v in obj.items()}
    return obj


@dataclass(frozen=True)
class Indicator:
    id: str
    names: tuple[str, ...]
    base_unit: str
    growth_rate: bool
    lower_is_better: bool = False
    one_time: bool = False
    unit_aliases: tuple[str, ...] = ()


_INDICATOR_KEYS = {"id", "names", "base_unit", "growth_rate", "lower_is_better", "one_time", "unit_aliases"}
CONTRACT_INDICATORS = (
    "grdp_growth grdp_growth_sector1 grdp_growth_sector2 grdp_growth_sector3 budget_revenue "
    "budget_expenditure export_turnover import_turnover public_investment_disbursement "
    "total_social_investment retail_sales iip_growth tourist_arrivals international_tourist_arrivals "
    "tourism_revenue new_enterprises health_insurance_coverage national_standard_schools jobs_created "
    "hightech_agri_area social_housing_units party_admissions voter_turnout traffic_accidents"
).split()


@cache
def indicators() -> tuple[Indicator, ...]:
    return validate_indicators(load("indicators"))


def validate_indicators(entries: list[dict]) -> tuple[Indicator, ...]:
    """Indicator entries checked: known keys, unique ids and aliases, every contract id present."""
    seen_ids: set[str] = set()
    seen_names: dict[str, str] = {}
    out = []
    for e in entries:
        unknown = set(e) - _INDICATOR_KEYS
        if unknown:
            raise RuleError(f"indicators.yaml: unknown keys {sorted(unknown)} in {e.get('id')}")
        if e["id"] in seen_ids:
            raise RuleError(f"indicators.yaml: duplicate id {e['id']}")
        seen_ids.add(e["id"])
        for name in e["names"]:
            key = name.lower()
            if key in seen_names and seen_names[key] != e["id"]:
                raise RuleError(f"indicators.yaml: alias {name!r} in both {seen_names[key]} and {e['id']}")
            seen_names[key] = e["id"]
        out.append(
            Indicator(
                id=e["id"],
                names=tuple(e["names"]),
                base_unit=e["base_unit"],
                growth_rate=bool(e["growth_rate"]),
                lower_is_better=bool(e.get("lower_is_better", False)),
                one_time=bool(e.get("one_time", False)),
                unit_aliases=tuple(e.get("unit_aliases", ())),
            )
        )
    missing = set(CONTRACT_INDICATORS) - seen_ids
    if missing:
        raise RuleError(f"indicators.yaml: contract ids missing: {sorted(missing)}")
    return tuple(out)


def indicator(id_: str) -> Indicator | None:
    return next((i for i in indicators() if i.id == id_), None)
