package org.egovca.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Sends a file as the answer to a postback: always as an attachment, with the stored content type
 * only when it is a plain {@code type/subtype}, never sniffed, never cached.
 */
final class Downloads {

  private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/[a-z0-9.+-]+");
  private static final Pattern SAFE_NAME = Pattern.compile("[^A-Za-z0-9._-]");

  private Downloads() {}

  static void send(String fileName, String contentType, byte[] content) {
    FacesContext context = FacesContext.getCurrentInstance();
    ExternalContext external = context.getExternalContext();
    external.responseReset();
    String type =
        contentType != null && MEDIA_TYPE.matcher(contentType.strip()).matches()
            ? contentType.strip()
            : "application/octet-stream";
    String name = fileName == null || fileName.isBlank() ? "download" : fileName.strip();
    external.setResponseContentType(type);
    external.setResponseContentLength(content.length);
    external.setResponseHeader(
        "Content-Disposition",
        "attachment; filename=\""
            + SAFE_NAME.matcher(name).replaceAll("_")
            + "\"; filename*=UTF-8''"
            + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    external.setResponseHeader("X-Content-Type-Options", "nosniff");
    external.setResponseHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    external.setResponseHeader("Cache-Control", "no-store");
    try {
      OutputStream out = external.getResponseOutputStream();
      out.write(content);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    context.responseComplete();
  }

  static void sendText(String fileName, String contentType, String text) {
    send(fileName, contentType, text.getBytes(StandardCharsets.UTF_8));
  }
}
