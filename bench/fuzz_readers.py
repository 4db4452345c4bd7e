"""Fuzz the readers: mutated samples (bytes, and DOCX parts re-zipped so the XML parser sees them) must
give a Document or a plain-words reason — never another exception, a hang, or a crash. Not run in CI.

    .venv/bin/python bench/fuzz_readers.py --minutes 3

Inputs are drawn by hypothesis from the committed samples; each outcome is counted by its kind, and every
unexpected exception or input slower than --slow seconds is saved under --out for a regression test.
"""

from __future__ import annotations

import argparse
import collections
import faulthandler
import hashlib
import io
import signal
import sys
import time
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.pipeline import ExtractError, extract_file  # noqa: E402
from extract.settings import Settings  # noqa: E402

SAMPLES = sorted((ROOT / "samples").glob("*.docx")) + sorted((ROOT / "samples").glob("*.pdf"))
# fragments a hostile or broken file would carry: structure the parsers must survive
XML_TOKENS = [
    b"<w:tbl>",
    b"<w:tr>",
    b"<w:tc>",
    b'<w:gridSpan w:val="999999999"/>',
    b'<w:vMerge w:val="restart"/>',
    b"<!DOCTYPE x [<!ENTITY a 'b'>]>",
    b"&a;",
    b"&#0;",
    b"\x00",
    b"<w:p>",
    b"</w:p>",
    b"<w:t>",
    b"]]>",
    b'<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>',
    b"\xff\xfe",
    b'<w:footnoteReference w:id="1"/>',
]
PDF_TOKENS = [
    b"/Length 999999999",
    b" obj ",
    b"endobj",
    b"<<",
    b">>",
    b"/Type /Page",
    b"/Count -1",
    b"stream\n",
    b"endstream",
    b"/Filter /FlateDecode",
    b"%%EOF",
    b"/Kids [1 0 R]",
    b"/Encrypt 1 0 R",
    b"9999999999",
]


class _Hang(Exception):
    pass


def _alarm(signum, frame):
    raise _Hang()


def mutate_bytes(data: bytes, draw, tokens: list[bytes]) -> bytes:
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "cut", "dup", "token", "truncate"]))
        pos = draw(st.integers(0, max(len(buf) - 1, 0)))
        if op == "flip" and buf:
            buf[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == "cut":
            del buf[pos : pos + draw(st.integers(1, 4096))]
        elif op == "dup":
            buf[pos:pos] = buf[pos : pos + draw(st.integers(1, 4096))] * draw(st.integers(1, 50))
        elif op == "token":
            buf[pos:pos] = draw(st.sampled_from(tokens)) * draw(st.integers(1, 200))
        elif op == "truncate":
            del buf[pos:]
    return bytes(buf)


def mutate_docx_part(data: bytes, draw) -> bytes:
    """A well-formed zip whose parts are mutated: reaches python-docx and the XML parser."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        names = [i.filename for i in zin.infolist()]
        victim = draw(st.sampled_from([n for n in names if n.endswith(".xml")] or names))
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for name in names:
                body = zin.read(name)
                zout.writestr(name, mutate_bytes(body, draw, XML_TOKENS) if name == victim else body)
    return out.getvalue()


def run(minutes: float, out: Path, slow: float) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    faulthandler.enable()
    signal.signal(signal.SIGALRM, _alarm)
    cfg = Settings().resolve(workers=1)
    stats = {
        "inputs": 0,
        "documents": 0,
        "reasons": collections.Counter(),
        "unexpected": collections.Counter(),
        "hangs": 0,
        "slowest_s": 0.0,
    }
    work = out / "input"

    @settings(
        max_examples=50,
        deadline=None,
        database=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def one(data):
        sample = data.draw(st.sampled_from(SAMPLES))
        raw = sample.read_bytes()
        if sample.suffix == ".docx" and data.draw(st.booleans()):
            mutated = mutate_docx_part(raw, data.draw)
        else:
            mutated = mutate_bytes(raw, data.draw, PDF_TOKENS if sample.suffix == ".pdf" else XML_TOKENS)
        path = work.with_suffix(sample.suffix)
        path.write_bytes(mutated)
        stats["inputs"] += 1
        started = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, slow * 4)
        try:
            extract_file(path, cfg)
            stats["documents"] += 1
        except ExtractError as exc:
            stats["reasons"][str(exc).split(" (")[0][:60]] += 1
        except _Hang:
            stats["hangs"] += 1
            _save(out, "hang", sample.suffix, mutated)
        except Exception as exc:  # the finding this script exists for
            stats["unexpected"][f"{type(exc).__name__}: {str(exc)[:80]}"] += 1
            _save(out, type(exc).__name__, sample.suffix, mutated)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        took = time.perf_counter() - started
        stats["slowest_s"] = max(stats["slowest_s"], round(took, 2))
        if took > slow:
            _save(out, "slow", sample.suffix, mutated)

    deadline = time.monotonic() + minutes * 60
    while time.monotonic() < deadline:
        one()
    return stats


def _save(out: Path, kind: str, suffix: str, data: bytes) -> None:
    (out / f"{kind}-{hashlib.sha256(data).hexdigest()[:12]}{suffix}").write_bytes(data)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=3.0)
    ap.add_argument("--slow", type=float, default=20.0, help="seconds after which an input is saved as slow")
    ap.add_argument("--out", type=Path, default=Path("/tmp/baocao-fuzz"))
    args = ap.parse_args()
    started = time.perf_counter()
    stats = run(args.minutes, args.out, args.slow)
    secs = time.perf_counter() - started
    print(
        f"{stats['inputs']} inputs in {secs:.0f} s ({stats['inputs'] / secs:.1f}/s): "
        f"{stats['documents']} read, {sum(stats['reasons'].values())} refused with a reason, "
        f"{sum(stats['unexpected'].values())} unexpected exceptions, {stats['hangs']} hangs, "
        f"slowest {stats['slowest_s']} s"
    )
    for reason, n in stats["reasons"].most_common(12):
        print(f"  reason  {n:5d}  {reason}")
    for err, n in stats["unexpected"].most_common():
        print(f"  UNEXPECTED {n:5d}  {err}")
    sys.exit(1 if stats["unexpected"] or stats["hangs"] else 0)


if __name__ == "__main__":
    main()
