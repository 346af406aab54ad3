package org.egovca.ca.x509.ocsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.util.encoders.Hex;

/**
 * Signed responses kept for reuse, in the manner of RFC 5019: most clients send a single CertID
 * without nonce, and answering them from memory spares the crypto token a signature per request.
 * Only such requests are cached; a response carrying a nonce is unique to its request.
 *
 * <p>An entry is keyed by the CA name, the serial number and the complete CertID (hash algorithm,
 * issuer name hash, issuer key hash, serial), because the response echoes the CertID: two requests
 * differing only in hash algorithm or in the CA key (after a key rollover) need different bytes. It
 * is served while {@code thisUpdate <= now < nextUpdate - refreshMargin}, so a client never
 * receives a response about to expire.
 *
 * <p>{@link #invalidate} must be called after a revocation is committed. A response computed from
 * the status read before the revocation must then not enter the cache: every invalidation bumps a
 * generation counter, and {@link #put} drops a response whose status was read under an older
 * generation (the responder takes a {@link #ticket()} before reading the status). Puts and
 * invalidations are serialised by one lock; look-ups take no lock.
 *
 * <p>The size is bounded by entry count: when a put exceeds it, expired entries go first, then the
 * least recently used ones until a tenth of the room is free again, so that eviction (a scan) runs
 * rarely.
 */
public final class OcspResponseCache {

  private final int maxEntries;
  private final Duration refreshMargin;
  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong clock = new AtomicLong();
  private final Object lock = new Object();
  private long generation;

  /**
   * @param maxEntries the most responses kept, at least 1
   * @param refreshMargin how long before nextUpdate a response stops being served; should be well
   *     below the responder's validity, or nothing is ever served from the cache
   */
  public OcspResponseCache(int maxEntries, Duration refreshMargin) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
    }
    Objects.requireNonNull(refreshMargin, "refreshMargin");
    if (refreshMargin.isNegative()) {
      throw new IllegalArgumentException("refreshMargin must not be negative: " + refreshMargin);
    }
    this.maxEntries = maxEntries;
    this.refreshMargin = refreshMargin;
  }

  /**
   * Forgets every response about the certificate {@code serialNumber} of the CA {@code issuerName}
   * (the {@link ResponderIssuer#name()}), for all hash algorithms and CA keys. Call it after the
   * revocation (or suspension, or release from hold) is committed.
   */
  public void invalidate(String issuerName, BigInteger serialNumber) {
    Objects.requireNonNull(issuerName, "issuerName");
    Objects.requireNonNull(serialNumber, "serialNumber");
    synchronized (lock) {
      generation++;
      entries
          .keySet()
          .removeIf(
              key -> key.issuerName.equals(issuerName) && key.serialNumber.equals(serialNumber));
    }
  }

  /** Forgets everything, for example when a responder certificate is replaced. */
  public void clear() {
    synchronized (lock) {
      generation++;
      entries.clear();
    }
  }

  /** The number of responses held. */
  public int size() {
    return entries.size();
  }

  static Key key(ResponderIssuer issuer, CertID certId) {
    try {
      return new Key(
          issuer.name(),
          certId.getSerialNumber().getValue(),
          Hex.toHexString(certId.getEncoded(ASN1Encoding.DER)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a CertID", e);
    }
  }

  /** A copy of the cached response for {@code key} if it may still be served at {@code now}. */
  Optional<byte[]> get(Key key, Instant now) {
    Entry entry = entries.get(key);
    if (entry == null || !entry.servableAt(now, refreshMargin)) {
      return Optional.empty();
    }
    entry.lastUsed = clock.incrementAndGet();
    return Optional.of(entry.response.clone());
  }

  /** The current generation, to be taken before the status that goes into a response is read. */
  long ticket() {
    synchronized (lock) {
      return generation;
    }
  }

  /**
   * Keeps {@code response} unless an invalidation happened since {@code ticket} was taken, in which
   * case its status may be stale.
   */
  void put(Key key, byte[] response, Instant thisUpdate, Instant nextUpdate, long ticket) {
    Entry entry = new Entry(response.clone(), thisUpdate, nextUpdate, clock.incrementAndGet());
    synchronized (lock) {
      if (ticket != generation) {
        return;
      }
      entries.put(key, entry);
      if (entries.size() > maxEntries) {
        evict(thisUpdate);
      }
    }
  }

  /** Drops expired entries, then least recently used ones down to 90 % of the room. */
  private void evict(Instant now) {
    entries.values().removeIf(entry -> entry.expiredAt(now, refreshMargin));
    int target = Math.max(maxEntries - Math.max(1, maxEntries / 10), 0);
    if (entries.size() <= target) {
      return;
    }
    // Snapshot the use counters: they change under concurrent look-ups, and sorting on live values
    // could break the comparator's contract.
    List<Used> byAge = new ArrayList<>(entries.size());
    entries.forEach((key, entry) -> byAge.add(new Used(key, entry, entry.lastUsed)));
    byAge.sort(Comparator.comparingLong(Used::lastUsed));
    for (int i = 0; i < byAge.size() - target; i++) {
      entries.remove(byAge.get(i).key(), byAge.get(i).entry());
    }
  }

  private record Used(Key key, Entry entry, long lastUsed) {}

  /** See the class comment for why the whole CertID is part of the key. */
  record Key(String issuerName, BigInteger serialNumber, String certIdHex) {}

  private static final class Entry {
    final byte[] response;
    final Instant thisUpdate;
    final Instant nextUpdate;
    volatile long lastUsed;

    Entry(byte[] response, Instant thisUpdate, Instant nextUpdate, long lastUsed) {
      this.response = response;
      this.thisUpdate = thisUpdate;
      this.nextUpdate = nextUpdate;
      this.lastUsed = lastUsed;
    }

    boolean servableAt(Instant now, Duration margin) {
      return !now.isBefore(thisUpdate) && !expiredAt(now, margin);
    }

    boolean expiredAt(Instant now, Duration margin) {
      return !now.isBefore(nextUpdate.minus(margin));
    }
  }
}
