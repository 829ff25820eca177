//! Entries, marks and element data: reading the organisers' files with
//! every bad row reported by its row (as Excel numbers it) and field.
//!
//! Files come as offices have them: CSV in UTF-8 (with or without a BOM)
//! or GB18030/GBK (what Excel on Chinese Windows saves as "CSV"), or an
//! XLSX workbook; headers in English or Chinese (see `headers`); blank rows
//! anywhere. [`read_text`] is the one door every reader comes in by;
//! [`Pieces`] the same door a few megabytes at a time, for `import`.

pub mod assignments;
pub mod cells;
pub mod elements;
pub mod entries;
pub mod headers;
pub mod marks;
pub mod panels;
pub mod workbook;

pub use elements::ElementData;
pub use entries::{Entries, Entry};
pub use marks::{EntryMarks, Mark, MarkSet, Refusal, RowChecker, SlotWalk, NO_JUDGE};
pub use panels::Panels;

use crate::error::{Diagnostic, Diagnostics};
use crate::i18n::Text;
use crate::msg;
use std::path::Path;

/// Reads a file as text, naming it in the error. A workbook (`.xlsx`,
/// `file.xlsx#sheet`, see `workbook`) comes back as UTF-8 CSV whose line N
/// is its sheet's row N. Other files are UTF-8 (a BOM is dropped) or, when
/// they are not, GB18030 (of which GBK is a part): decoded strictly, and
/// said once on stderr (see [`decoded_as`]). A file that is neither, or is
/// UTF-16, is refused with where and what to do.
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    if let Some(sheet) = workbook::Sheet::named_by(path) {
        return workbook::to_csv(&sheet);
    }
    let bytes = std::fs::read(path).map_err(|e| Diagnostic::new(path, "", msg!("files-cannot-read", why = e)))?;
    decode(path, bytes)
}

/// The encodings a file may come in, as `decode` found them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Gb18030,
}

/// The bytes of a text file as text: UTF-8, else GB18030, else refused.
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        // Excel's "Unicode text": UTF-16, tab-separated.
        return Err(Diagnostic::new(path, "", msg!("files-utf16")).help(msg!("files-save-as-csv")));
    }
    let mut bytes = bytes;
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(e) => e.into_bytes(),
    };
    match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(&bytes) {
        Some(text) => {
            decoded_as(path, Encoding::Gb18030);
            Ok(text.into_owned())
        }
        None => Err(not_text(path, &bytes)),
    }
}

/// A file's text in pieces of whole rows, none cutting a quoted cell, for
/// a reader that need not hold it whole: a UTF-8 CSV file (checked to be
/// UTF-8 throughout by a first pass) a few megabytes at a time, anything
/// else read whole by [`read_text`] as one piece. An import of a
/// province's 290 MB file held all of it.
pub struct Pieces {
    path: std::path::PathBuf,
    source: PieceSource,
    /// The rows of the pieces given so far.
    rows_before: usize,
    /// The header's cells, read from the first piece: columns are named by them.
    header: Vec<String>,
}

enum PieceSource {
    Whole(Option<String>),
    File {
        file: std::fs::File,
        /// What was read after the last piece's last row.
        carry: Vec<u8>,
        first: bool,
        /// Bytes read for a piece (more when one row is longer).
        size: usize,
    },
}

/// Some whole rows of a file, and how many rows come before them.
pub struct Piece {
    pub text: String,
    pub rows_before: usize,
}

/// Bytes read for a piece: a few rows' checking and storing while the
/// next is read, little memory.
const PIECE: usize = 8 << 20;

/// The longest row a reader takes with a quoted cell open in it: an Excel
/// cell holds at most 32,767 characters, so a quote still open after this
/// many bytes is a stray one (the rows after it would be read as its cell).
pub const LONGEST_ROW: usize = 4 << 20;

impl Pieces {
    /// The file's pieces, or why it cannot be read as text.
    pub fn open(path: &Path) -> Result<Pieces, Diagnostic> {
        Pieces::of_size(path, PIECE)
    }

