"""`miitdata.verify` and `miitdata verify`: the claim benchmark (tests/claims/claims.csv), the JSON contract,
the evidence, exit codes, `--file`, and the number and period readers under varied input."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT, run_inproc

CLAIMS = ROOT / "tests" / "claims" / "claims.csv"
CONTRACT = {"claim", "verdict", "version", "figures"}
FIGURE_KEYS = {"text", "verdict", "observation_id", "reason", "evidence"}
EVIDENCE_KEYS = {"mention_id", "source_id", "start", "end", "exact"}


def claim_rows() -> list[dict[str, str]]:
    with CLAIMS.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def checker():  # type: ignore[no-untyped-def]
    from miitdata.verify import verifier

    return verifier()


@cache
def source_texts() -> dict[str, str]:
    rows = csv.DictReader((ROOT / "data" / "sources.csv").open(encoding="utf-8", newline=""))
    return {r["source_id"]: (ROOT / r["path"]).read_text(encoding="utf-8") for r in rows}


def test_benchmark_is_what_the_issue_asks() -> None:
    rows = claim_rows()
    assert len(rows) >= 100
    langs = [r["lang"] for r in rows]
    assert abs(langs.count("zh") - langs.count("en")) <= len(rows) // 10
    kinds = {r["kind"] for r in rows}
    assert {"true", "value", "year", "region", "scale", "unit", "comparator", "unstated"} <= kinds
    ids = {r["claim_id"]: r for r in rows}
    for r in rows:  # a false claim changes exactly one thing of a true one
        if r["derived_from"]:
            assert ids[r["derived_from"]]["kind"] == "true", r["claim_id"]
            assert r["expected"] == "contradicted" and r["differs"] == r["kind"], r["claim_id"]
    # the claims are paraphrases, not copies of the quotes
    quotes = [q["exact"] for q in csv.DictReader((ROOT / "data" / "mentions.csv").open(encoding="utf-8"))]
    assert not [r["claim_id"] for r in rows if any(r["claim"].rstrip("。.") == q for q in quotes)]


@pytest.mark.parametrize("row", claim_rows(), ids=lambda r: r["claim_id"])
def test_claim_verdict(row: dict[str, str]) -> None:
    result = checker().verify(row["claim"])
    shown = json.dumps(result.to_dict(), ensure_ascii=False)[:1500]
    assert result.verdict == row["expected"], shown
    if row["differs"]:
        assert row["differs"] in {f.differs for f in result.figures if f.verdict == "contradicted"}, shown
        assert any(f.reason.startswith(row["differs"] + ":") for f in result.figures), shown


def test_no_false_supported() -> None:
    wrong = [
        r["claim_id"]
        for r in claim_rows()
        if r["expected"] != "supported" and checker().verify(r["claim"]).verdict == "supported"
    ]
    assert wrong == []


def test_json_contract_and_evidence_are_the_sources_text() -> None:
    texts = source_texts()
    for row in claim_rows()[::7]:
        data = checker().verify(row["claim"]).to_dict()
        assert set(data) == CONTRACT
        assert data["version"] == checker().version
        for fig in data["figures"]:
            assert set(fig) == FIGURE_KEYS
            if fig["verdict"] in ("supported", "contradicted"):
                assert fig["observation_id"] and fig["evidence"], fig
            for ev in fig["evidence"]:
                assert set(ev) == EVIDENCE_KEYS
                assert texts[ev["source_id"]][ev["start"] : ev["end"]] == ev["exact"]


def test_overall_verdict_combines_the_figures() -> None:
    mixed = checker().verify("2021年，四川工业增加值增长到1.54万亿元，是2012年的1.6倍，年均增速达到9%。")
    assert [f.verdict for f in mixed.figures] == ["supported", "supported", "contradicted"]
    assert mixed.verdict == "contradicted" and mixed.exit_code == 1
    none = checker().verify("工业和信息化部召开新闻发布会。")
    assert none.figures == () and none.verdict == "not_found" and none.exit_code == 3


def test_verify_is_lazy_and_callable() -> None:
    code = (
        "import sys, miitdata; heavy = [m for m in ('pandas', 'pandera', 'miitdata.verify')"
        " if m in sys.modules];"
        "r = miitdata.verify('2021年四川全部工业增加值达1.54万亿元。'); import miitdata.verify as v;"
        "print(heavy, r.verdict, callable(miitdata.verify), v('四川2021年工业增加值1.54亿元').verdict)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["[]", "supported", "True", "contradicted"]


def test_cli_exit_codes_and_formats() -> None:
    ok = run_inproc("verify", "2021年，西部地区规上工业增加值占全国的比重升至19.21%。")
    assert ok.returncode == 0 and ok.stdout.startswith("SUPPORTED") and "O0009" in ok.stdout
    bad = run_inproc(
        "verify", "Sichuan's industrial value added reached 1.54 billion yuan in 2021.", "--format", "json"
    )
    data = json.loads(bad.stdout)
    assert bad.returncode == 1 and set(data) == CONTRACT and data["figures"][0]["reason"].startswith("scale:")
    missing = run_inproc("verify", "China's 5G base stations exceeded 3.3 million by the end of 2023.")
    assert missing.returncode == 3 and missing.stdout.startswith("NOT_FOUND")
    vague = run_inproc("verify", "全国先进制造业集群数量为30个。", "-f", "json")
    assert vague.returncode == 3 and json.loads(vague.stdout)["verdict"] == "ambiguous"


def test_cli_file_checks_one_claim_a_line(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "# an article\n2021年，西部地区规上工业增加值占全国的比重升至19.21%。\n\n"
        "China now has 45 national advanced manufacturing clusters.\n",
        encoding="utf-8",
    )
    good = run_inproc("verify", "--file", str(article), "--format", "json")
    results = json.loads(good.stdout)
    assert good.returncode == 0 and [r["verdict"] for r in results] == ["supported", "supported"]
    article.write_text(
        article.read_text(encoding="utf-8") + "2021年四川全部工业增加值达1.54亿元。\n", encoding="utf-8"
    )
    mixed = run_inproc("verify", "--file", str(article))
    assert mixed.returncode == 1 and mixed.stdout.count("SUPPORTED") == 2 and "CONTRADICTED" in mixed.stdout


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((), "claim-invalid"),
        (("a claim", "--file", "x.txt"), "claim-invalid"),
        (("   ",), "claim-invalid"),
        (("x" * 20_000,), "claim-invalid"),
        (("--file", "/nonexistent/claims.txt"), "claims-unreadable"),
        (("--file", "."), "claims-unreadable"),
        (("a claim", "--format", "csv"), ""),
    ],
)
def test_cli_refuses_bad_input(args: tuple[str, ...], code: str) -> None:
    result = run_inproc("verify", *args)
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr and f"[{code}]" in result.stderr if code else True


def test_cli_file_not_utf8(tmp_path: Path) -> None:
    bad = tmp_path / "claims.txt"
    bad.write_bytes("西部".encode("gb18030") + b"\n")
    result = run_inproc("verify", "--file", str(bad))
    assert result.returncode == 2 and "[claims-unreadable]" in result.stderr


# ---- property tests: the readers under varied input


@st.composite
def amounts(draw: st.DrawFn) -> tuple[str, float]:
    """An amount in 亿元 written as articles write it, with its value in 亿元."""
    mantissa = draw(st.integers(min_value=1, max_value=9999))
    decimals = draw(st.integers(min_value=0, max_value=2))
    value = mantissa / 10**decimals
    text = f"{value:.{decimals}f}"
    form = draw(st.sampled_from(["亿元", "万亿元", " billion yuan", " trillion yuan", " million yuan"]))
    factor = {
        "亿元": 1,
        "万亿元": 10**4,
        " billion yuan": 10,
        " trillion yuan": 10**4,
        " million yuan": 0.01,
    }[form]
    return text + form, value * factor


@given(amounts(), st.sampled_from(["投资额达到{}", "the investment reached {} in 2022", "{}的产值"]))
@settings(max_examples=60, deadline=None)
def test_figures_read_amounts_in_any_scale(amount: tuple[str, float], frame: str) -> None:
    from miitdata.numbers import to_unit
    from miitdata.verify.figures import find_figures
    from miitdata.verify.periods import find_times

    text, value = amount
    sentence = frame.format(text)
    hidden = [(t.start, t.end) for t in find_times(sentence)]
    figures = find_figures(sentence, hidden)
    assert len(figures) == 1, (sentence, figures)
    got, _ = to_unit(figures[0].number, "100m-yuan")
    assert got == pytest.approx(value, rel=1e-9)


@given(st.integers(min_value=1990, max_value=2030), st.integers(min_value=1, max_value=9))
@settings(max_examples=60, deadline=None)
def test_periods_read_years_and_spans(year: int, span: int) -> None:
    from miitdata.verify.periods import find_times

    for text, period in [
        (f"{year}年，工业增加值增长", str(year)),
        (f"In {year}, output grew", str(year)),
        (f"{year}—{year + span}年，年均增长", f"{year}/{year + span}"),
        (f"from {year} to {year + span}, it grew", f"{year}/{year + span}"),
        (f"截至{year}年底", f"{year}-12-31"),
        (f"the first half of {year}", f"{year}-H1"),
    ]:
        found = [t for t in find_times(text) if t.kind == "abs"]
        assert [t.period for t in found] == [period], text


@given(st.sampled_from(claim_rows()), st.sampled_from([10**4, 10**-4, 10**3, 10**-3]))
@settings(max_examples=40, deadline=None)
def test_a_figure_off_by_a_scale_is_never_supported(row: dict[str, str], factor: float) -> None:
    """Multiply every figure of a claim by a scale step: whatever the verdict, never `supported`."""
    import re

    if row["expected"] != "supported":
        return

    def scaled(m: re.Match[str]) -> str:
        return f"{float(m.group(0).replace(',', '')) * factor:g}"

    changed = re.sub(r"(?<![0-9年])[0-9][0-9,]*(?:\.[0-9]+)?(?![0-9]*\s*年)(?!-[0-9])", scaled, row["claim"])
    changed = re.sub(r"\b(19|20)[0-9]{2}\b", lambda m: m.group(0), changed)
    if changed == row["claim"]:
        return
    assert checker().verify(changed).verdict != "supported", changed


_CHARS = "0123456789.,%年月亿万千百十一二三四五六七八九两近超过以上"
_CHARS += "约西部东北四川增长 -–—/abcdefghijklmnopqrstuvwxyz$"
_WORDS = [
    "trillion",
    "billion",
    " in 2021",
    "percent",
    "percentage points",
    "nearly",
    "more than",
    "倍",
    "成",
]
ALPHABET = st.sampled_from(
    [*_CHARS, *_WORDS, "个百分点", "\x00", "\u202e", "🙂", "2012-21", "去年", "last year"]
)


@given(st.lists(ALPHABET, max_size=40).map("".join))
@settings(max_examples=150, deadline=None)
def test_any_text_gets_a_verdict_never_an_exception(text: str) -> None:
    from miitdata.verify import VERDICTS

    result = checker().verify(text)
    assert result.verdict in VERDICTS
    assert set(result.to_dict()) == CONTRACT and result.to_text()


@pytest.mark.parametrize(
    ("claim", "differs"),
    [
        ("In 2021, Sichuan's industrial value added reached $1.54 trillion.", "unit"),
        ("2021年四川工业增加值达到1.54万亿美元。", "unit"),
        (
            "By the end of 2021, Beijing had moved out well over 3,000 general manufacturing enterprises.",
            "comparator",
        ),
        ("截至2021年底，北京疏解一般制造业企业多达3000家以上。", "comparator"),
    ],
)
def test_other_currencies_and_hedges_are_not_supported(claim: str, differs: str) -> None:
    result = checker().verify(claim)
    assert result.verdict == "contradicted" and [f.differs for f in result.figures] == [differs], result
