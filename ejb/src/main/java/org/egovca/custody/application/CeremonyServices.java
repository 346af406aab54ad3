package org.egovca.custody.application;

/** The services that hold the key ceremonies, for {@link ConsoleCeremony} to call the right one. */
record CeremonyServices(
    KeyCeremonies keys,
    CaKeyCeremonies caKeys,
    Resharing resharing,
    CaRevocationCeremony caRevocation,
    CaKeyRolloverCeremony caKeyRollover) {}
