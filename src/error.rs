//! The one error type of the crate.

use std::fmt;

/// An error from parsing options or language codes.
///
/// Analysis itself never fails: any `&str` is accepted. Errors come only from
/// input that names something unknown (a language code, an option value).
/// The only stable thing about an error is its message, via [`fmt::Display`].
///
/// # Example
///
/// ```
/// let err = "xx".parse::<teks::Lang>().unwrap_err();
/// assert!(err.to_string().contains("xx"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    UnknownLang(String),
    UnknownInputFormat(String),
    UnknownEntityType(String),
    Options(String),
}

impl Error {
    pub(crate) fn unknown_lang(code: &str) -> Error {
        Error {
            kind: ErrorKind::UnknownLang(code.to_string()),
        }
    }

    pub(crate) fn unknown_input_format(name: &str) -> Error {
        Error {
            kind: ErrorKind::UnknownInputFormat(name.to_string()),
        }
    }

    pub(crate) fn unknown_entity_type(name: &str) -> Error {
        Error {
            kind: ErrorKind::UnknownEntityType(name.to_string()),
        }
    }

    /// An error about options, with a message for the user.
    pub fn options(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Options(message.into()),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::UnknownLang(code) => write!(
                f,
                "unknown language \"{code}\": expected \"auto\" or one of {}",
                crate::Lang::ALL
                    .iter()
                    .map(|l| l.code())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            ErrorKind::UnknownInputFormat(name) => {
                write!(
                    f,
                    "unknown input format \"{name}\": expected \"text\" or \"html\""
                )
            }
            ErrorKind::UnknownEntityType(name) => write!(
                f,
                "unknown entity type \"{name}\": expected one of {}",
                crate::EntityType::ALL
                    .iter()
                    .map(|t| t.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            ErrorKind::Options(msg) => write!(f, "invalid options: {msg}"),
        }
    }
}

impl std::error::Error for Error {}
