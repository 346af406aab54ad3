package org.egovca.hsm;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;

/**
 * The {@value #FILE_NAME} file of a software token: how to derive the token key from the PIN, and
 * the value that tells a right PIN from a wrong one. The format is described in {@link
 * SoftwareCryptoToken}.
 */
record TokenProperties(int iterations, byte[] salt, byte[] pinCheck) {
  static final String FILE_NAME = "token.properties";
  private static final String FORMAT = "1";

  /**
   * Reads the file of the token in {@code directory}.
   *
   * @throws CryptoTokenException if there is no token there or the file is malformed
   */
  static TokenProperties read(Path directory) {
    Path file = directory.resolve(FILE_NAME);
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, ISO_8859_1)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw new CryptoTokenException(
          "no crypto token in " + directory + ": " + FILE_NAME + " missing");
    } catch (IOException e) {
      throw new CryptoTokenException("cannot read " + file, e);
    }
    try {
      require(properties, "format", FORMAT);
      require(properties, "kdf", WrappingKey.KDF_ALGORITHM);
      return new TokenProperties(
          Integer.parseInt(get(properties, "pbkdf2.iterations")),
          Base64.getDecoder().decode(get(properties, "pbkdf2.salt")),
          Base64.getDecoder().decode(get(properties, "pin.check")));
    } catch (IllegalArgumentException e) {
      throw new CryptoTokenException("malformed " + file + ": " + e.getMessage(), e);
    }
  }

  /** The file's contents. */
  byte[] encode() {
    Base64.Encoder base64 = Base64.getEncoder();
    String text =
        "# e-Gov CA software crypto token; the format is described in SoftwareCryptoToken\n"
            + ("format=" + FORMAT + "\n")
            + ("kdf=" + WrappingKey.KDF_ALGORITHM + "\n")
            + ("pbkdf2.iterations=" + iterations + "\n")
            + ("pbkdf2.salt=" + base64.encodeToString(salt) + "\n")
            + ("pin.check=" + base64.encodeToString(pinCheck) + "\n");
    return text.getBytes(ISO_8859_1);
  }

  private static String get(Properties properties, String key) {
    String value = properties.getProperty(key);
    if (value == null) {
      throw new IllegalArgumentException(key + " missing");
    }
    return value.trim();
  }

  private static void require(Properties properties, String key, String expected) {
    String value = get(properties, key);
    if (!value.equals(expected)) {
      throw new IllegalArgumentException("unsupported " + key + " " + value);
    }
  }
}