    fn of_size(path: &Path, size: usize) -> Result<Pieces, Diagnostic> {
        let cannot_read = |e: std::io::Error| Diagnostic::new(path, "", msg!("files-cannot-read", why = e));
        let source = if workbook::Sheet::named_by(path).is_none() && is_utf8_file(path).map_err(cannot_read)? {
            PieceSource::File {
                file: std::fs::File::open(path).map_err(cannot_read)?,
                carry: Vec::new(),
                first: true,
                size,
            }
        } else {
            PieceSource::Whole(Some(read_text(path)?))
        };
        Ok(Pieces {
            path: path.to_path_buf(),
            source,
            rows_before: 0,
            header: Vec::new(),
        })
    }

    /// The next piece's text: `None` at the end of the file.
    fn next_text(&mut self) -> Option<Result<String, Diagnostic>> {
        let path = &self.path;
        let PieceSource::File { file, carry, first, size } = &mut self.source else {
            let PieceSource::Whole(text) = &mut self.source else {
                unreachable!()
            };
            return text.take().map(Ok);
        };
        let mut bytes = match next_rows(file, carry, *size) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => return None,
            Err(e) => return Some(Err(Diagnostic::new(path, "", msg!("files-cannot-read", why = e)))),
        };
        if std::mem::take(first) && bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
        // UTF-8 when first read: changed since, the row where it stopped.
        Some(String::from_utf8(bytes).map_err(|e| {
            let (row, _) = place(e.as_bytes(), e.utf8_error().valid_up_to());
            Diagnostic::new(path, cells::row_field(), msg!("files-row-not-utf8")).at_line(self.rows_before + row)
        }))
    }
}

impl Iterator for Pieces {
    type Item = Result<Piece, Diagnostic>;

    fn next(&mut self) -> Option<Self::Item> {
        let text = match self.next_text()? {
            Ok(text) => text,
            Err(problem) => return Some(Err(problem)),
        };
        let rows_before = self.rows_before;
        if rows_before == 0 {
            self.header = header_cells(&text);
        }
        let at = (rows_before, self.header.as_slice());
        if let Some(start) = overlong_row(text.as_bytes()) {
            self.source = PieceSource::Whole(None);
            return Some(Err(row_too_long(&self.path, &text, at, start)));
        }
        let quotes = Quotes::of(text.as_bytes());
        // Pieces are cut at records' ends: only the last can end in a quote.
        if let Some(open) = quotes.open {
            return Some(Err(quote_not_closed(&self.path, &text, at, open)));
        }
        self.rows_before += quotes.row_ends;
        Some(Ok(Piece { text, rows_before }))
    }
}

/// Whether the file is UTF-8 throughout, read a block at a time.
fn is_utf8_file(path: &Path) -> std::io::Result<bool> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let mut block = Vec::with_capacity(1 << 20);
    loop {
        // Bytes of a character cut at the last block's end stay in front.
        let kept = block.len();
        let read = (&mut file).take(1 << 20).read_to_end(&mut block)?;
        if read == 0 {
            return Ok(kept == 0);
        }
        match std::str::from_utf8(&block) {
            Ok(_) => block.clear(),
            Err(e) if e.error_len().is_none() => {
                block.drain(..e.valid_up_to());
            }
            Err(_) => return Ok(false),
        }
    }
}

/// The next whole rows of `file` after `carry`, leaving in `carry` what
/// follows them; `None` at the end.
fn next_rows(file: &mut std::fs::File, carry: &mut Vec<u8>, size: usize) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let mut bytes = std::mem::take(carry);
    let mut records = RecordEnds::new();
    loop {
        let read = (&mut *file).take(size as u64).read_to_end(&mut bytes)?;
        if read < size {
            return Ok((!bytes.is_empty()).then_some(bytes));
        }
        if let Some(end) = records.last(&bytes) {
            *carry = bytes.split_off(end + 1);
            return Ok(Some(bytes));
        }
        // A row longer than `LONGEST_ROW` (a stray quote, as a rule):
        // the piece ends in it, and is refused there.
        if bytes.len() > LONGEST_ROW {
            return Ok(Some(bytes));
        }
        // One row longer than a piece: read on, and look on from here.
    }
}

