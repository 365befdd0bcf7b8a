//! The credential providers, one per file. Each answers `ProvideCredentials::provide`; one that
//! is not configured answers a `NotConfigured` error, which a chain skips.

mod built_once;
pub mod cli_profile;
pub mod ecs_ram_role;
pub mod environment;
pub mod external;
pub mod ini;
pub mod oidc;
pub mod ram_role_arn;
pub mod uri;

pub use cli_profile::CliProfileProvider;
pub use ecs_ram_role::EcsRamRoleProvider;
pub use environment::EnvironmentProvider;
pub use external::ExternalProvider;
pub use ini::IniProvider;
pub use oidc::OidcProvider;
pub use ram_role_arn::RamRoleArnProvider;
pub use uri::UriProvider;
