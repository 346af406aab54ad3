package org.egovca.ws.custody;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.egovca.ca.domain.CaRevocationReason;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.custody.application.CaKeyCeremonies;
import org.egovca.custody.application.CaKeyRolloverCeremony;
import org.egovca.custody.application.CaRevocationCeremony;
import org.egovca.custody.application.CeremonyCallers;
import org.egovca.custody.application.CustodianPresence;
import org.egovca.custody.application.KeyCeremonies;
import org.egovca.custody.application.Resharing;
import org.egovca.custody.domain.CeremonySource;
import org.egovca.ra.application.KeyCeremonyApprovals;

/**
 * {@code POST
 * /custody/ceremony/{enrol|activate|backup|restore|destroy|reshare|revoke-ca|rollover}}: a key
 * ceremony held at the CA's own machine ({@code ear/bin/egovca ceremony}, for a machine without a
 * browser). The key a backup, restore or destruction is held for is the query parameter {@code
 * key}, and a backup's directory {@code location}. The body is UTF-8 text, one custodian present
 * per line: the username, a TAB, the PIN of their share. The answer is one line of text: {@code
 * SUCCEEDED ceremony <id>}, or the refusal's code and message with a 4xx status.
 *
 * <p>Only loopback callers that present the ceremony key are answered (403 otherwise, and for a
 * request a browser or a proxy made): the custodians stand at the CA's machine, the PINs never
 * cross a network, and only the CA's own account reads the key ({@code CeremonyCallers}). The body
 * limit is enforced before this servlet reads it (the CustodyLimit filter in web.xml).
 */