/// The line ends that end records, found as the csv reader reads
/// records: a stray quote inside a cell or a quoted cell over several
/// lines is what it makes of them (cut anywhere else, a piece could make a
/// row of part of a cell).
struct RecordEnds {
    reader: csv_core::Reader,
    /// Bytes looked at so far.
    at: usize,
    last: Option<usize>,
}

impl RecordEnds {
    fn new() -> RecordEnds {
        // The csv reader's defaults, as every podium reader builds it.
        RecordEnds {
            reader: csv_core::Reader::new(),
            at: 0,
            last: None,
        }
    }

    /// Where in `bytes` (which start with a record, and grow between
    /// calls) the line end is that ends the last record read whole.
    fn last(&mut self, bytes: &[u8]) -> Option<usize> {
        let (mut fields, mut ends) = ([0u8; 4096], [0usize; 64]);
        while self.at < bytes.len() {
            let (result, read, _, _) = self.reader.read_record(&bytes[self.at..], &mut fields, &mut ends);
            self.at += read;
            if result == csv_core::ReadRecordResult::Record {
                // A record ends at its `\r` or `\n`: the cut is after the
                // `\n`, or after a `\r` alone (old Mac line ends).
                match (bytes[self.at - 1], bytes.get(self.at)) {
                    (b'\n', _) => self.last = Some(self.at - 1),
                    (b'\r', Some(b'\n')) => self.last = Some(self.at),
                    (b'\r', Some(_)) => self.last = Some(self.at - 1),
                    _ => {}
                }
            }
        }
        self.last
    }
}

/// Where the first row of `text` (which starts with one) longer than
/// `LONGEST_ROW` starts, if one is: its length without its line end.
fn overlong_row(text: &[u8]) -> Option<usize> {
    let (mut start, mut found) = (0, None);
    Quotes::read(text, |end| {
        let crlf = text[end] == b'\n' && end > start && text[end - 1] == b'\r';
        if end - start - usize::from(crlf) > LONGEST_ROW {
            found = Some(start);
            return false;
        }
        start = end + 1;
        true
    });
    found.or_else(|| (text.len().saturating_sub(start) > LONGEST_ROW).then_some(start))
}

/// The refusal of a row longer than `LONGEST_ROW` that starts at byte
/// `start` of `text`: at the quote still open where it passes the limit,
/// if one is (a stray quote, as a rule).
fn row_too_long(path: &Path, text: &str, (before, header): (usize, &[String]), start: usize) -> Diagnostic {
    let bytes = text.as_bytes();
    let cut = &bytes[start..(start + LONGEST_ROW).min(bytes.len())];
    match Quotes::of(cut).open {
        Some((open, record)) => quote_not_closed(path, text, (before, header), (start + open, start + record)),
        None => Diagnostic::new(path, cells::row_field(), msg!("files-row-too-long"))
            .at_line(before + row_ends(&bytes[..start]) + 1)
            .help(msg!("files-row-too-long-help")),
    }
}

/// Neither UTF-8 nor GB18030: where the first byte that is neither sits.
fn not_text(path: &Path, bytes: &[u8]) -> Diagnostic {
    let utf8_valid = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len());
    // The farther of the two readings got is where the file stops being text.
    let offset = decoder_stop(bytes).unwrap_or(bytes.len()).max(utf8_valid);
    let (row, column) = place(bytes, offset);
    Diagnostic::new(
        path,
        cells::column_label(column, None),
        msg!("files-not-text", byte = format!("0x{:02X}", bytes[offset.min(bytes.len() - 1)])),
    )
    .at_line(row)
    .help(msg!("files-save-as-csv"))
}

