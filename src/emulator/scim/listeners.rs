//! Each domain's own address. The OCI SDKs take a domain's `url` as a bare host (they refuse a
//! URL with a path), so every domain the emulator starts with gets a listener of its own on
//! the same loopback address, serving its directory at `/admin/v1/...` behind the same
//! pipeline (signatures, faults, retry tokens). The path form `/domains/{id}/admin/v1/...` on
//! the main listener serves the same directories (and domains created while it runs).

use std::net::SocketAddr;
use std::time::Duration;

use axum::Extension;
use axum::Router;
use axum::http::{Method, Uri};
use axum::middleware;
use tokio::sync::oneshot;

use super::directory_routes;
use crate::emulator::Ctx;
use crate::emulator::call::DomainScope;
use crate::emulator::error::{ApiError, EmulatorError};
use crate::emulator::pipeline::pipeline;
use crate::emulator::serve::{ConnectionGauge, ConnectionLimits, serve};
use crate::model::LifecycleState;

async fn no_route(method: Method, uri: Uri) -> ApiError {
    ApiError::no_route(method.as_str(), uri.path())
}

/// One domain's directory at the root of its own listener.
fn domain_router(ctx: Ctx, domain_id: String) -> Router {
    directory_routes("/admin/v1")
        .fallback(no_route)
        .layer(middleware::from_fn_with_state(ctx.clone(), pipeline))
        .layer(Extension(DomainScope(domain_id)))
        .with_state(ctx)
}

/// Binds a listener for every domain the store holds, points the domain's URLs at it and
/// serves it; the senders stop them.
pub(crate) async fn serve_domains(
    ctx: &Ctx,
    ip: std::net::IpAddr,
    limits: ConnectionLimits,
    latency: Duration,
    gauge: &ConnectionGauge,
) -> Result<Vec<oneshot::Sender<()>>, EmulatorError> {
    let ids: Vec<String> = ctx.store.with(|s| {
        s.domains
            .iter()
            .filter(|d| d.lifecycle_state != LifecycleState::Deleted)
            .map(|d| d.id.clone())
            .collect()
    });
    let mut stops = Vec::new();
    for id in ids {
        let addr = SocketAddr::new(ip, 0);
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| EmulatorError::Bind { addr, source })?;
        let bound = listener
            .local_addr()
            .map_err(|source| EmulatorError::Bind { addr, source })?;
        ctx.store
            .with(|s| s.serve_domain_at(&id, &format!("http://{bound}")));
        let (tx, rx) = oneshot::channel();
        tokio::spawn(serve(
            listener,
            domain_router(ctx.clone(), id),
            limits,
            latency,
            rx,
            gauge.clone(),
        ));
        stops.push(tx);
    }
    Ok(stops)
}
