//! Finds recursion among a theme's templates: a template that includes itself (directly or
//! through others) or a macro that calls itself. Tera has no depth limit, so such a template
//! would overflow the stack and abort the whole program when a page is rendered; it is refused
//! when the theme is loaded instead. (Circular `extends` tera refuses itself.)

use std::collections::{BTreeMap, BTreeSet};
use tera::ast::{Expr, ExprVal, Node};
use tera::Tera;

/// A template, or a macro of a template file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Template(String),
    Macro { file: String, name: String },
}

impl Key {
    /// How an editor recognises it: `partials/menu.html` or `macros.html: menu()`.
    fn shown(&self) -> String {
        match self {
            Key::Template(name) => name.clone(),
            Key::Macro { file, name } => format!("{file}: {name}()"),
        }
    }
    fn file(&self) -> &str {
        match self {
            Key::Template(name) | Key::Macro { file: name, .. } => name,
        }
    }
}

/// A cycle found: the template file where it starts, the text to look for on its line (the
/// name of what it includes or calls), and the chain shown as `a.html → b.html → a.html`.
#[derive(Debug, PartialEq, Eq)]
pub struct Cycle {
    pub file: String,
    pub needle: String,
    pub chain: String,
}

/// The first cycle (in name order, so the report is stable) among the templates of `tera`.
pub fn find(tera: &Tera) -> Option<Cycle> {
    let graph = edges(tera);
    let mut done = BTreeSet::new();
    for start in graph.keys() {
        let mut path = Vec::new();
        if let Some(cycle) = visit(start, &graph, &mut path, &mut done) {
            return Some(cycle);
        }
    }
    None
}

fn visit(
    key: &Key,
    graph: &BTreeMap<Key, Vec<Key>>,
    path: &mut Vec<Key>,
    done: &mut BTreeSet<Key>,
) -> Option<Cycle> {
    if let Some(at) = path.iter().position(|k| k == key) {
        let mut chain: Vec<String> = path[at..].iter().map(Key::shown).collect();
        chain.push(key.shown());
        let first = &path[at];
        let next = path.get(at + 1).unwrap_or(key);
        let needle = match next {
            Key::Template(name) => name.clone(),
            Key::Macro { name, .. } => format!("::{name}("),
        };
        return Some(Cycle {
            file: first.file().to_string(),
            needle,
            chain: chain.join(" → "),
        });
    }
    if done.contains(key) {
        return None;
    }
    path.push(key.clone());
    for next in graph.get(key).into_iter().flatten() {
        if let Some(cycle) = visit(next, graph, path, done) {
            return Some(cycle);
        }
    }
    path.pop();
    done.insert(key.clone());
    None
}

/// What each template and macro includes, extends or calls.
fn edges(tera: &Tera) -> BTreeMap<Key, Vec<Key>> {
    let mut graph = BTreeMap::new();
    for (name, template) in &tera.templates {
        // Macro namespaces of this file: `self` and each `{% import "f" as ns %}`.
        let mut spaces: BTreeMap<&str, &str> = BTreeMap::new();
        spaces.insert("self", name.as_str());
        for (file, space) in &template.imported_macro_files {
            spaces.insert(space.as_str(), file.as_str());
        }
        let mut out = Vec::new();
        if let Some(parent) = &template.parent {
            out.push(Key::Template(parent.clone()));
        }
        nodes(&template.ast, &spaces, &mut out);
        graph.insert(Key::Template(name.clone()), out);
        for (macro_name, definition) in &template.macros {
            let mut out = Vec::new();
            nodes(&definition.body, &spaces, &mut out);
            graph.insert(
                Key::Macro {
                    file: name.clone(),
                    name: macro_name.clone(),
                },
                out,
            );
        }
    }
    graph
}