/// Where GB18030 decoding of `bytes` fails, if it does.
fn decoder_stop(bytes: &[u8]) -> Option<usize> {
    let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(decoder.max_utf8_buffer_length_without_replacement(bytes.len())?);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        encoding_rs::DecoderResult::Malformed(bad, after) => Some(read.saturating_sub(bad as usize + after as usize)),
        _ => None,
    }
}

/// The row (1-based, lines) and column (0-based, comma-separated fields)
/// of a byte offset of a CSV file.
fn place(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let row = memchr::memchr_iter(b'\n', before).count() + 1;
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let column = memchr::memchr_iter(b',', &before[line_start..]).count();
    (row, column)
}

/// Says once per file, on stderr, that a file was read in an encoding other
/// than UTF-8: a file read as the wrong encoding would show as nonsense
/// names, so the user is told which one podium took.
pub fn decoded_as(path: &Path, encoding: Encoding) {
    static SAID: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());
    if encoding == Encoding::Utf8 {
        return;
    }
    let mut said = SAID.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if said.iter().any(|p| p == path) {
        return;
    }
    said.push(path.to_path_buf());
    eprintln!("{}", Diagnostic::new(path, "", msg!("files-read-as-gb18030")).warning());
}

/// Most problems shown for one file; the rest are counted.
pub const MAX_REPORTED: usize = 50;

/// A malformed CSV row, in words (the field count, not the csv crate's
/// record numbers), at the row `rows` gives it.
pub fn csv_error_at(path: &Path, error: &csv::Error, rows: &mut RowNumbers) -> Diagnostic {
    let line = rows.of(error.position());
    let message: Text = match error.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => msg!("files-field-count", found = len, wanted = expected_len),
        csv::ErrorKind::Utf8 { .. } => msg!("files-row-not-utf8"),
        _ => msg!("files-row-unreadable", why = error),
    };
    let row = rows.line_text(line);
    Diagnostic::new(path, cells::row_field(), message)
        .at_line(line)
        .help(cells::separator_help(row))
}

/// The row numbers Excel shows for records of a CSV text (header = row 1),
/// from their byte offsets: the one place CSV rows are numbered. The csv
/// crate's own line count is one short after a CRLF line end (a record's
/// position is taken before the `\n` of the `\r\n` before it); counting
/// the text's line ends up to the record's first byte is right, blank
/// lines included (Excel shows them as rows), line breaks inside a quoted
/// cell not (Excel shows that cell in one row).
pub struct RowNumbers<'t> {
    text: &'t [u8],
    /// `\n`s counted in `text[..counted]`.
    counted: usize,
    lines: usize,
    /// Rows of the file before `text` (a [`Piece`] of it).
    before: usize,
}

impl<'t> RowNumbers<'t> {
    pub fn new(text: &'t str) -> RowNumbers<'t> {
        RowNumbers::after(text, 0)
    }

    /// The row numbers of a text that follows `before` rows of its file.
    pub fn after(text: &'t str, before: usize) -> RowNumbers<'t> {
        RowNumbers {
            text: text.as_bytes(),
            counted: 0,
            lines: 0,
            before,
        }
    }

    /// The row of the record that starts at `position` (0 when unknown).
    pub fn of(&mut self, position: Option<&csv::Position>) -> usize {
        let Some(position) = position else { return 0 };
        let mut start = (position.byte() as usize).min(self.text.len());
        while start < self.text.len() && matches!(self.text[start], b'\r' | b'\n') {
            start += 1;
        }
        if start < self.counted {
            self.counted = 0;
            self.lines = 0;
        }
        self.lines += row_ends(&self.text[self.counted..start]);
        self.counted = start;
        self.before + self.lines + 1
    }

    /// The text of row `line` (1-based, of the file), for messages about it.
    pub fn line_text(&self, line: usize) -> &'t str {
        let text = std::str::from_utf8(self.text).unwrap_or("");
        text.split('\n').nth(line.saturating_sub(self.before + 1)).unwrap_or("")
    }
}

/// How the csv reader reads the quotes of `text` (which starts with a
/// record): a `"` opens a quoted cell only as a cell's first byte, `""`
/// inside one is a quote, and a `"` anywhere else is kept as written.
struct Quotes {
    /// The line ends that end a row (`\n`, `\r\n`, or a `\r` alone as old
    /// Mac Excel saved CSV): not those inside a quoted cell, which Excel
    /// shows within one row.
    row_ends: usize,
    /// The opening quote of a cell the text ends inside, if it does, and
    /// where its record starts.
    open: Option<(usize, usize)>,
}

impl Quotes {
    fn of(text: &[u8]) -> Quotes {
        Quotes::read(text, |_| true)
    }

