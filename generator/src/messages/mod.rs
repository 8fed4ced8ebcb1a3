//! The texts an editor reads, in one catalogue: `nl.ftl` (the default) and `en.ftl` (`--lang en`),
//! in Project Fluent's format. Code builds a [`Message`] (an id and its arguments, with
//! [`msg!`](crate::msg)); a printer renders it in the chosen [`Lang`].

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

/// The Dutch catalogue.
pub const NL_FTL: &str = include_str!("nl.ftl");
/// The English catalogue.
pub const EN_FTL: &str = include_str!("en.ftl");

/// The language messages are rendered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    /// The code of the language, as `--lang` takes it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// `nl` or `en` (also `en-GB`, `en_US.UTF-8`, …); `None` for others.
    pub fn parse(code: &str) -> Option<Lang> {
        let lower = code.trim().to_ascii_lowercase();
        if lower == "en"
            || lower.starts_with("en_")
            || lower.starts_with("en-")
            || lower.starts_with("en.")
        {
            Some(Lang::En)
        } else if lower == "nl"
            || lower.starts_with("nl_")
            || lower.starts_with("nl-")
            || lower.starts_with("nl.")
        {
            Some(Lang::Nl)
        } else {
            None
        }
    }

    /// The language from the environment as POSIX orders it (`LC_ALL`, `LC_MESSAGES`, `LANG`: the
    /// first that is set): English for `en*`, Dutch otherwise.
    pub fn from_env_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| get(k))
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::parse(&v))
            .unwrap_or(Lang::Nl)
    }

    /// The language of this process: the one [`set_lang`] chose, Dutch before that.
    pub fn current() -> Lang {
        match LANG.load(Ordering::Relaxed) {
            1 => Lang::En,
            _ => Lang::Nl,
        }
    }
}

static LANG: AtomicU8 = AtomicU8::new(0);

/// Sets the language of this process's messages (the command line does, once, at its start).
pub fn set_lang(lang: Lang) {
    LANG.store(
        match lang {
            Lang::Nl => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

/// An argument of a message.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Arg {
    Text(String),
    Number(i64),
    /// Another message, rendered in the same language (such as the reason a URL is not valid).
    Msg(Box<Message>),
    /// A YAML or JSON parser's own (English) message: in Dutch what is wrong
    /// ([`textkit::parser_message`]), in English as the parser wrote it (without its position).
    Parser(String),
    /// How to fix what a parser's message says: in Dutch from [`textkit::parser_message`], in
    /// English the general hint `yaml-invalid-hint`.
    ParserFix(String),
}

impl Arg {
    /// A parser's message, for a `detail` variable: see [`Arg::Parser`].
    pub fn parser(raw: impl std::fmt::Display) -> Arg {
        Arg::Parser(raw.to_string())
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Number(n)
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Number(n.into())
    }
}
impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Msg(Box::new(m))
    }
}

/// A text for an editor: the id of its entry in the catalogue and the values of its variables.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// Builds a [`Message`]: `msg!("field-empty", key = "title")` (the names are the variables of
/// its text in the catalogue).
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $k:ident = $v:expr)* $(,)?) => {
        $crate::messages::Message::new($id, vec![$((stringify!($k), $crate::messages::Arg::from($v))),*])
    };
}

impl Message {
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Message {
        Message { id, args }
    }

    /// Text that is not in the catalogue (such as a file's own words): shown as it is.
    pub fn raw(text: impl Into<String>) -> Message {
        Message::new("", vec![("text", Arg::Text(text.into()))])
    }

    /// The text in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        if self.id.is_empty() {
            return match self.args.first() {
                Some((_, Arg::Text(t))) => t.clone(),
                _ => String::new(),
            };
        }
        let bundle = bundle(lang);
        let Some(pattern) = bundle.get_message(self.id).and_then(|m| m.value()) else {
            // Not in the catalogue (a test makes sure every id is): the id and its values.
            let args: Vec<String> = self
                .args
                .iter()
                .map(|(k, v)| format!("{k}={}", arg_text(v, lang)))
                .collect();
            return format!("{} {}", self.id, args.join(" "));
        };
        let mut args = FluentArgs::new();
        for (k, v) in &self.args {
            match v {
                Arg::Number(n) => args.set(*k, FluentValue::from(*n)),
                other => args.set(*k, FluentValue::from(arg_text(other, lang))),
            }
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned()
    }
}

/// A system error (reading or writing a file, mostly) in the words of the catalogue: what
/// happened, for an editor. The system's own text (English, whatever the language) only for the
/// rare kinds without words of their own.
pub fn io_detail(e: &std::io::Error) -> Message {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => crate::msg!("io-not-found"),
        K::PermissionDenied => crate::msg!("io-permission-denied"),
        K::AlreadyExists => crate::msg!("io-exists"),
        K::IsADirectory => crate::msg!("io-is-folder"),
        K::NotADirectory => crate::msg!("io-not-folder"),
        K::StorageFull => crate::msg!("io-disk-full"),
        K::QuotaExceeded => crate::msg!("io-quota"),
        K::ReadOnlyFilesystem => crate::msg!("io-read-only"),
        K::BrokenPipe => crate::msg!("io-broken-pipe"),
        K::InvalidFilename => crate::msg!("io-invalid-name"),
        K::FileTooLarge => crate::msg!("io-too-large"),
        _ => crate::msg!("io-other", detail = e.to_string()),
    }
}

fn arg_text(arg: &Arg, lang: Lang) -> String {
    match arg {
        Arg::Text(t) => t.clone(),
        Arg::Number(n) => n.to_string(),
        Arg::Msg(m) => m.render(lang),
        Arg::Parser(raw) => match lang {
            Lang::Nl => textkit::parser_message::explain(raw).problem,
            Lang::En => textkit::parser_message::without_positions(raw),
        },
        Arg::ParserFix(raw) => match lang {
            Lang::Nl => textkit::parser_message::explain(raw).fix,
            Lang::En => crate::msg!("yaml-invalid-hint").render(lang),
        },
    }
}

/// Renders in the language of the process ([`Lang::current`]).
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::current()))
    }
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static NL: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static EN: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let (cell, source) = match lang {
        Lang::Nl => (&NL, NL_FTL),
        Lang::En => (&EN, EN_FTL),
    };
    cell.get_or_init(|| {
        let id = lang.code().parse().expect("a language code");
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        bundle.set_use_isolating(false);
        // The catalogue is part of the program: its tests parse it without errors.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
        bundle
    })
}

#[cfg(test)]
mod tests;
