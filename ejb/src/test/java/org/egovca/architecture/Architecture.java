package org.egovca.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * Which package may depend on which, as docs/ARCHITECTURE.md draws it: the CA core ({@code ca})
 * knows neither the RA ({@code ra}) nor the information services ({@code delivery}); the RA does
 * not know the information services (they ask it for operators and dual control, never the other
 * way); key custody ({@code custody}) uses the CA's token and the RA's operators and none of them
 * knows it; the audit log ({@code audit}) knows none of them; within each, interfaces call the
 * application, the application the domain, and the domain and the X.509 encoders depend on no
 * service; and only key custody calls the revocation of a CA's certificate or a CA key rollover.
 */
final class Architecture {

  /** The service only a key ceremony calls (custody): the root revoking a CA's certificate. */
  static final String CA_REVOCATION = "CaCertificateRevocation";

  private Architecture() {}

  /** The rules for the code under {@code root} ({@code org.egovca}, or a test fixture's). */
  static List<ArchRule> rules(String root) {
    return List.of(
        noClasses()
            .that()
            .resideInAPackage(root + ".ca..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(root + ".ra..", root + ".delivery..")
            .because("the CA core depends on neither the RA nor the information services"),
        noClasses()
            .that()
            .resideInAPackage(root + ".ra..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(root + ".delivery..")
            .because(
                "the information services use the RA's operators and dual control, not the other"
                    + " way (an approved action of theirs comes back through"
                    + " SupervisedActionHandler)"),
        noClasses()
            .that()
            .resideInAnyPackage(root + ".delivery.application..", root + ".delivery.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(root + ".delivery.infrastructure..")
            .because(
                "the delivery queues deliver through their ports (DeliveryTarget, DeliveryAdapters); the"
                    + " directory and SOAP adapters implement them"),
        noClasses()
            .that()
            .resideInAnyPackage(
                root + ".ca..", root + ".ra..", root + ".delivery..", root + ".audit..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(root + ".custody..")
            .because(
                "key custody uses the CA's token and the RA's operators; they learn of an"
                    + " activation through the CA's event CaTokenActivated, never from custody"),
        noClasses()
            .that()
            .resideInAPackage(root + ".audit..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(root + ".ca..", root + ".ra..", root + ".delivery..")
            .because("every context records its events in the audit log, which knows none of them"),
        noClasses()
            .that()
            .resideInAnyPackage(root + "..domain..", root + ".ca.x509..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(root + "..application..", root + "..infrastructure..")
            .because("the domain and the X.509 encoders depend on no service; refusals live there"),
        noClasses()
            .that()
            .resideOutsideOfPackage(root + "..infrastructure..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(root + "..infrastructure..")
            .because(
                "the services reach what is outside through ports of the core (the CA's crypto"
                    + " token is CaToken, the delivery queues' targets DeliveryTarget); only the"
                    + " infrastructure knows the adapters"),
        noClasses()
            .that()
            .resideOutsideOfPackage(root + ".custody..")
            .should()
            .callMethod(
                root + ".ca.application.CaKeyRollovers",
                "rollOver",
                String.class.getName(),
                String.class.getName())
            .because(
                "a CA key is rolled over only in a key ceremony, with three key custodians"
                    + " present, after two security administrators approved it"),
        noClasses()
            .that()
            .resideOutsideOfPackage(root + ".custody..")
            .and()
            .doNotHaveFullyQualifiedName(root + ".ca.application." + CA_REVOCATION)
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName(root + ".ca.application." + CA_REVOCATION)
            .because(
                "the root revokes a CA's certificate only in a key ceremony, with three key"
                    + " custodians present: no console page, SOAP operation or other service may"
                    + " call it"));
  }
}
