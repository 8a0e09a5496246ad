//! Options for [`crate::analyse`] and friends.

use crate::{EntityType, Error, Lang};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// What the input text is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// Plain text (the default).
    #[default]
    Text,
    /// An HTML document or fragment; markup is removed and reported.
    Html,
}

impl FromStr for InputFormat {
    type Err = Error;

    fn from_str(s: &str) -> Result<InputFormat, Error> {
        match s {
            "text" => Ok(InputFormat::Text),
            "html" => Ok(InputFormat::Html),
            _ => Err(Error::unknown_input_format(s)),
        }
    }
}

/// Which families of cleaning rules run. All are on by default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct CleanRules {
    /// Promo lines such as "BACA JUGA: …", "Read more: …", "ADVERTISEMENT".
    pub promo: bool,
    /// Photo caption credits ("| KNCA--", "(Foto: …)") and reporter initials.
    pub credits: bool,
    /// Navigation-like lines, share buttons, cookie and newsletter prompts.
    pub navigation: bool,
    /// Mojibake repair ("gÃ¢teaux" → "gâteaux").
    pub mojibake: bool,
    /// Invisible and control characters, odd spaces, line breaks, hyphenation.
    pub whitespace: bool,
    /// Turn curly quotes into straight ones (off by default).
    pub straight_quotes: bool,
}

impl Default for CleanRules {
    fn default() -> CleanRules {
        CleanRules {
            promo: true,
            credits: true,
            navigation: true,
            mojibake: true,
            whitespace: true,
            straight_quotes: false,
        }
    }
}

/// Options for an analysis.
///
/// From JavaScript and JSON the fields are camelCase and all optional:
/// `{ lang: "auto" | "id" | "en", clean: true, input: "text" | "html",
///    cleanRules: {...}, entityTypes: ["PER", "LOC", ...] }`.
///
/// # Example
///
/// ```
/// let opts = teks::Options { lang: Some(teks::Lang::En), ..Default::default() };
/// assert!(opts.clean);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct Options {
    /// The language, or `None` to detect it (`"auto"` in JSON).
    #[serde(with = "lang_setting")]
    pub lang: Option<Lang>,
    /// Whether to clean the text first (default `true`).
    pub clean: bool,
    /// What the input is (default plain text).
    pub input: InputFormat,
    /// Which cleaning rules run when `clean` is on.
    pub clean_rules: CleanRules,
    /// Which entity types to return; `None` means PER, LOC and ORG.
    pub entity_types: Option<Vec<EntityType>>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            lang: None,
            clean: true,
            input: InputFormat::Text,
            clean_rules: CleanRules::default(),
            entity_types: None,
        }
    }
}

impl Options {
    /// Parses a language setting: `"auto"` (or empty) means detect.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(teks::Options::parse_lang("auto").unwrap(), None);
    /// assert_eq!(teks::Options::parse_lang("id").unwrap(), Some(teks::Lang::Id));
    /// assert!(teks::Options::parse_lang("xx").is_err());
    /// ```
    pub fn parse_lang(s: &str) -> Result<Option<Lang>, Error> {
        match s {
            "" | "auto" => Ok(None),
            code => code.parse().map(Some),
        }
    }

    /// Whether entities of type `kind` are wanted.
    pub fn wants(&self, kind: EntityType) -> bool {
        match &self.entity_types {
            Some(types) => types.contains(&kind),
            None => kind.is_default(),
        }
    }
}

mod lang_setting {
    use crate::Lang;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(lang: &Option<Lang>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(lang.map_or("auto", |l| l.code()))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Lang>, D::Error> {
        let s = String::deserialize(d)?;
        crate::Options::parse_lang(&s).map_err(serde::de::Error::custom)
    }
}

/// The JavaScript/JSON names of the fields of [`Options`] (the wasm API
/// reads options by hand; a test checks these against serde's).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) const OPTION_FIELDS: [&str; 5] = ["lang", "clean", "input", "cleanRules", "entityTypes"];

/// The JavaScript/JSON names of the fields of [`CleanRules`].
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) const CLEAN_RULE_FIELDS: [&str; 6] = [
    "promo",
    "credits",
    "navigation",
    "mojibake",
    "whitespace",
    "straightQuotes",
];

/// The serialized field names of a struct that derives `Deserialize`, as serde
/// itself knows them.
#[cfg(test)]
fn field_names<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    use serde::de::{self, Visitor};

    struct Capture(Option<&'static [&'static str]>);

    #[derive(Debug)]
    struct Stop;
    impl std::fmt::Display for Stop {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("stop")
        }
    }
    impl std::error::Error for Stop {}
    impl de::Error for Stop {
        fn custom<M: std::fmt::Display>(_: M) -> Stop {
            Stop
        }
    }

    impl<'de> de::Deserializer<'de> for &mut Capture {
        type Error = Stop;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
            Err(Stop)
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Stop> {
            self.0 = Some(fields);
            Err(Stop)
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }

    let mut capture = Capture(None);
    let _ = T::deserialize(&mut capture);
    capture.0.unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_come_from_serde() {
        assert_eq!(
            field_names::<Options>(),
            ["lang", "clean", "input", "cleanRules", "entityTypes"]
        );
        assert_eq!(field_names::<Options>(), OPTION_FIELDS);
        assert_eq!(field_names::<CleanRules>(), CLEAN_RULE_FIELDS);
    }
}
