package org.egovca.custody.application;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.custody.domain.CeremonyKind;
import org.egovca.custody.domain.CeremonySource;

/**
 * One key ceremony as it runs: one at a time on this server, the custodians present each named once
 * by an operator's username, their PINs cleared when it ends, and every way it can fail recorded
 * and audited ({@link CeremonyRecords#failed}): a refusal with its message, a fault (a token or
 * database error) as {@code CA_UNAVAILABLE} with the details in the server log only.
 */
public final class CeremonyRun {

  /** Key custodians per token (CPS §6.5.2.4: five). */
  public static final int CUSTODIANS = 5;

  /**
   * One ceremony at a time on this server: each open of a share holds 64 MiB for its Argon2id
   * derivation, so concurrent ceremonies (or someone flooding the loopback endpoint) must not
   * multiply that.
   */
  private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

  private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");
  private static final Logger LOG = Logger.getLogger(CeremonyRun.class.getName());

  private final CeremonyKind kind;
  private final String token;
  private final CeremonySource source;
  private final List<CustodianPresence> custodians;
  private final CeremonyRecords records;
  private int mostPresent = CUSTODIANS;
  private String keyAlias;
  private String host;
  private String wrongPin;

  public CeremonyRun(
      CeremonyKind kind,
      String token,
      CeremonySource source,
      List<CustodianPresence> custodians,
      CeremonyRecords records) {
    this.kind = kind;
    this.token = token;
    this.source = source;
    this.custodians = List.copyOf(custodians);
    this.records = records;
  }

  /**
   * Runs {@code ceremony} after checking that the custodians are 1 to {@value #CUSTODIANS}, each
   * named once by an operator's username.
   *
   * @return what the ceremony returns (its record's id)
   * @throws Refusal what refused it, recorded
   */
  public long run(LongSupplier ceremony) {
    if (!ONE_AT_A_TIME.tryLock()) {
      custodians.forEach(CustodianPresence::clear);
      throw new Refusal(
          RefusalCode.WRONG_STATE, "another key ceremony is in progress; try again when it ends");
    }
    try {
      checkPresences();
      return ceremony.getAsLong();
    } catch (Refusal refusal) {
      records.failed(this, refusal.getMessage(), wrongPin);
      throw refusal;
    } catch (RuntimeException e) {
      throw failed(e);
    } finally {
      custodians.forEach(CustodianPresence::clear);
      ONE_AT_A_TIME.unlock();
    }
  }

  /**
   * Lets up to {@code most} people be present: a re-sharing has the old custodians and the new ones
   * (some of them both).
   */
  public CeremonyRun allowing(int most) {
    this.mostPresent = most;
    return this;
  }

  /** Names the key the ceremony is held for, so that its record names it whatever the outcome. */
  public CeremonyRun concerning(String alias) {
    this.keyAlias = alias;
    return this;
  }

  /**
   * Names the security administrator who hosts the ceremony at the console, so that its record
   * names them whatever the outcome.
   */
  public CeremonyRun hostedBy(String username) {
    this.host = username;
    return this;
  }

  public CeremonyKind kind() {
    return kind;
  }

  public String token() {
    return token;
  }

  public CeremonySource source() {
    return source;
  }

  /** The key the ceremony is held for, or null. */
  public String keyAlias() {
    return keyAlias;
  }

  /** The security administrator who hosts the ceremony at the console, or null. */
  public String host() {
    return host;
  }

  public List<CustodianPresence> custodians() {
    return custodians;
  }

  /** The custodians' usernames; one that is no username shows as "?" (it may be a PIN). */
  public List<String> usernames() {
    return custodians.stream()
        .map(CustodianPresence::username)
        .map(name -> USERNAME.matcher(name).matches() ? name : "?")
        .toList();
  }

  /** Marks the custodian whose PIN was wrong, so that the record counts it towards a lockout. */
  public void wrongPin(String username) {
    this.wrongPin = username;
  }

  private Refusal failed(RuntimeException fault) {
    LOG.log(Level.SEVERE, "the " + kind + " ceremony of " + token + " failed", fault);
    String failure =
        "the ceremony failed on an error of the CA ("
            + fault.getClass().getSimpleName()
            + "); nothing of it took effect; the server log has the details";
    records.failed(this, failure, null);
    return new Refusal(RefusalCode.CA_UNAVAILABLE, failure);
  }

  private void checkPresences() {
    if (custodians.isEmpty() || custodians.size() > mostPresent) {
      throw Refusal.invalid(
          null, null, "this ceremony takes 1 to " + mostPresent + " key custodians");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < custodians.size(); i++) {
      CustodianPresence custodian = custodians.get(i);
      if (!USERNAME.matcher(custodian.username()).matches()) {
        // never echoed: what was typed as a username may have been a PIN
        throw Refusal.invalid(
            null, null, "custodian number " + (i + 1) + " is not named by an operator's username");
      }
      if (!seen.add(custodian.username())) {
        throw Refusal.invalid(
            null,
            null,
            "key custodian "
                + custodian.username()
                + " is named twice; each share counts once, so "
                + CustodianQuorum.THRESHOLD
                + " different custodians must be present");
      }
    }
  }
}
