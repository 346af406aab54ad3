package org.egovca.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.x509.OfflineToken;
import org.junit.jupiter.api.Test;

/**
 * A CA whose token waits for its key custodians answers every SOAP service with the typed fault
 * TOKEN_OFFLINE and its message, never INTERNAL_ERROR and never a fault that blames the request.
 */
class SoapCallsTest {

  /** A service's typed fault, as {@code RaServiceFault} is. */
  static final class ServiceFault extends Exception {
    private static final long serialVersionUID = 1L;
    final transient FaultInfo detail;

    ServiceFault(String message, FaultInfo detail) {
      super(message);
      this.detail = detail;
    }
  }

  @Test
  void anOfflineTokenIsTheFaultTokenOfflineWithTheCustodiansNamed() {
    ServiceFault fault =
        assertThrows(
            ServiceFault.class,
            () ->
                SoapCalls.answer(
                    "issueCertificates",
                    () -> {
                      throw OfflineToken.refusal();
                    },
                    ServiceFault::new));

    assertEquals("TOKEN_OFFLINE", fault.detail.getCode());
    assertTrue(fault.detail.getMessage().contains("key custodians"), fault.detail.getMessage());
    assertEquals(fault.detail.getMessage(), fault.getMessage());
    assertNull(fault.detail.getRequestIndex(), "no request of a batch is at fault");
  }

  @Test
  void theFaultCodeOfTokenOfflineIsItsOwn() {
    assertEquals("TOKEN_OFFLINE", SoapCalls.faultCode(RefusalCode.TOKEN_OFFLINE));
  }
}
