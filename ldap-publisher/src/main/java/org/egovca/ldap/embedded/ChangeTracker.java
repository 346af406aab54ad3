package org.egovca.ldap.embedded;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedDeleteResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyDNResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Notes that a client changed the directory, so that a periodic snapshot writes the LDIF file only
 * when there is something new to save instead of after every write.
 */
final class ChangeTracker extends InMemoryOperationInterceptor {

  private final AtomicBoolean changed = new AtomicBoolean();

  @Override
  public void processAddResult(InMemoryInterceptedAddResult add) {
    noteIfSucceeded(add.getResult());
  }

  @Override
  public void processModifyResult(InMemoryInterceptedModifyResult modify) {
    noteIfSucceeded(modify.getResult());
  }

  @Override
  public void processDeleteResult(InMemoryInterceptedDeleteResult delete) {
    noteIfSucceeded(delete.getResult());
  }

  @Override
  public void processModifyDNResult(InMemoryInterceptedModifyDNResult modifyDn) {
    noteIfSucceeded(modifyDn.getResult());
  }

  /** Records a change made other than through a client, such as creating the base entry. */
  void changed() {
    changed.set(true);
  }

  /** Whether anything changed since the last call; resets the flag. */
  boolean takeChanged() {
    return changed.getAndSet(false);
  }

  private void noteIfSucceeded(LDAPResult result) {
    if (result.getResultCode() == ResultCode.SUCCESS) {
      changed.set(true);
    }
  }
}
