//! The CSV of a [`Table`]: UTF-8 with a byte-order mark (so that spreadsheet programs read the
//! diacritics right), comma-separated, CRLF line ends, the header first; no text cell starts a
//! formula (`spreadsheet_safe`).

use anyhow::Result;

use super::table::{Kind, Table};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The bytes of `table`'s CSV file.
pub fn csv_bytes(table: &Table) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    write_csv(table, &mut bytes)?;
    Ok(bytes)
}

/// Writes `table`'s CSV file into `out`, a row at a time.
pub fn write_csv(table: &Table, mut out: impl std::io::Write) -> Result<()> {
    out.write_all(BOM)?;
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out);
    writer.write_record(table.schema.columns.iter().map(|c| c.name))?;
    for row in &table.rows {
        for (cell, column) in row.iter().zip(&table.schema.columns) {
            match column.kind {
                Kind::Integer => writer.write_field(cell)?,
                Kind::Text => writer.write_field(spreadsheet_safe(cell).as_bytes())?,
            }
        }
        // No more fields: ends the record.
        writer.write_record(None::<&[u8]>)?;
    }
    writer.flush().map_err(|e| anyhow::anyhow!("writing {}: {e}", table.path))
}

/// The characters that make a spreadsheet evaluate a cell as a formula when they start it
/// (OWASP's CSV injection rule: `=`, `+`, `-`, `@`, tab, carriage return; ASVS 1.2.10 adds NUL).
const FORMULA_STARTS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\0'];

/// A CSV cell as a spreadsheet may open it: a text that starts with a formula character, also
/// after leading white space, gets an apostrophe in front, which spreadsheets read as "this is
/// text" and do not show. Every such cell, also a plain "-" or "- 2024": the published texts
/// hold no numbers a reader would lose by it, and one rule is easier to undo than exceptions.
/// The JSON downloads and the XLSX (whose text cells are text, never formulas) keep the exact text.
pub fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.trim_start().starts_with(FORMULA_STARTS) || cell.starts_with(FORMULA_STARTS) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::export::table::{Column, Row, Schema};

    #[test]
    fn bom_header_crlf_and_formulas_defused_in_text_only() {
        let schema = Schema {
            name: "t",
            columns: vec![Column::text("text", "Text", "t"), Column::integer("an", "An", "a")],
            primary_key: Vec::new(),
            foreign_keys: Vec::new(),
        };
        let table = Table {
            name: "t".into(),
            path: "date/t.csv".into(),
            title: "T".into(),
            description: "d".into(),
            schema: Arc::new(schema),
            rows: vec![
                Row::from(vec!["=1+1".to_owned(), "2024".to_owned()]),
                Row::from(vec!["a, b".into(), String::new()]),
            ],
            date: None,
        };
        let bytes = csv_bytes(&table).expect("csv");
        assert_eq!(bytes, b"\xEF\xBB\xBFtext,an\r\n'=1+1,2024\r\n\"a, b\",\r\n");
    }
}