fn nodes(list: &[Node], spaces: &BTreeMap<&str, &str>, out: &mut Vec<Key>) {
    for node in list {
        match node {
            Node::VariableBlock(_, e) => expr(e, spaces, out),
            Node::Include(_, names, _) => {
                out.extend(names.iter().map(|n| Key::Template(n.clone())));
            }
            Node::Set(_, set) => expr(&set.value, spaces, out),
            Node::FilterSection(_, section, _) => {
                for e in section.filter.args.values() {
                    expr(e, spaces, out);
                }
                nodes(&section.body, spaces, out);
            }
            Node::Block(_, block, _) => nodes(&block.body, spaces, out),
            Node::Forloop(_, forloop, _) => {
                expr(&forloop.container, spaces, out);
                nodes(&forloop.body, spaces, out);
                if let Some(empty) = &forloop.empty_body {
                    nodes(empty, spaces, out);
                }
            }
            Node::If(conditions, _) => {
                for (_, condition, body) in &conditions.conditions {
                    expr(condition, spaces, out);
                    nodes(body, spaces, out);
                }
                if let Some((_, body)) = &conditions.otherwise {
                    nodes(body, spaces, out);
                }
            }
            _ => {}
        }
    }
}

fn expr(e: &Expr, spaces: &BTreeMap<&str, &str>, out: &mut Vec<Key>) {
    for filter in &e.filters {
        for arg in filter.args.values() {
            expr(arg, spaces, out);
        }
    }
    match &e.val {
        ExprVal::MacroCall(call) => {
            if let Some(file) = spaces.get(call.namespace.as_str()) {
                out.push(Key::Macro {
                    file: file.to_string(),
                    name: call.name.clone(),
                });
            }
            for arg in call.args.values() {
                expr(arg, spaces, out);
            }
        }
        ExprVal::FunctionCall(call) => {
            for arg in call.args.values() {
                expr(arg, spaces, out);
            }
        }
        ExprVal::Math(m) => {
            expr(&m.lhs, spaces, out);
            expr(&m.rhs, spaces, out);
        }
        ExprVal::Logic(l) => {
            expr(&l.lhs, spaces, out);
            expr(&l.rhs, spaces, out);
        }
        ExprVal::In(i) => {
            expr(&i.lhs, spaces, out);
            expr(&i.rhs, spaces, out);
        }
        ExprVal::Test(t) => {
            for arg in &t.args {
                expr(arg, spaces, out);
            }
        }
        ExprVal::Array(items) => {
            for item in items {
                expr(item, spaces, out);
            }
        }
        ExprVal::StringConcat(concat) => {
            for value in &concat.values {
                expr(&Expr::new(value.clone()), spaces, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tera(files: &[(&str, &str)]) -> Tera {
        let mut tera = Tera::default();
        tera.add_raw_templates(files.to_vec()).unwrap();
        tera
    }

    #[test]
    fn a_template_that_includes_itself_through_another_is_a_cycle() {
        let t = tera(&[
            (
                "a.html",
                "x {% if true %}{% include \"b.html\" %}{% endif %}",
            ),
            ("b.html", "{% include \"a.html\" %}"),
        ]);
        let cycle = find(&t).unwrap();
        assert_eq!(cycle.chain, "a.html → b.html → a.html");
        assert_eq!(cycle.file, "a.html");
        assert_eq!(cycle.needle, "b.html");
    }

    #[test]
    fn a_macro_that_calls_itself_in_an_argument_is_a_cycle() {
        let t = tera(&[
            (
                "m.html",
                "{% macro r(n) %}{{ n | default(value=self::r(n=n)) }}{% endmacro r %}",
            ),
            ("page.html", "{% import \"m.html\" as m %}{{ m::r(n=1) }}"),
        ]);
        let cycle = find(&t).unwrap();
        assert_eq!(cycle.chain, "m.html: r() → m.html: r()");
        assert_eq!(cycle.needle, "::r(");
    }

    #[test]
    fn includes_and_macros_without_a_cycle_pass() {
        let t = tera(&[
            ("base.html", "{% block c %}{% endblock c %}"),
            ("m.html", "{% macro a() %}{{ self::b() }}{% endmacro a %}{% macro b() %}b{% endmacro b %}"),
            ("p.html", "{% extends \"base.html\" %}{% import \"m.html\" as m %}{% block c %}{% include \"q.html\" %}{{ m::a() }}{% endblock c %}"),
            ("q.html", "q"),
        ]);
        assert_eq!(find(&t), None);
    }
}
