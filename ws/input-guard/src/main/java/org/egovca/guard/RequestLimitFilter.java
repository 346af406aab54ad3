package org.egovca.guard;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bounds a request body while it is read, before any parser sees it, and refuses with 413 (Payload
 * Too Large) naming the limit. A declared Content-Length above the limit is refused at once without
 * reading a byte; a chunked body is counted as it arrives and refused as soon as it passes the
 * limit. The application never reads past the limit and the answer carries {@code Connection:
 * close}; Payara's Grizzly still reads and discards what the client goes on sending before it
 * closes the connection (for a body with Content-Length the listener's {@code
 * max-swallowing-input-bytes} bounds that; a chunked remainder it always discards), but nothing of
 * it is kept in memory. Bodies larger than {@link BodyBudget#SMALL_BODY} hold a share of the {@link
 * BodyBudget} until their request ends, so concurrent big requests cannot exhaust the heap; when it
 * is spent the request is refused with 503 and Retry-After.
 *
 * <p>A body read into memory must also arrive in time ({@link BodyDeadline}): within {@code
 * bodyTimeoutSeconds} (default 20) and one second more for every {@code minBytesPerSecond} (default
 * 16 KiB) received. A body that does not is refused with 408 (Request Timeout) naming the limit,
 * and the connection is closed, so that a client trickling a byte now and then holds a worker
 * thread for that long at most. The filter sees the time only when a read returns: a client that
 * sends nothing at all is ended by the listener's transport read timeout ({@code
 * read-timeout-millis}, which {@code ear/bin/egovca} sets), whose failed read is answered with 408
 * too.
 *
 * <p>Init parameters: {@code maxBytes} (required); {@code kind}: {@code soap} (only {@code
 * text/xml} or {@code application/soap+xml} in a charset {@link XmlRequestCheck} can follow,
 * anything else refused with 415 (Unsupported Media Type) naming what is accepted, before the body
 * is read; the body is read into memory and checked with {@link XmlRequestCheck}: an encoding the
 * check cannot follow is refused with 415, a DTD, an entity declaration or more than {@code
 * maxElements} elements (default 10,000) with a SOAP fault; refusals are SOAP faults), {@code
 * binary} (read into memory; refusals are plain text), or {@code upload} (left to the container,
 * which spools multipart uploads to disk: only the declared Content-Length is checked, and a body
 * without one is refused with 411 (Length Required), since the container's multipart parser reads
 * the connection itself, past any wrapper; browsers always declare the length of a form; a body
 * that is not multipart/form-data is limited to {@code formMaxBytes}, default 2 MiB, the
 * container's own form limit).
 *
 * <p>Why a filter and not the listener's {@code max-post-size-bytes}: Payara's Grizzly applies that
 * one value to every application on the listener (an OCSP request and an RA batch would get the
 * same limit), and a chunked body past it surfaces as an IOException inside the XML parser rather
 * than as a refusal naming the limit. It remains a sensible coarse backstop above the largest limit
 * here.
 */
public class RequestLimitFilter implements Filter {

  private static final Logger LOG = Logger.getLogger(RequestLimitFilter.class.getName());

  /** How a guarded body is handled. */
  public enum Kind {
    SOAP,
    BINARY,
    UPLOAD
  }

  private static final int DEFAULT_MAX_ELEMENTS = 10_000;
  private static final long DEFAULT_FORM_MAX_BYTES = 2L << 20;

  private long maxBytes;
  private long formMaxBytes;
  private int maxElements;
  private Kind kind;
  private BodyBudget budget;
  private BodyDeadline deadline;

  /** The container's constructor; configured by {@link #init}. */
  public RequestLimitFilter() {}

  /**
   * A filter configured in code (the reference receiver registers its own), with the default {@link
   * BodyDeadline}.
   */
  public RequestLimitFilter(Kind kind, long maxBytes, int maxElements, BodyBudget budget) {
    this(kind, maxBytes, maxElements, budget, BodyDeadline.DEFAULT);
  }

  /** A filter configured in code. */
  public RequestLimitFilter(
      Kind kind, long maxBytes, int maxElements, BodyBudget budget, BodyDeadline deadline) {
    this.kind = kind;
    this.maxBytes = maxBytes;
    this.formMaxBytes = DEFAULT_FORM_MAX_BYTES;
    this.maxElements = maxElements;
    this.budget = budget;
    this.deadline = deadline;
  }

  @Override
  public void init(FilterConfig config) throws ServletException {
    if (kind != null) {
      return; // configured in code
    }
    String max = config.getInitParameter("maxBytes");
    if (max == null) {
      throw new ServletException(config.getFilterName() + ": init parameter maxBytes is missing");
    }
    maxBytes = Long.parseLong(max.strip());
    String kindName = config.getInitParameter("kind");
    kind = kindName == null ? Kind.BINARY : Kind.valueOf(kindName.strip().toUpperCase(Locale.ROOT));
    String elements = config.getInitParameter("maxElements");
    maxElements = elements == null ? DEFAULT_MAX_ELEMENTS : Integer.parseInt(elements.strip());
    String form = config.getInitParameter("formMaxBytes");
    formMaxBytes = form == null ? DEFAULT_FORM_MAX_BYTES : Long.parseLong(form.strip());
    budget = BodyBudget.shared();
    String timeout = config.getInitParameter("bodyTimeoutSeconds");
    String rate = config.getInitParameter("minBytesPerSecond");
    deadline =
        new BodyDeadline(
            timeout == null
                ? BodyDeadline.DEFAULT.timeout()
                : Duration.ofSeconds(Long.parseLong(timeout.strip())),
            rate == null ? BodyDeadline.DEFAULT.minBytesPerSecond() : Long.parseLong(rate.strip()));
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    long limit = limitFor(request);
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      refuseTooLarge(request, response, limit);
      return;
    }
    if (declared == 0 || (declared < 0 && !mayHaveBody(request))) {
      chain.doFilter(request, response); // no body
      return;
    }
    if (kind == Kind.SOAP) {
      Optional<String> unsupported =
          XmlRequestCheck.unsupportedContentType(request.getContentType());
      if (unsupported.isPresent()) {
        refuseUnsupported(request, response, unsupported.get());
        return;
      }
    }
    // No Content-Length: a chunked body, or none (Grizzly hides Transfer-Encoding once decoded)
    if (declared < 0 && kind == Kind.UPLOAD) {
      refuse(
          response,
          HttpServletResponse.SC_LENGTH_REQUIRED,
          "a request body without Content-Length is not accepted here");
      return;
    }
    try (BodyBudget.Reservation reservation = budget.open()) {
      if (!reservation.cover(Math.max(declared, 0))) {
        refuseBusy(request, response);
        return;
      }
      if (kind == Kind.UPLOAD) {
        chain.doFilter(request, response); // declared length within the limit
      } else {
        buffered(request, response, chain, limit, declared, reservation);
      }
    }
  }

  private static boolean mayHaveBody(HttpServletRequest request) {
    String method = request.getMethod();
    return !"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method);
  }

  private long limitFor(HttpServletRequest request) {
    if (kind != Kind.UPLOAD) {
      return maxBytes;
    }
    String type = request.getContentType();
    boolean multipart =
        type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    return multipart ? maxBytes : Math.min(maxBytes, formMaxBytes);
  }

  private void buffered(
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      long limit,
      long declared,
      BodyBudget.Reservation reservation)
      throws IOException, ServletException {
    BodyDeadline.Clock clock = deadline.start();
    Body body;
    try {
      body = read(request.getInputStream(), limit, declared, reservation, clock);
    } catch (IOException e) {
      // the listener's read timeout ended a stalled body, or the client went away
      refuseLate(request, response, "the connection failed while it was read (" + e + ")");
      return;
    }
    if (body.late) {
      refuseLate(request, response, body.length + " bytes arrived in " + clock.elapsed());
      return;
    }
    if (body.busy) {
      refuseBusy(request, response);
      return;
    }
    if (body.bytes == null) {
      refuseTooLarge(request, response, limit);
      return;
    }
    if (kind == Kind.SOAP) {
      Optional<String> unsupported =
          XmlRequestCheck.unsupportedEncoding(body.bytes, body.length, request.getContentType());
      if (unsupported.isPresent()) {
        refuseUnsupported(request, response, unsupported.get());
        return;
      }
      Optional<String> problem =
          XmlRequestCheck.problem(body.bytes, body.length, request.getContentType(), maxElements);
      if (problem.isPresent()) {
        LOG.log(
            Level.INFO,
            "refused {0} from {1}: {2}",
            new Object[] {request.getRequestURI(), request.getRemoteAddr(), problem.get()});
        Refusals.soapFault(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, problem.get());
        return;
      }
    }
    chain.doFilter(new BufferedRequest(request, body.bytes, body.length), response);
  }

  /**
   * The body read into memory; bytes == null when it passed the limit, when the budget was spent
   * (busy) or when it did not arrive in time (late, with the length that had arrived).
   */
  private record Body(byte[] bytes, int length, boolean busy, boolean late) {}

  private static Body read(
      InputStream in,
      long limit,
      long declared,
      BodyBudget.Reservation reservation,
      BodyDeadline.Clock clock)
      throws IOException {
    byte[] buffer = new byte[(int) (declared >= 0 ? declared : Math.min(limit, 8192))];
    int length = 0;
    while (true) {
      if (length == buffer.length) {
        if (declared >= 0 || length > limit) {
          // a declared body is complete; one more byte of a chunked body is too many
          break;
        }
        long grown = Math.min(limit + 1, (long) buffer.length * 2);
        if (!reservation.cover(grown)) {
          return new Body(null, 0, true, false);
        }
        buffer = Arrays.copyOf(buffer, (int) grown);
      }
      int read = in.read(buffer, length, buffer.length - length);
      if (read < 0) {
        break;
      }
      length += read;
      if (clock.late(length)) {
        return new Body(null, length, false, true);
      }
    }
    if (length > limit) {
      return new Body(null, 0, false, false);
    }
    return new Body(buffer, length, false, false);
  }

  private void refuseTooLarge(HttpServletRequest request, HttpServletResponse response, long limit)
      throws IOException {
    String message =
        "the request body is larger than "
            + Refusals.size(limit)
            + ", the limit of "
            + request.getRequestURI();
    LOG.log(
        Level.INFO,
        "refused a request from {0}: {1}",
        new Object[] {request.getRemoteAddr(), message});
    refuse(response, 413, message);
  }

  private void refuseLate(HttpServletRequest request, HttpServletResponse response, String what)
      throws IOException {
    String message = "the request body did not arrive in time: " + deadline.describe();
    LOG.log(
        Level.INFO,
        "refused a request to {0} from {1}: {2} ({3})",
        new Object[] {request.getRequestURI(), request.getRemoteAddr(), message, what});
    try {
      refuse(response, HttpServletResponse.SC_REQUEST_TIMEOUT, message);
    } catch (IOException clientGone) {
      // nobody to tell: the connection is closed either way
    }
  }

  private void refuseUnsupported(
      HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
    LOG.log(
        Level.INFO,
        "refused a request to {0} from {1}: {2}",
        new Object[] {request.getRequestURI(), request.getRemoteAddr(), message});
    refuse(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, message);
  }

  private void refuseBusy(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String message =
        "the server is busy with other large requests ("
            + Refusals.size(budget.bytes())
            + " of request bodies at once); retry later";
    LOG.log(
        Level.WARNING,
        "refused a request to {0} from {1}: {2}",
        new Object[] {request.getRequestURI(), request.getRemoteAddr(), message});
    response.setHeader("Retry-After", "5");
    refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, message);
  }

  /** Answers, and the connection is not reused: the application reads no more of the body. */
  private void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setHeader("Connection", "close");
    if (kind == Kind.SOAP) {
      Refusals.soapFault(response, status, message);
    } else {
      Refusals.text(response, status, message);
    }
  }
}
