//! The commands for the people who write the content: `check`, `stats`, `suggest` and `new`.

pub mod check;
pub mod scaffold;
pub mod stats;
pub mod suggest;
