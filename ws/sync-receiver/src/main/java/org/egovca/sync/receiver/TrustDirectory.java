package org.egovca.sync.receiver;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.egovca.sync.TrustedCaCertificates;

/**
 * The CAs this receiver trusts: a directory with one {@code <caName>.pem} per CA, holding one or
 * more PEM certificates (one per key of that CA, and its root).
 *
 * <p>The operator installs or replaces a file while the receiver runs (after a CA key rollover,
 * say): each lookup compares the file's modification time and size with what was read last and
 * reads it again when they differ, so a new or changed file counts from the next message on. A file
 * that cannot be read counts as empty (UNKNOWN_CA; the CA retries).
 */
public final class TrustDirectory implements TrustedCaCertificates {

  private static final Logger LOG = Logger.getLogger(TrustDirectory.class.getName());

  private final Path directory;
  private final Map<String, Snapshot> read = new ConcurrentHashMap<>();

  public TrustDirectory(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
  }

  @Override
  public List<X509CertificateHolder> forCaName(String caName) {
    Path file = directory.resolve(caName + ".pem").normalize();
    if (!directory.equals(file.getParent())) {
      return List.of();
    }
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      read.remove(caName);
      return List.of();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot read the trust file {0}: {1}", new Object[] {file, e});
      return List.of();
    }
    Snapshot last = read.get(caName);
    if (last != null && last.isOf(attributes)) {
      return last.certificates();
    }
    Snapshot current =
        new Snapshot(attributes.lastModifiedTime(), attributes.size(), certificates(file));
    read.put(caName, current);
    return current.certificates();
  }

  private static List<X509CertificateHolder> certificates(Path file) {
    List<X509CertificateHolder> certificates = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser pem = new PEMParser(reader)) {
      for (Object object = pem.readObject(); object != null; object = pem.readObject()) {
        if (object instanceof X509CertificateHolder certificate) {
          certificates.add(certificate);
        } else {
          LOG.log(
              Level.WARNING,
              "{0} holds a {1}, not a certificate: ignored",
              new Object[] {file, object.getClass().getSimpleName()});
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "cannot read the trust file {0}: {1}", new Object[] {file, e});
      return List.of();
    }
    LOG.log(
        Level.INFO, "trusting {0} certificates from {1}", new Object[] {certificates.size(), file});
    return List.copyOf(certificates);
  }

  private record Snapshot(
      FileTime lastModified, long size, List<X509CertificateHolder> certificates) {
    boolean isOf(BasicFileAttributes attributes) {
      return lastModified.equals(attributes.lastModifiedTime()) && size == attributes.size();
    }
  }
}