@WebServlet(urlPatterns = "/custody/ceremony/*")
public class CeremonyServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** Five custodians with long usernames and PINs fit several times. */
  static final int MAX_BODY = 4096;

  /** The header that carries the ceremony key ({@code CeremonyCallers}). */
  static final String CEREMONY_KEY = "X-Egovca-Ceremony-Key";

  /**
   * Headers a direct call from {@code ear/bin/egovca ceremony} never has: a browser's (a page on
   * the CA's machine posting cross-site) or a proxy's (a caller elsewhere forwarded to loopback).
   */
  private static final List<String> NOT_FROM_THE_COMMAND =
      List.of("Origin", "Referer", "Forwarded", "X-Forwarded-For", "Via", "Cookie");

  /** The ceremonies this endpoint holds, by the last part of its path. */
  private static final List<String> KINDS =
      List.of(
          "enrol", "activate", "backup", "restore", "destroy", "reshare", "revoke-ca", "rollover");

  @Inject private transient KeyCeremonies ceremonies;
  @Inject private transient CaKeyCeremonies keyCeremonies;
  @Inject private transient Resharing resharing;
  @Inject private transient CaRevocationCeremony caRevocation;
  @Inject private transient CaKeyRolloverCeremony caKeyRollover;
  @Inject private transient CeremonyCallers callers;
  @Inject private transient KeyCeremonyApprovals approvals;

  /**
   * {@code GET /custody/ceremony/rollover?request=<id>}: what an approved request asks for, which
   * the command shows the custodians before they type their PINs.
   */
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!fromTheCommand(request, response)) {
      return;
    }
    if (!"/rollover".equals(request.getPathInfo())) {
      answer(response, 404, "NOT_FOUND: GET /custody/ceremony/rollover?request=<id>");
      return;
    }
    try {
      answer(response, 200, approvals.describe(requestId(parameter(request, "request"))));
    } catch (Refusal refusal) {
      answer(response, status(refusal.code()), refusal.code() + ": " + refusal.getMessage());
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!fromTheCommand(request, response)) {
      return;
    }
    String kind = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
    if (!KINDS.contains(kind)) {
      answer(response, 404, "NOT_FOUND: POST /custody/ceremony/{" + String.join("|", KINDS) + "}");
      return;
    }
    List<CustodianPresence> custodians;
    try {
      custodians = presences(request);
    } catch (Refusal refusal) {
      answer(response, 400, refusal.code() + ": " + refusal.getMessage());
      return;
    }
    try {
      long ceremony = hold(kind, request, custodians);
      answer(response, 200, "SUCCEEDED ceremony " + ceremony);
    } catch (Refusal refusal) {
      answer(response, status(refusal.code()), refusal.code() + ": " + refusal.getMessage());
    } finally {
      // the ceremony clears them; a request refused before it began must too
      custodians.forEach(CustodianPresence::clear);
    }
  }

  /**
   * Whether the caller is {@code ear/bin/egovca ceremony} at this machine: loopback, no browser's
   * or proxy's header, the ceremony key; answers 403 otherwise.
   */
  private boolean fromTheCommand(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!CeremonyCallers.isLoopback(request.getRemoteAddr())
        || NOT_FROM_THE_COMMAND.stream().anyMatch(name -> request.getHeader(name) != null)) {
      answer(response, 403, "NOT_AUTHORIZED: key ceremonies are held at the CA's own machine");
      return false;
    }
    try {
      callers.check(request.getHeader(CEREMONY_KEY));
      return true;
    } catch (Refusal refusal) {
      answer(response, 403, refusal.code() + ": " + refusal.getMessage());
      return false;
    }
  }

  private long hold(String kind, HttpServletRequest request, List<CustodianPresence> custodians) {
    CeremonySource source = CeremonySource.COMMAND_LINE;
    return switch (kind) {
      case "enrol" -> ceremonies.enrol(custodians, source);
      case "activate" -> ceremonies.activate(custodians, source);
      case "backup" ->
          keyCeremonies.backUp(
              parameter(request, "key"), parameter(request, "location"), custodians, source);
      case "restore" -> keyCeremonies.restore(parameter(request, "key"), custodians, source);
      case "destroy" -> keyCeremonies.destroy(parameter(request, "key"), custodians, source);
      case "reshare" ->
          resharing.reshare(
              custodians, List.of(parameter(request, "custodians").split(",", -1)), source);
      case "revoke-ca" ->
          caRevocation.revoke(
              parameter(request, "ca"), reason(parameter(request, "reason")), custodians, source);
      case "rollover" ->
          caKeyRollover.rollOver(requestId(parameter(request, "request")), custodians, source);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private static CaRevocationReason reason(String name) {
    try {
      return CaRevocationReason.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid(
          null, null, "a CA is revoked for CA_COMPROMISE or CESSATION_OF_OPERATION, not " + name);
    }
  }

  private static long requestId(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw Refusal.invalid(null, null, "a rollover names its approved request by number");
    }
  }

  /** A query parameter the ceremony needs; the PINs are never parameters, only body lines. */
  private static String parameter(HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    if (value == null || value.isBlank() || value.length() > 1024) {
      throw Refusal.invalid(null, null, "this ceremony needs the parameter " + name);
    }
    return value;
  }

  /** The lines of the body; the PINs go straight into char arrays, never into a String. */
  private static List<CustodianPresence> presences(HttpServletRequest request) throws IOException {
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_BODY + 1);
    }
    try {
      if (body.length > MAX_BODY) {
        throw Refusal.invalid(null, null, "a ceremony request is at most " + MAX_BODY + " bytes");
      }
      char[] text = decode(body);
      try {
        return lines(text);
      } finally {
        Arrays.fill(text, '\0');
      }
    } finally {
      Arrays.fill(body, (byte) 0);
    }
  }

  private static List<CustodianPresence> lines(char[] text) {
    List<CustodianPresence> custodians = new ArrayList<>();
    int start = 0;
    try {
      for (int i = 0; i <= text.length; i++) {
        if (i == text.length || text[i] == '\n') {
          int end = i > start && text[i - 1] == '\r' ? i - 1 : i;
          if (end > start) {
            custodians.add(presence(text, start, end));
          }
          start = i + 1;
        }
      }
      return custodians;
    } catch (Refusal refusal) {
      custodians.forEach(CustodianPresence::clear);
      throw refusal;
    }
  }

  private static CustodianPresence presence(char[] text, int start, int end) {
    for (int tab = start; tab < end; tab++) {
      if (text[tab] == '\t') {
        return new CustodianPresence(
            new String(text, start, tab - start), Arrays.copyOfRange(text, tab + 1, end));
      }
    }
    throw Refusal.invalid(
        null, null, "each line names a custodian, then a TAB, then the PIN of their share");
  }

  private static char[] decode(byte[] body) {
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(body));
      char[] text = new char[chars.remaining()];
      chars.get(text);
      Arrays.fill(chars.array(), '\0');
      return text;
    } catch (CharacterCodingException e) {
      throw Refusal.invalid(null, null, "a ceremony request is UTF-8 text");
    }
  }

  private static int status(RefusalCode code) {
    return switch (code) {
      case WRONG_STATE, TOKEN_OFFLINE -> 409;
      case CA_UNAVAILABLE -> 503;
      case LOGIN_FAILED, NOT_AUTHORIZED -> 403;
      default -> 400;
    };
  }

  private static void answer(HttpServletResponse response, int status, String line)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().println(line);
  }
}