    /// Where the first record of `text` ends: the line end that ends it
    /// (its `\n`, or a `\r` alone), not one inside a quoted cell; `None`
    /// if the text ends first.
    fn first_row_end(text: &[u8]) -> Option<usize> {
        let mut end = None;
        Quotes::read(text, |at| {
            end = Some(at);
            false
        });
        end
    }

    /// Reads `text`, telling `row_end` where each row ends, until it
    /// says to stop.
    fn read(text: &[u8], mut row_end: impl FnMut(usize) -> bool) -> Quotes {
        let (mut row_ends, mut open, mut at, mut record) = (0, None, 0, 0);
        while let Some(found) = memchr::memchr3(b'"', b'\n', b'\r', &text[at..]) {
            let i = at + found;
            at = i + 1;
            match (text[i], open) {
                (b'\r', None) if text.get(i + 1) == Some(&b'\n') => {}
                (b'\n' | b'\r', None) => {
                    (row_ends, record) = (row_ends + 1, i + 1);
                    if !row_end(i) {
                        break;
                    }
                }
                (b'\n' | b'\r', Some(_)) => {}
                // In a quoted cell: `""` is a quote, a lone `"` its end.
                (_, Some(_)) if text.get(i + 1) == Some(&b'"') => at = i + 2,
                (_, Some(_)) => open = None,
                (_, None) => open = (i == 0 || matches!(text[i - 1], b',' | b'\n' | b'\r')).then_some((i, record)),
            }
        }
        Quotes { row_ends, open }
    }
}

/// The line ends in `text` (whole records) that end a row.
fn row_ends(text: &[u8]) -> usize {
    Quotes::of(text).row_ends
}

/// The column (0-based) at the end of `record`: its commas outside
/// quoted cells.
fn column_at_end(record: &[u8]) -> usize {
    let (mut column, mut quoted, mut i) = (0, false, 0);
    while i < record.len() {
        match (record[i], quoted) {
            (b'"', false) => quoted = i == 0 || record[i - 1] == b',',
            (b'"', true) if record.get(i + 1) == Some(&b'"') => i += 1,
            (b'"', true) => quoted = false,
            (b',', false) => column += 1,
            _ => {}
        }
        i += 1;
    }
    column
}

/// A CSV text whose last cell opens a quote and never closes it is
/// refused at that quote: the csv reader would read the rest of the file
/// as that one cell, and the rows in it would be lost without a word.
/// `before`: the rows of the file before `text`.
pub fn quotes_closed(path: &Path, text: &str, before: usize) -> Result<(), Diagnostic> {
    match Quotes::of(text.as_bytes()).open {
        Some(open) => {
            let header = if before == 0 { header_cells(text) } else { Vec::new() };
            Err(quote_not_closed(path, text, (before, &header), open))
        }
        None => Ok(()),
    }
}

/// The header cells of a text that starts with its header row, trimmed
/// (none if the row never ends, its own quote left open).
fn header_cells(text: &str) -> Vec<String> {
    let Some(end) = Quotes::first_row_end(text.as_bytes()) else {
        return Vec::new();
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&text.as_bytes()[..end]);
    let mut record = csv::StringRecord::new();
    match reader.read_record(&mut record) {
        Ok(true) => record.iter().map(|cell| headers::trimmed(cell).to_string()).collect(),
        _ => Vec::new(),
    }
}

/// The refusal of the quote at byte `open.0` of `text`, in the record
/// that starts at byte `open.1`.
/// `header`: the file's header cells, to name the column by.
fn quote_not_closed(path: &Path, text: &str, (before, header): (usize, &[String]), (open, record): (usize, usize)) -> Diagnostic {
    let bytes = text.as_bytes();
    let column = column_at_end(&bytes[record..open]);
    let label = cells::column_label(column, header.get(column).map(String::as_str));
    Diagnostic::new(path, label, msg!("files-quote-not-closed"))
        .at_line(before + row_ends(&bytes[..record]) + 1)
        .help(msg!("files-quote-not-closed-help"))
}

/// A CSV file's text, as [`read_text`] reads it, with its quotes closed.
pub fn read_csv_text(path: &Path) -> Result<String, Diagnostic> {
    let text = read_text(path)?;
    quotes_closed(path, &text, 0)?;
    Ok(text)
}

/// Whether a row holds nothing but separators and spaces (`,,,`, an empty
/// line, full-width spaces): Excel leaves such rows at the end of a sheet
/// it saves, and every reader skips them.
pub fn is_blank_row(record: &csv::StringRecord) -> bool {
    record.iter().all(|f| f.trim().is_empty())
}

/// A small CSV file of the organisers' (element data, assignments): its
/// header (trimmed, Chinese names read as their English ones), then its
/// non-blank rows with their row numbers.
pub struct Table<'t> {
    path: &'t Path,
    pub header: Vec<String>,
    reader: csv::Reader<&'t [u8]>,
    rows: RowNumbers<'t>,
}

