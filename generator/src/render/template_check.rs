//! Checks of a template's text that its engine does not make: a block (`{% if %}`) without its
//! end, reported at its opening tag; HTML elements that are not closed or closed in the wrong
//! order; and, when the variables the template gets are known, a variable it does not get.
//! Works for the theme's tera templates and the documents' minijinja templates alike (the part of
//! the syntax they share). Pure: text in, diagnostics out.

use crate::codes::Code;
use crate::diagnostics::{suggest, Diagnostic};

/// The variables a template gets: each name with the fields of its value (an object's keys, or
/// the keys of a list's items), as `calculator_wasm::letter_variables` gives them.
pub type Variables = [(String, Vec<String>)];

/// Every problem in `text` (the template at `path`). Block problems come alone: with the blocks
/// out of order, tags and variables cannot be followed through the branches.
pub fn check(path: &str, text: &str, variables: Option<&Variables>) -> Vec<Diagnostic> {
    let Some(segments) = scan(text) else {
        // A tag without its end: the engine names it; nothing after it can be followed.
        return Vec::new();
    };
    let lines = LineStarts::new(text);
    let block_problems = check_blocks(path, text, &segments, &lines);
    if !block_problems.is_empty() {
        return block_problems;
    }
    let mut diags = check_html(path, text, &segments, &lines);
    if let Some(vars) = variables {
        diags.extend(check_variables(path, text, &segments, &lines, vars));
    }
    diags
}

/// The byte ranges of the template's comments (`{# … #}`, not inside `{% raw %}`), which end up in
/// no document; none when a tag is not closed (the engine reports that).
pub fn comment_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    scan(text)
        .unwrap_or_default()
        .into_iter()
        .filter(|t| t.kind == Kind::Comment)
        .map(|t| t.start..t.end)
        .collect()
}

// ---- scanning the template tags

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Expression,
    Statement,
    Comment,
}

/// A template tag: `{{ … }}`, `{% … %}` or `{# … #}`, with its byte range and inner text.
#[derive(Debug)]
struct Tag<'a> {
    kind: Kind,
    start: usize,
    end: usize,
    inner: &'a str,
}

/// The template tags of `text` in order. Inside `{% raw %}` nothing is a tag. `None` when a tag
/// is not closed (the engine reports it).
fn scan(text: &str) -> Option<Vec<Tag<'_>>> {
    let mut tags = Vec::new();
    let mut at = 0;
    let mut raw = false;
    while let Some(found) = text[at..].find('{') {
        let start = at + found;
        let (kind, close) = match text.as_bytes().get(start + 1) {
            Some(b'{') => (Kind::Expression, "}}"),
            Some(b'%') => (Kind::Statement, "%}"),
            Some(b'#') => (Kind::Comment, "#}"),
            _ => {
                at = start + 1;
                continue;
            }
        };
        let len = text[start + 2..].find(close)?;
        let end = start + 2 + len + 2;
        let inner = text[start + 2..end - 2].trim_matches(|c: char| c == '-' || c == '+');
        let inner = inner.trim();
        at = end;
        if raw {
            if kind == Kind::Statement && first_word(inner) == "endraw" {
                raw = false;
            } else {
                continue;
            }
        } else if kind == Kind::Statement && first_word(inner) == "raw" {
            raw = true;
        }
        tags.push(Tag {
            kind,
            start,
            end,
            inner,
        });
    }
    Some(tags)
}

fn first_word(s: &str) -> &str {
    s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .next()
        .unwrap_or("")
}

/// Byte offset → (line, column), both counted from 1.
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn new(text: &str) -> LineStarts {
        LineStarts(
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        )
    }

    fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.0.partition_point(|&s| s <= offset);
        let start = self.0[line - 1];
        let column = text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (line, column)
    }
}

fn at(d: Diagnostic, text: &str, lines: &LineStarts, offset: usize) -> Diagnostic {
    let (line, column) = lines.position(text, offset);
    d.at(line, column).with_source(text)
}

// ---- blocks

/// The statements that open a block, with the statement that ends it.
fn block_end(word: &str, inner: &str) -> Option<&'static str> {
    Some(match word {
        "if" => "endif",
        "for" => "endfor",
        "block" => "endblock",
        "macro" => "endmacro",
        "filter" => "endfilter",
        "raw" => "endraw",
        "with" => "endwith",
        "call" => "endcall",
        "autoescape" => "endautoescape",
        // `{% set x = … %}` is one tag; `{% set x %}…{% endset %}` a block.
        "set" if !inner.contains('=') => "endset",
        _ => return None,
    })
}

