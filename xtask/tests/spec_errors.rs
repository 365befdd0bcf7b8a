//! Malformed specs: each error names the file, the line and column of the offending value, and
//! says what is wrong. Every case edits one thing in a spec that is otherwise valid (see
//! `the_base_specs_are_valid`), so the error can only come from that edit.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use std::path::{Path, PathBuf};

use test_support::TempDir;
use xtask::SpecError;
use xtask::spec::{Operation, ProductContext, load_operation, load_product};

/// Where operation files claim to live (paths in messages are relative to the root).
const FILE: &str = "spec/demo/operations/Op.yaml";

/// A valid operation. Line numbers, for the cases below:
///  5 `methods`, 9 parameter `required`, 11 `response`, 16 `Serial`, 21 `type: Thing`,
/// 24-26 the `Tags` list, 28 type `Thing`, 37 type `Mode`, 39 `enum`, 41 the first enum value.
const VALID: &str = "\
operation:
  name: Op
  doc: An operation.
  quota_per_second: 10
  methods: [GET]
  parameters:
    - name: ThingId
      type: string
      required: true
      doc: The thing.
  response: OpResponse
  types:
    - name: OpResponse
      doc: The response.
      fields:
        - name: Serial
          type: string
          required: true
          doc: A serial.
        - name: Thing
          type: Thing
          doc: The thing.
        - name: Tags
          type: list
          items: string
          xml_item: Tag
          doc: Tags.
    - name: Thing
      doc: A thing.
      fields:
        - name: Id
          type: integer
          doc: ID.
        - name: Mode
          type: Mode
          doc: Its mode.
    - name: Mode
      doc: A mode.
      enum: integer
      values:
        - { value: 1, name: On, label: enabled, doc: On. }
        - { value: 2, name: Off, label: disabled, doc: Off. }
";

/// A valid product, for `load_product`.
const PRODUCT: &str = "\
product:
  name: Demo
  version: \"2020-01-01\"
  doc: A demo product.
  endpoint: \"https://demo.{region}.example.invalid/\"
  default_format: JSON
  output: demo/src/generated
  crate: demo_sdk
  envelope:
    request_id: RequestId
    success: Success
    code: Code
    message: Message
  errors:
    - code: demo.NotFound
      name: NotFound
      doc: Not found.
  error_samples:
    - file: samples/error.json
      doc: A gateway error.
      expect: gateway_error
";

/// `text` with the one occurrence of `from` replaced by `to`.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from:?} must occur once");
    text.replacen(from, to, 1)
}

fn load(text: &str) -> Result<Operation, SpecError> {
    let root = TempDir::new();
    load_operation(
        root.path(),
        Path::new(FILE),
        text,
        &ProductContext::standalone(),
    )
}

fn error(text: &str) -> SpecError {
    match load(text) {
        Ok(op) => panic!("expected an error, loaded operation `{}`", op.name),
        Err(e) => e,
    }
}

/// Asserts the error's file, position and message parts, that `token` is what the spec has at
/// that position (so the expected numbers are checked too), and that Display is
/// `file:line:column: message`.
#[track_caller]
fn assert_error(
    e: &SpecError,
    (file, text): (&str, &str),
    (line, column): (u64, u64),
    token: &str,
    parts: &[&str],
) {
    assert_eq!(e.file, PathBuf::from(file), "{e}");
    assert_eq!((e.line, e.column), (line, column), "{e}");
    let at = text
        .lines()
        .nth(line as usize - 1)
        .and_then(|l| l.get(column as usize - 1..))
        .unwrap_or_default();
    assert!(
        at.starts_with(token),
        "{file}:{line}:{column} holds {at:?}, not {token:?}"
    );
    for part in parts {
        assert!(e.message.contains(part), "{part:?} not in {:?}", e.message);
    }
    assert_eq!(
        e.to_string(),
        format!("{file}:{line}:{column}: {}", e.message)
    );
}

#[test]
fn the_base_specs_are_valid() {
    let op = load(VALID).unwrap();
    assert_eq!((op.name.as_str(), op.types.len()), ("Op", 3));
    assert_eq!(op.file, PathBuf::from(FILE));
    assert_eq!(op.response, "OpResponse");
    let root = TempDir::new();
    root.write("spec/demo/product.yaml", PRODUCT);
    root.write("spec/demo/samples/error.json", "{}");
    root.write(FILE, VALID);
    let product = load_product(root.path(), Path::new("spec/demo")).unwrap();
    assert_eq!(product.operations.len(), 1);
    assert_eq!(product.operations[0].file, PathBuf::from(FILE));
}

