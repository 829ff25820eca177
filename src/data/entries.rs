//! Entries: individuals or teams, from CSV (as Excel saves it) or RON.

use super::cells::{self, column_label, row_field, separator_help, suggestion};
use super::{csv_error_at, headers, is_blank_row, read_text, RowNumbers};
use crate::error::{Diagnostic, Diagnostics};
use crate::i18n::Text;
use crate::msg;
use compact_str::CompactString;
use hashbrown::HashTable;
use rayon::prelude::*;
use serde::Deserialize;
use smallvec::SmallVec;
use std::collections::BTreeMap;
use std::hash::BuildHasher;
use std::path::Path;

/// One entry. Kept small: a national contest has a million of them. Its
/// id and name are held in the entry itself up to 24 bytes (eight Chinese
/// characters): as allocations of their own, each took a 32-byte heap
/// chunk beside its 16-byte pointer.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: CompactString,
    pub name: CompactString,
    /// Team members' names (empty for individuals).
    pub members: Box<[Box<str>]>,
    /// Each field's value (the organisation first), as indices into
    /// `Entries::values`: the organisation and a division kept in the entry
    /// itself, as a board reads them for every row.
    fields: SmallVec<[u32; FIELDS_INLINE]>,
}

/// Field values an entry holds without an allocation of their own.
const FIELDS_INLINE: usize = 2;

/// All entries, with the strings many of them share (organisations,
/// division values) stored once.
#[derive(Debug, Clone, Default)]
pub struct Entries {
    /// Names of the fields: `organisation`, then the extra columns
    /// (division fields and any others).
    pub fields: Vec<String>,
    pub list: Vec<Entry>,
    /// Entry numbers, found by hashing their ids (the ids are not stored twice).
    index: HashTable<u32>,
    values: Vec<Box<str>>,
    /// Each value's number, found by the fast hash the index uses too.
    value_ids: rustc_hash::FxHashMap<Box<str>, u32>,
}

fn hash(id: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(id)
}

impl Entries {
    /// Entries with these extra fields and none yet.
    pub fn with_fields(extra: Vec<String>) -> Entries {
        let fields = std::iter::once(ORGANISATION.to_string()).chain(extra).collect();
        Entries {
            fields,
            ..Entries::default()
        }
    }

    /// Room for `additional` more entries: a list and index grown as rows
    /// are read are copied and rehashed again and again.
    pub fn reserve(&mut self, additional: usize) {
        self.list.reserve(additional);
        let list = &self.list;
        self.index.reserve(additional, |&n| hash(&list[n as usize].id));
    }

    /// Adds an entry; `false` (and nothing added) if its id is taken.
    #[must_use]
    pub fn push(&mut self, id: &str, name: &str, organisation: &str, members: Vec<String>, fields: &[&str]) -> bool {
        let hashed = hash(id);
        if self.index.find(hashed, |&n| &*self.list[n as usize].id == id).is_some() {
            return false;
        }
        let number = self.list.len() as u32;
        let fields = std::iter::once(organisation)
            .chain(fields.iter().copied())
            .map(|value| self.intern(value))
            .collect();
        self.list.push(Entry {
            id: id.into(),
            name: name.into(),
            members: members.into_iter().map(Box::from).collect(),
            fields,
        });
        let list = &self.list;
        self.index.insert_unique(hashed, number, |&n| hash(&list[n as usize].id));
        true
    }

    fn intern(&mut self, value: &str) -> u32 {
        if let Some(&id) = self.value_ids.get(value) {
            return id;
        }
        let id = self.values.len() as u32;
        self.values.push(value.into());
        self.value_ids.insert(value.into(), id);
        id
    }

    /// The entries at these numbers, in this order, numbered anew from 0
    /// (a stage's field).
    pub fn subset(&self, numbers: &[u32]) -> Entries {
        let mut subset = Entries {
            fields: self.fields.clone(),
            list: numbers.par_iter().map(|&number| self.list[number as usize].clone()).collect(),
            index: HashTable::with_capacity(numbers.len()),
            values: self.values.clone(),
            value_ids: self.value_ids.clone(),
        };
        let list = &subset.list;
        for (at, entry) in list.iter().enumerate() {
            subset
                .index
                .insert_unique(hash(&entry.id), at as u32, |&n| hash(&list[n as usize].id));
        }
        subset
    }

