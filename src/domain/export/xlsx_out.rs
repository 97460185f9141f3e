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

/// A workbook being written: one sheet, filled row by row.
pub struct XlsxOut {
    workbook: Workbook,
    /// The next row to write.
    row: u32,
    columns: u16,
    date: Format,
}

impl XlsxOut {
    /// A workbook whose one sheet, named `sheet`, starts with `header`.
    pub fn new(sheet: &str, header: &[String]) -> Result<Self, XlsxError> {
        let mut workbook = Workbook::new();
        // Excel's own level: a third faster than the default, barely larger.
        workbook.set_zip_compression_level(3);
        let ws = workbook.add_worksheet_with_constant_memory()?;
        ws.set_name(sheet)?;
        let bold = Format::new().set_bold();
        for (i, name) in header.iter().enumerate() {
            let col = u16::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)?;
            ws.set_column_width(col, width(name))?;
            ws.write_string_with_format(0, col, name, &bold)?;
        }
        ws.set_freeze_panes(1, 0)?;
        let columns = u16::try_from(header.len()).map_err(|_| XlsxError::RowColumnLimitError)?;
        Ok(Self {
            workbook,
            row: 1,
            columns,
            date: Format::new().set_num_format("yyyy-mm-dd"),
        })
    }

    /// The next row.
    pub fn row(&mut self, cells: &[Cell]) -> Result<(), XlsxError> {
        let row = self.row;
        let ws = self.workbook.worksheet_from_index(0)?;
        for (i, cell) in cells.iter().enumerate() {
            let col = u16::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)?;
            match cell {
                Cell::Text(t) => {
                    ws.write_string(row, col, t)?;
                }
                Cell::Number(n) => {
                    ws.write_number(row, col, n.to_f64().unwrap_or(f64::NAN))?;
                }
                Cell::Date(d) => {
                    let day = excel_date(*d)?;
                    ws.write_datetime_with_format(row, col, &day, &self.date)?;
                }
                Cell::Empty => {}
            }
        }
        self.row += 1;
        Ok(())
    }

    /// Filters over every row written, and the workbook saved to `path`.
    pub fn finish(mut self, path: &Path) -> Result<(), XlsxError> {
        if self.columns > 0 {
            let last_row = self.row.saturating_sub(1);
            self.workbook
                .worksheet_from_index(0)?
                .autofilter(0, 0, last_row, self.columns - 1)?;
        }
        self.workbook.save(path)
    }
}

/// A column wide enough for its header, within reason.
fn width(header: &str) -> f64 {
    let chars = header.chars().count().clamp(10, MAX_WIDTH);
    f64::from(u32::try_from(chars).unwrap_or(10)) + 2.0
}

fn excel_date(d: jiff::civil::Date) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(d.year()).map_err(|_| XlsxError::DateTimeRangeError(d.to_string()))?;
    let month =
        u8::try_from(d.month()).map_err(|_| XlsxError::DateTimeRangeError(d.to_string()))?;
    let day = u8::try_from(d.day()).map_err(|_| XlsxError::DateTimeRangeError(d.to_string()))?;
    ExcelDateTime::from_ymd(year, month, day)
}