#[test]
fn display_is_file_line_column_message() {
    let text = edit(VALID, "          type: Thing\n", "          type: Thingy\n");
    let e = error(&text);
    assert_eq!(
        e.to_string(),
        "spec/demo/operations/Op.yaml:21:17: unknown type `Thingy` (built in: string, integer, \
         boolean, timestamp, list; declared: Mode, OpResponse, Thing)"
    );
}

#[test]
fn yaml_syntax_error() {
    let text = edit(VALID, "  doc: An operation.\n", "  doc: \"An operation.\n");
    assert_error(
        &error(&text),
        (FILE, &text),
        (3, 8),
        "\"",
        &["unclosed quote"],
    );

    let text = edit(VALID, "  methods: [GET]\n", "  methods: [GET, POST}\n");
    assert_error(
        &error(&text),
        (FILE, &text),
        (5, 12),
        "[",
        &["mismatched bracket"],
    );
}

#[test]
fn duplicate_yaml_key() {
    let text = edit(VALID, "  name: Op\n", "  name: Op\n  name: Op2\n");
    assert_error(
        &error(&text),
        (FILE, &text),
        (3, 3),
        "name: Op2",
        &["duplicate mapping key: name"],
    );
}

#[test]
fn unknown_key() {
    let text = edit(
        VALID,
        "  quota_per_second: 10\n",
        "  quota_per_second: 10\n  quota: 3\n",
    );
    assert_error(
        &error(&text),
        (FILE, &text),
        (5, 3),
        "quota:",
        &[
            "unknown field `quota`",
            "expected one of",
            "quota_per_second",
        ],
    );

    // In a nested field definition.
    let text = edit(
        VALID,
        "          type: integer\n",
        "          type: integer\n          optional: true\n",
    );
    assert_error(
        &error(&text),
        (FILE, &text),
        (33, 11),
        "optional:",
        &["unknown field `optional`", "required"],
    );
}

#[test]
fn wrong_type_boolean() {
    let text = edit(
        VALID,
        "      required: true\n      doc: The thing.\n",
        "      required: yes\n      doc: The thing.\n",
    );
    assert_error(
        &error(&text),
        (FILE, &text),
        (9, 17),
        "yes",
        &["invalid boolean", "true/false"],
    );

    let text = edit(
        VALID,
        "          required: true\n",
        "          required: no\n",
    );
    assert_error(
        &error(&text),
        (FILE, &text),
        (18, 21),
        "no",
        &["invalid boolean"],
    );
}

#[test]
fn wrong_type_integer() {
    let text = edit(VALID, "quota_per_second: 10", "quota_per_second: fast");
    assert_error(
        &error(&text),
        (FILE, &text),
        (4, 21),
        "fast",
        &["invalid u32"],
    );

    let text = edit(VALID, "quota_per_second: 10", "quota_per_second: -1");
    assert_error(
        &error(&text),
        (FILE, &text),
        (4, 21),
        "-1",
        &["invalid u32"],
    );
}

#[test]
fn wrong_keyword_value() {
    let text = edit(VALID, "  methods: [GET]\n", "  methods: [GET, PUT]\n");
    assert_error(
        &error(&text),
        (FILE, &text),
        (5, 18),
        "PUT",
        &["unknown variant `PUT`", "GET, POST"],
    );

    let text = edit(VALID, "      enum: integer\n", "      enum: float\n");
    assert_error(
        &error(&text),
        (FILE, &text),
        (39, 13),
        "float",
        &["unknown variant `float`", "integer, string"],
    );
}

#[test]
fn empty_methods() {
    let text = edit(VALID, "  methods: [GET]\n", "  methods: []\n");
    let e = error(&text);
    // The error points at the empty list.
    assert_eq!(e.file, PathBuf::from(FILE));
    assert_eq!((e.line, e.column), (5, 12));
    assert_eq!(
        e.to_string(),
        format!("{FILE}:5:12: `methods` must list at least one of GET, POST")
    );
}

