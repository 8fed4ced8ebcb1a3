//! The files of the index and how they are read. See `README.md` for the
//! layout; [`crate::index`] writes them.

use crate::codec::{DecodeError, Reader, Writer};

/// Relative path of the metadata file, the only file a searcher needs first.
pub const META_FILE: &str = "meta.bin";
/// Relative path of the tag posting lists, fetched only for the tag filter
/// and the tag counts.
pub const TAGS_FILE: &str = "tags.bin";
const META_MAGIC: &[u8; 4] = b"KBZ7";
const FRAGMENT_VERSION: u8 = 2;
const WORD_LIST_VERSION: u8 = 1;

/// Posting weights are stored as `round(weight * WEIGHT_SCALE)` in the low
/// seven bits of a byte (see [`weight_of`]).
pub const WEIGHT_SCALE: f32 = 7.5;
/// The high bit of a posting's weight byte: the word is in the document's
/// title (a page's title or a section's heading).
pub const IN_TITLE: u8 = 0x80;

/// The weight in a posting's weight byte, without the [`IN_TITLE`] bit.
pub fn weight_of(byte: u8) -> f32 {
    (byte & !IN_TITLE) as f32 / WEIGHT_SCALE
}
/// Inverse document frequencies are stored as `round(idf * IDF_SCALE)`.
pub const IDF_SCALE: f32 = 1000.0;

/// Path of term fragment `i`.
pub fn fragment_path(i: usize) -> String {
    format!("t/{i}.bin")
}

/// Path of word list `i` of the index's words spelt backwards (see [`WordList`]).
pub fn backwards_path(i: usize) -> String {
    format!("r/{i}.bin")
}

/// Path of the data (title, URL, text) of document `id`.
pub fn doc_path(id: u32) -> String {
    format!("d/{id}.bin")
}

#[derive(Debug, Clone, PartialEq)]
pub struct CategoryInfo {
    pub slug: String,
    pub title: String,
    /// Documents are numbered by category, so a category is a range of ids.
    pub first: u32,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TagInfo {
    pub name: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    pub doc_count: u32,
    pub categories: Vec<CategoryInfo>,
    pub tags: Vec<TagInfo>,
    /// Where every term fragment begins, in order: a key at or after a start and before the
    /// next one is in that fragment (see `index::separator`).
    pub fragment_starts: Vec<String>,
    /// Groups of words (folded, one token each) that a search treats as the same: a query
    /// word matching one member also finds the others (`statushouder` finds
    /// `vergunninghouders`).
    pub synonyms: Vec<Vec<String>>,
    /// Where every list of the index's words spelt backwards begins, in order (see
    /// [`WordList`]).
    pub backwards_starts: Vec<String>,
    /// The words, sorted, whose first page of results the build worked out (`a/N.bin` for the
    /// N-th; see [`crate::answer`]).
    pub answers: Vec<String>,
    /// The whole index is one file, `all.bin`, and nothing else is to be fetched (see
    /// [`crate::whole`]); then there are no answers.
    pub whole: bool,
    /// The page of each document, numbered from 0 in document order: a page's sections are
    /// documents of their own, numbered right after the page's opening part, and a result is
    /// a page. Stored as one bit per document (whether it continues the page before it).
    pub pages: Vec<u32>,
}

fn shared_prefix(a: &str, b: &str) -> usize {
    let mut n = 0;
    for ((i, ca), cb) in a.char_indices().zip(b.chars()) {
        if ca != cb {
            return i;
        }
        n = i + ca.len_utf8();
    }
    n
}

/// Writes `s` as the length of the prefix it shares with `prev` and the rest.
pub fn write_prefixed(w: &mut Writer, prev: &str, s: &str) {
    let shared = shared_prefix(prev, s);
    w.usize(shared);
    w.str(&s[shared..]);
}

/// A sorted list of strings, each prefix-compressed against the one before.
fn write_starts(w: &mut Writer, starts: &[String]) {
    w.usize(starts.len());
    let mut prev = "";
    for s in starts {
        write_prefixed(w, prev, s);
        prev = s;
    }
}

fn read_starts(r: &mut Reader<'_>) -> Result<Vec<String>, DecodeError> {
    let n = r.count()?;
    let mut starts: Vec<String> = Vec::with_capacity(n);
    for _ in 0..n {
        let prev = starts.last().map(String::as_str).unwrap_or("");
        let s = read_prefixed(r, prev)?;
        starts.push(s);
    }
    Ok(starts)
}

pub fn read_prefixed(r: &mut Reader<'_>, prev: &str) -> Result<String, DecodeError> {
    let shared = usize::try_from(r.varint()?).unwrap_or(usize::MAX);
    let head = prev
        .get(..shared)
        .ok_or_else(|| DecodeError::new("bad shared prefix length"))?;
    let mut s = String::with_capacity(shared + 8);
    s.push_str(head);
    s.push_str(r.str()?);
    Ok(s)
}

impl Meta {
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.bytes(META_MAGIC);
        w.varint(self.doc_count.into());
        w.usize(self.categories.len());
        for c in &self.categories {
            w.str(&c.slug);
            w.str(&c.title);
            w.varint(c.count.into());
        }
        w.usize(self.tags.len());
        for t in &self.tags {
            w.str(&t.name);
            w.varint(t.count.into());
        }
        write_starts(&mut w, &self.fragment_starts);
        w.usize(self.synonyms.len());
        for group in &self.synonyms {
            w.usize(group.len());
            for word in group {
                w.str(word);
            }
        }
        write_starts(&mut w, &self.backwards_starts);
        write_starts(&mut w, &self.answers);
        w.u8(u8::from(self.whole));
        let mut continues = vec![0u8; (self.doc_count as usize).div_ceil(8)];
        for (d, pair) in self.pages.windows(2).enumerate() {
            if pair[0] == pair[1] && d + 1 < self.doc_count as usize {
                continues[(d + 1) / 8] |= 1 << ((d + 1) % 8);
            }
        }
        w.bytes(&continues);
        w.buf
    }

