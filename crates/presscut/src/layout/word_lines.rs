//! Lines recognised by the words they are made of rather than by a pattern: share bars (only
//! share verbs and networks), timestamps (only numbers, clock times and time words), and the
//! picture source a credit names. Used by [`super::forms`].

use std::sync::LazyLock;

use crate::lexicon::FastSet;

/// Sources of pictures besides the news outlets of `data/outlets.tsv`: photo agencies and
/// libraries, social networks, and the words credits use for a picture's origin.
static PICTURE_SOURCES: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    [
        "getty",
        "getty images",
        "alamy",
        "shutterstock",
        "istock",
        "istockphoto",
        "zuma",
        "zuma press",
        "zuma wire",
        "epa",
        "epa-efe",
        "imago",
        "picture alliance",
        "sipa",
        "nurphoto",
        "corbis",
        "magnum photos",
        "rex",
        "rex features",
        "pa",
        "pa wire",
        "unsplash",
        "pexels",
        "pixabay",
        "flickr",
        "wikimedia",
        "wikimedia commons",
        "wikipedia",
        "instagram",
        "facebook",
        "twitter",
        "x",
        "linkedin",
        "youtube",
        "tiktok",
        "handout",
        "pool",
        "file",
        "supplied",
        "courtesy",
        "ap photo",
        "afp photo",
        "reuters photo",
    ]
    .into_iter()
    .collect()
});

/// Whether a credit of names around a slash or bar names where the picture comes from on one
/// side (`Jane Doe / Reuters`, `Getty/Instagram`): headings and table cells have the same shape
/// (`Low-Code/No-Code Costs`, `Bib Gourmand | East Village`, `| Company | Rating |`). Credits
/// of other forms (`Photo by …`, `… via …`, `© …`) need no source.
pub fn credit_names_a_source(text: &str) -> bool {
    let lower = text.to_lowercase();
    let marked = ["photo", "image", "picture", "credit", "courtesy", "©", " via "]
        .iter()
        .any(|m| lower.contains(m));
    if marked || !text.contains(['/', '|']) {
        return true;
    }
    if text.matches('|').count() >= 2 {
        return false;
    }
    lower.split(['/', '|']).any(|part| {
        let part = part.trim_matches(|c: char| !c.is_alphanumeric());
        PICTURE_SOURCES.contains(part)
            || super::byline::is_agency(part)
            || super::byline::outlet(part).is_some()
    })
}

/// Words a share bar is made of: the verbs and the networks.
static SHARE_WORDS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    [
        "share",
        "shares",
        "shared",
        "sharing",
        "tweet",
        "tweets",
        "retweet",
        "email",
        "e-mail",
        "mail",
        "print",
        "printer",
        "save",
        "saved",
        "bookmark",
        "bookmarks",
        "copy",
        "copied",
        "pin",
        "gift",
        "send",
        "facebook",
        "twitter",
        "linkedin",
        "whatsapp",
        "reddit",
        "pinterest",
        "telegram",
        "messenger",
        "flipboard",
        "bluesky",
        "threads",
        "mastodon",
        "tumblr",
        "sms",
        "pocket",
        "digg",
        "xing",
        "vk",
        "weibo",
        "wechat",
        "line",
        "url",
    ]
    .into_iter()
    .collect()
});

/// Words a share bar may hold besides: what is shared, with whom, where.
static SHARE_FILLERS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    [
        "this", "the", "on", "via", "by", "to", "with", "a", "an", "article", "story", "page",
        "post", "it", "your", "friends", "friend", "link", "now", "options", "x", "and", "or",
        "full", "free", "for", "in",
    ]
    .into_iter()
    .collect()
});

/// A share bar: a few words, all share-bar words or fillers, at least one a share word
/// (`Share on Facebook`, `Copy link`, `Facebook Twitter Email`).
pub fn is_share_bar(text: &str) -> bool {
    let mut share = false;
    let mut n = 0;
    for w in text.split(|c: char| !(c.is_alphanumeric() || c == '-')).filter(|w| !w.is_empty()) {
        n += 1;
        if n > 8 {
            return false;
        }
        let lower = w.to_ascii_lowercase();
        if SHARE_WORDS.contains(lower.as_str()) {
            share = true;
        } else if !SHARE_FILLERS.contains(lower.as_str()) {
            return false;
        }
    }
    share
}

