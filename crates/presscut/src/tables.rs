//! The contract's tables: Articles flattened to one row per item (article, quote, entity,
//! mention, date, source), keyed by `article_id`. One implementation serves the CLI's CSV files
//! (`presscut batch --tables`) and the Python data frames (`to_pandas`, `to_polars`): rows are
//! produced as [`Cell`]s by [`Table::rows`], and either written as CSV ([`CsvWriter`]) or
//! gathered column by column ([`Columns`]).

use std::borrow::Cow;
use std::io::{self, Write};

use crate::model::{Article, EntityKind, QuoteKind, SourceKind, TimeKind};

/// One of the contract's six tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Table {
    Articles,
    Quotes,
    Entities,
    Mentions,
    Dates,
    Sources,
}

impl Table {
    /// Every table, in the contract's order.
    pub const ALL: [Table; 6] = [
        Table::Articles,
        Table::Quotes,
        Table::Entities,
        Table::Mentions,
        Table::Dates,
        Table::Sources,
    ];

    /// The table's name (`"quotes"`), as the Python `table=` argument and the CSV file stem.
    pub fn name(self) -> &'static str {
        match self {
            Table::Articles => "articles",
            Table::Quotes => "quotes",
            Table::Entities => "entities",
            Table::Mentions => "mentions",
            Table::Dates => "dates",
            Table::Sources => "sources",
        }
    }

    /// The column names, in order (the contract's list).
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Table::Articles => &[
                "article_id",
                "title",
                "published",
                "language",
                "url",
                "site_name",
                "authors",
                "words",
                "n_quotes",
                "n_entities",
                "error",
            ],
            Table::Quotes => &[
                "article_id",
                "quote",
                "kind",
                "text",
                "start",
                "end",
                "speaker",
                "speaker_entity",
                "speaker_kind",
                "cue",
                "confidence",
            ],
            Table::Entities => &["article_id", "entity", "name", "kind", "roles", "mentions"],
            Table::Mentions => &["article_id", "entity", "text", "start", "end"],
            Table::Dates => &["article_id", "text", "start", "end", "kind", "value"],
            Table::Sources => &["article_id", "name", "kind", "entity", "cue", "start", "end"],
        }
    }

    /// Calls `row` with the cells of each row `item` contributes to this table, in order. An
    /// error record has a row in `articles` (with `error` set) and none elsewhere.
    pub fn rows(self, item: &Item<'_>, mut row: impl FnMut(&[Cell<'_>])) {
        let key = || item.key.cell();
        let article = match item.outcome {
            Outcome::Article(a) => a,
            Outcome::Error { kind, message } => {
                if self == Table::Articles {
                    let mut cells = vec![Cell::Null; self.columns().len()];
                    cells[0] = key();
                    cells[10] = Cell::Str(Cow::Owned(format!("{kind}: {message}")));
                    row(&cells);
                }
                return;
            }
        };
        match self {
            Table::Articles => articles_row(key(), article, &mut row),
            Table::Quotes => quote_rows(key, article, &mut row),
            Table::Entities => {
                for (i, e) in article.entities.iter().enumerate() {
                    row(&[
                        key(),
                        Cell::index(i),
                        Cell::str(&e.name),
                        Cell::str(entity_kind(e.kind)),
                        Cell::Str(Cow::Owned(e.roles.join("; "))),
                        Cell::index(e.mentions.len()),
                    ]);
                }
            }
            Table::Mentions => {
                for (i, e) in article.entities.iter().enumerate() {
                    for m in &e.mentions {
                        row(&[
                            key(),
                            Cell::index(i),
                            Cell::str(&m.text),
                            Cell::index(m.start),
                            Cell::index(m.end),
                        ]);
                    }
                }
            }
            Table::Dates => {
                for d in &article.dates {
                    row(&[
                        key(),
                        Cell::str(&d.text),
                        Cell::index(d.start),
                        Cell::index(d.end),
                        Cell::str(time_kind(d.kind)),
                        Cell::opt(d.value.as_deref()),
                    ]);
                }
            }
            Table::Sources => {
                for s in &article.sources {
                    row(&[
                        key(),
                        Cell::str(&s.name),
                        Cell::str(source_kind(s.kind)),
                        s.entity.map_or(Cell::Null, Cell::index),
                        Cell::opt(s.cue.as_ref().map(|c| c.text.as_str())),
                        Cell::index(s.start),
                        Cell::index(s.end),
                    ]);
                }
            }
        }
    }
}

