// @generated from xtask/tests/synthetic/spec/product.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

/// `widget.NotFound`: No such widget.
pub const WIDGET_NOT_FOUND: &str = "widget.NotFound";
