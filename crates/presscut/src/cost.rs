//! Counting the work of each analysis stage, for the test that fails when a stage's cost grows
//! faster than its input (a quadratic loop slips in easily: "for each quote, look at every
//! mention"). Stages say when they start ([`enter`]); the document's accessors, the stages'
//! main loops and the mention index count what they visit ([`add`]). The counters exist only
//! in the crate's own test build: elsewhere both calls are empty and cost nothing.

/// The analysis stages whose work is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Doc = 0,
    Entities = 1,
    Quotes = 2,
    Time = 3,
    Sources = 4,
    Keywords = 5,
    Assemble = 6,
}

/// Number of [`Stage`]s.
#[cfg(test)]
pub const STAGES: usize = 7;

#[cfg(test)]
thread_local! {
    /// Work counted per stage, and the stage running.
    static COUNT: std::cell::Cell<([u64; STAGES], usize)> =
        const { std::cell::Cell::new(([0; STAGES], 0)) };
}

/// The stage `stage` starts: what is counted from now on is its work.
#[inline(always)]
pub fn enter(stage: Stage) {
    #[cfg(test)]
    COUNT.with(|c| {
        let (counts, _) = c.get();
        c.set((counts, stage as usize));
    });
    #[cfg(not(test))]
    let _ = stage;
}

/// `n` more units of work for the stage running (a token, a mention, a candidate visited).
#[inline(always)]
pub fn add(n: usize) {
    #[cfg(test)]
    COUNT.with(|c| {
        let (mut counts, stage) = c.get();
        counts[stage] += n as u64;
        c.set((counts, stage));
    });
    #[cfg(not(test))]
    let _ = n;
}

/// The work counted so far per stage, and the counters reset.
#[cfg(test)]
pub fn take() -> [u64; STAGES] {
    COUNT.with(|c| c.replace(([0; STAGES], 0)).0)
}

#[cfg(test)]
mod tests {
    use std::fmt::Write;

    use super::*;

    /// The work of each stage on `text` (cleaning off: layout is not counted).
    fn work(text: &str) -> [u64; STAGES] {
        let _ = take();
        let options = crate::Options { clean: false, ..crate::Options::default() };
        let article = crate::extract(text, &options).expect("extracts");
        assert!(!article.quotes.is_empty() && !article.entities.is_empty());
        take()
    }

    /// An article of `n` paragraphs in which people are named, quoted, dated and cited again
    /// and again (the work that used to grow with the square of the text: every quote's speaker
    /// looked up among every mention).
    fn article(n: usize) -> String {
        let names = ["Ana Ortega", "Leo Brandt", "Mia Okafor", "Tom Becker", "Rita Gomez"];
        let mut out = String::from("Council approves the harbour plan\n\n");
        for k in 0..n {
            let name = names[k % names.len()];
            let surname = name.split(' ').nth(1).unwrap_or(name);
            let _ = write!(
                out,
                "{name}, the mayor of Dunmore, said on Tuesday, March {day}, that the harbour plan \
                 would cost {k} million euros. “We will rebuild the pier by May,” {surname} told \
                 reporters. She added that, according to Reuters, the county council agreed.\n\n\
                 ## Harbour works, part {k}\n\nThe Harbour Board said work begins next week.\n\n",
                day = k % 28 + 1
            );
        }
        out
    }

    #[test]
    fn no_stage_grows_faster_than_its_input() {
        let (small, big) = (work(&article(100)), work(&article(400)));
        let names = ["doc", "entities", "quotes", "time", "sources", "keywords", "assemble"];
        for (k, name) in names.iter().enumerate() {
            assert!(small[k] > 0, "{name} counts no work");
            // four times the text: at most a quarter more than four times the work
            let ratio = big[k] as f64 / small[k] as f64;
            assert!(ratio < 5.0, "{name}: {} → {} units of work ({ratio:.2}×)", small[k], big[k]);
        }
    }
}
