//! The Tera filters the templates use beyond Tera's own: safe JSON inside `<script>`, and counts
//! worded as Romanian wants them.

use std::collections::HashMap;

use tera::{Result, Value};

/// Registers every filter of this module on `tera`.
pub fn register(tera: &mut tera::Tera) {
    tera.register_filter("json_script", json_script);
    tera.register_filter("numar", count_phrase);
}

/// The value as JSON safe to place inside a `<script>` element. `<`, `>` and `&` become
/// `\u003c`-style escapes, so no text of the content can close the element.
fn json_script(value: &Value, _: &HashMap<String, Value>) -> Result<Value> {
    let json = serde_json::to_string(value).map_err(tera::Error::json)?;
    let escaped = json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026");
    Ok(Value::String(escaped))
}

/// `{{ n | numar(one="plan", many="planuri") }}`: "1 plan", "2 planuri", "20 de planuri".
fn count_phrase(value: &Value, args: &HashMap<String, Value>) -> Result<Value> {
    let n = value.as_u64().ok_or_else(|| tera::Error::msg("numar: the value must be a whole number"))?;
    let word = |name: &str| {
        args.get(name).and_then(Value::as_str).ok_or_else(|| tera::Error::msg(format!("numar: `{name}` is missing")))
    };
    Ok(Value::String(romanian_count(n, word("one")?, word("many")?)))
}

/// Romanian puts "de" between a number and its noun when the number's last two digits are 00 or
/// 20–99 ("20 de planuri", "100 de planuri", but "101 planuri"); 1 takes the singular.
fn romanian_count(n: u64, one: &str, many: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        _ if n >= 20 && (n.is_multiple_of(100) || n % 100 >= 20) => format!("{n} de {many}"),
        _ => format!("{n} {many}"),
    }
}

#[cfg(test)]
mod tests {
    use super::romanian_count;

    #[test]
    fn counts_read_as_romanian_writes_them() {
        let said: Vec<String> =
            [0, 1, 2, 19, 20, 99, 100, 101, 119, 120, 251].map(|n| romanian_count(n, "plan", "planuri")).into();
        assert_eq!(
            said,
            [
                "0 planuri",
                "1 plan",
                "2 planuri",
                "19 planuri",
                "20 de planuri",
                "99 de planuri",
                "100 de planuri",
                "101 planuri",
                "119 planuri",
                "120 de planuri",
                "251 de planuri"
            ]
        );
    }
}
