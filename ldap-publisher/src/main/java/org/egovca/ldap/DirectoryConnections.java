package org.egovca.ldap;

import java.net.URI;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.exception.LdapOperationException;
import org.apache.directory.ldap.client.api.LdapConnection;
import org.apache.directory.ldap.client.api.LdapConnectionConfig;
import org.apache.directory.ldap.client.api.LdapConnectionPool;
import org.apache.directory.ldap.client.api.ValidatingPoolableLdapConnectionFactory;

/**
 * A small pool of bound connections to the directory. Every step is bounded in time (connecting,
 * each operation, and waiting for a free connection), so a directory that is down or hangs costs a
 * publication a few seconds, never a stuck thread. Connections are validated when borrowed, so one
 * broken by a directory restart is replaced instead of failing a publication. The pool starts no
 * thread of its own (no idle eviction, no JMX registration), as befits code inside a container.
 */
final class DirectoryConnections implements AutoCloseable {

  private static final int MAX_CONNECTIONS = 4;

  private final LdapConnectionPool pool;

  DirectoryConnections(DirectoryConfiguration configuration, String bindPassword) {
    URI url = configuration.url();
    boolean ldaps = url.getScheme().equalsIgnoreCase("ldaps");
    LdapConnectionConfig connection = new LdapConnectionConfig();
    connection.setLdapHost(url.getHost());
    connection.setLdapPort(url.getPort() > 0 ? url.getPort() : ldaps ? 636 : 389);
    connection.setUseSsl(ldaps);
    connection.setName(configuration.bindDn());
    connection.setCredentials(bindPassword);
    connection.setConnectTimeout(configuration.connectTimeout().toMillis());
    connection.setTimeout(configuration.operationTimeout().toMillis());

    GenericObjectPoolConfig<LdapConnection> limits = new GenericObjectPoolConfig<>();
    limits.setMaxTotal(MAX_CONNECTIONS);
    limits.setMaxIdle(MAX_CONNECTIONS);
    limits.setMinIdle(0);
    limits.setBlockWhenExhausted(true);
    limits.setMaxWait(configuration.connectTimeout().plus(configuration.operationTimeout()));
    limits.setTestOnBorrow(true);
    limits.setJmxEnabled(false);
    pool = new LdapConnectionPool(new ValidatingPoolableLdapConnectionFactory(connection), limits);
  }

  /** Work done on one borrowed connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(LdapConnection connection) throws LdapException;
  }

  /**
   * Runs {@code work} on a pooled connection. A connection whose work failed other than by a
   * directory answer (a timeout, a dropped connection) is discarded rather than reused.
   */
  <T> T call(Work<T> work) throws LdapException {
    LdapConnection connection = pool.getConnection();
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
        pool.releaseConnection(connection);
      } else {
        discard(connection);
      }
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
}
