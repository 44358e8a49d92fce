//! The main-content model: how likely each unit is part of the article.
//!
//! Two stacked stages of gradient-boosted trees (or a linear model) over the unit features;
//! the second stage also sees the first stage's probabilities around each unit, which is how
//! a short line between two paragraphs becomes a heading rather than a menu item. The model
//! is data (`data/layout_model.json`), trained by `scripts/train_layout.py`.

use std::sync::LazyLock;

use serde::Deserialize;

/// The stacked model and its decoding thresholds.
#[derive(Debug, Deserialize)]
pub struct Model {
    pub stages: Vec<Stage>,
    /// Units above this probability pull the article region towards them.
    pub region_threshold: f32,
    /// Inside the region, units at or below this probability are dropped.
    pub keep_threshold: f32,
}

#[derive(Debug, Deserialize)]
pub struct Stage {
    /// Input names, in order: the unit features, then (from stage 2 on) the context features.
    /// Checked against the code's feature list by the tests.
    #[cfg_attr(not(test), allow(dead_code))]
    pub features: Vec<String>,
    #[serde(flatten)]
    pub kind: StageKind,
}

#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum StageKind {
    Linear { weights: Vec<f32>, bias: f32, means: Vec<f32>, scales: Vec<f32> },
    Trees { baseline: f32, trees: Vec<Tree> },
}

/// A tree as stored: nodes `[feature, threshold, left, right, leaf value, is_leaf]`;
/// compacted to [`Node`]s on load.
#[derive(Debug, Deserialize)]
#[serde(from = "StoredTree")]
pub struct Tree {
    nodes: Vec<Node>,
}

#[derive(Debug, Deserialize)]
struct StoredTree {
    nodes: Vec<(u32, f32, u32, u32, f32, u8)>,
}

/// A decision node in 12 bytes; a leaf has `feature == LEAF` and its value in `threshold`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Node {
    threshold: f32,
    feature: u16,
    left: u16,
    right: u16,
}

const LEAF: u16 = u16::MAX;

impl From<StoredTree> for Tree {
    fn from(t: StoredTree) -> Self {
        let n = t.nodes.len();
        let index = |i: u32| if (i as usize) < n && i < u32::from(LEAF) { i as u16 } else { LEAF };
        let nodes = t
            .nodes
            .into_iter()
            .map(|(feature, threshold, left, right, value, leaf)| {
                if leaf != 0 || feature >= u32::from(LEAF) {
                    Node { threshold: value, feature: LEAF, left: 0, right: 0 }
                } else {
                    Node {
                        threshold,
                        feature: feature as u16,
                        left: index(left),
                        right: index(right),
                    }
                }
            })
            .collect();
        Tree { nodes }
    }
}

pub static MODEL: LazyLock<Model> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../data/layout_model.json"))
        .expect("data/layout_model.json is a valid layout model")
});

/// The names of the context features a later stage adds to the unit features.
pub const CONTEXT_NAMES: &[&str] = &[
    "p_prev1",
    "p_next1",
    "p_prev2",
    "p_next2",
    "p_mean5",
    "p_max_before",
    "p_max_after",
    "p_mean15",
    "p_frac_before",
    "p_frac_after",
];

impl Stage {
    fn predict(&self, x: &[f32]) -> f32 {
        let raw = match &self.kind {
            StageKind::Linear { weights, bias, means, scales } => {
                bias + x
                    .iter()
                    .zip(weights)
                    .zip(means.iter().zip(scales))
                    .map(|((v, w), (m, s))| w * (v - m) / s)
                    .sum::<f32>()
            }
            StageKind::Trees { baseline, trees } => {
                baseline + trees.iter().map(|t| t.eval(x)).sum::<f32>()
            }
        };
        1.0 / (1.0 + (-raw).exp())
    }
}

impl Tree {
    fn eval(&self, x: &[f32]) -> f32 {
        let mut i = 0usize;
        // A well-formed tree reaches a leaf in at most `nodes.len()` steps; the bound keeps a
        // corrupt model from looping.
        for _ in 0..=self.nodes.len() {
            let Some(node) = self.nodes.get(i) else { return 0.0 };
            if node.feature == LEAF {
                return node.threshold;
            }
            let v = x.get(usize::from(node.feature)).copied().unwrap_or(0.0);
            i = usize::from(if v <= node.threshold { node.left } else { node.right });
        }
        0.0
    }
}

