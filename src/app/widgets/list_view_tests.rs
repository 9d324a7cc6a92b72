use serde::Serialize;

use super::ListView;
use crate::app::action::Action;
use crate::app::ctx::Ctx;
use crate::app::request::RequestId;
use crate::app::resource::{Column, Noun, Resource, SortKey, Width};
use crate::app::widgets::filter::{FilterMode, ListFilter};

#[derive(Debug, Clone, PartialEq, Serialize)]
struct Item {
    id: String,
    name: String,
    size: i64,
    compartment: String,
}

impl Resource for Item {
    const NOUN: Noun = Noun {
        one: "item",
        many: "items",
    };

    fn id(&self) -> &str {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("Name", Width::Fill(1), |i, _| i.name.clone()),
            Column::new("Size", Width::Fixed(5), |i: &Item, _: &Ctx| {
                i.size.to_string()
            })
            .sorted_by(|i, _| SortKey::Number(i.size)),
        ]
    }

    fn compartment_id(&self) -> Option<&str> {
        Some(&self.compartment)
    }
}

fn item(id: &str, name: &str, size: i64) -> Item {
    Item {
        id: id.into(),
        name: name.into(),
        size,
        compartment: if size % 2 == 0 { "even" } else { "odd" }.into(),
    }
}

fn loaded(items: Vec<Item>) -> (ListView<Item>, Ctx) {
    let ctx = Ctx::default();
    let mut list = ListView::default();
    list.start_loading(RequestId(1));
    assert!(list.take(RequestId(1), Ok(items), true, &ctx));
    (list, ctx)
}

fn names(list: &ListView<Item>) -> Vec<&str> {
    list.visible().iter().map(|i| i.name.as_str()).collect()
}

fn selected(list: &ListView<Item>) -> &str {
    &list.selected().expect("a selection").name
}

fn four() -> Vec<Item> {
    vec![
        item("b", "beta", 3),
        item("a", "Alpha", 10),
        item("g", "gamma", 2),
        item("ab", "alphabet", 7),
    ]
}

#[test]
fn rows_sort_by_name_case_insensitively() {
    let (list, _) = loaded(four());
    assert_eq!(names(&list), ["Alpha", "alphabet", "beta", "gamma"]);
}

#[test]
fn the_selection_follows_the_item_through_a_filter() {
    let (mut list, ctx) = loaded(four());
    list.navigate(&Action::Down);
    list.navigate(&Action::Down);
    assert_eq!(selected(&list), "beta");
    list.set_filter(
        ListFilter {
            query: "a".into(),
            mode: FilterMode::Substring,
        },
        &ctx,
    );
    assert_eq!(selected(&list), "beta", "still shown, still selected");
    list.set_filter(
        ListFilter {
            query: "et".into(),
            mode: FilterMode::Substring,
        },
        &ctx,
    );
    assert_eq!(names(&list), ["alphabet", "beta"]);
    assert_eq!(selected(&list), "beta");
    assert!(list.note.is_none(), "filtered out is not gone");
}

#[test]
fn the_selection_follows_the_item_through_a_sort() {
    let (mut list, ctx) = loaded(four());
    list.select("g");
    list.sort_next(&ctx); // by name
    list.sort_next(&ctx); // by size
    assert_eq!(names(&list), ["gamma", "beta", "alphabet", "Alpha"]);
    assert_eq!(selected(&list), "gamma");
    list.sort_reverse(&ctx);
    assert_eq!(names(&list), ["Alpha", "alphabet", "beta", "gamma"]);
    assert_eq!(selected(&list), "gamma");
    assert_eq!(list.sort_label().as_deref(), Some("Size ↓"));
}

#[test]
fn a_reload_keeps_the_old_rows_until_it_arrives_and_the_selection_after() {
    let (mut list, ctx) = loaded(four());
    list.select("b");
    list.start_loading(RequestId(2));
    assert_eq!(selected(&list), "beta", "the old rows stay while reloading");
    // The new listing has someone new sorting before beta: the row number changes.
    let mut fresh = four();
    fresh.push(item("aa", "aardvark", 1));
    assert!(
        !list.take(RequestId(1), Ok(Vec::new()), true, &ctx),
        "stale"
    );
    assert!(list.take(RequestId(2), Ok(fresh), true, &ctx));
    assert_eq!(selected(&list), "beta");
    assert_eq!(list.cursor.selected, 3);
}

#[test]
fn a_reload_in_pages_swaps_in_on_the_last_page() {
    let (mut list, ctx) = loaded(four());
    list.select("g");
    list.start_loading(RequestId(2));
    assert!(list.take(RequestId(2), Ok(vec![item("g", "gamma", 2)]), false, &ctx));
    assert_eq!(list.len(), 4, "the old rows until the reload is complete");
    assert!(list.take(RequestId(2), Ok(vec![item("z", "zeta", 1)]), true, &ctx));
    assert_eq!(names(&list), ["gamma", "zeta"]);
    assert_eq!(selected(&list), "gamma");
}

#[test]
fn a_rename_keeps_the_selection_on_the_renamed_item() {
    let (mut list, ctx) = loaded(four());
    list.select("b");
    list.replace(item("b", "zz-beta", 3), &ctx);
    assert_eq!(names(&list).last(), Some(&"zz-beta"));
    assert_eq!(selected(&list), "zz-beta");
}

