package org.egovca.it.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.egovca.it.CaServer;
import org.egovca.it.DeployedEar;
import org.egovca.it.FirstAdministrators;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The operators of the console tests, shared by all console test classes of a run: the first two
 * security administrators log in with the passwords they chose ({@link FirstAdministrators}); every
 * other operator is asked for by the first (with a certificate request made on the operator's own
 * "device"), approved by the second (dual control), gets their PKCS#12 into a browser of their own,
 * logs in with the one-time password and chooses a password. Each operator is made on first use and
 * keeps their browser until the run ends.
 */
final class ConsoleFixture implements ExtensionContext.Store.CloseableResource {

  /** Where screenshots for the README go (overwritten on each run). */
  static final Path SCREENSHOTS = Texts.REPOSITORY.resolve("docs/screenshots");

  private static final Path DIAGNOSTICS =
      Texts.REPOSITORY.resolve("ear/target/console-diagnostics");

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ConsoleFixture.class);

  /** The operators the tests use, with their roles (CPS 7.5.1.2). */
  enum Staff {
    CLERK("clerk.li", "李文", "ENTRY_CLERK", null),
    REVIEWER("reviewer.zhao", "赵敏", "REVIEWER", null),
    /** An entry clerk who later becomes a reviewer (separation of duties). */
    SWITCHER("clerk.sun", "孙立", "ENTRY_CLERK", null),
    AUDITOR("auditor.qian", "钱芳", "AUDITOR", null),
    MAINTAINER("maint.zhou", "周杰", "SYSTEM_MAINTAINER", null),
    UNIT_NORTH("unit.north", "北区应用管理员", "UNIT_ADMIN", "NORTH"),
    UNIT_SOUTH("unit.south", "南区应用管理员", "UNIT_ADMIN", "SOUTH"),
    /** Is locked out by wrong passwords. */
    LOCKED("archive.wu", "吴刚", "ARCHIVE_ADMIN", null),
    /** Tries passwords against the rules of CPS 6.5.2.4 (a display name that is a password). */
    CHOOSER("sysop", "Zhou Xiaoming1", "ARCHIVE_ADMIN", null),
    /** Gets a new login certificate while logged in with the old one. */
    ROTATED("archive.he", "何平", "ARCHIVE_ADMIN", null),
    /** Whose password reset the administrator who supplied their key may not approve. */
    SPLIT("archive.lin", "林峰", "ARCHIVE_ADMIN", null);

    final String username;
    final String displayName;
    final String role;
    final String unit;

    Staff(String username, String displayName, String role, String unit) {
      this.username = username;
      this.displayName = displayName;
      this.role = role;
      this.unit = unit;
    }

    /** The password the operator chooses at first login. */
    String password() {
      return "Tz8!qW4e" + ordinal();
    }
  }

  final CaServer server;
  final GreenMail mail;
  final Path work;
  private Console admin;
  private Console admin2;
  private final Map<Staff, Console> accounts = new EnumMap<>(Staff.class);
  private final Set<Staff> loggedIn = new HashSet<>();
  private final Set<String> units = new HashSet<>();

  private ConsoleFixture(CaServer server, GreenMail mail) throws Exception {
    this.server = server;
    this.mail = mail;
    this.work = Files.createDirectories(server.home().resolve("console-it"));
  }

  static ConsoleFixture of(ExtensionContext context) {
    CaServer server = DeployedEar.server(context);
    GreenMail mail = DeployedEar.mail(context);
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            ConsoleFixture.class,
            key -> {
              try {
                return new ConsoleFixture(server, mail);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            ConsoleFixture.class);
  }

  /** The first security administrator, logged in with the password they chose. */
  synchronized Console admin() throws Exception {
    if (admin == null) {
      admin = firstAdmin("admin");
    } else {
      admin.keepLoggedIn();
    }
    return admin;
  }

  /**
   * The second security administrator, who approves what the first asks for (dual control), logged
   * in with the password they chose.
   */
  synchronized Console admin2() throws Exception {
    if (admin2 == null) {
      admin2 = firstAdmin("admin2");
    } else {
      admin2.keepLoggedIn();
    }
    return admin2;
  }

  /**
   * One of the first two administrators, logged in with the password they chose (their one-time
   * password is replaced once per run, see {@link FirstAdministrators}).
   */
  private Console firstAdmin(String username) throws Exception {
    Console console =
        new Console(
            server,
            username,
            FirstAdministrators.password(server, username),
            server.operatorP12(username),
            server.operatorP12Password(username));
    try {
      console.login();
    } catch (Exception | Error e) {
      console.close();
      throw e;
    }
    return console;
  }

  /** What a second administrator's approval produced: a one-time password and certificates. */
  record Approved(String secret, String result) {}

  /**
   * The dual-control request the first administrator's page just made, approved by the second
   * administrator on the dual control page.
   */
  synchronized Approved approveRequestOf(Console asker) throws Exception {
    assertTrue(asker.present("requested-id"), "no request was made: " + asker.messages());
    return approve(asker.text("requested-id"));
  }

  /** Dual-control request {@code id}, approved by the second administrator on its page. */
  synchronized Approved approve(String id) throws Exception {
    Console approver = admin2();
    approver.open("dual-control.xhtml?id=" + id);
    approver.submit("decision:approve");
    assertTrue(
        approver.present("approval-panel"),
        "request " + id + " not approved: " + approver.messages());
    return new Approved(
        approver.present("approval-secret") ? approver.text("approval-secret") : null,
        approver.present("approval-result") ? approver.content("approval-result") : null);
  }

  /** The operator, logged in with the password they chose at their first login. */
  synchronized Console operator(Staff staff) throws Exception {
    Console console = account(staff);
    if (loggedIn.add(staff)) {
      console.login();
      console.changePassword(staff.password());
    } else {
      console.keepLoggedIn();
    }
    return console;
  }

  /**
   * The operator's account and browser, not yet logged in: the console's password is the one-time
   * password the security administrator was shown.
   */
  synchronized Console account(Staff staff) throws Exception {
    Console console = accounts.get(staff);
    if (console == null) {
      console = create(staff);
      accounts.put(staff, console);
    }
    return console;
  }

  /** An application a clerk entered and a reviewer approved: its id and certificate serial. */
  record Issued(long applicationId, String serial) {}

  private Issued sample;

  /** An approved application with its certificate, made once for tests that only read it. */
  synchronized Issued sample() throws Exception {
    if (sample == null) {
      long id =
          Desk.enter(
              operator(Staff.CLERK),
              Desk.Entry.personal(
                  "周敏",
                  Pki.residentId("11010819800101001"),
                  "zhou.min@example.cn",
                  Pki.sm2Request(work, "zhou-min"),
                  Pki.scan(work, "zhou-min-id-card.png")));
      sample = new Issued(id, Desk.approve(operator(Staff.REVIEWER), id));
    }
    return sample;
  }

  /** Creates an application unit once (security administrator, operators page). */
  synchronized void unit(String code) throws Exception {
    if (units.contains(code)) {
      return;
    }
    Console admin = admin();
    admin.open("operators.xhtml");
    admin.type("unitForm:unitCode", code);
    admin.type("unitForm:unitName", code.charAt(0) + code.substring(1).toLowerCase() + " 应用单位");
    admin.submit("unitForm:create");
    assertTrue(
        admin.messages().contains(Texts.zh("unit.created", code)),
        "unit " + code + " not created: " + admin.messages());
    units.add(code);
  }

  private Console create(Staff staff) throws Exception {
    if (staff.unit != null) {
      unit(staff.unit);
    }
    Console admin = admin();
    String request = Pki.rsaRequest(work, staff.username);
    admin.open("operators.xhtml");
    admin.type("newOperator:username", staff.username);
    admin.type("newOperator:displayName", staff.displayName);
    admin.type("newOperator:email", staff.username + "@ra.example.cn");
    admin.check(
        org.openqa.selenium.By.cssSelector(
            "input[name='newOperator:roles'][value='" + staff.role + "']"),
        true);
    if (staff.unit != null) {
      admin.select("newOperator:applicationUnit", staff.unit);
    }
    admin.setValue("newOperator:certificateRequest", request);
    admin.submit("newOperator:create");
    if (!admin.present("requested-id")) {
      admin.saveDiagnostics(DIAGNOSTICS, "create-" + staff.username);
      throw new AssertionError(
          "operator " + staff.username + " not asked for: " + admin.pageText());
    }
    Approved approved = approveRequestOf(admin);
    String oneTimePassword = approved.secret();
    String certificates = approved.result();
    String p12Password = "p12-" + staff.username;
    Path p12 = Pki.pkcs12(work, staff.username, certificates + "\n", p12Password);
    return new Console(server, staff.username, oneTimePassword, p12, p12Password.toCharArray());
  }

  /** Every browser of the run, for diagnostics. */
  synchronized List<Console> consoles() {
    List<Console> all = new ArrayList<>();
    if (admin != null) {
      all.add(admin);
    }
    if (admin2 != null) {
      all.add(admin2);
    }
    all.addAll(accounts.values());
    return all;
  }

  @Override
  public synchronized void close() {
    for (Console console : consoles()) {
      try {
        console.close();
      } catch (RuntimeException e) {
        // the browser is gone already
      }
    }
  }

  /**
   * Gives test methods and {@code @BeforeAll} methods the fixture, and saves every browser's page
   * (screenshot and HTML) to {@code ear/target/console-diagnostics} when a test fails.
   */
  static final class Extension
      implements ParameterResolver, TestWatcher, LifecycleMethodExecutionExceptionHandler {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == ConsoleFixture.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return of(context);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      ConsoleFixture fixture =
          context.getRoot().getStore(NAMESPACE).get(ConsoleFixture.class, ConsoleFixture.class);
      if (fixture == null) {
        return;
      }
      String test = context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName();
      for (Console console : fixture.consoles()) {
        try {
          console.saveDiagnostics(
              DIAGNOSTICS, (test + "-" + console.username).replaceAll("[^A-Za-z0-9._-]", "_"));
        } catch (RuntimeException e) {
          // a browser that cannot take a screenshot has nothing to show
        }
      }
    }
  }
}
