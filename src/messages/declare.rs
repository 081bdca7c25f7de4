//! The macro that declares the catalogue (`catalogue.rs`): the `Message` enum, its keys and the
//! Fluent arguments of each variant, from one list.

/// Declares `Message`, its keys and its arguments from one list, so that a variant, its key and
/// its fields cannot drift apart.
macro_rules! messages {
    ($( $(#[doc = $doc:literal])* $variant:ident $({ $($field:ident : $ty:ty),* $(,)? })? = $key:literal, )*) => {
        /// A message of the catalogue with its arguments; [`Message::text`] says it in a language.
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Message {
            $(
                $(#[doc = $doc])*
                $variant $({ $(
                    #[doc = concat!("The `$", stringify!($field), "` of the message.")]
                    $field: $ty,
                )* })?,
            )*
        }

        impl Message {
            /// Every key, in the order of the catalogue.
            pub const KEYS: &[&str] = &[$($key),*];

            /// Every variant's name, in the order of the catalogue.
            #[cfg(test)]
            pub(super) const VARIANTS: &[&str] = &[$(stringify!($variant)),*];

            /// The key of this message in the `.ftl` files.
            pub fn key(&self) -> &'static str {
                match self {
                    $( Message::$variant { .. } => $key, )*
                }
            }

            /// The names of the arguments of the message of `key`.
            #[cfg(test)]
            pub(super) fn arg_names(key: &str) -> &'static [&'static str] {
                match key {
                    $( $key => &[$($(stringify!($field)),*)?], )*
                    _ => &[],
                }
            }

            fn args(&self, lang: $crate::messages::Lang) -> ::fluent_bundle::FluentArgs<'static> {
                #[allow(unused_mut, reason = "messages without arguments set none")]
                let mut args = ::fluent_bundle::FluentArgs::new();
                match self {
                    $( Message::$variant $({ $($field),* })? => {
                        $($( args.set(stringify!($field), $crate::messages::Arg::value($field, lang)); )*)?
                    } )*
                }
                args
            }
        }
    };
}
