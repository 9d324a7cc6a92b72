//! Statement-level differences between two versions of a policy, and reapplying one edit on
//! top of a newer version.

/// One line of a statement diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffLine {
    Same(String),
    Added(String),
    Removed(String),
}

/// The longest-common-subsequence diff of two statement lists, in order.
pub fn diff(old: &[String], new: &[String]) -> Vec<DiffLine> {
    let (n, m) = (old.len(), new.len());
    // lcs[i][j]: common length of old[i..] and new[j..]. Policies hold at most a few hundred
    // statements, so the quadratic table is small.
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if old[i] == new[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n || j < m {
        if i < n && j < m && old[i] == new[j] {
            out.push(DiffLine::Same(old[i].clone()));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push(DiffLine::Added(new[j].clone()));
            j += 1;
        } else {
            out.push(DiffLine::Removed(old[i].clone()));
            i += 1;
        }
    }
    out
}

/// True when the two lists differ.
pub fn changed(old: &[String], new: &[String]) -> bool {
    old != new
}

/// Reapplies the edit `base -> mine` on top of `theirs`: statements the edit removed are
/// removed from theirs, statements it added are inserted after the statement that preceded
/// them in mine (or at the end), and statements already present are not doubled.
pub fn reapply(base: &[String], mine: &[String], theirs: &[String]) -> Vec<String> {
    let mut result: Vec<String> = theirs.to_vec();
    for line in diff(base, mine) {
        if let DiffLine::Removed(s) = line
            && let Some(pos) = result.iter().position(|x| *x == s)
        {
            result.remove(pos);
        }
    }
    let mut previous: Option<String> = None;
    for line in diff(base, mine) {
        match line {
            DiffLine::Added(s) => {
                if !result.contains(&s) {
                    let at = previous
                        .as_ref()
                        .and_then(|p| result.iter().position(|x| x == p))
                        .map_or(result.len(), |i| i + 1);
                    result.insert(at, s.clone());
                }
                previous = Some(s);
            }
            DiffLine::Same(s) => previous = Some(s),
            DiffLine::Removed(_) => {}
        }
    }
    result
}

/// The statements of an editor's text: one per line, blank lines dropped.
pub fn statements_of(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}