impl Model {
    /// The probability that each unit belongs to the article, from its feature row.
    pub fn predict(&self, rows: &[Vec<f32>]) -> Vec<f32> {
        let mut probs: Vec<f32> = Vec::new();
        for (k, stage) in self.stages.iter().enumerate() {
            let context = if k == 0 { None } else { Some(context_features(&probs)) };
            probs = rows
                .iter()
                .enumerate()
                .map(|(i, row)| match &context {
                    None => stage.predict(row),
                    Some(ctx) => {
                        let mut x = row.clone();
                        x.extend_from_slice(&ctx[i]);
                        stage.predict(&x)
                    }
                })
                .collect();
        }
        probs
    }
}

/// Context features of each unit from the previous stage's probabilities (linear time).
pub fn context_features(p: &[f32]) -> Vec<[f32; 10]> {
    let n = p.len();
    let mut prefix = vec![0f32; n + 1];
    let mut prefix_hi = vec![0usize; n + 1];
    for i in 0..n {
        prefix[i + 1] = prefix[i] + p[i];
        prefix_hi[i + 1] = prefix_hi[i] + usize::from(p[i] > 0.5);
    }
    let mut suffix_max = vec![0f32; n + 1];
    for i in (0..n).rev() {
        suffix_max[i] = suffix_max[i + 1].max(p[i]);
    }
    let mean = |i: usize, w: usize| {
        let lo = i.saturating_sub(w);
        let hi = (i + w + 1).min(n);
        (prefix[hi] - prefix[lo]) / (hi - lo) as f32
    };
    let at = |j: Option<usize>| j.and_then(|j| p.get(j)).copied().unwrap_or(0.0);
    let mut max_before = 0f32;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let after = n - i - 1;
        out.push([
            at(i.checked_sub(1)),
            at(Some(i + 1)),
            at(i.checked_sub(2)),
            at(Some(i + 2)),
            mean(i, 5),
            max_before,
            suffix_max[i + 1],
            mean(i, 15),
            if i == 0 { 0.0 } else { prefix_hi[i] as f32 / i as f32 },
            if after == 0 { 0.0 } else { (prefix_hi[n] - prefix_hi[i + 1]) as f32 / after as f32 },
        ]);
        max_before = max_before.max(p[i]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_matches_the_feature_set() {
        let names = super::super::features::NAMES;
        for (k, stage) in MODEL.stages.iter().enumerate() {
            let mut expected: Vec<&str> = names.to_vec();
            if k > 0 {
                expected.extend_from_slice(CONTEXT_NAMES);
            }
            assert_eq!(stage.features, expected, "stage {k} was trained on other features");
        }
        assert!(MODEL.region_threshold > 0.0 && MODEL.region_threshold < 1.0);
    }

    #[test]
    fn trees_are_evaluated_left_on_less_or_equal() {
        let tree = Tree::from(StoredTree {
            nodes: vec![(0, 0.5, 1, 2, 0.0, 0), (0, 0.0, 0, 0, -1.0, 1), (0, 0.0, 0, 0, 2.0, 1)],
        });
        assert_eq!(tree.eval(&[0.5]), -1.0);
        assert_eq!(tree.eval(&[0.7]), 2.0);
        let looping = Tree::from(StoredTree { nodes: vec![(0, 0.5, 0, 0, 0.0, 0)] });
        assert_eq!(looping.eval(&[0.1]), 0.0);
        let dangling = Tree::from(StoredTree { nodes: vec![(0, 0.5, 7, 9, 0.0, 0)] });
        assert_eq!(dangling.eval(&[0.1]), 0.0);
    }

    #[test]
    fn context_features_look_around_each_unit() {
        let ctx = context_features(&[0.9, 0.1, 0.8]);
        assert_eq!(ctx[1][0], 0.9);
        assert_eq!(ctx[1][1], 0.8);
        assert_eq!(ctx[1][5], 0.9);
        assert_eq!(ctx[1][6], 0.8);
        assert_eq!(ctx[0][5], 0.0);
    }
}
