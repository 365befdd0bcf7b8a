//! `--output table`: a readable summary of a `QueryOTAFirmware` reply.

use std::fmt::Write as _;

use aliyun_iot::query_ota_firmware::{FirmwareInfo, OtaPackageFile, QueryOtaFirmwareResponse};

/// The width of the label column.
const LABEL_WIDTH: usize = 16;

/// Shown for absent or empty values.
const NONE: &str = "-";

/// The reply as labelled lines, then a table of `MultiFiles` when there are any.
pub fn render(reply: &QueryOtaFirmwareResponse) -> String {
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

    #[test]
    fn summary_has_labels_and_values() {
        let text = render(&seed());
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
        info.status = Some(FirmwareStatus::Unknown(7));
        info.sign_method = Some(SignMethod::Sha256);
        info.udi = Some("plain words".into());
        let mut file = OtaPackageFile::default();
        file.name = Some("a.bin".into());
        file.size = Some(1_048_576);
        file.url = Some("https://x/a.bin".into());
        info.multi_files = vec![file, OtaPackageFile::default()];
        let text = render(&reply);
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
        let text = render(&reply);
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
            render(&reply)
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
            render(&reply),
            "(the response holds no FirmwareInfo)\nRequestId        \n"
        );
    }
}