fn check_blocks(path: &str, text: &str, tags: &[Tag], lines: &LineStarts) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut open: Vec<(&str, &str, usize)> = Vec::new(); // (word, its end, offset)
    for tag in tags.iter().filter(|t| t.kind == Kind::Statement) {
        let word = first_word(tag.inner);
        if let Some(end) = block_end(word, tag.inner) {
            open.push((word, end, tag.start));
        } else if word.starts_with("end") {
            match open.last() {
                Some((_, end, _)) if *end == word => {
                    open.pop();
                }
                Some((opened, end, offset)) => {
                    // Reported at the open block, as when it is never closed: the end tag that
                    // came instead is named with its line.
                    let (line, _) = lines.position(text, tag.start);
                    diags.push(at(
                        Diagnostic::error(
                            Code::TemplateBlock,
                            path,
                            crate::msg!(
                                "template-block-unclosed-before",
                                opened = *opened,
                                line = line,
                                word = word
                            ),
                        )
                        .hint(crate::msg!(
                            "template-block-unclosed-before-hint",
                            end = *end,
                            line = line,
                            word = word
                        )),
                        text,
                        lines,
                        *offset,
                    ));
                    return diags;
                }
                None => {
                    diags.push(at(
                        Diagnostic::error(
                            Code::TemplateBlock,
                            path,
                            crate::msg!("template-block-not-opened", word = word),
                        )
                        .hint(crate::msg!("template-block-not-opened-hint", word = word)),
                        text,
                        lines,
                        tag.start,
                    ));
                    return diags;
                }
            }
        } else if matches!(word, "else" | "elif")
            && !open
                .last()
                .is_some_and(|(w, _, _)| *w == "if" || *w == "for")
        {
            diags.push(at(
                Diagnostic::error(
                    Code::TemplateBlock,
                    path,
                    crate::msg!("template-else-outside-if", word = word),
                )
                .hint(crate::msg!("template-else-outside-if-hint")),
                text,
                lines,
                tag.start,
            ));
            return diags;
        }
    }
    for (word, end, offset) in open {
        diags.push(at(
            Diagnostic::error(
                Code::TemplateBlock,
                path,
                crate::msg!("template-block-never-closed", word = word),
            )
            .hint(crate::msg!("template-block-never-closed-hint", end = end)),
            text,
            lines,
            offset,
        ));
    }
    diags
}

// ---- HTML elements

/// Elements without content: never closed.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose end tag HTML allows to leave out.
const OPTIONAL_END: [&str; 19] = [
    "html", "head", "body", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot",
    "option", "optgroup", "colgroup", "caption", "rt", "rp",
];

/// Elements whose start closes an open `<p>`.
const CLOSES_P: [&str; 28] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
];

/// Elements whose text is not HTML: everything up to their end tag is skipped.
const RAW_TEXT: [&str; 4] = ["script", "style", "textarea", "title"];

#[derive(Debug)]
enum Event {
    Open(String),
    Close(String),
    /// `if`/`for`; `elif`/`else`; `endif`/`endfor`.
    BlockStart,
    BlockMiddle,
    BlockEnd,
}