#[test]
fn dangling_type_reference() {
    let text = edit(VALID, "          type: Thing\n", "          type: Thingy\n");
    assert_error(
        &error(&text),
        (FILE, &text),
        (21, 17),
        "Thingy",
        &["unknown type `Thingy`", "declared: Mode, OpResponse, Thing"],
    );

    let text = edit(
        VALID,
        "          items: string\n",
        "          items: Strings\n",
    );
    assert_error(
        &error(&text),
        (FILE, &text),
        (25, 18),
        "Strings",
        &["unknown type `Strings`"],
    );

    let text = edit(VALID, "  response: OpResponse\n", "  response: OpReply\n");
    assert_error(
        &error(&text),
        (FILE, &text),
        (11, 13),
        "OpReply",
        &["unknown type `OpReply`"],
    );
}

#[test]
fn duplicate_field() {
    let text = edit(VALID, "        - name: Thing\n", "        - name: Serial\n");
    assert_error(
        &error(&text),
        (FILE, &text),
        (20, 17),
        "Serial",
        &["duplicate field `Serial`"],
    );

    // Different wire names, one Rust name (`serial`).
    let text = edit(VALID, "        - name: Thing\n", "        - name: SERIAL\n");
    assert_error(
        &error(&text),
        (FILE, &text),
        (20, 17),
        "SERIAL",
        &["duplicate field `SERIAL`"],
    );
}

#[test]
fn duplicate_type() {
    let text = edit(
        VALID,
        "    - name: Mode\n      doc: A mode.\n",
        "    - name: Thing\n      doc: A mode.\n",
    );
    assert_error(
        &error(&text),
        (FILE, &text),
        (37, 13),
        "Thing",
        &["type `Thing` is defined twice"],
    );

    // Different wire names, one Rust name.
    let text = edit(
        VALID,
        "    - name: Mode\n      doc: A mode.\n",
        "    - name: Mode\n      rust_name: Thing\n      doc: A mode.\n",
    );
    assert_error(
        &error(&text),
        (FILE, &text),
        (37, 13),
        "Mode",
        &["type `Mode` is defined twice"],
    );
}

#[test]
fn enum_string_value_in_an_integer_enum() {
    let text = edit(VALID, "{ value: 1,", "{ value: \"1\",");
    assert_error(
        &error(&text),
        (FILE, &text),
        (41, 20),
        "\"1\"",
        &["the enum is `integer`", "`1` is not an integer"],
    );
}

#[test]
fn enum_integer_value_in_a_string_enum() {
    let text = edit(VALID, "      enum: integer\n", "      enum: string\n");
    assert_error(
        &error(&text),
        (FILE, &text),
        (41, 20),
        "1",
        &[
            "the enum is `string`",
            "1 is an integer",
            "quote it (\"1\")",
        ],
    );
    // Quoted, it is accepted.
    let text = text.replace("value: 1,", "value: \"1\",");
    let text = text.replace("value: 2,", "value: \"2\",");
    assert!(load(&text).is_ok());
}

#[test]
fn enum_variant_named_unknown() {
    let text = edit(VALID, "name: Off,", "name: Unknown,");
    assert_error(
        &error(&text),
        (FILE, &text),
        (42, 29),
        "Unknown",
        &["`Unknown` is not a usable variant name"],
    );
}

#[test]
fn list_without_items() {
    let text = edit(VALID, "          items: string\n", "");
    assert_error(
        &error(&text),
        (FILE, &text),
        (24, 17),
        "list",
        &["list field `Tags` needs `items`"],
    );

    // And `items` on a field that is not a list.
    let text = edit(
        VALID,
        "          type: integer\n",
        "          type: integer\n          items: string\n",
    );
    assert_error(
        &error(&text),
        (FILE, &text),
        (33, 18),
        "string",
        &["`items` only goes with `type: list`", "`Id` is `integer`"],
    );
}

#[test]
fn required_enum_field() {
    let text = edit(
        VALID,
        "          type: Mode\n",
        "          type: Mode\n          required: true\n",
    );
    assert_error(
        &error(&text),
        (FILE, &text),
        (34, 17),
        "Mode",
        &["enum and list fields cannot be `required`"],
    );
}

