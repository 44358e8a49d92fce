//! The page as a tree: html5ever's spec-following tree builder filling an arena of nodes.
//!
//! Nodes live in one `Vec` and point at each other by index, so that neither building, walking
//! nor dropping the tree recurses: a page nested 100,000 elements deep is a long vector, not a
//! deep stack. Walks go through [`Dom::descendants`], which uses the sibling and parent links.

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, LocalName, QualName, local_name, ns};

/// Index of a node in [`Dom::nodes`].
pub type NodeId = u32;

/// No node (the parent of the root, the sibling of a last child).
pub const NONE: NodeId = u32::MAX;

/// The document node's index.
pub const ROOT: NodeId = 0;

/// What a node is.
#[derive(Debug)]
pub enum Kind {
    Document,
    Element(Element),
    Text(StrTendril),
    /// Comments, processing instructions, doctypes: kept only so that indices stay valid.
    Other,
}

/// An element: its local name (namespace only as a flag) and attributes.
#[derive(Debug)]
pub struct Element {
    pub name: LocalName,
    /// False for SVG and MathML elements.
    pub html: bool,
    pub attrs: Vec<Attribute>,
}

impl Element {
    /// The value of attribute `name` (no namespace), if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|a| &*a.name.local == name).map(|a| &*a.value)
    }
}

/// One node with its links.
#[derive(Debug)]
pub struct Node {
    pub parent: NodeId,
    pub first_child: NodeId,
    pub last_child: NodeId,
    pub prev: NodeId,
    pub next: NodeId,
    pub kind: Kind,
}

impl Node {
    fn new(kind: Kind) -> Node {
        Node { parent: NONE, first_child: NONE, last_child: NONE, prev: NONE, next: NONE, kind }
    }

    /// The element, if this node is one.
    pub fn element(&self) -> Option<&Element> {
        match &self.kind {
            Kind::Element(e) => Some(e),
            _ => None,
        }
    }
}

/// A parsed page.
#[derive(Debug)]
pub struct Dom {
    pub nodes: Vec<Node>,
}

/// Parses a page (already decoded) into a [`Dom`]. Never fails: the HTML5 algorithm gives
/// every input a tree.
pub fn parse(html: &str) -> Dom {
    let sink = Sink { nodes: RefCell::new(vec![Node::new(Kind::Document)]) };
    html5ever::parse_document(sink, html5ever::ParseOpts::default()).one(html)
}

impl Dom {
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    /// The element `id`, if it is one.
    pub fn element(&self, id: NodeId) -> Option<&Element> {
        self.nodes.get(id as usize).and_then(Node::element)
    }

    /// True when `id` is an HTML element named `name`.
    pub fn is(&self, id: NodeId, name: &LocalName) -> bool {
        self.element(id).is_some_and(|e| e.html && e.name == *name)
    }

    /// The children of `id`, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children { dom: self, next: self.node(id).first_child }
    }

    /// Every node below `id` in document order, with enter and leave events, without recursion.
    pub fn walk(&self, id: NodeId) -> Walk<'_> {
        Walk { dom: self, root: id, next: Some(Event::Enter(id)), last: None }
    }

    /// The `<html>` element, if any.
    pub fn html_element(&self) -> Option<NodeId> {
        self.children(ROOT).find(|&c| self.is(c, &local_name!("html")))
    }

    /// The text below `id`, concatenated (script and style content included: callers skip those
    /// elements themselves).
    pub fn text_of(&self, id: NodeId) -> String {
        let mut out = String::new();
        for ev in self.walk(id) {
            if let Event::Enter(n) = ev
                && let Kind::Text(t) = &self.node(n).kind
            {
                out.push_str(t);
            }
        }
        out
    }
}

/// Iterator over the children of a node.
#[derive(Debug)]
pub struct Children<'a> {
    dom: &'a Dom,
    next: NodeId,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.dom.node(id).next;
        Some(id)
    }
}

/// Entering or leaving a node during a walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    Enter(NodeId),
    Leave(NodeId),
}

/// A depth-first walk with enter and leave events (see [`Dom::walk`]).
#[derive(Debug)]
pub struct Walk<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: Option<Event>,
    last: Option<Event>,
}

impl Walk<'_> {
    /// Does not descend into the node just entered: its leave event comes next.
    pub fn skip_children(&mut self) {
        if let Some(Event::Enter(id)) = self.last {
            self.next = Some(Event::Leave(id));
        }
    }
}

impl Iterator for Walk<'_> {
    type Item = Event;
    fn next(&mut self) -> Option<Event> {
        let ev = self.next?;
        self.last = Some(ev);
        self.next = match ev {
            Event::Enter(id) => {
                let first = self.dom.node(id).first_child;
                Some(if first == NONE { Event::Leave(id) } else { Event::Enter(first) })
            }
            Event::Leave(id) if id == self.root => None,
            Event::Leave(id) => {
                let node = self.dom.node(id);
                if node.next != NONE {
                    Some(Event::Enter(node.next))
                } else if node.parent != NONE {
                    Some(Event::Leave(node.parent))
                } else {
                    None
                }
            }
        };
        Some(ev)
    }
}

