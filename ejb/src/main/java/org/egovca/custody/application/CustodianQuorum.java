package org.egovca.custody.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.hsm.sharing.ActivationDataException;
import org.egovca.hsm.sharing.SealedShare;
import org.egovca.hsm.sharing.SealedTokenPin;
import org.egovca.hsm.sharing.SecretSharing;
import org.egovca.hsm.sharing.Share;
import org.egovca.hsm.sharing.WrongPinException;

/**
 * Three custodians present together (CPS §7.5.1.2 item 2): opens the share of each with their PIN
 * and combines them into the secret of the token's current share distribution, proven right by
 * opening every token PIN sealed under it. Every ceremony but the enrolment starts here, so that
 * none acts on fewer than three custodians who each knew their PIN.
 *
 * <p>The shares are opened outside any transaction: each costs an Argon2id derivation.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CustodianQuorum {

  /** Custodians needed together (CPS §7.5.1.2 item 2: three of the five). */
  public static final int THRESHOLD = 3;

  @Inject private CeremonyRecords records;

  /**
   * The secret the custodians of {@code run} hold together.
   *
   * @throws Refusal WRONG_STATE if the token has no enrolled custodians or its distribution is
   *     damaged; INVALID_INPUT if too few are present or one holds no share; LOGIN_FAILED naming
   *     the custodian whose PIN is wrong (marked on {@code run} for the lockout)
   */
  public Quorum open(CeremonyRun run) {
    return open(run, run.custodians());
  }

  /**
   * The secret {@code holders}, custodians present at {@code run} who hold shares of the current
   * distribution, hold together; see {@link #open(CeremonyRun)}.
   */
  public Quorum open(CeremonyRun run, List<CustodianPresence> holders) {
    ActivationShares shares =
        records.sharesFor(run.token(), holders.stream().map(CustodianPresence::username).toList());
    List<Share> opened = new ArrayList<>();
    for (CustodianPresence custodian : holders) {
      SealedShare.Binding binding =
          new SealedShare.Binding(
              run.token(), Long.toString(shares.distributionId()), custodian.username());
      try {
        opened.add(
            SealedShare.open(
                shares.sealedShares().get(custodian.username()), custodian.pin(), binding));
      } catch (WrongPinException e) {
        run.wrongPin(custodian.username());
        throw new Refusal(
            RefusalCode.LOGIN_FAILED, "wrong PIN for key custodian " + custodian.username());
      }
    }
    byte[] secret = SecretSharing.combine(opened, SealedTokenPin.SECRET_BYTES);
    Quorum quorum =
        new Quorum(
            shares.distributionId(), secret, shares.sealedTokenPins(), shares.previousTokenPins());
    try {
      shares.sealedTokenPins().keySet().forEach(token -> Arrays.fill(quorum.tokenPin(token), '\0'));
      return quorum;
    } catch (RuntimeException e) {
      quorum.close();
      throw e;
    }
  }

  /**
   * The secret of a share distribution, recovered by a quorum of its custodians; {@link #close()}
   * overwrites it.
   *
   * @param distributionId the distribution the shares came from
   * @param secret the combined secret
   * @param sealedTokenPins each token's PIN sealed under it, by token name
   * @param previousTokenPins the PIN a token had before a PIN change that is not settled yet
   */
  public record Quorum(
      long distributionId,
      byte[] secret,
      Map<String, byte[]> sealedTokenPins,
      Map<String, byte[]> previousTokenPins)
      implements AutoCloseable {

    /**
     * The PIN {@code tokenName} had before a PIN change that is not settled yet (a crash came
     * between the change's steps), opened with the secret; the caller clears it.
     */
    public Optional<char[]> previousTokenPin(String tokenName) {
      byte[] sealed = previousTokenPins.get(tokenName);
      if (sealed == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(SealedTokenPin.open(sealed, secret, tokenName));
      } catch (ActivationDataException e) {
        throw new Refusal(
            RefusalCode.WRONG_STATE,
            "the custodians' shares do not open the previous PIN of "
                + tokenName
                + ": its share distribution is damaged");
      }
    }

    /**
     * The PIN of {@code tokenName} opened with the secret; the caller clears it.
     *
     * @throws Refusal WRONG_STATE if the token's PIN is not among what the custodians hold, or the
     *     secret does not open it (the distribution is damaged)
     */
    public char[] tokenPin(String tokenName) {
      byte[] sealed = sealedTokenPins.get(tokenName);
      if (sealed == null) {
        throw new Refusal(
            RefusalCode.WRONG_STATE,
            "token "
                + tokenName
                + " was added after the custodians were enrolled: its PIN is not among what they"
                + " hold");
      }
      try {
        return SealedTokenPin.open(sealed, secret, tokenName);
      } catch (ActivationDataException e) {
        throw new Refusal(
            RefusalCode.WRONG_STATE,
            "the custodians' shares do not open the PIN of "
                + tokenName
                + ": its share distribution is damaged");
      }
    }

    @Override
    public void close() {
      Arrays.fill(secret, (byte) 0);
    }
  }
}
