//! `--output table`: a readable summary of a reply: a dedicated layout for
//! `QueryOTAFirmware`, and for every other operation labelled lines with lists as tables.

use std::borrow::Cow;
use std::fmt::Write as _;

use aliyun_iot::query_ota_firmware::{FirmwareInfo, OtaPackageFile, QueryOtaFirmwareResponse};
use aliyun_runtime::wire::Node;

use crate::generated::commands::CommandOutput;

/// A command's output tree, which owns its text.
type Tree = Node<'static>;

/// The width of the label column.
const LABEL_WIDTH: usize = 16;

/// Shown for absent or empty values.
const NONE: &str = "-";

/// A subcommand's output as text.
pub fn render(output: &CommandOutput) -> String {
    match output
        .reply
        .as_ref()
        .and_then(|r| r.downcast_ref::<QueryOtaFirmwareResponse>())
    {
        Some(reply) => render_package(reply),
        None => render_node(&output.node),
    }
}

/// Any reply: scalars as labelled lines (nested objects with dotted labels), lists of
/// objects as tables with one column per field, lists of values joined by commas.
fn render_node(node: &Tree) -> String {
    let mut out = String::new();
    match node {
        Node::List(items) if items.is_empty() => out.push_str("(no items)\n"),
        Node::List(items) => list_table(&mut out, "", items),
        Node::Map(entries) => {
            let mut rows = Vec::new();
            let mut tables = Vec::new();
            lines(&mut rows, "", entries, &mut tables);
            let width = rows
                .iter()
                .map(|(l, _)| l.chars().count())
                .max()
                .unwrap_or(0);
            for (label, value) in rows {
                let _ = writeln!(out, "{label:<width$}  {value}");
            }
            for (label, items) in tables {
                list_table(&mut out, &label, items);
            }
        }
        other => row(&mut out, "Value", &scalar(other)),
    }
    out
}

/// The labelled lines of an object; its lists of objects are kept for tables after them.
fn lines<'a>(
    out: &mut Vec<(String, String)>,
    prefix: &str,
    entries: &'a [(Cow<'static, str>, Tree)],
    tables: &mut Vec<(String, &'a [Tree])>,
) {
    for (key, value) in entries {
        let label = if prefix.is_empty() {
            key.to_string()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            Node::Map(inner) => match inner.as_slice() {
                // A wrapped list (`{"SimpleOTAJobInfo": [...]}`) is its list.
                [(_, Node::List(items))] => push_list(out, label, items, tables),
                _ => lines(out, &label, inner, tables),
            },
            Node::List(items) => push_list(out, label, items, tables),
            other => out.push((label, scalar(other))),
        }
    }
}

fn push_list<'a>(
    out: &mut Vec<(String, String)>,
    label: String,
    items: &'a [Tree],
    tables: &mut Vec<(String, &'a [Tree])>,
) {
    if items.iter().any(|i| matches!(i, Node::Map(_))) {
        tables.push((label, items));
    } else {
        let values: Vec<String> = items.iter().map(scalar).collect();
        out.push((label, values.join(", ")));
    }
}

