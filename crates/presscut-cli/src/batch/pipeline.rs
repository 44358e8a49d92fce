//! The batch pipeline: one reader thread, `threads` workers, and the ordered writer (the
//! caller's thread).
//!
//! ```text
//! items ─ reader ─▶ jobs (bounded queue) ─▶ workers ─▶ results ─▶ writer: reorder window ─▶ sink
//! ```
//!
//! Reading overlaps work. Output keeps input order through a bounded reorder window, never a
//! barrier: a slow record holds back the writing of later ones, not their processing, until
//! the window is full. The window bounds what is in flight (read and not yet written) by count
//! and by bytes, so memory is bounded whatever the input.
//!
//! A record that runs past the time budget becomes a `timeout` error record in its place and a
//! fresh worker takes over; the core cannot be interrupted, so the old worker finishes the
//! record in the background and its result is dropped.

use std::collections::BTreeMap;
use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use crate::inputs::{Bad, Item};

/// Records waiting for a worker, per worker: enough that no worker waits on the reader.
const QUEUE_PER_THREAD: usize = 4;

/// Records in flight (read, not yet written), per worker. With a slow record at the head of the
/// window, other workers go on through this many records before they wait.
const WINDOW_RECORDS_PER_THREAD: usize = 1024;

/// Bytes in flight (inputs, and outputs waiting for their turn): bounds memory when records are
/// large or a slow record holds the window. Outputs are about five times their input (measured
/// on news text), so this lets the other workers go on for about 20 MB of input (three seconds
/// of one core) while a slow record holds the head of the window.
const WINDOW_BYTES: usize = 128 << 20;

/// How often the writer looks at the clock while it waits (time budgets, flushing, progress).
const TICK: Duration = Duration::from_millis(100);

/// How the pipeline runs.
#[derive(Debug)]
pub struct Settings {
    pub threads: usize,
    /// The time budget of one record; `None`: no limit.
    pub timeout: Option<Duration>,
    pub options: presscut::Options,
    /// Keep each Article in [`Done`] (for tables), not only its JSON line.
    pub keep_articles: bool,
}

/// One finished record, handed to the sink in input order.
#[derive(Debug)]
pub struct Done {
    /// Position in the whole output (0 = its first line).
    pub seq: u64,
    /// The JSON line, without its newline.
    pub line: String,
    /// Bytes of the record's input.
    pub input_bytes: u64,
    /// The Article (when kept), or the error.
    pub result: Result<Option<Box<presscut::Article>>, Bad>,
}

/// Where finished records go.
pub trait Sink {
    /// Takes the next record, in input order.
    fn write(&mut self, done: Done) -> io::Result<()>;
    /// Called at least every [`TICK`] and after each batch of writes (flushing, progress).
    fn idle(&mut self) -> io::Result<()>;
}

impl Done {
    /// Memory the result holds: its line, and as much again for a kept Article.
    fn output_bytes(&self) -> usize {
        match &self.result {
            Ok(Some(_)) => 2 * self.line.len(),
            _ => self.line.len(),
        }
    }
}

