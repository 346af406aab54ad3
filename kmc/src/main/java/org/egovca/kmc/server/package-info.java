/**
 * The key management centre (KMC) as its own deployable (SPEC R14, "Real parts"; CPS §6.1.4.10.2–3,
 * §7.5.2.2.3–5; GM/T 0014): {@link org.egovca.kmc.server.KmcService} answers the CA's GM/T 0014
 * CARequests with KMReponds, over its own database ({@code KmcStore}, migrations in {@code
 * db/kmc-migration}) and its own crypto token ({@code KmcKeys}: the escrow key and the protocol
 * key). The web application ({@code /kmc}) serves it at {@code POST /kmc/protocol}; the CA's
 * service tier runs it in-process. {@code EscrowRetention} archives the escrowed keys of expired
 * certificates and destroys them ten years on (CPS §7.5.2.2.5).
 */
package org.egovca.kmc.server;
