"""validate_stream(): one report per document, without reading everything first."""

from __future__ import annotations

import gc
import io
import os
import threading

import pytest

import ngojst

from conftest import AS_OF, DATA, SAMPLE

STREAM = DATA / "stream.yaml"


def test_path_stream():
    with ngojst.validate_stream(STREAM, as_of=AS_OF, lang="en") as s:
        assert s.position == 0
        reports = list(s)
    assert [r.document_index for r in reports] == [0, 1, 2]
    assert all(r.source == str(STREAM) and r.kind == "ProgrammeReport" for r in reports)
    assert [r.errors for r in reports] == [1, 0, 2]
    assert reports[0].findings[0].rule_id == "udpp.5a.3.submit"
    assert s.closed  # the C stream is freed when it ends


def test_text_bytes_and_file_streams_agree():
    text = STREAM.read_text(encoding="utf-8")
    want = [[(f.rule_id, f.line, f.column) for f in r.findings]
            for r in ngojst.validate_stream(STREAM, as_of=AS_OF)]
    sources = [text, text.encode(), io.BytesIO(text.encode()), io.StringIO(text)]
    with open(STREAM, "rb") as f:
        sources.append(f)
        for src in sources:
            got = [[(x.rule_id, x.line, x.column) for x in r.findings]
                   for r in ngojst.validate_stream(src, as_of=AS_OF)]
            assert got == want, type(src)


def test_source_names():
    text = STREAM.read_text(encoding="utf-8")
    assert {r.source for r in ngojst.validate_stream(text, as_of=AS_OF)} == {"<string>"}
    assert {r.source for r in ngojst.validate_stream(text, as_of=AS_OF, source_name="x.yaml")} == {"x.yaml"}
    with open(STREAM, "rb") as f:
        assert {r.source for r in ngojst.validate_stream(f, as_of=AS_OF)} == {str(STREAM)}


def test_file_object_read_through_its_descriptor_from_where_it_stands():
    with open(STREAM, "rb") as f:
        f.readline()  # Python buffers ahead; the stream must start after this line
        f.readline()
        f.readline()
        f.readline()
        f.readline()  # "---"
        reports = list(ngojst.validate_stream(f, as_of=AS_OF))
    assert len(reports) == 2


def test_pipe_is_read_incrementally():
    r_fd, w_fd = os.pipe()
    doc = b"kind: ProgrammeReport\nyear: 2025\nsubmitted_on: 2026-05-04\npublished_on: 2026-05-04\n"

    def writer():
        with os.fdopen(w_fd, "wb") as w:
            for i in range(200):
                w.write(doc + b"---\n")
            w.write(doc)

    t = threading.Thread(target=writer)
    t.start()
    with os.fdopen(r_fd, "rb") as r:
        reports = list(ngojst.validate_stream(r, as_of=AS_OF, source_name="<stdin>"))
    t.join()
    assert len(reports) == 201 and all(x.ok and x.source == "<stdin>" for x in reports)


def test_buffer_is_kept_alive():
    data = "\n---\n".join([SAMPLE.read_text(encoding="utf-8")] * 3)
    s = ngojst.validate_stream(data.encode(), as_of=AS_OF)
    del data
    gc.collect()
    # Overwrite freed memory, then read the stream.
    junk = [bytes(4096) for _ in range(1000)]
    assert [r.kind for r in s] == ["AnnualProgramme"] * 3
    del junk


def test_input_error_does_not_end_the_stream():
    text = ("kind: ProgrammeReport\nyear: 2025\n---\n"
            "kind: ProgrammeReport\nyaer: 2025\n---\n"
            "kind: ProgrammeReport\nyear: 2024\n")
    s = ngojst.validate_stream(text, as_of=AS_OF)
    assert next(s).document_index == 0
    with pytest.raises(ngojst.InputError) as ei:
        next(s)
    assert ei.value.diagnostics[0].path == "/yaer" and ei.value.line == 5
    assert s.position == 2  # the next document to read
    assert next(s).document_index == 2
    with pytest.raises(StopIteration):
        next(s)
    with pytest.raises(StopIteration):
        next(s)
    assert s.closed and s.position == 3


def test_parse_error_ends_the_stream():
    s = ngojst.validate_stream("kind: ProgrammeReport\nyear: 2025\n---\nkind: [\n---\nkind: ProgrammeReport\n",
                               as_of=AS_OF)
    assert next(s).ok is not None
    with pytest.raises(ngojst.ParseError):
        next(s)
    assert s.closed
    with pytest.raises(StopIteration):
        next(s)


def test_limit_error_ends_the_stream():
    s = ngojst.validate_stream(DATA / "alias-bomb.yaml", as_of=AS_OF)
    with pytest.raises(ngojst.LimitError):
        next(s)
    assert list(s) == []


def test_kind_and_lang():
    text = "year: 2025\nsubmitted_on: 2026-06-04\n---\nyear: 2024\n"
    reports = list(ngojst.validate_stream(text, kind="ProgrammeReport", as_of=AS_OF, lang="en"))
    assert [r.kind for r in reports] == ["ProgrammeReport"] * 2
    assert all(r.lang == "en" for r in reports)


def test_close_early():
    s = ngojst.validate_stream(STREAM, as_of=AS_OF)
    first = next(s)
    s.close()
    assert s.closed and list(s) == []
    assert s.position == 1  # where it stopped
    assert first.errors == 1  # reports outlive their stream
    first.to_json()


def test_bad_source_type():
    with pytest.raises(TypeError):
        ngojst.validate_stream(42, as_of=AS_OF)
    with pytest.raises(TypeError):
        ngojst.validate_stream({"kind": "AnnualProgramme"}, as_of=AS_OF)


def test_reports_format_together_like_the_cli():
    reports = list(ngojst.validate_stream(STREAM, as_of=AS_OF, lang="en"))
    text = ngojst.format_reports(reports, "text")
    assert text.endswith("3 errors, 0 warnings, 0 notes in 3 documents\n")


def test_empty_input_yields_nothing():
    for src in ("", b"", "# only a comment\n"):
        s = ngojst.validate_stream(src, as_of=AS_OF)
        assert list(s) == [] and s.position == 0
