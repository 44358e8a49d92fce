//! Batch extraction: `extract_many` (a list, in parallel) and `extract_iter` (a lazy iterator
//! with bounded look-ahead). Work runs on rayon with the GIL released; the calling thread
//! waits in short slices and checks for signals between them, so Ctrl-C stops a batch within
//! [`SIGNAL_CHECK`] instead of when it ends.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyIterator, PyString};
use rayon::prelude::*;

use crate::input::{Job, JobError};
use crate::types::Article;
use crate::{FORKED, extraction_error, options};

/// How often a waiting caller looks for a pending signal (KeyboardInterrupt): well under the
/// one second a user waits before pressing Ctrl-C again, and rare enough to cost nothing.
const SIGNAL_CHECK: Duration = Duration::from_millis(50);

/// `extract_iter` keeps at most this many documents in flight per worker thread: enough that
/// no worker waits for the next document while the caller handles a result, few enough that
/// memory stays bounded by a handful of articles.
const LOOKAHEAD_PER_THREAD: usize = 4;

/// Where batch work runs: rayon's global pool, or a pool of its own when a thread count is
/// asked for or the process is a forked child (the global pool's threads did not survive the
/// fork).
enum Pool {
    Global,
    Own(rayon::ThreadPool),
}

impl Pool {
    fn new(threads: Option<usize>) -> PyResult<Pool> {
        if threads == Some(0) {
            return Err(PyValueError::new_err("threads must be at least 1"));
        }
        if threads.is_none() && !FORKED.load(Ordering::SeqCst) {
            return Ok(Pool::Global);
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads.unwrap_or(0))
            .thread_name(|i| format!("presscut-{i}"))
            .build()
            .map(Pool::Own)
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start worker threads: {e}")))
    }

    fn threads(&self) -> usize {
        match self {
            Pool::Global => rayon::current_num_threads(),
            Pool::Own(p) => p.current_num_threads(),
        }
    }

    fn spawn(&self, work: impl FnOnce() + Send + 'static) {
        match self {
            Pool::Global => rayon::spawn(work),
            Pool::Own(p) => p.spawn(work),
        }
    }
}

/// `errors="raise"` or `errors="return"`.
fn return_errors(errors: &str) -> PyResult<bool> {
    match errors {
        "raise" => Ok(false),
        "return" => Ok(true),
        other => Err(PyValueError::new_err(format!(
            "errors must be \"raise\" or \"return\", got {other:?}"
        ))),
    }
}

/// The documents of a batch, refusing a lone document (a `str` would be read as one document
/// per character).
fn documents<'py>(docs: &Bound<'py, PyAny>, function: &str) -> PyResult<Bound<'py, PyIterator>> {
    if docs.is_instance_of::<PyString>()
        || docs.is_instance_of::<PyBytes>()
        || docs.is_instance_of::<PyByteArray>()
        || docs.is_instance_of::<PyDict>()
    {
        return Err(PyTypeError::new_err(format!(
            "{function} takes an iterable of documents; for one document use presscut.extract"
        )));
    }
    docs.try_iter()
}

type Outcome = Result<presscut::Article, JobError>;

/// Waits for `rx` with the GIL released, raising `KeyboardInterrupt` (or whatever a signal
/// handler raises) when a signal arrives; `on_signal` runs first so the work can stop.
fn wait<T: Send>(py: Python<'_>, mut rx: Receiver<T>, on_signal: impl Fn()) -> PyResult<T> {
    loop {
        // The receiver moves into the GIL-free closure and back (a `&Receiver` cannot cross).
        let (back, received) = py.detach(move || {
            let received = rx.recv_timeout(SIGNAL_CHECK);
            (rx, received)
        });
        rx = back;
        match received {
            Ok(value) => return Ok(value),
            Err(RecvTimeoutError::Timeout) => py.check_signals().inspect_err(|_| on_signal())?,
            Err(RecvTimeoutError::Disconnected) => {
                return Err(PyRuntimeError::new_err("a presscut worker thread stopped"));
            }
        }
    }
}

