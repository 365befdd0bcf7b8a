//! The generated code for every type kind of the synthetic spec: decoding JSON and XML in all
//! the shapes the runtime accepts, re-encoding, the input builder and in-band failures.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use aliyun_runtime::jiff::Timestamp;
use aliyun_runtime::query::QueryError;
use aliyun_runtime::wire::{self, DecodeError, Format, Reply};
use aliyun_runtime::{
    Error, ErrorOrigin, Operation, PagedOperation, PagedOutput, QueryReader, QueryWriter,
};
use synthetic_sdk::describe_widget::{
    Color, DescribeWidgetInput, DescribeWidgetResult, Label, Level, Part, Shade, Widget,
};
use synthetic_sdk::list_widgets::{ListWidgetsInput, ListWidgetsResult, WidgetSummary};

fn json(body: &str) -> DescribeWidgetResult {
    wire::decode_reply(Format::Json, 200, body.as_bytes()).unwrap_or_else(|e| panic!("{e}"))
}

fn xml(body: &str) -> DescribeWidgetResult {
    wire::decode_reply(Format::Xml, 200, body.as_bytes()).unwrap_or_else(|e| panic!("{e}"))
}

fn decode_error(format: Format, body: &str) -> DecodeError {
    match wire::decode_reply::<DescribeWidgetResult>(format, 200, body.as_bytes()) {
        Err(Error::Decode(e)) => e,
        other => panic!("expected a decode error, got {other:?}"),
    }
}

fn json_error(body: &str) -> DecodeError {
    decode_error(Format::Json, body)
}

fn xml_error(body: &str) -> DecodeError {
    decode_error(Format::Xml, body)
}

/// The reply as a JSON body, envelope included.
fn encode_json(v: &DescribeWidgetResult, pretty: bool) -> String {
    let node = DescribeWidgetResult::ENVELOPE.wrap(v.request_id(), wire::to_node(v));
    wire::to_json(&node, pretty)
}

/// The reply as an XML body, envelope included.
fn encode_xml(v: &DescribeWidgetResult, root: &str) -> String {
    wire::encode_reply(v, Format::Xml, root)
}

/// A JSON body whose widget has the required fields plus `extra` (JSON members, with a
/// leading comma).
fn json_widget(extra: &str) -> String {
    format!(
        r#"{{"RequestId":"R-1","Widget":{{"Name":"gear","Count":3,"Owner":{{"Id":9}}{extra}}}}}"#
    )
}

/// An XML body whose widget has the required fields plus `extra` (XML elements).
fn xml_widget(extra: &str) -> String {
    format!(
        "<DescribeWidgetResult><RequestId>R-1</RequestId><Widget><Name>gear</Name>\
         <Count>3</Count><Owner><Id>9</Id></Owner>{extra}</Widget></DescribeWidgetResult>"
    )
}

fn widget(result: &DescribeWidgetResult) -> &Widget {
    result.widget.as_ref().expect("a widget")
}

fn part(label: &str, size: i64) -> (Option<String>, Option<i64>) {
    (Some(label.to_owned()), Some(size))
}

fn parts(w: &Widget) -> Vec<(Option<String>, Option<i64>)> {
    w.parts
        .iter()
        .map(|p: &Part| (p.label.clone(), p.size))
        .collect()
}

const FULL_JSON: &str = r#"{
  "RequestId": "R-1",
  "Ok": true,
  "Widget": {
    "Name": "gear",
    "Count": 3,
    "Weight": 42,
    "Enabled": true,
    "Level": 5,
    "Color": "red",
    "Created": "2019-12-28T02:42:22.000Z",
    "Owner": {"Id": 9, "Since": 2001},
    "Parts": [{"Label": "a", "Size": 1}, {"Label": "b", "Size": 2, "Color": "green"}],
    "Type": "spur",
    "Unexpected": {"Deep": [1, {"x": null}]}
  },
  "Extra": ["ignored"]
}"#;

const FULL_XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<DescribeWidgetResult>
  <RequestId>R-1</RequestId>
  <Ok>true</Ok>
  <Widget>
    <Name>gear</Name>
    <Count>3</Count>
    <Weight>42</Weight>
    <Enabled>true</Enabled>
    <Level>5</Level>
    <Color>red</Color>
    <Created>2019-12-28T02:42:22.000Z</Created>
    <Owner><Id>9</Id><Since>2001</Since></Owner>
    <Parts>
      <PartItem><Label>a</Label><Size>1</Size></PartItem>
      <PartItem><Label>b</Label><Size>2</Size><Color>green</Color></PartItem>
    </Parts>
    <Type>spur</Type>
    <Unexpected><Deep>1</Deep></Unexpected>
  </Widget>
  <Extra>ignored</Extra>