/// A list of objects as a table: a header of field names, a row per item.
fn list_table(out: &mut String, label: &str, items: &[Tree]) {
    let mut columns: Vec<&str> = Vec::new();
    for item in items {
        if let Node::Map(entries) = item {
            for (key, _) in entries {
                if !columns.contains(&&**key) {
                    columns.push(key);
                }
            }
        }
    }
    let cells: Vec<Vec<String>> = items
        .iter()
        .map(|item| {
            columns
                .iter()
                .map(|c| match item {
                    Node::Map(entries) => entries
                        .iter()
                        .find(|(k, _)| k == c)
                        .map_or_else(|| NONE.to_owned(), |(_, v)| scalar(v)),
                    other if c.is_empty() => scalar(other),
                    _ => NONE.to_owned(),
                })
                .collect()
        })
        .collect();
    if !label.is_empty() {
        let count = match items.len() {
            1 => "1 item".to_owned(),
            n => format!("{n} items"),
        };
        let _ = writeln!(out, "\n{label} ({count}):");
    }
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            cells
                .iter()
                .map(|r| r[i].chars().count())
                .chain([c.chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |out: &mut String, values: Vec<&str>| {
        let padded: Vec<String> = values
            .iter()
            .zip(&widths)
            .map(|(v, w)| format!("{v:<w$}"))
            .collect();
        let _ = writeln!(out, "{}", padded.join("  ").trim_end());
    };
    line(out, columns.clone());
    for row in &cells {
        line(out, row.iter().map(String::as_str).collect());
    }
}

/// A value on one line: text as it is, objects and lists in compact JSON.
fn scalar(node: &Tree) -> String {
    match node {
        Node::Null => NONE.to_owned(),
        Node::Bool(b) => b.to_string(),
        Node::Number(n) => n.to_string(),
        Node::Text(t) if t.is_empty() => NONE.to_owned(),
        Node::Text(t) => t.to_string(),
        other => aliyun_runtime::wire::to_json(other, false),
    }
}

/// A `QueryOTAFirmware` reply as labelled lines, then a table of `MultiFiles` when there are
/// any.
fn render_package(reply: &QueryOtaFirmwareResponse) -> String {
    let mut out = String::new();
    match &reply.firmware_info {
        Some(info) => render_info(&mut out, info),
        None => out.push_str("(the response holds no FirmwareInfo)\n"),
    }
    row(&mut out, "RequestId", &reply.request_id);
    out
}

/// The labelled lines of the package.
fn render_info(out: &mut String, info: &FirmwareInfo) {
    row(out, "FirmwareId", text(&info.firmware_id));
    row(out, "Name", text(&info.firmware_name));
    row(out, "Description", text(&info.firmware_desc));
    row(out, "Dest version", text(&info.dest_version));
    let src = match text(&info.src_version) {
        NONE => "- (any version)",
        v => v,
    };
    row(out, "Src version", src);
    let kind = info.r#type.map_or_else(
        || NONE.to_owned(),
        |t| format!("{} ({})", t.value(), t.label()),
    );
    row(out, "Type", &kind);
    let status = info.status.map_or_else(
        || NONE.to_owned(),
        |s| format!("{} ({})", s.value(), s.label()),
    );
    row(out, "Status", &status);
    let progress = info
        .verify_progress
        .map_or_else(|| NONE.to_owned(), |p| format!("{p}%"));
    row(out, "Verify progress", &progress);
    let size = match info.firmware_size {
        Some(bytes) => size(bytes),
        // Multi-file packages have no size of their own: show the files' total.
        None if !info.multi_files.is_empty() => match total_size(&info.multi_files) {
            Some(total) => format!("{} in {} files", size(total), info.multi_files.len()),
            None => NONE.to_owned(),
        },
        None => NONE.to_owned(),
    };
    row(out, "Size", &size);
    let method = info.sign_method.as_ref().map_or_else(
        || NONE.to_owned(),
        |m| match m.label() {
            label if label == m.as_str() => label.to_owned(),
            "unknown" => format!("{} (unknown)", m.as_str()),
            label => format!("{} ({label})", m.as_str()),
        },
    );
    row(out, "Sign method", &method);
    row(out, "Signature", text(&info.firmware_sign));
    row(out, "URL", text(&info.firmware_url));
    row(out, "Module", text(&info.module_name));
    let product = match (text(&info.product_name), text(&info.product_key)) {
        (NONE, NONE) => NONE.to_owned(),
        (name, NONE) => name.to_owned(),
        (NONE, key) => format!("ProductKey {key}"),
        (name, key) => format!("{name} (ProductKey {key})"),
    };
    row(out, "Product", &product);
    let udi = match info.udi_json() {
        Some(json) if json.is_object() || json.is_array() => {
            serde_json::to_string_pretty(&json).unwrap_or_else(|_| text(&info.udi).to_owned())
        }
        _ => text(&info.udi).to_owned(),
    };
    row(out, "Udi", &udi);
    let time = |t: &Option<aliyun_iot::jiff::Timestamp>| {
        t.map_or_else(|| NONE.to_owned(), |t| t.to_string())
    };
    row(out, "Created", &time(&info.utc_create));
    row(out, "Modified", &time(&info.utc_modified));
    if !info.multi_files.is_empty() {
        row(out, "MultiFiles", &info.multi_files.len().to_string());
        files_table(out, &info.multi_files);
    }
}

/// One `label  value` line; the lines of a multi-line value are aligned under the first.
fn row(out: &mut String, label: &str, value: &str) {
    let mut lines = value.lines();
    let first = lines.next().unwrap_or("");
    let _ = writeln!(out, "{label:<LABEL_WIDTH$} {first}");
    for line in lines {
        let _ = writeln!(out, "{:LABEL_WIDTH$} {line}", "");
    }
}

/// The value, or [`NONE`] when it is absent or blank.
fn text(value: &Option<String>) -> &str {
    match value.as_deref() {
        Some(v) if !v.trim().is_empty() => v,
        _ => NONE,
    }
}

/// The sum of the files' sizes; `None` when a size is missing or negative, or when the sum
/// does not fit in an `i64` (the sizes come from the server: no panic on overflow).
fn total_size(files: &[OtaPackageFile]) -> Option<i64> {
    files.iter().try_fold(0_i64, |total, file| {
        let size = file.size.filter(|s| *s >= 0)?;
        total.checked_add(size)
    })
}

/// `924 bytes`, `1,048,576 bytes (1.0 MiB)`; any `i64`, negative ones included.
fn size(bytes: i64) -> String {
    let exact = format!("{} bytes", group_thousands(bytes));
    match human(bytes) {
        Some(human) => format!("{exact} ({human})"),
        None => exact,
    }
}

/// The size in binary units, for sizes of 1 KiB or more (up to `i64::MAX`, about 8 EiB).
fn human(bytes: i64) -> Option<String> {
    const UNITS: [&str; 6] = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    if bytes < 1024 {
        return None;
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    // A value that would print as `1024.0` goes up one unit.
    while value >= 1023.95 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    Some(format!("{value:.1} {}", UNITS[unit]))
}

/// `1234567` → `1,234,567`.
fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The files of a multi-file package as an aligned table, indented under the labels.
fn files_table(out: &mut String, files: &[OtaPackageFile]) {
    let header = ["#", "NAME", "SIZE", "SIGN", "MD5", "URL"];
    let rows: Vec<[String; 6]> = files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            [
                (i + 1).to_string(),
                text(&f.name).to_owned(),
                f.size
                    .map_or_else(|| NONE.to_owned(), |s| group_thousands(s) + " B"),
                text(&f.sign_value).to_owned(),
                text(&f.file_md5).to_owned(),
                text(&f.url).to_owned(),
            ]
        })
        .collect();
    let mut widths = header.map(str::len);
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut line = |cells: [&str; 6]| {
        let mut text = String::from("  ");
        for (i, cell) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                text.push_str(cell);
            } else {
                // Sizes are right-aligned, everything else left-aligned.
                let pad = widths[i].saturating_sub(cell.chars().count());
                if i == 2 {
                    text.push_str(&" ".repeat(pad));
                    text.push_str(cell);
                } else {
                    text.push_str(cell);
                    text.push_str(&" ".repeat(pad));
                }
                text.push_str("  ");
            }
        }
        let _ = writeln!(out, "{}", text.trim_end());
    };
    line(header);
    for r in &rows {
        line([&r[0], &r[1], &r[2], &r[3], &r[4], &r[5]].map(String::as_str));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aliyun_iot::query_ota_firmware::{FirmwareStatus, FirmwareType, SignMethod};
    use aliyun_runtime::wire::{self, Reply as _};

    /// The subcommand's output for a typed `QueryOTAFirmware` reply, as `call` builds it.
    fn output(reply: QueryOtaFirmwareResponse) -> CommandOutput {
        let payload = wire::to_node(&reply);
        CommandOutput {
            node: QueryOtaFirmwareResponse::ENVELOPE.wrap(reply.request_id(), payload),
            reply: Some(Box::new(reply)),
        }
    }

    /// The table of a typed `QueryOTAFirmware` reply.
    fn render_reply(reply: &QueryOtaFirmwareResponse) -> String {
        render(&output(reply.clone()))
    }

    fn seed() -> QueryOtaFirmwareResponse {
        let mut info = FirmwareInfo::default();
        info.firmware_id = Some("UfuxnwygsuSkVE0VCN****0100".into());
        info.firmware_name = Some("t3q5rkNm".into());
        info.src_version = Some(String::new());
        info.dest_version = Some("4.0.0".into());
        info.r#type = Some(FirmwareType::Full);
        info.status = Some(FirmwareStatus::Verifying);
        info.verify_progress = Some(0);
        info.sign_method = Some(SignMethod::Md5);
        info.firmware_size = Some(924);
        info.udi = Some(r#"{"ota_notice":"fix"}"#.into());
        info.utc_create = Some("2019-12-28T02:42:22Z".parse().unwrap());
        let mut reply = QueryOtaFirmwareResponse::default();
        reply.request_id = "A0-1".into();
        reply.firmware_info = Some(info);
        reply
    }

    /// The output of a subcommand whose reply is not `QueryOTAFirmware`'s: `json` as its tree.
    fn generic(json: &str, reply: Option<Box<dyn std::any::Any + Send>>) -> String {
        let node = wire::parse_json(json.as_bytes()).unwrap().into_owned();
        render(&CommandOutput { node, reply })
    }

    #[test]
    fn generic_layout_of_a_reply() {
        let text = generic(
            r#"{"RequestId":"R-1","Success":true,"Total":2,"Empty":"","Missing":null,
                "Data":{"JobId":"J-1","SrcVersions":{"SrcVersion":["1.0.0","1.0.1"]}},
                "Items":{"Item":[{"A":"x","B":1},{"A":"longer value","C":true}]},
                "Plain":[{"N":1}]}"#,
            None,
        );
        assert_eq!(
            text,
            "RequestId         R-1\n\
             Success           true\n\
             Total             2\n\
             Empty             -\n\
             Missing           -\n\
             Data.JobId        J-1\n\
             Data.SrcVersions  1.0.0, 1.0.1\n\
             \n\
             Items (2 items):\n\
             A             B  C\n\
             x             1  -\n\
             longer value  -  true\n\
             \n\
             Plain (1 item):\n\
             N\n\
             1\n"
        );
    }

    #[test]
    fn generic_layout_of_all_the_items() {
        // `--all`: the items alone, as one table whose columns are every item's fields.
        let items = [r#"{"A":"x","B":"y"}"#, r#"{"B":"z","C":"w"}"#]
            .map(|item| wire::parse_json(item.as_bytes()).unwrap());
        let out = CommandOutput {
            node: wire::Node::List(items.to_vec()),
            reply: None,
        };
        assert_eq!(render(&out), "A  B  C\nx  y  -\n-  z  w\n");
    }

    #[test]
    fn other_replies_get_the_generic_layout() {
        // Only a typed QueryOTAFirmware reply gets the dedicated layout.
        let reply = aliyun_iot::list_ota_firmware::ListOtaFirmwareResponse::default();
        let text = generic(
            r#"{"RequestId":"R-2","Success":true,"FirmwareInfo":{"FirmwareId":"F"}}"#,
            Some(Box::new(reply)),
        );
        assert_eq!(
            text,
            "RequestId                R-2\nSuccess                  true\nFirmwareInfo.FirmwareId  F\n"
        );
        // The tree is what is printed for QueryOTAFirmware too when the typed reply is absent.
        let text = generic(r#"{"RequestId":"R-3","Success":true}"#, None);
        assert_eq!(text, "RequestId  R-3\nSuccess    true\n");
        // `--all` with no items says so.
        let out = CommandOutput {
            node: wire::Node::List(Vec::new()),
            reply: None,
        };
        assert_eq!(render(&out), "(no items)\n");
    }

    #[test]
    fn dedicated_layout_ignores_the_tree() {
        // The typed reply, not the tree, is rendered for QueryOTAFirmware.
        let mut out = output(seed());
        out.node = wire::Node::Null;
        let text = render(&out);
        assert!(
            text.starts_with("FirmwareId       UfuxnwygsuSkVE0VCN****0100\n"),
            "{text}"
        );
        assert!(text.ends_with("RequestId        A0-1\n"), "{text}");
    }

    #[test]
    fn summary_has_labels_and_values() {
        let text = render_reply(&seed());
        for expected in [
            "FirmwareId       UfuxnwygsuSkVE0VCN****0100\n",
            "Src version      - (any version)\n",
            "Type             0 (full package)\n",
            "Status           2 (verifying)\n",
            "Verify progress  0%\n",
            "Size             924 bytes\n",
            "Sign method      MD5\n",
            "Udi              {\n                   \"ota_notice\": \"fix\"\n                 }\n",
            "Created          2019-12-28T02:42:22Z\n",
            "Modified         -\n",
            "RequestId        A0-1\n",
        ] {
            assert!(text.contains(expected), "{expected:?} not in\n{text}");
        }
        assert!(!text.contains("MultiFiles"), "{text}");
    }

    #[test]
    fn multi_files_table_and_unknown_values() {
        let mut reply = seed();
        let info = reply.firmware_info.as_mut().unwrap();
        info.status = Some(FirmwareStatus::from(7));
        info.sign_method = Some(SignMethod::Sha256);
        info.udi = Some("plain words".into());
        let mut file = OtaPackageFile::default();
        file.name = Some("a.bin".into());
        file.size = Some(1_048_576);
        file.url = Some("https://x/a.bin".into());
        info.multi_files = vec![file, OtaPackageFile::default()];
        let text = render_reply(&reply);
        assert!(text.contains("Status           7 (unknown)\n"), "{text}");
        assert!(
            text.contains("Sign method      SHA256 (SHA-256)\n"),
            "{text}"
        );
        assert!(text.contains("Udi              plain words\n"), "{text}");
        assert!(text.contains("MultiFiles       2\n"), "{text}");
        // The total is shown only when every file's size is known.
        assert!(text.contains("Size             924 bytes\n"), "{text}");
        assert!(
            text.contains("  #  NAME          SIZE  SIGN  MD5  URL\n"),
            "{text}"
        );
        assert!(
            text.contains("  1  a.bin  1,048,576 B  -     -    https://x/a.bin\n"),
            "{text}"
        );
        assert!(
            text.contains("  2  -                -  -     -    -\n"),
            "{text}"
        );
    }

    #[test]
    fn multi_file_total_size() {
        let mut reply = seed();
        let info = reply.firmware_info.as_mut().unwrap();
        info.firmware_size = None;
        let file = |size| {
            let mut f = OtaPackageFile::default();
            f.size = Some(size);
            f
        };
        info.multi_files = vec![file(1024), file(2048)];
        let text = render_reply(&reply);
        assert!(
            text.contains("Size             3,072 bytes (3.0 KiB) in 2 files\n"),
            "{text}"
        );
    }

    #[test]
    fn sizes() {
        assert_eq!(size(0), "0 bytes");
        assert_eq!(size(1023), "1,023 bytes");
        assert_eq!(size(1536), "1,536 bytes (1.5 KiB)");
        assert_eq!(size(1_048_576), "1,048,576 bytes (1.0 MiB)");
        assert_eq!(size(1_048_575), "1,048,575 bytes (1.0 MiB)");
        assert_eq!(size(-5), "-5 bytes");
        assert_eq!(size(i64::MAX), "9,223,372,036,854,775,807 bytes (8.0 EiB)");
        assert_eq!(size(i64::MIN), "-9,223,372,036,854,775,808 bytes");
        assert_eq!(group_thousands(-1234), "-1,234");
        assert_eq!(group_thousands(123), "123");
    }

    #[test]
    fn multi_file_total_that_overflows_or_is_negative() {
        let with_sizes = |sizes: &[i64]| {
            let mut reply = seed();
            let info = reply.firmware_info.as_mut().unwrap();
            info.firmware_size = None;
            info.multi_files = sizes
                .iter()
                .map(|&size| {
                    let mut f = OtaPackageFile::default();
                    f.size = Some(size);
                    f
                })
                .collect();
            render_reply(&reply)
        };
        for sizes in [&[i64::MAX, 1][..], &[i64::MAX, i64::MAX], &[10, -1]] {
            let text = with_sizes(sizes);
            assert!(text.contains("Size             -\n"), "{sizes:?}: {text}");
        }
        let text = with_sizes(&[i64::MAX - 1, 1]);
        assert!(
            text.contains(
                "Size             9,223,372,036,854,775,807 bytes (8.0 EiB) in 2 files\n"
            ),
            "{text}"
        );
        assert!(text.contains("9,223,372,036,854,775,806 B"), "{text}");
    }

    #[test]
    fn empty_reply() {
        let reply = QueryOtaFirmwareResponse::default();
        assert_eq!(
            render_reply(&reply),
            "(the response holds no FirmwareInfo)\nRequestId        \n"
        );
    }
}