    pub fn decode(data: &[u8]) -> Result<Meta, DecodeError> {
        let mut r = Reader::new(data);
        if r.bytes(4).ok() != Some(&META_MAGIC[..]) {
            return Err(DecodeError::new(
                "not a search index metadata file (or from another version)",
            ));
        }
        let doc_count = r.u32()?;
        let n = r.count()?;
        let mut categories = Vec::with_capacity(n);
        let mut first = 0u32;
        for _ in 0..n {
            let slug = r.str()?.to_string();
            let title = r.str()?.to_string();
            let count = r.u32()?;
            categories.push(CategoryInfo {
                slug,
                title,
                first,
                count,
            });
            first = first
                .checked_add(count)
                .filter(|&f| f <= doc_count)
                .ok_or_else(|| DecodeError::new("category counts exceed the documents"))?;
        }
        let n = r.count()?;
        let mut tags = Vec::with_capacity(n);
        for _ in 0..n {
            let name = r.str()?.to_string();
            let count = r.u32()?;
            tags.push(TagInfo { name, count });
        }
        let fragment_starts = read_starts(&mut r)?;
        let n = r.count()?;
        let mut synonyms = Vec::with_capacity(n);
        for _ in 0..n {
            let m = r.count()?;
            let mut group = Vec::with_capacity(m);
            for _ in 0..m {
                group.push(r.str()?.to_string());
            }
            synonyms.push(group);
        }
        let backwards_starts = read_starts(&mut r)?;
        let answers = read_starts(&mut r)?;
        if answers.windows(2).any(|w| w[0] >= w[1]) {
            return Err(DecodeError::new("answered words out of order"));
        }
        let whole = match r.u8()? {
            0 => false,
            1 => true,
            _ => return Err(DecodeError::new("bad whole-index flag")),
        };
        let continues = r.bytes((doc_count as usize).div_ceil(8))?;
        let mut pages = Vec::with_capacity(doc_count as usize);
        let mut page = 0u32;
        for d in 0..doc_count as usize {
            if d > 0 && continues[d / 8] & (1 << (d % 8)) == 0 {
                page += 1;
            }
            pages.push(page);
        }
        Ok(Meta {
            doc_count,
            categories,
            tags,
            fragment_starts,
            synonyms,
            backwards_starts,
            answers,
            whole,
            pages,
        })
    }

