package org.egovca.ldap.embedded;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSASLBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;

/**
 * Lets only the configured bind DN authenticate (anonymous binds stay allowed). Together with
 * writes requiring authentication, this makes that DN the only writer, even if an entry with a
 * {@code userPassword} ever found its way into the directory.
 */
final class BindRestriction extends InMemoryOperationInterceptor {

  private final DN writer;

  BindRestriction(DN writer) {
    this.writer = writer;
  }

  @Override
  public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest bind)
      throws LDAPException {
    String bindDn = bind.getRequest().getBindDN();
    if (!bindDn.isEmpty() && !writer.equals(new DN(bindDn))) {
      throw new LDAPException(ResultCode.INVALID_CREDENTIALS, "Only the directory manager binds");
    }
  }

  @Override
  public void processSASLBindRequest(InMemoryInterceptedSASLBindRequest bind) throws LDAPException {
    throw new LDAPException(ResultCode.AUTH_METHOD_NOT_SUPPORTED, "Use a simple bind");
  }
}
