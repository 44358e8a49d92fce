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
    /// Checked against the code's feature list by the tests, and against the rows given to the
    /// model in debug builds.
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
///
/// Evaluation is branch-free: a leaf points to itself, so every row walks exactly `depth`
/// steps and the next node is a select rather than a jump. Many rows are walked side by side,
/// which keeps the processor busy instead of waiting on mispredicted branches (the trees are
/// small and irregular, and their branches are not predictable).
#[derive(Debug, Deserialize)]
#[serde(from = "StoredTree")]
pub struct Tree {
    nodes: Vec<Node>,
    /// The value of each node: the leaf value for leaves, 0 for decision nodes (reached only
    /// by a corrupt tree whose walk never ends in a leaf).
    values: Vec<f32>,
    /// Steps from the root to the deepest leaf.
    depth: usize,
}

#[derive(Debug, Deserialize)]
struct StoredTree {
    nodes: Vec<(u32, f32, u32, u32, f32, u8)>,
}

/// A decision node in 12 bytes: go `left` when `x[feature] <= threshold`, else `right`.
/// A leaf is a node whose children are itself.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Node {
    threshold: f32,
    feature: u16,
    left: u16,
    right: u16,
}

/// Largest number of nodes a tree may have (indices are `u16`).
const MAX_NODES: usize = u16::MAX as usize;