#[test]
fn unknown_parameter_type() {
    let text = edit(
        VALID,
        "      type: string\n      required: true\n",
        "      type: timestamp\n      required: true\n",
    );
    assert_error(
        &error(&text),
        (FILE, &text),
        (8, 13),
        "timestamp",
        &[
            "parameter type `timestamp` is not supported",
            "string, integer, boolean",
        ],
    );
}

#[test]
fn common_parameter_declared() {
    for common in ["RegionId", "Format", "Action"] {
        let text = edit(
            VALID,
            "    - name: ThingId\n",
            &format!("    - name: {common}\n"),
        );
        assert_error(
            &error(&text),
            (FILE, &text),
            (7, 13),
            common,
            &[&format!("`{common}` is a common parameter")],
        );
    }
}

#[test]
fn duplicate_parameter() {
    let text = edit(
        VALID,
        "  response: OpResponse\n",
        "    - { name: ThingId, type: integer, doc: Again. }\n  response: OpResponse\n",
    );
    assert_error(
        &error(&text),
        (FILE, &text),
        (11, 15),
        "ThingId",
        &["parameter `ThingId` is listed twice"],
    );
}

#[test]
fn missing_sample_file() {
    let root = TempDir::new();
    let text = edit(
        VALID,
        "  response: OpResponse\n",
        "  samples:\n    - file: ../samples/Op.json\n      doc: A sample.\n      expect: success\n  \
         response: OpResponse\n",
    );
    let e = load_operation(
        root.path(),
        Path::new(FILE),
        &text,
        &ProductContext::standalone(),
    )
    .unwrap_err();
    assert_error(
        &e,
        (FILE, &text),
        (12, 13),
        "../samples/Op.json",
        &["sample file spec/demo/samples/Op.json does not exist"],
    );

    // The path is relative to the operation file: with the file there, it loads.
    root.write("spec/demo/samples/Op.json", "{}");
    let op = load_operation(
        root.path(),
        Path::new(FILE),
        &text,
        &ProductContext::standalone(),
    )
    .unwrap();
    assert_eq!(
        op.samples[0].file,
        PathBuf::from("spec/demo/samples/Op.json")
    );

    // A sample must be JSON or XML.
    root.write("spec/demo/samples/Op.txt", "{}");
    let text = text.replace("Op.json", "Op.txt");
    let e = load_operation(
        root.path(),
        Path::new(FILE),
        &text,
        &ProductContext::standalone(),
    )
    .unwrap_err();
    assert_error(
        &e,
        (FILE, &text),
        (12, 13),
        "../samples/Op.txt",
        &["must end in .json or .xml"],
    );
}

#[test]
fn response_not_a_struct() {
    let text = edit(VALID, "  response: OpResponse\n", "  response: Mode\n");
    assert_error(
        &error(&text),
        (FILE, &text),
        (11, 13),
        "Mode",
        &["the response `Mode` must be a structure"],
    );
}

#[test]
fn envelope_fields_are_refused_in_a_response() {
    // Declared once in product.yaml: a response that repeats one is refused at the field, in
    // any letter case (the runtime matches them so).
    for name in ["Success", "requestId"] {
        let text = edit(
            VALID,
            "        - name: Serial\n",
            &format!("        - name: {name}\n"),
        );
        assert_error(
            &error(&text),
            (FILE, &text),
            (16, 17),
            name,
            &["is an envelope field", "product.yaml"],
        );
    }
}

#[test]
fn list_parameters() {
    let text = edit(
        VALID,
        "      type: string\n      required: true\n      doc: The thing.\n",
        "      type: list\n      required: true\n      doc: The thing.\n",
    );
    assert_error(
        &error(&text),
        (FILE, &text),
        (8, 13),
        "list",
        &["needs `items`"],
    );

    // A list of structures: the structure holds scalars and enums only.
    let text = edit(
        VALID,
        "      type: string\n      required: true\n      doc: The thing.\n",
        "      type: list\n      items: OpResponse\n      doc: The thing.\n",
    );
    assert_error(
        &error(&text),
        (FILE, &text),
        (9, 14),
        "OpResponse",
        &["cannot be sent as a parameter"],
    );
    let text = edit(
        VALID,
        "      type: string\n      required: true\n      doc: The thing.\n",
        "      type: list\n      items: Thing\n      doc: The thing.\n",
    );
    let op = load(&text).unwrap();
    assert!(op.parameters[0].is_list());

    // A structure is not a parameter type on its own.
    let text = edit(
        VALID,
        "      type: string\n      required: true\n",
        "      type: Thing\n      required: true\n",
    );
    assert_error(
        &error(&text),
        (FILE, &text),
        (8, 13),
        "Thing",
        &["not supported"],
    );
}