    /// The page of document `doc` (see [`Meta::pages`]).
    pub fn page_of(&self, doc: u32) -> u32 {
        self.pages.get(doc as usize).copied().unwrap_or(u32::MAX)
    }

    /// The fragment that holds `stem` (or would, if it were indexed).
    pub fn fragment_of(&self, stem: &str) -> usize {
        self.fragment_starts
            .partition_point(|start| start.as_str() <= stem)
            .saturating_sub(1)
    }

    /// The backwards word list that holds `backwards` (a word spelt backwards), or would.
    pub fn backwards_of(&self, backwards: &str) -> usize {
        self.backwards_starts
            .partition_point(|start| start.as_str() <= backwards)
            .saturating_sub(1)
    }

    /// The category index of a document.
    pub fn category_of(&self, doc: u32) -> Option<usize> {
        let i = self.categories.partition_point(|c| c.first <= doc);
        let i = i.checked_sub(1)?;
        let c = &self.categories[i];
        (doc < c.first + c.count).then_some(i)
    }
}

/// Documents containing a term, with the term's weight in each.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Postings {
    /// Inverse document frequency, times [`IDF_SCALE`].
    pub idf: u32,
    pub docs: Vec<u32>,
    /// BM25 field-weighted term weight per document, times [`WEIGHT_SCALE`],
    /// with [`IN_TITLE`] set when the word is in the title.
    pub weights: Vec<u8>,
}

impl Postings {
    pub fn encode(&self, w: &mut Writer) {
        w.varint(self.idf.into());
        w.usize(self.docs.len());
        let mut prev = 0u32;
        for (i, &d) in self.docs.iter().enumerate() {
            // The first id is stored as is, the others as gaps.
            w.varint(if i == 0 { d } else { d - prev }.into());
            prev = d;
        }
        w.bytes(&self.weights);
    }

    pub fn decode(r: &mut Reader<'_>) -> Result<Postings, DecodeError> {
        let idf = r.u32()?;
        let n = r.count()?;
        let mut docs = Vec::with_capacity(n);
        let mut prev = 0u32;
        for i in 0..n {
            let gap = r.u32()?;
            let d = if i == 0 {
                gap
            } else {
                prev.checked_add(gap)
                    .ok_or_else(|| DecodeError::new("document id out of range"))?
            };
            docs.push(d);
            prev = d;
        }
        let weights = r.bytes(n)?.to_vec();
        Ok(Postings { idf, docs, weights })
    }
}

/// One indexed word form and its postings.
#[derive(Debug, Clone, PartialEq)]
pub struct Surface {
    pub term: String,
    pub postings: Postings,
}

/// All indexed forms sharing a stem, and the documents where the stem is a
/// part of a compound word.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub stem: String,
    pub surfaces: Vec<Surface>,
    pub parts: Option<Postings>,
}

/// A term fragment: consecutive stem groups in byte order of their stems.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Fragment {
    pub groups: Vec<Group>,
}

impl Group {
    pub fn encode(&self, w: &mut Writer, prev_stem: &str) {
        write_prefixed(w, prev_stem, &self.stem);
        w.usize(self.surfaces.len());
        for s in &self.surfaces {
            write_prefixed(w, &self.stem, &s.term);
            s.postings.encode(w);
        }
        match &self.parts {
            Some(p) => {
                w.u8(1);
                p.encode(w);
            }
            None => w.u8(0),
        }
    }
}