#[test]
fn a_move_out_of_scope_selects_the_neighbour_without_calling_it_gone() {
    let (mut list, ctx) = loaded(four());
    list.set_scope(Some("odd".into()), &ctx);
    assert_eq!(names(&list), ["alphabet", "beta"]);
    list.select("b");
    let mut moved = item("b", "beta", 3);
    moved.compartment = "even".into();
    list.replace(moved, &ctx);
    assert_eq!(names(&list), ["alphabet"]);
    assert_eq!(selected(&list), "alphabet");
    assert!(list.note.is_none());
}

#[test]
fn deleting_a_neighbour_does_not_move_the_selection() {
    let (mut list, ctx) = loaded(four());
    list.select("g");
    list.remove("b", &ctx);
    assert_eq!(selected(&list), "gamma");
    assert_eq!(list.cursor.selected, 2);
}

#[test]
fn a_selected_item_gone_after_a_reload_selects_its_neighbour_and_says_so() {
    let (mut list, ctx) = loaded(four());
    list.select("b");
    list.start_loading(RequestId(2));
    let without: Vec<Item> = four().into_iter().filter(|i| i.id != "b").collect();
    list.take(RequestId(2), Ok(without), true, &ctx);
    assert_eq!(
        selected(&list),
        "gamma",
        "the row below moves up into its place"
    );
    assert_eq!(
        list.note.as_deref(),
        Some("item beta is gone; selected gamma instead")
    );
}

#[test]
fn an_upsert_selects_the_new_item() {
    let (mut list, ctx) = loaded(four());
    list.upsert(item("d", "delta", 4), &ctx);
    assert_eq!(selected(&list), "delta");
}

#[test]
fn typing_forward_narrows_the_rows_already_shown() {
    let (mut list, ctx) = loaded(four());
    for query in ["a", "al", "alp", "alph"] {
        list.set_filter(
            ListFilter {
                query: query.into(),
                mode: FilterMode::Substring,
            },
            &ctx,
        );
    }
    assert_eq!(names(&list), ["Alpha", "alphabet"]);
    list.set_filter(
        ListFilter {
            query: "a".into(),
            mode: FilterMode::Substring,
        },
        &ctx,
    );
    assert_eq!(
        names(&list).len(),
        4,
        "deleting widens from all items again"
    );
}

#[test]
fn marks_survive_a_reload_and_go_with_a_delete() {
    let (mut list, ctx) = loaded(four());
    list.select("a");
    assert!(list.toggle_mark());
    list.select("g");
    list.toggle_mark();
    list.start_loading(RequestId(2));
    list.take(RequestId(2), Ok(four()), true, &ctx);
    let marked: Vec<&str> = list
        .marked_items()
        .iter()
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(marked, ["Alpha", "gamma"]);
    list.remove("g", &ctx);
    assert_eq!(list.marked_items().len(), 1);
}

#[test]
fn a_failed_load_is_not_stuck_loading() {
    let ctx = Ctx::default();
    let mut list: ListView<Item> = ListView::default();
    list.start_loading(RequestId(5));
    list.take(
        RequestId(5),
        Err(crate::app::request::Failure::local("X", "broke")),
        true,
        &ctx,
    );
    assert!(!list.is_loading() && list.items.failure().is_some());
}

#[test]
fn an_untouched_cursor_stays_on_the_top_row_while_pages_arrive() {
    let ctx = Ctx::default();
    let mut list: ListView<Item> = ListView::default();
    list.start_loading(RequestId(1));
    // The later rows happen to arrive first.
    assert!(list.take(RequestId(1), Ok(vec![item("z", "zeta", 1)]), false, &ctx));
    assert_eq!(selected(&list), "zeta");
    assert!(list.take(RequestId(1), Ok(vec![item("a", "alpha", 2)]), true, &ctx));
    assert_eq!(
        selected(&list),
        "alpha",
        "the top row, not the first to arrive"
    );
}

#[test]
fn a_wanted_item_is_selected_when_its_page_arrives() {
    let ctx = Ctx::default();
    let mut list: ListView<Item> = ListView::default();
    list.start_loading(RequestId(1));
    list.want("m");
    assert!(list.take(RequestId(1), Ok(vec![item("a", "alpha", 2)]), false, &ctx));
    assert!(list.take(RequestId(1), Ok(vec![item("m", "mu", 3)]), true, &ctx));
    assert_eq!(selected(&list), "mu");
}

#[test]
fn pages_of_a_first_load_merge_into_the_same_order_as_one_answer() {
    let mut items = Vec::new();
    for i in 0..300 {
        // Interleaved across pages, with ties, so the merge has work to do.
        items.push(item(
            &format!("i{i}"),
            &format!("n{:03}", (i * 37) % 101),
            i64::from(i % 7),
        ));
    }
    let (mut whole, ctx) = loaded(items.clone());
    // The reference order: a full sort of everything.
    whole.resort(&ctx);
    let mut paged = ListView::<Item>::default();
    paged.start_loading(RequestId(1));
    for (n, chunk) in items.chunks(64).enumerate() {
        let last = (n + 1) * 64 >= items.len();
        assert!(paged.take(RequestId(1), Ok(chunk.to_vec()), last, &ctx));
    }
    assert_eq!(names(&paged), names(&whole));
    // Descending, by a column: the same again.
    whole.sort_next(&ctx);
    whole.sort_reverse(&ctx);
    let mut paged = ListView::<Item>::default();
    paged.sort_next(&ctx);
    paged.sort_reverse(&ctx);
    paged.start_loading(RequestId(2));
    for (n, chunk) in items.chunks(50).enumerate() {
        let last = (n + 1) * 50 >= items.len();
        assert!(paged.take(RequestId(2), Ok(chunk.to_vec()), last, &ctx));
    }
    assert_eq!(names(&paged), names(&whole));
}
