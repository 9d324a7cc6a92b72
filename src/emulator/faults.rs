//! Injected faults, deterministic from a seed: added latency, 429 with Retry-After, 500 and
//! 503, connections dropped mid-response, and "drop the next N POST responses after the
//! handler acted" so clients can prove exactly-once creates with retry tokens.

use std::fmt;
use std::str::FromStr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use rand::rngs::StdRng;
use rand::{Rng as _, SeedableRng as _};

/// What `--faults` says, e.g. `429=0.1,500=0.05,503=0.05,drop=0.02,seed=7,retry-after=1`.
#[derive(Debug, Clone, PartialEq)]
pub struct FaultSpec {
    /// Share of requests answered 429 `TooManyRequests` (before the handler runs).
    pub rate_429: f64,
    /// Share answered 500 `InternalServerError` (before the handler runs).
    pub rate_500: f64,
    /// Share answered 503 (before the handler runs).
    pub rate_503: f64,
    /// Share whose response is cut off mid-body (after the handler ran).
    pub rate_drop: f64,
    /// Seed of the fault dice; the same seed gives the same sequence of faults.
    pub seed: u64,
    /// Seconds in the Retry-After header of a 429.
    pub retry_after_secs: u64,
    /// The next this-many POST responses are cut off after the handler acted.
    pub drop_posts: usize,
}

impl Default for FaultSpec {
    fn default() -> Self {
        Self {
            rate_429: 0.0,
            rate_500: 0.0,
            rate_503: 0.0,
            rate_drop: 0.0,
            seed: 0,
            retry_after_secs: 1,
            drop_posts: 0,
        }
    }
}

/// Why a `--faults` spec was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FaultSpecError {
    #[error(
        "'{0}' is not KEY=VALUE; use keys 429, 500, 503, drop (rates 0..1), seed, retry-after, drop-posts"
    )]
    NotAPair(String),
    #[error("unknown fault '{0}'; known: 429, 500, 503, drop, seed, retry-after, drop-posts")]
    UnknownKey(String),
    #[error("'{0}' is not a rate between 0 and 1")]
    BadRate(String),
    #[error("'{0}' is not a whole number")]
    BadNumber(String),
    #[error("the rates add up to more than 1")]
    RatesAboveOne,
}

impl FromStr for FaultSpec {
    type Err = FaultSpecError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut spec = Self::default();
        let s = s.trim();
        if s.is_empty() || s == "none" {
            return Ok(spec);
        }
        for pair in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (key, value) = pair
                .split_once('=')
                .ok_or_else(|| FaultSpecError::NotAPair(pair.to_string()))?;
            let rate = || {
                value
                    .parse::<f64>()
                    .ok()
                    .filter(|r| (0.0..=1.0).contains(r))
                    .ok_or_else(|| FaultSpecError::BadRate(value.to_string()))
            };
            let number = || {
                value
                    .parse::<u64>()
                    .map_err(|_| FaultSpecError::BadNumber(value.to_string()))
            };
            match key.trim() {
                "429" => spec.rate_429 = rate()?,
                "500" => spec.rate_500 = rate()?,
                "503" => spec.rate_503 = rate()?,
                "drop" => spec.rate_drop = rate()?,
                "seed" => spec.seed = number()?,
                "retry-after" => spec.retry_after_secs = number()?,
                "drop-posts" => spec.drop_posts = number()? as usize,
                other => return Err(FaultSpecError::UnknownKey(other.to_string())),
            }
        }
        if spec.rate_429 + spec.rate_500 + spec.rate_503 + spec.rate_drop > 1.0 {
            return Err(FaultSpecError::RatesAboveOne);
        }
        Ok(spec)
    }
}

impl fmt::Display for FaultSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "429={},500={},503={},drop={},seed={},retry-after={},drop-posts={}",
            self.rate_429,
            self.rate_500,
            self.rate_503,
            self.rate_drop,
            self.seed,
            self.retry_after_secs,
            self.drop_posts
        )
    }
}

/// What happens to one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    None,
    TooManyRequests {
        retry_after_secs: u64,
    },
    InternalError,
    Unavailable,
    /// Run the handler, then cut the response off mid-body.
    DropResponse,
}

#[derive(Debug)]
struct FaultState {
    spec: FaultSpec,
    rng: StdRng,
    latency: Duration,
    posts_to_drop: usize,
    writes_to_drop: usize,
    injected: FaultCounts,
}

/// Faults injected so far, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FaultCounts {
    /// 429 `TooManyRequests`.
    pub throttled: u64,
    /// 500 `InternalServerError`.
    pub internal_errors: u64,
    /// 503 `ServiceUnavailable`.
    pub unavailable: u64,
    /// Responses cut off after the handler acted.
    pub dropped: u64,
}

impl FaultCounts {
    pub fn total(&self) -> u64 {
        self.throttled + self.internal_errors + self.unavailable + self.dropped
    }
}

/// The running emulator's faults, changeable while it serves.
#[derive(Debug, Clone)]
pub struct FaultHandle(Arc<Mutex<FaultState>>);

impl FaultHandle {
    pub fn new(spec: FaultSpec, latency: Duration) -> Self {
        Self(Arc::new(Mutex::new(FaultState {
            rng: StdRng::seed_from_u64(spec.seed),
            posts_to_drop: spec.drop_posts,
            writes_to_drop: 0,
            injected: FaultCounts::default(),
            spec,
            latency,
        })))
    }

