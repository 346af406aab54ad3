package org.egovca.ca.x509.crl;

import java.util.Iterator;

/**
 * The revoked certificates of one CRL, readable more than once: DER puts every length before its
 * content, so {@link CrlWriter} reads the entries a first time to add up their lengths and a second
 * time to write them, and never holds them all. A database-backed source runs its query (or scrolls
 * a cursor) once per {@link #open()}.
 *
 * <p>Every call must yield the same entries in the same order (read them from one snapshot, such as
 * one repeatable-read transaction). A second pass whose entry count or encoded length differs from
 * the first makes the writer fail without writing anything; any other difference ends up in the CRL
 * as the second pass yielded it, still correctly signed, since the signed bytes and the written
 * bytes both come from that pass. Entries are written in the order they come, since sorting would
 * need them all in memory: yield them by ascending serial number (or by revocation time), which
 * keeps the CRL reproducible and easy to compare.
 *
 * <p>If the returned iterator is also {@link AutoCloseable} (a cursor, a stream's iterator wrapped
 * with its resources), the writer closes it after each pass, even when the pass fails.
 */
@FunctionalInterface
public interface EntrySource {

  /** A fresh iterator over all entries, from the first. */
  Iterator<RevokedEntry> open();
}
