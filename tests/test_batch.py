"""Batches from Python: extract_many and extract_iter — order, errors, bad input, Ctrl-C, the
GIL, and fork()."""
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

import presscut
from synthetic import records

HERE = Path(__file__).parent
FIXTURE = (HERE / "fixtures" / "lavrov.txt").read_text(encoding="utf-8")


def run_python(code: str, timeout: float = 120) -> str:
    """Runs `code` in a fresh interpreter (signals and fork are process-wide) and returns its
    standard output; a hang fails the test at `timeout`."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=timeout, cwd=HERE)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_extract_iter_keeps_input_order_and_equals_extract_many():
    docs = records(60)
    many = presscut.extract_many(docs, threads=2)
    lazy = list(presscut.extract_iter(iter(docs), threads=2))
    assert [a.id for a in lazy] == [d["id"] for d in docs]
    assert lazy == many


def test_extract_iter_reads_its_input_lazily_with_bounded_look_ahead():
    pulled = 0

    def gen():
        nonlocal pulled
        for d in records(200):
            pulled += 1
            yield d

    it = presscut.extract_iter(gen(), threads=2)
    assert pulled == 0, "nothing is read before the first next()"
    first = next(it)
    assert first.id == "a0"
    assert pulled <= 2 * 4 + 1, f"{pulled} documents read for the first article"
    for _ in range(50):
        next(it)
    assert pulled <= 51 + 2 * 4 + 1
    assert sum(1 for _ in it) == 200 - 51


def test_errors_are_per_record_or_raised():
    docs = ["A plain text article about the council meeting on Tuesday.",
            {"id": "no-text"},
            None,
            {"id": "both", "text": "x", "html": "<p>x</p>"},
            {"id": "bad-date", "text": "x", "published": "someday"},
            b"Bytes are fine too.",
            42]
    out = presscut.extract_many(docs, errors="return")
    kinds = [o.kind if isinstance(o, presscut.ExtractionError) else "ok" for o in out]
    assert kinds == ["ok", "invalid_record", "invalid_record", "invalid_record", "invalid_option", "ok",
                     "invalid_record"]
    assert [o.id for o in out[1:5]] == ["no-text", None, "both", "bad-date"]
    assert "NoneType" in str(out[2]) and "int" in str(out[6])
    assert list(presscut.extract_iter(docs, errors="return"))[1:] != []
    assert [type(o) for o in presscut.extract_iter(docs, errors="return")] == [type(o) for o in out]
    with pytest.raises(presscut.ExtractionError, match="no-text"):
        presscut.extract_many(docs)
    it = presscut.extract_iter(docs)
    assert isinstance(next(it), presscut.Article)
    with pytest.raises(presscut.ExtractionError, match="no-text"):
        next(it)


def test_bad_arguments_are_type_or_value_errors():
    with pytest.raises(TypeError):
        presscut.extract(None)
    with pytest.raises(TypeError):
        presscut.extract({"text": "a dict is a batch record, not an article"})
    with pytest.raises(TypeError, match="iterable of documents"):
        presscut.extract_many("one string is not a batch")
    with pytest.raises(TypeError, match="iterable of documents"):
        presscut.extract_iter({"id": "x", "text": "nor is one dict"})
    with pytest.raises(TypeError):
        presscut.extract_many(42)
    with pytest.raises(ValueError, match="threads"):
        presscut.extract_many([], threads=0)
    with pytest.raises(ValueError, match="errors"):
        presscut.extract_iter([], errors="ignore")
    assert presscut.extract_many([]) == [] and list(presscut.extract_iter([])) == []


def test_a_failing_generator_raises_its_own_error_after_the_documents_before_it():
    def gen():
        yield "The first article, which is fine."
        yield "The second article, also fine."
        raise RuntimeError("the source broke")

    with pytest.raises(RuntimeError, match="the source broke"):
        presscut.extract_many(gen())
    it = presscut.extract_iter(gen())
    assert next(it).text.startswith("The first")
    assert next(it).text.startswith("The second")
    with pytest.raises(RuntimeError, match="the source broke"):
        next(it)
    with pytest.raises(StopIteration):
        next(it)


@pytest.mark.parametrize("data", [
    "Caf\u00e9 owners said on Monday that prices would rise.".encode("latin-1"),
    "Caf\u00e9 owners said on Monday that prices would rise.".encode("utf-16"),
    "\u041c\u0438\u043d\u0438\u0441\u0442\u0440 said prices would rise.".encode("cp1251"),
    b"\xff\xfe\x00\x00 stray bytes \x80\x81 and a NUL \x00 in the middle.",
], ids=["latin-1", "utf-16", "cp1251", "garbage"])
def test_bytes_in_other_encodings_give_an_article_with_a_warning(data):
    art = presscut.extract(data)
    assert any("UTF-8" in w for w in art.warnings), art.warnings
    [again] = presscut.extract_many([{"id": "b", "text": data}])
    assert again.text == art.text


def test_a_50_mb_string_is_extracted_without_copy_trouble():
    para = "The committee met again on Tuesday and said little of substance about the plan.\n\n"
    big = para * (50_000_000 // len(para))
    assert len(big) >= 49_000_000
    art = presscut.extract(big, clean=False, format="text")
    assert art.text == big
    assert art.stats.paragraphs > 500_000


def test_the_gil_is_released_while_extracting():
    # A Python thread keeps ticking while presscut works: were the GIL held, it would stall
    # for the whole extraction. The work grows until it takes long enough to tell, whatever the
    # machine's speed.
    presscut.extract(records(1)[0]["text"])  # load the models first
    ticks: list[float] = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    def one_text(n):
        big = "\n\n".join(r["text"] for r in records(n))
        return lambda: presscut.extract(big)

    def many(n):
        docs = records(n)
        return lambda: presscut.extract_many(docs, threads=2)

    t = threading.Thread(target=tick)
    t.start()
    try:
        for make in (one_text, many):
            n = 1000
            while True:
                run = make(n)
                start = time.perf_counter()
                run()
                took = time.perf_counter() - start
                if took > 0.3 or n >= 64_000:
                    break
                n *= 4
            during = [x for x in ticks if start <= x <= start + took]
            gaps = [b - a for a, b in zip(during, during[1:])]
            assert took > 0.3, f"the work is too short to tell ({took:.3f} s for {n} records)"
            assert len(during) > 10 and max(gaps) < took / 3, (took, len(during), max(gaps, default=None))
    finally:
        stop.set()
        t.join()


@pytest.mark.parametrize("call", ["extract_many(docs, threads=1)", "list(presscut.extract_iter(docs, threads=1))"])
def test_ctrl_c_stops_a_batch_within_a_second(call):
    out = run_python(f"""
        import os, signal, threading, time
        import presscut
        from synthetic import records
        docs = records(20000)
        presscut.extract(docs[0]["text"])  # load the models first
        sent = []
        def interrupt():
            sent.append(time.monotonic())
            os.kill(os.getpid(), signal.SIGINT)
        threading.Timer(1.0, interrupt).start()
        extract_many = presscut.extract_many
        try:
            {call}
            print("finished")
        except KeyboardInterrupt:
            print("interrupted", time.monotonic() - sent[0])
    """)
    word, *latency = out.split()
    assert word == "interrupted", out
    assert float(latency[0]) < 1.0, out


def test_a_forked_child_extracts_on_fresh_threads():
    # rayon's global pool does not survive fork(): without the fork handler a child that
    # extracts in parallel would wait forever for threads that no longer exist.
    out = run_python("""
        import multiprocessing as mp
        import presscut
        from synthetic import records
        docs = records(40)
        parent = [a.to_dict() for a in presscut.extract_many(docs)]  # starts the thread pool
        def child(_):
            many = presscut.extract_many(docs)
            lazy = list(presscut.extract_iter(docs))
            return [a.to_dict() for a in many], [a.to_dict() for a in lazy]
        with mp.get_context("fork").Pool(2) as pool:
            results = pool.map(child, range(2), chunksize=1)
        assert all(many == parent and lazy == parent for many, lazy in results)
        print("ok", len(results))
    """, timeout=120)
    assert out.split() == ["ok", "2"]