/// The Python value of one outcome: the Article, or the error (raised or returned in place).
fn deliver(py: Python<'_>, outcome: Outcome, position: usize, errors: bool) -> PyResult<Py<PyAny>> {
    match outcome {
        Ok(article) => Ok(Py::new(py, Article::from(article))?.into_any()),
        Err(e) => {
            let who = e.id.as_ref().map_or_else(|| format!("#{position}"), |id| format!("{id:?}"));
            let err = extraction_error(
                py,
                e.kind,
                format!("document {who}: {}", e.message),
                e.id.as_deref(),
            );
            if errors { Ok(err.into_value(py).into_any()) } else { Err(err) }
        }
    }
}

/// Extract many articles in parallel (the GIL is released); results keep input order.
#[pyfunction]
#[pyo3(signature = (docs, *, threads = None, errors = "raise", format = "auto", clean = true, published = None, url = None))]
#[allow(clippy::too_many_arguments)] // the contract's keyword arguments
pub fn extract_many(
    py: Python<'_>,
    docs: &Bound<'_, PyAny>,
    threads: Option<usize>,
    errors: &str,
    format: &str,
    clean: bool,
    published: Option<String>,
    url: Option<String>,
) -> PyResult<Vec<Py<PyAny>>> {
    let errors = return_errors(errors)?;
    let pool = Pool::new(threads)?;
    let base = options(format, clean, published, url)?;
    // Documents are read with the GIL held; an exception raised by the iterable itself (a
    // generator that fails) is the caller's and propagates as it is.
    let mut jobs: Vec<Result<Job, JobError>> = Vec::new();
    for obj in documents(docs, "extract_many")? {
        jobs.push(Job::from_py(&obj?)?);
    }
    let jobs = Arc::new(jobs);
    let cancelled = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::sync_channel(1);
    {
        let (jobs, cancelled) = (Arc::clone(&jobs), Arc::clone(&cancelled));
        pool.spawn(move || {
            let outcomes: Vec<Option<Outcome>> = jobs
                .par_iter()
                .map(|job| match job {
                    _ if cancelled.load(Ordering::Relaxed) => None,
                    Ok(job) => Some(job.run(&base)),
                    Err(e) => Some(Err(e.clone())),
                })
                .collect();
            let _ = tx.send(outcomes);
        });
    }
    let outcomes = wait(py, rx, || cancelled.store(true, Ordering::Relaxed))?;
    let mut out = Vec::with_capacity(outcomes.len());
    for (position, outcome) in outcomes.into_iter().enumerate() {
        let outcome = outcome.unwrap_or_else(|| Err(JobError::invalid(None, "not processed")));
        out.push(deliver(py, outcome, position, errors)?);
    }
    Ok(out)
}

/// One document of `extract_iter` on its way: being extracted, or already failed.
enum Pending {
    Running(Receiver<Outcome>),
    Failed(JobError),
}

/// The iterator `extract_iter` returns: Articles (or errors in place) in input order.
#[pyclass(frozen, module = "presscut._presscut", name = "ExtractIter")]
pub struct ExtractIter {
    /// Locked by `__next__`; a second thread reading the same iterator meanwhile gets an
    /// error, as with a generator that is already executing.
    state: Mutex<State>,
    lookahead: usize,
    pool: Pool,
    base: Arc<presscut::Options>,
    errors: bool,
}

struct State {
    /// The input, until it ends or fails.
    source: Option<Py<PyIterator>>,
    /// The exception the input raised, given after the documents before it.
    failure: Option<PyErr>,
    pending: VecDeque<(usize, Pending)>,
    next_position: usize,
    /// Set when the caller is interrupted, so queued documents are skipped.
    cancelled: Arc<AtomicBool>,
}

