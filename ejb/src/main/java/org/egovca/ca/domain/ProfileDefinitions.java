package org.egovca.ca.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.egovca.hsm.KeyAlgorithm;

/**
 * Reads certificate profile definitions: a properties text per profile version (the files under
 * {@code profiles/} are the definitions the CA ships; the database keeps every version it has
 * used). Every key is required and unknown keys are refused, so a typo never silently drops a rule.
 */
public final class ProfileDefinitions {

  /** The definitions shipped with the CA, listed in {@code profiles/index}. */
  public static final String INDEX = "profiles/index";

  private static final Set<String> KEYS =
      Set.of(
          "name",
          "version",
          "type",
          "purpose",
          "remoteRa",
          "subject.required",
          "subject.allowed",
          "keyAlgorithms",
          "legacyKeys",
          "validityDays",
          "keyUsage",
          "extendedKeyUsage",
          "altNames.allowed",
          "altNames.required",
          "identity.edition",
          "identity.allowed",
          "identity.requiredOneOf",
          "encryptionCounterpart");

  private static final Map<String, Integer> KEY_USAGE_BITS =
      Map.of(
          "digitalSignature", KeyUsage.digitalSignature,
          "nonRepudiation", KeyUsage.nonRepudiation,
          "keyEncipherment", KeyUsage.keyEncipherment,
          "dataEncipherment", KeyUsage.dataEncipherment,
          "keyAgreement", KeyUsage.keyAgreement,
          "keyCertSign", KeyUsage.keyCertSign,
          "cRLSign", KeyUsage.cRLSign);

  private static final Map<String, String> EXTENDED_KEY_USAGES =
      Map.of(
          "serverAuth", KeyPurposeId.id_kp_serverAuth.getId(),
          "clientAuth", KeyPurposeId.id_kp_clientAuth.getId(),
          "codeSigning", KeyPurposeId.id_kp_codeSigning.getId(),
          "emailProtection", KeyPurposeId.id_kp_emailProtection.getId(),
          "ipsecIKE", KeyPurposeId.id_kp_ipsecIKE.getId(),
          "OCSPSigning", KeyPurposeId.id_kp_OCSPSigning.getId());

  private ProfileDefinitions() {}

  /** Parses one definition; the message of the exception names the key at fault. */
  public static CertificateProfile parse(String definition) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(definition));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("profile definition is not a properties text", e);
    }
    Reader reader = new Reader(properties);
    try {
      reserveSyncSigning(reader);
      return new CertificateProfile(
          reader.text("name"),
          reader.integer("version"),
          reader.one("type", CertificateType::valueOf),
          reader.one("purpose", KeyPurpose::valueOf),
          reader.bool("remoteRa"),
          new CertificateProfile.NameRules(
              reader.enums("subject.required", DnAttribute.class),
              reader.enums("subject.allowed", DnAttribute.class)),
          reader.enums("keyAlgorithms", KeyAlgorithm.class),
          reader.bool("legacyKeys"),
          Duration.ofDays(reader.integer("validityDays")),
          reader.keyUsage(),
          reader.list("extendedKeyUsage", ProfileDefinitions::extendedKeyUsage),
          new CertificateProfile.AltNameRules(
              reader.enums("altNames.allowed", AltNameType.class),
              reader.bool("altNames.required")),
          new CertificateProfile.IdentityRules(
              reader.one("identity.edition", IdentityEdition::valueOf),
              reader.enums("identity.allowed", IdentifierKind.class),
              reader.enums("identity.requiredOneOf", IdentifierKind.class)),
          Optional.of(reader.text("encryptionCounterpart")).filter(s -> !s.isEmpty()));
    } catch (IllegalArgumentException e) {
      String name = properties.getProperty("name", "?");
      throw new IllegalArgumentException("profile " + name + ": " + e.getMessage(), e);
    }
  }

  /** The shipped definitions as text, in the order of the index. */
  public static List<String> bundled() {
    List<String> definitions = new ArrayList<>();
    for (String file : resource(INDEX).split("\\R")) {
      if (!file.isBlank() && !file.startsWith("#")) {
        definitions.add(resource("profiles/" + file.strip()));
      }
    }
    return definitions;
  }

  private static String resource(String path) {
    try (InputStream in = ProfileDefinitions.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("profile resource " + path + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Receivers accept sync messages signed by any certificate of the CA that carries the sync
   * signing purpose: a profile that let the RA give it to someone would let them sign sync
   * messages.
   */
  private static void reserveSyncSigning(Reader reader) {
    if (reader.list("extendedKeyUsage", s -> s).contains(CertificateProfiles.SYNC_SIGNING_PURPOSE)
        && !reader.text("name").equals(CertificateProfiles.SYNC_SIGNER)) {
      throw new IllegalArgumentException(
          "extendedKeyUsage "
              + CertificateProfiles.SYNC_SIGNING_PURPOSE
              + " (sync signing) is reserved for the profile "
              + CertificateProfiles.SYNC_SIGNER);
    }
  }

  private static String extendedKeyUsage(String name) {
    String oid = EXTENDED_KEY_USAGES.get(name);
    if (oid == null && !name.matches("[0-2](\\.[0-9]+)+")) {
      throw new IllegalArgumentException(
          "extendedKeyUsage '" + name + "' is neither a known purpose nor an OID");
    }
    return oid != null ? oid : name;
  }

  /** Typed access to the properties, with messages that name the key. */
  private static final class Reader {
    private final Properties properties;

    Reader(Properties properties) {
      for (String key : properties.stringPropertyNames()) {
        if (!KEYS.contains(key)) {
          throw new IllegalArgumentException("unknown key '" + key + "' in profile definition");
        }
      }
      this.properties = properties;
    }

    String text(String key) {
      String value = properties.getProperty(key);
      if (value == null) {
        throw new IllegalArgumentException("'" + key + "' is missing");
      }
      return value.strip();
    }

    int integer(String key) {
      try {
        return Integer.parseInt(text(key));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + key + "' is not a number");
      }
    }

    boolean bool(String key) {
      String value = text(key);
      if (!value.equals("true") && !value.equals("false")) {
        throw new IllegalArgumentException("'" + key + "' must be true or false");
      }
      return Boolean.parseBoolean(value);
    }

    <T> T one(String key, Function<String, T> parse) {
      return one(key, parse, text(key));
    }

    <E extends Enum<E>> Set<E> enums(String key, Class<E> type) {
      Set<E> values = EnumSet.noneOf(type);
      values.addAll(list(key, value -> one(key, v -> Enum.valueOf(type, v), value)));
      return values;
    }

    private <T> T one(String key, Function<String, T> parse, String value) {
      try {
        return parse.apply(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + key + "' has an unknown value '" + value + "'");
      }
    }

    <T> List<T> list(String key, Function<String, T> parse) {
      String value = text(key);
      return value.isEmpty()
          ? List.of()
          : Arrays.stream(value.split(",")).map(String::strip).map(parse).toList();
    }

    int keyUsage() {
      int bits = 0;
      for (String name : list("keyUsage", s -> s)) {
        Integer bit = KEY_USAGE_BITS.get(name);
        if (bit == null) {
          throw new IllegalArgumentException("keyUsage '" + name + "' is unknown");
        }
        bits |= bit;
      }
      return bits;
    }
  }
}