    fn state(&self) -> std::sync::MutexGuard<'_, FaultState> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Replaces the spec and restarts the dice from its seed.
    pub fn set(&self, spec: FaultSpec) {
        let mut state = self.state();
        state.rng = StdRng::seed_from_u64(spec.seed);
        state.posts_to_drop = spec.drop_posts;
        state.spec = spec;
    }

    pub fn spec(&self) -> FaultSpec {
        self.state().spec.clone()
    }

    /// Turns every fault off (latency too).
    pub fn clear(&self) {
        self.set(FaultSpec::default());
        self.set_latency(Duration::ZERO);
    }

    pub fn set_latency(&self, latency: Duration) {
        self.state().latency = latency;
    }

    pub fn latency(&self) -> Duration {
        self.state().latency
    }

    /// Cuts off the next `n` POST responses after their handler acted.
    pub fn drop_next_posts(&self, n: usize) {
        self.state().posts_to_drop = n;
    }

    /// Cuts off the next `n` responses to writes (POST, PUT, DELETE) after they acted.
    pub fn drop_next_writes(&self, n: usize) {
        self.state().writes_to_drop = n;
    }

    /// How many of each fault were injected since the start.
    pub fn injected(&self) -> FaultCounts {
        self.state().injected
    }

    /// Rolls the dice for one request.
    pub fn decide(&self, method: &axum::http::Method) -> Fault {
        let mut state = self.state();
        let fault = Self::roll(&mut state, method);
        let counts = &mut state.injected;
        match fault {
            Fault::None => {}
            Fault::TooManyRequests { .. } => counts.throttled += 1,
            Fault::InternalError => counts.internal_errors += 1,
            Fault::Unavailable => counts.unavailable += 1,
            Fault::DropResponse => counts.dropped += 1,
        }
        fault
    }

    fn roll(state: &mut FaultState, method: &axum::http::Method) -> Fault {
        if *method == axum::http::Method::POST && state.posts_to_drop > 0 {
            state.posts_to_drop -= 1;
            return Fault::DropResponse;
        }
        if *method != axum::http::Method::GET && state.writes_to_drop > 0 {
            state.writes_to_drop -= 1;
            return Fault::DropResponse;
        }
        let spec = &state.spec;
        let (r429, r500, r503, rdrop) =
            (spec.rate_429, spec.rate_500, spec.rate_503, spec.rate_drop);
        let retry_after_secs = spec.retry_after_secs;
        if r429 + r500 + r503 + rdrop <= 0.0 {
            return Fault::None;
        }
        let roll: f64 = state.rng.r#gen();
        if roll < r429 {
            Fault::TooManyRequests { retry_after_secs }
        } else if roll < r429 + r500 {
            Fault::InternalError
        } else if roll < r429 + r500 + r503 {
            Fault::Unavailable
        } else if roll < r429 + r500 + r503 + rdrop {
            Fault::DropResponse
        } else {
            Fault::None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_a_spec() {
        let spec: FaultSpec = "429=0.1,500=0.05,503=0.05,drop=0.02,seed=7,retry-after=2"
            .parse()
            .unwrap();
        assert!((spec.rate_429 - 0.1).abs() < f64::EPSILON);
        assert_eq!(spec.seed, 7);
        assert_eq!(spec.retry_after_secs, 2);
        assert_eq!(spec.to_string().parse::<FaultSpec>().unwrap(), spec);
    }

    #[test]
    fn refuses_bad_specs() {
        assert!(matches!(
            "429".parse::<FaultSpec>(),
            Err(FaultSpecError::NotAPair(_))
        ));
        assert!(matches!(
            "404=0.1".parse::<FaultSpec>(),
            Err(FaultSpecError::UnknownKey(_))
        ));
        assert!(matches!(
            "500=2".parse::<FaultSpec>(),
            Err(FaultSpecError::BadRate(_))
        ));
        assert!(matches!(
            "500=0.6,503=0.6".parse::<FaultSpec>(),
            Err(FaultSpecError::RatesAboveOne)
        ));
    }

    #[test]
    fn the_same_seed_gives_the_same_faults() {
        let spec: FaultSpec = "429=0.3,500=0.3,seed=42".parse().unwrap();
        let roll = || {
            let h = FaultHandle::new(spec.clone(), Duration::ZERO);
            (0..50)
                .map(|_| h.decide(&axum::http::Method::GET))
                .collect::<Vec<_>>()
        };
        let first = roll();
        assert_eq!(first, roll());
        assert!(first.contains(&Fault::InternalError));
        assert!(first.contains(&Fault::None));
    }

    #[test]
    fn drops_exactly_the_next_posts() {
        let h = FaultHandle::new(FaultSpec::default(), Duration::ZERO);
        h.drop_next_posts(2);
        assert_eq!(h.decide(&axum::http::Method::GET), Fault::None);
        assert_eq!(h.decide(&axum::http::Method::POST), Fault::DropResponse);
        assert_eq!(h.decide(&axum::http::Method::POST), Fault::DropResponse);
        assert_eq!(h.decide(&axum::http::Method::POST), Fault::None);
    }
}