#[test]
fn pagination_names_real_parameters_and_fields() {
    let paged = |pagination: &str| {
        edit(
            VALID,
            "  response: OpResponse\n",
            &format!("  pagination: {pagination}\n  response: OpResponse\n"),
        )
    };
    let text = paged("{page: ThingId, size: ThingId, items: Tags}");
    assert_error(
        &error(&text),
        (FILE, &text),
        (11, 22),
        "ThingId",
        &["not an integer parameter"],
    );
    let text = edit(
        &paged("{page: Page, size: Page, items: Thing}"),
        "  parameters:\n",
        "  parameters:\n    - { name: Page, type: integer, doc: Page. }\n",
    );
    assert_error(
        &error(&text),
        (FILE, &text),
        (12, 47),
        "Thing",
        &["not a list field of the response"],
    );
    let text = edit(
        &paged("{page: Page, size: Page, items: Tags}"),
        "  parameters:\n",
        "  parameters:\n    - { name: Page, type: integer, doc: Page. }\n",
    );
    let op = load(&text).unwrap();
    let pagination = op.pagination.unwrap();
    assert_eq!(
        (pagination.page.as_str(), pagination.items.as_str()),
        ("page", "tags")
    );
    assert_eq!(pagination.total, None);
}

#[test]
fn operation_errors_must_be_the_products() {
    let text = edit(
        VALID,
        "  response: OpResponse\n",
        "  errors: [demo.Nope]\n  response: OpResponse\n",
    );
    assert_error(
        &error(&text),
        (FILE, &text),
        (11, 12),
        "demo.Nope",
        &["not among the product's `errors`"],
    );
}

#[test]
fn enum_aliases() {
    // Integer enums have no aliases; an alias may not repeat a value.
    let text = edit(
        VALID,
        "{ value: 1, name: On,",
        "{ value: 1, aliases: [one], name: On,",
    );
    assert_error(
        &error(&text),
        (FILE, &text),
        (41, 33),
        "one",
        &["alias `one`"],
    );
    let text = edit(VALID, "      enum: integer\n", "      enum: string\n")
        .replace("value: 1,", "value: \"on\", aliases: [\"ON\", \"off\"],")
        .replace("value: 2,", "value: \"off\",");
    assert!(
        load(&text).is_ok(),
        "an alias of another value is only refused when it is one"
    );
    let text = text.replace("[\"ON\", \"off\"]", "[\"ON\", \"on\"]");
    let e = error(&text);
    assert!(e.message.contains("alias `on`"), "{e}");
}

#[test]
fn shared_types_are_used_and_checked() {
    const TYPES: &str = "spec/demo/types/common.yaml";
    let root = TempDir::new();
    root.write("spec/demo/product.yaml", PRODUCT);
    root.write("spec/demo/samples/error.json", "{}");
    root.write(
        TYPES,
        "types:\n  - name: Colour\n    doc: A shared enum.\n    enum: string\n    values:\n      - { value: red, name: Red, label: red, doc: Red. }\n",
    );
    // An operation uses the shared type by its wire name.
    let text = edit(VALID, "          type: Mode\n", "          type: Colour\n");
    root.write(FILE, &text);
    let product = load_product(root.path(), Path::new("spec/demo")).unwrap();
    assert_eq!(product.types.len(), 1);
    assert_eq!(product.operations[0].shared_types, ["Colour"]);

    // A local type named like a shared one it uses clashes in Rust.
    let clash = edit(
        &text,
        "\n    - name: Mode\n",
        "\n    - name: Mode\n      rust_name: Colour\n",
    );
    root.write(FILE, &clash);
    let e = load_product(root.path(), Path::new("spec/demo")).unwrap_err();
    assert_error(
        &e,
        (FILE, &clash),
        (35, 17),
        "Colour",
        &["also a shared type"],
    );

    // One shared type in two files.
    root.write(FILE, &text);
    root.write(
        "spec/demo/types/more.yaml",
        "types:\n  - name: Colour\n    doc: Again.\n    fields: []\n",
    );
    let e = load_product(root.path(), Path::new("spec/demo")).unwrap_err();
    assert_eq!(e.file, PathBuf::from("spec/demo/types/more.yaml"));
    assert_eq!((e.line, e.column), (2, 11));
    assert!(e.message.contains("defined twice"), "{e}");
}