/// `text` with every template tag blanked out (newlines kept), so that HTML can be read through
/// `<a href="{{ url }}">` and `<li{% if x %} class="y"{% endif %}>`.
fn masked(text: &str, tags: &[Tag]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for tag in tags {
        for b in &mut bytes[tag.start..tag.end] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    bytes
}

/// The HTML start and end tags of the masked text, by offset.
fn html_events(m: &[u8], tags: &[Tag]) -> Vec<(usize, Event)> {
    let mut events = Vec::new();
    let mut i = 0;
    let in_tag = |offset: usize| tags.iter().any(|t| t.start <= offset && offset < t.end);
    while i < m.len() {
        if m[i] != b'<' || in_tag(i) {
            i += 1;
            continue;
        }
        let rest = &m[i..];
        if rest.starts_with(b"<!--") {
            i += find(rest, b"-->").map_or(m.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i += find(rest, b">").map_or(m.len(), |e| e + 1);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = if closing { 2 } else { 1 };
        let name: String = rest[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .map(|b| b.to_ascii_lowercase() as char)
            .collect();
        if name.is_empty() || !name.as_bytes()[0].is_ascii_alphabetic() {
            i += 1; // a `<` in text, such as `a < b`
            continue;
        }
        // The tag's end: the first `>` outside quotes.
        let mut j = name_start + name.len();
        let mut quote = None;
        while j < rest.len() {
            match (quote, rest[j]) {
                (None, b'"' | b'\'') => quote = Some(rest[j]),
                (Some(q), c) if c == q => quote = None,
                (None, b'>') => break,
                _ => {}
            }
            j += 1;
        }
        let self_closing = j > 0 && rest.get(j - 1) == Some(&b'/');
        let start = i;
        i += j + 1;
        if closing {
            events.push((start, Event::Close(name)));
        } else if !self_closing && !VOID.contains(&name.as_str()) {
            if RAW_TEXT.contains(&name.as_str()) {
                let end_tag = format!("</{name}");
                let lower: Vec<u8> = m[i.min(m.len())..]
                    .iter()
                    .map(u8::to_ascii_lowercase)
                    .collect();
                match find(&lower, end_tag.as_bytes()) {
                    Some(e) => i += e,
                    None => {
                        events.push((start, Event::Open(name)));
                        break;
                    }
                }
            }
            events.push((start, Event::Open(name)));
        }
    }
    events
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

struct Branches {
    /// The open elements where the block began.
    start: Vec<(String, usize)>,
    /// The open elements at the end of the first branch, once it has ended.
    first: Option<Vec<(String, usize)>>,
}

fn check_html(path: &str, text: &str, tags: &[Tag], lines: &LineStarts) -> Vec<Diagnostic> {
    let m = masked(text, tags);
    let mut events = html_events(&m, tags);
    for tag in tags.iter().filter(|t| t.kind == Kind::Statement) {
        let word = first_word(tag.inner);
        let event = if word == "if" || word == "for" {
            Event::BlockStart
        } else if word == "elif" || word == "else" {
            Event::BlockMiddle
        } else if word == "endif" || word == "endfor" {
            Event::BlockEnd
        } else {
            continue;
        };
        events.push((tag.start, event));
    }
    events.sort_by_key(|(offset, _)| *offset);

    let mut diags = Vec::new();
    let mut stack: Vec<(String, usize)> = Vec::new();
    let mut blocks: Vec<Branches> = Vec::new();
    // Elements reported as not closed before an end tag: their own end tag, when it follows,
    // is not reported again.
    let mut forgiven: Vec<String> = Vec::new();
    let line_of = |offset: usize| lines.position(text, offset).0;
    let unclosed_before = |open: &(String, usize), close: &str, offset: usize| {
        at(
            Diagnostic::error(
                Code::TemplateHtml,
                path,
                crate::msg!(
                    "template-html-unclosed-before",
                    open = open.0.as_str(),
                    line = line_of(open.1),
                    close = close
                ),
            )
            .hint(crate::msg!(
                "template-html-unclosed-before-hint",
                open = open.0.as_str(),
                close = close
            )),
            text,
            lines,
            offset,
        )
    };
    for (offset, event) in events {
        match event {
            Event::Open(name) => {
                if let Some((top, _)) = stack.last() {
                    let implied = (top == "p" && CLOSES_P.contains(&name.as_str()))
                        || (*top == name
                            && matches!(
                                name.as_str(),
                                "li" | "dt" | "dd" | "tr" | "td" | "th" | "option"
                            ))
                        || (matches!(top.as_str(), "dt" | "dd")
                            && matches!(name.as_str(), "dt" | "dd"))
                        || (matches!(top.as_str(), "td" | "th")
                            && matches!(name.as_str(), "td" | "th" | "tr"));
                    if implied {
                        stack.pop();
                    }
                }
                stack.push((name, offset));
            }
            Event::Close(name) => match stack.iter().rposition(|(n, _)| *n == name) {
                Some(index) => {
                    for open in stack.drain(index..).collect::<Vec<_>>().iter().rev() {
                        if open.0 != name && !OPTIONAL_END.contains(&open.0.as_str()) {
                            diags.push(unclosed_before(open, &name, offset));
                            forgiven.push(open.0.clone());
                        }
                    }
                }
                None if OPTIONAL_END.contains(&name.as_str()) && name != "p" => {}
                None if forgiven.contains(&name) => forgiven.retain(|f| *f != name),
                // In an `{% else %}`, an end tag may close what another `{% if %}`'s `{% else %}`
                // opened; only the first branches are followed.
                None if blocks.iter().any(|b| b.first.is_some()) => {}
                None => diags.push(at(
                    Diagnostic::error(
                        Code::TemplateHtml,
                        path,
                        crate::msg!("template-html-closes-nothing", name = name.as_str()),
                    )
                    .hint(crate::msg!(
                        "template-html-closes-nothing-hint",
                        name = name.as_str()
                    )),
                    text,
                    lines,
                    offset,
                )),
            },
            Event::BlockStart => blocks.push(Branches {
                start: stack.clone(),
                first: None,
            }),
            Event::BlockMiddle => {
                if let Some(b) = blocks.last_mut() {
                    if b.first.is_none() {
                        b.first = Some(std::mem::replace(&mut stack, b.start.clone()));
                    } else {
                        let branch = std::mem::replace(&mut stack, b.start.clone());
                        unbalanced_branch(b, &branch, path, text, lines, &mut diags);
                    }
                }
            }
            Event::BlockEnd => {
                if let Some(b) = blocks.pop() {
                    // The elements a branch leaves open are those of the first branch: a
                    // template may open an element in one `{% if x %}` and close it in the next.
                    if let Some(first) = &b.first {
                        unbalanced_branch(&b, &stack, path, text, lines, &mut diags);
                        stack = first.clone();
                    }
                }
            }
        }
    }
    for open in stack.iter().rev() {
        if !OPTIONAL_END.contains(&open.0.as_str()) {
            diags.push(at(
                Diagnostic::error(
                    Code::TemplateHtml,
                    path,
                    crate::msg!("template-html-never-closed", name = open.0.as_str()),
                )
                .hint(crate::msg!(
                    "template-html-never-closed-hint",
                    name = open.0.as_str()
                )),
                text,
                lines,
                open.1,
            ));
        }
    }
    diags
}

/// A later branch of an `{% if %}` that leaves an element open where the first branch leaves
/// none: the element is not closed.
fn unbalanced_branch(
    b: &Branches,
    branch: &[(String, usize)],
    path: &str,
    text: &str,
    lines: &LineStarts,
    diags: &mut Vec<Diagnostic>,
) {
    if b.first.as_deref() != Some(&b.start[..]) || branch.len() <= b.start.len() {
        return;
    }
    for open in &branch[b.start.len()..] {
        if !OPTIONAL_END.contains(&open.0.as_str()) {
            diags.push(at(
                Diagnostic::error(
                    Code::TemplateHtml,
                    path,
                    crate::msg!("template-html-unclosed-in-branch", name = open.0.as_str()),
                )
                .hint(crate::msg!(
                    "template-html-unclosed-in-branch-hint",
                    name = open.0.as_str()
                )),
                text,
                lines,
                open.1,
            ));
        }
    }
}

// ---- variables

/// Words of the template language, and names every template has.
const KNOWN_WORDS: [&str; 20] = [
    "and", "or", "not", "in", "is", "if", "else", "true", "false", "none", "True", "False", "None",
    "loop", "range", "super", "caller", "self", "varargs", "kwargs",
];

/// An identifier in an expression, with what comes before and after it.
struct Name<'a> {
    name: &'a str,
    /// Byte offset in the template.
    offset: usize,
    /// `x.name`: an attribute; `|name`: a filter; `is name`: a test.
    after_dot_or_bar: bool,
    /// The attribute read from it: `name.field`.
    field: Option<&'a str>,
}

/// The identifiers of an expression (outside string literals), from `base` on in the template.
fn names(expr: &str, base: usize) -> Vec<Name<'_>> {
    let bytes = expr.as_bytes();
    let mut out: Vec<Name> = Vec::new();
    let mut i = 0;
    let mut prev_sig: u8 = b' ';
    let mut prev_word = "";
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'"' || c == b'\'' {
            i += 1;
            while i < bytes.len() && bytes[i] != c {
                i += 1;
            }
            i += 1;
            prev_sig = b'"';
            continue;
        }
        if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            let name = &expr[start..i];
            let field = (bytes.get(i) == Some(&b'.'))
                .then(|| {
                    let f = &expr[i + 1..];
                    let len = f
                        .bytes()
                        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
                        .count();
                    &f[..len]
                })
                .filter(|f| !f.is_empty() && !f.as_bytes()[0].is_ascii_digit());
            // `f(x=1)`: a keyword argument's name.
            let keyword = bytes.get(i) == Some(&b'=') && bytes.get(i + 1) != Some(&b'=');
            out.push(Name {
                name,
                offset: base + start,
                after_dot_or_bar: matches!(prev_sig, b'.' | b'|') || prev_word == "is" || keyword,
                field,
            });
            prev_word = name;
            prev_sig = b'a';
            continue;
        }
        if c.is_ascii_digit() {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'.') {
                i += 1;
            }
            prev_sig = b'0';
            continue;
        }
        if !c.is_ascii_whitespace() {
            prev_sig = c;
            prev_word = "";
        }
        i += 1;
    }
    out
}