/// Runs `items` (numbered from `first_seq`) through the workers and hands each result to `sink`
/// in input order. Stops at the first error of `sink`.
pub fn run(
    items: impl Iterator<Item = Item> + Send + 'static,
    first_seq: u64,
    settings: Settings,
    sink: &mut impl Sink,
) -> io::Result<()> {
    let threads = settings.threads.max(1);
    let shared = Arc::new(Shared {
        window: Window::new(threads * WINDOW_RECORDS_PER_THREAD, WINDOW_BYTES),
        settings,
        total: Mutex::new(None),
        sent: AtomicU64::new(0),
    });
    let (job_tx, job_rx) = mpsc::sync_channel::<(u64, Item)>(threads * QUEUE_PER_THREAD);
    let (done_tx, done_rx) = mpsc::channel::<Done>();
    let job_rx = Arc::new(Mutex::new(job_rx));
    let reader = {
        let shared = Arc::clone(&shared);
        thread::Builder::new().name("presscut-reader".to_owned()).spawn(move || {
            // A panic while reading (a bug) ends the input there; the run writes what it has.
            let read_all =
                catch_unwind(AssertUnwindSafe(|| read(items, first_seq, &shared, &job_tx)));
            if read_all.is_err() {
                *lock(&shared.total) = Some(shared.sent.load(Ordering::Relaxed));
            }
            read_all.is_ok()
        })?
    };
    let mut workers: Vec<Arc<Slot>> = Vec::new();
    for _ in 0..threads {
        workers.push(spawn_worker(&shared, &job_rx, &done_tx)?);
    }

    let mut next = first_seq;
    let mut waiting: BTreeMap<u64, Done> = BTreeMap::new();
    let result = loop {
        match done_rx.recv_timeout(TICK) {
            Ok(done) => admit(&mut waiting, next, &shared.window, done),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break Ok(()),
        }
        if let Some(budget) = shared.settings.timeout {
            for late in overdue(&mut workers, budget) {
                admit(&mut waiting, next, &shared.window, timeout_record(late, budget));
                workers.push(spawn_worker(&shared, &job_rx, &done_tx)?);
            }
        }
        let mut failed = None;
        while let Some(done) = waiting.remove(&next) {
            shared.window.release(done.input_bytes as usize + done.output_bytes());
            next += 1;
            if let Err(e) = sink.write(done) {
                failed = Some(e);
                break;
            }
        }
        if let Some(e) = failed {
            break Err(e);
        }
        if let Err(e) = sink.idle() {
            break Err(e);
        }
        if shared.total().is_some_and(|total| next >= first_seq + total) {
            break Ok(());
        }
    };
    // On an early stop the reader may wait for room in the window or queue: let it go.
    shared.window.close();
    drop(job_rx);
    if result.is_ok() && !reader.join().unwrap_or(false) {
        return Err(io::Error::other(
            "reading the inputs failed (a bug in presscut); the output holds the records before",
        ));
    }
    result
}

/// Keeps `done` until its turn, unless its record was already answered (a record that ran out
/// of time and finished after all).
fn admit(waiting: &mut BTreeMap<u64, Done>, next: u64, window: &Window, done: Done) {
    if done.seq >= next && !waiting.contains_key(&done.seq) {
        window.charge(done.output_bytes());
        waiting.insert(done.seq, done);
    }
}

/// What the threads share.
#[derive(Debug)]
struct Shared {
    window: Window,
    settings: Settings,
    /// How many items the reader found, once it is done.
    total: Mutex<Option<u64>>,
    /// How many items the reader queued so far.
    sent: AtomicU64,
}

impl Shared {
    fn total(&self) -> Option<u64> {
        *lock(&self.total)
    }
}

/// The reader thread: numbers the items and queues them, waiting for room in the window.
fn read(
    items: impl Iterator<Item = Item>,
    first_seq: u64,
    shared: &Shared,
    jobs: &SyncSender<(u64, Item)>,
) {
    let mut count = 0u64;
    for item in items {
        if !shared.window.acquire(item.size()) || jobs.send((first_seq + count, item)).is_err() {
            return;
        }
        count += 1;
        shared.sent.store(count, Ordering::Relaxed);
    }
    *lock(&shared.total) = Some(count);
}

/// A record being worked on.
#[derive(Debug)]
struct Busy {
    seq: u64,
    id: Option<String>,
    input_bytes: u64,
    since: Instant,
}

/// What a worker is doing, for the time budget.
#[derive(Debug, Default)]
struct Slot {
    state: Mutex<SlotState>,
}

#[derive(Debug, Default)]
struct SlotState {
    /// The record being worked on.
    busy: Option<Busy>,
    /// The record ran out of time: drop its result and stop after it.
    abandoned: bool,
}

fn spawn_worker(
    shared: &Arc<Shared>,
    jobs: &Arc<Mutex<Receiver<(u64, Item)>>>,
    done: &mpsc::Sender<Done>,
) -> io::Result<Arc<Slot>> {
    let slot = Arc::new(Slot::default());
    let (shared, jobs, done, own) =
        (Arc::clone(shared), Arc::clone(jobs), done.clone(), Arc::clone(&slot));
    thread::Builder::new().name("presscut-worker".to_owned()).spawn(move || {
        loop {
            let Ok((seq, item)) = lock(&jobs).recv() else { return };
            let finished = process(seq, item, &shared.settings, &own);
            let mut state = lock(&own.state);
            state.busy = None;
            if state.abandoned || done.send(finished).is_err() {
                return;
            }
        }
    })?;
    Ok(slot)
}

/// The records that ran past `budget`; their workers are marked to stop after them and removed
/// from `workers`.
fn overdue(workers: &mut Vec<Arc<Slot>>, budget: Duration) -> Vec<Busy> {
    let mut late = Vec::new();
    workers.retain(|slot| {
        let mut state = lock(&slot.state);
        if state.busy.as_ref().is_some_and(|b| b.since.elapsed() > budget) {
            state.abandoned = true;
            late.extend(state.busy.take());
            false
        } else {
            true
        }
    });
    late
}

