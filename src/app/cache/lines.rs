//! The cache file's layout: one JSON document per line, so it is read a line at a time and
//! never held whole. A large tenancy's file is tens of megabytes: read in one piece and
//! parsed, the text and the snapshot were in memory together, the peak of a warm start.
//!
//! 1. the head: format, canopy version, time, profile, tenancy and each list's length;
//! 2. the snapshot without its eight large lists;
//! 3. those lists, a thousand records a line: `{"list":"users","items":[...]}`.

use std::io::{BufRead, Write};

use serde::{Deserialize, Serialize};

use super::{Cached, CachedRef, FORMAT, Found};
use crate::model::{
    Compartment, DynamicGroup, Group, Policy, Records, SenderInvitation, Snapshot, TagNamespace,
    User, UserGroupMembership,
};

/// Records a line: small enough that a line is never a large allocation.
const CHUNK: usize = 1000;

#[derive(Serialize, Deserialize)]
struct Head {
    format: u32,
    #[serde(default)]
    canopy: String,
    #[serde(default)]
    saved_at: i64,
    #[serde(default)]
    profile: String,
    #[serde(default)]
    tenancy_id: String,
    #[serde(default)]
    lengths: Lengths,
}

macro_rules! large_lists {
    ($($field:ident: $kind:ty => $variant:ident),* $(,)?) => {
        /// How many records each large list holds, so each is sized once as it is read.
        #[derive(Default, Serialize, Deserialize)]
        struct Lengths {
            $(#[serde(default)] $field: usize,)*
        }

        /// One line of a large list.
        #[derive(Deserialize)]
        #[serde(tag = "list", content = "items", rename_all = "snake_case")]
        enum Chunk {
            $($variant(Vec<$kind>),)*
        }

        fn lengths(s: &Snapshot) -> Lengths {
            Lengths { $($field: s.$field.len(),)* }
        }

        /// The snapshot without its large lists (they are written on lines of their own).
        fn rest(s: &Snapshot) -> Snapshot {
            Snapshot { $($field: Records::default(),)* ..s.clone() }
        }

        fn write_lists(out: &mut dyn Write, s: &Snapshot) -> std::io::Result<()> {
            $(write_list(out, stringify!($field), &s.$field)?;)*
            Ok(())
        }

        /// The large lists being read, each sized from the head.
        struct Reading { $($field: Vec<$kind>,)* }

        impl Reading {
            fn new(l: &Lengths) -> Self {
                // A damaged head must not make the reader reserve absurd room.
                let room = |n: usize| n.min(10_000_000);
                Reading { $($field: Vec::with_capacity(room(l.$field)),)* }
            }

            fn take(&mut self, chunk: Chunk) {
                match chunk {
                    $(Chunk::$variant(items) => self.$field.extend(items),)*
                }
            }

            /// Every list as long as the head says: a file cut at the end of a line reads
            /// as JSON, and is still not whole.
            fn complete(&self, l: &Lengths) -> bool {
                true $(&& self.$field.len() == l.$field)*
            }

            fn into(self, mut s: Snapshot) -> Snapshot {
                $(s.$field = self.$field.into();)*
                s
            }
        }
    };
}

large_lists!(
    compartments: Compartment => Compartments,
    users: User => Users,
    groups: Group => Groups,
    memberships: UserGroupMembership => Memberships,
    dynamic_groups: DynamicGroup => DynamicGroups,
    policies: Policy => Policies,
    tag_namespaces: TagNamespace => TagNamespaces,
    sender_invitations: SenderInvitation => SenderInvitations,
);

#[derive(Serialize)]
struct ChunkOut<'a, T> {
    list: &'static str,
    items: &'a [T],
}

fn write_list<T: Serialize>(
    out: &mut dyn Write,
    list: &'static str,
    items: &[T],
) -> std::io::Result<()> {
    for items in items.chunks(CHUNK) {
        serde_json::to_writer(&mut *out, &ChunkOut { list, items })?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

pub(super) fn write(out: &mut dyn Write, cached: &CachedRef<'_>) -> std::io::Result<()> {
    let head = Head {
        format: cached.format,
        canopy: cached.canopy.to_string(),
        saved_at: cached.saved_at,
        profile: cached.profile.to_string(),
        tenancy_id: cached.tenancy_id.to_string(),
        lengths: lengths(cached.snapshot),
    };
    serde_json::to_writer(&mut *out, &head)?;
    out.write_all(b"\n")?;
    serde_json::to_writer(&mut *out, &rest(cached.snapshot))?;
    out.write_all(b"\n")?;
    write_lists(out, cached.snapshot)
}

/// The next line (without its newline) into `line`; false at the end of the file.
fn next_line(input: &mut dyn BufRead, line: &mut Vec<u8>) -> std::io::Result<bool> {
    line.clear();
    let read = input.read_until(b'\n', line)?;
    if line.last() == Some(&b'\n') {
        line.pop();
    }
    Ok(read > 0)
}

pub(super) fn read(input: &mut dyn BufRead, tenancy_id: &str) -> Found {
    let damaged = |why: String| {
        Found::Ignored(format!(
            "the cache file is damaged ({why}); it is read again"
        ))
    };
    let mut line = Vec::new();
    match next_line(input, &mut line) {
        Ok(true) => {}
        Ok(false) => return damaged("it is empty".into()),
        Err(e) => return damaged(e.to_string()),
    }
    let head: Head = match serde_json::from_slice(&line) {
        Ok(head) => head,
        Err(e) => return damaged(e.to_string()),
    };
    if head.format != FORMAT {
        return Found::Ignored(format!(
            "the cache was written by canopy {} in another format; it is read again",
            head.canopy
        ));
    }
    if head.tenancy_id != tenancy_id {
        return Found::Ignored("the cache is of another tenancy; it is read again".into());
    }
    let rest: Snapshot = match next_line(input, &mut line) {
        Ok(true) => match serde_json::from_slice(&line) {
            Ok(rest) => rest,
            Err(e) => return damaged(e.to_string()),
        },
        Ok(false) => return damaged("it ends after its first line".into()),
        Err(e) => return damaged(e.to_string()),
    };
    let mut lists = Reading::new(&head.lengths);
    loop {
        match next_line(input, &mut line) {
            Ok(true) => match serde_json::from_slice::<Chunk>(&line) {
                Ok(chunk) => lists.take(chunk),
                Err(e) => return damaged(e.to_string()),
            },
            Ok(false) => break,
            Err(e) => return damaged(e.to_string()),
        }
    }
    if !lists.complete(&head.lengths) {
        return damaged("it ends before its last list".into());
    }
    let mut snapshot = lists.into(rest);
    snapshot.shrink_to_fit();
    Found::Snapshot(Box::new(Cached {
        format: head.format,
        canopy: head.canopy,
        saved_at: head.saved_at,
        profile: head.profile,
        tenancy_id: head.tenancy_id,
        snapshot,
    }))
}