impl Fragment {
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.u8(FRAGMENT_VERSION);
        w.usize(self.groups.len());
        let mut prev = "";
        for g in &self.groups {
            g.encode(&mut w, prev);
            prev = &g.stem;
        }
        w.buf
    }

    pub fn decode(data: &[u8]) -> Result<Fragment, DecodeError> {
        let mut r = Reader::new(data);
        if r.u8()? != FRAGMENT_VERSION {
            return Err(DecodeError::new("term fragment of another format version"));
        }
        let n = r.count()?;
        let mut groups: Vec<Group> = Vec::with_capacity(n);
        for _ in 0..n {
            let prev = groups.last().map(|g| g.stem.as_str()).unwrap_or("");
            let stem = read_prefixed(&mut r, prev)?;
            let m = r.count()?;
            let mut surfaces = Vec::with_capacity(m);
            for _ in 0..m {
                let term = read_prefixed(&mut r, &stem)?;
                let postings = Postings::decode(&mut r)?;
                surfaces.push(Surface { term, postings });
            }
            let parts = match r.u8()? {
                0 => None,
                _ => Some(Postings::decode(&mut r)?),
            };
            groups.push(Group {
                stem,
                surfaces,
                parts,
            });
        }
        Ok(Fragment { groups })
    }

    /// The group of `stem`, if this fragment has it.
    pub fn group(&self, stem: &str) -> Option<&Group> {
        self.groups
            .binary_search_by(|g| g.stem.as_str().cmp(stem))
            .ok()
            .map(|i| &self.groups[i])
    }
}

/// Indexed words of typo length spelt backwards, sorted: a slice of them in one file
/// (`r/N.bin`), so that a typo in a word's first letters still finds the word by its end.
/// Words only, no postings: a candidate's postings are in its term fragment.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WordList {
    pub words: Vec<String>,
}

impl WordList {
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.u8(WORD_LIST_VERSION);
        write_starts(&mut w, &self.words);
        w.buf
    }

    pub fn decode(data: &[u8]) -> Result<WordList, DecodeError> {
        let mut r = Reader::new(data);
        if r.u8()? != WORD_LIST_VERSION {
            return Err(DecodeError::new("word list of another format version"));
        }
        Ok(WordList {
            words: read_starts(&mut r)?,
        })
    }
}

/// What a result needs of a document: shown fields and the text for snippets.
#[derive(Debug, Clone, PartialEq)]
pub struct DocData {
    pub url: String,
    /// The page's title.
    pub title: String,
    /// The section's heading; empty for a whole page (or its opening part).
    pub section: String,
    pub tags: Vec<String>,
    pub summary: String,
    /// The body, cut at [`crate::index::MAX_BODY_BYTES`].
    pub body: String,
}

impl DocData {
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.str(&self.url);
        w.str(&self.title);
        w.str(&self.section);
        w.usize(self.tags.len());
        for t in &self.tags {
            w.str(t);
        }
        w.str(&self.summary);
        w.str(&self.body);
        w.buf
    }

    pub fn decode(data: &[u8]) -> Result<DocData, DecodeError> {
        let mut r = Reader::new(data);
        let url = r.str()?.to_string();
        let title = r.str()?.to_string();
        let section = r.str()?.to_string();
        let n = r.count()?;
        let mut tags = Vec::with_capacity(n);
        for _ in 0..n {
            tags.push(r.str()?.to_string());
        }
        let summary = r.str()?.to_string();
        let body = r.str()?.to_string();
        Ok(DocData {
            url,
            title,
            section,
            tags,
            summary,
            body,
        })
    }
}

/// The documents of every tag, in the order of [`Meta::tags`].
pub fn encode_tags(lists: &[Vec<u32>]) -> Vec<u8> {
    let mut w = Writer::new();
    w.usize(lists.len());
    for docs in lists {
        w.usize(docs.len());
        let mut prev = 0;
        for (i, &d) in docs.iter().enumerate() {
            w.varint(if i == 0 { d } else { d - prev }.into());
            prev = d;
        }
    }
    w.buf
}

