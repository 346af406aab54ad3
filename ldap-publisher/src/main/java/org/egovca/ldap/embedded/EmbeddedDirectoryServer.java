package org.egovca.ldap.embedded;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.schema.Schema;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The development directory: an LDAP v3 server (UnboundID's in-memory directory) that a developer
 * gets without installing OpenLDAP, so that publication and relying-party look-ups work the same
 * way as in production.
 *
 * <ul>
 *   <li>The configured base DN is the server's only naming context, created on first start as an
 *       entry of the class its RDN type calls for ({@code o}: organization, {@code ou}:
 *       organizationalUnit, {@code c}: country, {@code dc}: domain, {@code l}: locality). Its
 *       parent ({@code c=CN} for the default base) is not an entry.
 *   <li>The schema is UnboundID's standard one, which carries the RFC 4523 PKI attribute types and
 *       object classes; start fails if a future SDK lacked them.
 *   <li>Anyone may read anonymously, as relying parties do; only the configured bind DN may
 *       authenticate, and every write needs authentication.
 *   <li>The content lives in memory and is kept in {@code <dataDir>/directory.ldif}: imported at
 *       start, exported on stop and by {@link #snapshotIfChanged()}, always to a temporary file
 *       moved into place, so a crash never leaves a half-written snapshot.
 * </ul>
 */
public final class EmbeddedDirectoryServer {

  /** Name of the snapshot file in the data directory. */
  public static final String LDIF_FILE_NAME = "directory.ldif";

  private static final Logger LOG = Logger.getLogger(EmbeddedDirectoryServer.class.getName());

  private static final List<String> PKI_ATTRIBUTE_TYPES =
      List.of(
          "userCertificate",
          "cACertificate",
          "certificateRevocationList",
          "authorityRevocationList",
          "deltaRevocationList");
  private static final List<String> PKI_OBJECT_CLASSES = List.of("pkiUser", "pkiCA", "deltaCRL");

  private final Settings settings;
  private final ChangeTracker changes = new ChangeTracker();
  private InMemoryDirectoryServer server;

  /**
   * What the server needs to run.
   *
   * @param listenAddress the address to listen on, normally {@code 127.0.0.1}
   * @param port the port to listen on; 0 picks a free one (see {@link #port()})
   * @param baseDn the naming context
   * @param dataDir where the LDIF snapshot is kept
   * @param bindDn the only DN that may authenticate and write
   * @param bindPassword its password
   */
  public record Settings(
      String listenAddress,
      int port,
      String baseDn,
      Path dataDir,
      String bindDn,
      String bindPassword) {

    public Settings {
      Objects.requireNonNull(listenAddress, "listenAddress");
      Objects.requireNonNull(baseDn, "baseDn");
      Objects.requireNonNull(dataDir, "dataDir");
      Objects.requireNonNull(bindDn, "bindDn");
      Objects.requireNonNull(bindPassword, "bindPassword");
    }

    @Override
    public String toString() {
      return "Settings[listen="
          + listenAddress
          + ':'
          + port
          + ", baseDn="
          + baseDn
          + ", dataDir="
          + dataDir
          + ", bindDn="
          + bindDn
          + ']';
    }
  }

  public EmbeddedDirectoryServer(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Loads the snapshot if there is one, creates the base entry if missing, and starts listening.
   *
   * @throws IOException when the data directory, the snapshot or the port cannot be used
   */
  public synchronized void start() throws IOException {
    if (server != null) {
      return;
    }
    Files.createDirectories(settings.dataDir());
    InMemoryDirectoryServer starting;
    try {
      starting = new InMemoryDirectoryServer(serverConfig());
    } catch (LDAPException e) {
      throw new IOException("Invalid embedded directory settings " + settings, e);
    }
    try {
      Path ldif = ldifFile();
      if (Files.exists(ldif)) {
        int entries = starting.importFromLDIF(true, ldif.toFile());
        LOG.log(
            Level.INFO,
            "Embedded directory loaded {0} entries from {1}",
            new Object[] {entries, ldif});
      }
      if (!starting.entryExists(settings.baseDn())) {
        starting.add(baseEntry(new DN(settings.baseDn())));
        changes.changed();
      }
      starting.startListening();
    } catch (LDAPException e) {
      starting.shutDown(true);
      throw new IOException("The embedded directory could not start: " + e.getMessage(), e);
    }
    server = starting;
    LOG.log(
        Level.INFO,
        "Embedded LDAP directory listening on {0}:{1}, base {2}, data in {3}",
        new Object[] {
          settings.listenAddress(), Integer.toString(port()), settings.baseDn(), settings.dataDir()
        });
  }

  /**
   * Stops listening and saves the content. Does nothing when not running.
   *
   * @throws IOException when the snapshot cannot be written; the server is stopped anyway
   */
  public synchronized void stop() throws IOException {
    if (server == null) {
      return;
    }
    InMemoryDirectoryServer stopping = server;
    server = null;
    stopping.shutDown(true);
    changes.takeChanged();
    export(stopping);
    LOG.log(Level.INFO, "Embedded LDAP directory stopped, content saved to {0}", ldifFile());
  }

  /**
   * Saves the content if a client changed it since the last snapshot; meant to be called
   * periodically.
   *
   * @return whether a snapshot was written
   */
  public synchronized boolean snapshotIfChanged() throws IOException {
    if (server == null || !changes.takeChanged()) {
      return false;
    }
    try {
      export(server);
    } catch (IOException e) {
      changes.changed();
      throw e;
    }
    return true;
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /** The port listened on: the actual one while running, else the configured one. */
  public synchronized int port() {
    return server == null ? settings.port() : server.getListenPort();
  }

  public String baseDn() {
    return settings.baseDn();
  }

  public Path dataDir() {
    return settings.dataDir();
  }

  /** The LDIF snapshot file. */
  public Path ldifFile() {
    return settings.dataDir().resolve(LDIF_FILE_NAME);
  }

  private InMemoryDirectoryServerConfig serverConfig() throws LDAPException, IOException {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(settings.baseDn());
    config.setSchema(pkiSchema());
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig(
            "ldap", InetAddress.getByName(settings.listenAddress()), settings.port(), null));
    config.addAdditionalBindCredentials(settings.bindDn(), settings.bindPassword());
    config.setAuthenticationRequiredOperationTypes(
        EnumSet.of(
            OperationType.ADD,
            OperationType.DELETE,
            OperationType.MODIFY,
            OperationType.MODIFY_DN,
            OperationType.EXTENDED));
    config.addInMemoryOperationInterceptor(new BindRestriction(new DN(settings.bindDn())));
    config.addInMemoryOperationInterceptor(changes);
    config.setVendorName("e-Gov CA embedded directory");
    return config;
  }

  private static Schema pkiSchema() throws LDAPException {
    Schema schema = Schema.getDefaultStandardSchema();
    for (String type : PKI_ATTRIBUTE_TYPES) {
      if (schema.getAttributeType(type) == null) {
        throw new LDAPException(ResultCode.OTHER, "The schema lacks the RFC 4523 type " + type);
      }
    }
    for (String objectClass : PKI_OBJECT_CLASSES) {
      if (schema.getObjectClass(objectClass) == null) {
        throw new LDAPException(
            ResultCode.OTHER, "The schema lacks the RFC 4523 object class " + objectClass);
      }
    }
    return schema;
  }

  private static Entry baseEntry(DN baseDn) throws LDAPException {
    RDN rdn = baseDn.getRDN();
    String type = rdn.getAttributeNames()[0].toLowerCase(Locale.ROOT);
    String objectClass =
        switch (type) {
          case "o" -> "organization";
          case "ou" -> "organizationalUnit";
          case "c" -> "country";
          case "dc" -> "domain";
          case "l" -> "locality";
          default ->
              throw new LDAPException(
                  ResultCode.UNWILLING_TO_PERFORM,
                  "Cannot create a base entry named by " + type + ": use o, ou, c, dc or l");
        };
    Entry entry = new Entry(baseDn);
    entry.addAttribute("objectClass", "top", objectClass);
    String[] names = rdn.getAttributeNames();
    String[] values = rdn.getAttributeValues();
    for (int i = 0; i < names.length; i++) {
      entry.addAttribute(names[i], values[i]);
    }
    return entry;
  }

  private void export(InMemoryDirectoryServer source) throws IOException {
    Path target = ldifFile();
    Path temporary = Files.createTempFile(settings.dataDir(), LDIF_FILE_NAME, ".tmp");
    try {
      source.exportToLDIF(temporary.toString(), false, true);
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (LDAPException e) {
      throw new IOException("Could not export the embedded directory to " + target, e);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
