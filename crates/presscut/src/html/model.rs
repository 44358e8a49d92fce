//! The learned content model: two stacked stages of gradient-boosted trees (data in
//! `data/html_model.json`, trained by `scripts/train_html.py`). Stage 1 scores each segment
//! from its own features; stage 2 adds the stage-1 scores of its neighbours, so that a short
//! line between two paragraphs of the article can be kept and a paragraph inside a rail of
//! teasers dropped.

use std::sync::LazyLock;

use serde::Deserialize;

/// The shipped model, parsed once.
pub static MODEL: LazyLock<Model> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../data/html_model.json"))
        .expect("data/html_model.json is a valid model")
});

/// Names of the stage-2 context features, after the segment features.
pub const CONTEXT_NAMES: &[&str] = &[
    "p_prev",
    "p_next",
    "p_prev2",
    "p_next2",
    "p_mean5",
    "p_max_before",
    "p_max_after",
    "p_mean15",
    "share_high_before",
    "share_high_after",
];

#[derive(Debug, Deserialize)]
pub struct Model {
    pub stage1: Stage,
    pub stage2: Stage,
    /// Segments with a score above this make the article's region (best stretch of weighted
    /// `p - threshold`); chosen by the training script's cross-validation.
    pub region_threshold: f32,
    /// Inside the region, segments scoring above this are kept.
    pub keep_threshold: f32,
}

#[derive(Debug, Deserialize)]
pub struct Stage {
    pub baseline: f32,
    pub trees: Vec<Tree>,
}

#[derive(Debug, Deserialize)]
pub struct Tree {
    /// `[feature, threshold, left, right, value, is_leaf]`, as exported from scikit-learn's
    /// histogram gradient boosting (`x <= threshold` goes left).
    pub nodes: Vec<(usize, f32, usize, usize, f32, u8)>,
}

impl Stage {
    /// The probability of the positive class for one feature row.
    pub fn score(&self, row: &[f32]) -> f32 {
        let mut sum = self.baseline;
        for tree in &self.trees {
            let mut i = 0;
            // A tree is a finite array: walking it visits each level once (bounded loop).
            for _ in 0..tree.nodes.len() {
                let Some(&(f, t, l, r, v, leaf)) = tree.nodes.get(i) else { break };
                if leaf == 1 {
                    sum += v;
                    break;
                }
                i = if row.get(f).copied().unwrap_or(0.0) <= t { l } else { r };
            }
        }
        1.0 / (1.0 + (-sum).exp())
    }
}

impl Model {
    /// A model from its JSON (as `scripts/train_html.py` writes it).
    pub fn from_json(json: &str) -> Result<Model, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// The probability that each segment belongs to the article.
    pub fn predict(&self, rows: &[Vec<f32>]) -> Vec<f32> {
        let p1: Vec<f32> = rows.iter().map(|r| self.stage1.score(r)).collect();
        // the same context features as the text cleaner (`scripts/stacked_trees.py`)
        let ctx = crate::layout::context_features(&p1);
        rows.iter()
            .zip(ctx)
            .map(|(r, c)| {
                let mut row = r.clone();
                row.extend_from_slice(&c);
                self.stage2.score(&row)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_reads_the_features_in_the_runtime_order() {
        let raw: serde_json::Value =
            serde_json::from_str(include_str!("../../data/html_model.json")).expect("json");
        let names: Vec<&str> =
            raw["features"].as_array().expect("names").iter().filter_map(|v| v.as_str()).collect();
        let expected: Vec<&str> =
            super::super::features::NAMES.iter().chain(CONTEXT_NAMES).copied().collect();
        assert_eq!(names, expected);
        assert!(!MODEL.stage1.trees.is_empty());
    }
}
