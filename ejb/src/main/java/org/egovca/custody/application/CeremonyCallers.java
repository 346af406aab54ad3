package org.egovca.custody.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import org.egovca.ca.application.CaConfiguration;
import org.egovca.ca.application.DataFiles;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;

/**
 * Who may call a key ceremony at the CA's machine: whoever can read the ceremony key, a random
 * secret in {@code <data>/secrets/ceremony.key} (owner-only, made at the first start), which {@code
 * ear/bin/egovca ceremony} sends along. Being on the machine's loopback is not enough: any local
 * user or daemon, a tunnel or a browser page there is on it too; the CA's own account (and root) is
 * who reads the key. The custodians' PINs then decide what the ceremony may do.
 */
@ApplicationScoped
public class CeremonyCallers {

  @Inject private CaConfiguration configuration;

  /**
   * Whether {@code address} (an HTTP caller's) is this machine's loopback: key ceremonies are held
   * at the CA's own machine, where the custodians stand, so that their PINs cross no network and no
   * workstation elsewhere sees them.
   */
  public static boolean isLoopback(String address) {
    // only an IP literal, as the container gives it: a name would mean a lookup
    if (address == null || !address.matches("[0-9A-Fa-f:.]{2,45}")) {
      return false;
    }
    try {
      return java.net.InetAddress.getByName(address).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /** Makes the ceremony key if there is none yet. */
  public void prepare() {
    read().clear();
  }

  /**
   * Checks the ceremony key a caller presented.
   *
   * @throws Refusal NOT_AUTHORIZED if it is missing or not the key
   */
  public void check(String presented) {
    Key key = read();
    try {
      byte[] given = presented == null ? new byte[0] : presented.getBytes(StandardCharsets.UTF_8);
      if (!MessageDigest.isEqual(key.bytes(), given)) {
        throw new Refusal(
            RefusalCode.NOT_AUTHORIZED,
            "a key ceremony is called by ear/bin/egovca ceremony, as the CA's own account");
      }
    } finally {
      key.clear();
    }
  }

  private Key read() {
    Path file = configuration.dataDirectory().resolve("secrets").resolve("ceremony.key");
    try {
      char[] secret = DataFiles.readOrCreateSecret(file);
      byte[] bytes = new String(secret).getBytes(StandardCharsets.UTF_8);
      Arrays.fill(secret, '\0');
      return new Key(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ceremony key " + file, e);
    }
  }

  private record Key(byte[] bytes) {
    void clear() {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
