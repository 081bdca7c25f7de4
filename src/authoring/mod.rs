//! The commands for the people who write the content: `stats`, `suggest` and `new`.

pub mod scaffold;
pub mod stats;
pub mod suggest;
