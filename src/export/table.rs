//! A published table as one value: its columns (name, type, Romanian title and description,
//! constraints), its rows, its primary and foreign keys. The CSV (`csv.rs`), the XLSX
//! (`xlsx.rs`) and the data package's resource (`datapackage.rs`) are all made from it, so the
//! three cannot drift apart.

use std::sync::Arc;

/// The type of a column's values, as the data package declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Text, written as text in every format.
    Text,
    /// A whole number; an empty cell is a missing value.
    Integer,
}

impl Kind {
    /// The Table Schema type name.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Text => "string",
            Kind::Integer => "integer",
        }
    }
}

/// One column of a table.
#[derive(Debug, Clone)]
pub struct Column {
    /// The header, part of the published interface.
    pub name: &'static str,
    /// The type of its values.
    pub kind: Kind,
    /// A short Romanian title.
    pub title: &'static str,
    /// What it holds, in Romanian.
    pub description: String,
    /// Every row has a value.
    pub required: bool,
    /// The only values it may take (a controlled vocabulary), if any.
    pub values: Option<Vec<&'static str>>,
    /// Its width in the XLSX, in characters.
    pub width: f64,
}

impl Column {
    /// A text column, optional, of the default width.
    pub fn text(name: &'static str, title: &'static str, description: impl Into<String>) -> Column {
        Column {
            name,
            kind: Kind::Text,
            title,
            description: description.into(),
            required: false,
            values: None,
            width: 20.0,
        }
    }

    /// A whole-number column, optional.
    pub fn integer(name: &'static str, title: &'static str, description: impl Into<String>) -> Column {
        Column { kind: Kind::Integer, width: 10.0, ..Column::text(name, title, description) }
    }

    /// The column with a value in every row.
    pub fn required(self) -> Column {
        Column { required: true, ..self }
    }

    /// The column restricted to `values`.
    pub fn one_of(self, values: Vec<&'static str>) -> Column {
        Column { values: Some(values), ..self }
    }

    /// The column `width` characters wide in the XLSX.
    pub fn wide(self, width: f64) -> Column {
        Column { width, ..self }
    }
}

/// Columns of one table whose values are a key of another table.
#[derive(Debug, Clone)]
pub struct ForeignKey {
    /// The columns of this table.
    pub fields: Vec<&'static str>,
    /// The name of the table they refer to.
    pub resource: String,
    /// Its key columns, in the order of `fields`.
    pub reference: Vec<&'static str>,
}

/// The shape of a table: columns and keys, shared by every file of that shape (all activities,
/// one plan's, one county's).
#[derive(Debug, Clone)]
pub struct Schema {
    /// Its name: the name of its file when several tables share it (`urls::table_schema`).
    pub name: &'static str,
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// The columns whose values together are unique in every row; empty for none.
    pub primary_key: Vec<&'static str>,
    /// The references to other tables.
    pub foreign_keys: Vec<ForeignKey>,
}

impl Schema {
    /// The headers, in order.
    pub fn names(&self) -> Vec<&'static str> {
        self.columns.iter().map(|c| c.name).collect()
    }

    /// The position of column `name`.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }
}

/// One row: a cell per column, in order; an empty cell is a missing value. Its cells are shared
/// between the files that show the same row (`activitati.csv`, a plan's and a county's file);
/// an institution's file shows them after a cell of its own, the role ([`Row::led_by`]), still
/// without copying them. The cells are one text and where each ends, not a `String` each: the
/// activity rows of every plan are held while the tables are written, and one allocation per
/// cell doubled them (425 MB for 210 MB of CSV at 100,000 pages, docs/performance.md).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Row {
    lead: Option<&'static str>,
    cells: Arc<Cells>,
}

/// The cells of a row: their texts one after another, and where each ends.
#[derive(Debug, PartialEq, Eq, Hash)]
struct Cells {
    text: Box<str>,
    ends: Box<[usize]>,
}

impl From<Vec<String>> for Row {
    fn from(cells: Vec<String>) -> Row {
        let mut text = String::with_capacity(cells.iter().map(String::len).sum());
        let ends = cells
            .iter()
            .map(|cell| {
                text.push_str(cell);
                text.len()
            })
            .collect();
        Row { lead: None, cells: Arc::new(Cells { text: text.into_boxed_str(), ends }) }
    }
}

