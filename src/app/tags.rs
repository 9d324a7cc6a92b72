//! State of the Tags pane (tag namespaces, tags and tag defaults).
//!
//! PLACEHOLDER: the pane's owner replaces this with the real state; the shape (a struct
//! implementing [`Pane`]) is what the framework relies on.

use super::action::Action;
use super::ctx::Ctx;
use super::pane::Pane;
use super::request::Response;

#[derive(Debug, Default)]
pub struct TagsPane {}

impl Pane for TagsPane {
    fn contexts(&self) -> Vec<&'static str> {
        vec!["tags", "list"]
    }

    fn handle(&mut self, _action: &Action, _ctx: &mut Ctx) -> bool {
        false
    }

    fn take_response(&mut self, _response: Response, _ctx: &mut Ctx) {}

    fn refresh(&mut self, _ctx: &mut Ctx) {}

    fn selected_ocid(&self, _ctx: &Ctx) -> Option<String> {
        None
    }

    fn selected_json(&self, _ctx: &Ctx) -> Option<serde_json::Value> {
        None
    }
}
