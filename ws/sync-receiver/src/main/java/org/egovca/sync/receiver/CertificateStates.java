package org.egovca.sync.receiver;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.egovca.sync.CertificateStatus;

/**
 * The latest known state of each certificate, by CA name and serial number: the message with the
 * latest sync time, except that a revocation beats any other state whenever it arrives, so that a
 * late GOOD can never hide a revocation. Derived from the stored messages, so it survives restarts
 * with them.
 */
final class CertificateStates {

  private final Map<String, StoredMessage> latest = new ConcurrentHashMap<>();

  void apply(StoredMessage message) {
    if (message.kind() == StoredMessage.Kind.CERTIFICATE) {
      latest.merge(
          key(message.caName(), message.serialNumber()), message, CertificateStates::later);
    }
  }

  Optional<StoredMessage> of(String caName, String serialNumber) {
    return Optional.ofNullable(latest.get(key(caName, serialNumber)));
  }

  private static StoredMessage later(StoredMessage known, StoredMessage received) {
    boolean knownRevoked = known.status() == CertificateStatus.REVOKED;
    if (knownRevoked != (received.status() == CertificateStatus.REVOKED)) {
      return knownRevoked ? known : received;
    }
    int bySyncTime = received.syncTime().compareTo(known.syncTime());
    return bySyncTime > 0 || (bySyncTime == 0 && received.arrival() > known.arrival())
        ? received
        : known;
  }

  private static String key(String caName, String serialNumber) {
    return caName + '/' + serialNumber;
  }
}