/// A handle the tree builder holds: the node's index and, for elements, its name (so that
/// `elem_name` needs no borrow of the arena while the builder may be changing it).
#[derive(Clone, Debug)]
struct Handle(Rc<(NodeId, QualName)>);

impl Handle {
    fn id(&self) -> usize {
        self.0.0 as usize
    }
}

struct Sink {
    nodes: RefCell<Vec<Node>>,
}

fn no_name() -> QualName {
    QualName::new(None, ns!(), local_name!(""))
}

impl Sink {
    fn push(&self, kind: Kind, name: QualName) -> Handle {
        let mut nodes = self.nodes.borrow_mut();
        let id = nodes.len() as NodeId;
        nodes.push(Node::new(kind));
        Handle(Rc::new((id, name)))
    }

    fn text_node(&self, text: StrTendril) -> usize {
        let h = self.push(Kind::Text(text), no_name());
        h.id()
    }
}

/// Unlinks `id` from its parent and siblings.
fn detach(nodes: &mut [Node], id: usize) {
    let (parent, prev, next) = (nodes[id].parent, nodes[id].prev, nodes[id].next);
    if prev != NONE {
        nodes[prev as usize].next = next;
    } else if parent != NONE {
        nodes[parent as usize].first_child = next;
    }
    if next != NONE {
        nodes[next as usize].prev = prev;
    } else if parent != NONE {
        nodes[parent as usize].last_child = prev;
    }
    let n = &mut nodes[id];
    n.parent = NONE;
    n.prev = NONE;
    n.next = NONE;
}

fn append_child(nodes: &mut [Node], parent: usize, child: usize) {
    detach(nodes, child);
    let last = nodes[parent].last_child;
    nodes[child].parent = parent as NodeId;
    nodes[child].prev = last;
    if last == NONE {
        nodes[parent].first_child = child as NodeId;
    } else {
        nodes[last as usize].next = child as NodeId;
    }
    nodes[parent].last_child = child as NodeId;
}

fn insert_before(nodes: &mut [Node], sibling: usize, child: usize) {
    detach(nodes, child);
    let (parent, prev) = (nodes[sibling].parent, nodes[sibling].prev);
    nodes[child].parent = parent;
    nodes[child].next = sibling as NodeId;
    nodes[child].prev = prev;
    nodes[sibling].prev = child as NodeId;
    if prev != NONE {
        nodes[prev as usize].next = child as NodeId;
    } else if parent != NONE {
        nodes[parent as usize].first_child = child as NodeId;
    }
}

/// Appends text to node `at` when it is a text node; true when it was.
fn merge_text(nodes: &mut [Node], at: NodeId, text: &StrTendril) -> bool {
    if at == NONE {
        return false;
    }
    if let Kind::Text(t) = &mut nodes[at as usize].kind {
        t.push_tendril(text);
        true
    } else {
        false
    }
}

impl TreeSink for Sink {
    type Handle = Handle;
    type Output = Dom;
    type ElemName<'a> = &'a QualName;

    fn finish(self) -> Dom {
        Dom { nodes: self.nodes.into_inner() }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        Handle(Rc::new((ROOT, no_name())))
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> &'a QualName {
        &target.0.1
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> Handle {
        let element = Element { name: name.local.clone(), html: name.ns == ns!(html), attrs };
        self.push(Kind::Element(element), name)
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        self.push(Kind::Other, no_name())
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        self.push(Kind::Other, no_name())
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        let child = match child {
            NodeOrText::AppendNode(h) => h.id(),
            NodeOrText::AppendText(text) => {
                let last = self.nodes.borrow()[parent.id()].last_child;
                if merge_text(&mut self.nodes.borrow_mut(), last, &text) {
                    return;
                }
                self.text_node(text)
            }
        };
        append_child(&mut self.nodes.borrow_mut(), parent.id(), child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        if self.nodes.borrow()[element.id()].parent == NONE {
            self.append(prev_element, child);
        } else {
            self.append_before_sibling(element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let h = self.push(Kind::Other, no_name());
        append_child(&mut self.nodes.borrow_mut(), 0, h.id());
    }

    fn get_template_contents(&self, target: &Handle) -> Handle {
        // Template contents are never rendered: they go to the template element itself, which
        // the extraction skips.
        target.clone()
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x.0.0 == y.0.0
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        let child = match new_node {
            NodeOrText::AppendNode(h) => h.id(),
            NodeOrText::AppendText(text) => {
                let prev = self.nodes.borrow()[sibling.id()].prev;
                if merge_text(&mut self.nodes.borrow_mut(), prev, &text) {
                    return;
                }
                self.text_node(text)
            }
        };
        insert_before(&mut self.nodes.borrow_mut(), sibling.id(), child);
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        if let Kind::Element(e) = &mut self.nodes.borrow_mut()[target.id()].kind {
            for a in attrs {
                if !e.attrs.iter().any(|x| x.name == a.name) {
                    e.attrs.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        detach(&mut self.nodes.borrow_mut(), target.id());
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        let mut nodes = self.nodes.borrow_mut();
        let mut child = nodes[node.id()].first_child;
        while child != NONE {
            let next = nodes[child as usize].next;
            append_child(&mut nodes, new_parent.id(), child as usize);
            child = next;
        }
    }
}
