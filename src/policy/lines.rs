//! Line and column of a byte offset, fast when many findings point into one long text. A
//! statement naming 150,000 groups gives 150,000 findings; working each position out from
//! the start of the text made `policy check` quadratic (40 s). Within [`indexed`], positions
//! in the texts it was given come from an index built once (O(log n) each).

use std::cell::RefCell;
use std::collections::HashMap;

/// Where lines start and where characters wider than one byte are, in one text.
struct LineIndex {
    line_starts: Vec<usize>,
    /// (offset of a multi-byte character, extra bytes of it and of all before it).
    wide: Vec<(usize, usize)>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        let mut wide = Vec::new();
        let mut extra = 0;
        for (i, c) in text.char_indices() {
            if c == '\n' {
                line_starts.push(i + 1);
            }
            if c.len_utf8() > 1 {
                extra += c.len_utf8() - 1;
                wide.push((i, extra));
            }
        }
        Self { line_starts, wide }
    }

    /// Extra bytes of the characters that start before `offset`.
    fn extra_before(&self, offset: usize) -> usize {
        let n = self.wide.partition_point(|&(at, _)| at < offset);
        n.checked_sub(1).map_or(0, |i| self.wide[i].1)
    }

    fn locate(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        let chars = (offset - start) - (self.extra_before(offset) - self.extra_before(start));
        (line, chars + 1)
    }
}

thread_local! {
    /// Indexes of the texts of the [`indexed`] calls running on this thread, by address and
    /// length. Sound: while `indexed` runs it borrows each text, so the bytes at that address
    /// cannot change.
    static INDEXES: RefCell<HashMap<(usize, usize), Vec<LineIndex>>> = RefCell::new(HashMap::new());
}

fn key(text: &str) -> (usize, usize) {
    (text.as_ptr() as usize, text.len())
}

/// Runs `f` with the positions in `texts` indexed.
pub fn indexed<'a, R>(texts: impl IntoIterator<Item = &'a str>, f: impl FnOnce() -> R) -> R {
    /// Removes this call's indexes even if `f` panics.
    struct Scope(Vec<(usize, usize)>);
    impl Drop for Scope {
        fn drop(&mut self) {
            INDEXES.with(|map| {
                let mut map = map.borrow_mut();
                for k in &self.0 {
                    if let Some(stack) = map.get_mut(k) {
                        stack.pop();
                        if stack.is_empty() {
                            map.remove(k);
                        }
                    }
                }
            });
        }
    }
    let mut scope = Scope(Vec::new());
    INDEXES.with(|map| {
        let mut map = map.borrow_mut();
        for text in texts {
            map.entry(key(text)).or_default().push(LineIndex::new(text));
            scope.0.push(key(text));
        }
    });
    let result = f();
    drop(scope);
    result
}

/// 1-based line and character column of a byte offset (clamped to the text).
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let fast = INDEXES.with(|map| {
        map.borrow()
            .get(&key(source))
            .and_then(|stack| stack.last().map(|index| index.locate(offset)))
    });
    if let Some(found) = fast {
        return found;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        assert_eq!(line_column("allow é x", 9), (1, 9));
        assert_eq!(line_column("a\nbc", 3), (2, 2));
        assert_eq!(line_column("abc", 99), (1, 4));
    }

    #[test]
    fn the_index_agrees_with_counting_everywhere() {
        let text = "Allow group é1, ü2\nto read «x» in tenancy\n\nwhere ✓ = 'y'";
        let slow: Vec<_> = (0..=text.len() + 2).map(|o| line_column(text, o)).collect();
        let fast: Vec<_> = indexed([text], || {
            (0..=text.len() + 2).map(|o| line_column(text, o)).collect()
        });
        assert_eq!(slow, fast);
        // The scope ends with the call.
        INDEXES.with(|m| assert!(m.borrow().is_empty()));
    }
}
