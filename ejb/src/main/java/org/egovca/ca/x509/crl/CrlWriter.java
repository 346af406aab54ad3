package org.egovca.ca.x509.crl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.operator.ContentSigner;

/**
 * Writes a signed X.509 v2 CRL (RFC 5280 §5, GM/T 0015 table C.5) without holding its entries:
 *
 * <pre>
 * CertificateList ::= SEQUENCE { tbsCertList TBSCertList, signatureAlgorithm AlgorithmIdentifier,
 *                                signatureValue BIT STRING }
 * </pre>
 *
 * <ol>
 *   <li>First pass over the entries: check each one and add up the encoded lengths, which DER needs
 *       in the TBSCertList and revokedCertificates headers before the entries.
 *   <li>Second pass: encode TBSCertList (header, fixed fields, entries, CRL extensions) once, into
 *       the signer's stream and into a temporary file at the same time; check the octet count
 *       matches the first pass.
 *   <li>Sign; now the outer length is known: write the CertificateList header, copy the TBS from
 *       the temporary file, and append signatureAlgorithm and the signature BIT STRING.
 * </ol>
 *
 * <p>The writer's own heap use does not grow with the number of entries: a 64 KiB buffer, one entry
 * at a time from the {@link EntrySource}, the small fixed fields (a million entries are written
 * with a 16 MiB heap). The temporary file (about 45 octets per entry) is created owner-only in the
 * given directory and deleted before {@code write} returns. The signer decides what it keeps:
 * BouncyCastle's JCA signers digest the bytes as they arrive, while a signer that collects the
 * whole TBS, as the crypto token's does because the token signs a byte array, holds it in memory
 * (about 45 MB for a million entries, twice while it is copied out).
 *
 * <p>Nothing goes to the output before the CRL is complete and signed. The writer does not verify
 * the signature, having no public key; the caller should check a new CRL against the CA certificate
 * before publishing it. The methods are static and share nothing, so concurrent calls are safe as
 * long as each has its own {@link ContentSigner}.
 */
public final class CrlWriter {

  private CrlWriter() {}

  /**
   * Writes the signed CRL to {@code out}, spooling the TBSCertList in the default temporary-file
   * directory. {@code out} is flushed, not closed.
   *
   * @throws IllegalArgumentException if an entry is refused (see {@link RevokedEntry}; also
   *     removeFromCRL in a complete CRL) or the signer's algorithm is not {@code
   *     content.signatureAlgorithm()}
   * @throws IllegalStateException if the entry source yielded other entries on the second pass
   * @throws IOException if the temporary file or {@code out} cannot be written
   */
  public static void write(
      CrlContent content, EntrySource entries, ContentSigner signer, OutputStream out)
      throws IOException {
    write(content, entries, signer, out, null);
  }

  /**
   * As {@link #write(CrlContent, EntrySource, ContentSigner, OutputStream)}, with the temporary
   * file in {@code tempDirectory} (the default temporary-file directory if null).
   */
  public static void write(
      CrlContent content,
      EntrySource entries,
      ContentSigner signer,
      OutputStream out,
      Path tempDirectory)
      throws IOException {
    requireArguments(content, entries, signer);
    Objects.requireNonNull(out, "out");
    try (TbsSpool spool = TbsSpool.inTempFile(tempDirectory)) {
      writeSigned(content, entries, signer, out, spool);
    }
  }

