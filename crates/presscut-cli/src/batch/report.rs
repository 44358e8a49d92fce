//! What a batch run tells its user on stderr: progress while it runs (only when stderr is a
//! terminal) and a summary at the end (records, errors, MB/s, articles/s).

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

use super::output::Resumed;
use super::pipeline::Done;
use crate::inputs::Tally;

/// How often the progress line is redrawn.
const REDRAW: Duration = Duration::from_millis(250);

/// Counts of a run and its progress line.
pub struct Report {
    start: Instant,
    bar: ProgressBar,
    tally: Arc<Tally>,
    last_draw: Instant,
    threads: usize,
    resumed: Resumed,
    /// Records written by this run.
    pub records: u64,
    pub articles: u64,
    pub errors: u64,
    /// Input bytes of the records written by this run.
    pub bytes: u64,
}

impl Report {
    /// `total`: the inputs' size when known (for a bar and an ETA); `show`: draw progress.
    pub fn new(
        tally: Arc<Tally>,
        total: Option<u64>,
        show: bool,
        threads: usize,
        resumed: Resumed,
    ) -> Self {
        let bar = if !show || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else if let Some(total) = total {
            ProgressBar::new(total).with_style(
                ProgressStyle::with_template("{bar:30} {percent:>3}% {msg} · ETA {eta}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            )
        } else {
            ProgressBar::new_spinner()
        };
        let now = Instant::now();
        Report {
            start: now,
            bar,
            tally,
            last_draw: now,
            threads,
            resumed,
            records: 0,
            articles: 0,
            errors: 0,
            bytes: 0,
        }
    }

    /// Counts one written record.
    pub fn count(&mut self, done: &Done) {
        self.records += 1;
        self.bytes += done.input_bytes;
        if done.result.is_ok() {
            self.articles += 1;
        } else {
            self.errors += 1;
        }
    }

    /// Redraws the progress line when it is due.
    pub fn tick(&mut self) {
        if self.bar.is_hidden() || self.last_draw.elapsed() < REDRAW {
            return;
        }
        self.last_draw = Instant::now();
        self.bar.set_position(self.tally.read.load(Ordering::Relaxed));
        let secs = self.start.elapsed().as_secs_f64().max(1e-3);
        self.bar.set_message(format!(
            "{} records · {:.1} MB · {:.1} MB/s · {:.0} articles/s · {} errors",
            self.resumed.records + self.records,
            self.bytes as f64 / 1e6,
            self.bytes as f64 / 1e6 / secs,
            self.articles as f64 / secs,
            self.resumed.errors + self.errors,
        ));
        self.bar.tick();
    }

    /// Records that failed, in OUT as a whole (this run and the one it resumed).
    pub fn failed(&self) -> u64 {
        self.errors + self.resumed.errors
    }

    /// Clears the progress line and returns the summary.
    pub fn finish(self) -> String {
        self.bar.finish_and_clear();
        let secs = self.start.elapsed().as_secs_f64().max(1e-3);
        let mut s = format!(
            "presscut: {} records in {secs:.1} s ({} articles, {} errors): {:.2} MB/s, {:.0} articles/s on {} thread{}",
            self.records,
            self.articles,
            self.errors,
            self.bytes as f64 / 1e6 / secs,
            self.articles as f64 / secs,
            self.threads,
            if self.threads == 1 { "" } else { "s" },
        );
        if self.resumed.records > 0 || self.resumed.cut > 0 {
            let _ = write!(
                s,
                "\npresscut: resumed after the {} records already written ({} errors among them)",
                self.resumed.records, self.resumed.errors
            );
            if self.resumed.cut > 0 {
                let _ =
                    write!(s, "; a partial last line of {} bytes was cut off", self.resumed.cut);
            }
        }
        let other_files = self.tally.other_files.load(Ordering::Relaxed);
        let other_warc = self.tally.other_warc_records.load(Ordering::Relaxed);
        if other_files > 0 {
            let _ = write!(
                s,
                "\npresscut: passed over {other_files} files in directories that are not .txt or .html \
                 (give WARC and JSON Lines files as inputs themselves)"
            );
        }
        if other_warc > 0 {
            let _ = write!(
                s,
                "\npresscut: passed over {other_warc} WARC records that are not HTML pages \
                 (requests, metadata, redirects, errors, images, …)"
            );
        }
        if self.failed() > 0 {
            let _ = write!(
                s,
                "\npresscut: {} record(s) failed; see their error records",
                self.failed()
            );
        }
        s
    }
}
