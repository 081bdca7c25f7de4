//! Where a publication came from and how the portal corrected its transcription of it: the keys
//! `provenance:` and `corrections:` of a plan file or a document's front matter.

use serde::Deserialize;

/// Where the published file was retrieved from. Every field is optional: the content states
/// only what is known, and the page says "nu se cunoaște" for the rest.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProvenance {
    /// The official address of the publication (`http://` or `https://`).
    #[serde(default)]
    pub url: Option<String>,
    /// The day the file was retrieved, `YYYY-MM-DD`.
    #[serde(default)]
    pub retrieved: Option<String>,
    /// The SHA-256 of the retrieved file: 64 hexadecimal digits.
    #[serde(default)]
    pub sha256: Option<String>,
}

/// What the portal itself says about a publication: the key `portal:` of a plan file or a
/// document's front matter.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPortal {
    /// The day the portal published it, `YYYY-MM-DD`: the date of its entry in the Atom feed.
    #[serde(default)]
    pub published: Option<String>,
}

/// One entry of a publication's correction log: a fix of the portal's own transcription.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCorrection {
    /// The day the content was corrected, `YYYY-MM-DD`.
    pub date: String,
    /// What was corrected, in Romanian.
    pub text: String,
}