impl From<StoredTree> for Tree {
    fn from(t: StoredTree) -> Self {
        let mut stored = t.nodes;
        stored.truncate(MAX_NODES);
        let n = stored.len();
        let mut nodes = Vec::with_capacity(n);
        let mut values = Vec::with_capacity(n);
        for (i, &(feature, threshold, left, right, value, leaf)) in stored.iter().enumerate() {
            let me = i as u16;
            let child = |c: u32| if (c as usize) < n { Some(c as u16) } else { None };
            match (leaf != 0 || feature >= u32::from(u16::MAX), child(left), child(right)) {
                (false, Some(left), Some(right)) => {
                    nodes.push(Node { threshold, feature: feature as u16, left, right });
                    values.push(0.0);
                }
                // a leaf, or a node pointing outside the tree (a corrupt model): stop here
                (is_leaf, _, _) => {
                    nodes.push(Node { threshold: 0.0, feature: 0, left: me, right: me });
                    values.push(if is_leaf { value } else { 0.0 });
                }
            }
        }
        // Depth by levels from the root; a cycle (corrupt model) stops after `n` levels.
        let is_leaf = |i: usize| {
            let node = nodes[i];
            usize::from(node.left) == i && usize::from(node.right) == i
        };
        let mut depth = 0;
        let mut level: Vec<usize> = if n == 0 { Vec::new() } else { vec![0] };
        while depth < n {
            level = level
                .iter()
                .filter(|&&i| !is_leaf(i))
                .flat_map(|&i| [usize::from(nodes[i].left), usize::from(nodes[i].right)])
                .collect();
            if level.is_empty() {
                break;
            }
            level.sort_unstable();
            level.dedup();
            depth += 1;
        }
        Tree { nodes, values, depth }
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

/// Rows walked side by side through one tree.
const LANES: usize = 8;

impl Stage {
    /// The probability of each row of `x` (`width` features per row).
    fn predict(&self, x: &[f32], width: usize) -> Vec<f32> {
        let rows = x.len().checked_div(width).unwrap_or(0);
        let raw: Vec<f32> = match &self.kind {
            StageKind::Linear { weights, bias, means, scales } => x
                .chunks_exact(width)
                .map(|row| {
                    bias + row
                        .iter()
                        .zip(weights)
                        .zip(means.iter().zip(scales))
                        .map(|((v, w), (m, s))| w * (v - m) / s)
                        .sum::<f32>()
                })
                .collect(),
            StageKind::Trees { baseline, trees } => {
                let mut sums = vec![*baseline; rows];
                for tree in trees {
                    tree.add_to(x, width, &mut sums);
                }
                sums
            }
        };
        raw.into_iter().map(|r| 1.0 / (1.0 + (-r).exp())).collect()
    }
}

impl Tree {
    /// Adds the tree's value for each row of `x` to `sums`.
    fn add_to(&self, x: &[f32], width: usize, sums: &mut [f32]) {
        if self.nodes.is_empty() || width == 0 {
            return;
        }
        let mut rows = x.chunks_exact(width).zip(sums.iter_mut());
        loop {
            let mut at = [0usize; LANES];
            let mut lane_rows: [&[f32]; LANES] = [&[]; LANES];
            let mut lane_sums: [Option<&mut f32>; LANES] = Default::default();
            let mut lanes = 0;
            for (row, sum) in rows.by_ref().take(LANES) {
                lane_rows[lanes] = row;
                lane_sums[lanes] = Some(sum);
                lanes += 1;
            }
            if lanes == 0 {
                return;
            }
            for _ in 0..self.depth {
                for lane in 0..LANES {
                    at[lane] = self.step(at[lane], lane_rows[lane]);
                }
            }
            for (sum, &i) in lane_sums.into_iter().zip(&at) {
                if let Some(sum) = sum {
                    *sum += self.values[i];
                }
            }
        }
    }

    /// The node after `i` for this row (a leaf, or an empty lane, stays where it is).
    #[inline(always)]
    fn step(&self, i: usize, row: &[f32]) -> usize {
        let node = self.nodes[i];
        let v = row.get(usize::from(node.feature)).copied().unwrap_or(0.0);
        usize::from(if v <= node.threshold { node.left } else { node.right })
    }

    #[cfg(test)]
    fn eval(&self, row: &[f32]) -> f32 {
        let mut sum = [0.0];
        self.add_to(row, row.len(), &mut sum);
        sum[0]
    }
}

impl Model {
    /// The probability that each unit belongs to the article, from its feature row.
    pub fn predict(&self, rows: &[Vec<f32>]) -> Vec<f32> {
        let base = rows.first().map_or(0, Vec::len);
        // A row must hold exactly the features the model was trained on, in its order: a
        // feature appended in training but not at runtime shifts every later column.
        debug_assert!(
            rows.is_empty() || self.stages.first().is_none_or(|s| s.features.len() == base),
            "feature rows of {base} values for a model trained on other features"
        );
        let mut probs: Vec<f32> = Vec::new();
        let mut x: Vec<f32> = Vec::new();
        for (k, stage) in self.stages.iter().enumerate() {
            x.clear();
            let width = if k == 0 {
                for row in rows {
                    push_row(&mut x, row, base);
                }
                base
            } else {
                let context = context_features(&probs);
                for (row, ctx) in rows.iter().zip(&context) {
                    push_row(&mut x, row, base);
                    x.extend_from_slice(ctx);
                }
                base + CONTEXT_NAMES.len()
            };
            probs = stage.predict(&x, width);
        }
        probs
    }
}

/// Appends `row` to the matrix as exactly `width` values (cut, or padded with zeros).
fn push_row(x: &mut Vec<f32>, row: &[f32], width: usize) {
    x.extend_from_slice(&row[..width.min(row.len())]);
    x.resize(x.len() + width.saturating_sub(row.len()), 0.0);
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
    fn rows_walked_side_by_side_get_their_own_leaves() {
        // x0 <= 0.5 ? (x1 <= 1 ? 1 : 2) : 3, over more rows than there are lanes
        let tree = Tree::from(StoredTree {
            nodes: vec![
                (0, 0.5, 1, 2, 0.0, 0),
                (1, 1.0, 3, 4, 0.0, 0),
                (0, 0.0, 0, 0, 3.0, 1),
                (0, 0.0, 0, 0, 1.0, 1),
                (0, 0.0, 0, 0, 2.0, 1),
            ],
        });
        let rows: Vec<[f32; 2]> = (0..(LANES * 2 + 3))
            .map(|i| [if i % 3 == 0 { 0.9 } else { 0.1 }, if i % 2 == 0 { 0.0 } else { 5.0 }])
            .collect();
        let flat: Vec<f32> = rows.iter().flatten().copied().collect();
        let mut sums = vec![10.0; rows.len()];
        tree.add_to(&flat, 2, &mut sums);
        for (row, sum) in rows.iter().zip(&sums) {
            let expected = if row[0] > 0.5 {
                3.0
            } else if row[1] <= 1.0 {
                1.0
            } else {
                2.0
            };
            assert_eq!(*sum, 10.0 + expected, "{row:?}");
        }
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