fn check_variables(
    path: &str,
    text: &str,
    tags: &[Tag],
    lines: &LineStarts,
    vars: &Variables,
) -> Vec<Diagnostic> {
    // Names the template makes itself, and what each loop variable runs over.
    let mut declared: Vec<&str> = Vec::new();
    let mut bound: Vec<(&str, &str)> = Vec::new(); // (loop variable, the variable it runs over)
    let mut uses: Vec<Name> = Vec::new();
    for tag in tags {
        let base = tag.start + text[tag.start..tag.end].find(tag.inner).unwrap_or(0);
        match tag.kind {
            Kind::Comment => {}
            Kind::Expression => uses.extend(names(tag.inner, base)),
            Kind::Statement => {
                let word = first_word(tag.inner);
                let rest = &tag.inner[word.len()..];
                let rest_base = base + word.len();
                match word {
                    "for" => {
                        let (targets, source) = rest.split_once(" in ").unwrap_or((rest, ""));
                        let source_base = rest_base + targets.len() + 4;
                        let over = source.split_whitespace().next().unwrap_or("");
                        for t in targets.split(',').map(str::trim) {
                            declared.push(t);
                            bound.push((t, over));
                        }
                        uses.extend(names(source, source_base));
                    }
                    "set" | "with" => {
                        let (target, value) = rest.split_once('=').unwrap_or((rest, ""));
                        declared.extend(target.split(',').map(str::trim));
                        uses.extend(names(value, rest_base + target.len() + 1));
                    }
                    "macro" | "import" | "from" | "block" | "extends" | "include" | "call"
                    | "filter" | "autoescape" | "raw" => {
                        declared.extend(names(rest, 0).iter().map(|n| n.name));
                    }
                    w if w.starts_with("end") || w == "else" => {}
                    _ => uses.extend(names(rest, rest_base)),
                }
            }
        }
    }
    let known: Vec<&str> = vars.iter().map(|(n, _)| n.as_str()).collect();
    let fields_of = |var: &str| {
        vars.iter()
            .find(|(n, _)| n == var)
            .map(|(_, f)| f.as_slice())
    };
    let list = known.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>();
    let list = list.join(", ");
    let mut diags = Vec::new();
    let mut reported: Vec<&str> = Vec::new();
    for u in &uses {
        if u.after_dot_or_bar || KNOWN_WORDS.contains(&u.name) || declared.contains(&u.name) {
            // A loop variable's field: checked against the fields of what it runs over.
            if let (Some(field), Some((_, over))) =
                (u.field, bound.iter().find(|(b, _)| *b == u.name))
            {
                if let Some(fields) = fields_of(over).filter(|f| !f.is_empty()) {
                    if !fields.iter().any(|f| f == field) && !reported.contains(&field) {
                        reported.push(field);
                        diags.push(unknown_field(path, text, lines, u, field, over, fields));
                    }
                }
            }
            continue;
        }
        if let Some(fields) = fields_of(u.name) {
            if let Some(field) = u.field {
                if !fields.is_empty()
                    && !fields.iter().any(|f| f == field)
                    && !reported.contains(&field)
                {
                    reported.push(field);
                    diags.push(unknown_field(path, text, lines, u, field, u.name, fields));
                }
            }
            continue;
        }
        if reported.contains(&u.name) {
            continue;
        }
        reported.push(u.name);
        let message = if let Some(s) = suggest(u.name, &known) {
            crate::msg!(
                "template-variable-unknown-did-you-mean",
                name = u.name,
                suggestion = s
            )
        } else if let Some((list_name, field)) = vars.iter().find_map(|(n, fields)| {
            let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
            suggest(u.name, &fields).map(|f| (n, f.to_string()))
        }) {
            crate::msg!(
                "template-variable-unknown-item-field",
                name = u.name,
                field = field,
                list = list_name.as_str()
            )
        } else {
            crate::msg!("template-variable-unknown", name = u.name)
        };
        diags.push(at(
            Diagnostic::error(Code::TemplateVariable, path, message)
                .hint(crate::msg!("template-variables-are", list = list.as_str())),
            text,
            lines,
            u.offset,
        ));
    }
    diags
}

