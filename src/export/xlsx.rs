//! The XLSX of a [`Table`] (rust_xlsxwriter, used only here): for Excel with Romanian regional
//! settings, which opens a comma CSV in one column. One sheet, the header row bold, frozen and
//! filterable, each column as wide as its definition says; text cells are text (never a formula,
//! so no apostrophe is needed), whole-number cells numbers. Reproducible: the document's creation
//! date is the table's content date, and the archive's entries carry a fixed time.

use anyhow::{Context as _, Result};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

use super::table::{Kind, Table};

/// A sheet name: at most 31 characters (Excel's limit); table names are ASCII slugs.
fn sheet_name(name: &str) -> &str {
    &name[..name.len().min(31)]
}

/// The bytes of `table`'s XLSX file; `fallback_date` (`YYYY-MM-DD`) dates it when the table has
/// no date of its own. The sheet is written row by row into a temporary file in `scratch` (or
/// the system's temporary folder), rust_xlsxwriter's "low memory" mode: held whole, the sheet of
/// `activitati` took ~1 GB at 100,000 pages (docs/performance.md).
pub fn xlsx_bytes(table: &Table, fallback_date: &str, scratch: Option<&std::path::Path>) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    if let Some(folder) = scratch {
        workbook.set_tempdir(folder)?;
    }
    let date = table.date.as_deref().unwrap_or(fallback_date);
    let created = ExcelDateTime::parse_from_str(date).context("the content date")?;
    workbook.set_properties(&DocProperties::new().set_title(&table.title).set_creation_datetime(&created));
    let sheet = workbook.add_worksheet_with_low_memory()?;
    sheet.set_name(sheet_name(&table.name))?;
    let bold = Format::new().set_bold();
    for (c, column) in table.schema.columns.iter().enumerate() {
        let c = u16::try_from(c)?;
        sheet.write_string_with_format(0, c, column.name, &bold)?;
        sheet.set_column_width(c, column.width)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = u32::try_from(r + 1)?;
        for (c, (cell, column)) in row.iter().zip(&table.schema.columns).enumerate() {
            let c = u16::try_from(c)?;
            match (column.kind, cell.parse::<i64>()) {
                (_, _) if cell.is_empty() => {}
                // Whole numbers of the content are far below 2^53, exact as f64.
                #[allow(clippy::cast_precision_loss)]
                (Kind::Integer, Ok(n)) => {
                    sheet.write_number(r, c, n as f64)?;
                }
                // Excel refuses a text over 32,767 characters: the build stops and names the cell
                // rather than cut a published text.
                _ => {
                    sheet
                        .write_string(r, c, cell)
                        .with_context(|| format!("{}: row {r}, column {}", table.path, column.name))?;
                }
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    let last_column = u16::try_from(table.schema.columns.len().saturating_sub(1))?;
    sheet.autofilter(0, 0, u32::try_from(table.rows.len())?, last_column)?;
    workbook.save_to_buffer().with_context(|| format!("writing the XLSX of {}", table.path))
}

#[cfg(test)]
mod tests {
    use std::io::Read as _;
    use std::sync::Arc;

    use super::*;
    use crate::export::table::{Column, Row, Schema};

    fn part(xlsx: &[u8], name: &str) -> String {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).expect("an XLSX is a zip");
        let mut text = String::new();
        archive.by_name(name).expect("a part").read_to_string(&mut text).expect("UTF-8");
        text
    }

    #[test]
    fn header_frozen_text_as_text_numbers_as_numbers_and_the_same_bytes_twice() {
        let table = Table {
            name: "t".into(),
            path: "date/t.csv".into(),
            title: "T".into(),
            description: "d".into(),
            schema: Arc::new(Schema {
                name: "t",
                columns: vec![Column::text("text", "Text", "t").wide(33.0), Column::integer("an", "An", "a")],
                primary_key: Vec::new(),
                foreign_keys: Vec::new(),
            }),
            rows: vec![
                Row::from(vec!["=1+1".to_owned(), "2024".to_owned()]),
                Row::from(vec!["x".into(), String::new()]),
            ],
            date: Some("2026-11-30".into()),
        };
        let xlsx = xlsx_bytes(&table, "1980-01-01", None).expect("xlsx");
        assert_eq!(xlsx, xlsx_bytes(&table, "1980-01-01", None).expect("xlsx"), "reproducible");
        let sheet = part(&xlsx, "xl/worksheets/sheet1.xml");
        assert!(sheet.contains(r#"ySplit="1""#) && sheet.contains("<autoFilter"), "{sheet}");
        assert!(!sheet.contains("<f>"), "a text that starts with = is no formula: {sheet}");
        assert!(sheet.contains("<v>2024</v>") && sheet.contains(r#"width="33"#), "{sheet}");
        assert!(part(&xlsx, "xl/sharedStrings.xml").contains("=1+1"));
        assert!(part(&xlsx, "docProps/core.xml").contains("2026-11-30"));
    }
}
