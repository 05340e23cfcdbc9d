//! Award documents (filled below).
