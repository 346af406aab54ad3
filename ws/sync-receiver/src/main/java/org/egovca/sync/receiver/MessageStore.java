package org.egovca.sync.receiver;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.egovca.sync.BusinessType;
import org.egovca.sync.CertificateStatus;
import org.egovca.sync.CertificateSync;
import org.egovca.sync.CrlSync;
import org.egovca.sync.SyncOutcome;

/**
 * Keeps every applied message durably and exactly once: one file per message id in {@code
 * <storeDir>/messages}, named {@code <messageId>.sync}.
 *
 * <p>A file is written completely under a temporary name, forced to disk, and then published under
 * its final name with a hard link. Unlike a rename, which silently replaces an existing file, a
 * link fails when the name exists; so of any number of concurrent deliveries of one message id, in
 * this process or another sharing the directory, exactly one is APPLIED and the others are
 * DUPLICATE, and a crash leaves either no file or a complete one (temporary files are removed at
 * start). The message ids are safe file names: the message checks their UUID form.
 *
 * <p>The file is text: two lines of the receiver's own ({@code arrival=}, {@code receivedAt=}),
 * then the canonical payload exactly as verified, then {@code signature=} with the CA's signature
 * in base64, so that the stored message can be verified again at any time. The list of messages and
 * the latest state per certificate are rebuilt from the files at start.
 */
public final class MessageStore {

  private static final Logger LOG = Logger.getLogger(MessageStore.class.getName());
  private static final String SUFFIX = ".sync";
  private static final String TEMPORARY_SUFFIX = ".tmp";

  private final Path messages;
  private final NavigableMap<Long, StoredMessage> byArrival = new ConcurrentSkipListMap<>();
  private final Map<String, StoredMessage> byMessageId = new ConcurrentHashMap<>();
  private final CertificateStates states = new CertificateStates();
  private final AtomicLong lastArrival = new AtomicLong();

  private MessageStore(Path messages) {
    this.messages = messages;
  }

  /** Opens the store in this directory, creating it if needed, and reads what it holds. */
  public static MessageStore open(Path directory) throws IOException {
    MessageStore store = new MessageStore(Files.createDirectories(directory.resolve("messages")));
    store.load();
    return store;
  }

  /** Stores a verified certificate sync message unless one with its id is stored already. */
  public SyncOutcome store(CertificateSync message, byte[] payload, byte[] signature)
      throws IOException {
    return store(
        message.messageId(),
        arrival -> StoredMessage.of(arrival, Instant.now(), message),
        payload,
        signature);
  }

  /** Stores a verified CRL sync message unless one with its id is stored already. */
  public SyncOutcome store(CrlSync message, byte[] payload, byte[] signature) throws IOException {
    return store(
        message.messageId(),
        arrival -> StoredMessage.of(arrival, Instant.now(), message),
        payload,
        signature);
  }

  /** The stored messages in the order they arrived. */
  public List<StoredMessage> messages() {
    return List.copyOf(byArrival.values());
  }

  /** The latest known state of a certificate (a revocation beats any other state). */
  public Optional<StoredMessage> latestState(String caName, String serialNumber) {
    return states.of(caName, serialNumber);
  }

  /** Arrival numbers grow with every message applied; a concurrent duplicate may leave a gap. */
  private SyncOutcome store(
      String messageId, LongFunction<StoredMessage> arriving, byte[] payload, byte[] signature)
      throws IOException {
    if (byMessageId.containsKey(messageId)) {
      return SyncOutcome.DUPLICATE;
    }
    StoredMessage entry = arriving.apply(lastArrival.incrementAndGet());
    Path file = messages.resolve(entry.messageId() + SUFFIX);
    Path temporary = Files.createTempFile(messages, "." + entry.messageId(), TEMPORARY_SUFFIX);
    try {
      writeDurably(temporary, content(entry, payload, signature));
      Files.createLink(file, temporary);
    } catch (FileAlreadyExistsException e) {
      return SyncOutcome.DUPLICATE;
    } finally {
      Files.delete(temporary);
    }
    forceDirectory();
    index(entry);
    return SyncOutcome.APPLIED;
  }

  private static byte[] content(StoredMessage entry, byte[] payload, byte[] signature) {
    byte[] header =
        ("arrival=" + entry.arrival() + "\nreceivedAt=" + entry.receivedAt() + "\n")
            .getBytes(UTF_8);
    byte[] trailer =
        ("signature=" + Base64.getEncoder().encodeToString(signature) + "\n").getBytes(UTF_8);
    return ByteBuffer.allocate(header.length + payload.length + trailer.length)
        .put(header)
        .put(payload)
        .put(trailer)
        .array();
  }

  private static void writeDurably(Path file, byte[] content) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  /** Makes the new directory entry durable too; not every platform can open a directory. */
  private void forceDirectory() {
    try (FileChannel directory = FileChannel.open(messages, StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException e) {
      LOG.log(Level.FINE, "cannot force the directory {0}: {1}", new Object[] {messages, e});
    }
  }

  private void index(StoredMessage entry) {
    byMessageId.put(entry.messageId(), entry);
    byArrival.put(entry.arrival(), entry);
    states.apply(entry);
  }

  private void load() throws IOException {
    List<StoredMessage> found = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(messages)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.endsWith(TEMPORARY_SUFFIX)) {
          Files.deleteIfExists(file);
        } else if (name.endsWith(SUFFIX)) {
          read(file).ifPresent(found::add);
        }
      }
    }
    found.sort((a, b) -> Long.compare(a.arrival(), b.arrival()));
    found.forEach(this::index);
    lastArrival.set(found.isEmpty() ? 0 : found.get(found.size() - 1).arrival());
    LOG.log(Level.INFO, "{0} stored sync messages in {1}", new Object[] {found.size(), messages});
  }

  /** Reads the listed fields; they all come before the certificate or CRL, which is not read. */
  private static Optional<StoredMessage> read(Path file) {
    Map<String, String> fields = new HashMap<>();
    try (BufferedReader reader = Files.newBufferedReader(file, UTF_8)) {
      for (String line = reader.readLine();
          line != null && !line.startsWith("certificate=") && !line.startsWith("crl=");
          line = reader.readLine()) {
        int separator = line.indexOf('=');
        if (separator > 0) {
          fields.put(line.substring(0, separator), line.substring(separator + 1));
        }
      }
      boolean certificate = "syncCertificate".equals(fields.get("operation"));
      return Optional.of(
          new StoredMessage(
              Long.parseLong(fields.get("arrival")),
              Instant.parse(fields.get("receivedAt")),
              certificate ? StoredMessage.Kind.CERTIFICATE : StoredMessage.Kind.CRL,
              fields.get("messageId"),
              BusinessType.valueOf(fields.get("businessType")),
              fields.get("caName"),
              fields.get("serialNumber"),
              certificate ? CertificateStatus.valueOf(fields.get("status")) : null,
              fields.get("crlNumber"),
              Instant.parse(fields.get("syncTime"))));
    } catch (IOException | RuntimeException e) {
      LOG.log(
          Level.WARNING, "skipping the unreadable message file {0}: {1}", new Object[] {file, e});
      return Optional.empty();
    }
  }
}