impl State {
    /// Ends the iteration after an interrupt, as a generator that raised is finished:
    /// documents still queued are skipped.
    fn finish(&mut self) {
        self.cancelled.store(true, Ordering::Relaxed);
        self.source = None;
        self.pending.clear();
    }
}

impl std::fmt::Debug for ExtractIter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExtractIter").field("lookahead", &self.lookahead).finish_non_exhaustive()
    }
}

impl ExtractIter {
    /// Reads documents until `lookahead` are in flight or the input ends.
    fn fill(&self, py: Python<'_>, state: &mut State) {
        while state.pending.len() < self.lookahead {
            let Some(source) = &state.source else { return };
            let obj = match source.bind(py).clone().next() {
                None => {
                    state.source = None;
                    return;
                }
                Some(Err(e)) => {
                    state.source = None;
                    state.failure = Some(e);
                    return;
                }
                Some(Ok(obj)) => obj,
            };
            let position = state.next_position;
            state.next_position += 1;
            let job = match Job::from_py(&obj) {
                Ok(job) => job,
                Err(e) => {
                    // Not the document's fault (a signal arrived): stop like the input failed.
                    state.source = None;
                    state.failure = Some(e);
                    return;
                }
            };
            let pending = match job {
                Err(e) => Pending::Failed(e),
                Ok(job) => {
                    let (tx, rx) = mpsc::sync_channel(1);
                    let (base, cancelled) = (Arc::clone(&self.base), Arc::clone(&state.cancelled));
                    self.pool.spawn(move || {
                        if !cancelled.load(Ordering::Relaxed) {
                            let _ = tx.send(job.run(&base));
                        }
                    });
                    Pending::Running(rx)
                }
            };
            state.pending.push_back((position, pending));
        }
    }
}

#[pymethods]
impl ExtractIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let Ok(mut state) = self.state.try_lock() else {
            return Err(PyRuntimeError::new_err(
                "extract_iter is already being read by another thread",
            ));
        };
        // A signal that came while the caller was between documents (`list(it)` runs no
        // Python code between calls, so Python's own handler would wait for the end).
        if let Err(e) = py.check_signals() {
            state.finish();
            return Err(e);
        }
        self.fill(py, &mut state);
        let Some((position, pending)) = state.pending.pop_front() else {
            return match state.failure.take() {
                Some(e) => Err(e),
                None => Ok(None),
            };
        };
        let outcome = match pending {
            Pending::Failed(e) => Err(e),
            Pending::Running(rx) => match wait(py, rx, || {}) {
                Ok(outcome) => outcome,
                Err(e) => {
                    state.finish();
                    return Err(e);
                }
            },
        };
        // Top up now so the workers keep busy while the caller handles this result.
        self.fill(py, &mut state);
        drop(state);
        deliver(py, outcome, position, self.errors).map(Some)
    }
}

/// Extract articles lazily from an iterable of documents, in input order.
#[pyfunction]
#[pyo3(signature = (docs, *, threads = None, errors = "raise", format = "auto", clean = true, published = None, url = None))]
#[allow(clippy::too_many_arguments)] // the contract's keyword arguments
pub fn extract_iter(
    docs: &Bound<'_, PyAny>,
    threads: Option<usize>,
    errors: &str,
    format: &str,
    clean: bool,
    published: Option<String>,
    url: Option<String>,
) -> PyResult<ExtractIter> {
    let errors = return_errors(errors)?;
    let pool = Pool::new(threads)?;
    let base = options(format, clean, published, url)?;
    let source = documents(docs, "extract_iter")?;
    Ok(ExtractIter {
        state: Mutex::new(State {
            source: Some(source.unbind()),
            failure: None,
            pending: VecDeque::new(),
            next_position: 0,
            cancelled: Arc::new(AtomicBool::new(false)),
        }),
        lookahead: pool.threads().max(1) * LOOKAHEAD_PER_THREAD,
        pool,
        base: Arc::new(base),
        errors,
    })
}
