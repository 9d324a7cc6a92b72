//! When and how long to wait before trying a call again: OCI's default strategy (8 attempts,
//! exponential back-off from 1 s capped at 30 s, an overall deadline), with jitter so many
//! clients throttled at once do not come back in step.

use std::time::{Duration, SystemTime};

use rand::Rng as _;

/// How the back-off is randomised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jitter {
    /// Uniform in `[0, min(cap, base * 2^n)]`.
    Full,
    /// Uniform in `[base, 3 * previous]`, capped: spreads clients apart faster than `Full`.
    Decorrelated,
}

/// Retry settings for a client; [`RetryPolicy::default`] matches the OCI SDK's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included; 1 turns retries off.
    pub max_attempts: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
    pub jitter: Jitter,
    /// Give up once this much time has passed since the first attempt.
    pub deadline: Duration,
    /// A server's `Retry-After` is honoured up to this long.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 8,
            base_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(30),
            jitter: Jitter::Decorrelated,
            deadline: Duration::from_secs(600),
            max_retry_after: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// One attempt only.
    pub fn none() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// Small delays for tests and benchmarks against a local emulator.
    pub fn fast() -> Self {
        Self {
            max_attempts: 10,
            base_delay: Duration::from_millis(2),
            max_delay: Duration::from_millis(50),
            jitter: Jitter::Decorrelated,
            deadline: Duration::from_secs(60),
            max_retry_after: Duration::from_millis(50),
        }
    }

    pub fn enabled(&self) -> bool {
        self.max_attempts > 1
    }
}

/// The delays between the attempts of one call.
#[derive(Debug)]
pub struct Backoff {
    policy: RetryPolicy,
    retries: u32,
    previous: Duration,
}

impl Backoff {
    pub fn new(policy: &RetryPolicy) -> Self {
        Self {
            policy: policy.clone(),
            retries: 0,
            previous: policy.base_delay,
        }
    }

    /// The wait before the next attempt; `retry_after` (the server's wish) wins when longer,
    /// up to the policy's limit for it.
    pub fn next_delay(&mut self, retry_after: Option<Duration>) -> Duration {
        let p = &self.policy;
        let mut rng = rand::thread_rng();
        let delay = match p.jitter {
            Jitter::Full => {
                let ceiling = p
                    .base_delay
                    .saturating_mul(2u32.saturating_pow(self.retries.min(30)))
                    .min(p.max_delay);
                random_between(&mut rng, Duration::ZERO, ceiling)
            }
            Jitter::Decorrelated => {
                let upper = self.previous.saturating_mul(3).max(p.base_delay);
                random_between(&mut rng, p.base_delay, upper).min(p.max_delay)
            }
        };
        self.retries += 1;
        self.previous = delay;
        match retry_after {
            Some(wish) => delay.max(wish.min(p.max_retry_after)),
            None => delay,
        }
    }
}

fn random_between(rng: &mut impl rand::Rng, low: Duration, high: Duration) -> Duration {
    if high <= low {
        return low;
    }
    let nanos = rng.gen_range(low.as_nanos()..=high.as_nanos());
    Duration::from_nanos(u64::try_from(nanos).unwrap_or(u64::MAX))
}

/// Parses `Retry-After`: delta seconds or an HTTP date.
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    if let Ok(secs) = value.parse::<f64>() {
        return (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// A fresh `opc-retry-token`: 30 random alphanumerics, as the Python SDK makes them.
pub fn new_retry_token() -> String {
    rand::thread_rng()
        .sample_iter(&rand::distributions::Alphanumeric)
        .take(30)
        .map(char::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_stay_within_the_policy() {
        for jitter in [Jitter::Full, Jitter::Decorrelated] {
            let policy = RetryPolicy {
                jitter,
                ..RetryPolicy::default()
            };
            let mut b = Backoff::new(&policy);
            for _ in 0..50 {
                let d = b.next_delay(None);
                assert!(d <= policy.max_delay, "{jitter:?} {d:?}");
            }
        }
    }

    #[test]
    fn decorrelated_delays_never_drop_below_the_base() {
        let mut b = Backoff::new(&RetryPolicy::default());
        for _ in 0..50 {
            assert!(b.next_delay(None) >= Duration::from_secs(1));
        }
    }

    #[test]
    fn retry_after_wins_when_longer_but_is_capped() {
        let policy = RetryPolicy::fast();
        let mut b = Backoff::new(&policy);
        assert_eq!(
            b.next_delay(Some(Duration::from_secs(5))),
            policy.max_retry_after
        );
        let mut b = Backoff::new(&RetryPolicy::default());
        assert!(b.next_delay(Some(Duration::from_secs(45))) >= Duration::from_secs(45));
    }

    #[test]
    fn retry_after_takes_seconds_and_dates() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        assert_eq!(parse_retry_after("3", now), Some(Duration::from_secs(3)));
        let later = httpdate::fmt_http_date(now + Duration::from_secs(7));
        assert_eq!(parse_retry_after(&later, now), Some(Duration::from_secs(7)));
        assert_eq!(parse_retry_after("soon", now), None);
    }

    #[test]
    fn retry_tokens_are_30_alphanumerics_and_differ() {
        let a = new_retry_token();
        assert_eq!(a.len(), 30);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric()));
        assert_ne!(a, new_retry_token());
    }
}
