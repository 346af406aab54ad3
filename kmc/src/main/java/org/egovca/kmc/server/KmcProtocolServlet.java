package org.egovca.kmc.server;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.egovca.kmc.protocol.KmcProtocolException;
import org.egovca.kmc.protocol.KmcProtocolException.Refusal;

/**
 * {@code POST /kmc/protocol}: a DER GM/T 0014 CARequest in, the DER KMRespond out ({@code
 * application/octet-stream}). The body was bounded before it got here (the RequestLimitFilter of
 * web.xml). A refused message is answered 400 (403 when its sender or signature is not the pinned
 * CA's) with a plain-text reason and no KMRespond; a failure of the KMC itself 500.
 */
@WebServlet("/protocol")
public class KmcProtocolServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(KmcProtocolServlet.class.getName());

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    KmcService service = (KmcService) getServletContext().getAttribute(KmcStartup.SERVICE);
    byte[] body = request.getInputStream().readAllBytes();
    byte[] answer;
    try {
      answer = service.handle(body);
    } catch (KmcProtocolException e) {
      LOG.warning(() -> "refused a CARequest (" + e.getRefusal() + "): " + e.getMessage());
      refuse(response, status(e.getRefusal()), e.getRefusal() + ": " + e.getMessage());
      return;
    } catch (Exception e) {
      LOG.log(Level.SEVERE, "the KMC failed on a CARequest", e);
      refuse(response, 500, "the KMC failed; its log says why");
      return;
    }
    response.setContentType("application/octet-stream");
    response.setContentLength(answer.length);
    response.getOutputStream().write(answer);
  }

  private static int status(Refusal refusal) {
    return refusal == Refusal.BAD_SIGNATURE || refusal == Refusal.UNKNOWN_SENDER ? 403 : 400;
  }

  private static void refuse(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain;charset=UTF-8");
    response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