impl std::str::FromStr for Table {
    type Err = String;
    fn from_str(s: &str) -> Result<Table, String> {
        Table::ALL.into_iter().find(|t| t.name() == s).ok_or_else(|| {
            let names: Vec<&str> = Table::ALL.iter().map(|t| t.name()).collect();
            format!("unknown table {s:?}: expected one of {}", names.join(", "))
        })
    }
}

fn articles_row(key: Cell<'_>, a: &Article, row: &mut impl FnMut(&[Cell<'_>])) {
    let m = &a.metadata;
    row(&[
        key,
        Cell::opt(a.title.as_deref()),
        Cell::opt(m.published.as_deref()),
        Cell::opt(m.language.as_deref()),
        Cell::opt(m.url.as_deref()),
        Cell::opt(m.site_name.as_deref()),
        Cell::Str(Cow::Owned(m.authors.join("; "))),
        Cell::index(a.stats.words),
        Cell::index(a.quotes.len()),
        Cell::index(a.entities.len()),
        Cell::Null,
    ]);
}

fn quote_rows<'a>(key: impl Fn() -> Cell<'a>, a: &Article, row: &mut impl FnMut(&[Cell<'_>])) {
    for (i, q) in a.quotes.iter().enumerate() {
        let speaker = q.speaker.as_ref();
        let entity = speaker.and_then(|s| s.entity);
        row(&[
            key(),
            Cell::index(i),
            Cell::str(quote_kind(q.kind)),
            Cell::str(&q.text),
            Cell::index(q.start),
            Cell::index(q.end),
            Cell::opt(speaker.map(|s| s.name.as_str())),
            entity.map_or(Cell::Null, Cell::index),
            Cell::opt(entity.and_then(|e| a.entities.get(e)).map(|e| entity_kind(e.kind))),
            Cell::opt(q.cue.as_ref().map(|c| c.text.as_str())),
            Cell::Float(q.confidence),
        ]);
    }
}

/// How a row names its article: the Article's id, else its position in the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key<'a> {
    Id(&'a str),
    Position(usize),
}

impl<'a> Key<'a> {
    /// The key of the `position`-th item whose id is `id`.
    pub fn new(id: Option<&'a str>, position: usize) -> Key<'a> {
        id.map_or(Key::Position(position), Key::Id)
    }

    fn cell(self) -> Cell<'a> {
        match self {
            Key::Id(s) => Cell::Str(Cow::Borrowed(s)),
            Key::Position(p) => Cell::index(p),
        }
    }
}

/// One input item: an Article, or the error that took its place.
#[derive(Clone, Copy, Debug)]
pub struct Item<'a> {
    pub key: Key<'a>,
    pub outcome: Outcome<'a>,
}

#[derive(Clone, Copy, Debug)]
pub enum Outcome<'a> {
    Article(&'a Article),
    Error { kind: &'a str, message: &'a str },
}

