package org.egovca.ldap;

import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.apache.directory.api.ldap.codec.api.DefaultConfigurableBinaryAttributeDetector;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.exception.LdapOperationException;
import org.apache.directory.ldap.client.api.LdapConnection;
import org.apache.directory.ldap.client.api.LdapConnectionConfig;
import org.apache.directory.ldap.client.api.LdapNetworkConnection;

/**
 * A pool of bound connections to the directory, as many as {@value
 * DirectoryConfiguration#MAX_CONNECTIONS} allows. Every step is bounded in time (connecting, each
 * operation, and waiting for a free connection), so a directory that is down or hangs costs a
 * publication a few seconds, never a stuck thread. The pool starts no thread of its own (no idle
 * eviction, no JMX registration), as befits code inside a container.
 *
 * <p>A connection is checked when borrowed, without a round trip: one the directory closed (say, by
 * a restart or its idle timeout) is no longer connected and is replaced. One whose work failed
 * other than by a directory answer (a timeout, a dropped connection) is discarded. The pool makes
 * its connections itself rather than through the Directory API's pool factory, which logs several
 * errors with stack traces for each failed attempt while the directory is down; here a failure is
 * reported once, by the publisher.
 *
 * <p>Over {@code ldaps://} the server must present a certificate that chains to a trusted CA and
 * names the URL's host ({@link ServerTrust}).
 *
 * <p>The attributes the publisher writes are declared binary to the client, so that a value it
 * reads back is compared as the bytes it wrote, whatever the attributes are configured to be.
 */
final class DirectoryConnections implements AutoCloseable {

  private final GenericObjectPool<LdapConnection> pool;

  /**
   * @throws IOException when the trusted certificates of an {@code ldaps://} directory cannot be
   *     read
   * @throws GeneralSecurityException when they are not certificates
   */
  DirectoryConnections(DirectoryConfiguration configuration, String bindPassword)
      throws IOException, GeneralSecurityException {
    URI url = configuration.url();
    boolean ldaps = url.getScheme().equalsIgnoreCase("ldaps");
    LdapConnectionConfig connection = new LdapConnectionConfig();
    connection.setLdapHost(url.getHost());
    connection.setLdapPort(url.getPort() > 0 ? url.getPort() : ldaps ? 636 : 389);
    connection.setUseSsl(ldaps);
    if (ldaps) {
      connection.setTrustManagers(
          ServerTrust.forHost(url.getHost(), configuration.trustedCertificates().orElse(null)));
    }
    connection.setName(configuration.bindDn());
    connection.setCredentials(bindPassword);
    connection.setConnectTimeout(configuration.connectTimeout().toMillis());
    connection.setTimeout(configuration.operationTimeout().toMillis());
    DefaultConfigurableBinaryAttributeDetector binary =
        new DefaultConfigurableBinaryAttributeDetector();
    for (DirectoryAttribute attribute : configuration.publishing().all()) {
      binary.addBinaryAttribute(attribute.type());
    }
    connection.setBinaryAttributeDetector(binary);

    GenericObjectPoolConfig<LdapConnection> limits = new GenericObjectPoolConfig<>();
    limits.setMaxTotal(configuration.maxConnections());
    limits.setMaxIdle(configuration.maxConnections());
    limits.setMinIdle(0);
    limits.setBlockWhenExhausted(true);
    Duration maxWait = configuration.connectTimeout().plus(configuration.operationTimeout());
    limits.setMaxWait(maxWait);
    limits.setTestOnBorrow(true);
    limits.setJmxEnabled(false);
    pool = new GenericObjectPool<>(new BoundConnections(connection), limits);
  }

  /** Work done on one borrowed connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(LdapConnection connection) throws LdapException;
  }

  /**
   * Runs {@code work} on a pooled connection.
   *
   * @throws LdapException when no connection could be made or bound, or the work failed
   */
  <T> T call(Work<T> work) throws LdapException {
    LdapConnection connection = borrow();
    boolean reusable = false;
    try {
      T result = work.run(connection);
      reusable = true;
      return result;
    } catch (LdapOperationException answeredByDirectory) {
      reusable = true;
      throw answeredByDirectory;
    } finally {
      if (reusable) {
        pool.returnObject(connection);
      } else {
        discard(connection);
      }
    }
  }

  private LdapConnection borrow() throws LdapException {
    try {
      return pool.borrowObject();
    } catch (LdapException e) {
      throw e;
    } catch (Exception e) {
      // the pool's own failures: closed, or no connection free in time
      throw new LdapException("No directory connection: " + e.getMessage(), e);
    }
  }

  private void discard(LdapConnection connection) {
    try {
      pool.invalidateObject(connection);
    } catch (Exception e) {
      // the connection is already closed; nothing is left to release
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  /** Makes connected, bound connections and closes them. */
  private static final class BoundConnections extends BasePooledObjectFactory<LdapConnection> {

    private final LdapConnectionConfig config;

    BoundConnections(LdapConnectionConfig config) {
      this.config = config;
    }

    @Override
    public LdapConnection create() throws LdapException {
      LdapNetworkConnection connection = new LdapNetworkConnection(config);
      try {
        connection.connect();
        connection.bind();
        return connection;
      } catch (LdapException | RuntimeException e) {
        connection.close();
        throw e;
      }
    }

    @Override
    public PooledObject<LdapConnection> wrap(LdapConnection connection) {
      return new DefaultPooledObject<>(connection);
    }

    @Override
    public boolean validateObject(PooledObject<LdapConnection> pooled) {
      LdapConnection connection = pooled.getObject();
      return connection.isConnected() && connection.isAuthenticated();
    }

    @Override
    public void destroyObject(PooledObject<LdapConnection> pooled) throws Exception {
      LdapConnection connection = pooled.getObject();
      try {
        if (connection.isConnected()) {
          connection.unBind();
        }
      } catch (LdapException alreadyGone) {
        // closing is all that is left to do
      } finally {
        connection.close();
      }
    }
  }
}