    /// The number of the entry with this id.
    pub fn find(&self, id: &str) -> Option<u32> {
        self.index.find(hash(id), |&n| &*self.list[n as usize].id == id).copied()
    }

    pub fn organisation<'a>(&'a self, entry: &Entry) -> &'a str {
        self.value(entry, 0)
    }

    /// The id of a value as stored for entries, if any entry has it: equal
    /// ids mean equal values, so comparing them is cheap.
    pub fn value_id(&self, value: &str) -> Option<u32> {
        self.value_ids.get(value).copied()
    }

    /// The id of the value of the field in `column` (see `value_id`).
    pub fn value_id_of(&self, entry: &Entry, column: usize) -> u32 {
        entry.fields[column]
    }

    /// The value of the field in `column` (see `field_index`).
    pub fn value<'a>(&'a self, entry: &Entry, column: usize) -> &'a str {
        &self.values[entry.fields[column] as usize]
    }

    pub fn field_index(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f == name)
    }

    pub fn field<'a>(&'a self, entry: &Entry, name: &str) -> Option<&'a str> {
        self.field_index(name).map(|c| self.value(entry, c))
    }

    /// Reads CSV, a workbook or RON by extension, checking ids and the
    /// fields the contest needs.
    pub fn load(path: &Path, required_fields: &[String]) -> Result<Entries, Diagnostics> {
        let text = read_text(path)?;
        let entries = match path.extension().and_then(|e| e.to_str()) {
            Some("ron") => from_ron(path, &text)?,
            _ => from_csv(path, &text, required_fields)?,
        };
        let mut problems = Diagnostics::default();
        for field in required_fields {
            if entries.field_index(field).is_none() {
                let names = entries.fields.iter().map(String::as_str);
                problems.push(
                    Diagnostic::new(path, field.as_str(), msg!("files-entries-no-field", field = field))
                        .at_line(1)
                        .help(msg!(
                            "files-entries-add-field",
                            field = field,
                            suggestion = suggestion(field, names)
                        )),
                );
            }
        }
        problems.into_result(entries)
    }
}

const ID: &str = "id";
const NAME: &str = "name";
const ORGANISATION: &str = "organisation";
const MEMBERS: &str = "members";

fn from_csv(path: &Path, text: &str, required_fields: &[String]) -> Result<Entries, Diagnostics> {
    super::quotes_closed(path, text, 0)?;
    let mut rows = RowNumbers::new(text);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let written: Vec<String> = reader
        .headers()
        .map_err(|e| csv_error_at(path, &e, &mut rows))?
        .iter()
        .map(|h| headers::trimmed(h).to_string())
        .collect();
    let columns: Vec<&str> = [ID, NAME, ORGANISATION, MEMBERS]
        .into_iter()
        .chain(required_fields.iter().map(String::as_str))
        .collect();
    let header = headers::read_header(written.iter().map(String::as_str), &columns);
    let column = |name: &str| header.iter().position(|h| h == name);
    let mut problems = Diagnostics::default();
    for required in [ID, NAME] {
        if column(required).is_none() {
            problems.push(
                Diagnostic::new(path, required, msg!("files-no-column", column = required))
                    .at_line(1)
                    .help(msg!("files-entries-header")),
            );
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let (id_col, name_col) = (column(ID).unwrap_or(0), column(NAME).unwrap_or(0));
    let organisation_col = column(ORGANISATION);
    let members_col = column(MEMBERS);
    // Other named columns are fields; a column without a header is none.
    let extra: Vec<usize> = (0..header.len())
        .filter(|i| ![Some(id_col), Some(name_col), organisation_col, members_col].contains(&Some(*i)) && !header[*i].is_empty())
        .collect();
    let mut entries = Entries::with_fields(extra.iter().map(|&i| header[i].clone()).collect());
    // A row a line, nearly always (a quoted cell may hold a line end).
    let rows_at_most = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
    entries.reserve(rows_at_most);
    let mut lines = Vec::with_capacity(rows_at_most);
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                problems.push(csv_error_at(path, &e, &mut rows));
                continue;
            }
        }
        if is_blank_row(&record) {
            continue;
        }
        let line = rows.of(record.position());
        if record.len() != header.len() {
            problems.push(
                Diagnostic::new(
                    path,
                    row_field(),
                    msg!("files-field-count", found = record.len(), wanted = header.len()),
                )
                .at_line(line)
                .help(separator_help(rows.line_text(line))),
            );
            continue;
        }
        let get = |i: usize| record.get(i).unwrap_or("").trim();
        // The column's label is made only for a refused value: made for
        // every cell, it cost a third of reading two million entries.
        if let Some(problem) = (0..header.len()).find_map(|i| {
            let field = || column_label(i, Some(&written[i]));
            control_problem(path, line, field, get(id_col), get(i))
        }) {
            problems.push(problem);
            continue;
        }
        let fields: SmallVec<[&str; 4]> = extra.iter().map(|&i| get(i)).collect();
        let members = members_col.map(|i| split_members(get(i))).unwrap_or_default();
        add(
            &mut entries,
            [get(id_col), get(name_col), organisation_col.map_or("", get)],
            members,
            &fields,
            path,
            (line, &mut lines),
            &mut problems,
        );
    }
    problems.into_result(entries)
}