  /**
   * The DER of the signed CRL, for small CRLs (a few thousand entries): everything is held in
   * memory, no temporary file is used.
   *
   * @throws IllegalArgumentException as {@link #write(CrlContent, EntrySource, ContentSigner,
   *     OutputStream)}
   * @throws IllegalStateException if the entry source yielded other entries on the second pass
   */
  public static byte[] toBytes(CrlContent content, EntrySource entries, ContentSigner signer) {
    requireArguments(content, entries, signer);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TbsSpool spool = TbsSpool.inMemory()) {
      writeSigned(content, entries, signer, out, spool);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the CRL in memory", e);
    }
    return out.toByteArray();
  }

  private static void requireArguments(
      CrlContent content, EntrySource entries, ContentSigner signer) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(entries, "entries");
    Objects.requireNonNull(signer, "signer");
    if (!content.signatureAlgorithm().equals(signer.getAlgorithmIdentifier())) {
      throw new IllegalArgumentException(
          "the CRL names signature algorithm "
              + content.signatureAlgorithm().getAlgorithm()
              + " but the signer produces "
              + signer.getAlgorithmIdentifier().getAlgorithm()
              + " (or other parameters)");
    }
  }

  private static void writeSigned(
      CrlContent content,
      EntrySource entries,
      ContentSigner signer,
      OutputStream out,
      TbsSpool spool)
      throws IOException {
    byte[] head = CrlFields.head(content);
    byte[] extensions = CrlFields.extensions(content);
    EntryEncoder encoder = new EntryEncoder(content.isDelta());

    Totals expected = measure(entries, encoder);
    long revokedLength = expected.count() == 0 ? 0 : Der.tlvLength(expected.length());
    long tbsContentLength = head.length + revokedLength + extensions.length;
    long tbsLength = Der.tlvLength(tbsContentLength);

    SigningTee tbs = new SigningTee(spool.output(), signer.getOutputStream());
    try (tbs) {
      Der.writeHeader(tbs, Der.SEQUENCE, tbsContentLength);
      tbs.write(head);
      if (expected.count() > 0) {
        Der.writeHeader(tbs, Der.SEQUENCE, expected.length());
        writeEntries(entries, encoder, tbs, expected);
      }
      tbs.write(extensions);
    }
    if (tbs.count() != tbsLength) {
      throw new IllegalStateException(
          "TBSCertList has " + tbs.count() + " octets, " + tbsLength + " were announced");
    }

    byte[] signature = signer.getSignature();
    byte[] algorithm = content.signatureAlgorithm().getEncoded(ASN1Encoding.DER);
    long signatureValueLength = Der.tlvLength(1 + (long) signature.length);
    Der.writeHeader(out, Der.SEQUENCE, tbsLength + algorithm.length + signatureValueLength);
    spool.copyTo(out);
    out.write(algorithm);
    Der.writeHeader(out, Der.BIT_STRING, 1 + (long) signature.length);
    out.write(0); // no unused bits
    out.write(signature);
    out.flush();
  }

  /** Number of entries and sum of their encoded lengths. */
  private record Totals(long count, long length) {}

  /** First pass: checks every entry and adds up the lengths. */
  private static Totals measure(EntrySource entries, EntryEncoder encoder) throws IOException {
    long count = 0;
    long length = 0;
    try (Pass pass = Pass.open(entries)) {
      while (pass.iterator().hasNext()) {
        length += encoder.length(pass.next(count));
        count++;
      }
    }
    return new Totals(count, length);
  }

  /** Second pass: encodes the entries, failing as soon as they exceed the first pass's total. */
  private static void writeEntries(
      EntrySource entries, EntryEncoder encoder, OutputStream out, Totals expected)
      throws IOException {
    long count = 0;
    long length = 0;
    try (Pass pass = Pass.open(entries)) {
      while (pass.iterator().hasNext()) {
        int entryLength = encoder.encode(pass.next(count));
        length += entryLength;
        count++;
        if (length > expected.length()) {
          break;
        }
        out.write(encoder.buffer(), 0, entryLength);
      }
    }
    if (count != expected.count() || length != expected.length()) {
      throw new IllegalStateException(
          "the entry source yielded other entries on the second pass ("
              + (length > expected.length() ? "more than " : "")
              + count
              + " entries, "
              + length
              + " octets) than on the first ("
              + expected.count()
              + " entries, "
              + expected.length()
              + " octets); an EntrySource must yield the same entries every time");
    }
  }

  /** One pass over an entry source; closes the iterator if it is {@link AutoCloseable}. */
  private record Pass(Iterator<RevokedEntry> iterator) implements AutoCloseable {

    static Pass open(EntrySource source) {
      return new Pass(Objects.requireNonNull(source.open(), "EntrySource.open() returned null"));
    }

    RevokedEntry next(long index) {
      RevokedEntry entry = iterator.next();
      if (entry == null) {
        throw new IllegalArgumentException("entry " + index + " of the entry source is null");
      }
      return entry;
    }

    @Override
    public void close() throws IOException {
      if (iterator instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (IOException | RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IOException("cannot close the entry source", e);
        }
      }
    }
  }
}