impl Row {
    /// `row`'s cells after `lead`. A row that has a lead of its own keeps only the new one, in
    /// front of its other cells.
    pub fn led_by(lead: &'static str, row: &Row) -> Row {
        Row { lead: Some(lead), cells: row.cells.clone() }
    }

    /// The cells, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let own = (0..self.cells.ends.len()).map(|i| self.own(i));
        self.lead.into_iter().chain(own)
    }

    /// Cell `i`, or an empty cell past the end.
    pub fn cell(&self, i: usize) -> &str {
        match (self.lead, i) {
            (Some(lead), 0) => lead,
            (Some(_), i) => self.own(i - 1),
            (None, i) => self.own(i),
        }
    }

    /// Cell `i` of the shared cells, or an empty cell past the end.
    fn own(&self, i: usize) -> &str {
        let Cells { text, ends } = &*self.cells;
        let start = if i == 0 { 0 } else { ends.get(i - 1).copied().unwrap_or(text.len()) };
        let end = ends.get(i).copied().unwrap_or(text.len());
        text.get(start..end).unwrap_or("")
    }
}

/// A published table: where it is, what it is, its shape and its rows.
#[derive(Debug, Clone)]
pub struct Table {
    /// The name of its data package resource (lowercase, `-` separated).
    pub name: String,
    /// The site path of its CSV; the XLSX is beside it (`urls::xlsx_of`).
    pub path: String,
    /// A Romanian title.
    pub title: String,
    /// What one row is, in Romanian.
    pub description: String,
    /// Its columns and keys.
    pub schema: Arc<Schema>,
    /// Its rows, in a stable order.
    pub rows: Vec<Row>,
    /// The newest content date its rows come from (`YYYY-MM-DD`), if any.
    pub date: Option<String>,
}

impl Table {
    /// The table without its rows: what the data package and the open-data page say of it once
    /// it is written.
    pub fn shape(&self) -> Table {
        Table {
            name: self.name.clone(),
            path: self.path.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            schema: self.schema.clone(),
            rows: Vec::new(),
            date: self.date.clone(),
        }
    }
}

/// "a ; b ; c": the separator of several values in one cell.
pub const LIST_SEPARATOR: &str = " ; ";

/// Several values in one cell, joined by [`LIST_SEPARATOR`].
pub fn join<I: IntoIterator<Item = S>, S: AsRef<str>>(items: I) -> String {
    items.into_iter().map(|s| s.as_ref().to_owned()).collect::<Vec<_>>().join(LIST_SEPARATOR)
}

/// A number cell, or an empty cell for none.
pub fn number<N: ToString>(value: Option<N>) -> String {
    value.map(|n| n.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builders_set_one_property_each() {
        let column = Column::integer("an", "An", "Anul.").required().wide(6.0);
        assert_eq!((column.kind, column.required, column.width), (Kind::Integer, true, 6.0));
        assert_eq!(Column::text("tip", "Tip", "x").one_of(vec!["a"]).values, Some(vec!["a"]));
    }

    #[test]
    fn a_led_row_shows_its_lead_then_the_shared_cells() {
        let row = Row::from(vec!["a".to_owned(), "b".to_owned()]);
        let led = Row::led_by("responsabil", &row);
        assert_eq!(led.iter().collect::<Vec<_>>(), ["responsabil", "a", "b"]);
        assert_eq!((led.cell(0), led.cell(2), led.cell(3)), ("responsabil", "b", ""));
        assert_eq!((row.cell(0), row.cell(2)), ("a", ""));
        assert_eq!(Row::led_by("partener", &led).iter().collect::<Vec<_>>(), ["partener", "a", "b"]);
        let empty = Row::from(vec![String::new(), "ț".to_owned(), String::new()]);
        assert_eq!(empty.iter().collect::<Vec<_>>(), ["", "ț", ""]);
        assert_ne!(Row::from(vec!["ab".to_owned(), String::new()]), Row::from(vec!["a".to_owned(), "b".to_owned()]));
    }

    #[test]
    fn cells_join_and_numbers_may_be_missing() {
        assert_eq!(join(["a", "b"]), "a ; b");
        assert_eq!(number(Some(2024)), "2024");
        assert_eq!(number(None::<u16>), "");
    }
}
