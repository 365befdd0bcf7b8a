//! What generated code calls and applications do not: the field-by-field decoders of
//! generated structures (they encode through [`crate::wire::Writer`]). Kept apart from
//! [`crate::wire`] so that the public surface is what users need; these follow the generator
//! of the same version and carry no stability promise of their own.

pub use crate::wire::decode::{
    decode_into, decode_list_into, decode_required, required, struct_entries,
};
