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

/// One row: a cell per column, in order; an empty cell is a missing value. Shared between the
/// files that show the same row (`activitati.csv` and a plan's own file).
pub type Row = Arc<[String]>;

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
    fn cells_join_and_numbers_may_be_missing() {
        assert_eq!(join(["a", "b"]), "a ; b");
        assert_eq!(number(Some(2024)), "2024");
        assert_eq!(number(None::<u16>), "");
    }
}
