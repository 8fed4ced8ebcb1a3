//! How deep YAML text nests, found by scanning the text before a YAML parser sees it: the parser
//! takes time that grows faster than the depth (20 s for 100,000 `[`), so deeper text is refused
//! first. Used for the kennisbank's content files and for the herverdelingscheck's scenarios,
//! municipalities list and addressees.

/// Deepest nesting of lists and mappings accepted (the files of the kennisbank and a scenario
/// are a few levels deep).
pub const MAX_NESTING: usize = 32;

/// The 1-based line and column of the first place where `yaml` nests flow collections (`[`,
/// `{`) and block sequence entries on one line (`- - -`) deeper than [`MAX_NESTING`]. Quoted
/// text and comments do not count.
pub fn too_deep(yaml: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (line_index, line) in yaml.lines().enumerate() {
        // Block entries on one line: `- - - x`.
        let dashes = line
            .trim_start()
            .split_inclusive(' ')
            .take_while(|part| part.trim_end() == "-")
            .count();
        if quote.is_none() && dashes > MAX_NESTING {
            return Some((line_index + 1, 1));
        }
        if !line.starts_with([' ', '\t']) && quote.is_none() {
            depth = 0; // a new top-level key: any collection before it is over (or broken)
        }
        let mut previous = ' ';
        // The last character before this one that is not a space, on this line.
        let mut last: Option<char> = None;
        let mut chars = line.chars().enumerate().peekable();
        while let Some((column, c)) = chars.next() {
            // Where a value may start: a quote or bracket elsewhere is part of plain text.
            let value_start = depth > 0 || matches!(last, None | Some(':' | '-' | ',' | '?'));
            match quote {
                Some('"') if c == '\\' => {
                    chars.next();
                }
                Some('\'') if c == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') => {
                    chars.next();
                }
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None => match c {
                    '"' | '\'' if value_start => quote = Some(c),
                    '#' if previous == ' ' || previous == '\t' => break,
                    '[' | '{' if value_start => {
                        depth += 1;
                        if depth > MAX_NESTING {
                            return Some((line_index + 1, column + 1));
                        }
                    }
                    ']' | '}' => depth = depth.saturating_sub(1),
                    _ => {}
                },
            }
            previous = c;
            if !c.is_whitespace() {
                last = Some(c);
            }
        }
    }
    None
}