#[test]
fn product_errors_name_the_product_file() {
    const PRODUCT_FILE: &str = "spec/demo/product.yaml";
    let root = TempDir::new();
    root.write("spec/demo/samples/error.json", "{}");
    root.write(FILE, VALID);
    let load = |text: &str| {
        root.write(PRODUCT_FILE, text);
        load_product(root.path(), Path::new("spec/demo")).unwrap_err()
    };

    let text = edit(PRODUCT, "  output:", "  outptu:");
    assert_error(
        &load(&text),
        (PRODUCT_FILE, &text),
        (7, 3),
        "outptu",
        &["unknown field `outptu`", "output"],
    );

    for bad in ["../../etc", "/tmp/out"] {
        let line = PRODUCT
            .lines()
            .find(|l| l.trim_start().starts_with("output:"))
            .unwrap();
        let text = edit(PRODUCT, line, &format!("  output: {bad}"));
        let e = load(&text);
        assert_eq!(e.file, PathBuf::from(PRODUCT_FILE));
        assert!(
            e.message.contains("relative path inside the workspace"),
            "{e}"
        );
        assert_eq!(e.column, 11, "{e}");
    }

    let text = edit(PRODUCT, "default_format: JSON", "default_format: json");
    assert_error(
        &load(&text),
        (PRODUCT_FILE, &text),
        (6, 19),
        "json",
        &["unknown variant `json`", "JSON, XML"],
    );

    let text = edit(PRODUCT, "{region}", "cn-shanghai");
    assert_error(
        &load(&text),
        (PRODUCT_FILE, &text),
        (5, 13),
        "\"https://demo.cn-shanghai",
        &["must contain `{region}`"],
    );

    let text = edit(PRODUCT, "crate: demo_sdk", "crate: demo-sdk");
    assert_error(
        &load(&text),
        (PRODUCT_FILE, &text),
        (8, 10),
        "demo-sdk",
        &["`crate` must be the crate's Rust name"],
    );

    let text = edit(
        PRODUCT,
        "crate: demo_sdk",
        "crate: demo_sdk\n  config_from_env: not a path",
    );
    assert_error(
        &load(&text),
        (PRODUCT_FILE, &text),
        (9, 20),
        "not a path",
        &["`config_from_env` must be a Rust path"],
    );

    let text = edit(PRODUCT, "samples/error.json", "samples/missing.json");
    assert_error(
        &load(&text),
        (PRODUCT_FILE, &text),
        (19, 13),
        "samples/missing.json",
        &["sample file spec/demo/samples/missing.json does not exist"],
    );
}

#[test]
fn product_reports_operation_errors_in_the_operation_file() {
    let root = TempDir::new();
    root.write("spec/demo/product.yaml", PRODUCT);
    root.write("spec/demo/samples/error.json", "{}");

    // The product's envelope is checked against each operation's response: its own names
    // (`Message` here) are refused.
    let text = edit(
        VALID,
        "        - name: Serial\n",
        "        - name: Message\n",
    );
    root.write(FILE, &text);
    let e = load_product(root.path(), Path::new("spec/demo")).unwrap_err();
    assert_error(
        &e,
        (FILE, &text),
        (16, 17),
        "Message",
        &["is an envelope field"],
    );

    // Two files defining one operation: the second file is named, as a whole.
    root.write(FILE, VALID);
    root.write("spec/demo/operations/Op2.yaml", VALID);
    let e = load_product(root.path(), Path::new("spec/demo")).unwrap_err();
    assert_eq!(e.file, PathBuf::from("spec/demo/operations/Op2.yaml"));
    assert_eq!((e.line, e.column), (0, 0));
    assert!(e.message.contains("operation `Op` is defined twice"), "{e}");
    assert_eq!(
        e.to_string(),
        "spec/demo/operations/Op2.yaml:0:0: operation `Op` is defined twice"
    );
}
