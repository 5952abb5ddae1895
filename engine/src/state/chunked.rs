//! A vector in chunks of a fixed size, for the event log's rows (about six a pod) and the store's
//! changes waiting for the controllers (a few a pod in a burst of creates): it grows one
//! chunk at a time and never moves what it holds. A `Vec` doubles, so up to half of it is room
//! not used, and while it grows the old and the new buffer are both live.

use std::ops::{Index, IndexMut};

/// Items a chunk holds. The first chunk grows like a `Vec` up to this, so a small log stays
/// small; the later ones are made this size.
const CHUNK: usize = 4096;

/// Every chunk but the last is full: item `i` is in chunk `i / CHUNK`.
#[derive(Debug, Clone)]
pub struct Chunked<T> {
    chunks: Vec<Vec<T>>,
    len: usize,
}

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T> Chunked<T> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn push(&mut self, item: T) {
        match self.chunks.last_mut() {
            Some(last) if last.len() < CHUNK => last.push(item),
            // A second chunk means a large one: its room taken at once, not grown from one item
            // by doubling (twelve copies, at 10,000 nodes of items long out of cache).
            Some(_) => {
                let mut chunk = Vec::with_capacity(CHUNK);
                chunk.push(item);
                self.chunks.push(chunk);
            }
            None => self.chunks.push(vec![item]),
        }
        self.len += 1;
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> {
        self.chunks.iter().flatten()
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.chunks.iter_mut().flatten()
    }

    /// Keeps the items `keep` accepts, in order; a chunk is let go once its items are moved.
    pub fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        let old = std::mem::take(self);
        for chunk in old.chunks {
            for item in chunk {
                if keep(&item) {
                    self.push(item);
                }
            }
        }
    }
}

impl<'a, T> IntoIterator for &'a Chunked<T> {
    type Item = &'a T;
    type IntoIter = std::iter::Flatten<std::slice::Iter<'a, Vec<T>>>;
    fn into_iter(self) -> Self::IntoIter {
        self.chunks.iter().flatten()
    }
}

/// Items by value, in order; each chunk's buffer is freed once its items are taken.
impl<T> IntoIterator for Chunked<T> {
    type Item = T;
    type IntoIter = std::iter::Flatten<std::vec::IntoIter<Vec<T>>>;
    fn into_iter(self) -> Self::IntoIter {
        self.chunks.into_iter().flatten()
    }
}

impl<T> Index<usize> for Chunked<T> {
    type Output = T;
    fn index(&self, i: usize) -> &T {
        &self.chunks[i / CHUNK][i % CHUNK]
    }
}

impl<T> IndexMut<usize> for Chunked<T> {
    fn index_mut(&mut self, i: usize) -> &mut T {
        &mut self.chunks[i / CHUNK][i % CHUNK]
    }
}

#[cfg(test)]
mod tests {
    use super::{CHUNK, Chunked};

    #[test]
    fn items_are_found_by_index_across_chunks_and_retained_in_order() {
        let mut c = Chunked::default();
        for i in 0..CHUNK * 2 + 3 {
            c.push(i);
        }
        assert_eq!(c.len(), CHUNK * 2 + 3);
        assert_eq!(
            (c[0], c[CHUNK], c[CHUNK * 2 + 2]),
            (0, CHUNK, CHUNK * 2 + 2)
        );
        assert!(c.chunks.iter().all(|chunk| chunk.capacity() <= CHUNK));
        // The last chunk (3 items) was made whole, not grown.
        assert_eq!(c.chunks[2].capacity(), CHUNK);
        c[2] = 100;
        assert_eq!(c.iter().next_back(), Some(&(CHUNK * 2 + 2)));
        c.retain(|&i| i % 2 == 0);
        assert_eq!(c.len(), CHUNK + 2);
        assert_eq!((c[0], c[1], c[CHUNK]), (0, 100, CHUNK * 2));
        assert_eq!(c.iter().count(), c.len());
    }
}
