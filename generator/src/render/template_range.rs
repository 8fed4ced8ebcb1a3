//! The templates' `range` function, in place of tera's: tera's makes every number of any range
//! (`range(end=100000000)` took 8 GB and did not finish) and loops for ever with `step_by=0`.
//! This one refuses both with a message in the catalogue; otherwise it gives what tera's gives.

use std::collections::HashMap;
use tera::{Error, Result, Value};

/// Most numbers one `range` gives: a page lists a few hundred things at most.
pub const MAX_RANGE: u64 = 10_000;

/// `range(end=N, start=0, step_by=1)`: the numbers from `start` up to (not including) `end`.
pub fn range(args: &HashMap<String, Value>) -> Result<Value> {
    let number = |key: &str, default: Option<u64>| -> Result<u64> {
        match args.get(key) {
            Some(value) => value.as_u64().ok_or_else(|| {
                Error::msg(crate::msg!("template-range-number", key = key).to_string())
            }),
            None => {
                default.ok_or_else(|| Error::msg(crate::msg!("template-range-no-end").to_string()))
            }
        }
    };
    let start = number("start", Some(0))?;
    let end = number("end", None)?;
    let step = number("step_by", Some(1))?;
    if step == 0 {
        return Err(Error::msg(crate::msg!("template-range-step").to_string()));
    }
    let count = end.saturating_sub(start).div_ceil(step);
    if count > MAX_RANGE {
        return Err(Error::msg(
            crate::msg!("template-range-too-long", count = count, max = MAX_RANGE).to_string(),
        ));
    }
    Ok(Value::from(
        (start..end).step_by(step as usize).collect::<Vec<u64>>(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tera::{Context, Tera};

    fn render(template: &str) -> Result<String> {
        let mut tera = Tera::default();
        tera.register_function("range", range);
        tera.render_str(template, &Context::new())
    }

    #[test]
    fn small_ranges_are_as_in_tera() {
        let out = render("{% for i in range(end=7, start=1, step_by=2) %}{{ i }},{% endfor %}");
        assert_eq!(out.unwrap(), "1,3,5,");
        assert_eq!(render("{{ range(end=0) | length }}").unwrap(), "0");
    }

    #[test]
    fn a_huge_range_and_a_zero_step_are_refused() {
        for template in [
            "{% for i in range(end=100000000) %}x{% endfor %}",
            "{% for i in range(end=1, step_by=0) %}x{% endfor %}",
        ] {
            let e = render(template).unwrap_err();
            let text = format!("{e:?}");
            assert!(text.contains("range"), "{text}");
        }
    }
}