fn timeout_record(late: Busy, budget: Duration) -> Done {
    let bad = Bad {
        id: late.id,
        kind: "timeout",
        message: format!(
            "extraction took longer than the time budget of {} s (--record-timeout)",
            budget.as_secs_f64()
        ),
    };
    Done { seq: late.seq, line: error_line(&bad), input_bytes: late.input_bytes, result: Err(bad) }
}

/// One record through the core: its output line and outcome. A panic in the core (a bug)
/// becomes an `internal` error record instead of stopping the run.
fn process(seq: u64, item: Item, settings: &Settings, slot: &Slot) -> Done {
    let input_bytes = item.size() as u64;
    let work = || {
        let record = item.into_record()?;
        lock(&slot.state).busy =
            Some(Busy { seq, id: record.id.clone(), input_bytes, since: Instant::now() });
        extract(&record, settings)
    };
    let outcome = catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|p| {
        let what = p
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(Bad { id: None, kind: "internal", message: format!("presscut failed: {what}") })
    });
    match outcome {
        Ok((line, article)) => Done { seq, line, input_bytes, result: Ok(article) },
        Err(bad) => Done { seq, line: error_line(&bad), input_bytes, result: Err(bad) },
    }
}

type Extracted = (String, Option<Box<presscut::Article>>);

fn extract(record: &presscut::Record, settings: &Settings) -> Result<Extracted, Bad> {
    let article = record.extract(&settings.options).map_err(|e| Bad {
        id: record.id.clone(),
        kind: e.kind(),
        message: e.to_string(),
    })?;
    let line = serde_json::to_string(&article).map_err(|e| Bad {
        id: record.id.clone(),
        kind: "internal",
        message: e.to_string(),
    })?;
    Ok((line, settings.keep_articles.then(|| Box::new(article))))
}

#[derive(serde::Serialize)]
struct ErrorRecord<'a> {
    id: Option<&'a str>,
    error: ErrorBody<'a>,
}

#[derive(serde::Serialize)]
struct ErrorBody<'a> {
    kind: &'a str,
    message: &'a str,
}

/// The error record of `bad`: `{"id", "error": {"kind", "message"}}`.
pub fn error_line(bad: &Bad) -> String {
    let record = ErrorRecord {
        id: bad.id.as_deref(),
        error: ErrorBody { kind: bad.kind, message: &bad.message },
    };
    serde_json::to_string(&record).unwrap_or_else(|_| {
        r#"{"id":null,"error":{"kind":"internal","message":"unprintable error"}}"#.to_owned()
    })
}

/// Room for records in flight, by count and by bytes. The reader takes room for each record
/// before queueing it; the writer gives it back once the record is written.
#[derive(Debug)]
struct Window {
    state: Mutex<WindowState>,
    freed: Condvar,
    max_records: usize,
    max_bytes: usize,
}

#[derive(Debug, Default)]
struct WindowState {
    records: usize,
    bytes: usize,
    closed: bool,
}

impl Window {
    fn new(max_records: usize, max_bytes: usize) -> Self {
        Window { state: Mutex::default(), freed: Condvar::new(), max_records, max_bytes }
    }

    /// Waits for room for one record of `bytes` (a record larger than the whole window gets it
    /// when the window is empty). False when the window is closed.
    fn acquire(&self, bytes: usize) -> bool {
        let mut s = lock(&self.state);
        while !s.closed
            && (s.records >= self.max_records
                || (s.records > 0 && s.bytes + bytes > self.max_bytes))
        {
            s = self.freed.wait(s).unwrap_or_else(PoisonError::into_inner);
        }
        s.records += 1;
        s.bytes += bytes;
        !s.closed
    }

    /// Counts `bytes` more (a result waiting for its turn).
    fn charge(&self, bytes: usize) {
        lock(&self.state).bytes += bytes;
    }

    /// Gives back one record's room.
    fn release(&self, bytes: usize) {
        let mut s = lock(&self.state);
        s.records = s.records.saturating_sub(1);
        s.bytes = s.bytes.saturating_sub(bytes);
        self.freed.notify_all();
    }

    fn close(&self) {
        lock(&self.state).closed = true;
        self.freed.notify_all();
    }
}

/// Locks a mutex; a thread that panicked while holding it left consistent data (every critical
/// section here is a few assignments).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}
