//! `presscut batch` at scale, as a user running it over a crawl sees it: many records in order,
//! kills and resumes, WARC files, directories with traps, slow records, tables.

mod common;
mod inputs;
mod resume;
mod scale;
mod tables;
mod warc;
