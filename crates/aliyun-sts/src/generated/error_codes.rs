// @generated from spec/sts/product.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

/// `InvalidParameter.DurationSeconds`: DurationSeconds is below 900 or above the role's maximum
/// session duration.
pub const INVALID_DURATION_SECONDS: &str = "InvalidParameter.DurationSeconds";

/// `InvalidParameter.RoleArn`: The RoleArn is malformed.
pub const INVALID_ROLE_ARN: &str = "InvalidParameter.RoleArn";

/// `InvalidParameter.RoleSessionName`: The RoleSessionName is not 2 to 64 letters, digits and
/// `. @ - _`.
pub const INVALID_ROLE_SESSION_NAME: &str = "InvalidParameter.RoleSessionName";

/// `InvalidParameter.ExternalId`: The ExternalId does not match the role's trust policy or is
/// malformed.
pub const INVALID_EXTERNAL_ID: &str = "InvalidParameter.ExternalId";

/// `InvalidParameter.PolicyGrammar`: The Policy is not a valid policy document.
pub const INVALID_POLICY_GRAMMAR: &str = "InvalidParameter.PolicyGrammar";

/// `InvalidParameter.PolicySize`: The Policy is longer than 2,048 characters.
pub const INVALID_POLICY_SIZE: &str = "InvalidParameter.PolicySize";

/// `NoPermission`: The caller may not assume the role (no `AliyunSTSAssumeRoleAccess`, or a
/// trust policy that excludes it).
pub const NO_PERMISSION: &str = "NoPermission";

/// `EntityNotExist.Role`: The role does not exist.
pub const ROLE_NOT_FOUND: &str = "EntityNotExist.Role";

/// `InternalError`: A transient failure of the service.
pub const INTERNAL_ERROR: &str = "InternalError";