/// Words of a timestamp besides numbers and clock times.
static TIME_WORDS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    [
        // clock and relative time
        "am",
        "pm",
        "a",
        "p",
        "m",
        "ago",
        "min",
        "mins",
        "minute",
        "minutes",
        "hr",
        "hrs",
        "hour",
        "hours",
        "h",
        "s",
        "sec",
        "secs",
        "second",
        "seconds",
        "d",
        "day",
        "days",
        "wk",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "read",
        "reading",
        "listen",
        "watch",
        "today",
        "yesterday",
        "just",
        "now",
        "time",
        "local",
        "est",
        "estimated",
        // what happened when
        "updated",
        "update",
        "posted",
        "published",
        "edited",
        "modified",
        "first",
        "last",
        "at",
        "on",
        "since",
        "by",
        // months and weekdays
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
        "mon",
        "monday",
        "tue",
        "tues",
        "tuesday",
        "wed",
        "wednesday",
        "thu",
        "thur",
        "thurs",
        "thursday",
        "fri",
        "friday",
        "sat",
        "saturday",
        "sun",
        "sunday",
        // time zones
        "utc",
        "gmt",
        "bst",
        "cet",
        "cest",
        "eet",
        "eest",
        "wet",
        "west",
        "msk",
        "ist",
        "pkt",
        "ict",
        "wib",
        "sgt",
        "hkt",
        "cst",
        "cdt",
        "edt",
        "mst",
        "mdt",
        "pst",
        "pdt",
        "akst",
        "akdt",
        "hst",
        "et",
        "ct",
        "mt",
        "pt",
        "aest",
        "aedt",
        "acst",
        "awst",
        "nzst",
        "nzdt",
        "jst",
        "kst",
        "gst",
        "ast",
        "adt",
        "nst",
        "sast",
        "wat",
        "eat",
        "cat",
        "brt",
        "art",
        "clt",
    ]
    .into_iter()
    .collect()
});

/// A timestamp: a few tokens, all numbers, clock times or time words, with a clock time or a
/// relative time among them (`14:05 BST`, `Posted at 3:09am`, `12 mins ago`, `5 min read`).
pub fn is_timestamp(text: &str) -> bool {
    timestamp_shape(text).is_some()
}

/// The shape of a timestamp, if `text` is one: a hash of its tokens with every number, clock
/// time and half of the day written alike (`9:15 p.m.`, `10:40 a.m.` and `2 p.m.` have one
/// shape).
pub fn timestamp_shape(text: &str) -> Option<u64> {
    use std::hash::Hasher;
    let mut shape = crate::lexicon::FxHasher::default();
    let (mut clock, mut relative, mut n) = (false, false, 0);
    let mut prev_number = false;
    for w in text.split(|c: char| !(c.is_alphanumeric() || c == ':' || c == '.')) {
        let w = w.trim_matches('.');
        if w.is_empty() {
            continue;
        }
        n += 1;
        if n > 10 {
            return None;
        }
        let lower = w.to_ascii_lowercase();
        let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &lower[digits.len()..];
        let number = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
        // A clock time and a bare number (`2:45 p.m.`, `2 p.m.`) are written alike.
        if is_clock(digits) && (suffix.is_empty() || matches!(suffix, "am" | "pm" | "h")) {
            clock = true;
            shape.write_u8(2);
            shape.write_u8(u8::from(!suffix.is_empty()));
        } else if number && suffix.is_empty() {
            shape.write_u8(2);
            shape.write_u8(0);
        } else if number && matches!(suffix, "h" | "m" | "d" | "s" | "min" | "mins" | "hr" | "hrs")
        {
            relative = true;
            shape.write(suffix.as_bytes());
        } else if matches!(lower.as_str(), "am" | "pm" | "a.m" | "p.m") {
            relative |= prev_number;
            shape.write_u8(3);
        } else if TIME_WORDS.contains(lower.as_str()) {
            relative |= matches!(lower.as_str(), "ago" | "read");
            shape.write(lower.as_bytes());
        } else {
            return None;
        }
        prev_number = number;
    }
    (clock || relative).then(|| shape.finish())
}

/// `14:05`, `3:09`, `10.30` (hours and minutes).
fn is_clock(s: &str) -> bool {
    let Some((h, m)) = s.split_once([':', '.']) else { return false };
    (1..=2).contains(&h.len())
        && m.len() == 2
        && h.bytes().all(|b| b.is_ascii_digit())
        && m.bytes().all(|b| b.is_ascii_digit())
        && h.parse::<u8>().is_ok_and(|h| h < 24)
        && m.parse::<u8>().is_ok_and(|m| m < 60)
}
