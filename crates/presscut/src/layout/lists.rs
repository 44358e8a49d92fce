//! Lists and tables inside an article: runs of short lines between paragraphs. Out of context
//! they look like menus, so the model drops them; between two stretches of the article, with no
//! sign of furniture on any line, they are part of it (`list_item` and `table` blocks).

use super::build::Role;
use super::features::LineStats;
use super::lines::Unit;
use crate::model::BoilerplateKind;

/// Lines of a list or table row are at most this long; longer lines are paragraphs.
const MAX_ITEM_WORDS: usize = 30;

/// Gives the runs of short lines inside the article their list or table role.
pub fn mark(text: &str, units: &[Unit], stats: &[LineStats], roles: &mut [Role]) {
    let multi_group = units.last().is_some_and(|u| u.group > 0);
    let mut i = 0;
    while i < roles.len() {
        let j = run_end(units, stats, roles, i, multi_group);
        if j - i >= 2 && between_body(roles, i, j) {
            let rows = &stats[i..j];
            let tabular = rows.iter().filter(|s| s.digit_ratio > 0.0).count() * 2 >= rows.len()
                || units[i..j].iter().all(|u| text[u.start..u.end].contains('\t'));
            let role = if tabular && j - i >= 3 { Role::Table } else { Role::ListItem };
            roles[i..j].fill(role);
            i = j;
        } else {
            i = j.max(i + 1);
        }
    }
}

/// The end of the run of list-like units that starts at `i` (`i` itself when none does): short
/// lines of one blank-line group, none of them furniture, all dropped by the model or (in text
/// with blank lines between paragraphs) all kept.
fn run_end(
    units: &[Unit],
    stats: &[LineStats],
    roles: &[Role],
    i: usize,
    multi_group: bool,
) -> usize {
    let candidate = |k: usize| {
        let s = &stats[k];
        s.words <= MAX_ITEM_WORDS
            && !s.is_prose()
            && s.phrases == 0
            && !s.url
            && !s.separators
            && match roles[k] {
                Role::Removed(kind) => {
                    !matches!(kind, BoilerplateKind::RepeatedTitle | BoilerplateKind::Captcha)
                }
                Role::Body => multi_group,
                _ => false,
            }
    };
    let mut j = i;
    while j < roles.len() && candidate(j) && units[j].group == units[i].group {
        j += 1;
    }
    j
}

/// Whether the run `[i, j)` sits inside the article: kept text right before it (a paragraph
/// or the heading that introduces it) and right after it.
fn between_body(roles: &[Role], i: usize, j: usize) -> bool {
    let body = |r: &Role| matches!(r, Role::Body | Role::Subtitle);
    i > 0 && body(&roles[i - 1]) && roles.get(j).is_some_and(body)
}