fn unknown_field(
    path: &str,
    text: &str,
    lines: &LineStarts,
    u: &Name,
    field: &str,
    over: &str,
    fields: &[String],
) -> Diagnostic {
    let names: Vec<&str> = fields.iter().map(String::as_str).collect();
    let message = match suggest(field, &names) {
        Some(s) => crate::msg!(
            "template-field-unknown-did-you-mean",
            var = u.name,
            field = field,
            over = over,
            suggestion = s
        ),
        None => crate::msg!(
            "template-field-unknown",
            var = u.name,
            field = field,
            over = over
        ),
    };
    let list = names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>();
    at(
        Diagnostic::error(Code::TemplateVariable, path, message).hint(crate::msg!(
            "template-fields-are",
            over = over,
            list = list.join(", ")
        )),
        text,
        lines,
        u.offset,
    )
}

/// The problem for a theme template that uses a variable the page does not pass, from tera's
/// render error (`Variable `x` not found in context while rendering 'y.html'`): named, with
/// the nearest name and the list of what the page does pass (`context`'s top level, or the
/// fields of the object before the dot). `templates` are the theme's (path, text), to find the
/// line. `None` for other render errors.
pub fn undefined_in_render(
    message: &str,
    context: &serde_json::Value,
    templates: &[(String, String)],
    theme_dir: &str,
) -> Option<Diagnostic> {
    let rest = message.split("Variable `").nth(1)?;
    let (variable, rest) = rest.split_once('`')?;
    let template = rest
        .split("while rendering '")
        .nth(1)
        .and_then(|r| r.split('\'').next())?;
    let path = format!("{theme_dir}/{template}");
    if let Some(d) = unknown_file_key(variable, context, templates, &path, theme_dir) {
        return Some(d);
    }
    // The first part of the name that the context lacks, and the object it was looked up in.
    let parts: Vec<&str> = variable.split('.').collect();
    let mut scope = context;
    let mut missing_at = parts.len() - 1;
    for (i, part) in parts.iter().enumerate() {
        match scope.get(part) {
            Some(inner) if i + 1 < parts.len() && inner.is_object() => scope = inner,
            _ => {
                missing_at = i;
                break;
            }
        }
    }
    let object = (missing_at > 0).then(|| parts[..missing_at].join("."));
    let missing = parts[missing_at];
    let known: Vec<&str> = scope
        .as_object()
        .map(|m| m.keys().map(String::as_str).collect())
        .unwrap_or_default();
    let msg = match suggest(missing, &known) {
        Some(s) => {
            let mut whole = parts.clone();
            whole[missing_at] = s;
            crate::msg!(
                "template-page-variable-unknown-did-you-mean",
                variable = variable,
                suggestion = whole.join(".")
            )
        }
        None => crate::msg!("template-page-variable-unknown", variable = variable),
    };
    let listed = known.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>();
    let hint = match object {
        Some(o) => crate::msg!(
            "template-object-fields-are",
            object = o,
            list = listed.join(", ")
        ),
        _ => crate::msg!("template-variables-are", list = listed.join(", ")),
    };
    let path = writer_of(templates, &path, variable);
    let d = Diagnostic::error(Code::TemplateVariable, path.clone(), msg).hint(hint);
    Some(located(d, templates, &path, variable))
}