/// A name, organisation or other value holding a control character (a line
/// break, an escape code, a direction override): it would reach terminals,
/// pages and charts, where it could forge a line or break the file.
pub(super) fn control_problem(path: &Path, line: usize, field: impl FnOnce() -> String, id: &str, value: &str) -> Option<Diagnostic> {
    let c = crate::text::first_control(value)?;
    Some(
        Diagnostic::new(
            path,
            field(),
            msg!(
                "files-control",
                id = crate::text::shown(id),
                value = crate::text::shown(value),
                code = crate::text::code_point(c)
            ),
        )
        .at_line(line)
        .help(msg!("files-control-help")),
    )
}

fn split_members(text: &str) -> Vec<String> {
    text.split([';', '；', '、', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// Adds an entry read at `line`; `lines` holds the line of every entry
/// added, so that a repeated id names both rows.
#[allow(clippy::too_many_arguments)]
fn add(
    entries: &mut Entries,
    [id, name, organisation]: [&str; 3],
    members: Vec<String>,
    fields: &[&str],
    path: &Path,
    (line, lines): (usize, &mut Vec<usize>),
    problems: &mut Diagnostics,
) {
    if let Some(problem) = id_problem(id) {
        let problem = Diagnostic::new(path, ID, problem).at_line(line);
        problems.push(match cells::odd_character(id) {
            Some(odd) => problem.help(odd),
            None => problem,
        });
        return;
    }
    if name.is_empty() {
        problems.push(Diagnostic::new(path, NAME, msg!("files-entry-no-name", id = id)).at_line(line));
    }
    if entries.push(id, name, organisation, members, fields) {
        lines.push(line);
    } else {
        let first = entries.find(id).and_then(|n| lines.get(n as usize)).copied().unwrap_or(0);
        problems.push(
            Diagnostic::new(path, ID, msg!("files-id-twice", id = id, first = first, second = line))
                .at_line(line)
                .help(msg!("files-id-twice-help")),
        );
    }
}

/// Why an id cannot be used, if it cannot.
pub fn id_problem(id: &str) -> Option<Text> {
    if id.is_empty() {
        Some(msg!("files-id-empty"))
    } else if id.contains([',', '"', '\n', '\r']) || id.trim() != id {
        Some(msg!("files-id-unusable", id = id))
    } else if crate::text::from_spreadsheet_str(id) != id {
        // Exported marks write `=x` as `'=x`; an id that is `'=x` itself would read back as `=x`.
        Some(msg!("files-id-apostrophe", id = id))
    } else {
        None
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RonEntry {
    id: String,
    name: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    members: Vec<String>,
    #[serde(default)]
    fields: BTreeMap<String, String>,
}

fn from_ron(path: &Path, text: &str) -> Result<Entries, Diagnostics> {
    let list: Vec<RonEntry> = crate::contest::ron_options()
        .from_str(text)
        .map_err(|e| crate::contest::ron_diagnostic(path, &e))?;
    let mut names: Vec<String> = Vec::new();
    for entry in &list {
        for field in entry.fields.keys() {
            if !names.contains(field) {
                names.push(field.clone());
            }
        }
    }
    let mut entries = Entries::with_fields(names.clone());
    let mut problems = Diagnostics::default();
    let mut lines = Vec::new();
    for entry in list {
        let line = crate::contest::locate(text, &[&format!("\"{}\"", entry.id)]).map_or(0, |p| p.0);
        let fields: Vec<&str> = names.iter().map(|f| entry.fields.get(f).map_or("", String::as_str)).collect();
        let values = [(ID, &entry.id), (NAME, &entry.name), (ORGANISATION, &entry.organisation)]
            .into_iter()
            .chain(entry.members.iter().map(|m| (MEMBERS, m)))
            .chain(entry.fields.iter().map(|(f, v)| (f.as_str(), v)));
        if let Some(problem) = values
            .into_iter()
            .find_map(|(field, value)| control_problem(path, line, || field.to_string(), &entry.id, value))
        {
            problems.push(problem);
            continue;
        }
        add(
            &mut entries,
            [&entry.id, &entry.name, &entry.organisation],
            entry.members,
            &fields,
            path,
            (line, &mut lines),
            &mut problems,
        );
    }
    problems.into_result(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Entries, Diagnostics> {
        let dir = std::env::temp_dir().join(format!("podium-entries-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("e{}.csv", text.len()));
        std::fs::write(&path, text).unwrap();
        Entries::load(&path, &["trade".to_string()])
    }

    #[test]
    fn reads_excel_csv_with_bom_and_members() {
        let entries = load("\u{feff}id,name,organisation,trade,members\nT1,一班,建工,welder,张三;李四\n").unwrap();
        assert_eq!(&*entries.list[0].members, [Box::from("张三"), Box::from("李四")]);
        assert_eq!(entries.organisation(&entries.list[0]), "建工");
        assert_eq!(entries.find("T1"), Some(0));
        assert_eq!(entries.find("T2"), None);
        assert_eq!(entries.field(&entries.list[0], "trade"), Some("welder"));
    }

    /// Ids and names are held in the entry up to 24 bytes and beyond it
    /// elsewhere: both kinds read back and are found alike.
    #[test]
    fn long_and_short_ids_and_names_are_found_alike() {
        let long_id = "QZ-2026-第一届职工职业技能大赛-焊工-0001";
        let long_name = "新疆维吾尔自治区乌鲁木齐市代表队";
        let entries = load(&format!("id,name,trade\nA1,张三,w\n{long_id},{long_name},w\n")).unwrap();
        assert!(long_id.len() > 24 && long_name.len() > 24);
        assert_eq!(entries.find("A1"), Some(0));
        assert_eq!(entries.find(long_id), Some(1));
        assert_eq!((&*entries.list[1].id, &*entries.list[1].name), (long_id, long_name));
        assert_eq!(&*entries.list[0].name, "张三");
    }

    #[test]
    fn refuses_control_characters_and_ids_a_spreadsheet_would_change() {
        // Rows as Excel shows them: the two-line name is one row.
        let err = load("id,name,trade\nA,\"two\nlines\",w\nB,\"esc\u{1b}]0;t\u{7}\",w\nC,ok,\"w\u{202E}\"\n'=D,x,w\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(":2: error in `name (column B)`: entry `A`: `two\\u{a}lines` contains the control character U+000A"),
            "{err}"
        );
        assert!(
            err.contains(":3: error in `name (column B)`: entry `B`: `esc\\u{1b}]0;t\\u{7}` contains the control character U+001B"),
            "{err}"
        );
        assert!(err.contains(":4: error in `trade (column C)`: entry `C`"), "{err}");
        assert!(err.contains(":5: error in `id`: the id `'=D` starts with an apostrophe"), "{err}");
    }

    #[test]
    fn reports_duplicates_missing_fields_and_broken_rows() {
        let err = load("id,name,trade\nA,x,w\nA,y,w\nB,z\n").unwrap_err().to_string();
        assert!(err.contains(":3: error in `id`: the id `A` is used twice"), "{err}");
        assert!(
            err.contains(":4: error in `row`: this row has 2 fields but the header has 3"),
            "{err}"
        );
        let err = load("id,name\nA,x\n").unwrap_err().to_string();
        assert!(err.contains("no such column"), "{err}");
    }
}
