package org.egovca.hsm;

import java.security.PublicKey;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.operator.ContentSigner;

/**
 * The tokens that together hold one installation's CA keys, used as one: each key lives in exactly
 * one of them, and a new key goes to the first token that handles its algorithm. This is how SM2
 * keys stay on the software token (or an SDF device) while RSA and EC keys live in a PKCS#11 module
 * that has no SM2 mechanism.
 *
 * <p>The set is ACTIVE only when every token in it is; each token is activated by its own PIN
 * ({@link #member(String)}), never through the set, so {@link #activate(char[])} is refused. Key
 * transfers name the token they go to or come from, so {@link #createTransportKey()} and {@link
 * #importKey(WrappedKey)} are refused here too.
 */
public final class TokenSet implements CryptoToken {

  /** A token of the set and the key algorithms new keys of which it holds. */
  public record Member(CryptoToken token, Set<KeyAlgorithm> algorithms) {
    public Member {
      Objects.requireNonNull(token, "token");
      algorithms = Set.copyOf(algorithms);
    }
  }

  private final String name;
  private final List<Member> members;

  /**
   * @param name the set's name, in messages and logs
   * @param members the tokens, in the order new keys look for a home; token names are unique
   */
  public TokenSet(String name, List<Member> members) {
    this.name = Objects.requireNonNull(name, "name");
    this.members = List.copyOf(members);
    Set<String> names = new HashSet<>();
    for (Member member : this.members) {
      if (!names.add(member.token().name())) {
        throw new IllegalArgumentException("two tokens named " + member.token().name());
      }
    }
    if (this.members.isEmpty()) {
      throw new IllegalArgumentException("a token set needs a token");
    }
  }

  /** The tokens, in order. */
  public List<CryptoToken> tokens() {
    return members.stream().map(Member::token).toList();
  }

  /**
   * The token of this set named {@code tokenName}.
   *
   * @throws IllegalArgumentException if there is none
   */
  public CryptoToken member(String tokenName) {
    return tokens().stream()
        .filter(token -> token.name().equals(tokenName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no token named " + tokenName));
  }

  @Override
  public String name() {
    return name;
  }

  /** ACTIVE when every token is: a CA whose keys are spread over several needs all of them. */
  @Override
  public TokenStatus status() {
    return tokens().stream().allMatch(token -> token.status() == TokenStatus.ACTIVE)
        ? TokenStatus.ACTIVE
        : TokenStatus.OFFLINE;
  }

  /** The kind of the first token, which holds the keys of the CA's primary algorithm. */
  @Override
  public TokenKind kind() {
    return members.get(0).token().kind();
  }

  @Override
  public void activate(char[] pin) {
    throw new UnsupportedOperationException(
        "the tokens of " + name + " are activated one by one, each with its own PIN");
  }

  @Override
  public void deactivate() {
    tokens().forEach(CryptoToken::deactivate);
  }

  @Override
  public PublicKey generateKeyPair(String alias, KeyAlgorithm algorithm) {
    if (containsKey(alias)) {
      throw new KeyAliasExistsException(name, alias);
    }
    return memberFor(algorithm).generateKeyPair(alias, algorithm);
  }

  /**
   * The token of the set that holds new keys of {@code algorithm}: where a key is generated, or
   * restored from a backup.
   *
   * @throws CryptoTokenException if no token of the set holds such keys
   */
  public CryptoToken memberFor(KeyAlgorithm algorithm) {
    return members.stream()
        .filter(member -> member.algorithms().contains(algorithm))
        .findFirst()
        .orElseThrow(
            () ->
                new CryptoTokenException(
                    "no token of " + name + " holds " + algorithm.displayName() + " keys"))
        .token();
  }

  @Override
  public boolean containsKey(String alias) {
    return tokens().stream().anyMatch(token -> token.containsKey(alias));
  }

  @Override
  public Set<String> aliases() {
    Set<String> aliases = new HashSet<>();
    tokens().forEach(token -> aliases.addAll(token.aliases()));
    return Set.copyOf(aliases);
  }

  @Override
  public PublicKey publicKey(String alias) {
    return holder(alias).publicKey(alias);
  }

  @Override
  public KeyAlgorithm keyAlgorithm(String alias) {
    return holder(alias).keyAlgorithm(alias);
  }

  @Override
  public byte[] sign(String alias, SignatureAlgorithm algorithm, byte[] data) {
    return holder(alias).sign(alias, algorithm, data);
  }

  @Override
  public byte[] decrypt(String alias, byte[] sm2Cipher) {
    return holder(alias).decrypt(alias, sm2Cipher);
  }

  @Override
  public ContentSigner contentSigner(String alias, SignatureAlgorithm algorithm) {
    return holder(alias).contentSigner(alias, algorithm);
  }

  @Override
  public void destroyKey(String alias) {
    holder(alias).destroyKey(alias);
  }

  @Override
  public PublicKey createTransportKey() {
    throw new UnsupportedOperationException(
        "a key moves into a named token of " + name + ", not into the set");
  }

  @Override
  public WrappedKey exportKey(String alias, PublicKey transportKey) {
    return holder(alias).exportKey(alias, transportKey);
  }

  @Override
  public PublicKey importKey(WrappedKey key) {
    throw new UnsupportedOperationException(
        "a key moves into a named token of " + name + ", not into the set");
  }

  /** The token holding {@code alias}. */
  public CryptoToken holder(String alias) {
    return tokens().stream()
        .filter(token -> token.containsKey(alias))
        .findFirst()
        .orElseThrow(() -> new UnknownKeyException(name, alias));
  }

  @Override
  public String toString() {
    return "TokenSet[" + name + ", " + tokens() + "]";
  }
}
