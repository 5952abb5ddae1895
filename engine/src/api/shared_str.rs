//! `SharedStr`: a string many objects and keys hold — an object's name, a namespace, a node's
//! name — kept once and counted, in ONE allocation: an 8-byte header (count and length), then
//! the text. An `Rc<String>` took two (40 bytes of counts and `String`, then the text), and
//! `Rc<str>` is a two-word pointer; this is one word, as the keys and pods that hold it want.
//! Immutable: a new value is a new string. Reads, hashes, orders and compares as its text.

use std::alloc::{Layout, alloc, dealloc, handle_alloc_error};
use std::cell::Cell;
use std::ptr::NonNull;

/// The allocation's start; the text follows it.
#[repr(C)]
struct Header {
    count: Cell<u32>,
    len: u32,
}

/// Where the text starts in the allocation (`u8` needs no padding after the header).
const TEXT: usize = std::mem::size_of::<Header>();

/// A shared, immutable string (see the module). Not `Send`: the count is not atomic (the
/// pointer makes it neither `Send` nor `Sync`).
pub struct SharedStr(NonNull<Header>);

fn layout(len: usize) -> Layout {
    match Layout::from_size_align(TEXT + len, std::mem::align_of::<Header>()) {
        Ok(layout) => layout,
        Err(_) => handle_alloc_error(Layout::new::<Header>()),
    }
}

impl SharedStr {
    pub fn new(text: &str) -> SharedStr {
        // A `&str` on a 32-bit target (WebAssembly) always fits; natively, 4 GiB of one name
        // is not text anyone gives.
        let Ok(len) = u32::try_from(text.len()) else {
            handle_alloc_error(layout(text.len()))
        };
        let layout = layout(text.len());
        // SAFETY: `layout` has a non-zero size (the header). The header is written at the
        // start of the new block (aligned for it) and `len` bytes copied after it, within it.
        unsafe {
            let Some(block) = NonNull::new(alloc(layout)) else {
                handle_alloc_error(layout)
            };
            let header = block.cast::<Header>();
            header.write(Header {
                count: Cell::new(1),
                len,
            });
            std::ptr::copy_nonoverlapping(text.as_ptr(), block.as_ptr().add(TEXT), text.len());
            SharedStr(header)
        }
    }

    fn header(&self) -> &Header {
        // SAFETY: the block lives while any `SharedStr` points to it (counted).
        unsafe { self.0.as_ref() }
    }

    pub fn as_str(&self) -> &str {
        let len = self.header().len as usize;
        // SAFETY: `new` copied exactly `len` bytes of a `&str` after the header; they are never
        // written again and live as long as `self`.
        unsafe {
            let text = self.0.as_ptr().cast::<u8>().add(TEXT);
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(text, len))
        }
    }

    /// Whether both hold the very same string (not only an equal one).
    pub fn same(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl Clone for SharedStr {
    fn clone(&self) -> Self {
        let count = &self.header().count;
        match count.get().checked_add(1) {
            Some(n) => count.set(n),
            // As `Rc` does: a count that would wrap would free the text while held.
            None => std::process::abort(),
        }
        SharedStr(self.0)
    }
}

impl Drop for SharedStr {
    fn drop(&mut self) {
        let header = self.header();
        let count = header.count.get() - 1;
        header.count.set(count);
        if count == 0 {
            let layout = layout(header.len as usize);
            // SAFETY: the last holder: the block came from `alloc` with this very layout.
            unsafe { dealloc(self.0.as_ptr().cast(), layout) }
        }
    }
}

/// One empty string per thread, shared: an object built with defaults allocates none.
impl Default for SharedStr {
    fn default() -> Self {
        thread_local!(static EMPTY: SharedStr = SharedStr::new(""));
        EMPTY.with(SharedStr::clone)
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> Self {
        SharedStr::new(s)
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> Self {
        SharedStr::new(&s)
    }
}

impl From<&String> for SharedStr {
    fn from(s: &String) -> Self {
        SharedStr::new(s)
    }
}

impl std::hash::Hash for SharedStr {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl std::borrow::Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &Self) -> bool {
        self.same(other) || self.as_str() == other.as_str()
    }
}

impl Eq for SharedStr {}

impl PartialOrd for SharedStr {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SharedStr {
    /// The very same string is equal without reading it: keys share their namespace, and a
    /// queue's repeats of a key share its name.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        if self.same(other) {
            return std::cmp::Ordering::Equal;
        }
        self.as_str().cmp(other.as_str())
    }
}

super::text_traits::text_traits!(SharedStr);

#[cfg(test)]
mod tests {
    use super::SharedStr;

    #[test]
    fn reads_back_as_written_and_shares_on_clone() {
        for text in ["", "a", "kube-proxy-x7k2q", &"é".repeat(300)] {
            let a = SharedStr::new(text);
            let b = a.clone();
            drop(a);
            assert_eq!(b.as_str(), text);
            assert_eq!(b, SharedStr::from(text.to_string()));
        }
        let a = SharedStr::from("x");
        assert!(a.same(&a.clone()));
        assert!(!a.same(&SharedStr::from("x")));
        assert_eq!(SharedStr::default(), "");
        assert!(SharedStr::default().same(&SharedStr::default()));
    }

    /// One word, as the `Rc<String>` it replaces.
    #[test]
    fn is_one_pointer() {
        assert_eq!(
            std::mem::size_of::<SharedStr>(),
            std::mem::size_of::<usize>()
        );
        assert_eq!(
            std::mem::size_of::<Option<SharedStr>>(),
            std::mem::size_of::<usize>()
        );
    }

    #[test]
    fn orders_and_hashes_as_its_text() {
        use crate::state::hash::hash_of;
        let (a, b) = (SharedStr::from("a"), SharedStr::from("b"));
        assert!(a < b);
        assert_eq!(hash_of(&a), hash_of(&"a"));
    }
}