impl<'t> Table<'t> {
    /// The table of `text`, its header's names read as the English ones of
    /// `columns` where they are Chinese aliases (see `headers`).
    pub fn new(path: &'t Path, text: &'t str, columns: &[&str]) -> Result<Table<'t>, Diagnostic> {
        quotes_closed(path, text, 0)?;
        let mut rows = RowNumbers::new(text);
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
        let header = reader.headers().map_err(|e| csv_error_at(path, &e, &mut rows))?;
        let header = headers::read_header(header.iter(), columns);
        Ok(Table {
            path,
            header,
            reader,
            rows,
        })
    }

    /// The column with this name.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// The field name of column `i` for messages: its header and letter.
    pub fn field(&self, i: usize) -> String {
        cells::column_label(i, self.header.get(i).map(String::as_str))
    }

    /// Runs `each` on every row that is not blank with its row number,
    /// gathering problems in `problems` (a malformed row is one) until
    /// `MAX_REPORTED` of them.
    pub fn rows(&mut self, problems: &mut Diagnostics, mut each: impl FnMut(&csv::StringRecord, usize, &mut Diagnostics)) {
        let mut record = csv::StringRecord::new();
        let width = self.header.len();
        while problems.len() < MAX_REPORTED {
            match self.reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {
                    if is_blank_row(&record) {
                        continue;
                    }
                    let line = self.rows.of(record.position());
                    if record.len() != width {
                        let row = self.rows.line_text(line);
                        problems.push(
                            Diagnostic::new(
                                self.path,
                                cells::row_field(),
                                msg!("files-field-count", found = record.len(), wanted = width),
                            )
                            .at_line(line)
                            .help(cells::separator_help(row)),
                        );
                        continue;
                    }
                    each(&record, line, problems);
                }
                Err(e) => problems.push(csv_error_at(self.path, &e, &mut self.rows)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_numbered_as_excel_numbers_them_with_crlf_and_blank_lines() {
        for text in ["h\nA\n\"B\nb\"\n\nC\n", "h\r\nA\r\n\"B\r\nb\"\r\n\r\nC\r\n"] {
            let mut rows = RowNumbers::new(text);
            let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
            let lines: Vec<usize> = reader
                .records()
                .map(|r| {
                    let r = r.unwrap();
                    rows.of(r.position())
                })
                .collect();
            assert_eq!(lines, [2, 3, 5], "{text:?}");
        }
    }

    /// Each record's row, read from the whole text or from pieces of it;
    /// or the row of a quote never closed.
    fn rows_of(text: &str, pieces: Option<usize>) -> Result<Vec<(usize, Vec<String>)>, Option<usize>> {
        let mut found = Vec::new();
        let mut read = |text: &str, before: usize, header: bool| {
            let mut rows = RowNumbers::after(text, before);
            let mut reader = csv::ReaderBuilder::new()
                .flexible(true)
                .has_headers(header)
                .from_reader(text.as_bytes());
            for record in reader.records() {
                let record = record.unwrap();
                found.push((rows.of(record.position()), record.iter().map(String::from).collect()));
            }
        };
        let Some(size) = pieces else {
            quotes_closed(Path::new("t.csv"), text, 0).map_err(|e| e.line)?;
            read(text, 0, true);
            return Ok(found);
        };
        static FILES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let number = FILES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("podium-pieces-{}-{number}.csv", std::process::id()));
        std::fs::write(&path, text).unwrap();
        let pieces: Result<Vec<Piece>, Diagnostic> = Pieces::of_size(&path, size).unwrap().collect();
        std::fs::remove_file(&path).unwrap();
        for (i, piece) in pieces.map_err(|e| e.line)?.iter().enumerate() {
            read(&piece.text, piece.rows_before, i == 0);
        }
        Ok(found)
    }

    /// Each record's row counted another way: the line ends before it,
    /// less those inside the cells of the records before it.
    fn rows_counted(text: &str) -> Vec<usize> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(false)
            .from_reader(text.as_bytes());
        let (mut rows, mut inside) = (Vec::new(), 0);
        for record in reader.records() {
            let record = record.unwrap();
            let start = text.as_bytes()[record.position().unwrap().byte() as usize..]
                .iter()
                .position(|b| !matches!(b, b'\r' | b'\n'))
                .map_or(text.len(), |i| i + record.position().unwrap().byte() as usize);
            rows.push(text[..start].matches('\n').count() - inside + 1);
            inside += record.iter().map(|cell| cell.matches('\n').count()).sum::<usize>();
        }
        rows.split_off(1)
    }

    #[test]
    fn a_file_read_in_pieces_gives_every_row_its_number() {
        let text = "\u{feff}entry,note\r\nE1,\"a\r\nquoted, \"\"long\"\" cell\"\r\n\r\nE2,王伟\r\n,,\r\nE3,\"\"\r\nE4,x";
        let whole = read_whole_and_in_pieces(text);
        assert_eq!(whole.iter().map(|r| r.0).collect::<Vec<_>>(), [2, 4, 5, 6, 7]);
    }

    /// The records of `text` read whole (its BOM dropped, as `read_text`
    /// drops it), found the same in pieces of every size.
    fn read_whole_and_in_pieces(text: &str) -> Vec<(usize, Vec<String>)> {
        let whole = rows_of(text.trim_start_matches('\u{feff}'), None).unwrap();
        for size in 1..=text.len() + 1 {
            assert_eq!(rows_of(text, Some(size)), Ok(whole.clone()), "pieces of {size} bytes");
        }
        whole
    }

    #[test]
    fn a_stray_quote_in_a_cell_leaves_the_rows_after_it_numbered() {
        // Quotes that open no quoted cell (not a cell's first byte, or
        // after one closed) are kept as written and end no row's count.
        let text = "entry,note\nE1,5\"\nE2,a\"b\"\"c\nE3,\"q\"x\"\nE4,y";
        let whole = read_whole_and_in_pieces(text);
        assert_eq!(whole.iter().map(|r| r.0).collect::<Vec<_>>(), [2, 3, 4, 5]);
        assert_eq!(whole[2].1, ["E3", "qx\""]);
    }

    #[test]
    fn rows_ending_in_a_carriage_return_alone_are_rows() {
        // Old Mac Excel's "CSV (Macintosh)": the csv reader ends a record
        // at each `\r`, and Excel shows each as a row.
        let text = "entry,note\rE1,a\rE2,\"b\rc\"\r\rE3,d";
        let whole = read_whole_and_in_pieces(text);
        assert_eq!(whole.iter().map(|r| r.0).collect::<Vec<_>>(), [2, 3, 5]);
        let problem = quotes_closed(Path::new("mac.csv"), "entry,note\rE1,a\rE2,\"b", 0).unwrap_err();
        assert_eq!((problem.line, problem.field.contains('B')), (Some(3), true), "{problem}");
    }

    #[test]
    fn a_quote_never_closed_is_refused_at_its_row_and_column() {
        let text = "entry,judge,value\nE1,J1,5\n\nE2,J1,\"5\nE3,J1,6\nE4,J1,7\n";
        let problem = quotes_closed(Path::new("marks.csv"), text, 0).unwrap_err();
        assert_eq!((problem.line, problem.field.contains('C')), (Some(4), true), "{problem}");
        for size in 1..=text.len() + 1 {
            assert_eq!(rows_of(text, Some(size)), Err(Some(4)), "pieces of {size} bytes");
        }
        // Its column counted past quoted commas and a cell over two lines.
        let problem = quotes_closed(Path::new("m.csv"), "a,b,c,d\n1,\"x,\ny\",\"p,q\",\"z\n", 0).unwrap_err();
        assert_eq!((problem.line, problem.field.contains('D')), (Some(2), true), "{problem}");
        // Closed on a later line, it is a cell over two rows, not an error.
        assert!(quotes_closed(Path::new("marks.csv"), &text.replace("6\n", "6\"\n"), 0).is_ok());
    }

    proptest::proptest! {
        /// Any text of rows, quoted cells and line ends, read in pieces of any
        /// size, gives each record the row and fields of the whole reading.
        #[test]
        fn pieces_number_rows_as_the_whole_text(
            cells in proptest::collection::vec(("[a-c中]{0,3}", proptest::bool::ANY), 0..30),
            ends in proptest::collection::vec(0usize..4, 30),
            size in 1usize..24,
        ) {
            // Cells quoted or not (a quoted one holding quotes, commas and
            // line ends), rows ending in \n or \r\n, blank rows between.
            let mut text = String::from("h\n");
            for (i, (cell, quoted)) in cells.iter().enumerate() {
                match quoted {
                    true => text.push_str(&format!("\"{}\"\"\n,\"", cell)),
                    false => text.push_str(cell),
                }
                text.push_str(["\n", "\r\n", ",", "\n\n"][ends[i]]);
            }
            proptest::prop_assert_eq!(rows_of(&text, Some(size)), rows_of(&text, None));
        }

        /// Stray quotes anywhere: pieces never make a row of what the whole
        /// reading keeps in one cell, every record's row is the one counted
        /// another way, and a quote never closed is refused at one row.
        #[test]
        fn stray_quotes_read_in_pieces_as_whole(body in "([a-c,\"]|\r\n|\n|中){0,60}", size in 1usize..24) {
            let text = format!("h\n{body}");
            let whole = rows_of(&text, None);
            proptest::prop_assert_eq!(rows_of(&text, Some(size)), whole.clone());
            if let Ok(whole) = whole {
                let rows: Vec<usize> = whole.iter().map(|r| r.0).collect();
                proptest::prop_assert_eq!(rows, rows_counted(&text));
            }
        }
    }

    #[test]
    fn gbk_is_read_strictly_and_other_bytes_refused_at_their_row() {
        let dir = std::env::temp_dir().join(format!("podium-decode-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("gbk.csv");
        let (gbk, _, _) = encoding_rs::GBK.encode("编号,姓名\nE1,王伟\n");
        assert_eq!(decode(&path, gbk.into_owned()).unwrap(), "编号,姓名\nE1,王伟\n");
        let mut bad = b"id,name\nE1,ok\nE2,x".to_vec();
        bad.extend([0x81, 0x20]);
        let err = decode(&path, bad).unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err.field.contains('B'), "{}", err.field);
        let err = decode(&path, b"\xFF\xFEi\x00d\x00".to_vec()).unwrap_err();
        assert!(err.in_lang(crate::contest::Lang::En).contains("UTF-16"), "{err}");
    }
}