/// A file named by a map of URLs that has no such file: `static_url["stijl.css"]` when
/// `static/` has no `stijl.css`. Named with the nearest file and those there are, at the line
/// of the template that writes it (often `base.html`, not the page's own template).
fn unknown_file_key(
    variable: &str,
    context: &serde_json::Value,
    templates: &[(String, String)],
    page_template: &str,
    theme_dir: &str,
) -> Option<Diagnostic> {
    let (map, rest) = variable.split_once('[')?;
    let key = rest
        .strip_suffix(']')?
        .trim_matches(|c| c == '"' || c == '\'');
    let files = context.get(map)?.as_object()?;
    let known: Vec<&str> = files.keys().map(String::as_str).collect();
    let msg = match suggest(key, &known) {
        Some(s) => crate::msg!(
            "template-file-unknown-did-you-mean",
            variable = variable,
            file = key,
            suggestion = s
        ),
        None => crate::msg!("template-file-unknown", variable = variable, file = key),
    };
    let listed = known.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>();
    let theme = theme_dir.trim_end_matches("/templates");
    let hint = crate::msg!(
        "template-files-are",
        map = map,
        list = listed.join(", "),
        folder = format!("{theme}/static/")
    );
    let path = writer_of(templates, page_template, variable);
    let d = Diagnostic::error(Code::TemplateVariable, path.clone(), msg).hint(hint);
    Some(located(d, templates, &path, variable))
}