</DescribeWidgetResult>";

/// The assertions both full bodies must pass.
fn assert_full(v: &DescribeWidgetResult) {
    assert_eq!(v.request_id, "R-1");
    let w = widget(v);
    assert_eq!(w.name, "gear");
    assert_eq!(w.count, 3);
    assert_eq!(w.weight, Some(42));
    assert_eq!(w.enabled, Some(true));
    assert_eq!(w.level, Some(Level::High));
    assert_eq!(w.color, Some(Color::Red));
    assert_eq!(
        w.created.map(|t| t.as_second()),
        Some(1_577_500_942),
        "2019-12-28T02:42:22Z"
    );
    assert_eq!(w.owner.id, Some(9));
    assert_eq!(parts(w), [part("a", 1), part("b", 2)]);
    assert_eq!(w.r#type.as_deref(), Some("spur"));
}

#[test]
fn decodes_every_kind_from_json_ignoring_unknown_fields() {
    assert_full(&json(FULL_JSON));
}

#[test]
fn decodes_every_kind_from_xml_ignoring_unknown_fields() {
    assert_full(&xml(FULL_XML));
}

#[test]
fn json_and_xml_decode_to_the_same_model() {
    assert_eq!(json(FULL_JSON), xml(FULL_XML));
}

#[test]
fn optional_fields_may_be_absent() {
    let v = json(r#"{"RequestId":"R-1"}"#);
    assert_eq!(v.request_id, "R-1");
    assert_eq!(v.widget, None);

    let v = json(&json_widget(""));
    let w = widget(&v);
    assert_eq!((w.name.as_str(), w.count, w.owner.id), ("gear", 3, Some(9)));
    assert_eq!((w.weight, w.enabled, w.level), (None, None, None));
    assert_eq!((&w.color, w.created, &w.r#type), (&None, None, &None));
    assert!(w.parts.is_empty());

    // `null` is absent too.
    let v = json(&json_widget(
        r#","Weight":null,"Enabled":null,"Level":null,"Color":null,"Created":null,"Parts":null,"Type":null"#,
    ));
    assert_eq!(widget(&v), widget(&json(&json_widget(""))));
}

#[test]
fn missing_required_fields_are_named_by_path() {
    for (body, path) in [
        (r#"{"Widget":null}"#.to_owned(), "RequestId"),
        (
            r#"{"RequestId":"R","Widget":{"Count":3,"Owner":{}}}"#.to_owned(),
            "Widget.Name",
        ),
        (
            r#"{"RequestId":"R","Widget":{"Name":"gear","Owner":{}}}"#.to_owned(),
            "Widget.Count",
        ),
        (
            r#"{"RequestId":"R","Widget":{"Name":"gear","Count":3}}"#.to_owned(),
            "Widget.Owner",
        ),
        // Present but null is missing too.
        (
            r#"{"RequestId":"R","Widget":{"Name":"gear","Count":null,"Owner":{}}}"#.to_owned(),
            "Widget.Count",
        ),
    ] {
        let e = json_error(&body);
        assert_eq!(e.path, path, "{e}");
        assert_eq!(e.message, "required field is missing", "{e}");
        assert_eq!(e.format, Format::Json);
        assert!(e.to_string().contains(&format!(" at {path}: ")), "{e}");
    }

    let e = xml_error(
        "<DescribeWidgetResult><RequestId>R</RequestId><Widget><Name>gear</Name>\
         <Owner><Id>1</Id></Owner></Widget></DescribeWidgetResult>",
    );
    assert_eq!((e.path.as_str(), e.format), ("Widget.Count", Format::Xml));
    // An empty XML element is absent, so a required integer given empty is missing.
    let e = xml_error(&xml_widget("").replace("<Count>3</Count>", "<Count></Count>"));
    assert_eq!(e.path, "Widget.Count");

    // Through decode_reply, a missing field is a decode error, not a success.
    let reply = wire::decode_reply::<DescribeWidgetResult>(
        Format::Json,
        200,
        br#"{"RequestId":"R","Ok":true,"Widget":{"Name":"gear","Owner":{}}}"#,
    );
    match reply {
        Err(Error::Decode(e)) => assert_eq!(e.path, "Widget.Count"),
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[test]
fn required_strings_keep_empty_values() {
    let v = json(r#"{"RequestId":"","Widget":{"Name":"","Count":0,"Owner":{}}}"#);
    assert_eq!(v.request_id, "");
    let w = widget(&v);
    assert_eq!((w.name.as_str(), w.count, w.owner.id), ("", 0, None));

    let v = xml(&xml_widget("<Type/>").replace("<Name>gear</Name>", "<Name></Name>"));
    assert_eq!(widget(&v).name, "");
    assert_eq!(widget(&v).r#type.as_deref(), Some(""));
}

#[test]
fn integers_as_numbers_and_as_strings() {
    let v = json(&json_widget(r#","Weight":42"#));
    assert_eq!(widget(&v).weight, Some(42));
    let v = json(&json_widget(r#","Weight":"42""#));
    assert_eq!(widget(&v).weight, Some(42));
    let v = json(&json_widget(r#","Weight":" -7 ""#));
    assert_eq!(widget(&v).weight, Some(-7));
    let v = json(r#"{"RequestId":"R","Widget":{"Name":"n","Count":"12","Owner":{"Id":"5"}}}"#);
    assert_eq!((widget(&v).count, widget(&v).owner.id), (12, Some(5)));

    let e = json_error(&json_widget(r#","Weight":"heavy""#));
    assert_eq!(e.path, "Widget.Weight");
    assert!(e.message.contains("expected an integer"), "{e}");
    let e = json_error(&json_widget(r#","Weight":1.5"#));
    assert_eq!(e.path, "Widget.Weight");
}

#[test]
fn booleans() {
    for (value, expected) in [
        ("true", true),
        ("false", false),
        (r#""true""#, true),
        (r#""False""#, false),
        ("1", true),
        (r#""0""#, false),
    ] {
        let v = json(&json_widget(&format!(r#","Enabled":{value}"#)));
        assert_eq!(widget(&v).enabled, Some(expected), "{value}");
    }
    let v = xml(&xml_widget("<Enabled>false</Enabled>"));
    assert_eq!(widget(&v).enabled, Some(false));

    let e = json_error(&json_widget(r#","Enabled":"yes""#));
    assert_eq!(e.path, "Widget.Enabled");
    assert!(e.message.contains("expected a boolean"), "{e}");
}

#[test]
fn integer_enum_known_and_unknown() {
    let level = |raw: &str| widget(&json(&json_widget(&format!(r#","Level":{raw}"#)))).level;
    assert_eq!(level("5"), Some(Level::High));
    assert_eq!(level("-1"), Some(Level::Low));
    assert_eq!(level(r#""5""#), Some(Level::High));
    assert_eq!(level("7"), Some(Level::from_value(7)));
    assert_eq!(
        widget(&xml(&xml_widget("<Level>-1</Level>"))).level,
        Some(Level::Low)
    );

    assert_eq!(Level::High.value(), 5);
    assert_eq!(Level::from_value(7).value(), 7);
    assert_eq!(Level::from_value(-1), Level::Low);
    assert_eq!(Level::Low.label(), "low");
    assert_eq!(Level::High.to_string(), "high");
    assert_eq!(Level::from_value(7).to_string(), "unknown (7)");

    // An unknown value stays 7 when re-encoded, in both formats.
    let v = json(&json_widget(r#","Level":7"#));
    let out = encode_json(&v, false);
    assert!(out.contains(r#""Level":7"#), "{out}");
    let out = encode_xml(&v, "DescribeWidgetResult");
    assert!(out.contains("<Level>7</Level>"), "{out}");
    assert_eq!(widget(&xml(&out)).level, Some(Level::from_value(7)));

    let e = json_error(&json_widget(r#","Level":"high""#));
    assert_eq!(e.path, "Widget.Level");
}

#[test]
fn string_enum_known_unknown_and_numeric_looking() {
    let color = |raw: &str| {
        widget(&json(&json_widget(&format!(r#","Color":{raw}"#))))
            .color
            .clone()
    };
    assert_eq!(color(r#""red""#), Some(Color::Red));
    assert_eq!(color(r#""blue""#), Some(Color::from_value("blue")));
    // "0" is a known string value; a JSON number 0 reads as the same text.
    assert_eq!(color(r#""0""#), Some(Color::Zero));
    assert_eq!(color("0"), Some(Color::Zero));
    // Numeric-looking but a different string: unknown, kept as sent.
    assert_eq!(color(r#""00""#), Some(Color::from_value("00")));
    assert_eq!(color("1"), Some(Color::from_value("1")));
    assert_eq!(
        widget(&xml(&xml_widget("<Color>0</Color>"))).color,
        Some(Color::Zero)
    );

    assert_eq!(Color::Zero.as_str(), "0");
    assert_eq!(Color::from_value("red"), Color::Red);
    assert_eq!(Color::Zero.to_string(), "zero");
    assert_eq!(Color::from_value("blue").to_string(), "unknown (\"blue\")");
    assert_eq!(Color::from_value("blue").label(), "unknown");

    // Re-encoded as strings, the unknown one unchanged.
    let out = encode_json(&json(&json_widget(r#","Color":0"#)), false);
    assert!(out.contains(r#""Color":"0""#), "{out}");
    let out = encode_json(&json(&json_widget(r#","Color":"blue""#)), false);
    assert!(out.contains(r#""Color":"blue""#), "{out}");
}

#[test]
fn timestamps() {
    let created = |raw: &str| widget(&json(&json_widget(&format!(r#","Created":{raw}"#)))).created;
    let expected: Timestamp = "2019-12-28T02:42:22Z".parse().unwrap();
    assert_eq!(created(r#""2019-12-28T02:42:22.000Z""#), Some(expected));
    assert_eq!(created(r#""2019-12-28T02:42:22Z""#), Some(expected));
    // Milliseconds since the epoch.
    assert_eq!(created("1577500942000"), Some(expected));
    assert_eq!(
        widget(&xml(&xml_widget(
            "<Created>2019-12-28T02:42:22.000Z</Created>"
        )))
        .created,
        Some(expected)
    );

    let out = encode_json(&json(&json_widget(r#","Created":1577500942000"#)), false);
    assert!(
        out.contains(r#""Created":"2019-12-28T02:42:22.000Z""#),
        "{out}"
    );

    let e = json_error(&json_widget(r#","Created":"2019-12-28 02:42""#));
    assert_eq!(e.path, "Widget.Created");
    assert!(e.message.contains("timestamp"), "{e}");
}

#[test]
fn nested_structures() {
    let v = json(r#"{"RequestId":"R","Widget":{"Name":"n","Count":1,"Owner":{"Id":77}}}"#);
    assert_eq!(widget(&v).owner.id, Some(77));
    // An empty object is a present structure with nothing set.
    let v = json(r#"{"RequestId":"R","Widget":{"Name":"n","Count":1,"Owner":{}}}"#);
    assert_eq!(widget(&v).owner.id, None);
    let v = xml(&xml_widget("").replace("<Owner><Id>9</Id></Owner>", "<Owner><Id/></Owner>"));
    assert_eq!(widget(&v).owner.id, None);

    let e = json_error(r#"{"RequestId":"R","Widget":{"Name":"n","Count":1,"Owner":{"Id":"x"}}}"#);
    assert_eq!(e.path, "Widget.Owner.Id");
    let e = json_error(r#"{"RequestId":"R","Widget":{"Name":"n","Count":1,"Owner":[1]}}"#);
    assert_eq!(e.path, "Widget.Owner");
    assert!(e.message.contains("expected an object"), "{e}");
}

#[test]
fn lists_in_json() {
    let decode = |raw: &str| parts(widget(&json(&json_widget(&format!(r#","Parts":{raw}"#)))));
    let two = [part("a", 1), part("b", 2)];
    // A flat array.
    assert_eq!(
        decode(r#"[{"Label":"a","Size":1},{"Label":"b","Size":"2"}]"#),
        two
    );
    // A wrapper named after the item.
    assert_eq!(
        decode(r#"{"PartItem":[{"Label":"a","Size":1},{"Label":"b","Size":2}]}"#),
        two
    );
    assert_eq!(
        decode(r#"{"PartItem":{"Label":"a","Size":1}}"#),
        [part("a", 1)]
    );
    // A single object.
    assert_eq!(decode(r#"{"Label":"a","Size":1}"#), [part("a", 1)]);
    // Empty shapes.
    assert!(decode("[]").is_empty());
    assert!(decode("null").is_empty());
    assert!(decode("{}").is_empty());
    assert_eq!(decode(r#"[null,{"Label":"a","Size":1}]"#), [part("a", 1)]);

    let e = json_error(&json_widget(
        r#","Parts":[{"Label":"a","Size":1},{"Label":"b","Size":"big"}]"#,
    ));
    assert_eq!(e.path, "Widget.Parts[1].Size");
}

#[test]
fn lists_in_xml() {
    let decode = |inner: &str| parts(widget(&xml(&xml_widget(inner))));
    let two = [part("a", 1), part("b", 2)];
    // A wrapper holding one element per item.
    assert_eq!(
        decode(
            "<Parts><PartItem><Label>a</Label><Size>1</Size></PartItem>\
             <PartItem><Label>b</Label><Size>2</Size></PartItem></Parts>"
        ),
        two
    );
    assert_eq!(
        decode("<Parts><PartItem><Label>a</Label><Size>1</Size></PartItem></Parts>"),
        [part("a", 1)]
    );
    // Repeated siblings, each holding one item's fields.
    assert_eq!(
        decode(
            "<Parts><Label>a</Label><Size>1</Size></Parts>\
             <Type>t</Type>\
             <Parts><Label>b</Label><Size>2</Size></Parts>"
        ),
        two
    );
    // Empty elements: no items.
    assert!(decode("<Parts/>").is_empty());
    assert!(decode("<Parts></Parts>").is_empty());
    assert!(decode("<Parts>\n  </Parts>").is_empty());
    // An empty item element adds nothing; entries beside the items are ignored.
    assert_eq!(
        decode("<Parts><PartItem/><PartItem><Size>2</Size></PartItem></Parts>"),
        [(None, Some(2))]
    );
    assert_eq!(
        decode(
            "<Parts><TotalCount>1</TotalCount>\
             <PartItem><Label>a</Label><Size>1</Size></PartItem></Parts>"
        ),
        [part("a", 1)]
    );
}

#[test]
fn empty_xml_elements_are_absent() {
    let v = xml(&xml_widget(
        "<Weight/><Enabled></Enabled><Level/><Color></Color><Created/><Parts/>",
    ));
    let w = widget(&v);
    assert_eq!((w.weight, w.enabled, w.level), (None, None, None));
    assert_eq!((&w.color, w.created), (&None, None));
    assert!(w.parts.is_empty());
    let v = xml(
        "<DescribeWidgetResult><RequestId>R</RequestId><Ok/><ErrCode/><Widget/></DescribeWidgetResult>",
    );
    // An empty envelope flag and code: a success.
    assert_eq!(v.request_id, "R");
    assert_eq!(v.widget, None);
}

#[test]
fn a_field_named_type_is_r_type() {
    let v = json(&json_widget(r#","Type":"bevel""#));
    assert_eq!(widget(&v).r#type.as_deref(), Some("bevel"));
    let out = encode_json(&v, false);
    assert!(out.contains(r#""Type":"bevel""#), "{out}");
    let out = encode_xml(&v, "DescribeWidgetResult");
    assert!(out.contains("<Type>bevel</Type>"), "{out}");
}

#[test]
fn json_round_trip() {
    let model = json(FULL_JSON);
    let text = encode_json(&model, false);
    assert_eq!(json(&text), model);
    // In the API's shape: numbers stay numbers, lists arrays, unknown fields gone.
    assert!(text.starts_with(r#"{"RequestId":"R-1","Ok":true,"Widget":{"Name":"gear","Count":3,"Weight":42,"Enabled":true,"Level":5,"Color":"red","Created":"2019-12-28T02:42:22.000Z","Owner":{"Id":9},"Parts":[{"Label":"a","Size":1},"#), "{text}");
    assert!(
        !text.contains("Unexpected") && !text.contains("Extra"),
        "{text}"
    );
    // Pretty output decodes the same.
    assert_eq!(json(&encode_json(&model, true)), model);
    // A minimal model leaves optional fields and empty lists out.
    let minimal = json(&json_widget(""));
    assert_eq!(
        encode_json(&minimal, false),
        r#"{"RequestId":"R-1","Ok":true,"Widget":{"Name":"gear","Count":3,"Owner":{"Id":9}}}"#
    );
}

#[test]
fn xml_round_trip() {
    let model = xml(FULL_XML);
    let text = encode_xml(&model, "DescribeWidgetResult");
    assert_eq!(xml(&text), model);
    assert!(text.starts_with("<?xml"), "{text}");
    assert!(
        text.contains(
            "<Parts><PartItem><Label>a</Label><Size>1</Size></PartItem>\
             <PartItem><Label>b</Label><Size>2</Size></PartItem></Parts>"
        ),
        "{text}"
    );
    assert!(
        !text.contains("Unexpected") && !text.contains("Since"),
        "{text}"
    );

    // Across formats too.
    assert_eq!(
        xml(&encode_xml(&json(FULL_JSON), "DescribeWidgetResult")),
        model
    );
    assert_eq!(json(&encode_json(&model, false)), json(FULL_JSON));

    // Text that needs escaping survives.
    let tricky = xml(&xml_widget("<Type><![CDATA[a&b <c>]]></Type>"));
    assert_eq!(widget(&tricky).r#type.as_deref(), Some("a&b <c>"));
    let again = xml(&encode_xml(&tricky, "DescribeWidgetResult"));
    assert_eq!(again, tricky);
}

#[test]
fn the_builder_refuses_a_missing_widget_id() {
    let e = DescribeWidgetInput::builder().depth(2).build().unwrap_err();
    assert_eq!(
        (e.operation, e.parameter, e.setter),
        ("DescribeWidget", "WidgetId", "widget_id")
    );
    let message = e.to_string();
    assert!(
        message.contains("WidgetId") && message.contains("widget_id"),
        "{message}"
    );
    // Empty is missing too (the gateway answers `MissingWidgetId` for it).
    let e = DescribeWidgetInput::builder()
        .widget_id("")
        .build()
        .unwrap_err();
    assert_eq!(e.parameter, "WidgetId");
    // Cleared again, it is missing again.
    let e = DescribeWidgetInput::builder()
        .widget_id("w")
        .set_widget_id(None)
        .build();
    assert!(e.is_err());
}

/// The parameters an input sends, as `(name, value)` pairs.
fn params<O: Operation>(input: &O) -> Vec<(String, String)> {
    let mut w = QueryWriter::new();
    input.serialize(&mut w);
    w.into_pairs()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[test]
fn params_are_wire_names_and_text() {
    let input = DescribeWidgetInput::builder()
        .widget_id("w-1")
        .depth(3)
        .verbose(true)
        .build()
        .unwrap();
    assert_eq!(input.widget_id, "w-1");
    assert_eq!((input.depth, input.verbose), (Some(3), Some(true)));
    assert_eq!(
        params(&input),
        pairs(&[("WidgetId", "w-1"), ("Depth", "3"), ("Verbose", "true")])
    );

    let input = DescribeWidgetInput::builder()
        .widget_id(String::from("w-2"))
        .verbose(false)
        .depth(-4)
        .build()
        .unwrap();
    assert_eq!(
        params(&input),
        pairs(&[("WidgetId", "w-2"), ("Depth", "-4"), ("Verbose", "false")])
    );

    // Unset optional parameters are left out.
    let input = DescribeWidgetInput::builder()
        .widget_id("w-3")
        .depth(1)
        .set_depth(None)
        .build()
        .unwrap();
    assert_eq!(params(&input), pairs(&[("WidgetId", "w-3")]));
}

fn label(key: &str, value: Option<&str>, shade: Option<Shade>) -> Label {
    let mut label = Label::default();
    label.key = Some(key.to_owned());
    label.value = value.map(str::to_owned);
    label.shade = shade;
    label
}

#[test]
fn lists_and_structures_flatten_one_based() {
    let input = DescribeWidgetInput::builder()
        .widget_id("w")
        .names("a")
        .names("b")
        .label(label("env", Some("prod"), Some(Shade::Dark)))
        .label(label("k", None, None))
        .shade(Shade::from_value("DARK"))
        .levels(Level::High)
        .levels(Level::from_value(7))
        .build()
        .unwrap();
    assert_eq!(
        params(&input),
        pairs(&[
            ("WidgetId", "w"),
            ("Names.1", "a"),
            ("Names.2", "b"),
            ("Label.1.Key", "env"),
            ("Label.1.Value", "prod"),
            ("Label.1.Shade", "dark"),
            ("Label.2.Key", "k"),
            ("Shade", "dark"),
            ("Levels.1", "5"),
            ("Levels.2", "7"),
        ])
    );
    // set_* replaces a whole list; None empties it.
    let input = DescribeWidgetInput::builder()
        .widget_id("w")
        .names("a")
        .set_names(Some(vec!["z".into()]))
        .label(label("x", None, None))
        .set_label(None)
        .build()
        .unwrap();
    assert_eq!(
        params(&input),
        pairs(&[("WidgetId", "w"), ("Names.1", "z")])
    );
}

#[test]
fn the_server_side_reads_what_the_client_writes() {
    let input = DescribeWidgetInput::builder()
        .widget_id("w")
        .depth(2)
        .verbose(false)
        .names("a")
        .names("b")
        .label(label("env", Some("prod"), Some(Shade::Light)))
        .label(label("k", None, Some(Shade::from_value("unknown-shade"))))
        .levels(Level::Low)
        .build()
        .unwrap();
    let reader = QueryReader::new(params(&input));
    assert_eq!(DescribeWidgetInput::from_query(&reader).unwrap(), input);

    let missing = DescribeWidgetInput::from_query(&QueryReader::new([("Depth", "1")])).unwrap_err();
    assert_eq!(
        missing,
        QueryError::Missing {
            name: "WidgetId".into()
        }
    );
    let bad =
        DescribeWidgetInput::from_query(&QueryReader::new([("WidgetId", "w"), ("Depth", "deep")]))
            .unwrap_err();
    assert!(
        matches!(bad, QueryError::Invalid { ref name, .. } if name == "Depth"),
        "{bad:?}"
    );
    let gap = DescribeWidgetInput::from_query(&QueryReader::new([
        ("WidgetId", "w"),
        ("Label.1.Key", "a"),
        ("Label.3.Key", "c"),
    ]))
    .unwrap_err();
    assert!(gap.to_string().contains("Label.2 is missing"), "{gap}");
}

#[test]
fn enum_aliases_decode_to_one_variant_and_send_the_value() {
    assert_eq!(Shade::from_value("DARK"), Shade::Dark);
    assert_eq!(Shade::from_value("drak"), Shade::Dark);
    assert_eq!(Shade::Dark.as_str(), "dark");
    assert_eq!(Shade::values(), ["light", "dark"]);
    assert_eq!(Level::values(), [-1, 5]);
    assert_eq!(Shade::from("light"), Shade::Light);
    assert_eq!(Level::from(5), Level::High);
    // An unknown value is kept but opaque: it compares by value, prints its value.
    let unknown = Shade::from_value("dim");
    assert_eq!(unknown.as_str(), "dim");
    assert_eq!(unknown, Shade::from_value("dim"));
    assert_ne!(unknown, Shade::from_value("dimmer"));
    assert!(matches!(unknown, Shade::Unknown(_)));
}

#[test]
fn sensitive_fields_are_redacted_in_debug_only() {
    let v = json(&json_widget(r#","Secret":"hunter2""#));
    assert_eq!(widget(&v).secret.as_deref(), Some("hunter2"));
    let debug = format!("{v:?}");
    assert!(!debug.contains("hunter2"), "{debug}");
    assert!(debug.contains("secret: Some(<redacted>)"), "{debug}");
    assert!(encode_json(&v, false).contains(r#""Secret":"hunter2""#));
}

#[test]
fn wrapped_lists_keep_their_wrapper_in_json() {
    let v = json(&json_widget(r#","Labels":[{"Key":"a"}]"#));
    assert_eq!(widget(&v).labels.len(), 1);
    let out = encode_json(&v, false);
    assert!(
        out.contains(r#""Labels":{"LabelDTO":[{"Key":"a"}]}"#),
        "{out}"
    );
    assert_eq!(json(&out), v);
    let out = encode_xml(&v, "DescribeWidgetResult");
    assert!(
        out.contains("<Labels><LabelDTO><Key>a</Key></LabelDTO></Labels>"),
        "{out}"
    );
}

#[test]
fn pagination_comes_from_the_spec() {
    let page: ListWidgetsResult = wire::decode_reply(Format::Json, 200, LIST_JSON).unwrap();
    assert_eq!(page.items().len(), 2);
    assert_eq!(
        (page.total(), page.current_page(), page.page_count()),
        (Some(3), Some(1), None)
    );
    let first: &WidgetSummary = &page.items()[0];
    assert_eq!(first.id, 1);
    assert_eq!(
        first.label.as_ref().and_then(|l| l.shade.clone()),
        Some(Shade::Dark)
    );

    let mut input = ListWidgetsInput::builder().page_number(4).build().unwrap();
    assert_eq!((input.page(), input.page_size()), (Some(4), None));
    input.set_page(5);
    assert_eq!(params(&input), pairs(&[("PageNumber", "5")]));
    assert_eq!(
        ListWidgetsInput::INFO.methods,
        [aliyun_runtime::Method::Post]
    );
}

const LIST_JSON: &[u8] = include_bytes!("../spec/samples/list.json");

#[test]
fn operation_info_comes_from_the_spec() {
    let info = DescribeWidgetInput::INFO;
    assert_eq!(info.product, "Synthetic");
    assert_eq!(info.action, "DescribeWidget");
    assert_eq!(info.version, "2020-01-01");
    assert_eq!(info.quota_per_second, 5);
    assert_eq!(info.default_format, Format::Json);
    assert_eq!(synthetic_sdk::DEFAULT_FORMAT, Format::Json);
}

#[test]
fn in_band_failure_is_a_service_error() {
    let bodies = [
        (
            Format::Json,
            r#"{"RequestId":"R-9","Ok":false,"ErrCode":"Widget.NotFound","ErrText":"no such widget"}"#,
        ),
        (
            Format::Xml,
            "<DescribeWidgetResult><RequestId>R-9</RequestId><Ok>false</Ok>\
             <ErrCode>Widget.NotFound</ErrCode><ErrText>no such widget</ErrText></DescribeWidgetResult>",
        ),
    ];
    for (format, body) in bodies {
        match wire::decode_reply::<DescribeWidgetResult>(format, 200, body.as_bytes()) {
            Err(Error::Service(e)) => {
                assert_eq!(e.code, "Widget.NotFound");
                assert_eq!(e.message, "no such widget");
                assert_eq!(e.request_id.as_deref(), Some("R-9"));
                assert_eq!((e.status, e.origin), (200, ErrorOrigin::InBand));
            }
            other => panic!("{format}: expected a service error, got {other:?}"),
        }
    }

    // No flag but a code: still a failure, its code kept.
    match wire::decode_reply::<DescribeWidgetResult>(
        Format::Json,
        200,
        br#"{"RequestId":"R","ErrCode":"Widget.Busy"}"#,
    ) {
        Err(e) => assert_eq!(e.code(), Some("Widget.Busy")),
        Ok(v) => panic!("expected a failure, got {v:?}"),
    }
    // A failure flag without a code.
    match wire::decode_reply::<DescribeWidgetResult>(
        Format::Json,
        200,
        br#"{"RequestId":"R","Ok":false}"#,
    ) {
        Err(e) => assert_eq!(e.code(), Some("Unknown")),
        Ok(v) => panic!("expected a failure, got {v:?}"),
    }
}

#[test]
fn success_replies_are_ok() {
    let v = wire::decode_reply::<DescribeWidgetResult>(Format::Json, 200, FULL_JSON.as_bytes())
        .unwrap();
    assert_full(&v);
    assert_eq!(v.request_id(), "R-1");
    let v =
        wire::decode_reply::<DescribeWidgetResult>(Format::Xml, 200, FULL_XML.as_bytes()).unwrap();
    assert_full(&v);
    // No flag and no code: a success.
    let v = wire::decode_reply::<DescribeWidgetResult>(Format::Json, 200, br#"{"RequestId":"R"}"#)
        .unwrap();
    assert_eq!(v.request_id, "R");
}

#[test]
fn gateway_errors_are_service_errors() {
    let body =
        br#"{"RequestId":"R-4","HostId":"h","Code":"Throttling.User","Message":"slow down"}"#;
    match wire::decode_reply::<DescribeWidgetResult>(Format::Json, 400, body) {
        Err(Error::Service(e)) => {
            assert_eq!((e.code.as_str(), e.status), ("Throttling.User", 400));
            assert_eq!(e.origin, ErrorOrigin::Gateway);
            assert_eq!(e.request_id.as_deref(), Some("R-4"));
        }
        other => panic!("expected a gateway error, got {other:?}"),
    }
}