pub fn decode_tags(data: &[u8]) -> Result<Vec<Vec<u32>>, DecodeError> {
    let mut r = Reader::new(data);
    let n = r.count()?;
    let mut lists = Vec::with_capacity(n);
    for _ in 0..n {
        let m = r.count()?;
        let mut docs = Vec::with_capacity(m);
        let mut prev = 0u32;
        for i in 0..m {
            let gap = r.u32()?;
            let d = if i == 0 {
                gap
            } else {
                prev.checked_add(gap)
                    .ok_or_else(|| DecodeError::new("document id out of range"))?
            };
            docs.push(d);
            prev = d;
        }
        lists.push(docs);
    }
    Ok(lists)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_round_trips_and_finds_fragments() {
        let meta = Meta {
            doc_count: 5,
            categories: vec![
                CategoryInfo {
                    slug: "algemeen".into(),
                    title: "Algemeen".into(),
                    first: 0,
                    count: 3,
                },
                CategoryInfo {
                    slug: "medisch".into(),
                    title: "Medisch".into(),
                    first: 3,
                    count: 2,
                },
            ],
            tags: vec![TagInfo {
                name: "COA".into(),
                count: 2,
            }],
            fragment_starts: vec!["".into(), "gemeent".into(), "woning".into()],
            synonyms: vec![vec!["statushouder".into(), "vergunninghouder".into()]],
            backwards_starts: vec!["".into(), "gnin".into()],
            answers: vec!["gemeente".into(), "woning".into()],
            whole: true,
            pages: vec![0, 0, 1, 2, 2],
        };
        let back = Meta::decode(&meta.encode()).unwrap();
        assert_eq!(back, meta);
        assert_eq!(
            (meta.page_of(1), meta.page_of(2), meta.page_of(4)),
            (0, 1, 2)
        );
        assert_eq!(meta.fragment_of("aanbod"), 0);
        assert_eq!(meta.fragment_of("gemeent"), 1);
        assert_eq!(meta.fragment_of("huur"), 1);
        assert_eq!(meta.fragment_of("zorg"), 2);
        assert_eq!(meta.category_of(2), Some(0));
        assert_eq!(meta.category_of(3), Some(1));
        assert_eq!(meta.category_of(5), None);
        assert_eq!(meta.backwards_of("gninow"), 1);
        assert_eq!(meta.backwards_of("droow"), 0);
    }

    #[test]
    fn word_lists_round_trip() {
        let list = WordList {
            words: vec!["gninow".into(), "gninowa".into(), "tsew".into()],
        };
        assert_eq!(WordList::decode(&list.encode()).unwrap(), list);
        assert!(WordList::decode(&[9, 0]).is_err());
    }

    #[test]
    fn corrupt_meta_is_rejected() {
        assert!(Meta::decode(b"nonsense").is_err());
        assert!(Meta::decode(b"").is_err());
        let mut bytes = b"KBZ1".to_vec();
        bytes.extend([2, 1, 1, b'a', 1, b'A', 9]); // category bigger than the corpus
        assert!(Meta::decode(&bytes).is_err());
    }

    #[test]
    fn fragment_round_trips() {
        let frag = Fragment {
            groups: vec![
                Group {
                    stem: "woning".into(),
                    surfaces: vec![
                        Surface {
                            term: "woning".into(),
                            postings: Postings {
                                idf: 1234,
                                docs: vec![1, 5, 9],
                                weights: vec![10, 20, 30],
                            },
                        },
                        Surface {
                            term: "woningen".into(),
                            postings: Postings {
                                idf: 2000,
                                docs: vec![2],
                                weights: vec![15],
                            },
                        },
                    ],
                    parts: Some(Postings {
                        idf: 3000,
                        docs: vec![7],
                        weights: vec![9],
                    }),
                },
                Group {
                    stem: "woningbouw".into(),
                    surfaces: vec![],
                    parts: None,
                },
            ],
        };
        let back = Fragment::decode(&frag.encode()).unwrap();
        assert_eq!(back, frag);
        assert!(back.group("woningbouw").is_some());
        assert!(back.group("woon").is_none());
    }
}
