//! Dutch search engine (see README).