impl<'a> Item<'a> {
    /// The `position`-th article of the input, keyed by its id when it has one.
    pub fn article(article: &'a Article, position: usize) -> Item<'a> {
        Item { key: Key::new(article.id.as_deref(), position), outcome: Outcome::Article(article) }
    }
}

/// One value of a row.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell<'a> {
    Null,
    Str(Cow<'a, str>),
    Int(i64),
    Float(f64),
}

impl<'a> Cell<'a> {
    fn str(s: &'a str) -> Cell<'a> {
        Cell::Str(Cow::Borrowed(s))
    }

    fn opt(s: Option<&'a str>) -> Cell<'a> {
        s.map_or(Cell::Null, Cell::str)
    }

    fn index(i: usize) -> Cell<'a> {
        Cell::Int(i as i64)
    }
}

/// A table gathered column by column, for data frames.
#[derive(Clone, Debug, PartialEq)]
pub struct Columns {
    pub table: Table,
    /// One column per name of [`Table::columns`], in that order.
    pub columns: Vec<Column>,
}

/// The values of one column. `article_id` is [`Column::Int`] when every key is a position,
/// [`Column::Str`] otherwise (positions then written as their decimal text).
#[derive(Clone, Debug, PartialEq)]
pub enum Column {
    Str(Vec<Option<String>>),
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
}

impl Column {
    pub fn len(&self) -> usize {
        match self {
            Column::Str(v) => v.len(),
            Column::Int(v) => v.len(),
            Column::Float(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The column kinds of each table, after `article_id` (which depends on the keys).
fn column_template(table: Table) -> Vec<Column> {
    let s = || Column::Str(Vec::new());
    let i = || Column::Int(Vec::new());
    let f = || Column::Float(Vec::new());
    match table {
        Table::Articles => vec![s(), s(), s(), s(), s(), s(), i(), i(), i(), s()],
        Table::Quotes => vec![i(), s(), s(), i(), i(), s(), i(), s(), s(), f()],
        Table::Entities => vec![i(), s(), s(), s(), i()],
        Table::Mentions => vec![i(), s(), i(), i()],
        Table::Dates => vec![s(), i(), i(), s(), s()],
        Table::Sources => vec![s(), s(), i(), s(), i(), i()],
    }
}

impl Columns {
    /// Gathers `table` over `items`, in order.
    pub fn build<'a>(table: Table, items: impl IntoIterator<Item = Item<'a>>) -> Columns {
        let mut keys: Vec<Key<'a>> = Vec::new();
        let mut rest = column_template(table);
        for item in items {
            table.rows(&item, |cells| {
                keys.push(item.key);
                for (column, cell) in rest.iter_mut().zip(&cells[1..]) {
                    push(column, cell);
                }
            });
        }
        let key_column = if keys.iter().all(|k| matches!(k, Key::Position(_))) {
            Column::Int(
                keys.iter()
                    .map(|k| if let Key::Position(p) = k { Some(*p as i64) } else { None })
                    .collect(),
            )
        } else {
            Column::Str(
                keys.iter()
                    .map(|k| {
                        Some(match k {
                            Key::Id(s) => (*s).to_owned(),
                            Key::Position(p) => p.to_string(),
                        })
                    })
                    .collect(),
            )
        };
        let mut columns = Vec::with_capacity(rest.len() + 1);
        columns.push(key_column);
        columns.extend(rest);
        Columns { table, columns }
    }

    /// Rows in the table.
    pub fn len(&self) -> usize {
        self.columns.first().map_or(0, Column::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn push(column: &mut Column, cell: &Cell<'_>) {
    match (column, cell) {
        (Column::Str(v), Cell::Str(s)) => v.push(Some(s.as_ref().to_owned())),
        (Column::Int(v), Cell::Int(i)) => v.push(Some(*i)),
        (Column::Float(v), Cell::Float(f)) => v.push(Some(*f)),
        (Column::Float(v), Cell::Int(i)) => v.push(Some(*i as f64)),
        (Column::Str(v), Cell::Int(i)) => v.push(Some(i.to_string())),
        (Column::Str(v), _) => v.push(None),
        (Column::Int(v), _) => v.push(None),
        (Column::Float(v), _) => v.push(None),
    }
}

/// Writes one table as CSV (UTF-8, RFC 4180: CRLF line ends, fields with a comma, quote mark or
/// line break quoted, quote marks doubled; null is an empty field), header row first.
#[derive(Debug)]
pub struct CsvWriter<W: Write> {
    table: Table,
    out: W,
    rows: usize,
}

impl<W: Write> CsvWriter<W> {
    /// Starts the table: writes its header row.
    pub fn new(table: Table, mut out: W) -> io::Result<CsvWriter<W>> {
        let header: Vec<Cell<'_>> = table.columns().iter().map(|c| Cell::str(c)).collect();
        write_row(&mut out, &header)?;
        Ok(CsvWriter { table, out, rows: 0 })
    }

    /// Writes the rows `item` contributes.
    pub fn write(&mut self, item: &Item<'_>) -> io::Result<()> {
        let mut result = Ok(());
        let out = &mut self.out;
        let rows = &mut self.rows;
        self.table.rows(item, |cells| {
            if result.is_ok() {
                result = write_row(out, cells);
                *rows += 1;
            }
        });
        result
    }

    /// Rows written so far (the header not counted).
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Flushes and returns the writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

fn write_row(out: &mut impl Write, cells: &[Cell<'_>]) -> io::Result<()> {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        match cell {
            Cell::Null => {}
            Cell::Int(v) => write!(out, "{v}")?,
            Cell::Float(v) => write!(out, "{v}")?,
            Cell::Str(s) => {
                if s.contains([',', '"', '\r', '\n']) {
                    out.write_all(b"\"")?;
                    out.write_all(s.replace('"', "\"\"").as_bytes())?;
                    out.write_all(b"\"")?;
                } else {
                    out.write_all(s.as_bytes())?;
                }
            }
        }
    }
    out.write_all(b"\r\n")
}

fn quote_kind(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Mixed => "mixed",
        QuoteKind::Indirect => "indirect",
    }
}

fn entity_kind(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Location => "location",
        EntityKind::Nationality => "nationality",
        EntityKind::Event => "event",
        EntityKind::Law => "law",
        EntityKind::Work => "work",
        EntityKind::Product => "product",
        EntityKind::Other => "other",
    }
}

fn time_kind(k: TimeKind) -> &'static str {
    match k {
        TimeKind::Date => "date",
        TimeKind::Time => "time",
        TimeKind::Duration => "duration",
        TimeKind::Set => "set",
    }
}

fn source_kind(k: SourceKind) -> &'static str {
    match k {
        SourceKind::Outlet => "outlet",
        SourceKind::Document => "document",
        SourceKind::Person => "person",
        SourceKind::Organization => "organization",
        SourceKind::Unnamed => "unnamed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, extract};

    fn article() -> Article {
        let text = "Talks resume in Geneva\n\n\
            Foreign Minister Anna Berg said on Monday that the talks would resume in Geneva. \
            \"We are ready, and we said so, clearly,\" Berg told reporters.";
        let mut a =
            extract(text, &Options { published: Some("2026-03-02".into()), ..Options::default() })
                .unwrap();
        a.id = Some("a,1".to_owned());
        a
    }

    #[test]
    fn every_kind_serialises_as_the_contract_names_it() {
        // The names the tables use must be the JSON names of the contract.
        let a = article();
        for q in &a.quotes {
            assert_eq!(serde_json::to_value(q.kind).unwrap(), quote_kind(q.kind));
        }
        for e in &a.entities {
            assert_eq!(serde_json::to_value(e.kind).unwrap(), entity_kind(e.kind));
        }
        for k in [
            SourceKind::Outlet,
            SourceKind::Document,
            SourceKind::Person,
            SourceKind::Organization,
            SourceKind::Unnamed,
        ] {
            assert_eq!(serde_json::to_value(k).unwrap(), source_kind(k));
        }
        for k in [TimeKind::Date, TimeKind::Time, TimeKind::Duration, TimeKind::Set] {
            assert_eq!(serde_json::to_value(k).unwrap(), time_kind(k));
        }
    }

    #[test]
    fn quotes_table_has_one_row_per_quote_with_its_speaker() {
        let a = article();
        assert!(!a.quotes.is_empty());
        let t = Columns::build(Table::Quotes, [Item::article(&a, 0)]);
        assert_eq!(t.columns.len(), Table::Quotes.columns().len());
        assert_eq!(t.len(), a.quotes.len());
        let Column::Str(speakers) = &t.columns[6] else { panic!("speaker is a text column") };
        assert!(speakers.iter().any(|s| s.as_deref() == Some("Anna Berg")), "{speakers:?}");
        let Column::Str(ids) = &t.columns[0] else {
            panic!("ids are text when the article has one")
        };
        assert!(ids.iter().all(|id| id.as_deref() == Some("a,1")));
    }

    #[test]
    fn positions_key_articles_without_ids_and_errors_keep_their_row() {
        let mut a = article();
        a.id = None;
        let items = [
            Item::article(&a, 0),
            Item { key: Key::Position(1), outcome: Outcome::Error { kind: "io", message: "gone" } },
        ];
        let t = Columns::build(Table::Articles, items);
        assert_eq!(t.columns[0], Column::Int(vec![Some(0), Some(1)]));
        let Column::Str(errors) = &t.columns[10] else { panic!("error is a text column") };
        assert_eq!(errors, &vec![None, Some("io: gone".to_owned())]);
        // An error record has no quotes.
        let q = Columns::build(Table::Quotes, [items[1]]);
        assert!(q.is_empty());
    }

    #[test]
    fn csv_quotes_fields_as_rfc_4180_says() {
        let a = article();
        let mut w = CsvWriter::new(Table::Quotes, Vec::new()).unwrap();
        w.write(&Item::article(&a, 0)).unwrap();
        assert_eq!(w.rows(), a.quotes.len());
        let csv = String::from_utf8(w.finish().unwrap()).unwrap();
        let mut lines = csv.split("\r\n");
        assert_eq!(
            lines.next(),
            Some(
                "article_id,quote,kind,text,start,end,speaker,speaker_entity,speaker_kind,cue,confidence"
            )
        );
        // The id holds a comma and the direct quote holds commas: both quoted.
        assert!(csv.contains("\"a,1\",0,"), "{csv}");
        assert!(csv.contains("\"We are ready, and we said so, clearly,\""), "{csv}");
        assert!(csv.ends_with("\r\n"));
    }

    #[test]
    fn table_names_round_trip_and_unknown_names_are_refused() {
        for t in Table::ALL {
            assert_eq!(t.name().parse::<Table>(), Ok(t));
        }
        assert!("quote".parse::<Table>().unwrap_err().contains("quotes"));
    }
}
