//! Tests of the config layer: which file and profile are read, DEFAULT inheritance,
//! environment precedence, regions and endpoints, and every broken-config message.

#[path = "config/errors.rs"]
mod errors;
#[path = "config/fixture.rs"]
mod fixture;
#[path = "config/ini.rs"]
mod ini;
#[path = "config/regions.rs"]
mod regions;
#[path = "config/resolution.rs"]
mod resolution;
#[path = "config/settings.rs"]
mod settings;
