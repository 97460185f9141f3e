//! XLSX, written row by row in constant memory (`rust_xlsxwriter` keeps each
//! sheet in a temporary file until it saves): typed cells (numbers as
//! numbers, dates as dates), a frozen header row with filters, and columns
//! wide enough to read. A text cell is stored as text, so a formula in it
//! is never run.

use std::path::Path;

use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::table::Cell;

/// Columns no wider than this many characters; text wraps past it.
const MAX_WIDTH: usize = 60;

/// A workbook being written, sheet after sheet, each filled row by row.
pub struct XlsxOut {
    workbook: Workbook,
    /// Per sheet: the rows written (the header included) and its columns.
    sheets: Vec<(u32, u16)>,
    date: Format,
    moment: Format,
}

impl XlsxOut {
    pub fn new() -> Self {
        let mut workbook = Workbook::new();
        // Excel's own level: a third faster than the default, barely larger.
        workbook.set_zip_compression_level(3);
        Self {
            workbook,
            sheets: Vec::new(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            moment: Format::new().set_num_format("yyyy-mm-dd hh:mm:ss"),
        }
    }

    /// A new sheet named `name`, starting with `header`; the rows that
    /// follow go to it.
    pub fn sheet(&mut self, name: &str, header: &[String]) -> Result<(), XlsxError> {
        let ws = self.workbook.add_worksheet_with_constant_memory()?;
        ws.set_name(name)?;
        let bold = Format::new().set_bold();
        for (i, title) in header.iter().enumerate() {
            let col = u16::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)?;
            ws.set_column_width(col, width(title))?;
            ws.write_string_with_format(0, col, title, &bold)?;
        }
        ws.set_freeze_panes(1, 0)?;
        let columns = u16::try_from(header.len()).map_err(|_| XlsxError::RowColumnLimitError)?;
        self.sheets.push((1, columns));
        Ok(())
    }

    /// The next row of the current sheet.
    pub fn row(&mut self, cells: &[Cell]) -> Result<(), XlsxError> {
        let index = self.sheets.len().saturating_sub(1);
        let Some((row, _)) = self.sheets.last_mut() else {
            return Err(XlsxError::UnknownWorksheetNameOrIndex(String::new()));
        };
        let at = *row;
        *row += 1;
        let ws = self.workbook.worksheet_from_index(index)?;
        for (i, cell) in cells.iter().enumerate() {
            let col = u16::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)?;
            match cell {
                Cell::Text(t) => {
                    ws.write_string(at, col, t)?;
                }
                Cell::Number(n) => {
                    ws.write_number(at, col, n.to_f64().unwrap_or(f64::NAN))?;
                }
                Cell::Date(d) => {
                    let day = excel_date(*d)?;
                    ws.write_datetime_with_format(at, col, &day, &self.date)?;
                }
                Cell::Moment(t) => {
                    let utc = t.to_zoned(jiff::tz::TimeZone::UTC);
                    let at_time = excel_date(utc.date())?.and_hms(
                        u16::try_from(utc.hour()).unwrap_or(0),
                        u8::try_from(utc.minute()).unwrap_or(0),
                        f64::from(utc.second()),
                    )?;
                    ws.write_datetime_with_format(at, col, &at_time, &self.moment)?;
                }
                Cell::Empty => {}
            }
        }
        Ok(())
    }

    /// Filters over every row of every sheet, and the workbook saved to
    /// `path`.
    pub fn finish(mut self, path: &Path) -> Result<(), XlsxError> {
        for (index, (rows, columns)) in self.sheets.iter().enumerate() {
            if *columns > 0 {
                self.workbook.worksheet_from_index(index)?.autofilter(
                    0,
                    0,
                    rows.saturating_sub(1),
                    columns - 1,
                )?;
            }
        }
        self.workbook.save(path)
    }
}

impl Default for XlsxOut {
    fn default() -> Self {
        Self::new()
    }
}

/// A column wide enough for its header, within reason.
fn width(header: &str) -> f64 {
    // The signing moment, `yyyy-mm-dd hh:mm:ss`, needs its nineteen.
    let least = if header == "created" { 19 } else { 10 };
    let chars = header.chars().count().clamp(least, MAX_WIDTH);
    f64::from(u32::try_from(chars).unwrap_or(10)) + 2.0
}

fn excel_date(d: jiff::civil::Date) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(d.year()).map_err(|_| XlsxError::DateTimeRangeError(d.to_string()))?;
    let month =
        u8::try_from(d.month()).map_err(|_| XlsxError::DateTimeRangeError(d.to_string()))?;
    let day = u8::try_from(d.day()).map_err(|_| XlsxError::DateTimeRangeError(d.to_string()))?;
    ExcelDateTime::from_ymd(year, month, day)
}