/// The template that writes `variable`: the page's own, else the first that does (a parent such
/// as `base.html`, which every page extends: one error there, not one per page).
fn writer_of(templates: &[(String, String)], page_template: &str, variable: &str) -> String {
    std::iter::once(page_template)
        .chain(templates.iter().map(|(p, _)| p.as_str()))
        .find(|p| {
            templates
                .iter()
                .any(|(q, text)| q == p && text.contains(variable))
        })
        .unwrap_or(page_template)
        .to_string()
}

/// `d` at the first place `variable` is written inside a tag of the template at `path`.
fn located(
    mut d: Diagnostic,
    templates: &[(String, String)],
    path: &str,
    variable: &str,
) -> Diagnostic {
    if let Some((_, text)) = templates.iter().find(|(p, _)| p == path) {
        let tags = scan(text).unwrap_or_default();
        let lines = LineStarts::new(text);
        let found = tags
            .iter()
            .filter(|t| t.kind != Kind::Comment)
            .find_map(|t| {
                let base = t.start + text[t.start..t.end].find(t.inner).unwrap_or(0);
                t.inner.find(variable).map(|i| base + i)
            });
        if let Some(offset) = found {
            d = at(d, text, &lines, offset);
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars() -> Vec<(String, Vec<String>)> {
        vec![
            ("besluitdatum".into(), vec![]),
            ("periode".into(), vec![]),
            (
                "gemeenten".into(),
                vec!["naam".into(), "voor".into(), "na".into()],
            ),
        ]
    }

    fn one(text: &str) -> Diagnostic {
        let mut d = check("t.html", text, Some(&vars()));
        assert_eq!(d.len(), 1, "{d:#?}");
        d.remove(0)
    }

    #[test]
    fn an_unclosed_strong_is_reported_where_the_paragraph_ends() {
        let d = one("<div>\n<p>Hallo <strong>wereld\n</p>\n</div>\n");
        assert_eq!(d.code, "template-html");
        assert_eq!(d.line, 3);
        assert!(
            d.text()
                .contains("`<strong>` van regel 2 is niet gesloten voordat `</p>` komt"),
            "{}",
            d.text()
        );
    }

    #[test]
    fn a_deleted_end_of_table_is_reported_at_its_table() {
        let d = one("<article>\n<table>\n<tr><td>1</td></tr>\n\n</article>\n");
        assert_eq!(d.line, 5);
        assert!(d.text().contains("`<table>` van regel 2"), "{}", d.text());
        let d = one("<table>\n<tr><td>1</td></tr>\n");
        assert_eq!((d.line, d.column), (1, 1));
        assert_eq!(d.text(), "`<table>` wordt nergens gesloten");
        assert!(d.hint_text().unwrap().contains("`</table>`"));
    }

    #[test]
    fn misnested_tags_are_an_error() {
        let d = one("<p><strong><em>x</strong></em></p>");
        assert!(
            d.text()
                .contains("`<em>` van regel 1 is niet gesloten voordat `</strong>`"),
            "{}",
            d.text()
        );
    }

    #[test]
    fn a_stray_end_tag_is_an_error() {
        let d = one("<div>x</div>\n</section>");
        assert_eq!(d.line, 2);
        assert_eq!(
            d.text(),
            "`</section>` sluit niets: er is hier geen open `<section>`"
        );
    }

    #[test]
    fn void_elements_optional_ends_comments_and_template_tags_are_fine() {
        let ok = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>a <b> c</title>\n\
                  <script>if (a < b && c > d) { x('</div>') }</script></head>\n\
                  <body><!-- <div> --><p>een<br>twee<img src=\"{{ periode }}\" alt=\"a > b\">\n\
                  <ul><li>een<li>twee</ul><svg><path d=\"M0\"/></svg>\n\
                  <a href=\"/{{ periode }}\"{% if periode %} class=\"x\"{% endif %}>x</a>\n\
                  {# <strong> #}{% raw %}{{ niet_bekend }}{% endraw %}<dl><dt>a<dd>b</dl><p>3 < 4</p>";
        assert!(
            check("t.html", ok, Some(&vars())).is_empty(),
            "{:#?}",
            check("t.html", ok, Some(&vars()))
        );
    }

    #[test]
    fn an_element_may_open_in_one_if_and_close_in_the_next() {
        let ok = "{% if periode %}<table>{% endif %}\n<tr><td>1</td></tr>\n{% if periode %}</table>{% endif %}\n\
                  {% if periode %}<a href=\"x\">{% else %}<span>{% endif %}y{% if periode %}</a>{% else %}</span>{% endif %}";
        assert!(
            check("t.html", ok, Some(&vars())).is_empty(),
            "{:#?}",
            check("t.html", ok, Some(&vars()))
        );
        let d = one("{% if periode %}<em>a</em>{% else %}<strong>b{% endif %}\n");
        assert!(
            d.text()
                .contains("`<strong>` wordt in dit deel van de `{% if %}` niet gesloten"),
            "{}",
            d.text()
        );
    }

    #[test]
    fn an_unclosed_block_is_reported_at_its_opening_tag() {
        let d = one("<p>\n{% if periode %}\nx\n</p>\n{% for g in gemeenten %}{% endfor %}\n");
        assert_eq!(d.code, "template-block");
        assert_eq!((d.line, d.column), (2, 1));
        assert_eq!(d.text(), "`{% if %}` wordt nergens gesloten");
        assert_eq!(
            d.hint_text().as_deref(),
            Some("zet `{% endif %}` waar het blok moet eindigen")
        );
    }

    #[test]
    fn a_block_ended_by_another_end_tag_is_reported_at_its_opening() {
        let d = one("{% for g in gemeenten %}\n{% if g.naam %}\n{% endfor %}\n");
        assert_eq!(d.line, 2);
        assert_eq!(
            d.text(),
            "`{% if %}` wordt niet gesloten: op regel 3 staat `{% endfor %}`"
        );
        assert_eq!(
            d.hint_text().as_deref(),
            Some("zet `{% endif %}` vóór regel 3, of verwijder de `{% endfor %}` daar")
        );
        let d = one("x\n{% endif %}");
        assert_eq!(d.text(), "`{% endif %}` sluit een blok dat niet geopend is");
    }

    #[test]
    fn an_undefined_variable_is_named_with_a_suggestion_and_the_list() {
        let d = one("<p>\n{{ besluitdatun }}</p>");
        assert_eq!(d.code, "template-variable");
        assert_eq!((d.line, d.column), (2, 4));
        assert_eq!(
            d.text(),
            "de variabele `besluitdatun` bestaat niet in deze template; bedoelde u `besluitdatum`?"
        );
        assert_eq!(
            d.hint_text().as_deref(),
            Some("deze template krijgt de variabelen `besluitdatum`, `periode`, `gemeenten`")
        );
    }

    #[test]
    fn loop_variables_filters_strings_and_fields_are_understood() {
        let ok = "{% for g in gemeenten %}{{ g.naam | upper }} {{ \"onbekend\" }}{% if loop.last and g.voor is defined %}.{% endif %}{% endfor %}\
                  {% set x = periode %}{{ x }}{{ range(3) }}";
        assert!(
            check("t.html", ok, Some(&vars())).is_empty(),
            "{:#?}",
            check("t.html", ok, Some(&vars()))
        );
        let d = one("{% for g in gemeenten %}{{ g.nam }}{% endfor %}");
        assert_eq!(
            d.text(),
            "`g.nam`: `gemeenten` heeft geen veld `nam`; bedoelde u `naam`?"
        );
        assert_eq!(
            d.hint_text().as_deref(),
            Some("de velden van `gemeenten` zijn `naam`, `voor`, `na`")
        );
    }

    #[test]
    fn a_field_name_used_alone_points_to_its_list() {
        let d = one("{{ voorr }}");
        assert!(
            d.text()
                .contains("bedoelde u `voor`? Dat is een veld van elk item van `gemeenten`"),
            "{}",
            d.text()
        );
    }

    #[test]
    fn without_known_variables_only_tags_and_blocks_are_checked() {
        assert!(check("t.html", "{{ wat_dan_ook }}", None).is_empty());
    }

    #[test]
    fn a_render_error_for_a_missing_variable_is_named_with_the_page_variables() {
        let context = serde_json::json!({"site": {"title": "x", "intro": "y"}, "practice": {}});
        let templates = vec![(
            "themes/default/templates/p.html".to_string(),
            "<h1>\n{{ site.titel }}</h1>".to_string(),
        )];
        let d = undefined_in_render(
            "Failed to render 'p.html': Variable `site.titel` not found in context while rendering 'p.html'",
            &context,
            &templates,
            "themes/default/templates",
        )
        .unwrap();
        assert_eq!(d.path, "themes/default/templates/p.html");
        assert_eq!(d.line, 2);
        assert_eq!(
            d.text(),
            "de variabele `site.titel` bestaat niet voor deze pagina; bedoelde u `site.title`?"
        );
        assert_eq!(
            d.hint_text().as_deref(),
            Some("`site` heeft de velden `intro`, `title`")
        );
        assert!(undefined_in_render("Filter `x` not found", &context, &templates, "t").is_none());
    }
}
